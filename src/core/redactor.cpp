#include "redactor.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace Storybook {

namespace {
constexpr auto Mask = "***";
// Secrets shorter than this are too likely to match ordinary words; they are still masked where they
// appear in the known structural places (URL credentials, headers).
constexpr qsizetype MinimumSecretLength = 4;
} // namespace

Redactor::Redactor(QStringList secrets)
{
    for (const QString& secret : std::as_const(secrets))
        addSecret(secret);
}

void Redactor::addSecret(const QString& secret)
{
    if (secret.size() < MinimumSecretLength || m_secrets.contains(secret))
        return;
    m_secrets.append(secret);
    // Longest first, so a secret containing another is masked whole.
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
}

QString Redactor::redact(QString text) const
{
    for (const QString& secret : m_secrets) {
        text.replace(secret, QLatin1String(Mask));
        // Also catch the percent-encoded form, as it appears inside URLs.
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        if (encoded != secret)
            text.replace(encoded, QLatin1String(Mask));
    }
    return redactPatterns(std::move(text));
}

QByteArray Redactor::redact(const QByteArray& utf8) const
{
    return redact(QString::fromUtf8(utf8)).toUtf8();
}

QString Redactor::redactPatterns(QString text)
{
    static const QRegularExpression authHeader(
        QStringLiteral(R"(((?:Proxy-)?Authorization"?\s*[:=]\s*"?)(?:(Bearer|Basic)\s+)?[^\s",}]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression urlCredentials(QStringLiteral(R"(([a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@]*:)[^\s@/]*@)"));
    static const QRegularExpression keyLike(QStringLiteral(R"(\b(sk|pk|rk)-[A-Za-z0-9_\-]{8,})"));
    text.replace(authHeader, QStringLiteral("\\1\\2 ***"));
    text.replace(urlCredentials, QStringLiteral("\\1***@"));
    text.replace(keyLike, QStringLiteral("\\1-***"));
    return text;
}

QString displayUrl(const QUrl& url)
{
    QUrl shown = url;
    if (!shown.password().isEmpty())
        shown.setPassword(QLatin1String(Mask));
    return shown.toString(QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace Storybook
