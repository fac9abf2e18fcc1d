#include "portcheck.h"

#include "testlogging.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

#include <cerrno>

#include <dirent.h>
#include <unistd.h>

namespace Storybook::Test {

using namespace Qt::StringLiterals;

namespace {
constexpr int ProbeMs = 200;
constexpr int PollMs = 25;

// At most `most` ms, and no more than the deadline leaves (at least 1).
int slice(const QDeadlineTimer& deadline, int most)
{
    return int(std::clamp<qint64>(deadline.remainingTime(), 1, most));
}

// The socket inodes of the TCP listeners on 127.0.0.1:port and 0.0.0.0:port.
QSet<QByteArray> listenerInodes(QFile& table, quint16 port)
{
    const QByteArray portHex = QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    const QByteArray loopback = "0100007F:" + portHex;
    const QByteArray any = "00000000:" + portHex;
    QSet<QByteArray> inodes;
    const QList<QByteArray> lines = table.readAll().split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
        if (fields.size() > 9 && (fields.at(1) == loopback || fields.at(1) == any) && fields.at(3) == "0A")
            inodes.insert(fields.at(9));
    }
    return inodes;
}
} // namespace

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

quint16 closedLoopbackPort()
{
    // Nothing listens on a freshly released ephemeral port; connecting to it is refused.
    for (int attempt = 0; attempt < 10; ++attempt) {
        const quint16 port = freeLoopbackPort();
        QTcpSocket probe;
        probe.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        if (!probe.waitForConnected(500))
            return port;
        probe.abort();
    }
    return 0;
}

bool listenerOwnedBy(qint64 pid, quint16 port)
{
    QFile table(QStringLiteral("/proc/net/tcp"));
    if (pid <= 0 || !table.open(QIODevice::ReadOnly))
        return true;
    QSet<QByteArray> inodes = listenerInodes(table, port);
    if (inodes.isEmpty())
        return false;
    // An exited child not yet reaped (a zombie, e.g. after its bind failed) owns nothing.
    QFile stat("/proc/"_L1 + QString::number(pid) + "/stat"_L1);
    if (!stat.open(QIODevice::ReadOnly))
        return false; // no such process
    const QByteArray status = stat.readAll();
    const qsizetype afterName = status.lastIndexOf(')'); // "PID (comm) STATE ..."
    if (afterName < 0 || status.mid(afterName + 2, 1) == "Z")
        return false;
    const QByteArray fdDir = "/proc/" + QByteArray::number(pid) + "/fd";
    DIR* dir = ::opendir(fdDir.constData());
    if (!dir)
        return errno == EACCES || errno == EPERM; // not ours to read; gone (ENOENT) owns nothing
    while (const dirent* entry = ::readdir(dir)) {
        if (entry->d_name[0] == '.')
            continue;
        char buffer[64] = {};
        const QByteArray path = fdDir + '/' + entry->d_name;
        const ssize_t length = ::readlink(path.constData(), buffer, sizeof buffer - 1);
        const QByteArray target(buffer, length > 0 ? int(length) : 0);
        if (target.startsWith("socket:[") && target.endsWith(']'))
            inodes.remove(target.mid(8, target.size() - 9));
        if (inodes.isEmpty())
            break; // every listener on the port is the child's
    }
    ::closedir(dir);
    return inodes.isEmpty();
}

ListenerState waitForOwnListener(QProcess& process, quint16 port, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (process.state() != QProcess::Running)
            return ListenerState::Exited;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        const bool connected = probe.waitForConnected(slice(deadline, ProbeMs));
        probe.abort();
        if (connected) {
            // Someone listens; "someone" is not enough: the port was picked before the child bound
            // it, and another process may have taken it in between.
            return listenerOwnedBy(process.processId(), port) ? ListenerState::Owned : ListenerState::Taken;
        }
        if (deadline.hasExpired())
            return ListenerState::TimedOut;
        if (process.waitForFinished(slice(deadline, PollMs)))
            return ListenerState::Exited;
    }
}

QString describeListenerProblem(ListenerState state, const QString& name, quint16 port, const QString& log)
{
    switch (state) {
    case ListenerState::Owned:
        return {};
    case ListenerState::Taken:
        return QStringLiteral("port %1 is taken by another process, not %2 (bind race)").arg(port).arg(name);
    case ListenerState::Exited:
        return QStringLiteral("%1 exited before it listened on port %2: %3").arg(name).arg(port).arg(log);
    case ListenerState::TimedOut:
        return QStringLiteral("%1 did not listen on port %2 in time: %3").arg(name).arg(port).arg(log);
    }
    return {};
}

quint16 retryOnFreshLoopbackPorts(const QString& what, const std::function<bool(quint16)>& attempt,
                                  const std::function<void()>& cleanup, QString* error, const PortPicker& picker,
                                  int attempts)
{
    for (int i = 1; i <= attempts; ++i) {
        const quint16 port = picker ? picker() : freeLoopbackPort();
        if (port == 0) {
            if (error)
                *error = QStringLiteral("no free loopback port");
        } else if (attempt(port)) {
            return port;
        }
        qCWarning(lcTest).noquote() << "starting" << what << "on port" << port << "failed, attempt" << i << "of"
                                    << attempts << ":" << (error ? *error : QString());
        if (cleanup)
            cleanup();
    }
    return 0;
}

quint16 startOnLoopbackPort(QProcess& process, const QString& program,
                            const std::function<QStringList(quint16)>& arguments, int readyMs, QString* error,
                            const PortPicker& picker, int attempts)
{
    const QString name = QFileInfo(program).fileName();
    QString reason;
    const quint16 port = retryOnFreshLoopbackPorts(
        name,
        [&](quint16 candidate) {
            process.start(program, arguments(candidate));
            if (!process.waitForStarted(readyMs)) {
                reason = QStringLiteral("cannot start %1: %2").arg(name, process.errorString());
                return false;
            }
            const ListenerState state = waitForOwnListener(process, candidate, readyMs);
            reason = describeListenerProblem(state, name, candidate);
            return state == ListenerState::Owned;
        },
        [&process] { stopProcess(process); }, &reason, picker, attempts);
    if (error)
        *error = port ? QString() : reason;
    return port;
}

void stopProcess(QProcess& process, int timeoutMs)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate(); // SIGTERM to this child's PID only
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(timeoutMs);
    }
}

} // namespace Storybook::Test
