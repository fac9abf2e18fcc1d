#include "parentlock.h"

#include "pinhash.h"

#include <QElapsedTimer>
#include <QSettings>

namespace Storybook::App {

namespace {
const auto PinHashKey = QStringLiteral("childMode/pinHash");
const auto LockSettingsKey = QStringLiteral("childMode/lockSettings");

ParentLock::Clock monotonicClock()
{
    return [] {
        static QElapsedTimer timer = [] {
            QElapsedTimer started;
            started.start();
            return started;
        }();
        return timer.elapsed();
    };
}
} // namespace

ParentLock::ParentLock(Clock clock)
{
    setClock(std::move(clock));
}

void ParentLock::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : monotonicClock();
}

bool ParentLock::hasPin() const
{
    return PinHash::isWellFormed(QSettings().value(PinHashKey).toString());
}

bool ParentLock::isValidPin(const QString& pin)
{
    if (pin.size() < 4 || pin.size() > 12)
        return false;
    return std::all_of(pin.begin(), pin.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QString ParentLock::setPin(const QString& currentPin, const QString& newPin)
{
    if (hasPin()) {
        if (check(currentPin) != Result::Right)
            return waitLeftMs() > 0 ? tr("Too many tries. Please wait %n seconds.", nullptr, int((waitLeftMs() + 999) / 1000))
                                    : tr("The current PIN is not right.");
    }
    QSettings settings;
    if (newPin.isEmpty()) {
        settings.remove(PinHashKey);
        settings.remove(LockSettingsKey); // nothing left to lock the settings with
        return {};
    }
    if (!isValidPin(newPin))
        return tr("A PIN has 4 to 12 digits.");
    settings.setValue(PinHashKey, PinHash::hash(newPin));
    return {};
}

ParentLock::Result ParentLock::check(const QString& pin)
{
    if (waitLeftMs() > 0)
        return Result::Waiting;
    if (m_waitUntil >= 0) { // the wait is over: three new tries
        m_waitUntil = -1;
        m_triesLeft = Tries;
    }
    if (PinHash::verify(pin, QSettings().value(PinHashKey).toString())) {
        m_triesLeft = Tries;
        return Result::Right;
    }
    if (--m_triesLeft <= 0) {
        m_triesLeft = 0;
        m_waitUntil = now() + WaitMs;
        return Result::Waiting;
    }
    return Result::Wrong;
}

qint64 ParentLock::waitLeftMs() const
{
    return m_waitUntil < 0 ? 0 : std::max<qint64>(0, m_waitUntil - now());
}

bool ParentLock::settingsLocked() const
{
    return hasPin() && QSettings().value(LockSettingsKey, false).toBool();
}

void ParentLock::setSettingsLocked(bool locked)
{
    QSettings().setValue(LockSettingsKey, locked);
}

} // namespace Storybook::App
