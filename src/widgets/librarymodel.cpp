#include "librarymodel.h"

#include <QHash>

namespace Storybook::Widgets {

namespace {

bool sameText(const QString& a, const QString& b)
{
    return a.constData() == b.constData() || a == b; // shared copies first: the usual case, and free
}

// Whether a row shows (and filters) the same: everything a role or the search reads.
bool sameRow(const Story::StoryRecord& a, const Story::StoryRecord& b)
{
    return a.id == b.id && a.fileName == b.fileName && a.title == b.title && a.shownTitle == b.shownTitle
           && a.blank == b.blank && a.coverEntry == b.coverEntry && a.language == b.language
           && a.created == b.created && a.modified == b.modified && a.pages == b.pages && a.finished == b.finished
           && a.readable == b.readable && a.problem == b.problem && sameText(a.searchText, b.searchText);
}

} // namespace

LibraryModel::LibraryModel(Story::Library* library, QObject* parent)
    : QAbstractListModel(parent)
    , m_library(library)
{
    if (m_library)
        m_records = m_library->records();
}

LibraryModel::~LibraryModel() = default;

void LibraryModel::setLibrary(Story::Library* library)
{
    m_library = library;
    replaceAll();
}

QString LibraryModel::reload()
{
    if (!m_library)
        return {};
    beginResetModel();
    const QString problem = m_library->reload();
    m_records = m_library->records();
    endResetModel();
    return problem;
}

void LibraryModel::replaceAll()
{
    beginResetModel();
    m_records = m_library ? m_library->records() : QList<Story::StoryRecord>();
    endResetModel();
}

void LibraryModel::refresh()
{
    if (!m_library) {
        if (!m_records.isEmpty())
            replaceAll();
        return;
    }
    const QList<Story::StoryRecord>& target = m_library->records();
    QSet<QString> targetIds;
    targetIds.reserve(target.size());
    for (const Story::StoryRecord& record : target)
        targetIds.insert(record.id);
    if (targetIds.size() != target.size()) {
        replaceAll(); // two rows with one id: no row can be told apart to be moved or changed
        return;
    }

    int changes = 0;
    // Rows whose story is gone, a run at a time from the end.
    for (qsizetype row = m_records.size() - 1; row >= 0;) {
        if (targetIds.contains(m_records.at(row).id)) {
            --row;
            continue;
        }
        qsizetype first = row;
        while (first > 0 && !targetIds.contains(m_records.at(first - 1).id))
            --first;
        if (++changes > MaxSingleChanges) {
            replaceAll();
            return;
        }
        beginRemoveRows({}, int(first), int(row));
        m_records.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    // What is left is in the library; rows move to their place, new ones come in, changed ones change.
    for (qsizetype row = 0; row < target.size(); ++row) {
        const Story::StoryRecord& wanted = target.at(row);
        if (row >= m_records.size() || m_records.at(row).id != wanted.id) {
            if (++changes > MaxSingleChanges) {
                replaceAll();
                return;
            }
            qsizetype from = -1;
            for (qsizetype i = row + 1; i < m_records.size(); ++i) {
                if (m_records.at(i).id == wanted.id) {
                    from = i;
                    break;
                }
            }
            if (from < 0) {
                beginInsertRows({}, int(row), int(row));
                m_records.insert(row, wanted);
                endInsertRows();
                continue;
            }
            beginMoveRows({}, int(from), int(from), {}, int(row));
            m_records.move(from, row);
            endMoveRows();
        }
        if (!sameRow(m_records.at(row), wanted)) {
            if (++changes > MaxSingleChanges) {
                replaceAll();
                return;
            }
            m_records[row] = wanted;
            const QModelIndex changed = index(int(row));
            Q_EMIT dataChanged(changed, changed);
        }
    }
    Q_ASSERT(m_records.size() == target.size());
    m_records = target; // the same rows, now sharing the library's copy
}

int LibraryModel::rowOf(const QString& id) const
{
    for (qsizetype row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).id == id)
            return int(row);
    }
    return -1;
}

int LibraryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

QVariant LibraryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Story::StoryRecord& record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return record.shownTitle.isEmpty() ? record.title : record.shownTitle;
    case StoredTitleRole:
        return record.title;
    case Qt::ToolTipRole:
        return record.readable ? data(index, TitleRole) : record.problem;
    case BlankRole:
        return record.blank;
    case CoverEntryRole:
        return record.coverEntry;
    case IdRole:
        return record.id;
    case FileNameRole:
        return record.fileName;
    case CreatedRole:
        return record.created;
    case ModifiedRole:
        return record.modified;
    case LanguageRole:
        return record.language;
    case PagesRole:
        return record.pages;
    case FinishedRole:
        return record.finished;
    case ReadableRole:
        return record.readable;
    case ProblemRole:
        return record.problem;
    default:
        return {};
    }
}

QHash<int, QByteArray> LibraryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {FileNameRole, "fileName"},
                  {TitleRole, "title"},
                  {CreatedRole, "created"},
                  {ModifiedRole, "modified"},
                  {LanguageRole, "language"},
                  {PagesRole, "pages"},
                  {FinishedRole, "finished"},
                  {ReadableRole, "readable"},
                  {ProblemRole, "problem"},
                  {StoredTitleRole, "storedTitle"},
                  {BlankRole, "blank"},
                  {CoverEntryRole, "coverEntry"}});
    return names;
}

LibraryFilterModel::LibraryFilterModel(LibraryModel* source, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    // Connected before the proxy's own handlers (setSourceModel below), so the search is made again
    // before the proxy filters changed rows.
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, &LibraryFilterModel::forgetMatches);
    connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this, &LibraryFilterModel::forgetMatches);
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, &LibraryFilterModel::forgetMatches);
    connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, &LibraryFilterModel::forgetMatches);
    connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this, &LibraryFilterModel::forgetMatches);
    connect(source, &QAbstractItemModel::dataChanged, this, &LibraryFilterModel::forgetMatches);
    setSourceModel(source);
    setSortRole(LibraryModel::TitleRole);
    setSortLocaleAware(true);
}

LibraryFilterModel::~LibraryFilterModel() = default;

void LibraryFilterModel::setQuery(const QString& query)
{
    const QString trimmed = query.trimmed();
    if (trimmed == m_query)
        return;
    m_query = trimmed;
    m_matches.reset();
    invalidateFilter();
}

void LibraryFilterModel::setHideBlank(bool hide, const QString& exceptId)
{
    if (hide == m_hideBlank && exceptId == m_blankShown)
        return;
    m_hideBlank = hide;
    m_blankShown = exceptId;
    invalidateFilter();
}

void LibraryFilterModel::setOrder(Order order)
{
    sort(order == Order::Title ? 0 : -1);
}

QModelIndex LibraryFilterModel::indexOf(const QString& id) const
{
    if (id.isEmpty())
        return {};
    const int row = m_source->rowOf(id);
    return row < 0 ? QModelIndex() : mapFromSource(m_source->index(row));
}

QString LibraryFilterModel::idAt(const QModelIndex& index)
{
    return index.data(LibraryModel::IdRole).toString();
}

bool LibraryFilterModel::readableAt(const QModelIndex& index)
{
    return index.data(LibraryModel::ReadableRole).toBool();
}

QVariant LibraryFilterModel::data(const QModelIndex& index, int role) const
{
    if (m_presenter && index.isValid()) {
        if (QVariant shown = m_presenter(mapToSource(index), role); shown.isValid())
            return shown;
    }
    return QSortFilterProxyModel::data(index, role);
}

bool LibraryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_hideBlank) {
        const Story::StoryRecord& record = m_source->recordAt(sourceRow);
        if (record.blank && record.readable && record.id != m_blankShown)
            return false;
    }
    if (m_query.isEmpty())
        return true;
    if (!m_matches) {
        const QStringList ids = m_source->library() ? m_source->library()->search(m_query) : QStringList();
        m_matches = QSet<QString>(ids.cbegin(), ids.cend());
    }
    const Story::StoryRecord& record = m_source->recordAt(sourceRow);
    return record.readable && m_matches->contains(record.id);
}

} // namespace Storybook::Widgets
