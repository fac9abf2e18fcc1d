// The story map (issues 15 and 18): drawn as a tree (branches to the right, joined by lines, the
// reading path in the accent colour, the shown page's node filled), and thumbnails decoded only for
// the rows on screen, as they scroll into view, so a 200-page illustrated story does not queue 200
// decodes when it opens.
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

//   p1 ── p2 ── p3 ── p4 (the path, p3 shown)
//    └─ b2 ── b3   └─ c3
Story branchingStory()
{
    Story story;
    story.id = QStringLiteral("branching");
    const auto add = [&story](const QString& id, const QString& parent) {
        story.pages.append(Storybook::Test::illustratedPage(id, parent, QStringLiteral("The words of ") + id));
    };
    add(QStringLiteral("p1"), {});
    add(QStringLiteral("p2"), QStringLiteral("p1"));
    add(QStringLiteral("b2"), QStringLiteral("p1"));
    add(QStringLiteral("p3"), QStringLiteral("p2"));
    add(QStringLiteral("c3"), QStringLiteral("p2"));
    add(QStringLiteral("b3"), QStringLiteral("b2"));
    add(QStringLiteral("p4"), QStringLiteral("p3"));
    story.path = {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3"), QStringLiteral("p4")};
    return story;
}

QString connectorText(const StoryMapView::Connector& c)
{
    return c.from + (c.branch ? QStringLiteral(" branch ") : QStringLiteral(" next ")) + c.to
           + (c.onPath ? QStringLiteral(" path") : QString());
}

bool near(QColor a, QColor b)
{
    return qAbs(a.red() - b.red()) < 40 && qAbs(a.green() - b.green()) < 40 && qAbs(a.blue() - b.blue()) < 40;
}

QString colorText(QColor c)
{
    return c.name();
}

bool allHaveIcons(const QList<QTreeWidgetItem*>& rows)
{
    return std::all_of(rows.cbegin(), rows.cend(), [](QTreeWidgetItem* item) { return !item->icon(0).isNull(); });
}

} // namespace

class TestStoryMap final : public QObject
{
    Q_OBJECT

    QColor pixel(const QImage& image, QPoint at) const { return image.pixelColor(at * image.devicePixelRatio()); }

private Q_SLOTS:
    void branchesAreDrawnAsBranches()
    {
        StoryMapView map;
        map.resize(360, 420);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        const auto story = std::make_shared<const Story>(branchingStory());
        map.setStory(story, story->path, QStringLiteral("p3"));

        // The tree: the way on continues below on the same line, other answers branch to the right.
        QStringList drawn;
        for (const StoryMapView::Connector& c : map.connectors())
            drawn.append(connectorText(c));
        drawn.sort();
        QCOMPARE(drawn, QStringList({QStringLiteral("b2 next b3"), QStringLiteral("p1 branch b2"), QStringLiteral("p1 next p2 path"),
                                     QStringLiteral("p2 branch c3"), QStringLiteral("p2 next p3 path"), QStringLiteral("p3 next p4 path")}));
        const QPoint p1 = map.nodeCenter(QStringLiteral("p1"));
        const QPoint p2 = map.nodeCenter(QStringLiteral("p2"));
        const QPoint b2 = map.nodeCenter(QStringLiteral("b2"));
        const QPoint b3 = map.nodeCenter(QStringLiteral("b3"));
        QCOMPARE(p2.x(), p1.x());   // the same line
        QVERIFY(b2.x() > p1.x());   // a branch, to the right
        QCOMPARE(b3.x(), b2.x());   // and on along the branch
        QVERIFY(p1.y() < b2.y() && b2.y() < b3.y() && b3.y() < p2.y()); // the branch under the page it leaves
        // What screen readers read stays the numbered label.
        QVERIFY(map.itemForPage(QStringLiteral("b3"))->text(0).startsWith(QStringLiteral("3. ")));
        QVERIFY(map.itemForPage(QStringLiteral("p3"))->font(0).bold());
        QVERIFY(!map.itemForPage(QStringLiteral("b3"))->font(0).bold());
    }

    void pathIsHighlighted()
    {
        StoryMapView map;
        map.resize(360, 420);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        const auto story = std::make_shared<const Story>(branchingStory());
        map.setStory(story, story->path, QStringLiteral("p3"));
        QVERIFY(map.pathColor() != map.lineColor());

        QImage image = map.viewport()->grab().toImage();
        if (!qEnvironmentVariableIsEmpty("STORYMAP_SCREENSHOT"))
            image.save(qEnvironmentVariable("STORYMAP_SCREENSHOT"));
        const QPoint p1 = map.nodeCenter(QStringLiteral("p1"));
        const QPoint b2 = map.nodeCenter(QStringLiteral("b2"));
        const QPoint b3 = map.nodeCenter(QStringLiteral("b3"));
        const QPoint p3 = map.nodeCenter(QStringLiteral("p3"));
        // The path's line p1 → p2 passes the branch's rows in the accent colour; the branch's elbow
        // into b2 is an ordinary line; the shown page's node is filled with the accent colour.
        QVERIFY2(near(pixel(image, QPoint(p1.x(), b3.y())), map.pathColor()), qPrintable(colorText(pixel(image, QPoint(p1.x(), b3.y())))));
        const QPoint elbow((p1.x() + b2.x()) / 2, b2.y());
        QVERIFY2(near(pixel(image, elbow), map.lineColor()), qPrintable(colorText(pixel(image, elbow))));
        QVERIFY2(near(pixel(image, p3 - QPoint(8, 0)), map.pathColor()), qPrintable(colorText(pixel(image, p3 - QPoint(8, 0)))));

        // Another way through the story: the branch is drawn as the path now, p1 → p2 no longer.
        map.setPath({QStringLiteral("p1"), QStringLiteral("b2"), QStringLiteral("b3")});
        map.setCurrentPage(QStringLiteral("b3"));
        image = map.viewport()->grab().toImage();
        QVERIFY2(near(pixel(image, elbow), map.pathColor()), qPrintable(colorText(pixel(image, elbow))));
        QVERIFY2(near(pixel(image, QPoint(p1.x(), b3.y())), map.lineColor()), qPrintable(colorText(pixel(image, QPoint(p1.x(), b3.y())))));
        QVERIFY(!near(pixel(image, p3 - QPoint(8, 0)), map.pathColor()));
        QVERIFY(map.itemForPage(QStringLiteral("b3"))->font(0).bold());
        QVERIFY(!map.itemForPage(QStringLiteral("p3"))->font(0).bold());
    }

    void clickAndKeysSelectAPage()
    {
        StoryMapView map;
        map.resize(360, 420);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        const auto story = std::make_shared<const Story>(branchingStory());
        map.setStory(story, story->path, QStringLiteral("p1"));
        QSignalSpy activated(&map, &StoryMapView::pageActivated);
        QTest::mouseClick(map.viewport(), Qt::LeftButton, Qt::NoModifier, map.nodeCenter(QStringLiteral("c3")) + QPoint(40, 0));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("c3"));
        map.setFocus();
        QTest::keyClick(&map, Qt::Key_Down);
        QTest::keyClick(&map, Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("p3"));
    }

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
        if (!qEnvironmentVariableIsEmpty("STORYMAP_THUMBNAILS_SCREENSHOT"))
            map.viewport()->grab().save(qEnvironmentVariable("STORYMAP_THUMBNAILS_SCREENSHOT"));
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
