#include "storywords.h"

#include "i18n.h"

namespace Storybook::Widgets {

QString storyWords(const QString& storyLanguage, const char* sourceText)
{
    return I18n::storyText(storyLanguage.isEmpty() ? QStringLiteral("en") : storyLanguage, "Storybook::StoryWords", sourceText);
}

} // namespace Storybook::Widgets
