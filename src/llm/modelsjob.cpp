#include "modelsjob.h"

#include "llmclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Storybook::Llm {

namespace {
constexpr qsizetype MaxBody = 8 * 1024 * 1024;

QNetworkRequest buildRequest(const LlmClient& client)
{
    QNetworkRequest r(client.settings().endpoint(QStringLiteral("models")));
    r.setRawHeader("Accept", QByteArrayLiteral("application/json"));
    if (!client.settings().apiKey.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + client.settings().apiKey.toUtf8());
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, client.settings().http2);
    client.applyTls(r);
    return r;
}
} // namespace

ModelsJob::ModelsJob(LlmClient* client)
    : RequestJob(client, buildRequest(*client), QByteArrayLiteral("GET"), QByteArray())
{
}

void ModelsJob::handleBody(const QByteArray& bytes)
{
    if (m_body.size() + bytes.size() > MaxBody) {
        fail(makeError(LlmError::Kind::MalformedResponse, serverName(), LlmError::tr("the answer is too large")));
        return;
    }
    m_body.append(bytes);
}

LlmError ModelsJob::handleEnd()
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(m_body, &parseError);
    QJsonArray list;
    if (doc.isObject()) {
        list = doc.object().value(QLatin1String("data")).toArray();
        if (list.isEmpty())
            list = doc.object().value(QLatin1String("models")).toArray();
    } else if (doc.isArray()) {
        list = doc.array();
    } else {
        const QString why = m_body.trimmed().startsWith('<') ? LlmError::tr("it sent a web page instead of JSON")
                                                             : LlmError::tr("invalid JSON (%1)").arg(parseError.errorString());
        return makeError(LlmError::Kind::MalformedResponse, serverName(), why);
    }
    for (const QJsonValue& entry : std::as_const(list)) {
        QString id = entry.isString() ? entry.toString() : entry.toObject().value(QLatin1String("id")).toString();
        if (id.isEmpty())
            id = entry.toObject().value(QLatin1String("name")).toString();
        if (!id.isEmpty())
            m_models.append(id);
    }
    m_models.removeDuplicates();
    m_models.sort(Qt::CaseInsensitive);
    return {};
}

} // namespace Storybook::Llm
