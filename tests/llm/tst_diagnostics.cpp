// The staged connection check, in process: live stage updates, verdicts, and proof that it takes
// exactly the path story requests take (same proxy, same TLS settings, same manager).
#include "clienttesthelpers.h"
#include "diagnostics.h"
#include "fakeopenaiserver.h"
#include "proxylauncher.h"
#include "testca.h"

#include <QDir>
#include <QFile>
#include <QProcess>

using namespace Storybook;
using namespace Storybook::Test;
using Status = Llm::DiagnosticStage::Status;
using Kind = Llm::LlmError::Kind;

namespace {
const QString ProxyPassword = QStringLiteral("diag-SECRET-pw");

struct DiagRun
{
    Llm::DiagnosticsReport report;
    QList<QPair<QString, Status>> updates;
    bool finished = false;
};

DiagRun diagnose(Llm::LlmClient& client)
{
    DiagRun run;
    Llm::Diagnostics diagnostics(&client);
    QObject::connect(&diagnostics, &Llm::Diagnostics::stageChanged, &diagnostics,
                     [&run](int, const Llm::DiagnosticStage& stage) { run.updates.append({stage.name, stage.status}); });
    QObject::connect(&diagnostics, &Llm::Diagnostics::finished, &diagnostics, [&run](const Llm::DiagnosticsReport& report) {
        run.report = report;
        run.finished = true;
    });
    diagnostics.start();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(run.finished, 30000); }();
    return run;
}

QList<Status> statuses(const Llm::DiagnosticsReport& report)
{
    QList<Status> out;
    for (const auto& stage : report.stages)
        out.append(stage.status);
    return out;
}
} // namespace

class TestDiagnostics final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;

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

    void allGreenDirect()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        const DiagRun run = diagnose(client);
        QVERIFY2(run.report.ok, qPrintable(run.report.toText()));
        QCOMPARE(statuses(run.report), (QList<Status>{Status::Ok, Status::Ok, Status::Skipped, Status::Skipped, Status::Ok,
                                                      Status::Ok, Status::Ok}));
        // Each stage is reported running, then done, in order.
        QCOMPARE(run.updates.size(), 14);
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(run.updates.at(2 * i).second, Status::Running);
            QCOMPARE(run.updates.at(2 * i).first, run.updates.at(2 * i + 1).first);
        }
        QVERIFY(run.report.verdict.contains(QLatin1String("Everything works")));
        QVERIFY(run.report.stages.at(5).detail.contains(QLatin1String("fake-small")));
        QVERIFY(run.report.stages.at(5).detail.contains(QLatin1String("HTTP/1.1")));
        const QString text = run.report.toText();
        QVERIFY(!text.contains(TestApiKey));
        for (const auto& stage : run.report.stages)
            QVERIFY(text.contains(stage.title));
    }

    void samePathAsStoryRequests()
    {
        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Socks5), "microsocks");
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyLauncher::Kind::Socks5, QStringLiteral("u"), ProxyPassword));
        QProcessEnvironment env;
        env.insert(QStringLiteral("ALL_PROXY"), QStringLiteral("socks5h://u:%1@127.0.0.1:%2").arg(ProxyPassword).arg(proxy.port()));
        auto settings = directSettings(m_server->baseUrl());
        settings.proxy.mode = Llm::ProxySettings::Mode::System;
        settings.proxy.bypass.clear();
        Llm::LlmClient client(settings, nullptr, env);
        const DiagRun run = diagnose(client);
        QVERIFY2(run.report.ok, qPrintable(run.report.toText()));
        QCOMPARE(statuses(run.report), (QList<Status>{Status::Ok, Status::Ok, Status::Ok, Status::Skipped, Status::Ok,
                                                      Status::Ok, Status::Ok}));
        QVERIFY(run.report.effectiveProxy.contains(QLatin1String("ALL_PROXY")));
        QVERIFY(!run.report.toText().contains(ProxyPassword));
        QVERIFY(!QString::fromUtf8(run.report.toJson()).contains(ProxyPassword));
        // Both API requests of the check came through the proxy.
        QCOMPARE(m_server->requests().size(), 2);
        for (const RecordedRequest& request : m_server->requests())
            QCOMPARE(request.peer, QHostAddress(QStringLiteral("127.0.0.2")));
    }

    void deadProxyStopsAtTheRightStage()
    {
        auto settings = directSettings(m_server->baseUrl());
        settings.proxy.mode = Llm::ProxySettings::Mode::Http;
        settings.proxy.host = QStringLiteral("127.0.0.1");
        settings.proxy.port = closedLoopbackPort();
        settings.proxy.bypass.clear();
        Llm::LlmClient client(settings);
        const DiagRun run = diagnose(client);
        QVERIFY(!run.report.ok);
        QCOMPARE(statuses(run.report), (QList<Status>{Status::Ok, Status::Ok, Status::Failed, Status::Skipped,
                                                      Status::Skipped, Status::Skipped, Status::Skipped}));
        QCOMPARE(run.report.stages.at(2).error.kind, Kind::ProxyUnreachable);
        QVERIFY(run.report.verdict.contains(QString::number(settings.proxy.port)));
        QVERIFY(!run.report.hint.isEmpty());
        QVERIFY(m_server->requests().isEmpty());
    }

    void wrongKeyFoundAtModels()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("status:401"))));
        const DiagRun run = diagnose(client);
        QCOMPARE(run.report.stages.at(5).status, Status::Failed);
        QCOMPARE(run.report.stages.at(5).error.kind, Kind::Unauthorized);
        QVERIFY(run.report.hint.contains(QLatin1String("API key")));
    }

    void unsupportedEnvironmentProxyFailsFirst()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("https://127.0.0.1:3129"));
        auto settings = directSettings(QUrl(QStringLiteral("https://api.example.invalid/v1")));
        settings.proxy.mode = Llm::ProxySettings::Mode::System;
        Llm::LlmClient client(settings, nullptr, env);
        const DiagRun run = diagnose(client);
        QCOMPARE(run.report.stages.at(0).status, Status::Failed);
        QCOMPARE(run.report.stages.at(0).error.kind, Kind::UnsupportedProxy);
        QVERIFY(run.report.verdict.contains(QLatin1String("HTTPS_PROXY")));
    }

    void tlsDetailsThroughHttpProxy()
    {
        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Http), "tinyproxy");
        STORYBOOK_REQUIRE_TOOL(TestCa::opensslAvailable(), "openssl");
        TestCa ca;
        QVERIFY(ca.generate());
        FakeOpenAiServer tls;
        QVERIFY(tls.setTlsCertificate(ca.serverCertPath(), ca.serverKeyPath()));
        QVERIFY(tls.listen());
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyLauncher::Kind::Http, QStringLiteral("u"), ProxyPassword));
        QUrl base = tls.baseUrl();
        base.setHost(QStringLiteral("localhost"));
        auto settings = directSettings(base);
        settings.proxy.mode = Llm::ProxySettings::Mode::Http;
        settings.proxy.host = QStringLiteral("127.0.0.1");
        settings.proxy.port = proxy.port();
        settings.proxy.user = QStringLiteral("u");
        settings.proxy.password = ProxyPassword;
        settings.proxy.bypass.clear();
        {
            Llm::LlmClient untrusting(settings);
            const DiagRun run = diagnose(untrusting);
            QCOMPARE(run.report.stages.at(4).status, Status::Failed);
            QCOMPARE(run.report.stages.at(4).error.kind, Kind::TlsCertificate);
        }
        settings.caBundle = ca.caCertPath();
        Llm::LlmClient client(settings);
        const DiagRun run = diagnose(client);
        QVERIFY2(run.report.ok, qPrintable(run.report.toText()));
        QVERIFY2(run.report.stages.at(4).detail.contains(QLatin1String("TLS")), qPrintable(run.report.stages.at(4).detail));
        QVERIFY(run.report.stages.at(4).detail.contains(QLatin1String("through the proxy")));
    }

    void http2IsUsedAndCanBeTurnedOff()
    {
        const QString nghttpd = findTool(QStringLiteral("nghttpd"));
        STORYBOOK_REQUIRE_TOOL(!nghttpd.isEmpty(), "nghttpd");
        STORYBOOK_REQUIRE_TOOL(TestCa::opensslAvailable(), "openssl");
        TestCa ca;
        QVERIFY(ca.generate());
        QTemporaryDir docs;
        QVERIFY(QDir(docs.path()).mkpath(QStringLiteral("v1")));
        QFile models(docs.filePath(QStringLiteral("v1/models")));
        QVERIFY(models.open(QIODevice::WriteOnly));
        models.write(R"({"object":"list","data":[{"id":"h2-model","object":"model"}]})");
        models.close();
        // The launcher waits until nghttpd itself listens on the port it was given (another new one
        // if something took it first: tests/support/portcheck.h).
        QProcess server;
        QString why;
        const quint16 port = startOnLoopbackPort(
            server, nghttpd,
            [&](quint16 p) {
                return QStringList{QStringLiteral("--htdocs=") + docs.path(), QStringLiteral("--address=127.0.0.1"),
                                   QString::number(p), ca.serverKeyPath(), ca.serverCertPath()};
            },
            5000, &why);
        QVERIFY2(port != 0, qPrintable(why));
        auto stopServer = qScopeGuard([&server] { stopProcess(server); });
        auto settings = directSettings(QUrl(QStringLiteral("https://localhost:%1/v1").arg(port)));
        settings.caBundle = ca.caCertPath();
        Llm::LlmClient client(settings);
        const ModelsOutcome h2 = runModels(client);
        QVERIFY2(!h2.error.isError(), qPrintable(h2.error.message));
        QCOMPARE(h2.models, QStringList{QStringLiteral("h2-model")});
        QCOMPARE(h2.info.protocol, QStringLiteral("HTTP/2"));
        // nghttpd speaks only HTTP/2: with HTTP/2 turned off the client does not offer it, and the
        // server hangs up instead of answering.
        settings.http2 = false;
        settings.retries = 0;
        Llm::LlmClient http1(settings);
        const ModelsOutcome h1 = runModels(http1);
        QVERIFY(h1.error.isError());
        QVERIFY(h1.info.protocol != QStringLiteral("HTTP/2"));
    }

    void cancelWhileRunning()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("slow-models:3000"))));
        auto* diagnostics = new Llm::Diagnostics(&client);
        bool finished = false;
        connect(diagnostics, &Llm::Diagnostics::finished, this, [&] { finished = true; });
        diagnostics->start();
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->requests().isEmpty(), 10000);
        diagnostics->cancel();
        delete diagnostics;
        // The cancelled model-list request is gone from the server's side too (its connection closed).
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 5000);
        QVERIFY(!finished);
        QCOMPARE(client.runningJobs(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
