#pragma once

#include <QObject>

#include <functional>

class QKeyEvent;
class QWidget;

namespace Storybook::Widgets {
class ReaderWidget;
}

namespace Storybook::App {

// The reading keys, window-wide: 1–9 choose an answer, ←/→ and Page Up/Down turn the page, Space
// goes on, Home/End go to the first/last page, Escape leaves full screen and brings the focus back
// to the story — whatever widget of the window has the focus, as long as a story is shown.
//
// The one rule: a field where text is typed keeps the keys that type or move in text. While the
// child types an own answer, or the parent types in the search field, the idea form or any other
// text field, digits, letters, Space, ←/→ and Home/End go to that field; Page Up/Down still turn
// the page (a one-line field has no use for them) except in the child's own answer (the page with
// the question stays) and Escape leaves an empty one-line field for the
// story (a field with text gets Escape itself: the search field clears its search). A focused
// button keeps Space (it presses the button, as everywhere).
class KeyboardController final : public QObject
{
    Q_OBJECT

public:
    // `storyShown` tells whether the reading view is the one on screen. Watches the application's
    // key presses aimed at `window` (installed on qApp, removed when this goes).
    KeyboardController(QWidget* window, Widgets::ReaderWidget* reader, std::function<bool()> storyShown);
    ~KeyboardController() override;
    Q_DISABLE_COPY_MOVE(KeyboardController)

    // Escape in these widgets is theirs (the library clears its search with it).
    void setEscapeKeeper(std::function<bool(const QWidget*)> keepsEscape) { m_keepsEscape = std::move(keepsEscape); }

    // Whether `widget` takes typed text (line edits, text edits, spin boxes, editable combo boxes).
    [[nodiscard]] static bool takesText(const QWidget* widget);

Q_SIGNALS:
    // Escape while reading (after the focus went back to the story): the window leaves full screen.
    void escapePressed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    [[nodiscard]] bool handle(QWidget* target, const QKeyEvent& key);

    QWidget* m_window;
    Widgets::ReaderWidget* m_reader;
    std::function<bool()> m_storyShown;
    std::function<bool(const QWidget*)> m_keepsEscape;
};

} // namespace Storybook::App
