#include "picturegen.h"

#include <QBuffer>
#include <QColor>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRadialGradient>

#include <random>

namespace Storybook::Bench {

namespace {

QImage paint(int width, int height, quint32 seed, int grain)
{
    std::mt19937 rng(seed);
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, height);
    sky.setColorAt(0, QColor::fromHsv(int(rng() % 360), 90, 230));
    sky.setColorAt(1, QColor::fromHsv(int(rng() % 360), 120, 140));
    painter.fillRect(image.rect(), sky);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < 24; ++i) {
        const int r = int(rng() % quint32(width / 4)) + width / 16;
        const QPointF c(rng() % quint32(width), rng() % quint32(height));
        QRadialGradient blob(c, r);
        blob.setColorAt(0, QColor::fromHsv(int(rng() % 360), 150, 220, 200));
        blob.setColorAt(1, QColor::fromHsv(int(rng() % 360), 150, 180, 0));
        painter.setBrush(blob);
        painter.drawEllipse(c, r, r);
    }
    painter.end();
    if (grain > 0) {
        std::uniform_int_distribution<int> noise(-grain, grain);
        for (int y = 0; y < height; ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < width; ++x) {
                const QRgb p = line[x];
                const int n = noise(rng);
                line[x] = qRgb(qBound(0, qRed(p) + n, 255), qBound(0, qGreen(p) + n / 2 + noise(rng) / 2, 255),
                               qBound(0, qBlue(p) + n, 255));
            }
        }
    }
    return image;
}

QByteArray encode(const QImage& image, const char* format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, qstrcmp(format, "jpeg") == 0 ? 85 : -1);
    return bytes;
}

quint32 crc32(const QByteArray& data)
{
    static quint32 table[256];
    static const bool ready = [] {
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return true;
    }();
    Q_UNUSED(ready);
    quint32 c = 0xffffffffu;
    for (const char ch : data)
        c = table[(c ^ quint8(ch)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

void appendBigEndian(QByteArray& out, quint32 v)
{
    out.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

} // namespace

QByteArray makePicture(int width, int height, const char* format, quint32 seed, qint64 targetBytes)
{
    int low = 0, high = 96;
    QByteArray best;
    for (int i = 0; i < 7; ++i) {
        const int grain = (low + high) / 2;
        QByteArray bytes = encode(paint(width, height, seed, grain), format);
        if (best.isEmpty() || qAbs(bytes.size() - targetBytes) < qAbs(best.size() - targetBytes))
            best = bytes;
        if (qAbs(bytes.size() - targetBytes) * 10 < targetBytes)
            break;
        (bytes.size() < targetBytes ? low : high) = grain;
    }
    return best;
}

QByteArray tagPicture(const QByteArray& bytes, quint32 tag)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n") && bytes.size() > 33) {
        // Signature (8) + IHDR (4 length + 4 type + 13 data + 4 CRC) = 33 bytes; the chunk goes after it.
        QByteArray chunk;
        const QByteArray typed = QByteArray("tEXt") + QByteArray("Comment", 8) + "bench " + QByteArray::number(tag);
        appendBigEndian(chunk, quint32(typed.size() - 4));
        chunk += typed;
        appendBigEndian(chunk, crc32(typed));
        return bytes.left(33) + chunk + bytes.mid(33);
    }
    if (bytes.startsWith("\xff\xd8")) {
        const QByteArray comment = "bench " + QByteArray::number(tag);
        QByteArray segment("\xff\xfe", 2);
        const int length = int(comment.size()) + 2;
        segment.append(char(length >> 8)).append(char(length & 0xff)).append(comment);
        return bytes.left(2) + segment + bytes.mid(2);
    }
    return bytes;
}

qint64 statusKb(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace Storybook::Bench
