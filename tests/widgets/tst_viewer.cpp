#include "illustratedstory.h"
#include "narratedstory.h"
#include "nullaudio.h"
#include "requiretool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLibraryInfo>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

// Runs the built storybook-viewer offscreen (it closes itself with --quit-after-ms) and proves that
// the viewer cannot reach the network: inside the running viewer the kernel refuses internet
// sockets (its --sandbox-self-test, a probe after the real start, strace over a session), a TCP
// display leaves the filter off and says so in the log, and no symbol the binary imports comes from
// QtNetwork. Every denial has a control run (--no-sandbox) that shows the check can see a socket.
class TestViewer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    struct Output
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static QString samplePath() { return QStringLiteral(SAMPLES_DIR "/pip-and-the-moon-lantern.storybook"); }

    // The viewer's own log file under the test's XDG_DATA_HOME.
    [[nodiscard]] QString logFile() const
    {
        return m_home.filePath(QStringLiteral("data/InteractiveStorybook/storybook-viewer/logs/storybook.log"));
    }

    // Runs `program` to its end (bounded), keeping stdout and stderr.
    static Output runProgram(const QString& program, const QStringList& arguments, const QProcessEnvironment& env)
    {
        Output output;
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(program, arguments);
        if (!process.waitForStarted(10000))
            return output;
        if (!process.waitForFinished(90000)) {
            process.kill();
            process.waitForFinished();
            return output;
        }
        output.out = process.readAllStandardOutput();
        output.err = process.readAllStandardError();
        output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -102;
        return output;
    }

    // A loopback listener the viewer is told to connect to (STORYBOOK_VIEWER_PROBE_PORT).
    static std::unique_ptr<QTcpServer> listener()
    {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            return nullptr;
        return server;
    }

    // Whether a connection reached the listener. The viewer has exited: a connection it made is
    // already in the listen queue, so a non-blocking accept finds it.
    static bool gotConnection(QTcpServer& server)
    {
        server.waitForNewConnection(0);
        return server.hasPendingConnections();
    }

    [[nodiscard]] QProcessEnvironment probeEnvironment(const QTcpServer& server) const
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("STORYBOOK_VIEWER_PROBE_PORT"), QString::number(server.serverPort()));
        env.remove(QStringLiteral("STORYBOOK_VIEWER_SANDBOX"));
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":0")); // a local display (offscreen: never contacted)
        return env;
    }

    // Lines of strace's per-process files (-ff -o prefix) that show an AF_INET or AF_INET6 socket
    // being created; `failures` collects those that did not fail with EACCES.
    static int internetSockets(const QString& prefix, QStringList* failures)
    {
        int count = 0;
        const QFileInfo base(prefix);
        const QStringList files =
            base.dir().entryList({base.fileName() + QStringLiteral(".*")}, QDir::Files, QDir::Name);
        for (const QString& name : files) {
            QFile file(base.dir().filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            for (const QByteArray& line : file.readAll().split('\n')) {
                if (!line.startsWith("socket(AF_INET,") && !line.startsWith("socket(AF_INET6,"))
                    continue;
                ++count;
                if (!line.contains("= -1 EACCES"))
                    failures->append(QString::fromUtf8(line));
            }
        }
        return count;
    }

    [[nodiscard]] QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("STORYBOOK_LIBRARY"));
        return env;
    }

    int run(const QStringList& arguments, const QProcessEnvironment& env, QByteArray* errors = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(VIEWER_PATH), arguments);
        if (!process.waitForStarted(10000))
            return -100;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return -101;
        }
        if (errors)
            *errors = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -102;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void opensOneFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("en") << QStringLiteral(SAMPLES_DIR "/pip-and-the-moon-lantern.storybook");
        QTest::newRow("zh") << QStringLiteral(SAMPLES_DIR "/xiao-tu-zi-zhao-cai-hong.storybook");
    }

    void opensOneFile()
    {
        QFETCH(QString, file);
        QVERIFY(QFile::exists(file));
        QByteArray errors;
        QCOMPARE(run({file, QStringLiteral("--quit-after-ms"), QStringLiteral("300")}, environment(), &errors), 0);
        QVERIFY2(!errors.contains("QWidget::") && !errors.contains("QLayout"), errors.constData());
    }

    void opensIllustratedFile()
    {
        // The real binary with a story container and its pictures (PNG, JPEG and a corrupt one).
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString path = folder.filePath(QStringLiteral("illustrated.storybook"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Storybook::Test::illustratedStory().toFileData());
        file.close();
        QByteArray errors;
        QCOMPARE(run({path, QStringLiteral("--quit-after-ms"), QStringLiteral("1500")}, environment(), &errors), 0);
        QVERIFY2(!errors.contains("QWidget::") && !errors.contains("QLayout"), errors.constData());
    }

    void opensFolderWithUnreadableFile()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QVERIFY(QFile::copy(QStringLiteral(SAMPLES_DIR "/pip-and-the-moon-lantern.storybook"),
                            folder.filePath(QStringLiteral("pip.storybook"))));
        QFile broken(folder.filePath(QStringLiteral("broken.storybook")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        broken.close();
        QCOMPARE(run({folder.path(), QStringLiteral("--quit-after-ms"), QStringLiteral("300")}, environment()), 0);
        QVERIFY(QFile::exists(folder.filePath(QStringLiteral("broken.storybook")))); // left alone
    }

    void defaultLibraryGetsSamples()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString library = folder.filePath(QStringLiteral("Stories"));
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("STORYBOOK_LIBRARY"), library);
        QCOMPARE(run({QStringLiteral("--quit-after-ms"), QStringLiteral("300")}, env), 0);
        QCOMPARE(QDir(library).entryList({QStringLiteral("*.storybook")}, QDir::Files).size(), 2);
    }

    void versionAndMissingFile()
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(VIEWER_PATH), {QStringLiteral("--version")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains(STORYBOOK_VERSION));

        QCOMPARE(run({m_home.filePath(QStringLiteral("no-such.storybook"))}, environment()), 2);
    }

    // --sandbox-self-test installs the filter exactly as at start, then tries internet sockets, a
    // connect to our loopback listener and a local socket.
    void selfTestDeniesNetworkSockets()
    {
        const auto server = listener();
        QVERIFY(server);
        const Output output = runProgram(QStringLiteral(VIEWER_PATH), {QStringLiteral("--sandbox-self-test")},
                                         probeEnvironment(*server));
        QCOMPARE(output.exitCode, 0);
        const QString port = QString::number(server->serverPort());
        const QStringList lines = QString::fromUtf8(output.out).split(u'\n');
        for (const QString& expected :
             QStringList{QStringLiteral("sandbox: installed"), QStringLiteral("inet: refused (EACCES)"),
              QStringLiteral("inet6: refused (EACCES)"), QStringLiteral("packet: refused (EACCES)"),
              QString(QStringLiteral("connect 127.0.0.1:") + port + QStringLiteral(": no socket (EACCES)")),
              QStringLiteral("unix: allowed"), QStringLiteral("seccomp: filter"), QStringLiteral("no_new_privs: 1")})
            QVERIFY2(lines.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + lines.join(u'\n')));
        QVERIFY(!gotConnection(*server));
    }

    // The control: without the filter the same probe connects, and the listener sees it.
    void selfTestWithoutSandboxConnects()
    {
        const auto server = listener();
        QVERIFY(server);
        const Output output = runProgram(QStringLiteral(VIEWER_PATH),
                                         {QStringLiteral("--sandbox-self-test"), QStringLiteral("--no-sandbox")},
                                         probeEnvironment(*server));
        QCOMPARE(output.exitCode, 0);
        const QStringList lines = QString::fromUtf8(output.out).split(u'\n');
        QVERIFY2(lines.contains(QStringLiteral("sandbox: not installed")), output.out.constData());
        QVERIFY2(lines.contains(QStringLiteral("connect 127.0.0.1:%1: connected").arg(server->serverPort())),
                 output.out.constData());
        QVERIFY2(lines.contains(QStringLiteral("seccomp: none")), output.out.constData());
        QVERIFY(gotConnection(*server));
    }

    // The real start order: the viewer opens a story, and once its event loop runs the probe tries
    // to connect; the log says what the kernel answered.
    void runningViewerCannotConnect()
    {
        const auto server = listener();
        QVERIFY(server);
        QFile::remove(logFile());
        const Output output = runProgram(QStringLiteral(VIEWER_PATH), {samplePath(), QStringLiteral("--quit-after-ms"), QStringLiteral("1500")},
                                         probeEnvironment(*server));
        QCOMPARE(output.exitCode, 0);
        QVERIFY2(output.err.contains("storybook.viewer: sandbox: network sockets denied by the kernel"), output.err.constData());
        const QByteArray denied = "storybook.viewer: network probe: connect 127.0.0.1:"
                                  + QByteArray::number(server->serverPort()) + ": no socket (EACCES)";
        QVERIFY2(output.err.contains(denied), output.err.constData());
        QVERIFY2(output.err.contains("storybook.viewer: network probe: inet6: refused (EACCES)"), output.err.constData());
        QVERIFY2(output.err.contains("storybook.viewer: network probe: unix: allowed"), output.err.constData());
        QVERIFY(!gotConnection(*server));
        // The same lines went to the viewer's log file.
        QFile log(logFile());
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains(denied));
    }

    // strace over a real viewer session (a story opened offscreen, the probe's attempts included):
    // every AF_INET / AF_INET6 socket fails with EACCES. The control run without the filter shows
    // that this check sees a successful socket.
    // LeakSanitizer cannot run under ptrace (it stops the process with a fatal error at exit): under
    // strace, a sanitizer build's viewer runs without the leak check (the other tests keep it).
    static QProcessEnvironment traceable(QProcessEnvironment environment)
    {
        environment.insert(QStringLiteral("ASAN_OPTIONS"),
                           environment.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":detect_leaks=0"));
        return environment;
    }

    void straceShowsNoInternetSocket()
    {
        const QString strace = Storybook::Test::findTool(QStringLiteral("strace"));
        STORYBOOK_REQUIRE_TOOL(!strace.isEmpty(), "strace");
        QTemporaryDir traces;
        QVERIFY(traces.isValid());
        const auto server = listener();
        QVERIFY(server);

        const auto traced = [&](const QString& prefix, const QStringList& extra) {
            return runProgram(strace,
                              QStringList{QStringLiteral("-f"), QStringLiteral("-ff"), QStringLiteral("-qq"),
                                          QStringLiteral("-e"), QStringLiteral("trace=socket"), QStringLiteral("-o"),
                                          prefix, QStringLiteral(VIEWER_PATH), samplePath(),
                                          QStringLiteral("--quit-after-ms"), QStringLiteral("1500")}
                                  + extra,
                              traceable(probeEnvironment(*server)));
        };

        const QString sandboxed = traces.filePath(QStringLiteral("sandboxed"));
        const Output output = traced(sandboxed, {});
        QVERIFY2(output.exitCode == 0, output.err.constData());
        QStringList failures;
        const int attempts = internetSockets(sandboxed, &failures);
        QVERIFY2(attempts >= 3, qPrintable(QStringLiteral("%1 internet sockets traced").arg(attempts))); // the probe's
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        QVERIFY(!gotConnection(*server));

        const QString open = traces.filePath(QStringLiteral("open"));
        const Output control = traced(open, {QStringLiteral("--no-sandbox")});
        QVERIFY2(control.exitCode == 0, control.err.constData());
        QStringList opened;
        QVERIFY(internetSockets(open, &opened) >= 3);
        QVERIFY2(!opened.isEmpty(), "the control run without the filter should show a successful internet socket");
        QVERIFY(gotConnection(*server));
    }

    // The sandboxed viewer still plays narration: a story whose pages carry narration clips for every
    // part (sentences, question, answers) is read aloud at start (STORYBOOK_VIEWER_READ_ALOUD=1) into a
    // private PulseAudio's null sink, to the end; in the same session the kernel refuses internet sockets.
    void sandboxedViewerPlaysNarration()
    {
        using Storybook::Story::Narration;
        STORYBOOK_REQUIRE_TOOL(Storybook::Test::NullAudioServer::available(), "pulseaudio");
        Storybook::Test::NullAudioServer audio;
        Storybook::Test::NullAudioServer::Options audioOptions;
        audioOptions.setEnvironment = false;
        QVERIFY2(audio.start(audioOptions), qPrintable(audio.errorString()));

        Storybook::Story::Story story = Storybook::Test::narratedStory();
        for (Storybook::Story::Page& page : story.pages) {
            QStringList parts = page.id == QLatin1String("n1")
                                    ? Storybook::Test::firstPageSentences()
                                    : QStringList{QStringLiteral("The moon came out."), QStringLiteral("Goodnight.")};
            if (page.interaction)
                parts << page.interaction->question << page.interaction->options;
            page.narration = Storybook::Test::narrationOf(story, page.id, parts, Narration::Source::Synthesised,
                                                          QStringLiteral("alloy"), 250);
        }
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString path = folder.filePath(QStringLiteral("narrated.storybook"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(story.toFileData());
        file.close();

        const auto server = listener();
        QVERIFY(server);
        QProcessEnvironment env = audio.environment(probeEnvironment(*server));
        env.insert(QStringLiteral("STORYBOOK_VIEWER_READ_ALOUD"), QStringLiteral("1"));
        const Output output =
            runProgram(QStringLiteral(VIEWER_PATH), {path, QStringLiteral("--quit-after-ms"), QStringLiteral("30000")}, env);
        QCOMPARE(output.exitCode, 0);
        const QByteArray& log = output.err;
        QVERIFY2(log.contains("storybook.viewer: sandbox: network sockets denied by the kernel"), log.constData());
        QVERIFY2(log.contains("storybook.viewer: network probe: inet: refused (EACCES)"), log.constData());
        QVERIFY2(log.contains("storybook.viewer: read aloud: voice: Voice kept in the story (alloy)"), log.constData());
        for (int part = 0; part < 5; ++part)
            QVERIFY2(log.contains(QByteArray("storybook.viewer: read aloud: part " + QByteArray::number(part) + "\n")), log.constData());
        QVERIFY2(log.contains("storybook.viewer: read aloud: finished"), log.constData());
        QVERIFY2(!log.contains("read aloud: failed"), log.constData());
        QVERIFY(!gotConnection(*server));
    }

    // With the X display reached over TCP (ssh -X) the filter would cut the display's connection:
    // the viewer leaves it off, and its log says so. Offscreen, so no X connection is made.
    void tcpDisplayLeavesSandboxOff()
    {
        QFile::remove(logFile());
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral("localhost:99"));
        env.remove(QStringLiteral("STORYBOOK_VIEWER_SANDBOX"));
        env.remove(QStringLiteral("STORYBOOK_VIEWER_PROBE_PORT"));
        const Output output = runProgram(QStringLiteral(VIEWER_PATH), {QStringLiteral("--sandbox-self-test")}, env);
        QCOMPARE(output.exitCode, 0);
        const QStringList lines = QString::fromUtf8(output.out).split(u'\n');
        QVERIFY2(lines.contains(QStringLiteral("sandbox: not installed")), output.out.constData());
        QVERIFY2(lines.contains(QStringLiteral("seccomp: none")), output.out.constData());
        QFile log(logFile());
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> logLines = log.readAll().split('\n');
        const auto said = std::count_if(logLines.cbegin(), logLines.cend(), [](const QByteArray& line) {
            return line.contains(" warning storybook.viewer: sandbox: not installed, the X display \"localhost:99\" is "
                                 "reached over TCP");
        });
        QCOMPARE(said, 1);
    }

    // The viewer's own code uses no QtNetwork API: none of the symbols its binary imports is defined
    // by libQt6Network (whatever a library it links, such as Qt Multimedia, needs for itself). The
    // same comparison against libQt6Widgets finds symbols, so the check works.
    void importsNothingFromQtNetwork()
    {
        const QString nm = Storybook::Test::findTool(QStringLiteral("nm"));
        STORYBOOK_REQUIRE_TOOL(!nm.isEmpty(), "nm");
        const auto symbols = [&nm](const QStringList& arguments) {
            QSet<QByteArray> names;
            QProcess process;
            process.start(nm, arguments);
            if (!process.waitForFinished(60000) || process.exitCode() != 0)
                return names;
            for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
                const QList<QByteArray> fields = line.simplified().split(' ');
                if (fields.size() >= 2)
                    names.insert(fields.constLast().split('@').constFirst());
            }
            return names;
        };
        const QString libraries = QLibraryInfo::path(QLibraryInfo::LibrariesPath);
        const QSet<QByteArray> imported =
            symbols({QStringLiteral("-D"), QStringLiteral("--undefined-only"), QStringLiteral(VIEWER_PATH)});
        const QSet<QByteArray> network = symbols(
            {QStringLiteral("-D"), QStringLiteral("--defined-only"), libraries + QStringLiteral("/libQt6Network.so.6")});
        const QSet<QByteArray> widgets = symbols(
            {QStringLiteral("-D"), QStringLiteral("--defined-only"), libraries + QStringLiteral("/libQt6Widgets.so.6")});
        QVERIFY(imported.size() > 100);
        QVERIFY(network.size() > 100);
        QVERIFY(imported.intersects(widgets)); // the check itself works
        QSet<QByteArray> fromNetwork = imported;
        fromNetwork.intersect(network);
        fromNetwork.remove(QByteArray("Qt_6")); // version definitions every Qt library has
        QVERIFY2(fromNetwork.isEmpty(), qPrintable(QString::fromUtf8(fromNetwork.values().join(' '))));
    }

    // The viewer's own NEEDED entries name no QtNetwork. It needs Qt Multimedia (narration), which
    // loads QtNetwork itself on Debian (ldd shows it), so this no longer proves that the process has
    // no network code: the kernel's filter above does; this only keeps the viewer's link line clean.
    void neededEntriesNameNoQtNetwork()
    {
        const QString tool = Storybook::Test::findTool(QStringLiteral("readelf"));
        STORYBOOK_REQUIRE_TOOL(!tool.isEmpty(), "readelf");
        QProcess process;
        process.start(tool, {QStringLiteral("-d"), QStringLiteral(VIEWER_PATH)});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray output = process.readAllStandardOutput();
        QVERIFY2(output.contains("libQt6Widgets"), output.constData()); // the check itself works
        QVERIFY2(!output.contains("libQt6Network"), output.constData());
    }
};

QTEST_MAIN(TestViewer)
#include "tst_viewer.moc"
