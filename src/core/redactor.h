#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Storybook {

// Removes secrets from text before it reaches a log, a report or an error message.
// Known secrets (API key, proxy password) are replaced wherever they appear; on top of that,
// credentials in URLs, Authorization/Proxy-Authorization headers and "sk-..."-style keys are masked.
class Redactor final
{
public:
    Redactor() = default;
    explicit Redactor(QStringList secrets);

    void addSecret(const QString& secret);
    [[nodiscard]] QString redact(QString text) const;
    [[nodiscard]] QByteArray redact(const QByteArray& utf8) const;

    // Pattern-only redaction, for sinks that do not know the secrets.
    [[nodiscard]] static QString redactPatterns(QString text);

private:
    QStringList m_secrets;
};

// Masks the password of a proxy or server URL for display: socks5h://user:***@host:port
[[nodiscard]] QString displayUrl(const QUrl& url);

} // namespace Storybook
