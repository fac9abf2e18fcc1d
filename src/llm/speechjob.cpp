#include "speechjob.h"

#include "errortexts.h"
#include "llmclient.h"
#include "logging.h"
#include "voicesettings.h"
#include "speechtext.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace Storybook::Llm {

namespace {
// 4,096 characters are about five minutes of speech: a few MB of mp3, ~15 MB of 24 kHz pcm or wav.
constexpr qsizetype MaxAudioBytes = 64 * 1024 * 1024;

QString modelFor(const LlmClient& client, const SpeechRequest& request)
{
    return request.model.isEmpty() ? client.settings().model : request.model;
}

QNetworkRequest buildRequest(const LlmClient& client)
{
    return client.apiRequest(QStringLiteral("audio/speech"),
                             QByteArrayLiteral("audio/*, application/octet-stream;q=0.9, application/json;q=0.5"),
                             QByteArrayLiteral("application/json"));
}

bool mentions(const LlmError& error, std::initializer_list<const char*> words)
{
    for (const char* word : words) {
        if (error.message.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    }
    return false;
}
} // namespace

SpeechJob::SpeechJob(LlmClient* client, const SpeechRequest& request)
    : SpeechJob(client, request, modelFor(*client, request), splitSpeechText(request.input))
{
}

SpeechJob::SpeechJob(LlmClient* client, const SpeechRequest& request, const QString& model, const QStringList& texts)
    : RequestJob(client, buildRequest(*client), QByteArrayLiteral("POST"), requestBody(request, model, texts.value(0)))
    , m_request(request)
    , m_texts(texts)
{
    m_result.model = model;
    m_result.voice = request.voice.trimmed();
    const std::chrono::milliseconds total = request.totalTimeout.value_or(timeouts().total);
    // The total limit is per request: a job that speaks several parts has as many times the time.
    setIdleAndTotalTimeouts(request.idleTimeout.value_or(timeouts().idle), total * qMax<qsizetype>(1, texts.size()));
    if (const LlmError problem = checkRequest(request, model); problem.isError())
        rejectBeforeStart(problem);
}

LlmError SpeechJob::checkRequest(const SpeechRequest& request, const QString& model)
{
    if (request.input.trimmed().isEmpty())
        return makeError(LlmError::Kind::InvalidOption, LlmError::tr("There is no text to speak."),
                         LlmError::tr("Give the text that should be read aloud."));
    if (model.trimmed().isEmpty())
        return makeError(LlmError::Kind::MissingModel);
    if (request.voice.trimmed().isEmpty())
        return makeError(LlmError::Kind::InvalidOption, LlmError::tr("No voice is chosen for the speech provider."),
                         LlmError::tr("Choose a voice the speech model offers, e.g. alloy (OpenAI) or "
                                      "FunAudioLLM/CosyVoice2-0.5B:alex (SiliconFlow)."));
    if (!(request.speed >= VoiceSettings::MinSpeed && request.speed <= VoiceSettings::MaxSpeed))
        return makeError(LlmError::Kind::InvalidOption, LlmError::tr("The speaking speed %1 is out of range.").arg(request.speed),
                         LlmError::tr("Choose a speed from 0.25 to 4 (1 is normal)."));
    if (request.format == AudioFormat::Unknown)
        return makeError(LlmError::Kind::InvalidOption, LlmError::tr("No audio format is chosen."),
                         LlmError::tr("Choose mp3, opus, wav, pcm, flac or aac."));
    return {};
}

QByteArray SpeechJob::requestBody(const SpeechRequest& request, const QString& model, const QString& input)
{
    QJsonObject body;
    body.insert(QLatin1String("model"), model);
    body.insert(QLatin1String("input"), input);
    body.insert(QLatin1String("voice"), request.voice.trimmed());
    body.insert(QLatin1String("response_format"), audioFormatName(request.format));
    if (request.speed != 1.0)
        body.insert(QLatin1String("speed"), request.speed);
    if (!request.instructions.trimmed().isEmpty())
        body.insert(QLatin1String("instructions"), request.instructions.trimmed());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

bool SpeechJob::mayRetry(const LlmError& error) const
{
    return surelyNotServed(error);
}

void SpeechJob::explainError(LlmError& error) const
{
    using Kind = LlmError::Kind;
    switch (error.kind) {
    case Kind::Unauthorized:
        error.hint = LlmError::tr("Check the speech provider's API key; it is separate from the text provider's "
                                  "(storybook-cli reads it from STORYBOOK_SPEECH_API_KEY).");
        break;
    case Kind::ModelNotFound:
        error.hint = LlmError::tr("Choose a speech model the provider offers, e.g. gpt-4o-mini-tts or tts-1 (OpenAI), "
                                  "FunAudioLLM/CosyVoice2-0.5B (SiliconFlow).");
        break;
    case Kind::RateLimited:
        error.hint = LlmError::tr("The speech provider limits how much can be spoken per minute. Wait a minute and "
                                  "try again, or check the plan's limits with the provider.");
        break;
    case Kind::HttpError:
        if (mentions(error, {"voice", "speaker"}))
            error.hint = LlmError::tr("The voice “%1” is not one this speech model offers. Choose another voice.").arg(m_result.voice);
        else if (mentions(error, {"format", "response_format"}))
            error.hint = LlmError::tr("This speech provider does not make %1 audio. Choose another format, e.g. mp3 or wav.")
                             .arg(audioFormatName(m_request.format));
        else if (mentions(error, {"instructions"}))
            error.hint = LlmError::tr("This speech model takes no speaking style. Leave the style empty, or use gpt-4o-mini-tts.");
        else if (mentions(error, {"speed"}))
            error.hint = LlmError::tr("This speech model does not accept that speed. Use speed 1.");
        else
            error.hint = LlmError::tr("Check the speech provider's base URL, model and voice.");
        break;
    default:
        break;
    }
}

void SpeechJob::handleBody(const QByteArray& bytes)
{
    if (m_body.size() + bytes.size() > MaxAudioBytes) {
        fail(makeError(LlmError::Kind::MalformedResponse, serverName(), LlmError::tr("the audio is too large")));
        return;
    }
    m_body.append(bytes);
}

LlmError SpeechJob::takeAudio(const QByteArray& bytes)
{
    const QByteArray type = contentType().toLower();
    const QByteArray start = bytes.left(64).trimmed();
    const auto failWith = [&](const QString& why) {
        LlmError error = makeError(LlmError::Kind::MalformedResponse, serverName(), why);
        error.detail = QStringLiteral("%1 bytes of %2, starting %3")
                           .arg(bytes.size())
                           .arg(QString::fromLatin1(type.isEmpty() ? QByteArray("no type") : type),
                                QString::fromLatin1(bytes.left(8).toHex(' ')));
        return error;
    };
    if (start.startsWith('{') || type.contains("json")) {
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        if (LlmError error = errorInOkAnswer(root, bytes, serverName(), redactor()); error.isError())
            return error;
        return failWith(LlmError::tr("it sent JSON instead of audio"));
    }
    if (start.startsWith('<') || type.startsWith("text/html"))
        return failWith(LlmError::tr("it sent a web page instead of audio"));
    if (bytes.isEmpty())
        return makeError(LlmError::Kind::EmptyResponse);
    AudioFormat format = sniffAudioFormat(bytes);
    if (format == AudioFormat::Unknown && m_request.format == AudioFormat::Pcm && !type.startsWith("text/"))
        format = AudioFormat::Pcm;
    if (format == AudioFormat::Unknown)
        return failWith(bytes.startsWith("RIFF") || bytes.startsWith("OggS") ? LlmError::tr("the audio it sent is damaged")
                                                                             : LlmError::tr("it sent data that is not audio"));
    QString why;
    if (!isIntactAudio(bytes, format, &why)) {
        LlmError error = failWith(LlmError::tr("the audio it sent is damaged or incomplete"));
        error.detail += QStringLiteral("; ") + why;
        return error;
    }
    if (format != m_request.format)
        qCInfo(lcLlm).noquote() << "asked for" << audioFormatName(m_request.format) << "audio, got" << audioFormatName(format);
    if (m_result.format != AudioFormat::Unknown && m_result.format != format)
        return failWith(LlmError::tr("its parts came in different audio formats"));
    m_result.format = format;
    m_result.parts.append({m_texts.value(m_result.parts.size()), bytes});
    return {};
}

LlmError SpeechJob::handleEnd()
{
    if (LlmError error = takeAudio(std::exchange(m_body, QByteArray())); error.isError())
        return error;
    Q_EMIT partFinished(0, partCount());
    if (m_result.parts.size() < m_texts.size()) {
        deferEnd();
        startPart(int(m_result.parts.size()));
    }
    return {};
}

void SpeechJob::startPart(int index)
{
    LlmClient* client = qobject_cast<LlmClient*>(parent());
    if (!client) {
        fail(makeError(LlmError::Kind::Cancelled));
        return;
    }
    qCInfo(lcLlm).noquote() << "speaking part" << index + 1 << "of" << m_texts.size();
    auto* job = new SpeechJob(client, m_request, m_result.model, {m_texts.at(index)});
    m_partJob = job;
    connect(job, &RequestJob::finished, this, [this, job, index] {
        if (isFinished())
            return;
        if (job->error().isError()) {
            fail(job->error());
            return;
        }
        const SpeechPart& part = job->result().parts.constFirst();
        if (m_result.format != job->result().format) {
            fail(makeError(LlmError::Kind::MalformedResponse, serverName(), LlmError::tr("its parts came in different audio formats")));
            return;
        }
        m_result.parts.append(part);
        Q_EMIT partFinished(index, partCount());
        if (m_result.parts.size() < m_texts.size())
            startPart(index + 1);
        else
            succeed();
    });
    // Whatever ends this job (cancel, total timeout) ends the part's request too.
    connect(this, &RequestJob::finished, job, &RequestJob::cancel);
    client->start(job);
}

} // namespace Storybook::Llm
