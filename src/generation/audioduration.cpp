#include "audioduration.h"

#include <QtEndian>

#include <array>

namespace Storybook::Generation {

namespace {

quint32 le32(QByteArrayView bytes, qsizetype at)
{
    return qFromLittleEndian<quint32>(bytes.data() + at);
}

quint16 le16(QByteArrayView bytes, qsizetype at)
{
    return qFromLittleEndian<quint16>(bytes.data() + at);
}

struct Mp3Frame
{
    qsizetype length = 0; // bytes, header included
    int samples = 0;
    int sampleRate = 0;
    int sideInfo = 0;     // bytes of layer III side information after the header (where Xing sits)
};

// The frame whose 4-byte header starts at `at`, or length 0.
Mp3Frame readFrame(QByteArrayView bytes, qsizetype at)
{
    if (at + 4 > bytes.size())
        return {};
    const auto b = [&](int i) { return quint8(bytes[at + i]); };
    if (b(0) != 0xFF || (b(1) & 0xE0) != 0xE0)
        return {};
    const int version = (b(1) >> 3) & 0x3; // 0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1
    const int layer = (b(1) >> 1) & 0x3;   // 1: III, 2: II, 3: I
    const int bitrateIndex = (b(2) >> 4) & 0xF;
    const int rateIndex = (b(2) >> 2) & 0x3;
    const int padding = (b(2) >> 1) & 0x1;
    const bool mono = ((b(3) >> 6) & 0x3) == 3;
    if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3)
        return {};
    static constexpr std::array<std::array<int, 15>, 5> kbps{{
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG 1 layer I
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG 1 layer II
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG 1 layer III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG 2/2.5 layer I
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // MPEG 2/2.5 layers II, III
    }};
    static constexpr std::array<int, 3> rates1{44100, 48000, 32000};
    const bool mpeg1 = version == 3;
    const int row = mpeg1 ? (3 - layer) : (layer == 3 ? 3 : 4);
    const int bitrate = kbps[size_t(row)][size_t(bitrateIndex)] * 1000;
    const int sampleRate = rates1[size_t(rateIndex)] / (mpeg1 ? 1 : (version == 2 ? 2 : 4));
    Mp3Frame frame;
    frame.sampleRate = sampleRate;
    if (layer == 3) {
        frame.samples = 384;
        frame.length = (12 * bitrate / sampleRate + padding) * 4;
    } else {
        frame.samples = (layer == 1 && !mpeg1) ? 576 : 1152;
        frame.length = (frame.samples / 8) * bitrate / sampleRate + padding;
    }
    if (layer == 1)
        frame.sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
    return frame;
}

bool isXingFrame(QByteArrayView bytes, qsizetype at, const Mp3Frame& frame)
{
    const qsizetype tag = at + 4 + frame.sideInfo;
    if (tag + 4 > bytes.size() || tag + 4 > at + frame.length)
        return false;
    const QByteArrayView id = bytes.sliced(tag, 4);
    return id == "Xing" || id == "Info";
}

} // namespace

qint64 wavDurationMs(QByteArrayView bytes)
{
    if (bytes.size() < 12 || bytes.first(4) != "RIFF" || bytes.sliced(8, 4) != "WAVE")
        return 0;
    quint32 byteRate = 0;
    qsizetype at = 12;
    // Bounded: each chunk moves at least 8 bytes on.
    while (at + 8 <= bytes.size()) {
        const QByteArrayView id = bytes.sliced(at, 4);
        const quint32 size = le32(bytes, at + 4);
        const qsizetype body = at + 8;
        if (id == "fmt ") {
            if (body + 16 > bytes.size())
                return 0;
            byteRate = le32(bytes, body + 8);
            if (byteRate == 0) {
                const quint16 channels = le16(bytes, body + 2);
                byteRate = le32(bytes, body + 4) * channels * (le16(bytes, body + 14) / 8);
            }
        } else if (id == "data") {
            if (byteRate == 0)
                return 0;
            const qsizetype available = bytes.size() - body;
            const qsizetype length = (size == 0 || size == 0xFFFFFFFFu) ? available : qMin<qsizetype>(size, available);
            return qint64(length) * 1000 / byteRate;
        }
        if (size > quint32(bytes.size()))
            return 0;
        at = body + qsizetype(size) + (size & 1);
    }
    return 0;
}

qint64 mp3DurationMs(QByteArrayView bytes)
{
    qsizetype at = 0;
    // An ID3v2 tag: "ID3", version, flags, a 28-bit syncsafe size (and a 10-byte footer when flagged).
    if (bytes.size() >= 10 && bytes.first(3) == "ID3") {
        const auto s = [&](int i) { return quint32(quint8(bytes[6 + i]) & 0x7F); };
        at = 10 + qsizetype((s(0) << 21) | (s(1) << 14) | (s(2) << 7) | s(3));
        if (quint8(bytes[5]) & 0x10)
            at += 10;
    }
    double seconds = 0;
    bool first = true;
    int frames = 0;
    // Bounded: each turn moves at least one byte on.
    while (at + 4 <= bytes.size()) {
        const Mp3Frame frame = readFrame(bytes, at);
        if (frame.length <= 4) {
            ++at; // not a frame: look for the next sync
            continue;
        }
        if (!(first && isXingFrame(bytes, at, frame))) {
            // A frame cut off at the end still counts only when most of it is there.
            if (at + frame.length > bytes.size() && (bytes.size() - at) * 2 < frame.length)
                break;
            seconds += double(frame.samples) / frame.sampleRate;
            ++frames;
        }
        first = false;
        at += frame.length;
    }
    return frames > 0 ? qint64(seconds * 1000 + 0.5) : 0;
}

qint64 audioDurationMs(QByteArrayView bytes, Llm::AudioFormat format)
{
    switch (format) {
    case Llm::AudioFormat::Wav:
        return wavDurationMs(bytes);
    case Llm::AudioFormat::Pcm:
        return qint64(bytes.size() / 2) * 1000 / Llm::PcmSampleRate;
    case Llm::AudioFormat::Mp3:
        return mp3DurationMs(bytes);
    default:
        return 0;
    }
}

} // namespace Storybook::Generation
