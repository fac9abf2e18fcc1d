#include "chatjob.h"

#include "chunkfields.h"
#include "llmclient.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <utility>

namespace Storybook::Llm {

namespace {
constexpr qsizetype MaxJsonBody = 32 * 1024 * 1024;

QNetworkRequest buildRequest(const LlmClient& client, const ChatRequest& request)
{
    QNetworkRequest r(client.settings().endpoint(QStringLiteral("chat/completions")));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setRawHeader("Accept", request.stream ? QByteArrayLiteral("text/event-stream, application/json")
                                            : QByteArrayLiteral("application/json"));
    if (!client.settings().apiKey.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + client.settings().apiKey.toUtf8());
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, client.settings().http2);
    client.applyTls(r);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return r;
}

} // namespace

ChatJob::ChatJob(LlmClient* client, const ChatRequest& request)
    : RequestJob(client, buildRequest(*client, request), QByteArrayLiteral("POST"),
                 requestBody(request, client->settings().model))
{
    m_result.model = request.model.isEmpty() ? client->settings().model : request.model;
}

QByteArray ChatJob::requestBody(const ChatRequest& request, const QString& defaultModel)
{
    QJsonObject body = request.extra;
    body.insert(QLatin1String("model"), request.model.isEmpty() ? defaultModel : request.model);
    QJsonArray messages;
    for (const ChatMessage& message : request.messages)
        messages.append(QJsonObject{{QLatin1String("role"), message.role}, {QLatin1String("content"), message.content}});
    body.insert(QLatin1String("messages"), messages);
    body.insert(QLatin1String("stream"), request.stream);
    if (request.temperature)
        body.insert(QLatin1String("temperature"), *request.temperature);
    if (request.maxTokens)
        body.insert(QLatin1String("max_tokens"), *request.maxTokens);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ChatJob::Format ChatJob::detectFormat(const QByteArray& firstBytes) const
{
    const QByteArray type = contentType();
    if (type.contains("text/event-stream"))
        return Format::Sse;
    // JSON, and anything that is plainly not a stream (a web page from a captive portal), is read
    // whole and judged at the end.
    if (type.contains("json") || type.contains("html"))
        return Format::Json;
    const QByteArray start = firstBytes.trimmed();
    if (start.startsWith('{') || start.startsWith('[') || start.startsWith('<'))
        return Format::Json;
    return Format::Sse;
}

void ChatJob::handleBody(const QByteArray& bytes)
{
    if (m_format == Format::Unknown) {
        m_format = detectFormat(bytes);
        m_result.streamed = m_format == Format::Sse;
    }
    if (m_format == Format::Json) {
        if (m_json.size() + bytes.size() > MaxJsonBody) {
            fail(makeError(LlmError::Kind::MalformedResponse, serverName(), LlmError::tr("the answer is too large")));
            return;
        }
        m_json.append(bytes);
        return;
    }
    m_parser.append(bytes);
    while (const SseParser::Event* event = m_parser.next()) {
        handleEvent(*event);
        if (isFinished())
            return;
    }
    emitDeltas();
}

void ChatJob::takeUtf8Deltas()
{
    if (!m_pendingReasoningUtf8.isEmpty()) {
        const QString text = QString::fromUtf8(m_pendingReasoningUtf8);
        m_result.reasoning += text;
        m_pendingReasoning += text;
        m_pendingReasoningUtf8.resize(0);
    }
    if (!m_pendingContentUtf8.isEmpty()) {
        const QString text = QString::fromUtf8(m_pendingContentUtf8);
        m_result.content += text;
        m_pendingContent += text;
        m_pendingContentUtf8.resize(0);
    }
}

void ChatJob::emitDeltas()
{
    takeUtf8Deltas();
    if (!m_pendingReasoning.isEmpty())
        Q_EMIT reasoningDelta(std::exchange(m_pendingReasoning, QString()));
    if (!m_pendingContent.isEmpty())
        Q_EMIT contentDelta(std::exchange(m_pendingContent, QString()));
}

void ChatJob::handleEvent(const SseParser::Event& event)
{
    // The usual small chunk is read straight from its bytes: nothing is decoded but its text.
    const QByteArrayView bytes = QByteArrayView(event.data).trimmed();
    if (readChunkFields(bytes, &m_fields)) {
        applyUtf8Fields();
        return;
    }
    // Anything else is read as before: decoded, then [DONE] or a JSON document.
    const QString data = QString::fromUtf8(event.data).trimmed();
    if (data.isEmpty())
        return;
    if (data == QLatin1String("[DONE]")) {
        m_done = true;
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data.toUtf8(), &parseError);
    if (doc.isObject()) {
        handleChunk(doc.object());
        return;
    }
    // Tolerance: several JSON objects on consecutive data lines without blank lines between them.
    if (data.contains(u'\n')) {
        bool any = false;
        const QStringList lines = data.split(u'\n', Qt::SkipEmptyParts);
        for (const QString& line : lines) {
            const QJsonDocument lineDoc = QJsonDocument::fromJson(line.trimmed().toUtf8());
            if (lineDoc.isObject()) {
                any = true;
                if (!handleChunk(lineDoc.object()))
                    return;
            }
        }
        if (any)
            return;
    }
    ++m_result.malformedEvents;
    qCWarning(lcLlm).noquote() << "skipping a malformed stream event:" << parseError.errorString();
}

bool ChatJob::handleChunk(const QJsonObject& chunk)
{
    if (const QJsonValue error = chunk.value(QLatin1String("error")); !error.isUndefined() && !error.isNull()) {
        QString message = error.isObject() ? error.toObject().value(QLatin1String("message")).toString() : error.toString();
        if (message.isEmpty())
            message = QString::fromUtf8(QJsonDocument(error.toObject()).toJson(QJsonDocument::Compact));
        LlmError e = makeError(LlmError::Kind::StreamError, redactor().redact(message));
        e.detail = QStringLiteral("error event in the stream from %1").arg(serverName());
        emitDeltas(); // what came before the error is shown before it
        fail(e);
        return false;
    }
    applyFields(chunkFieldsOf(chunk));
    return !isFinished();
}

void ChatJob::applyUtf8Fields()
{
    // The model rarely changes within a stream: decode it only when it does.
    if (!m_fields.model.isEmpty() && m_fields.model != m_modelUtf8) {
        m_modelUtf8 = m_fields.model;
        m_result.model = QString::fromUtf8(m_modelUtf8);
    }
    // Text is kept in UTF-8 until the read is done, then decoded once (takeUtf8Deltas()).
    m_pendingReasoningUtf8 += m_fields.reasoning;
    m_pendingContentUtf8 += m_fields.content;
    if (!m_fields.finishReason.isEmpty())
        m_result.finishReason = QString::fromUtf8(m_fields.finishReason);
}

void ChatJob::applyFields(const ChunkFields& fields)
{
    takeUtf8Deltas(); // what came before, in order
    if (!fields.model.isEmpty()) {
        m_result.model = fields.model;
        m_modelUtf8 = fields.model.toUtf8();
    }
    if (!fields.reasoning.isEmpty()) {
        m_result.reasoning += fields.reasoning;
        m_pendingReasoning += fields.reasoning;
    }
    if (!fields.content.isEmpty()) {
        m_result.content += fields.content;
        m_pendingContent += fields.content;
    }
    if (!fields.finishReason.isEmpty())
        m_result.finishReason = fields.finishReason;
}

LlmError ChatJob::handleEnd()
{
    const LlmError error = endOfBody();
    emitDeltas();
    return error;
}

LlmError ChatJob::endOfBody()
{
    if (m_format == Format::Json) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(m_json, &parseError);
        if (!doc.isObject()) {
            const QString why = m_json.trimmed().startsWith('<')
                                    ? LlmError::tr("it sent a web page instead of JSON")
                                    : LlmError::tr("invalid JSON (%1)").arg(parseError.errorString());
            return makeError(LlmError::Kind::MalformedResponse, serverName(), why);
        }
        handleChunk(doc.object());
        if (isFinished())
            return error();
    } else {
        m_parser.endOfStream();
        while (const SseParser::Event* event = m_parser.next()) {
            handleEvent(*event);
            if (isFinished())
                return error();
        }
        takeUtf8Deltas();
        // Qt sometimes ends a reply whose connection was cut with no error at all. Every
        // OpenAI-compatible server ends a complete stream with [DONE] or a finish_reason.
        if (!m_done && m_result.finishReason.isEmpty() && !m_result.content.isEmpty()) {
            LlmError cut = makeError(LlmError::Kind::ConnectionReset, serverName(), QStringLiteral("mid"));
            cut.detail = QStringLiteral("the stream ended without [DONE] or a finish_reason");
            return cut;
        }
    }
    if (m_result.content.isEmpty() && m_result.reasoning.isEmpty()
        && m_result.finishReason != QLatin1String("content_filter")) {
        if (m_result.malformedEvents > 0)
            return makeError(LlmError::Kind::MalformedResponse, serverName(),
                             LlmError::tr("%n stream event(s) were not valid JSON", nullptr, m_result.malformedEvents));
        return makeError(LlmError::Kind::EmptyResponse);
    }
    return {};
}

} // namespace Storybook::Llm
