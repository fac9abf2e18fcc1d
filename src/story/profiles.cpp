#include "profiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace Storybook::Story {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Story::ProfileStore)
};

QStringList stringList(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& item : value.toArray()) {
        const QString text = item.toString().trimmed();
        if (!text.isEmpty())
            out.append(text);
    }
    return out;
}

QStringList cleaned(const QStringList& list)
{
    QStringList out;
    for (const QString& item : list) {
        if (!item.trimmed().isEmpty())
            out.append(item.trimmed());
    }
    return out;
}
} // namespace

QJsonObject ChildProfile::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("id"), id);
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("age"), age);
    o.insert(QLatin1String("reading_level"), readingLevel);
    o.insert(QLatin1String("pronouns"), pronouns);
    o.insert(QLatin1String("animals"), QJsonArray::fromStringList(animals));
    o.insert(QLatin1String("colours"), QJsonArray::fromStringList(colours));
    o.insert(QLatin1String("toys"), QJsonArray::fromStringList(toys));
    o.insert(QLatin1String("friends"), QJsonArray::fromStringList(friends));
    return o;
}

std::optional<ChildProfile> ChildProfile::fromJson(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    ChildProfile p;
    p.name = o.value(QLatin1String("name")).toString().trimmed();
    if (p.name.isEmpty())
        return std::nullopt;
    p.id = o.value(QLatin1String("id")).toString();
    if (p.id.isEmpty())
        p.id = Story::newId();
    p.age = std::clamp(o.value(QLatin1String("age")).toInt(), 0, 18);
    p.readingLevel = o.value(QLatin1String("reading_level")).toString();
    p.pronouns = o.value(QLatin1String("pronouns")).toString();
    p.animals = stringList(o.value(QLatin1String("animals")));
    p.colours = stringList(o.value(QLatin1String("colours")));
    p.toys = stringList(o.value(QLatin1String("toys")));
    p.friends = stringList(o.value(QLatin1String("friends")));
    p.extra = o;
    for (const char* known : {"id", "name", "age", "reading_level", "pronouns", "animals", "colours", "toys", "friends"})
        p.extra.remove(QLatin1String(known));
    return p;
}

StoryHero ChildProfile::asHero() const
{
    return {id, name.trimmed(), age > 0 ? QString::number(age) : QString(), pronouns.trimmed(),
            cleaned(animals + colours + toys), cleaned(friends)};
}

ProfileStore::ProfileStore(const QString& path)
    : m_file(path, QStringLiteral("storybook-profiles"))
{
}

QString ProfileStore::pathBeside(const QString& libraryFolder)
{
    return QFileInfo(QDir::cleanPath(libraryFolder)).absolutePath() + QLatin1String("/profiles.json");
}

QString ProfileStore::load()
{
    QString problem;
    m_profiles.clear();
    for (const QJsonValue& item : m_file.read(&problem)) {
        if (auto profile = ChildProfile::fromJson(item))
            m_profiles.append(std::move(*profile));
    }
    return problem;
}

std::optional<ChildProfile> ProfileStore::find(const QString& idOrName) const
{
    for (const ChildProfile& p : m_profiles) {
        if (p.id == idOrName)
            return p;
    }
    for (const ChildProfile& p : m_profiles) {
        if (p.name.compare(idOrName.trimmed(), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QString ProfileStore::save(const QList<ChildProfile>& profiles)
{
    QJsonArray items;
    for (const ChildProfile& p : profiles)
        items.append(p.toJson());
    const QString problem = m_file.write(items);
    if (problem.isEmpty())
        m_profiles = profiles;
    return problem;
}

QString ProfileStore::add(ChildProfile& profile)
{
    profile.name = profile.name.trimmed();
    if (profile.name.isEmpty())
        return Tr::tr("A child's profile needs a name.");
    if (profile.id.isEmpty())
        profile.id = Story::newId();
    QList<ChildProfile> next = m_profiles;
    next.append(profile);
    return save(next);
}

QString ProfileStore::update(const ChildProfile& profile)
{
    if (profile.name.trimmed().isEmpty())
        return Tr::tr("A child's profile needs a name.");
    QList<ChildProfile> next = m_profiles;
    for (ChildProfile& p : next) {
        if (p.id == profile.id) {
            p = profile;
            p.name = p.name.trimmed();
            return save(next);
        }
    }
    return Tr::tr("There is no such profile.");
}

QString ProfileStore::remove(const QString& id)
{
    QList<ChildProfile> next = m_profiles;
    if (next.removeIf([&id](const ChildProfile& p) { return p.id == id; }) == 0)
        return Tr::tr("There is no such profile.");
    return save(next);
}

} // namespace Storybook::Story
