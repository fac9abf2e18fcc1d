#include "illustratedstory.h"
#include "narratedstory.h"
#include "narrationplayer.h"
#include "nullaudio.h"
#include "readaloud.h"
#include "requiretool.h"
#include "pageview.h"
#include "picturecache.h"
#include "pictureview.h"
#include "readerwidget.h"
#include "storymapview.h"
#include "viewerwindow.h"

#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidgetItem>

using State = Storybook::Widgets::PictureView::State;

// The offline viewer's window in-process: an illustrated story file shows its pictures (decoded from
// the file's own bytes, no network) on the page and in the map; a narrated story file is read aloud
// in the voice kept in it (into a private PulseAudio's null sink).
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

    void playsTheNarrationOfAStoryFile()
    {
        STORYBOOK_REQUIRE_TOOL(Storybook::Test::NullAudioServer::available(), "pulseaudio");
        Storybook::Test::NullAudioServer audio;
        QVERIFY2(audio.start(), qPrintable(audio.errorString()));
        using Source = Storybook::Story::Narration::Source;
        Storybook::Story::Story story = Storybook::Test::narratedStory();
        Storybook::Story::Page* page = story.page(QStringLiteral("n1"));
        page->recording = Storybook::Test::narrationOf(story, page->id, Storybook::Test::firstPageSentences(), Source::Recorded,
                                                       QStringLiteral("Grandma"), 250);
        const QString path = m_dir.filePath(QStringLiteral("narrated.storybook"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(story.toFileData());
        file.close();

        Storybook::Viewer::ViewerWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        Storybook::Widgets::ReaderWidget* reader = window.reader();
        QCOMPARE(reader->currentPageId(), QStringLiteral("n1"));
        QVERIFY(reader->readAloudButton()->isVisible());
        QSignalSpy wanted(reader, &Storybook::Widgets::ReaderWidget::narrationWanted);
        QList<int> starts;
        connect(reader->readAloudController(), &Storybook::Widgets::ReadAloud::partStarted, this,
                [&](int, int start, int) { starts.append(start); });
        QTest::mouseClick(reader->readAloudButton(), Qt::LeftButton);
        QCOMPARE(reader->readAloudController()->voice(), Storybook::Widgets::ReadAloud::Voice::Recording);
        QVERIFY(reader->readAloudController()->player());
        // Both sentences heard from the file's own sound, highlighted where they are in the text.
        QTRY_VERIFY_WITH_TIMEOUT(starts.size() >= 2, 15000);
        QCOMPARE(starts.mid(0, 2), (QList<int>{0, int(page->text.indexOf(QStringLiteral("She")))}));
        QCOMPARE(reader->readAloudController()->player()->placements().size(), 2);
        reader->stopReading();
        QVERIFY(wanted.isEmpty()); // the viewer never asks for narration
    }
};

QTEST_MAIN(TestViewerWindow)
#include "tst_viewerwindow.moc"
