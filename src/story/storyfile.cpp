#include "storyfile.h"

#include <memory>

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>

#include <zip.h>

namespace Storybook::Story::StoryFile {

namespace {
Q_LOGGING_CATEGORY(lcStoryFile, "storybook.story.file", QtInfoMsg)

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Story::StoryFile)
};

// zip_discard() frees an archive opened read-only without writing anything.
struct ArchiveCloser
{
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

struct FileCloser
{
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using EntryFile = std::unique_ptr<zip_file_t, FileCloser>;

QString zipErrorText(zip_error_t* error)
{
    return QString::fromUtf8(zip_error_strerror(error));
}

// Reads one entry whole; nullopt (and a reason) when it is too large or damaged (libzip checks the
// CRC when the last byte is read).
std::optional<QByteArray> readEntry(zip_t* archive, zip_uint64_t index, qint64 limit, QString* whyNot)
{
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
        *whyNot = QString::fromUtf8(zip_strerror(archive));
        return std::nullopt;
    }
    if (stat.size > zip_uint64_t(limit)) {
        *whyNot = Tr::tr("an entry is too large (%1 MB)").arg(stat.size / (1024 * 1024));
        return std::nullopt;
    }
    EntryFile file(zip_fopen_index(archive, index, 0));
    if (!file) {
        *whyNot = QString::fromUtf8(zip_strerror(archive));
        return std::nullopt;
    }
    QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
    qsizetype done = 0;
    // Bounded: each read returns at least one byte or ends the loop.
    while (done < bytes.size()) {
        const zip_int64_t got = zip_fread(file.get(), bytes.data() + done, zip_uint64_t(bytes.size() - done));
        if (got <= 0)
            break;
        done += qsizetype(got);
    }
    // One more read reports a checksum error at the end of the data.
    char extra = 0;
    if (done != bytes.size() || zip_fread(file.get(), &extra, 1) != 0) {
        *whyNot = QString::fromUtf8(zip_file_strerror(file.get()));
        return std::nullopt;
    }
    return bytes;
}

std::optional<Story> decodeArchive(zip_t* archive, Parts parts, QString* whyNot)
{
    const auto fail = [whyNot](const QString& reason) -> std::optional<Story> {
        if (whyNot)
            *whyNot = reason;
        return std::nullopt;
    };
    const zip_int64_t json = zip_name_locate(archive, JsonEntry, ZIP_FL_ENC_GUESS);
    if (json < 0)
        return fail(Tr::tr("The story file is a container without a story in it (no %1).").arg(QLatin1String(JsonEntry)));
    QString why;
    const std::optional<QByteArray> jsonBytes = readEntry(archive, zip_uint64_t(json), MaxAssetBytes, &why);
    if (!jsonBytes)
        return fail(Tr::tr("The story inside the file cannot be read: %1").arg(why));
    std::optional<Story> story = Story::fromJsonData(*jsonBytes, whyNot);
    if (!story || parts == Parts::TextOnly)
        return story;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    qint64 total = jsonBytes->size();
    for (zip_int64_t i = 0; i < count; ++i) {
        if (i == json)
            continue;
        const char* rawName = zip_get_name(archive, zip_uint64_t(i), ZIP_FL_ENC_GUESS);
        const QString name = rawName ? QString::fromUtf8(rawName) : QString();
        if (name.endsWith(u'/'))
            continue; // a folder entry, written by some zip tools
        if (!isSafeEntryName(name)) {
            qCWarning(lcStoryFile) << "story" << story->id << ": an entry with an unsafe name is left out";
            continue;
        }
        const std::optional<QByteArray> bytes = readEntry(archive, zip_uint64_t(i), MaxAssetBytes, &why);
        if (!bytes || total + bytes->size() > MaxFileBytes) {
            // A damaged picture loses that picture only.
            qCWarning(lcStoryFile) << "story" << story->id << ": entry" << name << "is left out:" << why;
            continue;
        }
        total += bytes->size();
        story->assets.insert(name, *bytes);
    }
    return story;
}

quint32 littleEndian(const QByteArray& bytes, int at, int size)
{
    quint32 value = 0;
    for (int i = size - 1; i >= 0; --i)
        value = (value << 8) | quint8(bytes.at(at + i));
    return value;
}

// The listing's fast way into a container as this app writes it: the first entry is story.json,
// stored, with its sizes in its local header, so its bytes follow the header at the start of the
// file and the central directory at the end need not be read. nullopt when the file is not laid
// out that way (another tool, an older version's deflated JSON): the caller asks libzip. The
// checksum is not checked here; a full load (libzip) checks it.
std::optional<QByteArray> readJsonFirst(QFile& file)
{
    // A file cut short is no container of ours: its end (the end-of-directory record, written
    // without a comment) must be there, else libzip names the damage.
    constexpr int EndRecordSize = 22;
    if (file.size() < EndRecordSize || !file.seek(file.size() - EndRecordSize)
        || !file.read(EndRecordSize).startsWith("PK\x05\x06") || !file.seek(0))
        return std::nullopt;
    constexpr int HeaderSize = 30;
    const QByteArray header = file.read(HeaderSize);
    if (header.size() != HeaderSize || !header.startsWith("PK\x03\x04"))
        return std::nullopt;
    const quint32 flags = littleEndian(header, 6, 2);
    const quint32 method = littleEndian(header, 8, 2);
    const quint32 compressed = littleEndian(header, 18, 4);
    const quint32 size = littleEndian(header, 22, 4);
    const quint32 nameLength = littleEndian(header, 26, 2);
    const quint32 extraLength = littleEndian(header, 28, 2);
    const QByteArray name(JsonEntry);
    // Encrypted (bit 0) or with its sizes after the data (bit 3): not ours.
    if ((flags & 0x9) != 0 || method != ZIP_CM_STORE || compressed != size || size > quint32(MaxAssetBytes)
        || nameLength != quint32(name.size()))
        return std::nullopt;
    if (file.read(nameLength) != name || !file.seek(HeaderSize + nameLength + extraLength))
        return std::nullopt;
    QByteArray json = file.read(size);
    if (json.size() != qsizetype(size))
        return std::nullopt;
    return json;
}

bool addBuffer(zip_t* archive, const QString& name, const QByteArray& bytes, zip_int32_t method)
{
    zip_source_t* source = zip_source_buffer(archive, bytes.constData(), zip_uint64_t(bytes.size()), 0);
    if (!source)
        return false;
    const zip_int64_t index = zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        return false;
    }
    return zip_set_file_compression(archive, zip_uint64_t(index), method, 0) == 0;
}
} // namespace

bool isContainer(const QByteArray& head)
{
    return head.startsWith("PK\x03\x04");
}

bool isSafeEntryName(const QString& name)
{
    if (name.isEmpty() || name.size() > 200 || name.startsWith(u'/') || name == QLatin1String(JsonEntry))
        return false;
    for (const QChar c : name) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.'
                             || c == u'-' || c == u'_' || c == u'/';
        if (!allowed)
            return false;
    }
    const QStringList parts = name.split(u'/');
    return std::none_of(parts.cbegin(), parts.cend(), [](const QString& part) {
        return part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..");
    });
}

std::optional<Story> decode(const QByteArray& data, Parts parts, QString* whyNot)
{
    if (!isContainer(data))
        return Story::fromJsonData(data, whyNot);
    zip_error_t error;
    zip_error_init(&error);
    // The source only reads `data`, which outlives the archive.
    zip_source_t* source = zip_source_buffer_create(data.constData(), zip_uint64_t(data.size()), 0, &error);
    zip_t* opened = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    if (!opened) {
        if (source)
            zip_source_free(source);
        if (whyNot)
            *whyNot = Tr::tr("The story file is a damaged container: %1").arg(zipErrorText(&error));
        zip_error_fini(&error);
        return std::nullopt;
    }
    zip_error_fini(&error);
    const Archive archive(opened); // owns the source now
    return decodeArchive(archive.get(), parts, whyNot);
}

std::optional<Story> read(const QString& path, Parts parts, QString* whyNot)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (whyNot)
            *whyNot = Tr::tr("“%1” cannot be opened: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const bool container = isContainer(file.peek(4));
    if (file.size() > (container ? MaxFileBytes : MaxJsonFileBytes)) {
        if (whyNot)
            *whyNot = Tr::tr("The file is too large to be a story (%1 MB).").arg(file.size() / (1024 * 1024));
        return std::nullopt;
    }
    if (!container)
        return Story::fromJsonData(file.readAll(), whyNot);
    if (parts == Parts::TextOnly) {
        if (const std::optional<QByteArray> json = readJsonFirst(file)) {
            if (std::optional<Story> story = Story::fromJsonData(*json, nullptr))
                return story;
        }
    }
    file.close(); // libzip reads it: a layout of another tool, a full load, or a problem to name
    // libzip reads the central directory, then only the entries asked for.
    int code = 0;
    zip_t* opened = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!opened) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        if (whyNot)
            *whyNot = Tr::tr("The story file is a damaged container: %1").arg(zipErrorText(&error));
        zip_error_fini(&error);
        return std::nullopt;
    }
    const Archive archive(opened);
    return decodeArchive(archive.get(), parts, whyNot);
}

QByteArray encode(const Story& story, QString* whyNot)
{
    const QByteArray json = story.toJsonData();
    if (story.assets.isEmpty())
        return json;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = target ? zip_open_from_source(target, ZIP_TRUNCATE, &error) : nullptr;
    const auto fail = [&](const QString& reason) {
        if (whyNot)
            *whyNot = reason;
        qCWarning(lcStoryFile) << "story" << story.id << "cannot be written as a container:" << reason;
        zip_error_fini(&error);
        return QByteArray();
    };
    if (!archive) {
        if (target)
            zip_source_free(target);
        return fail(zipErrorText(&error));
    }
    zip_source_keep(target); // kept past zip_close(), to read the bytes written
    // The JSON first (as in an EPUB the mimetype entry) and stored, so a listing reads it with one
    // read from the start of the file (readJsonFirst()); then the assets in a stable order, stored.
    bool ok = addBuffer(archive, QString::fromLatin1(JsonEntry), json, ZIP_CM_STORE);
    QStringList names = story.assets.keys();
    names.sort();
    for (const QString& name : std::as_const(names))
        ok = ok && addBuffer(archive, name, story.assets.value(name), ZIP_CM_STORE);
    if (!ok) {
        const QString reason = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        zip_source_free(target);
        return fail(reason);
    }
    if (zip_close(archive) != 0) {
        const QString reason = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        zip_source_free(target);
        return fail(reason);
    }
    QByteArray bytes;
    if (zip_source_open(target) == 0) {
        zip_source_seek(target, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(target);
        zip_source_seek(target, 0, SEEK_SET);
        if (size > 0) {
            bytes.resize(qsizetype(size));
            if (zip_source_read(target, bytes.data(), zip_uint64_t(size)) != size)
                bytes.clear();
        }
        zip_source_close(target);
    }
    zip_source_free(target);
    zip_error_fini(&error);
    if (bytes.isEmpty() && whyNot)
        *whyNot = Tr::tr("The story's container could not be assembled.");
    return bytes;
}

} // namespace Storybook::Story::StoryFile
