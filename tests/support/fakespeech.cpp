#include "fakespeech.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtEndian>

#include <cmath>
#include <numbers>

namespace Storybook::Test::FakeSpeech {

namespace {
constexpr int EncoderTimeoutMs = 20000;

void appendLe(QByteArray& out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(char((value >> (8 * i)) & 0xFF));
}

QStringList encoderArguments(const QByteArray& format)
{
    QStringList arguments = {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                             QStringLiteral("-f"), QStringLiteral("s16le"), QStringLiteral("-ar"), QString::number(SampleRate),
                             QStringLiteral("-ac"), QStringLiteral("1"), QStringLiteral("-i"), QStringLiteral("pipe:0")};
    if (format == "mp3")
        arguments << QStringLiteral("-c:a") << QStringLiteral("libmp3lame") << QStringLiteral("-f") << QStringLiteral("mp3");
    else if (format == "opus")
        arguments << QStringLiteral("-c:a") << QStringLiteral("libopus") << QStringLiteral("-f") << QStringLiteral("ogg");
    else if (format == "aac")
        arguments << QStringLiteral("-c:a") << QStringLiteral("aac") << QStringLiteral("-f") << QStringLiteral("adts");
    else if (format == "flac")
        arguments << QStringLiteral("-c:a") << QStringLiteral("flac") << QStringLiteral("-f") << QStringLiteral("flac");
    else
        return {};
    arguments << QStringLiteral("pipe:1");
    return arguments;
}

Answer error(int status, const QByteArray& message, const QByteArray& code = "null",
             const QByteArray& type = "invalid_request_error")
{
    Answer a;
    a.status = status;
    a.body = message;
    a.errorCode = code;
    a.errorType = type;
    return a;
}

bool knownVoice(const QString& voice)
{
    static const QStringList OpenAiVoices = {
        QStringLiteral("alloy"), QStringLiteral("ash"),  QStringLiteral("ballad"), QStringLiteral("coral"),
        QStringLiteral("echo"),  QStringLiteral("fable"), QStringLiteral("onyx"),  QStringLiteral("nova"),
        QStringLiteral("sage"),  QStringLiteral("shimmer"), QStringLiteral("verse")};
    // SiliconFlow names its voices "model:voice" (and uploaded ones "speech:..."): any such name.
    return OpenAiVoices.contains(voice) || voice.contains(u':');
}
} // namespace

QByteArray pcm(qint64 durationMs, bool silence)
{
    const qint64 samples = durationMs * SampleRate / 1000;
    QByteArray out(samples * 2, '\0');
    if (silence)
        return out;
    for (qint64 i = 0; i < samples; ++i) {
        const double value = 0.3 * std::sin(2.0 * std::numbers::pi * 440.0 * double(i) / SampleRate);
        qToLittleEndian(qint16(std::lround(value * 32767.0)), out.data() + 2 * i);
    }
    return out;
}

QByteArray wav(const QByteArray& pcm)
{
    QByteArray out("RIFF");
    appendLe(out, quint32(36 + pcm.size()), 4);
    out.append("WAVEfmt ");
    appendLe(out, 16, 4);
    appendLe(out, 1, 2); // PCM
    appendLe(out, 1, 2); // mono
    appendLe(out, SampleRate, 4);
    appendLe(out, SampleRate * 2, 4); // bytes per second
    appendLe(out, 2, 2);              // block align
    appendLe(out, 16, 2);             // bits per sample
    out.append("data");
    appendLe(out, quint32(pcm.size()), 4);
    out.append(pcm);
    return out;
}

QByteArray encoded(const QByteArray& format, const QByteArray& samples, const QString& encoder)
{
    static QHash<QByteArray, QByteArray> cache;
    const QStringList arguments = encoderArguments(format);
    if (encoder.isEmpty() || arguments.isEmpty())
        return {};
    const QByteArray key = format + ':' + QByteArray::number(samples.size()) + ':' + QByteArray::number(qHash(samples));
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    QProcess process;
    process.start(encoder, arguments);
    if (!process.waitForStarted(EncoderTimeoutMs))
        return {};
    process.write(samples);
    process.closeWriteChannel();
    if (!process.waitForFinished(EncoderTimeoutMs) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished(EncoderTimeoutMs);
        return {};
    }
    const QByteArray bytes = process.readAllStandardOutput();
    cache.insert(key, bytes);
    return bytes;
}

bool handles(const QString& name)
{
    static const QStringList Names = {QStringLiteral("ok"),           QStringLiteral("speech-silence"),
                                      QStringLiteral("speech-slow"),  QStringLiteral("stall"),
                                      QStringLiteral("speech-corrupt"), QStringLiteral("speech-json"),
                                      QStringLiteral("speech-no-credit"), QStringLiteral("speech-wrong-format")};
    return Names.contains(name);
}

Answer answer(const QString& name, const QList<int>& params, const QByteArray& requestBody, const QString& encoder)
{
    // What a real provider checks first: the fields, the input's length, the voice and the format.
    const QJsonObject body = QJsonDocument::fromJson(requestBody).object();
    const QString input = body.value(QLatin1String("input")).toString();
    const QString voice = body.value(QLatin1String("voice")).toString();
    const QByteArray format = body.value(QLatin1String("response_format")).toString(QStringLiteral("mp3")).toUtf8();
    if (body.value(QLatin1String("model")).toString().isEmpty())
        return error(400, "Missing required parameter: 'model'.");
    if (input.isEmpty())
        return error(400, "Missing required parameter: 'input'.");
    if (input.size() > MaxInput)
        return error(400, "String should have at most 4096 characters", "\"string_too_long\"");
    if (!knownVoice(voice))
        return error(400, "Invalid value for 'voice': '" + voice.toUtf8() + "'.", "\"invalid_value\"");
    const double speed = body.value(QLatin1String("speed")).toDouble(1.0);
    if (speed < 0.25 || speed > 4.0)
        return error(400, "Invalid value for 'speed': must be between 0.25 and 4.0.", "\"invalid_value\"");
    if (name == QLatin1String("speech-no-credit"))
        return error(429, "You exceeded your current quota, please check your plan and billing details.",
                     "\"insufficient_quota\"", "insufficient_quota");

    const QByteArray samples = pcm(qint64(input.size()) * MsPerCharacter, name == QLatin1String("speech-silence"));
    Answer a;
    if (format == "pcm") {
        a.contentType = "audio/pcm";
        a.body = samples;
    } else if (format == "wav") {
        a.contentType = "audio/wav";
        a.body = wav(samples);
    } else if (format == "mp3" || format == "opus" || format == "aac" || format == "flac") {
        a.body = encoded(format, samples, encoder);
        if (a.body.isEmpty())
            return error(400, "Unsupported response_format '" + format + "': this server cannot encode it.",
                         "\"unsupported_format\"");
        a.contentType = format == "mp3" ? QByteArray("audio/mpeg") : format == "opus" ? QByteArray("audio/ogg") : QByteArray("audio/" + format);
    } else {
        return error(400, "Invalid value for 'response_format': '" + format + "'.", "\"invalid_value\"");
    }
    if (name == QLatin1String("speech-corrupt")) {
        QByteArray garbage("RIFF");
        for (int i = 0; i < 200; ++i)
            garbage.append(char((i * 37 + 11) & 0xFF));
        a.body = garbage;
    } else if (name == QLatin1String("speech-json")) {
        a.contentType = "application/json";
        a.body = "{\"audio\":\"" + a.body.left(48).toBase64() + "\",\"format\":\"" + format + "\"}";
    } else if (name == QLatin1String("speech-wrong-format")) {
        a.contentType = "audio/wav"; // a server that ignores response_format and always sends wav
        a.body = wav(samples);
    } else if (name == QLatin1String("speech-slow")) {
        a.delayMs = params.value(0, 1000);
    } else if (name == QLatin1String("stall")) {
        a.stallAfterMs = params.value(0, 0);
    }
    return a;
}

} // namespace Storybook::Test::FakeSpeech
