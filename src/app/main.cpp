#include "i18n.h"
#include "logsink.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("InteractiveStorybook"));
    QApplication::setApplicationName(QStringLiteral("storybook"));
    QApplication::setApplicationDisplayName(QStringLiteral("Interactive Storybook"));
    QApplication::setApplicationVersion(QStringLiteral(STORYBOOK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.interactive_storybook.Storybook"));

    Storybook::LogSink::Options logOptions;
    logOptions.filePath = Storybook::LogSink::defaultFilePath();
    Storybook::LogSink log(logOptions);

    Storybook::I18n::install(app, QSettings().value(QStringLiteral("ui/language")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Interactive Storybook: picture-book stories written with you."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption library(QStringLiteral("library"), QApplication::translate("main", "The story library folder."),
                                     QApplication::translate("main", "DIR"));
    parser.addOption(library);
    parser.process(app);

    Storybook::App::MainWindow::Options options;
    options.libraryFolder = parser.value(library);
    Storybook::App::MainWindow window(options);
    window.show();
    return app.exec();
}
