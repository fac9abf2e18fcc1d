// storybook-viewer: reads the stories of a library (or one .storybook file) offline, read-only.
//   storybook-viewer                 the app's library (samples added on first use)
//   storybook-viewer FOLDER          the stories in FOLDER
//   storybook-viewer FILE.storybook  just that story
//   --quit-after-ms N                closes the window after N ms (smoke tests, screenshots)
#include "commandline.h"
#include "firstframeprobe.h"
#include "i18n.h"
#include "library.h"
#include "viewerwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

namespace {

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
    return quitAfter;
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

    QApplication app(argc, argv);
    Storybook::FirstFrameProbe::installIfRequested(); // benchmarks only, off by default
    setIdentity();
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
    if (quitMs >= 0)
        QTimer::singleShot(quitMs, &window, &QWidget::close);
    return app.exec();
}
