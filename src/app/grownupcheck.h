#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace Storybook::App {

// Leaving child mode when no PIN is set: a grown-up holds the P key (or the button) for three
// seconds, then adds two numbers from 11 to 29 (a new sum after a wrong answer). Accepted when
// both are done. The clock (milliseconds, monotonic) can be injected.
class GrownUpCheck final : public QDialog
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>;
    static constexpr qint64 HoldMs = 3000;
    static constexpr qint64 ReleaseGraceMs = 250;

    explicit GrownUpCheck(Clock clock, QWidget* parent = nullptr);

    // Whether the hold is done and the sum is asked.
    [[nodiscard]] bool isAskingSum() const;
    [[nodiscard]] std::pair<int, int> sum() const { return m_sum; }
    [[nodiscard]] QLineEdit* answerField() const { return m_answer; }
    [[nodiscard]] QPushButton* holdButton() const { return m_hold; }
    [[nodiscard]] QString message() const;
    // Checks the sum typed (OK does this).
    void submit();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;

private:
    void startHold();
    void stopHold();
    void updateHold();
    void newSum();

    Clock m_clock;
    qint64 m_holdSince = -1;
    qint64 m_releasedAt = -1; // the P key let go (the hold ends after ReleaseGraceMs)
    std::pair<int, int> m_sum;
    QStackedWidget* m_steps = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_hold = nullptr;
    QLabel* m_question = nullptr;
    QLineEdit* m_answer = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_ok = nullptr;
    QTimer* m_tick = nullptr;
};

} // namespace Storybook::App
