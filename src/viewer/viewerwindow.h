#pragma once

#include "library.h"
#include "story.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QSplitter;
class QStackedWidget;

namespace Storybook::Widgets {
class LibraryFilterModel;
class LibraryModel;
class ReaderWidget;
} // namespace Storybook::Widgets

namespace Storybook::Viewer {

// The viewer's window: a library list (title, date, pages, language; search) beside the reader in
// Read mode, or a single story file. Never writes a story. The list is a view over a LibraryModel:
// a search filters its rows, and choosing a row (mouse or keyboard) opens the story.
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
    [[nodiscard]] Widgets::LibraryModel* libraryModel() const { return m_model; }
    [[nodiscard]] QListView* libraryView() const { return m_list; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    [[nodiscard]] QVariant present(const QModelIndex& sourceIndex, int role) const;
    void search(const QString& query);
    // Selects the story shown again after the rows changed, or nothing when it is not listed.
    void keepSelection();
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
    Widgets::LibraryModel* m_model = nullptr;
    Widgets::LibraryFilterModel* m_filter = nullptr;
    QListView* m_list = nullptr;
    QString m_chosenId; // the story chosen in the list last
    bool m_adjusting = false; // rows are changing: a current row moved by the view opens nothing
    QLabel* m_folderLabel = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_problem = nullptr;
    Widgets::ReaderWidget* m_reader = nullptr;
};

} // namespace Storybook::Viewer
