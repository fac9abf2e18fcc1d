// The story map (issues 15 and 18): thumbnails decoded only for the rows on screen, as they scroll
// into view, so a 200-page illustrated story does not queue 200 decodes when it opens.
#include "illustratedstory.h"
#include "picturecache.h"
#include "storymapview.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidgetItem>

using Storybook::Media::PictureCache;
using Storybook::Story::Story;
using Storybook::Widgets::StoryMapView;

namespace {

// A story of `pages` pages in a row, each with its own picture entry (the same small PNG).
Story longIllustratedStory(int pages)
{
    Story story;
    story.id = QStringLiteral("long");
    story.title = QStringLiteral("A long walk");
    story.settings.pictures = true;
    const QByteArray bytes = Storybook::Test::pictureBytes(120, 80, "PNG");
    QString parent;
    for (int i = 1; i <= pages; ++i) {
        const QString id = QStringLiteral("p%1").arg(i);
        story.pages.append(Storybook::Test::illustratedPage(id, parent, QStringLiteral("Page %1 of the walk.").arg(i)));
        story.path.append(id);
        Storybook::Test::attachPicture(story, id, bytes, QStringLiteral("image/png"));
        parent = id;
    }
    return story;
}

QList<QTreeWidgetItem*> rowsOnScreen(StoryMapView& map)
{
    QList<QTreeWidgetItem*> rows;
    const QRect screen = map.viewport()->rect();
    for (QTreeWidgetItemIterator it(&map); *it; ++it) {
        if (map.visualItemRect(*it).intersects(screen))
            rows.append(*it);
    }
    return rows;
}

bool allHaveIcons(const QList<QTreeWidgetItem*>& rows)
{
    return std::all_of(rows.cbegin(), rows.cend(), [](QTreeWidgetItem* item) { return !item->icon(0).isNull(); });
}

} // namespace

class TestStoryMap final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thumbnailsOnlyForRowsOnScreen()
    {
        auto cache = std::make_shared<PictureCache>();
        StoryMapView map(cache);
        map.resize(320, 480);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        const auto story = std::make_shared<const Story>(longIllustratedStory(200));
        map.setStory(story, story->path, QStringLiteral("p1"));

        const QList<QTreeWidgetItem*> visible = rowsOnScreen(map);
        QVERIFY(visible.size() >= 3);
        QVERIFY(visible.size() < 50);
        const int allowed = int(visible.size()) + 2 * StoryMapView::ThumbnailMarginRows + 1;
        QVERIFY2(cache->decodesStarted() >= visible.size(), qPrintable(QString::number(cache->decodesStarted())));
        QVERIFY2(cache->decodesStarted() <= allowed, qPrintable(QStringLiteral("%1 decodes for %2 rows on screen")
                                                                      .arg(cache->decodesStarted()).arg(visible.size())));
        QTRY_VERIFY_WITH_TIMEOUT(allHaveIcons(visible), 20000);
        QCOMPARE(map.itemForPage(QStringLiteral("p200"))->icon(0).isNull(), true);

        // Scrolled to the end: the rows that come into view get theirs; the pages passed by are not
        // decoded (the scroll jumps), so the count stays near two screens.
        map.verticalScrollBar()->setValue(map.verticalScrollBar()->maximum());
        QTRY_VERIFY_WITH_TIMEOUT(allHaveIcons(rowsOnScreen(map)), 20000);
        QVERIFY(!map.itemForPage(QStringLiteral("p200"))->icon(0).isNull());
        QVERIFY2(cache->decodesStarted() <= 2 * allowed, qPrintable(QString::number(cache->decodesStarted())));
        QVERIFY(map.itemForPage(QStringLiteral("p100"))->icon(0).isNull());
    }

    void aHiddenMapDecodesNothingUntilShown()
    {
        auto cache = std::make_shared<PictureCache>();
        StoryMapView map(cache);
        map.resize(320, 480);
        const auto story = std::make_shared<const Story>(longIllustratedStory(40));
        map.setStory(story, story->path, QStringLiteral("p1"));
        QCoreApplication::processEvents();
        QCOMPARE(cache->decodesStarted(), 0);
        QCOMPARE(map.iconSize(), QSize(StoryMapView::ThumbnailSide, StoryMapView::ThumbnailSide)); // rows sized already
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        QTRY_VERIFY_WITH_TIMEOUT(cache->decodesStarted() > 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(allHaveIcons(rowsOnScreen(map)), 20000);
        QVERIFY(cache->decodesStarted() < 40);
    }
};

QTEST_MAIN(TestStoryMap)
#include "tst_storymap.moc"
