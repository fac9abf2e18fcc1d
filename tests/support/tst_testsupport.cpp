// Exercises the test-support library: every FakeOpenAiServer scenario through a plain
// QNetworkAccessManager (or raw sockets), the proxy launcher and the throw-away CA.
#include "fakeopenaiserver.h"
#include "portcheck.h"
#include "proxylauncher.h"
#include "testca.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Storybook::Test;

namespace {

const QString kDefaultText = QStringLiteral("Once upon a time, a small fox found a lantern.");
constexpr int kTimeoutMs = 10000;

struct Result
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QList<QSslError> sslErrors;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorMessage() const
    {
        return json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
    }
};

struct Sse
{
    QString content;
    QString reasoning;
    QStringList finishReasons;
    QString errorMessage;
    int events = 0;
    int contentDeltas = 0;
    int comments = 0;
    int malformed = 0;
    int firstReasoning = -1;
    int firstContent = -1;
    bool done = false;
    bool sawRole = false;
};

Sse parseSse(QByteArray body)
{
    Sse sse;
    body.replace("\r\n", "\n");
    const QList<QByteArray> blocks = body.split('\n');
    for (const QByteArray& line : blocks) {
        if (line.startsWith(':')) {
            ++sse.comments;
            continue;
        }
        if (!line.startsWith("data:"))
            continue;
        QByteArray data = line.mid(5);
        if (data.startsWith(' '))
            data.remove(0, 1);
        ++sse.events;
        if (data == "[DONE]") {
            sse.done = true;
            continue;
        }
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(data, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            ++sse.malformed;
            continue;
        }
        if (object.contains(QLatin1String("error"))) {
            sse.errorMessage = object.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
            continue;
        }
        const QJsonArray choices = object.value(QLatin1String("choices")).toArray();
        if (choices.isEmpty())
            continue;
        const QJsonObject choice = choices.first().toObject();
        const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
        if (delta.value(QLatin1String("role")).toString() == QLatin1String("assistant"))
            sse.sawRole = true;
        const QString reasoning = delta.value(QLatin1String("reasoning_content")).toString();
        if (!reasoning.isEmpty()) {
            if (sse.firstReasoning < 0)
                sse.firstReasoning = sse.events;
            sse.reasoning += reasoning;
        }
        const QString content = delta.value(QLatin1String("content")).toString();
        if (!content.isEmpty()) {
            if (sse.firstContent < 0)
                sse.firstContent = sse.events;
            sse.content += content;
            ++sse.contentDeltas;
        }
        if (choice.value(QLatin1String("finish_reason")).isString())
            sse.finishReasons.append(choice.value(QLatin1String("finish_reason")).toString());
    }
    return sse;
}

QUrl endpoint(const QUrl& base, const QString& tail)
{
    QUrl url = base;
    url.setPath(base.path() + tail);
    return url;
}

QByteArray chatBody(bool stream)
{
    return QByteArray(R"({"model":"fake-small","stream":)") + (stream ? "true" : "false")
        + R"(,"messages":[{"role":"user","content":"Tell me a story"}]})";
}

// A port picker that produces the bind race the launchers guard against: the first port it hands
// out is taken (by `thief`, listening on 127.0.0.1) right after it was picked and before the
// child can bind it, as another process on the machine might. Later picks are ordinary.
struct RacingPicker
{
    QTcpServer thief;
    quint16 stolen = 0;
    int picks = 0;

    PortPicker picker()
    {
        return [this] {
            const quint16 port = freeLoopbackPort();
            if (++picks == 1 && thief.listen(QHostAddress(QHostAddress::LocalHost), port))
                stolen = port;
            return port;
        };
    }
};

} // namespace

class TestSupport final : public QObject
{
    Q_OBJECT

private:
    Result run(QNetworkReply* reply, int timeoutMs = kTimeoutMs);
    Result get(const QUrl& url, int timeoutMs = kTimeoutMs);
    Result chat(const QUrl& base, bool stream, int timeoutMs = kTimeoutMs, const QByteArray& authorization = {});
    QByteArray rawExchange(quint16 port, const QList<QByteArray>& pieces, const QByteArray& until, int expectedCount = 1);

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<FakeOpenAiServer> m_server;

private Q_SLOTS:
    void init();
    void cleanup();

    void baseUrl();
    void models();
    void unknownPathAndMethod();
    void invalidJsonAndUnknownScenario();
    void okStream();
    void okNonStream();
    void okBulkStream();
    void jsonIgnoresStream();
    void reasoning();
    void sseVariants_data();
    void sseVariants();
    void splitUtf8();
    void finishReasons_data();
    void finishReasons();
    void errorInStream();
    void statusCodes_data();
    void statusCodes();
    void flaky();
    void echoKey();
    void stallHeaders();
    void stall();
    void drip();
    void drop();
    void reset();
    void malformed();
    void gzip();
    void redirect();
    void slowModels();
    void rawSplitRequestAndKeepAlive();
    void pipelinedAndChunkedRequests();
    void expectContinue();
    void manyConnectionsAndShutdown();
    void proxies_data();
    void proxies();
    void proxyRequiresAuth();
    void portOwnership();
    void proxyBindRace_data();
    void proxyBindRace();
    void childOnPickedPortBindRace();
    void tls();
    void executable();
};

void TestSupport::init()
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    m_server = std::make_unique<FakeOpenAiServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestSupport::cleanup()
{
    m_nam.reset();
    m_server.reset();
}

Result TestSupport::run(QNetworkReply* reply, int timeoutMs)
{
    Result result;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [&result](const QList<QSslError>& errors) { result.sslErrors += errors; });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    result.finished = reply->isFinished() || finished.wait(timeoutMs);
    if (!result.finished)
        reply->abort();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    if (reply->isOpen())
        result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    delete reply;
    return result;
}

Result TestSupport::get(const QUrl& url, int timeoutMs)
{
    return run(m_nam->get(QNetworkRequest(url)), timeoutMs);
}

Result TestSupport::chat(const QUrl& base, bool stream, int timeoutMs, const QByteArray& authorization)
{
    QNetworkRequest request(endpoint(base, QStringLiteral("/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Authorization", authorization.isEmpty() ? QByteArray("Bearer sk-test") : authorization);
    return run(m_nam->post(request, chatBody(stream)), timeoutMs);
}

QByteArray TestSupport::rawExchange(quint16 port, const QList<QByteArray>& pieces, const QByteArray& until,
                                    int expectedCount)
{
    QTcpSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    if (!connected.wait(kTimeoutMs))
        return {};
    for (const QByteArray& piece : pieces) {
        socket.write(piece);
        socket.flush();
        QTest::qWait(30);
    }
    QElapsedTimer elapsed;
    elapsed.start();
    while (received.count(until) < expectedCount && elapsed.elapsed() < kTimeoutMs
           && socket.state() == QAbstractSocket::ConnectedState)
        QTest::qWait(10);
    return received;
}

void TestSupport::baseUrl()
{
    const QString port = QString::number(m_server->port());
    QVERIFY(m_server->port() > 0);
    QCOMPARE(m_server->baseUrl().toString(), QStringLiteral("http://127.0.0.1:") + port + QStringLiteral("/v1"));
    QCOMPARE(m_server->baseUrl(QStringLiteral("drip:50")).toString(),
             QStringLiteral("http://127.0.0.1:") + port + QStringLiteral("/s/drip:50/v1"));
    FakeOpenAiServer refused;
    QVERIFY(!refused.listen(QHostAddress(QStringLiteral("192.0.2.1"))));
}

void TestSupport::models()
{
    QSignalSpy received(m_server.get(), &FakeOpenAiServer::requestReceived);
    const Result result = get(endpoint(m_server->baseUrl(), QStringLiteral("/models")));
    QCOMPARE(result.status, 200);
    QVERIFY(result.header("Content-Type").startsWith("application/json"));
    const QJsonArray data = result.json().value(QLatin1String("data")).toArray();
    QCOMPARE(result.json().value(QLatin1String("object")).toString(), QStringLiteral("list"));
    QCOMPARE(data.size(), 2);
    QCOMPARE(data.at(0).toObject().value(QLatin1String("id")).toString(), QStringLiteral("fake-small"));
    QCOMPARE(data.at(1).toObject().value(QLatin1String("id")).toString(), QStringLiteral("fake-large"));

    QCOMPARE(received.size(), 1);
    QCOMPARE(m_server->requests().size(), 1);
    const RecordedRequest request = m_server->requests().constFirst();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, QByteArray("/v1/models"));
    QCOMPARE(request.scenario, QStringLiteral("ok"));
    QCOMPARE(request.peer, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(!request.header("HOST").isEmpty());
    QCOMPARE(request.header("host"), request.header("Host"));
    QCOMPARE(received.at(0).at(0).value<RecordedRequest>().path, QByteArray("/v1/models"));
    m_server->clearRequests();
    QVERIFY(m_server->requests().isEmpty());
}

void TestSupport::unknownPathAndMethod()
{
    const Result missing = get(endpoint(m_server->baseUrl(), QStringLiteral("/engines")));
    QCOMPARE(missing.status, 404);
    QVERIFY(missing.errorMessage().contains(QLatin1String("Unknown request URL")));
    QCOMPARE(missing.json().value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("invalid_request_error"));
    const Result wrongMethod = get(endpoint(m_server->baseUrl(), QStringLiteral("/chat/completions")));
    QCOMPARE(wrongMethod.status, 405);
    QVERIFY(!wrongMethod.errorMessage().isEmpty());
}

void TestSupport::invalidJsonAndUnknownScenario()
{
    QNetworkRequest request(endpoint(m_server->baseUrl(), QStringLiteral("/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const Result invalid = run(m_nam->post(request, QByteArray("{not json")));
    QCOMPARE(invalid.status, 400);
    QVERIFY(invalid.errorMessage().contains(QLatin1String("could not parse the JSON")));

    const Result unknown = chat(m_server->baseUrl(QStringLiteral("no-such-thing")), true);
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.errorMessage().contains(QLatin1String("no-such-thing")));
}

void TestSupport::okStream()
{
    const Result result = chat(m_server->baseUrl(), true);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.error, QNetworkReply::NoError);
    QVERIFY(result.header("Content-Type").startsWith("text/event-stream"));
    QCOMPARE(result.header("Transfer-Encoding"), QByteArray("chunked"));
    const Sse sse = parseSse(result.body);
    QVERIFY(sse.sawRole);
    QCOMPARE(sse.content, kDefaultText);
    QVERIFY(sse.contentDeltas >= 5);
    QCOMPARE(sse.finishReasons, QStringList{QStringLiteral("stop")});
    QVERIFY(sse.done);
    QCOMPARE(sse.malformed, 0);
    QVERIFY(result.body.contains("\"object\":\"chat.completion.chunk\""));
    QCOMPARE(m_server->requests().constFirst().body, chatBody(true));
    QCOMPARE(m_server->requests().constFirst().header("authorization"), QByteArray("Bearer sk-test"));
}

void TestSupport::okNonStream()
{
    const Result result = chat(m_server->baseUrl(), false);
    QCOMPARE(result.status, 200);
    QVERIFY(result.header("Content-Type").startsWith("application/json"));
    QVERIFY(!result.header("Content-Length").isEmpty());
    const QJsonObject object = result.json();
    QCOMPARE(object.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
    const QJsonObject choice = object.value(QLatin1String("choices")).toArray().first().toObject();
    QCOMPARE(choice.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString(), kDefaultText);
    QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("stop"));
    QVERIFY(object.value(QLatin1String("usage")).toObject().value(QLatin1String("total_tokens")).toInt() > 0);
}

void TestSupport::okBulkStream()
{
    constexpr int count = 100000;
    QElapsedTimer elapsed;
    elapsed.start();
    const Result result = chat(m_server->baseUrl(QStringLiteral("ok:100000")), true, 60000);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.error, QNetworkReply::NoError);
    const Sse sse = parseSse(result.body);
    QCOMPARE(sse.contentDeltas, count);
    QVERIFY(sse.done);
    QVERIFY(sse.content.startsWith(kDefaultText));
    qInfo("ok:%d streamed %lld bytes in %lld ms", count, qint64(result.body.size()), qint64(elapsed.elapsed()));

    const Result plain = chat(m_server->baseUrl(QStringLiteral("ok:1000")), false);
    const QString content = plain.json()
                                .value(QLatin1String("choices")).toArray().first().toObject()
                                .value(QLatin1String("message")).toObject()
                                .value(QLatin1String("content")).toString();
    QCOMPARE(content.left(kDefaultText.size()), kDefaultText);
    QCOMPARE(content.size(), kDefaultText.size() * 100);
}

void TestSupport::jsonIgnoresStream()
{
    const Result result = chat(m_server->baseUrl(QStringLiteral("json")), true);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(result.json().value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
}

void TestSupport::reasoning()
{
    const Result result = chat(m_server->baseUrl(QStringLiteral("reasoning")), true);
    QCOMPARE(result.status, 200);
    const Sse sse = parseSse(result.body);
    QVERIFY(!sse.reasoning.isEmpty());
    QCOMPARE(sse.content, kDefaultText);
    QVERIFY(sse.firstReasoning > 0);
    QVERIFY(sse.firstReasoning < sse.firstContent);
    QVERIFY(sse.done);

    const Result plain = chat(m_server->baseUrl(QStringLiteral("reasoning")), false);
    const QJsonObject message = plain.json()
                                    .value(QLatin1String("choices")).toArray().first().toObject()
                                    .value(QLatin1String("message")).toObject();
    QCOMPARE(message.value(QLatin1String("reasoning_content")).toString(), sse.reasoning);
}

void TestSupport::sseVariants_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QByteArray>("mustContain");
    QTest::addColumn<QByteArray>("mustNotContain");
    QTest::addColumn<bool>("done");
    QTest::newRow("crlf") << QStringLiteral("crlf") << QByteArray("}\r\n\r\ndata: ") << QByteArray("}\n\ndata") << true;
    QTest::newRow("comments") << QStringLiteral("comments") << QByteArray("\n: keep-alive\n\ndata: ") << QByteArray()
                              << true;
    QTest::newRow("nospace") << QStringLiteral("nospace") << QByteArray("data:{") << QByteArray("data: ") << true;
    QTest::newRow("nodone") << QStringLiteral("nodone") << QByteArray("\"finish_reason\":\"stop\"")
                            << QByteArray("[DONE]") << false;
}

void TestSupport::sseVariants()
{
    QFETCH(QString, scenario);
    QFETCH(QByteArray, mustContain);
    QFETCH(QByteArray, mustNotContain);
    QFETCH(bool, done);
    const Result result = chat(m_server->baseUrl(scenario), true);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.error, QNetworkReply::NoError);
    QVERIFY2(result.body.contains(mustContain), result.body.left(400).constData());
    if (!mustNotContain.isEmpty())
        QVERIFY(!result.body.contains(mustNotContain));
    const Sse sse = parseSse(result.body);
    QCOMPARE(sse.content, kDefaultText);
    QCOMPARE(sse.done, done);
    QCOMPARE(sse.malformed, 0);
    QCOMPARE(m_server->requests().constFirst().scenario, scenario);
    if (scenario == QLatin1String("comments"))
        QVERIFY(sse.comments >= 5);
}

void TestSupport::splitUtf8()
{
    const QString expected = QStringLiteral("从前，有一只小狐狸🦊找到了一盏灯。");
    const Result result = chat(m_server->baseUrl(QStringLiteral("split-utf8")), true);
    QCOMPARE(result.status, 200);
    const Sse sse = parseSse(result.body);
    QCOMPARE(sse.content, expected);
    QVERIFY(sse.done);

    const Result plain = chat(m_server->baseUrl(QStringLiteral("split-utf8")), false);
    QCOMPARE(plain.json()
                 .value(QLatin1String("choices")).toArray().first().toObject()
                 .value(QLatin1String("message")).toObject()
                 .value(QLatin1String("content")).toString(),
             expected);

    // On the wire the body arrives in many small pieces, split inside multi-byte characters.
    QTcpSocket socket;
    int reads = 0;
    bool splitInsideCharacter = false;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] {
        const QByteArray piece = socket.readAll();
        ++reads;
        // A chunk "N\r\n<data>\r\n" whose data ends with a UTF-8 lead byte.
        if (piece.endsWith("\r\n") && piece.size() > 2
            && static_cast<unsigned char>(piece.at(piece.size() - 3)) >= 0xC0)
            splitInsideCharacter = true;
        received += piece;
    });
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), m_server->port());
    const QByteArray body = chatBody(true);
    socket.write("POST /s/split-utf8/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("[DONE]"), kTimeoutMs);
    QVERIFY2(reads >= 5, qPrintable(QString::number(reads)));
    QVERIFY(splitInsideCharacter);
}

void TestSupport::finishReasons_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("length") << QStringLiteral("length");
    QTest::newRow("content_filter") << QStringLiteral("content_filter");
}

void TestSupport::finishReasons()
{
    QFETCH(QString, scenario);
    const Sse sse = parseSse(chat(m_server->baseUrl(scenario), true).body);
    QCOMPARE(sse.finishReasons, QStringList{scenario});
    QVERIFY(sse.done);
    const Result plain = chat(m_server->baseUrl(scenario), false);
    QCOMPARE(plain.json().value(QLatin1String("choices")).toArray().first().toObject()
                 .value(QLatin1String("finish_reason")).toString(),
             scenario);
}

void TestSupport::errorInStream()
{
    const Result result = chat(m_server->baseUrl(QStringLiteral("error-in-stream")), true);
    QCOMPARE(result.status, 200);
    const Sse sse = parseSse(result.body);
    QCOMPARE(sse.errorMessage, QStringLiteral("The model crashed"));
    QCOMPARE(sse.content, QStringLiteral("Once upon a"));
    QVERIFY(!sse.done);
    QVERIFY(sse.finishReasons.isEmpty());
    const Result plain = chat(m_server->baseUrl(QStringLiteral("error-in-stream")), false);
    QCOMPARE(plain.status, 500);
    QCOMPARE(plain.errorMessage(), QStringLiteral("The model crashed"));
}

void TestSupport::statusCodes_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("401") << QStringLiteral("status:401") << 401 << QStringLiteral("Incorrect API key provided")
                         << QByteArray();
    QTest::newRow("404") << QStringLiteral("status:404") << 404
                         << QStringLiteral("The model `fake-small` does not exist") << QByteArray();
    QTest::newRow("429") << QStringLiteral("status:429:7") << 429 << QStringLiteral("Rate limit reached")
                         << QByteArray("7");
    QTest::newRow("500") << QStringLiteral("status:500") << 500 << QStringLiteral("Service unavailable") << QByteArray();
    QTest::newRow("503") << QStringLiteral("status:503:2") << 503 << QStringLiteral("Service unavailable")
                         << QByteArray("2");
}

void TestSupport::statusCodes()
{
    QFETCH(QString, scenario);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(QByteArray, retryAfter);
    for (const bool stream : {true, false}) {
        const Result result = chat(m_server->baseUrl(scenario), stream);
        QCOMPARE(result.status, status);
        QVERIFY(result.header("Content-Type").startsWith("application/json"));
        QVERIFY2(result.errorMessage().startsWith(message), qPrintable(result.errorMessage()));
        QVERIFY(!result.json().value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString().isEmpty());
        QVERIFY(result.json().value(QLatin1String("error")).toObject().contains(QLatin1String("code")));
        QCOMPARE(result.header("Retry-After"), retryAfter);
    }
    // Generic scenarios also apply to /models.
    QCOMPARE(get(endpoint(m_server->baseUrl(scenario), QStringLiteral("/models"))).status, status);
}

void TestSupport::flaky()
{
    const QUrl base = m_server->baseUrl(QStringLiteral("flaky:2"));
    const Result first = chat(base, true);
    QCOMPARE(first.status, 503);
    QCOMPARE(first.header("Retry-After"), QByteArray("0"));
    QCOMPARE(chat(base, true).status, 503);
    const Result third = chat(base, true);
    QCOMPARE(third.status, 200);
    QCOMPARE(parseSse(third.body).content, kDefaultText);
    QCOMPARE(chat(base, false).status, 200);

    const QUrl other = m_server->baseUrl(QStringLiteral("flaky:1:429"));
    QCOMPARE(chat(other, false).status, 429);
    QCOMPARE(chat(other, false).status, 200);
    m_server->resetCounters();
    QCOMPARE(chat(other, false).status, 429);
}

void TestSupport::echoKey()
{
    const QByteArray key = "Bearer sk-live-SECRET-1234567890";
    const Result result = chat(m_server->baseUrl(QStringLiteral("echo-key")), true, kTimeoutMs, key);
    QCOMPARE(result.status, 401);
    QVERIFY(result.errorMessage().contains(QString::fromLatin1(key)));
}

void TestSupport::stallHeaders()
{
    QNetworkRequest request(endpoint(m_server->baseUrl(QStringLiteral("stall-headers")), QStringLiteral("/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(400);
    QElapsedTimer elapsed;
    elapsed.start();
    QNetworkReply* reply = m_nam->post(request, chatBody(true));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, kTimeoutMs);
    QCOMPARE(m_server->openConnections(), 1);
    const Result result = run(reply);
    QVERIFY(result.finished);
    QVERIFY(result.error != QNetworkReply::NoError);
    QCOMPARE(result.status, 0);
    QVERIFY(elapsed.elapsed() >= 350);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kTimeoutMs);
}

void TestSupport::stall()
{
    QNetworkRequest request(endpoint(m_server->baseUrl(QStringLiteral("stall:100")), QStringLiteral("/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(600);
    QNetworkReply* reply = m_nam->post(request, chatBody(true));
    QSignalSpy metaData(reply, &QNetworkReply::metaDataChanged);
    QByteArray early;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] { early += reply->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(early.contains("Once"), kTimeoutMs);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(!metaData.isEmpty());
    const Result result = run(reply);
    QVERIFY(result.error != QNetworkReply::NoError);
    const Sse sse = parseSse(early + result.body);
    QCOMPARE(sse.content, QStringLiteral("Once"));
    QVERIFY(!sse.done);
}

void TestSupport::drip()
{
    QElapsedTimer elapsed;
    elapsed.start();
    const Result result = chat(m_server->baseUrl(QStringLiteral("drip:40:5")), true);
    QCOMPARE(result.status, 200);
    QVERIFY2(elapsed.elapsed() >= 180, qPrintable(QString::number(elapsed.elapsed())));
    const Sse sse = parseSse(result.body);
    QCOMPARE(sse.contentDeltas, 5);
    QCOMPARE(sse.content, QStringLiteral("Once upon a time, a"));
    QVERIFY(sse.done);

    const Result defaultCount = chat(m_server->baseUrl(QStringLiteral("drip:1")), true);
    QCOMPARE(parseSse(defaultCount.body).contentDeltas, 20);

    elapsed.restart();
    const Result plain = chat(m_server->baseUrl(QStringLiteral("drip:30:5")), false);
    QCOMPARE(plain.status, 200);
    QVERIFY(elapsed.elapsed() >= 100);
    QCOMPARE(plain.json().value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
}

void TestSupport::drop()
{
    // Note: Qt 6.4's QNAM finishes a reply *successfully* when the socket is already unconnected while
    // the body is still being read (truncated chunked or Content-Length bodies, a race between
    // disconnected() and errorOccurred()). So only the truncation itself is asserted here.
    const Result result = chat(m_server->baseUrl(QStringLiteral("drop")), true);
    QVERIFY(result.finished);
    if (result.error == QNetworkReply::NoError)
        qInfo("QNAM reported no error for the truncated stream");
    QCOMPARE(result.status, 200);
    const Sse sse = parseSse(result.body);
    QVERIFY2(sse.content.startsWith(QLatin1String("Once")), qPrintable(sse.content));
    QVERIFY(sse.content.size() < kDefaultText.size());
    QVERIFY(sse.finishReasons.isEmpty());
    QVERIFY(!sse.done);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kTimeoutMs);

    const Result plain = chat(m_server->baseUrl(QStringLiteral("drop")), false);
    QVERIFY(plain.error != QNetworkReply::NoError || plain.json().isEmpty());

    // On the wire: headers and part of the body, then the connection is gone.
    const QByteArray body = chatBody(false);
    const QByteArray raw = rawExchange(m_server->port(),
                                       {"POST /s/drop/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                                        + QByteArray::number(body.size()) + "\r\n\r\n" + body},
                                       "never-sent");
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    const QByteArray head = raw.left(headEnd);
    const qsizetype lengthAt = head.indexOf("Content-Length: ");
    QVERIFY(lengthAt > 0);
    const qsizetype declared = head.mid(lengthAt + 16, head.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong();
    QVERIFY(declared > 0);
    QVERIFY(raw.size() - headEnd - 4 > 0);
    QVERIFY(raw.size() - headEnd - 4 < declared);
}

void TestSupport::reset()
{
    const Result result = chat(m_server->baseUrl(QStringLiteral("reset")), true);
    QVERIFY(result.finished);
    QVERIFY(result.error != QNetworkReply::NoError);
    QCOMPARE(result.status, 0);
    QVERIFY(result.body.isEmpty());
    QVERIFY(!m_server->requests().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kTimeoutMs);
}

void TestSupport::malformed()
{
    const Result result = chat(m_server->baseUrl(QStringLiteral("malformed")), true);
    QCOMPARE(result.status, 200);
    const Sse sse = parseSse(result.body);
    QCOMPARE(sse.malformed, 1);
    QCOMPARE(sse.content, kDefaultText);
    QVERIFY(sse.done);
    const Result plain = chat(m_server->baseUrl(QStringLiteral("malformed")), false);
    QCOMPARE(plain.status, 200);
    QJsonParseError parseError;
    QJsonDocument::fromJson(plain.body, &parseError);
    QVERIFY(parseError.error != QJsonParseError::NoError);
}

void TestSupport::gzip()
{
    const QUrl base = m_server->baseUrl(QStringLiteral("gzip"));
    const Result plain = chat(base, false);
    QCOMPARE(plain.status, 200);
    QCOMPARE(plain.json().value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
    const Result stream = chat(base, true);
    QCOMPARE(stream.status, 200);
    QCOMPARE(parseSse(stream.body).content, kDefaultText);
    QVERIFY(parseSse(stream.body).done);
    const Result models = get(endpoint(base, QStringLiteral("/models")));
    QCOMPARE(models.json().value(QLatin1String("data")).toArray().size(), 2);

    // The wire format really is gzip.
    const QByteArray raw = rawExchange(m_server->port(),
                                       {"GET /s/gzip/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"},
                                       "\r\n\r\n");
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    QVERIFY(raw.left(headEnd).contains("Content-Encoding: gzip"));
    QVERIFY(raw.mid(headEnd + 4).startsWith("\x1f\x8b"));
}

void TestSupport::redirect()
{
    // Followed by hand: Qt's automatic following may re-send the first POST (see RequestJob).
    QNetworkRequest request(endpoint(m_server->baseUrl(QStringLiteral("redirect")), QStringLiteral("/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const Result first = run(m_nam->post(request, chatBody(true)));
    QCOMPARE(first.status, 307);
    QByteArray location;
    for (const auto& [name, value] : first.headers)
        if (name.compare("Location", Qt::CaseInsensitive) == 0)
            location = value;
    QCOMPARE(location, QByteArray("/v1/chat/completions"));
    request.setUrl(request.url().resolved(QUrl::fromEncoded(location)));
    const Result result = run(m_nam->post(request, chatBody(true)));
    QCOMPARE(result.status, 200);
    QCOMPARE(parseSse(result.body).content, kDefaultText);
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).scenario, QStringLiteral("redirect"));
    QCOMPARE(requests.at(1).path, QByteArray("/v1/chat/completions"));
    QCOMPARE(requests.at(1).scenario, QStringLiteral("ok"));
    QCOMPARE(requests.at(1).method, QByteArray("POST"));
    QCOMPARE(requests.at(1).body, chatBody(true));

    const QByteArray loop = rawExchange(m_server->port(),
                                        {"GET /s/redirect-loop/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"}, "\r\n\r\n");
    QVERIFY(loop.startsWith("HTTP/1.1 302 Found\r\n"));
    QVERIFY(loop.contains("\r\nLocation: /s/redirect-loop/v1/models\r\n"));

    const QByteArray raw = rawExchange(m_server->port(),
                                       {"GET /s/redirect/v1/models?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"}, "\r\n\r\n");
    QVERIFY(raw.startsWith("HTTP/1.1 307 Temporary Redirect\r\n"));
    QVERIFY(raw.contains("\r\nLocation: /v1/models?x=1\r\n"));
}

void TestSupport::slowModels()
{
    QElapsedTimer elapsed;
    elapsed.start();
    const Result result = get(endpoint(m_server->baseUrl(QStringLiteral("slow-models:300")), QStringLiteral("/models")));
    QCOMPARE(result.status, 200);
    QVERIFY(elapsed.elapsed() >= 280);
    QCOMPARE(result.json().value(QLatin1String("data")).toArray().size(), 2);
    QCOMPARE(chat(m_server->baseUrl(QStringLiteral("slow-models:300")), false).status, 200);
}

void TestSupport::rawSplitRequestAndKeepAlive()
{
    const QByteArray body = chatBody(false);
    const QByteArray head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n";
    // Headers split mid-line, body split into three pieces, then a second request on the same socket.
    const QByteArray raw = rawExchange(m_server->port(),
                                       {head.left(10), head.mid(10, 30), head.mid(40), body.left(5), body.mid(5, 20),
                                        body.mid(25), head + body},
                                       "\"object\":\"chat.completion\"", 2);
    QCOMPARE(raw.count("HTTP/1.1 200 OK\r\n"), 2);
    QCOMPARE(raw.count("Connection: keep-alive"), 2);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(0).body, body);
    QCOMPARE(m_server->requests().at(1).body, body);
}

void TestSupport::pipelinedAndChunkedRequests()
{
    const QByteArray body = chatBody(true);
    const QByteArray request = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const QByteArray pipelined = rawExchange(m_server->port(), {request + request + request}, "data: [DONE]", 3);
    QCOMPARE(pipelined.count("HTTP/1.1 200 OK"), 3);
    QCOMPARE(pipelined.count("\r\n0\r\n\r\n"), 3);

    const QByteArray chunked = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                               "Connection: close\r\n\r\n"
        + QByteArray::number(10, 16) + "\r\n" + body.left(10) + "\r\n" + QByteArray::number(body.size() - 10, 16)
        + "\r\n" + body.mid(10) + "\r\n0\r\n\r\n";
    const QByteArray answer = rawExchange(m_server->port(), {chunked.left(70), chunked.mid(70)}, "data: [DONE]");
    QVERIFY(answer.contains("Connection: close"));
    QCOMPARE(m_server->requests().constLast().body, body);
}

void TestSupport::expectContinue()
{
    const QByteArray body = chatBody(false);
    const QByteArray head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                            "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n";
    const QByteArray raw = rawExchange(m_server->port(), {head, body}, "chat.completion\"");
    QVERIFY(raw.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"));
}

void TestSupport::manyConnectionsAndShutdown()
{
    constexpr int count = 40;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    int disconnected = 0;
    for (int i = 0; i < count; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QObject::connect(socket.get(), &QTcpSocket::disconnected, socket.get(), [&disconnected] { ++disconnected; });
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), m_server->port());
        const QByteArray path = (i % 2 == 0) ? QByteArray("/s/stall-headers/v1/chat/completions")
                                              : QByteArray("/s/stall/v1/chat/completions");
        const QByteArray body = chatBody(true);
        socket->write("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + QByteArray::number(body.size())
                      + "\r\n\r\n" + body);
        sockets.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), count, kTimeoutMs);
    QCOMPARE(m_server->openConnections(), count);

    // Concurrent QNAM requests while those connections hang.
    QList<QNetworkReply*> replies;
    for (int i = 0; i < 12; ++i) {
        QNetworkRequest request(endpoint(m_server->baseUrl(QStringLiteral("drip:5:4")), QStringLiteral("/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        replies.append(m_nam->post(request, chatBody(true)));
    }
    for (QNetworkReply* reply : std::as_const(replies)) {
        const Result result = run(reply);
        QCOMPARE(result.status, 200);
        QCOMPARE(parseSse(result.body).contentDeltas, 4);
    }

    // Destroying the server closes every connection.
    m_server.reset();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected, count, kTimeoutMs);
}

void TestSupport::proxies_data()
{
    QTest::addColumn<ProxyLauncher::Kind>("kind");
    QTest::addColumn<QString>("user");
    QTest::newRow("socks5") << ProxyLauncher::Kind::Socks5 << QString();
    QTest::newRow("socks5-auth") << ProxyLauncher::Kind::Socks5 << QStringLiteral("storyuser");
    QTest::newRow("http") << ProxyLauncher::Kind::Http << QString();
    QTest::newRow("http-auth") << ProxyLauncher::Kind::Http << QStringLiteral("storyuser");
}

void TestSupport::proxies()
{
    QFETCH(ProxyLauncher::Kind, kind);
    QFETCH(QString, user);
    STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(kind), "microsocks/tinyproxy");
    const QString password = user.isEmpty() ? QString() : QStringLiteral("pa55word");
    ProxyLauncher proxy;
    QVERIFY2(proxy.start(kind, user, password), qPrintable(proxy.errorString()));
    QVERIFY(proxy.port() > 0);
    QVERIFY(proxy.pid() > 0);
    QVERIFY(proxy.isRunning());

    // Direct first: peer 127.0.0.1.
    QCOMPARE(chat(m_server->baseUrl(), false).status, 200);
    QCOMPARE(m_server->requests().constLast().peer, QHostAddress(QHostAddress::LocalHost));

    m_nam->setProxy(QNetworkProxy(kind == ProxyLauncher::Kind::Socks5 ? QNetworkProxy::Socks5Proxy
                                                                        : QNetworkProxy::HttpProxy,
                                  QStringLiteral("127.0.0.1"), proxy.port(), user, password));
    const Result streamed = chat(m_server->baseUrl(), true);
    QVERIFY2(streamed.status == 200, qPrintable(streamed.errorString + QLatin1Char('\n') + proxy.log()));
    QCOMPARE(parseSse(streamed.body).content, kDefaultText);
    QCOMPARE(m_server->requests().constLast().peer, QHostAddress(QStringLiteral("127.0.0.2")));
    const Result models = get(endpoint(m_server->baseUrl(), QStringLiteral("/models")));
    QCOMPARE(models.status, 200);
    QCOMPARE(m_server->requests().constLast().peer, QHostAddress(QStringLiteral("127.0.0.2")));

    const qint64 pid = proxy.pid();
    proxy.stop();
    QVERIFY(!proxy.isRunning());
    QVERIFY(pid > 0);
}

void TestSupport::proxyRequiresAuth()
{
    STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Socks5), "microsocks");
    ProxyLauncher proxy;
    QVERIFY2(proxy.start(ProxyLauncher::Kind::Socks5, QStringLiteral("u"), QStringLiteral("p")),
             qPrintable(proxy.errorString()));
    m_nam->setProxy(QNetworkProxy(QNetworkProxy::Socks5Proxy, QStringLiteral("127.0.0.1"), proxy.port()));
    const Result result = chat(m_server->baseUrl(), false);
    QVERIFY(result.error != QNetworkReply::NoError);
    QVERIFY(m_server->requests().isEmpty());

    const quint16 closed = closedLoopbackPort();
    QVERIFY(closed > 0);
    m_nam->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    QUrl url = m_server->baseUrl();
    url.setPort(closed);
    QCOMPARE(get(endpoint(url, QStringLiteral("/models"))).error, QNetworkReply::ConnectionRefusedError);
}

void TestSupport::portOwnership()
{
    // A listener of this very process: ours, and nobody else's.
    QTcpServer mine;
    QVERIFY(mine.listen(QHostAddress(QHostAddress::LocalHost), 0));
    QVERIFY(listenerOwnedBy(QCoreApplication::applicationPid(), mine.serverPort()));
    QVERIFY(!listenerOwnedBy(QCoreApplication::applicationPid(), closedLoopbackPort()));

    // A child that never binds anything, started "on" the port somebody else listens on: the port
    // answers, yet it is not the child's. A check that only probes the port would call it ready.
    const QString sleepTool = findTool(QStringLiteral("sleep"));
    STORYBOOK_REQUIRE_TOOL(!sleepTool.isEmpty(), "sleep");
    QProcess child;
    child.start(sleepTool, {QStringLiteral("60")});
    QVERIFY(child.waitForStarted(kTimeoutMs));
    auto stopChild = qScopeGuard([&child] { stopProcess(child); });
    QVERIFY(!listenerOwnedBy(child.processId(), mine.serverPort()));
    QCOMPARE(waitForOwnListener(child, mine.serverPort(), kTimeoutMs), ListenerState::Taken);
    QVERIFY(describeListenerProblem(ListenerState::Taken, QStringLiteral("sleep"), mine.serverPort())
                .contains(QLatin1String("bind race")));
    stopProcess(child);
    QCOMPARE(child.state(), QProcess::NotRunning);

    // A child that is gone before it listened.
    const QString trueTool = findTool(QStringLiteral("true"));
    STORYBOOK_REQUIRE_TOOL(!trueTool.isEmpty(), "true");
    QProcess quitter;
    quitter.start(trueTool, {});
    QVERIFY(quitter.waitForStarted(kTimeoutMs));
    QCOMPARE(waitForOwnListener(quitter, closedLoopbackPort(), kTimeoutMs), ListenerState::Exited);
}

void TestSupport::proxyBindRace_data()
{
    QTest::addColumn<ProxyLauncher::Kind>("kind");
    QTest::newRow("socks5") << ProxyLauncher::Kind::Socks5;
    QTest::newRow("http") << ProxyLauncher::Kind::Http;
}

void TestSupport::proxyBindRace()
{
    QFETCH(ProxyLauncher::Kind, kind);
    STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(kind), ProxyLauncher::toolName(kind));

    // Control: with the retry turned off, losing the race leaves no proxy.
    {
        RacingPicker race;
        ProxyLauncher proxy;
        proxy.setPortPicker(race.picker());
        proxy.setPortAttempts(1);
        QVERIFY(!proxy.start(kind));
        QVERIFY(race.stolen != 0);
        QCOMPARE(proxy.attempts(), 1);
        qDebug().noquote() << "without the retry:" << proxy.errorString().left(200);
    }

    RacingPicker race;
    ProxyLauncher proxy;
    proxy.setPortPicker(race.picker());
    QVERIFY2(proxy.start(kind), qPrintable(proxy.errorString()));
    QVERIFY2(race.stolen != 0, "the race was not produced: the picked port could not be taken");
    // The thief answers on the first port, as a proxy would: only the ownership check tells them apart.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress(QHostAddress::LocalHost), race.stolen);
    QVERIFY(probe.waitForConnected(kTimeoutMs));
    probe.abort();
    // The launcher noticed, and ended on a second port the child itself listens on.
    QCOMPARE(race.picks, 2);
    QCOMPARE(proxy.attempts(), 2);
    QVERIFY(proxy.isRunning());
    QVERIFY(proxy.port() != race.stolen);
    QVERIFY(listenerOwnedBy(proxy.pid(), proxy.port()));
    QVERIFY(!listenerOwnedBy(proxy.pid(), race.stolen));

    // And it is a working proxy: the request reaches the server from the proxy's side, 127.0.0.2.
    m_nam->setProxy(QNetworkProxy(kind == ProxyLauncher::Kind::Socks5 ? QNetworkProxy::Socks5Proxy
                                                                        : QNetworkProxy::HttpProxy,
                                  QStringLiteral("127.0.0.1"), proxy.port()));
    const Result result = chat(m_server->baseUrl(), false);
    QVERIFY2(result.status == 200, qPrintable(result.errorString + QLatin1Char('\n') + proxy.log()));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().constLast().peer, QHostAddress(QStringLiteral("127.0.0.2")));
}

void TestSupport::childOnPickedPortBindRace()
{
    // The generic form for a program given "--port N" (here fake-openai-server): its first port is
    // taken before it binds, it fails to listen, and the helper starts it again on another port.
    RacingPicker race;
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QString error;
    const quint16 port = startOnLoopbackPort(
        server, QStringLiteral(FAKE_OPENAI_SERVER_PATH),
        [](quint16 candidate) { return QStringList{QStringLiteral("--port"), QString::number(candidate)}; },
        kTimeoutMs, &error, race.picker());
    auto stopServer = qScopeGuard([&server] { stopProcess(server); });
    QVERIFY2(port != 0, qPrintable(error));
    QVERIFY(race.stolen != 0);
    QCOMPARE(race.picks, 2);
    QVERIFY(port != race.stolen);
    QVERIFY(listenerOwnedBy(server.processId(), port));

    QUrl base;
    base.setScheme(QStringLiteral("http"));
    base.setHost(QStringLiteral("127.0.0.1"));
    base.setPort(port);
    base.setPath(QStringLiteral("/v1"));
    QCOMPARE(chat(base, false).status, 200);
}

void TestSupport::tls()
{
    STORYBOOK_REQUIRE_TOOL(TestCa::opensslAvailable(), "openssl");
    STORYBOOK_REQUIRE(QSslSocket::supportsSsl(), "a Qt TLS backend (libqt6network6's OpenSSL plugin)");
    TestCa ca;
    QVERIFY2(ca.generate(), qPrintable(ca.errorString()));
    QVERIFY(QFile::exists(ca.caCertPath()));
    const QList<QSslCertificate> caCerts = QSslCertificate::fromPath(ca.caCertPath());
    QCOMPARE(caCerts.size(), 1);

    FakeOpenAiServer secure;
    QVERIFY2(secure.setTlsCertificate(ca.serverCertPath(), ca.serverKeyPath()), qPrintable(secure.errorString()));
    QVERIFY2(secure.listen(), qPrintable(secure.errorString()));
    QCOMPARE(secure.baseUrl().scheme(), QStringLiteral("https"));

    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.addCaCertificates(caCerts);
    auto secureChat = [&](FakeOpenAiServer& server, const QSslConfiguration& configuration, const QString& host) {
        QUrl url = endpoint(server.baseUrl(QStringLiteral("split-utf8")), QStringLiteral("/chat/completions"));
        url.setHost(host);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setSslConfiguration(configuration);
        return run(m_nam->post(request, chatBody(true)));
    };
    for (const QString& host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
        const Result ok = secureChat(secure, trusting, host);
        QVERIFY2(ok.status == 200, qPrintable(ok.errorString));
        QCOMPARE(parseSse(ok.body).content, QStringLiteral("从前，有一只小狐狸🦊找到了一盏灯。"));
    }
    QCOMPARE(secure.requests().size(), 2);

    // Without the CA the same server is rejected (fresh connections: no reuse of the trusted one).
    m_nam->clearConnectionCache();
    const Result untrustedCa = secureChat(secure, QSslConfiguration::defaultConfiguration(), QStringLiteral("127.0.0.1"));
    QCOMPARE(untrustedCa.error, QNetworkReply::SslHandshakeFailedError);
    QVERIFY(!untrustedCa.sslErrors.isEmpty());

    // A self-signed certificate fails even with the CA trusted.
    FakeOpenAiServer untrusted;
    QVERIFY(untrusted.setTlsCertificate(ca.untrustedCertPath(), ca.untrustedKeyPath()));
    QVERIFY(untrusted.listen());
    m_nam->clearConnectionCache();
    const Result rejected = secureChat(untrusted, trusting, QStringLiteral("127.0.0.1"));
    QCOMPARE(rejected.error, QNetworkReply::SslHandshakeFailedError);
    QVERIFY(!rejected.sslErrors.isEmpty());
    QVERIFY(untrusted.requests().isEmpty());

    // HTTPS through the HTTP proxy (CONNECT) still reaches the server from 127.0.0.2.
    if (ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Http)) {
        ProxyLauncher proxy;
        QVERIFY2(proxy.start(ProxyLauncher::Kind::Http), qPrintable(proxy.errorString()));
        m_nam->setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port()));
        const Result proxied = secureChat(secure, trusting, QStringLiteral("127.0.0.1"));
        QVERIFY2(proxied.status == 200, qPrintable(proxied.errorString + QLatin1Char('\n') + proxy.log()));
        QCOMPARE(secure.requests().constLast().peer, QHostAddress(QStringLiteral("127.0.0.2")));
    }
}

void TestSupport::executable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString recordPath = dir.filePath(QStringLiteral("record.jsonl"));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(FAKE_OPENAI_SERVER_PATH),
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--scenario"), QStringLiteral("length"),
                   QStringLiteral("--record"), recordPath, QStringLiteral("--exit-on-stdin-close")});
    QVERIFY(process.waitForStarted(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), kTimeoutMs);
    const QByteArray line = process.readLine().trimmed();
    QVERIFY2(line.startsWith("listening "), line.constData());
    const quint16 port = quint16(line.mid(10).toUInt());
    QVERIFY(port > 0);
    // It picked its own port (--port 0) and reports the one it bound: no race to lose.
    QVERIFY(listenerOwnedBy(process.processId(), port));

    QUrl base;
    base.setScheme(QStringLiteral("http"));
    base.setHost(QStringLiteral("127.0.0.1"));
    base.setPort(port);
    base.setPath(QStringLiteral("/v1"));
    QCOMPARE(parseSse(chat(base, true).body).finishReasons, QStringList{QStringLiteral("length")});
    base.setPath(QStringLiteral("/s/status:418/v1"));
    QCOMPARE(chat(base, false).status, 418);

    process.terminate();
    QVERIFY(process.waitForFinished(kTimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);

    QFile record(recordPath);
    QVERIFY(record.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = record.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(first.value(QLatin1String("peer")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(first.value(QLatin1String("scenario")).toString(), QStringLiteral("length"));
    QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(QLatin1String("scenario")).toString(),
             QStringLiteral("status:418"));

    // --exit-on-stdin-close and refusal of non-loopback addresses.
    QProcess second;
    second.start(QStringLiteral(FAKE_OPENAI_SERVER_PATH), {QStringLiteral("--exit-on-stdin-close")});
    QVERIFY(second.waitForStarted(kTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(second.canReadLine(), kTimeoutMs);
    second.closeWriteChannel();
    QVERIFY(second.waitForFinished(kTimeoutMs));
    QCOMPARE(second.exitCode(), 0);

    QProcess refused;
    refused.start(QStringLiteral(FAKE_OPENAI_SERVER_PATH), {QStringLiteral("--listen"), QStringLiteral("0.0.0.0")});
    QVERIFY(refused.waitForFinished(kTimeoutMs));
    QCOMPARE(refused.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestSupport)
#include "tst_testsupport.moc"
