#pragma once

#include "story.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace Storybook::Cli {

// storybook-cli profile list|add|remove and cast list|remove: the child profiles and the family cast kept
// beside the story library (--library DIR names the library; the files are in its parent folder). Also the
// options of `story new` that use them: --hero PROFILE, --character NAME (repeatable), --lesson TEXT,
// --level LEVEL.
class FamilyCommands final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Cli::FamilyCommands)

public:
    FamilyCommands();
    void addTo(QCommandLineParser& parser) const;
    // command: "profile" or "cast"; arguments: what follows it. Returns the exit code.
    int run(const QCommandLineParser& parser, const QString& command, const QStringList& arguments) const;
    // story new: --hero (a profile by id or name), --character (from the family cast by name, or a new one as
    // "Name: look"; otherwise a name alone), --lesson and --level into `settings`. Empty, or a usage problem.
    [[nodiscard]] static QString applyStoryOptions(const QCommandLineParser& parser, const QString& libraryFolder,
                                                   Story::StorySettings& settings);

private:
    int profile(const QString& folder, const QCommandLineParser& parser, const QStringList& arguments) const;
    int cast(const QString& folder, const QStringList& arguments) const;

    QCommandLineOption m_hero;
    QCommandLineOption m_character;
    QCommandLineOption m_lesson;
    QCommandLineOption m_level;
    QCommandLineOption m_pronouns;
    QCommandLineOption m_likes;
    QCommandLineOption m_friends;
    QCommandLineOption m_years;
};

} // namespace Storybook::Cli
