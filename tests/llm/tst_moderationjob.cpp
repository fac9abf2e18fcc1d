// Llm::ModerationJob (issue 19) against the fake server's /v1/moderations: flagged, clean, and failures
// explained (an HTTP error, a web page instead of JSON, a refused connection); the text is sent as "input".
#include "clienttesthelpers.h"
#include "fakeopenaiserver.h"
#include "moderationjob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>

using namespace Storybook;
using namespace Storybook::Test;

class TestModerationJob final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;

    struct Outcome
    {
        bool finished = false;
        Llm::LlmError error;
        Llm::ModerationResult result;
    };

    static Outcome run(Llm::LlmClient& client, const QString& input)
    {
        Outcome outcome;
        Llm::ModerationJob* job = client.moderate(input);
        QSignalSpy finished(job, &Llm::RequestJob::finished);
        outcome.finished = finished.wait(20000);
        outcome.error = job->error();
        outcome.result = job->result();
        return outcome;
    }

private Q_SLOTS:
    void init()
    {
        failOnLifecycleWarnings();
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
    }
    void cleanup() { delete m_server; }

    void flagged()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        const Outcome outcome = run(client, QStringLiteral("The dragon FLAG-ME roars."));
        QVERIFY(outcome.finished);
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message));
        QVERIFY(outcome.result.flagged);
        QCOMPARE(outcome.result.categories, QStringList{QStringLiteral("violence")});
        QCOMPARE(m_server->requests().size(), 1);
        const RecordedRequest request = m_server->requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QVERIFY(request.path.endsWith("/v1/moderations"));
        QCOMPARE(request.header("Authorization"), "Bearer " + TestApiKey.toUtf8());
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(QLatin1String("input")).toString(), QStringLiteral("The dragon FLAG-ME roars."));
        QVERIFY(!body.contains(QLatin1String("model"))); // the provider's default moderation model
    }

    void clean()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        const Outcome outcome = run(client, QStringLiteral("The dragon and the fox share a picnic."));
        QVERIFY(outcome.finished);
        QVERIFY(!outcome.error.isError());
        QVERIFY(!outcome.result.flagged);
        QVERIFY(outcome.result.categories.isEmpty());
    }

    void failures_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("kind");
        QTest::newRow("unauthorized") << QStringLiteral("status:401") << int(Llm::LlmError::Kind::Unauthorized);
        QTest::newRow("server error") << QStringLiteral("status:500") << int(Llm::LlmError::Kind::ServerError);
        QTest::newRow("web page") << QStringLiteral("html") << int(Llm::LlmError::Kind::MalformedResponse);
    }
    void failures()
    {
        QFETCH(QString, scenario);
        QFETCH(int, kind);
        Llm::ConnectionSettings settings = directSettings(m_server->baseUrl(scenario));
        settings.retries = 0;
        Llm::LlmClient client(settings);
        const Outcome outcome = run(client, QStringLiteral("a page"));
        QVERIFY(outcome.finished);
        QVERIFY(outcome.error.isError());
        QCOMPARE(int(outcome.error.kind), kind);
        QVERIFY(!outcome.error.message.isEmpty());
        QVERIFY(!outcome.result.flagged);
    }

    void connectionRefused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        Llm::ConnectionSettings settings = directSettings(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)));
        settings.retries = 0;
        Llm::LlmClient client(settings);
        const Outcome outcome = run(client, QStringLiteral("a page"));
        QVERIFY(outcome.finished);
        QVERIFY(outcome.error.isError());
        QCOMPARE(outcome.error.category(), Llm::LlmError::Category::Network);
    }
};

QTEST_GUILESS_MAIN(TestModerationJob)
#include "tst_moderationjob.moc"
