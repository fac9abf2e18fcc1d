#include "librarysidebar.h"

#include "librarycovers.h"
#include "librarymodel.h"
#include "librarytrashview.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPixmap>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Storybook::App {

using Widgets::LibraryFilterModel;
using Widgets::LibraryModel;

namespace {
constexpr int CoverSide = 44; // logical pixels: about two lines of the list's text
}

LibrarySidebar::LibrarySidebar(Story::Library* library, QWidget* parent)
    : QWidget(parent)
{
    m_model = new LibraryModel(library, this);
    m_filter = new LibraryFilterModel(m_model, this);
    m_filter->setHideBlank(true);
    m_covers = new Widgets::LibraryCovers(this);
    m_filter->setPresenter([this](const QModelIndex& index, int role) { return present(index, role); });

    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_sort = new QComboBox(this);
    m_sort->addItem(QString());
    m_sort->addItem(QString());
    m_list = new QListView(this);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setIconSize(QSize(CoverSide, CoverSide));
    m_list->setModel(m_filter);
    m_list->installEventFilter(this);
    m_noMatch = new QLabel(this);
    m_noMatch->setObjectName(QStringLiteral("noMatchLabel"));
    m_noMatch->setTextFormat(Qt::PlainText); // the query is the user's text, never markup
    m_noMatch->setWordWrap(true);
    m_noMatch->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_noMatch->hide();
    m_import = new QPushButton(this);
    auto* import = m_import;

    m_trash = new Widgets::LibraryTrashView(library, this);
    m_trashButton = new QPushButton(this);
    m_trashButton->setObjectName(QStringLiteral("trashButton"));
    m_trashButton->setCheckable(true);

    m_heading = new QLabel(this);
    QFont heading = m_heading->font();
    heading.setBold(true);
    m_heading->setFont(heading);

    auto* stories = new QWidget(this);
    auto* storiesLayout = new QVBoxLayout(stories);
    storiesLayout->setContentsMargins(0, 0, 0, 0);
    storiesLayout->addWidget(m_search);
    storiesLayout->addWidget(m_noMatch);
    storiesLayout->addWidget(m_list, 1);
    storiesLayout->addWidget(import);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(stories);
    m_pages->addWidget(m_trash);

    auto* top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_sort);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_trashButton);

    retranslate();

    m_keyboardOpen.setSingleShot(true);
    m_keyboardOpen.setInterval(KeyboardOpenDelayMs);
    connect(&m_keyboardOpen, &QTimer::timeout, this, &LibrarySidebar::openChosenWithKeyboard);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        const QScopedValueRollback adjusting(m_adjusting, true);
        m_filter->setQuery(text);
        keepSelection();
        updateNoMatch();
    });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QScopedValueRollback adjusting(m_adjusting, true);
        m_filter->setOrder(index == 1 ? LibraryFilterModel::Order::Title : LibraryFilterModel::Order::Newest);
        keepSelection();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        if (m_adjusting || !current.isValid())
            return;
        m_selectedId = LibraryFilterModel::idAt(current);
        m_keyboardOpen.start(); // opens when the selection rests there (a click opens at once)
    });
    connect(m_list, &QListView::activated, this, &LibrarySidebar::openIfReadable);
    connect(m_list, &QListView::clicked, this, &LibrarySidebar::openIfReadable);
    connect(m_list, &QListView::customContextMenuRequested, this, &LibrarySidebar::showMenu);
    connect(import, &QPushButton::clicked, this, &LibrarySidebar::importRequested);
    connect(m_covers, &Widgets::LibraryCovers::coverReady, this, [this](const QString& id) {
        if (const QModelIndex index = m_filter->indexOf(id); index.isValid())
            m_list->update(index);
    });
    connect(m_trashButton, &QPushButton::toggled, this, &LibrarySidebar::showTrash);
    connect(m_trash, &Widgets::LibraryTrashView::changed, this, [this] {
        refresh();
        updateTrashButton();
    });
    connect(m_trash, &Widgets::LibraryTrashView::restored, this, &LibrarySidebar::restoredFromTrash);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &LibrarySidebar::updateNoMatch);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LibrarySidebar::updateNoMatch);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LibrarySidebar::updateNoMatch);
    updateTrashButton();
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
    if (role == Qt::DecorationRole) {
        const qreal ratio = devicePixelRatioF();
        const Story::Library* library = m_model->library();
        const QString fileName = index.data(LibraryModel::FileNameRole).toString();
        QImage cover = m_covers->cover(index.data(LibraryModel::IdRole).toString(),
                                       library && readable ? library->folder() + u'/' + fileName : QString(),
                                       index.data(LibraryModel::CoverEntryRole).toString(),
                                       index.data(LibraryModel::TitleRole).toString(), qRound(CoverSide * ratio));
        cover.setDevicePixelRatio(ratio);
        return QPixmap::fromImage(cover);
    }
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

void LibrarySidebar::retranslate()
{
    m_search->setPlaceholderText(tr("Search stories…"));
    m_search->setAccessibleName(tr("Search stories"));
    m_search->setAccessibleDescription(tr("Escape clears the search"));
    m_sort->setItemText(0, tr("Newest first"));
    m_sort->setItemText(1, tr("By title"));
    m_sort->setAccessibleName(tr("Sort stories"));
    m_list->setAccessibleName(tr("Stories"));
    m_import->setText(tr("Import…"));
    m_trashButton->setAccessibleDescription(tr("Shows the deleted stories, to restore them or delete them forever"));
    m_heading->setText(isShowingTrash() ? tr("Trash") : tr("My stories"));
    updateTrashButton();
    updateNoMatch();
    m_list->viewport()->update(); // the rows' "%n page(s)" lines
}

void LibrarySidebar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void LibrarySidebar::refresh()
{
    {
        const QScopedValueRollback adjusting(m_adjusting, true);
        m_model->refresh();
        keepSelection();
    }
    updateNoMatch();
    updateTrashButton();
    if (isShowingTrash())
        m_trash->reload();
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
    // The window says which story is open: that one is not opened again, and it stays listed while
    // it is blank (it may be tried again); a blank one left behind is hidden.
    m_openedId = id;
    m_keyboardOpen.stop();
    m_filter->setHideBlank(true, id);
    m_selectedId = id; // selected when it is shown, if a search hides it now
    const QScopedValueRollback adjusting(m_adjusting, true);
    const QModelIndex index = m_filter->indexOf(id);
    if (index.isValid())
        m_list->setCurrentIndex(index);
    updateNoMatch();
}

QString LibrarySidebar::selectedStoryId() const
{
    return LibraryFilterModel::idAt(m_list->currentIndex());
}

void LibrarySidebar::openIfReadable(const QModelIndex& index)
{
    m_keyboardOpen.stop();
    if (LibraryFilterModel::readableAt(index)) {
        m_openedId = LibraryFilterModel::idAt(index);
        Q_EMIT openRequested(m_openedId);
    }
}

void LibrarySidebar::openChosenWithKeyboard()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || LibraryFilterModel::idAt(current) == m_openedId)
        return;
    openIfReadable(current);
}

void LibrarySidebar::updateNoMatch()
{
    const QString query = m_filter->query();
    const bool none = !query.isEmpty() && m_filter->rowCount() == 0;
    if (none)
        m_noMatch->setText(tr("No story matches “%1”").arg(query));
    m_noMatch->setVisible(none);
}

void LibrarySidebar::updateTrashButton()
{
    const Story::Library* library = m_model->library();
    const int count = library ? int(library->trashedIds().size()) : 0;
    m_trashButton->setText(count > 0 ? tr("Trash (%1)").arg(count) : tr("Trash"));
    m_trashButton->setAccessibleName(tr("Trash: %n deleted story(s)", nullptr, count));
}

void LibrarySidebar::showTrash(bool show)
{
    if (m_trashButton->isChecked() != show)
        m_trashButton->setChecked(show); // comes back here through toggled
    if (show)
        m_trash->reload();
    m_pages->setCurrentIndex(show ? 1 : 0);
    m_heading->setText(show ? tr("Trash") : tr("My stories"));
    m_sort->setVisible(!show);
    if (show)
        m_trash->setFocus();
    else
        m_list->setFocus();
}

bool LibrarySidebar::isShowingTrash() const
{
    return m_pages->currentIndex() == 1;
}

bool LibrarySidebar::eventFilter(QObject* watched, QEvent* event)
{
    // Escape clears the search, in the field or in the list it filters. (With an empty search the
    // key goes on to the window.)
    const bool escape = (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)
                        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape
                        && static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier;
    if (escape && (watched == m_search || watched == m_list) && !m_search->text().isEmpty()) {
        event->accept();
        if (event->type() == QEvent::KeyPress)
            m_search->clear();
        return true;
    }
    return QWidget::eventFilter(watched, event);
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
