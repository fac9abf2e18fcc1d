#include "clicommands.h"
#include "i18n.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybook"));
    QCoreApplication::setApplicationName(QStringLiteral("storybook"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STORYBOOK_VERSION));
    Storybook::I18n::install(app);
    return Storybook::Cli::run(app);
}
