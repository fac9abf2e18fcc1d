#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Storybook::App {

class ParentLock;

// Asks the parent's PIN (to leave child mode, or to open locked settings). Accepted when the PIN
// is right; three wrong PINs make it wait 30 seconds, the time left shown.
class PinDialog final : public QDialog
{
    Q_OBJECT

public:
    PinDialog(ParentLock* lock, const QString& why, QWidget* parent = nullptr);

    [[nodiscard]] QLineEdit* pinField() const { return m_pin; }
    [[nodiscard]] QString message() const;
    // Checks the PIN typed (OK does this).
    void submit();
    // Shows the wait left, and takes PINs again once it is over (a timer calls it each second).
    void refresh();

private:
    ParentLock* m_lock;
    QLineEdit* m_pin = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_ok = nullptr;
    QTimer* m_tick = nullptr;
};

// Child mode's settings for the parent: set, change or remove the PIN (the current one asked
// first) and "Lock settings with the PIN".
class PinSettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    PinSettingsDialog(ParentLock* lock, QWidget* parent = nullptr);

    [[nodiscard]] QLineEdit* currentField() const { return m_current; }
    [[nodiscard]] QLineEdit* newField() const { return m_new; }
    [[nodiscard]] QLineEdit* repeatField() const { return m_repeat; }
    [[nodiscard]] QCheckBox* lockSettingsBox() const { return m_lockSettings; }
    [[nodiscard]] QString message() const;
    // Save and Remove the PIN; each returns whether it was done (else message() says why).
    bool save();
    bool removePin();

private:
    ParentLock* m_lock;
    QLineEdit* m_current = nullptr;
    QLineEdit* m_new = nullptr;
    QLineEdit* m_repeat = nullptr;
    QCheckBox* m_lockSettings = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace Storybook::App
