#include "i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QList>
#include <QPointer>
#include <QTranslator>

namespace Storybook::I18n {

namespace {
QString g_current = QStringLiteral("en");
// The translators install() put in: taken out again when another language is installed, so the
// language can change while the app runs (every widget gets QEvent::LanguageChange).
QList<QPointer<QTranslator>> g_installed;

void removeInstalled()
{
    for (const QPointer<QTranslator>& translator : std::as_const(g_installed)) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator.data();
        }
    }
    g_installed.clear();
}

void keep(QTranslator* translator)
{
    QCoreApplication::installTranslator(translator);
    g_installed.append(translator);
}
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
    removeInstalled();
    auto* translator = new QTranslator(&app);
    if (!translator->load(locale, QStringLiteral("storybook"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        // A language we do not ship (or the C locale): English, which still needs its
        // translation for the plural forms ("%n time(s)").
        if (translator->load(QStringLiteral(":/i18n/storybook_en.qm")))
            keep(translator);
        else
            delete translator;
        g_current = QStringLiteral("en");
        return g_current;
    }
    keep(translator);
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        keep(qtTranslator);
    else
        delete qtTranslator;
    g_current = translator->language();
    return g_current;
}

} // namespace Storybook::I18n
