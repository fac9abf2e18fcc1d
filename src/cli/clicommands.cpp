#include "clicommands.h"

#include "chatjob.h"
#include "clioutput.h"
#include "connectionoptions.h"
#include "atomicfile.h"
#include "diagnostics.h"
#include "imagejob.h"
#include "interruptwatcher.h"
#include "llmclient.h"
#include "logsink.h"
#include "modelsjob.h"
#include "speakcommand.h"
#include "voicesettings.h"
#include "familycommands.h"
#include "storycommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>

#include <cstdio>
#include <memory>

namespace Storybook::Cli {

namespace {
using Llm::LlmError;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Cli::Commands)
};

int chat(QCoreApplication& app, Llm::LlmClient& client, InterruptWatcher& watcher, const QString& prompt,
         const QString& system, bool stream, bool showReasoning)
{
    Llm::ChatRequest request;
    if (!system.isEmpty())
        request.messages.append({QStringLiteral("system"), system});
    request.messages.append({QStringLiteral("user"), prompt});
    request.stream = stream;
    Llm::ChatJob* job = client.chat(request);
    bool endsWithNewline = true;
    QObject::connect(job, &Llm::ChatJob::contentDelta, &app, [&endsWithNewline](const QString& text) {
        write(stdout, text);
        endsWithNewline = text.endsWith(u'\n');
    });
    if (showReasoning)
        QObject::connect(job, &Llm::ChatJob::reasoningDelta, &app, [](const QString& text) { write(stderr, text); });
    return runJob(app, job, watcher, [&endsWithNewline](Llm::RequestJob* finished) {
        auto* chatJob = static_cast<Llm::ChatJob*>(finished);
        if (!endsWithNewline)
            write(stdout, QStringLiteral("\n"));
        if (chatJob->error().isError())
            return report(chatJob->error());
        const QString reason = chatJob->result().finishReason;
        if (reason == QLatin1String("length"))
            write(stderr, QStringLiteral("note: %1\n").arg(Tr::tr("The answer was cut off because it reached the model's length limit.")));
        else if (reason == QLatin1String("content_filter"))
            write(stderr, QStringLiteral("note: %1\n").arg(Tr::tr("The provider's content filter stopped the answer.")));
        return 0;
    });
}

int models(QCoreApplication& app, Llm::LlmClient& client, InterruptWatcher& watcher)
{
    Llm::ModelsJob* job = client.listModels();
    return runJob(app, job, watcher, [](Llm::RequestJob* finished) {
        auto* modelsJob = static_cast<Llm::ModelsJob*>(finished);
        if (modelsJob->error().isError())
            return report(modelsJob->error());
        for (const QString& model : modelsJob->models())
            write(stdout, model + u'\n');
        return 0;
    });
}

// The output path with the extension the picture's type asks for (see pathWithExtension()).
QString outputPathFor(const QString& requested, Llm::ImageFormat format, bool* changed)
{
    return pathWithExtension(requested, Llm::fileExtensionOf(format),
                             format == Llm::ImageFormat::Jpeg ? QStringList{QStringLiteral("jpeg")} : QStringList(), changed);
}

int image(QCoreApplication& app, Llm::LlmClient& client, InterruptWatcher& watcher, const QString& prompt,
          const QString& output, const QString& size, const QString& quality, const QStringList& referencePaths)
{
    Llm::ImageRequest request;
    request.prompt = prompt;
    request.size = size;
    request.quality = quality;
    for (const QString& path : referencePaths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return reportProblem(LlmError::Kind::InvalidOption,
                                 Tr::tr("The reference picture “%1” cannot be read: %2").arg(path, file.errorString()),
                                 Tr::tr("Check the path given to --reference."));
        request.references.append({file.readAll(), QFileInfo(path).fileName()});
    }
    Llm::ImageJob* job = client.image(request);
    return runJob(app, job, watcher, [output](Llm::RequestJob* finished) {
        auto* imageJob = static_cast<Llm::ImageJob*>(finished);
        if (imageJob->error().isError())
            return report(imageJob->error());
        const Llm::ImageResult& result = imageJob->result();
        bool changed = false;
        const QString path = outputPathFor(output, result.format(), &changed);
        if (changed)
            write(stderr, QStringLiteral("note: %1\n")
                              .arg(Tr::tr("The provider sent a %1 picture; it is written to %2 instead of %3.")
                                       .arg(result.mimeType, path, output)));
        if (const QString why = AtomicFile::write(path, result.bytes); !why.isEmpty())
            return reportProblem(LlmError::Kind::Internal, Tr::tr("The picture could not be written to “%1”: %2").arg(path, why),
                                 Tr::tr("Check that the folder exists and can be written to."));
        write(stdout, path + u'\n');
        if (!result.revisedPrompt.isEmpty())
            write(stderr, QStringLiteral("note: %1\n").arg(Tr::tr("The provider painted from its own wording: %1").arg(result.revisedPrompt)));
        return 0;
    });
}

int diagnose(QCoreApplication& app, Llm::LlmClient& client, InterruptWatcher& watcher, bool json, Llm::Diagnostics::Check check,
             const Llm::VoiceSettings& voice)
{
    Llm::Diagnostics diagnostics(&client, nullptr, check);
    diagnostics.setVoice(voice);
    int code = 1;
    bool interrupted = false;
    QObject::connect(&watcher, &InterruptWatcher::interrupted, &diagnostics, [&] {
        interrupted = true;
        diagnostics.cancel();
        QCoreApplication::exit(report(Llm::makeError(LlmError::Kind::Cancelled)));
    });
    if (!json) {
        QObject::connect(&diagnostics, &Llm::Diagnostics::stageChanged, &app,
                         [](int, const Llm::DiagnosticStage& stage) {
                             using Status = Llm::DiagnosticStage::Status;
                             if (stage.status == Status::Running || stage.status == Status::Pending)
                                 return;
                             const QString mark = stage.status == Status::Ok       ? QStringLiteral("ok     ")
                                                  : stage.status == Status::Failed ? QStringLiteral("FAILED ")
                                                                                   : QStringLiteral("skipped");
                             write(stdout, QStringLiteral("%1  %2 (%3 ms): %4\n").arg(mark, stage.title).arg(stage.ms).arg(stage.detail));
                         });
    }
    QObject::connect(&diagnostics, &Llm::Diagnostics::finished, &app, [&](const Llm::DiagnosticsReport& result) {
        if (json) {
            write(stdout, QString::fromUtf8(result.toJson()));
        } else {
            write(stdout, Tr::tr("Effective proxy: %1").arg(result.effectiveProxy) + u'\n');
            write(stdout, Tr::tr("Verdict: %1").arg(result.verdict) + u'\n');
            if (!result.hint.isEmpty())
                write(stdout, Tr::tr("What to do: %1").arg(result.hint) + u'\n');
        }
        code = 0;
        for (const Llm::DiagnosticStage& stage : result.stages) {
            if (stage.status == Llm::DiagnosticStage::Status::Failed) {
                code = LlmError::exitCode(stage.error.isError() ? stage.error.category() : LlmError::Category::Internal);
                break;
            }
        }
        QCoreApplication::exit(code);
    });
    diagnostics.start();
    const int loopCode = app.exec();
    return interrupted ? loopCode : code;
}
// "diagnose --voice" names the voice check: "--voice" without a value after it becomes --voice-check.
QStringList voiceCheckArguments(QStringList arguments)
{
    if (!arguments.contains(QLatin1String("diagnose")))
        return arguments;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--voice")
            && (i + 1 == arguments.size() || arguments.at(i + 1).startsWith(QLatin1String("--"))))
            arguments[i] = QStringLiteral("--voice-check");
    }
    return arguments;
}
} // namespace

int run(QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Interactive Storybook command-line tool: talk to an OpenAI-compatible API the way the app does.\n\n"
               "Commands:\n"
               "  chat [--no-stream] [--system TEXT] PROMPT   stream a reply to stdout\n"
               "  models                                      list the server's model ids\n"
               "  diagnose [--json] [--picture | --voice]     check configuration, proxy, DNS, TLS, key and model;\n"
               "                                              --picture: the picture provider, painting one small\n"
               "                                              picture (it costs as much as one picture); --voice: the\n"
               "                                              speech provider, speaking one short sentence\n"
               "  image PROMPT --output FILE [--size WxH] [--quality Q] [--reference FILE]...\n"
               "                                              paint one picture with the picture provider and write\n"
               "                                              the provider's bytes to FILE (.png/.jpg/.webp as sent)\n"
               "  speak TEXT --output FILE [--voice V] [--format mp3|opus|wav|pcm|flac|aac] [--speed S]\n"
               "        [--instructions STYLE]                speak TEXT with the speech provider (key from\n"
               "                                              STORYBOOK_SPEECH_API_KEY) and write the audio to FILE\n"
               "  story new [--pages N] [--age BAND] [--language zh|en] [--style TEXT] [--read-to-me] IDEA\n"
               "        [--hero PROFILE] [--character NAME|\"Name: look\"]... [--lesson TEXT] [--level LEVEL]\n"
               "  profile list | add NAME [--years N] [--pronouns P] [--likes A,B] [--friends X,Y] [--level L]\n"
               "        | remove ID|NAME               child profiles, kept on this computer only\n"
               "  cast list | remove ID|NAME          the family cast (saved from stories in the app)\n"
               "  story continue ID (--choice N | --answer TEXT)\n"
               "  story regenerate ID [--page N]\n"
               "  story illustrate ID [--page N]   (story new --pictures [--art-style S]: an illustrated story)\n"
               "  story narrate ID [--page N] [--voice V] [--format F] [--again]   narration from the speech provider\n"
               "  story versions ID [--page N] [--json] | restore-version ID VERSION [--page N]\n"
               "  story list [--json] | show ID [--json] [--page N] | search TEXT\n"
               "  story export ID --format md|html|pdf --output FILE [--all-branches]\n"
               "  story import FILE | delete ID | restore ID\n\n"
               "Exit codes: 0 ok, 1 internal, 2 usage/configuration, 3 network/DNS/TLS, 4 proxy, 5 API/HTTP, "
               "6 timeout, 7 bad response, 130 interrupted."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), Tr::tr("chat, models, diagnose, image, speak or story"));
    ConnectionOptions connection;
    connection.addTo(parser);
    StoryCommands story;
    story.addTo(parser);
    FamilyCommands family; // profile, cast; story new --hero/--character/--lesson/--level
    family.addTo(parser);
    const QCommandLineOption noStream(QStringLiteral("no-stream"), Tr::tr("chat: ask for the whole reply at once."));
    const QCommandLineOption system(QStringLiteral("system"), Tr::tr("chat: a system prompt."), Tr::tr("TEXT"));
    const QCommandLineOption showReasoning(QStringLiteral("show-reasoning"), Tr::tr("chat: print the model's reasoning to stderr."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("diagnose, story list/show: print JSON."));
    const QCommandLineOption verbose(QStringLiteral("verbose"), Tr::tr("Log what happens to stderr."));
    const QCommandLineOption logFile(QStringLiteral("log-file"), Tr::tr("Also write the log to FILE (secrets removed)."), Tr::tr("FILE"));
    const QString output = QStringLiteral("output"); // shared with story export (StoryCommands adds it)
    const QCommandLineOption size(QStringLiteral("size"), Tr::tr("image: the picture size, e.g. 1024x1024 (default: the provider's)."),
                                  Tr::tr("WxH"));
    const QCommandLineOption quality(QStringLiteral("quality"), Tr::tr("image: low, medium, high, standard or hd (default: the provider's)."),
                                     Tr::tr("Q"));
    const QCommandLineOption reference(QStringLiteral("reference"),
                                       Tr::tr("image: a picture (PNG, JPEG or WebP) to paint from, e.g. a character sheet; may be repeated."),
                                       Tr::tr("FILE"));
    const QCommandLineOption picture(QStringLiteral("picture"),
                                     Tr::tr("diagnose: check the picture provider by painting one small picture (it may cost money)."));
    // diagnose --voice is a flag, while speak --voice takes a value: for diagnose the flag is read as
    // this hidden option (see voiceCheckArguments()).
    QCommandLineOption voiceCheck(QStringLiteral("voice-check"),
                                  Tr::tr("diagnose: check the speech provider by speaking one short sentence (it may cost money)."));
    voiceCheck.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({noStream, system, showReasoning, json, verbose, logFile, size, quality, reference, picture, voiceCheck});
    SpeakCommand speak;
    speak.addTo(parser);

    if (!parser.parse(voiceCheckArguments(QCoreApplication::arguments())))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        write(stdout, parser.helpText());
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        write(stdout, QStringLiteral("storybook-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty())
        return usageError(Tr::tr("a command is needed: chat, models, diagnose, image, speak or story."));
    const QString command = arguments.constFirst();
    if (command == QLatin1String("profile") || command == QLatin1String("cast")) // on this computer only: no provider
        return family.run(parser, command, arguments.mid(1));

    if (!parser.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("storybook.*=false\nqt.*=false"));
    LogSink::Options logOptions;
    logOptions.filePath = parser.value(logFile);
    logOptions.toStderr = true;
    LogSink sink(logOptions);

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    LlmError error;
    // The picture provider is separate from the text provider (its own base URL, model and timeouts).
    const bool pictures = command == QLatin1String("image") || (command == QLatin1String("diagnose") && parser.isSet(picture));
    // So is the speech provider (speak, diagnose --voice), with its own key.
    const bool speech = command == QLatin1String("speak") || (command == QLatin1String("diagnose") && parser.isSet(voiceCheck));
    const Llm::ConnectionSettings::Role role = pictures ? Llm::ConnectionSettings::Role::Pictures
                                               : speech ? Llm::ConnectionSettings::Role::Speech
                                                        : Llm::ConnectionSettings::Role::Text;
    Llm::ConnectionSettings settings = connection.resolve(parser, environment, &error, role);
    if (speech && !error.isError()) {
        LlmError textError;
        settings = SpeakCommand::speechSettings(environment, connection.resolve(parser, environment, &textError), settings);
    }
    sink.addSecret(settings.apiKey);
    sink.addSecret(settings.proxy.password);
    if (error.isError())
        return report(error);

    Llm::LlmClient client(settings);
    InterruptWatcher watcher;

    if (command == QLatin1String("chat")) {
        QString prompt = arguments.mid(1).join(u' ');
        if (prompt.isEmpty())
            return usageError(Tr::tr("chat needs a prompt, e.g. storybook-cli chat \"Tell me a story\"."));
        return chat(app, client, watcher, prompt, parser.value(system), !parser.isSet(noStream), parser.isSet(showReasoning));
    }
    if (command == QLatin1String("models")) {
        if (arguments.size() > 1)
            return usageError(Tr::tr("models takes no arguments."));
        return models(app, client, watcher);
    }
    if (command == QLatin1String("diagnose")) {
        if (arguments.size() > 1)
            return usageError(Tr::tr("diagnose takes no arguments."));
        if (parser.isSet(picture) && parser.isSet(voiceCheck))
            return usageError(Tr::tr("diagnose checks one provider at a time: --picture or --voice."));
        const Llm::Diagnostics::Check check = parser.isSet(picture)      ? Llm::Diagnostics::Check::Picture
                                              : parser.isSet(voiceCheck) ? Llm::Diagnostics::Check::Voice
                                                                         : Llm::Diagnostics::Check::Chat;
        const QString file = connection.settingsFile(parser);
        std::unique_ptr<QSettings> stored = file.isEmpty() ? std::make_unique<QSettings>()
                                                           : std::make_unique<QSettings>(file, QSettings::IniFormat);
        Llm::VoiceSettings voice = Llm::VoiceSettings::load(*stored);
        if (parser.isSet(QStringLiteral("voice")))
            voice.voice = parser.value(QStringLiteral("voice"));
        return diagnose(app, client, watcher, parser.isSet(json), check, voice);
    }
    if (command == QLatin1String("image")) {
        const QString prompt = arguments.mid(1).join(u' ');
        if (prompt.trimmed().isEmpty())
            return usageError(Tr::tr("image needs a prompt, e.g. storybook-cli image \"A fox with a lantern\" --output fox.png."));
        if (!parser.isSet(output) || parser.value(output).isEmpty())
            return usageError(Tr::tr("image needs --output FILE."));
        return image(app, client, watcher, prompt, parser.value(output), parser.value(size), parser.value(quality),
                     parser.values(reference));
    }
    if (command == QLatin1String("speak"))
        return speak.run(app, parser, connection, arguments.mid(1), client, watcher);
    if (command == QLatin1String("story")) {
        LlmError pictureError;
        const Llm::ConnectionSettings pictureSettings = story.pictureSettings(
            parser, environment, settings,
            connection.resolve(parser, environment, &pictureError, Llm::ConnectionSettings::Role::Pictures));
        sink.addSecret(pictureSettings.apiKey);
        return story.run(app, parser, arguments.mid(1), settings, pictureSettings, watcher);
    }
    return usageError(Tr::tr("unknown command “%1”; use chat, models, diagnose, image, speak or story.").arg(command));
}

} // namespace Storybook::Cli
