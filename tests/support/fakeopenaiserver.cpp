#include "fakeopenaiserver.h"

#include "testlogging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
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
    static const QRegularExpression answerEn(QStringLiteral("The child answered: \"([^\"]*)\""));
    static const QRegularExpression answerZh(QStringLiteral("孩子回答：“([^”]*)”"));
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
    const Scenario scenario = parseScenario(scenarioText);
    const QString& name = scenario.name;

    auto startWith = [&](Response response) { connection->start(std::move(response)); };

    if (!isChat && !isModels) {
        startWith(jsonResponse(404,
                               errorJson("Unknown request URL: " + request.method + ' ' + request.path
                                             + ". Please check the URL for typos.",
                                         "invalid_request_error", "\"unknown_url\""),
                               exchange));
        return;
    }
    if ((isChat && request.method != "POST") || (isModels && request.method != "GET")) {
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
        QStringLiteral("story-sloppy")};
    if (!scenario.valid || (!knownNames.contains(name) && name != QLatin1String("gateway"))
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
    if (name == QLatin1String("length"))
        finish = "length";
    else if (name == QLatin1String("content_filter"))
        finish = "content_filter";

    // Content deltas for this scenario.
    QList<QByteArray> deltas;
    QList<QByteArray> reasoning;
    int bulkCount = 0;
    if (name == QLatin1String("split-utf8")) {
        for (const char* delta : kSplitDeltas)
            deltas.append(QByteArray(delta));
    } else if (name == QLatin1String("story")) {
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
    const int dripMs = name == QLatin1String("drip") ? scenario.param(0, 0) : 0;
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
