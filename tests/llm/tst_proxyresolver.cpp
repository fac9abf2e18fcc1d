#include "hostpatternlist.h"
#include "proxyresolver.h"

#include <QTest>

using namespace Storybook::Llm;

class TestProxyResolver final : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment env(std::initializer_list<std::pair<const char*, const char*>> values)
    {
        QProcessEnvironment e;
        for (const auto& [name, value] : values)
            e.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        return e;
    }

    static ProxySettings system(const QString& bypass = ProxySettings::defaultBypass())
    {
        ProxySettings s;
        s.mode = ProxySettings::Mode::System;
        s.bypass = bypass;
        return s;
    }

private Q_SLOTS:
    void patterns_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << "example.com" << "example.com" << 443 << true;
        QTest::newRow("subdomain") << "example.com" << "api.example.com" << 443 << true;
        QTest::newRow("not-suffix-word") << "example.com" << "badexample.com" << 443 << false;
        QTest::newRow("leading-dot") << ".example.com" << "api.example.com" << 443 << true;
        QTest::newRow("leading-dot-self") << ".example.com" << "example.com" << 443 << true;
        QTest::newRow("star-dot") << "*.example.com" << "a.b.example.com" << 443 << true;
        QTest::newRow("case") << "Example.COM" << "API.example.com" << 443 << true;
        QTest::newRow("star") << "*" << "anything.net" << 80 << true;
        QTest::newRow("ip") << "10.1.2.3" << "10.1.2.3" << 80 << true;
        QTest::newRow("ip-other") << "10.1.2.3" << "10.1.2.4" << 80 << false;
        QTest::newRow("cidr") << "10.0.0.0/8" << "10.200.3.4" << 80 << true;
        QTest::newRow("cidr-outside") << "10.0.0.0/8" << "11.0.0.1" << 80 << false;
        QTest::newRow("cidr-hostname") << "10.0.0.0/8" << "ten.example" << 80 << false;
        QTest::newRow("loopback-cidr") << "127.0.0.0/8" << "127.0.0.2" << 80 << true;
        QTest::newRow("ipv6") << "::1" << "::1" << 80 << true;
        QTest::newRow("ipv6-bracket") << "[::1]" << "::1" << 80 << true;
        QTest::newRow("ipv6-cidr") << "fd00::/8" << "fd12::1" << 80 << true;
        QTest::newRow("port-match") << "example.com:8080" << "example.com" << 8080 << true;
        QTest::newRow("port-mismatch") << "example.com:8080" << "example.com" << 443 << false;
        QTest::newRow("list-spaces") << " a.com , b.com ;c.com" << "c.com" << 443 << true;
        QTest::newRow("empty") << "" << "example.com" << 443 << false;
        QTest::newRow("garbage-cidr") << "10.0.0.0/99" << "10.0.0.1" << 80 << false;
        QTest::newRow("trailing-dot-host") << "example.com" << "example.com." << 443 << true;
    }

    void patterns()
    {
        QFETCH(QString, list);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, matches);
        QCOMPARE(!HostPatternList(list).match(host, port).isEmpty(), matches);
    }

    void environmentSchemes_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("remoteDns");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("http") << "http://127.0.0.1:3128" << int(QNetworkProxy::HttpProxy) << true << "" << "";
        QTest::newRow("bare") << "127.0.0.1:3128" << int(QNetworkProxy::HttpProxy) << true << "" << "";
        QTest::newRow("socks5") << "socks5://127.0.0.1:1080" << int(QNetworkProxy::Socks5Proxy) << false << "" << "";
        QTest::newRow("socks5h") << "socks5h://127.0.0.1:1080" << int(QNetworkProxy::Socks5Proxy) << true << "" << "";
        QTest::newRow("auth") << "socks5h://us%40r:p%3Ass@127.0.0.1:1080" << int(QNetworkProxy::Socks5Proxy) << true
                              << "us@r" << "p:ss";
        QTest::newRow("upper-scheme") << "SOCKS5H://127.0.0.1:1080" << int(QNetworkProxy::Socks5Proxy) << true << "" << "";
    }

    void environmentSchemes()
    {
        QFETCH(QString, value);
        QFETCH(int, type);
        QFETCH(bool, remoteDns);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QProcessEnvironment e;
        e.insert(QStringLiteral("ALL_PROXY"), value);
        const EffectiveProxy p = ProxyResolver(system(), e).resolve(QUrl(QStringLiteral("https://api.example.com/v1")));
        QVERIFY2(!p.error.isError(), qPrintable(p.error.message));
        QCOMPARE(int(p.proxy.type()), type);
        QCOMPARE(p.remoteDns, remoteDns);
        QCOMPARE(p.proxy.user(), user);
        QCOMPARE(p.proxy.password(), password);
        QCOMPARE(p.proxy.hostName(), QStringLiteral("127.0.0.1"));
        QVERIFY(p.source.contains(QLatin1String("ALL_PROXY")));
        // Remote DNS for socks5h (and HTTP), local lookups for socks5://.
        QCOMPARE(bool(p.proxy.capabilities() & QNetworkProxy::HostNameLookupCapability), remoteDns);
        QVERIFY(!p.display.contains(QLatin1String("p:ss")) && !p.display.contains(QLatin1String("p%3Ass")));
    }

    void precedence()
    {
        const QUrl https(QStringLiteral("https://api.example.com/v1"));
        const QUrl http(QStringLiteral("http://api.example.com/v1"));
        const auto e = env({{"HTTPS_PROXY", "http://10.0.0.1:1"}, {"https_proxy", "http://10.0.0.2:2"},
                            {"HTTP_PROXY", "http://10.0.0.3:3"}, {"ALL_PROXY", "socks5h://10.0.0.4:4"}});
        const ProxyResolver resolver(system(), e);
        QCOMPARE(resolver.resolve(https).proxy.port(), quint16(2)); // lower case wins
        QVERIFY(resolver.resolve(https).source.contains(QLatin1String("https_proxy")));
        QCOMPARE(resolver.resolve(http).proxy.port(), quint16(3));
        const ProxyResolver allOnly(system(), env({{"all_proxy", "socks5h://10.0.0.4:4"}}));
        QCOMPARE(allOnly.resolve(http).proxy.port(), quint16(4));
        QCOMPARE(allOnly.resolve(https).proxy.port(), quint16(4));
    }

    void noProxyEnvironment()
    {
        const auto e = env({{"ALL_PROXY", "socks5h://10.0.0.4:4"}, {"NO_PROXY", ".internal,192.168.0.0/16"}});
        const ProxyResolver resolver(system(), e);
        QVERIFY(resolver.resolve(QUrl(QStringLiteral("https://llm.internal/v1"))).isDirect());
        QVERIFY(resolver.resolve(QUrl(QStringLiteral("http://192.168.3.4:11434/v1"))).isDirect());
        QVERIFY(resolver.resolve(QUrl(QStringLiteral("http://192.168.3.4:11434/v1"))).source.contains(QLatin1String("NO_PROXY")));
        QVERIFY(!resolver.resolve(QUrl(QStringLiteral("https://api.example.com/v1"))).isDirect());
        const ProxyResolver star(system(), env({{"ALL_PROXY", "socks5h://10.0.0.4:4"}, {"no_proxy", "*"}}));
        QVERIFY(star.resolve(QUrl(QStringLiteral("https://api.example.com/v1"))).isDirect());
    }

    void loopbackBypass()
    {
        const auto e = env({{"ALL_PROXY", "socks5h://10.0.0.4:4"}});
        const ProxyResolver resolver(system(), e);
        for (const char* url : {"http://127.0.0.1:11434/v1", "http://localhost:1234/v1", "http://[::1]:8080/v1",
                                "http://127.1.2.3/v1"}) {
            const EffectiveProxy p = resolver.resolve(QUrl(QString::fromLatin1(url)));
            QVERIFY2(p.isDirect(), url);
            QVERIFY(p.source.contains(QLatin1String("bypass")));
        }
        // Explicit proxies honour the bypass list too; an empty list proxies everything.
        ProxySettings explicitProxy;
        explicitProxy.mode = ProxySettings::Mode::Socks5;
        explicitProxy.host = QStringLiteral("127.0.0.1");
        explicitProxy.port = 1080;
        QVERIFY(ProxyResolver(explicitProxy, {}).resolve(QUrl(QStringLiteral("http://127.0.0.1:8080"))).isDirect());
        explicitProxy.bypass.clear();
        QVERIFY(!ProxyResolver(explicitProxy, {}).resolve(QUrl(QStringLiteral("http://127.0.0.1:8080"))).isDirect());
        QVERIFY(!ProxyResolver(system(QString()), e).resolve(QUrl(QStringLiteral("http://127.0.0.1:8080"))).isDirect());
    }

    void unsupportedNeverGoesDirect_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("https-proxy") << "https://proxy.example:443";
        QTest::newRow("socks4") << "socks4://127.0.0.1:1080";
        QTest::newRow("socks4a") << "socks4a://127.0.0.1:1080";
        QTest::newRow("garbage") << "http://";
    }

    void unsupportedNeverGoesDirect()
    {
        QFETCH(QString, value);
        QProcessEnvironment e;
        e.insert(QStringLiteral("ALL_PROXY"), value);
        const EffectiveProxy p = ProxyResolver(system(), e).resolve(QUrl(QStringLiteral("https://api.example.com/v1")));
        QVERIFY(p.error.isError());
        QCOMPARE(p.error.category(), LlmError::Category::Configuration);
        QVERIFY(p.error.message.contains(QLatin1String("ALL_PROXY")));
        // The factory that QNetworkAccessManager uses never answers "direct" for it either.
        ProxyFactory factory{ProxyResolver(system(), e)};
        const auto proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://api.example.com/v1"))));
        QCOMPARE(proxies.size(), 1);
        QVERIFY(proxies.first().type() != QNetworkProxy::NoProxy);
        QVERIFY(proxies.first().type() != QNetworkProxy::DefaultProxy);
    }

    void modeNone()
    {
        ProxySettings none;
        none.mode = ProxySettings::Mode::None;
        const auto e = env({{"ALL_PROXY", "socks5h://10.0.0.4:4"}});
        QVERIFY(ProxyResolver(none, e).resolve(QUrl(QStringLiteral("https://api.example.com"))).isDirect());
    }

    void explicitSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::newRow("none") << "none" << true;
        QTest::newRow("system") << "SYSTEM" << true;
        QTest::newRow("http") << "http://u:p@127.0.0.1:3128" << true;
        QTest::newRow("socks5") << "socks5://127.0.0.1:1080" << true;
        QTest::newRow("socks5h") << "socks5h://proxy.example:1080" << true;
        QTest::newRow("https") << "https://127.0.0.1:1" << false;
        QTest::newRow("socks4") << "socks4://127.0.0.1:1" << false;
        QTest::newRow("no-host") << "socks5://:1080" << false;
        QTest::newRow("bad-port") << "http://127.0.0.1:99999" << false;
        QTest::newRow("bad-host") << "http://exa mple:80" << false;
        QTest::newRow("word") << "proxy" << false;
    }

    void explicitSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QString why;
        const auto parsed = ProxySettings::fromSpec(spec, &why);
        QCOMPARE(parsed.has_value(), valid);
        QCOMPARE(why.isEmpty(), valid);
        if (parsed && parsed->mode == ProxySettings::Mode::Http) {
            QCOMPARE(parsed->user, QStringLiteral("u"));
            QCOMPARE(parsed->password, QStringLiteral("p"));
            QVERIFY(!parsed->displaySpec().contains(QLatin1String(":p@")));
        }
    }
};

QTEST_GUILESS_MAIN(TestProxyResolver)
#include "tst_proxyresolver.moc"
