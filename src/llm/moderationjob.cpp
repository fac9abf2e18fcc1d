#include "moderationjob.h"

#include "llmclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Storybook::Llm {

namespace {
constexpr qsizetype MaxBody = 1024 * 1024;

QByteArray bodyFor(const QString& input)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("input"), input}}).toJson(QJsonDocument::Compact);
}
} // namespace

ModerationJob::ModerationJob(LlmClient* client, const QString& input)
    : RequestJob(client,
                 client->apiRequest(QStringLiteral("moderations"), QByteArrayLiteral("application/json"),
                                    QByteArrayLiteral("application/json")),
                 QByteArrayLiteral("POST"), bodyFor(input))
{
}

void ModerationJob::handleBody(const QByteArray& bytes)
{
    if (m_body.size() + bytes.size() > MaxBody) {
        fail(makeError(LlmError::Kind::MalformedResponse, serverName(), LlmError::tr("the answer is too large")));
        return;
    }
    m_body.append(bytes);
}

LlmError ModerationJob::handleEnd()
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(m_body, &parseError);
    if (!doc.isObject()) {
        const QString why = m_body.trimmed().startsWith('<') ? LlmError::tr("it sent a web page instead of JSON")
                                                             : LlmError::tr("invalid JSON (%1)").arg(parseError.errorString());
        return makeError(LlmError::Kind::MalformedResponse, serverName(), why);
    }
    const QJsonArray results = doc.object().value(QLatin1String("results")).toArray();
    if (results.isEmpty() || !results.first().isObject() || !results.first().toObject().value(QLatin1String("flagged")).isBool())
        return makeError(LlmError::Kind::MalformedResponse, serverName(), LlmError::tr("the answer has no moderation result"));
    const QJsonObject first = results.first().toObject();
    m_result.flagged = first.value(QLatin1String("flagged")).toBool();
    const QJsonObject categories = first.value(QLatin1String("categories")).toObject();
    for (auto it = categories.begin(); it != categories.end(); ++it) {
        if (it.value().toBool())
            m_result.categories.append(it.key());
    }
    m_result.categories.sort();
    return {};
}

} // namespace Storybook::Llm
