#include "storywords.h"

#include "i18n.h"

#include <utility>

namespace Storybook::Story {

namespace {
constexpr auto Context = "Storybook::StoryWords";
} // namespace

StoryWords::StoryWords(QString language)
    : m_language(std::move(language))
{
}

QString StoryWords::text(const char* sourceText, const char* disambiguation, int n) const
{
    return I18n::storyText(m_language, Context, sourceText, disambiguation, n);
}

QString StoryWords::theEnd() const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "The End"));
}

QString StoryWords::whatHappensNext() const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "What happens next?"));
}

QString StoryWords::defaultQuestion(Interaction::Kind kind) const
{
    switch (kind) {
    case Interaction::Kind::Choose:
        break;
    case Interaction::Kind::Guess:
        return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "What do you guess?"));
    case Interaction::Kind::Name:
        return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "What should the name be?"));
    case Interaction::Kind::Describe:
        return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "What does it look like?"));
    }
    return whatHappensNext();
}

QString StoryWords::answerLine(Interaction::Kind kind, const QString& answer) const
{
    switch (kind) {
    case Interaction::Kind::Choose:
        break;
    case Interaction::Kind::Guess:
        //: On the page after a guessing question: the child's guess
        return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "You guessed: %1")).arg(answer);
    case Interaction::Kind::Name:
        //: On the page after a naming question: the name the child gave a character
        return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "You named them: %1")).arg(answer);
    case Interaction::Kind::Describe:
        //: On the page after a describing question: the child's own words
        return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "You said: “%1”")).arg(answer);
    }
    //: On the page after a question: the answer the child chose
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "You chose: %1")).arg(answer);
}

QString StoryWords::page(const QString& label) const
{
    //: %1 is the page's position: a number, with a letter per branch taken in "all branches" exports (3a)
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Page %1")).arg(label);
}

QString StoryWords::untitledStory() const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Untitled story"));
}

QString StoryWords::unfinishedPage() const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Unfinished page"));
}

QString StoryWords::unfinishedPage(const QString& reason) const
{
    if (reason.isEmpty())
        return unfinishedPage();
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Unfinished page: %1")).arg(reason);
}

QString StoryWords::chosenMark() const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "(chosen)"));
}

QString StoryWords::ownAnswer(const QString& answer) const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Own answer: “%1”")).arg(answer);
}

QString StoryWords::anotherWay() const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Another way the story goes:"));
}

QString StoryWords::ifYouChose(const QString& answer) const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "If you chose “%1”:")).arg(answer);
}

QString StoryWords::idea(const QString& idea) const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Idea: %1")).arg(idea);
}

QString StoryWords::ages(const QString& band) const
{
    //: %1 is an age band such as 6-8
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Ages %1")).arg(band);
}

QString StoryWords::languageName(const QString& code) const
{
    const QString c = code.trimmed().toLower();
    if (c.startsWith(QLatin1String("zh")))
        return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Chinese"));
    if (c.isEmpty() || c.startsWith(QLatin1String("en")))
        return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "English"));
    return code.simplified();
}

QString StoryWords::pictureCaption(const QString& scene) const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Picture: %1")).arg(scene);
}

QString StoryWords::pictureOfPage(const QString& label) const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Picture of page %1")).arg(label);
}

QString StoryWords::charactersOfStory() const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "The characters of the story"));
}

QString StoryWords::characters(const QString& names) const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "The characters: %1")).arg(names);
}

QString StoryWords::madeWith() const
{
    return text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Made with Interactive Storybook"));
}

} // namespace Storybook::Story
