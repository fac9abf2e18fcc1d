#include "library.h"

#include "atomicfile.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QStandardPaths>
#include <QThreadPool>
#include <QUnhandledException>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <exception>
#include <vector>

#ifdef Q_OS_UNIX
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#endif

namespace Storybook::Story {

namespace {
Q_LOGGING_CATEGORY(lcLibrary, "storybook.story.library", QtInfoMsg)

constexpr quint32 IndexMagic = 0x53424958; // "SBIX"
constexpr quint32 IndexVersion = 2; // 2: blank and coverEntry
const auto TrashName = QStringLiteral(".trash");
const auto UnreadableName = QStringLiteral("Unreadable");

QDataStream& operator<<(QDataStream& out, const StoryRecord& r)
{
    return out << r.id << r.fileName << r.title << r.language << r.created << r.modified << qint32(r.pages)
               << r.finished << r.blank << r.coverEntry << r.searchText;
}

QDataStream& operator>>(QDataStream& in, StoryRecord& r)
{
    qint32 pages = 0;
    in >> r.id >> r.fileName >> r.title >> r.language >> r.created >> r.modified >> pages >> r.finished >> r.blank
        >> r.coverEntry >> r.searchText;
    r.pages = pages;
    return in;
}

QPair<qint64, qint64> stampOf(const QFileInfo& info)
{
    return {info.size(), info.lastModified().toMSecsSinceEpoch()};
}

// Calls work(item) for every item of `items`, on the threads of Qt's global pool (Qt Concurrent
// spreads them over the machine's cores), and returns when all are done. Each call touches only its
// own item. Small counts stay on this thread (starting threads costs more than the work).
//
// An exception a call throws is passed on, once all running calls are done: the first one thrown,
// as it was thrown. (Qt Concurrent passes on a QException subclass as its clone() and wraps anything
// else in a QUnhandledException, which is unwrapped here; once one call threw, the calls not started
// yet are not made.)
//
// Unlike the hand-written pool this replaces, nothing here falls back to this thread when no thread
// can be started: Qt 6.4's QThreadPool only warns ("QThread::start: Thread creation error") and waits
// for a thread that never runs. A process that cannot start a thread is out of resources anyway.
template<typename Items, typename Work>
void forEachInParallel(Items& items, const Work& work)
{
    constexpr qsizetype MinPerThread = 32;
    if (qsizetype(items.size()) < 2 * MinPerThread || QThreadPool::globalInstance()->maxThreadCount() < 2) {
        for (auto& item : items)
            work(item);
        return;
    }
    try {
        QtConcurrent::blockingMap(QThreadPool::globalInstance(), items, work);
    } catch (const QUnhandledException& wrapped) {
        if (const std::exception_ptr original = wrapped.exception())
            std::rethrow_exception(original);
        throw;
    }
}

#ifdef Q_OS_UNIX
// The story files in `folder` whose names are not valid UTF-8: QDir does not list them at all (a
// QString cannot hold their bytes, so nothing could open them). Each comes with its name as shown,
// the bytes that are not UTF-8 written \xNN, and its modification time.
QList<QPair<QString, QDateTime>> undecodableStoryFiles(const QString& folder)
{
    QList<QPair<QString, QDateTime>> found;
    const QByteArray path = QFile::encodeName(folder);
    DIR* dir = ::opendir(path.constData());
    if (!dir)
        return found;
    constexpr int MaxEntries = 1000000; // bounded, whatever the folder holds
    int seen = 0;
    while (const dirent* entry = ::readdir(dir)) {
        if (++seen > MaxEntries)
            break;
        const QByteArray name(entry->d_name);
        if (!name.endsWith(".storybook") || QFile::encodeName(QFile::decodeName(name)) == name)
            continue;
        struct stat st {};
        if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        QString shown;
        for (qsizetype i = 0; i < name.size();) {
            // The longest valid UTF-8 sequence here is kept as text; a byte that starts none is escaped.
            qsizetype length = 1;
            const uchar lead = uchar(name.at(i));
            if (lead >= 0xc2 && lead <= 0xf4)
                length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
            const QByteArray piece = name.mid(i, length);
            if (lead < 0x80 || (piece.size() == length && QFile::encodeName(QString::fromUtf8(piece)) == piece)) {
                shown += QString::fromUtf8(piece);
                i += length;
            } else {
                shown += QStringLiteral("\\x") + QStringLiteral("%1").arg(uint(lead), 2, 16, QLatin1Char('0')).toUpper();
                ++i;
            }
        }
        found.append({shown, QDateTime::fromSecsSinceEpoch(st.st_mtim.tv_sec)});
    }
    ::closedir(dir);
    return found;
}
#endif

QString uniquePath(const QString& folder, const QString& fileName)
{
    QString candidate = folder + u'/' + fileName;
    for (int i = 2; QFileInfo::exists(candidate) && i < 10000; ++i)
        candidate = folder + u'/' + QFileInfo(fileName).completeBaseName() + u'-' + QString::number(i) + u'.'
                    + QFileInfo(fileName).suffix();
    return candidate;
}
} // namespace

Library::Library(QString folder)
    : m_folder(QDir::cleanPath(std::move(folder)))
{
}

QString Library::defaultFolder()
{
    const QString fromEnvironment = qEnvironmentVariable("STORYBOOK_LIBRARY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/Stories");
}

QString Library::filePath(const QString& id) const
{
    return m_folder + u'/' + id + QLatin1String(Suffix);
}

QString Library::pathFor(const QString& id) const
{
    // A listed story may live in a file not named after its id (copied in by hand, a sample folder).
    // An unreadable file is listed under its file name: that is where it is read from, to say why.
    const StoryRecord* known = record(id);
    return known ? m_folder + u'/' + known->fileName : filePath(id);
}

QString Library::trashFolder() const
{
    return m_folder + u'/' + TrashName;
}

QString Library::indexPath() const
{
    // The index lives in the cache folder, not in the library, so folder-sync tools never see it.
    const QByteArray key = QCryptographicHash::hash(QDir(m_folder).absolutePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/library-index-")
           + QString::fromLatin1(key) + QStringLiteral(".bin");
}

void Library::loadIndexCache(QHash<QString, StoryRecord>* cache, QHash<QString, QPair<qint64, qint64>>* stamps) const
{
    QFile file(indexPath());
    if (!file.open(QIODevice::ReadOnly))
        return;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    in >> magic >> version;
    if (magic != IndexMagic || version != IndexVersion)
        return;
    qint32 count = 0;
    in >> count;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        StoryRecord record;
        QPair<qint64, qint64> stamp;
        in >> record >> stamp.first >> stamp.second;
        if (in.status() != QDataStream::Ok)
            break;
        stamps->insert(record.fileName, stamp);
        cache->insert(record.fileName, record);
    }
    if (in.status() != QDataStream::Ok) {
        cache->clear(); // a damaged cache is simply rebuilt
        stamps->clear();
    }
}

void Library::saveIndexCache(const QHash<QString, QPair<qint64, qint64>>& stamps) const
{
    QDir().mkpath(QFileInfo(indexPath()).absolutePath());
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    qint32 count = 0;
    for (const StoryRecord& record : m_records)
        count += record.readable ? 1 : 0;
    out << IndexMagic << IndexVersion << count;
    for (const StoryRecord& record : m_records) {
        if (!record.readable)
            continue;
        const auto stamp = stamps.value(record.fileName);
        out << record << stamp.first << stamp.second;
    }
    if (const QString why = AtomicFile::write(indexPath(), bytes); !why.isEmpty())
        qCWarning(lcLibrary) << "cannot write the library index" << why;
}

StoryRecord Library::recordFor(const Story& story, const QString& fileName)
{
    StoryRecord record;
    record.id = story.id;
    record.fileName = fileName;
    record.title = story.title.isEmpty() ? story.settings.idea.left(60) : story.title;
    record.language = story.settings.language;
    record.created = story.created;
    record.modified = story.modified;
    record.pages = int(story.pathPages().size());
    record.finished = story.isFinished();
    const QList<const Page*> path = story.pathPages();
    record.blank = std::all_of(story.pages.cbegin(), story.pages.cend(), [](const Page& page) {
        return page.text.trimmed().isEmpty() && !page.picture && page.previousVersions.isEmpty();
    });
    for (const Page* page : path) {
        if (page->picture) {
            record.coverEntry = page->picture->entry;
            break;
        }
    }
    record.searchText = lowerForSearch(story.plainText());
    return record;
}

QString Library::reload()
{
    if (!QDir().mkpath(m_folder))
        return tr("The library folder “%1” cannot be created.").arg(m_folder);
    QDir dir(m_folder);
    if (!dir.isReadable())
        return tr("The library folder “%1” cannot be read.").arg(m_folder);

    QHash<QString, StoryRecord> cache;
    QHash<QString, QPair<qint64, qint64>> stamps;
    loadIndexCache(&cache, &stamps);

    m_records.clear();
    QHash<QString, QPair<qint64, qint64>> newStamps;
    QSet<QString> seenIds;
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("*") + QLatin1String(Suffix)}, QDir::Files, QDir::Name);

    // The files the index does not know as they are now are read and parsed on every core with Qt
    // Concurrent (a first listing of thousands of stories is mostly parsing); the results are then
    // taken in folder order, as one pass would, with everything the index knows.
    // (The workers touch only their own Parsed: even a const QFileInfo fills caches when asked.)
    struct Parsed
    {
        qsizetype file = 0;
        QString path;
        QString fileName;
        std::optional<StoryRecord> record;
        QString why;
    };
    std::vector<Parsed> parsed;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QFileInfo& info = files.at(i);
        if (stamps.value(info.fileName(), {-1, -1}) != stampOf(info))
            parsed.push_back({i, info.filePath(), info.fileName(), std::nullopt, QString()});
    }
    forEachInParallel(parsed, [](Parsed& result) {
        if (const std::optional<Story> story = readFile(result.path, &result.why, StoryFile::Parts::TextOnly))
            result.record = recordFor(*story, result.fileName);
    });
    const bool changed = !parsed.empty();

    auto nextParsed = parsed.begin();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QFileInfo& info = files.at(i);
        const QString fileName = info.fileName();
        StoryRecord record;
        if (nextParsed == parsed.end() || nextParsed->file != i) {
            record = cache.value(fileName);
        } else {
            Parsed& result = *nextParsed++;
            if (!result.record) {
                record.id = fileName;
                record.fileName = fileName;
                record.title = info.completeBaseName();
                record.modified = info.lastModified();
                record.readable = false;
                record.problem = result.why;
                m_records.append(record);
                continue;
            }
            record = std::move(*result.record);
        }
        if (seenIds.contains(record.id)) {
            // Two files claim one id (a sync tool's conflicted copy): list the second one apart.
            record.readable = false;
            record.problem = tr("Another file already holds the story with this id.");
            record.id = fileName;
            m_records.append(record);
            continue;
        }
        seenIds.insert(record.id);
        newStamps.insert(fileName, stampOf(info));
        m_records.append(record);
    }
#ifdef Q_OS_UNIX
    for (const auto& [shown, modified] : undecodableStoryFiles(m_folder)) {
        StoryRecord record;
        record.id = shown;
        record.fileName = shown;
        record.title = shown.chopped(int(qstrlen(Suffix)));
        record.modified = modified;
        record.readable = false;
        record.problem = tr("The file name is not valid UTF-8, so the file cannot be opened. Rename it to read the story.");
        m_records.append(record);
    }
#endif
    if (changed || newStamps.size() != stamps.size())
        saveIndexCache(newStamps);
    sortRecords();
    numberTitles();
    return {};
}

void Library::sortRecords()
{
    std::stable_sort(m_records.begin(), m_records.end(),
                     [](const StoryRecord& a, const StoryRecord& b) { return a.modified > b.modified; });
}

void Library::numberTitles()
{
    // Oldest first, so a story's number does not depend on the order the list is shown in.
    std::vector<qsizetype> order(size_t(m_records.size()));
    for (qsizetype i = 0; i < m_records.size(); ++i)
        order[size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(), [this](qsizetype a, qsizetype b) {
        const StoryRecord& x = m_records.at(a);
        const StoryRecord& y = m_records.at(b);
        return x.created != y.created ? x.created < y.created : x.id < y.id;
    });
    QSet<QString> taken;
    taken.reserve(m_records.size());
    for (const StoryRecord& record : std::as_const(m_records))
        taken.insert(record.title.toCaseFolded());
    QHash<QString, int> lastNumber; // by folded title: 1 once the oldest story of the title was met
    for (const qsizetype i : order) {
        StoryRecord& record = m_records[i];
        const QString key = record.title.toCaseFolded();
        int& number = lastNumber[key];
        if (number == 0) {
            number = 1;
            record.shownTitle = record.title;
            continue;
        }
        QString candidate;
        // Bounded: each turn skips a title another story has, and there are only so many.
        for (int guard = 0; guard <= m_records.size() + 1; ++guard) {
            ++number;
            candidate = tr("%1 (%2)", "a second story of the same title: The Moon Lantern (2)").arg(record.title).arg(number);
            if (!taken.contains(candidate.toCaseFolded()))
                break;
        }
        taken.insert(candidate.toCaseFolded());
        record.shownTitle = candidate;
    }
}

void Library::removeRecord(const QString& id)
{
    m_records.erase(std::remove_if(m_records.begin(), m_records.end(), [&id](const StoryRecord& r) { return r.id == id; }),
                    m_records.end());
    numberTitles();
}

QString Library::lowerForSearch(const QString& text)
{
    const qsizetype size = text.size();
    const auto* in = reinterpret_cast<const char16_t*>(text.constData());
    QString lower(size, Qt::Uninitialized);
    char16_t* out = reinterpret_cast<char16_t*>(lower.data());
    for (qsizetype i = 0; i < size;) {
        if (const char16_t c = in[i]; c < 0x80) {
            out[i++] = c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c;
            continue;
        }
        // A run of everything else (never splits a surrogate pair) goes through Qt's case mapping.
        // Qt's own, on the whole text, where the run's result could depend on what is around it: a
        // lone surrogate (kept or replaced depending on where the first change is) or a mapping
        // that changes the length (U+0130 İ).
        qsizetype end = i;
        while (end < size && in[end] >= 0x80) {
            if (QChar::isHighSurrogate(in[end]) && end + 1 < size && QChar::isLowSurrogate(in[end + 1]))
                end += 2;
            else if (QChar::isSurrogate(in[end]))
                return text.toLower();
            else
                ++end;
        }
        const QString run = QString::fromRawData(text.constData() + i, end - i).toLower();
        if (run.size() != end - i)
            return text.toLower();
        std::copy_n(reinterpret_cast<const char16_t*>(run.constData()), run.size(), out + i);
        i = end;
    }
    return lower;
}

const StoryRecord* Library::record(const QString& id) const
{
    const auto it = std::find_if(m_records.cbegin(), m_records.cend(), [&id](const StoryRecord& r) { return r.id == id; });
    return it == m_records.cend() ? nullptr : &*it;
}

QStringList Library::search(const QString& query) const
{
    const QStringList words = lowerForSearch(query).split(u' ', Qt::SkipEmptyParts);
    QStringList ids;
    for (const StoryRecord& record : m_records) {
        if (!record.readable)
            continue;
        const bool all = std::all_of(words.cbegin(), words.cend(),
                                     [&record](const QString& word) { return record.searchText.contains(word); });
        if (all)
            ids.append(record.id);
    }
    return ids;
}

std::optional<Story> Library::readFile(const QString& path, QString* whyNot, StoryFile::Parts parts)
{
    return StoryFile::read(path, parts, whyNot);
}

std::optional<Story> Library::load(const QString& id, QString* whyNot) const
{
    return readFile(pathFor(id), whyNot);
}

QString Library::save(Story& story)
{
    QString problem;
    const QString path = beginSave(story, &problem);
    if (path.isEmpty())
        return problem;
    return endSave(story, path, writeFile(path, story));
}

QString Library::beginSave(Story& story, QString* problem)
{
    if (!QDir().mkpath(m_folder)) {
        *problem = tr("The library folder “%1” cannot be created.").arg(m_folder);
        return {};
    }
    if (story.id.isEmpty())
        story.id = Story::newId();
    const QString path = pathFor(story.id);
    if (const QFileInfo info(path); info.exists() && m_saved.value(path, {-1, -1}) != stampOf(info)) {
        // Never overwrite something that is not one of our stories (or belongs to another story).
        QString why;
        const std::optional<Story> old = readFile(path, &why, StoryFile::Parts::TextOnly);
        if (!old || old->id != story.id) {
            *problem = tr("“%1” exists and is not this story; it was left untouched.").arg(path);
            return {};
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!story.created.isValid())
        story.created = now;
    story.modified = now;
    return path;
}

QString Library::writeFile(const QString& path, const Story& story)
{
    return AtomicFile::write(path, story.toFileData());
}

QString Library::endSave(const Story& story, const QString& path, const QString& writeProblem)
{
    if (!writeProblem.isEmpty()) {
        m_saved.remove(path);
        return tr("The story cannot be saved to “%1”: %2").arg(path, writeProblem);
    }
    const QFileInfo saved(path);
    m_saved.insert(path, stampOf(saved));
    upsert(recordFor(story, saved.fileName()));
    return {};
}

void Library::upsert(const StoryRecord& record)
{
    const auto it = std::find_if(m_records.begin(), m_records.end(), [&record](const StoryRecord& r) { return r.id == record.id; });
    // The shown titles change only when a title does (or a story comes in): a save of the open story,
    // every second while a page streams, does not go over the whole library.
    bool renumber = true;
    if (it != m_records.end()) {
        renumber = it->title != record.title || it->created != record.created;
        const QString shown = it->shownTitle;
        *it = record;
        it->shownTitle = shown;
    } else {
        m_records.append(record);
    }
    sortRecords();
    if (renumber)
        numberTitles();
}

std::optional<QString> Library::import(const QString& path, QString* whyNot)
{
    std::optional<Story> story = readFile(path, whyNot);
    if (!story)
        return std::nullopt;
    if (QFileInfo::exists(filePath(story->id)))
        story->id = Story::newId();
    if (const QString problem = save(*story); !problem.isEmpty()) {
        if (whyNot)
            *whyNot = problem;
        return std::nullopt;
    }
    return story->id;
}

QString Library::moveAside(const QString& fileName)
{
    const QString from = m_folder + u'/' + fileName;
    QDir().mkpath(m_folder + u'/' + UnreadableName);
    const QString to = uniquePath(m_folder + u'/' + UnreadableName, fileName);
    if (!QFile::rename(from, to))
        return tr("“%1” cannot be moved aside.").arg(fileName);
    m_records.erase(std::remove_if(m_records.begin(), m_records.end(),
                                   [&fileName](const StoryRecord& r) { return r.fileName == fileName && !r.readable; }),
                    m_records.end());
    numberTitles();
    return {};
}

} // namespace Storybook::Story
