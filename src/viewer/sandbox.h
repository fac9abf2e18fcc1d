#pragma once

#include <QString>
#include <QStringView>

namespace Storybook::Viewer {

// The viewer denies itself network sockets: on Linux a seccomp filter (libseccomp) makes socket()
// fail with EACCES for AF_INET, AF_INET6 and AF_PACKET, so neither the viewer's code nor anything it
// loads later (Qt plug-ins, Qt Multimedia and its GStreamer plug-ins, which link QtNetwork on
// Debian) can open an internet socket. Everything else stays allowed: AF_UNIX for the X server, the
// audio server and D-Bus, socketpair(), files.
//
// What the filter holds on x86_64 (tested) and aarch64 (the same rules; not tested here):
// - socket(AF_INET | AF_INET6 | AF_PACKET, ...) returns -1 / EACCES; other families are allowed.
// - io_uring_setup() returns ENOSYS: an io_uring could create sockets (IORING_OP_SOCKET) without
//   the socket() system call. Nothing the viewer loads needs io_uring.
// - A system call of another ABI (32-bit int 0x80, x32) ends the process (libseccomp's action for
//   a foreign architecture, set to kill the whole process), so the filter cannot be stepped around.
// - On architectures that multiplex sockets through socketcall() (32-bit x86, s390, ppc),
//   libseccomp also refuses socketcall(SYS_SOCKET) whatever the family (the filter cannot read its
//   arguments in memory): a C library that still creates sockets that way loses AF_UNIX too.
//   Debian's glibc calls socket() directly. Not tested here.
// - no_new_privs is set (required for an unprivileged filter); the filter lasts for the process
//   and every thread and child it starts, and cannot be removed.
// It does not cover sockets the process did not create: descriptors inherited at start or received
// over a local socket (SCM_RIGHTS). The viewer's own code uses no QtNetwork API either.
//
// Call installAtStart() before QApplication exists, so before any thread or plug-in.
class Sandbox final
{
public:
    enum class State
    {
        Installed,   // the kernel now refuses network sockets to this process
        NotInstalled // see Result::reason
    };

    enum class Reason
    {
        None,          // installed
        SwitchedOff,   // --no-sandbox or STORYBOOK_VIEWER_SANDBOX=off
        TcpDisplay,    // DISPLAY names an X server reached over TCP (ssh -X)
        NotAvailable,  // not a Linux build with libseccomp
        KernelRefused, // libseccomp or the kernel failed (see detail)
    };

    struct Result
    {
        State state = State::NotInstalled;
        Reason reason = Reason::NotAvailable;
        QString detail; // what failed, or the DISPLAY value that made it step aside

        [[nodiscard]] bool installed() const { return state == State::Installed; }
        // One line for the log, e.g. "network sockets denied by the kernel (seccomp)".
        [[nodiscard]] QString logLine() const;
    };

    struct StartOptions
    {
        bool switchedOff = false; // --no-sandbox or the environment switch
        QString display;          // the DISPLAY environment variable
    };

    // The start-up policy: steps aside when switched off or when the X display is reached over TCP
    // (the filter would cut that connection), else installs the filter.
    [[nodiscard]] static Result installAtStart(const StartOptions& options);

    // Installs the filter unconditionally. Errors as values: NotAvailable or KernelRefused.
    [[nodiscard]] static Result denyNetworkSockets();

    // True when an X11 DISPLAY value is reached over TCP: "host:10.0", "localhost:99",
    // "tcp/host:0", "[::1]:0". False for ":0", "unix:0", "unix/:0", "local/host:0", a path
    // ("/tmp/.X11-unix/X0", launchd's "/private/tmp/…:0") and an empty value.
    [[nodiscard]] static bool isTcpDisplay(QStringView display);

    // True when the environment switch STORYBOOK_VIEWER_SANDBOX says "off" (or "0", "no", "false").
    [[nodiscard]] static bool switchedOffByEnvironment();
};

} // namespace Storybook::Viewer
