#pragma once

#include <QStringList>

namespace Storybook::Viewer {

// A test hook that shows what the kernel lets this process do with sockets: it tries
// socket(AF_INET), socket(AF_INET6), socket(AF_PACKET), a TCP connect to a loopback port (when one
// is given; the test listening there checks that nothing arrived) and socket(AF_UNIX), and reads
// the process's seccomp and no_new_privs state. Only loopback is ever contacted.
// Used by `storybook-viewer --sandbox-self-test` and, after a normal start, when the environment
// variable STORYBOOK_VIEWER_PROBE_PORT names a port (tests/widgets/tst_viewer). Off by default.
class NetworkProbe final
{
public:
    // The port from STORYBOOK_VIEWER_PROBE_PORT; 0 when unset or not a port number.
    [[nodiscard]] static quint16 portFromEnvironment();

    // One line per attempt, e.g. "inet: refused (EACCES)", "connect 127.0.0.1:4711: connected",
    // "unix: allowed", "seccomp: filter", "no_new_privs: 1". port 0 skips the connect.
    [[nodiscard]] static QStringList run(quint16 port);
};

} // namespace Storybook::Viewer
