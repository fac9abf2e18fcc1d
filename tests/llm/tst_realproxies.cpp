// The client through the proxies families, schools and offices run (issue 20): Squid, Dante,
// shadowsocks-libev, privoxy and mitmproxy from Debian's packages, started and stopped here on
// loopback ports. Their outgoing side is 127.0.0.2 (mitmproxy: a request header), so the fake
// server proves the path. Each case states what the user sees: the error kind (hence the CLI exit
// code) and the words of the message.
#include "clienttesthelpers.h"
#include "diagnostics.h"
#include "fakeopenaiserver.h"
#include "realproxies.h"
#include "testca.h"

using namespace Storybook;
using namespace Storybook::Test;
using Kind = Llm::LlmError::Kind;
using Real = RealProxy::Kind;

namespace {
const QHostAddress ViaProxy(QStringLiteral("127.0.0.2"));
const QString User = QStringLiteral("storyuser");
const QString Password = QStringLiteral("real-SECRET-pw");

Llm::DiagnosticsReport runDiagnostics(Llm::LlmClient& client, int timeoutMs = 20000)
{
    Llm::DiagnosticsReport result;
    bool done = false;
    Llm::Diagnostics diagnostics(&client);
    QObject::connect(&diagnostics, &Llm::Diagnostics::finished, &diagnostics,
                     [&](const Llm::DiagnosticsReport& report) {
                         result = report;
                         done = true;
                     });
    diagnostics.start();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, timeoutMs); }();
    return result;
}

QString failedStage(const Llm::DiagnosticsReport& report)
{
    for (const Llm::DiagnosticStage& stage : report.stages) {
        if (stage.status == Llm::DiagnosticStage::Status::Failed)
            return stage.name + u' ' + Llm::LlmError::kindName(stage.error.kind);
    }
    return {};
}
} // namespace

class TestRealProxies final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;

    static Llm::ConnectionSettings through(const QUrl& base, const QString& scheme, quint16 port, const QString& user = {},
                                           const QString& password = {})
    {
        Llm::ConnectionSettings s = directSettings(base);
        s.proxy.mode = scheme == QLatin1String("http") ? Llm::ProxySettings::Mode::Http : Llm::ProxySettings::Mode::Socks5;
        s.proxy.host = QStringLiteral("127.0.0.1");
        s.proxy.port = port;
        s.proxy.user = user;
        s.proxy.password = password;
        s.proxy.remoteDns = true;
        s.proxy.bypass.clear();
        s.retries = 0;
        s.connectTimeout = std::chrono::seconds(4);
        return s;
    }

    static void start(RealProxy& proxy, Real kind) { start(proxy, kind, RealProxy::Options()); }
    static RealProxy::Options credentials(const QString& user, const QString& password)
    {
        RealProxy::Options options;
        options.user = user;
        options.password = password;
        return options;
    }
    static void start(RealProxy& proxy, Real kind, const RealProxy::Options& options)
    {
        STORYBOOK_REQUIRE_TOOL(RealProxy::available(kind, !options.user.isEmpty()), qPrintable(RealProxy::toolName(kind)));
        QVERIFY2(proxy.start(kind, options), qPrintable(proxy.errorString()));
    }

    static void expectOk(const ChatOutcome& out, const RealProxy& proxy)
    {
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message + u' ' + out.error.detail + u'\n' + proxy.log()));
        QVERIFY(!out.result.content.isEmpty());
    }

    static void expectError(const ChatOutcome& out, Kind kind, const QString& words)
    {
        QVERIFY2(out.error.kind == kind, qPrintable(Llm::LlmError::kindName(out.error.kind) + u' ' + out.error.message + u' ' + out.error.detail));
        QVERIFY2(out.error.message.contains(words), qPrintable(out.error.message));
        QVERIFY(!out.error.message.contains(Password));
        QVERIFY(!out.error.detail.contains(Password));
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

    // Squid with Basic auth and a refused port: 407 = credentials, 403 = its rules, 503 = it could
    // not reach the server; an upstream gateway's 502 page through it is the server's.
    void squid()
    {
        RealProxy proxy;
        const quint16 denied = closedLoopbackPort();
        RealProxy::Options options = credentials(User, Password);
        options.deniedPort = denied;
        start(proxy, Real::Squid, options);
        const QString proxyName = QStringLiteral("HTTP proxy 127.0.0.1:%1").arg(proxy.port());
        const QUrl base = m_server->baseUrl();
        {
            Llm::LlmClient client(through(base, proxy.scheme(), proxy.port(), User, Password));
            const ChatOutcome out = runChat(client, simpleRequest());
            expectOk(out, proxy);
            QCOMPARE(m_server->requests().constLast().peer, ViaProxy);
            QVERIFY(runModels(client).models.contains(QStringLiteral("fake-small")));
        }
        {
            Llm::LlmClient client(through(m_server->baseUrl(QStringLiteral("ok:3000")), proxy.scheme(), proxy.port(), User, Password));
            const ChatOutcome out = runChat(client, simpleRequest());
            expectOk(out, proxy);
            QVERIFY2(out.result.content.size() > 3000, qPrintable(QString::number(out.result.content.size()))); // a long stream
        }
        {
            Llm::LlmClient client(through(base, proxy.scheme(), proxy.port()));
            expectError(runChat(client, simpleRequest()), Kind::ProxyCredentialsMissing,
                        proxyName + QStringLiteral(" asks for a username and password"));
            const Llm::DiagnosticsReport report = runDiagnostics(client);
            QCOMPARE(failedStage(report), QStringLiteral("proxy-reachable proxy-auth-missing"));
        }
        {
            Llm::LlmClient client(through(base, proxy.scheme(), proxy.port(), User, QStringLiteral("wrong")));
            expectError(runChat(client, simpleRequest()), Kind::ProxyAuthentication, proxyName + QStringLiteral(" rejected"));
            QCOMPARE(failedStage(runDiagnostics(client)), QStringLiteral("proxy-reachable proxy-auth"));
        }
        for (const QString& scheme : {QStringLiteral("http"), QStringLiteral("https")}) {
            const QUrl refused(QStringLiteral("%1://127.0.0.1:%2/v1").arg(scheme).arg(denied));
            Llm::LlmClient client(through(refused, proxy.scheme(), proxy.port(), User, Password));
            const ChatOutcome out = runChat(client, simpleRequest());
            expectError(out, Kind::ProxyDenied, QStringLiteral("127.0.0.1:%1").arg(denied));
            QVERIFY(out.error.hint.contains(QLatin1String("administrator")));
            if (scheme == QLatin1String("https"))
                QCOMPARE(failedStage(runDiagnostics(client)), QStringLiteral("connect proxy-denied"));
        }
        {
            const quint16 down = closedLoopbackPort();
            Llm::LlmClient client(through(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(down)), proxy.scheme(), proxy.port(), User, Password));
            expectError(runChat(client, simpleRequest()), Kind::ProxyRefusedTarget, QStringLiteral("127.0.0.1:%1").arg(down));
        }
        {
            // Issue 14: the gateway in front of the server answered 502 with its page, through Squid.
            Llm::LlmClient client(through(m_server->baseUrl(QStringLiteral("gateway")), proxy.scheme(), proxy.port(), User, Password));
            const ChatOutcome out = runChat(client, simpleRequest());
            expectError(out, Kind::ServerError, QStringLiteral("answered 502"));
            QCOMPARE(Llm::LlmError::exitCode(out.error.category()), 5);
            QCOMPARE(m_server->requests().constLast().peer, ViaProxy);
        }
    }

    // Dante with and without username auth; credentials given to one that needs none still work.
    void dante()
    {
        RealProxy open;
        start(open, Real::Dante);
        {
            Llm::LlmClient client(through(m_server->baseUrl(), open.scheme(), open.port(), User, Password));
            expectOk(runChat(client, simpleRequest()), open);
            QCOMPARE(m_server->requests().constLast().peer, ViaProxy);
            const Llm::DiagnosticsReport report = runDiagnostics(client);
            QVERIFY2(report.ok, qPrintable(report.toText()));
        }
        RealProxy guarded;
        start(guarded, Real::Dante, credentials(User, Password));
        const QString proxyName = QStringLiteral("SOCKS5 proxy 127.0.0.1:%1").arg(guarded.port());
        {
            Llm::LlmClient client(through(m_server->baseUrl(), guarded.scheme(), guarded.port(), User, Password));
            expectOk(runChat(client, simpleRequest()), guarded);
            QCOMPARE(m_server->requests().constLast().peer, ViaProxy);
        }
        {
            Llm::LlmClient client(through(m_server->baseUrl(), guarded.scheme(), guarded.port(), User, QStringLiteral("wrong")));
            expectError(runChat(client, simpleRequest()), Kind::ProxyAuthentication, proxyName + QStringLiteral(" rejected"));
            QCOMPARE(failedStage(runDiagnostics(client)), QStringLiteral("proxy-reachable proxy-auth"));
        }
        {
            Llm::LlmClient client(through(m_server->baseUrl(), guarded.scheme(), guarded.port()));
            expectError(runChat(client, simpleRequest()), Kind::ProxyCredentialsMissing,
                        proxyName + QStringLiteral(" asks for a username and password"));
        }
        {
            // The wrong kind of proxy on the port, both ways round, named at once.
            Llm::LlmClient client(through(m_server->baseUrl(), QStringLiteral("http"), open.port()));
            const ChatOutcome out = runChat(client, simpleRequest());
            expectError(out, Kind::ProxyWrongType, QStringLiteral("127.0.0.1:%1 is a SOCKS5 proxy: choose SOCKS5").arg(open.port()));
            QVERIFY2(out.wallMs < 3000, qPrintable(QString::number(out.wallMs)));
            QCOMPARE(failedStage(runDiagnostics(client)), QStringLiteral("proxy-reachable proxy-wrong-type"));
        }
    }

    void socks5AtAnHttpPort()
    {
        RealProxy proxy;
        start(proxy, Real::Squid);
        Llm::LlmClient client(through(m_server->baseUrl(), QStringLiteral("socks5h"), proxy.port()));
        const ChatOutcome out = runChat(client, simpleRequest());
        expectError(out, Kind::ProxyWrongType, QStringLiteral("127.0.0.1:%1 is an HTTP proxy: choose HTTP").arg(proxy.port()));
        QVERIFY2(out.wallMs < 4000, qPrintable(QString::number(out.wallMs)));
        QCOMPARE(failedStage(runDiagnostics(client)), QStringLiteral("proxy-reachable proxy-wrong-type"));
    }

    // shadowsocks-libev: the local SOCKS5 port needs no credentials (given anyway, as users copy
    // them); with the wrong key it accepts connections and nothing comes back.
    void shadowsocks()
    {
        RealProxy ss;
        start(ss, Real::Shadowsocks);
        {
            Llm::LlmClient client(through(m_server->baseUrl(), ss.scheme(), ss.port(), User, Password));
            expectOk(runChat(client, simpleRequest()), ss);
            QCOMPARE(m_server->requests().constLast().peer, ViaProxy);
            QVERIFY(!runModels(client).error.isError());
        }
        STORYBOOK_REQUIRE_TOOL(TestCa::opensslAvailable(), "openssl");
        TestCa ca;
        QVERIFY(ca.generate());
        FakeOpenAiServer tlsServer;
        QVERIFY(tlsServer.setTlsCertificate(ca.serverCertPath(), ca.serverKeyPath()));
        QVERIFY(tlsServer.listen());
        QUrl base = tlsServer.baseUrl();
        base.setHost(QStringLiteral("localhost"));
        RealProxy broken;
        RealProxy::Options wrongKey;
        wrongKey.wrongKey = true;
        start(broken, Real::Shadowsocks, wrongKey);
        auto settings = through(base, broken.scheme(), broken.port());
        settings.caBundle = ca.caCertPath();
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        expectError(out, Kind::ProxySilent, QStringLiteral("accepted the connection, but nothing came back"));
        QVERIFY2(out.wallMs < 9000, qPrintable(QString::number(out.wallMs))); // the connect timeout (4 s), once
        const Llm::DiagnosticsReport report = runDiagnostics(client);
        QCOMPARE(failedStage(report), QStringLiteral("connect proxy-silent"));
        QVERIFY(tlsServer.requests().isEmpty());
    }

    // privoxy in front of the shadowsocks client, as many families run it.
    void privoxy()
    {
        RealProxy ss;
        start(ss, Real::Shadowsocks);
        RealProxy privoxy;
        RealProxy::Options options;
        options.upstreamPort = ss.port();
        start(privoxy, Real::Privoxy, options);
        Llm::LlmClient client(through(m_server->baseUrl(QStringLiteral("ok:2000")), privoxy.scheme(), privoxy.port()));
        expectOk(runChat(client, simpleRequest()), privoxy);
        QCOMPARE(m_server->requests().constLast().peer, ViaProxy);
        // Credentials given to a proxy that asks for none: sent, ignored, and it still works.
        Llm::LlmClient withCredentials(through(m_server->baseUrl(), privoxy.scheme(), privoxy.port(), User, Password));
        expectOk(runChat(withCredentials, simpleRequest()), privoxy);
        // The server is down: privoxy's own error page says it could not reach it.
        const quint16 down = closedLoopbackPort();
        Llm::LlmClient toDown(through(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(down)), privoxy.scheme(), privoxy.port()));
        expectError(runChat(toDown, simpleRequest()), Kind::ProxyRefusedTarget, QStringLiteral("127.0.0.1:%1").arg(down));
    }

    // mitmproxy intercepts HTTPS with its own CA, and never answers a second CONNECT on a connection:
    // credentials must come with the first one.
    void mitmproxy()
    {
        STORYBOOK_REQUIRE_TOOL(TestCa::opensslAvailable(), "openssl");
        TestCa ca;
        QVERIFY(ca.generate());
        FakeOpenAiServer tlsServer;
        QVERIFY(tlsServer.setTlsCertificate(ca.serverCertPath(), ca.serverKeyPath()));
        QVERIFY(tlsServer.listen());
        QUrl base = tlsServer.baseUrl();
        base.setHost(QStringLiteral("localhost"));
        RealProxy proxy;
        RealProxy::Options options = credentials(User, Password);
        options.upstreamCa = ca.caCertPath();
        start(proxy, Real::Mitmproxy, options);
        auto settings = through(base, proxy.scheme(), proxy.port(), User, Password);
        {
            // Its CA is not trusted yet: a certificate error, never a silent success.
            Llm::LlmClient client(settings);
            expectError(runChat(client, simpleRequest()), Kind::TlsCertificate, QStringLiteral("certificate"));
        }
        settings.caBundle = proxy.caCertPath();
        {
            Llm::LlmClient client(settings);
            const ChatOutcome out = runChat(client, simpleRequest());
            expectOk(out, proxy);
            QVERIFY2(out.wallMs < 3000, qPrintable(QString::number(out.wallMs)));
            QCOMPARE(tlsServer.requests().constLast().header("X-Storybook-Proxy"), QByteArray("mitmproxy"));
            QVERIFY(tlsServer.requests().constLast().header("Proxy-Authorization").isNull()); // never sent to the server
            const Llm::DiagnosticsReport report = runDiagnostics(client);
            QVERIFY2(report.ok, qPrintable(report.toText()));
            QVERIFY(!report.toText().contains(QLatin1String("issued by .")));
        }
        {
            auto wrong = settings;
            wrong.proxy.password = QStringLiteral("wrong");
            Llm::LlmClient client(wrong);
            const ChatOutcome out = runChat(client, simpleRequest());
            expectError(out, Kind::ProxyAuthentication, QStringLiteral("rejected the username or password"));
            QVERIFY2(out.wallMs < 3000, qPrintable(QString::number(out.wallMs)));
            QCOMPARE(failedStage(runDiagnostics(client)), QStringLiteral("proxy-reachable proxy-auth"));
        }
        {
            // Plain http through it: the credentials travel in the request to the proxy.
            Llm::LlmClient client(through(m_server->baseUrl(), proxy.scheme(), proxy.port(), User, Password));
            expectOk(runChat(client, simpleRequest()), proxy);
            QCOMPARE(m_server->requests().constLast().header("X-Storybook-Proxy"), QByteArray("mitmproxy"));
            QVERIFY(m_server->requests().constLast().header("Proxy-Authorization").isNull());
            // The server answered 502 through it: the server's error, not the proxy's.
            Llm::LlmClient gateway(through(m_server->baseUrl(QStringLiteral("gateway")), proxy.scheme(), proxy.port(), User, Password));
            expectError(runChat(gateway, simpleRequest()), Kind::ServerError, QStringLiteral("answered 502"));
            // mitmproxy's own 502 (the server is down) stays the proxy's.
            const quint16 down = closedLoopbackPort();
            Llm::LlmClient toDown(through(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(down)), proxy.scheme(), proxy.port(), User, Password));
            expectError(runChat(toDown, simpleRequest()), Kind::ProxyRefusedTarget, QStringLiteral("127.0.0.1:%1").arg(down));
        }
    }

    void proxyDownAndStalledServer()
    {
        RealProxy proxy;
        start(proxy, Real::Dante);
        Llm::LlmClient client(through(m_server->baseUrl(QStringLiteral("stall-headers")), proxy.scheme(), proxy.port()));
        auto settings = client.settings();
        settings.idleTimeout = std::chrono::seconds(2);
        client.setSettings(settings);
        expectError(runChat(client, simpleRequest()), Kind::IdleTimeout, QStringLiteral("sent nothing"));
        const quint16 port = proxy.port();
        proxy.stop();
        Llm::LlmClient down(through(m_server->baseUrl(), QStringLiteral("socks5h"), port));
        expectError(runChat(down, simpleRequest()), Kind::ProxyUnreachable, QStringLiteral("127.0.0.1:%1").arg(port));
    }
};

QTEST_GUILESS_MAIN(TestRealProxies)
#include "tst_realproxies.moc"
