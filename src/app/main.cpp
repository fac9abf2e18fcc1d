#include "commandline.h"
#include "firstframeprobe.h"
#include "i18n.h"
#include "logsink.h"
#include "mainwindow.h"
#include "secretstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybook"));
    QCoreApplication::setApplicationName(QStringLiteral("storybook"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STORYBOOK_VERSION));
}

struct Options
{
    QCommandLineOption library{QStringLiteral("library"), QCoreApplication::translate("main", "The story library folder."),
                               QCoreApplication::translate("main", "DIR")};

    explicit Options(QCommandLineParser& parser)
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Interactive Storybook: picture-book stories written with you."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(library);
    }
};

} // namespace

int main(int argc, char* argv[])
{
    if (Storybook::CommandLine::asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        Storybook::I18n::install(app, QSettings().value(QStringLiteral("ui/language")).toString());
        QCommandLineParser parser;
        const Options options(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    Storybook::FirstFrameProbe::installIfRequested(); // benchmarks only, off by default
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Interactive Storybook"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.interactive_storybook.Storybook"));

    Storybook::LogSink::Options logOptions;
    logOptions.filePath = Storybook::LogSink::defaultFilePath();
    Storybook::LogSink log(logOptions);

    Storybook::I18n::install(app, QSettings().value(QStringLiteral("ui/language")).toString());

    QCommandLineParser parser;
    const Options options(parser);
    parser.process(app);

    Storybook::App::MainWindow::Options windowOptions;
    windowOptions.libraryFolder = parser.value(options.library);
    int code = 0;
    {
        Storybook::App::MainWindow window(windowOptions);
        window.show();
        code = app.exec();
    }
    // A key saved just before quitting may still be on its way to the keychain (secretstore.h).
    Storybook::SettingsUi::SecretStore::finishPendingWrites(
        std::chrono::milliseconds(Storybook::SettingsUi::SecretStore::defaultTimeoutMs));
    return code;
}
