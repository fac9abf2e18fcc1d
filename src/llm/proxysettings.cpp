#include "proxysettings.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace Storybook::Llm {

std::optional<ProxySettings> ProxySettings::fromSpec(const QString& spec, QString* whyNot)
{
    ProxySettings settings;
    const QString text = spec.trimmed();
    if (text.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        settings.mode = Mode::None;
        return settings;
    }
    if (text.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0) {
        settings.mode = Mode::System;
        return settings;
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        if (whyNot)
            *whyNot = tr("“%1” is not a proxy. Use none, system, http://host:port, socks5://host:port or "
                         "socks5h://host:port.").arg(QUrl(text).toDisplayString(QUrl::RemoveUserInfo));
        return std::nullopt;
    }
    if (scheme == QLatin1String("http")) {
        settings.mode = Mode::Http;
    } else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        settings.mode = Mode::Socks5;
        settings.remoteDns = scheme == QLatin1String("socks5h");
    } else {
        if (whyNot)
            *whyNot = tr("The proxy type “%1” is not supported. Use http://, socks5:// or socks5h://.").arg(scheme);
        return std::nullopt;
    }
    settings.host = url.host();
    const int port = url.port(-1);
    settings.port = quint16(port > 0 ? port : (settings.mode == Mode::Http ? 8080 : 1080));
    settings.user = url.userName();
    settings.password = url.password();
    if (const QString problem = settings.validate(); !problem.isEmpty()) {
        if (whyNot)
            *whyNot = problem;
        return std::nullopt;
    }
    return settings;
}

QString ProxySettings::displaySpec() const
{
    switch (mode) {
    case Mode::None:
    case Mode::System:
        return modeName(mode);
    case Mode::Http:
    case Mode::Socks5: {
        QUrl url;
        url.setScheme(mode == Mode::Http ? QStringLiteral("http")
                                         : (remoteDns ? QStringLiteral("socks5h") : QStringLiteral("socks5")));
        url.setHost(host);
        url.setPort(port);
        if (!user.isEmpty())
            url.setUserName(user);
        if (!password.isEmpty())
            url.setPassword(QStringLiteral("***"));
        return url.toString();
    }
    }
    return {};
}

QString ProxySettings::modeName(Mode mode)
{
    switch (mode) {
    case Mode::None:
        return QStringLiteral("none");
    case Mode::System:
        return QStringLiteral("system");
    case Mode::Http:
        return QStringLiteral("http");
    case Mode::Socks5:
        return QStringLiteral("socks5");
    }
    return QStringLiteral("system");
}

std::optional<ProxySettings::Mode> ProxySettings::modeFromName(const QString& name)
{
    for (Mode mode : {Mode::None, Mode::System, Mode::Http, Mode::Socks5}) {
        if (name.compare(modeName(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

QString ProxySettings::validate() const
{
    if (mode != Mode::Http && mode != Mode::Socks5)
        return {};
    if (host.isEmpty())
        return tr("The proxy host is empty.");
    QHostAddress address;
    const bool isAddress = address.setAddress(host);
    static const QRegularExpression hostName(
        QStringLiteral(R"(^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$)"));
    if (!isAddress && !hostName.match(host).hasMatch())
        return tr("“%1” is not a valid proxy host name or address.").arg(host);
    if (port == 0)
        return tr("The proxy port must be between 1 and 65535.");
    return {};
}

} // namespace Storybook::Llm
