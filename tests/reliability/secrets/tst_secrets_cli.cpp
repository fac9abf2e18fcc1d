// Secrets canary, command line: every storybook-cli command runs with a known API key and proxy
// password (canaries.h) against the fake server — directly, through microsocks and tinyproxy with
// authentication, through ALL_PROXY/http_proxy, and in the failing cases (a 401 that echoes the
// Authorization header, a dead proxy, a proxy that rejects the password, an untrusted TLS
// certificate, a timeout). HOME, the XDG folders and TMPDIR of every run are one temporary root;
// after every run, its stdout, stderr and every byte of every file under the root are searched for
// the canaries in every encoding (secretscanner.h). Zero hits are required, and every run must
// show that the secrets were really in play (the server saw the key, the proxy was used).
#include "canaries.h"
#include "clirunner.h"
#include "fakeopenaiserver.h"
#include "proxylauncher.h"
#include "testca.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook::Test;

namespace {

// How a run reaches the server and where its secrets come from.
enum class Route {
    Direct,          // --proxy none
    SocksUrl,        // --proxy socks5h://user:pass@… (microsocks with auth)
    HttpUrl,         // --proxy http://user:pass@… (tinyproxy with Basic auth)
    AllProxyEnv,     // ALL_PROXY=socks5h://user:pass@… and --proxy system
    HttpProxyEnv,    // http_proxy=http://user:pass@… and --proxy system
    SettingsFile,    // --settings INI (SOCKS5, user) + STORYBOOK_PROXY_PASSWORD
    UserSettings,    // the user's QSettings file (HTTP, user) + STORYBOOK_PROXY_PASSWORD
    DeadSocks,       // socks5h://user:pass@ a closed port
    DeadHttp,        // http://user:pass@ a closed port
    SocksWrongAuth,  // microsocks that wants another password; the canary is sent and rejected
    HttpWrongAuth,   // tinyproxy that wants another password
};

struct Row
{
    QString name;
    QStringList args; // %BASE% → the base URL, %ID% → the story id, %FILE% → the story file, %OUT% → root/exports
    Route route = Route::Direct;
    QString scenario = QStringLiteral("story");
    bool tls = false;       // the base URL is the TLS server with the untrusted certificate
    bool keyEnvOption = false; // --api-key-env STORY_KEY_CANARY instead of STORYBOOK_API_KEY
    int code = 0;
    bool reachesServer = true; // the fake server must have seen the key
};

bool viaProxy(Route route)
{
    return route != Route::Direct;
}

} // namespace

class TestSecretsCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root; // HOME, XDG_*, TMPDIR: everything storybook-cli writes
    SecretScanner m_scanner = Canary::scanner();
    FakeOpenAiServer* m_server = nullptr;
    FakeOpenAiServer* m_tlsServer = nullptr;
    TestCa m_ca;
    ProxyLauncher* m_socks = nullptr;
    ProxyLauncher* m_http = nullptr;
    ProxyLauncher* m_socksOther = nullptr;
    ProxyLauncher* m_httpOther = nullptr;
    QString m_storyId;
    int m_runs = 0;
    int m_filesScanned = 0;
    qint64 m_bytesScanned = 0;
    qint64 m_outputBytes = 0;

    QString root(const QString& relative) const { return m_root.filePath(relative); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = hermeticEnvironment(m_root.path());
        env.insert(QStringLiteral("TMPDIR"), root(QStringLiteral("tmp")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), root(QStringLiteral("runtime")));
        for (const QString& name : env.keys()) {
            if (name.startsWith(QLatin1String("DBUS_")))
                env.remove(name);
        }
        return env;
    }

    static QString proxyUrl(const QString& scheme, quint16 port)
    {
        return QStringLiteral("%1://%2:%3@127.0.0.1:%4").arg(scheme, Canary::ProxyUser, Canary::ProxyPassword).arg(port);
    }

    static QList<Row> rows()
    {
        const QStringList chat{QStringLiteral("chat"), QStringLiteral("Tell me a story")};
        const QStringList storyNew{QStringLiteral("story"), QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("4"),
                                   QStringLiteral("a fox who finds a lantern")};
        QList<Row> list;
        // The network commands, on every route.
        const QList<QPair<QString, Route>> routes{
            {QStringLiteral("direct"), Route::Direct},           {QStringLiteral("socks5-url"), Route::SocksUrl},
            {QStringLiteral("http-url"), Route::HttpUrl},         {QStringLiteral("all_proxy-env"), Route::AllProxyEnv},
            {QStringLiteral("settings-file"), Route::SettingsFile}, {QStringLiteral("user-settings"), Route::UserSettings}};
        for (const auto& [routeName, route] : routes) {
            const bool every = route == Route::Direct || route == Route::SocksUrl || route == Route::HttpUrl;
            list.append({QStringLiteral("chat@") + routeName, chat, route, QStringLiteral("ok")});
            list.append({QStringLiteral("diagnose-json@") + routeName, {QStringLiteral("diagnose"), QStringLiteral("--json")}, route, QStringLiteral("ok")});
            if (!every)
                continue;
            list.append({QStringLiteral("chat-no-stream@") + routeName, chat + QStringList{QStringLiteral("--no-stream")}, route,
                         QStringLiteral("ok"), false, true});
            list.append({QStringLiteral("models@") + routeName, {QStringLiteral("models")}, route, QStringLiteral("ok")});
            list.append({QStringLiteral("diagnose@") + routeName, {QStringLiteral("diagnose")}, route, QStringLiteral("ok")});
        }
        list.append({QStringLiteral("chat@http_proxy-env"), chat, Route::HttpProxyEnv, QStringLiteral("ok")});

        // The story commands: new, continue and regenerate talk to the server (through an authenticated proxy).
        list.append({QStringLiteral("story-new@socks5-url"), storyNew, Route::SocksUrl});
        list.append({QStringLiteral("story-continue-choice@http-url"),
                     {QStringLiteral("story"), QStringLiteral("continue"), QStringLiteral("%ID%"), QStringLiteral("--choice"), QStringLiteral("1")},
                     Route::HttpUrl, QStringLiteral("story"), false, true});
        list.append({QStringLiteral("story-regenerate@direct"),
                     {QStringLiteral("story"), QStringLiteral("regenerate"), QStringLiteral("%ID%"), QStringLiteral("--page"), QStringLiteral("1")},
                     Route::Direct});
        list.append({QStringLiteral("story-continue-answer@all_proxy-env"),
                     {QStringLiteral("story"), QStringLiteral("continue"), QStringLiteral("%ID%"), QStringLiteral("--answer"), QStringLiteral("the owl")},
                     Route::AllProxyEnv});
        // Offline ones (the key and proxy are still configured: they must not end up anywhere).
        const auto offline = [&](const QString& name, const QStringList& args) {
            list.append({name, args, Route::SocksUrl, QStringLiteral("story"), false, false, 0, false});
        };
        offline(QStringLiteral("story-list"), {QStringLiteral("story"), QStringLiteral("list")});
        offline(QStringLiteral("story-list-json"), {QStringLiteral("story"), QStringLiteral("list"), QStringLiteral("--json")});
        offline(QStringLiteral("story-show"), {QStringLiteral("story"), QStringLiteral("show"), QStringLiteral("%ID%")});
        offline(QStringLiteral("story-show-json"), {QStringLiteral("story"), QStringLiteral("show"), QStringLiteral("%ID%"), QStringLiteral("--json")});
        offline(QStringLiteral("story-search"), {QStringLiteral("story"), QStringLiteral("search"), QStringLiteral("lantern")});
        for (const QString& format : {QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("pdf")})
            offline(QStringLiteral("story-export-") + format,
                    {QStringLiteral("story"), QStringLiteral("export"), QStringLiteral("%ID%"), QStringLiteral("--format"), format,
                     QStringLiteral("--all-branches"), QStringLiteral("--output"), QStringLiteral("%OUT%/story.") + format});
        offline(QStringLiteral("story-import"), {QStringLiteral("story"), QStringLiteral("import"), QStringLiteral("%FILE%")});
        offline(QStringLiteral("story-delete"), {QStringLiteral("story"), QStringLiteral("delete"), QStringLiteral("%ID%")});
        offline(QStringLiteral("story-restore"), {QStringLiteral("story"), QStringLiteral("restore"), QStringLiteral("%ID%")});

        // Failures. The 401 that echoes "Bearer <key>" back in its error message, on every command.
        for (const auto& [name, route] : {QPair<QString, Route>{QStringLiteral("direct"), Route::Direct},
                                          QPair<QString, Route>{QStringLiteral("http-url"), Route::HttpUrl}}) {
            list.append({QStringLiteral("echo-key-chat@") + name, chat, route, QStringLiteral("echo-key"), false, false, 5});
            list.append({QStringLiteral("echo-key-models@") + name, {QStringLiteral("models")}, route, QStringLiteral("echo-key"), false, true, 5});
            list.append({QStringLiteral("echo-key-diagnose@") + name, {QStringLiteral("diagnose")}, route, QStringLiteral("echo-key"), false, false, 5});
            list.append({QStringLiteral("echo-key-diagnose-json@") + name, {QStringLiteral("diagnose"), QStringLiteral("--json")}, route,
                         QStringLiteral("echo-key"), false, false, 5});
        }
        list.append({QStringLiteral("echo-key-story-new@socks5-url"), storyNew, Route::SocksUrl, QStringLiteral("echo-key"), false, false, 5});
        list.append({QStringLiteral("echo-key-chat-no-stream@all_proxy-env"), chat + QStringList{QStringLiteral("--no-stream")},
                     Route::AllProxyEnv, QStringLiteral("echo-key"), false, false, 5});
        // The proxy is not there.
        list.append({QStringLiteral("dead-proxy-chat@socks5"), chat, Route::DeadSocks, QStringLiteral("ok"), false, false, 4, false});
        list.append({QStringLiteral("dead-proxy-diagnose@http"), {QStringLiteral("diagnose")}, Route::DeadHttp, QStringLiteral("ok"), false, false, 4, false});
        list.append({QStringLiteral("dead-proxy-diagnose-json@socks5"), {QStringLiteral("diagnose"), QStringLiteral("--json")}, Route::DeadSocks,
                     QStringLiteral("ok"), false, false, 4, false});
        // The proxy rejects the (canary) password.
        list.append({QStringLiteral("proxy-auth-chat@socks5"), chat, Route::SocksWrongAuth, QStringLiteral("ok"), false, false, 4, false});
        list.append({QStringLiteral("proxy-auth-chat@http"), chat, Route::HttpWrongAuth, QStringLiteral("ok"), false, false, 4, false});
        list.append({QStringLiteral("proxy-auth-diagnose@http"), {QStringLiteral("diagnose")}, Route::HttpWrongAuth, QStringLiteral("ok"), false,
                     false, 4, false});
        list.append({QStringLiteral("proxy-auth-diagnose-json@socks5"), {QStringLiteral("diagnose"), QStringLiteral("--json")},
                     Route::SocksWrongAuth, QStringLiteral("ok"), false, false, 4, false});
        // TLS: the server's certificate is not trusted (the key must not be sent, nor printed).
        list.append({QStringLiteral("tls-untrusted-chat@direct"), chat, Route::Direct, QStringLiteral("ok"), true, false, 3, false});
        list.append({QStringLiteral("tls-untrusted-diagnose@http-url"), {QStringLiteral("diagnose")}, Route::HttpUrl, QStringLiteral("ok"), true,
                     false, 3, false});
        // Timeouts: the server reads the request (with the key) and never answers.
        list.append({QStringLiteral("timeout-chat@direct"), chat, Route::Direct, QStringLiteral("stall-headers"), false, false, 6});
        list.append({QStringLiteral("timeout-chat@socks5-url"), chat, Route::SocksUrl, QStringLiteral("stall"), false, true, 6});
        list.append({QStringLiteral("timeout-diagnose-json@direct"), {QStringLiteral("diagnose"), QStringLiteral("--json")}, Route::Direct,
                     QStringLiteral("stall-headers"), false, false, 6});
        return list;
    }

    void writeIni(const QString& path, const QString& mode, quint16 port) const
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text));
        file.write(QStringLiteral("[network]\nproxyMode=%1\nproxyHost=127.0.0.1\nproxyPort=%2\nproxyUser=%3\nbypass=\n").arg(mode).arg(port).arg(Canary::ProxyUser).toUtf8());
    }

    QList<SecretHit> scanAll(const CliRun& run, const QString& row)
    {
        QList<SecretHit> hits = m_scanner.scanBytes(run.out, QStringLiteral("stdout of ") + row);
        hits += m_scanner.scanBytes(run.err, QStringLiteral("stderr of ") + row);
        int files = 0;
        qint64 bytes = 0;
        hits += m_scanner.scanTree(m_root.path(), {}, &files, &bytes);
        m_filesScanned = std::max(m_filesScanned, files);
        m_bytesScanned += bytes;
        m_outputBytes += run.out.size() + run.err.size();
        return hits;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        for (const char* folder : {"tmp", "runtime", "exports", "config", "data", "cache", "state"})
            QVERIFY(QDir(m_root.path()).mkpath(QLatin1String(folder)));
        QFile::setPermissions(root(QStringLiteral("runtime")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

        // The scanner must be able to fail: every encoding planted is found.
        STORYBOOK_REQUIRE_TOOL(!findTool(QStringLiteral("pdftotext")).isEmpty(), "pdftotext");
        QTemporaryDir selfTestDir;
        QVERIFY(selfTestDir.isValid());
        const QStringList failures = m_scanner.selfTest(selfTestDir.path(), {Canary::ApiKey, Canary::ProxyPassword});
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        QVERIFY(m_scanner.encodings(QStringLiteral("api-key")).size() >= 12);
        QVERIFY(m_scanner.encodings(QStringLiteral("proxy-password")).contains(QStringLiteral("base64(user:password)")));

        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        STORYBOOK_REQUIRE_TOOL(TestCa::opensslAvailable(), "openssl");
        QVERIFY2(m_ca.generate(), qPrintable(m_ca.errorString()));
        m_tlsServer = new FakeOpenAiServer(this);
        QVERIFY(m_tlsServer->setTlsCertificate(m_ca.untrustedCertPath(), m_ca.untrustedKeyPath()));
        QVERIFY(m_tlsServer->listen());

        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Socks5), "microsocks");
        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Http), "tinyproxy");
        m_socks = new ProxyLauncher(this);
        QVERIFY2(m_socks->start(ProxyLauncher::Kind::Socks5, Canary::ProxyUser, Canary::ProxyPassword), qPrintable(m_socks->errorString()));
        m_http = new ProxyLauncher(this);
        QVERIFY2(m_http->start(ProxyLauncher::Kind::Http, Canary::ProxyUser, Canary::ProxyPassword), qPrintable(m_http->errorString()));
        m_socksOther = new ProxyLauncher(this);
        QVERIFY2(m_socksOther->start(ProxyLauncher::Kind::Socks5, Canary::ProxyUser, Canary::OtherPassword), qPrintable(m_socksOther->errorString()));
        m_httpOther = new ProxyLauncher(this);
        QVERIFY2(m_httpOther->start(ProxyLauncher::Kind::Http, Canary::ProxyUser, Canary::OtherPassword), qPrintable(m_httpOther->errorString()));
    }

    void cleanupTestCase()
    {
        qInfo("secrets (cli): %d runs, up to %d files under the root per scan, %lld file bytes and %lld bytes of "
              "stdout/stderr scanned, %d needles",
              m_runs, m_filesScanned, m_bytesScanned, m_outputBytes, int(m_scanner.needles().size()));
        for (ProxyLauncher* proxy : {m_socks, m_http, m_socksOther, m_httpOther}) {
            if (proxy)
                proxy->stop();
        }
    }

    void commands_data()
    {
        QTest::addColumn<int>("index");
        const QList<Row> list = rows();
        for (int i = 0; i < list.size(); ++i)
            QTest::newRow(qPrintable(list.at(i).name)) << i;
    }

    void commands()
    {
        QFETCH(int, index);
        const Row row = rows().at(index);
        if (row.args.join(u' ').contains(QLatin1String("%ID%")))
            QVERIFY2(!m_storyId.isEmpty(), "no story was written (story new failed), so this command cannot run");

        FakeOpenAiServer* server = row.tls ? m_tlsServer : m_server;
        const QString base = server->baseUrl(row.scenario).toString();
        QProcessEnvironment env = environment();
        const QString keyVariable = row.keyEnvOption ? QStringLiteral("STORY_KEY_CANARY") : QStringLiteral("STORYBOOK_API_KEY");
        env.insert(keyVariable, Canary::ApiKey);

        QStringList args;
        for (QString arg : row.args) {
            arg.replace(QLatin1String("%ID%"), m_storyId).replace(QLatin1String("%OUT%"), root(QStringLiteral("exports")));
            if (arg == QLatin1String("%FILE%")) {
                // A copy of the story file from the library, to import.
                QDirIterator it(root(QStringLiteral("data")), {QStringLiteral("*.storybook")}, QDir::Files, QDirIterator::Subdirectories);
                QVERIFY2(it.hasNext(), "no .storybook file in the library");
                arg = root(QStringLiteral("exports/copy.storybook"));
                QFile::remove(arg);
                QVERIFY(QFile::copy(it.next(), arg));
            }
            args << arg;
        }
        args << QStringLiteral("--base-url") << base << QStringLiteral("--model") << QStringLiteral("fake-small")
             << QStringLiteral("--retries") << QStringLiteral("0") << QStringLiteral("--idle-timeout") << QStringLiteral("1")
             << QStringLiteral("--connect-timeout") << QStringLiteral("5") << QStringLiteral("--verbose")
             << QStringLiteral("--log-file") << root(QStringLiteral("state/cli-logs/storybook-cli.log"));
        if (row.keyEnvOption)
            args << QStringLiteral("--api-key-env") << keyVariable;

        quint16 proxyPort = 0;
        switch (row.route) {
        case Route::Direct:
            args << QStringLiteral("--proxy") << QStringLiteral("none");
            break;
        case Route::SocksUrl:
            proxyPort = m_socks->port();
            args << QStringLiteral("--proxy") << proxyUrl(QStringLiteral("socks5h"), proxyPort) << QStringLiteral("--no-proxy") << QString();
            break;
        case Route::HttpUrl:
            proxyPort = m_http->port();
            args << QStringLiteral("--proxy") << proxyUrl(QStringLiteral("http"), proxyPort) << QStringLiteral("--no-proxy") << QString();
            break;
        case Route::AllProxyEnv:
            proxyPort = m_socks->port();
            env.insert(QStringLiteral("ALL_PROXY"), proxyUrl(QStringLiteral("socks5h"), proxyPort));
            args << QStringLiteral("--proxy") << QStringLiteral("system") << QStringLiteral("--no-proxy") << QString();
            break;
        case Route::HttpProxyEnv:
            proxyPort = m_http->port();
            env.insert(QStringLiteral("http_proxy"), proxyUrl(QStringLiteral("http"), proxyPort));
            args << QStringLiteral("--proxy") << QStringLiteral("system") << QStringLiteral("--no-proxy") << QString();
            break;
        case Route::SettingsFile: {
            proxyPort = m_socks->port();
            const QString ini = root(QStringLiteral("config/cli-settings.ini"));
            writeIni(ini, QStringLiteral("socks5"), proxyPort);
            env.insert(QStringLiteral("STORYBOOK_PROXY_PASSWORD"), Canary::ProxyPassword);
            args << QStringLiteral("--settings") << ini;
            break;
        }
        case Route::UserSettings:
            proxyPort = m_http->port();
            writeIni(root(QStringLiteral("config/InteractiveStorybook/storybook.conf")), QStringLiteral("http"), proxyPort);
            env.insert(QStringLiteral("STORYBOOK_PROXY_PASSWORD"), Canary::ProxyPassword);
            break;
        case Route::DeadSocks:
            args << QStringLiteral("--proxy") << proxyUrl(QStringLiteral("socks5h"), closedLoopbackPort()) << QStringLiteral("--no-proxy") << QString();
            break;
        case Route::DeadHttp:
            args << QStringLiteral("--proxy") << proxyUrl(QStringLiteral("http"), closedLoopbackPort()) << QStringLiteral("--no-proxy") << QString();
            break;
        case Route::SocksWrongAuth:
            args << QStringLiteral("--proxy") << proxyUrl(QStringLiteral("socks5h"), m_socksOther->port()) << QStringLiteral("--no-proxy") << QString();
            break;
        case Route::HttpWrongAuth:
            args << QStringLiteral("--proxy") << proxyUrl(QStringLiteral("http"), m_httpOther->port()) << QStringLiteral("--no-proxy") << QString();
            break;
        }

        server->clearRequests();
        const CliRun run = runProgram(QStringLiteral(STORYBOOK_CLI_PATH), args, env, 60000);
        ++m_runs;
        const QList<SecretHit> hits = scanAll(run, QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("secret canaries found:\n") + SecretScanner::format(hits)));

        // Only now, with nothing secret in them, may the outputs be shown.
        const QString context = QStringLiteral("exit %1 after %2 ms\nstdout: %3\nstderr: %4")
                                    .arg(run.exitCode).arg(run.ms).arg(QString::fromUtf8(run.out.left(2000)), QString::fromUtf8(run.err.right(3000)));
        QVERIFY2(!run.timedOut, qPrintable(context));
        QVERIFY2(run.exitCode == row.code, qPrintable(context));
        if (row.args.mid(0, 2) == QStringList{QStringLiteral("story"), QStringLiteral("new")} && row.code == 0) {
            static const QRegularExpression storyLine(QStringLiteral("^story: (\\S+)$"), QRegularExpression::MultilineOption);
            const auto match = storyLine.match(QString::fromUtf8(run.out));
            QVERIFY2(match.hasMatch(), qPrintable(context));
            m_storyId = match.captured(1);
        }

        // The secrets were in play: the server saw the key (through the proxy where there is one).
        const QList<RecordedRequest> requests = server->requests();
        if (row.reachesServer) {
            QVERIFY2(!requests.isEmpty(), qPrintable(context));
            const QHostAddress peer(viaProxy(row.route) ? QStringLiteral("127.0.0.2") : QStringLiteral("127.0.0.1"));
            for (const RecordedRequest& request : requests) {
                QCOMPARE(request.header("Authorization"), QByteArray("Bearer ") + Canary::ApiKey.toUtf8());
                QCOMPARE(request.peer, peer);
            }
        } else if (!row.tls) {
            QVERIFY2(requests.isEmpty(), qPrintable(context));
        }
    }

    // The run left files behind (logs, settings, stories, exports): the scans had something to look at.
    void scansCoveredTheOutputs()
    {
        QStringList expected{QStringLiteral("state/cli-logs/storybook-cli.log"), QStringLiteral("exports/story.md"),
                             QStringLiteral("exports/story.html"), QStringLiteral("exports/story.pdf")};
        for (const QString& path : expected)
            QVERIFY2(QFileInfo(root(path)).size() > 0, qPrintable(path));
        QFile log(root(QStringLiteral("state/cli-logs/storybook-cli.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        // The verbose log saw the requests, the proxies and the echoed 401.
        QVERIFY2(text.contains(" storybook."), text.right(2000).constData());
        QVERIFY(m_filesScanned >= 5);
    }
};

QTEST_MAIN(TestSecretsCli)
#include "tst_secrets_cli.moc"
