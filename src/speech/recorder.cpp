#include "recorder.h"

#include <QAudioDevice>
#include <QAudioSource>
#include <QIODevice>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QtEndian>

#include <algorithm>
#include <cstdlib>

namespace Storybook::Speech {

namespace {
Q_LOGGING_CATEGORY(lcRecorder, "storybook.speech.recorder", QtWarningMsg)

constexpr int WavHeaderSize = 44;

void putU32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void putU16(QByteArray& out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

quint32 u32At(const QByteArray& in, qsizetype at)
{
    return qFromLittleEndian<quint32>(in.constData() + at);
}

quint16 u16At(const QByteArray& in, qsizetype at)
{
    return qFromLittleEndian<quint16>(in.constData() + at);
}
} // namespace

QByteArray wavFromPcm(const QByteArray& pcm, const PcmFormat& format)
{
    const quint16 channels = quint16(std::max(1, format.channels));
    const quint32 rate = quint32(std::max(1, format.sampleRate));
    const quint32 dataSize = quint32(pcm.size());
    QByteArray out;
    out.reserve(WavHeaderSize + pcm.size());
    out.append("RIFF", 4);
    putU32(out, 36 + dataSize);
    out.append("WAVE", 4);
    out.append("fmt ", 4);
    putU32(out, 16);                 // the fmt chunk's size
    putU16(out, 1);                  // PCM
    putU16(out, channels);
    putU32(out, rate);
    putU32(out, rate * channels * 2); // bytes per second
    putU16(out, quint16(channels * 2)); // bytes per frame
    putU16(out, 16);                 // bits per sample
    out.append("data", 4);
    putU32(out, dataSize);
    out.append(pcm);
    return out;
}

std::optional<PcmAudio> pcmFromWav(const QByteArray& wav)
{
    if (wav.size() < WavHeaderSize || !wav.startsWith("RIFF") || wav.mid(8, 4) != "WAVE")
        return std::nullopt;
    PcmAudio out;
    bool haveFormat = false;
    qsizetype at = 12;
    while (at + 8 <= wav.size()) {
        const QByteArray id = wav.mid(at, 4);
        const qsizetype size = u32At(wav, at + 4);
        const qsizetype body = at + 8;
        if (size > wav.size() - body)
            return std::nullopt;
        if (id == "fmt ") {
            if (size < 16 || u16At(wav, body) != 1 || u16At(wav, body + 14) != 16)
                return std::nullopt;
            out.format.channels = u16At(wav, body + 2);
            out.format.sampleRate = int(u32At(wav, body + 4));
            haveFormat = out.format.channels > 0 && out.format.sampleRate > 0;
        } else if (id == "data") {
            if (!haveFormat)
                return std::nullopt;
            out.pcm = wav.mid(body, size);
            return out;
        }
        at = body + size + (size % 2);
    }
    return std::nullopt;
}

// Takes what the audio source writes (push mode) and hands it to the recorder.
class Recorder::Sink final : public QIODevice
{
public:
    explicit Sink(Recorder* recorder)
        : QIODevice(recorder)
        , m_recorder(recorder)
    {
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        m_recorder->append(data, size);
        return size;
    }

private:
    Recorder* m_recorder;
};

Recorder::Recorder(QObject* parent)
    : QObject(parent)
    , m_sink(new Sink(this))
{
}

Recorder::~Recorder()
{
    // The source stops and goes before the sink it writes to.
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
        m_source.reset();
    }
}

Recorder::Error Recorder::start()
{
    stop();
    clear();
    const QAudioDevice device = QMediaDevices::defaultAudioInput();
    if (device.isNull())
        return {Problem::NoMicrophone, tr("No microphone was found. Connect one, or allow this app to use it, and try again.")};

    QAudioFormat chosen;
    for (const int rate : {48000, 24000, 44100, 16000}) {
        QAudioFormat format;
        format.setSampleRate(rate);
        format.setChannelCount(1);
        format.setSampleFormat(QAudioFormat::Int16);
        if (device.isFormatSupported(format)) {
            chosen = format;
            break;
        }
    }
    if (!chosen.isValid()) {
        QAudioFormat preferred = device.preferredFormat();
        preferred.setSampleFormat(QAudioFormat::Int16);
        if (preferred.isValid() && device.isFormatSupported(preferred))
            chosen = preferred;
    }
    if (!chosen.isValid()) {
        return {Problem::FormatNotSupported,
                tr("The microphone “%1” does not record in a format this app can keep.").arg(device.description())};
    }

    m_format = {chosen.sampleRate(), 1};
    m_sourceChannels = chosen.channelCount();
    m_source = std::make_unique<QAudioSource>(device, chosen);
    m_source->setBufferSize(int(chosen.bytesForDuration(100'000)));
    connect(m_source.get(), &QAudioSource::stateChanged, this, &Recorder::onStateChanged);
    m_sink->open(QIODevice::WriteOnly);
    m_clock.invalidate(); // started by the first samples: a device can take a moment to start
    m_elapsedMs = 0;
    m_source->start(m_sink);
    if (m_source->error() != QAudio::NoError || m_source->state() == QAudio::StoppedState) {
        m_source.reset();
        m_sink->close();
        return {Problem::DeviceFailed, tr("The microphone “%1” could not be opened.").arg(device.description())};
    }
    qCDebug(lcRecorder) << "recording from" << device.description() << chosen;
    Q_EMIT recordingChanged(true);
    return {};
}

void Recorder::stop()
{
    if (!m_source)
        return;
    m_elapsedMs = m_clock.isValid() ? m_clock.elapsed() + m_clockOffsetMs : 0;
    m_source->disconnect(this);
    m_source->stop();
    m_source.reset();
    m_sink->close();
    m_level = 0;
    Q_EMIT levelChanged(0);
    Q_EMIT recordingChanged(false);
}

void Recorder::clear()
{
    m_pcm.clear();
    m_elapsedMs = 0;
}

bool Recorder::isRecording() const
{
    return m_source != nullptr;
}

qint64 Recorder::elapsedMs() const
{
    if (!isRecording())
        return m_elapsedMs;
    return m_clock.isValid() ? m_clock.elapsed() + m_clockOffsetMs : 0;
}

qint64 Recorder::durationMs() const
{
    return m_format.msForFrames(m_pcm.size() / 2);
}

void Recorder::append(const char* data, qint64 size)
{
    if (!m_clock.isValid() && size > 0) {
        // The first block covers the time just before it arrived.
        m_clock.start();
        m_clockOffsetMs = m_format.msForFrames(size / 2 / std::max(1, m_sourceChannels));
    }
    const auto* samples = reinterpret_cast<const qint16*>(data);
    const qint64 count = size / 2;
    int peak = 0;
    if (m_sourceChannels <= 1) {
        m_pcm.append(data, count * 2);
        for (qint64 i = 0; i < count; ++i)
            peak = std::max(peak, std::abs(int(samples[i])));
    } else {
        // Several channels: their mean, so the take is mono like every other.
        const qint64 frames = count / m_sourceChannels;
        const qsizetype at = m_pcm.size();
        m_pcm.resize(at + frames * 2);
        auto* out = reinterpret_cast<qint16*>(m_pcm.data() + at);
        for (qint64 f = 0; f < frames; ++f) {
            int sum = 0;
            for (int c = 0; c < m_sourceChannels; ++c)
                sum += samples[f * m_sourceChannels + c];
            out[f] = qint16(sum / m_sourceChannels);
            peak = std::max(peak, std::abs(int(out[f])));
        }
    }
    m_level = std::min(1.0, peak / 32767.0);
    Q_EMIT levelChanged(m_level);
}

void Recorder::onStateChanged()
{
    if (!m_source)
        return;
    const QAudio::Error error = m_source->error();
    if (error == QAudio::OpenError || error == QAudio::IOError || error == QAudio::FatalError) {
        qCWarning(lcRecorder) << "the microphone failed:" << error;
        stop();
        Q_EMIT failed({Problem::DeviceFailed, tr("The microphone stopped working. What was recorded until then is kept.")});
    }
}

} // namespace Storybook::Speech
