#pragma once

// The words a story shows its reader — "The End", "What happens next?", "You chose: …", the page
// labels of an export — in the STORY's language, whatever language the interface speaks (a Chinese
// story read under an English interface ends with 完). Translated with I18n::storyText() in the
// context "Storybook::StoryWords"; every string is marked with QT_TRANSLATE_NOOP in storywords.cpp.

#include "story.h"

#include <QString>

namespace Storybook::Story {

class StoryWords final
{
public:
    // language: the story's language, e.g. "en", "zh" (StorySettings::language).
    explicit StoryWords(QString language);
    [[nodiscard]] static StoryWords of(const Story& story) { return StoryWords(story.settings.language); }

    [[nodiscard]] const QString& language() const { return m_language; }

    [[nodiscard]] QString theEnd() const;           // "The End" / "完"
    [[nodiscard]] QString whatHappensNext() const;  // the question of a page that asks none
    // The question a page of this kind asks when the model gave none.
    [[nodiscard]] QString defaultQuestion(Interaction::Kind kind) const;
    // What the child answered, shown on the page it led to: "You chose: take the lantern home",
    // "You guessed: the owl", "You named them: Pip", "You said: “a red door”".
    [[nodiscard]] QString answerLine(Interaction::Kind kind, const QString& answer) const;
    [[nodiscard]] QString page(const QString& label) const; // "Page 3", "Page 3a" / "第 3 页"
    [[nodiscard]] QString untitledStory() const;
    [[nodiscard]] QString unfinishedPage() const;
    [[nodiscard]] QString unfinishedPage(const QString& reason) const; // "Unfinished page: <reason>"
    [[nodiscard]] QString chosenMark() const;                 // "(chosen)"
    [[nodiscard]] QString ownAnswer(const QString& answer) const; // "Own answer: “…”"
    [[nodiscard]] QString anotherWay() const;                 // "Another way the story goes:"
    [[nodiscard]] QString ifYouChose(const QString& answer) const; // "If you chose “…”:"
    [[nodiscard]] QString idea(const QString& idea) const;    // "Idea: …"
    [[nodiscard]] QString ages(const QString& band) const;    // "Ages 6-8"
    [[nodiscard]] QString languageName(const QString& code) const; // "English", "Chinese"
    [[nodiscard]] QString pictureCaption(const QString& scene) const; // "Picture: …"
    [[nodiscard]] QString pictureOfPage(const QString& label) const;  // "Picture of page 3"
    [[nodiscard]] QString charactersOfStory() const;          // "The characters of the story"
    [[nodiscard]] QString characters(const QString& names) const; // "The characters: Pip, Owl"
    [[nodiscard]] QString madeWith() const;                   // "Made with Interactive Storybook"

    // Any other string marked QT_TRANSLATE_NOOP("Storybook::StoryWords", …), in this story's language.
    [[nodiscard]] QString text(const char* sourceText, const char* disambiguation = nullptr, int n = -1) const;

private:
    QString m_language;
};

} // namespace Storybook::Story
