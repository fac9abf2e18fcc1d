#pragma once

#include <QLoggingCategory>

namespace Storybook::Llm {
Q_DECLARE_LOGGING_CATEGORY(lcLlm)
Q_DECLARE_LOGGING_CATEGORY(lcProxy)
Q_DECLARE_LOGGING_CATEGORY(lcDiagnostics)
} // namespace Storybook::Llm
