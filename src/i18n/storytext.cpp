// storyText(): the app's translation for a story's language, independent of the interface's.
#include "i18n.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QTranslator>

#include <memory>

namespace Storybook::I18n {

namespace {

// One translator per story language, loaded on first use and never unloaded (a handful at most:
// the languages stories are written in). nullptr: the language has no translation and English's
// could not be loaded either (the source text is used).
struct StoryTranslators
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<const QTranslator>> byLanguage;
};

StoryTranslators& storyTranslators()
{
    static StoryTranslators translators;
    return translators;
}

QString normalizedLanguage(const QString& language)
{
    QString name = language.trimmed();
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    return name.isEmpty() ? QStringLiteral("en") : name;
}

std::shared_ptr<const QTranslator> loadTranslator(const QString& language)
{
    auto translator = std::make_shared<QTranslator>();
    const QLocale locale(language);
    // QLocale maps a name it does not know to the C locale; only a real match may load.
    const bool known = locale.language() != QLocale::C && locale.language() != QLocale::AnyLanguage;
    if (known && translator->load(locale, QStringLiteral("storybook"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return translator;
    // No translation for the language: English, which still carries the plural forms.
    if (translator->load(QStringLiteral(":/i18n/storybook_en.qm")))
        return translator;
    return nullptr;
}

void replacePercentN(QString* text, int n, const QString& language)
{
    if (n < 0)
        return;
    text->replace(QStringLiteral("%Ln"), QLocale(language).toString(n));
    text->replace(QStringLiteral("%n"), QString::number(n));
}

} // namespace

QString storyText(const QString& storyLanguage, const char* context, const char* sourceText,
                  const char* disambiguation, int n)
{
    const QString language = normalizedLanguage(storyLanguage);
    QString text;
    {
        StoryTranslators& translators = storyTranslators();
        const QMutexLocker lock(&translators.mutex);
        auto it = translators.byLanguage.find(language);
        if (it == translators.byLanguage.end())
            it = translators.byLanguage.insert(language, loadTranslator(language));
        if (*it)
            text = (*it)->translate(context, sourceText, disambiguation, n);
    }
    if (text.isEmpty())
        text = QString::fromUtf8(sourceText);
    replacePercentN(&text, n, language);
    return text;
}

} // namespace Storybook::I18n
