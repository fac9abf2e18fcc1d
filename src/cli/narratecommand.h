#pragma once

#include <QCoreApplication>
#include <QString>

class QCommandLineParser;

namespace Storybook::Llm {
struct ConnectionSettings;
}

namespace Storybook::Story {
class Library;
}

namespace Storybook::Cli {

class InterruptWatcher;

// storybook-cli story narrate ID [--page N] [--voice V] [--format F] [--again]: the speech provider
// (ConnectionSettings::Role::Speech with the shared connection options, its key from
// STORYBOOK_SPEECH_API_KEY) reads every sentence, question and answer of the pages on the story's
// reading path (or page N of it) that has no narration yet (--again: all of them), and the clips are
// kept in the story file (Generation::NarrationMaker, StoryGenerator::storeNarration). Progress on
// stderr; "story: ID" on stdout at the end. The exit code is speak's: 0 when every part was spoken,
// else the code of the first failure (the parts that were spoken are kept); 130 when interrupted.
class NarrateCommand final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Cli::NarrateCommand)

public:
    static void addTo(QCommandLineParser& parser);
    static int run(QCoreApplication& app, const QCommandLineParser& parser, Story::Library& library, const QString& storyId,
                   const Llm::ConnectionSettings& text, InterruptWatcher& watcher);
};

} // namespace Storybook::Cli
