#include "grownupcheck.h"

#include <QDialogButtonBox>
#include <QIntValidator>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Storybook::App {

GrownUpCheck::GrownUpCheck(Clock clock, QWidget* parent)
    : QDialog(parent)
    , m_clock(std::move(clock))
{
    setObjectName(QStringLiteral("grownUpCheck"));
    setWindowTitle(tr("For grown-ups"));
    setMinimumWidth(460);
    auto* layout = new QVBoxLayout(this);
    m_steps = new QStackedWidget(this);

    auto* hold = new QWidget(m_steps);
    auto* holdLayout = new QVBoxLayout(hold);
    auto* holdText = new QLabel(tr("To leave child mode, a grown-up holds the P key, or presses and holds the button "
                                   "below, for three seconds."),
                                hold);
    holdText->setWordWrap(true);
    holdLayout->addWidget(holdText);
    m_progress = new QProgressBar(hold);
    m_progress->setRange(0, int(HoldMs));
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Hold"));
    holdLayout->addWidget(m_progress);
    m_hold = new QPushButton(tr("Hold me"), hold);
    m_hold->setAutoDefault(false);
    m_hold->setFocusPolicy(Qt::NoFocus); // the P key goes to the dialog
    holdLayout->addWidget(m_hold);
    connect(m_hold, &QPushButton::pressed, this, &GrownUpCheck::startHold);
    connect(m_hold, &QPushButton::released, this, &GrownUpCheck::stopHold);
    m_steps->addWidget(hold);

    auto* sum = new QWidget(m_steps);
    auto* sumLayout = new QVBoxLayout(sum);
    m_question = new QLabel(sum);
    m_question->setWordWrap(true);
    sumLayout->addWidget(m_question);
    m_answer = new QLineEdit(sum);
    m_answer->setValidator(new QIntValidator(0, 999, m_answer));
    m_answer->setAccessibleName(tr("Answer"));
    sumLayout->addWidget(m_answer);
    m_steps->addWidget(sum);
    layout->addWidget(m_steps);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &GrownUpCheck::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_tick = new QTimer(this);
    m_tick->setInterval(50);
    connect(m_tick, &QTimer::timeout, this, &GrownUpCheck::updateHold);
    newSum();
}

bool GrownUpCheck::isAskingSum() const
{
    return m_steps->currentIndex() == 1;
}

QString GrownUpCheck::message() const
{
    return m_message->text();
}

void GrownUpCheck::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_P && !isAskingSum()) {
        // A release a moment ago (auto-repeat a platform did not mark as such) keeps the hold;
        // a longer pause starts it again.
        if (m_releasedAt >= 0 && m_clock() - m_releasedAt > ReleaseGraceMs)
            m_holdSince = -1;
        m_releasedAt = -1;
        startHold();
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void GrownUpCheck::keyReleaseEvent(QKeyEvent* event)
{
    // Auto-repeat sends releases too (on X11): only the real one ends the hold.
    if (event->key() == Qt::Key_P && !event->isAutoRepeat() && !isAskingSum()) {
        m_releasedAt = m_clock(); // the hold ends unless the key is pressed again at once
        event->accept();
        return;
    }
    QDialog::keyReleaseEvent(event);
}

void GrownUpCheck::startHold()
{
    if (m_holdSince < 0)
        m_holdSince = m_clock();
    m_tick->start();
    updateHold();
}

void GrownUpCheck::stopHold()
{
    if (isAskingSum())
        return;
    m_tick->stop();
    m_holdSince = -1;
    m_releasedAt = -1;
    m_progress->setValue(0);
    m_message->setText(tr("Keep holding for three seconds."));
}

void GrownUpCheck::updateHold()
{
    if (m_holdSince < 0 || isAskingSum())
        return;
    if (m_releasedAt >= 0 && m_clock() - m_releasedAt > ReleaseGraceMs) {
        stopHold();
        return;
    }
    const qint64 held = m_clock() - m_holdSince;
    m_progress->setValue(int(std::min(held, HoldMs)));
    if (held < HoldMs)
        return;
    m_tick->stop();
    m_message->clear();
    m_steps->setCurrentIndex(1);
    m_ok->setEnabled(true);
    m_ok->setDefault(true);
    m_answer->setFocus();
}

void GrownUpCheck::newSum()
{
    QRandomGenerator* random = QRandomGenerator::global();
    m_sum = {int(random->bounded(11, 30)), int(random->bounded(11, 30))};
    m_question->setText(tr("What is %1 + %2?").arg(m_sum.first).arg(m_sum.second));
    m_answer->clear();
}

void GrownUpCheck::submit()
{
    if (!isAskingSum())
        return;
    bool ok = false;
    const int answer = m_answer->text().toInt(&ok);
    if (ok && answer == m_sum.first + m_sum.second) {
        accept();
        return;
    }
    m_message->setText(tr("Not quite. Here is a new one."));
    newSum();
    m_answer->setFocus();
}

} // namespace Storybook::App
