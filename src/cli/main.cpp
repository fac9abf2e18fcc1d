#include "clicommands.h"
#include "i18n.h"

#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {
// Only a PDF export needs a GUI application (QTextDocument layout); it runs offscreen.
bool needsGui(int argc, char* argv[])
{
    bool story = false;
    bool exporting = false;
    for (int i = 1; i < argc; ++i) {
        story = story || std::strcmp(argv[i], "story") == 0;
        exporting = exporting || std::strcmp(argv[i], "export") == 0;
    }
    return story && exporting;
}
} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybook"));
    QCoreApplication::setApplicationName(QStringLiteral("storybook"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STORYBOOK_VERSION));
    Storybook::I18n::install(*app);
    return Storybook::Cli::run(*app);
}
