// storybook-cli as a black box: real processes, real proxies, the fake server, every exit code.
#include "clirun.h"
#include "fakeopenaiserver.h"
#include "proxylauncher.h"
#include "testca.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Storybook::Test;

namespace {
const QString ApiKey = QStringLiteral("sk-cli-SECRETKEY-9876543210");
const QString ProxyUser = QStringLiteral("storyuser");
const QString ProxyPassword = QStringLiteral("cli-SECRET-proxy-pw");
const QString Story = QStringLiteral("Once upon a time, a small fox found a lantern.");

using Run = CliRun;
} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir m_home;

    QProcessEnvironment baseEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& name : env.keys()) {
            if (name.endsWith(QLatin1String("_proxy"), Qt::CaseInsensitive))
                env.remove(name);
        }
        env.insert(QStringLiteral("STORYBOOK_API_KEY"), ApiKey);
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return env;
    }

    QStringList connection(const QString& scenario = QStringLiteral("ok")) const
    {
        return {QStringLiteral("--base-url"), m_server->baseUrl(scenario).toString(), QStringLiteral("--model"),
                QStringLiteral("fake-small"), QStringLiteral("--proxy"), QStringLiteral("none")};
    }

    Run run(const QStringList& arguments, const QProcessEnvironment& env, const QString& program = QStringLiteral(STORYBOOK_CLI_PATH),
            const std::function<void(QProcess&)>& whileRunning = {})
    {
        // The fake server lives in this process: runCli keeps its event loop turning while the CLI runs.
        return runCli(program, arguments, env, 30000, whileRunning);
    }

    Run run(const QStringList& arguments) { return run(arguments, baseEnvironment()); }

    static void expectError(const Run& r, int code, const char* category, const QString& mentions)
    {
        QVERIFY2(r.exitCode == code, qPrintable(QStringLiteral("exit %1, stderr: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith(QStringLiteral("error: %1: ").arg(QLatin1String(category))), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("\nhint: ")), qPrintable(err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QVERIFY(!r.err.contains(ApiKey.toUtf8()) && !r.out.contains(ApiKey.toUtf8()));
        QVERIFY(!r.err.contains(ProxyPassword.toUtf8()) && !r.out.contains(ProxyPassword.toUtf8()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
    }

    void init()
    {
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void versionAndHelp()
    {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QByteArray("storybook-cli " STORYBOOK_VERSION));
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* word : {"chat", "models", "diagnose", "image", "--reference", "--picture", "--proxy", "--no-proxy",
                                 "--api-key-env", "--settings"})
            QVERIFY2(help.out.contains(word), word);
    }

    void chatStreams()
    {
        const Run r = run(QStringList{QStringLiteral("chat"), QStringLiteral("Tell me a story")} + connection());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out), Story + u'\n');
        QVERIFY(r.err.isEmpty());
        QCOMPARE(m_server->requests().constFirst().header("Authorization"), "Bearer " + ApiKey.toUtf8());
    }

    void chatNoStreamAndSystem()
    {
        const Run r = run(QStringList{QStringLiteral("chat"), QStringLiteral("--no-stream"), QStringLiteral("--system"),
                                      QStringLiteral("Be gentle."), QStringLiteral("Hi")} + connection());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out), Story + u'\n');
        const QJsonObject body = QJsonDocument::fromJson(m_server->requests().constFirst().body).object();
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), false);
        QCOMPARE(body.value(QLatin1String("messages")).toArray().first().toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("system"));
    }

    void chatUtf8()
    {
        const Run r = run(QStringList{QStringLiteral("chat"), QStringLiteral("讲个故事")} + connection(QStringLiteral("split-utf8")));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("从前，有一只小狐狸🦊找到了一盏灯。\n"));
    }

    void chatLengthNote()
    {
        const Run r = run(QStringList{QStringLiteral("chat"), QStringLiteral("x")} + connection(QStringLiteral("length")));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.startsWith("note: "));
    }

    void apiKeyFromNamedVariable()
    {
        QProcessEnvironment env = baseEnvironment();
        env.remove(QStringLiteral("STORYBOOK_API_KEY"));
        env.insert(QStringLiteral("MY_KEY"), QStringLiteral("sk-other-key-123456789"));
        const Run r = run(QStringList{QStringLiteral("chat"), QStringLiteral("x"), QStringLiteral("--api-key-env"),
                                      QStringLiteral("MY_KEY")} + connection(), env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(m_server->requests().constFirst().header("Authorization"), QByteArray("Bearer sk-other-key-123456789"));
    }

    void models()
    {
        const Run r = run(QStringList{QStringLiteral("models")} + connection());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("fake-large\nfake-small\n"));
    }

    void settingsFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[connection]\nbaseUrl=" + m_server->baseUrl().toString().toUtf8() + "\nmodel=fake-large\n"
                   "[network]\nproxyMode=none\nretries=0\n");
        file.close();
        const Run r = run({QStringLiteral("chat"), QStringLiteral("x"), QStringLiteral("--settings"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(m_server->requests().constFirst().body).object().value(QLatin1String("model")).toString(),
                 QStringLiteral("fake-large"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("mentions");
        const quint16 closed = closedLoopbackPort();
        const QString refused = QStringLiteral("http://127.0.0.1:%1/v1").arg(closed);
        QTest::newRow("usage-no-command") << QStringList{} << 2 << "usage" << "command";
        QTest::newRow("usage-unknown-command") << QStringList{QStringLiteral("dance")} << 2 << "usage" << "dance";
        QTest::newRow("usage-unknown-option") << QStringList{QStringLiteral("chat"), QStringLiteral("--frobnicate")} << 2 << "usage" << "frobnicate";
        QTest::newRow("config-proxy") << QStringList{QStringLiteral("chat"), QStringLiteral("x"), QStringLiteral("--proxy"), QStringLiteral("socks4://127.0.0.1:1")} << 2 << "configuration" << "socks4";
        QTest::newRow("config-base-url") << QStringList{QStringLiteral("models"), QStringLiteral("--base-url"), QStringLiteral("ftp://127.0.0.1/v1")} << 2 << "configuration" << "ftp://127.0.0.1/v1";
        QTest::newRow("config-timeout") << QStringList{QStringLiteral("models"), QStringLiteral("--idle-timeout"), QStringLiteral("soon")} << 2 << "configuration" << "soon";
        QTest::newRow("config-ca") << QStringList{QStringLiteral("models"), QStringLiteral("--base-url"), QStringLiteral("https://127.0.0.1:1/v1"), QStringLiteral("--ca-bundle"), QStringLiteral("/nonexistent.pem")} << 2 << "configuration" << "nonexistent.pem";
        QTest::newRow("network-refused") << QStringList{QStringLiteral("models"), QStringLiteral("--base-url"), refused, QStringLiteral("--retries"), QStringLiteral("0")} << 3 << "network" << QStringLiteral("127.0.0.1:%1").arg(closed);
        QTest::newRow("api-401") << QStringList{QStringLiteral("SCENARIO:status:401"), QStringLiteral("chat"), QStringLiteral("x")} << 5 << "api" << "API key";
        QTest::newRow("api-404-model") << QStringList{QStringLiteral("SCENARIO:status:404"), QStringLiteral("chat"), QStringLiteral("x")} << 5 << "api" << "fake-small";
        QTest::newRow("api-503") << QStringList{QStringLiteral("SCENARIO:status:503:0"), QStringLiteral("chat"), QStringLiteral("x"), QStringLiteral("--retries"), QStringLiteral("1")} << 5 << "api" << "503";
        QTest::newRow("api-stream-error") << QStringList{QStringLiteral("SCENARIO:error-in-stream"), QStringLiteral("chat"), QStringLiteral("x")} << 5 << "api" << "The model crashed";
        QTest::newRow("timeout-idle") << QStringList{QStringLiteral("SCENARIO:stall-headers"), QStringLiteral("chat"), QStringLiteral("x"), QStringLiteral("--idle-timeout"), QStringLiteral("0.5")} << 6 << "timeout" << "0.5 seconds";
        QTest::newRow("timeout-total") << QStringList{QStringLiteral("SCENARIO:drip:100:100"), QStringLiteral("chat"), QStringLiteral("x"), QStringLiteral("--total-timeout"), QStringLiteral("0.6")} << 6 << "timeout" << "total";
        QTest::newRow("bad-response") << QStringList{QStringLiteral("SCENARIO:html"), QStringLiteral("chat"), QStringLiteral("x")} << 7 << "bad-response" << "web page";
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, category);
        QFETCH(QString, mentions);
        if (!arguments.isEmpty() && arguments.constFirst().startsWith(QLatin1String("SCENARIO:"))) {
            const QString scenario = arguments.takeFirst().mid(9);
            arguments += connection(scenario);
        }
        expectError(run(arguments), code, category.toLatin1().constData(), mentions);
    }

    void interruptedIs130()
    {
        const Run r = run(QStringList{QStringLiteral("chat"), QStringLiteral("x")} + connection(QStringLiteral("drip:100:200")),
                          baseEnvironment(), QStringLiteral(STORYBOOK_CLI_PATH), [](QProcess& process) {
                              [&] { QTRY_VERIFY_WITH_TIMEOUT(process.bytesAvailable() > 0, 10000); }();
                              ::kill(pid_t(process.processId()), SIGINT);
                          });
        QCOMPARE(r.exitCode, 130);
        QVERIFY(r.err.startsWith("error: cancelled: "));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 5000);
    }

    // The predecessor's failure, end to end: only ALL_PROXY=socks5h://user:pass@... in the environment.
    void regressionAllProxySocks5h()
    {
        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Socks5), "microsocks");
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyLauncher::Kind::Socks5, ProxyUser, ProxyPassword));
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("ALL_PROXY"),
                   QStringLiteral("socks5h://%1:%2@127.0.0.1:%3").arg(ProxyUser, ProxyPassword).arg(proxy.port()));
        const QStringList args{QStringLiteral("chat"), QStringLiteral("x"), QStringLiteral("--base-url"),
                               m_server->baseUrl().toString(), QStringLiteral("--model"), QStringLiteral("fake-small"),
                               QStringLiteral("--proxy"), QStringLiteral("system"), QStringLiteral("--no-proxy"), QString()};
        const Run r = run(args, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out), Story + u'\n');
        QCOMPARE(m_server->requests().constLast().peer, QHostAddress(QStringLiteral("127.0.0.2")));

        // diagnose names the proxy and where it came from, without the password.
        const Run diag = run(QStringList{QStringLiteral("diagnose"), QStringLiteral("--json")} + args.mid(2), env);
        QCOMPARE(diag.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(diag.out).object();
        QVERIFY(report.value(QLatin1String("ok")).toBool());
        const QString effective = report.value(QLatin1String("effective_proxy")).toString();
        QVERIFY2(effective.contains(QLatin1String("ALL_PROXY")) && effective.startsWith(QLatin1String("socks5h://")), qPrintable(effective));
        QVERIFY(!diag.out.contains(ProxyPassword.toUtf8()));
        QCOMPARE(m_server->requests().constLast().peer, QHostAddress(QStringLiteral("127.0.0.2")));

        // NO_PROXY bypasses it.
        env.insert(QStringLiteral("NO_PROXY"), QStringLiteral("127.0.0.1"));
        const Run bypassed = run(args, env);
        QCOMPARE(bypassed.exitCode, 0);
        QCOMPARE(m_server->requests().constLast().peer, QHostAddress(QStringLiteral("127.0.0.1")));
    }

    void proxyErrors()
    {
        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Http), "tinyproxy");
        ProxyLauncher proxy;
        QVERIFY(proxy.start(ProxyLauncher::Kind::Http, ProxyUser, ProxyPassword));
        const QString hostPort = QStringLiteral("127.0.0.1:%1").arg(proxy.port());
        const QStringList base{QStringLiteral("models"), QStringLiteral("--base-url"), m_server->baseUrl().toString(),
                               QStringLiteral("--no-proxy"), QString(), QStringLiteral("--retries"), QStringLiteral("0")};
        expectError(run(base + QStringList{QStringLiteral("--proxy"), QStringLiteral("http://%1:nope@%2").arg(ProxyUser, hostPort)}),
                    4, "proxy", QStringLiteral("HTTP proxy %1 rejected the username or password").arg(hostPort));
        const QString dead = QStringLiteral("127.0.0.1:%1").arg(closedLoopbackPort());
        expectError(run(base + QStringList{QStringLiteral("--proxy"), QStringLiteral("socks5h://%1").arg(dead)}), 4, "proxy",
                    QStringLiteral("SOCKS5 proxy %1").arg(dead));
        const Run ok = run(base + QStringList{QStringLiteral("--proxy"), QStringLiteral("http://%1:%2@%3").arg(ProxyUser, ProxyPassword, hostPort)});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(!ok.out.contains(ProxyPassword.toUtf8()) && !ok.err.contains(ProxyPassword.toUtf8()));
    }

    void diagnoseFailingProxyStage()
    {
        const QString dead = QStringLiteral("127.0.0.1:%1").arg(closedLoopbackPort());
        const Run r = run({QStringLiteral("diagnose"), QStringLiteral("--json"), QStringLiteral("--base-url"),
                           m_server->baseUrl().toString(), QStringLiteral("--model"), QStringLiteral("fake-small"),
                           QStringLiteral("--proxy"), QStringLiteral("socks5h://u:%1@%2").arg(ProxyPassword, dead),
                           QStringLiteral("--no-proxy"), QString()});
        QCOMPARE(r.exitCode, 4);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QLatin1String("ok")).toBool(), false);
        const QJsonArray stages = report.value(QLatin1String("stages")).toArray();
        QStringList names;
        for (const QJsonValue& stage : stages)
            names.append(stage.toObject().value(QLatin1String("name")).toString());
        QCOMPARE(names, (QStringList{QStringLiteral("configuration"), QStringLiteral("proxy"), QStringLiteral("proxy-reachable"),
                                     QStringLiteral("dns"), QStringLiteral("connect"), QStringLiteral("models"), QStringLiteral("chat")}));
        const QJsonObject failed = stages.at(2).toObject();
        QCOMPARE(failed.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QVERIFY(failed.value(QLatin1String("detail")).toString().contains(dead));
        QVERIFY(failed.contains(QLatin1String("ms")));
        QCOMPARE(stages.at(3).toObject().value(QLatin1String("status")).toString(), QStringLiteral("skipped"));
        QVERIFY(report.value(QLatin1String("verdict")).toString().contains(dead));
        QVERIFY(!r.out.contains(ProxyPassword.toUtf8()));
    }

    void diagnoseAllGreenHumanReadable()
    {
        const Run r = run(QStringList{QStringLiteral("diagnose")} + connection());
        QCOMPARE(r.exitCode, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY(out.contains(QLatin1String("ok       Model list")));
        QVERIFY(out.contains(QLatin1String("Verdict: Everything works")));
        QCOMPARE(m_server->requests().size(), 2); // GET /models and one chat completion
    }

    void diagnoseNamesApiKeyProblem()
    {
        const Run r = run(QStringList{QStringLiteral("diagnose"), QStringLiteral("--json")} + connection(QStringLiteral("echo-key")));
        QCOMPARE(r.exitCode, 5);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QLatin1String("stages")).toArray().at(5).toObject().value(QLatin1String("kind")).toString(),
                 QStringLiteral("unauthorized"));
        QVERIFY(!r.out.contains(ApiKey.toUtf8()));
        QVERIFY(!r.out.contains("SECRETKEY"));
    }

    QStringList pictureConnection(const QString& scenario, const QString& model = QStringLiteral("gpt-image-1")) const
    {
        return {QStringLiteral("--base-url"), m_server->baseUrl(scenario).toString(), QStringLiteral("--model"), model,
                QStringLiteral("--proxy"), QStringLiteral("none")};
    }

    void imageWritesTheProvidersBytes_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("written");
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("b64_json png") << "ok" << "gpt-image-1" << "fox.png" << "fox.png" << QByteArray("png");
        QTest::newRow("url, jpeg named .png") << "image-siliconflow" << "Kwai-Kolors/Kolors" << "fox.png" << "fox.jpg"
                                              << QByteArray("jpeg");
        QTest::newRow("webp, no extension") << "image-webp" << "gpt-image-1" << "fox" << "fox.webp" << QByteArray("webp");
        QTest::newRow("jpeg as .jpeg") << "image-jpeg" << "gpt-image-1" << "fox.jpeg" << "fox.jpeg" << QByteArray("jpeg");
    }
    void imageWritesTheProvidersBytes()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, model);
        QFETCH(QString, requested);
        QFETCH(QString, written);
        QFETCH(QByteArray, format);
        QTemporaryDir dir;
        const QString prompt = QStringLiteral("A fox with a lantern");
        const Run r = run(QStringList{QStringLiteral("image"), prompt, QStringLiteral("--output"), dir.filePath(requested),
                                      QStringLiteral("--size"), QStringLiteral("1024x1024")}
                          + pictureConnection(scenario, model));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out.trimmed()), dir.filePath(written));
        QFile file(dir.filePath(written));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), FakeOpenAiServer::picture(format, prompt.toUtf8()));
        QCOMPARE(QFile::exists(dir.filePath(requested)), requested == written);
        QCOMPARE(r.err.contains("instead of"), requested != written);
        QVERIFY(!r.err.contains(ApiKey.toUtf8()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary file left behind
    }

    void imageWithReferences()
    {
        QTemporaryDir dir;
        const QString sheet = dir.filePath(QStringLiteral("cast.png"));
        QFile file(sheet);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(FakeOpenAiServer::picture("png", "sheet"));
        file.close();
        const Run r = run(QStringList{QStringLiteral("image"), QStringLiteral("The fox again"), QStringLiteral("--output"),
                                      dir.filePath(QStringLiteral("page.png")), QStringLiteral("--reference"), sheet}
                          + pictureConnection(QStringLiteral("ok")));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(m_server->requests().size(), 1);
        const RecordedRequest sent = m_server->requests().constFirst();
        QVERIFY(sent.path.endsWith("/images/edits"));
        bool carried = false;
        for (const RecordedPart& part : sent.parts)
            carried = carried || (part.name == "image[]" && part.body == FakeOpenAiServer::picture("png", "sheet"));
        QVERIFY(carried);
    }

    void imageExitCodes_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("safety refusal") << "image-refused" << QStringList() << 5 << "api" << "safety system";
        QTest::newRow("zhipu refusal") << "image-refused-zhipu" << QStringList() << 5 << "api" << "safety system";
        QTest::newRow("out of credit") << "image-no-credit" << QStringList() << 5 << "api" << "credit";
        QTest::newRow("401") << "status:401" << QStringList() << 5 << "api" << "API key";
        QTest::newRow("not an image") << "image-html" << QStringList() << 7 << "bad-response" << "web page";
        QTest::newRow("corrupt") << "image-corrupt" << QStringList() << 7 << "bad-response" << "damaged";
        QTest::newRow("stall") << "stall" << QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("0.5")} << 6 << "timeout"
                               << "0.5 seconds";
        QTest::newRow("no output") << "ok" << QStringList{QStringLiteral("--output")} << 2 << "usage" << "output";
        QTest::newRow("reference is no picture") << "ok" << QStringList{QStringLiteral("--reference"), QStringLiteral(STORYBOOK_CLI_PATH)}
                                                 << 2 << "configuration" << "PNG, JPEG or WebP";
    }
    void imageExitCodes()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        QFETCH(QString, category);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("out.png"));
        QStringList arguments{QStringLiteral("image"), QStringLiteral("A fox")};
        if (!extra.contains(QStringLiteral("--output")))
            arguments += {QStringLiteral("--output"), output};
        else
            extra.removeAll(QStringLiteral("--output"));
        expectError(run(arguments + extra + pictureConnection(scenario)), code, category.toLatin1().constData(), mentions);
        QVERIFY(!QFile::exists(output)); // nothing written on a failure
    }

    void diagnosePicture()
    {
        const Run r = run(QStringList{QStringLiteral("diagnose"), QStringLiteral("--picture"), QStringLiteral("--json")}
                          + pictureConnection(QStringLiteral("image-url"), QStringLiteral("cogview-3-flash")));
        QVERIFY2(r.exitCode == 0, r.out.constData());
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        const QJsonArray stages = report.value(QLatin1String("stages")).toArray();
        QCOMPARE(stages.last().toObject().value(QLatin1String("name")).toString(), QStringLiteral("picture"));
        QCOMPARE(stages.last().toObject().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QVERIFY(stages.last().toObject().value(QLatin1String("detail")).toString().contains(QLatin1String("image/png")));
        int pictures = 0;
        int chats = 0;
        for (const RecordedRequest& request : m_server->requests()) {
            pictures += request.path.contains("/images/generations") ? 1 : 0;
            chats += request.path.contains("/chat/completions") ? 1 : 0;
        }
        QCOMPARE(pictures, 1);
        QCOMPARE(chats, 0);

        const Run refused = run(QStringList{QStringLiteral("diagnose"), QStringLiteral("--picture")}
                                + pictureConnection(QStringLiteral("image-refused")));
        QCOMPARE(refused.exitCode, 5);
        QVERIFY(refused.out.contains("safety system"));
    }

    void logFileIsRedacted()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("cli.log"));
        const QString dead = QStringLiteral("127.0.0.1:%1").arg(closedLoopbackPort());
        run(QStringList{QStringLiteral("chat"), QStringLiteral("x"), QStringLiteral("--verbose"), QStringLiteral("--log-file"), log}
            + connection(QStringLiteral("echo-key")));
        run({QStringLiteral("models"), QStringLiteral("--verbose"), QStringLiteral("--log-file"), log, QStringLiteral("--base-url"),
             m_server->baseUrl().toString(), QStringLiteral("--proxy"), QStringLiteral("socks5h://%1:%2@%3").arg(ProxyUser, ProxyPassword, dead),
             QStringLiteral("--no-proxy"), QString()});
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("storybook.llm"));
        QVERIFY(!bytes.contains(ApiKey.toUtf8()));
        QVERIFY(!bytes.contains("SECRETKEY"));
        QVERIFY(!bytes.contains(ProxyPassword.toUtf8()));
    }

    // A failing DNS lookup, without contacting any resolver but loopback: the CLI runs in a private
    // mount namespace whose /etc/resolv.conf names 127.0.0.1, where nothing answers.
    void dnsFailure()
    {
        const QString unshare = findTool(QStringLiteral("unshare"));
        STORYBOOK_REQUIRE_TOOL(!unshare.isEmpty(), "unshare");
        QTemporaryDir dir;
        const QString resolv = dir.filePath(QStringLiteral("resolv.conf"));
        QFile file(resolv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
        file.close();
        const QString host = QStringLiteral("storybook-test-nowhere.invalid");
        const auto isolated = [&](const QStringList& cliArguments) {
            return run(QStringList{QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("mount --bind \"$0\" /etc/resolv.conf && exec \"$@\""), resolv,
                                   QStringLiteral(STORYBOOK_CLI_PATH)} + cliArguments,
                       baseEnvironment(), unshare);
        };
        const QStringList connection{QStringLiteral("--base-url"), QStringLiteral("http://%1:8080/v1").arg(host),
                                     QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--proxy"),
                                     QStringLiteral("none"), QStringLiteral("--retries"), QStringLiteral("0")};
        const Run r = isolated(QStringList{QStringLiteral("models")} + connection);
        if (r.err.startsWith("unshare:") || r.err.startsWith("mount:") || r.err.contains("Operation not permitted")) {
            if (isCi())
                QFAIL(qPrintable(QStringLiteral("cannot make a private mount namespace on CI: ") + QString::fromUtf8(r.err)));
            QSKIP("no permission for a private mount namespace (needs root)");
        }
        expectError(r, 3, "network", QStringLiteral("“%1” could not be found").arg(host));
        const Run diag = isolated(QStringList{QStringLiteral("diagnose"), QStringLiteral("--json")} + connection);
        QCOMPARE(diag.exitCode, 3);
        const QJsonObject dns = QJsonDocument::fromJson(diag.out).object().value(QLatin1String("stages")).toArray().at(3).toObject();
        QCOMPARE(dns.value(QLatin1String("name")).toString(), QStringLiteral("dns"));
        QCOMPARE(dns.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(dns.value(QLatin1String("kind")).toString(), QStringLiteral("dns"));
    }

    void tlsUntrustedThenTrustedWithCaBundle()
    {
        STORYBOOK_REQUIRE_TOOL(TestCa::opensslAvailable(), "openssl");
        TestCa ca;
        QVERIFY(ca.generate());
        FakeOpenAiServer tls;
        QVERIFY(tls.setTlsCertificate(ca.serverCertPath(), ca.serverKeyPath()));
        QVERIFY(tls.listen());
        QUrl base = tls.baseUrl();
        base.setHost(QStringLiteral("localhost"));
        const QStringList args{QStringLiteral("models"), QStringLiteral("--base-url"), base.toString(), QStringLiteral("--proxy"),
                               QStringLiteral("none"), QStringLiteral("--retries"), QStringLiteral("0")};
        expectError(run(args), 3, "network", QStringLiteral("certificate"));
        const Run trusted = run(args + QStringList{QStringLiteral("--ca-bundle"), ca.caCertPath()});
        QVERIFY2(trusted.exitCode == 0, trusted.err.constData());
        QCOMPARE(trusted.out, QByteArray("fake-large\nfake-small\n"));
    }

    void chineseMessages()
    {
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("STORYBOOK_LANGUAGE"), QStringLiteral("zh_CN"));
        const Run r = run(QStringList{QStringLiteral("models"), QStringLiteral("--base-url"),
                                      QStringLiteral("http://127.0.0.1:%1/v1").arg(closedLoopbackPort()),
                                      QStringLiteral("--retries"), QStringLiteral("0")}, env);
        QCOMPARE(r.exitCode, 3);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith(QLatin1String("error: network: ")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("拒绝")), qPrintable(err)); // "refused" in Chinese
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
