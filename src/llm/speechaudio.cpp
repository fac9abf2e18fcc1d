#include "speechaudio.h"

#include <QtEndian>

namespace Storybook::Llm {

namespace {
constexpr quint32 UnknownLength = 0xFFFFFFFF;
constexpr int MaxWavChunks = 64;

bool fail(QString* why, const char* text)
{
    if (why)
        *why = QString::fromLatin1(text);
    return false;
}

struct WavLayout
{
    QByteArrayView fmt;  // the "fmt " chunk's body
    QByteArrayView data; // the samples
};

std::optional<WavLayout> readWav(QByteArrayView bytes, QString* why)
{
    if (bytes.size() < 12 || bytes.first(4) != QByteArrayView("RIFF") || bytes.sliced(8, 4) != QByteArrayView("WAVE")) {
        fail(why, "the data does not start with a RIFF/WAVE header");
        return std::nullopt;
    }
    WavLayout layout;
    qsizetype pos = 12;
    for (int chunk = 0; chunk < MaxWavChunks && pos + 8 <= bytes.size(); ++chunk) {
        const QByteArrayView id = bytes.sliced(pos, 4);
        const quint32 length = qFromLittleEndian<quint32>(bytes.data() + pos + 4);
        const qsizetype body = pos + 8;
        if (id == QByteArrayView("data")) {
            const bool open = length == UnknownLength || length == 0;
            if (!open && qsizetype(length) > bytes.size() - body) {
                fail(why, "the WAV's data chunk runs past the end of the data (cut off)");
                return std::nullopt;
            }
            layout.data = bytes.sliced(body, open ? bytes.size() - body : qsizetype(length));
            if (layout.fmt.isEmpty()) {
                fail(why, "the WAV has no fmt chunk before its data");
                return std::nullopt;
            }
            return layout;
        }
        if (qsizetype(length) > bytes.size() - body) {
            fail(why, "a WAV chunk runs past the end of the data (cut off)");
            return std::nullopt;
        }
        if (id == QByteArrayView("fmt ")) {
            if (length < 16) {
                fail(why, "the WAV's fmt chunk is too short");
                return std::nullopt;
            }
            layout.fmt = bytes.sliced(body, length);
        }
        pos = body + qsizetype(length) + (length & 1);
    }
    fail(why, "the WAV has no data chunk");
    return std::nullopt;
}

void appendLe32(QByteArray& out, quint32 value)
{
    char buffer[4];
    qToLittleEndian(value, buffer);
    out.append(buffer, 4);
}
} // namespace

AudioFormat sniffAudioFormat(QByteArrayView bytes)
{
    if (bytes.size() < 4)
        return AudioFormat::Unknown;
    if (bytes.startsWith(QByteArrayView("ID3")))
        return AudioFormat::Mp3;
    if (bytes.startsWith(QByteArrayView("fLaC")))
        return AudioFormat::Flac;
    if (bytes.startsWith(QByteArrayView("RIFF")))
        return bytes.size() >= 12 && bytes.sliced(8, 4) == QByteArrayView("WAVE") ? AudioFormat::Wav : AudioFormat::Unknown;
    if (bytes.startsWith(QByteArrayView("OggS")))
        return bytes.first(qMin<qsizetype>(bytes.size(), 128)).indexOf(QByteArrayView("OpusHead")) >= 0 ? AudioFormat::Opus
                                                                                                      : AudioFormat::Unknown;
    const auto b0 = quint8(bytes.at(0));
    const auto b1 = quint8(bytes.at(1));
    if (b0 == 0xFF && (b1 & 0xF0) == 0xF0 && (b1 & 0x06) == 0)
        return AudioFormat::Aac; // ADTS: 12-bit sync, layer 00
    if (b0 == 0xFF && (b1 & 0xE0) == 0xE0 && (b1 & 0x06) != 0 && (b1 & 0x18) != 0x08)
        return AudioFormat::Mp3; // MPEG audio frame: 11-bit sync, a layer, a valid version
    return AudioFormat::Unknown;
}

QString audioFormatName(AudioFormat format)
{
    switch (format) {
    case AudioFormat::Mp3:
        return QStringLiteral("mp3");
    case AudioFormat::Opus:
        return QStringLiteral("opus");
    case AudioFormat::Wav:
        return QStringLiteral("wav");
    case AudioFormat::Pcm:
        return QStringLiteral("pcm");
    case AudioFormat::Flac:
        return QStringLiteral("flac");
    case AudioFormat::Aac:
        return QStringLiteral("aac");
    case AudioFormat::Unknown:
        break;
    }
    return {};
}

AudioFormat audioFormatFromName(const QString& name)
{
    for (AudioFormat format : {AudioFormat::Mp3, AudioFormat::Opus, AudioFormat::Wav, AudioFormat::Pcm, AudioFormat::Flac,
                               AudioFormat::Aac}) {
        if (name.compare(audioFormatName(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return AudioFormat::Unknown;
}

QString audioMimeTypeOf(AudioFormat format)
{
    switch (format) {
    case AudioFormat::Mp3:
        return QStringLiteral("audio/mpeg");
    case AudioFormat::Opus:
        return QStringLiteral("audio/ogg");
    case AudioFormat::Wav:
        return QStringLiteral("audio/wav");
    case AudioFormat::Pcm:
        return QStringLiteral("audio/L16;rate=24000;channels=1");
    case AudioFormat::Flac:
        return QStringLiteral("audio/flac");
    case AudioFormat::Aac:
        return QStringLiteral("audio/aac");
    case AudioFormat::Unknown:
        break;
    }
    return {};
}

QString audioFileExtensionOf(AudioFormat format)
{
    return audioFormatName(format);
}

bool isIntactAudio(QByteArrayView bytes, AudioFormat format, QString* why)
{
    if (format == AudioFormat::Unknown)
        return fail(why, "the data is not audio in a known format");
    if (format == AudioFormat::Pcm)
        return bytes.size() % 2 == 0 ? true : fail(why, "16-bit PCM with an odd number of bytes (cut off)");
    if (sniffAudioFormat(bytes) != format)
        return fail(why, "the data does not start the way this audio format does");
    if (format == AudioFormat::Wav)
        return readWav(bytes, why).has_value();
    return true;
}

std::optional<QByteArray> joinWav(const QList<QByteArray>& parts)
{
    QByteArray fmt;
    QByteArray samples;
    for (const QByteArray& part : parts) {
        const auto layout = readWav(part, nullptr);
        if (!layout)
            return std::nullopt;
        if (fmt.isEmpty())
            fmt = layout->fmt.toByteArray();
        else if (layout->fmt != QByteArrayView(fmt))
            return std::nullopt;
        samples.append(layout->data);
    }
    if (fmt.isEmpty())
        return std::nullopt;
    QByteArray out("RIFF");
    appendLe32(out, quint32(4 + 8 + fmt.size() + (fmt.size() & 1) + 8 + samples.size()));
    out.append("WAVEfmt ");
    appendLe32(out, quint32(fmt.size()));
    out.append(fmt);
    if (fmt.size() & 1)
        out.append('\0');
    out.append("data");
    appendLe32(out, quint32(samples.size()));
    out.append(samples);
    return out;
}

bool concatenates(AudioFormat format)
{
    return format == AudioFormat::Mp3 || format == AudioFormat::Aac || format == AudioFormat::Pcm;
}

} // namespace Storybook::Llm
