// The client through real proxies from Debian's packages (microsocks, tinyproxy) on loopback.
// Both proxies bind their outgoing side to 127.0.0.2, so the fake server's recorded peer proves
// whether a request really went through the proxy.
#include "clienttesthelpers.h"
#include "fakeopenaiserver.h"
#include "proxylauncher.h"
#include "testca.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace Storybook;
using namespace Storybook::Test;
using Kind = Llm::LlmError::Kind;
using Category = Llm::LlmError::Category;
using ProxyKind = ProxyLauncher::Kind;

namespace {
const QHostAddress ViaProxy(QStringLiteral("127.0.0.2"));
const QHostAddress Direct(QStringLiteral("127.0.0.1"));
const QString ProxyUser = QStringLiteral("storyuser");
const QString ProxyPassword = QStringLiteral("pr0xy-SECRET-pw");

QString scheme(ProxyKind kind, bool remoteDns = true)
{
    return kind == ProxyKind::Http ? QStringLiteral("http") : (remoteDns ? QStringLiteral("socks5h") : QStringLiteral("socks5"));
}
} // namespace

class TestProxies final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;

    Llm::ConnectionSettings viaProxy(const QUrl& base, ProxyKind kind, quint16 port, const QString& user = {},
                                     const QString& password = {}, bool remoteDns = true)
    {
        Llm::ConnectionSettings s = directSettings(base);
        s.proxy.mode = kind == ProxyKind::Http ? Llm::ProxySettings::Mode::Http : Llm::ProxySettings::Mode::Socks5;
        s.proxy.host = QStringLiteral("127.0.0.1");
        s.proxy.port = port;
        s.proxy.user = user;
        s.proxy.password = password;
        s.proxy.remoteDns = remoteDns;
        s.proxy.bypass.clear(); // the fake server is on loopback: proxy it anyway
        s.retries = 0;
        return s;
    }

    void requireProxies()
    {
        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyKind::Socks5), "microsocks");
        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyKind::Http), "tinyproxy");
    }

    // A new CA, and `server` serving TLS with its certificate for "localhost"; `base` is its
    // address by that name.
    static bool startTlsServer(TestCa& ca, FakeOpenAiServer& server, QUrl* base)
    {
        if (!ca.generate()) {
            qWarning("%s", qPrintable(ca.errorString()));
            return false;
        }
        if (!server.setTlsCertificate(ca.serverCertPath(), ca.serverKeyPath()) || !server.listen())
            return false;
        *base = server.baseUrl();
        base->setHost(QStringLiteral("localhost"));
        return true;
    }

private Q_SLOTS:
    void init()
    {
        failOnLifecycleWarnings();
        requireProxies();
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void explicitProxy_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("auth");
        QTest::addColumn<bool>("remoteDns");
        QTest::addColumn<QString>("host");
        QTest::newRow("socks5h") << int(ProxyKind::Socks5) << false << true << "127.0.0.1";
        QTest::newRow("socks5h-auth") << int(ProxyKind::Socks5) << true << true << "127.0.0.1";
        QTest::newRow("socks5h-hostname") << int(ProxyKind::Socks5) << true << true << "localhost";
        QTest::newRow("socks5-local-dns-hostname") << int(ProxyKind::Socks5) << true << false << "localhost";
        QTest::newRow("http") << int(ProxyKind::Http) << false << true << "127.0.0.1";
        QTest::newRow("http-auth") << int(ProxyKind::Http) << true << true << "127.0.0.1";
        QTest::newRow("http-auth-hostname") << int(ProxyKind::Http) << true << true << "localhost";
    }

    void explicitProxy()
    {
        QFETCH(int, kind);
        QFETCH(bool, auth);
        QFETCH(bool, remoteDns);
        QFETCH(QString, host);
        ProxyLauncher proxy;
        QVERIFY2(proxy.start(ProxyKind(kind), auth ? ProxyUser : QString(), auth ? ProxyPassword : QString()),
                 qPrintable(proxy.errorString()));
        QUrl base = m_server->baseUrl();
        base.setHost(host);
        Llm::LlmClient client(viaProxy(base, ProxyKind(kind), proxy.port(), auth ? ProxyUser : QString(),
                                       auth ? ProxyPassword : QString(), remoteDns));
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message + u' ' + out.error.detail + u' ' + proxy.log()));
        QCOMPARE(out.result.content, QStringLiteral("Once upon a time, a small fox found a lantern."));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().constFirst().peer, ViaProxy);
        QVERIFY(out.info.proxy.display.startsWith(scheme(ProxyKind(kind), remoteDns)));
        QVERIFY(!out.info.proxy.display.contains(ProxyPassword));
        // The models endpoint takes the same path.
        const ModelsOutcome models = runModels(client);
        QVERIFY(!models.error.isError());
        QCOMPARE(m_server->requests().constLast().peer, ViaProxy);
    }

    void loopbackBypassedByDefault()
    {
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyKind::Socks5));
        auto settings = viaProxy(m_server->baseUrl(), ProxyKind::Socks5, proxy.port());
        settings.proxy.bypass = Llm::ProxySettings::defaultBypass();
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY(!out.error.isError());
        QCOMPARE(m_server->requests().constFirst().peer, Direct);
        QVERIFY(out.info.proxy.isDirect());
    }

    // The predecessor's production failure: only ALL_PROXY=socks5h://user:pass@... set, mode system.
    void regressionAllProxySocks5hFromEnvironment()
    {
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyKind::Socks5, ProxyUser, ProxyPassword));
        QProcessEnvironment env;
        env.insert(QStringLiteral("ALL_PROXY"),
                   QStringLiteral("socks5h://%1:%2@127.0.0.1:%3").arg(ProxyUser, ProxyPassword).arg(proxy.port()));
        auto settings = directSettings(m_server->baseUrl());
        settings.proxy.mode = Llm::ProxySettings::Mode::System;
        settings.proxy.bypass.clear();
        Llm::LlmClient client(settings, nullptr, env);
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message));
        QCOMPARE(m_server->requests().constFirst().peer, ViaProxy);
        QVERIFY(out.info.proxy.source.contains(QLatin1String("ALL_PROXY")));
        QVERIFY(out.info.proxy.remoteDns);

        // NO_PROXY bypasses it.
        env.insert(QStringLiteral("NO_PROXY"), QStringLiteral("example.org,127.0.0.1"));
        Llm::LlmClient bypassing(settings, nullptr, env);
        const ChatOutcome direct = runChat(bypassing, simpleRequest());
        QVERIFY(!direct.error.isError());
        QCOMPARE(m_server->requests().constLast().peer, Direct);
        QVERIFY(direct.info.proxy.source.contains(QLatin1String("NO_PROXY")));
    }

    void systemHttpsProxyEnvironment()
    {
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyKind::Http, ProxyUser, ProxyPassword));
        QProcessEnvironment env;
        env.insert(QStringLiteral("http_proxy"),
                   QStringLiteral("http://%1:%2@127.0.0.1:%3").arg(ProxyUser, ProxyPassword).arg(proxy.port()));
        auto settings = directSettings(m_server->baseUrl());
        settings.proxy.mode = Llm::ProxySettings::Mode::System;
        settings.proxy.bypass.clear();
        Llm::LlmClient client(settings, nullptr, env);
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message));
        QCOMPARE(m_server->requests().constFirst().peer, ViaProxy);
        QVERIFY(out.info.proxy.source.contains(QLatin1String("http_proxy")));
    }

    void wrongPassword_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("https");
        QTest::newRow("socks5") << int(ProxyKind::Socks5) << false;
        QTest::newRow("socks5-https") << int(ProxyKind::Socks5) << true;
        QTest::newRow("http") << int(ProxyKind::Http) << false;
        QTest::newRow("http-connect") << int(ProxyKind::Http) << true;
    }

    void wrongPassword()
    {
        QFETCH(int, kind);
        QFETCH(bool, https);
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyKind(kind), ProxyUser, ProxyPassword));
        QUrl base = m_server->baseUrl();
        if (https)
            base.setScheme(QStringLiteral("https")); // never reached: the proxy refuses first
        Llm::LlmClient client(viaProxy(base, ProxyKind(kind), proxy.port(), ProxyUser,
                                       QStringLiteral("wrong-password")));
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::ProxyAuthentication);
        QCOMPARE(Llm::LlmError::exitCode(out.error.category()), 4);
        QVERIFY2(out.error.message.contains(QStringLiteral("127.0.0.1:%1").arg(proxy.port())), qPrintable(out.error.message));
        QVERIFY(out.error.message.contains(kind == int(ProxyKind::Http) ? QLatin1String("HTTP") : QLatin1String("SOCKS5")));
        QVERIFY(!out.error.message.contains(QLatin1String("wrong-password")));
        QVERIFY(m_server->requests().isEmpty());
    }

    void proxyDown_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("socks5") << int(ProxyKind::Socks5);
        QTest::newRow("http") << int(ProxyKind::Http);
    }

    void proxyDown()
    {
        QFETCH(int, kind);
        const quint16 port = closedLoopbackPort();
        Llm::LlmClient client(viaProxy(m_server->baseUrl(), ProxyKind(kind), port));
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::ProxyUnreachable);
        QVERIFY2(out.error.message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(out.error.message));
        QVERIFY(m_server->requests().isEmpty());
    }

    void proxyCannotReachTarget_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("https");
        QTest::newRow("socks5") << int(ProxyKind::Socks5) << false;
        QTest::newRow("socks5-https") << int(ProxyKind::Socks5) << true;
        QTest::newRow("http") << int(ProxyKind::Http) << false;
        QTest::newRow("http-connect") << int(ProxyKind::Http) << true;
    }

    void proxyCannotReachTarget()
    {
        QFETCH(int, kind);
        QFETCH(bool, https);
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyKind(kind)));
        const quint16 closed = closedLoopbackPort();
        const QUrl base(QStringLiteral("%1://127.0.0.1:%2/v1").arg(https ? QStringLiteral("https") : QStringLiteral("http")).arg(closed));
        Llm::LlmClient client(viaProxy(base, ProxyKind(kind), proxy.port()));
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::ProxyRefusedTarget);
        QCOMPARE(out.error.category(), Category::Proxy);
        QVERIFY2(out.error.message.contains(QStringLiteral("127.0.0.1:%1").arg(closed)), qPrintable(out.error.message));
    }

    void httpsThroughProxies_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("direct") << -1;
        QTest::newRow("socks5h-auth") << int(ProxyKind::Socks5);
        QTest::newRow("http-auth-connect") << int(ProxyKind::Http);
    }

    void httpsThroughProxies()
    {
        QFETCH(int, kind);
        STORYBOOK_REQUIRE_TOOL(TestCa::opensslAvailable(), "openssl");
        TestCa ca;
        FakeOpenAiServer tlsServer;
        QUrl base;
        QVERIFY(startTlsServer(ca, tlsServer, &base));
        ProxyLauncher proxy;
        Llm::ConnectionSettings settings = directSettings(base);
        if (kind >= 0) {
            QVERIFY(proxy.start(ProxyKind(kind), ProxyUser, ProxyPassword));
            settings = viaProxy(base, ProxyKind(kind), proxy.port(), ProxyUser, ProxyPassword);
        }
        // Without the CA the certificate is not trusted, and the message says why.
        {
            Llm::LlmClient client(settings);
            const ChatOutcome out = runChat(client, simpleRequest());
            QCOMPARE(out.error.kind, Kind::TlsCertificate);
            QCOMPARE(Llm::LlmError::exitCode(out.error.category()), 3);
            QVERIFY2(out.error.message.contains(QLatin1String("certificate"), Qt::CaseInsensitive), qPrintable(out.error.message));
            QVERIFY(tlsServer.requests().isEmpty());
        }
        settings.caBundle = ca.caCertPath();
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message + u' ' + out.error.detail));
        QVERIFY(out.info.encrypted);
        QCOMPARE(tlsServer.requests().size(), 1);
        QCOMPARE(tlsServer.requests().constFirst().peer, kind >= 0 ? ViaProxy : Direct);
    }

    // Plain http requests carry no TLS configuration (it loads the TLS library); one redirected to
    // an https address gets it then, custom CA included.
    void httpRedirectedToHttpsTrustsTheCa()
    {
        STORYBOOK_REQUIRE_TOOL(TestCa::opensslAvailable(), "openssl");
        TestCa ca;
        FakeOpenAiServer tlsServer;
        QUrl target;
        QVERIFY(startTlsServer(ca, tlsServer, &target));
        target.setPath(target.path() + QStringLiteral("/chat/completions"));

        QTcpServer redirector; // answers every request with a 307 to the https server
        QVERIFY(redirector.listen(QHostAddress::LocalHost));
        connect(&redirector, &QTcpServer::newConnection, &redirector, [&redirector, target] {
            while (QTcpSocket* socket = redirector.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, target] {
                    socket->readAll();
                    if (socket->property("answered").toBool())
                        return;
                    socket->setProperty("answered", true);
                    socket->write("HTTP/1.1 307 Temporary Redirect\r\nLocation: " + target.toEncoded()
                                  + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        Llm::ConnectionSettings settings =
            directSettings(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(redirector.serverPort())));
        settings.caBundle = ca.caCertPath();
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QVERIFY2(!out.error.isError(), qPrintable(out.error.message + u' ' + out.error.detail));
        QVERIFY(out.info.encrypted);
        QCOMPARE(tlsServer.requests().size(), 1);
    }

    void untrustedCertificateEvenWithCa()
    {
        STORYBOOK_REQUIRE_TOOL(TestCa::opensslAvailable(), "openssl");
        TestCa ca;
        QVERIFY(ca.generate());
        FakeOpenAiServer tlsServer;
        QVERIFY(tlsServer.setTlsCertificate(ca.untrustedCertPath(), ca.untrustedKeyPath()));
        QVERIFY(tlsServer.listen());
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyKind::Socks5));
        auto settings = viaProxy(tlsServer.baseUrl(), ProxyKind::Socks5, proxy.port());
        settings.caBundle = ca.caCertPath();
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest());
        QCOMPARE(out.error.kind, Kind::TlsCertificate);
        QVERIFY(tlsServer.requests().isEmpty());
    }

    void streamThroughProxyCutByProxyDeath()
    {
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyKind::Socks5));
        auto settings = viaProxy(m_server->baseUrl(QStringLiteral("drip:50:200")), ProxyKind::Socks5, proxy.port());
        Llm::LlmClient client(settings);
        const ChatOutcome out = runChat(client, simpleRequest(), 20000, [&proxy](Llm::ChatJob*, const QString&) {
            if (proxy.isRunning())
                proxy.stop();
        });
        QVERIFY(out.error.isError());
        QVERIFY(out.error.category() == Category::Network || out.error.category() == Category::Proxy);
        QVERIFY(!out.result.content.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProxies)
#include "tst_proxies.moc"
