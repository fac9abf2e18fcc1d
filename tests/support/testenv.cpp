#include "requiretool.h"

#include <QStandardPaths>

namespace Storybook::Test {

QString findTool(const QString& name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"),
                                                     QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/local/bin")});
    return path;
}

bool isCi()
{
    return qEnvironmentVariable("CI").compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

} // namespace Storybook::Test
