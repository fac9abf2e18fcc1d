#include "proxylauncher.h"

#include "testlogging.h"

#include <QFile>
#include <QTemporaryDir>

namespace Storybook::Test {

namespace {
constexpr int kReadyTimeoutMs = 5000;
constexpr int kStopTimeoutMs = 3000;
} // namespace

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
    m_attempts = 0;
    const quint16 port = retryOnFreshLoopbackPorts(
        toolName(kind),
        [&](quint16 candidate) {
            ++m_attempts;
            return startOnce(candidate, user, password);
        },
        [this] { stop(); }, &m_errorString, m_picker, m_maxAttempts);
    return port != 0;
}

bool ProxyLauncher::startOnce(quint16 candidate, const QString& user, const QString& password)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_errorString = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    m_port = candidate;
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

    const ListenerState state = waitForOwnListener(*m_process, m_port, kReadyTimeoutMs);
    if (state != ListenerState::Owned) {
        m_errorString = describeListenerProblem(state, toolName(m_kind), m_port, log());
        return false;
    }
    qCDebug(lcTest) << toolName(m_kind) << "ready on port" << m_port << "pid" << pid();
    return true;
}

void ProxyLauncher::stop()
{
    if (!m_process)
        return;
    stopProcess(*m_process, kStopTimeoutMs); // SIGTERM to this child's PID only, then SIGKILL
    delete m_process;
    m_process = nullptr;
    m_port = 0;
}

} // namespace Storybook::Test
