#pragma once

#include "story.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Storybook::Story {

// How much a page says, for a child's reading: from "first words" (one or two short sentences a page,
// repetition) to "confident" (several paragraphs). The limits go into the prompts (PromptBuilder) and
// check() tells a page far outside them, so the generator can ask once more. English is counted in
// words, Chinese in characters (CJK ideographs; punctuation and spaces do not count).
class ReadingLevel final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Story::ReadingLevel)

public:
    enum class Id { FirstWords, EarlyReader, Developing, Confident };

    struct Check
    {
        int length = 0;          // words (English) or characters (Chinese) of the page
        int limit = 0;           // the level's maximum in the same unit
        bool farOutside = false; // longer than twice the maximum
    };

    ReadingLevel() = default;
    explicit ReadingLevel(Id id);

    [[nodiscard]] static QList<ReadingLevel> all();
    // "first-words", "early-reader", "developing", "confident" (ignoring case and surrounding spaces).
    [[nodiscard]] static std::optional<ReadingLevel> fromName(const QString& name);
    // ≤4 first words, 5-6 early reader, 7-8 developing, 9 and over confident.
    [[nodiscard]] static ReadingLevel forAge(int years);
    // "3-5" first words, "6-8" developing, "9-12" confident (unknown: developing).
    [[nodiscard]] static ReadingLevel forAgeBand(const QString& ageBand);
    // The story's level: settings.readingLevel when it names one, else from the hero's age, else the age band.
    [[nodiscard]] static ReadingLevel of(const StorySettings& settings);

    [[nodiscard]] Id id() const { return m_id; }
    [[nodiscard]] QString name() const; // the stable id string, as in the story file and the CLI
    [[nodiscard]] QString title() const; // for people, in the interface's language
    // Per page: words (English) or characters (Chinese).
    [[nodiscard]] int minLength(const QString& language) const;
    [[nodiscard]] int maxLength(const QString& language) const;
    [[nodiscard]] int minSentences() const;
    [[nodiscard]] int maxSentences() const;
    [[nodiscard]] bool repetition() const;       // repeated phrases the child can join in with
    [[nodiscard]] bool explainsNewWords() const; // a new word is explained in the sentence that uses it
    // The reading view's text size relative to its normal size (bigger for the youngest).
    [[nodiscard]] double textScale() const;

    [[nodiscard]] static int length(const QString& text, const QString& language);
    [[nodiscard]] Check check(const QString& text, const QString& language) const;

    friend bool operator==(const ReadingLevel& a, const ReadingLevel& b) { return a.m_id == b.m_id; }

private:
    Id m_id = Id::Developing;
};

} // namespace Storybook::Story
