// MainWindow's menus, toolbar and view toggles, and their texts (retranslated at run time).
#include "mainwindow.h"

#include "childmode.h"
#include "epubexporter.h"
#include "errorbanner.h"
#include "ideapanel.h"
#include "librarysidebar.h"
#include "narrationwiring.h"
#include "newstorypage.h"
#include "narrationmaker.h"
#include "pageview.h"
#include "readinglevel.h"
#include "readerwidget.h"
#include "recordpagedialog.h"
#include "shortcutsdialog.h"
#include "storygenerator.h"

#include <QAction>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>

namespace Storybook::App {

namespace {
const auto LibraryVisibleKey = QStringLiteral("ui/libraryVisible");
const auto MapVisibleKey = QStringLiteral("ui/mapVisible");
const auto ZoomKey = QStringLiteral("ui/zoomPercent");

// A toolbar button shows the words only: "导出(&E)…" → "导出…", "&Export…" → "Export…".
QString withoutMnemonic(QString text)
{
    static const QRegularExpression chinese(QStringLiteral("\\(&[^)]\\)"));
    text.remove(chinese);
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text;
}
} // namespace

// Mnemonics (checked by tst_mainwindow in English and Chinese): the menu bar S P V T H; in a menu
// each letter once; the New story page's fields A L G Y I C R W B. The toolbar's buttons show
// no mnemonics (QToolButton uses the action's icon text).
void MainWindow::createActions()
{
    m_storyMenu = menuBar()->addMenu(QString());
    m_new = m_storyMenu->addAction(QString(), QKeySequence::New, this, &MainWindow::newStory);
    m_import = m_storyMenu->addAction(QString(), QKeySequence::Open, this, &MainWindow::importStory);
    // Ctrl+E moves to the end of the line in a text field (Emacs keys): Ctrl+Shift+S works everywhere.
    m_export = m_storyMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                                      [this] { exportStory(currentStoryId()); });
    m_export->setObjectName(QStringLiteral("exportAction"));
    // Story → Export as EPUB book… (src/export): the open story, read-along where it is narrated.
    m_storyMenu->addAction(QString(), this, [this] {
        const std::shared_ptr<const Story::Story> story = m_generator->story();
        if (!story || m_childMode->isOn())
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the story as an EPUB book"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
                + (story->title.isEmpty() ? story->id : story->title) + QStringLiteral(".epub"),
            tr("EPUB book (*.epub)"));
        if (path.isEmpty())
            return;
        Export::EpubOptions options;
        options.allBranches = QMessageBox::question(this, tr("Export"), tr("Include every branch of the story, not only the one you read?"))
                              == QMessageBox::Yes;
        if (const QString problem = Export::exportEpub(*story, path, options); !problem.isEmpty())
            m_banner->showError(problem, tr("Check the folder and the free disk space."), false);
        else
            statusBar()->showMessage(tr("Exported to %1").arg(path), 5000);
    })->setObjectName(QStringLiteral("exportEpubAction"));
    m_print = m_storyMenu->addAction(QString(), QKeySequence::Print, this, &MainWindow::printStory);
    m_ideaPanel->setFamilyFolder(m_library->folder()); // profiles and the family cast live beside the library
    m_storyMenu->addAction(m_ideaPanel->saveToFamilyCastAction());
    connect(m_ideaPanel->saveToFamilyCastAction(), &QAction::triggered, this, [this] {
        if (const auto story = m_generator->story())
            m_ideaPanel->askSaveToFamilyCast(*story);
    });
    m_storyMenu->addSeparator();
    m_quit = m_storyMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);

    m_pageMenu = menuBar()->addMenu(QString());
    m_regenerate = m_pageMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_R), this, &MainWindow::regeneratePage);
    m_edit = m_pageMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this, &MainWindow::editPage);
    m_paintAgain = m_pageMenu->addAction(QString(), this, [this] {
        m_banner->dismiss();
        m_lastFailedPicture.reset();
        showProblem(m_generator->paintPicture(currentStoryId(), m_reader->currentPageId()));
        updateActions();
    });
    m_paintAgain->setObjectName(QStringLiteral("paintAgainAction"));
    m_pageMenu->addAction(m_narration->narrateAction());
    m_pageMenu->addAction(m_narration->narrateAgainAction());
    m_versions = m_pageMenu->addAction(QString(), this, &MainWindow::showVersions);
    m_versions->setObjectName(QStringLiteral("earlierVersionsAction"));
    m_goOn = m_pageMenu->addAction(QString(), this, [this] {
        m_banner->dismiss();
        showProblem(m_generator->continueReading(currentStoryId()));
    });
    m_goOn->setObjectName(QStringLiteral("goOnReadingAction"));
    m_readAloud = m_pageMenu->addAction(QString(), QKeySequence(Qt::Key_F5), m_reader, &Widgets::ReaderWidget::toggleReadAloud);
    m_readAloud->setCheckable(true);
    m_readAloud->setVisible(m_reader->speechAvailable());
    m_recordPage = m_pageMenu->addAction(QString(), this, &MainWindow::recordPage);
    m_recordPage->setObjectName(QStringLiteral("recordPageAction"));
    m_deleteRecording = m_pageMenu->addAction(QString(), this, &MainWindow::deleteRecording);
    m_deleteRecording->setObjectName(QStringLiteral("deleteRecordingAction"));
    // The idea form's Stop is not on screen while reading: the page being written stops here too.
    m_stopWriting = m_pageMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_Period), this, [this] { m_generator->stop(); });
    m_stopWriting->setObjectName(QStringLiteral("stopWritingAction"));
    m_ending = m_pageMenu->addAction(QString());
    m_ending->setCheckable(true);
    connect(m_ending, &QAction::triggered, this, &MainWindow::toggleEnding);

    createViewMenu();

    m_settingsMenu = menuBar()->addMenu(QString());
    // QKeySequence::Preferences is empty on some platforms: Ctrl+, always.
    QList<QKeySequence> preferences{QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    for (const QKeySequence& key : QKeySequence::keyBindings(QKeySequence::Preferences)) {
        if (!preferences.contains(key))
            preferences.append(key);
    }
    m_settings = m_settingsMenu->addAction(QString(), this, &MainWindow::openSettings);
    m_settings->setShortcuts(preferences);
    m_settings->setObjectName(QStringLiteral("settingsAction"));
    m_diagnostics = m_settingsMenu->addAction(QString(), this, &MainWindow::openDiagnostics);

    m_helpMenu = menuBar()->addMenu(QString());
    m_shortcuts = m_helpMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_Slash), this, &MainWindow::showShortcuts);
    m_shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    m_about = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About Interactive Storybook"),
                           tr("Interactive Storybook %1\n\nPicture-book stories written with you, page by page.")
                               .arg(QStringLiteral(STORYBOOK_VERSION)));
    });

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("storyToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_new);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_stopWriting);
    m_toolBar->addAction(m_regenerate);
    m_toolBar->addAction(m_edit);
    m_toolBar->addAction(m_ending);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_export);
    if (m_reader->speechAvailable()) {
        m_toolBar->addSeparator();
        m_toolBar->addAction(m_readAloud);
    }
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_childMode->toggleAction());
    retranslateUi();
    updateActions();
}

void MainWindow::createViewMenu()
{
    QSettings settings;
    m_viewMenu = menuBar()->addMenu(QString());
    m_showLibrary = m_viewMenu->addAction(QString(), QKeySequence(Qt::Key_F9), this, &MainWindow::setLibraryVisible);
    m_showLibrary->setCheckable(true);
    m_showLibrary->setObjectName(QStringLiteral("showLibraryAction"));
    m_showMap = m_viewMenu->addAction(QString(), QKeySequence(Qt::Key_F10), this, &MainWindow::setMapVisible);
    m_showMap->setCheckable(true);
    m_showMap->setObjectName(QStringLiteral("showMapAction"));
    m_viewMenu->addSeparator();
    m_fullScreen = m_viewMenu->addAction(QString(), QKeySequence(Qt::Key_F11), this, &MainWindow::setFullScreen);
    m_fullScreen->setCheckable(true);
    m_fullScreen->setObjectName(QStringLiteral("fullScreenAction"));
    m_viewMenu->addAction(m_childMode->toggleAction());
    m_viewMenu->addAction(m_childMode->pinAction());
    m_viewMenu->addSeparator();
    m_zoomIn = m_viewMenu->addAction(QString(), m_reader, &Widgets::ReaderWidget::zoomIn);
    m_zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_zoomIn->setObjectName(QStringLiteral("zoomInAction"));
    m_zoomOut = m_viewMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_Minus), m_reader, &Widgets::ReaderWidget::zoomOut);
    m_zoomOut->setObjectName(QStringLiteral("zoomOutAction"));
    m_zoomReset = m_viewMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_0), m_reader, &Widgets::ReaderWidget::resetZoom);
    m_zoomReset->setObjectName(QStringLiteral("zoomResetAction"));

    // Remembered: the panels shown, the zoom.
    const bool library = settings.value(LibraryVisibleKey, true).toBool();
    const bool map = settings.value(MapVisibleKey, true).toBool();
    m_showLibrary->setChecked(library);
    m_sidebar->setVisible(library);
    m_showMap->setChecked(map);
    m_reader->setMapVisible(map);
    m_reader->setZoomPercent(settings.value(ZoomKey, 100).toInt());
    connect(m_reader, &Widgets::ReaderWidget::zoomChanged, this,
            [](int percent) { QSettings().setValue(ZoomKey, percent); });
    connect(m_reader, &Widgets::ReaderWidget::mapVisibilityChanged, m_showMap, &QAction::setChecked);
}

void MainWindow::setLibraryVisible(bool visible)
{
    m_sidebar->setVisible(visible);
    m_showLibrary->setChecked(visible);
    QSettings().setValue(LibraryVisibleKey, visible);
}

void MainWindow::setMapVisible(bool visible)
{
    m_reader->setMapVisible(visible);
    m_showMap->setChecked(visible);
    QSettings().setValue(MapVisibleKey, visible);
}

void MainWindow::setFullScreen(bool fullScreen)
{
    m_fullScreen->setChecked(fullScreen);
    if (fullScreen == isFullScreen())
        return;
    if (fullScreen)
        showFullScreen();
    else
        showNormal();
}

void MainWindow::retranslateUi()
{
    m_storyMenu->setTitle(tr("&Story"));
    m_new->setText(tr("&New story"));
    m_import->setText(tr("&Import…"));
    m_export->setText(tr("&Export…"));
    if (auto* epub = findChild<QAction*>(QStringLiteral("exportEpubAction")))
        epub->setText(tr("Export as EPU&B book…"));
    m_print->setText(tr("&Print…"));
    m_quit->setText(tr("&Quit"));

    m_pageMenu->setTitle(tr("&Page"));
    m_regenerate->setText(tr("&Write this page again"));
    m_edit->setText(tr("Ed&it the text…"));
    m_paintAgain->setText(tr("&Paint this picture again"));
    m_narration->retranslate();
    m_versions->setText(tr("Earlier &versions…"));
    m_goOn->setText(tr("&Go on reading"));
    m_readAloud->setText(tr("Read &aloud"));
    m_recordPage->setText(tr("&Record this page…"));
    m_deleteRecording->setText(tr("Delete &my recording…"));
    m_ending->setText(tr("This page is the e&nding"));
    m_stopWriting->setText(tr("&Stop writing"));

    m_viewMenu->setTitle(tr("&View"));
    m_showLibrary->setText(tr("Show the &library"));
    m_showMap->setText(tr("Show the story &map"));
    m_fullScreen->setText(tr("&Full screen"));
    m_zoomIn->setText(tr("Zoom &in"));
    m_zoomOut->setText(tr("Zoom &out"));
    m_zoomReset->setText(tr("&Reset zoom"));

    m_settingsMenu->setTitle(tr("Se&ttings"));
    m_settings->setText(tr("&Settings…"));
    m_diagnostics->setText(tr("Connection &diagnostics…"));

    m_helpMenu->setTitle(tr("&Help"));
    m_shortcuts->setText(tr("&Keyboard shortcuts"));
    m_about->setText(tr("&About"));

    m_childMode->retranslate();
    m_toolBar->setWindowTitle(tr("Story"));
    for (QAction* action : m_toolBar->actions()) {
        if (!action->isSeparator())
            action->setIconText(withoutMnemonic(action->text()));
    }
    updateTitle();
    updateStatus();
}

QList<QAction*> MainWindow::menuActions() const
{
    QList<QAction*> out;
    for (const QMenu* menu : {m_storyMenu, m_pageMenu, m_viewMenu, m_settingsMenu, m_helpMenu}) {
        for (QAction* action : menu->actions()) {
            if (!action->isSeparator())
                out.append(action);
        }
    }
    return out;
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(menuActions(), this);
    dialog.exec();
}

void MainWindow::updateActions()
{
    const std::shared_ptr<const Story::Story> story = m_generator->story();
    const QString pageId = m_reader->currentPageId();
    const Story::Page* page = story && !pageId.isEmpty() ? story->page(pageId) : nullptr;
    const bool busy = m_generator->isBusy();
    const bool reading = isReading();
    m_regenerate->setEnabled(reading && page && !busy);
    m_edit->setEnabled(reading && page && !busy);
    m_ending->setEnabled(reading && page && !busy);
    m_ending->setChecked(page && page->ending);
    m_versions->setEnabled(reading && page && !page->previousVersions.isEmpty() && !busy);
    const bool illustrated = story && story->settings.pictures;
    m_paintAgain->setVisible(illustrated);
    m_paintAgain->setEnabled(illustrated && page && !page->isDraft() && !m_generator->isPainting(page->id));
    m_narration->updateActions(reading, page);
    // Read-to-me stopped (by Stop or a failure) before its ending: it can go on.
    m_goOn->setVisible(story && story->settings.readToMe);
    m_goOn->setEnabled(story && story->settings.readToMe && !story->isFinished() && !busy);
    m_export->setEnabled(story != nullptr);
    if (auto* epub = findChild<QAction*>(QStringLiteral("exportEpubAction")))
        epub->setEnabled(story != nullptr);
    m_print->setEnabled(story != nullptr);
    m_ideaPanel->saveToFamilyCastAction()->setEnabled(story != nullptr);
    m_reader->pageView()->setTextScale(story ? Story::ReadingLevel::of(story->settings).textScale() : 1.0);
    m_readAloud->setChecked(m_reader->isReadingAloud());
    m_readAloud->setEnabled(page || m_reader->isReadingAloud());
    m_recordPage->setEnabled(reading && page && !page->isDraft() && page->id != m_generator->writingPageId());
    m_deleteRecording->setEnabled(reading && page && page->recording.has_value());
    m_stopWriting->setVisible(busy);
    m_stopWriting->setEnabled(busy);
    m_showMap->setEnabled(reading);
    for (QAction* zoom : {m_zoomIn, m_zoomOut, m_zoomReset})
        zoom->setEnabled(reading);
    m_childMode->enforce(); // child mode keeps its locked actions disabled
}

void MainWindow::recordPage()
{
    const std::shared_ptr<const Story::Story> story = m_generator->story();
    const QString pageId = m_reader->currentPageId();
    const Story::Page* page = story ? story->page(pageId) : nullptr;
    if (!page || page->isDraft())
        return;
    const QString storyId = story->id;
    RecordPageDialog dialog(
        pageId, Generation::NarrationMaker::partTexts(*story, *page),
        [this, storyId, pageId](const Story::Narration& narration, const QHash<QString, QByteArray>& bytes) {
            return m_generator->storeNarration(storyId, pageId, narration, bytes,
                                               Generation::StoryGenerator::NarrationStore::Replace);
        },
        this);
    if (page->recording)
        dialog.setReaderName(page->recording->voice);
    dialog.exec();
    updateActions();
}

void MainWindow::deleteRecording()
{
    const std::shared_ptr<const Story::Story> story = m_generator->story();
    const QString pageId = m_reader->currentPageId();
    const Story::Page* page = story ? story->page(pageId) : nullptr;
    if (!page || !page->recording)
        return;
    const QString who = page->recording->voice;
    const QString text = who.isEmpty()
        ? tr("The voice recorded for this page is deleted from the story. This cannot be undone.")
        : tr("The voice %1 recorded for this page is deleted from the story. This cannot be undone.").arg(who);
    if (QMessageBox::question(this, tr("Delete my recording"), text, QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    showProblem(m_generator->removeNarration(story->id, pageId, Story::Narration::Source::Recorded));
    updateActions();
}

} // namespace Storybook::App
