#pragma once

#include "llmerror.h"
#include "proxysettings.h"

#include <QCoreApplication>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QHash>
#include <QMutex>
#include <QUrl>

#include <memory>

namespace Storybook::Llm {

// What the client learned about proxies by talking to them, shared by every request of one
// LlmClient (and its network manager's proxy factory, which may ask from another thread).
class ProxyMemo final
{
public:
    enum class Socks5Auth { Unknown, NoneNeeded, Password };

    [[nodiscard]] Socks5Auth socks5Auth(const QString& hostPort) const;
    void setSocks5Auth(const QString& hostPort, Socks5Auth auth);
    // An HTTP proxy whose 407 challenge offers no Basic scheme (Digest, NTLM, Negotiate): credentials
    // are then left to Qt's challenge-response instead of being sent up front.
    [[nodiscard]] bool challengeOnly(const QString& hostPort) const;
    void setChallengeOnly(const QString& hostPort);

private:
    mutable QMutex m_mutex;
    QHash<QString, Socks5Auth> m_socks5;
    QHash<QString, bool> m_challengeOnly;
};

// The proxy a request to one URL really uses, and why.
struct EffectiveProxy
{
    QNetworkProxy proxy{QNetworkProxy::NoProxy};
    QString display;   // "socks5h://user:***@127.0.0.1:1080" or "direct"
    QString source;    // translated: "environment variable ALL_PROXY", "bypass list (127.0.0.0/8)", ...
    bool remoteDns = false;
    QString user;      // the credentials as given (the QNetworkProxy may carry them differently:
    QString password;  // Basic up front for HTTP, none for a SOCKS5 proxy that needs none)
    LlmError error;    // an unsupported or invalid setting: the request must fail, never go direct

    [[nodiscard]] bool isDirect() const { return proxy.type() == QNetworkProxy::NoProxy; }
    [[nodiscard]] QString hostPort() const;
    [[nodiscard]] QString kindName() const; // "SOCKS5", "HTTP" or empty
    [[nodiscard]] QString summary() const;  // "socks5h://127.0.0.1:1080 (environment variable ALL_PROXY)"
};

// Decides the effective proxy for a URL from the settings, the environment (read by us, since Qt's
// own system proxy support ignores ALL_PROXY and socks5h://) and, last, the operating system.
class ProxyResolver final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Llm::ProxyResolver)

public:
    explicit ProxyResolver(ProxySettings settings,
                           QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(),
                           std::shared_ptr<const ProxyMemo> memo = {});

    [[nodiscard]] EffectiveProxy resolve(const QUrl& target) const;
    [[nodiscard]] const ProxySettings& settings() const { return m_settings; }

    // Parses one proxy URL from an environment variable (scheme-less means http://).
    [[nodiscard]] static EffectiveProxy fromProxyUrl(const QString& value, const QString& source);

private:
    [[nodiscard]] EffectiveProxy fromEnvironment(const QUrl& target, bool* found) const;
    [[nodiscard]] EffectiveProxy fromOperatingSystem(const QUrl& target) const;
    [[nodiscard]] QString envValue(const QString& name, QString* usedName) const;
    [[nodiscard]] EffectiveProxy resolveUnmemoized(const QUrl& target) const;

    ProxySettings m_settings;
    QProcessEnvironment m_environment;
    std::shared_ptr<const ProxyMemo> m_memo;
};

// Hands the resolver's answer to QNetworkAccessManager, so every request (and every redirect)
// is routed by the same rules that diagnostics report.
class ProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit ProxyFactory(ProxyResolver resolver);
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override;

private:
    ProxyResolver m_resolver;
};

} // namespace Storybook::Llm
