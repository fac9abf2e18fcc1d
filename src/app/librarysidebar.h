#pragma once

#include "library.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListView;
class QModelIndex;

namespace Storybook::Widgets {
class LibraryFilterModel;
class LibraryModel;
} // namespace Storybook::Widgets

namespace Storybook::App {

// The story library beside the page: search as you type, sort by date or title, a cover line per
// story, and the actions a parent expects (open, rename, delete with undo, import, export, folder).
// A list view over a LibraryModel: searching filters the rows in and out, and a refresh changes only
// the rows of the stories that changed.
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

Q_SIGNALS:
    void openRequested(const QString& id);
    void renameRequested(const QString& id);
    void deleteRequested(const QString& id);
    void exportRequested(const QString& id);
    void importRequested();
    void openFolderRequested();

private:
    [[nodiscard]] QVariant present(const QModelIndex& sourceIndex, int role) const;
    // Selects m_selectedId again after the rows changed, or nothing when it is not shown.
    void keepSelection();
    void openIfReadable(const QModelIndex& index);
    void showMenu(const QPoint& position);

    Widgets::LibraryModel* m_model = nullptr;
    Widgets::LibraryFilterModel* m_filter = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_sort = nullptr;
    QListView* m_list = nullptr;
    QString m_selectedId; // the story chosen last, selected again whenever it is shown
    bool m_adjusting = false; // rows are changing: a current row moved by the view is not a choice
};

} // namespace Storybook::App
