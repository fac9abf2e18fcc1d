#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>

class QCommandLineParser;

namespace Storybook::Llm {
struct ConnectionSettings;
}

namespace Storybook::Cli {

class InterruptWatcher;

// storybook-cli story SUBCOMMAND: new, continue, regenerate, list, show, search, export, import,
// delete, restore.
class StoryCommands final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Cli::StoryCommands)

public:
    StoryCommands();
    void addTo(QCommandLineParser& parser) const;
    // arguments: the positional arguments after "story". Returns the exit code.
    int run(QCoreApplication& app, const QCommandLineParser& parser, const QStringList& arguments,
            const Llm::ConnectionSettings& connection, InterruptWatcher& watcher) const;

private:
    QCommandLineOption m_pages;
    QCommandLineOption m_age;
    QCommandLineOption m_language;
    QCommandLineOption m_style;
    QCommandLineOption m_readToMe;
    QCommandLineOption m_library;
    QCommandLineOption m_choice;
    QCommandLineOption m_answer;
    QCommandLineOption m_page;
    QCommandLineOption m_format;
    QCommandLineOption m_output;
    QCommandLineOption m_allBranches;
};

} // namespace Storybook::Cli
