#include "proxylauncher.h"

#include "testlogging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

namespace Storybook::Test {

namespace {
constexpr int kStartAttempts = 3;
constexpr int kReadyTimeoutMs = 5000;
constexpr int kStopTimeoutMs = 3000;
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

ProxyLauncher::ProxyLauncher(QObject* parent) : QObject(parent) {}

ProxyLauncher::~ProxyLauncher()
{
    stop();
}

QString ProxyLauncher::toolName(Kind kind)
{
    return kind == Kind::Socks5 ? QStringLiteral("microsocks") : QStringLiteral("tinyproxy");
}

bool ProxyLauncher::toolAvailable(Kind kind)
{
    return !findTool(toolName(kind)).isEmpty();
}

bool ProxyLauncher::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 ProxyLauncher::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString ProxyLauncher::log() const
{
    if (!m_dir)
        return {};
    QString text;
    for (const QString& name : {QStringLiteral("output.log"), QStringLiteral("tinyproxy.log")}) {
        QFile file(m_dir->filePath(name));
        if (file.open(QIODevice::ReadOnly))
            text += QString::fromUtf8(file.readAll().right(4096));
    }
    return text;
}

bool ProxyLauncher::start(Kind kind, const QString& user, const QString& password)
{
    stop();
    m_kind = kind;
    m_errorString.clear();
    if (!toolAvailable(kind)) {
        m_errorString = toolName(kind) + QStringLiteral(" is not installed");
        return false;
    }
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        if (startOnce(user, password))
            return true;
        qCWarning(lcTest) << "starting" << toolName(kind) << "failed:" << m_errorString;
        stop();
    }
    return false;
}

bool ProxyLauncher::startOnce(const QString& user, const QString& password)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_errorString = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    m_port = freeLoopbackPort();
    if (m_port == 0) {
        m_errorString = QStringLiteral("no free loopback port");
        return false;
    }
    const QString port = QString::number(m_port);
    QStringList arguments;
    if (m_kind == Kind::Socks5) {
        arguments << QStringLiteral("-i") << QStringLiteral("127.0.0.1") << QStringLiteral("-p") << port;
        if (!user.isEmpty())
            arguments << QStringLiteral("-u") << user << QStringLiteral("-P") << password;
        arguments << QStringLiteral("-b") << QStringLiteral("127.0.0.2");
    } else {
        QByteArray config;
        config += "Port " + port.toUtf8() + "\n";
        config += "Listen 127.0.0.1\n";
        config += "Bind 127.0.0.2\n";
        config += "Allow 127.0.0.1\n";
        config += "Timeout 30\n";
        config += "MaxClients 50\n";
        config += "LogLevel Error\n";
        config += "LogFile \"" + m_dir->filePath(QStringLiteral("tinyproxy.log")).toUtf8() + "\"\n";
        config += "PidFile \"" + m_dir->filePath(QStringLiteral("tinyproxy.pid")).toUtf8() + "\"\n";
        if (!user.isEmpty())
            config += "BasicAuth " + user.toUtf8() + ' ' + password.toUtf8() + "\n";
        QFile file(m_dir->filePath(QStringLiteral("tinyproxy.conf")));
        if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size()) {
            m_errorString = QStringLiteral("cannot write the tinyproxy configuration");
            return false;
        }
        file.close();
        arguments << QStringLiteral("-d") << QStringLiteral("-c") << file.fileName();
    }

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("output.log")));
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->start(findTool(toolName(m_kind)), arguments);
    if (!m_process->waitForStarted(kReadyTimeoutMs)) {
        m_errorString = QStringLiteral("cannot start ") + toolName(m_kind) + QStringLiteral(": ") + m_process->errorString();
        return false;
    }

    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < kReadyTimeoutMs) {
        if (m_process->state() != QProcess::Running || m_process->waitForFinished(1)) {
            m_errorString = toolName(m_kind) + QStringLiteral(" exited early: ") + log();
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
        if (probe.waitForConnected(200)) {
            probe.disconnectFromHost();
            probe.abort();
            qCDebug(lcTest) << toolName(m_kind) << "ready on port" << m_port << "pid" << pid();
            return true;
        }
        QThread::msleep(20);
    }
    m_errorString = toolName(m_kind) + QStringLiteral(" did not accept connections within 5 s: ") + log();
    return false;
}

void ProxyLauncher::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM to this child's PID only
        if (!m_process->waitForFinished(kStopTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(kStopTimeoutMs);
        }
    }
    delete m_process;
    m_process = nullptr;
    m_port = 0;
}

} // namespace Storybook::Test
