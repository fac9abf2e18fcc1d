#pragma once

#include "llmerror.h"

#include <QString>
#include <QStringList>

#include <cstdio>
#include <functional>

class QCoreApplication;

namespace Storybook::Llm {
class RequestJob;
}

namespace Storybook::Cli {

// Writes UTF-8 text and flushes, so streamed text appears as it arrives.
void write(FILE* stream, const QString& text);
// "error: CATEGORY: message" and "hint: ..." on stderr; returns the exit code for the category.
int report(const Llm::LlmError& error);
// A usage error (exit code 2).
int usageError(const QString& message);
// A plain failure of a category with a message and hint; returns its exit code.
int reportProblem(Llm::LlmError::Kind kind, const QString& message, const QString& hint = {});

class InterruptWatcher;
// Runs the event loop until the job finishes and returns onFinished's exit code; an interrupt cancels
// the job (exit code 130).
int runJob(QCoreApplication& app, Llm::RequestJob* job, InterruptWatcher& watcher,
           const std::function<int(Llm::RequestJob*)>& onFinished);

// The output path with the extension the content asks for: "fox.png" for a JPEG becomes "fox.jpg"; a
// name without an extension gets one. `synonyms` are other accepted spellings ("jpeg").
QString pathWithExtension(const QString& requested, const QString& wanted, const QStringList& synonyms, bool* changed);

} // namespace Storybook::Cli
