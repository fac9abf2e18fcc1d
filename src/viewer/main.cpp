// storybook-viewer: reads the stories of a library (or one .storybook file) offline, read-only.
//   storybook-viewer                 the app's library (samples added on first use)
//   storybook-viewer FOLDER          the stories in FOLDER
//   storybook-viewer FILE.storybook  just that story
//   --quit-after-ms N                closes the window after N ms (smoke tests, screenshots)
//   --no-sandbox                     does not deny itself network sockets (debugging; also
//                                    STORYBOOK_VIEWER_SANDBOX=off)
//   --sandbox-self-test              (hidden) installs the sandbox as at start, prints what the
//                                    kernel allows (networkprobe.h) and exits
// Test hooks (environment): STORYBOOK_VIEWER_PROBE_PORT=<port> tries sockets once the window is up
// and logs what the kernel answered; STORYBOOK_VIEWER_READ_ALOUD=1 reads the shown page aloud at
// start, logs each part heard and the end, then closes the window.
// On Linux the viewer denies itself network sockets (sandbox.h) before QApplication exists, so
// before any thread starts or plug-in loads; its log says whether it did.
#include "commandline.h"
#include "firstframeprobe.h"
#include "i18n.h"
#include "library.h"
#include "logsink.h"
#include "networkprobe.h"
#include "readaloud.h"
#include "readerwidget.h"
#include "sandbox.h"
#include "viewerwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

Q_LOGGING_CATEGORY(lcViewer, "storybook.viewer", QtInfoMsg)

using Storybook::Viewer::Sandbox;

constexpr const char* noSandboxFlag = "--no-sandbox";
constexpr const char* selfTestFlag = "--sandbox-self-test";

// Whether argv holds `flag` before any "--" (read before QApplication exists).
bool hasFlag(int argc, char* argv[], const char* flag)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0)
            return false;
        if (std::strcmp(argv[i], flag) == 0)
            return true;
    }
    return false;
}

Sandbox::Result installSandbox(int argc, char* argv[])
{
    Sandbox::StartOptions options;
    options.switchedOff = hasFlag(argc, argv, noSandboxFlag) || Sandbox::switchedOffByEnvironment();
    options.display = qEnvironmentVariable("DISPLAY");
    return Sandbox::installAtStart(options);
}

// The viewer's own log: <app data of storybook-viewer>/logs/storybook.log, and stderr.
Storybook::LogSink::Options logOptions()
{
    Storybook::LogSink::Options options;
    options.filePath = Storybook::LogSink::defaultFilePath();
    return options;
}

// STORYBOOK_VIEWER_READ_ALOUD=1 (tests): reads the page shown aloud once the event loop runs and
// logs what is heard; closes the window when the reading ends.
void readAloudIfRequested(Storybook::Viewer::ViewerWindow& window)
{
    if (qEnvironmentVariable("STORYBOOK_VIEWER_READ_ALOUD") != QLatin1String("1"))
        return;
    Storybook::Widgets::ReaderWidget* reader = window.reader();
    Storybook::Widgets::ReadAloud* reading = reader->readAloudController();
    QObject::connect(reading, &Storybook::Widgets::ReadAloud::partStarted, &window,
                     [](int index, int, int) { qCInfo(lcViewer) << "read aloud: part" << index; });
    QObject::connect(reading, &Storybook::Widgets::ReadAloud::finished, &window, [&window] {
        qCInfo(lcViewer) << "read aloud: finished";
        window.close();
    });
    QObject::connect(reading, &Storybook::Widgets::ReadAloud::failed, &window, [&window](const QString& problem) {
        qCWarning(lcViewer).noquote() << "read aloud: failed:" << problem;
        window.close();
    });
    QTimer::singleShot(0, &window, [reader, reading] {
        reader->readAloud();
        qCInfo(lcViewer).noquote() << "read aloud: voice:" << reading->currentVoiceLine();
    });
}

void logSandbox(const Sandbox::Result& sandbox)
{
    if (sandbox.installed())
        qCInfo(lcViewer).noquote() << sandbox.logLine();
    else
        qCWarning(lcViewer).noquote() << sandbox.logLine();
}

// The app's library: the same folder as the app and the command line use (their application name
// is "storybook"), so the viewer reads what the app wrote.
QString defaultLibraryFolder()
{
    const QString viewerName = QCoreApplication::applicationName();
    QCoreApplication::setApplicationName(QStringLiteral("storybook"));
    const QString folder = Storybook::Story::Library::defaultFolder();
    QCoreApplication::setApplicationName(viewerName);
    return folder;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybook"));
    QCoreApplication::setApplicationName(QStringLiteral("storybook-viewer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STORYBOOK_VERSION));
}

QCommandLineOption addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QCoreApplication::translate("main", "Reads interactive picture-book stories offline."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QCoreApplication::translate("main", "A .storybook file or a folder of stories (default: the app's library)."),
                                 QCoreApplication::translate("main", "[FILE.storybook | FOLDER]"));
    QCommandLineOption quitAfter(QStringLiteral("quit-after-ms"),
                                 QCoreApplication::translate("main", "Close the window after <ms> milliseconds (for tests)."),
                                 QCoreApplication::translate("main", "ms"));
    parser.addOption(quitAfter);
    parser.addOption(QCommandLineOption(QString::fromLatin1(noSandboxFlag + 2),
                                        QCoreApplication::translate("main", "Do not deny the viewer network sockets (for debugging).")));
    QCommandLineOption selfTest(QString::fromLatin1(selfTestFlag + 2));
    selfTest.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(selfTest);
    return quitAfter;
}

// --sandbox-self-test: the sandbox is in place as at start; log its line, print it and what the
// kernel allows (a TCP connect to STORYBOOK_VIEWER_PROBE_PORT on loopback, when set), and exit.
int runSelfTest(int argc, char* argv[], const Sandbox::Result& sandbox)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    const Storybook::LogSink log(logOptions());
    logSandbox(sandbox);
    std::printf("sandbox: %s\n", sandbox.installed() ? "installed" : "not installed");
    std::printf("%s\n", qPrintable(sandbox.logLine()));
    for (const QString& line : Storybook::Viewer::NetworkProbe::run(Storybook::Viewer::NetworkProbe::portFromEnvironment()))
        std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    if (Storybook::CommandLine::asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv); // no display needed
        setIdentity();
        Storybook::I18n::install(app);
        QCommandLineParser parser;
        addOptions(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    // Before QApplication: no thread has started and no plug-in is loaded yet.
    const Sandbox::Result sandbox = installSandbox(argc, argv);
    if (hasFlag(argc, argv, selfTestFlag))
        return runSelfTest(argc, argv, sandbox);

    QApplication app(argc, argv);
    Storybook::FirstFrameProbe::installIfRequested(); // benchmarks only, off by default
    setIdentity();
    const Storybook::LogSink log(logOptions());
    logSandbox(sandbox);
    Storybook::I18n::install(app);
    QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("main", "Interactive Storybook Viewer"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.interactive_storybook.Viewer"));

    QCommandLineParser parser;
    const QCommandLineOption quitAfter = addOptions(parser);
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() > 1) {
        std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("main", "Give one file or folder at most.")));
        return 2;
    }
    int quitMs = -1;
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        quitMs = parser.value(quitAfter).toInt(&ok);
        if (!ok || quitMs < 0) {
            std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("main", "--quit-after-ms needs a number of milliseconds.")));
            return 2;
        }
    }

    Storybook::Viewer::ViewerWindow window;
    if (arguments.isEmpty()) {
        const QString folder = defaultLibraryFolder();
        if (!QFileInfo::exists(folder)) {
            Storybook::Story::Library library(folder);
            library.addSamples();
        }
        window.openFolder(folder);
    } else {
        const QFileInfo info(arguments.constFirst());
        if (!info.exists()) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("main", "“%1” does not exist.").arg(QDir::toNativeSeparators(info.filePath()))));
            return 2;
        }
        if (info.isDir())
            window.openFolder(info.absoluteFilePath());
        else
            window.openFile(info.absoluteFilePath());
    }
    window.show();
    if (const quint16 port = Storybook::Viewer::NetworkProbe::portFromEnvironment(); port != 0) {
        // Tests: what the kernel allows once the viewer runs, after the real start order.
        QTimer::singleShot(0, &window, [port] {
            for (const QString& line : Storybook::Viewer::NetworkProbe::run(port))
                qCInfo(lcViewer).noquote() << "network probe:" << line;
        });
    }
    readAloudIfRequested(window);
    if (quitMs >= 0)
        QTimer::singleShot(quitMs, &window, &QWidget::close);
    return app.exec();
}
