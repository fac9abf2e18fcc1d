#pragma once

#include <QCache>
#include <QColor>
#include <QFutureWatcher>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

namespace Storybook::Widgets {

// The covers of the library list: a story's first picture, cut to a square, or, for a story without
// one, its initial on a colour of its own.
//
// A picture is read from the story file and decoded on the covers' own thread (one: covers are
// the least urgent pictures, and the page's decodes keep the other cores), never on the GUI thread;
// until it is ready the initial stands in, and coverReady(id) says when to ask again. Decoded
// covers are kept within a memory bound; a picture that cannot be read keeps the initial.
// Lives on the GUI thread; destroying it while a read runs is safe (the worker holds only copies
// and reports into its future; the watchers go with this object).
class LibraryCovers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryCovers)

public:
    static constexpr qint64 MemoryLimit = 8 * 1024 * 1024;

    explicit LibraryCovers(QObject* parent = nullptr);
    ~LibraryCovers() override;

    // The cover of story `storyId`, `side` device pixels square. `path` is the story file and
    // `entry` its first picture's asset entry (empty: no picture, the initial of `title`).
    [[nodiscard]] QImage cover(const QString& storyId, const QString& path, const QString& entry, const QString& title,
                               int side);

    // The initial of `title` (its first letter, upper case) in white on colourFor(title).
    [[nodiscard]] static QImage initial(const QString& title, int side);
    // A colour of the title's own (the same on every run and machine), dark enough for white text
    // to read on it (contrast at least 4.5:1), so it reads in the light and the dark palette alike.
    [[nodiscard]] static QColor colourFor(const QString& title);
    // The WCAG contrast ratio of two colours (1 to 21).
    [[nodiscard]] static double contrast(const QColor& a, const QColor& b);

    [[nodiscard]] int readsStarted() const { return m_readsStarted; }
    [[nodiscard]] int readsPending() const { return int(m_pending.size()); }

Q_SIGNALS:
    void coverReady(const QString& storyId);

private:
    void finished(const QString& key, const QString& storyId, QFutureWatcher<QImage>* watcher);

    QThreadPool m_pool;
    QCache<QString, QImage> m_covers; // by story id + entry + side; cost in KiB
    QSet<QString> m_broken;
    QHash<QString, QFutureWatcher<QImage>*> m_pending;
    int m_readsStarted = 0;
};

} // namespace Storybook::Widgets
