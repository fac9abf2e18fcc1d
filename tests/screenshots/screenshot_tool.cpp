// Renders the app's main window (a page, a page with answers, the ending, 1024×600, full screen,
// the New story page) and settings dialog (network and diagnostics tabs) to PNG files for
// docs/screenshots, in one language (--dark: a dark palette). Run by scripts/screenshots under Xvfb.
//   screenshot-tool --language zh_CN --output DIR
#include "fakeopenaiserver.h"
#include "i18n.h"
#include "ideapanel.h"
#include "mainwindow.h"
#include "proxylauncher.h"
#include "readerwidget.h"
#include "settingsdialog.h"
#include "storygenerator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPalette>
#include <QDir>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

using namespace Storybook;

namespace {
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool save(QWidget& widget, const QString& path)
{
    settle(300);
    const bool ok = widget.grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("InteractiveStorybook"));
    QApplication::setApplicationName(QStringLiteral("storybook"));
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("en or zh_CN"), QStringLiteral("LANG"), QStringLiteral("en"));
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("folder"), QStringLiteral("DIR"), QStringLiteral("."));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("a dark palette (as a dark desktop theme gives)"));
    parser.addOptions({language, output, dark});
    parser.process(app);
    if (parser.isSet(dark)) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
        palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x21));
        palette.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2b, 0x2e));
        palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x38));
        palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        palette.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x38));
        palette.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(palette);
    }
    const QString lang = parser.value(language);
    const QString suffix = (lang.startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en"))
                           + (parser.isSet(dark) ? QStringLiteral("-dark") : QString());
    I18n::install(app, lang);
    QDir().mkpath(parser.value(output));
    const auto file = [&](const QString& name) -> QString { return parser.value(output) + u'/' + name + u'-' + suffix + QStringLiteral(".png"); };

    QTemporaryDir dir;
    Test::FakeOpenAiServer server;
    server.listen();
    bool ok = true;
    {
        App::MainWindow::Options options;
        options.libraryFolder = dir.filePath(QStringLiteral("library"));
        App::MainWindow window(options);
        Llm::ConnectionSettings connection;
        connection.baseUrl = server.baseUrl(QStringLiteral("story"));
        connection.model = QStringLiteral("deepseek-chat");
        connection.proxy.mode = Llm::ProxySettings::Mode::None;
        window.useConnectionSettings(connection);
        window.resize(1280, 800);
        window.show();
        // Open the sample story in the screenshot's language, on its second page.
        for (const Story::StoryRecord& record : window.library()->records()) {
            if (record.language == (lang.startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en")))
                window.openStory(record.id);
        }
        if (window.generator()->story() && window.generator()->story()->path.size() > 1)
            window.reader()->showPage(window.generator()->story()->path.at(1));
        ok = save(window, file(QStringLiteral("main-window"))) && ok;
        // The main states of issue 18: a page with answers, the ending, 1024×600, full screen, New story.
        if (const std::shared_ptr<const Story::Story> story = window.generator()->story(); story && !story->path.isEmpty()) {
            window.reader()->showPage(story->path.first());
            ok = save(window, file(QStringLiteral("page-with-answers"))) && ok;
            window.reader()->showPage(story->path.last());
            ok = save(window, file(QStringLiteral("ending"))) && ok;
            window.reader()->showPage(story->path.first());
        }
        window.resize(1024, 600);
        ok = save(window, file(QStringLiteral("small-1024x600"))) && ok;
        window.showFullScreen();
        settle(500);
        ok = save(window, file(QStringLiteral("full-screen"))) && ok;
        window.showNormal();
        window.resize(1280, 800);
        window.newStory();
        Story::StorySettings idea;
        idea.idea = suffix.startsWith(QLatin1String("zh")) ? QStringLiteral("一只想学会飞的小蜗牛") : QStringLiteral("a snail who wants to fly");
        idea.pageCount = 6;
        window.ideaPanel()->setSettings(idea);
        ok = save(window, file(QStringLiteral("new-story"))) && ok;

        Llm::ConnectionSettings network = connection;
        network.baseUrl = QUrl(QStringLiteral("https://api.deepseek.com/v1"));
        network.proxy.mode = Llm::ProxySettings::Mode::Socks5;
        network.proxy.host = QStringLiteral("127.0.0.1");
        network.proxy.port = Test::closedLoopbackPort();
        network.proxy.user = QStringLiteral("family");
        network.proxy.password = QStringLiteral("secret");
        SettingsUi::SettingsDialog dialog(network, {}, nullptr, &window);
        dialog.resize(760, 680);
        dialog.show();
        dialog.findChild<QTabWidget*>(QStringLiteral("tabs"))->setCurrentIndex(1);
        ok = save(dialog, file(QStringLiteral("settings-network"))) && ok;
        QEventLoop loop;
        QObject::connect(&dialog, &SettingsUi::SettingsDialog::diagnosticsFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        dialog.showDiagnostics();
        dialog.runDiagnostics();
        loop.exec();
        ok = save(dialog, file(QStringLiteral("settings-diagnostics"))) && ok;
        dialog.showPage(SettingsUi::SettingsDialog::Page::General);
        ok = save(dialog, file(QStringLiteral("settings-general"))) && ok;
    }
    return ok ? 0 : 1;
}
