#include "proxyresolver.h"

#include "hostpatternlist.h"
#include "logging.h"
#include "redactor.h"

#include <QHostAddress>

namespace Storybook::Llm {

namespace {
constexpr auto Masked = "***";

QNetworkProxy::ProxyType typeFor(ProxySettings::Mode mode)
{
    return mode == ProxySettings::Mode::Socks5 ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy;
}

QString displayFor(const QNetworkProxy& proxy, bool remoteDns)
{
    if (proxy.type() == QNetworkProxy::NoProxy)
        return QStringLiteral("direct");
    QUrl url;
    url.setScheme(proxy.type() == QNetworkProxy::Socks5Proxy
                      ? (remoteDns ? QStringLiteral("socks5h") : QStringLiteral("socks5"))
                      : QStringLiteral("http"));
    url.setHost(proxy.hostName());
    url.setPort(proxy.port());
    if (!proxy.user().isEmpty())
        url.setUserName(proxy.user());
    if (!proxy.password().isEmpty())
        url.setPassword(QLatin1String(Masked));
    return url.toString();
}

// An HTTP proxy gets Basic credentials with the first CONNECT, as curl sends them: Qt would wait for
// a 407 and answer it on the same connection, which some proxies (mitmproxy) never reply to.
void sendCredentialsUpFront(EffectiveProxy& effective)
{
    if (effective.proxy.type() != QNetworkProxy::HttpProxy || effective.user.isEmpty())
        return;
    QNetworkProxy proxy(QNetworkProxy::HttpProxy, effective.proxy.hostName(), effective.proxy.port());
    proxy.setCapabilities(effective.proxy.capabilities());
    proxy.setRawHeader("Proxy-Authorization",
                       "Basic " + (effective.user + u':' + effective.password).toUtf8().toBase64());
    effective.proxy = proxy;
}

EffectiveProxy makeProxy(QNetworkProxy::ProxyType type, const QString& host, quint16 port, const QString& user,
                         const QString& password, bool remoteDns, const QString& source)
{
    EffectiveProxy result;
    result.proxy = QNetworkProxy(type, host, port, user, password);
    result.user = user;
    result.password = password;
    if (type == QNetworkProxy::Socks5Proxy && !remoteDns) {
        // Without this capability Qt looks the host name up locally and sends the address (socks5://).
        result.proxy.setCapabilities(result.proxy.capabilities() & ~QNetworkProxy::HostNameLookupCapability);
    }
    result.remoteDns = type == QNetworkProxy::HttpProxy || remoteDns;
    result.display = displayFor(result.proxy, remoteDns);
    result.source = source;
    sendCredentialsUpFront(result);
    return result;
}

EffectiveProxy direct(const QString& source)
{
    EffectiveProxy result;
    result.display = QStringLiteral("direct");
    result.source = source;
    return result;
}
} // namespace

QString EffectiveProxy::hostPort() const
{
    if (isDirect())
        return {};
    const QString host = proxy.hostName().contains(u':') ? u'[' + proxy.hostName() + u']' : proxy.hostName();
    return host + u':' + QString::number(proxy.port());
}

QString EffectiveProxy::kindName() const
{
    switch (proxy.type()) {
    case QNetworkProxy::Socks5Proxy:
        return QStringLiteral("SOCKS5");
    case QNetworkProxy::HttpProxy:
    case QNetworkProxy::HttpCachingProxy:
        return QStringLiteral("HTTP");
    default:
        return {};
    }
}

QString EffectiveProxy::summary() const
{
    if (error.isError())
        return display + QStringLiteral(" (") + error.message + u')';
    return source.isEmpty() ? display : display + QStringLiteral(" (") + source + u')';
}

ProxyMemo::Socks5Auth ProxyMemo::socks5Auth(const QString& hostPort) const
{
    QMutexLocker lock(&m_mutex);
    return m_socks5.value(hostPort, Socks5Auth::Unknown);
}

void ProxyMemo::setSocks5Auth(const QString& hostPort, Socks5Auth auth)
{
    QMutexLocker lock(&m_mutex);
    m_socks5.insert(hostPort, auth);
}

bool ProxyMemo::challengeOnly(const QString& hostPort) const
{
    QMutexLocker lock(&m_mutex);
    return m_challengeOnly.value(hostPort, false);
}

void ProxyMemo::setChallengeOnly(const QString& hostPort)
{
    QMutexLocker lock(&m_mutex);
    m_challengeOnly.insert(hostPort, true);
}

ProxyResolver::ProxyResolver(ProxySettings settings, QProcessEnvironment environment,
                             std::shared_ptr<const ProxyMemo> memo)
    : m_settings(std::move(settings))
    , m_environment(std::move(environment))
    , m_memo(std::move(memo))
{
}

EffectiveProxy ProxyResolver::resolve(const QUrl& target) const
{
    EffectiveProxy result = resolveUnmemoized(target);
    if (!m_memo || result.isDirect() || result.user.isEmpty())
        return result;
    const QString hostPort = result.hostPort();
    if (result.proxy.type() == QNetworkProxy::Socks5Proxy
        && m_memo->socks5Auth(hostPort) == ProxyMemo::Socks5Auth::NoneNeeded) {
        // Like curl, both methods were offered and the proxy chose "no authentication".
        result.proxy.setUser(QString());
        result.proxy.setPassword(QString());
    } else if (result.proxy.type() == QNetworkProxy::HttpProxy && m_memo->challengeOnly(hostPort)) {
        QNetworkProxy proxy(QNetworkProxy::HttpProxy, result.proxy.hostName(), result.proxy.port(), result.user,
                            result.password);
        proxy.setCapabilities(result.proxy.capabilities());
        result.proxy = proxy;
    }
    return result;
}

EffectiveProxy ProxyResolver::resolveUnmemoized(const QUrl& target) const
{
    using Mode = ProxySettings::Mode;
    const QString host = target.host();
    const int port = target.port(target.scheme() == QLatin1String("https") ? 443 : 80);

    if (m_settings.mode == Mode::None)
        return direct(tr("proxy turned off in settings"));

    if (const QString entry = HostPatternList(m_settings.bypass).match(host, port); !entry.isEmpty())
        return direct(tr("bypass list entry “%1”").arg(entry));

    if (m_settings.mode == Mode::Http || m_settings.mode == Mode::Socks5) {
        if (const QString problem = m_settings.validate(); !problem.isEmpty()) {
            EffectiveProxy invalid = direct(tr("explicit setting"));
            invalid.display = m_settings.displaySpec();
            invalid.error.kind = LlmError::Kind::InvalidProxy;
            invalid.error.message = problem;
            invalid.error.hint = tr("Correct the proxy in Settings → Network.");
            return invalid;
        }
        return makeProxy(typeFor(m_settings.mode), m_settings.host, m_settings.port, m_settings.user,
                         m_settings.password, m_settings.remoteDns, tr("explicit setting"));
    }

    // System: the environment first (as curl does), then the operating system's settings.
    QString noProxyName;
    const QString noProxy = envValue(QStringLiteral("no_proxy"), &noProxyName);
    if (!noProxy.isEmpty()) {
        if (const QString entry = HostPatternList(noProxy).match(host, port); !entry.isEmpty())
            return direct(tr("environment variable %1 entry “%2”").arg(noProxyName, entry));
    }
    bool found = false;
    EffectiveProxy fromEnv = fromEnvironment(target, &found);
    if (found)
        return fromEnv;
    return fromOperatingSystem(target);
}

QString ProxyResolver::envValue(const QString& lowerName, QString* usedName) const
{
    // Lower case wins, as in curl; both spellings are honoured.
    for (const QString& name : {lowerName, lowerName.toUpper()}) {
        const QString value = m_environment.value(name).trimmed();
        if (!value.isEmpty()) {
            if (usedName)
                *usedName = name;
            return value;
        }
    }
    return {};
}

EffectiveProxy ProxyResolver::fromEnvironment(const QUrl& target, bool* found) const
{
    const bool https = target.scheme() == QLatin1String("https");
    QStringList names;
    names << (https ? QStringLiteral("https_proxy") : QStringLiteral("http_proxy")) << QStringLiteral("all_proxy");
    for (const QString& name : std::as_const(names)) {
        QString usedName;
        const QString value = envValue(name, &usedName);
        if (value.isEmpty())
            continue;
        *found = true;
        return fromProxyUrl(value, tr("environment variable %1").arg(usedName));
    }
    *found = false;
    return {};
}

EffectiveProxy ProxyResolver::fromProxyUrl(const QString& value, const QString& source)
{
    QString text = value.trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    const QUrl url(text);
    const QString scheme = url.scheme().toLower();
    const QString shown = displayUrl(url);

    EffectiveProxy result;
    result.display = shown;
    result.source = source;
    if (!url.isValid() || url.host().isEmpty()) {
        result.error.kind = LlmError::Kind::InvalidProxy;
        result.error.message = tr("The proxy “%1” from %2 is not a valid proxy address.").arg(shown, source);
        result.error.hint = tr("Fix or unset it, or choose a proxy explicitly in Settings → Network.");
        return result;
    }
    const bool socks5 = scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")
                        || scheme == QLatin1String("socks");
    if (scheme != QLatin1String("http") && !socks5) {
        // https:// proxies (TLS to the proxy), socks4 and the like: Qt cannot speak them. Failing is the
        // only honest answer; a silent direct connection is what the predecessor did wrong.
        result.error.kind = LlmError::Kind::UnsupportedProxy;
        result.error.message = tr("The proxy “%1” from %2 uses the type “%3”, which Interactive Storybook cannot use.")
                                   .arg(shown, source, scheme);
        result.error.hint = tr("Use an http://, socks5:// or socks5h:// proxy, or choose one in Settings → Network.");
        return result;
    }
    const quint16 port = quint16(url.port(socks5 ? 1080 : 80));
    return makeProxy(socks5 ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(), port,
                     url.userName(), url.password(), scheme != QLatin1String("socks5"), source);
}

EffectiveProxy ProxyResolver::fromOperatingSystem(const QUrl& target) const
{
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(target));
    for (const QNetworkProxy& proxy : proxies) {
        switch (proxy.type()) {
        case QNetworkProxy::NoProxy:
        case QNetworkProxy::DefaultProxy:
            return direct(tr("no proxy in the environment or the operating system settings"));
        case QNetworkProxy::HttpProxy:
        case QNetworkProxy::HttpCachingProxy:
        case QNetworkProxy::Socks5Proxy:
            return makeProxy(proxy.type() == QNetworkProxy::Socks5Proxy ? QNetworkProxy::Socks5Proxy
                                                                        : QNetworkProxy::HttpProxy,
                             proxy.hostName(), proxy.port(), proxy.user(), proxy.password(), true,
                             tr("operating system proxy settings"));
        default:
            break;
        }
    }
    return direct(tr("no proxy in the environment or the operating system settings"));
}

ProxyFactory::ProxyFactory(ProxyResolver resolver)
    : m_resolver(std::move(resolver))
{
}

QList<QNetworkProxy> ProxyFactory::queryProxy(const QNetworkProxyQuery& query)
{
    const EffectiveProxy effective = m_resolver.resolve(query.url());
    if (effective.error.isError()) {
        // Requests check the resolver before they are sent, so this is reached only by a redirect the
        // client has not vetted yet; never let it go direct.
        qCWarning(lcProxy) << "refusing to route" << displayUrl(query.url()) << ":" << effective.error.message;
        return {QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), 9)};
    }
    qCDebug(lcProxy) << "route" << displayUrl(query.url()) << "via" << effective.summary();
    return {effective.proxy};
}

} // namespace Storybook::Llm
