#include "logging.h"

namespace Storybook::Llm {
Q_LOGGING_CATEGORY(lcLlm, "storybook.llm", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProxy, "storybook.llm.proxy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDiagnostics, "storybook.llm.diagnostics", QtInfoMsg)
} // namespace Storybook::Llm
