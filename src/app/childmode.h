#pragma once

#include "parentlock.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QDialog;
class QLabel;
class QMainWindow;
class QPushButton;
class QWidget;

namespace Storybook::Story {
class Story;
}
namespace Storybook::Widgets {
class ReaderWidget;
}

namespace Storybook::App {

// Child mode: the window full screen with only the reading view (the page, its answers, Read
// aloud, previous/next). The menus, toolbar, library, map and banner are hidden and every locked
// action disabled, so no shortcut reaches them; the window refuses to close. A small "Parent"
// button (or F12) leaves it after the parent's PIN, or without a PIN after the grown-up check.
// The state is kept in QSettings ("childMode/on"): the app starts in child mode if left in it.
// A page the provider refused ("content-filter") is not shown to the child: the page before it
// is shown with a calm card, and the parent is told once child mode is left.
class ChildMode final : public QObject
{
    Q_OBJECT

public:
    ChildMode(QMainWindow* window, Widgets::ReaderWidget* reader);
    ~ChildMode() override;
    Q_DISABLE_COPY_MOVE(ChildMode)

    // What child mode hides and disables (the actions it keeps are not in `locked`).
    void setLocked(QList<QWidget*> hidden, QList<QAction*> locked);
    // View → Child mode (F12): enters, or in child mode asks the parent to leave.
    [[nodiscard]] QAction* toggleAction() const { return m_toggle; }
    // View → Child mode PIN…: the parent's PIN and the settings lock.
    [[nodiscard]] QAction* pinAction() const { return m_pinAction; }
    // The strip above the page in child mode: the card and the Parent button.
    [[nodiscard]] QWidget* bar() const { return m_bar; }
    [[nodiscard]] QPushButton* parentButton() const { return m_parentButton; }
    [[nodiscard]] ParentLock* lock() const { return m_lock.get(); }
    // The PIN dialog or grown-up check on screen, if any.
    [[nodiscard]] QDialog* pendingDialog() const { return m_dialog; }

    [[nodiscard]] bool isOn() const { return m_on; }
    void enter();
    // Asks the PIN (or the grown-up check); leaves once it is passed.
    void requestLeave();
    // Asks the PIN when the settings are locked, then runs `then` (at once when they are not).
    void unlockSettingsThen(std::function<void()> then);
    // Disables the locked actions again (MainWindow::updateActions enables some of them).
    void enforce();
    void setClock(ParentLock::Clock clock);
    void retranslate();

    // The page to show instead of `pageId` in child mode (the page before a refused one), or
    // `pageId` itself. Empty when nothing of the story can be shown.
    [[nodiscard]] QString pageToShow(const Story::Story& story, const QString& pageId);
    // Pages held back since the parent was last told; cleared by taking them.
    [[nodiscard]] int takeHeldBack();

Q_SIGNALS:
    void changed(bool on);
    // A page was held back (the card is shown).
    void pageHeldBack(const QString& pageId);

private:
    void apply();
    void leave();
    void showDialog(QDialog* dialog, std::function<void()> onAccepted);
    void editPin();

    QMainWindow* m_window;
    Widgets::ReaderWidget* m_reader;
    std::unique_ptr<ParentLock> m_lock;
    ParentLock::Clock m_clock;
    QList<QWidget*> m_hidden;
    QList<QAction*> m_locked;
    QList<QWidget*> m_hiddenByUs;
    QAction* m_toggle = nullptr;
    QAction* m_pinAction = nullptr;
    QWidget* m_bar = nullptr;
    QLabel* m_card = nullptr;
    QString m_cardPage; // the page the card is shown on
    QPushButton* m_parentButton = nullptr;
    QPointer<QDialog> m_dialog;
    bool m_on = false;
    bool m_mapWasVisible = true;
    bool m_wasFullScreen = false;
};

} // namespace Storybook::App
