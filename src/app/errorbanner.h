#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Storybook::App {

// A calm banner above the page for what went wrong, in plain language, with the fix and two ways
// on: "Retry" and "Open diagnostics". Also used for undo notices ("Story deleted. Undo").
class ErrorBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    void showError(const QString& message, const QString& hint, bool canRetry);
    void showNotice(const QString& message, const QString& actionText);
    void dismiss();
    [[nodiscard]] QString message() const;

Q_SIGNALS:
    void retryRequested();
    void diagnosticsRequested();
    void actionRequested(); // the notice's action, e.g. undo

private:
    QLabel* m_message = nullptr;
    QLabel* m_hint = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_diagnostics = nullptr;
    QPushButton* m_action = nullptr;
};

} // namespace Storybook::App
