#pragma once

#include "proxysettings.h"

#include <QString>
#include <QUrl>

#include <chrono>

class QSettings;

namespace Storybook::Llm {

// Everything the network layer needs to reach a model. The GUI and the CLI read and write the same
// QSettings keys through load()/save(); secrets (API key, proxy password) are never written there.
//
// One class for both providers a story uses: the text provider (Role::Text, keys "connection/...") and
// the picture provider (Role::Pictures, keys "pictures/..."), which many users choose apart (they write
// with DeepSeek and paint with SiliconFlow, Zhipu or OpenAI). The picture role has its own base URL,
// model and idle/total timeouts (painting takes tens of seconds, sometimes minutes); the proxy, connect
// timeout, retries, CA bundle and HTTP/2 are the network's and shared under "network/".
// The speech provider (Role::Speech, keys "speech/...") is a third one in the same way: its own base
// URL, model and idle/total timeouts; its voice, speed and speaking style are VoiceSettings.
struct ConnectionSettings
{
    static constexpr int Version = 1;
    enum class Role { Text, Pictures, Speech };

    QUrl baseUrl{QStringLiteral("https://api.openai.com/v1")};
    QString model{QStringLiteral("gpt-4o-mini")};
    QString apiKey; // secret: from the keychain or an environment variable, never QSettings
    ProxySettings proxy;
    std::chrono::milliseconds connectTimeout{std::chrono::seconds(30)};
    std::chrono::milliseconds idleTimeout{std::chrono::seconds(120)};
    std::chrono::milliseconds totalTimeout{0}; // 0: no limit
    int retries = 2;
    int maxConnectionsPerHost = 4; // at most 6, Qt's own per-host limit, so nothing waits inside Qt
    QString caBundle;              // extra PEM certificates, e.g. a corporate proxy's CA
    bool http2 = true;

    // Reads the keys under "connection/" and "network/"; unknown or malformed values fall back to the
    // defaults. Migrates older versions.
    static ConnectionSettings load(QSettings& settings, Role role = Role::Text);
    void save(QSettings& settings, Role role = Role::Text) const;
    // The defaults of a role before any key is read: the picture provider starts at OpenAI's
    // gpt-image-1 with idle 180 s and total 300 s; the speech provider at gpt-4o-mini-tts with idle
    // 60 s (the first audio byte of a long part can take half a minute) and total 180 s per request.
    [[nodiscard]] static ConnectionSettings defaults(Role role);

    [[nodiscard]] QUrl endpoint(const QString& path) const; // base URL + "/chat/completions"
};

} // namespace Storybook::Llm
