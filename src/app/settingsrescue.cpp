#include "settingsrescue.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>

namespace Storybook::App::SettingsRescue {

namespace {
Q_LOGGING_CATEGORY(lcRescue, "storybook.app.settings", QtInfoMsg)
}

QString keepUnreadableCopy(QString* problem)
{
    const QString path = QSettings().fileName();
    if (!QFileInfo(path).isFile())
        return {};
    QString copy = path + QStringLiteral(".unreadable");
    for (int n = 2; QFileInfo::exists(copy) && n <= 100; ++n)
        copy = path + QStringLiteral(".unreadable-%1").arg(n);
    // The check reads a copy: QSettings caches a file it has read once in this process, and only the
    // first reader is told about a FormatError. The copy is the one kept when the file is unreadable.
    QFile source(path);
    if (QFileInfo::exists(copy) || !source.copy(copy)) {
        qCWarning(lcRescue) << "cannot check the settings file:" << source.errorString();
        if (problem)
            *problem = source.errorString();
        return {};
    }
    QSettings::Status status = QSettings::NoError;
    {
        const QSettings probe(copy, QSettings::IniFormat);
        status = probe.status();
    }
    if (status != QSettings::FormatError) {
        QFile::remove(copy);
        return {};
    }
    qCWarning(lcRescue) << "the settings file could not be read; defaults are used, and a copy was kept at" << copy;
    return copy;
}

} // namespace Storybook::App::SettingsRescue
