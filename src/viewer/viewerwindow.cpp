#include "viewerwindow.h"

#include "speechsettings.h"

#include "librarymodel.h"
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
#include <QItemSelectionModel>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QScopedValueRollback>
#include <QSettings>
#include <QStatusBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace Storybook::Viewer {

namespace {

using Widgets::LibraryFilterModel;
using Widgets::LibraryModel;

// The muted line under a story's title in this window's list (given by ViewerWindow::present()).
constexpr int DetailsRole = Qt::UserRole + 100;
static_assert(DetailsRole > LibraryModel::ProblemRole);
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

        const bool readable = LibraryFilterModel::readableAt(index);
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
    m_model = new LibraryModel(nullptr, this);
    m_filter = new LibraryFilterModel(m_model, this);
    m_filter->setPresenter([this](const QModelIndex& index, int role) { return present(index, role); });
    m_list = new QListView(m_side);
    m_list->setAccessibleName(tr("Stories"));
    m_list->setItemDelegate(new StoryItemDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setModel(m_filter);
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

    connect(m_search, &QLineEdit::textChanged, this, &ViewerWindow::search);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (!m_adjusting)
            openSelected();
    });
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
    m_filter->setPresenter({}); // the filter, a child, outlives this part of the window
    m_model->setLibrary(nullptr); // before the library goes
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
    auto library = std::make_unique<Story::Library>(folder);
    const QString problem = library->reload();
    {
        const QScopedValueRollback adjusting(m_adjusting, true);
        const QSignalBlocker blocker(m_search);
        m_search->clear();
        m_filter->setQuery({});
        m_model->setLibrary(library.get()); // the whole list, once
        m_chosenId.clear();
    }
    m_library = std::move(library);
    m_side->show();
    m_folderLabel->setText(QDir::toNativeSeparators(folder));
    m_folderLabel->setToolTip(QDir::toNativeSeparators(folder));
    if (!problem.isEmpty()) {
        showStory(std::nullopt, problem);
        return;
    }
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        if (const QModelIndex index = m_filter->index(row, 0); LibraryFilterModel::readableAt(index)) {
            m_list->setCurrentIndex(index);
            return;
        }
    }
    showStory(std::nullopt, m_filter->rowCount() == 0 ? tr("This library has no stories yet.") : tr("No story here can be read."));
}

bool ViewerWindow::openFile(const QString& path)
{
    {
        const QScopedValueRollback adjusting(m_adjusting, true);
        m_model->setLibrary(nullptr);
        m_chosenId.clear();
    }
    m_library.reset();
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

QVariant ViewerWindow::present(const QModelIndex& index, int role) const
{
    if (role != Qt::DisplayRole && role != DetailsRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return {};
    const bool readable = index.data(LibraryModel::ReadableRole).toBool();
    QString title = index.data(LibraryModel::TitleRole).toString().trimmed();
    if (title.isEmpty())
        title = readable ? tr("Untitled story") : index.data(LibraryModel::FileNameRole).toString();
    if (role == Qt::DisplayRole)
        return title;
    if (role == Qt::ToolTipRole)
        return readable ? title : index.data(LibraryModel::ProblemRole).toString();
    QStringList details;
    if (readable) {
        const QDateTime modified = index.data(LibraryModel::ModifiedRole).toDateTime();
        const QDateTime when = modified.isValid() ? modified : index.data(LibraryModel::CreatedRole).toDateTime();
        if (when.isValid())
            details.append(QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat));
        details.append(tr("%n page(s)", nullptr, index.data(LibraryModel::PagesRole).toInt()));
        if (const QString language = languageName(index.data(LibraryModel::LanguageRole).toString()); !language.isEmpty())
            details.append(language);
        if (index.data(LibraryModel::FinishedRole).toBool())
            details.append(tr("finished"));
    } else {
        details.append(tr("Cannot be read"));
    }
    const QString detailText = details.join(QStringLiteral(" · "));
    if (role == DetailsRole)
        return detailText;
    return QString(title % QStringLiteral(", ") % detailText);
}

void ViewerWindow::search(const QString& query)
{
    const QScopedValueRollback adjusting(m_adjusting, true);
    m_filter->setQuery(query);
    keepSelection();
}

void ViewerWindow::keepSelection()
{
    QItemSelectionModel* selection = m_list->selectionModel();
    const QModelIndex index = m_filter->indexOf(m_chosenId);
    if (index.isValid()) {
        if (selection->currentIndex() != index || !selection->isSelected(index))
            selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    } else {
        selection->clear();
    }
}

void ViewerWindow::openSelected()
{
    const QModelIndex current = m_list->currentIndex();
    if (!m_library || !current.isValid())
        return;
    const QString id = LibraryFilterModel::idAt(current);
    m_chosenId = id;
    const Story::StoryRecord* record = m_library->record(id);
    if (!LibraryFilterModel::readableAt(current)) {
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
