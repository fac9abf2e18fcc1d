#include "storymapview.h"

#include <QHeaderView>
#include <QIcon>
#include <QScrollBar>
#include <QSet>
#include <QtMath>

#include <algorithm>

namespace Storybook::Widgets {

namespace {

constexpr int MaxLabelCharacters = 42;
constexpr int MaxTreeDepth = 2000; // a corrupt file cannot make the tree deeper than this

bool isWide(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x2E80 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7AF) || (u >= 0xF900 && u <= 0xFAFF)
           || (u >= 0xFF00 && u <= 0xFFEF);
}

// The first words of a text, on one line: about 6 words, or about 16 CJK characters.
QString firstWords(const QString& text)
{
    const QString flat = text.left(400).simplified();
    QString out;
    int weight = 0;
    int words = 0;
    for (qsizetype i = 0; i < flat.size(); ++i) {
        const QChar c = flat.at(i);
        if (c == u' ' && ++words >= 6)
            return out + QStringLiteral("…");
        weight += isWide(c) ? 2 : 1;
        if (weight > MaxLabelCharacters)
            return out.trimmed() + QStringLiteral("…");
        out += c;
    }
    return out;
}

} // namespace

StoryMapView::StoryMapView(QWidget* parent)
    : StoryMapView(std::make_shared<Media::PictureCache>(), parent)
{
}

StoryMapView::~StoryMapView()
{
    dropThumbnailRequests();
}

StoryMapView::StoryMapView(std::shared_ptr<Media::PictureCache> pictures, QWidget* parent)
    : QTreeWidget(parent)
    , m_pictures(std::move(pictures))
{
    m_plainIconSize = iconSize();
    connect(m_pictures.get(), &Media::PictureCache::pictureReady, this, &StoryMapView::onPictureReady);
    setColumnCount(1);
    setHeaderHidden(true);
    setRootIsDecorated(true);
    setIndentation(16);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAccessibleName(tr("Story map"));
    setToolTip(tr("All the pages of the story; the bold ones are the way you are reading"));
    header()->setStretchLastSection(true);
    setTextElideMode(Qt::ElideRight);

    m_thumbnailTimer.setSingleShot(true);
    m_thumbnailTimer.setInterval(0);
    connect(&m_thumbnailTimer, &QTimer::timeout, this, &StoryMapView::requestThumbnails);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &StoryMapView::scheduleThumbnails);
    connect(this, &QTreeWidget::itemExpanded, this, &StoryMapView::scheduleThumbnails);
    connect(this, &QTreeWidget::itemCollapsed, this, &StoryMapView::scheduleThumbnails);

    const auto activate = [this](QTreeWidgetItem* item) {
        if (item)
            Q_EMIT pageActivated(item->data(0, PageIdRole).toString());
    };
    connect(this, &QTreeWidget::itemClicked, this, activate);
    connect(this, &QTreeWidget::itemActivated, this, activate);
}

QString StoryMapView::pageLabel(const Story::Page& page, int depth)
{
    QString words = firstWords(page.text);
    if (words.isEmpty())
        words = page.state == Story::Page::State::Streaming ? tr("(being written)") : tr("(empty page)");
    return tr("%1. %2").arg(depth).arg(words);
}

void StoryMapView::decorate(QTreeWidgetItem* item, const Story::Page& page, int depth)
{
    QString label = pageLabel(page, depth);
    if (page.isDraft() && page.state != Story::Page::State::Streaming)
        label = tr("%1 (unfinished)").arg(label);
    if (page.ending)
        label = tr("%1 — The End").arg(label);
    item->setText(0, label);
    QStringList tip;
    if (!page.answer.isEmpty())
        tip.append(tr("Answer: %1").arg(page.answer));
    if (page.isDraft()) {
        const QString reason = Story::Story::draftReasonText(page);
        tip.append(reason.isEmpty() ? tr("Unfinished page") : tr("Unfinished page — %1").arg(reason));
    }
    tip.append(page.text.left(300).simplified());
    item->setToolTip(0, tip.join(u'\n'));
    QFont font = this->font();
    font.setBold(m_path.contains(page.id));
    font.setItalic(page.isDraft());
    item->setFont(0, font);
}

void StoryMapView::setStory(std::shared_ptr<const Story::Story> story, const QStringList& path, const QString& currentPageId)
{
    dropThumbnailRequests();
    m_story = std::move(story);
    m_path = path;
    m_items.clear();
    clear();
    setIconSize(m_plainIconSize);
    if (!m_story)
        return;

    // Breadth-first from the roots; children in creation order, each page under its parent. The
    // branches of a page's earlier versions are not shown (they come back with their version).
    QHash<QString, QList<const Story::Page*>> childrenOf;
    QList<const Story::Page*> roots;
    QHash<QString, int> versions;
    for (const Story::Page& page : m_story->pages)
        versions.insert(page.id, page.version);
    for (const Story::Page& page : m_story->pages) {
        const auto parent = versions.constFind(page.parentId);
        if (page.parentId.isEmpty() || parent == versions.cend())
            roots.append(&page);
        else if (*parent == page.parentVersion)
            childrenOf[page.parentId].append(&page);
    }
    // The first child continues on the same level (a story reads as a flat list); other answers
    // branch off, indented under the page where the story divides.
    struct Pending
    {
        const Story::Page* page;
        QTreeWidgetItem* container; // nullptr: top level
        int depth;
    };
    QList<Pending> queue;
    for (const Story::Page* root : std::as_const(roots))
        queue.append({root, nullptr, 1});
    for (qsizetype i = 0; i < queue.size(); ++i) {
        Pending next = queue.at(i);
        while (next.page && !m_items.contains(next.page->id) && next.depth <= MaxTreeDepth) {
            auto* item = next.container ? new QTreeWidgetItem(next.container) : new QTreeWidgetItem(this);
            item->setData(0, PageIdRole, next.page->id);
            decorate(item, *next.page, next.depth);
            m_items.insert(next.page->id, item);
            const QList<const Story::Page*> children = childrenOf.value(next.page->id);
            for (qsizetype c = 1; c < children.size(); ++c)
                queue.append({children.at(c), item, next.depth + 1});
            next.page = children.isEmpty() ? nullptr : children.constFirst();
            ++next.depth;
        }
    }
    expandAll();
    // The rows keep the thumbnail's height whether or not their picture is decoded yet.
    const bool anyPicture = std::any_of(m_story->pages.cbegin(), m_story->pages.cend(), [this](const Story::Page& page) {
        return page.picture && m_items.contains(page.id) && !m_story->assets.value(page.picture->entry).isEmpty();
    });
    if (anyPicture)
        setIconSize(QSize(ThumbnailSide, ThumbnailSide));
    setCurrentPage(currentPageId);
    requestThumbnails(); // at once: a newer snapshot of the same story keeps its thumbnails on screen
}

void StoryMapView::showEvent(QShowEvent* event)
{
    QTreeWidget::showEvent(event);
    scheduleThumbnails();
}

void StoryMapView::resizeEvent(QResizeEvent* event)
{
    QTreeWidget::resizeEvent(event);
    scheduleThumbnails();
}

void StoryMapView::scheduleThumbnails()
{
    if (m_story && !m_thumbnailTimer.isActive())
        m_thumbnailTimer.start();
}

QList<QTreeWidgetItem*> StoryMapView::rowsNearScreen() const
{
    QList<QTreeWidgetItem*> rows;
    QTreeWidgetItem* first = itemAt(QPoint(0, 0));
    if (!first)
        first = topLevelItemCount() > 0 ? topLevelItem(0) : nullptr;
    for (int i = 0; first && i < ThumbnailMarginRows && itemAbove(first); ++i)
        first = itemAbove(first);
    const int bottom = viewport()->height();
    int below = 0;
    // Bounded by the number of pages: every item is visited at most once.
    for (QTreeWidgetItem* item = first; item && rows.size() <= m_items.size(); item = itemBelow(item)) {
        rows.append(item);
        if (visualItemRect(item).top() >= bottom && ++below > ThumbnailMarginRows)
            break;
    }
    return rows;
}

// Every page with a picture gets a thumbnail once its row comes near the screen: at once when the
// cache has it (a newer snapshot of the same story), else when it has been decoded.
void StoryMapView::requestThumbnails()
{
    if (!m_story || !isVisible())
        return;
    const int side = qCeil(ThumbnailSide * devicePixelRatioF());
    QSet<QString> near;
    for (QTreeWidgetItem* item : rowsNearScreen()) {
        const QString id = item->data(0, PageIdRole).toString();
        near.insert(id);
        if (!item->icon(0).isNull() || m_waiting.contains(id))
            continue;
        const Story::Page* page = m_story->page(id);
        if (!page || !page->picture)
            continue;
        const QByteArray bytes = m_story->assets.value(page->picture->entry);
        if (bytes.isEmpty())
            continue;
        const Media::PictureKey key = Media::PictureCache::keyFor(m_story->id, page->picture->entry, bytes, side);
        const Media::PictureResult result = m_pictures->request(key, bytes);
        if (result.status == Media::PictureResult::Status::Ready)
            item->setIcon(0, QIcon(QPixmap::fromImage(result.image)));
        else if (result.status == Media::PictureResult::Status::Pending)
            m_waiting.insert(id, key);
    }
    // Rows scrolled far away: their decodes give way to the ones on screen.
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (near.contains(it.key())) {
            ++it;
            continue;
        }
        m_pictures->cancel(it.value());
        it = m_waiting.erase(it);
    }
}

void StoryMapView::dropThumbnailRequests()
{
    for (const Media::PictureKey& key : std::as_const(m_waiting))
        m_pictures->cancel(key);
    m_waiting.clear();
}

void StoryMapView::onPictureReady(const Media::PictureKey& key, const QImage& image)
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (!(it.value() == key)) {
            ++it;
            continue;
        }
        if (QTreeWidgetItem* item = m_items.value(it.key()); item && !image.isNull())
            item->setIcon(0, QIcon(QPixmap::fromImage(image)));
        it = m_waiting.erase(it);
    }
}

void StoryMapView::setPath(const QStringList& path)
{
    if (path == m_path)
        return;
    QSet<QString> changed(m_path.cbegin(), m_path.cend());
    changed.unite(QSet<QString>(path.cbegin(), path.cend()));
    m_path = path;
    for (const QString& id : std::as_const(changed)) {
        if (QTreeWidgetItem* item = m_items.value(id)) {
            QFont font = item->font(0);
            font.setBold(m_path.contains(id));
            item->setFont(0, font);
        }
    }
}

void StoryMapView::setCurrentPage(const QString& pageId)
{
    QTreeWidgetItem* item = m_items.value(pageId);
    if (!item) {
        clearSelection();
        return;
    }
    const QSignalBlocker blocker(this);
    setCurrentItem(item);
    item->setSelected(true);
    scrollToItem(item);
}

void StoryMapView::updatePage(const QString& pageId)
{
    QTreeWidgetItem* item = m_items.value(pageId);
    if (!item || !m_story)
        return;
    if (const Story::Page* page = m_story->page(pageId))
        decorate(item, *page, m_story->depth(pageId));
}

QTreeWidgetItem* StoryMapView::itemForPage(const QString& pageId) const
{
    return m_items.value(pageId);
}

} // namespace Storybook::Widgets
