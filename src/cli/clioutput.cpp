#include "clioutput.h"

#include "errortexts.h"
#include "interruptwatcher.h"
#include "requestjob.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Storybook::Cli {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Cli::Commands)
};
} // namespace

void write(FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int report(const Llm::LlmError& error)
{
    write(stderr, QStringLiteral("error: %1: %2\n").arg(Llm::LlmError::categoryName(error.category()), error.message));
    if (!error.hint.isEmpty())
        write(stderr, QStringLiteral("hint: %1\n").arg(error.hint));
    return Llm::LlmError::exitCode(error.category());
}

int usageError(const QString& message)
{
    write(stderr, QStringLiteral("error: usage: %1\n").arg(message));
    write(stderr, QStringLiteral("hint: %1\n").arg(Tr::tr("Run storybook-cli --help for the commands and options.")));
    return 2;
}

int reportProblem(Llm::LlmError::Kind kind, const QString& message, const QString& hint)
{
    Llm::LlmError error;
    error.kind = kind;
    error.message = message;
    error.hint = hint;
    return report(error);
}

int runJob(QCoreApplication& app, Llm::RequestJob* job, InterruptWatcher& watcher,
           const std::function<int(Llm::RequestJob*)>& onFinished)
{
    int code = 1;
    bool interrupted = false;
    QObject::connect(&watcher, &InterruptWatcher::interrupted, job, [job, &interrupted] {
        interrupted = true;
        job->cancel();
    });
    QObject::connect(job, &Llm::RequestJob::finished, &app, [&] {
        code = interrupted ? report(Llm::makeError(Llm::LlmError::Kind::Cancelled)) : onFinished(job);
        QCoreApplication::exit(code);
    });
    app.exec();
    return code;
}

QString pathWithExtension(const QString& requested, const QString& wanted, const QStringList& synonyms, bool* changed)
{
    const QFileInfo info(requested);
    const QString suffix = info.suffix().toLower();
    const bool matches = suffix == wanted || synonyms.contains(suffix);
    *changed = !matches;
    if (matches)
        return requested;
    const QString base = suffix.isEmpty() || suffix.size() > 5 ? requested : requested.left(requested.size() - suffix.size() - 1);
    return base + u'.' + wanted;
}

} // namespace Storybook::Cli
