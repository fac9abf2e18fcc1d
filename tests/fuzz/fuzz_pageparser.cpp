// Fuzz target for Story::PageParser: the input is a model's answer for one page (UTF-8). The whole parse must
// keep the page invariants; fed in pieces (chunk lengths chosen by the input, and one UTF-16 unit at a time for
// short answers) the streaming text must only grow, never show half a surrogate pair, stay a prefix of the final
// text for structured pages (unless it showed the raw answer), and finish() must equal the whole parse (cast
// included); a copy made halfway must finish the same. The parse runs with no application object at all, as the
// HTML fallback must (it uses QtGui's HTML import, which needs no QGuiApplication for what the parser gives it).
#include "fuzzcheck.h"
#include "pageparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <algorithm>

using Storybook::Story::CastMember;
using Storybook::Story::Interaction;
using Storybook::Story::PageParser;
using Storybook::Story::ParsedPage;

namespace {

// A comparable rendering of everything a parsed page holds (as tst_pageparser's dump()).
QByteArray dump(const ParsedPage& page)
{
    QJsonObject o{{QStringLiteral("title"), page.title},
                  {QStringLiteral("text"), page.text},
                  {QStringLiteral("scene"), page.scene},
                  {QStringLiteral("end"), page.end},
                  {QStringLiteral("structured"), page.structured},
                  {QStringLiteral("usable"), page.usable},
                  {QStringLiteral("problems"), QJsonArray::fromStringList(page.problems)}};
    QJsonArray cast;
    for (const CastMember& member : page.cast)
        cast.append(QJsonArray{member.name, member.look, member.extra});
    o.insert(QStringLiteral("cast"), cast);
    if (page.interaction) {
        o.insert(QStringLiteral("interaction"),
                 QJsonObject{{QStringLiteral("kind"), Interaction::kindName(page.interaction->kind)},
                             {QStringLiteral("question"), page.interaction->question},
                             {QStringLiteral("options"), QJsonArray::fromStringList(page.interaction->options)},
                             {QStringLiteral("about"), page.interaction->about},
                             {QStringLiteral("solution"), page.interaction->solution},
                             {QStringLiteral("extra"), page.interaction->extra}});
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool hasLoneSurrogate(const QString& s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate()) {
            if (i + 1 >= s.size() || !s.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (s.at(i).isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

// What ParsedPage promises (pageparser.h), for any input at all.
void checkPage(const ParsedPage& page)
{
    FUZZ_CHECK(page.usable == !page.text.isEmpty(), "usable is not 'text is non-empty'");
    FUZZ_CHECK(page.text == page.text.trimmed(), "page text not trimmed");
    FUZZ_CHECK(!hasLoneSurrogate(page.text), "page text has half a surrogate pair");
    FUZZ_CHECK(page.cast.size() <= ParsedPage::MaxCast, "more than 12 cast members");
    for (qsizetype i = 0; i < page.cast.size(); ++i) {
        const CastMember& member = page.cast.at(i);
        FUZZ_CHECK(!member.name.isEmpty() && member.name == member.name.trimmed(), "empty or untrimmed cast name");
        FUZZ_CHECK(member.look == member.look.trimmed(), "untrimmed cast look");
        FUZZ_CHECK(!hasLoneSurrogate(member.name) && !hasLoneSurrogate(member.look),
                   "cast has half a surrogate pair");
        for (qsizetype j = 0; j < i; ++j)
            FUZZ_CHECK(member.name.compare(page.cast.at(j).name, Qt::CaseInsensitive) != 0, "duplicate cast names");
    }
    if (!page.structured)
        FUZZ_CHECK(page.cast.isEmpty(), "a page without an object has a cast");
    if (page.end)
        FUZZ_CHECK(!page.interaction, "an ending page has an interaction");
    if (!page.interaction)
        return;
    const Interaction& interaction = *page.interaction;
    FUZZ_CHECK(interaction.options.size() <= 4, "more than 4 options");
    if (interaction.kind == Interaction::Kind::Choose || interaction.kind == Interaction::Kind::Guess)
        FUZZ_CHECK(interaction.options.size() >= 2, "choose/guess with fewer than 2 options");
    else
        FUZZ_CHECK(!interaction.question.isEmpty(), "name/describe without a question");
    FUZZ_CHECK(interaction.question == interaction.question.trimmed(), "question not trimmed");
    // "about" and "solution" are single lines of bounded length.
    for (const QString* line : {&interaction.about, &interaction.solution}) {
        FUZZ_CHECK(*line == line->simplified(), "about/solution not a single simplified line");
        FUZZ_CHECK(line->size() <= 200, "about/solution too long");
    }
    for (qsizetype i = 0; i < interaction.options.size(); ++i) {
        const QString& option = interaction.options.at(i);
        FUZZ_CHECK(!option.isEmpty() && option == option.trimmed(), "empty or untrimmed option");
        for (qsizetype j = 0; j < i; ++j)
            FUZZ_CHECK(option.compare(interaction.options.at(j), Qt::CaseInsensitive) != 0, "duplicate options");
    }
}

// Feeds `raw` cut after each of `ends` (ascending), checking the streaming text after every piece.
void feedCut(const QString& raw, const QList<qsizetype>& ends, const ParsedPage& whole, const QByteArray& expected)
{
    PageParser parser;
    QString previous;
    qsizetype from = 0;
    const auto feedUpTo = [&](qsizetype to) {
        parser.feed(raw.mid(from, to - from));
        from = to;
        const QString now = parser.streamingText();
        FUZZ_CHECK(now.startsWith(previous), "streaming text shrank or changed");
        FUZZ_CHECK(!hasLoneSurrogate(now), "streaming text shows half a surrogate pair");
        // Raw streaming (no '{' within the first 200 characters) may be followed by an object after all.
        if (whole.structured && !parser.streamingIsRaw())
            FUZZ_CHECK(whole.text.startsWith(now), "streaming text is not a prefix of the final text");
        previous = now;
    };
    const qsizetype half = ends.size() / 2;
    for (qsizetype i = 0; i < half; ++i)
        feedUpTo(ends.at(i));
    PageParser copy = parser; // a copy made mid-stream carries on on its own
    copy.feed(raw.mid(from));
    for (qsizetype i = half; i < ends.size(); ++i)
        feedUpTo(ends.at(i));
    feedUpTo(raw.size());
    FUZZ_CHECK(parser.raw() == raw, "raw() is not everything fed");
    FUZZ_CHECK(dump(parser.finish()) == expected, "finish() after pieces differs from the whole parse");
    FUZZ_CHECK(dump(parser.finish()) == expected, "a second finish() differs");
    FUZZ_CHECK(dump(copy.finish()) == expected, "a copy made mid-stream finishes differently");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    if (size > 64 * 1024)
        return -1;
    const QString raw = QString::fromUtf8(reinterpret_cast<const char*>(bytes), qsizetype(size));
    const ParsedPage whole = PageParser::parse(raw);
    checkPage(whole);
    const QByteArray expected = dump(whole);

    feedCut(raw, {}, whole, expected);

    // Chunk lengths 1..16 UTF-16 units, taken from the input's own bytes.
    QList<qsizetype> chosen;
    for (qsizetype at = 0, k = 0; at < raw.size(); ++k) {
        at = std::min(raw.size(), at + 1 + (bytes[k % size] * 7 + k) % 16);
        if (at < raw.size())
            chosen.append(at);
    }
    feedCut(raw, chosen, whole, expected);

    if (raw.size() <= 2048) {
        QList<qsizetype> everyUnit;
        for (qsizetype i = 1; i < raw.size(); ++i)
            everyUnit.append(i);
        feedCut(raw, everyUnit, whole, expected);
    }
    return 0;
}
