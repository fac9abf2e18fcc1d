#include "nullaudio.h"

#include "requiretool.h"
#include "sessionbus.h" // isolatedEnvironment(), endWithThisProcess()
#include "testlogging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

namespace Storybook::Test {

namespace {

constexpr int kReadyTimeoutMs = 10000;
constexpr int kStopTimeoutMs = 3000;
constexpr int kPactlTimeoutMs = 5000;
constexpr int kPollMs = 50;

} // namespace

NullAudioServer::NullAudioServer(QObject* parent)
    : QObject(parent)
{
}

NullAudioServer::~NullAudioServer()
{
    stop();
}

bool NullAudioServer::available()
{
    return !findTool(QStringLiteral("pulseaudio")).isEmpty() && !findTool(QStringLiteral("pactl")).isEmpty();
}

bool NullAudioServer::start(const Options& options)
{
    stop();
    m_error.clear();
    if (!available()) {
        m_error = QStringLiteral("pulseaudio or pactl is not installed");
        return false;
    }
    // A short path: a unix socket's path is limited to 108 bytes.
    m_root = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/storybook-pa-XXXXXX"));
    if (!m_root->isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder: ") + m_root->errorString();
        return false;
    }
    const QDir root(m_root->path());
    QProcessEnvironment environment = isolatedEnvironment(root.filePath(QStringLiteral("world")));
    environment.remove(QStringLiteral("PULSE_SERVER"));
    QFile::setPermissions(environment.value(QStringLiteral("XDG_RUNTIME_DIR")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_socket = root.filePath(QStringLiteral("native"));

    QStringList arguments{QStringLiteral("-n"),
                          QStringLiteral("--daemonize=no"),
                          QStringLiteral("--exit-idle-time=-1"),
                          QStringLiteral("--disallow-exit"),
                          QStringLiteral("--use-pid-file=no"),
                          QStringLiteral("--disable-shm=yes"),
                          QStringLiteral("--log-target=stderr"),
                          QStringLiteral("-F"),
                          QStringLiteral("/dev/null"),
                          QStringLiteral("--load=module-null-sink sink_name=") + sinkName(),
                          QStringLiteral("--load=module-native-protocol-unix auth-anonymous=1 socket=") + m_socket};
    if (options.sineSource)
        arguments << QStringLiteral("--load=module-sine-source source_name=%1 frequency=%2")
                         .arg(sineSourceName())
                         .arg(options.sineFrequency);

    m_server = new QProcess(this);
    m_server->setProcessEnvironment(environment);
    m_server->setProgram(findTool(QStringLiteral("pulseaudio")));
    m_server->setArguments(arguments);
    m_server->setStandardOutputFile(root.filePath(QStringLiteral("server.log")));
    m_server->setStandardErrorFile(root.filePath(QStringLiteral("server.log")), QIODevice::Append);
    endWithThisProcess(m_server);
    m_server->start();
    if (!m_server->waitForStarted(kReadyTimeoutMs)) {
        m_error = QStringLiteral("pulseaudio did not start: ") + m_server->errorString();
        stop();
        return false;
    }
    QDeadlineTimer deadline(kReadyTimeoutMs);
    while (!pactl({QStringLiteral("info")})) {
        if (deadline.hasExpired() || m_server->state() != QProcess::Running) {
            m_error = QStringLiteral("pulseaudio did not answer:\n") + log();
            stop();
            return false;
        }
        QThread::msleep(kPollMs);
    }
    if (!pactl({QStringLiteral("set-default-sink"), sinkName()})
        || (options.sineSource && !pactl({QStringLiteral("set-default-source"), sineSourceName()}))) {
        m_error = QStringLiteral("pulseaudio did not take the default sink or source:\n") + log();
        stop();
        return false;
    }
    if (options.setEnvironment) {
        m_hadPulseServer = qEnvironmentVariableIsSet("PULSE_SERVER");
        m_previousPulseServer = qgetenv("PULSE_SERVER");
        qputenv("PULSE_SERVER", serverAddress().toLocal8Bit());
        m_envSet = true;
    }
    qCDebug(lcTest) << "pulseaudio" << m_server->processId() << "at" << m_socket;
    return true;
}

void NullAudioServer::stop()
{
    if (m_envSet) {
        if (m_hadPulseServer)
            qputenv("PULSE_SERVER", m_previousPulseServer);
        else
            qunsetenv("PULSE_SERVER");
        m_envSet = false;
    }
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->terminate(); // SIGTERM to its PID
        if (!m_server->waitForFinished(kStopTimeoutMs)) {
            m_server->kill();
            m_server->waitForFinished(kStopTimeoutMs);
        }
    }
    delete m_server;
    m_server = nullptr;
    m_socket.clear();
    m_root.reset();
}

bool NullAudioServer::isRunning() const
{
    return m_server && m_server->state() == QProcess::Running;
}

qint64 NullAudioServer::pid() const
{
    return m_server ? m_server->processId() : 0;
}

QString NullAudioServer::serverAddress() const
{
    return m_socket.isEmpty() ? QString() : QStringLiteral("unix:") + m_socket;
}

QProcessEnvironment NullAudioServer::environment(QProcessEnvironment base) const
{
    base.insert(QStringLiteral("PULSE_SERVER"), serverAddress());
    return base;
}

bool NullAudioServer::pactl(const QStringList& arguments, QString* output) const
{
    if (m_socket.isEmpty())
        return false;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PULSE_SERVER"));
    process.setProcessEnvironment(environment);
    process.start(findTool(QStringLiteral("pactl")), QStringList{QStringLiteral("-s"), serverAddress()} + arguments);
    if (!process.waitForFinished(kPactlTimeoutMs)) {
        process.kill();
        process.waitForFinished(kStopTimeoutMs);
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAllStandardOutput());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QString NullAudioServer::log() const
{
    if (!m_root)
        return {};
    QFile file(m_root->filePath(QStringLiteral("server.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll().right(4000));
}

} // namespace Storybook::Test
