#include "fakeopenaiserver.h"

#include "fakespeech.h"
#include "testlogging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <zlib.h>

#include <functional>
#include <memory>
#include <optional>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Storybook::Test {

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 64 * 1024 * 1024;
constexpr qint64 kWriteHighWater = 1024 * 1024;
constexpr int kEventsPerBatch = 512;
constexpr int kMaxDeltas = 10'000'000;
constexpr int kMaxStepsPerTurn = 4096;
constexpr int kSplitPauseMs = 3;
constexpr int kDropDelayMs = 50;
constexpr qint64 kCreated = 1700000000;
constexpr int kPictureWidth = 48;
constexpr int kPictureHeight = 32;

const char* const kWords[] = {"Once", " upon", " a", " time,", " a", " small", " fox", " found", " a", " lantern."};


//! The "story" scenario: a JSON page shaped by the prompt (first page, the child's answer, last page).
QByteArray storyPageFor(const QByteArray& requestBody)
{
    const QJsonArray messages = QJsonDocument::fromJson(requestBody).object().value(QLatin1String("messages")).toArray();
    QString prompt;
    for (const QJsonValue& message : messages)
        prompt += message.toObject().value(QLatin1String("content")).toString() + u'\n';
    const bool zh = prompt.contains(QStringLiteral("简体中文"));
    const bool last = prompt.contains(QLatin1String("This is the last page")) || prompt.contains(QStringLiteral("这是最后一页"));
    const bool first = prompt.contains(QLatin1String("Write page 1 of")) || prompt.contains(QStringLiteral("第 1 页（共"));
    // The child's answer is quoted as a JSON string (PromptBuilder::quoted); plain answers need no unescaping here.
    static const QRegularExpression answerEn(QStringLiteral("quoted as data: \"([^\"]*)\""));
    static const QRegularExpression answerZh(QStringLiteral("（作为数据引用）：\"([^\"]*)\""));
    const QString answer = (zh ? answerZh : answerEn).match(prompt).captured(1);
    QJsonObject page;
    if (first) {
        page.insert(QLatin1String("title"), zh ? QStringLiteral("小狐狸和灯笼") : QStringLiteral("The Fox and the Lantern"));
        page.insert(QLatin1String("cast"), QJsonArray{QJsonObject{{QLatin1String("name"), zh ? QStringLiteral("小橙") : QStringLiteral("Pip")},
                                                                  {QLatin1String("look"), zh ? QStringLiteral("一只戴蓝围巾的小狐狸") : QStringLiteral("a small fox with a blue scarf")}}});
    }
    QString text;
    if (!answer.isEmpty())
        text = zh ? QStringLiteral("你选了“%1”，真棒！").arg(answer) : QStringLiteral("You chose \"%1\" - what a good idea! ").arg(answer);
    text += zh ? QStringLiteral("小橙提着灯笼走进了安静的森林。🦊") : QStringLiteral("Pip the fox carried the lantern into the quiet forest. 🦊");
    if (last)
        text += zh ? QStringLiteral("最后，大家一起回家了。") : QStringLiteral(" In the end, everyone went home together.");
    page.insert(QLatin1String("text"), text);
    page.insert(QLatin1String("scene"), zh ? QStringLiteral("月光下的森林里，一只小狐狸提着灯笼。") : QStringLiteral("A small fox with a lantern in a moonlit forest."));
    if (last) {
        page.insert(QLatin1String("interaction"), QJsonValue::Null);
        page.insert(QLatin1String("end"), true);
    } else {
        page.insert(QLatin1String("interaction"),
                    QJsonObject{{QLatin1String("kind"), QLatin1String("choose")},
                                {QLatin1String("question"), zh ? QStringLiteral("小橙接下来该去哪里？") : QStringLiteral("Where should Pip go next?")},
                                {QLatin1String("options"), zh ? QJsonArray{QStringLiteral("跟着猫头鹰"), QStringLiteral("过小桥")}
                                                                : QJsonArray{QStringLiteral("Follow the owl"), QStringLiteral("Cross the bridge")}}});
        page.insert(QLatin1String("end"), false);
    }
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

//! The first page as a careless model writes it: in a code fence with chatter after it, unquoted
//! keys, single quotes and trailing commas (JSON parsers refuse it; the app's page parser repairs it).
QByteArray sloppyStoryPage()
{
    return QByteArrayLiteral(
        "Here is your page!\n```json\n"
        "{title: 'The Fox and the Lantern', cast: [{name: 'Pip', look: 'a small fox with a blue scarf',}, "
        "{'name': 'Hoot', 'look': 'an old grey owl',},], "
        "text: 'Pip the fox carried the lantern into the quiet forest.', scene: 'A fox with a lantern.', "
        "interaction: {kind: 'choose', question: 'Where should Pip go next?', options: ['Follow the owl', 'Cross the bridge',],}, "
        "end: false,}\n```\nI hope the child enjoys it!");
}
constexpr int kWordCount = int(std::size(kWords));
const char* const kReasoning[] = {"The user wants", " a very short", " story about", " a fox."};
const char* const kSplitDeltas[] = {"从前，", "有一只", "小狐狸🦊", "找到了", "一盏灯。"};

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct Step
{
    enum class Kind { Write, Abort, Stall };
    Kind kind = Kind::Write;
    QByteArray data;
    int delayMs = 0;
    bool raw = false;   //!< bypasses chunk framing (the response head)
    bool flush = false;
};
using StepSource = std::function<std::optional<Step>()>;

struct Scenario
{
    QString name;
    QList<int> params;
    bool valid = true;

    int param(qsizetype index, int fallback) const { return index < params.size() ? params.at(index) : fallback; }
    bool hasParam(qsizetype index) const { return index < params.size(); }
};

Scenario parseScenario(const QString& text)
{
    Scenario scenario;
    const QStringList parts = text.split(QLatin1Char(':'));
    scenario.name = parts.value(0);
    for (qsizetype i = 1; i < parts.size() && i < 4; ++i) {
        bool ok = false;
        const int value = parts.at(i).toInt(&ok);
        if (!ok || value < 0) {
            scenario.valid = false;
            break;
        }
        scenario.params.append(value);
    }
    if (parts.size() > 4)
        scenario.valid = false;
    return scenario;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

//! JSON string literal (with quotes) of UTF-8 text; non-ASCII is kept as raw UTF-8.
QByteArray jsonString(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20) {
            out += "\\u00";
            out += QByteArray::number(u, 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

QByteArray errorJson(const QByteArray& message, const QByteArray& type, const QByteArray& codeJson)
{
    return QByteArray("{\"error\":{\"message\":") + jsonString(message) + ",\"type\":" + jsonString(type)
        + ",\"param\":null,\"code\":" + codeJson + "}}";
}

QByteArray gzipCompress(const QByteArray& input)
{
    z_stream zs{};
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&zs, uLong(input.size())) + 64), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.constData()));
    zs.avail_in = uInt(input.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

StepSource listSource(QList<Step> steps)
{
    auto shared = std::make_shared<QList<Step>>(std::move(steps));
    auto index = std::make_shared<qsizetype>(0);
    return [shared, index]() -> std::optional<Step> {
        if (*index >= shared->size())
            return std::nullopt;
        return shared->at((*index)++);
    };
}

StepSource concatSources(StepSource first, StepSource second)
{
    auto firstDone = std::make_shared<bool>(false);
    return [first = std::move(first), second = std::move(second), firstDone]() -> std::optional<Step> {
        if (!*firstDone) {
            if (auto step = first())
                return step;
            *firstDone = true;
        }
        return second();
    };
}

struct Exchange
{
    bool keepAlive = true;
    bool http10 = false;
    quint64 serial = 0;
};

//! What the connection should do with one request.
struct Response
{
    StepSource source;         //!< empty → no answer at all (stall-headers)
    bool chunked = false;
    bool keepAlive = true;
    bool resetNow = false;     //!< abort with RST without answering
};

QByteArray responseHead(int status, const Headers& headers, const Exchange& exchange, std::optional<qint64> contentLength,
                        bool chunked)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Server: storybook-fake-openai\r\n";
    head += "x-request-id: req-fake-" + QByteArray::number(exchange.serial) + "\r\n";
    for (const auto& [name, value] : headers)
        head += name + ": " + value + "\r\n";
    if (contentLength)
        head += "Content-Length: " + QByteArray::number(*contentLength) + "\r\n";
    else if (chunked)
        head += "Transfer-Encoding: chunked\r\n";
    head += exchange.keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    head += "\r\n";
    return head;
}

Response fixedResponse(int status, const Headers& headers, const QByteArray& body, const Exchange& exchange,
                       int delayMs = 0)
{
    Step step;
    step.raw = true;
    step.delayMs = delayMs;
    step.data = responseHead(status, headers, exchange, body.size(), false) + body;
    Response response;
    response.source = listSource({step});
    response.keepAlive = exchange.keepAlive;
    return response;
}

Response jsonResponse(int status, const QByteArray& body, const Exchange& exchange, Headers extra = {}, int delayMs = 0)
{
    extra.prepend({"Content-Type", "application/json"});
    return fixedResponse(status, extra, body, exchange, delayMs);
}

Response errorResponse(int status, const QByteArray& message, const Exchange& exchange, const QByteArray& model = {},
                       std::optional<int> retryAfter = std::nullopt)
{
    QByteArray type = "invalid_request_error";
    QByteArray code = "null";
    QByteArray text = message;
    if (text.isEmpty()) {
        switch (status) {
        case 400: text = "Bad request"; break;
        case 401:
            text = "Incorrect API key provided";
            code = "\"invalid_api_key\"";
            break;
        case 403: text = "You are not allowed to use this model"; code = "\"permission_denied\""; break;
        case 404:
            text = "The model `" + (model.isEmpty() ? QByteArray("fake-small") : model) + "` does not exist";
            code = "\"model_not_found\"";
            break;
        case 429:
            text = "Rate limit reached for requests";
            type = "requests";
            code = "\"rate_limit_exceeded\"";
            break;
        default:
            if (status >= 500) {
                text = "Service unavailable";
                type = "server_error";
            } else {
                text = "Fake error " + QByteArray::number(status);
            }
        }
    } else if (status >= 500) {
        type = "server_error";
    } else if (status == 401) {
        code = "\"invalid_api_key\"";
    }
    Headers extra;
    if (retryAfter)
        extra.append({"Retry-After", QByteArray::number(*retryAfter)});
    return jsonResponse(status, errorJson(text, type, code), exchange, extra);
}

struct ChatRequest
{
    bool stream = false;
    bool includeUsage = false;
    QByteArray model = "fake-small";
};

//! Builds chat.completion(.chunk) JSON and SSE framing for one response.
class ChatWriter final
{
public:
    struct Style
    {
        bool crlf = false;
        bool comments = false;
        bool nospace = false;
    };

    ChatWriter(const ChatRequest& request, const Exchange& exchange, Style style)
        : m_request(request), m_style(style), m_id("chatcmpl-fake-" + QByteArray::number(exchange.serial))
    {
    }

    QByteArray event(const QByteArray& payload) const
    {
        const QByteArray nl = m_style.crlf ? QByteArray("\r\n") : QByteArray("\n");
        QByteArray out;
        if (m_style.comments)
            out += ": keep-alive" + nl + nl;
        out += (m_style.nospace ? QByteArray("data:") : QByteArray("data: ")) + payload + nl + nl;
        return out;
    }
    QByteArray chunk(const QByteArray& deltaJson, const QByteArray& finishReason = {}) const
    {
        const QByteArray finish = finishReason.isEmpty() ? QByteArray("null") : jsonString(finishReason);
        return event(QByteArray("{\"id\":\"") + m_id + "\",\"object\":\"chat.completion.chunk\",\"created\":"
                     + QByteArray::number(kCreated) + ",\"model\":" + jsonString(m_request.model)
                     + ",\"choices\":[{\"index\":0,\"delta\":" + deltaJson
                     + ",\"finish_reason\":" + finish + "}]}");
    }
    QByteArray roleChunk() const { return chunk("{\"role\":\"assistant\",\"content\":\"\"}"); }
    QByteArray contentChunk(const QByteArray& text) const { return chunk(QByteArray("{\"content\":") + jsonString(text) + '}'); }
    QByteArray reasoningChunk(const QByteArray& text) const
    {
        return chunk(QByteArray("{\"content\":null,\"reasoning_content\":") + jsonString(text) + '}');
    }
    QByteArray finalChunks(const QByteArray& finishReason, int completionTokens) const
    {
        QByteArray out = chunk("{}", finishReason);
        if (m_request.includeUsage) {
            out += event(QByteArray("{\"id\":\"") + m_id + "\",\"object\":\"chat.completion.chunk\",\"created\":"
                         + QByteArray::number(kCreated) + ",\"model\":" + jsonString(m_request.model)
                         + ",\"choices\":[],\"usage\":" + usage(completionTokens) + '}');
        }
        return out;
    }
    QByteArray done() const { return event("[DONE]"); }

    QByteArray completion(const QByteArray& content, const QByteArray& reasoning, const QByteArray& finishReason,
                          int completionTokens) const
    {
        QByteArray message = QByteArray("{\"role\":\"assistant\",\"content\":") + jsonString(content);
        if (!reasoning.isEmpty())
            message += ",\"reasoning_content\":" + jsonString(reasoning);
        message += '}';
        return QByteArray("{\"id\":\"") + m_id + "\",\"object\":\"chat.completion\",\"created\":"
            + QByteArray::number(kCreated) + ",\"model\":" + jsonString(m_request.model)
            + ",\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":" + jsonString(finishReason)
            + "}],\"usage\":" + usage(completionTokens) + '}';
    }

private:
    static QByteArray usage(int completionTokens)
    {
        constexpr int prompt = 12;
        return "{\"prompt_tokens\":" + QByteArray::number(prompt) + ",\"completion_tokens\":"
            + QByteArray::number(completionTokens) + ",\"total_tokens\":" + QByteArray::number(prompt + completionTokens)
            + '}';
    }

    ChatRequest m_request;
    Style m_style;
    QByteArray m_id;
};

Step writeStep(QByteArray data, int delayMs = 0, bool flush = false)
{
    Step step;
    step.data = std::move(data);
    step.delayMs = delayMs;
    step.flush = flush;
    return step;
}

Step kindStep(Step::Kind kind, int delayMs = 0)
{
    Step step;
    step.kind = kind;
    step.delayMs = delayMs;
    return step;
}

Headers streamHeaders()
{
    return {{"Content-Type", "text/event-stream; charset=utf-8"}, {"Cache-Control", "no-cache"}};
}

//! Streams N word deltas in batches of kEventsPerBatch events per write.
StepSource bulkStream(const ChatWriter& writer, int count)
{
    auto next = std::make_shared<int>(-1); // -1: role chunk pending
    return [writer, count, next]() -> std::optional<Step> {
        if (*next > count)
            return std::nullopt;
        QByteArray batch;
        batch.reserve(kEventsPerBatch * 200);
        for (int produced = 0; produced < kEventsPerBatch && *next <= count; ++produced) {
            if (*next < 0)
                batch += writer.roleChunk();
            else if (*next < count)
                batch += writer.contentChunk(kWords[*next % kWordCount]);
            else
                batch += writer.finalChunks("stop", count) + writer.done();
            ++*next;
        }
        return writeStep(std::move(batch));
    };
}

QByteArray wordsText(int count)
{
    QByteArray text;
    for (int i = 0; i < count; ++i)
        text += kWords[i % kWordCount];
    return text;
}


// ---- Pictures -------------------------------------------------------------------------------------

//! A 32x24 JPEG and a 32x24 lossless WebP, made once with ImageMagick
//! (convert -size 32x24 gradient:orange-royalblue -quality 80 -strip pic.jpg;
//!  convert -size 32x24 gradient:seagreen-gold -define webp:lossless=true -strip pic.webp):
//! the test-support library links no QtGui, so these two are kept as bytes; PNGs are encoded here.
const char kJpegBytes[] =
    "\xff\xd8\xff\xe0\x00\x10\x4a\x46\x49\x46\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00\x43\x00\x06\x04\x05"
    "\x06\x05\x04\x06\x06\x05\x06\x07\x07\x06\x08\x0a\x10\x0a\x0a\x09\x09\x0a\x14\x0e\x0f\x0c\x10\x17\x14\x18\x18\x17"
    "\x14\x16\x16\x1a\x1d\x25\x1f\x1a\x1b\x23\x1c\x16\x16\x20\x2c\x20\x23\x26\x27\x29\x2a\x29\x19\x1f\x2d\x30\x2d\x28"
    "\x30\x25\x28\x29\x28\xff\xdb\x00\x43\x01\x07\x07\x07\x0a\x08\x0a\x13\x0a\x0a\x13\x28\x1a\x16\x1a\x28\x28\x28\x28"
    "\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28"
    "\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\xff\xc0\x00\x11\x08\x00\x18\x00\x20\x03"
    "\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xc4\x00\x16\x00\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
    "\x00\x00\x00\x05\x06\xff\xc4\x00\x16\x10\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x14"
    "\x61\xff\xc4\x00\x16\x01\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x06\x07\xff\xc4\x00"
    "\x1b\x11\x00\x01\x04\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x14\x51\x61\x03\x15\x16\xff\xda"
    "\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00\xd7\xd7\xa5\x7a\x81\x5e\x95\xea\x37\x9a\xa2\x8b\x69\x65\xfa\xf4"
    "\xaf\x50\x2b\xd2\xbd\x39\xaa\x1b\x4b\x20\x55\xa5\x5a\x0d\xb9\x86\x18\x21\x1c\x2e\x45\x5a\x55\xa0\x30\xc3\x01\xc2"
    "\xe4\xff\xd9";
const char kWebpBytes[] =
    "\x52\x49\x46\x46\x58\x00\x00\x00\x57\x45\x42\x50\x56\x50\x38\x4c\x4b\x00\x00\x00\x2f\x1f\xc0\x05\x00\x99\x8c\xe8"
    "\x7f\x6c\xca\x50\xf8\xe8\x7f\x38\x94\xb6\x8d\xc4\x80\xbb\xed\x7f\xf2\xfb\xc2\x2b\x10\x0b\xa6\xf8\x5e\x30\x09\x04"
    "\x92\xf6\x37\x98\x36\xd4\xb6\x6d\xc3\xc8\x53\xcb\x94\x2f\xec\x5b\x15\x90\x21\x32\x50\x7a\x83\x94\x8f\x3f\x1c\x4a"
    "\x37\xe5\xcf\x20\xfd\xef\xf9\xe3\xec\xa6\x01\x00";

void appendBigEndian(QByteArray& out, quint32 value)
{
    out += char(value >> 24);
    out += char(value >> 16);
    out += char(value >> 8);
    out += char(value);
}

void appendPngChunk(QByteArray& out, const char* type, const QByteArray& data)
{
    appendBigEndian(out, quint32(data.size()));
    QByteArray typed(type, 4);
    typed += data;
    out += typed;
    appendBigEndian(out, quint32(crc32(0, reinterpret_cast<const Bytef*>(typed.constData()), uInt(typed.size()))));
}

//! A real RGB PNG (zlib, CRCs), its colours derived from the seed, so two prompts give two pictures.
QByteArray encodePng(int width, int height, const QByteArray& seed)
{
    const quint32 hash = quint32(qHash(seed, 7));
    QByteArray raw;
    raw.reserve((width * 3 + 1) * height);
    for (int y = 0; y < height; ++y) {
        raw += '\0'; // filter: none
        for (int x = 0; x < width; ++x) {
            raw += char((hash & 0xFF) ^ (x * 255 / qMax(1, width - 1)));
            raw += char(((hash >> 8) & 0xFF) ^ (y * 255 / qMax(1, height - 1)));
            raw += char((hash >> 16) & 0xFF);
        }
    }
    QByteArray compressed(qsizetype(compressBound(uLong(raw.size()))), Qt::Uninitialized);
    uLongf compressedSize = uLongf(compressed.size());
    if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &compressedSize,
                  reinterpret_cast<const Bytef*>(raw.constData()), uLong(raw.size()), Z_BEST_COMPRESSION) != Z_OK)
        return {};
    compressed.resize(qsizetype(compressedSize));
    QByteArray header;
    appendBigEndian(header, quint32(width));
    appendBigEndian(header, quint32(height));
    header += char(8); // bit depth
    header += char(2); // colour type: RGB
    header += QByteArray(3, '\0');
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendPngChunk(png, "IHDR", header);
    appendPngChunk(png, "IDAT", compressed);
    appendPngChunk(png, "IEND", {});
    return png;
}

//! Parses a multipart/form-data body (boundary quoted or not) into its parts; false when malformed.
bool parseMultipart(const QByteArray& contentType, const QByteArray& body, QList<RecordedPart>* parts)
{
    const qsizetype at = contentType.toLower().indexOf("boundary=");
    if (!contentType.toLower().startsWith("multipart/form-data") || at < 0)
        return false;
    QByteArray boundary = contentType.mid(at + 9);
    if (const qsizetype semicolon = boundary.indexOf(';'); semicolon >= 0)
        boundary.truncate(semicolon);
    boundary = boundary.trimmed();
    if (boundary.startsWith('"') && boundary.endsWith('"') && boundary.size() >= 2)
        boundary = boundary.mid(1, boundary.size() - 2);
    if (boundary.isEmpty())
        return false;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return false;
    for (int guard = 0; guard < 1000; ++guard) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return true; // the closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return false;
        pos += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            return false;
        RecordedPart part;
        for (const QByteArray& line : body.mid(pos, headEnd - pos).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-type") {
                part.contentType = value;
            } else if (name == "content-disposition") {
                static const QRegularExpression field(QStringLiteral("(?:^|;)\\s*(name|filename)=\"([^\"]*)\""));
                auto matches = field.globalMatch(QString::fromUtf8(value));
                while (matches.hasNext()) {
                    const auto match = matches.next();
                    (match.captured(1) == QLatin1String("name") ? part.name : part.fileName) = match.captured(2).toUtf8();
                }
            }
        }
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headEnd + 4);
        if (next < 0)
            return false;
        part.body = body.mid(headEnd + 4, next - headEnd - 4);
        parts->append(part);
        pos = next + 2;
    }
    return false;
}

bool isPictureBytes(const QByteArray& bytes)
{
    return bytes.startsWith("\x89PNG\r\n\x1a\n") || bytes.startsWith("\xff\xd8\xff")
        || (bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP");
}
} // namespace

namespace Detail {

//! One accepted socket: parses requests, executes Response step sources, keeps alive.
class FakeConnection final : public QObject
{
public:
    FakeConnection(FakeOpenAiServer* server, QTcpSocket* socket);
    ~FakeConnection() override;

    void start(Response response);
    void shutdown();
    bool isHttp10() const { return m_http10; }

private:
    enum class ParseResult { Incomplete, Dispatched, Failed };

    void onReadyRead();
    void onDisconnected();
    void processBuffer();
    ParseResult parseOne();
    void fail(int status, const QByteArray& message);
    void pump();
    void finishResponse();
    void abortWithReset();

    FakeOpenAiServer* m_server;
    QTcpSocket* m_socket;
    QTimer* m_delayTimer;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_closing = false;
    bool m_sentContinue = false;
    Response m_response;
    std::optional<Step> m_pending;
    bool m_waitingForDrain = false;
    bool m_http10 = false;
};

FakeConnection::FakeConnection(FakeOpenAiServer* server, QTcpSocket* socket)
    : QObject(server), m_server(server), m_socket(socket), m_delayTimer(new QTimer(this))
{
    m_socket->setParent(this);
    m_delayTimer->setSingleShot(true);
    connect(m_delayTimer, &QTimer::timeout, this, &FakeConnection::pump);
    connect(m_socket, &QTcpSocket::readyRead, this, &FakeConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &FakeConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_waitingForDrain && m_socket->bytesToWrite() < kWriteHighWater / 2) {
            m_waitingForDrain = false;
            pump();
        }
    });
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &FakeConnection::onReadyRead, Qt::QueuedConnection);
}

FakeConnection::~FakeConnection()
{
    m_socket->disconnect(this);
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    if (m_server)
        m_server->connectionGone(this);
}

void FakeConnection::shutdown()
{
    // Called by the server while closing: forget the server, the server deletes us right after.
    m_server = nullptr;
    m_closing = true;
    m_response = {};
    m_delayTimer->stop();
}

void FakeConnection::onDisconnected()
{
    if (m_closing)
        return;
    m_closing = true;
    m_response = {};
    m_delayTimer->stop();
    if (m_server) {
        m_server->connectionGone(this);
        m_server = nullptr;
    }
    deleteLater();
}

void FakeConnection::onReadyRead()
{
    if (m_closing)
        return;
    m_buffer += m_socket->readAll();
    if (m_buffer.size() > kMaxHeaderBytes + kMaxBodyBytes) {
        fail(413, "Request too large");
        return;
    }
    if (!m_busy)
        processBuffer();
}

void FakeConnection::processBuffer()
{
    if (m_busy || m_closing)
        return;
    if (parseOne() == ParseResult::Failed)
        return;
}

void FakeConnection::fail(int status, const QByteArray& message)
{
    Exchange exchange;
    exchange.keepAlive = false;
    m_buffer.clear();
    m_busy = true;
    start(errorResponse(status, message, exchange));
}

namespace {

enum class ChunkedResult { Incomplete, Done, Error };

//! Decodes a chunked request body starting at offset; on Done, *end is the offset after the trailer.
ChunkedResult decodeChunked(const QByteArray& buffer, qsizetype offset, QByteArray* body, qsizetype* end)
{
    body->clear();
    qsizetype pos = offset;
    for (int guard = 0; guard < 1'000'000; ++guard) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return ChunkedResult::Incomplete;
        QByteArray sizeText = buffer.mid(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qlonglong size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || size > kMaxBodyBytes || body->size() + size > kMaxBodyBytes)
            return ChunkedResult::Error;
        pos = lineEnd + 2;
        if (size == 0) {
            // Skip trailers up to the empty line.
            for (int trailers = 0; trailers < 100; ++trailers) {
                const qsizetype trailerEnd = buffer.indexOf("\r\n", pos);
                if (trailerEnd < 0)
                    return ChunkedResult::Incomplete;
                const bool empty = trailerEnd == pos;
                pos = trailerEnd + 2;
                if (empty) {
                    *end = pos;
                    return ChunkedResult::Done;
                }
            }
            return ChunkedResult::Error;
        }
        if (buffer.size() < pos + size + 2)
            return ChunkedResult::Incomplete;
        body->append(buffer.constData() + pos, size);
        pos += size;
        if (buffer.mid(pos, 2) != "\r\n")
            return ChunkedResult::Error;
        pos += 2;
    }
    return ChunkedResult::Error;
}

} // namespace

FakeConnection::ParseResult FakeConnection::parseOne()
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (m_buffer.size() > kMaxHeaderBytes) {
            fail(431, "Request header too large");
            return ParseResult::Failed;
        }
        return ParseResult::Incomplete;
    }
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        fail(400, "Malformed request line");
        return ParseResult::Failed;
    }
    RecordedRequest request;
    request.method = requestLine.at(0);
    request.path = requestLine.at(1);
    request.peer = m_socket->peerAddress();
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, "Malformed header line");
            return ParseResult::Failed;
        }
        request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    const qsizetype bodyStart = headEnd + 4;
    qsizetype consumed = bodyStart;
    if (request.header("Transfer-Encoding").toLower().contains("chunked")) {
        QByteArray body;
        qsizetype end = 0;
        switch (decodeChunked(m_buffer, bodyStart, &body, &end)) {
        case ChunkedResult::Error:
            fail(400, "Malformed chunked body");
            return ParseResult::Failed;
        case ChunkedResult::Incomplete:
            if (!m_sentContinue && request.header("Expect").toLower() == "100-continue") {
                m_sentContinue = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return ParseResult::Incomplete;
        case ChunkedResult::Done:
            request.body = body;
            consumed = end;
            break;
        }
    } else {
        const QByteArray lengthText = request.header("Content-Length");
        qlonglong length = 0;
        if (!lengthText.isNull()) {
            bool ok = false;
            length = lengthText.toLongLong(&ok);
            if (!ok || length < 0 || length > kMaxBodyBytes) {
                fail(ok ? 413 : 400, "Bad Content-Length");
                return ParseResult::Failed;
            }
        }
        if (m_buffer.size() < bodyStart + length) {
            if (!m_sentContinue && request.header("Expect").toLower() == "100-continue") {
                m_sentContinue = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return ParseResult::Incomplete;
        }
        request.body = m_buffer.mid(bodyStart, length);
        consumed = bodyStart + length;
    }
    m_buffer.remove(0, consumed);
    m_sentContinue = false;
    m_busy = true;

    m_http10 = http10;
    if (m_server)
        m_server->handleRequest(this, request);
    return ParseResult::Dispatched;
}

void FakeConnection::start(Response response)
{
    if (m_closing)
        return;
    m_busy = true;
    m_response = std::move(response);
    m_pending.reset();
    if (m_response.resetNow) {
        abortWithReset();
        return;
    }
    if (!m_response.source)
        return; // stall-headers: never answer
    pump();
}

void FakeConnection::pump()
{
    for (int turn = 0; turn < kMaxStepsPerTurn; ++turn) {
        if (m_closing || !m_response.source)
            return;
        if (m_socket->bytesToWrite() > kWriteHighWater) {
            m_waitingForDrain = true;
            return;
        }
        std::optional<Step> step;
        if (m_pending) {
            step = std::move(m_pending);
            m_pending.reset();
        } else {
            step = m_response.source();
            if (!step) {
                finishResponse();
                return;
            }
            if (step->delayMs > 0) {
                m_pending = std::move(step);
                m_delayTimer->start(m_pending->delayMs);
                return;
            }
        }
        switch (step->kind) {
        case Step::Kind::Abort:
            abortWithReset();
            return;
        case Step::Kind::Stall:
            m_response.source = nullptr;
            return;
        case Step::Kind::Write:
            break;
        }
        if (step->raw || !m_response.chunked) {
            m_socket->write(step->data);
        } else if (!step->data.isEmpty()) {
            m_socket->write(QByteArray::number(step->data.size(), 16) + "\r\n" + step->data + "\r\n");
        }
        if (step->flush)
            m_socket->flush();
    }
    // Yield to the event loop, then continue.
    m_delayTimer->start(0);
}

void FakeConnection::finishResponse()
{
    if (m_response.chunked)
        m_socket->write("0\r\n\r\n");
    const bool keepAlive = m_response.keepAlive;
    m_response = {};
    m_busy = false;
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_buffer.isEmpty())
        QMetaObject::invokeMethod(this, &FakeConnection::processBuffer, Qt::QueuedConnection);
}

void FakeConnection::abortWithReset()
{
    m_response = {};
    m_delayTimer->stop();
#ifdef Q_OS_UNIX
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        const ::linger lingerOption{1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &lingerOption, sizeof lingerOption);
    }
#endif
    m_socket->abort(); // emits disconnected → deleteLater
    if (!m_closing)
        onDisconnected();
}

} // namespace Detail

FakeOpenAiServer::FakeOpenAiServer(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<Storybook::Test::RecordedRequest>();
}

FakeOpenAiServer::~FakeOpenAiServer()
{
    close();
}

bool FakeOpenAiServer::setTlsCertificate(const QString& certPemPath, const QString& keyPemPath)
{
    QFile certFile(certPemPath);
    QFile keyFile(keyPemPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        m_errorString = QStringLiteral("Cannot read TLS certificate or key");
        return false;
    }
    m_certPem = certFile.readAll();
    m_keyPem = keyFile.readAll();
    if (QSslCertificate::fromData(m_certPem, QSsl::Pem).isEmpty()) {
        m_errorString = QStringLiteral("Invalid PEM certificate: ") + certPemPath;
        return false;
    }
    m_tls = true;
    return true;
}

bool FakeOpenAiServer::listen(const QHostAddress& address, quint16 port)
{
    close();
    if (!address.isLoopback()) {
        m_errorString = QStringLiteral("FakeOpenAiServer only listens on loopback addresses");
        return false;
    }
    if (m_tls) {
        if (!QSslSocket::supportsSsl()) {
            m_errorString = QStringLiteral("TLS is not supported by this Qt build");
            return false;
        }
        QSslKey key(m_keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(m_keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) {
            m_errorString = QStringLiteral("Invalid PEM private key (EC or RSA expected)");
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(m_certPem, QSsl::Pem);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(chain);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        auto* sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(configuration);
        connect(sslServer, &QSslServer::errorOccurred, this, [](QSslSocket* socket, QAbstractSocket::SocketError) {
            qCDebug(lcTest) << "fake server TLS handshake failed:" << socket->errorString();
        });
        m_server = sslServer;
    } else {
        m_server = new QTcpServer(this);
    }
    m_server->setMaxPendingConnections(1000);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &FakeOpenAiServer::acceptPending);
    if (!m_server->listen(address, port)) {
        m_errorString = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_address = address;
    qCDebug(lcTest) << "fake OpenAI server listening on" << baseUrl();
    return true;
}

void FakeOpenAiServer::close()
{
    const QList<Detail::FakeConnection*> connections = std::exchange(m_connections, {});
    for (Detail::FakeConnection* connection : connections) {
        connection->shutdown();
        delete connection;
    }
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
}

bool FakeOpenAiServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 FakeOpenAiServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl FakeOpenAiServer::baseUrl(const QString& scenario) const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_address.isNull() ? QStringLiteral("127.0.0.1") : m_address.toString());
    url.setPort(port());
    url.setPath(scenario.isEmpty() ? QStringLiteral("/v1") : QStringLiteral("/s/") + scenario + QStringLiteral("/v1"));
    return url;
}

int FakeOpenAiServer::openConnections() const
{
    return int(m_connections.size());
}

void FakeOpenAiServer::acceptPending()
{
    for (int guard = 0; guard < 10000 && m_server && m_server->hasPendingConnections(); ++guard) {
        QTcpSocket* socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        m_connections.append(new Detail::FakeConnection(this, socket));
    }
}

void FakeOpenAiServer::connectionGone(Detail::FakeConnection* connection)
{
    m_connections.removeOne(connection);
}

void FakeOpenAiServer::handleRequest(Detail::FakeConnection* connection, const RecordedRequest& incoming)
{
    RecordedRequest request = incoming;
    // Split "/s/<scenario>/rest" and the query.
    QByteArray path = request.path;
    if (const qsizetype query = path.indexOf('?'); query >= 0)
        path.truncate(query);
    QString scenarioText = m_defaultScenario;
    QByteArray rest = path;
    bool prefixed = false;
    if (path.startsWith("/s/")) {
        const qsizetype slash = path.indexOf('/', 3);
        const QByteArray encoded = slash < 0 ? path.mid(3) : path.mid(3, slash - 3);
        scenarioText = QUrl::fromPercentEncoding(encoded);
        rest = slash < 0 ? QByteArray("/") : path.mid(slash);
        prefixed = true;
    }
    request.scenario = scenarioText;
    const bool multipartBody = request.header("Content-Type").toLower().startsWith("multipart/");
    const bool multipartOk = multipartBody && parseMultipart(request.header("Content-Type"), request.body, &request.parts);
    m_requests.append(request);

    QPointer<Detail::FakeConnection> guard(connection);
    Q_EMIT requestReceived(request);
    if (!guard)
        return;

    Exchange exchange;
    exchange.serial = quint64(m_requests.size());
    exchange.http10 = connection->isHttp10();
    exchange.keepAlive = !exchange.http10 && !request.header("Connection").toLower().contains("close");

    QByteArray route = rest;
    if (route.startsWith("/v1/"))
        route = route.mid(3);
    const bool isChat = route == "/chat/completions";
    const bool isModels = route == "/models";
    const bool isModeration = route == "/moderations";
    const Scenario scenario = parseScenario(scenarioText);
    const QString& name = scenario.name;

    auto startWith = [&](Response response) { connection->start(std::move(response)); };

    const bool isPictures = route == "/images/generations" || route == "/images/edits";
    if (route.startsWith("/files/")) {
        servePictureFile(connection, route.mid(7), request, exchange.serial, exchange.keepAlive);
        return;
    }
    const bool isSpeech = route == "/audio/speech";
    if (isPictures || isSpeech) {
        if (request.method != "POST") {
            startWith(errorResponse(405, "Method " + request.method + " not allowed for " + route, exchange));
            return;
        }
        if (route == "/images/edits" && !multipartOk) {
            startWith(errorResponse(400, "Invalid multipart/form-data body", exchange));
            return;
        }
        if (isSpeech ? startSpeech(connection, request, scenarioText, exchange.serial, exchange.keepAlive)
                     : startPicture(connection, request, scenarioText, exchange.serial, exchange.keepAlive))
            return;
    }

    if (!isChat && !isModels && !isPictures && !isSpeech && !isModeration) {
        startWith(jsonResponse(404,
                               errorJson("Unknown request URL: " + request.method + ' ' + request.path
                                             + ". Please check the URL for typos.",
                                         "invalid_request_error", "\"unknown_url\""),
                               exchange));
        return;
    }
    if (((isChat || isModeration) && request.method != "POST") || (isModels && request.method != "GET")) {
        startWith(errorResponse(405, "Method " + request.method + " not allowed for " + route, exchange));
        return;
    }

    static const QStringList knownNames = {
        QStringLiteral("ok"), QStringLiteral("json"), QStringLiteral("reasoning"), QStringLiteral("crlf"),
        QStringLiteral("comments"), QStringLiteral("nospace"), QStringLiteral("nodone"),
        QStringLiteral("split-utf8"), QStringLiteral("length"), QStringLiteral("content_filter"),
        QStringLiteral("error-in-stream"), QStringLiteral("status"), QStringLiteral("flaky"),
        QStringLiteral("echo-key"), QStringLiteral("stall-headers"), QStringLiteral("stall"), QStringLiteral("drip"),
        QStringLiteral("drop"), QStringLiteral("reset"), QStringLiteral("malformed"), QStringLiteral("gzip"),
        QStringLiteral("redirect"), QStringLiteral("redirect-loop"), QStringLiteral("slow-models"), QStringLiteral("html"), QStringLiteral("story"),
        QStringLiteral("story-sloppy"), QStringLiteral("refuse")};
    // Picture scenarios leave the other endpoints alone (a picture check lists the models first).
    const bool pictureName = name.startsWith(QLatin1String("image-")) || name.startsWith(QLatin1String("speech-"));
    if (!scenario.valid || (!knownNames.contains(name) && name != QLatin1String("gateway") && !pictureName)
        || (name == QLatin1String("status")
            && (!scenario.hasParam(0) || scenario.param(0, 0) < 100 || scenario.param(0, 0) > 599))
        || (name == QLatin1String("drip") && !scenario.hasParam(0))) {
        qCWarning(lcTest) << "fake server: unknown or malformed scenario" << scenarioText;
        startWith(errorResponse(400, "Unknown fake-server scenario '" + scenarioText.toUtf8() + "'", exchange));
        return;
    }

    ChatRequest chat;
    if (isChat) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            startWith(errorResponse(400,
                                    "We could not parse the JSON body of your request. (HINT: This likely means you "
                                    "aren't using your HTTP library correctly.)",
                                    exchange));
            return;
        }
        const QJsonObject object = document.object();
        chat.stream = object.value(QLatin1String("stream")).toBool(false);
        chat.includeUsage = object.value(QLatin1String("stream_options"))
                                .toObject()
                                .value(QLatin1String("include_usage"))
                                .toBool(false);
        const QString model = object.value(QLatin1String("model")).toString();
        if (!model.isEmpty())
            chat.model = model.toUtf8();
    }

    // Generic scenarios.
    if (name == QLatin1String("reset")) {
        Response response;
        response.resetNow = true;
        startWith(std::move(response));
        return;
    }
    if (name == QLatin1String("stall-headers")) {
        startWith(Response{});
        return;
    }
    if (name == QLatin1String("redirect")) {
        QByteArray location = prefixed ? rest : path;
        if (const qsizetype query = request.path.indexOf('?'); query >= 0)
            location += request.path.mid(query);
        startWith(fixedResponse(307, {{"Location", location}, {"Content-Type", "text/plain"}}, "Redirecting\n",
                                exchange));
        return;
    }
    if (name == QLatin1String("redirect-loop")) {
        startWith(fixedResponse(302, {{"Location", request.path}, {"Content-Type", "text/plain"}}, "Again\n", exchange));
        return;
    }
    if (name == QLatin1String("status")) {
        const int code = scenario.param(0, 500);
        if (code != 200) {
            startWith(errorResponse(code, {}, exchange, chat.model,
                                    scenario.hasParam(1) ? std::optional<int>(scenario.param(1, 0)) : std::nullopt));
            return;
        }
    }
    if (name == QLatin1String("flaky")) {
        const int count = ++m_scenarioCounters[scenarioText];
        if (count <= scenario.param(0, 1)) {
            startWith(errorResponse(scenario.param(1, 503), {}, exchange, chat.model, 0));
            return;
        }
    }
    if (name == QLatin1String("html")) {
        // A captive portal or a web server that is not an API: 200 with a web page.
        startWith(fixedResponse(200, {{"Content-Type", "text/html; charset=utf-8"}},
                                "<!DOCTYPE html><html><body><h1>Welcome to the hotel Wi-Fi</h1></body></html>\n",
                                exchange));
        return;
    }
    if (name == QLatin1String("gateway")) {
        // A gateway in front of the API (nginx here) that could not reach it: its own HTML page.
        const int code = scenario.param(0, 502);
        startWith(fixedResponse(code, {{"Content-Type", "text/html"}, {"Server", "nginx/1.22.1"}},
                                "<html>\r\n<head><title>" + QByteArray::number(code) + " Bad Gateway</title></head>\r\n"
                                "<body>\r\n<center><h1>" + QByteArray::number(code) + " Bad Gateway</h1></center>\r\n"
                                "<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n",
                                exchange));
        return;
    }
    if (name == QLatin1String("echo-key")) {
        startWith(errorResponse(401, "Incorrect API key provided: " + request.header("Authorization"), exchange));
        return;
    }

    const bool gzip = name == QLatin1String("gzip");
    Headers gzipHeaders{{"Content-Encoding", "gzip"}};

    if (isSpeech) { // as for pictures: a generic scenario let it through
        startSpeech(connection, request, QStringLiteral("ok"), exchange.serial, exchange.keepAlive);
        return;
    }
    if (isPictures) { // a generic scenario let it through (flaky after its failures, say): the normal answer
        startPicture(connection, request, QStringLiteral("ok"), exchange.serial, exchange.keepAlive);
        return;
    }
    if (isModeration) {
        // An OpenAI moderation answer: flagged (violence) when the input holds the marker FLAG-ME.
        const QJsonValue input = QJsonDocument::fromJson(request.body).object().value(QLatin1String("input"));
        if (!input.isString() || input.toString().isEmpty()) {
            startWith(errorResponse(400, "'input' is a required property", exchange));
            return;
        }
        if (input.toString().contains(QLatin1String("FAIL-CHECK"))) {
            startWith(errorResponse(500, "The moderation service failed", exchange));
            return;
        }
        const QByteArray flagged = input.toString().contains(QLatin1String("FLAG-ME")) ? "true" : "false";
        startWith(jsonResponse(200,
                               "{\"id\":\"modr-fake\",\"model\":\"omni-moderation-latest\",\"results\":[{\"flagged\":" + flagged
                                   + ",\"categories\":{\"sexual\":false,\"violence\":" + flagged + ",\"self-harm\":false},"
                                     "\"category_scores\":{\"sexual\":0.001,\"violence\":" + (flagged == "true" ? "0.93" : "0.002")
                                   + ",\"self-harm\":0.0}}]}",
                               exchange));
        return;
    }
    if (isModels) {
        const QByteArray body = "{\"object\":\"list\",\"data\":[{\"id\":\"fake-small\",\"object\":\"model\","
                                "\"created\":1700000000,\"owned_by\":\"storybook\"},{\"id\":\"fake-large\","
                                "\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"storybook\"}]}";
        if (gzip) {
            startWith(jsonResponse(200, gzipCompress(body), exchange, gzipHeaders));
            return;
        }
        const int delay = name == QLatin1String("slow-models") ? scenario.param(0, 1000) : 0;
        startWith(jsonResponse(200, body, exchange, {}, delay));
        return;
    }

    // Chat completions.
    ChatWriter::Style style;
    style.crlf = name == QLatin1String("crlf");
    style.comments = name == QLatin1String("comments");
    style.nospace = name == QLatin1String("nospace");
    const ChatWriter writer(chat, exchange, style);

    QByteArray finish = "stop";
    // refuse:K: the first K chats to this exact scenario string are refused, later ones write a story page.
    const bool refusedNow = name == QLatin1String("refuse") && ++m_scenarioCounters[scenarioText] <= scenario.param(0, 1);
    if (name == QLatin1String("length"))
        finish = "length";
    else if (name == QLatin1String("content_filter") || refusedNow)
        finish = "content_filter";

    // Content deltas for this scenario.
    QList<QByteArray> deltas;
    QList<QByteArray> reasoning;
    int bulkCount = 0;
    if (name == QLatin1String("split-utf8")) {
        for (const char* delta : kSplitDeltas)
            deltas.append(QByteArray(delta));
    } else if (name == QLatin1String("story") || (name == QLatin1String("refuse") && !refusedNow)) {
        // A picture-book page as the app asks for it, in small deltas (split by characters).
        const QString page = QString::fromUtf8(storyPageFor(request.body));
        for (qsizetype i = 0; i < page.size(); i += 7)
            deltas.append(page.mid(i, 7).toUtf8());
    } else if (name == QLatin1String("story-sloppy")) {
        const QByteArray page = sloppyStoryPage();
        for (qsizetype i = 0; i < page.size(); i += 7)
            deltas.append(page.mid(i, 7));
    } else if (name == QLatin1String("drip")) {
        const int count = qBound(1, scenario.param(1, 20), 100000);
        for (int i = 0; i < count; ++i)
            deltas.append(QByteArray(kWords[i % kWordCount]));
    } else if (name == QLatin1String("ok") && scenario.param(0, 0) > 0) {
        bulkCount = qMin(scenario.param(0, 0), kMaxDeltas);
    } else {
        for (const char* word : kWords)
            deltas.append(QByteArray(word));
    }
    if (name == QLatin1String("reasoning")) {
        for (const char* part : kReasoning)
            reasoning.append(QByteArray(part));
    }

    if (name == QLatin1String("error-in-stream") && !chat.stream) {
        startWith(jsonResponse(500, errorJson("The model crashed", "server_error", "null"), exchange));
        return;
    }

    const bool stream = chat.stream && name != QLatin1String("json");
    if (!stream) {
        const QByteArray content = bulkCount > 0 ? wordsText(bulkCount) : deltas.join();
        const int tokens = bulkCount > 0 ? bulkCount : int(deltas.size());
        const QByteArray body = writer.completion(content, reasoning.join(), finish, tokens);
        if (gzip) {
            startWith(jsonResponse(200, gzipCompress(body), exchange, gzipHeaders));
            return;
        }
        if (name == QLatin1String("malformed")) {
            startWith(jsonResponse(200, body.left(body.size() / 2), exchange));
            return;
        }
        const bool drip = name == QLatin1String("drip");
        const bool stall = name == QLatin1String("stall");
        const bool drop = name == QLatin1String("drop");
        const bool split = name == QLatin1String("split-utf8");
        if (!drip && !stall && !drop && !split) {
            startWith(jsonResponse(200, body, exchange));
            return;
        }
        // Write the body in pieces with the scenario's timing.
        QList<Step> steps;
        Step head;
        head.raw = true;
        head.data = responseHead(200, {{"Content-Type", "application/json"}}, exchange, body.size(), false);
        steps.append(head);
        if (drip) {
            const int pieces = int(deltas.size());
            const qsizetype pieceSize = qMax<qsizetype>(1, body.size() / pieces + 1);
            for (qsizetype offset = 0; offset < body.size(); offset += pieceSize)
                steps.append(writeStep(body.mid(offset, pieceSize), scenario.param(0, 0), true));
        } else if (split) {
            qsizetype offset = 0;
            for (qsizetype i = 0; i < body.size(); ++i) {
                if (static_cast<unsigned char>(body.at(i)) >= 0xC0) {
                    steps.append(writeStep(body.mid(offset, i + 1 - offset), kSplitPauseMs, true));
                    offset = i + 1;
                }
            }
            steps.append(writeStep(body.mid(offset), kSplitPauseMs, true));
        } else {
            steps.append(writeStep(body.left(body.size() / 2), stall ? scenario.param(0, 0) : 0, true));
            steps.append(kindStep(stall ? Step::Kind::Stall : Step::Kind::Abort, drop ? kDropDelayMs : 0));
        }
        Response response;
        response.source = listSource(steps);
        response.keepAlive = exchange.keepAlive;
        startWith(std::move(response));
        return;
    }

    // Streaming.
    Response response;
    response.keepAlive = exchange.keepAlive;
    response.chunked = !exchange.http10; // HTTP/1.0: close-delimited body
    if (bulkCount > 0) {
        Step head;
        head.raw = true;
        head.data = responseHead(200, streamHeaders(), exchange, std::nullopt, response.chunked);
        response.source = concatSources(listSource({head}), bulkStream(writer, bulkCount));
        startWith(std::move(response));
        return;
    }

    QList<Step> steps;
    steps.append(writeStep(writer.roleChunk()));
    for (const QByteArray& part : reasoning)
        steps.append(writeStep(writer.reasoningChunk(part)));
    const int dripMs = (name == QLatin1String("drip") || name == QLatin1String("story")) ? scenario.param(0, 0) : 0;
    bool ended = false;
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        if (name == QLatin1String("malformed") && i == 2)
            steps.append(writeStep(writer.event("{\"id\":\"chatcmpl-broken\",\"choices\":[{\"delta\":{\"content\":\"bro")));
        if (name == QLatin1String("error-in-stream") && i == 3) {
            steps.append(writeStep(
                writer.event(R"({"error":{"message":"The model crashed","type":"server_error","param":null,"code":null}})"),
                0, true));
            ended = true;
            break;
        }
        steps.append(writeStep(writer.contentChunk(deltas.at(i)), dripMs, dripMs > 0));
        if (name == QLatin1String("stall")) {
            steps.last().delayMs = scenario.param(0, 0);
            steps.last().flush = true;
            steps.append(kindStep(Step::Kind::Stall));
            ended = true;
            break;
        }
        if (name == QLatin1String("drop") && i == 2) {
            steps.last().flush = true;
            steps.append(kindStep(Step::Kind::Abort, kDropDelayMs));
            ended = true;
            break;
        }
    }
    if (!ended) {
        QByteArray tail = writer.finalChunks(finish, int(deltas.size()));
        if (name != QLatin1String("nodone"))
            tail += writer.done();
        steps.append(writeStep(tail));
    }

    if (gzip) {
        QByteArray body;
        for (const Step& step : std::as_const(steps))
            body += step.data;
        Headers headers = streamHeaders();
        headers.append(gzipHeaders.constFirst());
        startWith(fixedResponse(200, headers, gzipCompress(body), exchange));
        return;
    }

    if (name == QLatin1String("split-utf8")) {
        QByteArray body;
        for (const Step& step : std::as_const(steps))
            body += step.data;
        steps.clear();
        qsizetype offset = 0;
        for (qsizetype i = 0; i < body.size(); ++i) {
            if (static_cast<unsigned char>(body.at(i)) >= 0xC0) {
                steps.append(writeStep(body.mid(offset, i + 1 - offset), kSplitPauseMs, true));
                offset = i + 1;
            }
        }
        steps.append(writeStep(body.mid(offset), kSplitPauseMs, true));
    }

    Step head;
    head.raw = true;
    head.flush = true;
    head.data = responseHead(200, streamHeaders(), exchange, std::nullopt, response.chunked);
    steps.prepend(head);
    response.source = listSource(steps);
    startWith(std::move(response));
}

} // namespace Storybook::Test

namespace Storybook::Test {

QByteArray FakeOpenAiServer::picture(const QByteArray& format, const QByteArray& seed)
{
    if (format == "jpeg" || format == "jpg")
        return QByteArray(kJpegBytes, sizeof kJpegBytes - 1);
    if (format == "webp")
        return QByteArray(kWebpBytes, sizeof kWebpBytes - 1);
    return encodePng(kPictureWidth, kPictureHeight, seed);
}

QByteArray FakeOpenAiServer::addPictureFile(const QByteArray& bytes, const QByteArray& contentType, int okFetches, int delayMs)
{
    const QByteArray token = "picture-" + QByteArray::number(++m_pictureSerial);
    m_pictureFiles.insert(token, PictureFile{bytes, contentType, okFetches, delayMs});
    return token;
}

QUrl FakeOpenAiServer::pictureFileUrl(const QByteArray& token) const
{
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/files/") + QString::fromLatin1(token));
    // Signed like a CDN's address (the query must never reach a log).
    url.setQuery(QStringLiteral("Expires=1700003600&Signature=fake-signature-") + QString::fromLatin1(token));
    return url;
}

void FakeOpenAiServer::servePictureFile(Detail::FakeConnection* connection, const QByteArray& token,
                                        const RecordedRequest& request, quint64 serial, bool keepAlive)
{
    Exchange exchange;
    exchange.serial = serial;
    exchange.keepAlive = keepAlive;
    const auto it = m_pictureFiles.find(token);
    if (request.method != "GET") {
        connection->start(errorResponse(405, "Method not allowed", exchange));
        return;
    }
    if (it == m_pictureFiles.end()) {
        connection->start(fixedResponse(404, {{"Content-Type", "application/xml"}},
                                        "<Error><Code>NoSuchKey</Code></Error>", exchange));
        return;
    }
    if (it->okFetches == 0) { // an expired signed address, as object stores answer it
        connection->start(fixedResponse(403, {{"Content-Type", "application/xml"}},
                                        "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>",
                                        exchange));
        return;
    }
    if (it->okFetches > 0)
        --it->okFetches;
    connection->start(fixedResponse(200, {{"Content-Type", it->contentType}}, it->bytes, exchange, it->delayMs));
}

bool FakeOpenAiServer::startPicture(Detail::FakeConnection* connection, const RecordedRequest& request,
                                    const QString& scenarioText, quint64 serial, bool keepAlive)
{
    Exchange exchange;
    exchange.serial = serial;
    exchange.keepAlive = keepAlive;
    const Scenario scenario = parseScenario(scenarioText);
    const QString& name = scenario.name;
    const bool edits = request.path.contains("/images/edits");
    auto startWith = [&](Response response) { connection->start(std::move(response)); };
    static const QStringList pictureNames = {
        QStringLiteral("ok"), QStringLiteral("image-jpeg"), QStringLiteral("image-webp"), QStringLiteral("image-url"),
        QStringLiteral("image-siliconflow"), QStringLiteral("image-expiring"), QStringLiteral("image-expired"),
        QStringLiteral("image-slow"), QStringLiteral("stall"), QStringLiteral("image-refused"),
        QStringLiteral("image-refused-zhipu"), QStringLiteral("image-no-credit"), QStringLiteral("image-corrupt"),
        QStringLiteral("image-html"), QStringLiteral("image-raw"), QStringLiteral("image-slow-url")};
    if (!scenario.valid || !pictureNames.contains(name))
        return false; // a generic scenario (status, flaky, reset, html, ...) or an unknown one

    // What a real provider checks first: a prompt; OpenAI's gpt-image models refuse response_format.
    QByteArray model = "fake-image";
    QByteArray prompt;
    if (edits) {
        int pictures = 0;
        for (const RecordedPart& part : request.parts) {
            if (part.name == "prompt")
                prompt = part.body;
            else if (part.name == "model")
                model = part.body;
            else if ((part.name == "image" || part.name == "image[]") && isPictureBytes(part.body))
                ++pictures;
        }
        if (pictures == 0) {
            startWith(errorResponse(400, "Missing required parameter: 'image'.", exchange));
            return true;
        }
    } else {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        prompt = body.value(QLatin1String("prompt")).toString().toUtf8();
        if (const QString m = body.value(QLatin1String("model")).toString(); !m.isEmpty())
            model = m.toUtf8();
        if (body.contains(QLatin1String("response_format")) && model.startsWith("gpt-image")) {
            startWith(jsonResponse(400, errorJson("Unknown parameter: 'response_format'.", "invalid_request_error",
                                                  "\"unknown_parameter\""),
                                   exchange));
            return true;
        }
    }
    if (prompt.isEmpty()) {
        startWith(errorResponse(400, "Missing required parameter: 'prompt'.", exchange));
        return true;
    }

    if (name == QLatin1String("image-refused")) {
        startWith(jsonResponse(400, errorJson("Your request was rejected as a result of our safety system. Your request may "
                                              "contain content that is not allowed by our safety system.",
                                              "image_generation_user_error", "\"moderation_blocked\""),
                               exchange));
        return true;
    }
    if (name == QLatin1String("image-refused-zhipu")) {
        startWith(jsonResponse(400, QByteArray("{\"error\":{\"code\":\"1301\",\"message\":\"")
                                        + QStringLiteral("系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。").toUtf8()
                                        + "\"}}",
                               exchange));
        return true;
    }
    if (name == QLatin1String("image-no-credit")) {
        startWith(jsonResponse(429, errorJson("You exceeded your current quota, please check your plan and billing details.",
                                              "insufficient_quota", "\"insufficient_quota\""),
                               exchange));
        return true;
    }

    const qint64 created = kCreated;
    const auto b64Answer = [&](const QByteArray& bytes) -> QByteArray {
        return "{\"created\":" + QByteArray::number(created) + ",\"data\":[{\"b64_json\":\"" + bytes.toBase64()
            + "\",\"revised_prompt\":" + jsonString(QByteArray("A gentle picture: " + prompt)) + "}],\"usage\":{\"total_tokens\":100}}";
    };
    const auto urlAnswer = [&](const QByteArray& token) -> QByteArray {
        return "{\"created\":" + QByteArray::number(created) + ",\"data\":[{\"url\":"
            + jsonString(pictureFileUrl(token).toEncoded()) + "}],\"content_filter\":[{\"role\":\"assistant\",\"level\":3}]}";
    };

    if (name == QLatin1String("image-url") || name == QLatin1String("image-expiring") || name == QLatin1String("image-expired")
        || name == QLatin1String("image-slow-url")) {
        const int okFetches = name == QLatin1String("image-url") || name == QLatin1String("image-slow-url") ? -1
                              : name == QLatin1String("image-expiring")                                      ? 1
                                                                                                             : 0;
        const int delay = name == QLatin1String("image-slow-url") ? scenario.param(0, 1000) : 0;
        startWith(jsonResponse(200, urlAnswer(addPictureFile(picture("png", prompt), "image/png", okFetches, delay)), exchange));
        return true;
    }
    if (name == QLatin1String("image-siliconflow")) {
        const QByteArray token = addPictureFile(picture("jpeg"), "image/jpeg", -1, 0);
        startWith(jsonResponse(200, "{\"images\":[{\"url\":" + jsonString(pictureFileUrl(token).toEncoded())
                                        + "}],\"timings\":{\"inference\":1.25},\"seed\":4242,\"shared_id\":\"0\"}",
                               exchange));
        return true;
    }
    if (name == QLatin1String("image-html")) {
        const QByteArray token = addPictureFile("<!DOCTYPE html><html><body><h1>Access denied</h1></body></html>\n",
                                                "text/html", -1, 0);
        startWith(jsonResponse(200, urlAnswer(token), exchange));
        return true;
    }
    if (name == QLatin1String("image-raw")) {
        startWith(fixedResponse(200, {{"Content-Type", "image/png"}}, picture("png", prompt), exchange));
        return true;
    }
    if (name == QLatin1String("image-corrupt")) {
        const QByteArray png = picture("png", prompt);
        startWith(jsonResponse(200, b64Answer(png.left(png.size() - 20)), exchange));
        return true;
    }
    QByteArray bytes = picture("png", prompt);
    if (name == QLatin1String("image-jpeg"))
        bytes = picture("jpeg");
    else if (name == QLatin1String("image-webp"))
        bytes = picture("webp");
    const QByteArray body = b64Answer(bytes);
    if (name == QLatin1String("image-slow")) {
        startWith(jsonResponse(200, body, exchange, {}, scenario.param(0, 1000)));
        return true;
    }
    if (name == QLatin1String("stall")) {
        Step head;
        head.raw = true;
        head.data = responseHead(200, {{"Content-Type", "application/json"}}, exchange, body.size(), false);
        Response response;
        response.source = listSource({head, writeStep(body.left(body.size() / 2), scenario.param(0, 0), true),
                                      kindStep(Step::Kind::Stall)});
        response.keepAlive = exchange.keepAlive;
        startWith(std::move(response));
        return true;
    }
    startWith(jsonResponse(200, body, exchange));
    return true;
}

bool FakeOpenAiServer::startSpeech(Detail::FakeConnection* connection, const RecordedRequest& request,
                                   const QString& scenarioText, quint64 serial, bool keepAlive)
{
    Exchange exchange;
    exchange.serial = serial;
    exchange.keepAlive = keepAlive;
    const Scenario scenario = parseScenario(scenarioText);
    if (!scenario.valid || !FakeSpeech::handles(scenario.name))
        return false; // a generic scenario (status, flaky, reset, html, ...) or an unknown one
    const QString encoder = m_speechEncoder ? *m_speechEncoder : QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    const FakeSpeech::Answer answer = FakeSpeech::answer(scenario.name, scenario.params, request.body, encoder);
    if (answer.status != 200) {
        connection->start(jsonResponse(answer.status, errorJson(answer.body, answer.errorType, answer.errorCode), exchange));
        return true;
    }
    const Headers headers{{"Content-Type", answer.contentType}};
    if (answer.stallAfterMs < 0) {
        connection->start(fixedResponse(200, headers, answer.body, exchange, answer.delayMs));
        return true;
    }
    Step head;
    head.raw = true;
    head.data = responseHead(200, headers, exchange, answer.body.size(), false);
    Response response;
    response.source = listSource({head, writeStep(answer.body.left(answer.body.size() / 2), answer.stallAfterMs, true),
                                  kindStep(Step::Kind::Stall)});
    response.keepAlive = exchange.keepAlive;
    connection->start(std::move(response));
    return true;
}

} // namespace Storybook::Test
