// The library's care of its stories beyond listing and saving (library.cpp): the trash, the sample
// stories of a new library, and the blank stories a failed first page leaves.
#include "library.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>

#include <algorithm>

namespace Storybook::Story {

namespace {
Q_LOGGING_CATEGORY(lcLibraryCare, "storybook.story.library", QtInfoMsg)

const auto SamplesMarker = QStringLiteral(".samples-added");
const auto SamplesFolder = QStringLiteral(":/samples");

QStringList storyFiles(const QDir& dir)
{
    return dir.entryList({QStringLiteral("*") + QLatin1String(Library::Suffix)}, QDir::Files, QDir::Name);
}
} // namespace

int Library::addSamples()
{
    if (!QDir().mkpath(m_folder) || QFileInfo::exists(m_folder + u'/' + SamplesMarker))
        return 0;
    int added = 0;
    const QDir samples(SamplesFolder);
    for (const QString& name : storyFiles(samples)) {
        QString why;
        if (import(samples.filePath(name), &why))
            ++added;
        else
            qCWarning(lcLibraryCare) << "sample" << name << "not added:" << why;
    }
    QFile marker(m_folder + u'/' + SamplesMarker);
    if (marker.open(QIODevice::WriteOnly))
        marker.write("The sample stories were added to this library once; delete this file to add them again.\n");
    return added;
}

std::optional<QString> Library::addSampleIfNew(const QString& uiLanguage, QSettings& settings)
{
    const QString key = QLatin1String(SampleOfferedKey);
    if (settings.value(key, false).toBool())
        return std::nullopt;
    settings.setValue(key, true);
    if (!m_records.isEmpty() || !trashedIds().isEmpty())
        return std::nullopt; // not a new library: the sample is not offered later either
    const bool chinese = uiLanguage.startsWith(QLatin1String("zh"));
    const QDir samples(SamplesFolder);
    QString chosen;
    for (const QString& name : storyFiles(samples)) {
        QString why;
        const std::optional<Story> sample = readFile(samples.filePath(name), &why, StoryFile::Parts::TextOnly);
        if (!sample)
            continue;
        const bool sampleChinese = sample->settings.language.startsWith(QLatin1String("zh"));
        if (sampleChinese == chinese) {
            chosen = samples.filePath(name);
            break;
        }
        if (chosen.isEmpty())
            chosen = samples.filePath(name); // some sample, when none is in this language
    }
    if (chosen.isEmpty())
        return std::nullopt;
    QString why;
    std::optional<QString> id = import(chosen, &why);
    if (!id)
        qCWarning(lcLibraryCare) << "the sample story was not added:" << why;
    return id;
}

QString Library::trash(const QString& id)
{
    if (const StoryRecord* known = record(id); known && !known->readable)
        return tr("“%1” is not a story this app can read, so it is left where it is. If you do not need it, "
                  "remove it from the library folder yourself.")
            .arg(known->fileName);
    const QString from = pathFor(id);
    if (!QFileInfo::exists(from))
        return tr("The story “%1” is not in the library.").arg(id);
    QDir().mkpath(trashFolder());
    const QString to = trashFolder() + u'/' + id + QLatin1String(Suffix);
    QFile::remove(to); // an older trashed copy of the same story
    if (!QFile::rename(from, to))
        return tr("The story “%1” cannot be moved to the trash.").arg(id);
    // The file's time says when it went to the trash (the story's own dates are inside it).
    QFile moved(to);
    if (moved.open(QIODevice::ReadWrite))
        moved.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    m_saved.remove(from);
    removeRecord(id);
    return {};
}

QString Library::restore(const QString& id)
{
    const QString from = trashFolder() + u'/' + id + QLatin1String(Suffix);
    const QString to = filePath(id);
    if (QFileInfo::exists(to))
        return tr("A story with the id “%1” is already in the library.").arg(id);
    if (!QFile::rename(from, to))
        return tr("The story “%1” is not in the trash.").arg(id);
    QString why;
    if (const std::optional<Story> story = load(id, &why))
        upsert(recordFor(*story, QFileInfo(to).fileName()));
    return {};
}

QString Library::deleteForever(const QString& id)
{
    const QString path = trashFolder() + u'/' + id + QLatin1String(Suffix);
    if (!QFileInfo::exists(path))
        return tr("The story “%1” is not in the trash.").arg(id);
    if (!QFile::remove(path))
        return tr("“%1” cannot be removed from the trash.").arg(QFileInfo(path).fileName());
    return {};
}

QStringList Library::trashedIds() const
{
    QStringList ids;
    for (const QString& name : storyFiles(QDir(trashFolder())))
        ids.append(QFileInfo(name).completeBaseName());
    return ids;
}

QList<StoryRecord> Library::trashedRecords() const
{
    QList<StoryRecord> records;
    const QDir trash(trashFolder());
    for (const QFileInfo& info : trash.entryInfoList({QStringLiteral("*") + QLatin1String(Suffix)}, QDir::Files)) {
        QString why;
        StoryRecord record;
        if (const std::optional<Story> story = readFile(info.filePath(), &why, StoryFile::Parts::TextOnly)) {
            record = recordFor(*story, info.fileName());
        } else {
            record.fileName = info.fileName();
            record.title = info.completeBaseName();
            record.readable = false;
            record.problem = why;
        }
        record.id = info.completeBaseName(); // what restore() and deleteForever() take
        record.shownTitle = record.title;
        record.modified = info.lastModified();
        records.append(record);
    }
    std::stable_sort(records.begin(), records.end(),
                     [](const StoryRecord& a, const StoryRecord& b) { return a.modified > b.modified; });
    return records;
}

QString Library::emptyTrash()
{
    const QDir trash(trashFolder());
    if (!trash.exists())
        return {};
    for (const QString& name : storyFiles(trash)) {
        if (!QFile::remove(trash.filePath(name)))
            return tr("“%1” cannot be removed from the trash.").arg(name);
    }
    return {};
}

QStringList Library::dropBlank(const QString& keepId)
{
    QStringList blank;
    for (const StoryRecord& record : std::as_const(m_records)) {
        if (record.readable && record.blank && record.id != keepId)
            blank.append(record.id);
    }
    QStringList dropped;
    for (const QString& id : std::as_const(blank)) {
        const QString path = pathFor(id);
        if (!QFile::remove(path)) {
            qCWarning(lcLibraryCare) << "a blank story could not be removed:" << id;
            continue;
        }
        m_saved.remove(path);
        dropped.append(id);
        m_records.erase(std::remove_if(m_records.begin(), m_records.end(), [&id](const StoryRecord& r) { return r.id == id; }),
                        m_records.end());
    }
    if (!dropped.isEmpty())
        numberTitles();
    return dropped;
}

} // namespace Storybook::Story
