#pragma once

#include "llmerror.h"

#include <QString>

#include <cstdio>

namespace Storybook::Cli {

// Writes UTF-8 text and flushes, so streamed text appears as it arrives.
void write(FILE* stream, const QString& text);
// "error: CATEGORY: message" and "hint: ..." on stderr; returns the exit code for the category.
int report(const Llm::LlmError& error);
// A usage error (exit code 2).
int usageError(const QString& message);
// A plain failure of a category with a message and hint; returns its exit code.
int reportProblem(Llm::LlmError::Kind kind, const QString& message, const QString& hint = {});

} // namespace Storybook::Cli
