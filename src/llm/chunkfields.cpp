#include "chunkfields.h"

#include "hexdigit.h"

#include <QJsonArray>
#include <QJsonValue>

#include <cstring>
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

// Appends the contents of a JSON string, as Reader::string() checked them, to `out` in UTF-8.
void decodeString(QByteArrayView raw, QByteArray* out)
{
    out->resize(0); // keeps the buffer
    qsizetype at = 0;
    while (at < raw.size()) {
        const void* backslash = std::memchr(raw.data() + at, '\\', size_t(raw.size() - at));
        const qsizetype stop = backslash ? static_cast<const char*>(backslash) - raw.data() : raw.size();
        out->append(raw.sliced(at, stop - at));
        if (stop == raw.size())
            return;
        const char e = raw.at(stop + 1);
        at = stop + 2;
        switch (e) {
        case 'b': out->append('\b'); break;
        case 'f': out->append('\f'); break;
        case 'n': out->append('\n'); break;
        case 'r': out->append('\r'); break;
        case 't': out->append('\t'); break;
        case 'u': {
            uint value = 0;
            for (int i = 0; i < 4; ++i)
                value = value * 16 + uint(hexDigitValue(char16_t(raw.at(at + i))));
            at += 4;
            // Not a surrogate (the reader refuses those), so one to three bytes.
            if (value < 0x80) {
                out->append(char(value));
            } else if (value < 0x800) {
                out->append(char(0xC0 | (value >> 6)));
                out->append(char(0x80 | (value & 0x3F)));
            } else {
                out->append(char(0xE0 | (value >> 12)));
                out->append(char(0x80 | ((value >> 6) & 0x3F)));
                out->append(char(0x80 | (value & 0x3F)));
            }
            break;
        }
        default: out->append(e); break; // " \ /
        }
    }
}

// A strict reader of one JSON text in UTF-8 (checked as a whole before). Every method returns
// false on anything it is not sure of, and the caller gives up (the QJsonDocument path decides).
class Reader
{
public:
    explicit Reader(QByteArrayView text)
        : m_text(text)
    {
    }

    bool atEndAfterSpace()
    {
        skipSpace();
        return m_at == m_text.size();
    }

    bool consume(char c)
    {
        skipSpace();
        if (m_at < m_text.size() && m_text.at(m_at) == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    [[nodiscard]] char peek()
    {
        skipSpace();
        return m_at < m_text.size() ? m_text.at(m_at) : '\0';
    }

    // A string, checked; `raw` (if given) receives its contents as written, escapes and all.
    bool string(QByteArrayView* raw)
    {
        if (!consume('"'))
            return false;
        const qsizetype start = m_at;
        for (;;) {
            while (m_at < m_text.size()) {
                const auto c = static_cast<unsigned char>(m_text.at(m_at));
                if (c == '"' || c == '\\' || c < 0x20)
                    break;
                ++m_at;
            }
            if (m_at >= m_text.size())
                return false;
            const char c = m_text.at(m_at);
            ++m_at;
            if (c == '"') {
                if (raw)
                    *raw = m_text.sliced(start, m_at - 1 - start);
                return true;
            }
            if (c != '\\' || m_at >= m_text.size())
                return false; // a control character, or a lone backslash at the end
            const char e = m_text.at(m_at);
            ++m_at;
            switch (e) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                break;
            case 'u': {
                if (m_at + 4 > m_text.size())
                    return false;
                uint value = 0;
                for (int i = 0; i < 4; ++i) {
                    const int digit = hexDigitValue(char16_t(static_cast<unsigned char>(m_text.at(m_at + i))));
                    if (digit < 0)
                        return false;
                    value = value * 16 + uint(digit);
                }
                m_at += 4;
                if (QChar::isSurrogate(value))
                    return false; // pairs and halves: left to QJsonDocument
                break;
            }
            default:
                return false;
            }
        }
    }

    // Any value, checked and skipped.
    bool skipValue(int depth)
    {
        if (depth > MaxDepth)
            return false;
        switch (peek()) {
        case '"':
            return string(nullptr);
        case '{':
            return object(depth, [this](QByteArrayView, int inner) { return skipValue(inner); }, nullptr);
        case '[':
            return array(depth, [this](qsizetype, int inner) { return skipValue(inner); });
        case 't':
            return word("true");
        case 'f':
            return word("false");
        case 'n':
            return word("null");
        default:
            return number();
        }
    }

    // An object; `member(key, depth)` reads each value (the key decoded). `members` counts them.
    template<typename Member>
    bool object(int depth, Member member, int* members)
    {
        if (depth > MaxDepth || !consume('{'))
            return false;
        int count = 0;
        if (!consume('}')) {
            QByteArray decodedKey; // only for a key with escapes
            for (;;) {
                QByteArrayView key;
                if (!string(&key) || !consume(':'))
                    return false;
                if (key.contains('\\')) {
                    decodeString(key, &decodedKey);
                    key = decodedKey;
                }
                if (!member(key, depth + 1))
                    return false;
                ++count;
                if (consume(','))
                    continue;
                if (consume('}'))
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
        if (depth > MaxDepth || !consume('['))
            return false;
        if (consume(']'))
            return true;
        for (qsizetype index = 0;; ++index) {
            if (!element(index, depth + 1))
                return false;
            if (consume(','))
                continue;
            return consume(']');
        }
    }

    // The next value: a string's raw contents go to `raw`; any other value is skipped and counts
    // as an empty string (as QJsonValue::toString() reads it).
    bool stringOrSkip(int depth, QByteArrayView* raw)
    {
        *raw = {};
        return peek() == '"' ? string(raw) : skipValue(depth);
    }

private:
    static constexpr int MaxDepth = 32;

    void skipSpace()
    {
        while (m_at < m_text.size()) {
            const char c = m_text.at(m_at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_at;
        }
    }

    bool word(QByteArrayView expected)
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
            while (m_at < m_text.size() && m_text.at(m_at) >= '0' && m_text.at(m_at) <= '9')
                ++m_at;
            return m_at - from;
        };
        if (m_at < m_text.size() && m_text.at(m_at) == '-')
            ++m_at;
        const qsizetype intStart = m_at;
        const qsizetype intDigits = digits();
        if (intDigits == 0 || (intDigits > 1 && m_text.at(intStart) == '0'))
            return false;
        if (m_at < m_text.size() && m_text.at(m_at) == '.') {
            ++m_at;
            if (digits() == 0)
                return false;
        }
        if (m_at < m_text.size() && (m_text.at(m_at) == 'e' || m_text.at(m_at) == 'E')) {
            ++m_at;
            if (m_at < m_text.size() && (m_text.at(m_at) == '+' || m_text.at(m_at) == '-'))
                ++m_at;
            const qsizetype exponent = digits();
            if (exponent == 0 || exponent > 2)
                return false;
        }
        return m_at - start <= 20;
    }

    QByteArrayView m_text;
    qsizetype m_at = 0;
};

// choices[0].delta or choices[0].message, as raw string contents.
struct Message
{
    bool isObject = false;
    int members = 0;
    QByteArrayView reasoningContent;
    QByteArrayView reasoning;
    QByteArrayView content;
};

bool readMessage(Reader& reader, int depth, Message* message)
{
    if (reader.peek() != '{')
        return reader.skipValue(depth); // not an object: it counts as empty
    message->isObject = true;
    bool seenRc = false, seenR = false, seenContent = false;
    return reader.object(
        depth,
        [&](QByteArrayView key, int inner) {
            if (key == "reasoning_content")
                return !std::exchange(seenRc, true) && reader.stringOrSkip(inner, &message->reasoningContent);
            if (key == "reasoning")
                return !std::exchange(seenR, true) && reader.stringOrSkip(inner, &message->reasoning);
            if (key == "content") {
                if (std::exchange(seenContent, true) || reader.peek() == '[')
                    return false; // an array of parts: QJsonDocument's
                return reader.stringOrSkip(inner, &message->content);
            }
            return reader.skipValue(inner);
        },
        &message->members);
}

} // namespace

ChunkFields ChunkFieldsUtf8::decoded() const
{
    return {QString::fromUtf8(model), QString::fromUtf8(reasoning), QString::fromUtf8(content),
            QString::fromUtf8(finishReason)};
}

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

bool readChunkFields(QByteArrayView json, ChunkFieldsUtf8* out)
{
    if (!json.isValidUtf8())
        return false; // QJsonDocument decides what invalid text means
    Reader reader(json);
    Message delta;
    Message message;
    bool textPresent = false;
    QByteArrayView text, model, finishReason;
    bool seenModel = false, seenChoices = false;
    const auto readChoice = [&](int depth) {
        if (reader.peek() != '{')
            return reader.skipValue(depth); // not an object: an empty choice
        bool seenDelta = false, seenMessage = false, seenText = false, seenFinish = false;
        return reader.object(
            depth,
            [&](QByteArrayView key, int inner) {
                if (key == "delta")
                    return !std::exchange(seenDelta, true) && readMessage(reader, inner, &delta);
                if (key == "message")
                    return !std::exchange(seenMessage, true) && readMessage(reader, inner, &message);
                if (key == "text") {
                    if (std::exchange(seenText, true))
                        return false;
                    textPresent = true;
                    return reader.stringOrSkip(inner, &text);
                }
                if (key == "finish_reason")
                    return !std::exchange(seenFinish, true) && reader.stringOrSkip(inner, &finishReason);
                return reader.skipValue(inner);
            },
            nullptr);
    };
    const bool ok = reader.object(
        0,
        [&](QByteArrayView key, int inner) {
            if (key == "error")
                return false; // the job reads errors from the whole object
            if (key == "model")
                return !std::exchange(seenModel, true) && reader.stringOrSkip(inner, &model);
            if (key == "choices") {
                if (std::exchange(seenChoices, true))
                    return false;
                if (reader.peek() != '[')
                    return reader.skipValue(inner); // not an array: no choices
                return reader.array(inner, [&](qsizetype index, int element) {
                    return index == 0 ? readChoice(element) : reader.skipValue(element);
                });
            }
            return reader.skipValue(inner);
        },
        nullptr);
    if (!ok || !reader.atEndAfterSpace())
        return false;
    const Message& used = delta.isObject && delta.members > 0 ? delta : message;
    QByteArrayView content = used.content;
    if (content.isEmpty() && textPresent)
        content = text;
    decodeString(model, &out->model);
    decodeString(used.reasoningContent.isEmpty() ? used.reasoning : used.reasoningContent, &out->reasoning);
    decodeString(content, &out->content);
    decodeString(finishReason, &out->finishReason);
    return true;
}

} // namespace Storybook::Llm
