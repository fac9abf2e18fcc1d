#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>

class QCommandLineParser;
class QProcessEnvironment;

namespace Storybook::Llm {
struct ConnectionSettings;
}

namespace Storybook::Cli {

class InterruptWatcher;

// storybook-cli story SUBCOMMAND: new, continue, regenerate, illustrate, versions, restore-version,
// list, show, search, export, import, delete, restore.
class StoryCommands final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Cli::StoryCommands)

public:
    StoryCommands();
    void addTo(QCommandLineParser& parser) const;
    // The picture provider for illustrated stories: `resolved` (the picture role of the settings, with
    // the shared command-line options applied) with --picture-base-url / --picture-model on top. Its
    // key is STORYBOOK_PICTURE_API_KEY, else the text provider's key when both are the same host
    // (a key is never sent to another provider's host).
    [[nodiscard]] Llm::ConnectionSettings pictureSettings(const QCommandLineParser& parser, const QProcessEnvironment& environment,
                                                          const Llm::ConnectionSettings& text,
                                                          Llm::ConnectionSettings resolved) const;
    // arguments: the positional arguments after "story". Returns the exit code.
    int run(QCoreApplication& app, const QCommandLineParser& parser, const QStringList& arguments,
            const Llm::ConnectionSettings& connection, const Llm::ConnectionSettings& pictures,
            InterruptWatcher& watcher) const;

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
    QCommandLineOption m_pictures;
    QCommandLineOption m_artStyle;
    QCommandLineOption m_pictureBaseUrl;
    QCommandLineOption m_pictureModel;
};

} // namespace Storybook::Cli
