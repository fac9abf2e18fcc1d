#include "picturecache.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QImageReader>
#include <QLoggingCategory>
#include <QPromise>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <array>

namespace Storybook::Media {

namespace {

Q_LOGGING_CATEGORY(lcMedia, "storybook.media", QtWarningMsg)

constexpr std::array<int, 13> Buckets{64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096};
constexpr qsizetype FingerprintSlice = 1024;

const int pictureKeyMetaType = qRegisterMetaType<Storybook::Media::PictureKey>();

} // namespace

PictureCache::PictureCache(qint64 memoryLimitBytes, QObject* parent)
    : QObject(parent)
{
    Q_UNUSED(pictureKeyMetaType)
    m_images.setMaxCost(qsizetype(qMax<qint64>(1, memoryLimitBytes / 1024)));
    // One core stays the GUI thread's: decoding 1024-pixel pictures on every core (the page's and
    // the map's thumbnails at once) starved it of a core on a 2-core machine (docs/benchmarks.md).
    m_pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount() - 1));
}

PictureCache::~PictureCache()
{
    // The workers own copies of their bytes and report into their futures only; the watchers (our
    // children) go with us, so nothing is delivered to a cache that is gone. The pool waits for a
    // decode already running (one picture) when it goes.
    for (Pending& pending : m_pending)
        pending.future.cancel();
}

int PictureCache::bucketFor(int longestSide)
{
    for (const int bucket : Buckets) {
        if (longestSide <= bucket)
            return bucket;
    }
    return Buckets.back();
}

int PictureCache::priorityFor(int bucket)
{
    // The bucket's place in the list: 64 px lowest, 4096 px highest.
    const auto it = std::find(Buckets.cbegin(), Buckets.cend(), bucket);
    return it == Buckets.cend() ? 0 : int(it - Buckets.cbegin());
}

QString PictureCache::fingerprint(const QByteArray& bytes)
{
    // The size and three slices (start, middle, end): cheap on the GUI thread, and a picture painted
    // again under the same entry name differs in them.
    const QByteArrayView view(bytes);
    const qsizetype slice = qMin(FingerprintSlice, view.size());
    size_t hash = qHash(view.first(slice), 0);
    hash = qHash(view.sliced((view.size() - slice) / 2, slice), hash);
    hash = qHash(view.last(slice), hash);
    return QString::number(view.size(), 36) + u'-' + QString::number(quint64(hash), 36);
}

PictureKey PictureCache::keyFor(const QString& storyId, const QString& entry, const QByteArray& bytes, int longestSide)
{
    return {storyId, entry, fingerprint(bytes), bucketFor(longestSide)};
}

QString PictureCache::brokenKey(const PictureKey& key)
{
    return key.storyId + u'\n' + key.entry + u'\n' + key.fingerprint;
}

QString PictureCache::cacheKey(const PictureKey& key)
{
    return brokenKey(key) + u'\n' + QString::number(key.bucket);
}

PictureResult PictureCache::find(const PictureKey& key) const
{
    if (key.fingerprint.startsWith(u'0') || m_broken.contains(brokenKey(key))) // "0-…": no bytes
        return {PictureResult::Status::Broken, {}};
    if (const QImage* image = m_images.object(cacheKey(key)))
        return {PictureResult::Status::Ready, *image};
    return {PictureResult::Status::Pending, {}};
}

PictureResult PictureCache::request(const PictureKey& key, const QByteArray& bytes)
{
    PictureResult result = find(key);
    if (result.status != PictureResult::Status::Pending)
        return result;
    const QString id = cacheKey(key);
    if (auto it = m_pending.find(id); it != m_pending.end()) {
        ++it->wants;
        return result;
    }

    Pending pending;
    pending.key = key;
    pending.brokenKey = brokenKey(key);
    pending.generation = ++m_generation;
    pending.wants = 1;
    const int bucket = key.bucket;
    // The worker gets copies (the bytes are implicitly shared, never written) and nothing of ours.
    // Larger sizes first (see request() in the header): a page's picture never waits behind the
    // story map's thumbnails of every page.
    pending.future = QtConcurrent::task([bytes, bucket](QPromise<QImage>& promise) {
                         if (promise.isCanceled())
                             return;
                         QImage image = decode(bytes, bucket);
                         if (!promise.isCanceled())
                             promise.addResult(std::move(image));
                     })
                         .onThreadPool(m_pool)
                         .withPriority(priorityFor(bucket))
                         .spawn();
    ++m_decodesStarted;
    auto* watcher = new QFutureWatcher<QImage>(this);
    const quint64 generation = pending.generation;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, generation] {
        watcher->deleteLater();
        finished(id, generation);
    });
    watcher->setFuture(pending.future);
    m_pending.insert(id, pending);
    return result;
}

void PictureCache::cancel(const PictureKey& key)
{
    const QString id = cacheKey(key);
    auto it = m_pending.find(id);
    if (it == m_pending.end() || --it->wants > 0)
        return;
    it->future.cancel();
    m_pending.erase(it);
}

void PictureCache::finished(const QString& cacheKey, quint64 generation)
{
    const auto it = m_pending.constFind(cacheKey);
    if (it == m_pending.cend() || it->generation != generation)
        return; // cancelled: nobody waits for it
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.future.isCanceled() || pending.future.resultCount() < 1)
        return;
    const QImage image = pending.future.result();
    if (image.isNull()) {
        qCInfo(lcMedia) << "picture" << pending.key.entry << "of story" << pending.key.storyId << "cannot be read";
        m_broken.insert(pending.brokenKey);
    } else {
        m_images.insert(cacheKey, new QImage(image), qsizetype(image.sizeInBytes() / 1024 + 1));
    }
    Q_EMIT pictureReady(pending.key, image);
}

QImage PictureCache::decode(const QByteArray& bytes, int bucket)
{
    if (bytes.isEmpty() || bucket <= 0)
        return {};
    QBuffer buffer;
    buffer.setData(bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        return {};
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid()) {
        if (size.isEmpty() || qint64(size.width()) * size.height() > MaxPixels)
            return {};
        // JPEG can decode at a fraction of its size directly (much less work and memory).
        const bool transposed = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
        if (qMax(size.width(), size.height()) >= 2 * bucket && reader.supportsOption(QImageIOHandler::ScaledSize) && !transposed)
            reader.setScaledSize(size.scaled(bucket, bucket, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
    }
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return {};
    if (qMax(image.width(), image.height()) > bucket)
        image = image.scaled(bucket, bucket, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
}

} // namespace Storybook::Media
