#pragma once

#include "story.h"

#include <QString>

#include <optional>

namespace Storybook::Story {

struct Prompt
{
    QString system;
    QString user;
    int pageNumber = 1; // the page this prompt asks for, 1-based along the branch
    bool lastPage = false;
    bool levelRetry = false; // asked again because the page was far outside the reading level (shorterAgain())
    bool gentleRetry = false; // asked again, more gently, because the provider refused the page (gentlerAgain())
};

// Builds the messages for one page from the templates in resources/prompts (per language): an
// age-appropriate, kind system prompt, and the story so far along the branch (trimmed to a token
// budget), the child's answer and how many pages remain.
class PromptBuilder final
{
public:
    explicit PromptBuilder(int storyTokenBudget = 2500);

    [[nodiscard]] Prompt firstPage(const StorySettings& settings) const;
    // The page that follows `parentId` after the child answered `answer`, as the kind of the parent's question
    // asks: choose — the answer changes what happens; guess — the page opens by revealing whether the guess was
    // right (against the question's solution when it has one); name — the character is called by the child's
    // name from now on (Story::nameCharacter() has renamed the cast before this is called); describe — the
    // child's words are woven into the page. The child's words are quoted as data (quoted()), never as
    // instructions; the kinds asked so far on the branch are listed so the model varies them.
    [[nodiscard]] Prompt nextPage(const Story& story, const QString& parentId, const QString& answer) const;

    // `prompt` once more, for a page of `length` words (characters in Chinese) that was far outside the story's
    // reading level (ReadingLevel::check): the user message asks for a page within the level's maximum.
    [[nodiscard]] static Prompt shorterAgain(const Prompt& prompt, const StorySettings& settings, int length);

    // `prompt` once more, for a page the provider refused (finish reason content_filter) or its moderation
    // flagged: the user message adds the gentler instruction of resources/prompts/gentle_<language>.txt; the
    // system rules stay as they were.
    [[nodiscard]] static Prompt gentlerAgain(const Prompt& prompt, const StorySettings& settings);

    // A rough token count: CJK characters count one each, other text one per four characters.
    [[nodiscard]] static int estimateTokens(const QString& text);

    // The template resources/prompts/<name>_<language>.txt (English when there is none).
    [[nodiscard]] static QString load(const QString& name, const QString& language);
    // Replaces each {{key}} of the template with its value in a single pass (values are never scanned again).
    [[nodiscard]] static QString fill(const QString& text, const QList<QPair<QString, QString>>& values);
    // `text` as a JSON string literal, quotes included: what a child (or the model) wrote, as data that cannot end
    // its quotation or start a line of its own.
    [[nodiscard]] static QString quoted(const QString& text);

    // The system prompt: the rules, the age band and the story's reading level (ReadingLevel::of) with its limits.
    [[nodiscard]] static QString systemPrompt(const StorySettings& settings);

private:
    // The hero's details (full: name, age, pronouns, favourites, friends; else name and pronouns), each quoted.
    [[nodiscard]] static QString heroBlock(const StoryHero& hero, const QString& lang, bool full);
    // The characters picked for the story (StorySettings::chosenCast), names and looks quoted.
    [[nodiscard]] static QString chosenCastLine(const StorySettings& settings, const QString& lang);
    [[nodiscard]] static QString languageOf(const StorySettings& settings);
    [[nodiscard]] QString storySoFar(const Story& story, const QString& parentId) const;
    [[nodiscard]] static QString kindsSoFar(const Story& story, const QString& parentId);
    [[nodiscard]] static QString answerBlock(const QString& lang, const std::optional<Interaction>& asked,
                                             const QString& answer);

    int m_budget;
};

} // namespace Storybook::Story
