#pragma once

#include "portcheck.h" // the rule for ports picked for a child, shared with ProxyLauncher
#include "proxylauncher.h"

#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace Storybook::Test {

/*!
 * The proxies families, schools and offices run, from Debian's packages, each started as child
 * processes on free loopback ports (checked to be bound by the child itself; a lost bind race
 * is retried on another port: portcheck.h, the same loop as ProxyLauncher's) and stopped by PID. Outgoing connections come from 127.0.0.2 where
 * the program can bind them (all but mitmproxy, which instead adds "X-Storybook-Proxy: mitmproxy"
 * to every request it forwards), so the fake server proves the path.
 *
 *   Squid        squid -N -f CONF: Basic auth (basic_ncsa_auth) when a user is given; an ACL that
 *                refuses `deniedPort` (403) before asking for credentials
 *   Dante        danted -f CONF: "socksmethod: none", or "username" with the user in a private
 *                passwd/shadow file seen through nss_wrapper (LD_PRELOAD; no system user is made)
 *   Shadowsocks  ss-server (127.0.0.1, key) + ss-local (SOCKS5, no auth) in front of it; with
 *                `wrongKey` the ss-local has another key: it accepts connections, nothing comes back
 *   Privoxy      privoxy --no-daemon CONF, forwarding everything to the SOCKS5 port `upstreamPort`
 *   Mitmproxy    mitmdump: an intercepting HTTP proxy with its own CA (caCertPath()), proxyauth
 *                when a user is given
 */
class RealProxy final : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Squid, Dante, Shadowsocks, Privoxy, Mitmproxy };
    Q_ENUM(Kind)

    struct Options
    {
        QString user;
        QString password;
        quint16 deniedPort = 0;   //!< Squid: refused by its rules
        quint16 upstreamPort = 0; //!< Privoxy: the SOCKS5 proxy on 127.0.0.1 it forwards to
        bool wrongKey = false;    //!< Shadowsocks: the local side has the wrong key
        QString upstreamCa;       //!< Mitmproxy: a CA (PEM) it trusts for the servers it connects to
    };

    explicit RealProxy(QObject* parent = nullptr);
    ~RealProxy() override;

    static QString toolName(Kind kind);
    //! The programs (and for Dante with a user, nss_wrapper) are installed.
    static bool available(Kind kind, bool withUser = false);

    //! Starts the proxy; true once its port is bound by the child and accepts connections.
    bool start(Kind kind, const Options& options);
    bool start(Kind kind) { return start(kind, Options()); }
    void stop();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString scheme() const; //!< "http" or "socks5h"
    [[nodiscard]] QString errorString() const { return m_errorString; }
    [[nodiscard]] QString caCertPath() const; //!< mitmproxy's CA certificate (PEM)
    [[nodiscard]] QString log() const;

private:
    bool startOnce(quint16 port, const Options& options);
    bool launch(const QString& program, const QStringList& arguments, const QString& name, quint16 port,
                const QProcessEnvironment& environment, int readyMs);
    bool writeFile(const QString& name, const QByteArray& content);

    Kind m_kind = Kind::Squid;
    quint16 m_port = 0;
    QString m_errorString;
    std::unique_ptr<QTemporaryDir> m_dir;
    QList<QProcess*> m_processes; // started in order, stopped in reverse
};

} // namespace Storybook::Test
