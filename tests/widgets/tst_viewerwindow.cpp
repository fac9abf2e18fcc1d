#include "illustratedstory.h"
#include "pageview.h"
#include "picturecache.h"
#include "pictureview.h"
#include "readerwidget.h"
#include "storymapview.h"
#include "viewerwindow.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidgetItem>

using State = Storybook::Widgets::PictureView::State;

// The offline viewer's window in-process: an illustrated story file shows its pictures (decoded from
// the file's own bytes, no network) on the page and in the map.
class TestViewerWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("StorybookTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_viewerwindow"));
    }

    void showsPicturesOfAStoryFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("illustrated.storybook"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray data = Storybook::Test::illustratedStory().toFileData();
        QVERIFY(data.startsWith("PK\x03\x04")); // a container, pictures inside
        file.write(data);
        file.close();

        Storybook::Viewer::ViewerWindow window;
        window.resize(1400, 850);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        Storybook::Widgets::ReaderWidget* reader = window.reader();
        QCOMPARE(reader->currentPageId(), QStringLiteral("p1"));
        Storybook::Widgets::PictureView* picture = reader->pageView()->pictureView();
        QSignalSpy ready(reader->pictureCache(), &Storybook::Media::PictureCache::pictureReady);
        while (picture->state() == State::Loading)
            QVERIFY(ready.wait(20000));
        QCOMPARE(picture->state(), State::Shown);
        QVERIFY(!picture->pixmap().isNull());
        QVERIFY(qAbs(double(picture->pixmap().width()) / picture->pixmap().height() - 1.5) < 0.02);
        QVERIFY(picture->isVisible());

        QTreeWidgetItem* item = reader->mapView()->itemForPage(QStringLiteral("p2"));
        QVERIFY(item);
        while (item->icon(0).isNull())
            QVERIFY(ready.wait(20000));

        // The next page's picture, too.
        reader->showNext();
        while (picture->state() == State::Loading)
            QVERIFY(ready.wait(20000));
        QCOMPARE(picture->state(), State::Shown);
        QVERIFY(picture->pixmap().height() > picture->pixmap().width()); // portrait
    }
};

QTEST_MAIN(TestViewerWindow)
#include "tst_viewerwindow.moc"
