#include "networkprobe.h"

#include <QByteArray>
#include <QFile>

#if defined(Q_OS_LINUX)
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#endif

namespace Storybook::Viewer {

namespace {

#if defined(Q_OS_LINUX)
QString errnoName(int error)
{
    switch (error) {
    case EACCES:
        return QStringLiteral("EACCES");
    case EPERM:
        return QStringLiteral("EPERM");
    case EAFNOSUPPORT:
        return QStringLiteral("EAFNOSUPPORT");
    case ECONNREFUSED:
        return QStringLiteral("ECONNREFUSED");
    case ENOSYS:
        return QStringLiteral("ENOSYS");
    default:
        return QStringLiteral("errno %1").arg(error);
    }
}

// Closes a socket descriptor when it goes.
class Socket final
{
public:
    explicit Socket(int fd)
        : m_fd(fd)
    {
    }
    ~Socket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    [[nodiscard]] int fd() const { return m_fd; }

private:
    int m_fd;
};

QString trySocket(const char* name, int family, int type)
{
    const Socket socket(::socket(family, type | SOCK_CLOEXEC, 0));
    if (socket.fd() >= 0)
        return QLatin1StringView(name) + QStringLiteral(": allowed");
    return QLatin1StringView(name) + QStringLiteral(": refused (") + errnoName(errno) + u')';
}

QString tryConnect(quint16 port)
{
    const QString name = QStringLiteral("connect 127.0.0.1:%1: ").arg(port);
    const Socket socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (socket.fd() < 0)
        return name + QStringLiteral("no socket (") + errnoName(errno) + u')';
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(socket.fd(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0)
        return name + QStringLiteral("connected");
    return name + QStringLiteral("failed (") + errnoName(errno) + u')';
}

// "Seccomp: 2" in /proc/self/status means a filter is installed.
QString seccompState()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("seccomp: unknown");
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("Seccomp:")) {
            const QByteArray mode = line.mid(8).trimmed();
            return QStringLiteral("seccomp: ") + (mode == "2" ? QStringLiteral("filter") : QStringLiteral("none"));
        }
    }
    return QStringLiteral("seccomp: unknown");
}
#endif

} // namespace

quint16 NetworkProbe::portFromEnvironment()
{
    bool ok = false;
    const uint port = qEnvironmentVariable("STORYBOOK_VIEWER_PROBE_PORT").toUInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : quint16(0);
}

QStringList NetworkProbe::run(quint16 port)
{
#if defined(Q_OS_LINUX)
    QStringList lines;
    lines << trySocket("inet", AF_INET, SOCK_STREAM) << trySocket("inet6", AF_INET6, SOCK_STREAM)
          << trySocket("packet", AF_PACKET, SOCK_DGRAM);
    if (port != 0)
        lines << tryConnect(port);
    lines << trySocket("unix", AF_UNIX, SOCK_STREAM) << seccompState()
          << QStringLiteral("no_new_privs: %1").arg(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    return lines;
#else
    Q_UNUSED(port)
    return {QStringLiteral("network probe: not available on this platform")};
#endif
}

} // namespace Storybook::Viewer
