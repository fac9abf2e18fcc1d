#include "familycommands.h"

#include "clioutput.h"
#include "familycast.h"
#include "library.h"
#include "profiles.h"
#include "readinglevel.h"

#include <QCommandLineParser>

namespace Storybook::Cli {

namespace {
using Kind = Llm::LlmError::Kind;

QString libraryFolder(const QCommandLineParser& parser)
{
    return parser.isSet(QStringLiteral("library")) ? parser.value(QStringLiteral("library")) : Story::Library::defaultFolder();
}

QStringList commaList(const QString& text)
{
    QStringList out;
    for (const QString& item : text.split(u',')) {
        if (!item.trimmed().isEmpty())
            out.append(item.trimmed());
    }
    return out;
}

QString levelNames()
{
    QStringList names;
    for (const Story::ReadingLevel& level : Story::ReadingLevel::all())
        names.append(level.name());
    return names.join(QStringLiteral(", "));
}
} // namespace

FamilyCommands::FamilyCommands()
    : m_hero(QStringLiteral("hero"), tr("story new: the child profile (id or name) who is the story's hero."), tr("PROFILE"))
    , m_character(QStringLiteral("character"),
                  tr("story new: a character from the family cast by name, or a new one as \"Name: look\" (repeatable)."),
                  tr("NAME"))
    , m_lesson(QStringLiteral("lesson"), tr("story new: a lesson the story shows gently."), tr("TEXT"))
    , m_level(QStringLiteral("level"), tr("story new, profile add: reading level first-words, early-reader, developing or confident."),
              tr("LEVEL"))
    , m_pronouns(QStringLiteral("pronouns"), tr("profile add: she, he or they (她, 他)."), tr("WORD"))
    , m_likes(QStringLiteral("likes"), tr("profile add: favourite animals, colours and toys, separated by commas."), tr("LIST"))
    , m_friends(QStringLiteral("friends"), tr("profile add: friends' and siblings' names, separated by commas."), tr("LIST"))
    , m_years(QStringLiteral("years"), tr("profile add: the child's age in years."), tr("N"))
{
}

void FamilyCommands::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_hero, m_character, m_lesson, m_level, m_pronouns, m_likes, m_friends, m_years});
}

QString FamilyCommands::applyStoryOptions(const QCommandLineParser& parser, const QString& folder,
                                          Story::StorySettings& settings)
{
    if (parser.isSet(QStringLiteral("level"))) {
        const auto level = Story::ReadingLevel::fromName(parser.value(QStringLiteral("level")));
        if (!level)
            return tr("--level must be one of: %1.").arg(levelNames());
        settings.readingLevel = level->name();
    }
    settings.moral = parser.value(QStringLiteral("lesson")).trimmed();
    if (parser.isSet(QStringLiteral("hero"))) {
        Story::ProfileStore profiles(Story::ProfileStore::pathBeside(folder));
        if (const QString problem = profiles.load(); !problem.isEmpty())
            return problem;
        const auto profile = profiles.find(parser.value(QStringLiteral("hero")));
        if (!profile)
            return tr("There is no child profile “%1”; see storybook-cli profile list.").arg(parser.value(QStringLiteral("hero")));
        settings.hero = profile->asHero();
        if (settings.readingLevel.isEmpty() && Story::ReadingLevel::fromName(profile->readingLevel))
            settings.readingLevel = profile->readingLevel;
    }
    const QStringList characters = parser.values(QStringLiteral("character"));
    if (!characters.isEmpty()) {
        Story::FamilyCast cast(Story::FamilyCast::pathBeside(folder));
        (void)cast.load(); // a damaged file: typed characters still work
        for (const QString& wanted : characters) {
            if (settings.chosenCast.size() >= Story::Story::MaxCast)
                return tr("A story takes at most %1 characters.").arg(Story::Story::MaxCast);
            if (const auto known = cast.find(wanted)) {
                settings.chosenCast.append(known->asCastMember());
                continue;
            }
            const qsizetype colon = wanted.indexOf(u':');
            const QString name = (colon < 0 ? wanted : wanted.left(colon)).trimmed();
            if (name.isEmpty())
                return tr("--character needs a name, e.g. --character \"Poppy: a fox with a blue scarf\".");
            settings.chosenCast.append({name, colon < 0 ? QString() : wanted.mid(colon + 1).trimmed(), {}});
        }
    }
    return {};
}

int FamilyCommands::run(const QCommandLineParser& parser, const QString& command, const QStringList& arguments) const
{
    const QString folder = libraryFolder(parser);
    return command == QLatin1String("profile") ? profile(folder, parser, arguments) : cast(folder, arguments);
}

int FamilyCommands::profile(const QString& folder, const QCommandLineParser& parser, const QStringList& arguments) const
{
    Story::ProfileStore store(Story::ProfileStore::pathBeside(folder));
    const QString loadProblem = store.load();
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("list")) {
        if (!loadProblem.isEmpty())
            return reportProblem(Kind::InvalidOption, loadProblem);
        for (const Story::ChildProfile& p : store.profiles()) {
            QString line = p.id + u'\t' + p.name;
            if (p.age > 0)
                line += u'\t' + tr("age %1").arg(p.age);
            write(stdout, line + u'\n');
        }
        return 0;
    }
    if (sub == QLatin1String("add")) {
        Story::ChildProfile p;
        p.name = arguments.mid(1).join(u' ').trimmed();
        if (p.name.isEmpty())
            return usageError(tr("profile add needs a name, e.g. storybook-cli profile add Mia --years 5."));
        if (parser.isSet(m_years)) {
            bool ok = false;
            p.age = parser.value(m_years).toInt(&ok);
            if (!ok || p.age < 1 || p.age > 18)
                return usageError(tr("--years must be between 1 and 18."));
        }
        if (parser.isSet(m_level)) {
            const auto level = Story::ReadingLevel::fromName(parser.value(m_level));
            if (!level)
                return usageError(tr("--level must be one of: %1.").arg(levelNames()));
            p.readingLevel = level->name();
        }
        p.pronouns = parser.value(m_pronouns).trimmed();
        p.animals = commaList(parser.value(m_likes)); // favourites of any kind, as the parent listed them
        p.friends = commaList(parser.value(m_friends));
        if (const QString problem = store.add(p); !problem.isEmpty())
            return reportProblem(Kind::InvalidOption, problem);
        write(stdout, QStringLiteral("profile: %1\n").arg(p.id));
        return 0;
    }
    if (sub == QLatin1String("remove")) {
        const auto p = store.find(arguments.mid(1).join(u' '));
        if (arguments.size() < 2 || !p)
            return usageError(tr("profile remove needs the id or name of a profile (storybook-cli profile list)."));
        if (const QString problem = store.remove(p->id); !problem.isEmpty())
            return reportProblem(Kind::InvalidOption, problem);
        return 0;
    }
    return usageError(tr("profile needs a command: list, add or remove."));
}

int FamilyCommands::cast(const QString& folder, const QStringList& arguments) const
{
    Story::FamilyCast cast(Story::FamilyCast::pathBeside(folder));
    const QString loadProblem = cast.load();
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("list")) {
        if (!loadProblem.isEmpty())
            return reportProblem(Kind::InvalidOption, loadProblem);
        for (const Story::FamilyCharacter& c : cast.characters())
            write(stdout, c.id + u'\t' + c.name + u'\t' + c.look + u'\n');
        return 0;
    }
    if (sub == QLatin1String("remove")) {
        const auto c = cast.find(arguments.mid(1).join(u' '));
        if (arguments.size() < 2 || !c)
            return usageError(tr("cast remove needs the id or name of a character (storybook-cli cast list)."));
        if (const QString problem = cast.remove(c->id); !problem.isEmpty())
            return reportProblem(Kind::InvalidOption, problem);
        return 0;
    }
    return usageError(tr("cast needs a command: list or remove."));
}

} // namespace Storybook::Cli
