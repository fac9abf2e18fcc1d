#include "keyboardcontroller.h"

#include "readerwidget.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace Storybook::App {

KeyboardController::KeyboardController(QWidget* window, Widgets::ReaderWidget* reader, std::function<bool()> storyShown)
    : QObject(window)
    , m_window(window)
    , m_reader(reader)
    , m_storyShown(std::move(storyShown))
{
    qApp->installEventFilter(this);
}

KeyboardController::~KeyboardController()
{
    qApp->removeEventFilter(this);
}

bool KeyboardController::takesText(const QWidget* widget)
{
    if (!widget)
        return false;
    if (const auto* line = qobject_cast<const QLineEdit*>(widget))
        return !line->isReadOnly();
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(widget))
        return !text->isReadOnly();
    if (const auto* text = qobject_cast<const QTextEdit*>(widget))
        return !text->isReadOnly();
    if (qobject_cast<const QAbstractSpinBox*>(widget))
        return true;
    if (const auto* combo = qobject_cast<const QComboBox*>(widget))
        return combo->isEditable();
    return false;
}

bool KeyboardController::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress || !watched->isWidgetType())
        return false;
    auto* target = static_cast<QWidget*>(watched);
    // Only the focus widget's own press (not its parents' share of it), only in this window.
    if (target != QApplication::focusWidget() || target->window() != m_window || !m_storyShown())
        return false;
    return handle(target, *static_cast<QKeyEvent*>(event));
}

bool KeyboardController::handle(QWidget* target, const QKeyEvent& key)
{
    if (key.modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const bool typing = takesText(target) || m_reader->isTypingOwnAnswer();
    const int code = key.key();
    if (code == Qt::Key_Escape) {
        const auto* line = qobject_cast<const QLineEdit*>(target);
        if (typing && (!line || !line->text().isEmpty()))
            return false; // the field's own Escape (the search field clears its search)
        if (m_keepsEscape && m_keepsEscape(target))
            return false;
        m_reader->focusStory();
        Q_EMIT escapePressed();
        return true;
    }
    if (code == Qt::Key_PageUp || code == Qt::Key_PageDown) {
        if (qobject_cast<const QPlainTextEdit*>(target) || qobject_cast<const QTextEdit*>(target) || m_reader->isTypingOwnAnswer())
            return false; // a text box being typed in scrolls; the child's answer keeps the page
        code == Qt::Key_PageUp ? m_reader->showPrevious() : m_reader->showNext();
        return true;
    }
    if (typing)
        return false;
    if (code >= Qt::Key_1 && code <= Qt::Key_9) {
        m_reader->chooseAnswerNumber(code - Qt::Key_0);
        return true;
    }
    switch (code) {
    case Qt::Key_Left:
        m_reader->showPrevious();
        return true;
    case Qt::Key_Right:
        m_reader->showNext();
        return true;
    case Qt::Key_Space:
        if (qobject_cast<const QAbstractButton*>(target))
            return false; // presses the focused button
        m_reader->showNext();
        return true;
    case Qt::Key_Home:
        m_reader->showFirst();
        return true;
    case Qt::Key_End:
        m_reader->showLast();
        return true;
    default:
        return false;
    }
}

} // namespace Storybook::App
