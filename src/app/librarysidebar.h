#pragma once

#include "library.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace Storybook::App {

// The story library beside the page: search as you type, sort by date or title, a cover line per
// story, and the actions a parent expects (open, rename, delete with undo, import, export, folder).
class LibrarySidebar final : public QWidget
{
    Q_OBJECT

public:
    explicit LibrarySidebar(Story::Library* library, QWidget* parent = nullptr);

    // Re-reads the list (after the library changed); keeps the selection when it can.
    void refresh();
    void selectStory(const QString& id);
    [[nodiscard]] QString selectedStoryId() const;

Q_SIGNALS:
    void openRequested(const QString& id);
    void renameRequested(const QString& id);
    void deleteRequested(const QString& id);
    void exportRequested(const QString& id);
    void importRequested();
    void openFolderRequested();

private:
    void fill();
    void showMenu(const QPoint& position);

    Story::Library* m_library;
    QLineEdit* m_search = nullptr;
    QComboBox* m_sort = nullptr;
    QListWidget* m_list = nullptr;
};

} // namespace Storybook::App
