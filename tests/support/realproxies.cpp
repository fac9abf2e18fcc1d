#include "realproxies.h"

#include "testlogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <unistd.h>

namespace Storybook::Test {

namespace {
constexpr int ReadyMs = 8000;
constexpr int MitmReadyMs = 30000; // mitmdump makes its CA on the first start
constexpr int StopMs = 5000;

QString libraryPath(const QString& fileName)
{
    // The multiarch folder differs per machine; look one level below the usual library folders.
    for (const QString& root : {QStringLiteral("/usr/lib"), QStringLiteral("/usr/lib64"), QStringLiteral("/lib")}) {
        if (QFileInfo::exists(root + u'/' + fileName))
            return root + u'/' + fileName;
        const QStringList subdirs = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString& sub : subdirs) {
            const QString path = root + u'/' + sub + u'/' + fileName;
            if (QFileInfo::exists(path))
                return path;
        }
    }
    return {};
}

QString squidHelper()
{
    for (const QString& dir : {QStringLiteral("/usr/lib/squid"), QStringLiteral("/usr/lib64/squid"),
                               QStringLiteral("/usr/libexec/squid")}) {
        if (QFileInfo(dir + QStringLiteral("/basic_ncsa_auth")).isExecutable())
            return dir + QStringLiteral("/basic_ncsa_auth");
    }
    return {};
}

// A SHA-512 crypt(3) hash made by openssl (Squid's helper and glibc's crypt both read it).
QByteArray passwordHash(const QString& password)
{
    QProcess openssl;
    openssl.start(findTool(QStringLiteral("openssl")), {QStringLiteral("passwd"), QStringLiteral("-6"), QStringLiteral("-stdin")});
    openssl.write(password.toUtf8() + '\n');
    openssl.closeWriteChannel();
    if (!openssl.waitForFinished(10000) || openssl.exitCode() != 0)
        return {};
    return openssl.readAllStandardOutput().trimmed();
}

QString currentUserName()
{
    return ::geteuid() == 0 ? QStringLiteral("root") : qEnvironmentVariable("USER", QStringLiteral("nobody"));
}
} // namespace

RealProxy::RealProxy(QObject* parent) : QObject(parent) {}

RealProxy::~RealProxy()
{
    stop();
}

QString RealProxy::toolName(Kind kind)
{
    switch (kind) {
    case Kind::Squid:
        return QStringLiteral("squid");
    case Kind::Dante:
        return QStringLiteral("danted");
    case Kind::Shadowsocks:
        return QStringLiteral("ss-server");
    case Kind::Privoxy:
        return QStringLiteral("privoxy");
    case Kind::Mitmproxy:
        return QStringLiteral("mitmdump");
    }
    return {};
}

bool RealProxy::available(Kind kind, bool withUser)
{
    if (findTool(toolName(kind)).isEmpty())
        return false;
    switch (kind) {
    case Kind::Squid:
        return !withUser || (!squidHelper().isEmpty() && !findTool(QStringLiteral("openssl")).isEmpty());
    case Kind::Dante:
        return !withUser || (!libraryPath(QStringLiteral("libnss_wrapper.so")).isEmpty() && !findTool(QStringLiteral("openssl")).isEmpty());
    case Kind::Shadowsocks:
        return !findTool(QStringLiteral("ss-local")).isEmpty();
    case Kind::Privoxy:
    case Kind::Mitmproxy:
        return true;
    }
    return false;
}

QString RealProxy::scheme() const
{
    return m_kind == Kind::Dante || m_kind == Kind::Shadowsocks ? QStringLiteral("socks5h") : QStringLiteral("http");
}

QString RealProxy::caCertPath() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("mitmproxy-ca-cert.pem")) : QString();
}

bool RealProxy::isRunning() const
{
    return !m_processes.isEmpty()
           && std::all_of(m_processes.cbegin(), m_processes.cend(), [](const QProcess* p) { return p->state() == QProcess::Running; });
}

QString RealProxy::log() const
{
    if (!m_dir)
        return {};
    QString text;
    const QStringList logs = QDir(m_dir->path()).entryList({QStringLiteral("*.log")}, QDir::Files);
    for (const QString& name : logs) {
        QFile file(m_dir->filePath(name));
        if (file.open(QIODevice::ReadOnly))
            text += name + QStringLiteral(": ") + QString::fromUtf8(file.readAll().right(3000)) + u'\n';
    }
    return text;
}

bool RealProxy::start(Kind kind, const Options& options)
{
    stop();
    m_kind = kind;
    m_errorString.clear();
    if (!available(kind, !options.user.isEmpty())) {
        m_errorString = toolName(kind) + QStringLiteral(" (or a helper it needs) is not installed");
        return false;
    }
    // The pick-start-check loop of portcheck.h; startOnce() fails on a port the child does not own.
    return retryOnFreshLoopbackPorts(
               toolName(kind), [&](quint16 port) { return startOnce(port, options); }, [this] { stop(); },
               &m_errorString)
           != 0;
}

bool RealProxy::writeFile(const QString& name, const QByteArray& content)
{
    QFile file(m_dir->filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        m_errorString = QStringLiteral("cannot write ") + name;
        return false;
    }
    // Squid and Dante drop root for an unprivileged user that must still read their files.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return true;
}

bool RealProxy::launch(const QString& program, const QStringList& arguments, const QString& name, quint16 port,
                       const QProcessEnvironment& environment, int readyMs)
{
    auto* process = new QProcess(this);
    m_processes.append(process);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardOutputFile(m_dir->filePath(name + QStringLiteral(".log")));
    process->setStandardInputFile(QProcess::nullDevice());
    process->setProcessEnvironment(environment);
    process->setWorkingDirectory(m_dir->path());
    process->start(program, arguments);
    if (!process->waitForStarted(readyMs)) {
        m_errorString = QStringLiteral("cannot start ") + name + QStringLiteral(": ") + process->errorString();
        return false;
    }
    // Someone else may have taken the port between it was picked and the child's bind.
    const ListenerState state = waitForOwnListener(*process, port, readyMs);
    if (state != ListenerState::Owned) {
        m_errorString = describeListenerProblem(state, name, port, log());
        return false;
    }
    qCDebug(lcTest) << name << "ready on port" << port << "pid" << process->processId();
    return true;
}

bool RealProxy::startOnce(quint16 candidate, const Options& o)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_errorString = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                             | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    m_port = candidate;
    const QByteArray port = QByteArray::number(m_port);
    const QByteArray dir = m_dir->path().toUtf8();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& name : env.keys()) {
        if (name.endsWith(QLatin1String("_proxy"), Qt::CaseInsensitive))
            env.remove(name); // the proxies' own outgoing side is direct
    }

    switch (m_kind) {
    case Kind::Squid: {
        QByteArray conf = "http_port 127.0.0.1:" + port + "\n"
                          "pid_filename none\n"
                          "cache_log " + dir + "/cache.log\n"
                          "access_log none\n"
                          "cache deny all\n"
                          "cache_mem 4 MB\n"
                          "coredump_dir " + dir + "\n"
                          "shutdown_lifetime 0 seconds\n"
                          "pinger_enable off\n"
                          "netdb_filename none\n"
                          "tcp_outgoing_address 127.0.0.2\n"
                          "visible_hostname storybook-test-squid\n"
                          "acl CONNECT method CONNECT\n";
        if (o.deniedPort)
            conf += "acl denied_port port " + QByteArray::number(o.deniedPort) + "\nhttp_access deny denied_port\n";
        if (!o.user.isEmpty()) {
            const QByteArray hash = passwordHash(o.password);
            if (hash.isEmpty() || !writeFile(QStringLiteral("passwd"), o.user.toUtf8() + ':' + hash + '\n')) {
                m_errorString = QStringLiteral("cannot write the Squid password file");
                return false;
            }
            conf += "auth_param basic program " + squidHelper().toUtf8() + ' ' + dir + "/passwd\n"
                    "auth_param basic realm storybook\n"
                    "auth_param basic children 2 startup=1\n"
                    "acl authed proxy_auth REQUIRED\n"
                    "http_access allow authed\n";
        } else {
            conf += "http_access allow all\n";
        }
        conf += "http_access deny all\n";
        if (!writeFile(QStringLiteral("squid.conf"), conf))
            return false;
        return launch(findTool(QStringLiteral("squid")), {QStringLiteral("-N"), QStringLiteral("-f"), m_dir->filePath(QStringLiteral("squid.conf"))},
                      QStringLiteral("squid"), m_port, env, ReadyMs);
    }
    case Kind::Dante: {
        const QByteArray user = currentUserName().toUtf8();
        QByteArray conf = "logoutput: " + dir + "/dante-events.log\n"
                          "internal: 127.0.0.1 port = " + port + "\n"
                          "external: 127.0.0.2\n"
                          "clientmethod: none\n"
                          "socksmethod: " + (o.user.isEmpty() ? "none" : "username") + "\n"
                          "user.privileged: " + user + "\n"
                          "user.unprivileged: " + (user == "root" ? QByteArray("nobody") : user) + "\n"
                          "client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }\n"
                          "socks pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }\n";
        if (!writeFile(QStringLiteral("danted.conf"), conf))
            return false;
        if (!o.user.isEmpty()) {
            // Dante checks "username" against the system's user database; nss_wrapper shows it a
            // private one instead, so no user is ever added to the machine.
            const QByteArray hash = passwordHash(o.password);
            const QByteArray name = o.user.toUtf8();
            if (hash.isEmpty()
                || !writeFile(QStringLiteral("passwd"), name + ":x:65534:65534::/nonexistent:/bin/false\n"
                                                         "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
                                                         "root:x:0:0:root:/root:/bin/sh\n")
                || !writeFile(QStringLiteral("shadow"), name + ':' + hash + ":19000:0:99999:7:::\n")
                || !writeFile(QStringLiteral("group"), "nogroup:x:65534:\nroot:x:0:\n"))
                return false;
            env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral("libnss_wrapper.so"));
            env.insert(QStringLiteral("NSS_WRAPPER_PASSWD"), m_dir->filePath(QStringLiteral("passwd")));
            env.insert(QStringLiteral("NSS_WRAPPER_SHADOW"), m_dir->filePath(QStringLiteral("shadow")));
            env.insert(QStringLiteral("NSS_WRAPPER_GROUP"), m_dir->filePath(QStringLiteral("group")));
        }
        return launch(findTool(QStringLiteral("danted")),
                      {QStringLiteral("-f"), m_dir->filePath(QStringLiteral("danted.conf")), QStringLiteral("-p"),
                       m_dir->filePath(QStringLiteral("danted.pid"))},
                      QStringLiteral("danted"), m_port, env, ReadyMs);
    }
    case Kind::Shadowsocks: {
        // A second picked port; launch() checks it like the first, and a lost race fails the
        // attempt, so both ports are picked afresh.
        const quint16 serverPort = freeLoopbackPort();
        if (serverPort == 0) {
            m_errorString = QStringLiteral("no free loopback port");
            return false;
        }
        const QString method = QStringLiteral("chacha20-ietf-poly1305");
        const QString key = QStringLiteral("storybook-ss-key");
        if (!launch(findTool(QStringLiteral("ss-server")),
                    {QStringLiteral("-s"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(serverPort),
                     QStringLiteral("-k"), key, QStringLiteral("-m"), method, QStringLiteral("-b"), QStringLiteral("127.0.0.2")},
                    QStringLiteral("ss-server"), serverPort, env, ReadyMs))
            return false;
        return launch(findTool(QStringLiteral("ss-local")),
                      {QStringLiteral("-s"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(serverPort),
                       QStringLiteral("-b"), QStringLiteral("127.0.0.1"), QStringLiteral("-l"), QString::number(m_port),
                       QStringLiteral("-k"), o.wrongKey ? QStringLiteral("not-the-server-key") : key, QStringLiteral("-m"), method},
                      QStringLiteral("ss-local"), m_port, env, ReadyMs);
    }
    case Kind::Privoxy: {
        const QByteArray conf = "listen-address 127.0.0.1:" + port + "\n"
                                "forward-socks5t / 127.0.0.1:" + QByteArray::number(o.upstreamPort) + " .\n"
                                "confdir " + dir + "\n"
                                "logdir " + dir + "\n"
                                "logfile privoxy-events.log\n"
                                "toggle 0\n"
                                "enable-remote-toggle 0\n"
                                "enable-edit-actions 0\n"
                                "accept-intercepted-requests 0\n";
        if (!writeFile(QStringLiteral("privoxy.conf"), conf))
            return false;
        return launch(findTool(QStringLiteral("privoxy")), {QStringLiteral("--no-daemon"), m_dir->filePath(QStringLiteral("privoxy.conf"))},
                      QStringLiteral("privoxy"), m_port, env, ReadyMs);
    }
    case Kind::Mitmproxy: {
        QStringList arguments{QStringLiteral("--listen-host"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
                              QStringLiteral("--set"), QStringLiteral("confdir=") + m_dir->path(),
                              QStringLiteral("--set"), QStringLiteral("modify_headers=/~q/X-Storybook-Proxy/mitmproxy"),
                              QStringLiteral("-q")};
        if (!o.user.isEmpty())
            arguments << QStringLiteral("--set") << QStringLiteral("proxyauth=%1:%2").arg(o.user, o.password);
        if (!o.upstreamCa.isEmpty()) // it verifies the servers it intercepts, with this CA
            arguments << QStringLiteral("--set") << QStringLiteral("ssl_verify_upstream_trusted_ca=") + o.upstreamCa;
        env.insert(QStringLiteral("HOME"), m_dir->path());
        return launch(findTool(QStringLiteral("mitmdump")), arguments, QStringLiteral("mitmdump"), m_port, env, MitmReadyMs);
    }
    }
    return false;
}

void RealProxy::stop()
{
    // By PID, newest first: SIGTERM, a bounded wait, then SIGKILL.
    while (!m_processes.isEmpty()) {
        QProcess* process = m_processes.takeLast();
        stopProcess(*process, StopMs);
        delete process;
    }
    m_port = 0;
}

} // namespace Storybook::Test
