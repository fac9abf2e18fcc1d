#include "librarysidebar.h"

#include "librarymodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QVBoxLayout>

namespace Storybook::App {

using Widgets::LibraryFilterModel;
using Widgets::LibraryModel;

LibrarySidebar::LibrarySidebar(Story::Library* library, QWidget* parent)
    : QWidget(parent)
{
    m_model = new LibraryModel(library, this);
    m_filter = new LibraryFilterModel(m_model, this);
    m_filter->setPresenter([this](const QModelIndex& index, int role) { return present(index, role); });

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search stories…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search stories"));
    m_sort = new QComboBox(this);
    m_sort->addItem(tr("Newest first"));
    m_sort->addItem(tr("By title"));
    m_sort->setAccessibleName(tr("Sort stories"));
    m_list = new QListView(this);
    m_list->setAccessibleName(tr("Stories"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setModel(m_filter);
    auto* import = new QPushButton(tr("Import…"), this);

    auto* title = new QLabel(tr("My stories"), this);
    QFont heading = title->font();
    heading.setBold(true);
    title->setFont(heading);

    auto* top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(m_sort);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(import);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        const QScopedValueRollback adjusting(m_adjusting, true);
        m_filter->setQuery(text);
        keepSelection();
    });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QScopedValueRollback adjusting(m_adjusting, true);
        m_filter->setOrder(index == 1 ? LibraryFilterModel::Order::Title : LibraryFilterModel::Order::Newest);
        keepSelection();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        if (!m_adjusting && current.isValid())
            m_selectedId = LibraryFilterModel::idAt(current);
    });
    connect(m_list, &QListView::activated, this, &LibrarySidebar::openIfReadable);
    connect(m_list, &QListView::clicked, this, &LibrarySidebar::openIfReadable);
    connect(m_list, &QListView::customContextMenuRequested, this, &LibrarySidebar::showMenu);
    connect(import, &QPushButton::clicked, this, &LibrarySidebar::importRequested);
}

LibrarySidebar::~LibrarySidebar()
{
    m_filter->setPresenter({}); // the filter, a child, outlives this part of the sidebar
}

QVariant LibrarySidebar::present(const QModelIndex& index, int role) const
{
    const bool readable = index.data(LibraryModel::ReadableRole).toBool();
    if (role == Qt::ForegroundRole && !readable)
        return palette().brush(QPalette::Disabled, QPalette::Text);
    if (role != Qt::DisplayRole)
        return {};
    const QString title = index.data(LibraryModel::TitleRole).toString();
    if (!readable)
        return QString(title + u'\n' + tr("Cannot be read"));
    const QString language = index.data(LibraryModel::LanguageRole).toString().startsWith(QLatin1String("zh"))
                                 ? QStringLiteral("中文")
                                 : QStringLiteral("English");
    const QString date = QLocale().toString(index.data(LibraryModel::ModifiedRole).toDateTime().toLocalTime().date(),
                                            QLocale::ShortFormat);
    const int pages = index.data(LibraryModel::PagesRole).toInt();
    return QString(title + u'\n' + tr("%1 · %n page(s) · %2", nullptr, pages).arg(date, language));
}

void LibrarySidebar::refresh()
{
    const QScopedValueRollback adjusting(m_adjusting, true);
    m_model->refresh();
    keepSelection();
}

void LibrarySidebar::keepSelection()
{
    QItemSelectionModel* selection = m_list->selectionModel();
    const QModelIndex index = m_filter->indexOf(m_selectedId);
    if (index.isValid()) {
        if (selection->currentIndex() != index || !selection->isSelected(index))
            selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    } else {
        selection->clear();
    }
}

void LibrarySidebar::selectStory(const QString& id)
{
    m_selectedId = id; // selected when it is shown, if a search hides it now
    const QModelIndex index = m_filter->indexOf(id);
    if (index.isValid())
        m_list->setCurrentIndex(index);
}

QString LibrarySidebar::selectedStoryId() const
{
    return LibraryFilterModel::idAt(m_list->currentIndex());
}

void LibrarySidebar::openIfReadable(const QModelIndex& index)
{
    if (LibraryFilterModel::readableAt(index))
        Q_EMIT openRequested(LibraryFilterModel::idAt(index));
}

void LibrarySidebar::showMenu(const QPoint& position)
{
    const QModelIndex index = m_list->indexAt(position);
    QMenu menu(this);
    if (LibraryFilterModel::readableAt(index)) {
        const QString id = LibraryFilterModel::idAt(index);
        menu.addAction(tr("Open"), this, [this, id] { Q_EMIT openRequested(id); });
        menu.addAction(tr("Rename…"), this, [this, id] { Q_EMIT renameRequested(id); });
        menu.addAction(tr("Export…"), this, [this, id] { Q_EMIT exportRequested(id); });
        menu.addSeparator();
        menu.addAction(tr("Delete"), this, [this, id] { Q_EMIT deleteRequested(id); });
        menu.addSeparator();
    }
    menu.addAction(tr("Import a story…"), this, &LibrarySidebar::importRequested);
    menu.addAction(tr("Open the library folder"), this, &LibrarySidebar::openFolderRequested);
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

} // namespace Storybook::App
