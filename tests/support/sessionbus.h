#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace Storybook::Test {

/*!
 * The environment of a program run in a world of its own: HOME, XDG_CONFIG/DATA/CACHE/STATE_HOME,
 * XDG_RUNTIME_DIR and TMPDIR are folders under `root` (made here), the desktop is unknown (no
 * DISPLAY, WAYLAND_DISPLAY, XDG_CURRENT_DESKTOP, DESKTOP_SESSION, KDE_*, GNOME_*), no proxy
 * variables, and DBUS_SESSION_BUS_ADDRESS points at a socket that does not exist: "no session bus
 * at all". SessionBus::environment() and ThrowAwayKeyring::environment() start from here. Nothing a
 * program does with it reaches the developer's own keyring, settings or bus.
 */
QProcessEnvironment isolatedEnvironment(const QString& root);

/*!
 * A private D-Bus session bus: `dbus-daemon --nofork --print-address` with its own configuration,
 * listening on a socket in a temporary folder. It activates nothing of the system's (no standard
 * service folders: gnome-keyring's activation file is not seen), so with SecretService::None it is a
 * bus where nobody offers the Secret Service, and asking for it fails at once.
 *
 * With SecretService::Hanging, asking for org.freedesktop.secrets starts a helper that never claims
 * the name (a shell running `sleep`): every call to the Secret Service stays pending, as with a
 * keyring that never answers, until releaseSecretService() kills the helper (by PID) and the bus
 * fails the pending calls. That is how a test makes "a keychain answer arrives late" happen when it
 * chooses.
 *
 * stop() (also the destructor) ends the helper and the daemon by PID: SIGTERM, a bounded wait, then
 * SIGKILL.
 */
class SessionBus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionBus)

public:
    enum class SecretService { None, Hanging };

    explicit SessionBus(QObject* parent = nullptr);
    ~SessionBus() override;

    //! dbus-daemon is installed.
    [[nodiscard]] static bool available();

    //! Starts the daemon and waits (≤ 5 s) for its address.
    bool start(SecretService service = SecretService::None);
    void stop();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QString address() const { return m_address; }
    [[nodiscard]] qint64 pid() const;
    [[nodiscard]] QString errorString() const { return m_error; }

    //! `base` with DBUS_SESSION_BUS_ADDRESS set to this bus.
    [[nodiscard]] QProcessEnvironment environment(QProcessEnvironment base) const;

    //! Hanging only: waits (≤ timeoutMs) until a client has asked for the Secret Service, so that
    //! its call is now pending; returns false if nobody asked in that time.
    bool waitForSecretServiceRequest(int timeoutMs);
    //! Hanging only: ends the helper; the bus then fails every pending call to the Secret Service
    //! (and a later call starts a new helper).
    void releaseSecretService();
    //! Hanging only: the file that appears when a client has asked for the Secret Service (for a
    //! program in another process that must wait for that moment itself).
    [[nodiscard]] QString secretServiceRequestMarker() const;
    //! True when `name` has an owner on this bus (asks the bus through dbus-send, ≤ 2 s).
    [[nodiscard]] bool hasOwner(const QString& name) const;

private:
    [[nodiscard]] qint64 helperPid() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess* m_daemon = nullptr;
    QString m_address;
    QString m_error;
};

//! Makes a child started with `process` get SIGTERM when the test process dies (a crash or a
//! timeout kill), so that no launcher's daemon outlives its test. Call before start().
void endWithThisProcess(QProcess* process);

//! Sends SIGTERM to `pid`, waits up to `timeoutMs` for it to end, then SIGKILL. For processes that
//! are not our children (a helper the bus started); true when it is gone.
bool terminateProcess(qint64 pid, int timeoutMs = 3000);

} // namespace Storybook::Test
