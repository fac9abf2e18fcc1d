#include "familycast.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace Storybook::Story {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Story::FamilyCast)
};
} // namespace

QJsonObject FamilyCharacter::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("id"), id);
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("look"), look);
    o.insert(QLatin1String("from_story"), storyTitle);
    if (!picture.isEmpty()) {
        o.insert(QLatin1String("picture_mime"), pictureMime);
        o.insert(QLatin1String("picture"), QString::fromLatin1(picture.toBase64()));
    }
    return o;
}

std::optional<FamilyCharacter> FamilyCharacter::fromJson(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    FamilyCharacter c;
    c.name = o.value(QLatin1String("name")).toString().trimmed();
    if (c.name.isEmpty())
        return std::nullopt;
    c.id = o.value(QLatin1String("id")).toString();
    if (c.id.isEmpty())
        c.id = Story::newId();
    c.look = o.value(QLatin1String("look")).toString().trimmed();
    c.storyTitle = o.value(QLatin1String("from_story")).toString();
    const auto decoded = QByteArray::fromBase64Encoding(o.value(QLatin1String("picture")).toString().toLatin1());
    if (decoded) {
        c.picture = *decoded;
        c.pictureMime = o.value(QLatin1String("picture_mime")).toString();
    }
    c.extra = o;
    for (const char* known : {"id", "name", "look", "from_story", "picture", "picture_mime"})
        c.extra.remove(QLatin1String(known));
    return c;
}

std::optional<FamilyCharacter> FamilyCharacter::fromStory(const Story& story, const QString& name)
{
    for (const CastMember& member : story.cast) {
        if (member.name.trimmed().compare(name.trimmed(), Qt::CaseInsensitive) != 0)
            continue;
        FamilyCharacter c;
        c.name = member.name.trimmed();
        c.look = member.look.trimmed();
        c.storyTitle = story.title;
        if (story.characterSheet) {
            c.picture = story.assets.value(story.characterSheet->entry);
            c.pictureMime = c.picture.isEmpty() ? QString() : story.characterSheet->mimeType;
        }
        return c;
    }
    return std::nullopt;
}

FamilyCast::FamilyCast(const QString& path)
    : m_file(path, QStringLiteral("storybook-family-cast"))
{
}

QString FamilyCast::pathBeside(const QString& libraryFolder)
{
    return QFileInfo(QDir::cleanPath(libraryFolder)).absolutePath() + QLatin1String("/family-cast.json");
}

QString FamilyCast::load()
{
    QString problem;
    m_characters.clear();
    for (const QJsonValue& item : m_file.read(&problem)) {
        if (auto c = FamilyCharacter::fromJson(item); c && m_characters.size() < MaxCharacters)
            m_characters.append(std::move(*c));
    }
    return problem;
}

std::optional<FamilyCharacter> FamilyCast::find(const QString& idOrName) const
{
    for (const FamilyCharacter& c : m_characters) {
        if (c.id == idOrName)
            return c;
    }
    for (const FamilyCharacter& c : m_characters) {
        if (c.name.compare(idOrName.trimmed(), Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

QString FamilyCast::write(const QList<FamilyCharacter>& characters)
{
    QJsonArray items;
    for (const FamilyCharacter& c : characters)
        items.append(c.toJson());
    const QString problem = m_file.write(items);
    if (problem.isEmpty())
        m_characters = characters;
    return problem;
}

QString FamilyCast::save(FamilyCharacter& character)
{
    character.name = character.name.trimmed();
    character.look = character.look.trimmed();
    if (character.name.isEmpty())
        return Tr::tr("A character needs a name.");
    QList<FamilyCharacter> next = m_characters;
    for (FamilyCharacter& c : next) {
        if (c.name.compare(character.name, Qt::CaseInsensitive) == 0) {
            character.id = c.id;
            c = character;
            return write(next);
        }
    }
    if (next.size() >= MaxCharacters)
        return Tr::tr("The family cast is full (%1 characters).").arg(MaxCharacters);
    if (character.id.isEmpty())
        character.id = Story::newId();
    next.append(character);
    return write(next);
}

QString FamilyCast::remove(const QString& id)
{
    QList<FamilyCharacter> next = m_characters;
    if (next.removeIf([&id](const FamilyCharacter& c) { return c.id == id; }) == 0)
        return Tr::tr("There is no such character in the family cast.");
    return write(next);
}

} // namespace Storybook::Story
