#include "storymapview.h"

#include <QCursor>
#include <QHeaderView>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTreeWidgetItemIterator>
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

constexpr int Indentation = 26;      // a branch's step to the right
constexpr int CardMargin = 2;        // around a page's card in its row
constexpr int NodePadding = 4;       // between the card's edge and the node
constexpr int PlainNodeSide = 24;    // the numbered circle of a page without a picture
constexpr int PathLineWidth = 4;
constexpr int LineWidth = 2;

} // namespace

// Draws one page: a rounded card (tinted on the reading path, outlined for the shown page), its node
// (the thumbnail, or the number in a circle) and its first words.
class StoryMapDelegate final : public QStyledItemDelegate
{
public:
    explicit StoryMapDelegate(StoryMapView* map)
        : QStyledItemDelegate(map)
        , m_map(map)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        Q_UNUSED(index)
        const int text = option.fontMetrics.height() + 2 * (CardMargin + NodePadding);
        return {200, qMax(text, m_map->nodeSide() + 2 * (CardMargin + NodePadding))};
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const QString id = index.data(StoryMapView::PageIdRole).toString();
        const bool current = id == m_map->m_current;
        const bool onPath = m_map->m_pathSet.contains(id);
        const bool focused = m_map->hasFocus() && m_map->currentIndex() == index;
        const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
        const QPalette& palette = option.palette;
        const QColor accent = m_map->pathColor();

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRectF card = QRectF(option.rect).adjusted(CardMargin, CardMargin, -CardMargin, -CardMargin);
        if (current || onPath || hovered) {
            QColor fill = current ? accent : (onPath ? accent : palette.color(QPalette::Midlight));
            fill.setAlpha(current ? 70 : (onPath ? 28 : 90));
            painter->setPen(current ? QPen(accent, 2) : Qt::NoPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(card, 6, 6);
        }

        // The node, centred where the lines meet it (StoryMapView::nodeCenterX).
        const int side = m_map->nodeSide();
        const QRect node(option.rect.left() + CardMargin + NodePadding, option.rect.center().y() - side / 2 + 1, side, side);
        const QIcon icon = qvariant_cast<QIcon>(index.data(Qt::DecorationRole));
        const QColor ring = onPath || current ? accent : m_map->lineColor();
        if (!icon.isNull()) {
            const QPixmap pixmap = icon.pixmap(QSize(side, side), painter->device() ? painter->device()->devicePixelRatioF() : 1.0);
            QSizeF fitted = QSizeF(pixmap.deviceIndependentSize()).scaled(QSizeF(side, side), Qt::KeepAspectRatio);
            const QRectF target(QPointF(node.center().x() + 0.5 - fitted.width() / 2, node.center().y() + 0.5 - fitted.height() / 2), fitted);
            QPainterPath clip;
            clip.addRoundedRect(target, 4, 4);
            painter->setPen(Qt::NoPen);
            painter->setBrush(palette.color(QPalette::Base));
            painter->drawPath(clip);
            painter->save();
            painter->setClipPath(clip);
            painter->drawPixmap(target, pixmap, QRectF(pixmap.rect()));
            painter->restore();
            painter->setPen(QPen(ring, current ? 3 : 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(clip);
        } else {
            const bool draft = index.data(Qt::FontRole).value<QFont>().italic();
            QPen pen(ring, 2);
            if (draft)
                pen.setStyle(Qt::DashLine);
            painter->setPen(pen);
            painter->setBrush(current ? accent : palette.color(QPalette::Base));
            painter->drawEllipse(QRectF(node).adjusted(1, 1, -1, -1));
            QFont small = option.font;
            small.setBold(onPath || current);
            small.setPointSizeF(qMax(6.0, small.pointSizeF() * 0.85));
            painter->setFont(small);
            painter->setPen(current ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text));
            painter->drawText(node, Qt::AlignCenter, index.data(StoryMapView::DepthRole).toString());
        }

        // The words: "3 · First words…" beside a thumbnail, the words alone beside a numbered circle.
        QFont font = index.data(Qt::FontRole).value<QFont>();
        if (font.family().isEmpty())
            font = option.font;
        painter->setFont(font);
        painter->setPen(palette.color(QPalette::Text));
        QString words = index.data(StoryMapView::WordsRole).toString();
        if (!icon.isNull())
            words = QStringLiteral("%1 · %2").arg(index.data(StoryMapView::DepthRole).toString(), words);
        const QRect text = option.rect.adjusted(CardMargin + NodePadding + side + 8, 0, -(CardMargin + NodePadding), 0);
        painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                          QFontMetrics(font).elidedText(words, Qt::ElideRight, text.width()));

        if (focused) {
            QPen pen(palette.color(QPalette::Text), 1, Qt::DotLine);
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(card.adjusted(1, 1, -1, -1), 5, 5);
        }
        painter->restore();
    }

private:
    StoryMapView* m_map;
};

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
    // Drawn as a tree that never folds: every page is always there, the lines show how they join.
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setExpandsOnDoubleClick(false);
    setIndentation(Indentation);
    setUniformRowHeights(true);
    setMouseTracking(true);
    setItemDelegate(new StoryMapDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAccessibleName(tr("Story map"));
    setToolTip(tr("All the pages of the story; the coloured line is the way you are reading, branches are other answers"));
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
    QString words = firstWords(page.text);
    if (words.isEmpty())
        words = page.state == Story::Page::State::Streaming ? tr("(being written)") : tr("(empty page)");
    if (page.isDraft() && page.state != Story::Page::State::Streaming) {
        label = tr("%1 (unfinished)").arg(label);
        words = tr("%1 (unfinished)").arg(words);
    }
    if (page.ending) {
        label = tr("%1 — The End").arg(label);
        words = tr("%1 — The End").arg(words);
    }
    item->setData(0, WordsRole, words);
    item->setData(0, DepthRole, depth);
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
    font.setBold(m_pathSet.contains(page.id));
    font.setItalic(page.isDraft());
    item->setFont(0, font);
}

void StoryMapView::setStory(std::shared_ptr<const Story::Story> story, const QStringList& path, const QString& currentPageId)
{
    dropThumbnailRequests();
    m_story = std::move(story);
    m_path = path;
    m_pathSet = QSet<QString>(path.cbegin(), path.cend());
    m_items.clear();
    m_edges.clear();
    m_rows.clear();
    m_levels.clear();
    m_hasPictures = false;
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
    m_hasPictures = anyPicture;
    if (anyPicture)
        setIconSize(QSize(ThumbnailSide, ThumbnailSide));
    buildEdges();
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
    m_pathSet = QSet<QString>(path.cbegin(), path.cend());
    for (const QString& id : std::as_const(changed)) {
        if (QTreeWidgetItem* item = m_items.value(id)) {
            QFont font = item->font(0);
            font.setBold(m_pathSet.contains(id));
            item->setFont(0, font);
        }
    }
    std::stable_partition(m_edges.begin(), m_edges.end(), [this](const Edge& edge) { return !edgeOnPath(edge); });
    viewport()->update();
}

void StoryMapView::setCurrentPage(const QString& pageId)
{
    m_current = pageId;
    viewport()->update();
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

// --- The drawing ------------------------------------------------------------------------------

QColor StoryMapView::pathColor() const
{
    return palette().color(QPalette::Highlight);
}

QColor StoryMapView::lineColor() const
{
    return palette().color(QPalette::Mid);
}

int StoryMapView::nodeSide() const
{
    return m_hasPictures ? ThumbnailSide : PlainNodeSide;
}

int StoryMapView::nodeCenterX(int level) const
{
    // The same place StoryMapDelegate::paint puts the node at.
    return level * indentation() - horizontalOffset() + CardMargin + NodePadding + nodeSide() / 2;
}

void StoryMapView::buildEdges()
{
    int row = 0;
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        m_rows.insert(*it, row++);
        int level = 0;
        for (const QTreeWidgetItem* up = (*it)->parent(); up && level <= MaxTreeDepth; up = up->parent())
            ++level;
        m_levels.insert(*it, level);
    }
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        const Story::Page* page = m_story->page(it.key());
        const QTreeWidgetItem* parent = page ? m_items.value(page->parentId) : nullptr;
        if (!parent)
            continue;
        Edge edge;
        edge.from = parent;
        edge.to = it.value();
        edge.fromRow = m_rows.value(parent);
        edge.toRow = m_rows.value(it.value());
        edge.fromLevel = m_levels.value(parent);
        edge.toLevel = m_levels.value(it.value());
        m_edges.append(edge);
    }
    std::sort(m_edges.begin(), m_edges.end(), [](const Edge& a, const Edge& b) { return a.toRow < b.toRow; });
    std::stable_partition(m_edges.begin(), m_edges.end(), [this](const Edge& edge) { return !edgeOnPath(edge); });
}

bool StoryMapView::edgeOnPath(const Edge& edge) const
{
    return m_pathSet.contains(edge.from->data(0, PageIdRole).toString()) && m_pathSet.contains(edge.to->data(0, PageIdRole).toString());
}

QList<StoryMapView::Connector> StoryMapView::connectors() const
{
    QList<Connector> list;
    for (const Edge& edge : m_edges)
        list.append({edge.from->data(0, PageIdRole).toString(), edge.to->data(0, PageIdRole).toString(),
                     edge.toLevel > edge.fromLevel, edgeOnPath(edge)});
    return list;
}

QPoint StoryMapView::nodeCenter(const QString& pageId) const
{
    const QTreeWidgetItem* item = m_items.value(pageId);
    if (!item)
        return {};
    const QRect rect = visualItemRect(item);
    return rect.isValid() ? QPoint(nodeCenterX(m_levels.value(item)), rect.center().y() + 1) : QPoint();
}

void StoryMapView::paintEdges(QPainter* painter, const QRect& rowRect, int row) const
{
    const int centerY = rowRect.center().y() + 1;
    for (const Edge& edge : m_edges) {
        if (row < edge.fromRow || row > edge.toRow)
            continue;
        const bool onPath = edgeOnPath(edge);
        QPen pen(onPath ? pathColor() : lineColor(), onPath ? PathLineWidth : LineWidth);
        pen.setCapStyle(Qt::FlatCap);
        painter->setPen(pen);
        const int x = nodeCenterX(edge.fromLevel);
        const int top = row == edge.fromRow ? centerY : rowRect.top();
        const int bottom = row == edge.toRow ? centerY : rowRect.bottom() + 1;
        if (row == edge.toRow && edge.toLevel > edge.fromLevel) {
            // The branch's elbow: down from the page it leaves, round the corner, on to its node.
            const int radius = qMin(8, (centerY - top) / 2 + 1);
            QPainterPath elbow(QPointF(x, top));
            elbow.lineTo(x, centerY - radius);
            elbow.quadTo(x, centerY, x + radius, centerY);
            elbow.lineTo(nodeCenterX(edge.toLevel), centerY);
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(elbow);
        } else if (bottom > top) {
            painter->drawLine(x, top, x, bottom);
        }
    }
}

void StoryMapView::drawRow(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // The lines under the node first, then the page's card (the delegate); no style row panel: the
    // card marks the shown page, the path and the hovered row itself.
    const QTreeWidgetItem* item = itemFromIndex(index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    paintEdges(painter, option.rect, m_rows.value(item, -1));
    painter->restore();
    QStyleOptionViewItem opt = option;
    opt.rect = visualRect(index);
    opt.rect.setRight(qMax(opt.rect.right(), viewport()->width() - 1));
    if (const QFont font = index.data(Qt::FontRole).value<QFont>(); !font.family().isEmpty()) {
        opt.font = font;
        opt.fontMetrics = QFontMetrics(font);
    }
    const QPoint mouse = viewport()->mapFromGlobal(QCursor::pos());
    opt.state.setFlag(QStyle::State_MouseOver, underMouse() && opt.rect.contains(mouse));
    itemDelegateForIndex(index)->paint(painter, opt, index);
}

void StoryMapView::drawBranches(QPainter* painter, const QRect& rect, const QModelIndex& index) const
{
    // The connecting lines are drawn by drawRow; nothing folds, so there are no arrows.
    Q_UNUSED(painter)
    Q_UNUSED(rect)
    Q_UNUSED(index)
}

} // namespace Storybook::Widgets
