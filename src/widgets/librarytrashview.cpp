#include "librarytrashview.h"

#include <QEvent>

#include "library.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Storybook::Widgets {

namespace {
constexpr int IdRole = Qt::UserRole + 1;

bool askWithMessageBox(QWidget* parent, const QString& question)
{
    return QMessageBox::question(parent, LibraryTrashView::tr("Delete forever"), question,
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
           == QMessageBox::Yes;
}
} // namespace

LibraryTrashView::LibraryTrashView(Story::Library* library, QWidget* parent)
    : QWidget(parent)
    , m_library(library)
    , m_confirm(askWithMessageBox)
{
    m_list = new QListWidget(this);
    setFocusProxy(m_list);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setWordWrap(true);
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();
    m_restore = new QPushButton(this);
    m_delete = new QPushButton(this);
    m_emptyTrash = new QPushButton(this);
    retranslate();

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_restore);
    buttons->addWidget(m_delete);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    layout->addWidget(m_emptyTrash);

    connect(m_list, &QListWidget::currentRowChanged, this, &LibraryTrashView::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, &LibraryTrashView::restoreSelected);
    connect(m_restore, &QPushButton::clicked, this, &LibraryTrashView::restoreSelected);
    connect(m_delete, &QPushButton::clicked, this, &LibraryTrashView::deleteSelectedForever);
    connect(m_emptyTrash, &QPushButton::clicked, this, &LibraryTrashView::emptyTrash);
    reload();
}

LibraryTrashView::~LibraryTrashView() = default;

void LibraryTrashView::retranslate()
{
    m_list->setAccessibleName(tr("Deleted stories"));
    m_empty->setText(tr("The trash is empty."));
    m_restore->setText(tr("Restore"));
    m_restore->setAccessibleDescription(tr("Puts the chosen story back into the library"));
    m_delete->setText(tr("Delete forever…"));
    m_delete->setAccessibleDescription(tr("Removes the chosen story for good"));
    m_emptyTrash->setText(tr("Empty trash…"));
    m_emptyTrash->setAccessibleDescription(tr("Removes every story in the trash for good"));
}

void LibraryTrashView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload(); // the rows' "Deleted …" lines
    }
}

void LibraryTrashView::setLibrary(Story::Library* library)
{
    m_library = library;
    reload();
}

void LibraryTrashView::reload()
{
    const QString current = selectedId();
    m_list->clear();
    const QList<Story::StoryRecord> trashed = m_library ? m_library->trashedRecords() : QList<Story::StoryRecord>();
    for (const Story::StoryRecord& record : trashed) {
        const QString date = QLocale().toString(record.modified.toLocalTime().date(), QLocale::ShortFormat);
        auto* item = new QListWidgetItem(record.title + u'\n' + tr("Deleted %1").arg(date), m_list);
        item->setData(IdRole, record.id);
        item->setToolTip(record.readable ? record.title : record.problem);
        if (record.id == current)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_list->setVisible(m_list->count() > 0);
    m_empty->setVisible(m_list->count() == 0);
    updateButtons();
}

int LibraryTrashView::count() const
{
    return m_list->count();
}

QString LibraryTrashView::selectedId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(IdRole).toString() : QString();
}

void LibraryTrashView::updateButtons()
{
    const bool chosen = !selectedId().isEmpty();
    m_restore->setEnabled(chosen);
    m_delete->setEnabled(chosen);
    m_emptyTrash->setEnabled(m_list->count() > 0);
}

void LibraryTrashView::showProblem(const QString& problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void LibraryTrashView::restoreSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || !m_library)
        return;
    const QString problem = m_library->restore(id);
    showProblem(problem);
    reload();
    if (problem.isEmpty())
        Q_EMIT restored(id);
    Q_EMIT changed();
}

void LibraryTrashView::deleteSelectedForever()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item || !m_library)
        return;
    const QString id = item->data(IdRole).toString();
    const QString title = item->text().section(u'\n', 0, 0);
    if (!m_confirm(this, tr("Delete “%1” forever? It cannot be brought back.").arg(title)))
        return;
    showProblem(m_library->deleteForever(id));
    reload();
    Q_EMIT changed();
}

void LibraryTrashView::emptyTrash()
{
    if (!m_library || m_list->count() == 0)
        return;
    if (!m_confirm(this, tr("Delete the %n story(s) in the trash forever? They cannot be brought back.", nullptr,
                            m_list->count())))
        return;
    showProblem(m_library->emptyTrash());
    reload();
    Q_EMIT changed();
}

} // namespace Storybook::Widgets
