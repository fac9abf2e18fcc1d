#pragma once

#include "requestjob.h"
#include "speechaudio.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace Storybook::Llm {

struct SpeechRequest
{
    QString input;
    QString model; // empty: the settings' model
    QString voice; // required: "alloy", "FunAudioLLM/CosyVoice2-0.5B:alex", ...
    AudioFormat format = AudioFormat::Mp3;
    double speed = 1.0;   // 0.25 to 4.0; sent only when not 1.0 (some models refuse or ignore it)
    QString instructions; // a speaking style; sent only when set (gpt-4o-mini-tts reads it)
    // Per request (per part of a split input); unset: the client's settings (the speech role defaults
    // to idle 60 s and total 180 s, see ConnectionSettings::defaults()).
    std::optional<std::chrono::milliseconds> idleTimeout;
    std::optional<std::chrono::milliseconds> totalTimeout;
};

// One part of the input, as one request spoke it.
struct SpeechPart
{
    QString text;
    QByteArray bytes; // exactly as the provider sent them, never re-encoded
};

struct SpeechResult
{
    QList<SpeechPart> parts; // in the input's order; one unless the input was longer than MaxSpeechInput
    // Sniffed from the bytes (see sniffAudioFormat); Pcm when pcm was asked for and the bytes have no
    // signature: 16-bit little-endian mono at 24 kHz. A provider that sends another format than asked
    // is believed, since the bytes are kept as sent.
    AudioFormat format = AudioFormat::Unknown;
    QString model;
    QString voice;
};

// Speech from text: POST {base}/audio/speech with JSON {"model", "input", "voice", "response_format",
// "speed", "instructions"} (OpenAI, SiliconFlow CosyVoice, Kokoro-FastAPI, openedai-speech, LocalAI).
// Input longer than MaxSpeechInput characters is split at sentence ends (splitSpeechText) and spoken
// by one request per part, one after the other, through the same client; the job finishes once, after
// the last part or the first failure. An answer that is JSON or a web page instead of audio, or audio
// that is damaged, is an error. Like a picture, speech costs money: a request is retried only when the
// provider surely did not speak it (see mayRetry()).
class SpeechJob final : public RequestJob
{
    Q_OBJECT

public:
    SpeechJob(LlmClient* client, const SpeechRequest& request);

    [[nodiscard]] const SpeechResult& result() const { return m_result; }
    // How many requests the input needs (known at once).
    [[nodiscard]] int partCount() const { return int(m_texts.size()); }

    [[nodiscard]] static QByteArray requestBody(const SpeechRequest& request, const QString& model, const QString& input);
    // A request that is wrong in itself (no text, no voice, speed out of range, unknown format).
    [[nodiscard]] static LlmError checkRequest(const SpeechRequest& request, const QString& model);

Q_SIGNALS:
    // Part `index` (0-based) of `count` has arrived; result().parts holds it.
    void partFinished(int index, int count);

protected:
    void handleBody(const QByteArray& bytes) override;
    LlmError handleEnd() override;
    [[nodiscard]] bool mayRetry(const LlmError& error) const override;
    void explainError(LlmError& error) const override;

private:
    SpeechJob(LlmClient* client, const SpeechRequest& request, const QString& model, const QStringList& texts);
    LlmError takeAudio(const QByteArray& bytes);
    void startPart(int index);

    SpeechRequest m_request;
    QStringList m_texts; // the parts still to speak are m_texts[m_result.parts.size()...]
    QByteArray m_body;
    SpeechResult m_result;
    QPointer<RequestJob> m_partJob;
};

} // namespace Storybook::Llm
