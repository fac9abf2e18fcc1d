#pragma once

#include "story.h"
#include "storyfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Storybook::Story {

// One line of the library listing; filled from a small index cache, so listing 10,000 stories
// reads no story file that has not changed.
struct StoryRecord
{
    QString id;
    QString fileName; // inside the library folder
    QString title;
    QString language;
    QDateTime created;
    QDateTime modified;
    int pages = 0;
    bool finished = false;
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
    int addSamples();

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

    // Moves the story to the trash folder; undoable until the trash is emptied.
    QString trash(const QString& id);
    QString restore(const QString& id);
    [[nodiscard]] QStringList trashedIds() const;
    QString emptyTrash();

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

    QString m_folder;
    QList<StoryRecord> m_records;
    // The files this library saved, as (size, modification time in ms) right after: a file still
    // as it was left is this story's, and is not read and parsed again before the next save.
    QHash<QString, QPair<qint64, qint64>> m_saved;
};

} // namespace Storybook::Story
