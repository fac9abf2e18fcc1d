#pragma once

#include "connectionsettings.h"
#include "providerpresets.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>

namespace Storybook::SettingsUi {

// Whether a story writer can work without an API key, and what the key field asks for.
class KeyNeeds final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::SettingsUi::KeyNeeds)

public:
    // A server on this computer or the home network (loopback, a private or link-local address,
    // "localhost", a ".local"/".lan"/".home.arpa" name): Ollama, LM Studio, llama.cpp, vLLM…
    [[nodiscard]] static bool isLocal(const QUrl& baseUrl);
    // The settings point at a service on the internet and carry no API key: a request would go out
    // without one and be refused.
    [[nodiscard]] static bool needsKey(const Llm::ConnectionSettings& settings);
    // No story writer was ever chosen: no base URL is stored (the first run).
    [[nodiscard]] static bool isFirstRun(const QSettings& settings);
    // The key field's placeholder, naming the provider ("DeepSeek API key").
    [[nodiscard]] static QString keyPlaceholder(const ProviderPreset& preset);
};

} // namespace Storybook::SettingsUi
