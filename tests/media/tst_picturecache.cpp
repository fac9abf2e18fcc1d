#include "picturecache.h"
#include "requiretool.h"

#include <QBuffer>
#include <QImageWriter>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <memory>

using Storybook::Media::PictureCache;
using Storybook::Media::PictureKey;
using Storybook::Media::PictureResult;

namespace {

// A real picture: a gradient with a diagonal band, so a decoded copy can be recognised.
QImage makeImage(int width, int height, int seed = 0)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const bool band = qAbs(x - y) < qMax(2, width / 20);
            line[x] = band ? qRgb(250, 240, 40) : qRgb((x * 255 / width + seed) % 256, y * 255 / height, 120);
        }
    }
    return image;
}

QByteArray encode(const QImage& image, const char* format, int quality = 90)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        return {};
    return bytes;
}

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A valid PNG whose header claims width×height pixels (a decompression bomb's first bytes).
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray png = encode(makeImage(8, 8), "png");
    QByteArray ihdr = png.mid(12, 17); // "IHDR" + 13 bytes of data
    for (int i = 0; i < 4; ++i) {
        ihdr[4 + i] = char((width >> (24 - 8 * i)) & 0xFF);
        ihdr[8 + i] = char((height >> (24 - 8 * i)) & 0xFF);
    }
    png.replace(12, 17, ihdr);
    const quint32 crc = crc32(ihdr);
    for (int i = 0; i < 4; ++i)
        png[29 + i] = char((crc >> (24 - 8 * i)) & 0xFF);
    return png;
}

PictureKey key(const QString& entry, int bucket, const QByteArray& bytes)
{
    return PictureCache::keyFor(QStringLiteral("s1"), entry, bytes, bucket);
}

// Waits until `cache` announced `wanted` (never a fixed sleep); returns its image.
QImage waitFor(PictureCache& cache, const PictureKey& wanted, bool* arrived)
{
    QImage image;
    *arrived = false;
    QObject context;
    QObject::connect(&cache, &PictureCache::pictureReady, &context, [&](const PictureKey& key, const QImage& decoded) {
        if (key == wanted) {
            image = decoded;
            *arrived = true;
        }
    });
    (void)QTest::qWaitFor([arrived] { return *arrived; }, 20000);
    return image;
}

} // namespace

class TestPictureCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buckets()
    {
        QCOMPARE(PictureCache::bucketFor(1), 64);
        QCOMPARE(PictureCache::bucketFor(64), 64);
        QCOMPARE(PictureCache::bucketFor(65), 96);
        QCOMPARE(PictureCache::bucketFor(700), 768);
        QCOMPARE(PictureCache::bucketFor(1025), 1536);
        QCOMPARE(PictureCache::bucketFor(100000), 4096);
        // A window dragged from 300 to 2000 px crosses a handful of buckets, not 1,700 sizes.
        QSet<int> seen;
        for (int side = 300; side <= 2000; ++side)
            seen.insert(PictureCache::bucketFor(side));
        QCOMPARE(seen.size(), 6);
    }

    void decodesFormatsKeepingAspect_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("png") << QByteArray("png");
        QTest::newRow("jpeg") << QByteArray("jpeg");
        QTest::newRow("webp") << QByteArray("webp");
    }

    void decodesFormatsKeepingAspect()
    {
        QFETCH(QByteArray, format);
        STORYBOOK_REQUIRE(QImageWriter::supportedImageFormats().contains(format),
                          QStringLiteral("Qt image plugin for ") + QString::fromLatin1(format) + QStringLiteral(" (qt6-image-formats-plugins)"));
        const QImage original = makeImage(600, 400);
        const QByteArray bytes = encode(original, format.constData());
        QVERIFY(!bytes.isEmpty());

        const QImage small = PictureCache::decode(bytes, 192);
        QCOMPARE(small.size(), QSize(192, 128));
        // Smoothly scaled, not blank: the yellow band runs through the middle.
        const QColor middle = small.pixelColor(96, 96);
        QVERIFY2(middle.red() > 200 && middle.green() > 200 && middle.blue() < 110, qPrintable(middle.name()));

        // Never enlarged past the picture's own size.
        QCOMPARE(PictureCache::decode(bytes, 4096).size(), QSize(600, 400));
        // Portrait pictures fit by their height.
        QCOMPARE(PictureCache::decode(encode(makeImage(300, 900), format.constData()), 384).size(), QSize(128, 384));
    }

    void brokenBytesAreNoPicture_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray png = encode(makeImage(400, 300), "png");
        const QByteArray jpeg = encode(makeImage(400, 300), "jpeg");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("<html>502 Bad Gateway</html>");
        QTest::newRow("png header only") << png.left(40);
        QByteArray garbled = png;
        for (qsizetype i = 60; i < garbled.size() - 20; i += 7)
            garbled[i] = char(garbled.at(i) ^ 0x5A);
        QTest::newRow("png garbled") << garbled;
        QTest::newRow("jpeg header only") << jpeg.left(200);
        QTest::newRow("png claiming 100000x100000") << pngClaiming(100000, 100000);
    }

    void brokenBytesAreNoPicture()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(PictureCache::decode(bytes, 512).isNull());

        PictureCache cache;
        const PictureKey wanted = key(QStringLiteral("pictures/broken.png"), 512, bytes);
        PictureResult first = cache.request(wanted, bytes);
        if (first.status == PictureResult::Status::Pending) {
            bool arrived = false;
            QVERIFY(waitFor(cache, wanted, &arrived).isNull());
            QVERIFY(arrived);
        }
        // Known to be broken at every size from now on, without decoding again.
        const int started = cache.decodesStarted();
        QCOMPARE(cache.request(key(QStringLiteral("pictures/broken.png"), 128, bytes), bytes).status, PictureResult::Status::Broken);
        QCOMPARE(cache.decodesStarted(), started);
    }

    void requestDecodesOnceAndCaches()
    {
        PictureCache cache;
        const QByteArray bytes = encode(makeImage(800, 600), "png");
        const PictureKey wanted = key(QStringLiteral("pictures/a.png"), 256, bytes);
        QSignalSpy ready(&cache, &PictureCache::pictureReady);
        QCOMPARE(cache.request(wanted, bytes).status, PictureResult::Status::Pending);
        QCOMPARE(cache.request(wanted, bytes).status, PictureResult::Status::Pending); // shares the decode
        QCOMPARE(cache.decodesStarted(), 1);
        QVERIFY(ready.wait(20000));
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.at(0).at(0).value<PictureKey>(), wanted);
        QCOMPARE(ready.at(0).at(1).value<QImage>().size(), QSize(256, 192));

        const PictureResult again = cache.request(wanted, bytes);
        QCOMPARE(again.status, PictureResult::Status::Ready);
        QCOMPARE(again.image.size(), QSize(256, 192));
        QCOMPARE(cache.decodesStarted(), 1);
        QCOMPARE(cache.pendingCount(), 0);

        // Another size is another decode.
        QCOMPARE(cache.request(key(QStringLiteral("pictures/a.png"), 512, bytes), bytes).status, PictureResult::Status::Pending);
        QCOMPARE(cache.decodesStarted(), 2);
    }

    void repaintedUnderSameEntryIsNotTheOldPicture()
    {
        PictureCache cache;
        const QByteArray before = encode(makeImage(300, 300, 0), "png");
        const QByteArray after = encode(makeImage(300, 200, 0), "png"); // painted again: another shape
        const PictureKey old = key(QStringLiteral("pictures/p1.png"), 128, before);
        const PictureKey repainted = key(QStringLiteral("pictures/p1.png"), 128, after);
        QVERIFY(!(old == repainted));
        QVERIFY(cache.request(old, before).status == PictureResult::Status::Pending);
        bool arrived = false;
        QCOMPARE(waitFor(cache, old, &arrived).size(), QSize(128, 128));
        QCOMPARE(cache.request(repainted, after).status, PictureResult::Status::Pending);
        QCOMPARE(waitFor(cache, repainted, &arrived).size(), QSize(128, 85));
    }

    void manyRequestsStayWithinMemoryBound()
    {
        const qint64 limit = 2 * 1024 * 1024;
        PictureCache cache(limit);
        QList<QByteArray> pictures;
        for (int i = 0; i < 8; ++i)
            pictures.append(encode(makeImage(640, 480, i * 30), i % 2 ? "jpeg" : "png"));
        QSet<QString> waiting;
        QObject context;
        int broken = 0;
        connect(&cache, &PictureCache::pictureReady, &context, [&](const PictureKey& k, const QImage& image) {
            waiting.remove(k.entry + QString::number(k.bucket));
            broken += image.isNull() ? 1 : 0;
        });
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 8; ++i) {
                for (const int bucket : {64, 128, 256, 512}) {
                    const PictureKey k = key(QStringLiteral("pictures/%1.png").arg(i), bucket, pictures.at(i));
                    if (cache.request(k, pictures.at(i)).status == PictureResult::Status::Pending)
                        waiting.insert(k.entry + QString::number(bucket));
                }
            }
        }
        QCOMPARE(cache.decodesStarted(), 32); // the repeated rounds shared the decodes
        QTRY_VERIFY_WITH_TIMEOUT(waiting.isEmpty(), 60000);
        QCOMPARE(broken, 0);
        QVERIFY2(cache.memoryUsed() <= limit, qPrintable(QString::number(cache.memoryUsed())));
        QVERIFY(cache.memoryUsed() > 0);
        // The last decoded is still there (larger sizes are decoded first, so the smallest size of
        // the last picture asked for comes last).
        QCOMPARE(cache.find(key(QStringLiteral("pictures/7.png"), 64, pictures.at(7))).status, PictureResult::Status::Ready);
    }

    void cancelledRequestIsNotAnnounced()
    {
        // One worker: decodes run in the order asked, so once the later one arrived, the cancelled
        // one has had its turn.
        QThreadPool* pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        pool->setMaxThreadCount(1);
        const auto restore = qScopeGuard([pool, threads] { pool->setMaxThreadCount(threads); });

        PictureCache cache;
        const QByteArray bytes = encode(makeImage(1200, 900), "png");
        QList<PictureKey> announced;
        QObject context;
        connect(&cache, &PictureCache::pictureReady, &context, [&](const PictureKey& k, const QImage&) { announced.append(k); });
        const PictureKey blocker = key(QStringLiteral("pictures/first.png"), 1024, bytes);
        const PictureKey dropped = key(QStringLiteral("pictures/dropped.png"), 512, bytes);
        const PictureKey kept = key(QStringLiteral("pictures/kept.png"), 512, bytes);
        QCOMPARE(cache.request(blocker, bytes).status, PictureResult::Status::Pending);
        QCOMPARE(cache.request(dropped, bytes).status, PictureResult::Status::Pending);
        QCOMPARE(cache.request(dropped, bytes).status, PictureResult::Status::Pending);
        QCOMPARE(cache.request(kept, bytes).status, PictureResult::Status::Pending);
        cache.cancel(dropped); // one of two requests: still wanted
        QCOMPARE(cache.pendingCount(), 3);
        cache.cancel(dropped); // nobody wants it now
        QCOMPARE(cache.pendingCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(announced.contains(kept), 20000);
        QVERIFY(announced.contains(blocker));
        QVERIFY(!announced.contains(dropped));
        QCOMPARE(cache.find(dropped).status, PictureResult::Status::Pending); // not decoded, not cached

        // Wanted again after the cancel: decoded again.
        QCOMPARE(cache.request(dropped, bytes).status, PictureResult::Status::Pending);
        QTRY_VERIFY_WITH_TIMEOUT(announced.contains(dropped), 20000);
    }

    void largerPicturesGoAheadOfThumbnails()
    {
        // A story map asks for a thumbnail of every page, then the page asks for its picture: the
        // page's (larger) picture must not wait until every thumbnail has been decoded.
        PictureCache cache;
        const QByteArray bytes = encode(makeImage(1200, 900), "png");
        const int threads = qMax(1, QThread::idealThreadCount() - 1); // the cache's pool
        const int thumbnails = 6 * threads + 6;
        int thumbnailsBefore = -1;
        int thumbnailsDone = 0;
        const PictureKey page = key(QStringLiteral("pictures/page.png"), 1024, bytes);
        QObject context;
        connect(&cache, &PictureCache::pictureReady, &context, [&](const PictureKey& k, const QImage&) {
            if (k == page)
                thumbnailsBefore = thumbnailsDone;
            else
                ++thumbnailsDone;
        });
        for (int i = 0; i < thumbnails; ++i)
            QCOMPARE(cache.request(key(QStringLiteral("pictures/%1.png").arg(i), 64, bytes), bytes).status, PictureResult::Status::Pending);
        QCOMPARE(cache.request(page, bytes).status, PictureResult::Status::Pending);
        QTRY_VERIFY_WITH_TIMEOUT(thumbnailsBefore >= 0, 60000);
        // In the order asked it would come after all of them; first among the waiting ones, it
        // comes after those already running and what the other threads finish meanwhile.
        QVERIFY2(thumbnailsBefore < thumbnails / 2,
                 qPrintable(QStringLiteral("%1 of %2 thumbnails came first").arg(thumbnailsBefore).arg(thumbnails)));
        QTRY_COMPARE_WITH_TIMEOUT(thumbnailsDone, thumbnails, 60000);
    }

    void destroyedWhileDecodesRun()
    {
        const QByteArray big = encode(makeImage(2000, 1500), "png");
        const QByteArray jpeg = encode(makeImage(2000, 1500), "jpeg");
        int announced = 0;
        {
            auto cache = std::make_unique<PictureCache>();
            connect(cache.get(), &PictureCache::pictureReady, this, [&announced] { ++announced; });
            for (int i = 0; i < 40; ++i)
                (void)cache->request(key(QStringLiteral("pictures/%1.png").arg(i), 1024, i % 2 ? jpeg : big), i % 2 ? jpeg : big);
            QVERIFY(cache->decodesRunning() > 0); // started at once, on the cache's own threads
        } // gone with decodes running and queued (its pool waits for the one running, ~0.1 s)
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(announced, 0);
    }
};

QTEST_GUILESS_MAIN(TestPictureCache)
#include "tst_picturecache.moc"
