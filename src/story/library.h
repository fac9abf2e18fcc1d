#pragma once

#include "story.h"
#include "storyfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class QSettings;

namespace Storybook::Story {

// One line of the library listing; filled from a small index cache, so listing 10,000 stories
// reads no story file that has not changed.
struct StoryRecord
{
    QString id;
    QString fileName; // inside the library folder
    QString title;      // as stored in the story
    QString shownTitle; // title, made unique in the library: "The Moon Lantern (2)" (see numberTitles)
    QString language;
    QDateTime created;
    QDateTime modified;
    int pages = 0;
    bool finished = false;
    // No page has any text or picture: what a first page that failed before its first word leaves.
    bool blank = false;
    QString coverEntry; // the asset entry of the story's first picture (along the reading path), or empty
    bool readable = true;
    QString problem; // why the file cannot be read (translated); the file itself is left alone
    QString searchText; // lower-case title + text, for full-text search
};

// The folder of *.storybook files: atomic saves, a trash with undo, unreadable files listed (never
// overwritten or deleted), fast listing and search. Knows nothing about networks.
class Library final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Story::Library)

public:
    static constexpr auto Suffix = ".storybook";

    explicit Library(QString folder);

    // <data location>/Stories, or STORYBOOK_LIBRARY when set.
    [[nodiscard]] static QString defaultFolder();
    [[nodiscard]] const QString& folder() const { return m_folder; }

    // Copies the bundled sample stories (Chinese and English) into the folder, once: a marker file
    // remembers it, so samples the user deleted do not come back. Returns how many were added.
    // (The CLI and the viewer; the app uses addSampleIfNew.)
    int addSamples();
    // First run of the app: when `settings` has no record of a sample being offered and the library
    // (after reload()) holds no story and no trashed story, copies in the one bundled sample in the
    // interface's language ("zh…" the Chinese one, else the English one) and returns its id. Either
    // way the offer is remembered in `settings` (SampleOfferedKey), so a deleted sample, or an empty
    // library later on, never brings it back.
    static constexpr auto SampleOfferedKey = "library/sampleOffered";
    [[nodiscard]] std::optional<QString> addSampleIfNew(const QString& uiLanguage, QSettings& settings);

    // Scans the folder (using and refreshing the index cache). Returns a translated problem when the
    // folder cannot be created or read.
    QString reload();
    [[nodiscard]] const QList<StoryRecord>& records() const { return m_records; }
    [[nodiscard]] const StoryRecord* record(const QString& id) const;
    // Ids whose title or text contains every word of the query (case-insensitive), newest first.
    [[nodiscard]] QStringList search(const QString& query) const;
    // What search compares, the story text's and the query's: exactly text.toLower(), but ASCII (most
    // of an English story) is lowered directly; Qt's general case mapping costs about 8 ns a
    // character, 4 ms for one very long page on every save.
    [[nodiscard]] static QString lowerForSearch(const QString& text);

    [[nodiscard]] std::optional<Story> load(const QString& id, QString* whyNot) const;
    // Writes atomically (temporary file, then rename): a crash leaves the old file or the new one.
    // Refuses to overwrite a file that is not a story of ours. Returns a translated problem or empty.
    QString save(Story& story);
    // The same in three steps, for a caller that writes the file off the GUI thread (a story with
    // pictures is tens of megabytes): beginSave() checks and stamps the story and gives the path
    // (empty, with `problem` set, when it must not be written); writeFile() writes it from any
    // thread and touches nothing of the library; endSave() records the result. The library itself
    // stays a GUI-thread object.
    [[nodiscard]] QString beginSave(Story& story, QString* problem);
    [[nodiscard]] static QString writeFile(const QString& path, const Story& story);
    QString endSave(const Story& story, const QString& path, const QString& writeProblem);

    // The trash: a folder inside the library (".trash"), so it survives restarts and moves with the
    // library. trash() moves a story there; it stays until restored, deleted forever or the trash is
    // emptied. Each returns a translated problem, or empty on success.
    QString trash(const QString& id);
    QString restore(const QString& id);
    QString deleteForever(const QString& id);
    [[nodiscard]] QStringList trashedIds() const;
    // The trashed stories, read from their files (the trash is small), most recently trashed first;
    // `modified` is when the story went to the trash.
    [[nodiscard]] QList<StoryRecord> trashedRecords() const;
    QString emptyTrash();

    // Removes the files of blank stories (StoryRecord::blank: nothing was ever written on them, a
    // first page that failed before its first word) except `keepId`, the story open now (it may be
    // about to be tried again). Returns the ids removed. Nothing else is in such a file but the idea.
    QStringList dropBlank(const QString& keepId);

    // Copies a .storybook file in (a new id when the id is taken); returns the new id or nullopt.
    std::optional<QString> import(const QString& path, QString* whyNot);
    // Moves an unreadable file to the "Unreadable" subfolder, on the user's request only.
    QString moveAside(const QString& fileName);

    [[nodiscard]] QString filePath(const QString& id) const;

private:
    [[nodiscard]] QString pathFor(const QString& id) const;
    // Reads and parses one story file (with a size limit); nullopt and a translated reason on failure.
    [[nodiscard]] static std::optional<Story> readFile(const QString& path, QString* whyNot,
                                                       StoryFile::Parts parts = StoryFile::Parts::Everything);
    [[nodiscard]] QString trashFolder() const;
    [[nodiscard]] QString indexPath() const;
    void loadIndexCache(QHash<QString, StoryRecord>* cache, QHash<QString, QPair<qint64, qint64>>* stamps) const;
    void saveIndexCache(const QHash<QString, QPair<qint64, qint64>>& stamps) const;
    [[nodiscard]] static StoryRecord recordFor(const Story& story, const QString& fileName);
    void upsert(const StoryRecord& record);
    void sortRecords();
    // Sets every record's shownTitle: the oldest story (by creation, then id) of a title keeps it,
    // the next ones are "Title (2)", "Title (3)"… skipping a number another story is called already.
    // Titles are compared case-insensitively. Only what is shown changes: the stored title (the
    // story's own, in its exports and its file) stays as the story or the user named it.
    void numberTitles();
    void removeRecord(const QString& id);

    QString m_folder;
    QList<StoryRecord> m_records;
    // The files this library saved, as (size, modification time in ms) right after: a file still
    // as it was left is this story's, and is not read and parsed again before the next save.
    QHash<QString, QPair<qint64, qint64>> m_saved;
};

} // namespace Storybook::Story
