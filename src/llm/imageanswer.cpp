#include "imageanswer.h"

#include "errortexts.h"
#include "imagebytes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>
#include <utility>

namespace Storybook::Llm {

namespace {

const QByteArray B64Key = QByteArrayLiteral("\"b64_json\"");
// Stands in for the b64_json value in the rest of the answer that goes through the JSON parser. No
// base64 text holds a ':', so a provider's own value is never mistaken for it.
const QByteArray Marker = QByteArrayLiteral("storybook:b64_json");
constexpr int MaxKeyCandidates = 16;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Whether the character at `at` is escaped (preceded by an odd number of backslashes).
bool isEscaped(QByteArrayView text, qsizetype at)
{
    qsizetype backslashes = 0;
    while (at - 1 - backslashes >= 0 && text.at(at - 1 - backslashes) == '\\')
        ++backslashes;
    return backslashes % 2 == 1;
}

bool startsWithAfterSpaces(QByteArrayView text, char c)
{
    for (const char x : text) {
        if (!isJsonSpace(x))
            return x == c;
    }
    return false;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Where the first "b64_json" key's string value is: between its quotes, [begin, end). Nothing when
// there is none, it is empty or it is no string (the parser then reads the whole answer and says so).
struct Span
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

std::optional<Span> firstBase64Value(const QByteArray& body)
{
    const QByteArrayView text(body);
    qsizetype from = 0;
    for (int candidate = 0; candidate < MaxKeyCandidates; ++candidate) {
        const qsizetype key = body.indexOf(B64Key, from);
        if (key < 0)
            return std::nullopt;
        from = key + B64Key.size();
        if (isEscaped(text, key))
            continue; // inside another string
        qsizetype i = from;
        while (i < text.size() && isJsonSpace(text.at(i)))
            ++i;
        if (i >= text.size() || text.at(i) != ':')
            continue; // a string value "b64_json", not the key
        ++i;
        while (i < text.size() && isJsonSpace(text.at(i)))
            ++i;
        if (i >= text.size() || text.at(i) != '"')
            return std::nullopt;
        const qsizetype begin = i + 1;
        qsizetype end = begin;
        while (end < text.size()) {
            const void* quote = std::memchr(text.data() + end, '"', size_t(text.size() - end));
            if (!quote)
                return std::nullopt;
            end = static_cast<const char*>(quote) - text.data();
            if (!isEscaped(text, end))
                return end > begin ? std::optional<Span>(Span{begin, end}) : std::nullopt;
            ++end;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

// Base64 text that came out of the JSON parser: whitespace dropped in one pass, only when there is any.
QByteArray withoutSpaces(QByteArray text)
{
    if (std::none_of(text.cbegin(), text.cend(), isJsonSpace))
        return text;
    char* out = text.data();
    for (const char c : std::as_const(text)) {
        if (!isJsonSpace(c))
            *out++ = c;
    }
    text.truncate(out - text.constData());
    return text;
}

ImageAnswer failure(LlmError error)
{
    ImageAnswer answer;
    answer.error = std::move(error);
    return answer;
}

ImageAnswer pictureFromBase64(QByteArray encoded, const QString& server)
{
    if (encoded.startsWith("data:"))
        encoded.remove(0, encoded.indexOf(',') + 1);
    auto decoded = QByteArray::fromBase64Encoding(std::move(encoded), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return failure(makeError(LlmError::Kind::MalformedResponse, server, LlmError::tr("its picture is not valid base64")));
    ImageAnswer answer;
    answer.error = checkPictureBytes(*decoded, server, &answer.mimeType);
    if (!answer.error.isError())
        answer.bytes = std::move(*decoded);
    return answer;
}

} // namespace

std::optional<QByteArray> base64FromJsonString(QByteArrayView raw)
{
    QByteArray out(raw.size(), Qt::Uninitialized);
    char* o = out.data();
    const qsizetype n = raw.size();
    for (qsizetype i = 0; i < n; ++i) {
        char c = raw.at(i);
        if (c == '\\') {
            if (++i >= n)
                return std::nullopt;
            const char e = raw.at(i);
            if (e == '/') {
                c = '/';
            } else if (e == 'n' || e == 'r' || e == 't') {
                continue;
            } else if (e == 'u') {
                if (i + 4 >= n)
                    return std::nullopt;
                int value = 0;
                for (int k = 1; k <= 4; ++k) {
                    const int digit = hexValue(raw.at(i + k));
                    if (digit < 0)
                        return std::nullopt;
                    value = value * 16 + digit;
                }
                i += 4;
                if (value >= 0x80 || value == '\\' || value == '"')
                    return std::nullopt;
                c = char(value);
            } else {
                return std::nullopt; // \" \\ \b \f: no base64 text holds them
            }
        }
        if (!isJsonSpace(c))
            *o++ = c;
    }
    out.truncate(o - out.constData());
    return out;
}

LlmError checkPictureBytes(const QByteArray& bytes, const QString& from, QString* mimeType)
{
    const ImageFormat format = sniffImageFormat(bytes);
    if (format == ImageFormat::Unknown) {
        LlmError error = makeError(LlmError::Kind::MalformedResponse, from,
                                   startsWithAfterSpaces(bytes, '<') ? LlmError::tr("it sent a web page instead of a picture")
                                                                     : LlmError::tr("it sent data that is not a PNG, JPEG or WebP picture"));
        error.detail = QStringLiteral("%1 bytes, starting %2").arg(bytes.size()).arg(QString::fromLatin1(bytes.left(8).toHex(' ')));
        return error;
    }
    QString why;
    if (!isIntactImage(bytes, format, &why)) {
        LlmError error = makeError(LlmError::Kind::MalformedResponse, from, LlmError::tr("the picture it sent is damaged or incomplete"));
        error.detail = why;
        return error;
    }
    if (mimeType)
        *mimeType = mimeTypeOf(format);
    return {};
}

ImageAnswer readImageAnswer(const QByteArray& body, const QByteArray& contentType, const QString& server,
                            const QUrl& requestUrl, const Redactor& redactor)
{
    // A server that answers with the picture itself (some local servers do).
    if (sniffImageFormat(body) != ImageFormat::Unknown || contentType.startsWith("image/")) {
        ImageAnswer answer;
        answer.error = checkPictureBytes(body, server, &answer.mimeType);
        if (!answer.error.isError())
            answer.bytes = body;
        return answer;
    }

    // The picture's base64 text (nearly all of a b64_json answer) stays out of the parser: the rest
    // is parsed with a marker in its place. Should that rest not parse (a "b64_json" that is not
    // what it seemed), the whole answer is parsed as it is.
    const std::optional<Span> span = firstBase64Value(body);
    QByteArray rest;
    QJsonParseError parseError{};
    QJsonDocument doc;
    if (span) {
        rest.reserve(span->begin + Marker.size() + body.size() - span->end);
        rest.append(body.constData(), span->begin).append(Marker).append(body.constData() + span->end, body.size() - span->end);
        doc = QJsonDocument::fromJson(rest, &parseError);
    }
    const bool markerUsed = span && doc.isObject();
    if (!markerUsed)
        doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject()) {
        const QString why = startsWithAfterSpaces(body, '<') ? LlmError::tr("it sent a web page instead of JSON")
                                                             : LlmError::tr("invalid JSON (%1)").arg(parseError.errorString());
        return failure(makeError(LlmError::Kind::MalformedResponse, server, why));
    }
    const QJsonObject root = doc.object();
    if (LlmError error = errorInOkAnswer(root, markerUsed ? rest : body, server, redactor); error.isError())
        return failure(std::move(error));
    QJsonArray entries = root.value(QLatin1String("data")).toArray();
    if (entries.isEmpty())
        entries = root.value(QLatin1String("images")).toArray();
    for (const QJsonValue& entry : std::as_const(entries)) {
        const QJsonObject object = entry.toObject();
        QString base64 = object.value(QLatin1String("b64_json")).toString();
        QString url = object.value(QLatin1String("url")).toString();
        if (entry.isString()) {
            const QString text = entry.toString();
            (text.startsWith(QLatin1String("http")) ? url : base64) = text;
        }
        if (base64.isEmpty() && url.startsWith(QLatin1String("data:")))
            base64 = std::exchange(url, QString());
        if (base64.isEmpty() && url.isEmpty())
            continue;
        const QString revisedPrompt = object.value(QLatin1String("revised_prompt")).toString();
        if (!base64.isEmpty()) {
            std::optional<QByteArray> encoded;
            if (markerUsed && base64 == QLatin1String(Marker))
                encoded = base64FromJsonString(QByteArrayView(body).sliced(span->begin, span->end - span->begin));
            else
                encoded = withoutSpaces(base64.toLatin1());
            if (!encoded)
                return failure(makeError(LlmError::Kind::MalformedResponse, server, LlmError::tr("its picture is not valid base64")));
            ImageAnswer answer = pictureFromBase64(std::move(*encoded), server);
            if (!answer.error.isError())
                answer.revisedPrompt = revisedPrompt;
            return answer;
        }
        const QUrl address = requestUrl.resolved(QUrl(url));
        if (!address.isValid() || (address.scheme() != QLatin1String("http") && address.scheme() != QLatin1String("https")))
            return failure(makeError(LlmError::Kind::MalformedResponse, server, LlmError::tr("its picture address is not a web address")));
        ImageAnswer answer;
        answer.url = address;
        answer.revisedPrompt = revisedPrompt;
        return answer;
    }
    // Zhipu marks a refused picture in content_filter instead of sending one.
    if (root.contains(QLatin1String("content_filter")))
        return failure(makeError(LlmError::Kind::ContentRefused, LlmError::tr("%1 sent no picture").arg(server)));
    return failure(makeError(LlmError::Kind::MalformedResponse, server, LlmError::tr("it holds no picture")));
}

} // namespace Storybook::Llm
