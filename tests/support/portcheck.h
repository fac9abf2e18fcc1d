#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QProcess;

namespace Storybook::Test {

/*
 * Ports for child processes (the rule; see README.md, "Ports for child processes").
 *
 * A port picked "free" in the test process (bound to :0, released) can be taken by someone else
 * before the child binds it. So a launcher never trusts "something answers on the port": it waits
 * with waitForOwnListener() until the listener on 127.0.0.1:PORT is the child's own (read from
 * /proc), and runs the pick-start-check cycle in retryOnFreshLoopbackPorts(), which picks another
 * port when an attempt fails. A child that can pick its own port (bind :0 and report it, like
 * fake-openai-server --port 0) needs none of this.
 */

//! A TCP port on 127.0.0.1 that was free a moment ago (bound to :0, then released).
quint16 freeLoopbackPort();
//! A port on 127.0.0.1 with nothing listening (connections are refused).
quint16 closedLoopbackPort();

//! Where a launcher gets its candidate ports; empty means freeLoopbackPort(). Tests inject one to
//! produce a bind race on purpose.
using PortPicker = std::function<quint16()>;

//! How many ports a launcher tries before it gives up.
inline constexpr int PortAttempts = 4;

//! Whether every TCP listener on 127.0.0.1:`port` (and 0.0.0.0:`port`) belongs to process `pid`,
//! read from /proc/net/tcp and /proc/PID/fd. False when nobody listens there, someone else does, or
//! the child is gone (an exited child not yet reaped has no fds). True where /proc cannot tell (no
//! /proc/net/tcp, or the child's fds are not ours to read): the check is then only "something listens".
bool listenerOwnedBy(qint64 pid, quint16 port);

enum class ListenerState {
    Owned,   //!< the child listens on the port itself
    Taken,   //!< something answers on the port, but it is not the child (a lost bind race)
    Exited,  //!< the child is gone (often: its bind failed)
    TimedOut //!< nothing listened on the port within the time given
};

//! Waits at most `timeoutMs` until `process` listens on 127.0.0.1:`port`: probes with a TCP connect
//! (≤ 200 ms) and, between probes, waits ≤ 25 ms for the child to exit. A probe that connects
//! settles it: Owned if the listener is the child's (listenerOwnedBy()), else Taken.
ListenerState waitForOwnListener(QProcess& process, quint16 port, int timeoutMs);

//! A sentence for a state other than Owned ("port 4242 is taken by another process (bind race)"),
//! naming the child `name`; `log` (its output) is appended where it helps.
QString describeListenerProblem(ListenerState state, const QString& name, quint16 port, const QString& log = {});

/*!
 * The one pick-start-check loop. Up to `attempts` times: picks a port with `picker` (or
 * freeLoopbackPort()), calls `attempt(port)` — which starts the child on it and returns true only
 * once waitForOwnListener() said Owned, writing its reason into `*error` otherwise — and after a
 * failed attempt calls `cleanup()` (stop what was started). Returns the port that worked, or 0
 * (`*error` then holds the last attempt's reason). `what` names the child in the log.
 */
quint16 retryOnFreshLoopbackPorts(const QString& what, const std::function<bool(quint16 port)>& attempt,
                                  const std::function<void()>& cleanup, QString* error,
                                  const PortPicker& picker = {}, int attempts = PortAttempts);

/*!
 * For a test that starts one program on a port it picks (a server given "--port N" or similar):
 * starts `program` with `arguments(port)` in `process` (not yet started; its channels, environment
 * and working directory as the caller set them), waits ≤ `readyMs` for the child's own listener,
 * and on a lost race stops it (SIGTERM, bounded wait, SIGKILL) and tries a fresh port.
 * Returns the port the child owns, or 0 with `*error` set.
 */
quint16 startOnLoopbackPort(QProcess& process, const QString& program,
                            const std::function<QStringList(quint16 port)>& arguments, int readyMs,
                            QString* error, const PortPicker& picker = {}, int attempts = PortAttempts);

//! Stops `process` by its PID: SIGTERM, at most `timeoutMs` to exit, then SIGKILL.
void stopProcess(QProcess& process, int timeoutMs = 3000);

} // namespace Storybook::Test
