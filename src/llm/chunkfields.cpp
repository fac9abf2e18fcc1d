#include "chunkfields.h"

#include "hexdigit.h"

#include <QJsonArray>
#include <QJsonValue>

#include <utility>

namespace Storybook::Llm {

namespace {

QString textOf(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    // Some servers send content as an array of parts: [{"type":"text","text":"..."}]
    if (value.isArray()) {
        QString text;
        for (const QJsonValue& part : value.toArray())
            text += part.toObject().value(QLatin1String("text")).toString();
        return text;
    }
    return {};
}

// A strict reader of one JSON text. Every method returns false on anything it is not sure of, and
// the caller gives up (the QJsonDocument path decides).
class Reader
{
public:
    explicit Reader(QStringView text)
        : m_text(text)
    {
    }

    bool atEndAfterSpace()
    {
        skipSpace();
        return m_at == m_text.size();
    }

    bool consume(char16_t c)
    {
        skipSpace();
        if (m_at < m_text.size() && m_text.at(m_at) == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    [[nodiscard]] char16_t peek()
    {
        skipSpace();
        return m_at < m_text.size() ? m_text.at(m_at).unicode() : u'\0';
    }

    // A string; `out` receives it decoded (null: checked and skipped).
    bool string(QString* out)
    {
        if (!consume(u'"'))
            return false;
        if (out)
            out->clear();
        for (;;) {
            const qsizetype start = m_at;
            while (m_at < m_text.size()) {
                const char16_t c = m_text.at(m_at).unicode();
                if (c == u'"' || c == u'\\' || c < 0x20)
                    break;
                ++m_at;
            }
            if (out)
                out->append(m_text.sliced(start, m_at - start));
            if (m_at >= m_text.size())
                return false;
            const char16_t c = m_text.at(m_at).unicode();
            ++m_at;
            if (c == u'"')
                return true;
            if (c != u'\\' || m_at >= m_text.size())
                return false; // a control character, or a lone backslash at the end
            const char16_t e = m_text.at(m_at).unicode();
            ++m_at;
            char16_t decoded = 0;
            switch (e) {
            case u'"': decoded = u'"'; break;
            case u'\\': decoded = u'\\'; break;
            case u'/': decoded = u'/'; break;
            case u'b': decoded = u'\b'; break;
            case u'f': decoded = u'\f'; break;
            case u'n': decoded = u'\n'; break;
            case u'r': decoded = u'\r'; break;
            case u't': decoded = u'\t'; break;
            case u'u': {
                if (m_at + 4 > m_text.size())
                    return false;
                uint value = 0;
                for (int i = 0; i < 4; ++i) {
                    const int digit = hexDigitValue(m_text.at(m_at + i).unicode());
                    if (digit < 0)
                        return false;
                    value = value * 16 + uint(digit);
                }
                m_at += 4;
                if (QChar::isSurrogate(value))
                    return false; // pairs and halves: left to QJsonDocument
                decoded = char16_t(value);
                break;
            }
            default:
                return false;
            }
            if (out)
                out->append(QChar(decoded));
        }
    }

    // Any value, checked and skipped.
    bool skipValue(int depth)
    {
        if (depth > MaxDepth)
            return false;
        switch (peek()) {
        case u'"':
            return string(nullptr);
        case u'{':
            return object(depth, [this](const QString&, int inner) { return skipValue(inner); }, nullptr);
        case u'[':
            return array(depth, [this](qsizetype, int inner) { return skipValue(inner); });
        case u't':
            return word(u"true");
        case u'f':
            return word(u"false");
        case u'n':
            return word(u"null");
        default:
            return number();
        }
    }

    // An object; `member(key, depth)` reads each value. `members` counts them.
    template<typename Member>
    bool object(int depth, Member member, int* members)
    {
        if (depth > MaxDepth || !consume(u'{'))
            return false;
        int count = 0;
        if (!consume(u'}')) {
            for (;;) {
                QString key;
                if (!string(&key) || !consume(u':') || !member(key, depth + 1))
                    return false;
                ++count;
                if (consume(u','))
                    continue;
                if (consume(u'}'))
                    break;
                return false;
            }
        }
        if (members)
            *members = count;
        return true;
    }

    // An array; `element(index, depth)` reads each value.
    template<typename Element>
    bool array(int depth, Element element)
    {
        if (depth > MaxDepth || !consume(u'['))
            return false;
        if (consume(u']'))
            return true;
        for (qsizetype index = 0;; ++index) {
            if (!element(index, depth + 1))
                return false;
            if (consume(u','))
                continue;
            return consume(u']');
        }
    }

    // The next value if it is a string (decoded into `out`, `isString` set), else skipped.
    bool stringOrSkip(int depth, QString* out, bool* isString)
    {
        *isString = peek() == u'"';
        return *isString ? string(out) : skipValue(depth);
    }

private:
    static constexpr int MaxDepth = 32;

    void skipSpace()
    {
        while (m_at < m_text.size()) {
            const char16_t c = m_text.at(m_at).unicode();
            if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r')
                return;
            ++m_at;
        }
    }

    bool word(QStringView expected)
    {
        skipSpace();
        if (m_text.sliced(m_at).startsWith(expected)) {
            m_at += expected.size();
            return true;
        }
        return false;
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? and short: long numbers are QJsonDocument's.
    bool number()
    {
        skipSpace();
        const qsizetype start = m_at;
        const auto digits = [this] {
            const qsizetype from = m_at;
            while (m_at < m_text.size() && m_text.at(m_at) >= u'0' && m_text.at(m_at) <= u'9')
                ++m_at;
            return m_at - from;
        };
        if (m_at < m_text.size() && m_text.at(m_at) == u'-')
            ++m_at;
        const qsizetype intStart = m_at;
        const qsizetype intDigits = digits();
        if (intDigits == 0 || (intDigits > 1 && m_text.at(intStart) == u'0'))
            return false;
        if (m_at < m_text.size() && m_text.at(m_at) == u'.') {
            ++m_at;
            if (digits() == 0)
                return false;
        }
        if (m_at < m_text.size() && (m_text.at(m_at) == u'e' || m_text.at(m_at) == u'E')) {
            ++m_at;
            if (m_at < m_text.size() && (m_text.at(m_at) == u'+' || m_text.at(m_at) == u'-'))
                ++m_at;
            const qsizetype exponent = digits();
            if (exponent == 0 || exponent > 2)
                return false;
        }
        return m_at - start <= 20;
    }

    QStringView m_text;
    qsizetype m_at = 0;
};

// choices[0].delta or choices[0].message.
struct Message
{
    bool isObject = false;
    int members = 0;
    QString reasoningContent;
    QString reasoning;
    QString content;
};

bool readMessage(Reader& reader, int depth, Message* message)
{
    if (reader.peek() != u'{')
        return reader.skipValue(depth); // not an object: it counts as empty
    message->isObject = true;
    bool seenRc = false, seenR = false, seenContent = false;
    return reader.object(
        depth,
        [&](const QString& key, int inner) {
            bool isString = false;
            if (key == QLatin1String("reasoning_content")) {
                if (std::exchange(seenRc, true))
                    return false;
                return reader.stringOrSkip(inner, &message->reasoningContent, &isString);
            }
            if (key == QLatin1String("reasoning")) {
                if (std::exchange(seenR, true))
                    return false;
                return reader.stringOrSkip(inner, &message->reasoning, &isString);
            }
            if (key == QLatin1String("content")) {
                if (std::exchange(seenContent, true) || reader.peek() == u'[')
                    return false; // an array of parts: QJsonDocument's
                return reader.stringOrSkip(inner, &message->content, &isString);
            }
            return reader.skipValue(inner);
        },
        &message->members);
}

} // namespace

ChunkFields chunkFieldsOf(const QJsonObject& chunk)
{
    ChunkFields fields;
    fields.model = chunk.value(QLatin1String("model")).toString();
    const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty())
        return fields;
    const QJsonObject choice = choices.first().toObject();
    // Streaming chunks carry "delta"; a non-streaming body carries "message".
    QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
    if (delta.isEmpty())
        delta = choice.value(QLatin1String("message")).toObject();
    fields.reasoning = delta.value(QLatin1String("reasoning_content")).toString();
    if (fields.reasoning.isEmpty())
        fields.reasoning = delta.value(QLatin1String("reasoning")).toString();
    fields.content = textOf(delta.value(QLatin1String("content")));
    if (fields.content.isEmpty() && choice.contains(QLatin1String("text")))
        fields.content = choice.value(QLatin1String("text")).toString(); // legacy completions shape
    fields.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    return fields;
}

std::optional<ChunkFields> readChunkFields(QStringView json)
{
    Reader reader(json);
    ChunkFields fields;
    Message delta;
    Message message;
    bool textPresent = false;
    QString text;
    bool seenModel = false, seenChoices = false;
    const auto readChoice = [&](int depth) {
        if (reader.peek() != u'{')
            return reader.skipValue(depth); // not an object: an empty choice
        bool seenDelta = false, seenMessage = false, seenText = false, seenFinish = false;
        return reader.object(
            depth,
            [&](const QString& key, int inner) {
                bool isString = false;
                if (key == QLatin1String("delta"))
                    return !std::exchange(seenDelta, true) && readMessage(reader, inner, &delta);
                if (key == QLatin1String("message"))
                    return !std::exchange(seenMessage, true) && readMessage(reader, inner, &message);
                if (key == QLatin1String("text")) {
                    if (std::exchange(seenText, true))
                        return false;
                    textPresent = true;
                    return reader.stringOrSkip(inner, &text, &isString);
                }
                if (key == QLatin1String("finish_reason"))
                    return !std::exchange(seenFinish, true) && reader.stringOrSkip(inner, &fields.finishReason, &isString);
                return reader.skipValue(inner);
            },
            nullptr);
    };
    const bool ok = reader.object(
        0,
        [&](const QString& key, int inner) {
            bool isString = false;
            if (key == QLatin1String("error"))
                return false; // the job reads errors from the whole object
            if (key == QLatin1String("model"))
                return !std::exchange(seenModel, true) && reader.stringOrSkip(inner, &fields.model, &isString);
            if (key == QLatin1String("choices")) {
                if (std::exchange(seenChoices, true))
                    return false;
                if (reader.peek() != u'[')
                    return reader.skipValue(inner); // not an array: no choices
                return reader.array(inner, [&](qsizetype index, int element) {
                    return index == 0 ? readChoice(element) : reader.skipValue(element);
                });
            }
            return reader.skipValue(inner);
        },
        nullptr);
    if (!ok || !reader.atEndAfterSpace())
        return std::nullopt;
    const Message& used = delta.isObject && delta.members > 0 ? delta : message;
    fields.reasoning = used.reasoningContent.isEmpty() ? used.reasoning : used.reasoningContent;
    fields.content = used.content;
    if (fields.content.isEmpty() && textPresent)
        fields.content = text;
    return fields;
}

} // namespace Storybook::Llm
