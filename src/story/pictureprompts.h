#pragma once

#include "story.h"

#include <QList>
#include <QString>

namespace Storybook::Story {

// An art style a picture book can be painted in. Its prompt fragment, per language, is
// resources/art-styles/<id>_<language>.txt; `name` is for the user (translated with
// QCoreApplication::translate("Storybook::Story::ArtStyle", name)).
struct ArtStyle
{
    QString id;
    const char* name;
};

// What a picture provider is asked to paint, from the templates in resources/prompts
// (picture_page_*, picture_sheet_*): the art style's fragment, every main character's look (the
// same words for every page, so a provider without reference pictures still keeps them alike), the
// page's scene, and the rules for a child's book (gentle, nothing frightening, no text in the
// picture). Text the user, the child or the model wrote is inserted as it is, never expanded.
class PicturePrompts final
{
public:
    [[nodiscard]] static QList<ArtStyle> artStyles();
    // The style's fragment in the story's language; an unknown id falls back to the first style.
    [[nodiscard]] static QString styleFragment(const QString& styleId, const QString& language);

    [[nodiscard]] static QString characterSheet(const Story& story);
    [[nodiscard]] static QString page(const Story& story, const Page& page);
    // "Pip: a small fox with a blue scarf; Hoot: an old grey owl" (characters without a look by name).
    [[nodiscard]] static QString castLine(const Story& story);
};

} // namespace Storybook::Story
