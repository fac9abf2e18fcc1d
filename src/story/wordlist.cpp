#include "wordlist.h"

#include "i18n.h"

#include <QCoreApplication>
#include <QFile>

namespace Storybook::Story {

namespace {
// Letters, digits and marks: what a whole word must not touch on either side.
constexpr QLatin1String WordChar("[\\p{L}\\p{N}\\p{M}]");

QString loadList(const QString& language)
{
    QFile file(QStringLiteral(":/wordlists/%1.txt").arg(language));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString withoutSpaces(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace())
            out.append(c);
    }
    return out;
}
} // namespace

WordList::WordList(const QString& fileText, Matching matching)
    : m_matching(matching)
{
    const QStringList lines = fileText.split(u'\n');
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        Entry entry;
        entry.text = line;
        if (matching == Matching::WholeWords) {
            const bool prefix = line.endsWith(u'*');
            const QString stem = prefix ? line.chopped(1).trimmed() : line;
            QStringList words = stem.split(u' ', Qt::SkipEmptyParts);
            for (QString& word : words)
                word = QRegularExpression::escape(word);
            const QString body = words.join(QLatin1String("[\\s\\-_]+"));
            entry.pattern = QRegularExpression(QStringLiteral("(?<!%1)%2%3(?!%1)").arg(WordChar, body, prefix ? QStringLiteral("%1*").arg(WordChar) : QString()),
                                               QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
        } else {
            entry.text = withoutSpaces(line).toCaseFolded();
        }
        m_entries.append(std::move(entry));
    }
}

std::optional<QString> WordList::find(const QString& text) const
{
    if (m_matching == Matching::WholeWords) {
        for (const Entry& entry : m_entries) {
            if (entry.pattern.match(text).hasMatch())
                return entry.text;
        }
        return std::nullopt;
    }
    const QString folded = withoutSpaces(text).toCaseFolded();
    for (const Entry& entry : m_entries) {
        if (folded.contains(entry.text))
            return entry.text;
    }
    return std::nullopt;
}

const WordList& WordList::forLanguage(const QString& language)
{
    // Built once, on first use, from the resources; read-only afterwards (safe from any thread).
    static const WordList english(loadList(QStringLiteral("en")), Matching::WholeWords);
    static const WordList chinese(loadList(QStringLiteral("zh")), Matching::Substrings);
    return language.startsWith(QLatin1String("zh")) ? chinese : english;
}

std::optional<QString> WordList::check(const QString& text, const QString& language)
{
    if (text.trimmed().isEmpty())
        return std::nullopt;
    if (language.startsWith(QLatin1String("zh"))) {
        if (auto hit = forLanguage(QStringLiteral("zh")).find(text))
            return hit;
    }
    return forLanguage(QStringLiteral("en")).find(text);
}

QString WordList::tryOtherWords(const QString& storyLanguage)
{
    return I18n::storyText(storyLanguage.isEmpty() ? QStringLiteral("en") : storyLanguage, "Storybook::Story::WordList",
                           QT_TRANSLATE_NOOP("Storybook::Story::WordList",
                                             "Let's try other words! Those words don't belong in our story. What else could happen?"));
}

QString WordList::ideaNeedsOtherWords()
{
    return QCoreApplication::translate("Storybook::Story::WordList",
                                       "The idea has words that are not sent to the story writer (the family word list). "
                                       "Please say it in other words.");
}

QString WordList::masked(const QString& entry)
{
    if (entry.isEmpty())
        return {};
    return entry.left(1) + QString(entry.size() - 1, u'*');
}

} // namespace Storybook::Story
