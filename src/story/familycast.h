#pragma once

#include "localstore.h"
#include "story.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Storybook::Story {

// A character the family keeps for later stories ("Poppy", "a fox with a blue scarf"), with the character
// sheet it was painted on when the story had one, so it looks the same in every story.
struct FamilyCharacter
{
    QString id;
    QString name;
    QString look;
    QByteArray picture;  // the character sheet's bytes as the provider sent them, or empty
    QString pictureMime; // "image/png", ...
    QString storyTitle;  // the title of the story it was saved from (informative)
    QJsonObject extra;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<FamilyCharacter> fromJson(const QJsonValue& value); // nullopt: no name
    // The member `name` of `story`'s cast (ignoring case), with the story's character sheet; nullopt when the
    // cast has no such member.
    [[nodiscard]] static std::optional<FamilyCharacter> fromStory(const Story& story, const QString& name);
    [[nodiscard]] CastMember asCastMember() const { return {name, look, {}}; }
};

// The family cast: "family-cast.json" in the app data folder beside the library (pathBeside()), pictures
// inside it (base64), written at once on every change (LocalStore).
class FamilyCast final
{
public:
    static constexpr qsizetype MaxCharacters = 200;

    explicit FamilyCast(const QString& path);

    [[nodiscard]] static QString pathBeside(const QString& libraryFolder);

    QString load(); // why the file could not be read, or empty
    [[nodiscard]] const QList<FamilyCharacter>& characters() const { return m_characters; }
    // By id, else by name (ignoring case and surrounding spaces).
    [[nodiscard]] std::optional<FamilyCharacter> find(const QString& idOrName) const;
    // Saves a character: one of the same name (ignoring case) is replaced, keeping its id. Empty, or why not.
    QString save(FamilyCharacter& character);
    QString remove(const QString& id);

private:
    QString write(const QList<FamilyCharacter>& characters);

    LocalStore m_file;
    QList<FamilyCharacter> m_characters;
};

} // namespace Storybook::Story
