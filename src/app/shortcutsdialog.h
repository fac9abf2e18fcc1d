#pragma once

#include <QDialog>

class QAction;
class QTreeWidget;

namespace Storybook::App {

// Help → Keyboard shortcuts: every menu command that has a shortcut (read from the actions
// themselves, so the list never drifts from what the keys do) and the window-wide reading keys.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);

    // What the list shows: (what, keys) pairs, in order.
    [[nodiscard]] QList<std::pair<QString, QString>> rows() const;

private:
    QTreeWidget* m_list = nullptr;
};

} // namespace Storybook::App
