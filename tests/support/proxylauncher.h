#pragma once

#include "portcheck.h"   // freeLoopbackPort(), closedLoopbackPort() (here before they had their own header)
#include "requiretool.h" // findTool(), isCi(), STORYBOOK_REQUIRE_TOOL (here before they had their own header)

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTest>

#include <memory>

class QTemporaryDir;

namespace Storybook::Test {

/*!
 * Starts a real proxy from the distribution as a child process on a free loopback port:
 *   Socks5 → microsocks -i 127.0.0.1 -p PORT [-u USER -P PASS] -b 127.0.0.2
 *   Http   → tinyproxy -d -c CONF   (Listen 127.0.0.1, Bind 127.0.0.2, Allow 127.0.0.1, [BasicAuth])
 * Outgoing connections of both proxies come from 127.0.0.2, so a FakeOpenAiServer can tell proxied
 * requests (peer 127.0.0.2) from direct ones (peer 127.0.0.1).
 * The port is picked before the child binds it, so start() follows the rule of portcheck.h: ready
 * only once the listener on the port is the child's own; a lost bind race is retried on another
 * port (at most PortAttempts ports).
 * stop() terminates the process by PID (SIGTERM, bounded wait, then SIGKILL); the destructor stops.
 */
class ProxyLauncher final : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Socks5, Http };
    Q_ENUM(Kind)

    explicit ProxyLauncher(QObject* parent = nullptr);
    ~ProxyLauncher() override;

    static QString toolName(Kind kind);
    static bool toolAvailable(Kind kind);

    //! Starts the proxy and waits (≤ 5 s per port) until the child itself listens on its port.
    //! Retries on another port when it lost the bind race (or failed otherwise).
    bool start(Kind kind, const QString& user = {}, const QString& password = {});
    //! Where start() gets its candidate ports (default: freeLoopbackPort()); for tests of the race.
    void setPortPicker(PortPicker picker) { m_picker = std::move(picker); }
    //! How many ports start() tries at most (default PortAttempts; 1 turns the retry off).
    void setPortAttempts(int attempts) { m_maxAttempts = attempts; }
    //! How many ports the last start() tried (1 when the first one worked).
    int attempts() const { return m_attempts; }
    void stop();

    bool isRunning() const;
    Kind kind() const { return m_kind; }
    quint16 port() const { return m_port; }
    qint64 pid() const;
    QString errorString() const { return m_errorString; }
    //! The proxy's combined stdout/stderr and log file so far (for diagnostics).
    QString log() const;

private:
    bool startOnce(quint16 port, const QString& user, const QString& password);

    Kind m_kind = Kind::Socks5;
    quint16 m_port = 0;
    int m_attempts = 0;
    int m_maxAttempts = PortAttempts;
    PortPicker m_picker;
    QString m_errorString;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess* m_process = nullptr;
};

} // namespace Storybook::Test
