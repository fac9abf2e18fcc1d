// The client against the fake server, directly (no proxy): streaming formats, fallbacks, errors,
#include "proxylauncher.h"
// retries, timeouts, cancellation and lifecycle.
#include "clienttesthelpers.h"
#include "fakeopenaiserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Storybook;
using namespace Storybook::Test;
using Kind = Llm::LlmError::Kind;
using Category = Llm::LlmError::Category;

class TestLlmClient final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;

    Llm::ConnectionSettings settingsFor(const QString& scenario) const
    {
        return directSettings(m_server->baseUrl(scenario));
    }

private Q_SLOTS:
    void init()
    {
        failOnLifecycleWarnings();
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void streamingFormats_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("streamed");
        QTest::newRow("ok") << "ok" << true;
        QTest::newRow("crlf") << "crlf" << true;
        QTest::newRow("comments") << "comments" << true;
        QTest::newRow("nospace") << "nospace" << true;
        QTest::newRow("nodone") << "nodone" << true;
        QTest::newRow("json-ignores-stream") << "json" << false;
        QTest::newRow("gzip") << "gzip" << true;
        QTest::newRow("redirect") << "redirect" << true;
        QTest::newRow("malformed-chunk-skipped") << "malformed" << true;
    }

    void streamingFormats()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, streamed);
        Llm::LlmClient client(settingsFor(scenario));
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message + u' ' + out.error.detail));
        QCOMPARE(out.result.content, QStringLiteral("Once upon a time, a small fox found a lantern."));
        QCOMPARE(out.deltas.join(QString()), out.result.content);
        QCOMPARE(out.result.streamed, streamed);
        QVERIFY(!out.deltas.isEmpty());
        QCOMPARE(out.info.protocol, QStringLiteral("HTTP/1.1"));
        QCOMPARE(out.info.attempts, 1);
    }

    // Deltas are signalled as they arrive: one per network read, so a server that pauses between
    // events gives one signal per event, and a burst gives one signal for the whole burst.
    void deltasFollowTheNetworkReads()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("drip:30:6")));
        const ChatOutcome paced = runChat(client, simpleRequest());
        QVERIFY2(!paced.error.isError(), qPrintable(paced.error.message));
        QVERIFY2(paced.deltas.size() >= 4, qPrintable(paced.deltas.join(u'|')));
        QCOMPARE(paced.deltas.join(QString()), paced.result.content);

        client.setSettings(settingsFor(QStringLiteral("ok:5000")));
        const ChatOutcome burst = runChat(client, simpleRequest());
        QVERIFY2(!burst.error.isError(), qPrintable(burst.error.message));
        QCOMPARE(burst.deltas.join(QString()), burst.result.content);
        QVERIFY2(burst.deltas.size() < 2500, qPrintable(QString::number(burst.deltas.size()))); // not one per event
    }

    void redirectFollowedOnce()
    {
        // Each redirect is one new request: the original is never sent twice (Qt's own following
        // sometimes re-sent it on the kept-alive connection).
        for (int round = 0; round < 20; ++round) {
            m_server->clearRequests();
            Llm::LlmClient client(settingsFor(QStringLiteral("redirect")));
            const ChatOutcome out = runChat(client, simpleRequest());
            QVERIFY2(!out.error.isError(), qPrintable(out.error.message));
            const QList<RecordedRequest> requests = m_server->requests();
            QCOMPARE(requests.size(), 2);
            QCOMPARE(requests.at(0).scenario, QStringLiteral("redirect"));
            QCOMPARE(requests.at(1).method, QByteArray("POST"));
            QCOMPARE(requests.at(1).body, requests.at(0).body);
            QCOMPARE(requests.at(1).header("Authorization"), "Bearer " + TestApiKey.toUtf8());
            QCOMPARE(out.info.attempts, 1);
            QVERIFY(out.info.url.path().startsWith(QLatin1String("/v1/")));
        }
    }

    void redirectLoopStops()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("redirect-loop")));
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Llm::LlmError::Kind::MalformedResponse);
        QVERIFY2(out.error.message.contains(QLatin1String("redirected more than 5")), qPrintable(out.error.message));
        QCOMPARE(m_server->requests().size(), 6);
    }

    void requestShape()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("ok")));
        Llm::ChatRequest request = simpleRequest();
        request.messages.prepend({QStringLiteral("system"), QStringLiteral("Be kind.")});
        request.temperature = 0.5;
        const ChatOutcome out = runChat(client, request);
        QVERIFY(!out.error.isError());
        QCOMPARE(m_server->requests().size(), 1);
        const RecordedRequest recorded = m_server->requests().constFirst();
        QCOMPARE(recorded.method, QByteArray("POST"));
        QVERIFY(recorded.path.endsWith("/v1/chat/completions"));
        QCOMPARE(recorded.header("Authorization"), "Bearer " + TestApiKey.toUtf8());
        const QJsonObject body = QJsonDocument::fromJson(recorded.body).object();
        QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("fake-small"));
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.5);
        QCOMPARE(body.value(QLatin1String("messages")).toArray().size(), 2);
        QCOMPARE(recorded.peer, QHostAddress(QHostAddress::LocalHost));
    }

    void nonStreaming()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("ok")));
        const ChatOutcome out = runChat(client, simpleRequest(false));
        QVERIFY(!out.error.isError());
        QCOMPARE(out.result.streamed, false);
        QCOMPARE(out.deltas.size(), 1);
        QVERIFY(!out.result.content.isEmpty());
    }

    void utf8SplitAcrossWrites()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("split-utf8")));
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message));
        QCOMPARE(out.result.content, QStringLiteral("从前，有一只小狐狸🦊找到了一盏灯。"));
        for (const QString& delta : out.deltas)
            QVERIFY(!delta.contains(QChar::ReplacementCharacter));
    }

    void reasoningKeptApart()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("reasoning")));
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY(!out.error.isError());
        QVERIFY(!out.result.reasoning.isEmpty());
        QCOMPARE(out.result.content, QStringLiteral("Once upon a time, a small fox found a lantern."));
    }

    void finishReasons_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("length") << "length";
        QTest::newRow("content_filter") << "content_filter";
    }

    void finishReasons()
    {
        QFETCH(QString, scenario);
        Llm::LlmClient client(settingsFor(scenario));
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY(!out.error.isError());
        QCOMPARE(out.result.finishReason, scenario);
    }

    void errorInsideStreamKeepsPartialText()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("error-in-stream")));
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::StreamError);
        QCOMPARE(out.error.category(), Category::Api);
        QVERIFY(out.error.message.contains(QLatin1String("The model crashed")));
        QVERIFY(!out.result.content.isEmpty());
    }

    void httpErrors_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("401") << "status:401" << int(Kind::Unauthorized) << "API key";
        QTest::newRow("403") << "status:403" << int(Kind::Forbidden) << "403";
        QTest::newRow("404-model") << "status:404" << int(Kind::ModelNotFound) << "fake-small";
        QTest::newRow("400") << "status:400" << int(Kind::HttpError) << "400";
        QTest::newRow("429-no-wait") << "status:429:99" << int(Kind::RateLimited) << "429";
        QTest::newRow("500") << "status:500:0" << int(Kind::ServerError) << "500";
    }

    void httpErrors()
    {
        QFETCH(QString, scenario);
        QFETCH(int, kind);
        QFETCH(QString, says);
        auto settings = settingsFor(scenario);
        settings.retries = 1;
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(int(out.error.kind), kind);
        QCOMPARE(out.error.category(), Category::Api);
        QVERIFY2(out.error.message.contains(says), qPrintable(out.error.message));
        QVERIFY(!out.error.hint.isEmpty());
        const int expectedAttempts = (kind == int(Kind::ServerError)) ? 2 : 1; // 429 asked for 99 s: not retried
        QCOMPARE(out.info.attempts, expectedAttempts);
    }

    void retriesHonourRetryAfter()
    {
        auto settings = settingsFor(QStringLiteral("flaky:2:429"));
        settings.retries = 2;
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message));
        QCOMPARE(out.info.attempts, 3);
        QCOMPARE(out.retryDelays, (QList<int>{0, 0})); // the server said Retry-After: 0
        QCOMPARE(m_server->requests().size(), 3);
    }

    void retriesGiveUp()
    {
        auto settings = settingsFor(QStringLiteral("flaky:5"));
        settings.retries = 2;
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::ServerError);
        QCOMPARE(out.info.attempts, 3);
    }

    void resetBeforeAnswerIsRetried()
    {
        auto settings = settingsFor(QStringLiteral("reset"));
        settings.retries = 1;
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.category(), Category::Network);
        QCOMPARE(out.error.kind, Kind::ConnectionReset);
        QCOMPARE(out.info.attempts, 2);
    }

    void dropMidStreamIsNotRetriedAndKeepsText()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("drop")));
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.category(), Category::Network);
        QVERIFY2(out.error.message.contains(QLatin1String("middle")), qPrintable(out.error.message));
        QCOMPARE(out.info.attempts, 1);
        QVERIFY(!out.result.content.isEmpty());
    }

    void secretsEchoedByServerAreRedacted()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("echo-key")));
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::Unauthorized);
        QVERIFY(!out.error.message.contains(TestApiKey));
        QVERIFY(!out.error.detail.contains(TestApiKey));
        QVERIFY(!out.error.message.contains(QLatin1String("SECRETKEY")));
    }

    void idleTimeoutWhenNoHeaders()
    {
        auto settings = settingsFor(QStringLiteral("stall-headers"));
        settings.idleTimeout = std::chrono::milliseconds(400);
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::IdleTimeout);
        QCOMPARE(out.error.category(), Category::Timeout);
        QVERIFY(out.error.message.contains(QLatin1String("0.4")));
        QCOMPARE(out.info.attempts, 1); // the request was sent: never retried
    }

    void idleTimeoutMidStreamKeepsText()
    {
        auto settings = settingsFor(QStringLiteral("stall"));
        settings.idleTimeout = std::chrono::milliseconds(400);
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::IdleTimeout);
        QVERIFY(!out.result.content.isEmpty());
    }

    void slowStreamNeverHitsIdleTimeout()
    {
        // 12 deltas, one every 150 ms: 1.8 s in all, far beyond the 500 ms idle limit.
        auto settings = settingsFor(QStringLiteral("drip:150:12"));
        settings.idleTimeout = std::chrono::milliseconds(500);
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message));
        QCOMPARE(out.deltas.size(), 12);
        QVERIFY(out.wallMs >= 1500);
    }

    void totalTimeout()
    {
        auto settings = settingsFor(QStringLiteral("drip:100:50"));
        settings.totalTimeout = std::chrono::milliseconds(700);
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::TotalTimeout);
        QVERIFY(out.wallMs < 3000);
        QVERIFY(!out.result.content.isEmpty());
    }

    void connectTimeoutIncludesHandshake()
    {
        // A "proxy" that accepts TCP connections but never says a word: the SOCKS5 handshake hangs.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket*> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* socket = silent.nextPendingConnection())
                held.append(socket);
        });
        auto settings = settingsFor(QStringLiteral("ok"));
        settings.proxy.mode = Llm::ProxySettings::Mode::Socks5;
        settings.proxy.host = QStringLiteral("127.0.0.1");
        settings.proxy.port = silent.serverPort();
        settings.proxy.bypass.clear();
        settings.connectTimeout = std::chrono::milliseconds(300);
        settings.retries = 1;
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::ConnectTimeout);
        QVERIFY2(out.error.message.contains(QLatin1String("SOCKS5")), qPrintable(out.error.message));
        QCOMPARE(out.info.attempts, 2);
        QVERIFY(m_server->requests().isEmpty());
        qDeleteAll(held);
    }

    void cancelMidStream()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("drip:50:100")));
        const ChatOutcome out = runChat(client, simpleRequest(), 20000, [](Llm::ChatJob* job, const QString&) {
            job->cancel();
        });
        QCOMPARE(out.error.kind, Kind::Cancelled);
        QCOMPARE(out.deltas.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 5000);
    }

    void cancelBeforeStart()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("ok")));
        Llm::ChatJob* job = client.chat(simpleRequest());
        bool finished = false;
        connect(job, &Llm::RequestJob::finished, this, [&] {
            QCOMPARE(job->error().kind, Kind::Cancelled);
            finished = true;
        });
        job->cancel();
        QVERIFY(finished);
        // Nothing was sent: a request started after it through the same client (same host queue,
        // started in order) is the first one the server sees.
        QCOMPARE(client.runningJobs(), 0);
        const ChatOutcome after = runChat(client, simpleRequest());
        QVERIFY(!after.error.isError());
        QCOMPARE(m_server->requests().size(), 1);
    }

    void destroyingClientMidStreamIsClean()
    {
        auto* client = new Llm::LlmClient(settingsFor(QStringLiteral("drip:50:100")));
        bool gotDelta = false;
        bool finished = false;
        Llm::ChatJob* job = client->chat(simpleRequest());
        connect(job, &Llm::ChatJob::contentDelta, this, [&] { gotDelta = true; });
        connect(job, &Llm::RequestJob::finished, this, [&] { finished = true; });
        QTRY_VERIFY_WITH_TIMEOUT(gotDelta, 5000);
        delete client; // like quitting the app mid-stream
        QVERIFY(!finished); // no signal from a dying client
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 5000);
    }

    void settingsChangeDuringRequest()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("drip:30:10")));
        bool changed = false;
        const ChatOutcome out = runChat(client, simpleRequest(), 20000, [&](Llm::ChatJob*, const QString&) {
            if (!changed) {
                changed = true;
                client.setSettings(settingsFor(QStringLiteral("ok"))); // the running request keeps its manager
            }
        });
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message));
        QCOMPARE(out.deltas.size(), 10);
    }

    void perHostConcurrencyIsBounded()
    {
        auto settings = settingsFor(QStringLiteral("drip:20:10"));
        settings.maxConnectionsPerHost = 2;
        Llm::LlmClient client(settings);
        int maxOpen = 0;
        int done = 0;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this, [&] { maxOpen = std::max(maxOpen, m_server->openConnections()); });
        sampler.start(5);
        for (int i = 0; i < 6; ++i) {
            Llm::ChatJob* job = client.chat(simpleRequest());
            connect(job, &Llm::RequestJob::finished, this, [&done, job] {
                QVERIFY(!job->error().isError());
                ++done;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 6, 20000);
        QVERIFY2(maxOpen <= 2, qPrintable(QString::number(maxOpen)));
        QVERIFY(maxOpen >= 1);
    }

    void timeoutStartsAtDispatchNotInQueue()
    {
        // One slot, two requests of ~1 s each, a 600 ms idle timeout: the second request waits in our
        // queue for a second without timing out, because its clocks start when it is dispatched.
        auto settings = settingsFor(QStringLiteral("drip:100:10"));
        settings.maxConnectionsPerHost = 1;
        settings.idleTimeout = std::chrono::milliseconds(600);
        settings.connectTimeout = std::chrono::milliseconds(600);
        Llm::LlmClient client(settings);
        int ok = 0;
        int finished = 0;
        for (int i = 0; i < 2; ++i) {
            Llm::ChatJob* job = client.chat(simpleRequest());
            connect(job, &Llm::RequestJob::finished, this, [&, job] {
                ok += job->error().isError() ? 0 : 1;
                ++finished;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 2, 20000);
        QCOMPARE(ok, 2);
    }

    void models()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("ok")));
        const ModelsOutcome out = runModels(client);
        QVERIFY(!out.error.isError());
        QCOMPARE(out.models, (QStringList{QStringLiteral("fake-large"), QStringLiteral("fake-small")}));
        QCOMPARE(m_server->requests().constFirst().method, QByteArray("GET"));
    }

    void modelsErrors()
    {
        Llm::LlmClient client(settingsFor(QStringLiteral("status:401")));
        QCOMPARE(runModels(client).error.kind, Kind::Unauthorized);
    }

    void connectionRefusedDirect()
    {
        auto settings = directSettings(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(closedLoopbackPort())));
        settings.retries = 0;
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::ConnectionRefused);
        QCOMPARE(Llm::LlmError::exitCode(out.error.category()), 3);
    }

    void configurationErrors()
    {
        auto settings = settingsFor(QStringLiteral("ok"));
        settings.baseUrl = QUrl(QStringLiteral("ftp://example/v1"));
        Llm::LlmClient bad(settings);
        QCOMPARE(runChat(bad, simpleRequest()).error.kind, Kind::InvalidBaseUrl);
        settings = settingsFor(QStringLiteral("ok"));
        settings.caBundle = QStringLiteral("/nonexistent/ca.pem");
        Llm::LlmClient badCa(settings);
        const ChatOutcome out = runChat(badCa, simpleRequest());
        QCOMPARE(out.error.kind, Kind::CaBundleUnreadable);
        QCOMPARE(Llm::LlmError::exitCode(out.error.category()), 2);
        QVERIFY(m_server->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLlmClient)
#include "tst_llmclient.moc"
