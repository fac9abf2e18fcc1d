// The fault matrix: every misbehaviour the fake server offers, and the proxies' own failures, ×
// {direct, SOCKS5 with auth, HTTP proxy with auth, ALL_PROXY in the environment}, through
// storybook-cli as a black box. Each row asserts the exit code, the "error: CATEGORY:" line, that
// the message names the culprit (the server or the proxy, with host:port), which way the request
// went (the proxies' outgoing side is 127.0.0.2), and that neither secret is printed.
// cleanupTestCase prints the observed matrix as a Markdown table (docs/reliability.md).
#include "clirunner.h"
#include "fakeopenaiserver.h"
#include "proxylauncher.h"

#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook::Test;

namespace {
const QString ApiKey = QStringLiteral("sk-matrix-SECRET-key-5f1e7c");
const QString ProxyUser = QStringLiteral("storyuser");
const QString ProxyPassword = QStringLiteral("matrix-SECRET-pw-93b2");
const QString Story = QStringLiteral("Once upon a time, a small fox found a lantern.");

const QStringList Routes{QStringLiteral("direct"), QStringLiteral("socks5-auth"), QStringLiteral("http-auth"),
                         QStringLiteral("all_proxy-env")};

// One server behaviour: how the CLI must end. In `mentions`, %SERVER% and %PROXY% stand for
// host:port of the fake server and of the route's proxy.
struct Fault
{
    QString name;     // row name and the scenario unless `scenario` is set
    QString scenario; // the fake server's scenario; "-" for a server that is not there
    QStringList extra;
    int code;
    QString category; // empty for a run that must succeed
    QString mentions;
    QString mentionsProxied; // when the message differs behind a proxy
};

QList<Fault> serverFaults()
{
    const QString idle1 = QStringLiteral("The server %SERVER% sent nothing for 1 seconds");
    return {
        {QStringLiteral("status-400"), QStringLiteral("status:400"), {}, 5, QStringLiteral("api"), QStringLiteral("HTTP 400"), {}},
        {QStringLiteral("status-401"), QStringLiteral("status:401"), {}, 5, QStringLiteral("api"),
         QStringLiteral("The server %SERVER% rejected the API key"), {}},
        {QStringLiteral("echo-key"), QStringLiteral("echo-key"), {}, 5, QStringLiteral("api"),
         QStringLiteral("The server %SERVER% rejected the API key"), {}},
        {QStringLiteral("status-403"), QStringLiteral("status:403"), {}, 5, QStringLiteral("api"), QStringLiteral("HTTP 403"), {}},
        {QStringLiteral("status-404"), QStringLiteral("status:404"), {}, 5, QStringLiteral("api"),
         QStringLiteral("The model “fake-small” does not exist"), {}},
        {QStringLiteral("status-429"), QStringLiteral("status:429:0"), {}, 5, QStringLiteral("api"), QStringLiteral("HTTP 429"), {}},
        {QStringLiteral("status-500"), QStringLiteral("status:500"), {}, 5, QStringLiteral("api"), QStringLiteral("HTTP 500"), {}},
        {QStringLiteral("status-503-retried"), QStringLiteral("status:503:0"), {QStringLiteral("--retries"), QStringLiteral("1")}, 5,
         QStringLiteral("api"), QStringLiteral("HTTP 503"), {}},
        {QStringLiteral("error-in-stream"), QStringLiteral("error-in-stream"), {}, 5, QStringLiteral("api"),
         QStringLiteral("The model crashed"), {}},
        {QStringLiteral("stall-headers"), QStringLiteral("stall-headers"), {}, 6, QStringLiteral("timeout"), idle1, {}},
        {QStringLiteral("stall"), QStringLiteral("stall"), {}, 6, QStringLiteral("timeout"), idle1, {}},
        {QStringLiteral("total-timeout"), QStringLiteral("drip:100:100"), {QStringLiteral("--total-timeout"), QStringLiteral("0.6")}, 6,
         QStringLiteral("timeout"), QStringLiteral("total"), {}},
        {QStringLiteral("drop"), QStringLiteral("drop"), {}, 3, QStringLiteral("network"),
         QStringLiteral("The connection to %SERVER% was cut off"), {}},
        {QStringLiteral("reset"), QStringLiteral("reset"), {}, 3, QStringLiteral("network"),
         QStringLiteral("The connection to %SERVER% was closed unexpectedly"), {}},
        {QStringLiteral("html"), QStringLiteral("html"), {}, 7, QStringLiteral("bad-response"),
         QStringLiteral("The answer from %SERVER% could not be understood"), {}},
        {QStringLiteral("redirect-loop"), QStringLiteral("redirect-loop"), {}, 7, QStringLiteral("bad-response"),
         QStringLiteral("redirected more than 5"), {}},
        {QStringLiteral("server-down"), QStringLiteral("-"), {}, 3, QStringLiteral("network"),
         QStringLiteral("The server %SERVER% refused the connection"),
         QStringLiteral("%PROXY% works, but could not connect to the server %SERVER%")},
        // Tolerated: the answer arrives complete (with a note for the cut-off reasons).
        {QStringLiteral("malformed-chunk"), QStringLiteral("malformed"), {}, 0, {}, {}, {}},
        {QStringLiteral("nodone"), QStringLiteral("nodone"), {}, 0, {}, {}, {}},
        {QStringLiteral("length"), QStringLiteral("length"), {}, 0, {}, QStringLiteral("length limit"), {}},
        {QStringLiteral("content-filter"), QStringLiteral("content_filter"), {}, 0, {}, QStringLiteral("content filter"), {}},
        {QStringLiteral("redirect"), QStringLiteral("redirect"), {}, 0, {}, {}, {}},
        {QStringLiteral("flaky-retried"), QStringLiteral("flaky:1"), {QStringLiteral("--retries"), QStringLiteral("1")}, 0, {}, {}, {}},
    };
}

// The proxy's own failures (not for the direct route).
QList<Fault> proxyFaults()
{
    return {
        {QStringLiteral("proxy-dead"), QStringLiteral("ok"), {}, 4, QStringLiteral("proxy"),
         QStringLiteral("Cannot reach the %KIND% proxy %PROXY%: nothing is listening there"), {}},
        {QStringLiteral("proxy-wrong-password"), QStringLiteral("ok"), {}, 4, QStringLiteral("proxy"),
         QStringLiteral("%KIND% proxy %PROXY% rejected the username or password"), {}},
        {QStringLiteral("proxy-no-credentials"), QStringLiteral("ok"), {}, 4, QStringLiteral("proxy"),
         QStringLiteral("%KIND% proxy %PROXY% asks for a username and password, and none was given"), {}},
    };
}

QString outcome(const CliRun& run)
{
    if (run.exitCode < 0)
        return run.timedOut ? QStringLiteral("hang") : QStringLiteral("crash");
    if (run.exitCode == 0)
        return run.err.startsWith("note: ") ? QStringLiteral("0 (note)") : QStringLiteral("0");
    const QByteArray line = run.err.left(run.err.indexOf('\n'));
    const QList<QByteArray> parts = line.split(':');
    return QStringLiteral("%1 %2").arg(run.exitCode).arg(parts.size() > 1 ? QString::fromUtf8(parts.at(1).trimmed()) : QStringLiteral("?"));
}
} // namespace

class TestFaultMatrix final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    FakeOpenAiServer* m_server = nullptr;
    ProxyLauncher* m_socks = nullptr;
    ProxyLauncher* m_http = nullptr;
    QMap<QString, QMap<QString, QString>> m_observed; // fault → route → outcome
    QStringList m_faultOrder;

    void addRows(const QList<Fault>& faults, const QStringList& routes)
    {
        for (const Fault& fault : faults) {
            for (const QString& route : routes) {
                // A fault with its own message behind a proxy is the proxy's to report (exit 4).
                const bool proxyReports = route != QLatin1String("direct") && !fault.mentionsProxied.isEmpty();
                QTest::newRow(qPrintable(fault.name + u'@' + route))
                    << route << fault.name << fault.scenario << fault.extra << (proxyReports ? 4 : fault.code)
                    << (proxyReports ? QStringLiteral("proxy") : fault.category) << fault.mentions
                    << (proxyReports ? fault.mentionsProxied : fault.mentions);
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        if (ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Socks5)) {
            m_socks = new ProxyLauncher(this);
            QVERIFY2(m_socks->start(ProxyLauncher::Kind::Socks5, ProxyUser, ProxyPassword), qPrintable(m_socks->errorString()));
        }
        if (ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Http)) {
            m_http = new ProxyLauncher(this);
            QVERIFY2(m_http->start(ProxyLauncher::Kind::Http, ProxyUser, ProxyPassword), qPrintable(m_http->errorString()));
        }
        for (const Fault& fault : serverFaults() + proxyFaults())
            m_faultOrder.append(fault.name);
    }

    void cleanupTestCase()
    {
        // The observed matrix, for docs/reliability.md.
        QString table = QStringLiteral("\n| Fault | ") + Routes.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|---|");
        for (qsizetype i = 0; i < Routes.size(); ++i)
            table += QStringLiteral("---|");
        table += u'\n';
        for (const QString& fault : std::as_const(m_faultOrder)) {
            if (!m_observed.contains(fault))
                continue;
            table += QStringLiteral("| ") + fault + QStringLiteral(" |");
            for (const QString& route : Routes)
                table += u' ' + m_observed.value(fault).value(route, QStringLiteral("–")) + QStringLiteral(" |");
            table += u'\n';
        }
        qInfo().noquote() << table;
        if (m_socks)
            m_socks->stop();
        if (m_http)
            m_http->stop();
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<QString>("mentionsProxied");
        addRows(serverFaults(), Routes);
        addRows(proxyFaults(), Routes.mid(1));
    }

    void matrix()
    {
        QFETCH(QString, route);
        QFETCH(QString, fault);
        QFETCH(QString, scenario);
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        QFETCH(QString, category);
        QFETCH(QString, mentions);
        QFETCH(QString, mentionsProxied);

        const bool proxied = route != QLatin1String("direct");
        ProxyLauncher* proxy = route == QLatin1String("http-auth") ? m_http : (proxied ? m_socks : nullptr);
        if (route == QLatin1String("http-auth"))
            STORYBOOK_REQUIRE_TOOL(m_http, "tinyproxy");
        else if (proxied)
            STORYBOOK_REQUIRE_TOOL(m_socks, "microsocks");
        QVERIFY(!proxy || proxy->isRunning());

        QUrl base = m_server->baseUrl(scenario == QLatin1String("-") ? QString() : scenario);
        if (scenario == QLatin1String("-"))
            base.setPort(closedLoopbackPort());
        const QString server = QStringLiteral("127.0.0.1:%1").arg(base.port());
        quint16 proxyPort = proxy ? proxy->port() : 0;
        QString user = ProxyUser;
        QString password = ProxyPassword;
        if (fault == QLatin1String("proxy-dead"))
            proxyPort = closedLoopbackPort();
        else if (fault == QLatin1String("proxy-wrong-password"))
            password = QStringLiteral("not-the-password");
        QString credentials = QStringLiteral("%1:%2@").arg(user, password);
        if (fault == QLatin1String("proxy-no-credentials"))
            credentials.clear();
        const QString proxyHostPort = QStringLiteral("127.0.0.1:%1").arg(proxyPort);
        const QString kind = route == QLatin1String("http-auth") ? QStringLiteral("HTTP") : QStringLiteral("SOCKS5");

        QProcessEnvironment env = hermeticEnvironment(m_home.path());
        env.insert(QStringLiteral("STORYBOOK_API_KEY"), ApiKey);
        QStringList args{QStringLiteral("chat"),     QStringLiteral("Tell me a story"), QStringLiteral("--base-url"),
                         base.toString(),            QStringLiteral("--model"),         QStringLiteral("fake-small"),
                         QStringLiteral("--retries"), QStringLiteral("0"),              QStringLiteral("--idle-timeout"),
                         QStringLiteral("1"),        QStringLiteral("--connect-timeout"), QStringLiteral("5")};
        if (route == QLatin1String("direct")) {
            args << QStringLiteral("--proxy") << QStringLiteral("none");
        } else if (route == QLatin1String("all_proxy-env")) {
            env.insert(QStringLiteral("ALL_PROXY"), QStringLiteral("socks5h://%1%2").arg(credentials, proxyHostPort));
            args << QStringLiteral("--proxy") << QStringLiteral("system") << QStringLiteral("--no-proxy") << QString();
        } else {
            const QString schemeName = route == QLatin1String("http-auth") ? QStringLiteral("http") : QStringLiteral("socks5h");
            args << QStringLiteral("--proxy") << QStringLiteral("%1://%2%3").arg(schemeName, credentials, proxyHostPort)
                 << QStringLiteral("--no-proxy") << QString();
        }
        args += extra; // later options win

        m_server->clearRequests();
        const CliRun r = runProgram(QStringLiteral(STORYBOOK_CLI_PATH), args, env, 30000);
        m_observed[fault][route] = outcome(r);
        const QString err = QString::fromUtf8(r.err);
        const QString context = QStringLiteral("exit %1 after %2 ms, stderr: %3").arg(r.exitCode).arg(r.ms).arg(err);

        QVERIFY2(!r.timedOut, qPrintable(context));
        QVERIFY2(r.exitCode == code, qPrintable(context));
        for (const QString& secret : {ApiKey, ProxyPassword}) {
            QVERIFY2(!r.out.contains(secret.toUtf8()), "a secret on stdout");
            QVERIFY2(!r.err.contains(secret.toUtf8()), "a secret on stderr");
        }
        QString expected = proxied ? mentionsProxied : mentions;
        expected.replace(QLatin1String("%SERVER%"), server).replace(QLatin1String("%PROXY%"), proxyHostPort).replace(QLatin1String("%KIND%"), kind);
        if (category.isEmpty()) {
            QCOMPARE(QString::fromUtf8(r.out), Story + u'\n');
            if (expected.isEmpty())
                QVERIFY2(r.err.isEmpty(), qPrintable(context));
            else
                QVERIFY2(err.startsWith(QLatin1String("note: ")) && err.contains(expected), qPrintable(context));
        } else {
            QVERIFY2(err.startsWith(QStringLiteral("error: %1: ").arg(category)), qPrintable(context));
            QVERIFY2(err.contains(QLatin1String("\nhint: ")), qPrintable(context));
            QVERIFY2(err.contains(expected, Qt::CaseInsensitive), qPrintable(QStringLiteral("expected “%1”; ").arg(expected) + context));
        }
        // Which way it went: every request the server saw came through the proxy, or directly.
        const QHostAddress peer(proxied ? QStringLiteral("127.0.0.2") : QStringLiteral("127.0.0.1"));
        for (const RecordedRequest& request : m_server->requests())
            QCOMPARE(request.peer, peer);
        const bool reachesServer = scenario != QLatin1String("-") && !fault.startsWith(QLatin1String("proxy-"));
        QCOMPARE(!m_server->requests().isEmpty(), reachesServer);
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
