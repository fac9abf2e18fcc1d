#include "viewerwindow.h"

#include "speechsettings.h"

#include "readerwidget.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace Storybook::Viewer {

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int DetailsRole = Qt::UserRole + 2;
constexpr int ReadableRole = Qt::UserRole + 3;
constexpr qint64 MaxStoryFileSize = 64 * 1024 * 1024;        // plain JSON (docs/story-format.md)
constexpr qint64 MaxContainerFileSize = 1024 * 1024 * 1024; // a story with its pictures

// Too large to be a story: a container (with pictures) may be larger than a plain JSON file.
bool tooLarge(QFile& file)
{
    const bool container = file.peek(4) == QByteArrayLiteral("PK\x03\x04");
    return file.size() > (container ? MaxContainerFileSize : MaxStoryFileSize);
}

QColor mix(const QColor& a, const QColor& b, qreal amountOfB)
{
    const qreal k = 1.0 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * k + b.redF() * amountOfB), float(a.greenF() * k + b.greenF() * amountOfB),
                            float(a.blueF() * k + b.blueF() * amountOfB));
}

// A story in the list: its title (bold) over a muted line of details; unreadable files greyed.
class StoryItemDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        const QString title = opt.text;
        opt.text.clear();
        const QWidget* widget = opt.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const bool readable = index.data(ReadableRole).toBool();
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = readable ? QPalette::Normal : QPalette::Disabled;
        const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        const QColor back = opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);

        const QRect rect = opt.rect.adjusted(12, 7, -12, -7);
        QFont titleFont = opt.font;
        titleFont.setWeight(QFont::DemiBold);
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.08);
        const QFontMetrics titleMetrics(titleFont);
        painter->save();
        painter->setFont(titleFont);
        painter->setPen(text);
        painter->drawText(QRect(rect.left(), rect.top(), rect.width(), titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          titleMetrics.elidedText(title, Qt::ElideRight, rect.width()));
        QFont detailFont = opt.font;
        detailFont.setPointSizeF(detailFont.pointSizeF() * 0.92);
        const QFontMetrics detailMetrics(detailFont);
        painter->setFont(detailFont);
        painter->setPen(mix(text, back, 0.35));
        painter->drawText(QRect(rect.left(), rect.top() + titleMetrics.height() + 2, rect.width(), detailMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          detailMetrics.elidedText(index.data(DetailsRole).toString(), Qt::ElideRight, rect.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        QFont titleFont = option.font;
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.08);
        QFont detailFont = option.font;
        detailFont.setPointSizeF(detailFont.pointSizeF() * 0.92);
        size.setHeight(QFontMetrics(titleFont).height() + QFontMetrics(detailFont).height() + 16);
        return size;
    }
};

QString languageName(const QString& code)
{
    if (code.isEmpty())
        return {};
    const QLocale locale(code);
    if (locale.language() == QLocale::English)
        return ViewerWindow::tr("English");
    if (locale.language() == QLocale::Chinese)
        return ViewerWindow::tr("Chinese");
    const QString native = locale.nativeLanguageName();
    return native.isEmpty() ? code : native;
}

} // namespace

ViewerWindow::ViewerWindow(QWidget* parent)
    : QMainWindow(parent)
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("librarySplitter"));

    m_side = new QWidget(m_splitter);
    auto* sideLayout = new QVBoxLayout(m_side);
    sideLayout->setContentsMargins(8, 8, 4, 8);
    sideLayout->setSpacing(6);
    m_search = new QLineEdit(m_side);
    m_search->setPlaceholderText(tr("Search stories…"));
    m_search->setAccessibleName(tr("Search stories"));
    m_search->setClearButtonEnabled(true);
    sideLayout->addWidget(m_search);
    m_list = new QListWidget(m_side);
    m_list->setAccessibleName(tr("Stories"));
    m_list->setItemDelegate(new StoryItemDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    sideLayout->addWidget(m_list, 1);
    m_folderLabel = new QLabel(m_side);
    m_folderLabel->setTextFormat(Qt::PlainText);
    m_folderLabel->setWordWrap(false);
    m_folderLabel->setEnabled(false);
    sideLayout->addWidget(m_folderLabel);

    m_stack = new QStackedWidget(m_splitter);
    m_problem = new QLabel(m_stack);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setAlignment(Qt::AlignCenter);
    m_problem->setMargin(32);
    m_problem->setBackgroundRole(QPalette::Base);
    m_problem->setAutoFillBackground(true);
    m_reader = new Widgets::ReaderWidget(Widgets::ReaderWidget::Mode::Read, m_stack);
    m_stack->addWidget(m_problem);
    m_stack->addWidget(m_reader);

    m_splitter->addWidget(m_side);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({260, 900});
    setCentralWidget(m_splitter);

    connect(m_search, &QLineEdit::textChanged, this, &ViewerWindow::fillList);
    connect(m_list, &QListWidget::currentItemChanged, this, &ViewerWindow::openSelected);
    connect(m_reader, &Widgets::ReaderWidget::currentPageChanged, this, &ViewerWindow::updateTitle);

    buildMenus();

    // How to read aloud is set in the app's settings; the viewer only reads them.
    m_reader->setSpeechSettings(Speech::SpeechSettings::load(
        QSettings(QCoreApplication::organizationName(), QStringLiteral("storybook"))));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("viewer/geometry")).toByteArray()))
        resize(1180, 760);
    m_splitter->restoreState(settings.value(QStringLiteral("viewer/librarySplitter")).toByteArray());
    m_reader->splitter()->restoreState(settings.value(QStringLiteral("viewer/readerSplitter")).toByteArray());
    updateTitle();
}

ViewerWindow::~ViewerWindow()
{
    m_reader->setStory(nullptr);
}

void ViewerWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openFile = file->addAction(tr("&Open File…"), this, &ViewerWindow::chooseFile);
    openFile->setShortcut(QKeySequence::Open);
    QAction* openFolder = file->addAction(tr("Open &Folder…"), this, &ViewerWindow::chooseFolder);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    if (m_reader->speechAvailable()) {
        QMenu* read = menuBar()->addMenu(tr("&Read"));
        QAction* aloud = read->addAction(tr("Read &aloud"), QKeySequence(Qt::Key_F5), m_reader,
                                         &Widgets::ReaderWidget::toggleReadAloud);
        aloud->setCheckable(true);
        connect(m_reader, &Widgets::ReaderWidget::readingAloudChanged, aloud, &QAction::setChecked);
        connect(m_reader, &Widgets::ReaderWidget::readAloudProblem, this, [this, aloud](const QString& problem) {
            aloud->setChecked(false);
            statusBar()->showMessage(problem, 15000);
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Interactive Storybook Viewer"), this, &ViewerWindow::about);
    about->setMenuRole(QAction::AboutRole);
}

void ViewerWindow::openFolder(const QString& folder)
{
    m_reader->setStory(nullptr);
    m_library = std::make_unique<Story::Library>(folder);
    const QString problem = m_library->reload();
    m_side->show();
    m_folderLabel->setText(QDir::toNativeSeparators(folder));
    m_folderLabel->setToolTip(QDir::toNativeSeparators(folder));
    {
        const QSignalBlocker blocker(m_search);
        m_search->clear();
    }
    fillList();
    if (!problem.isEmpty()) {
        showStory(std::nullopt, problem);
        return;
    }
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(ReadableRole).toBool()) {
            m_list->setCurrentRow(row);
            return;
        }
    }
    showStory(std::nullopt, m_list->count() == 0 ? tr("This library has no stories yet.") : tr("No story here can be read."));
}

bool ViewerWindow::openFile(const QString& path)
{
    m_library.reset();
    m_list->clear();
    m_side->hide();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showStory(std::nullopt, tr("“%1” cannot be opened: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    if (tooLarge(file)) {
        showStory(std::nullopt, tr("“%1” is too large to be a story.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    QString why;
    std::optional<Story::Story> story = Story::Story::fromFileData(file.readAll(), &why);
    if (!story) {
        showStory(std::nullopt, tr("“%1” cannot be read: %2").arg(QDir::toNativeSeparators(path), why));
        return false;
    }
    showStory(std::move(story), {});
    return true;
}

void ViewerWindow::fillList()
{
    if (!m_library)
        return;
    const QString current = m_list->currentItem() ? m_list->currentItem()->data(IdRole).toString() : QString();
    const QString query = m_search->text().trimmed();
    QSet<QString> matches;
    if (!query.isEmpty()) {
        const QStringList ids = m_library->search(query);
        matches = QSet<QString>(ids.cbegin(), ids.cend());
    }
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QListWidgetItem* keep = nullptr;
    for (const Story::StoryRecord& record : m_library->records()) {
        if (!query.isEmpty() && !matches.contains(record.id))
            continue;
        auto* item = new QListWidgetItem(m_list);
        QString title = record.title.trimmed();
        if (title.isEmpty())
            title = record.readable ? tr("Untitled story") : record.fileName;
        QStringList details;
        if (record.readable) {
            const QDateTime when = record.modified.isValid() ? record.modified : record.created;
            if (when.isValid())
                details.append(QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat));
            details.append(tr("%n page(s)", nullptr, record.pages));
            if (const QString language = languageName(record.language); !language.isEmpty())
                details.append(language);
            if (record.finished)
                details.append(tr("finished"));
        } else {
            details.append(tr("Cannot be read"));
        }
        const QString detailText = details.join(QStringLiteral(" · "));
        item->setText(title);
        item->setData(IdRole, record.id);
        item->setData(DetailsRole, detailText);
        item->setData(ReadableRole, record.readable);
        item->setData(Qt::AccessibleTextRole, QString(title % QStringLiteral(", ") % detailText));
        item->setToolTip(record.readable ? title : record.problem);
        if (record.id == current && !current.isEmpty())
            keep = item;
    }
    if (keep)
        m_list->setCurrentItem(keep);
}

void ViewerWindow::openSelected()
{
    QListWidgetItem* item = m_list->currentItem();
    if (!m_library || !item)
        return;
    const QString id = item->data(IdRole).toString();
    const Story::StoryRecord* record = m_library->record(id);
    if (!item->data(ReadableRole).toBool()) {
        showStory(std::nullopt, tr("“%1” cannot be read: %2").arg(record ? record->fileName : id, record ? record->problem : QString()));
        return;
    }
    // By the file listed (sample and imported files need not be named after their id).
    const QString path = record ? QDir(m_library->folder()).filePath(record->fileName) : m_library->filePath(id);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showStory(std::nullopt, tr("“%1” cannot be opened: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    if (tooLarge(file)) {
        showStory(std::nullopt, tr("“%1” is too large to be a story.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    QString why;
    std::optional<Story::Story> story = Story::Story::fromFileData(file.readAll(), &why);
    showStory(std::move(story), why.isEmpty() ? why : tr("“%1” cannot be read: %2").arg(QDir::toNativeSeparators(path), why));
}

void ViewerWindow::showStory(std::optional<Story::Story> story, const QString& problem)
{
    if (story) {
        m_reader->setStory(std::make_shared<const Story::Story>(std::move(*story)));
        m_stack->setCurrentWidget(m_reader);
    } else {
        m_reader->setStory(nullptr);
        m_problem->setText(problem.isEmpty() ? tr("This story cannot be shown.") : problem);
        m_stack->setCurrentWidget(m_problem);
    }
    updateTitle();
}

void ViewerWindow::updateTitle()
{
    const QString title = m_reader->story() ? m_reader->story()->title.simplified() : QString();
    setWindowTitle(title.isEmpty() ? tr("Interactive Storybook Viewer") : tr("%1 — Interactive Storybook Viewer").arg(title));
}

void ViewerWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Story"), QString(), tr("Stories (*.storybook);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void ViewerWindow::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a Story Folder"),
                                                             m_library ? m_library->folder() : QString());
    if (!folder.isEmpty())
        openFolder(folder);
}

void ViewerWindow::about()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About Interactive Storybook Viewer"));
    box.setTextFormat(Qt::PlainText);
    box.setIcon(QMessageBox::Information);
    box.setText(tr("Interactive Storybook Viewer %1").arg(QStringLiteral(STORYBOOK_VERSION)));
    box.setInformativeText(tr("Reads the stories of your library, offline. Choose what happens next among the branches already written."));
    box.exec();
}

void ViewerWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("viewer/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("viewer/librarySplitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("viewer/readerSplitter"), m_reader->splitter()->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace Storybook::Viewer
