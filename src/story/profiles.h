#pragma once

#include "localstore.h"
#include "story.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Storybook::Story {

// A child the family makes stories for, kept on this computer only (ProfileStore). Nothing of it leaves the
// computer except inside the prompt of a story the parent starts with the child as its hero (asHero()).
struct ChildProfile
{
    QString id;
    QString name;
    int age = 0;            // years; 0: not given
    QString readingLevel;   // a ReadingLevel name, or empty: from the age
    QString pronouns;       // "she", "he", "they", "她", "他", or empty
    QStringList animals;    // favourite animals
    QStringList colours;    // favourite colours
    QStringList toys;       // favourite toys
    QStringList friends;    // friends' and siblings' names
    QJsonObject extra;      // fields of a newer app, kept

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<ChildProfile> fromJson(const QJsonValue& value); // nullopt: no name
    // What a story records and the prompt says about the child.
    [[nodiscard]] StoryHero asHero() const;
};

// The child profiles: "profiles.json" in the app data folder, beside the story library (pathBeside()),
// written at once on every change (LocalStore: atomic, a damaged file kept aside).
class ProfileStore final
{
public:
    explicit ProfileStore(const QString& path);

    // The file beside the library folder `libraryFolder` (its parent folder).
    [[nodiscard]] static QString pathBeside(const QString& libraryFolder);

    // Reads the file again; returns why it could not be (the profiles are then empty), or an empty string.
    QString load();
    [[nodiscard]] const QList<ChildProfile>& profiles() const { return m_profiles; }
    // By id, else by name (ignoring case and surrounding spaces).
    [[nodiscard]] std::optional<ChildProfile> find(const QString& idOrName) const;

    // Each returns an empty string, or why the change could not be saved (the list is then unchanged).
    // add() gives the profile a new id when it has none; a profile needs a name.
    QString add(ChildProfile& profile);
    QString update(const ChildProfile& profile);
    QString remove(const QString& id);

private:
    QString save(const QList<ChildProfile>& profiles);

    LocalStore m_file;
    QList<ChildProfile> m_profiles;
};

} // namespace Storybook::Story
