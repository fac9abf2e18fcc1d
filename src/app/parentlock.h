#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace Storybook::App {

// The parent's lock of child mode: the PIN (kept in QSettings only as PinHash's salted hash,
// "childMode/pinHash"), the tries (three wrong PINs → a 30-second wait), and whether Settings ask
// for the PIN ("childMode/lockSettings"). The clock (milliseconds, monotonic) can be injected.
class ParentLock final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::App::ParentLock)

public:
    using Clock = std::function<qint64()>;
    static constexpr int Tries = 3;
    static constexpr qint64 WaitMs = 30'000;

    explicit ParentLock(Clock clock = {});

    void setClock(Clock clock);
    [[nodiscard]] qint64 now() const { return m_clock(); }

    [[nodiscard]] bool hasPin() const;
    // Sets (or, with an empty `newPin`, removes) the PIN; a PIN already set must be given as
    // `currentPin`. Returns a translated problem or "".
    [[nodiscard]] QString setPin(const QString& currentPin, const QString& newPin);
    // 4 to 12 digits.
    [[nodiscard]] static bool isValidPin(const QString& pin);

    enum class Result { Right, Wrong, Waiting };
    // Checks a PIN the parent typed. While waiting, no PIN is checked.
    Result check(const QString& pin);
    [[nodiscard]] int triesLeft() const { return m_triesLeft; }
    // Milliseconds until PINs are checked again (0: now).
    [[nodiscard]] qint64 waitLeftMs() const;

    [[nodiscard]] bool settingsLocked() const;
    void setSettingsLocked(bool locked);

private:
    Clock m_clock;
    int m_triesLeft = Tries;
    qint64 m_waitUntil = -1;
};

} // namespace Storybook::App
