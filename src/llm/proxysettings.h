#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Storybook::Llm {

// How the user asked to reach the network.
struct ProxySettings
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Llm::ProxySettings)

public:
    enum class Mode { None, System, Http, Socks5 };

    Mode mode = Mode::System;
    QString host;
    quint16 port = 0;
    QString user;
    QString password;      // never stored in QSettings
    bool remoteDns = true; // SOCKS5: let the proxy resolve host names (socks5h)
    // Targets that never go through a proxy (NO_PROXY syntax). Loopback by default, so a local
    // Ollama or llama.cpp server keeps working when a proxy is set.
    QString bypass = defaultBypass();

    [[nodiscard]] static QString defaultBypass() { return QStringLiteral("localhost,127.0.0.0/8,::1"); }

    // Parses the CLI form: none | system | http://[u:p@]h:p | socks5://[u:p@]h:p | socks5h://[u:p@]h:p
    // Returns std::nullopt and a translated reason when the text is not one of those.
    [[nodiscard]] static std::optional<ProxySettings> fromSpec(const QString& spec, QString* whyNot);
    // The CLI form again, with the password masked.
    [[nodiscard]] QString displaySpec() const;
    [[nodiscard]] static QString modeName(Mode mode); // none, system, http, socks5
    [[nodiscard]] static std::optional<Mode> modeFromName(const QString& name);
    // Checks host and port of an explicit proxy; empty when fine, else a translated reason.
    [[nodiscard]] QString validate() const;
};

} // namespace Storybook::Llm
