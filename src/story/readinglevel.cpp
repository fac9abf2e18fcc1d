#include "readinglevel.h"

namespace Storybook::Story {

namespace {
struct Limits
{
    const char* name;
    int minWords, maxWords;
    int minChars, maxChars;
    int minSentences, maxSentences;
    bool repetition;
    bool explains;
    double scale;
};

// English words and Chinese characters per page: a Chinese page of the same length has about 1.6
// characters per English word.
constexpr Limits Table[] = {
    {"first-words", 5, 25, 8, 40, 1, 2, true, false, 1.4},
    {"early-reader", 20, 60, 30, 100, 2, 5, true, true, 1.2},
    {"developing", 50, 120, 80, 200, 4, 8, false, true, 1.0},
    {"confident", 100, 250, 160, 400, 6, 15, false, true, 1.0},
};

const Limits& limits(ReadingLevel::Id id)
{
    return Table[int(id)];
}

bool isChinese(const QString& language)
{
    return language.startsWith(QLatin1String("zh"));
}
} // namespace

ReadingLevel::ReadingLevel(Id id)
    : m_id(id)
{
}

QList<ReadingLevel> ReadingLevel::all()
{
    return {ReadingLevel(Id::FirstWords), ReadingLevel(Id::EarlyReader), ReadingLevel(Id::Developing),
            ReadingLevel(Id::Confident)};
}

std::optional<ReadingLevel> ReadingLevel::fromName(const QString& name)
{
    const QString wanted = name.trimmed().toLower();
    for (const ReadingLevel& level : all()) {
        if (level.name() == wanted)
            return level;
    }
    return std::nullopt;
}

ReadingLevel ReadingLevel::forAge(int years)
{
    if (years <= 4)
        return ReadingLevel(Id::FirstWords);
    if (years <= 6)
        return ReadingLevel(Id::EarlyReader);
    if (years <= 8)
        return ReadingLevel(Id::Developing);
    return ReadingLevel(Id::Confident);
}

ReadingLevel ReadingLevel::forAgeBand(const QString& ageBand)
{
    if (ageBand == QLatin1String("3-5"))
        return ReadingLevel(Id::FirstWords);
    if (ageBand == QLatin1String("9-12"))
        return ReadingLevel(Id::Confident);
    return ReadingLevel(Id::Developing);
}

ReadingLevel ReadingLevel::of(const StorySettings& settings)
{
    if (const auto named = fromName(settings.readingLevel))
        return *named;
    bool ok = false;
    const int age = settings.hero.age.trimmed().toInt(&ok);
    if (ok && age > 0 && age < 20)
        return forAge(age);
    return forAgeBand(settings.ageBand);
}

QString ReadingLevel::name() const
{
    return QLatin1String(limits(m_id).name);
}

QString ReadingLevel::title() const
{
    switch (m_id) {
    case Id::FirstWords:
        return tr("First words");
    case Id::EarlyReader:
        return tr("Early reader");
    case Id::Developing:
        return tr("Developing reader");
    case Id::Confident:
        return tr("Confident reader");
    }
    return {};
}

int ReadingLevel::minLength(const QString& language) const
{
    return isChinese(language) ? limits(m_id).minChars : limits(m_id).minWords;
}

int ReadingLevel::maxLength(const QString& language) const
{
    return isChinese(language) ? limits(m_id).maxChars : limits(m_id).maxWords;
}

int ReadingLevel::minSentences() const
{
    return limits(m_id).minSentences;
}

int ReadingLevel::maxSentences() const
{
    return limits(m_id).maxSentences;
}

bool ReadingLevel::repetition() const
{
    return limits(m_id).repetition;
}

bool ReadingLevel::explainsNewWords() const
{
    return limits(m_id).explains;
}

double ReadingLevel::textScale() const
{
    return limits(m_id).scale;
}

int ReadingLevel::length(const QString& text, const QString& language)
{
    int count = 0;
    if (isChinese(language)) {
        // Characters that are read: letters and digits (ideographs among them), not punctuation or spaces.
        for (const QChar c : text) {
            if (c.isLetterOrNumber())
                ++count;
        }
        return count;
    }
    bool inWord = false;
    for (const QChar c : text) {
        const bool wordChar = c.isLetterOrNumber();
        if (wordChar && !inWord)
            ++count;
        // "don't" and "well-known" are one word each: an apostrophe or hyphen continues it.
        inWord = wordChar || (inWord && (c == u'\'' || c == u'-' || c == QChar(0x2019)));
    }
    return count;
}

ReadingLevel::Check ReadingLevel::check(const QString& text, const QString& language) const
{
    Check result;
    result.length = length(text, language);
    result.limit = maxLength(language);
    result.farOutside = result.length > 2 * result.limit;
    return result;
}

} // namespace Storybook::Story
