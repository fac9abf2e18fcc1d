#include "mainwindow.h"

#include "speechsettings.h"

#include "errorbanner.h"
#include "illustrator.h"
#include "ideapanel.h"
#include "librarysidebar.h"
#include "llmclient.h"
#include "readerwidget.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "settingsrescue.h"
#include "storyexporter.h"
#include "storygenerator.h"
#include "versionsdialog.h"

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
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
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
    setWindowTitle(tr("Interactive Storybook"));
    setObjectName(QStringLiteral("mainWindow"));

    const QString folder = options.libraryFolder.isEmpty() ? Story::Library::defaultFolder() : options.libraryFolder;
    m_library = std::make_unique<Story::Library>(folder);
    if (!QFileInfo::exists(folder))
        m_library->addSamples(); // a new library starts with something to read
    const QString libraryProblem = m_library->reload();

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
    m_ideaPanel = new IdeaPanel(this);
    m_banner = new ErrorBanner(this);
    m_reader = new Widgets::ReaderWidget(Widgets::ReaderWidget::Mode::Write, this);
    m_ideaPanel->setPictureDefaults(pictures.enabled, pictures.artStyle);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_ideaPanel);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_reader, 1);
    m_splitter = new QSplitter(this);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({260, 900});
    setCentralWidget(m_splitter);

    m_providerLabel = new QLabel(this);
    m_proxyLabel = new QLabel(this);
    m_stateLabel = new QLabel(this);
    for (QLabel* label : {m_providerLabel, m_proxyLabel, m_stateLabel})
        label->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_stateLabel, 1);
    statusBar()->addPermanentWidget(m_providerLabel);
    statusBar()->addPermanentWidget(m_proxyLabel);

    createActions();

    connect(m_ideaPanel, &IdeaPanel::generateRequested, this, &MainWindow::generate);
    connect(m_ideaPanel, &IdeaPanel::stopRequested, this, [this] { m_generator->stop(); });
    connect(m_banner, &ErrorBanner::diagnosticsRequested, this, &MainWindow::openDiagnostics);
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
                showProblem(m_generator->answer(currentStoryId(), pageId, index, own));
            });
    connect(m_reader, &Widgets::ReaderWidget::currentPageChanged, this, [this] { updateActions(); });
    connect(m_reader, &Widgets::ReaderWidget::readAloudProblem, this, [this](const QString& problem) {
        m_banner->showError(problem, QString(), false);
        updateActions();
    });
    connect(m_reader, &Widgets::ReaderWidget::readingAloudChanged, this, [this] { updateActions(); });
    m_reader->setSpeechSettings(Speech::SpeechSettings::load(settings));

    using Generator = Generation::StoryGenerator;
    connect(m_generator.get(), &Generator::storyChanged, this, &MainWindow::onStoryChanged);
    connect(m_generator.get(), &Generator::pageStarted, this, [this](const QString&, const QString& pageId) {
        m_reader->beginStreaming(pageId);
        m_ideaPanel->setBusy(true);
        m_reader->setBusy(true);
        updateStatus(tr("Writing a page…"));
        updateActions();
    });
    connect(m_generator.get(), &Generator::pageTextAppended, this,
            [this](const QString&, const QString& pageId, const QString& text) { m_reader->appendStreamingText(pageId, text); });
    connect(m_generator.get(), &Generator::pageFinished, m_reader, [this] { m_reader->endStreaming(); });
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
        updateActions();
    });
    connect(m_generator.get(), &Generator::picturesIdle, this, [this] { updateActions(); });
    connect(m_generator.get(), &Generator::pictureFailed, this,
            [this](const QString&, const QString& pageId, const Llm::LlmError& error) {
                // The page's text is untouched; the banner says what went wrong with the picture.
                m_lastFailedPicture = pageId;
                if (!pageId.isEmpty())
                    m_reader->setPicturePending(pageId, false);
                m_banner->showError(tr("The picture could not be painted: %1").arg(error.message), error.hint, true);
                updateActions();
            });
    connect(m_generator.get(), &Generator::saveFailed, this, [this](const QString& message) {
        m_banner->showError(message, tr("Check that the library folder is writable and the disk is not full."), false);
    });

    restoreState();
    updateStatus(tr("Ready"));
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

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&Story"));
    file->addAction(tr("&New story"), QKeySequence::New, this, &MainWindow::newStory);
    file->addAction(tr("&Import…"), QKeySequence::Open, this, &MainWindow::importStory);
    m_export = file->addAction(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                               [this] { exportStory(currentStoryId()); });
    m_print = file->addAction(tr("&Print…"), QKeySequence::Print, this, &MainWindow::printStory);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* page = menuBar()->addMenu(tr("&Page"));
    m_regenerate = page->addAction(tr("&Write this page again"), QKeySequence(Qt::CTRL | Qt::Key_R), this, &MainWindow::regeneratePage);
    m_edit = page->addAction(tr("&Edit the text…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this, &MainWindow::editPage);
    m_paintAgain = page->addAction(tr("&Paint this picture again"), this, [this] {
        m_banner->dismiss();
        m_lastFailedPicture.reset();
        showProblem(m_generator->paintPicture(currentStoryId(), m_reader->currentPageId()));
        updateActions();
    });
    m_paintAgain->setObjectName(QStringLiteral("paintAgainAction"));
    m_versions = page->addAction(tr("Earlier &versions…"), this, &MainWindow::showVersions);
    m_versions->setObjectName(QStringLiteral("earlierVersionsAction"));
    m_goOn = page->addAction(tr("&Go on reading"), this, [this] {
        m_banner->dismiss();
        showProblem(m_generator->continueReading(currentStoryId()));
    });
    m_goOn->setObjectName(QStringLiteral("goOnReadingAction"));
    m_readAloud = page->addAction(tr("Read &aloud"), QKeySequence(Qt::Key_F5), m_reader, &Widgets::ReaderWidget::toggleReadAloud);
    m_readAloud->setCheckable(true);
    m_readAloud->setVisible(m_reader->speechAvailable());
    m_ending = page->addAction(tr("This page is the &ending"));
    m_ending->setCheckable(true);
    connect(m_ending, &QAction::triggered, this, &MainWindow::toggleEnding);

    QMenu* tools = menuBar()->addMenu(tr("&Settings"));
    tools->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::openSettings);
    tools->addAction(tr("Connection &diagnostics…"), this, &MainWindow::openDiagnostics);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About"), this, [this] {
        QMessageBox::about(this, tr("About Interactive Storybook"),
                           tr("Interactive Storybook %1\n\nPicture-book stories written with you, page by page.")
                               .arg(QStringLiteral(STORYBOOK_VERSION)));
    });

    QToolBar* bar = addToolBar(tr("Story"));
    bar->setObjectName(QStringLiteral("storyToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(m_regenerate);
    bar->addAction(m_edit);
    bar->addAction(m_ending);
    bar->addSeparator();
    bar->addAction(m_export);
    if (m_reader->speechAvailable()) {
        bar->addSeparator();
        bar->addAction(m_readAloud);
    }
    updateActions();
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
    showProblem(m_generator->startNew(settings));
}

void MainWindow::newStory()
{
    if (m_generator->isBusy()) {
        showProblem(tr("Please wait until the page is written, or stop it first."));
        return;
    }
    m_generator->close();
    m_reader->setStory(nullptr);
    setWindowTitle(tr("Interactive Storybook"));
    m_ideaPanel->setFocus();
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
    const bool another = !m_reader->story() || m_reader->story()->id != storyId;
    if (another)
        m_ideaPanel->setSettings(story->settings);
    m_reader->setStory(story);
    setWindowTitle(tr("%1 — Interactive Storybook").arg(story->title.isEmpty() ? tr("New story") : story->title));
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
    m_banner->showError(error.message, error.hint, true);
    qCInfo(lcApp) << "page failed:" << Llm::LlmError::kindName(error.kind);
}

void MainWindow::onFinished(const QString&)
{
    m_ideaPanel->setBusy(false);
    m_reader->setBusy(false);
    updateStatus(tr("Ready"));
    updateActions();
    m_sidebar->refresh();
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
    if (m_generator->isBusy() && id == currentStoryId()) {
        showProblem(tr("Please wait until the page is written, or stop it first."));
        return;
    }
    if (id == currentStoryId()) {
        m_generator->close();
        m_reader->setStory(nullptr);
        setWindowTitle(tr("Interactive Storybook"));
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
    if (id.isEmpty())
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
    SettingsUi::SettingsDialog::Preferences preferences;
    preferences.language = QSettings().value(QStringLiteral("ui/language")).toString();
    preferences.speech = Speech::SpeechSettings::load(QSettings());
    preferences.pictureProvider = m_pictureConnection;
    {
        QSettings stored;
        preferences.pictures = Generation::PicturePreferences::load(stored);
    }
    SettingsUi::SettingsDialog dialog(m_connection, preferences, m_secrets, this);
    if (property("openDiagnostics").toBool())
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
    const Generation::PicturePreferences pictures = dialog.preferences().pictures;
    pictures.save(settings);
    m_generator->setPicturePreferences(pictures);
    m_ideaPanel->setPictureDefaults(pictures.enabled, pictures.artStyle);
    if (dialog.preferences().language != preferences.language) {
        m_noticeAction = NoticeAction::Restart;
        m_banner->showNotice(tr("The new language is used after a restart."), tr("Restart now"));
    }
    useConnectionSettings(chosen);
}

void MainWindow::openDiagnostics()
{
    setProperty("openDiagnostics", true);
    openSettings();
    setProperty("openDiagnostics", false);
}

void MainWindow::updateStatus(const QString& state)
{
    if (!state.isEmpty())
        m_stateLabel->setText(state);
    m_providerLabel->setText(tr("%1 · %2").arg(hostOf(m_connection.baseUrl), m_connection.model));
    const Llm::EffectiveProxy proxy = m_client->effectiveProxy();
    m_proxyLabel->setText(proxy.error.isError() ? tr("Proxy problem") : (proxy.isDirect() ? tr("Direct") : proxy.display));
    m_proxyLabel->setToolTip(proxy.summary());
}

void MainWindow::updateActions()
{
    const std::shared_ptr<const Story::Story> story = m_generator->story();
    const QString pageId = m_reader->currentPageId();
    const Story::Page* page = story && !pageId.isEmpty() ? story->page(pageId) : nullptr;
    const bool busy = m_generator->isBusy();
    m_regenerate->setEnabled(page && !busy);
    m_edit->setEnabled(page && !busy);
    m_ending->setEnabled(page && !busy);
    m_ending->setChecked(page && page->ending);
    m_versions->setEnabled(page && !page->previousVersions.isEmpty() && !busy);
    const bool illustrated = story && story->settings.pictures;
    m_paintAgain->setVisible(illustrated);
    m_paintAgain->setEnabled(illustrated && page && !page->isDraft() && !m_generator->isPainting(page->id));
    // Read-to-me stopped (by Stop or a failure) before its ending: it can go on.
    m_goOn->setVisible(story && story->settings.readToMe);
    m_goOn->setEnabled(story && story->settings.readToMe && !story->isFinished() && !busy);
    m_export->setEnabled(story != nullptr);
    m_print->setEnabled(story != nullptr);
    m_readAloud->setChecked(m_reader->isReadingAloud());
    m_readAloud->setEnabled(page || m_reader->isReadingAloud());
}

void MainWindow::showProblem(const QString& problem)
{
    if (!problem.isEmpty())
        m_banner->showNotice(problem, QString());
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("ui/windowState")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("ui/splitter")).toByteArray());
    m_reader->splitter()->restoreState(settings.value(QStringLiteral("ui/readerSplitter")).toByteArray());
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

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveState();
    // A page being written is stopped and kept as a draft when the generator is destroyed.
    event->accept();
}

} // namespace Storybook::App
