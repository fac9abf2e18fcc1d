#pragma once

#include "pausesplitter.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QAudioSource;

namespace Storybook::Speech {

// A WAV file (RIFF, PCM 16-bit) of `pcm`: the 44-byte header, then the samples unchanged.
[[nodiscard]] QByteArray wavFromPcm(const QByteArray& pcm, const PcmFormat& format);
// The samples of a WAV file that wavFromPcm() wrote (PCM 16-bit, a "data" chunk after "fmt "), or
// nothing when `wav` is not one.
struct PcmAudio
{
    PcmFormat format;
    QByteArray pcm;
};
[[nodiscard]] std::optional<PcmAudio> pcmFromWav(const QByteArray& wav);

// Records from the system's default microphone (Qt Multimedia) into memory: signed 16-bit mono
// PCM at 48 kHz, or 24 kHz, or whatever rate the device takes. Nothing recorded leaves the process.
// A level (for a meter) and the elapsed time are there while recording. The recorder can be
// destroyed at any time: recording stops first.
class Recorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Recorder)

public:
    enum class Problem { None, NoMicrophone, FormatNotSupported, DeviceFailed };
    struct Error
    {
        Problem problem = Problem::None;
        QString message; // translated
    };

    explicit Recorder(QObject* parent = nullptr);
    ~Recorder() override;

    // Starts a new recording (the previous samples are dropped). Returns an error, or Problem::None
    // when recording started.
    Error start();
    // Stops; the samples stay until the next start() or clear().
    void stop();
    void clear();

    [[nodiscard]] bool isRecording() const;
    // The wall-clock time since the microphone's first samples arrived (a device can take a moment
    // to start after start()), frozen at stop().
    [[nodiscard]] qint64 elapsedMs() const;
    // The peak of the last block of samples, 0..1 (0 when not recording).
    [[nodiscard]] double level() const { return m_level; }
    [[nodiscard]] PcmFormat format() const { return m_format; }
    [[nodiscard]] const QByteArray& pcm() const { return m_pcm; }
    [[nodiscard]] qint64 durationMs() const;
    [[nodiscard]] QByteArray wav() const { return wavFromPcm(m_pcm, m_format); }

Q_SIGNALS:
    void levelChanged(double level);
    void recordingChanged(bool recording);
    // The device failed while recording; what was recorded until then is kept.
    void failed(const Storybook::Speech::Recorder::Error& error);

private:
    class Sink;
    void append(const char* data, qint64 size);
    void onStateChanged();

    std::unique_ptr<QAudioSource> m_source;
    Sink* m_sink = nullptr; // child
    QByteArray m_pcm;
    PcmFormat m_format;
    int m_sourceChannels = 1;
    QElapsedTimer m_clock;
    qint64 m_clockOffsetMs = 0; // the first block's length
    qint64 m_elapsedMs = 0;
    double m_level = 0;
};

} // namespace Storybook::Speech
