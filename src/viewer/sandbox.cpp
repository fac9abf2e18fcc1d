#include "sandbox.h"

#include <QByteArray>
#include <QLatin1StringView>

#if defined(STORYBOOK_HAVE_SECCOMP)
#include <seccomp.h>

#include <sys/prctl.h>
#include <sys/socket.h>

#include <array>
#include <cerrno>
#include <cstring>
#endif

namespace Storybook::Viewer {

namespace {

#if defined(STORYBOOK_HAVE_SECCOMP)
// Owns a libseccomp filter context for the time it is built and loaded.
class FilterContext final
{
public:
    FilterContext()
        : m_context(seccomp_init(SCMP_ACT_ALLOW))
    {
    }
    ~FilterContext()
    {
        if (m_context)
            seccomp_release(m_context);
    }
    FilterContext(const FilterContext&) = delete;
    FilterContext& operator=(const FilterContext&) = delete;

    [[nodiscard]] scmp_filter_ctx get() const { return m_context; }

private:
    scmp_filter_ctx m_context;
};

Sandbox::Result refused(const char* step, int rc)
{
    // libseccomp returns negative errno values.
    return {Sandbox::State::NotInstalled, Sandbox::Reason::KernelRefused,
            QLatin1StringView(step) + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(-rc))};
}
#endif

} // namespace

QString Sandbox::Result::logLine() const
{
    switch (reason) {
    case Reason::None:
        return QStringLiteral("sandbox: network sockets denied by the kernel (seccomp: AF_INET, AF_INET6 and "
                              "AF_PACKET refused)");
    case Reason::SwitchedOff:
        return QStringLiteral("sandbox: switched off (%1); the viewer relies on its code alone, which uses no "
                              "network API")
            .arg(detail);
    case Reason::TcpDisplay:
        return QStringLiteral("sandbox: not installed, the X display \"%1\" is reached over TCP (ssh -X?); the "
                              "viewer relies on its code alone, which uses no network API")
            .arg(detail);
    case Reason::NotAvailable:
        return QStringLiteral("sandbox: not available on this platform; the viewer relies on its code alone, which "
                              "uses no network API");
    case Reason::KernelRefused:
        return QStringLiteral("sandbox: not installed (%1); the viewer relies on its code alone, which uses no "
                              "network API")
            .arg(detail);
    }
    return {};
}

bool Sandbox::isTcpDisplay(QStringView display)
{
    // X11 display names: [protocol/][host]:display[.screen]
    if (display.isEmpty() || display.startsWith(u'/'))
        return false; // unset, or a socket path (macOS launchd's "/private/tmp/…/org.xquartz:0")
    QStringView protocol;
    QStringView rest = display;
    const qsizetype slash = display.indexOf(u'/');
    const qsizetype colon = display.lastIndexOf(u':');
    if (slash >= 0 && (colon < 0 || slash < colon)) {
        protocol = display.left(slash);
        rest = display.mid(slash + 1);
    }
    if (protocol == u"unix" || protocol == u"local")
        return false;
    if (protocol == u"tcp" || protocol == u"inet" || protocol == u"inet6")
        return true;
    const qsizetype hostEnd = rest.lastIndexOf(u':');
    if (hostEnd < 0)
        return false; // not a display name Xlib or xcb would accept
    const QStringView host = rest.left(hostEnd);
    return !host.isEmpty() && host != u"unix";
}

bool Sandbox::switchedOffByEnvironment()
{
    const QByteArray value = qgetenv("STORYBOOK_VIEWER_SANDBOX").trimmed().toLower();
    return value == "off" || value == "0" || value == "no" || value == "false";
}

Sandbox::Result Sandbox::installAtStart(const StartOptions& options)
{
    if (options.switchedOff)
        return {State::NotInstalled, Reason::SwitchedOff, QStringLiteral("--no-sandbox or STORYBOOK_VIEWER_SANDBOX=off")};
    if (isTcpDisplay(options.display))
        return {State::NotInstalled, Reason::TcpDisplay, options.display};
    return denyNetworkSockets();
}

Sandbox::Result Sandbox::denyNetworkSockets()
{
#if defined(STORYBOOK_HAVE_SECCOMP)
    FilterContext filter;
    if (!filter.get())
        return {State::NotInstalled, Reason::KernelRefused, QStringLiteral("seccomp_init failed")};
    scmp_filter_ctx ctx = filter.get();

    // A system call of another ABI (int 0x80, x32) could step around the rules: end the process.
    if (const int rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS); rc < 0)
        return refused("seccomp_attr_set(BADARCH)", rc);
    // Should a thread exist already, the filter applies to it too.
    if (const int rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1); rc < 0)
        return refused("seccomp_attr_set(TSYNC)", rc);

    // Where sockets are multiplexed through socketcall(), libseccomp adds socketcall(SYS_SOCKET) itself.
    constexpr std::array<int, 3> deniedFamilies{AF_INET, AF_INET6, AF_PACKET};
    for (const int family : deniedFamilies) {
        const int rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(socket), 1,
                                        SCMP_A0(SCMP_CMP_EQ, scmp_datum_t(family)));
        if (rc < 0)
            return refused("seccomp_rule_add(socket)", rc);
    }
    // An io_uring creates sockets without socket() (IORING_OP_SOCKET, Linux 5.19).
    if (const int rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(io_uring_setup), 0); rc < 0)
        return refused("seccomp_rule_add(io_uring_setup)", rc);

    // libseccomp sets no_new_privs itself when loading (SCMP_FLTATR_CTL_NNP); set it here explicitly,
    // so a failure says so.
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return {State::NotInstalled, Reason::KernelRefused,
                QStringLiteral("prctl(PR_SET_NO_NEW_PRIVS): ") + QString::fromLocal8Bit(std::strerror(errno))};
    if (const int rc = seccomp_load(ctx); rc < 0)
        return refused("seccomp_load", rc);
    return {State::Installed, Reason::None, {}};
#else
    return {State::NotInstalled, Reason::NotAvailable, {}};
#endif
}

} // namespace Storybook::Viewer
