#include "pictureprompts.h"

#include "promptbuilder.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFile>

namespace Storybook::Story {

namespace {
QString languageOf(const Story& story)
{
    return story.settings.language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
}

QString ageOf(const Story& story)
{
    return story.settings.ageBand.isEmpty() ? QStringLiteral("6-8") : story.settings.ageBand;
}
} // namespace

QList<ArtStyle> PicturePrompts::artStyles()
{
    return {
        {QStringLiteral("watercolour"), QT_TRANSLATE_NOOP("Storybook::Story::ArtStyle", "Watercolour")},
        {QStringLiteral("crayon"), QT_TRANSLATE_NOOP("Storybook::Story::ArtStyle", "Crayon")},
        {QStringLiteral("paper-cut"), QT_TRANSLATE_NOOP("Storybook::Story::ArtStyle", "Paper cut-out")},
        {QStringLiteral("ink-wash"), QT_TRANSLATE_NOOP("Storybook::Story::ArtStyle", "Ink wash")},
        {QStringLiteral("clay"), QT_TRANSLATE_NOOP("Storybook::Story::ArtStyle", "Soft 3D clay")},
        {QStringLiteral("flat-cartoon"), QT_TRANSLATE_NOOP("Storybook::Story::ArtStyle", "Bright flat cartoon")},
        {QStringLiteral("pencil"), QT_TRANSLATE_NOOP("Storybook::Story::ArtStyle", "Pencil sketch")},
    };
}

QString PicturePrompts::styleFragment(const QString& styleId, const QString& language)
{
    const QList<ArtStyle> styles = artStyles();
    const bool known = std::any_of(styles.cbegin(), styles.cend(), [&styleId](const ArtStyle& s) { return s.id == styleId; });
    const QString id = known ? styleId : styles.first().id;
    const QString lang = language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
    QFile file(QStringLiteral(":/art-styles/%1_%2.txt").arg(id, lang));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

QString PicturePrompts::castLine(const Story& story)
{
    const bool zh = languageOf(story) == QLatin1String("zh");
    QStringList parts;
    for (const CastMember& member : story.cast) {
        const QString name = member.name.simplified();
        const QString look = member.look.simplified();
        if (name.isEmpty())
            continue;
        parts.append(look.isEmpty() ? name : name + (zh ? QStringLiteral("：") : QStringLiteral(": ")) + look);
    }
    return parts.join(zh ? QStringLiteral("；") : QStringLiteral("; "));
}

QString PicturePrompts::characterSheet(const Story& story)
{
    const QString lang = languageOf(story);
    return PromptBuilder::fill(PromptBuilder::load(QStringLiteral("picture_sheet"), lang),
                               {{QStringLiteral("age"), ageOf(story)},
                                {QStringLiteral("style"), styleFragment(story.settings.artStyle, lang)},
                                {QStringLiteral("cast"), castLine(story)}});
}

QString PicturePrompts::page(const Story& story, const Page& page)
{
    const QString lang = languageOf(story);
    // A page without a scene line is painted from the start of its text.
    const QString scene = page.scene.simplified().isEmpty() ? page.text.simplified().left(300) : page.scene.simplified();
    return PromptBuilder::fill(PromptBuilder::load(QStringLiteral("picture_page"), lang),
                               {{QStringLiteral("age"), ageOf(story)},
                                {QStringLiteral("style"), styleFragment(story.settings.artStyle, lang)},
                                {QStringLiteral("scene"), scene},
                                {QStringLiteral("cast"), castLine(story)}});
}

} // namespace Storybook::Story
