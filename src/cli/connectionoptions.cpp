#include "connectionoptions.h"

#include "errortexts.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

namespace Storybook::Cli {

using Llm::LlmError;

ConnectionOptions::ConnectionOptions()
    : m_baseUrl(QStringLiteral("base-url"), tr("API base URL, e.g. https://api.openai.com/v1."), tr("URL"))
    , m_model(QStringLiteral("model"), tr("Model name."), tr("NAME"))
    , m_apiKeyEnv(QStringLiteral("api-key-env"),
                  tr("Environment variable that holds the API key (default STORYBOOK_API_KEY). The key is never "
                     "taken from the command line."),
                  tr("VAR"), QStringLiteral("STORYBOOK_API_KEY"))
    , m_proxy(QStringLiteral("proxy"),
              tr("none, system, http://[user:pass@]host:port, socks5://[user:pass@]host:port or "
                 "socks5h://[user:pass@]host:port (default: the settings, else system)."),
              tr("PROXY"))
    , m_connectTimeout(QStringLiteral("connect-timeout"), tr("Connect timeout in seconds, proxy handshake included (default 30)."), tr("S"))
    , m_idleTimeout(QStringLiteral("idle-timeout"),
                    tr("Fail when nothing arrives for this many seconds (default 120; image: 180)."), tr("S"))
    , m_totalTimeout(QStringLiteral("total-timeout"),
                     tr("Limit for the whole request in seconds; 0 means none (default 0; image: 300)."), tr("S"))
    , m_retries(QStringLiteral("retries"), tr("Retries on connection failures, 429 and 5xx before any answer arrived (default 2)."), tr("N"))
    , m_noProxy(QStringLiteral("no-proxy"),
                tr("Hosts that bypass the proxy (default localhost,127.0.0.0/8,::1); an empty list proxies everything."),
                tr("LIST"))
    , m_caBundle(QStringLiteral("ca-bundle"), tr("Extra CA certificates (PEM) to trust, e.g. a company proxy's."), tr("FILE"))
    , m_settings(QStringLiteral("settings"), tr("Use this INI file instead of the user's settings."), tr("FILE"))
    , m_noHttp2(QStringLiteral("no-http2"), tr("Do not use HTTP/2."))
{
}

void ConnectionOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_baseUrl, m_model, m_apiKeyEnv, m_proxy, m_connectTimeout, m_idleTimeout, m_totalTimeout,
                       m_retries, m_noProxy, m_caBundle, m_settings, m_noHttp2});
}

namespace {
LlmError configurationError(const QString& message, const QString& hint)
{
    return Llm::makeError(LlmError::Kind::InvalidOption, message, hint);
}

bool readSeconds(const QCommandLineParser& parser, const QCommandLineOption& option, std::chrono::milliseconds* out,
                 bool allowZero, LlmError* error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double seconds = parser.value(option).toDouble(&ok);
    if (!ok || seconds < 0 || (!allowZero && seconds == 0) || seconds > 7 * 24 * 3600) {
        *error = configurationError(
            ConnectionOptions::tr("--%1 needs a number of seconds, not “%2”.").arg(option.names().constFirst(), parser.value(option)),
            ConnectionOptions::tr("For example --%1 30.").arg(option.names().constFirst()));
        return false;
    }
    *out = std::chrono::milliseconds(qint64(seconds * 1000));
    return true;
}
} // namespace

Llm::ConnectionSettings ConnectionOptions::resolve(const QCommandLineParser& parser,
                                                   const QProcessEnvironment& environment, LlmError* error,
                                                   Llm::ConnectionSettings::Role role) const
{
    Llm::ConnectionSettings settings = Llm::ConnectionSettings::defaults(role);
    if (parser.isSet(m_settings)) {
        const QString path = parser.value(m_settings);
        if (!QFileInfo(path).isReadable()) {
            *error = configurationError(tr("The settings file “%1” cannot be read.").arg(path),
                                        tr("Check the path given to --settings."));
            return settings;
        }
        QSettings file(path, QSettings::IniFormat);
        if (file.status() != QSettings::NoError) {
            *error = configurationError(tr("The settings file “%1” is not a valid INI file.").arg(path),
                                        tr("Fix the file, or run without --settings."));
            return settings;
        }
        settings = Llm::ConnectionSettings::load(file, role);
    } else {
        QSettings user;
        settings = Llm::ConnectionSettings::load(user, role);
    }
    // The proxy password from the settings' user name lives outside the settings file.
    settings.proxy.password = environment.value(QStringLiteral("STORYBOOK_PROXY_PASSWORD"));

    if (parser.isSet(m_baseUrl)) {
        const QUrl url(parser.value(m_baseUrl), QUrl::StrictMode);
        settings.baseUrl = url;
        const QString scheme = url.scheme();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            *error = Llm::makeError(LlmError::Kind::InvalidBaseUrl, parser.value(m_baseUrl));
            return settings;
        }
    }
    if (parser.isSet(m_model))
        settings.model = parser.value(m_model).trimmed();
    settings.apiKey = environment.value(parser.value(m_apiKeyEnv)).trimmed();
    if (parser.isSet(m_proxy)) {
        QString why;
        const auto proxy = Llm::ProxySettings::fromSpec(parser.value(m_proxy), &why);
        if (!proxy) {
            *error = configurationError(why, tr("Examples: --proxy none, --proxy system, --proxy socks5h://127.0.0.1:1080."));
            return settings;
        }
        const QString bypass = settings.proxy.bypass;
        settings.proxy = *proxy;
        settings.proxy.bypass = bypass;
    }
    if (parser.isSet(m_noProxy))
        settings.proxy.bypass = parser.value(m_noProxy);
    if (!readSeconds(parser, m_connectTimeout, &settings.connectTimeout, false, error)
        || !readSeconds(parser, m_idleTimeout, &settings.idleTimeout, false, error)
        || !readSeconds(parser, m_totalTimeout, &settings.totalTimeout, true, error))
        return settings;
    if (parser.isSet(m_retries)) {
        bool ok = false;
        const int retries = parser.value(m_retries).toInt(&ok);
        if (!ok || retries < 0 || retries > 10) {
            *error = configurationError(tr("--retries needs a number from 0 to 10, not “%1”.").arg(parser.value(m_retries)),
                                        tr("For example --retries 2."));
            return settings;
        }
        settings.retries = retries;
    }
    if (parser.isSet(m_caBundle))
        settings.caBundle = parser.value(m_caBundle);
    if (parser.isSet(m_noHttp2))
        settings.http2 = false;
    return settings;
}

QString ConnectionOptions::settingsFile(const QCommandLineParser& parser) const
{
    return parser.isSet(m_settings) ? parser.value(m_settings) : QString();
}

QString roleKey(const QProcessEnvironment& environment, const QString& ownVariable, const Llm::ConnectionSettings& resolved,
                const Llm::ConnectionSettings& text)
{
    const QString own = environment.value(ownVariable).trimmed();
    const bool sameHost = resolved.baseUrl.host().compare(text.baseUrl.host(), Qt::CaseInsensitive) == 0
                          && resolved.baseUrl.port() == text.baseUrl.port();
    return !own.isEmpty() ? own : (sameHost ? text.apiKey : QString());
}

} // namespace Storybook::Cli
