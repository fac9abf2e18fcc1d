#pragma once

#include <QAudioFormat>
#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QAudioDecoder;
class QBuffer;

namespace Storybook::Speech {

// Turns one stored narration clip (its encoded bytes, as kept in the story) into raw PCM in the
// player's format (pcmFormat(): signed 16-bit mono at 24 kHz). Raw PCM (audio/pcm: OpenAI's s16le
// mono 24 kHz) and WAV already in that format are taken as they are, at once; everything else (mp3,
// opus, flac, aac, other WAV) goes through QAudioDecoder reading from memory (QBuffer; Qt 6.4's
// GStreamer backend reads a QIODevice through appsrc, the FFmpeg backend through its own I/O).
// One clip at a time; start() again after decoded()/failed().
class ClipDecoder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClipDecoder)

public:
    explicit ClipDecoder(QObject* parent = nullptr);
    ~ClipDecoder() override;

    [[nodiscard]] static QAudioFormat pcmFormat();
    // The PCM of `bytes` when it needs no decoder (raw pcm, WAV in pcmFormat()), else nullopt.
    [[nodiscard]] static std::optional<QByteArray> directPcm(const QByteArray& bytes, const QString& mimeType);

    // Starts decoding; decoded() or failed() follows (never from inside this call).
    void start(const QByteArray& bytes, const QString& mimeType);
    void stop();
    [[nodiscard]] bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void decoded(const QByteArray& pcm);
    void failed(const QString& problem); // translated

private:
    void finish();

    std::unique_ptr<QAudioDecoder> m_decoder;
    std::unique_ptr<QBuffer> m_buffer;
    QByteArray m_bytes;
    QByteArray m_pcm;
    bool m_busy = false;
    quint64 m_generation = 0; // a late queued call of an earlier clip is ignored
};

} // namespace Storybook::Speech
