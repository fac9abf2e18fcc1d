#pragma once

#include "library.h"
#include "story.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QStackedWidget;

namespace Storybook::Widgets {
class ReaderWidget;
}

namespace Storybook::Viewer {

// The viewer's window: a library list (title, date, pages, language; search) beside the reader in
// Read mode, or a single story file. Never writes a story.
class ViewerWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewerWindow)

public:
    explicit ViewerWindow(QWidget* parent = nullptr);
    ~ViewerWindow() override;

    // Lists the stories of a folder (the library) and opens the newest readable one.
    void openFolder(const QString& folder);
    // Opens one .storybook file (the library list is hidden). Returns false with a message shown.
    bool openFile(const QString& path);

    [[nodiscard]] Widgets::ReaderWidget* reader() const { return m_reader; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void fillList();
    void openSelected();
    void showStory(std::optional<Story::Story> story, const QString& problem);
    void updateTitle();
    void chooseFile();
    void chooseFolder();
    void about();

    std::unique_ptr<Story::Library> m_library;
    QSplitter* m_splitter = nullptr;
    QWidget* m_side = nullptr;
    QLineEdit* m_search = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_folderLabel = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_problem = nullptr;
    Widgets::ReaderWidget* m_reader = nullptr;
};

} // namespace Storybook::Viewer
