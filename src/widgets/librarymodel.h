#pragma once

#include "library.h"

#include <QAbstractListModel>
#include <QSet>
#include <QSortFilterProxyModel>

#include <functional>
#include <optional>

namespace Storybook::Widgets {

// The stories of a library as a list model, one row per StoryRecord in the library's order (newest
// first): the one model behind the app's sidebar and the viewer's list. It keeps its own copy of
// the records (implicitly shared with the library's until either changes), so it never points into
// a library that may change, or go, between two refreshes.
//
// A model reset happens only when the whole list is replaced: another library (setLibrary()) or the
// whole folder read again (reload()). After the library changed a few stories (save, rename, trash,
// restore, import, move aside), refresh() inserts, removes, moves and changes just those rows.
class LibraryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        FileNameRole,
        TitleRole, // the title as shown: unique in the library ("The Moon Lantern (2)"); also DisplayRole
        CreatedRole,  // QDateTime
        ModifiedRole, // QDateTime
        LanguageRole, // the story's language code ("en", "zh"…)
        PagesRole,    // pages on the reading path
        FinishedRole,
        ReadableRole,
        ProblemRole, // why an unreadable file cannot be read (translated by the library)
        StoredTitleRole, // the story's own title (what a rename starts from)
        BlankRole,       // nothing was written on the story (a first page that failed before its first word)
        CoverEntryRole,  // the asset entry of the story's first picture, or empty
    };
    Q_ENUM(Role)

    // More changed rows than this in one refresh() are shown with a reset instead (cheaper for the
    // views than hundreds of moves, and it only happens when nearly everything changed).
    static constexpr int MaxSingleChanges = 256;

    explicit LibraryModel(Story::Library* library, QObject* parent = nullptr);
    ~LibraryModel() override;

    // Another library, or none: the whole list is replaced. The library is not reloaded.
    void setLibrary(Story::Library* library);
    [[nodiscard]] Story::Library* library() const { return m_library; }

    // Reads the whole folder again (Library::reload()) and replaces the list; the library's problem or empty.
    QString reload();
    // Brings the rows in line with the library's records after a change to a few stories, without a reset.
    void refresh();

    [[nodiscard]] int rowOf(const QString& id) const;
    [[nodiscard]] const Story::StoryRecord& recordAt(int row) const { return m_records.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    void replaceAll();

    Story::Library* m_library;
    QList<Story::StoryRecord> m_records;
};

// One view's search and order over a LibraryModel. The search is the library's own
// (Library::search(): every word, in the title or the text, readable stories only), so a keystroke
// filters rows in and out of the view and never rebuilds the list. A view can present the rows its
// own way (its text, colours, tool tips) with a presenter.
class LibraryFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryFilterModel)

public:
    enum class Order
    {
        Newest, // the library's order
        Title,  // by title, as the locale sorts, newest first among equal titles
    };
    // Returns the value of `role` for a row of the source model, or an invalid QVariant for the
    // source model's own.
    using Presenter = std::function<QVariant(const QModelIndex& sourceIndex, int role)>;

    explicit LibraryFilterModel(LibraryModel* source, QObject* parent = nullptr);
    ~LibraryFilterModel() override;

    void setQuery(const QString& query);
    [[nodiscard]] const QString& query() const { return m_query; }
    void setOrder(Order order);
    // Hides blank stories (StoryRecord::blank: a first page that failed before its first word),
    // except `exceptId` (the story open now, which may be tried again).
    void setHideBlank(bool hide, const QString& exceptId = {});
    void setPresenter(Presenter presenter) { m_presenter = std::move(presenter); }

    [[nodiscard]] LibraryModel* libraryModel() const { return m_source; }
    // The row of the story in this view, or an invalid index when it is not shown.
    [[nodiscard]] QModelIndex indexOf(const QString& id) const;
    [[nodiscard]] static QString idAt(const QModelIndex& index);
    [[nodiscard]] static bool readableAt(const QModelIndex& index);

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void forgetMatches() { m_matches.reset(); }

    LibraryModel* m_source;
    QString m_query;
    bool m_hideBlank = false;
    QString m_blankShown;
    Presenter m_presenter;
    // The ids the library's search found for m_query; made again when asked after the rows changed.
    mutable std::optional<QSet<QString>> m_matches;
};

} // namespace Storybook::Widgets
