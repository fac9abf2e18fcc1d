#pragma once

#include "connectionsettings.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QProcessEnvironment>

class QCommandLineParser;

namespace Storybook::Llm {
class LlmClient;
}

namespace Storybook::Cli {

class ConnectionOptions;
class InterruptWatcher;

// storybook-cli speak TEXT --output FILE [--voice V] [--format F] [--speed S] [--instructions I]:
// speaks TEXT with the speech provider (ConnectionSettings::Role::Speech) and writes the provider's
// bytes. Text longer than one request takes is split at sentence ends and spoken in parts; the parts
// become one file where the format allows it (wav: one header over all samples; mp3, aac, pcm:
// concatenated), else numbered files (fox-1.opus, fox-2.opus, ...), and the user is told.
class SpeakCommand final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Cli::SpeakCommand)

public:
    SpeakCommand();
    void addTo(QCommandLineParser& parser) const;

    // The speech provider's connection: `resolved` (the speech role with the shared options applied)
    // with the key STORYBOOK_SPEECH_API_KEY, else the text provider's key when both are the same host.
    [[nodiscard]] static Llm::ConnectionSettings speechSettings(const QProcessEnvironment& environment,
                                                                const Llm::ConnectionSettings& text,
                                                                Llm::ConnectionSettings resolved);
    // arguments: the positional arguments after "speak". Returns the exit code.
    int run(QCoreApplication& app, const QCommandLineParser& parser, const ConnectionOptions& connection,
            const QStringList& arguments, Llm::LlmClient& client, InterruptWatcher& watcher) const;

private:
    QCommandLineOption m_voice;
    QCommandLineOption m_speed;
    QCommandLineOption m_instructions;
};

} // namespace Storybook::Cli
