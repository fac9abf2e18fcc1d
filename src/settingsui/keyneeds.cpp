#include "keyneeds.h"

#include <QHostAddress>

namespace Storybook::SettingsUi {

bool KeyNeeds::isLocal(const QUrl& baseUrl)
{
    const QString host = baseUrl.host().toLower();
    if (host.isEmpty())
        return false;
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")) || host.endsWith(QLatin1String(".local"))
        || host.endsWith(QLatin1String(".lan")) || host.endsWith(QLatin1String(".home.arpa")))
        return true;
    const QHostAddress address(host);
    if (address.isNull())
        return false;
    if (address.isLoopback() || address.isLinkLocal() || address.isUniqueLocalUnicast())
        return true;
    // The private IPv4 ranges of RFC 1918 (QHostAddress::isPrivateUse is newer than Qt 6.4).
    for (const char* subnet : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"}) {
        if (address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(subnet))))
            return true;
    }
    return false;
}

bool KeyNeeds::needsKey(const Llm::ConnectionSettings& settings)
{
    return settings.apiKey.trimmed().isEmpty() && settings.baseUrl.isValid() && !isLocal(settings.baseUrl);
}

bool KeyNeeds::isFirstRun(const QSettings& settings)
{
    return !settings.contains(QStringLiteral("connection/baseUrl"));
}

QString KeyNeeds::keyPlaceholder(const ProviderPreset& preset)
{
    if (preset.local)
        return tr("Not needed for a program on this computer");
    if (preset.baseUrl.isEmpty())
        return tr("API key, if the server needs one");
    //: %1 is a provider's name, e.g. "DeepSeek API key"
    return tr("%1 API key").arg(preset.name);
}

} // namespace Storybook::SettingsUi
