#include "imagejob.h"

#include "errortexts.h"
#include "llmclient.h"
#include "logging.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtConcurrent>

#include <utility>

namespace Storybook::Llm {

namespace {
// A gpt-image-1 picture at 1536x1024 and high quality is a few MB, base64 a third more.
constexpr qsizetype MaxAnswerBytes = 64 * 1024 * 1024;
constexpr qsizetype MaxPictureBytes = 48 * 1024 * 1024;
constexpr int MaxSiliconFlowReferences = 3;

bool isGptImage(const QString& model)
{
    const QString lower = model.toLower();
    return lower.startsWith(QLatin1String("gpt-image")) || lower.startsWith(QLatin1String("chatgpt-image"));
}

QString editsEndpoint(ImageDialect dialect, const ImageRequest& request)
{
    return !request.references.isEmpty() && dialect == ImageDialect::OpenAi ? QStringLiteral("images/edits")
                                                                             : QStringLiteral("images/generations");
}

QString referenceName(const ImageReference& reference, int index)
{
    if (!reference.fileName.isEmpty())
        return reference.fileName;
    return QStringLiteral("reference-%1.%2").arg(index + 1).arg(fileExtensionOf(sniffImageFormat(reference.bytes)));
}

QByteArray makeBoundary()
{
    // Letters and digits only, so the Content-Type needs no quotes (some servers mis-read quoted ones).
    static const char Alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QByteArray boundary("storybook-");
    for (int i = 0; i < 32; ++i)
        boundary += Alphabet[QRandomGenerator::global()->bounded(int(sizeof Alphabet) - 1)];
    return boundary;
}

QNetworkRequest buildRequest(const LlmClient& client, const ImageRequest& request, const QByteArray& boundary)
{
    const QString model = request.model.isEmpty() ? client.settings().model : request.model;
    // (The same reading as ImageJob's: the endpoint and the body's form go together.)
    const ImageDialect dialect = ImageJob::dialectFor(client.settings().baseUrl, model);
    const QString endpoint = editsEndpoint(dialect, request);
    return client.apiRequest(endpoint, QByteArrayLiteral("application/json"),
                             endpoint == QLatin1String("images/edits") ? QByteArray("multipart/form-data; boundary=" + boundary)
                                                                       : QByteArrayLiteral("application/json"));
}

QString jsonText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

// The GET of a picture address the provider answered with: no API key (the address carries its own
// signature, and is often on another host), any picture type accepted, the bytes kept whole.
class PictureDownloadJob final : public RequestJob
{
public:
    PictureDownloadJob(LlmClient* client, const QUrl& url, std::chrono::milliseconds idle, std::chrono::milliseconds total)
        : RequestJob(client, makeRequest(*client, url), QByteArrayLiteral("GET"), QByteArray())
    {
        setIdleAndTotalTimeouts(idle, total);
    }

    [[nodiscard]] const QByteArray& bytes() const { return m_bytes; }

protected:
    void handleBody(const QByteArray& bytes) override
    {
        if (m_bytes.size() + bytes.size() > MaxPictureBytes) {
            fail(makeError(LlmError::Kind::MalformedResponse, serverName(), LlmError::tr("the picture is too large")));
            return;
        }
        m_bytes.append(bytes);
    }
    LlmError handleEnd() override { return {}; }

private:
    static QNetworkRequest makeRequest(const LlmClient& client, const QUrl& url)
    {
        QNetworkRequest r(url);
        r.setRawHeader("Accept", QByteArrayLiteral("image/png, image/jpeg, image/webp, image/*;q=0.8, */*;q=0.5"));
        r.setAttribute(QNetworkRequest::Http2AllowedAttribute, client.settings().http2);
        r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        client.applyTls(r);
        return r;
    }

    QByteArray m_bytes;
};
} // namespace

ImageJob::ImageJob(LlmClient* client, const ImageRequest& request)
    : ImageJob(client, request, request.model.isEmpty() ? client->settings().model : request.model, makeBoundary())
{
}

ImageJob::ImageJob(LlmClient* client, const ImageRequest& request, const QString& model, const QByteArray& boundary)
    : RequestJob(client, buildRequest(*client, request, boundary), QByteArrayLiteral("POST"),
                 requestBody(request, model, dialectFor(client->settings().baseUrl, model)))
    , m_request(request)
    , m_boundary(boundary)
    , m_multipart(!request.references.isEmpty() && dialectFor(client->settings().baseUrl, model) == ImageDialect::OpenAi)
{
    m_result.model = model;
    setIdleAndTotalTimeouts(request.idleTimeout.value_or(timeouts().idle), request.totalTimeout.value_or(timeouts().total));
    if (const LlmError problem = checkReferences(request); problem.isError())
        rejectBeforeStart(problem);
    else if (request.prompt.trimmed().isEmpty())
        rejectBeforeStart(makeError(LlmError::Kind::InvalidOption, LlmError::tr("The picture has no description (prompt)."),
                                    LlmError::tr("Describe what the picture should show.")));
    else if (model.trimmed().isEmpty())
        rejectBeforeStart(makeError(LlmError::Kind::MissingModel));
}

ImageDialect ImageJob::dialectFor(const QUrl& baseUrl, const QString& model)
{
    const QString host = baseUrl.host().toLower();
    if (host.endsWith(QLatin1String("siliconflow.cn")) || host.endsWith(QLatin1String("siliconflow.com")))
        return ImageDialect::SiliconFlow;
    // SiliconFlow's model names are Hugging Face ids ("Kwai-Kolors/Kolors", "Qwen/Qwen-Image"), also
    // when a gateway in front of it is the base URL.
    if (model.contains(u'/') && !isGptImage(model))
        return ImageDialect::SiliconFlow;
    return ImageDialect::OpenAi;
}

bool ImageJob::sendsResponseFormat(const QString& model)
{
    return model.toLower().startsWith(QLatin1String("dall-e"));
}

LlmError ImageJob::checkReferences(const ImageRequest& request)
{
    for (qsizetype i = 0; i < request.references.size(); ++i) {
        const ImageReference& reference = request.references.at(i);
        const ImageFormat format = sniffImageFormat(reference.bytes);
        QString why;
        if (format == ImageFormat::Unknown || !isIntactImage(reference.bytes, format, &why)) {
            const QString name = reference.fileName.isEmpty() ? QString::number(i + 1) : reference.fileName;
            LlmError error = makeError(LlmError::Kind::InvalidOption,
                                       LlmError::tr("The reference picture “%1” is not a whole PNG, JPEG or WebP image.").arg(name),
                                       LlmError::tr("Use a PNG, JPEG or WebP picture as the reference."));
            error.detail = why;
            return error;
        }
    }
    return {};
}

QByteArray ImageJob::requestBody(const ImageRequest& request, const QString& model, ImageDialect dialect)
{
    QJsonObject body = request.extra;
    body.insert(QLatin1String("model"), model);
    body.insert(QLatin1String("prompt"), request.prompt);
    if (dialect == ImageDialect::SiliconFlow) {
        body.insert(QLatin1String("batch_size"), 1);
        if (!request.size.isEmpty())
            body.insert(QLatin1String("image_size"), request.size);
        static const QLatin1String fields[MaxSiliconFlowReferences] = {QLatin1String("image"), QLatin1String("image2"),
                                                                       QLatin1String("image3")};
        for (qsizetype i = 0; i < request.references.size() && i < MaxSiliconFlowReferences; ++i) {
            const QByteArray& bytes = request.references.at(i).bytes;
            body.insert(fields[i], QString(QStringLiteral("data:") + mimeTypeOf(sniffImageFormat(bytes))
                                           + QStringLiteral(";base64,") + QString::fromLatin1(bytes.toBase64())));
        }
    } else {
        body.insert(QLatin1String("n"), 1);
        if (!request.size.isEmpty())
            body.insert(QLatin1String("size"), request.size);
        if (sendsResponseFormat(model))
            body.insert(QLatin1String("response_format"), QLatin1String("b64_json"));
    }
    if (!request.quality.isEmpty())
        body.insert(QLatin1String("quality"), request.quality);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QHttpMultiPart* ImageJob::createMultiPart() const
{
    if (!m_multipart)
        return nullptr;
    auto* multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    multiPart->setBoundary(m_boundary);
    const auto addText = [multiPart](const QString& name, const QString& value) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader, QString(QStringLiteral("form-data; name=\"") + name + u'"'));
        part.setBody(value.toUtf8());
        multiPart->append(part);
    };
    addText(QStringLiteral("model"), m_result.model);
    addText(QStringLiteral("prompt"), m_request.prompt);
    addText(QStringLiteral("n"), QStringLiteral("1"));
    if (!m_request.size.isEmpty())
        addText(QStringLiteral("size"), m_request.size);
    if (!m_request.quality.isEmpty())
        addText(QStringLiteral("quality"), m_request.quality);
    if (sendsResponseFormat(m_result.model))
        addText(QStringLiteral("response_format"), QStringLiteral("b64_json"));
    for (auto it = m_request.extra.constBegin(); it != m_request.extra.constEnd(); ++it)
        addText(it.key(), jsonText(it.value()));
    // gpt-image models take several pictures as "image[]"; a single one goes as "image", the name every
    // other implementation of the endpoint (DALL-E 2, LocalAI, stable-diffusion.cpp) reads.
    const QString field = m_request.references.size() > 1 || isGptImage(m_result.model) ? QStringLiteral("image[]")
                                                                                       : QStringLiteral("image");
    for (qsizetype i = 0; i < m_request.references.size(); ++i) {
        const ImageReference& reference = m_request.references.at(i);
        QString fileName = referenceName(reference, int(i));
        fileName.replace(u'"', u'_');
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentTypeHeader, mimeTypeOf(sniffImageFormat(reference.bytes)));
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QString(QStringLiteral("form-data; name=\"") + field + QStringLiteral("\"; filename=\"") + fileName + u'"'));
        part.setBody(reference.bytes);
        multiPart->append(part);
    }
    return multiPart;
}

bool ImageJob::mayRetry(const LlmError& error) const
{
    return surelyNotServed(error);
}

void ImageJob::handleBody(const QByteArray& bytes)
{
    if (m_body.size() + bytes.size() > MaxAnswerBytes) {
        fail(makeError(LlmError::Kind::MalformedResponse, serverName(), LlmError::tr("the answer is too large")));
        return;
    }
    // Room for the whole answer at once when its length is known, instead of copying it on every growth.
    if (m_body.isEmpty() && contentLength() > 0)
        m_body.reserve(qsizetype(std::min<qint64>(contentLength(), MaxAnswerBytes)));
    m_body.append(bytes);
}

LlmError ImageJob::takePicture(QByteArray bytes, const QString& from)
{
    QString mimeType;
    if (LlmError error = checkPictureBytes(bytes, from, &mimeType); error.isError())
        return error;
    m_result.bytes = std::move(bytes);
    m_result.mimeType = mimeType;
    return {};
}

LlmError ImageJob::handleEnd()
{
    // A 1024x1024 picture is a 2 MB answer: it is read and decoded on a worker (about 45 ms of CPU
    // that would otherwise stall the window), and the job goes on here with what it found. The worker
    // holds copies only; a job cancelled or destroyed meanwhile never hears of it (the watcher is ours).
    deferEnd();
    auto* watcher = new QFutureWatcher<ImageAnswer>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!isFinished())
            answerRead(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([body = std::exchange(m_body, QByteArray()), type = contentType(), server = serverName(),
                                          url = info().url, secrets = redactor()] {
        return readImageAnswer(body, type, server, url, secrets);
    }));
    Q_EMIT decoding();
    return {};
}

void ImageJob::answerRead(ImageAnswer answer)
{
    if (answer.error.isError()) {
        fail(std::move(answer.error));
        return;
    }
    m_result.revisedPrompt = answer.revisedPrompt;
    if (!answer.url.isEmpty()) {
        download(answer.url);
        return;
    }
    m_result.bytes = std::move(answer.bytes);
    m_result.mimeType = answer.mimeType;
    succeed();
}

void ImageJob::download(const QUrl& url)
{
    LlmClient* client = qobject_cast<LlmClient*>(parent());
    if (!client) {
        fail(makeError(LlmError::Kind::Cancelled));
        return;
    }
    m_result.downloadedFrom = url;
    qCInfo(lcLlm).noquote() << "the picture is at" << displayUrl(url) << "- fetching it now";
    auto* job = new PictureDownloadJob(client, url, timeouts().idle, timeouts().total);
    m_download = job;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(job, &RequestJob::finished, this, [this, job, clock] {
        m_result.downloadMs = clock->elapsed();
        if (isFinished())
            return;
        const QString host = Llm::serverName(job->info().url);
        LlmError error = job->error();
        if (error.isError() && error.httpStatus >= 400 && error.httpStatus < 500) {
            // A signed address that has expired or was already used: 403/404/410 from a CDN, not a key problem.
            const int status = error.httpStatus;
            error = makeError(LlmError::Kind::HttpError, QString::number(status),
                              LlmError::tr("the picture's address at %1 was refused (such addresses expire within the hour)").arg(host));
            error.httpStatus = status;
            error.hint = LlmError::tr("Paint the picture again; its address is fetched at once each time.");
            error.detail = job->error().detail;
        }
        if (!error.isError())
            error = takePicture(job->bytes(), host);
        if (error.isError())
            fail(std::move(error));
        else
            succeed();
    });
    // Whatever ends this job (cancel, total timeout) ends the download too.
    connect(this, &RequestJob::finished, job, &RequestJob::cancel);
    Q_EMIT downloading(url);
    client->start(job);
}

} // namespace Storybook::Llm
