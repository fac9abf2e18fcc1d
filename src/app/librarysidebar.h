#pragma once

#include "library.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QPushButton;
class QStackedWidget;

namespace Storybook::Widgets {
class LibraryCovers;
class LibraryFilterModel;
class LibraryModel;
class LibraryTrashView;
} // namespace Storybook::Widgets

namespace Storybook::App {

// The story library beside the page: search as you type, sort by date or title, a cover line per
// story, and the actions a parent expects (open, rename, delete with undo, import, export, folder).
// A list view over a LibraryModel: searching filters the rows in and out, and a refresh changes only
// the rows of the stories that changed.
//
// Each row has a cover (the story's first picture, or its initial on a colour of its own) and the
// title as the library shows it (unique: "The Moon Lantern (2)"). A search that finds nothing says
// so; Escape in the search field (or in the list) clears the search. Moving through the list with
// the keyboard opens the story the selection rests on (after a short pause, so holding an arrow key
// does not open every story on the way); a click or Enter opens at once. Blank stories (a first
// page that failed before its first word) are not listed, except the open one.
// The Trash button at the bottom shows the deleted stories instead (Widgets::LibraryTrashView).
class LibrarySidebar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibrarySidebar)

public:
    explicit LibrarySidebar(Story::Library* library, QWidget* parent = nullptr);
    ~LibrarySidebar() override;

    // Brings the list in line with the library (after it changed); keeps the selection when it can.
    void refresh();
    void selectStory(const QString& id);
    [[nodiscard]] QString selectedStoryId() const;
    [[nodiscard]] Widgets::LibraryModel* model() const { return m_model; }
    [[nodiscard]] QListView* view() const { return m_list; }
    [[nodiscard]] QLineEdit* searchField() const { return m_search; }
    // Shown when a search finds nothing ("No story matches “xyz”").
    [[nodiscard]] QLabel* emptySearchLabel() const { return m_noMatch; }
    [[nodiscard]] Widgets::LibraryTrashView* trashView() const { return m_trash; }
    [[nodiscard]] Widgets::LibraryCovers* covers() const { return m_covers; }
    // Shows the trash (true) or the stories (false), as the Trash button does.
    void showTrash(bool show);
    [[nodiscard]] bool isShowingTrash() const;
    // How long the selection rests on a story chosen with the keyboard before it opens.
    static constexpr int KeyboardOpenDelayMs = 300;

Q_SIGNALS:
    void openRequested(const QString& id);
    void renameRequested(const QString& id);
    void deleteRequested(const QString& id);
    void exportRequested(const QString& id);
    void importRequested();
    void openFolderRequested();
    // A story came back from the trash.
    void restoredFromTrash(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate(); // every text, again in the current language
    [[nodiscard]] QVariant present(const QModelIndex& sourceIndex, int role) const;
    // Selects m_selectedId again after the rows changed, or nothing when it is not shown.
    void keepSelection();
    void openIfReadable(const QModelIndex& index);
    void openChosenWithKeyboard();
    void showMenu(const QPoint& position);
    void updateNoMatch();
    void updateTrashButton();
    bool eventFilter(QObject* watched, QEvent* event) override;

    Widgets::LibraryModel* m_model = nullptr;
    Widgets::LibraryFilterModel* m_filter = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_sort = nullptr;
    QListView* m_list = nullptr;
    QPushButton* m_import = nullptr;
    QLabel* m_heading = nullptr; // "My stories", or "Trash" while the trash is shown
    QLabel* m_noMatch = nullptr;
    QStackedWidget* m_pages = nullptr;
    Widgets::LibraryTrashView* m_trash = nullptr;
    QPushButton* m_trashButton = nullptr;
    Widgets::LibraryCovers* m_covers = nullptr;
    QTimer m_keyboardOpen; // a story chosen with the keyboard opens when the selection rests
    QString m_openedId;    // the story opened last (asked for here, or said by selectStory)
    QString m_selectedId; // the story chosen last, selected again whenever it is shown
    bool m_adjusting = false; // rows are changing: a current row moved by the view is not a choice
};

} // namespace Storybook::App
