#include "narratecommand.h"

#include "clioutput.h"
#include "connectionoptions.h"
#include "interruptwatcher.h"
#include "library.h"
#include "llmclient.h"
#include "narrationmaker.h"
#include "speakcommand.h"
#include "storygenerator.h"
#include "voicesettings.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QMetaObject>
#include <QProcessEnvironment>
#include <QSettings>

#include <memory>
#include <optional>

namespace Storybook::Cli {

namespace {
using Kind = Llm::LlmError::Kind;
const auto AgainOption = QStringLiteral("again");
} // namespace

void NarrateCommand::addTo(QCommandLineParser& parser)
{
    parser.addOption(QCommandLineOption(AgainOption, tr("story narrate: speak every sentence again, also those narrated before.")));
}

int NarrateCommand::run(QCoreApplication& app, const QCommandLineParser& parser, Story::Library& library, const QString& storyId,
                        const Llm::ConnectionSettings& text, InterruptWatcher& watcher)
{
    if (storyId.isEmpty())
        return 2; // needId() said why
    // The speech provider: the speech role of the settings with the shared options, its own key.
    const ConnectionOptions options;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    Llm::LlmError error;
    Llm::ConnectionSettings speech = options.resolve(parser, environment, &error, Llm::ConnectionSettings::Role::Speech);
    if (error.isError())
        return report(error);
    speech = SpeakCommand::speechSettings(environment, text, speech);

    const QString file = options.settingsFile(parser);
    std::unique_ptr<QSettings> stored = file.isEmpty() ? std::make_unique<QSettings>()
                                                       : std::make_unique<QSettings>(file, QSettings::IniFormat);
    Llm::VoiceSettings voice = Llm::VoiceSettings::load(*stored);
    if (parser.isSet(QStringLiteral("voice")))
        voice.voice = parser.value(QStringLiteral("voice")).trimmed();
    if (const QString format = QStringLiteral("format"); parser.isSet(format)) {
        voice.format = Llm::audioFormatFromName(parser.value(format));
        if (voice.format == Llm::AudioFormat::Unknown)
            return usageError(tr("--format for story narrate is mp3, opus, wav, pcm, flac or aac, not “%1”.").arg(parser.value(format)));
    }
    if (voice.voice.isEmpty())
        return usageError(tr("story narrate needs a voice: --voice V, or one set in the settings."));

    Llm::LlmClient textClient(text); // the generator's own; nothing is written here
    Generation::StoryGenerator generator(&textClient, &library);
    if (const QString problem = generator.open(storyId); !problem.isEmpty())
        return reportProblem(Kind::InvalidOption, problem, tr("See the ids with: storybook-cli story list"));
    const std::shared_ptr<const Story::Story> story = generator.story();
    QList<const Story::Page*> pages;
    for (const Story::Page* page : story->pathPages()) {
        if (!page->isDraft())
            pages.append(page);
    }
    if (parser.isSet(QStringLiteral("page"))) {
        const auto path = story->pathPages();
        bool ok = false;
        const int number = parser.value(QStringLiteral("page")).toInt(&ok);
        if (!ok || number < 1 || number > path.size())
            return usageError(tr("--page must be between 1 and %1.").arg(path.size()));
        if (path.at(number - 1)->isDraft())
            return reportProblem(Kind::InvalidOption, tr("Page %1 is not finished; only finished pages are narrated.").arg(number),
                                 tr("Write it first: storybook-cli story regenerate ID --page N"));
        pages = {path.at(number - 1)};
    }

    Llm::LlmClient client(speech);
    Generation::NarrationMaker maker(&client, voice, [&generator] { return generator.story(); });
    int code = 0;
    int spoken = 0;
    int failed = 0;
    QObject::connect(&maker, &Generation::NarrationMaker::clipReady, &app,
                     [&](const QString& id, const QString& pageId, const Story::Narration& narration,
                         const QHash<QString, QByteArray>& bytes) {
                         const QString problem = generator.storeNarration(id, pageId, narration, bytes,
                                                                          Generation::StoryGenerator::NarrationStore::Merge);
                         if (!problem.isEmpty()) {
                             const int failure = reportProblem(Kind::Internal, problem);
                             if (code == 0)
                                 code = failure;
                             return;
                         }
                         ++spoken;
                         write(stderr, tr("spoken: %1\n").arg(narration.clips.value(0).text));
                     });
    QObject::connect(&maker, &Generation::NarrationMaker::partFailed, &app,
                     [&](const QString&, const QString&, const QString& part, const Llm::LlmError& failure) {
                         ++failed;
                         write(stderr, tr("not spoken: %1\n").arg(part));
                         const int failureCode = report(failure);
                         if (code == 0)
                             code = failureCode;
                     });
    QObject::connect(&generator, &Generation::StoryGenerator::saveFailed, &app, [&](const QString& message) {
        const int failure = reportProblem(Kind::Internal, message, tr("Check that the library folder is writable and the disk is not full."));
        if (code == 0)
            code = failure;
    });
    bool interrupted = false;
    QObject::connect(&watcher, &InterruptWatcher::interrupted, &app, [&] {
        interrupted = true;
        maker.cancel();
        QCoreApplication::exit(130);
    });
    QObject::connect(&maker, &Generation::NarrationMaker::idle, &app, [] { QCoreApplication::exit(0); });

    const bool again = parser.isSet(AgainOption);
    int number = 0;
    for (const Story::Page* page : std::as_const(pages)) {
        ++number;
        maker.request(story->id, page->id, again);
        if (maker.isPending(story->id, page->id))
            write(stderr, tr("Narrating page %1 of %2…\n").arg(number).arg(pages.size()));
    }
    if (maker.isBusy())
        app.exec();
    generator.waitForSaves();
    if (interrupted)
        return 130;
    if (spoken == 0 && failed == 0)
        write(stderr, tr("Every sentence is narrated already (--again speaks them anew).\n"));
    else
        write(stderr, tr("%n sentence(s) spoken; not spoken: %1.\n", nullptr, spoken).arg(failed));
    write(stdout, QStringLiteral("story: %1\n").arg(story->id));
    return code;
}

} // namespace Storybook::Cli
