#include "i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace Storybook::I18n {

namespace {
QString g_current = QStringLiteral("en");
} // namespace

QString current()
{
    return g_current;
}

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
        // A language we do not ship (or the C locale): English, which still needs its
        // translation for the plural forms ("%n time(s)").
        if (translator->load(QStringLiteral(":/i18n/storybook_en.qm")))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
        g_current = QStringLiteral("en");
        return g_current;
    }
    QCoreApplication::installTranslator(translator);
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    g_current = translator->language();
    return g_current;
}

} // namespace Storybook::I18n
