#include "keyring.h"

#include "requiretool.h"
#include "sessionbus.h"
#include "testlogging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

namespace Storybook::Test {

namespace {
constexpr int kReadyTimeoutMs = 10000;
constexpr int kStopTimeoutMs = 3000;
constexpr int kPollMs = 50;
// Encrypts the throw-away login keyring; it never protects anything real.
constexpr char kPassword[] = "throw-away";
} // namespace

ThrowAwayKeyring::ThrowAwayKeyring(QObject* parent)
    : QObject(parent)
{
}

ThrowAwayKeyring::~ThrowAwayKeyring()
{
    stop();
}

bool ThrowAwayKeyring::available()
{
    return SessionBus::available() && !findTool(QStringLiteral("gnome-keyring-daemon")).isEmpty();
}

bool ThrowAwayKeyring::lookupAvailable()
{
    return !findTool(QStringLiteral("secret-tool")).isEmpty();
}

bool ThrowAwayKeyring::start()
{
    stop();
    m_error.clear();
    m_root = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/storybook-keyring-XXXXXX"));
    if (!m_root->isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder: ") + m_root->errorString();
        return false;
    }
    m_bus = std::make_unique<SessionBus>();
    if (!m_bus->start()) {
        m_error = QStringLiteral("private session bus: ") + m_bus->errorString();
        return false;
    }
    m_daemon = new QProcess(this);
    m_daemon->setProcessEnvironment(environment());
    m_daemon->setProgram(findTool(QStringLiteral("gnome-keyring-daemon")));
    m_daemon->setArguments({QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
    m_daemon->setStandardOutputFile(m_root->filePath(QStringLiteral("daemon.log")));
    m_daemon->setStandardErrorFile(m_root->filePath(QStringLiteral("daemon.log")), QIODevice::Append);
    endWithThisProcess(m_daemon);
    m_daemon->start();
    if (!m_daemon->waitForStarted(kReadyTimeoutMs)) {
        m_error = QStringLiteral("gnome-keyring-daemon did not start: ") + m_daemon->errorString();
        stop();
        return false;
    }
    // --unlock reads the login keyring's password from standard input up to its end.
    m_daemon->write(kPassword);
    m_daemon->waitForBytesWritten(kReadyTimeoutMs); // nothing else runs this process's events meanwhile
    m_daemon->closeWriteChannel();
    QDeadlineTimer deadline(kReadyTimeoutMs);
    while (!m_bus->hasOwner(QStringLiteral("org.freedesktop.secrets"))) {
        if (deadline.hasExpired() || m_daemon->state() != QProcess::Running) {
            QFile log(m_root->filePath(QStringLiteral("daemon.log")));
            log.open(QIODevice::ReadOnly);
            m_error = QStringLiteral("gnome-keyring-daemon did not offer the Secret Service: ") + QString::fromUtf8(log.readAll());
            stop();
            return false;
        }
        QThread::msleep(kPollMs);
    }
    qCDebug(lcTest) << "throw-away keyring" << m_daemon->processId() << "on" << m_bus->address();
    return true;
}

void ThrowAwayKeyring::stop()
{
    if (m_daemon && m_daemon->state() != QProcess::NotRunning) {
        m_daemon->terminate(); // SIGTERM to its PID
        if (!m_daemon->waitForFinished(kStopTimeoutMs)) {
            m_daemon->kill();
            m_daemon->waitForFinished(kStopTimeoutMs);
        }
    }
    delete m_daemon;
    m_daemon = nullptr;
    m_bus.reset();
    m_root.reset();
}

bool ThrowAwayKeyring::isRunning() const
{
    return m_daemon && m_daemon->state() == QProcess::Running;
}

qint64 ThrowAwayKeyring::pid() const
{
    return m_daemon ? m_daemon->processId() : 0;
}

QString ThrowAwayKeyring::root() const
{
    return m_root ? m_root->path() : QString();
}

QProcessEnvironment ThrowAwayKeyring::environment() const
{
    if (!m_root || !m_bus)
        return {};
    return m_bus->environment(isolatedEnvironment(m_root->path()));
}

QString ThrowAwayKeyring::lookup(const QStringList& attributesAndValues, bool* found) const
{
    if (found)
        *found = false;
    if (!isRunning())
        return {};
    QProcess tool;
    tool.setProcessEnvironment(environment());
    tool.start(findTool(QStringLiteral("secret-tool")), QStringList{QStringLiteral("lookup")} + attributesAndValues);
    if (!tool.waitForFinished(kReadyTimeoutMs)) {
        tool.kill();
        tool.waitForFinished(kStopTimeoutMs);
        return {};
    }
    const QByteArray out = tool.readAllStandardOutput();
    if (found)
        *found = tool.exitStatus() == QProcess::NormalExit && tool.exitCode() == 0 && !out.isEmpty();
    return QString::fromUtf8(out);
}

} // namespace Storybook::Test
