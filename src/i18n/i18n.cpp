#include "i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace Storybook::I18n {

QStringList available()
{
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("storybook_*.qm")});
    QStringList languages;
    for (const QString& file : files)
        languages.append(file.mid(10, file.size() - 13)); // storybook_<lang>.qm
    return languages;
}

QString install(QCoreApplication& app, const QString& language)
{
    QString wanted = language;
    if (wanted.isEmpty())
        wanted = qEnvironmentVariable("STORYBOOK_LANGUAGE");
    const QLocale locale = wanted.isEmpty() ? QLocale::system() : QLocale(wanted);
    auto* translator = new QTranslator(&app);
    if (!translator->load(locale, QStringLiteral("storybook"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete translator;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(translator);
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    return translator->language();
}

} // namespace Storybook::I18n
