#include "pageparser.h"

#include "hexdigit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringView>
#include <QTextDocumentFragment>

#include <algorithm>
#include <initializer_list>
#include <utility>
#include <vector>

namespace Storybook::Story {

namespace {

// Without a '{' in this many non-space characters the answer is taken for prose while streaming.
constexpr int ProseThreshold = 200;
constexpr int MaxOptions = 4;
constexpr int MinAskedOptions = 3; // the prompts ask for 3-4; 2 are kept, with a note
constexpr qsizetype MaxAboutLength = 200; // "about" and "solution" are a name or a few words
constexpr char16_t Replacement = 0xFFFD;

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\n' || c == u'\r' || c == u'\t' || c == 0xFEFF || QChar(c).isSpace();
}

bool isHighSurrogate(char16_t c)
{
    return c >= 0xD800 && c <= 0xDBFF;
}

bool isLowSurrogate(char16_t c)
{
    return c >= 0xDC00 && c <= 0xDFFF;
}

char16_t asciiLower(char16_t c)
{
    return (c >= u'A' && c <= u'Z') ? char16_t(c + (u'a' - u'A')) : c;
}

void appendJsonString(QString& out, const QString& s)
{
    static constexpr char Hex[] = "0123456789abcdef";
    out += u'"';
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c < 0x20) {
                out += QLatin1String("\\u00");
                out += QLatin1Char(Hex[c >> 4]);
                out += QLatin1Char(Hex[c & 0xF]);
            } else {
                out += ch;
            }
        }
    }
    out += u'"';
}

// Strict JSON number syntax: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(QStringView s)
{
    qsizetype i = 0;
    const qsizetype n = s.size();
    const auto digit = [&s](qsizetype at) { return s.at(at) >= u'0' && s.at(at) <= u'9'; };
    if (i < n && s.at(i) == u'-')
        ++i;
    if (i >= n || !digit(i))
        return false;
    if (s.at(i) == u'0') {
        ++i;
    } else {
        while (i < n && digit(i))
            ++i;
    }
    if (i < n && s.at(i) == u'.') {
        ++i;
        if (i >= n || !digit(i))
            return false;
        while (i < n && digit(i))
            ++i;
    }
    if (i < n && (s.at(i) == u'e' || s.at(i) == u'E')) {
        ++i;
        if (i < n && (s.at(i) == u'+' || s.at(i) == u'-'))
            ++i;
        if (i >= n || !digit(i))
            return false;
        while (i < n && digit(i))
            ++i;
    }
    return i == n;
}

void addProblem(QStringList& problems, const QString& note)
{
    if (!problems.contains(note))
        problems.append(note);
}

// Case-insensitive matcher for a fixed ASCII tag whose first character does not repeat ("<think>", "</think>").
struct TagMatcher
{
    const char* tag = "";
    int matched = 0;

    // True when `c` completes the tag.
    bool step(char16_t c)
    {
        const char16_t lower = asciiLower(c);
        if (lower == char16_t(tag[matched])) {
            ++matched;
        } else {
            matched = lower == char16_t(tag[0]) ? 1 : 0;
        }
        if (tag[matched] == '\0') {
            matched = 0;
            return true;
        }
        return false;
    }
};

} // namespace

// A string-aware, chunk-invariant scanner: it consumes one UTF-16 unit at a time and never looks ahead (decisions
// that need the next characters wait in a pending state). It finds the first balanced {...} outside chatter,
// writes a repaired copy of it as strict JSON (quoted keys, escaped strings, commas fixed), and decodes the
// depth-1 "text" and "title" values as they arrive.
class PageParser::Scanner final
{
public:
    Scanner()
    {
        m_thinkOpen.tag = "<think>";
        m_thinkClose.tag = "</think>";
        m_scriptOpen.tag = "<script";
        m_styleOpen.tag = "<style";
    }

    void consume(char16_t c);
    void endOfInput();

    [[nodiscard]] bool prose() const { return m_prose; }
    [[nodiscard]] bool qualified() const { return m_mode == Mode::Done; }
    [[nodiscard]] bool braceSeen() const { return m_braceSeen; }
    [[nodiscard]] const QString& repaired() const { return m_out; }
    [[nodiscard]] bool textCaptured() const { return m_textCaptured; }
    [[nodiscard]] const QString& text() const { return m_text; }
    [[nodiscard]] QString liveText() const;
    [[nodiscard]] QString liveTitle() const;
    [[nodiscard]] QStringList problems() const;

private:
    enum class Mode { Chatter, Structural, String, BareKey, BareValue, Slash, LineComment, BlockComment, Done };
    enum class Sub { Normal, Escape, Unicode, QuotePending };
    enum class Expect { Key, Colon, Value, After };
    enum class Role { Key, Value };
    struct Frame
    {
        bool object = true;
        Expect expect = Expect::Key;
        bool pendingComma = false; // a comma is due before the next member (written lazily: trailing commas vanish)
    };

    void chatter(char16_t c);
    void structural(char16_t c);
    void string(char16_t c);
    void bare(char16_t c);
    void afterObject(char16_t c);
    void holdForLostBrace(char16_t c);
    void releaseHeld();

    void startCandidate();
    void candidateClosed();
    Role tokenRole();
    void beginValue();
    void openContainer(bool object);
    void closeChar(bool object);
    void closeTop(bool atEnd);
    void comma();
    void colon();
    void startString(char16_t quote);
    void finishString();
    void startBare(char16_t c);
    void finishBare(bool atEnd);
    void appendUnit(char16_t unit);
    void keyDone(const QString& key);
    void stringValueDone(QString value);
    void note(const QString& text) { addProblem(m_notes, text); }

    Mode m_mode = Mode::Chatter;
    // Chatter before the object.
    bool m_braceSeen = false;
    bool m_prose = false;
    int m_chatterCount = 0; // non-space characters before the first '{'
    int m_beforeCount = 0; // characters that make chatter before the object
    int m_backticks = 0;
    bool m_fenceInfo = false; // skipping the info word after a ``` fence
    bool m_fence = false;
    bool m_chatterBefore = false;
    bool m_chatterAfter = false;
    bool m_skippedObject = false;
    bool m_inThink = false;
    bool m_thinkSeen = false;
    // An object that lost its '{': the answer's first string is held back until what follows it shows whether it
    // is a key ('"text": ...') or the start of prose ('"Hello," said the fox').
    enum class LostBrace { Possible, Holding, Ruled };
    LostBrace m_lostBrace = LostBrace::Possible;
    QString m_held;
    bool m_heldEscape = false;
    bool m_heldClosed = false;
    TagMatcher m_thinkOpen;
    TagMatcher m_thinkClose;
    // An HTML answer's <script> and <style> elements (a CSS rule with "content:", a script object with a "text"
    // key) are not the page: braces in them do not start it. m_rawClose is the end tag being waited for.
    TagMatcher m_scriptOpen;
    TagMatcher m_styleOpen;
    TagMatcher m_rawClose;
    bool m_inRawElement = false;
    // The candidate object.
    std::vector<Frame> m_frames;
    qsizetype m_openObjects = 0;
    qsizetype m_openArrays = 0;
    QString m_out; // repaired JSON
    QStringList m_notes;
    QString m_key1; // the last key at depth 1, trimmed and lower-case
    bool m_hasText = false; // a depth-1 "text" key (or a synonym)
    bool m_nestedText = false; // a "text" key in an object directly under the root
    // Strings and bare words.
    Sub m_sub = Sub::Normal;
    char16_t m_quote = u'"';
    bool m_strIsKey = false;
    QString m_str;
    QString m_pendingWs;
    QString m_hexDigits;
    char16_t m_pendingHigh = 0;
    QString m_bare;
    bool m_star = false;
    // Captured values.
    bool m_textActive = false; // m_str is the depth-1 "text" value being decoded
    bool m_textCaptured = false;
    QString m_text;
    bool m_titleCaptured = false;
    QString m_title;
};

void PageParser::Scanner::consume(char16_t c)
{
    switch (m_mode) {
    case Mode::Chatter:
        chatter(c);
        return;
    case Mode::Structural:
        structural(c);
        return;
    case Mode::String:
        string(c);
        return;
    case Mode::BareKey:
    case Mode::BareValue:
        bare(c);
        return;
    case Mode::Slash:
        if (c == u'/') {
            m_mode = Mode::LineComment;
            note(QStringLiteral("comment removed"));
        } else if (c == u'*') {
            m_mode = Mode::BlockComment;
            m_star = false;
            note(QStringLiteral("comment removed"));
        } else {
            note(QStringLiteral("stray character dropped"));
            m_mode = Mode::Structural;
            structural(c);
        }
        return;
    case Mode::LineComment:
        if (c == u'\n')
            m_mode = Mode::Structural;
        return;
    case Mode::BlockComment:
        if (m_star && c == u'/')
            m_mode = Mode::Structural;
        else
            m_star = c == u'*';
        return;
    case Mode::Done:
        afterObject(c);
        return;
    }
}

void PageParser::Scanner::chatter(char16_t c)
{
    // A reasoning block (<think>...</think>) is skipped whole: braces in it do not start the page.
    if (m_inThink) {
        if (m_thinkClose.step(c))
            m_inThink = false;
        return;
    }
    if (m_inRawElement) {
        if (m_rawClose.step(c))
            m_inRawElement = false;
        if (!isSpace(c)) {
            m_chatterBefore = true;
            ++m_beforeCount;
            if (!m_braceSeen && ++m_chatterCount >= ProseThreshold)
                m_prose = true;
        }
        return;
    }
    const bool scriptOpened = m_scriptOpen.step(c);
    const bool styleOpened = m_styleOpen.step(c);
    if (scriptOpened || styleOpened) {
        m_inRawElement = true;
        m_rawClose.tag = scriptOpened ? "</script" : "</style";
        m_rawClose.matched = 0;
        m_scriptOpen.matched = 0;
        m_styleOpen.matched = 0;
    }
    if (m_thinkOpen.step(c)) {
        m_inThink = true;
        m_thinkSeen = true;
        // "<think" was counted as chatter; a reasoning block is not the kind of chatter that means prose.
        m_chatterCount = std::max(0, m_chatterCount - 6);
        m_beforeCount = std::max(0, m_beforeCount - 5);
        m_chatterBefore = m_beforeCount > 0;
        return;
    }
    if (m_lostBrace == LostBrace::Holding) {
        holdForLostBrace(c);
        return;
    }
    if (c == u'"' && m_lostBrace == LostBrace::Possible && !m_braceSeen && m_beforeCount == 0) {
        m_lostBrace = LostBrace::Holding;
        m_held = QString(QChar(c));
        return;
    }
    if (c == u'{') {
        startCandidate();
        return;
    }
    if (c == u'`') {
        if (++m_backticks >= 3) {
            m_fence = true;
            m_fenceInfo = true;
        }
        return;
    }
    m_backticks = 0;
    if (isSpace(c)) {
        m_fenceInfo = false;
        return;
    }
    if (m_fenceInfo && QChar(c).isLetterOrNumber())
        return;
    m_fenceInfo = false;
    if (c != u'<' && c != u'>' && c != u'/' && c != u'[') {
        m_chatterBefore = true;
        ++m_beforeCount;
    }
    if (!m_braceSeen && ++m_chatterCount >= ProseThreshold)
        m_prose = true;
}

void PageParser::Scanner::holdForLostBrace(char16_t c)
{
    constexpr qsizetype LongestKey = 64;
    m_held += QChar(c);
    if (!m_heldClosed) {
        if (m_heldEscape)
            m_heldEscape = false;
        else if (c == u'\\')
            m_heldEscape = true;
        else if (c == u'"')
            m_heldClosed = true;
        if (m_held.size() > LongestKey)
            releaseHeld();
        return;
    }
    if (isSpace(c) && m_held.size() <= 2 * LongestKey)
        return;
    if (c != u':') {
        releaseHeld();
        return;
    }
    // '"key":' at the very start: the object's '{' was left out. Start it and read the key again.
    m_lostBrace = LostBrace::Ruled;
    const QString held = std::exchange(m_held, QString());
    startCandidate();
    note(QStringLiteral("missing opening brace repaired"));
    for (const QChar h : held)
        consume(h.unicode());
}

// Not a key after all: what was held is read as the chatter (or the start of an object) it is.
void PageParser::Scanner::releaseHeld()
{
    m_lostBrace = LostBrace::Ruled;
    const QString held = std::exchange(m_held, QString());
    for (const QChar h : held)
        consume(h.unicode());
}

void PageParser::Scanner::afterObject(char16_t c)
{
    if (isSpace(c) || c == u'`' || c == u']' || c == u',' || c == u'<' || c == u'>' || c == u'/')
        return;
    m_chatterAfter = true;
}

void PageParser::Scanner::startCandidate()
{
    m_braceSeen = true;
    m_frames.clear();
    m_frames.push_back({ true, Expect::Key, false });
    m_openObjects = 1;
    m_openArrays = 0;
    m_out = QString(u'{');
    m_notes.clear();
    m_key1.clear();
    m_hasText = false;
    m_nestedText = false;
    m_textActive = false;
    m_textCaptured = false;
    m_text.clear();
    m_titleCaptured = false;
    m_title.clear();
    m_mode = Mode::Structural;
}

void PageParser::Scanner::candidateClosed()
{
    if (m_hasText || m_nestedText) {
        m_mode = Mode::Done;
        return;
    }
    // Not the page: look for the next object.
    m_skippedObject = true;
    m_out.clear();
    m_notes.clear();
    m_title.clear();
    m_titleCaptured = false;
    m_mode = Mode::Chatter;
    m_backticks = 0;
    m_fenceInfo = false;
}

void PageParser::Scanner::structural(char16_t c)
{
    if (isSpace(c))
        return;
    switch (c) {
    case u'{':
        openContainer(true);
        return;
    case u'[':
        openContainer(false);
        return;
    case u'}':
        closeChar(true);
        return;
    case u']':
        closeChar(false);
        return;
    case u',':
        comma();
        return;
    case u':':
        colon();
        return;
    case u'=':
        if (m_frames.back().object && m_frames.back().expect == Expect::Colon) {
            note(QStringLiteral("'=' read as ':'"));
            colon();
            return;
        }
        break;
    case u'"':
    case u'\'':
        startString(c);
        return;
    case u'/':
        m_mode = Mode::Slash;
        return;
    default:
        break;
    }
    startBare(c);
}

// What the token starting now is, repairing a missing comma or colon before it.
PageParser::Scanner::Role PageParser::Scanner::tokenRole()
{
    Frame& f = m_frames.back();
    if (f.object) {
        switch (f.expect) {
        case Expect::After:
            note(QStringLiteral("missing comma repaired"));
            f.expect = Expect::Key;
            f.pendingComma = true;
            return Role::Key;
        case Expect::Key:
            return Role::Key;
        case Expect::Colon:
            note(QStringLiteral("missing colon repaired"));
            m_out += u':';
            f.expect = Expect::Value;
            return Role::Value;
        case Expect::Value:
            return Role::Value;
        }
        return Role::Value;
    }
    if (f.expect == Expect::After) {
        note(QStringLiteral("missing comma repaired"));
        f.pendingComma = true;
        f.expect = Expect::Value;
    }
    return Role::Value;
}

// Writes what is due before a value in the current container.
void PageParser::Scanner::beginValue()
{
    Frame& f = m_frames.back();
    if (f.pendingComma) {
        m_out += u',';
        f.pendingComma = false;
    }
    f.expect = Expect::After;
}

void PageParser::Scanner::openContainer(bool object)
{
    if (tokenRole() == Role::Key) {
        // An object or array where a key belongs: give it an empty key.
        Frame& f = m_frames.back();
        if (f.pendingComma) {
            m_out += u',';
            f.pendingComma = false;
        }
        m_out += QLatin1String("\"\":");
        if (m_frames.size() == 1)
            m_key1.clear();
        note(QStringLiteral("missing key repaired"));
    }
    beginValue();
    m_out += object ? u'{' : u'[';
    m_frames.push_back({ object, object ? Expect::Key : Expect::Value, false });
    if (object)
        ++m_openObjects;
    else
        ++m_openArrays;
}

void PageParser::Scanner::closeChar(bool object)
{
    if (m_frames.back().object != object) {
        if ((object ? m_openObjects : m_openArrays) == 0) {
            note(QStringLiteral("stray bracket dropped"));
            return;
        }
        note(QStringLiteral("mismatched bracket repaired"));
        while (m_frames.back().object != object)
            closeTop(false);
    }
    if (m_frames.back().pendingComma)
        note(QStringLiteral("trailing comma repaired"));
    closeTop(false);
}

void PageParser::Scanner::closeTop(bool atEnd)
{
    const Frame f = m_frames.back();
    if (f.object) {
        if (f.expect == Expect::Colon || f.expect == Expect::Value) {
            m_out += f.expect == Expect::Colon ? QLatin1String(":null") : QLatin1String("null");
            if (!atEnd)
                note(QStringLiteral("missing value repaired"));
        }
        m_out += u'}';
        --m_openObjects;
    } else {
        m_out += u']';
        --m_openArrays;
    }
    m_frames.pop_back();
    if (m_frames.empty())
        candidateClosed();
}

void PageParser::Scanner::comma()
{
    Frame& f = m_frames.back();
    switch (f.expect) {
    case Expect::After:
        f.expect = f.object ? Expect::Key : Expect::Value;
        f.pendingComma = true;
        return;
    case Expect::Key:
        note(QStringLiteral("stray comma dropped"));
        return;
    case Expect::Colon:
    case Expect::Value:
        if (!f.object) {
            note(QStringLiteral("stray comma dropped"));
            return;
        }
        m_out += f.expect == Expect::Colon ? QLatin1String(":null") : QLatin1String("null");
        note(QStringLiteral("missing value repaired"));
        f.expect = Expect::Key;
        f.pendingComma = true;
        return;
    }
}

void PageParser::Scanner::colon()
{
    Frame& f = m_frames.back();
    if (f.object && f.expect == Expect::Colon) {
        m_out += u':';
        f.expect = Expect::Value;
        return;
    }
    note(QStringLiteral("stray colon dropped"));
}

void PageParser::Scanner::startString(char16_t quote)
{
    m_strIsKey = tokenRole() == Role::Key;
    if (quote == u'\'')
        note(QStringLiteral("single-quoted string repaired"));
    m_quote = quote;
    m_str.clear();
    m_sub = Sub::Normal;
    m_pendingHigh = 0;
    m_textActive = !m_strIsKey && m_frames.size() == 1 && !m_textCaptured && m_key1 == QLatin1String("text");
    m_mode = Mode::String;
}

// Decoded units go through here: surrogate pairs are kept whole, a lone surrogate becomes U+FFFD.
void PageParser::Scanner::appendUnit(char16_t unit)
{
    if (m_pendingHigh) {
        if (isLowSurrogate(unit)) {
            m_str += QChar(m_pendingHigh);
            m_str += QChar(unit);
            m_pendingHigh = 0;
            return;
        }
        m_str += QChar(Replacement);
        m_pendingHigh = 0;
        note(QStringLiteral("invalid surrogate replaced"));
    }
    if (isHighSurrogate(unit)) {
        m_pendingHigh = unit;
        return;
    }
    if (isLowSurrogate(unit)) {
        m_str += QChar(Replacement);
        note(QStringLiteral("invalid surrogate replaced"));
        return;
    }
    m_str += QChar(unit);
}

void PageParser::Scanner::string(char16_t c)
{
    switch (m_sub) {
    case Sub::Normal:
        if (c == u'\\') {
            m_sub = Sub::Escape;
        } else if (c == m_quote) {
            m_sub = Sub::QuotePending;
            m_pendingWs.clear();
        } else {
            appendUnit(c);
        }
        return;
    case Sub::Escape:
        m_sub = Sub::Normal;
        switch (c) {
        case u'"':
        case u'\\':
        case u'/':
            appendUnit(c);
            return;
        case u'b':
            appendUnit(u'\b');
            return;
        case u'f':
            appendUnit(u'\f');
            return;
        case u'n':
            appendUnit(u'\n');
            return;
        case u'r':
            appendUnit(u'\r');
            return;
        case u't':
            appendUnit(u'\t');
            return;
        case u'u':
            m_sub = Sub::Unicode;
            m_hexDigits.clear();
            return;
        default:
            note(QStringLiteral("invalid escape repaired"));
            appendUnit(c);
            return;
        }
    case Sub::Unicode:
        if (hexDigitValue(c) >= 0) {
            m_hexDigits += QChar(c);
            if (m_hexDigits.size() == 4) {
                m_sub = Sub::Normal;
                char16_t unit = 0;
                for (const QChar digit : std::as_const(m_hexDigits))
                    unit = char16_t(unit * 16 + hexDigitValue(digit.unicode()));
                appendUnit(unit);
            }
            return;
        }
        note(QStringLiteral("invalid escape repaired"));
        appendUnit(u'u');
        for (const QChar digit : std::as_const(m_hexDigits))
            appendUnit(digit.unicode());
        m_sub = Sub::Normal;
        string(c);
        return;
    case Sub::QuotePending:
        // A quote ends the string only when what follows fits (valid JSON always does); otherwise it was an
        // unescaped quote inside the text ("She said "hi" to him").
        if (isSpace(c)) {
            m_pendingWs += QChar(c);
            return;
        }
        if (c == u',' || c == u':' || c == u'}' || c == u']' || c == u'"' || c == u'\'') {
            finishString();
            structural(c);
            return;
        }
        note(QStringLiteral("unescaped quote kept in string"));
        appendUnit(m_quote);
        for (const QChar w : std::as_const(m_pendingWs))
            appendUnit(w.unicode());
        m_pendingWs.clear();
        m_sub = Sub::Normal;
        string(c);
        return;
    }
}

void PageParser::Scanner::finishString()
{
    if (m_pendingHigh) {
        m_str += QChar(Replacement);
        m_pendingHigh = 0;
        note(QStringLiteral("invalid surrogate replaced"));
    }
    m_mode = Mode::Structural;
    m_pendingWs.clear();
    QString value = std::exchange(m_str, QString());
    if (m_strIsKey)
        keyDone(value);
    else
        stringValueDone(std::move(value));
}

void PageParser::Scanner::keyDone(const QString& key)
{
    Frame& f = m_frames.back();
    if (f.pendingComma) {
        m_out += u',';
        f.pendingComma = false;
    }
    appendJsonString(m_out, key);
    f.expect = Expect::Colon;
    const QString k = key.trimmed().toLower();
    if (m_frames.size() == 1) {
        m_key1 = k;
        if (k == QLatin1String("text") || k == QLatin1String("story") || k == QLatin1String("page_text")
            || k == QLatin1String("story_text") || k == QLatin1String("content"))
            m_hasText = true;
    } else if (m_frames.size() == 2 && m_frames[1].object && k == QLatin1String("text")) {
        m_nestedText = true;
    }
}

void PageParser::Scanner::stringValueDone(QString value)
{
    beginValue();
    appendJsonString(m_out, value);
    if (m_frames.size() != 1)
        return;
    if (m_textActive) {
        m_text = std::move(value);
        m_textCaptured = true;
        m_textActive = false;
    } else if (!m_titleCaptured && m_key1 == QLatin1String("title")) {
        m_title = std::move(value);
        m_titleCaptured = true;
    }
}

void PageParser::Scanner::startBare(char16_t c)
{
    m_mode = tokenRole() == Role::Key ? Mode::BareKey : Mode::BareValue;
    m_bare = QString(QChar(c));
}

void PageParser::Scanner::bare(char16_t c)
{
    const bool ends = m_mode == Mode::BareKey
        ? (c == u':' || c == u',' || c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u'"' || c == u'\n')
        : (c == u',' || c == u'}' || c == u']' || c == u'\n' || c == u'\r');
    if (!ends) {
        m_bare += QChar(c);
        return;
    }
    finishBare(false);
    structural(c);
}

void PageParser::Scanner::finishBare(bool atEnd)
{
    const bool key = m_mode == Mode::BareKey;
    m_mode = Mode::Structural;
    const QString token = std::exchange(m_bare, QString()).trimmed();
    if (key) {
        note(QStringLiteral("unquoted key repaired"));
        keyDone(token);
        return;
    }
    const QString lower = token.toLower();
    if (lower == QLatin1String("true") || lower == QLatin1String("false") || lower == QLatin1String("null")) {
        beginValue();
        m_out += lower;
        return;
    }
    if (lower == QLatin1String("none") || lower == QLatin1String("nil") || lower == QLatin1String("undefined")) {
        beginValue();
        m_out += QLatin1String("null");
        return;
    }
    if (isJsonNumber(token)) {
        beginValue();
        m_out += token;
        return;
    }
    if (atEnd) {
        for (const QLatin1String literal : { QLatin1String("true"), QLatin1String("false"), QLatin1String("null") }) {
            if (literal.startsWith(lower)) {
                beginValue();
                m_out += literal;
                return;
            }
        }
    }
    note(QStringLiteral("unquoted value repaired"));
    m_textActive = m_frames.size() == 1 && !m_textCaptured && m_key1 == QLatin1String("text");
    stringValueDone(token);
}

void PageParser::Scanner::endOfInput()
{
    if (m_lostBrace == LostBrace::Holding)
        releaseHeld();
    switch (m_mode) {
    case Mode::Chatter:
    case Mode::Done:
        return;
    case Mode::String:
        if (m_sub != Sub::QuotePending) {
            // Cut inside the string: keep what arrived, drop a half escape or half a surrogate pair.
            note(QStringLiteral("truncated: unterminated string closed"));
            m_pendingHigh = 0;
        }
        finishString();
        break;
    case Mode::BareKey:
    case Mode::BareValue:
        finishBare(true);
        break;
    case Mode::Structural:
    case Mode::Slash:
    case Mode::LineComment:
    case Mode::BlockComment:
        m_mode = Mode::Structural;
        break;
    }
    if (!m_frames.empty()) {
        note(QStringLiteral("truncated: %1 unclosed bracket(s) closed").arg(m_frames.size()));
        while (!m_frames.empty())
            closeTop(true);
    }
}

QString PageParser::Scanner::liveText() const
{
    if (m_textCaptured)
        return m_text;
    if (m_textActive && m_mode == Mode::String)
        return m_str;
    return {};
}

QString PageParser::Scanner::liveTitle() const
{
    return (m_hasText && m_titleCaptured) ? m_title : QString();
}

QStringList PageParser::Scanner::problems() const
{
    QStringList out;
    if (m_fence)
        out.append(QStringLiteral("code fence stripped"));
    if (m_thinkSeen)
        out.append(QStringLiteral("reasoning block skipped"));
    if (m_chatterBefore)
        out.append(QStringLiteral("text before the JSON object ignored"));
    if (m_skippedObject)
        out.append(QStringLiteral("skipped a JSON object without text"));
    for (const QString& n : m_notes)
        addProblem(out, n);
    if (m_chatterAfter)
        out.append(QStringLiteral("text after the JSON object ignored"));
    return out;
}

namespace {

// The value under the first of `names` present, exact key first, then ignoring case and spaces.
QJsonValue lookup(const QJsonObject& object, std::initializer_list<QLatin1String> names, bool* caseRepaired = nullptr)
{
    for (const QLatin1String name : names) {
        const auto it = object.constFind(name);
        if (it != object.constEnd())
            return it.value();
    }
    for (const QLatin1String name : names) {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key().trimmed().compare(name, Qt::CaseInsensitive) == 0) {
                if (caseRepaired)
                    *caseRepaired = true;
                return it.value();
            }
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString textOf(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& v : value.toArray()) {
            if (v.isString())
                parts.append(v.toString().trimmed());
        }
        parts.removeAll(QString());
        return parts.join(QLatin1String("\n\n"));
    }
    return {};
}

QString optionText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isObject()) {
        const QJsonValue v = lookup(value.toObject(),
                                    { QLatin1String("text"), QLatin1String("label"), QLatin1String("option"),
                                      QLatin1String("title"), QLatin1String("value"), QLatin1String("name"),
                                      QLatin1String("answer"), QLatin1String("choice") });
        return v.isString() ? v.toString() : QString();
    }
    return {};
}

QStringList cleanOptions(const QJsonValue& value, QStringList& problems)
{
    QList<QJsonValue> raw;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        raw.reserve(array.size());
        for (const QJsonValue& v : array)
            raw.append(v);
    } else if (value.isString()) {
        raw.append(value);
        addProblem(problems, QStringLiteral("options given as a string"));
    }
    QStringList options;
    bool empties = false;
    bool duplicates = false;
    for (const QJsonValue& v : std::as_const(raw)) {
        const QString option = optionText(v).trimmed();
        if (option.isEmpty()) {
            empties = true;
            continue;
        }
        if (options.contains(option, Qt::CaseInsensitive)) {
            duplicates = true;
            continue;
        }
        options.append(option);
    }
    if (empties)
        addProblem(problems, QStringLiteral("empty options dropped"));
    if (duplicates)
        addProblem(problems, QStringLiteral("duplicate options dropped"));
    if (options.size() > MaxOptions) {
        options = options.mid(0, MaxOptions);
        addProblem(problems, QStringLiteral("more than 4 options: kept 4"));
    }
    return options;
}

std::optional<Interaction::Kind> kindOf(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("choose") || n == QLatin1String("choice") || n == QLatin1String("choices")
        || n == QLatin1String("multiple_choice") || n == QLatin1String("multiple choice"))
        return Interaction::Kind::Choose;
    if (n == QLatin1String("guess") || n == QLatin1String("riddle") || n == QLatin1String("predict"))
        return Interaction::Kind::Guess;
    if (n == QLatin1String("name"))
        return Interaction::Kind::Name;
    if (n == QLatin1String("describe") || n == QLatin1String("description") || n == QLatin1String("open"))
        return Interaction::Kind::Describe;
    return std::nullopt;
}

std::optional<Interaction> makeInteraction(const QJsonValue& kindValue, const QString& question,
                                           const QJsonValue& optionsValue, bool kindExpected, QJsonObject extra,
                                           QStringList& problems)
{
    Interaction interaction;
    interaction.question = question.trimmed();
    interaction.options = cleanOptions(optionsValue, problems);
    interaction.extra = std::move(extra);
    const QString kindName = kindValue.isString() ? kindValue.toString().trimmed() : QString();
    if (kindName.isEmpty()) {
        // Infer it: suggestions make a choice, a bare question is answered freely.
        interaction.kind = (interaction.options.size() >= 2 || interaction.question.isEmpty())
            ? Interaction::Kind::Choose
            : Interaction::Kind::Describe;
        if (kindExpected)
            addProblem(problems, QStringLiteral("interaction kind missing"));
    } else if (const auto kind = kindOf(kindName)) {
        interaction.kind = *kind;
    } else {
        interaction.kind = Interaction::Kind::Choose;
        addProblem(problems, QStringLiteral("unknown interaction kind"));
    }
    switch (interaction.kind) {
    case Interaction::Kind::Choose:
    case Interaction::Kind::Guess:
        if (interaction.options.size() < 2) {
            addProblem(problems, QStringLiteral("interaction dropped: fewer than 2 options"));
            return std::nullopt;
        }
        // Three or four are asked for; two still make a fair question, so the page keeps them.
        if (interaction.options.size() < MinAskedOptions)
            addProblem(problems, QStringLiteral("only 2 options (3-4 asked for)"));
        break;
    case Interaction::Kind::Name:
    case Interaction::Kind::Describe:
        if (interaction.question.isEmpty()) {
            addProblem(problems, QStringLiteral("interaction dropped: empty question"));
            return std::nullopt;
        }
        break;
    }
    return interaction;
}

bool endOf(const QJsonValue& value, QStringList& problems)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        addProblem(problems, QStringLiteral("end given as a string"));
        const QString s = value.toString().trimmed().toLower();
        return s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("y")
            || s == QLatin1String("1") || s == QLatin1String("end") || s == QLatin1String("the end");
    }
    if (value.isDouble()) {
        addProblem(problems, QStringLiteral("end given as a number"));
        return value.toDouble() != 0;
    }
    return false;
}

QString stringOf(const QJsonValue& value)
{
    return value.isString() ? value.toString().trimmed() : QString();
}

// One line of at most MaxAboutLength characters ("about", "solution"), never ending in half a surrogate pair.
QString shortLine(const QJsonValue& value)
{
    QString line = stringOf(value).simplified();
    if (line.size() > MaxAboutLength) {
        line.truncate(MaxAboutLength);
        if (line.back().isHighSurrogate())
            line.chop(1);
        line = line.trimmed();
    }
    return line;
}

// The cast as the page promises it (pageparser.h): from an array of {"name", "look"} objects (or of plain names),
// or from an object mapping names to looks.
QList<CastMember> castOf(const QJsonValue& value, QStringList& problems)
{
    QList<CastMember> members;
    if (value.isUndefined() || value.isNull())
        return members;
    QList<CastMember> raw;
    if (value.isArray()) {
        for (const QJsonValue& v : value.toArray()) {
            CastMember member;
            if (v.isString()) {
                member.name = v.toString();
            } else if (v.isObject()) {
                const QJsonObject o = v.toObject();
                member.name = stringOf(lookup(o, { QLatin1String("name"), QLatin1String("character") }));
                member.look = stringOf(lookup(o,
                                              { QLatin1String("look"), QLatin1String("looks"),
                                                QLatin1String("appearance"), QLatin1String("description") }));
                member.extra = o;
                for (const QLatin1String known :
                     { QLatin1String("name"), QLatin1String("character"), QLatin1String("look"), QLatin1String("looks"),
                       QLatin1String("appearance"), QLatin1String("description") }) {
                    for (const QString& key : o.keys()) {
                        if (key.trimmed().compare(known, Qt::CaseInsensitive) == 0)
                            member.extra.remove(key);
                    }
                }
            }
            raw.append(member);
        }
    } else if (value.isObject()) {
        addProblem(problems, QStringLiteral("cast given as an object"));
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            raw.append({ it.key(), stringOf(it.value()), {} });
    } else {
        addProblem(problems, QStringLiteral("cast has an unexpected type"));
        return members;
    }
    bool empties = false;
    bool duplicates = false;
    bool tooMany = false;
    for (CastMember& member : raw) {
        member.name = member.name.trimmed();
        member.look = member.look.trimmed();
        if (member.name.isEmpty()) {
            empties = true;
            continue;
        }
        const bool seen = std::any_of(members.cbegin(), members.cend(), [&member](const CastMember& m) {
            return m.name.compare(member.name, Qt::CaseInsensitive) == 0;
        });
        if (seen) {
            duplicates = true;
            continue;
        }
        if (members.size() == ParsedPage::MaxCast) {
            tooMany = true;
            break;
        }
        members.append(std::move(member));
    }
    if (empties)
        addProblem(problems, QStringLiteral("cast members without a name dropped"));
    if (duplicates)
        addProblem(problems, QStringLiteral("duplicate cast members dropped"));
    if (tooMany)
        addProblem(problems, QStringLiteral("more than %1 cast members: kept %1").arg(ParsedPage::MaxCast));
    return members;
}

ParsedPage extract(const QJsonObject& root, const QString* scannedText, QStringList problems)
{
    ParsedPage page;
    page.structured = true;
    bool caseRepaired = false;
    QJsonObject object = root;
    QJsonValue textValue = lookup(root, { QLatin1String("text") }, &caseRepaired);
    bool unwrapped = false;
    if (textValue.isUndefined()) {
        textValue = lookup(root,
                           { QLatin1String("story"), QLatin1String("page_text"), QLatin1String("story_text"),
                             QLatin1String("content") },
                           &caseRepaired);
        if (!textValue.isUndefined())
            addProblem(problems, QStringLiteral("text found under another key"));
    }
    if (textValue.isUndefined()) {
        for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
            if (!it.value().isObject())
                continue;
            const QJsonObject inner = it.value().toObject();
            const QJsonValue v = lookup(inner, { QLatin1String("text") }, &caseRepaired);
            if (!v.isUndefined()) {
                object = inner;
                textValue = v;
                unwrapped = true;
                addProblem(problems, QStringLiteral("page object unwrapped"));
                break;
            }
        }
    }
    // The text decoded while scanning is what streamingText() showed; prefer it so the two always agree.
    page.text = ((!unwrapped && scannedText) ? *scannedText : textOf(textValue)).trimmed();

    page.title = stringOf(lookup(object, { QLatin1String("title") }, &caseRepaired));
    if (page.title.isEmpty() && unwrapped)
        page.title = stringOf(lookup(root, { QLatin1String("title") }, &caseRepaired));
    QJsonValue castValue = lookup(object, { QLatin1String("cast"), QLatin1String("characters") }, &caseRepaired);
    if (castValue.isUndefined() && unwrapped)
        castValue = lookup(root, { QLatin1String("cast"), QLatin1String("characters") }, &caseRepaired);
    page.cast = castOf(castValue, problems);
    page.scene = stringOf(lookup(object,
                                 { QLatin1String("scene"), QLatin1String("scene_description"),
                                   QLatin1String("illustration"), QLatin1String("image") },
                                 &caseRepaired));
    page.end = endOf(lookup(object,
                            { QLatin1String("end"), QLatin1String("ending"), QLatin1String("is_end"),
                              QLatin1String("is_ending"), QLatin1String("the_end") },
                            &caseRepaired),
                     problems);

    const QJsonValue interactionValue = lookup(object, { QLatin1String("interaction") }, &caseRepaired);
    const QJsonValue topOptions = lookup(object, { QLatin1String("choices"), QLatin1String("options") }, &caseRepaired);
    const QJsonValue topQuestion = lookup(object, { QLatin1String("question") }, &caseRepaired);
    const QJsonValue topKind = lookup(object, { QLatin1String("kind") }, &caseRepaired);
    bool mentioned = !interactionValue.isUndefined() && !interactionValue.isNull()
        && !(interactionValue.isObject() && interactionValue.toObject().isEmpty());
    // Notes about a broken interaction matter only on pages that go on; an ending page needs none.
    QStringList interactionProblems;
    if (interactionValue.isObject() && mentioned) {
        const QJsonObject io = interactionValue.toObject();
        const QJsonValue kind = lookup(io, { QLatin1String("kind"), QLatin1String("type") }, &caseRepaired);
        const QJsonValue question
            = lookup(io, { QLatin1String("question"), QLatin1String("prompt"), QLatin1String("text") }, &caseRepaired);
        QJsonValue options = lookup(io,
                                    { QLatin1String("options"), QLatin1String("choices"), QLatin1String("answers"),
                                      QLatin1String("suggestions") },
                                    &caseRepaired);
        if (options.isUndefined() && topOptions.isArray()) {
            options = topOptions;
            addProblem(interactionProblems, QStringLiteral("top-level choices used as options"));
        }
        const QJsonValue about = lookup(io, { QLatin1String("about"), QLatin1String("character"), QLatin1String("who") },
                                        &caseRepaired);
        const QJsonValue solution = lookup(io,
                                           { QLatin1String("solution"), QLatin1String("correct_answer"),
                                             QLatin1String("right_answer"), QLatin1String("correct") },
                                           &caseRepaired);
        QJsonObject extra = io;
        for (const QLatin1String known :
             { QLatin1String("kind"), QLatin1String("type"), QLatin1String("question"), QLatin1String("prompt"),
               QLatin1String("text"), QLatin1String("options"), QLatin1String("choices"), QLatin1String("answers"),
               QLatin1String("suggestions"), QLatin1String("about"), QLatin1String("character"), QLatin1String("who"),
               QLatin1String("solution"), QLatin1String("correct_answer"), QLatin1String("right_answer"),
               QLatin1String("correct") }) {
            for (const QString& key : io.keys()) {
                if (key.trimmed().compare(known, Qt::CaseInsensitive) == 0)
                    extra.remove(key);
            }
        }
        page.interaction = makeInteraction(kind, stringOf(question), options, true, extra, interactionProblems);
        if (page.interaction) {
            page.interaction->about = shortLine(about);
            page.interaction->solution = shortLine(solution);
            if (page.interaction->kind == Interaction::Kind::Name && page.interaction->about.isEmpty())
                addProblem(interactionProblems, QStringLiteral("name question without \"about\""));
        }
    } else if (interactionValue.isString()) {
        addProblem(interactionProblems, QStringLiteral("interaction given as a string"));
        page.interaction
            = makeInteraction(topKind, interactionValue.toString(), topOptions, false, {}, interactionProblems);
    } else if (interactionValue.isArray()) {
        addProblem(interactionProblems, QStringLiteral("interaction given as an array"));
        page.interaction
            = makeInteraction(topKind, stringOf(topQuestion), interactionValue, false, {}, interactionProblems);
    } else if (topOptions.isArray() || topOptions.isString()) {
        addProblem(interactionProblems, QStringLiteral("top-level choices used as interaction"));
        mentioned = true;
        page.interaction = makeInteraction(topKind, stringOf(topQuestion), topOptions, false, {}, interactionProblems);
    } else if (!stringOf(topQuestion).isEmpty()) {
        addProblem(interactionProblems, QStringLiteral("top-level question used as interaction"));
        mentioned = true;
        page.interaction = makeInteraction(topKind, stringOf(topQuestion), {}, false, {}, interactionProblems);
    } else if (mentioned) {
        addProblem(interactionProblems, QStringLiteral("interaction has an unexpected type"));
    }

    if (page.end && page.interaction) {
        page.interaction.reset();
        addProblem(interactionProblems, QStringLiteral("interaction dropped on ending page"));
    }
    if (!page.end || mentioned) {
        for (const QString& note : std::as_const(interactionProblems))
            addProblem(problems, note);
    }
    if (!page.end && !page.interaction && !mentioned)
        addProblem(problems, QStringLiteral("interaction missing"));
    if (caseRepaired)
        addProblem(problems, QStringLiteral("keys in unexpected case"));
    page.usable = !page.text.isEmpty();
    if (!page.usable)
        addProblem(problems, QStringLiteral("text empty"));
    page.problems = std::move(problems);
    return page;
}

// Drops a leading <think>...</think> block (an unterminated one drops everything).
QStringView withoutThinking(QStringView s)
{
    const QStringView trimmed = s.trimmed();
    if (!trimmed.startsWith(QLatin1String("<think>"), Qt::CaseInsensitive))
        return s;
    const qsizetype close = trimmed.indexOf(QLatin1String("</think>"), 0, Qt::CaseInsensitive);
    return close < 0 ? QStringView() : trimmed.mid(close + 8);
}

// HTML to the text a reader of it would see. Qt does the conversion (entities, white space, blocks and line
// breaks: QTextDocumentFragment::fromHtml), but only ever sees the flat, attribute-free HTML that
// sanitizeHtml() makes of the answer, for three reasons found with Qt 6.4:
// - Without a QGuiApplication (storybook-cli, the fuzz target, GUI-less tests: QCoreApplication or no application
//   at all) the import works except for the elements Qt's HTML parser gives the system's fixed-pitch font: <pre>,
//   <code>, <tt>, <kbd> and <samp> crash it (segmentation fault in QTextDocumentFragment::fromHtml: the font comes
//   from the platform theme, which does not exist yet). tst_pageparser's htmlWithoutAGuiApplication checks this
//   under QCoreApplication, the fuzz target with no application.
// - Its parser walks up the open elements for every tag (O(length x depth)), matches every style sheet rule
//   against every element, and builds a table grid of rows x columns: any of these breaks the parser's linear
//   finish() on a long answer.
// - <link> and @import style sheets are loaded from wherever they point.
// So the pre-pass keeps text and entities as they are and passes on only block structure: every block element
// becomes a <div> (at most MaxHtmlDepth open), <br> stays, a <pre> becomes a <div> that keeps its white space,
// inline elements are dropped (their text stays), <script>, <style>, <template> and <title> are dropped with
// their content, comments and declarations go, and a '<' that starts no tag becomes &lt;.
constexpr int MaxHtmlDepth = 32;

enum class HtmlTag { Drop, Block, Pre, Break, Rule, RawSkip };

HtmlTag htmlTagKind(const QString& name)
{
    static const char* const blocks[]
        = { "address", "article", "aside",  "blockquote", "caption", "center", "dd",     "details", "dialog",
            "dir",     "div",     "dl",     "dt",         "fieldset", "figcaption", "figure", "footer", "form",
            "h1",      "h2",      "h3",     "h4",         "h5",       "h6",     "header", "hgroup",  "legend",
            "li",      "main",    "menu",   "nav",        "ol",       "option", "p",      "section", "summary",
            "table",   "tbody",   "td",     "tfoot",      "th",       "thead",  "tr",     "ul" };
    for (const char* block : blocks) {
        if (name == QLatin1String(block))
            return HtmlTag::Block;
    }
    if (name == QLatin1String("pre") || name == QLatin1String("listing") || name == QLatin1String("xmp")
        || name == QLatin1String("textarea"))
        return HtmlTag::Pre;
    if (name == QLatin1String("br"))
        return HtmlTag::Break;
    if (name == QLatin1String("hr"))
        return HtmlTag::Rule;
    if (name == QLatin1String("script") || name == QLatin1String("style") || name == QLatin1String("template")
        || name == QLatin1String("title"))
        return HtmlTag::RawSkip;
    return HtmlTag::Drop;
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// Elements a second one of the same name closes (<p>a<p>b, <li>a<li>b).
bool closesItsLike(const QString& name)
{
    return name == QLatin1String("p") || name == QLatin1String("li") || name == QLatin1String("dt")
        || name == QLatin1String("dd") || name == QLatin1String("tr") || name == QLatin1String("td")
        || name == QLatin1String("th") || name == QLatin1String("option");
}

QString sanitizeHtml(QStringView s)
{
    QString out;
    out.reserve(s.size() + 64);
    QStringList open; // the source names of the <div>s written and not closed, innermost last
    qsizetype preOpen = 0; // how many of them keep white space
    bool preStart = false; // right after a <pre> tag, where a newline is not shown
    const auto closeTo = [&out, &open, &preOpen](qsizetype keep) {
        if (open.size() <= keep)
            return;
        while (open.size() > keep) {
            if (htmlTagKind(open.last()) == HtmlTag::Pre)
                --preOpen;
            open.removeLast();
            out += QLatin1String("</div>");
        }
        // Qt's import would run the text that follows into the block just closed ("<div>a</div>b" is "ab").
        out += QLatin1String("<div></div>");
    };
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = s.at(i);
        if (c != u'<') {
            if (preOpen > 0 && (c == u'\n' || c == u'\r')) {
                // Lines of a <pre> are lines, not paragraphs (Qt makes each its own block); CR LF is one newline.
                const bool crlf = c == u'\r' && i + 1 < n && s.at(i + 1) == u'\n';
                if (!preStart)
                    out += QLatin1String("<br>");
                i += crlf ? 2 : 1;
                preStart = false;
                continue;
            }
            preStart = false;
            out += c;
            ++i;
            continue;
        }
        preStart = false;
        const QChar next = i + 1 < n ? s.at(i + 1) : QChar();
        if (next == u'!' || next == u'?') {
            // A comment, a doctype or a processing instruction: nothing a reader sees.
            const bool comment = s.mid(i + 2, 2) == QLatin1String("--");
            const qsizetype end = comment ? s.indexOf(QLatin1String("-->"), i + 4) : s.indexOf(u'>', i + 2);
            i = end < 0 ? n : end + (comment ? 3 : 1);
            continue;
        }
        const bool closing = next == u'/';
        const qsizetype nameStart = i + (closing ? 2 : 1);
        if (nameStart >= n || !isAsciiLetter(s.at(nameStart))) {
            if (closing) { // "</>" or "</ x>": ignored, as browsers do
                const qsizetype end = s.indexOf(u'>', nameStart);
                i = end < 0 ? n : end + 1;
            } else {
                out += QLatin1String("&lt;");
                ++i;
            }
            continue;
        }
        qsizetype at = nameStart;
        while (at < n && (isAsciiLetter(s.at(at)) || s.at(at).isDigit() || s.at(at) == u'-' || s.at(at) == u':'))
            ++at;
        QString name = s.mid(nameStart, at - nameStart).toString().toLower();
        // The rest of the tag: a quote opens a value only right after '='; an unfinished tag is dropped.
        bool afterEquals = false;
        bool selfClosing = false;
        while (at < n && s.at(at) != u'>') {
            const QChar t = s.at(at);
            if (afterEquals && (t == u'"' || t == u'\'')) {
                const qsizetype endQuote = s.indexOf(t, at + 1);
                at = endQuote < 0 ? n : endQuote + 1;
                afterEquals = false;
                continue;
            }
            if (t == u'=')
                afterEquals = true;
            else if (!t.isSpace())
                afterEquals = false;
            selfClosing = t == u'/';
            ++at;
        }
        i = at < n ? at + 1 : n;
        const HtmlTag kind = htmlTagKind(name);
        if (kind == HtmlTag::RawSkip) {
            if (closing || selfClosing)
                continue;
            // Its content is not shown: skip to its end tag (to the end of the answer without one).
            const QString endTag = QLatin1String("</") + name;
            qsizetype from = i;
            for (;;) {
                const qsizetype end = s.indexOf(endTag, from, Qt::CaseInsensitive);
                if (end < 0) {
                    i = n;
                    break;
                }
                const qsizetype after = end + endTag.size();
                if (after < n && !s.at(after).isSpace() && s.at(after) != u'>' && s.at(after) != u'/') {
                    from = after; // "</scripts": not the end tag
                    continue;
                }
                const qsizetype close = s.indexOf(u'>', after);
                i = close < 0 ? n : close + 1;
                break;
            }
            continue;
        }
        switch (kind) {
        case HtmlTag::Drop:
        case HtmlTag::RawSkip:
            break;
        case HtmlTag::Break:
            out += QLatin1String("<br>");
            break;
        case HtmlTag::Rule:
            if (!closing)
                out += QLatin1String("<div></div>");
            break;
        case HtmlTag::Block:
        case HtmlTag::Pre:
            if (closing) {
                for (qsizetype k = open.size() - 1; k >= 0; --k) {
                    if (open.at(k) == name) {
                        closeTo(k);
                        break;
                    }
                }
                break;
            }
            if (closesItsLike(name) && !open.isEmpty() && open.last() == name)
                closeTo(open.size() - 1);
            if (selfClosing || open.size() >= MaxHtmlDepth) {
                out += QLatin1String("<div></div>"); // a paragraph break, no deeper
                break;
            }
            out += kind == HtmlTag::Pre ? QLatin1String("<div style=\"white-space:pre-wrap\">")
                                        : QLatin1String("<div>");
            open.append(name);
            if (kind == HtmlTag::Pre) {
                ++preOpen;
                preStart = true;
            }
            break;
        }
    }
    return out;
}

QString htmlToText(QStringView html)
{
    const QString raw = QTextDocumentFragment::fromHtml(sanitizeHtml(html)).toRawText();
    QString out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char16_t c = raw.at(i).unicode();
        if (c == QChar::ParagraphSeparator) {
            out += QLatin1String("\n\n");
        } else if (c == QChar::LineSeparator || c == u'\n') {
            out += u'\n';
        } else if (c == QChar::Nbsp || c == u'\t') {
            out += u' ';
        } else if (c == QChar::ObjectReplacementCharacter || c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            continue; // no picture and no control characters (&#0; &#127; ...) in the text
        } else if (isHighSurrogate(c) && i + 1 < raw.size() && isLowSurrogate(raw.at(i + 1).unicode())) {
            out += raw.at(i);
            out += raw.at(++i);
        } else if (isHighSurrogate(c) || isLowSurrogate(c)) {
            out += QChar(Replacement); // &#xD800; and the like
        } else {
            out += QChar(c);
        }
    }
    return out;
}

bool isNoiseLine(QStringView line)
{
    for (const QChar c : line) {
        if (!c.isSpace() && !QStringView(u"{}[],:\"'").contains(c))
            return false;
    }
    return true;
}

// No usable JSON: the raw answer without fences, markup and JSON punctuation.
ParsedPage proseFallback(const QString& raw, bool braceSeen)
{
    ParsedPage page;
    QStringList problems;
    addProblem(problems,
               braceSeen ? QStringLiteral("no JSON object with text found") : QStringLiteral("no JSON object found"));
    QStringView view = withoutThinking(raw);
    if (view.size() != raw.size())
        addProblem(problems, QStringLiteral("reasoning block skipped"));
    QString text;
    if (view.trimmed().startsWith(u'<')) {
        text = htmlToText(view);
        addProblem(problems, QStringLiteral("markup stripped"));
    } else {
        text = view.toString();
    }
    QStringList kept;
    for (const QStringView line : QStringView(text).split(u'\n')) {
        const QStringView t = line.trimmed();
        if (t.startsWith(QLatin1String("```"))) {
            addProblem(problems, QStringLiteral("code fence stripped"));
            continue;
        }
        if (isNoiseLine(t) && !t.isEmpty())
            continue;
        kept.append(line.trimmed().toString());
    }
    // Collapse runs of blank lines left by dropped lines or markup.
    QStringList lines;
    for (const QString& line : std::as_const(kept)) {
        if (line.isEmpty() && (lines.isEmpty() || lines.last().isEmpty()))
            continue;
        lines.append(line);
    }
    QString result = lines.join(u'\n').trimmed();
    qsizetype from = 0;
    qsizetype to = result.size();
    while (from < to && (result.at(from) == u'{' || result.at(from) == u'[' || result.at(from).isSpace()))
        ++from;
    while (to > from
           && (result.at(to - 1) == u'}' || result.at(to - 1) == u']' || result.at(to - 1) == u','
               || result.at(to - 1).isSpace()))
        --to;
    result = result.mid(from, to - from).trimmed();
    if (result.size() >= 2 && result.startsWith(u'"') && result.endsWith(u'"'))
        result = result.mid(1, result.size() - 2).trimmed();
    page.text = result;
    page.usable = !page.text.isEmpty();
    if (!page.usable)
        addProblem(problems, QStringLiteral("text empty"));
    page.problems = problems;
    return page;
}

} // namespace

PageParser::PageParser()
    : m_scanner(std::make_unique<Scanner>())
{ }

PageParser::~PageParser() = default;

PageParser::PageParser(const PageParser& other)
    : m_raw(other.m_raw)
    , m_scanner(other.m_scanner ? std::make_unique<Scanner>(*other.m_scanner) : nullptr)
{ }

PageParser& PageParser::operator=(const PageParser& other)
{
    if (this != &other) {
        m_raw = other.m_raw;
        m_scanner = other.m_scanner ? std::make_unique<Scanner>(*other.m_scanner) : nullptr;
    }
    return *this;
}

PageParser::PageParser(PageParser&& other) noexcept = default;
PageParser& PageParser::operator=(PageParser&& other) noexcept = default;

void PageParser::feed(const QString& delta)
{
    if (!m_scanner) {
        // A moved-from parser starts over.
        m_scanner = std::make_unique<Scanner>();
        m_raw.clear();
    }
    m_raw += delta;
    for (const QChar c : delta)
        m_scanner->consume(c.unicode());
}

QString PageParser::streamingText() const
{
    if (!m_scanner)
        return {};
    if (!m_scanner->prose())
        return m_scanner->liveText().trimmed();
    QStringView view = withoutThinking(m_raw).trimmed();
    if (view.startsWith(QLatin1String("```"))) {
        const qsizetype newline = view.indexOf(u'\n');
        if (newline < 0)
            return {};
        view = view.mid(newline + 1);
    }
    view = view.trimmed();
    if (!view.isEmpty() && view.back().isHighSurrogate())
        view.chop(1); // half a character: its other half is still on the way
    return view.trimmed().toString();
}

bool PageParser::streamingIsRaw() const
{
    return m_scanner && m_scanner->prose();
}

QString PageParser::streamingTitle() const
{
    return m_scanner ? m_scanner->liveTitle().trimmed() : QString();
}

ParsedPage PageParser::finish() const
{
    if (!m_scanner)
        return parse(QString());
    Scanner scanner = *m_scanner;
    scanner.endOfInput();
    if (scanner.qualified()) {
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(scanner.repaired().toUtf8(), &error);
        if (document.isObject())
            return extract(document.object(), scanner.textCaptured() ? &scanner.text() : nullptr, scanner.problems());
        if (scanner.textCaptured()) {
            ParsedPage page;
            page.structured = true;
            page.text = scanner.text().trimmed();
            page.usable = !page.text.isEmpty();
            page.problems = scanner.problems();
            page.problems.append(
                QStringLiteral("repaired JSON unreadable (%1): only the text kept").arg(error.errorString()));
            return page;
        }
    }
    return proseFallback(m_raw, scanner.braceSeen());
}

ParsedPage PageParser::parse(const QString& whole)
{
    PageParser parser;
    parser.feed(whole);
    return parser.finish();
}

} // namespace Storybook::Story
