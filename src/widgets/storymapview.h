#pragma once

#include "picturecache.h"
#include "story.h"

#include <QHash>
#include <QStringList>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

namespace Storybook::Widgets {

// The page tree of a story: "3. First words of the page…", the reading path in bold, unfinished
// pages marked, the shown page selected, a small picture beside each page that has one (decoded by
// the shared PictureCache; a text-only story has no icons). Thumbnails are decoded only for the rows
// on screen (and a few beyond), as they scroll into view: a 200-page story does not queue 200 decodes
// when it opens. Clicking or activating (Enter) an item emits pageActivated.
class StoryMapView final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoryMapView)

public:
    static constexpr int PageIdRole = Qt::UserRole + 1;

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
    // The label of a page: "<depth>. <first words>".
    [[nodiscard]] static QString pageLabel(const Story::Page& page, int depth);

Q_SIGNALS:
    void pageActivated(const QString& pageId);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
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
};

} // namespace Storybook::Widgets
