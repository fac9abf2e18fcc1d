#include "clioutput.h"

#include "errortexts.h"

#include <QCoreApplication>

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

} // namespace Storybook::Cli
