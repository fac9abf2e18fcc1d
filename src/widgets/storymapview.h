#pragma once

#include "picturecache.h"
#include "story.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

namespace Storybook::Widgets {

// The page tree of a story, drawn as a tree: each page a node (its thumbnail, or its number in a
// circle) with its first words; a page continues below its parent on the same line, other answers
// branch off to the right, joined by drawn lines; the reading path's lines, nodes and cards in the
// accent colour and bold, the shown page marked, unfinished pages in italics. Thumbnails come from
// the shared PictureCache, only for the rows on screen (and a few beyond) as they scroll into view:
// a 200-page story does not queue 200 decodes when it opens. Clicking or activating (Enter) a page
// emits pageActivated. Each item's text stays "3. First words…" (what screen readers read).
class StoryMapView final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoryMapView)

public:
    static constexpr int PageIdRole = Qt::UserRole + 1;
    static constexpr int WordsRole = Qt::UserRole + 2; // the first words, drawn beside the node
    static constexpr int DepthRole = Qt::UserRole + 3; // the page's number along its way

    static constexpr int ThumbnailSide = 40;
    // Rows above and below the visible ones whose thumbnails are asked for too (a scroll step away).
    static constexpr int ThumbnailMarginRows = 3;

    explicit StoryMapView(QWidget* parent = nullptr); // with a picture cache of its own
    explicit StoryMapView(std::shared_ptr<Media::PictureCache> pictures, QWidget* parent = nullptr);
    ~StoryMapView() override;

    // Rebuilds the tree (story not owned; nullptr clears). `path` is the reading path shown in bold.
    void setStory(std::shared_ptr<const Story::Story> story, const QStringList& path, const QString& currentPageId);
    void setPath(const QStringList& path);
    void setCurrentPage(const QString& pageId);
    // Refreshes one item's label (e.g. while its text streams in).
    void updatePage(const QString& pageId);

    [[nodiscard]] QTreeWidgetItem* itemForPage(const QString& pageId) const;

    // A drawn line from a page to one that follows it (the next page, or the first of a branch).
    struct Connector
    {
        QString from;
        QString to;
        bool branch = false; // `to` starts a branch (drawn to the right), not the same line
        bool onPath = false; // both pages are on the reading path (drawn in the accent colour)
    };
    [[nodiscard]] QList<Connector> connectors() const;
    // The centre of a page's node in viewport coordinates (a null point when the page is not shown).
    [[nodiscard]] QPoint nodeCenter(const QString& pageId) const;
    [[nodiscard]] bool isOnPath(const QString& pageId) const { return m_pathSet.contains(pageId); }
    [[nodiscard]] const QString& currentPageId() const { return m_current; }
    // The colours the drawing uses (from the palette): lines and nodes on the path, and off it.
    [[nodiscard]] QColor pathColor() const;
    [[nodiscard]] QColor lineColor() const;
    // The label of a page: "<depth>. <first words>".
    [[nodiscard]] static QString pageLabel(const Story::Page& page, int depth);

Q_SIGNALS:
    void pageActivated(const QString& pageId);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void drawRow(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void drawBranches(QPainter* painter, const QRect& rect, const QModelIndex& index) const override;

private:
    friend class StoryMapDelegate;
    struct Edge
    {
        const QTreeWidgetItem* from = nullptr;
        const QTreeWidgetItem* to = nullptr;
        int fromRow = 0;
        int toRow = 0;
        int fromLevel = 0;
        int toLevel = 0;
    };
    void buildEdges();
    [[nodiscard]] bool edgeOnPath(const Edge& edge) const;
    [[nodiscard]] int nodeSide() const;
    [[nodiscard]] int nodeCenterX(int level) const;
    void paintEdges(QPainter* painter, const QRect& rowRect, int row) const;
    void decorate(QTreeWidgetItem* item, const Story::Page& page, int depth);
    void scheduleThumbnails();
    // Asks for the thumbnails of the rows on screen (± ThumbnailMarginRows) and drops the requests of
    // rows no longer near the screen.
    void requestThumbnails();
    [[nodiscard]] QList<QTreeWidgetItem*> rowsNearScreen() const;
    void dropThumbnailRequests();
    void onPictureReady(const Media::PictureKey& key, const QImage& image);

    std::shared_ptr<const Story::Story> m_story; // shared with the reader: alive while shown
    QStringList m_path;
    QHash<QString, QTreeWidgetItem*> m_items;
    std::shared_ptr<Media::PictureCache> m_pictures; // shared with the reader's page
    QHash<QString, Media::PictureKey> m_waiting;      // page id → the thumbnail being decoded
    QSize m_plainIconSize;                            // the icon size of a map without pictures
    QTimer m_thumbnailTimer;                          // coalesces scrolling, resizing and showing
    QSet<QString> m_pathSet;
    QString m_current;
    bool m_hasPictures = false;
    QList<Edge> m_edges;                              // the path's last, so they are drawn on top
    QHash<const QTreeWidgetItem*, int> m_rows;        // the row of each item (the tree never folds)
    QHash<const QTreeWidgetItem*, int> m_levels;      // its indentation level
};

} // namespace Storybook::Widgets
