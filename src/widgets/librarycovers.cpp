#include "librarycovers.h"

#include "picturecache.h"
#include "storyfile.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace Storybook::Widgets {

namespace {

// Reads the story file and decodes its picture `entry` into a `side`-pixel square (the middle of
// the picture, scaled). Any thread. A null image when the picture cannot be read.
QImage readCover(const QString& path, const QString& entry, int side)
{
    QString why;
    const std::optional<Story::Story> story = Story::StoryFile::read(path, Story::StoryFile::Parts::Everything, &why);
    if (!story)
        return {};
    const QByteArray bytes = story->assets.value(entry);
    if (bytes.isEmpty())
        return {};
    const QImage picture = Media::PictureCache::decode(bytes, Media::PictureCache::bucketFor(side * 2));
    if (picture.isNull())
        return {};
    const int shorter = qMin(picture.width(), picture.height());
    const QImage square = picture.copy((picture.width() - shorter) / 2, (picture.height() - shorter) / 2, shorter, shorter);
    return square.scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

double channel(double value)
{
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& colour)
{
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
}

QString firstLetter(const QString& title)
{
    const QString trimmed = title.trimmed();
    if (trimmed.isEmpty())
        return QStringLiteral("?");
    const qsizetype length = trimmed.at(0).isHighSurrogate() && trimmed.size() > 1 ? 2 : 1;
    return trimmed.left(length).toUpper();
}

} // namespace

LibraryCovers::LibraryCovers(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_covers.setMaxCost(qsizetype(MemoryLimit / 1024));
}

LibraryCovers::~LibraryCovers()
{
    for (QFutureWatcher<QImage>* watcher : std::as_const(m_pending))
        watcher->disconnect(this);
    m_pool.clear();      // reads not started never start
    m_pool.waitForDone(); // one running read: it touches nothing of ours
}

QImage LibraryCovers::cover(const QString& storyId, const QString& path, const QString& entry, const QString& title,
                            int side)
{
    side = qBound(8, side, 1024);
    if (entry.isEmpty() || path.isEmpty())
        return initial(title, side);
    const QString key = storyId + u'\n' + entry + u'\n' + QString::number(side);
    if (const QImage* cached = m_covers.object(key))
        return *cached;
    if (!m_broken.contains(key) && !m_pending.contains(key)) {
        auto* watcher = new QFutureWatcher<QImage>(this);
        m_pending.insert(key, watcher);
        connect(watcher, &QFutureWatcher<QImage>::finished, this,
                [this, key, storyId, watcher] { finished(key, storyId, watcher); });
        ++m_readsStarted;
        watcher->setFuture(QtConcurrent::run(&m_pool, readCover, path, entry, side));
    }
    return initial(title, side);
}

void LibraryCovers::finished(const QString& key, const QString& storyId, QFutureWatcher<QImage>* watcher)
{
    m_pending.remove(key);
    watcher->deleteLater();
    const QImage image = watcher->future().resultCount() > 0 ? watcher->result() : QImage();
    if (image.isNull()) {
        m_broken.insert(key);
        return; // the initial stays
    }
    m_covers.insert(key, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes() / 1024));
    Q_EMIT coverReady(storyId);
}

QColor LibraryCovers::colourFor(const QString& title)
{
    // FNV-1a over the folded title: the same colour for the same title, on every run (qHash is seeded).
    quint32 hash = 2166136261u;
    for (const QChar c : title.trimmed().toCaseFolded()) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    const int hue = int(hash % 360);
    const int saturation = 140 + int((hash >> 9) % 60);
    // As light as white text allows: lighter for blue, darker for yellow and green.
    for (int lightness = 120; lightness > 20; lightness -= 5) {
        const QColor colour = QColor::fromHsl(hue, saturation, lightness);
        if (contrast(colour, Qt::white) >= 4.5)
            return colour;
    }
    return QColor::fromHsl(hue, saturation, 20);
}

double LibraryCovers::contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QImage LibraryCovers::initial(const QString& title, int side)
{
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QPainterPath tile;
    tile.addRoundedRect(QRectF(0, 0, side, side), side * 0.18, side * 0.18);
    painter.fillPath(tile, colourFor(title));
    QFont font;
    font.setBold(true);
    font.setPixelSize(qMax(6, int(side * 0.55)));
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(0, 0, side, side), Qt::AlignCenter, firstLetter(title));
    return image;
}

} // namespace Storybook::Widgets
