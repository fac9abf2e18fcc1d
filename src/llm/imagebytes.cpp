#include "imagebytes.h"

#include <QtEndian>

namespace Storybook::Llm {

namespace {
constexpr char PngSignature[] = "\x89PNG\r\n\x1a\n";
constexpr int MaxPngChunks = 100000;

bool fail(QString* why, const char* text)
{
    if (why)
        *why = QString::fromLatin1(text);
    return false;
}

bool intactPng(QByteArrayView bytes, QString* why)
{
    qsizetype pos = 8;
    bool first = true;
    for (int chunk = 0; chunk < MaxPngChunks; ++chunk) {
        if (pos + 12 > bytes.size())
            return fail(why, "the PNG ends before its IEND chunk (cut off)");
        const quint32 length = qFromBigEndian<quint32>(bytes.data() + pos);
        const QByteArrayView type = bytes.sliced(pos + 4, 4);
        if (first && type != QByteArrayView("IHDR"))
            return fail(why, "the PNG does not start with an IHDR chunk");
        first = false;
        if (length > quint32(bytes.size()) || pos + 12 + qsizetype(length) > bytes.size())
            return fail(why, "a PNG chunk runs past the end of the data (cut off)");
        pos += 12 + qsizetype(length);
        if (type == QByteArrayView("IEND"))
            return true;
    }
    return fail(why, "the PNG has too many chunks");
}

bool intactJpeg(QByteArrayView bytes, QString* why)
{
    qsizetype end = bytes.size();
    while (end > 2 && (bytes.at(end - 1) == '\0' || bytes.at(end - 1) == '\n' || bytes.at(end - 1) == '\r'))
        --end; // some encoders pad after EOI
    if (end < 4 || bytes.at(end - 2) != char(0xFF) || bytes.at(end - 1) != char(0xD9))
        return fail(why, "the JPEG does not end with its end-of-image marker (cut off)");
    return true;
}

bool intactWebp(QByteArrayView bytes, QString* why)
{
    if (bytes.size() < 20)
        return fail(why, "the WebP is too short");
    const quint32 riffSize = qFromLittleEndian<quint32>(bytes.data() + 4);
    if (qsizetype(riffSize) + 8 > bytes.size())
        return fail(why, "the WebP is shorter than its RIFF header says (cut off)");
    const QByteArrayView chunk = bytes.sliced(12, 4);
    if (chunk != QByteArrayView("VP8 ") && chunk != QByteArrayView("VP8L") && chunk != QByteArrayView("VP8X"))
        return fail(why, "the WebP holds no VP8, VP8L or VP8X chunk");
    return true;
}
} // namespace

ImageFormat sniffImageFormat(QByteArrayView bytes)
{
    if (bytes.startsWith(QByteArrayView(PngSignature, 8)))
        return ImageFormat::Png;
    if (bytes.size() >= 3 && bytes.at(0) == char(0xFF) && bytes.at(1) == char(0xD8) && bytes.at(2) == char(0xFF))
        return ImageFormat::Jpeg;
    if (bytes.size() >= 12 && bytes.first(4) == QByteArrayView("RIFF") && bytes.sliced(8, 4) == QByteArrayView("WEBP"))
        return ImageFormat::Webp;
    return ImageFormat::Unknown;
}

QString mimeTypeOf(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Png:
        return QStringLiteral("image/png");
    case ImageFormat::Jpeg:
        return QStringLiteral("image/jpeg");
    case ImageFormat::Webp:
        return QStringLiteral("image/webp");
    case ImageFormat::Unknown:
        break;
    }
    return {};
}

QString fileExtensionOf(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Png:
        return QStringLiteral("png");
    case ImageFormat::Jpeg:
        return QStringLiteral("jpg");
    case ImageFormat::Webp:
        return QStringLiteral("webp");
    case ImageFormat::Unknown:
        break;
    }
    return {};
}

bool isIntactImage(QByteArrayView bytes, ImageFormat format, QString* why)
{
    switch (format) {
    case ImageFormat::Png:
        return intactPng(bytes, why);
    case ImageFormat::Jpeg:
        return intactJpeg(bytes, why);
    case ImageFormat::Webp:
        return intactWebp(bytes, why);
    case ImageFormat::Unknown:
        break;
    }
    return fail(why, "the data is not a PNG, JPEG or WebP image");
}

} // namespace Storybook::Llm
