#include "epubaudio.h"

namespace Storybook::Export::EpubAudio {

std::optional<QString> coreSuffix(const QString& mimeType)
{
    const QString type = mimeType.trimmed().toLower();
    if (type == QLatin1String("audio/mpeg") || type == QLatin1String("audio/mp3"))
        return QStringLiteral("mp3");
    return std::nullopt;
}

namespace {
struct Frame
{
    qint64 length = 0;
    qint64 samples = 0;
    int sampleRate = 0;
};

std::optional<Frame> frameAt(const QByteArray& bytes, qsizetype at)
{
    if (at + 4 > bytes.size())
        return std::nullopt;
    const auto b = [&](qsizetype i) { return quint8(bytes[at + i]); };
    if (b(0) != 0xff || (b(1) & 0xe0) != 0xe0)
        return std::nullopt;
    const int version = (b(1) >> 3) & 3; // 0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1
    const int layer = (b(1) >> 1) & 3;   // 1: III, 2: II, 3: I
    const int bitrateIndex = b(2) >> 4;
    const int rateIndex = (b(2) >> 2) & 3;
    const int padding = (b(2) >> 1) & 1;
    if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3)
        return std::nullopt;
    static constexpr int Rates[3] = {44100, 48000, 32000};
    const int sampleRate = Rates[rateIndex] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
    static constexpr int V1L1[] = {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448};
    static constexpr int V1L2[] = {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384};
    static constexpr int V1L3[] = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    static constexpr int V2L1[] = {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256};
    static constexpr int V2L23[] = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    const bool v1 = version == 3;
    const int kbps = layer == 3 ? (v1 ? V1L1 : V2L1)[bitrateIndex]
                   : layer == 2 ? (v1 ? V1L2 : V2L23)[bitrateIndex]
                                : (v1 ? V1L3 : V2L23)[bitrateIndex];
    Frame frame;
    frame.sampleRate = sampleRate;
    if (layer == 3) {
        frame.samples = 384;
        frame.length = (12LL * kbps * 1000 / sampleRate + padding) * 4;
    } else {
        frame.samples = layer == 1 && !v1 ? 576 : 1152;
        frame.length = qint64(frame.samples) / 8 * kbps * 1000 / sampleRate + padding;
    }
    if (frame.length < 4)
        return std::nullopt;
    return frame;
}
} // namespace

std::optional<qint64> mp3DurationMs(const QByteArray& bytes)
{
    qsizetype at = 0;
    // An ID3v2 tag: "ID3", version, flags, a 28-bit synch-safe size (+ a 10-byte footer when flagged).
    if (bytes.size() >= 10 && bytes.startsWith("ID3")) {
        const auto b = [&](int i) { return qint64(quint8(bytes[i]) & 0x7f); };
        at = 10 + ((b(6) << 21) | (b(7) << 14) | (b(8) << 7) | b(9)) + ((quint8(bytes[5]) & 0x10) ? 10 : 0);
    }
    // The first frame: one whose successor also is a frame (so a stray 0xFF byte is not taken for one).
    std::optional<Frame> first;
    for (; at + 4 <= bytes.size(); ++at) {
        first = frameAt(bytes, at);
        if (first && (at + first->length == bytes.size() || frameAt(bytes, at + first->length)))
            break;
        first.reset();
    }
    if (!first)
        return std::nullopt;
    double seconds = 0;
    qint64 frames = 0;
    while (at + 4 <= bytes.size()) {
        const std::optional<Frame> frame = frameAt(bytes, at);
        if (!frame)
            break;
        if (at + frame->length > bytes.size())
            break; // a cut last frame plays nothing whole
        seconds += double(frame->samples) / frame->sampleRate;
        at += frame->length;
        ++frames;
    }
    if (frames == 0)
        return std::nullopt;
    return qRound64(seconds * 1000);
}

QString clockValue(qint64 ms)
{
    ms = qMax<qint64>(ms, 0);
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000)
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

} // namespace Storybook::Export::EpubAudio
