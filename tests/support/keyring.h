#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace Storybook::Test {

class SessionBus;

/*!
 * A real Secret Service that belongs to one test: gnome-keyring-daemon (Debian package
 * gnome-keyring) with only its secrets component, on a private SessionBus, with HOME and the XDG
 * folders in a temporary root (isolatedEnvironment()), its login keyring created and unlocked with a
 * throw-away password given on standard input:
 *
 *     gnome-keyring-daemon --foreground --unlock --components=secrets   (stdin: the password)
 *
 * start() returns once org.freedesktop.secrets has an owner on the bus (≤ 10 s). Programs run with
 * environment() use this keyring and nothing else; the developer's own keyring, bus and home are
 * never touched. lookup() reads an entry back with `secret-tool` (libsecret-tools), a second program
 * that sees only what really is in the keyring.
 *
 * stop() (also the destructor) ends the daemon, then the bus, by PID (SIGTERM, bounded wait,
 * SIGKILL), and removes the root.
 */
class ThrowAwayKeyring final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThrowAwayKeyring)

public:
    explicit ThrowAwayKeyring(QObject* parent = nullptr);
    ~ThrowAwayKeyring() override;

    //! gnome-keyring-daemon and dbus-daemon are installed.
    [[nodiscard]] static bool available();
    //! secret-tool is installed (for lookup()).
    [[nodiscard]] static bool lookupAvailable();

    bool start();
    void stop();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] qint64 pid() const;
    [[nodiscard]] QString root() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] const SessionBus* bus() const { return m_bus.get(); }

    //! The isolated environment with this keyring's bus.
    [[nodiscard]] QProcessEnvironment environment() const;

    //! `secret-tool lookup ATTRIBUTE VALUE ...` in environment(): the stored secret, or an empty
    //! string when there is none (`found` tells the two apart). ≤ 10 s.
    [[nodiscard]] QString lookup(const QStringList& attributesAndValues, bool* found = nullptr) const;

private:
    std::unique_ptr<QTemporaryDir> m_root;
    std::unique_ptr<SessionBus> m_bus;
    QProcess* m_daemon = nullptr;
    QString m_error;
};

} // namespace Storybook::Test
