#pragma once

#include <QString>

namespace Storybook::Widgets {

// The words the reading view shows the child beside the story ("What happens next?", "The End",
// "You chose: %1"): in the STORY's language (Story::settings.language), not the interface's, through
// I18n::storyText. The strings are marked with QT_TRANSLATE_NOOP("Storybook::StoryWords", ...) where
// they are used, so lupdate collects them.
[[nodiscard]] QString storyWords(const QString& storyLanguage, const char* sourceText);

} // namespace Storybook::Widgets
