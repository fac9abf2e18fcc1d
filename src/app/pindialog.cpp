#include "pindialog.h"

#include "parentlock.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

namespace Storybook::App {

namespace {
QLineEdit* pinEdit(QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(12);
    edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,12}")), edit));
    edit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    return edit;
}

int secondsLeft(const ParentLock& lock)
{
    return int((lock.waitLeftMs() + 999) / 1000);
}
} // namespace

PinDialog::PinDialog(ParentLock* lock, const QString& why, QWidget* parent)
    : QDialog(parent)
    , m_lock(lock)
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Parent PIN"));
    setMinimumWidth(400);
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(why, this);
    text->setWordWrap(true);
    layout->addWidget(text);
    m_pin = pinEdit(this);
    m_pin->setAccessibleName(tr("PIN"));
    m_pin->setPlaceholderText(tr("PIN"));
    layout->addWidget(m_pin);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pinMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &PinDialog::refresh);
    refresh();
}

QString PinDialog::message() const
{
    return m_message->text();
}

void PinDialog::submit()
{
    const QString pin = m_pin->text();
    m_pin->clear();
    switch (m_lock->check(pin)) {
    case ParentLock::Result::Right:
        accept();
        return;
    case ParentLock::Result::Wrong:
        m_message->setText(tr("That is not the PIN. %n tries left.", nullptr, m_lock->triesLeft()));
        break;
    case ParentLock::Result::Waiting:
        break;
    }
    refresh();
}

void PinDialog::refresh()
{
    const bool waiting = m_lock->waitLeftMs() > 0;
    if (waiting) {
        m_message->setText(tr("Too many tries. Please wait %n seconds.", nullptr, secondsLeft(*m_lock)));
        m_tick->start();
    } else if (m_tick->isActive()) {
        m_tick->stop();
        m_message->setText(tr("Please try again."));
    }
    m_pin->setEnabled(!waiting);
    m_ok->setEnabled(!waiting);
    if (!waiting)
        m_pin->setFocus();
}

PinSettingsDialog::PinSettingsDialog(ParentLock* lock, QWidget* parent)
    : QDialog(parent)
    , m_lock(lock)
{
    setObjectName(QStringLiteral("pinSettingsDialog"));
    setWindowTitle(tr("Child mode PIN"));
    auto* layout = new QVBoxLayout(this);
    auto* about = new QLabel(tr("With a PIN, leaving child mode asks for it. Without one, a grown-up check is asked "
                                "instead: hold a key for three seconds, then add two numbers."),
                             this);
    about->setWordWrap(true);
    layout->addWidget(about);
    auto* form = new QFormLayout;
    m_current = pinEdit(this);
    m_new = pinEdit(this);
    m_repeat = pinEdit(this);
    if (m_lock->hasPin())
        form->addRow(tr("C&urrent PIN:"), m_current);
    else
        m_current->hide();
    form->addRow(tr("&New PIN (4–12 digits):"), m_new);
    form->addRow(tr("&Repeat the new PIN:"), m_repeat);
    layout->addLayout(form);
    m_lockSettings = new QCheckBox(tr("&Lock settings with the PIN"), this);
    m_lockSettings->setChecked(m_lock->settingsLocked());
    layout->addWidget(m_lockSettings);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    if (m_lock->hasPin()) {
        QPushButton* remove = buttons->addButton(tr("Re&move the PIN"), QDialogButtonBox::DestructiveRole);
        connect(remove, &QPushButton::clicked, this, [this] {
            if (removePin())
                accept();
        });
    }
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PinSettingsDialog::message() const
{
    return m_message->text();
}

bool PinSettingsDialog::save()
{
    const QString current = m_current->text();
    const QString fresh = m_new->text();
    const QString repeat = m_repeat->text();
    for (QLineEdit* edit : {m_current, m_new, m_repeat})
        edit->clear();
    if (!fresh.isEmpty() || !m_lock->hasPin()) {
        if (fresh != repeat) {
            m_message->setText(tr("The two new PINs are not the same."));
            return false;
        }
        if (const QString problem = m_lock->setPin(current, fresh); !problem.isEmpty()) {
            m_message->setText(problem);
            return false;
        }
    } else if (m_lock->check(current) != ParentLock::Result::Right) {
        // Only the settings lock changes: the PIN still proves a parent.
        m_message->setText(tr("The current PIN is not right."));
        return false;
    }
    m_lock->setSettingsLocked(m_lockSettings->isChecked());
    return true;
}

bool PinSettingsDialog::removePin()
{
    const QString current = m_current->text();
    m_current->clear();
    if (const QString problem = m_lock->setPin(current, QString()); !problem.isEmpty()) {
        m_message->setText(problem);
        return false;
    }
    return true;
}

} // namespace Storybook::App
