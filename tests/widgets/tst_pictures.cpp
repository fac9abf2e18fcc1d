#include "illustratedstory.h"
#include "pageview.h"
#include "picturecache.h"
#include "pictureview.h"
#include "readerwidget.h"
#include "storymapview.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidgetItem>

using Storybook::Media::PictureCache;
using Storybook::Story::Story;
using Storybook::Widgets::PageView;
using Storybook::Widgets::PictureView;
using Storybook::Widgets::ReaderWidget;
using Layout = Storybook::Widgets::PageView::BookLayout;
using State = Storybook::Widgets::PictureView::State;

namespace {

std::shared_ptr<const Story> snapshot(const Story& story)
{
    return std::make_shared<const Story>(story);
}

PictureView* picture(ReaderWidget& reader)
{
    return reader.pageView()->pictureView();
}

// Waits until the picture shown is decoded: on the cache's signal when a decode is running.
bool waitForDecoded(ReaderWidget& reader)
{
    PictureView* view = picture(reader);
    if (view->state() != State::Loading)
        return true;
    QSignalSpy ready(reader.pictureCache(), &PictureCache::pictureReady);
    while (view->state() == State::Loading) {
        if (!ready.wait(20000))
            return false;
    }
    return true;
}

QLabel* visibleLabelWithText(QWidget* root, const QString& text)
{
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (label->text() == text && label->isVisibleTo(root))
            return label;
    }
    return nullptr;
}

} // namespace

class TestPictures final : public QObject
{
    Q_OBJECT

private:
    // A reader on screen at `size` showing the illustrated story at `pageId`.
    static bool showReader(ReaderWidget& reader, const Story& story, const QString& pageId, QSize size)
    {
        reader.resize(size);
        reader.show();
        if (!QTest::qWaitForWindowExposed(&reader))
            return false;
        reader.setStory(snapshot(story));
        reader.showPage(pageId);
        return reader.currentPageId() == pageId;
    }

private Q_SLOTS:
    void showsPictureWithItsAspect_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<double>("aspect");
        QTest::newRow("landscape png") << QStringLiteral("p1") << 1.5;
        QTest::newRow("portrait jpeg") << QStringLiteral("p2") << 400.0 / 600.0;
    }

    void showsPictureWithItsAspect()
    {
        QFETCH(QString, page);
        QFETCH(double, aspect);
        ReaderWidget reader(ReaderWidget::Mode::Read);
        QVERIFY(showReader(reader, Storybook::Test::illustratedStory(), page, QSize(1400, 800)));
        QVERIFY(waitForDecoded(reader));
        PictureView* view = picture(reader);
        QCOMPARE(view->state(), State::Shown);
        QVERIFY(!view->pixmap().isNull());
        QVERIFY(qAbs(double(view->pixmap().width()) / view->pixmap().height() - aspect) < 0.02);
        const QRect shown = view->pictureRect();
        QVERIFY(shown.width() > 200);
        QVERIFY(qAbs(double(shown.width()) / shown.height() - aspect) < 0.02);
        QVERIFY(view->isVisible());
        // The text is there and readable; the scene line is the picture's description now.
        QCOMPARE(reader.pageView()->plainText(), Storybook::Test::illustratedStory().page(page)->text);
        QVERIFY(!visibleLabelWithText(reader.pageView(), QStringLiteral("Scene of ") + page));
        QCOMPARE(view->accessibleDescription(), QStringLiteral("Scene of ") + page);
    }

    void layoutFollowsWindowShape()
    {
        ReaderWidget reader(ReaderWidget::Mode::Read);
        reader.splitter()->setSizes({1, 0}); // the page alone decides its shape
        QVERIFY(showReader(reader, Storybook::Test::illustratedStory(), QStringLiteral("p1"), QSize(1600, 800)));
        QVERIFY(waitForDecoded(reader));
        PageView* page = reader.pageView();
        PictureView* view = picture(reader);
        QTextEdit* text = page->textView();
        QTRY_COMPARE(page->bookLayout(), Layout::PictureBeside);
        QTRY_VERIFY(view->geometry().right() < text->mapTo(page, QPoint(0, 0)).x());

        reader.resize(700, 1000); // tall
        QTRY_COMPARE(page->bookLayout(), Layout::PictureAbove);
        QTRY_VERIFY(view->geometry().bottom() < text->mapTo(page, QPoint(0, 0)).y());
        QVERIFY(view->height() <= page->height() / 2); // the text keeps room
        QVERIFY(waitForDecoded(reader));
        QCOMPARE(view->state(), State::Shown);

        reader.resize(600, 500); // small and narrow: above, too
        QTRY_COMPARE(page->bookLayout(), Layout::PictureAbove);

        reader.resize(1600, 800);
        QTRY_COMPARE(page->bookLayout(), Layout::PictureBeside);
    }

    void decodesOncePerSizeBucket()
    {
        ReaderWidget reader(ReaderWidget::Mode::Read);
        QVERIFY(showReader(reader, Storybook::Test::illustratedStory(), QStringLiteral("p1"), QSize(900, 700)));
        QVERIFY(waitForDecoded(reader));
        const int before = reader.pictureCache()->decodesStarted();
        QSet<int> buckets;
        for (int width = 900; width <= 1900; width += 10) {
            reader.resize(width, 700 + (width - 900) / 4);
            QCoreApplication::processEvents();
            const QRect rect = picture(reader)->pictureRect();
            buckets.insert(PictureCache::bucketFor(qMax(rect.width(), rect.height())));
            QCOMPARE(picture(reader)->state(), State::Shown); // the old size stays shown meanwhile
        }
        const int decodes = reader.pictureCache()->decodesStarted() - before;
        QVERIFY2(decodes <= buckets.size(), qPrintable(QStringLiteral("%1 decodes for %2 buckets").arg(decodes).arg(buckets.size())));
        QVERIFY(decodes < 10); // 100 resize events
    }

    void placeholderWhilePaintingThenPicture()
    {
        Story story = Storybook::Test::illustratedStory();
        const QByteArray bytes = story.assets.take(QStringLiteral("pictures/p1.png"));
        story.page(QStringLiteral("p1"))->picture.reset();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        QVERIFY(showReader(reader, story, QStringLiteral("p1"), QSize(1400, 800)));
        PictureView* view = picture(reader);
        QCOMPARE(reader.pageView()->bookLayout(), Layout::TextOnly);

        reader.setPicturePending(QStringLiteral("p1"), true);
        QVERIFY(reader.isPicturePending(QStringLiteral("p1")));
        QCOMPARE(view->state(), State::Painting);
        QCOMPARE(reader.pageView()->bookLayout(), Layout::PictureBeside);
        QVERIFY(view->placeholder()->isVisible());
        QVERIFY(visibleLabelWithText(view->placeholder(), QStringLiteral("Scene of p1")));
        QVERIFY(visibleLabelWithText(view->placeholder(), QStringLiteral("Painting the picture…")));
        const QList<QProgressBar*> bars = view->placeholder()->findChildren<QProgressBar*>();
        QCOMPARE(bars.size(), 1);
        QVERIFY(bars.first()->isVisible());
        QCOMPARE(bars.first()->maximum(), 0); // indeterminate
        QCOMPARE(reader.pageView()->plainText(), story.page(QStringLiteral("p1"))->text); // text first, never blocked

        // Another page and back: still painting.
        reader.showPage(QStringLiteral("p3"));
        QCOMPARE(view->state(), State::Empty);
        reader.showPage(QStringLiteral("p1"));
        QCOMPARE(view->state(), State::Painting);

        // The picture arrives in a newer snapshot, before the painter says it is done.
        Storybook::Test::attachPicture(story, QStringLiteral("p1"), bytes, QStringLiteral("image/png"));
        reader.setStory(snapshot(story));
        QVERIFY(waitForDecoded(reader));
        QCOMPARE(view->state(), State::Shown);
        QVERIFY(!view->placeholder()->isVisible());
        QVERIFY(!view->pixmap().isNull());
        reader.setPicturePending(QStringLiteral("p1"), false);
        QCOMPARE(view->state(), State::Shown);

        // Painted again: the old picture stays, with a thin progress bar.
        reader.setPicturePending(QStringLiteral("p1"), true);
        QCOMPARE(view->state(), State::Shown);
        QVERIFY(!view->placeholder()->isVisible());
        QProgressBar* thin = nullptr;
        for (QProgressBar* bar : view->findChildren<QProgressBar*>()) {
            if (bar->parentWidget() == view)
                thin = bar;
        }
        QVERIFY(thin && thin->isVisible());
        reader.setPicturePending(QStringLiteral("p1"), false);
        QVERIFY(!thin->isVisible());

        // A failed painting: the placeholder goes, the page is text only again.
        reader.setPicturePending(QStringLiteral("p3"), true);
        reader.showPage(QStringLiteral("p3"));
        QCOMPARE(view->state(), State::Painting);
        reader.setPicturePending(QStringLiteral("p3"), false);
        QCOMPARE(view->state(), State::Empty);
        QCOMPARE(reader.pageView()->bookLayout(), Layout::TextOnly);

        // Pending paintings belong to their story.
        reader.setPicturePending(QStringLiteral("p3"), true);
        Story other = story;
        other.id = QStringLiteral("another");
        reader.setStory(snapshot(other));
        QVERIFY(!reader.isPicturePending(QStringLiteral("p3")));
    }

    // A page written again keeps showing its picture while the new text streams and until the new
    // version's own picture is painted; a failed painting leaves the new version without one.
    void rewrittenPageKeepsItsPictureUntilTheNewOne()
    {
        Story story = Storybook::Test::illustratedStory();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        QVERIFY(showReader(reader, story, QStringLiteral("p1"), QSize(1400, 800)));
        PictureView* view = picture(reader);
        QVERIFY(waitForDecoded(reader));
        QCOMPARE(view->state(), State::Shown);

        // The new text streams: the old picture stays.
        reader.beginStreaming(QStringLiteral("p1"));
        reader.appendStreamingText(QStringLiteral("p1"), QStringLiteral("A new beginning."));
        QVERIFY(waitForDecoded(reader));
        QCOMPARE(view->state(), State::Shown);

        // The new version is done, without a picture yet, and its picture is being painted.
        Storybook::Story::Page rewritten = *story.page(QStringLiteral("p1"));
        rewritten.text = QStringLiteral("A new beginning.");
        rewritten.picture.reset();
        QVERIFY(story.replacePageVersion(QStringLiteral("p1"), rewritten));
        QVERIFY(!story.page(QStringLiteral("p1"))->picture);
        reader.setPicturePending(QStringLiteral("p1"), true);
        reader.setStory(snapshot(story));
        reader.endStreaming();
        QVERIFY(waitForDecoded(reader));
        QCOMPARE(view->state(), State::Shown); // the earlier version's picture, while the new one is painted
        QVERIFY(!view->pixmap().isNull());

        // The painting failed: the new version has no picture of its own.
        reader.setPicturePending(QStringLiteral("p1"), false);
        QCOMPARE(view->state(), State::Empty);
    }

    void textOnlyStoryHasNoPictureArea()
    {
        Story story = Storybook::Test::illustratedStory();
        story.assets.clear();
        for (Storybook::Story::Page& page : story.pages)
            page.picture.reset();
        ReaderWidget reader(ReaderWidget::Mode::Read);
        QVERIFY(showReader(reader, story, QStringLiteral("p1"), QSize(1400, 800)));
        QCOMPARE(reader.pageView()->bookLayout(), Layout::TextOnly);
        QVERIFY(!picture(reader)->isVisible());
        QVERIFY(visibleLabelWithText(reader.pageView(), QStringLiteral("Scene of p1"))); // as before pictures
        QCOMPARE(reader.pictureCache()->decodesStarted(), 0);
        for (QTreeWidgetItemIterator it(reader.mapView()); *it; ++it)
            QVERIFY((*it)->icon(0).isNull());
    }

    void corruptPictureLeavesTextReadable()
    {
        ReaderWidget reader(ReaderWidget::Mode::Read);
        QVERIFY(showReader(reader, Storybook::Test::illustratedStory(), QStringLiteral("p4"), QSize(1400, 800)));
        QVERIFY(waitForDecoded(reader));
        QCOMPARE(picture(reader)->state(), State::Broken);
        QCOMPARE(reader.pageView()->bookLayout(), Layout::TextOnly);
        QVERIFY(!picture(reader)->isVisible());
        QCOMPARE(reader.pageView()->plainText(), QStringLiteral("And they all went home."));
        QVERIFY(reader.pageView()->textView()->isVisible());
        QVERIFY(visibleLabelWithText(reader.pageView(), QStringLiteral("Scene of p4")));
        QVERIFY(visibleLabelWithText(reader.pageView(), QStringLiteral("The End")));
        // A picture entry whose bytes were lost is no picture either.
        Story lost = Storybook::Test::illustratedStory();
        lost.assets.remove(QStringLiteral("pictures/p2.jpg"));
        reader.setStory(snapshot(lost));
        reader.showPage(QStringLiteral("p2"));
        QCOMPARE(picture(reader)->state(), State::Empty);
        QCOMPARE(reader.pageView()->plainText(), QStringLiteral("The lantern glowed brighter."));
    }

    void mapShowsThumbnails()
    {
        ReaderWidget reader(ReaderWidget::Mode::Read);
        QVERIFY(showReader(reader, Storybook::Test::illustratedStory(), QStringLiteral("p3"), QSize(1400, 800)));
        auto* map = reader.mapView();
        QTreeWidgetItem* p1 = map->itemForPage(QStringLiteral("p1"));
        QTreeWidgetItem* p2 = map->itemForPage(QStringLiteral("p2"));
        QVERIFY(p1 && p2);
        QSignalSpy ready(reader.pictureCache(), &PictureCache::pictureReady);
        while (p1->icon(0).isNull() || p2->icon(0).isNull())
            QVERIFY(ready.wait(20000));
        const QSize thumb = p1->icon(0).availableSizes().value(0);
        QVERIFY(thumb.width() <= 96 && qAbs(double(thumb.width()) / thumb.height() - 1.5) < 0.05);
        QVERIFY(map->itemForPage(QStringLiteral("p3"))->icon(0).isNull()); // no picture
        QVERIFY(map->itemForPage(QStringLiteral("p4"))->icon(0).isNull()); // corrupt
        // A newer snapshot keeps the thumbnails without decoding again (counted once no decode is
        // on its way: the corrupt p4's may still be).
        QTRY_COMPARE_WITH_TIMEOUT(reader.pictureCache()->pendingCount(), 0, 20000);
        const int decodes = reader.pictureCache()->decodesStarted();
        reader.setStory(snapshot(Storybook::Test::illustratedStory()));
        QVERIFY(!map->itemForPage(QStringLiteral("p1"))->icon(0).isNull());
        QCOMPARE(reader.pictureCache()->decodesStarted(), decodes);
    }

    void readerGoneWhileDecoding()
    {
        // Pictures still decoding when the reader (and so its cache) goes: nothing is delivered.
        for (int round = 0; round < 5; ++round) {
            auto reader = std::make_unique<ReaderWidget>(ReaderWidget::Mode::Read);
            QVERIFY(showReader(*reader, Storybook::Test::illustratedStory(), QStringLiteral("p1"), QSize(1400, 800)));
            reader.reset();
            QCoreApplication::processEvents();
        }
    }
};

QTEST_MAIN(TestPictures)
#include "tst_pictures.moc"
