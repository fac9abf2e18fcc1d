#pragma once

#include <QByteArray>
#include <QCache>
#include <QFuture>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QString>
#include <QThreadPool>

namespace Storybook::Media {

// Which picture, at which size: a story's asset entry, a fingerprint of its bytes (so a picture
// painted again under the same entry is never mistaken for the old one) and a size bucket. Made by
// PictureCache::keyFor.
struct PictureKey
{
    QString storyId;
    QString entry;
    QString fingerprint;
    int bucket = 0; // the longest side in device pixels the decoded image may have (see bucketFor)

    friend bool operator==(const PictureKey&, const PictureKey&) = default;
};

// What the cache has for a request right now.
struct PictureResult
{
    enum class Status {
        Pending, // being decoded: pictureReady follows on the GUI thread
        Ready,   // `image` holds the picture
        Broken,  // the bytes are no picture this build can read (corrupt, truncated, too large)
    };
    Status status = Status::Pending;
    QImage image;
};

// Decodes and scales picture bytes (PNG, JPEG, WebP: whatever Qt's image plugins read) on a worker
// thread and keeps the results within a memory bound.
//
// Sizes come in buckets (64, 96, 128, 192, 256, … 4096 px on the longest side), so a window being
// resized decodes a picture once per bucket it crosses, never once per resize event; the view scales
// the bucket's image to its exact size. An image is never scaled up past the picture's own size.
//
// Requests for the same key share one decode. cancel() drops a request; when nobody wants the picture
// any more, a decode that has not started never runs and one that is running is left to finish on its
// worker, its result dropped (nothing is announced).
// Destroying the cache while decodes run is safe: the workers hold only copies of their bytes, and
// nothing is delivered after the cache is gone. Lives on the GUI thread.
class PictureCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PictureCache)

public:
    static constexpr qint64 DefaultMemoryLimit = 64 * 1024 * 1024;
    // A picture declaring more pixels than this is refused before any memory is allocated for it.
    static constexpr qint64 MaxPixels = 64 * 1024 * 1024 / 4;

    explicit PictureCache(qint64 memoryLimitBytes = DefaultMemoryLimit, QObject* parent = nullptr);
    ~PictureCache() override;

    // The bucket a view that needs `longestSide` device pixels asks for (the next size up).
    [[nodiscard]] static int bucketFor(int longestSide);
    // The key of picture `bytes` (entry `entry` of story `storyId`) for a view needing `longestSide`.
    [[nodiscard]] static PictureKey keyFor(const QString& storyId, const QString& entry, const QByteArray& bytes, int longestSide);

    // The picture `bytes` (made into `key` by keyFor) at `key.bucket`: ready at once when it was
    // decoded before (or is known to be broken), else Pending and decoding starts; pictureReady(key, …)
    // follows. Waiting decodes start larger buckets first, then in the order asked: the picture a
    // page shows goes ahead of thumbnails asked for earlier (a story map asks for one per page).
    [[nodiscard]] PictureResult request(const PictureKey& key, const QByteArray& bytes);
    // What the cache has, without starting anything.
    [[nodiscard]] PictureResult find(const PictureKey& key) const;
    // The caller no longer wants this picture (another page is shown, the story closed).
    void cancel(const PictureKey& key);

    // Decodes one picture (any thread): fitted into bucket×bucket with its aspect kept, smoothly
    // scaled, never enlarged. A null image when the bytes are no readable picture.
    [[nodiscard]] static QImage decode(const QByteArray& bytes, int bucket);

    [[nodiscard]] int pendingCount() const { return int(m_pending.size()); }
    // How many decodes were started (for tests: once per bucket, not once per resize).
    [[nodiscard]] int decodesStarted() const { return m_decodesStarted; }
    // Decodes running on the cache's own threads right now (for tests).
    [[nodiscard]] int decodesRunning() const { return m_pool.activeThreadCount(); }
    [[nodiscard]] qint64 memoryUsed() const { return qint64(m_images.totalCost()) * 1024; }
    [[nodiscard]] qint64 memoryLimit() const { return qint64(m_images.maxCost()) * 1024; }

Q_SIGNALS:
    // A decode finished (on the GUI thread). A null image: the picture is broken.
    void pictureReady(const Storybook::Media::PictureKey& key, const QImage& image);

private:
    struct Pending
    {
        PictureKey key;
        QString brokenKey;
        QFuture<QImage> future;
        quint64 generation = 0; // a later decode of the same key after a cancel is another one
        int wants = 0;          // requests not cancelled
    };
    [[nodiscard]] static int priorityFor(int bucket); // the pool's priority of a decode
    [[nodiscard]] static QString fingerprint(const QByteArray& bytes);
    [[nodiscard]] static QString cacheKey(const PictureKey& key);
    [[nodiscard]] static QString brokenKey(const PictureKey& key);
    void finished(const QString& cacheKey, quint64 generation);

    QThreadPool m_pool; // the decodes: one thread fewer than the cores (at least one)
    QCache<QString, QImage> m_images; // cost in KiB
    QSet<QString> m_broken;           // story + entry + fingerprint: no size makes them readable
    QHash<QString, Pending> m_pending; // by cache key
    int m_decodesStarted = 0;
    quint64 m_generation = 0;
};

} // namespace Storybook::Media

Q_DECLARE_METATYPE(Storybook::Media::PictureKey)
