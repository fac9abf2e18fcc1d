#pragma once

#include "llmerror.h"
#include "proxysettings.h"

#include <QCoreApplication>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QUrl>

namespace Storybook::Llm {

// The proxy a request to one URL really uses, and why.
struct EffectiveProxy
{
    QNetworkProxy proxy{QNetworkProxy::NoProxy};
    QString display;   // "socks5h://user:***@127.0.0.1:1080" or "direct"
    QString source;    // translated: "environment variable ALL_PROXY", "bypass list (127.0.0.0/8)", ...
    bool remoteDns = false;
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
                           QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    [[nodiscard]] EffectiveProxy resolve(const QUrl& target) const;
    [[nodiscard]] const ProxySettings& settings() const { return m_settings; }

    // Parses one proxy URL from an environment variable (scheme-less means http://).
    [[nodiscard]] static EffectiveProxy fromProxyUrl(const QString& value, const QString& source);

private:
    [[nodiscard]] EffectiveProxy fromEnvironment(const QUrl& target, bool* found) const;
    [[nodiscard]] EffectiveProxy fromOperatingSystem(const QUrl& target) const;
    [[nodiscard]] QString envValue(const QString& name, QString* usedName) const;

    ProxySettings m_settings;
    QProcessEnvironment m_environment;
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
