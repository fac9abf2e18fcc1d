#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace Storybook::Story {

// A small local list of words a parent would not want sent to the story writer (slurs, sexual words,
// graphic violence, self-harm), per language, from resources/wordlists/<language>.txt. Checked where a
// child types an own answer and where an idea is typed, before anything is sent: the app then asks the
// child, kindly, to try other words. English entries match whole words, case-insensitively (an entry
// ending in * also matches the longer words it starts); Chinese entries match as substrings, ignoring
// spaces and Latin case. A Chinese story's text is also checked against the English list (children mix).
// The matched entry must never be logged or shown in full (masked()).
class WordList final
{
public:
    enum class Matching { WholeWords, Substrings };

    // The entries of a list file's text: one a line, '#' starts a comment, blank lines skipped.
    WordList(const QString& fileText, Matching matching);

    // The first entry `text` contains, or none.
    [[nodiscard]] std::optional<QString> find(const QString& text) const;
    [[nodiscard]] qsizetype size() const { return m_entries.size(); }

    // The list of a story language ("en", "zh"; others use English), loaded once from the resources.
    [[nodiscard]] static const WordList& forLanguage(const QString& language);
    // The entry of `language`'s list (and, for Chinese, the English list) that `text` contains, or none.
    [[nodiscard]] static std::optional<QString> check(const QString& text, const QString& language);
    // What the child sees, in the story's language, when an own answer is held back: kindly, try other words.
    [[nodiscard]] static QString tryOtherWords(const QString& storyLanguage);
    // What the parent sees (the interface's language, tr()) when a story idea is held back.
    [[nodiscard]] static QString ideaNeedsOtherWords();
    // An entry for a log line: its first character and one star for each other ("f***").
    [[nodiscard]] static QString masked(const QString& entry);

private:
    struct Entry
    {
        QString text;
        QRegularExpression pattern; // whole-word lists only
    };
    QList<Entry> m_entries;
    Matching m_matching;
};

} // namespace Storybook::Story
