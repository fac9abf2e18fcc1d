#include "mainwindow.h"


#include "childmode.h"
#include "errorbanner.h"
#include "i18n.h"
#include "illustrator.h"
#include "ideapanel.h"
#include "keyboardcontroller.h"
#include "librarysidebar.h"
#include "narrationwiring.h"
#include "newstorypage.h"
#include "pageview.h"
#include "llmclient.h"
#include "readerwidget.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "connectdialog.h"
#include "keyneeds.h"
#include "settingsrescue.h"
#include "storyexporter.h"
#include "storygenerator.h"
#include "versionsdialog.h"
#include "voicepage.h"
#include "wordlist.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

namespace Storybook::App {

namespace {
Q_LOGGING_CATEGORY(lcApp, "storybook.app.window", QtInfoMsg)

const auto ApiKeySecret = QStringLiteral("api-key");
const auto ProxyPasswordSecret = QStringLiteral("proxy-password");
const auto PictureKeySecret = QStringLiteral("picture-api-key");

QString hostOf(const QUrl& url)
{
    return url.host().isEmpty() ? url.toString() : url.host();
}
} // namespace

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent)
    , m_options(options)
{
    setObjectName(QStringLiteral("mainWindow"));

    const QString folder = options.libraryFolder.isEmpty() ? Story::Library::defaultFolder() : options.libraryFolder;
    m_library = std::make_unique<Story::Library>(folder);
    if (!QFileInfo::exists(folder))
        m_library->addSamples(); // a new library starts with something to read
    const QString libraryProblem = m_library->reload();
    m_library->dropBlank({}); // stories a first page that failed before its first word left behind

    QString rescueProblem;
    const QString settingsCopy = SettingsRescue::keepUnreadableCopy(&rescueProblem);
    QSettings settings;
    m_connection = Llm::ConnectionSettings::load(settings);
    m_client = std::make_unique<Llm::LlmClient>(m_connection);
    m_secrets = new SettingsUi::SecretStore(this);
    m_pictureConnection = Llm::ConnectionSettings::load(settings, Llm::ConnectionSettings::Role::Pictures);
    m_pictureClient = std::make_unique<Llm::LlmClient>(m_pictureConnection);
    m_generator = std::make_unique<Generation::StoryGenerator>(m_client.get(), m_library.get());
    m_generator->setPictureClient(m_pictureClient.get());
    const Generation::PicturePreferences pictures = Generation::PicturePreferences::load(settings);
    m_generator->setPicturePreferences(pictures);

    m_sidebar = new LibrarySidebar(m_library.get(), this);
    m_newStoryPage = new NewStoryPage(this);
    m_ideaPanel = m_newStoryPage->ideaPanel();
    m_banner = new ErrorBanner(this);
    m_reader = new Widgets::ReaderWidget(Widgets::ReaderWidget::Mode::Write, this);
    m_ideaPanel->setPictureDefaults(pictures.enabled, pictures.artStyle);
    m_childMode = new ChildMode(this, m_reader);

    // Reading comes first: the reading view fills the right side whenever a story is open; the
    // New story page takes its place while a story is being made.
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_reader);
    m_stack->addWidget(m_newStoryPage);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_childMode->bar());
    m_bannerHolder = new QWidget(right);
    auto* bannerLayout = new QVBoxLayout(m_bannerHolder);
    bannerLayout->setContentsMargins(0, 0, 0, 0);
    bannerLayout->addWidget(m_banner);
    rightLayout->addWidget(m_bannerHolder);
    rightLayout->addWidget(m_stack, 1);
    m_splitter = new QSplitter(this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({240, 900});
    setCentralWidget(m_splitter);
    m_keyboard = new KeyboardController(this, m_reader, [this] { return isReading(); });
    m_keyboard->setEscapeKeeper([this](const QWidget* widget) {
        return m_sidebar->isAncestorOf(widget) && !m_sidebar->searchField()->text().isEmpty();
    });
    connect(m_keyboard, &KeyboardController::escapePressed, this, [this] {
        if (!m_childMode->isOn())
            setFullScreen(false); // child mode stays full screen
    });
    connect(m_newStoryPage, &NewStoryPage::backRequested, this, [this] {
        if (!m_storyBeforeNew.isEmpty() && m_library->record(m_storyBeforeNew))
            openStory(m_storyBeforeNew);
    });

    m_providerLabel = new QLabel(this);
    m_proxyLabel = new QLabel(this);
    m_stateLabel = new QLabel(this);
    for (QLabel* label : {m_providerLabel, m_proxyLabel, m_stateLabel})
        label->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_stateLabel, 1);
    statusBar()->addPermanentWidget(m_providerLabel);
    statusBar()->addPermanentWidget(m_proxyLabel);

    m_narration = new NarrationWiring(m_generator.get(), m_banner, m_secrets, [this] { return m_reader->currentPageId(); }, this);
    connect(m_narration, &NarrationWiring::changed, this, &MainWindow::updateActions);
    // Reading aloud asks for the narration a page lacks; the reader knows whether a provider can make it.
    m_reader->setVoiceProviderAvailable(m_narration->isAvailable());
    connect(m_narration, &NarrationWiring::availabilityChanged, m_reader, &Widgets::ReaderWidget::setVoiceProviderAvailable);
    connect(m_reader, &Widgets::ReaderWidget::narrationWanted, m_narration,
            [this](const QString& pageId) { m_narration->narrate(pageId, false); });
    createActions();

    connect(m_ideaPanel, &IdeaPanel::generateRequested, this, &MainWindow::generate);
    connect(m_ideaPanel, &IdeaPanel::stopRequested, this, [this] { m_generator->stop(); });
    connect(m_banner, &ErrorBanner::diagnosticsRequested, this, &MainWindow::openDiagnostics);
    connect(m_banner, &ErrorBanner::providerSettingsRequested, this, &MainWindow::openSettings);
    connect(m_banner, &ErrorBanner::pictureSettingsRequested, this, &MainWindow::openSettings);
    connect(m_banner, &ErrorBanner::connectRequested, this, [this] {
        if (const auto chosen = SettingsUi::ConnectDialog::run(m_connection, m_secrets, this))
            useConnectionSettings(*chosen);
    });
    connect(m_banner, &ErrorBanner::retryRequested, this, [this] {
        const QString id = currentStoryId();
        if (const std::optional<QString> picture = std::exchange(m_lastFailedPicture, std::nullopt); picture && !id.isEmpty()) {
            showProblem(m_generator->paintPicture(id, *picture));
            updateActions();
            return;
        }
        if (!id.isEmpty() && !m_lastFailedPage.isEmpty())
            showProblem(m_generator->regenerate(id, m_lastFailedPage));
        else
            generate();
    });
    connect(m_banner, &ErrorBanner::actionRequested, this, [this] {
        const NoticeAction action = std::exchange(m_noticeAction, NoticeAction::None);
        if (action == NoticeAction::Restart) {
            restartApp();
            return;
        }
        if (action != NoticeAction::UndoDelete || m_lastDeleted.isEmpty())
            return;
        showProblem(m_library->restore(m_lastDeleted));
        m_sidebar->refresh();
        openStory(m_lastDeleted);
        m_lastDeleted.clear();
    });

    connect(m_sidebar, &LibrarySidebar::openRequested, this, &MainWindow::openStory);
    connect(m_sidebar, &LibrarySidebar::renameRequested, this, &MainWindow::renameStory);
    connect(m_sidebar, &LibrarySidebar::deleteRequested, this, &MainWindow::deleteStory);
    connect(m_sidebar, &LibrarySidebar::exportRequested, this, &MainWindow::exportStory);
    connect(m_sidebar, &LibrarySidebar::importRequested, this, &MainWindow::importStory);
    connect(m_sidebar, &LibrarySidebar::openFolderRequested, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_library->folder())); });

    connect(m_reader, &Widgets::ReaderWidget::answerChosen, this,
            [this](const QString& pageId, int index, const QString& own) {
                m_banner->dismiss();
                // Words on the family word list are never sent: the child is asked, kindly, for other words.
                if (const auto story = m_generator->story(); story && index < 0
                    && Story::WordList::check(own, story->settings.language)) {
                    m_reader->pageView()->setAnswerHint(Story::WordList::tryOtherWords(story->settings.language));
                    return;
                }
                const QString problem = m_generator->answer(currentStoryId(), pageId, index, own);
                showProblem(problem);
                // An answer whose branch is written already goes back to it (nothing is written):
                // the view follows the story's path from the page answered.
                if (problem.isEmpty() && !m_generator->isBusy())
                    showPageAfter(pageId);
                focusStory(); // never left on whatever comes next in the focus chain
            });
    // "Finish this page" on a draft: the page is written on from where it stopped.
    connect(m_reader, &Widgets::ReaderWidget::finishDraftRequested, this, [this](const QString& pageId) {
        m_banner->dismiss();
        const std::shared_ptr<const Story::Story> story = m_generator->story();
        const Story::Page* page = story ? story->page(pageId) : nullptr;
        if (page && story->settings.readToMe)
            showProblem(m_generator->continueReading(story->id));
        else if (page)
            showProblem(m_generator->regenerate(story->id, pageId));
        focusStory();
    });
    connect(m_reader, &Widgets::ReaderWidget::currentPageChanged, this, [this] {
        showAllowedPage();
        updateActions();
    });
    connect(m_reader, &Widgets::ReaderWidget::readAloudProblem, this, [this](const QString& problem) {
        m_banner->report({ErrorBanner::Cause::Speech, problem, QString(), ErrorBanner::Fix::None, false, QString()});
        updateActions();
    });
    connect(m_reader, &Widgets::ReaderWidget::readingAloudChanged, this, [this] { updateActions(); });
    m_reader->setSpeechSettings(Speech::SpeechSettings::load(settings));

    using Generator = Generation::StoryGenerator;
    connect(m_generator.get(), &Generator::storyChanged, this, &MainWindow::onStoryChanged);
    connect(m_generator.get(), &Generator::pageStarted, this, [this](const QString& storyId, const QString& pageId) {
        m_reader->beginStreaming(pageId);
        m_ideaPanel->setBusy(true);
        m_reader->setBusy(true);
        // The page being written is the one shown: the next page, or a new branch from an earlier one.
        if (storyId == currentStoryId() && m_reader->story() && m_reader->story()->page(pageId)
            && m_reader->currentPageId() != pageId)
            m_reader->showPage(pageId);
        updateStatus();
        updateActions();
    });
    connect(m_generator.get(), &Generator::pageTextAppended, this,
            [this](const QString&, const QString& pageId, const QString& text) { m_reader->appendStreamingText(pageId, text); });
    connect(m_generator.get(), &Generator::pageFinished, m_reader, [this] {
        m_reader->endStreaming();
        m_banner->clear(ErrorBanner::Cause::Writing); // the story writer answered: its problem is gone
    });
    connect(m_generator.get(), &Generator::failed, this, &MainWindow::onFailed);
    connect(m_generator.get(), &Generator::finished, this, &MainWindow::onFinished);
    connect(m_generator.get(), &Generator::pictureStarted, this, [this](const QString& storyId, const QString& pageId) {
        if (!pageId.isEmpty() && storyId == currentStoryId())
            m_reader->setPicturePending(pageId, true);
        updateActions();
    });
    connect(m_generator.get(), &Generator::picturePainted, this, [this](const QString&, const QString& pageId) {
        if (!pageId.isEmpty())
            m_reader->setPicturePending(pageId, false);
        m_banner->clear(ErrorBanner::Cause::Pictures);
        updateActions();
    });
    connect(m_generator.get(), &Generator::picturesIdle, this, [this] { updateActions(); });
    connect(m_generator.get(), &Generator::pictureFailed, this,
            [this](const QString&, const QString& pageId, const Llm::LlmError& error) {
                // The page's text is untouched; the banner says what went wrong with the picture.
                m_lastFailedPicture = pageId;
                if (!pageId.isEmpty())
                    m_reader->setPicturePending(pageId, false);
                m_banner->showLlmError(ErrorBanner::Cause::Pictures, error, true);
                updateActions();
            });
    connect(m_generator.get(), &Generator::saveFailed, this, [this](const QString& message) {
        m_banner->showError(message, tr("Check that the library folder is writable and the disk is not full."), false);
    });

    restoreState();
    connect(m_childMode, &ChildMode::changed, this, &MainWindow::onChildModeChanged);
    // Child mode hides these and disables every menu action but Read aloud (it starts here when
    // the app was left in it).
    QList<QAction*> locked = menuActions();
    locked.removeAll(m_readAloud);
    m_childMode->setLocked({menuBar(), m_toolBar, m_sidebar, statusBar(), m_bannerHolder}, locked);
    m_generator->setGentleRetry(m_childMode->isOn());
    showCurrentPlace();
    if (isReading())
        focusStory(); // the first key pressed turns the page, never types into the search field
    else
        m_newStoryPage->focusIdea();
    updateStatus();
    if (!libraryProblem.isEmpty())
        m_banner->showError(libraryProblem, tr("Choose another library folder with --library DIR."), false);
    else if (!settingsCopy.isEmpty())
        m_banner->showError(tr("The settings file could not be read, so the defaults are used. A copy of it was kept as “%1”.")
                                .arg(QDir::toNativeSeparators(settingsCopy)),
                            tr("Check the settings (Settings…) and save them again."), false);
    else if (!rescueProblem.isEmpty())
        m_banner->showError(tr("The settings file could not be read, so the defaults are used."),
                            tr("Saving the settings will replace the file: %1").arg(rescueProblem), false);
    loadSecretsThenConnect();
    if (!m_secrets->isPersistent())
        m_banner->reportNoKeychain(m_secrets->fallbackReason());
    connect(m_secrets, &SettingsUi::SecretStore::persistenceLost, m_banner, &ErrorBanner::reportNoKeychain);
    if (SettingsUi::KeyNeeds::isFirstRun(settings))
        m_banner->offerSetup();
}

MainWindow::~MainWindow()
{
    // The store goes first: its late keychain answers (whose callbacks capture this window) are
    // then dropped, never delivered to a window half destroyed. Pending writes finish on their own.
    delete m_secrets;
    m_secrets = nullptr;
    // The generator next (declared last): a page being written is kept as a saved draft.
    m_generator.reset();
}

void MainWindow::loadSecretsThenConnect()
{
    // Secrets come from the keychain asynchronously; the client is updated when they arrive.
    m_secrets->read(ApiKeySecret, [this](const QString& value, const QString&) {
        m_connection.apiKey = value;
        m_secrets->read(ProxyPasswordSecret, [this](const QString& password, const QString&) {
            m_connection.proxy.password = password;
            m_client->setSettings(m_connection);
            // The picture provider shares the network's proxy; its key is its own.
            m_pictureConnection.proxy.password = password;
            m_narration->setProxyPassword(password);
            m_secrets->read(PictureKeySecret, [this](const QString& pictureKey, const QString&) {
                m_pictureConnection.apiKey = pictureKey;
                m_pictureClient->setSettings(m_pictureConnection);
            });
            updateStatus();
        });
    });
}

void MainWindow::usePictureSettings(const Llm::ConnectionSettings& settings)
{
    m_pictureConnection = settings;
    m_pictureClient->setSettings(settings);
}

void MainWindow::useConnectionSettings(const Llm::ConnectionSettings& settings)
{
    m_connection = settings;
    m_client->setSettings(settings);
    m_banner->clear(ErrorBanner::Cause::Setup);
    updateStatus();
}

QString MainWindow::currentStoryId() const
{
    return m_generator->storyId();
}

QString MainWindow::statusText() const
{
    return m_stateLabel->text() + u' ' + m_providerLabel->text() + u' ' + m_proxyLabel->text();
}

void MainWindow::generate()
{
    m_banner->dismiss();
    m_lastFailedPage.clear();
    const Story::StorySettings settings = m_ideaPanel->settings();
    if (settings.idea.isEmpty()) {
        m_banner->showNotice(tr("Please write a story idea first."), QString());
        return;
    }
    // A service on the internet without a key would refuse the request: connect it first.
    if (SettingsUi::KeyNeeds::needsKey(m_connection)) {
        if (const auto chosen = SettingsUi::ConnectDialog::run(m_connection, m_secrets, this))
            useConnectionSettings(*chosen);
        if (SettingsUi::KeyNeeds::needsKey(m_connection)) {
            m_banner->offerKey(m_connection.baseUrl.host());
            return;
        }
    }
    if (Story::WordList::check(settings.idea + u'\n' + settings.characters + u'\n' + settings.moral, settings.language)) {
        m_banner->showNotice(Story::WordList::ideaNeedsOtherWords(), QString());
        return;
    }
    showProblem(m_generator->startNew(settings));
}

void MainWindow::newStory()
{
    if (m_childMode->isOn())
        return;
    if (m_generator->isBusy()) {
        showProblem(tr("Please wait until the page is written, or stop it first."));
        return;
    }
    const QString open = currentStoryId();
    if (!open.isEmpty())
        m_storyBeforeNew = open;
    m_generator->close();
    m_reader->setStory(nullptr);
    showCurrentPlace();
    m_newStoryPage->focusIdea();
    updateActions();
}

void MainWindow::openStory(const QString& id)
{
    if (id.isEmpty())
        return;
    if (const QString problem = m_generator->open(id); !problem.isEmpty()) {
        showProblem(problem);
        return;
    }
    onStoryChanged(id);
    m_sidebar->selectStory(id);
}

void MainWindow::onStoryChanged(const QString& storyId)
{
    std::shared_ptr<const Story::Story> story = m_generator->story();
    if (!story || story->id != storyId)
        return;
    // The idea form is left as the parent typed it: peeking at a story never overwrites it.
    const bool another = !m_reader->story() || m_reader->story()->id != storyId;
    m_reader->setStory(story);
    showAllowedPage();
    const bool wasReading = isReading();
    showCurrentPlace();
    if (another || !wasReading)
        focusStory();
    updateTitle();
    updateStatus();
    m_library->dropBlank(storyId); // a blank story left for another one is not kept (issue 18)
    m_sidebar->refresh();
    m_sidebar->selectStory(storyId);
    updateActions();
}

void MainWindow::onFailed(const QString&, const QString& pageId, const Llm::LlmError& error)
{
    m_reader->endStreaming(); // the draft, or the earlier version of a page written again
    m_lastFailedPage = pageId;
    if (error.kind == Llm::LlmError::Kind::Cancelled) {
        m_banner->showNotice(tr("Stopped. What was written so far is kept; you can write the page again."), QString());
        return;
    }
    m_banner->showLlmError(ErrorBanner::Cause::Writing, error, true);
    qCInfo(lcApp) << "page failed:" << Llm::LlmError::kindName(error.kind);
}

void MainWindow::onFinished(const QString&)
{
    m_ideaPanel->setBusy(false);
    m_reader->setBusy(false);
    updateStatus();
    updateActions();
    m_sidebar->refresh();
    if (isReading() && !KeyboardController::takesText(QApplication::focusWidget()))
        focusStory();
}

void MainWindow::regeneratePage()
{
    const QString page = m_reader->currentPageId();
    if (!page.isEmpty()) {
        m_banner->dismiss();
        showProblem(m_generator->regenerate(currentStoryId(), page));
    }
}

void MainWindow::showVersions()
{
    const std::shared_ptr<const Story::Story> story = m_generator->story();
    const QString pageId = m_reader->currentPageId();
    if (!story || !story->page(pageId))
        return;
    VersionsDialog dialog(story, pageId, this);
    if (dialog.exec() == QDialog::Accepted && dialog.chosenVersion() >= 0)
        showProblem(m_generator->restoreVersion(story->id, pageId, dialog.chosenVersion()));
}

void MainWindow::editPage()
{
    const std::shared_ptr<const Story::Story> story = m_generator->story();
    const QString pageId = m_reader->currentPageId();
    if (!story || pageId.isEmpty() || !story->page(pageId))
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Edit the page"));
    auto* text = new QPlainTextEdit(&dialog);
    text->setPlainText(story->page(pageId)->text);
    text->setAccessibleName(tr("Page text"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(640, 420);
    if (dialog.exec() == QDialog::Accepted)
        showProblem(m_generator->editPageText(story->id, pageId, text->toPlainText()));
}

void MainWindow::toggleEnding(bool ending)
{
    const QString pageId = m_reader->currentPageId();
    if (!pageId.isEmpty())
        showProblem(m_generator->setEnding(currentStoryId(), pageId, ending));
}

void MainWindow::renameStory(const QString& id)
{
    if (m_childMode->isOn())
        return;
    const Story::StoryRecord* record = m_library->record(id);
    if (!record)
        return;
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Rename the story"), tr("Title:"), QLineEdit::Normal, record->title, &ok);
    if (ok && !title.trimmed().isEmpty())
        showProblem(m_generator->rename(id, title));
    m_sidebar->refresh();
}

void MainWindow::deleteStory(const QString& id)
{
    if (m_childMode->isOn())
        return;
    if (m_generator->isBusy() && id == currentStoryId()) {
        showProblem(tr("Please wait until the page is written, or stop it first."));
        return;
    }
    if (id == currentStoryId()) {
        m_generator->close();
        m_reader->setStory(nullptr);
        showCurrentPlace();
    }
    const QString title = m_library->record(id) ? m_library->record(id)->title : id;
    if (const QString problem = m_library->trash(id); !problem.isEmpty()) {
        showProblem(problem);
        return;
    }
    m_lastDeleted = id;
    m_noticeAction = NoticeAction::UndoDelete;
    m_sidebar->refresh();
    m_banner->showNotice(tr("“%1” was moved to the trash.").arg(title), tr("Undo"));
    updateActions();
}

void MainWindow::importStory()
{
    if (m_childMode->isOn())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a story"), QString(),
                                                      tr("Stories (*.storybook)"));
    if (!path.isEmpty())
        (void)importStoryFrom(path);
}

QString MainWindow::importStoryFrom(const QString& path)
{
    QString why;
    const std::optional<QString> id = m_library->import(path, &why);
    if (!id) {
        m_banner->showError(why, tr("Choose a .storybook file made by Interactive Storybook."), false);
        return why;
    }
    m_sidebar->refresh();
    openStory(*id);
    return currentStoryId() == *id ? QString() : m_banner->message();
}

void MainWindow::exportStory(const QString& id)
{
    if (id.isEmpty() || m_childMode->isOn())
        return;
    const Story::StoryRecord* record = m_library->record(id);
    QString filter;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
                         + (record && !record->title.isEmpty() ? record->title : id);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the story"), base + QStringLiteral(".pdf"),
                                                      tr("PDF picture book (*.pdf);;Web page (*.html);;Markdown (*.md)"), &filter);
    if (path.isEmpty())
        return;
    auto format = Story::exportFormatFromName(QFileInfo(path).suffix());
    if (!format)
        format = filter.contains(QLatin1String("html")) ? Story::ExportFormat::Html
                 : filter.contains(QLatin1String(".md")) ? Story::ExportFormat::Markdown
                                                         : Story::ExportFormat::Pdf;
    const bool allBranches = QMessageBox::question(this, tr("Export"), tr("Include every branch of the story, not only the one you read?"))
                             == QMessageBox::Yes;
    if (const QString problem = exportStoryTo(id, path, *format, allBranches); !problem.isEmpty())
        m_banner->showError(problem, tr("Check the folder and the free disk space."), false);
    else
        statusBar()->showMessage(tr("Exported to %1").arg(path), 5000);
}

QString MainWindow::exportStoryTo(const QString& id, const QString& path, Story::ExportFormat format, bool allBranches)
{
    QString why;
    std::shared_ptr<const Story::Story> story = id == currentStoryId() ? m_generator->story() : nullptr;
    if (!story) {
        std::optional<Story::Story> loaded = m_library->load(id, &why);
        if (!loaded)
            return why;
        story = std::make_shared<const Story::Story>(std::move(*loaded));
    }
    Story::ExportOptions options;
    options.allBranches = allBranches;
    return Story::exportToFile(*story, format, path, options);
}

void MainWindow::printStory()
{
    const std::shared_ptr<const Story::Story> story = m_generator->story();
    if (!story)
        return;
    // Printing goes through the PDF picture book, opened in the system's viewer to print.
    const QString path = QStandardPaths::writableLocation(QStandardPaths::TempLocation) + u'/'
                         + story->id + QStringLiteral(".pdf");
    if (const QString problem = Story::exportPdf(*story, path); !problem.isEmpty()) {
        m_banner->showError(problem, QString(), false);
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void MainWindow::openSettings()
{
    m_childMode->unlockSettingsThen([this] { openSettingsNow(false); });
}

void MainWindow::openSettingsNow(bool diagnostics)
{
    SettingsUi::SettingsDialog::Preferences preferences;
    preferences.language = QSettings().value(QStringLiteral("ui/language")).toString();
    preferences.speech = Speech::SpeechSettings::load(QSettings());
    preferences.pictureProvider = m_pictureConnection;
    {
        QSettings stored;
        preferences.pictures = Generation::PicturePreferences::load(stored);
        // Settings → Voice: the speech provider (its key read by the page from the keychain), voice, auto.
        preferences.speechProvider = Llm::ConnectionSettings::load(stored, Llm::ConnectionSettings::Role::Speech);
        preferences.voice = Llm::VoiceSettings::load(stored);
        preferences.narration = Generation::NarrationPreferences::load(stored);
    }
    SettingsUi::SettingsDialog dialog(m_connection, preferences, m_secrets, this);
    if (diagnostics)
        dialog.showDiagnostics();
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Llm::ConnectionSettings chosen = dialog.connectionSettings();
    QSettings settings;
    chosen.save(settings);
    settings.setValue(QStringLiteral("ui/language"), dialog.preferences().language);
    dialog.preferences().speech.save(settings);
    m_reader->setSpeechSettings(dialog.preferences().speech);
    m_secrets->write(ApiKeySecret, chosen.apiKey, [](const QString&) {});
    m_secrets->write(ProxyPasswordSecret, chosen.proxy.password, [](const QString&) {});
    // The picture provider: its own base URL, model, timeouts and key; the network is the one above.
    const Llm::ConnectionSettings pictureProvider = dialog.preferences().pictureProvider;
    pictureProvider.save(settings, Llm::ConnectionSettings::Role::Pictures);
    m_secrets->write(PictureKeySecret, pictureProvider.apiKey, [](const QString&) {});
    usePictureSettings(pictureProvider);
    // The speech provider: its own base URL, model, timeouts and key; its voice; "narration/auto".
    const Llm::ConnectionSettings speechProvider = dialog.preferences().speechProvider;
    speechProvider.save(settings, Llm::ConnectionSettings::Role::Speech);
    dialog.preferences().voice.save(settings);
    dialog.preferences().narration.save(settings);
    if (dialog.voicePage()->keyKnown()) // else the keychain had not answered: the stored key stays
        m_secrets->write(QString::fromLatin1(Llm::VoiceSettings::KeychainName), speechProvider.apiKey, [](const QString&) {});
    m_narration->reload(); // Settings → Voice (reads the key after the write above: the store answers in order)
    const Generation::PicturePreferences pictures = dialog.preferences().pictures;
    pictures.save(settings);
    m_generator->setPicturePreferences(pictures);
    m_ideaPanel->setPictureDefaults(pictures.enabled, pictures.artStyle);
    // The new language at once: every window gets QEvent::LanguageChange and translates itself.
    if (dialog.preferences().language != preferences.language)
        I18n::install(*qApp, dialog.preferences().language);
    useConnectionSettings(chosen);
}

void MainWindow::openDiagnostics()
{
    m_childMode->unlockSettingsThen([this] { openSettingsNow(true); });
}

void MainWindow::updateStatus()
{
    const std::shared_ptr<const Story::Story> story = m_generator->story();
    if (m_generator->isBusy())
        m_stateLabel->setText(tr("Writing a page…"));
    else if (story)
        m_stateLabel->setText(tr("Reading “%1”").arg(story->title.isEmpty() ? tr("New story") : story->title));
    else
        m_stateLabel->setText(tr("Ready"));
    m_providerLabel->setText(tr("%1 · %2").arg(hostOf(m_connection.baseUrl), m_connection.model));
    const Llm::EffectiveProxy proxy = m_client->effectiveProxy();
    m_proxyLabel->setText(proxy.error.isError() ? tr("Proxy problem") : (proxy.isDirect() ? tr("Direct") : proxy.display));
    m_proxyLabel->setToolTip(proxy.summary());
}

void MainWindow::showProblem(const QString& problem)
{
    if (!problem.isEmpty())
        m_banner->showNotice(problem, QString());
}

void MainWindow::restoreState()
{
    QSettings settings;
    // The first time: about 80 % of the screen, centred.
    if (!restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray())) {
        if (const QScreen* screen = QGuiApplication::primaryScreen()) {
            const QRect available = screen->availableGeometry();
            const QSize size(available.width() * 4 / 5, available.height() * 4 / 5);
            setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
        }
    }
    QMainWindow::restoreState(settings.value(QStringLiteral("ui/windowState")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("ui/splitter")).toByteArray());
    m_reader->splitter()->restoreState(settings.value(QStringLiteral("ui/readerSplitter")).toByteArray());
    m_reader->setMapVisible(m_showMap->isChecked()); // the splitter's state does not decide it
    m_sidebar->setVisible(m_showLibrary->isChecked());
    const QString last = settings.value(QStringLiteral("ui/lastStory")).toString();
    if (!last.isEmpty() && m_library->record(last)) {
        openStory(last);
        const QString page = settings.value(QStringLiteral("ui/lastPage")).toString();
        if (!page.isEmpty() && m_generator->story() && m_generator->story()->page(page))
            m_reader->showPage(page);
    }
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/windowState"), QMainWindow::saveState());
    settings.setValue(QStringLiteral("ui/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("ui/readerSplitter"), m_reader->splitter()->saveState());
    settings.setValue(QStringLiteral("ui/lastStory"), currentStoryId());
    settings.setValue(QStringLiteral("ui/lastPage"), m_reader->currentPageId());
}

void MainWindow::restartApp()
{
    if (!close())
        return;
    // The draft of a page being written is saved when the window goes; the new process reads it.
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments))
        qCWarning(lcApp) << "could not start the app again";
}

bool MainWindow::isReading() const
{
    return m_stack->currentWidget() == m_reader;
}

void MainWindow::showCurrentPlace()
{
    const bool open = m_generator->story() != nullptr || m_childMode->isOn(); // child mode: only reading
    m_stack->setCurrentWidget(open ? static_cast<QWidget*>(m_reader) : m_newStoryPage);
    m_newStoryPage->setCanGoBack(!open && !m_storyBeforeNew.isEmpty() && m_library->record(m_storyBeforeNew));
    updateTitle();
    updateStatus();
    updateActions();
}

void MainWindow::showPageAfter(const QString& pageId)
{
    const std::shared_ptr<const Story::Story> story = m_generator->story();
    if (!story)
        return;
    const qsizetype at = story->path.indexOf(pageId);
    if (at >= 0 && at + 1 < story->path.size())
        m_reader->showPage(story->path.at(at + 1));
}

void MainWindow::showAllowedPage()
{
    const std::shared_ptr<const Story::Story> story = m_reader->story();
    const QString current = m_reader->currentPageId();
    if (!story || current.isEmpty())
        return;
    const QString allowed = m_childMode->pageToShow(*story, current);
    if (allowed != current && !allowed.isEmpty())
        m_reader->showPage(allowed);
}

void MainWindow::onChildModeChanged(bool on)
{
    // Never an empty page for the child: without an open story the newest one is opened.
    if (on && !m_generator->story() && !m_library->records().isEmpty())
        openStory(m_library->records().first().id);
    m_generator->setGentleRetry(on); // a refused page is written once more, gently, before the child would miss it
    showCurrentPlace();
    if (on) {
        showAllowedPage();
    } else if (m_childMode->takeHeldBack() > 0) {
        m_banner->showNotice(tr("A page was not shown in child mode: the provider refused it. "
                                "You can read it here, write it again (Page → Write this page again) or choose another answer."),
                             QString());
    }
    updateActions();
    focusStory();
}

void MainWindow::focusStory()
{
    if (isReading())
        m_reader->focusStory();
}

void MainWindow::updateTitle()
{
    const std::shared_ptr<const Story::Story> story = m_generator->story();
    if (!story)
        setWindowTitle(isReading() ? tr("Interactive Storybook") : tr("New story — Interactive Storybook"));
    else
        setWindowTitle(tr("%1 — Interactive Storybook").arg(story->title.isEmpty() ? tr("New story") : story->title));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && m_storyMenu)
        retranslateUi();
    else if (event->type() == QEvent::WindowStateChange && m_fullScreen) {
        m_fullScreen->setChecked(isFullScreen());
        if (m_childMode && m_childMode->isOn() && !isFullScreen() && !isMinimized()) // child mode stays full screen
            QTimer::singleShot(0, this, [this] {
                if (m_childMode->isOn() && !isFullScreen())
                    showFullScreen();
            });
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_childMode->isOn()) { // Alt+F4, the window's close button, Quit: a child cannot leave
        event->ignore();
        return;
    }
    saveState();
    // A page being written is stopped and kept as a draft when the generator is destroyed.
    event->accept();
}

} // namespace Storybook::App
