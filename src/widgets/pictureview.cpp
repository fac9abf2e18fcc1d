#include "pictureview.h"

#include <QBuffer>
#include <QEvent>
#include <QImageReader>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>
#include <QProgressBar>
#include <QStyle>
#include <QVBoxLayout>

namespace Storybook::Widgets {

namespace {

constexpr qreal CornerRadius = 10;
constexpr int MinUsefulSide = 16; // smaller: not laid out yet, nothing to decode for

QColor mix(const QColor& a, const QColor& b, qreal amountOfB)
{
    const qreal k = 1.0 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * k + b.redF() * amountOfB), float(a.greenF() * k + b.greenF() * amountOfB),
                            float(a.blueF() * k + b.blueF() * amountOfB));
}

// The size the header declares (no pixel is decoded); invalid when the header is unreadable.
QSize declaredSize(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        return {};
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    QSize size = reader.size();
    if (reader.transformation().testFlag(QImageIOHandler::TransformationRotate90))
        size.transpose();
    return size.isEmpty() ? QSize() : size;
}

QLabel* plainLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    return label;
}

} // namespace

PictureView::PictureView(std::shared_ptr<Media::PictureCache> cache, QWidget* parent)
    : QWidget(parent)
    , m_cache(std::move(cache))
{
    Q_ASSERT(m_cache);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Picture"));

    m_placeholder = new QWidget(this);
    m_placeholder->setAccessibleName(tr("The picture is being painted"));
    auto* layout = new QVBoxLayout(m_placeholder);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);
    layout->addStretch(1);
    m_placeholderTitle = plainLabel(m_placeholder);
    m_placeholderTitle->setText(tr("Painting the picture…"));
    layout->addWidget(m_placeholderTitle);
    m_scene = plainLabel(m_placeholder);
    layout->addWidget(m_scene);
    m_progress = new QProgressBar(m_placeholder);
    m_progress->setRange(0, 0); // indeterminate: a picture takes as long as the provider takes
    m_progress->setTextVisible(false);
    m_progress->setFixedSize(160, 6);
    m_progress->setAccessibleName(tr("Painting the picture"));
    layout->addWidget(m_progress, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    m_placeholder->hide();

    m_repaintProgress = new QProgressBar(this);
    m_repaintProgress->setRange(0, 0);
    m_repaintProgress->setTextVisible(false);
    m_repaintProgress->setFixedSize(120, 6);
    m_repaintProgress->setAccessibleName(tr("Painting the picture again"));
    m_repaintProgress->setToolTip(tr("Painting the picture again…"));
    m_repaintProgress->hide();

    connect(m_cache.get(), &Media::PictureCache::pictureReady, this, &PictureView::onPictureReady);
    applyLook();
}

PictureView::~PictureView()
{
    dropRequest();
}

PictureView::State PictureView::state() const
{
    if (!m_bytes.isEmpty() && !m_broken)
        return m_pixmap.isNull() ? State::Loading : State::Shown;
    if (m_painting)
        return State::Painting;
    return m_broken ? State::Broken : State::Empty;
}

bool PictureView::wantsSpace() const
{
    const State now = state();
    return now == State::Loading || now == State::Shown || now == State::Painting;
}

void PictureView::setPicture(const QString& storyId, const QString& entry, const QByteArray& bytes)
{
    if (storyId == m_storyId && entry == m_entry && bytes.size() == m_bytes.size()
        && (bytes.constData() == m_bytes.constData() || bytes == m_bytes))
        return; // the same picture (a newer snapshot of the story): keep what is shown
    const State before = state();
    dropRequest();
    m_storyId = storyId;
    m_entry = entry;
    m_bytes = bytes;
    m_fingerprint = bytes.isEmpty() ? QString() : Media::PictureCache::keyFor(storyId, entry, bytes, 0).fingerprint;
    m_naturalSize = bytes.isEmpty() ? QSize() : declaredSize(bytes);
    m_pixmap = QPixmap();
    m_pixmapBucket = 0;
    m_scaled = QPixmap();
    m_broken = false;
    requestForSize();
    changed(before);
}

void PictureView::setPainting(bool painting)
{
    if (painting == m_painting)
        return;
    const State before = state();
    m_painting = painting;
    changed(before);
}

void PictureView::setScene(const QString& scene)
{
    m_scene->setText(scene);
    m_scene->setVisible(!scene.isEmpty());
    setAccessibleDescription(scene);
}

void PictureView::setAlignment(Qt::Alignment alignment)
{
    if (alignment == m_alignment)
        return;
    m_alignment = alignment;
    placeChildren();
    QWidget::update();
}

void PictureView::clear()
{
    setPicture({}, {}, {});
    setPainting(false);
    setScene({});
}

QRect PictureView::pictureRect() const
{
    const QRect box = contentsRect();
    // Before its header is known (or while painting) a picture is taken to be square, as most are.
    const QSize shape = m_naturalSize.isValid() ? m_naturalSize : QSize(1, 1);
    QSize size = shape.scaled(box.size(), Qt::KeepAspectRatio);
    if (!m_naturalSize.isValid() || state() == State::Painting)
        size = size.expandedTo(QSize(qMin(box.width(), 260), qMin(box.height(), 200))); // room for the placeholder's words
    return QStyle::alignedRect(layoutDirection(), m_alignment, size, box);
}

void PictureView::requestForSize()
{
    if (m_bytes.isEmpty() || m_broken)
        return;
    const QSize box = pictureRect().size();
    if (box.width() < MinUsefulSide || box.height() < MinUsefulSide)
        return;
    const int need = qCeil(qMax(box.width(), box.height()) * devicePixelRatioF());
    const Media::PictureKey key{m_storyId, m_entry, m_fingerprint, Media::PictureCache::bucketFor(need)};
    // A larger image scales down well: only a larger bucket is worth another decode.
    if (!m_pixmap.isNull() && m_pixmapBucket >= key.bucket)
        return;
    if (m_requested.bucket != 0 && m_requested == key)
        return;
    dropRequest();
    const Media::PictureResult result = m_cache->request(key, m_bytes);
    switch (result.status) {
    case Media::PictureResult::Status::Ready:
        setImage(result.image, key.bucket);
        break;
    case Media::PictureResult::Status::Broken: {
        const State before = state();
        m_broken = true;
        changed(before);
        break;
    }
    case Media::PictureResult::Status::Pending:
        m_requested = key;
        break;
    }
}

void PictureView::dropRequest()
{
    if (m_requested.bucket != 0)
        m_cache->cancel(m_requested);
    m_requested = {};
}

void PictureView::onPictureReady(const Media::PictureKey& key, const QImage& image)
{
    if (m_requested.bucket == 0 || !(key == m_requested))
        return;
    m_requested = {};
    if (image.isNull()) {
        const State before = state();
        m_broken = true;
        changed(before);
        return;
    }
    setImage(image, key.bucket);
}

void PictureView::setImage(const QImage& image, int bucket)
{
    const State before = state();
    m_pixmap = QPixmap::fromImage(image);
    m_pixmapBucket = bucket;
    m_scaled = QPixmap();
    if (!m_naturalSize.isValid()) // the header did not say; the decoded picture does
        m_naturalSize = image.size();
    changed(before);
}

void PictureView::changed(State before)
{
    placeChildren();
    QWidget::update();
    if (state() != before)
        Q_EMIT stateChanged();
}

void PictureView::placeChildren()
{
    const State now = state();
    const QRect rect = pictureRect();
    m_placeholder->setGeometry(rect);
    m_placeholder->setVisible(now == State::Painting);
    m_repaintProgress->setVisible(m_painting && (now == State::Shown || now == State::Loading));
    m_repaintProgress->move(rect.center().x() - m_repaintProgress->width() / 2, rect.bottom() - 18);
}

void PictureView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeChildren();
    requestForSize();
}

void PictureView::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    const State now = state();
    if (now == State::Empty || now == State::Broken)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF rect = pictureRect();
    QPainterPath rounded;
    rounded.addRoundedRect(rect, CornerRadius, CornerRadius);
    if (now != State::Shown) {
        const QPalette pal = palette();
        painter.fillPath(rounded, mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.08));
        return;
    }
    // The bucket's image scaled smoothly to the exact size, once per size (not once per paint).
    const qreal ratio = devicePixelRatioF();
    const QSize device = (rect.size() * ratio).toSize();
    if (m_scaled.isNull() || m_scaled.size() != device) {
        m_scaled = m_pixmap.scaled(device, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        m_scaled.setDevicePixelRatio(ratio);
    }
    painter.setClipPath(rounded);
    painter.drawPixmap(rect.topLeft(), m_scaled);
}

void PictureView::applyLook()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = mix(text, pal.color(QPalette::Base), 0.4);
    for (QLabel* label : {m_placeholderTitle, m_scene}) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, label == m_scene ? muted : text);
        label->setPalette(p);
    }
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.15);
    title.setWeight(QFont::DemiBold);
    m_placeholderTitle->setFont(title);
    QFont scene = font();
    scene.setPointSizeF(scene.pointSizeF() * 1.1);
    scene.setItalic(true);
    m_scene->setFont(scene);
}

void PictureView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (!m_scene)
        return;
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyLook();
}

} // namespace Storybook::Widgets
