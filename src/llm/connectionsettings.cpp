#include "connectionsettings.h"

#include <QSettings>

#include <algorithm>

namespace Storybook::Llm {

namespace {
namespace Key {
const auto Version = QStringLiteral("version");
const auto BaseUrl = QStringLiteral("connection/baseUrl");
const auto Model = QStringLiteral("connection/model");
const auto ProxyMode = QStringLiteral("network/proxyMode");
const auto ProxyHost = QStringLiteral("network/proxyHost");
const auto ProxyPort = QStringLiteral("network/proxyPort");
const auto ProxyUser = QStringLiteral("network/proxyUser");
const auto ProxyRemoteDns = QStringLiteral("network/proxyRemoteDns");
const auto Bypass = QStringLiteral("network/bypass");
const auto ConnectTimeout = QStringLiteral("network/connectTimeoutSeconds");
const auto IdleTimeout = QStringLiteral("network/idleTimeoutSeconds");
const auto TotalTimeout = QStringLiteral("network/totalTimeoutSeconds");
const auto Retries = QStringLiteral("network/retries");
const auto MaxConnections = QStringLiteral("network/maxConnectionsPerHost");
const auto CaBundle = QStringLiteral("network/caBundle");
const auto Http2 = QStringLiteral("network/http2");
const auto PictureBaseUrl = QStringLiteral("pictures/baseUrl");
const auto PictureModel = QStringLiteral("pictures/model");
const auto PictureIdleTimeout = QStringLiteral("pictures/idleTimeoutSeconds");
const auto PictureTotalTimeout = QStringLiteral("pictures/totalTimeoutSeconds");
const auto SpeechBaseUrl = QStringLiteral("speech/baseUrl");
const auto SpeechModel = QStringLiteral("speech/model");
const auto SpeechIdleTimeout = QStringLiteral("speech/idleTimeoutSeconds");
const auto SpeechTotalTimeout = QStringLiteral("speech/totalTimeoutSeconds");
// Keys that older builds or careless hand edits may hold; never read, removed on save.
const auto LegacySecrets = {QStringLiteral("connection/apiKey"), QStringLiteral("network/proxyPassword")};
} // namespace Key

int readInt(QSettings& settings, const QString& key, int fallback, int minimum, int maximum)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok ? std::clamp(value, minimum, maximum) : fallback;
}

std::chrono::milliseconds readSeconds(QSettings& settings, const QString& key, std::chrono::milliseconds fallback)
{
    bool ok = false;
    const double value = settings.value(key).toDouble(&ok);
    if (!ok || value < 0 || value > 7 * 24 * 3600)
        return fallback;
    return std::chrono::milliseconds(qint64(value * 1000));
}

// The keys that differ between the roles.
struct RoleKeys
{
    const QString& baseUrl;
    const QString& model;
    const QString& idle;
    const QString& total;
};

RoleKeys keysOf(ConnectionSettings::Role role)
{
    switch (role) {
    case ConnectionSettings::Role::Pictures:
        return {Key::PictureBaseUrl, Key::PictureModel, Key::PictureIdleTimeout, Key::PictureTotalTimeout};
    case ConnectionSettings::Role::Speech:
        return {Key::SpeechBaseUrl, Key::SpeechModel, Key::SpeechIdleTimeout, Key::SpeechTotalTimeout};
    case ConnectionSettings::Role::Text:
        break;
    }
    return {Key::BaseUrl, Key::Model, Key::IdleTimeout, Key::TotalTimeout};
}
} // namespace

ConnectionSettings ConnectionSettings::defaults(Role role)
{
    ConnectionSettings result;
    if (role == Role::Pictures) {
        result.model = QStringLiteral("gpt-image-1");
        result.idleTimeout = std::chrono::seconds(180);
        result.totalTimeout = std::chrono::seconds(300);
    } else if (role == Role::Speech) {
        result.model = QStringLiteral("gpt-4o-mini-tts");
        result.idleTimeout = std::chrono::seconds(60);
        result.totalTimeout = std::chrono::seconds(180);
    }
    return result;
}

ConnectionSettings ConnectionSettings::load(QSettings& settings, Role role)
{
    ConnectionSettings result = defaults(role);
    const RoleKeys keys = keysOf(role);
    // Version 0 (no key) and 1 share the layout; a future version adds its migration step here.
    if (const QUrl url(settings.value(keys.baseUrl).toString());
        url.isValid() && !url.scheme().isEmpty())
        result.baseUrl = url;
    if (const QString model = settings.value(keys.model).toString().trimmed(); !model.isEmpty())
        result.model = model;
    if (const auto mode = ProxySettings::modeFromName(settings.value(Key::ProxyMode).toString()))
        result.proxy.mode = *mode;
    result.proxy.host = settings.value(Key::ProxyHost).toString().trimmed();
    result.proxy.port = quint16(readInt(settings, Key::ProxyPort, 0, 0, 65535));
    result.proxy.user = settings.value(Key::ProxyUser).toString();
    result.proxy.remoteDns = settings.value(Key::ProxyRemoteDns, true).toBool();
    if (settings.contains(Key::Bypass))
        result.proxy.bypass = settings.value(Key::Bypass).toString();
    result.connectTimeout = readSeconds(settings, Key::ConnectTimeout, result.connectTimeout);
    result.idleTimeout = readSeconds(settings, keys.idle, result.idleTimeout);
    result.totalTimeout = readSeconds(settings, keys.total, result.totalTimeout);
    result.retries = readInt(settings, Key::Retries, result.retries, 0, 10);
    result.maxConnectionsPerHost = readInt(settings, Key::MaxConnections, result.maxConnectionsPerHost, 1, 6);
    result.caBundle = settings.value(Key::CaBundle).toString();
    result.http2 = settings.value(Key::Http2, true).toBool();
    return result;
}

void ConnectionSettings::save(QSettings& settings, Role role) const
{
    const RoleKeys keys = keysOf(role);
    settings.setValue(Key::Version, Version);
    settings.setValue(keys.baseUrl, baseUrl.toString());
    settings.setValue(keys.model, model);
    settings.setValue(Key::ProxyMode, ProxySettings::modeName(proxy.mode));
    settings.setValue(Key::ProxyHost, proxy.host);
    settings.setValue(Key::ProxyPort, proxy.port);
    settings.setValue(Key::ProxyUser, proxy.user);
    settings.setValue(Key::ProxyRemoteDns, proxy.remoteDns);
    settings.setValue(Key::Bypass, proxy.bypass);
    settings.setValue(Key::ConnectTimeout, double(connectTimeout.count()) / 1000.0);
    settings.setValue(keys.idle, double(idleTimeout.count()) / 1000.0);
    settings.setValue(keys.total, double(totalTimeout.count()) / 1000.0);
    settings.setValue(Key::Retries, retries);
    settings.setValue(Key::MaxConnections, maxConnectionsPerHost);
    settings.setValue(Key::CaBundle, caBundle);
    settings.setValue(Key::Http2, http2);
    for (const QString& legacy : Key::LegacySecrets)
        settings.remove(legacy);
}

QUrl ConnectionSettings::endpoint(const QString& path) const
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + u'/' + path);
    return url;
}

} // namespace Storybook::Llm
