#include "storycommands.h"

#include "clioutput.h"
#include "connectionoptions.h"
#include "epubexporter.h"
#include "familycommands.h"
#include "interruptwatcher.h"
#include "library.h"
#include "illustrator.h"
#include "llmclient.h"
#include "narratecommand.h"
#include "pictureprompts.h"
#include "storyexporter.h"
#include "storygenerator.h"
#include "wordlist.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QProcessEnvironment>
#include <QSettings>
#include <QUrl>

namespace Storybook::Cli {

namespace {
using Kind = Llm::LlmError::Kind;

QStringList artStyleIds()
{
    QStringList ids;
    for (const Story::ArtStyle& style : Story::PicturePrompts::artStyles())
        ids.append(style.id);
    return ids;
}

void printInteraction(const Story::Page& page)
{
    if (page.ending) {
        write(stdout, QStringLiteral("\n%1\n").arg(StoryCommands::tr("The End")));
        return;
    }
    if (!page.interaction)
        return;
    const QString question = page.interaction->question.isEmpty() ? StoryCommands::tr("What happens next?")
                                                                   : page.interaction->question;
    write(stdout, u'\n' + question + u'\n');
    for (int i = 0; i < page.interaction->options.size(); ++i)
        write(stdout, QStringLiteral("%1. %2\n").arg(i + 1).arg(page.interaction->options.at(i)));
}

QJsonObject recordJson(const Story::StoryRecord& record)
{
    QJsonObject object{{QLatin1String("id"), record.id},
                       {QLatin1String("file"), record.fileName},
                       {QLatin1String("title"), record.title},
                       {QLatin1String("readable"), record.readable},
                       {QLatin1String("modified"), record.modified.toUTC().toString(Qt::ISODate)}};
    if (record.readable) {
        object.insert(QLatin1String("language"), record.language);
        object.insert(QLatin1String("pages"), record.pages);
        object.insert(QLatin1String("finished"), record.finished);
        object.insert(QLatin1String("created"), record.created.toUTC().toString(Qt::ISODate));
    } else {
        object.insert(QLatin1String("problem"), record.problem);
    }
    return object;
}
} // namespace

StoryCommands::StoryCommands()
    : m_pages(QStringLiteral("pages"), tr("story new: number of pages (default 8)."), tr("N"))
    , m_age(QStringLiteral("age"), tr("story new: age band 3-5, 6-8 or 9-12 (default 6-8)."), tr("BAND"))
    , m_language(QStringLiteral("language"), tr("story new: zh or en (default: the system language)."), tr("LANG"))
    , m_style(QStringLiteral("style"), tr("story new: style or tone, e.g. \"funny, rhyming\"."), tr("TEXT"))
    , m_readToMe(QStringLiteral("read-to-me"), tr("story new: keep going along the first answer to the end."))
    , m_library(QStringLiteral("library"), tr("The story library folder (default: STORYBOOK_LIBRARY, else the app's)."), tr("DIR"))
    , m_choice(QStringLiteral("choice"), tr("story continue: the number of a suggested answer."), tr("N"))
    , m_answer(QStringLiteral("answer"), tr("story continue: the child's own answer."), tr("TEXT"))
    , m_page(QStringLiteral("page"), tr("story show/regenerate/illustrate/versions/restore-version: a page number on the reading path."), tr("N"))
    , m_format(QStringLiteral("format"), tr("story export: md, html, pdf or epub; speak: mp3, opus, wav, pcm, flac or aac (default: the settings', else mp3)."), tr("FORMAT"))
    , m_output(QStringLiteral("output"), tr("story export, image: the file to write."), tr("FILE"))
    , m_allBranches(QStringLiteral("all-branches"), tr("story export: every branch, not only the reading path."))
    , m_pictures(QStringLiteral("pictures"), tr("story new: paint a picture for every page (the picture provider of the settings)."))
    , m_artStyle(QStringLiteral("art-style"), tr("story new: the pictures' art style: %1.").arg(artStyleIds().join(QStringLiteral(", "))),
                 tr("STYLE"))
    , m_pictureBaseUrl(QStringLiteral("picture-base-url"), tr("The picture provider's API base URL (default: the settings', else --base-url)."),
                       tr("URL"))
    , m_pictureModel(QStringLiteral("picture-model"), tr("The picture model (default: the settings')."), tr("NAME"))
{
}

Llm::ConnectionSettings StoryCommands::pictureSettings(const QCommandLineParser& parser, const QProcessEnvironment& environment,
                                                       const Llm::ConnectionSettings& text,
                                                       Llm::ConnectionSettings resolved) const
{
    if (parser.isSet(m_pictureBaseUrl))
        resolved.baseUrl = QUrl(parser.value(m_pictureBaseUrl).trimmed());
    if (parser.isSet(m_pictureModel))
        resolved.model = parser.value(m_pictureModel).trimmed();
    resolved.apiKey = roleKey(environment, QStringLiteral("STORYBOOK_PICTURE_API_KEY"), resolved, text);
    return resolved;
}

void StoryCommands::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_pages, m_age, m_language, m_style, m_readToMe, m_library, m_choice, m_answer, m_page, m_format,
                       m_output, m_allBranches, m_pictures, m_artStyle, m_pictureBaseUrl, m_pictureModel});
    NarrateCommand::addTo(parser);
}

int StoryCommands::run(QCoreApplication& app, const QCommandLineParser& parser, const QStringList& arguments,
                       const Llm::ConnectionSettings& connection, const Llm::ConnectionSettings& pictures,
                       InterruptWatcher& watcher) const
{
    if (arguments.isEmpty())
        return usageError(tr("story needs a command: new, continue, regenerate, illustrate, versions, restore-version, list, show, search, export, import, delete or restore."));
    const QString command = arguments.constFirst();
    const QStringList rest = arguments.mid(1);
    const bool json = parser.isSet(QStringLiteral("json"));

    Story::Library library(parser.isSet(m_library) ? parser.value(m_library) : Story::Library::defaultFolder());
    // A folder name that is not UTF-8 reaches us with U+FFFD in place of its bytes: it names another,
    // new folder. Better to say so than to start an empty library there.
    if (!QFileInfo::exists(library.folder()) && library.folder().contains(QChar::ReplacementCharacter))
        return reportProblem(Kind::InvalidOption, tr("The library folder “%1” cannot be opened: its name is not valid UTF-8.").arg(library.folder()),
                             tr("Rename the folder so that its name is valid UTF-8, or choose another with --library DIR."));
    if (!QFileInfo::exists(library.folder()))
        library.addSamples(); // a new library starts with something to read
    if (const QString problem = library.reload(); !problem.isEmpty())
        return reportProblem(Kind::InvalidOption, problem, tr("Choose another folder with --library DIR."));

    const auto needId = [&](const QString& what) -> QString {
        if (rest.size() != 1) {
            usageError(tr("story %1 needs one story id.").arg(what));
            return {};
        }
        return rest.constFirst();
    };
    const auto loadStory = [&](const QString& id, std::optional<Story::Story>* story) -> int {
        QString why;
        *story = library.load(id, &why);
        if (!*story)
            return reportProblem(Kind::InvalidOption, why, tr("See the ids with: storybook-cli story list"));
        return 0;
    };
    const auto pageOnPath = [&](const Story::Story& story, int* index) -> int {
        const auto pages = story.pathPages();
        *index = int(pages.size()) - 1;
        if (parser.isSet(m_page)) {
            bool ok = false;
            const int number = parser.value(m_page).toInt(&ok);
            if (!ok || number < 1 || number > pages.size())
                return usageError(tr("--page must be between 1 and %1.").arg(pages.size()));
            *index = number - 1;
        }
        return 0;
    };

    // Generation commands share one run of the event loop.
    // Pages (and, for an illustrated story, their pictures) share one run of the event loop; it ends
    // when the text is done and no picture is being painted. A failed picture is reported on stderr;
    // it fails the run only for `illustrate` (`picturesFail`).
    enum class Run { Text, PicturesOnly };
    const auto generate = [&](const std::function<QString(Generation::StoryGenerator&)>& start, Run run = Run::Text) -> int {
        const bool picturesFail = run == Run::PicturesOnly;
        Llm::LlmClient client(connection);
        Llm::LlmClient pictureClient(pictures);
        Generation::StoryGenerator generator(&client, &library);
        generator.setPictureClient(&pictureClient);
        QSettings appSettings;
        generator.setPicturePreferences(Generation::PicturePreferences::load(appSettings));
        int code = 0;
        int pictureCode = 0;
        bool textDone = false;
        QString doneStoryId;
        const auto exitWhenDone = [&] {
            if (textDone && !generator.isPaintingPictures()) {
                write(stdout, QStringLiteral("story: %1\n").arg(doneStoryId));
                QCoreApplication::exit(code != 0 ? code : pictureCode);
            }
        };
        QObject::connect(&generator, &Generation::StoryGenerator::pictureStarted, &app, [&](const QString&, const QString& pageId) {
            write(stderr, pageId.isEmpty() ? tr("Painting the characters…\n") : tr("Painting a picture…\n"));
        });
        QObject::connect(&generator, &Generation::StoryGenerator::pictureFailed, &app,
                         [&](const QString&, const QString&, const Llm::LlmError& error) {
                             const int failure = report(error);
                             if (picturesFail)
                                 pictureCode = failure;
                         });
        QObject::connect(&generator, &Generation::StoryGenerator::picturesIdle, &app, exitWhenDone);
        bool pagePrinted = false;
        QObject::connect(&generator, &Generation::StoryGenerator::pageStarted, &app, [&](const QString&, const QString&) {
            if (pagePrinted)
                write(stdout, QStringLiteral("\n\n"));
        });
        QObject::connect(&generator, &Generation::StoryGenerator::pageTextAppended, &app,
                         [&](const QString&, const QString&, const QString& text) { write(stdout, text); });
        QObject::connect(&generator, &Generation::StoryGenerator::pageFinished, &app, [&](const QString&, const QString& pageId) {
            pagePrinted = true;
            write(stdout, QStringLiteral("\n"));
            if (const Story::Page* page = generator.story()->page(pageId))
                printInteraction(*page);
        });
        QObject::connect(&generator, &Generation::StoryGenerator::failed, &app,
                         [&](const QString&, const QString&, const Llm::LlmError& error) {
                             write(stdout, QStringLiteral("\n"));
                             code = report(error);
                         });
        QObject::connect(&generator, &Generation::StoryGenerator::saveFailed, &app, [&](const QString& message) {
            code = reportProblem(Kind::Internal, message, tr("Check that the library folder is writable and the disk is not full."));
        });
        QObject::connect(&generator, &Generation::StoryGenerator::finished, &app, [&](const QString& storyId) {
            textDone = true;
            doneStoryId = storyId;
            exitWhenDone();
        });
        QObject::connect(&watcher, &InterruptWatcher::interrupted, &generator, [&] {
            generator.stop();
            if (generator.isPaintingPictures())
                QCoreApplication::exit(130); // a picture half painted is not kept
        });
        if (const QString problem = start(generator); !problem.isEmpty())
            return reportProblem(Kind::InvalidOption, problem, tr("See the story with: storybook-cli story show ID"));
        if (run == Run::PicturesOnly) {
            // No text to write: done when the pictures are (at once when none was missing).
            textDone = true;
            doneStoryId = generator.storyId();
            QMetaObject::invokeMethod(&app, exitWhenDone, Qt::QueuedConnection);
        }
        return app.exec();
    };

    if (command == QLatin1String("new")) {
        if (rest.isEmpty())
            return usageError(tr("story new needs an idea, e.g. storybook-cli story new \"a fox who is afraid of the dark\"."));
        Story::StorySettings settings;
        settings.idea = rest.join(u' ');
        settings.language = QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
        if (parser.isSet(m_language)) {
            const QString language = parser.value(m_language).toLower();
            if (language != QLatin1String("zh") && language != QLatin1String("en"))
                return usageError(tr("--language must be zh or en."));
            settings.language = language;
        }
        if (parser.isSet(m_pages)) {
            bool ok = false;
            settings.pageCount = parser.value(m_pages).toInt(&ok);
            if (!ok || settings.pageCount < 1 || settings.pageCount > 50)
                return usageError(tr("--pages must be between 1 and 50."));
        }
        if (parser.isSet(m_age)) {
            const QString age = parser.value(m_age);
            if (age != QLatin1String("3-5") && age != QLatin1String("6-8") && age != QLatin1String("9-12"))
                return usageError(tr("--age must be 3-5, 6-8 or 9-12."));
            settings.ageBand = age;
        }
        settings.style = parser.value(m_style);
        settings.readToMe = parser.isSet(m_readToMe);
        settings.pictures = parser.isSet(m_pictures) || parser.isSet(m_artStyle);
        settings.artStyle = QStringLiteral("watercolour");
        if (parser.isSet(m_artStyle)) {
            settings.artStyle = parser.value(m_artStyle).trimmed().toLower();
            if (!artStyleIds().contains(settings.artStyle))
                return usageError(tr("--art-style must be one of: %1.").arg(artStyleIds().join(QStringLiteral(", "))));
        }
        if (const QString problem = FamilyCommands::applyStoryOptions(parser, library.folder(), settings); !problem.isEmpty())
            return usageError(problem);
        // Words on the family word list are never sent (nothing is written; exit code 2).
        if (Story::WordList::check(settings.idea + u'\n' + settings.characters + u'\n' + settings.moral, settings.language))
            return reportProblem(Kind::InvalidOption, Story::WordList::ideaNeedsOtherWords());
        return generate([&settings](Generation::StoryGenerator& g) { return g.startNew(settings); });
    }
    if (command == QLatin1String("continue")) {
        const QString id = needId(QStringLiteral("continue"));
        if (id.isEmpty())
            return 2;
        if (parser.isSet(m_choice) == parser.isSet(m_answer))
            return usageError(tr("story continue needs either --choice N or --answer TEXT."));
        std::optional<Story::Story> story;
        if (const int code = loadStory(id, &story))
            return code;
        const auto path = story->pathPages();
        if (path.isEmpty())
            return reportProblem(Kind::InvalidOption, tr("The story has no pages."), tr("Write it again with: storybook-cli story regenerate ID"));
        const Story::Page* last = path.last();
        int choice = -1;
        if (parser.isSet(m_choice)) {
            bool ok = false;
            choice = parser.value(m_choice).toInt(&ok) - 1;
            const int count = last->interaction ? int(last->interaction->options.size()) : 0;
            if (!ok || choice < 0 || choice >= count)
                return usageError(count > 0 ? tr("--choice must be between 1 and %1.").arg(count)
                                            : tr("This page has no suggested answers; use --answer TEXT."));
        }
        const QString pageId = last->id;
        const QString own = parser.value(m_answer);
        if (Story::WordList::check(own, story->settings.language))
            return reportProblem(Kind::InvalidOption, Story::WordList::tryOtherWords(story->settings.language));
        return generate([&](Generation::StoryGenerator& g) { return g.answer(id, pageId, choice, own); });
    }
    if (command == QLatin1String("regenerate")) {
        const QString id = needId(QStringLiteral("regenerate"));
        if (id.isEmpty())
            return 2;
        std::optional<Story::Story> story;
        if (const int code = loadStory(id, &story))
            return code;
        int index = 0;
        if (const int code = pageOnPath(*story, &index))
            return code;
        if (index < 0)
            return reportProblem(Kind::InvalidOption, tr("The story has no pages."), tr("Start a new one with: storybook-cli story new IDEA"));
        const QString pageId = story->pathPages().at(index)->id;
        return generate([&](Generation::StoryGenerator& g) { return g.regenerate(id, pageId); });
    }
    if (command == QLatin1String("illustrate")) {
        // The pictures a story is missing, or (--page N) one page's picture again.
        const QString id = needId(QStringLiteral("illustrate"));
        if (id.isEmpty())
            return 2;
        std::optional<Story::Story> story;
        if (const int code = loadStory(id, &story))
            return code;
        QString pageId;
        if (parser.isSet(m_page)) {
            int index = 0;
            if (const int code = pageOnPath(*story, &index))
                return code;
            pageId = story->pathPages().at(index)->id;
        }
        if (!story->settings.pictures) {
            // Illustrating a text-only story makes it an illustrated one from now on.
            story->settings.pictures = true;
            if (story->settings.artStyle.isEmpty())
                story->settings.artStyle = QStringLiteral("watercolour");
            if (const QString problem = library.save(*story); !problem.isEmpty())
                return reportProblem(Kind::Internal, problem, tr("Check that the library folder is writable and the disk is not full."));
        }
        return generate(
            [&](Generation::StoryGenerator& g) {
                if (const QString problem = g.open(id); !problem.isEmpty())
                    return problem;
                return g.paintPicture(id, pageId);
            },
            Run::PicturesOnly);
    }
    if (command == QLatin1String("narrate"))
        return NarrateCommand::run(app, parser, library, needId(QStringLiteral("narrate")), connection, watcher);
    if (command == QLatin1String("versions") || command == QLatin1String("restore-version")) {
        // Earlier versions of a page on the reading path, numbered 1… oldest first (as `versions` lists them).
        const bool restore = command == QLatin1String("restore-version");
        if (rest.size() != (restore ? 2 : 1))
            return usageError(restore ? tr("story restore-version needs a story id and a version number (see: story versions ID --page N).")
                                      : tr("story versions needs one story id."));
        const QString id = rest.constFirst();
        std::optional<Story::Story> story;
        if (const int code = loadStory(id, &story))
            return code;
        int index = 0;
        if (const int code = pageOnPath(*story, &index))
            return code;
        if (index < 0)
            return reportProblem(Kind::InvalidOption, tr("The story has no pages."), tr("Start a new one with: storybook-cli story new IDEA"));
        const Story::Page& page = *story->pathPages().at(index);
        if (restore) {
            bool ok = false;
            const int number = rest.at(1).toInt(&ok);
            if (!ok || number < 1 || number > page.previousVersions.size())
                return page.previousVersions.isEmpty()
                           ? reportProblem(Kind::InvalidOption, tr("This page has no earlier versions."), QString())
                           : usageError(tr("The version must be between 1 and %1.").arg(page.previousVersions.size()));
            Generation::StoryGenerator generator(nullptr, &library);
            if (const QString problem = generator.restoreVersion(id, page.id, number - 1); !problem.isEmpty())
                return reportProblem(Kind::Internal, problem, tr("Check that the library folder is writable and the disk is not full."));
            write(stdout, tr("Version %1 of page %2 is shown again; the version it replaced is kept.\n").arg(number).arg(index + 1));
            return 0;
        }
        QJsonArray array;
        for (qsizetype i = 0; i < page.previousVersions.size(); ++i) {
            const Story::PageVersion& version = page.previousVersions.at(i);
            const qsizetype branches = version.number == page.version ? 0 : story->childrenOfVersion(page.id, version.number).size();
            if (json) {
                QJsonObject object{{QLatin1String("version"), int(i + 1)},
                                   {QLatin1String("replaced"), version.replaced.toUTC().toString(Qt::ISODate)},
                                   {QLatin1String("text"), version.text},
                                   {QLatin1String("ending"), version.ending},
                                   {QLatin1String("branches"), int(branches)}};
                if (version.interaction) {
                    object.insert(QLatin1String("question"), version.interaction->question);
                    object.insert(QLatin1String("options"), QJsonArray::fromStringList(version.interaction->options));
                }
                array.append(object);
                continue;
            }
            write(stdout, QStringLiteral("— %1 — %2\n").arg(i + 1).arg(version.replaced.isValid()
                                                                     ? version.replaced.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                                                     : QString()));
            write(stdout, version.text + u'\n');
            if (version.interaction && !version.ending) {
                if (!version.interaction->question.isEmpty())
                    write(stdout, version.interaction->question + u'\n');
                for (qsizetype o = 0; o < version.interaction->options.size(); ++o)
                    write(stdout, QStringLiteral("%1. %2\n").arg(o + 1).arg(version.interaction->options.at(o)));
            }
            if (branches > 0)
                write(stdout, tr("%n page(s) written after this version.", nullptr, int(branches)) + u'\n');
            write(stdout, QStringLiteral("\n"));
        }
        if (json)
            write(stdout, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        else if (page.previousVersions.isEmpty())
            write(stdout, tr("This page has no earlier versions.") + u'\n');
        return 0;
    }
    if (command == QLatin1String("list")) {
        QJsonArray array;
        for (const Story::StoryRecord& record : library.records()) {
            if (json) {
                array.append(recordJson(record));
                continue;
            }
            if (record.readable)
                write(stdout, QStringLiteral("%1  %2  %3  %4  %5\n")
                                  .arg(record.id, record.modified.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                       tr("%n page(s)", nullptr, record.pages), record.language, record.title));
            else
                write(stdout, QStringLiteral("%1  %2\n").arg(record.fileName, tr("unreadable: %1").arg(record.problem)));
        }
        if (json)
            write(stdout, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return 0;
    }
    if (command == QLatin1String("show")) {
        const QString id = needId(QStringLiteral("show"));
        if (id.isEmpty())
            return 2;
        std::optional<Story::Story> story;
        if (const int code = loadStory(id, &story))
            return code;
        int index = 0;
        if (const int code = pageOnPath(*story, &index))
            return code;
        const auto pages = story->pathPages();
        if (json) {
            const QJsonObject full = story->toJson();
            if (parser.isSet(m_page)) {
                for (const QJsonValue& page : full.value(QLatin1String("pages")).toArray()) {
                    if (page.toObject().value(QLatin1String("id")).toString() == pages.at(index)->id)
                        write(stdout, QString::fromUtf8(QJsonDocument(page.toObject()).toJson(QJsonDocument::Indented)));
                }
            } else {
                write(stdout, QString::fromUtf8(QJsonDocument(full).toJson(QJsonDocument::Indented)));
            }
            return 0;
        }
        const int from = parser.isSet(m_page) ? index : 0;
        const int to = parser.isSet(m_page) ? index : int(pages.size()) - 1;
        if (!parser.isSet(m_page))
            write(stdout, story->title + QStringLiteral("\n\n"));
        for (int i = from; i <= to && i >= 0; ++i) {
            const Story::Page* page = pages.at(i);
            write(stdout, QStringLiteral("— %1 / %2 —\n").arg(i + 1).arg(std::max<qsizetype>(pages.size(), story->settings.pageCount)));
            if (page->isDraft())
                write(stdout, QStringLiteral("[%1] %2\n").arg(tr("unfinished page"), Story::Story::draftReasonText(*page)));
            write(stdout, page->text + u'\n');
            if (i + 1 < pages.size())
                write(stdout, QStringLiteral("→ %1\n\n").arg(pages.at(i + 1)->answer));
            else
                printInteraction(*page);
        }
        return 0;
    }
    if (command == QLatin1String("search")) {
        if (rest.isEmpty())
            return usageError(tr("story search needs words to look for."));
        for (const QString& id : library.search(rest.join(u' ')))
            write(stdout, QStringLiteral("%1  %2\n").arg(id, library.record(id)->title));
        return 0;
    }
    if (command == QLatin1String("export")) {
        const QString id = needId(QStringLiteral("export"));
        if (id.isEmpty())
            return 2;
        const auto format = Story::exportFormatFromName(parser.value(m_format));
        const bool epub = parser.value(m_format).compare(QLatin1String("epub"), Qt::CaseInsensitive) == 0; // src/export
        if ((!format && !epub) || !parser.isSet(m_output))
            return usageError(tr("story export needs --format md|html|pdf|epub and --output FILE."));
        std::optional<Story::Story> story;
        if (const int code = loadStory(id, &story))
            return code;
        Story::ExportOptions options;
        options.allBranches = parser.isSet(m_allBranches);
        const QString output = parser.value(m_output);
        const QString problem = epub ? Export::exportEpub(*story, output, {options.allBranches, {}})
                                     : Story::exportToFile(*story, *format, output, options);
        if (!problem.isEmpty())
            return reportProblem(Kind::Internal, problem, tr("Check the output path and the free disk space."));
        write(stdout, output + u'\n');
        return 0;
    }
    if (command == QLatin1String("import")) {
        if (rest.size() != 1)
            return usageError(tr("story import needs one .storybook file."));
        QString why;
        const std::optional<QString> id = library.import(rest.constFirst(), &why);
        if (!id)
            return reportProblem(Kind::InvalidOption, why, tr("Give the path of a .storybook file."));
        write(stdout, QStringLiteral("story: %1\n").arg(*id));
        return 0;
    }
    if (command == QLatin1String("delete") || command == QLatin1String("restore")) {
        const QString id = needId(command);
        if (id.isEmpty())
            return 2;
        const bool remove = command == QLatin1String("delete");
        if (const QString problem = remove ? library.trash(id) : library.restore(id); !problem.isEmpty())
            return reportProblem(Kind::InvalidOption, problem, tr("See the ids with: storybook-cli story list"));
        if (remove)
            write(stdout, tr("Moved to the trash. Undo with: storybook-cli story restore %1").arg(id) + u'\n');
        return 0;
    }
    return usageError(tr("unknown story command “%1”.").arg(command));
}

} // namespace Storybook::Cli
