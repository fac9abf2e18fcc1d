#pragma once

#include "connectionsettings.h"
#include "llmerror.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>

class QCommandLineParser;

namespace Storybook::Cli {

// The connection options every subcommand shares, and how they combine with the settings file and
// the environment: settings file (or the user's settings) < command-line options; secrets only from
// the environment, never from the command line (except a proxy URL's password, as the user typed it).
class ConnectionOptions final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Cli::ConnectionOptions)

public:
    ConnectionOptions();
    void addTo(QCommandLineParser& parser) const;

    // Builds the settings; on a bad option returns a Configuration error instead.
    // `role` picks the settings' text or picture provider (the image command, diagnose --picture).
    [[nodiscard]] Llm::ConnectionSettings resolve(const QCommandLineParser& parser,
                                                  const QProcessEnvironment& environment, Llm::LlmError* error,
                                                  Llm::ConnectionSettings::Role role = Llm::ConnectionSettings::Role::Text) const;

    // The INI file given with --settings, empty for the user's settings.
    [[nodiscard]] QString settingsFile(const QCommandLineParser& parser) const;

private:
    QCommandLineOption m_baseUrl;
    QCommandLineOption m_model;
    QCommandLineOption m_apiKeyEnv;
    QCommandLineOption m_proxy;
    QCommandLineOption m_connectTimeout;
    QCommandLineOption m_idleTimeout;
    QCommandLineOption m_totalTimeout;
    QCommandLineOption m_retries;
    QCommandLineOption m_noProxy;
    QCommandLineOption m_caBundle;
    QCommandLineOption m_settings;
    QCommandLineOption m_noHttp2;
};

// The key of a provider apart from the text provider (pictures, speech): its own environment variable,
// else the text provider's key when both are the same host and port (a key is never sent to another
// provider's host), else none.
[[nodiscard]] QString roleKey(const QProcessEnvironment& environment, const QString& ownVariable,
                              const Llm::ConnectionSettings& resolved, const Llm::ConnectionSettings& text);

} // namespace Storybook::Cli
