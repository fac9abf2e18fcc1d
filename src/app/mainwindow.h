#pragma once

#include "connectionsettings.h"
#include "library.h"
#include "storyexporter.h"
#include "llmerror.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolBar;

namespace Storybook::Llm {
class LlmClient;
}
namespace Storybook::Generation {
class StoryGenerator;
}
namespace Storybook::Widgets {
class ReaderWidget;
}
namespace Storybook::SettingsUi {
class SecretStore;
}

namespace Storybook::App {

class ChildMode;
class ErrorBanner;
class IdeaPanel;
class KeyboardController;
class LibrarySidebar;
class NarrationWiring;
class NewStoryPage;

// The coordinator: the library on the left (a side panel that can be hidden), and on the right
// either the reading view (whenever a story is open: the page fills the window) or the New story
// page; the status bar below. The work happens in the library, the generator and the widgets.
// Menus and actions: mainwindowactions.cpp; the reading keys: KeyboardController.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        QString libraryFolder; // empty: the default
    };

    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    // For tests and scripting.
    [[nodiscard]] Generation::StoryGenerator* generator() const { return m_generator.get(); }
    [[nodiscard]] Widgets::ReaderWidget* reader() const { return m_reader; }
    [[nodiscard]] IdeaPanel* ideaPanel() const { return m_ideaPanel; }
    [[nodiscard]] ErrorBanner* banner() const { return m_banner; }
    [[nodiscard]] Story::Library* library() const { return m_library.get(); }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] NewStoryPage* newStoryPage() const { return m_newStoryPage; }
    [[nodiscard]] LibrarySidebar* sidebar() const { return m_sidebar; }
    // Whether the reading view (not the New story page) is on screen.
    [[nodiscard]] bool isReading() const;
    [[nodiscard]] QToolBar* storyToolBar() const { return m_toolBar; }
    [[nodiscard]] ChildMode* childMode() const { return m_childMode; }
    // View → Show library / Show story map (remembered).
    void setLibraryVisible(bool visible);
    void setMapVisible(bool visible);
    // View → Full screen (F11; Escape leaves it).
    void setFullScreen(bool fullScreen);
    // Every action of the menus, in menu order (Help → Keyboard shortcuts lists them).
    [[nodiscard]] QList<QAction*> menuActions() const;
    // Applies connection settings (as the settings dialog does) without saving them.
    void useConnectionSettings(const Llm::ConnectionSettings& settings);
    // The same for the picture provider.
    void usePictureSettings(const Llm::ConnectionSettings& settings);

public Q_SLOTS:
    // Story → New story: closes the open story (not while a page is being written).
    void newStory();
    void openStory(const QString& id);
    // Moves a story to the trash (Undo in the banner); the open one is closed first.
    void deleteStory(const QString& id);
    // Copies a .storybook file into the library and opens it; returns a translated problem or "".
    QString importStoryFrom(const QString& path);
    void openSettings();
    void showShortcuts();
    void openDiagnostics();
    void exportStory(const QString& id);
    // Exports without asking; returns a translated problem or an empty string.
    QString exportStoryTo(const QString& id, const QString& path, Story::ExportFormat format, bool allBranches);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void createViewMenu();
    // Every text of the menus, the toolbar and the status (on QEvent::LanguageChange too).
    void retranslateUi();
    void updateTitle();
    // The reading view when a story is open, else the New story page.
    void showCurrentPlace();
    void focusStory();
    // Shows the page after `pageId` on the story's path (after an answer whose branch exists).
    void showPageAfter(const QString& pageId);
    void loadSecretsThenConnect();
    void generate();
    void onStoryChanged(const QString& storyId);
    void onFailed(const QString& storyId, const QString& pageId, const Llm::LlmError& error);
    void onFinished(const QString& storyId);
    void regeneratePage();
    void editPage();
    void showVersions();
    // Page → Record this page… / Delete my recording (issue 16).
    void recordPage();
    void deleteRecording();
    void toggleEnding(bool ending);
    void renameStory(const QString& id);
    void importStory();
    void printStory();
    // The state (writing, reading “title”, ready), the provider and the proxy.
    void updateStatus();
    void updateActions();
    void showProblem(const QString& problem);
    void restoreState();
    // Settings… or Connection diagnostics… (after the parent's PIN when the settings are locked).
    void openSettingsNow(bool diagnostics);
    // In child mode a page the provider refused is not shown: the page before it is.
    void showAllowedPage();
    void onChildModeChanged(bool on);
    void restartApp();
    void saveState() const;
    [[nodiscard]] QString currentStoryId() const;

    Options m_options;
    Llm::ConnectionSettings m_connection;
    std::unique_ptr<Story::Library> m_library;
    std::unique_ptr<Llm::LlmClient> m_client;
    Llm::ConnectionSettings m_pictureConnection; // the picture provider (Role::Pictures)
    std::unique_ptr<Llm::LlmClient> m_pictureClient;
    NarrationWiring* m_narration = nullptr; // narration from the speech provider (issue 16)
    SettingsUi::SecretStore* m_secrets = nullptr;
    // Declared after the client: destroyed first, so a page being written is saved as a draft
    // while the client still exists.
    std::unique_ptr<Generation::StoryGenerator> m_generator;

    LibrarySidebar* m_sidebar = nullptr;
    IdeaPanel* m_ideaPanel = nullptr;
    ErrorBanner* m_banner = nullptr;
    Widgets::ReaderWidget* m_reader = nullptr;
    QSplitter* m_splitter = nullptr;
    QStackedWidget* m_stack = nullptr;
    NewStoryPage* m_newStoryPage = nullptr;
    KeyboardController* m_keyboard = nullptr;
    ChildMode* m_childMode = nullptr;
    QWidget* m_bannerHolder = nullptr; // hidden in child mode
    QToolBar* m_toolBar = nullptr;
    QString m_storyBeforeNew; // the story New story closed: "Back to the story" opens it again
    QLabel* m_providerLabel = nullptr;
    QLabel* m_proxyLabel = nullptr;
    QLabel* m_stateLabel = nullptr;
    QAction* m_regenerate = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_versions = nullptr;
    QAction* m_paintAgain = nullptr;
    QAction* m_goOn = nullptr;
    QAction* m_ending = nullptr;
    QAction* m_export = nullptr;
    QAction* m_print = nullptr;
    QAction* m_readAloud = nullptr;
    QAction* m_recordPage = nullptr;
    QAction* m_deleteRecording = nullptr;
    QAction* m_stopWriting = nullptr;
    QMenu* m_storyMenu = nullptr;
    QMenu* m_pageMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_settingsMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_new = nullptr;
    QAction* m_import = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_settings = nullptr;
    QAction* m_diagnostics = nullptr;
    QAction* m_shortcuts = nullptr;
    QAction* m_about = nullptr;
    QAction* m_showLibrary = nullptr;
    QAction* m_showMap = nullptr;
    QAction* m_fullScreen = nullptr;
    QAction* m_zoomIn = nullptr;
    QAction* m_zoomOut = nullptr;
    QAction* m_zoomReset = nullptr;
    enum class NoticeAction { None, UndoDelete, Restart };
    NoticeAction m_noticeAction = NoticeAction::None;
    QString m_lastFailedPage;
    std::optional<QString> m_lastFailedPicture; // Retry paints it (an empty id: the character sheet)
    QString m_lastDeleted;
};

} // namespace Storybook::App
