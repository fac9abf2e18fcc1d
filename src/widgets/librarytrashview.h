#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace Storybook::Story {
class Library;
}

namespace Storybook::Widgets {

// The library's trash: the stories deleted from the list (most recently deleted first), to restore
// or delete forever one at a time, or all at once with Empty trash. Deleting forever asks once.
// Works on the library directly; a problem (a file that cannot be moved) is shown in the view.
class LibraryTrashView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryTrashView)

public:
    // Asks the parent a yes/no question (a message box unless a test sets another).
    using Confirm = std::function<bool(QWidget* parent, const QString& question)>;

    explicit LibraryTrashView(Story::Library* library, QWidget* parent = nullptr);
    ~LibraryTrashView() override;

    void setLibrary(Story::Library* library);
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // Reads the trash folder again.
    void reload();
    [[nodiscard]] int count() const;
    [[nodiscard]] QListWidget* list() const { return m_list; }

    void restoreSelected();
    void deleteSelectedForever();
    void emptyTrash();

Q_SIGNALS:
    // A story came back to the library (the list beside should refresh).
    void restored(const QString& id);
    // The trash changed (a story restored, deleted forever, or the trash emptied).
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate(); // every text, again in the current language
    [[nodiscard]] QString selectedId() const;
    void updateButtons();
    void showProblem(const QString& problem);

    Story::Library* m_library;
    Confirm m_confirm;
    QListWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_emptyTrash = nullptr;
};

} // namespace Storybook::Widgets
