#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Storybook::Test::FakeSpeech {

//! Speech the fake server makes: a 440 Hz tone (or silence) of 10 ms per character of input, as
//! signed 16-bit little-endian mono samples at 24 kHz (what OpenAI's "pcm" is).
constexpr int SampleRate = 24000;
constexpr int MsPerCharacter = 10;
constexpr int MaxInput = 4096; //!< OpenAI's limit; longer input is answered 400 string_too_long

QByteArray pcm(qint64 durationMs, bool silence = false);
//! A RIFF/WAVE file of those samples.
QByteArray wav(const QByteArray& pcm);
//! mp3, opus (Ogg), aac (ADTS) or flac made by `encoder` (ffmpeg) from the samples; empty when the
//! encoder is missing or fails. Results are cached per format and duration.
QByteArray encoded(const QByteArray& format, const QByteArray& pcm, const QString& encoder);

//! What the server answers to POST /audio/speech.
struct Answer
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QByteArray errorCode; //!< JSON of the error's "code" for a 4xx ("null" when none)
    QByteArray errorType;
    int delayMs = 0;
    int stallAfterMs = -1; //!< >= 0: half the body after that many ms, then silence
};

//! The speech scenarios (see FakeOpenAiServer); false for any other name.
bool handles(const QString& scenarioName);
//! The answer to a request body in a scenario handles() accepts (params as the scenario grammar gives).
Answer answer(const QString& scenarioName, const QList<int>& params, const QByteArray& requestBody, const QString& encoder);

} // namespace Storybook::Test::FakeSpeech
