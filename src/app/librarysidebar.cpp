#include "librarysidebar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Storybook::App {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
constexpr int ReadableRole = Qt::UserRole + 2;
} // namespace

LibrarySidebar::LibrarySidebar(Story::Library* library, QWidget* parent)
    : QWidget(parent)
    , m_library(library)
{
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search stories…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search stories"));
    m_sort = new QComboBox(this);
    m_sort->addItem(tr("Newest first"));
    m_sort->addItem(tr("By title"));
    m_sort->setAccessibleName(tr("Sort stories"));
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Stories"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setAlternatingRowColors(true);
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

    connect(m_search, &QLineEdit::textChanged, this, &LibrarySidebar::fill);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &LibrarySidebar::fill);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (item->data(ReadableRole).toBool())
            Q_EMIT openRequested(item->data(IdRole).toString());
    });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        if (item->data(ReadableRole).toBool())
            Q_EMIT openRequested(item->data(IdRole).toString());
    });
    connect(m_list, &QListWidget::customContextMenuRequested, this, &LibrarySidebar::showMenu);
    connect(import, &QPushButton::clicked, this, &LibrarySidebar::importRequested);
    fill();
}

void LibrarySidebar::refresh()
{
    fill();
}

void LibrarySidebar::fill()
{
    const QString selected = selectedStoryId();
    const QString query = m_search->text().trimmed();
    QList<const Story::StoryRecord*> records;
    if (query.isEmpty()) {
        for (const Story::StoryRecord& record : m_library->records())
            records.append(&record);
    } else {
        for (const QString& id : m_library->search(query))
            records.append(m_library->record(id));
    }
    if (m_sort->currentIndex() == 1) {
        std::stable_sort(records.begin(), records.end(), [](const Story::StoryRecord* a, const Story::StoryRecord* b) {
            return QString::localeAwareCompare(a->title, b->title) < 0;
        });
    }
    m_list->clear();
    const QLocale locale;
    for (const Story::StoryRecord* record : std::as_const(records)) {
        auto* item = new QListWidgetItem(m_list);
        if (record->readable) {
            const QString language = record->language.startsWith(QLatin1String("zh")) ? QStringLiteral("中文") : QStringLiteral("English");
            const QString date = locale.toString(record->modified.toLocalTime().date(), QLocale::ShortFormat);
            item->setText(record->title + u'\n' + tr("%1 · %n page(s) · %2", nullptr, record->pages).arg(date, language));
            item->setToolTip(record->title);
        } else {
            item->setText(record->title + u'\n' + tr("Cannot be read"));
            item->setToolTip(record->problem);
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        }
        item->setData(IdRole, record->id);
        item->setData(ReadableRole, record->readable);
        if (record->id == selected)
            m_list->setCurrentItem(item);
    }
}

void LibrarySidebar::selectStory(const QString& id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(IdRole).toString() == id) {
            m_list->setCurrentRow(i);
            return;
        }
    }
}

QString LibrarySidebar::selectedStoryId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(IdRole).toString() : QString();
}

void LibrarySidebar::showMenu(const QPoint& position)
{
    const QListWidgetItem* item = m_list->itemAt(position);
    QMenu menu(this);
    if (item && item->data(ReadableRole).toBool()) {
        const QString id = item->data(IdRole).toString();
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
