#include "speakcommand.h"

#include "atomicfile.h"
#include "clioutput.h"
#include "connectionoptions.h"
#include "interruptwatcher.h"
#include "llmclient.h"
#include "speechjob.h"
#include "voicesettings.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

#include <memory>

namespace Storybook::Cli {

using Llm::LlmError;

namespace {
struct OutputFile
{
    QString path;
    QByteArray bytes;
};

// The files the parts become (see SpeakCommand).
QList<OutputFile> outputFiles(const QString& path, const Llm::SpeechResult& result)
{
    QList<QByteArray> bytes;
    for (const Llm::SpeechPart& part : result.parts)
        bytes.append(part.bytes);
    if (bytes.size() == 1)
        return {{path, bytes.constFirst()}};
    if (result.format == Llm::AudioFormat::Wav) {
        if (const auto joined = Llm::joinWav(bytes))
            return {{path, *joined}};
    } else if (Llm::concatenates(result.format)) {
        QByteArray all;
        for (const QByteArray& part : std::as_const(bytes))
            all.append(part);
        return {{path, all}};
    }
    const QFileInfo info(path);
    const QString stem = info.suffix().isEmpty() ? path : path.left(path.size() - info.suffix().size() - 1);
    QList<OutputFile> files;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        files.append({QStringLiteral("%1-%2.%3").arg(stem).arg(i + 1).arg(info.suffix()), bytes.at(i)});
    return files;
}
} // namespace

SpeakCommand::SpeakCommand()
    : m_voice(QStringLiteral("voice"), tr("speak: the voice, e.g. alloy or FunAudioLLM/CosyVoice2-0.5B:alex (default: the settings', else alloy)."),
              tr("V"))
    , m_speed(QStringLiteral("speed"), tr("speak: 0.25 to 4, 1 is normal (default: the settings')."), tr("S"))
    , m_instructions(QStringLiteral("instructions"),
                     tr("speak: a speaking style, e.g. \"a warm, calm bedtime voice\" (models that take one, e.g. gpt-4o-mini-tts)."),
                     tr("TEXT"))
{
}

void SpeakCommand::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_voice, m_speed, m_instructions});
    // --format is shared with story export (StoryCommands adds it and names both uses).
}

Llm::ConnectionSettings SpeakCommand::speechSettings(const QProcessEnvironment& environment, const Llm::ConnectionSettings& text,
                                                     Llm::ConnectionSettings resolved)
{
    resolved.apiKey = roleKey(environment, QString::fromLatin1(Llm::VoiceSettings::KeyEnvironmentVariable), resolved, text);
    return resolved;
}

int SpeakCommand::run(QCoreApplication& app, const QCommandLineParser& parser, const ConnectionOptions& connection,
                      const QStringList& arguments, Llm::LlmClient& client, InterruptWatcher& watcher) const
{
    const QString text = arguments.join(u' ');
    if (text.trimmed().isEmpty())
        return usageError(tr("speak needs the text, e.g. storybook-cli speak \"Once upon a time\" --output story.mp3."));
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        return usageError(tr("speak needs --output FILE."));

    const QString file = connection.settingsFile(parser);
    std::unique_ptr<QSettings> stored = file.isEmpty() ? std::make_unique<QSettings>()
                                                       : std::make_unique<QSettings>(file, QSettings::IniFormat);
    const Llm::VoiceSettings defaults = Llm::VoiceSettings::load(*stored);
    Llm::SpeechRequest request;
    request.input = text;
    request.voice = parser.isSet(m_voice) ? parser.value(m_voice) : defaults.voice;
    request.format = defaults.format;
    request.speed = defaults.speed;
    request.instructions = parser.isSet(m_instructions) ? parser.value(m_instructions) : defaults.instructions;
    if (const QString format = QStringLiteral("format"); parser.isSet(format)) {
        request.format = Llm::audioFormatFromName(parser.value(format));
        if (request.format == Llm::AudioFormat::Unknown)
            return usageError(tr("--format for speak is mp3, opus, wav, pcm, flac or aac, not “%1”.").arg(parser.value(format)));
    }
    if (parser.isSet(m_speed)) {
        bool ok = false;
        request.speed = parser.value(m_speed).toDouble(&ok);
        if (!ok)
            return usageError(tr("--speed needs a number from 0.25 to 4, not “%1”.").arg(parser.value(m_speed)));
    }

    Llm::SpeechJob* job = client.speech(request);
    if (job->partCount() > 1)
        write(stderr, QStringLiteral("note: %1\n").arg(tr("The text is longer than one request takes; it is spoken in %n part(s), split at sentence ends.",
                                                          nullptr, job->partCount())));
    return runJob(app, job, watcher, [output](Llm::RequestJob* finished) {
        auto* speechJob = static_cast<Llm::SpeechJob*>(finished);
        if (speechJob->error().isError())
            return report(speechJob->error());
        const Llm::SpeechResult& result = speechJob->result();
        bool changed = false;
        const QString path = pathWithExtension(output, Llm::audioFileExtensionOf(result.format), {}, &changed);
        if (changed)
            write(stderr, QStringLiteral("note: %1\n")
                              .arg(tr("The provider sent %1 audio; it is written to %2 instead of %3.")
                                       .arg(Llm::audioFormatName(result.format), path, output)));
        const QList<OutputFile> files = outputFiles(path, result);
        if (files.size() > 1)
            write(stderr, QStringLiteral("note: %1\n")
                              .arg(tr("%1 audio cannot be joined into one file; the %n part(s) are written as numbered files.",
                                      nullptr, int(files.size()))
                                       .arg(Llm::audioFormatName(result.format))));
        for (const OutputFile& out : files) {
            if (const QString why = AtomicFile::write(out.path, out.bytes); !why.isEmpty())
                return reportProblem(LlmError::Kind::Internal, tr("The audio could not be written to “%1”: %2").arg(out.path, why),
                                     tr("Check that the folder exists and can be written to."));
            write(stdout, out.path + u'\n');
        }
        if (result.format == Llm::AudioFormat::Pcm)
            write(stderr, QStringLiteral("note: %1\n").arg(tr("pcm is raw audio: 16-bit little-endian mono samples at 24 kHz, no header.")));
        return 0;
    });
}

} // namespace Storybook::Cli
