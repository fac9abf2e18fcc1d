#pragma once

#include "requiretool.h" // findTool(), isCi(), STORYBOOK_REQUIRE_TOOL (here before they had their own header)

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTest>

#include <memory>

class QTemporaryDir;

namespace Storybook::Test {

//! A TCP port on 127.0.0.1 that was free a moment ago (bound to :0, then released).
quint16 freeLoopbackPort();
//! A port on 127.0.0.1 with nothing listening (connections are refused).
quint16 closedLoopbackPort();

/*!
 * Starts a real proxy from the distribution as a child process on a free loopback port:
 *   Socks5 → microsocks -i 127.0.0.1 -p PORT [-u USER -P PASS] -b 127.0.0.2
 *   Http   → tinyproxy -d -c CONF   (Listen 127.0.0.1, Bind 127.0.0.2, Allow 127.0.0.1, [BasicAuth])
 * Outgoing connections of both proxies come from 127.0.0.2, so a FakeOpenAiServer can tell proxied
 * requests (peer 127.0.0.2) from direct ones (peer 127.0.0.1).
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

    //! Starts the proxy and waits (≤ 5 s) until it accepts TCP connections. Retries on port races.
    bool start(Kind kind, const QString& user = {}, const QString& password = {});
    void stop();

    bool isRunning() const;
    Kind kind() const { return m_kind; }
    quint16 port() const { return m_port; }
    qint64 pid() const;
    QString errorString() const { return m_errorString; }
    //! The proxy's combined stdout/stderr and log file so far (for diagnostics).
    QString log() const;

private:
    bool startOnce(const QString& user, const QString& password);

    Kind m_kind = Kind::Socks5;
    quint16 m_port = 0;
    QString m_errorString;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess* m_process = nullptr;
};

} // namespace Storybook::Test
