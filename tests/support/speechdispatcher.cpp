#include "speechdispatcher.h"

#include "requiretool.h"
#include "sessionbus.h" // isolatedEnvironment()
#include "testlogging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

namespace Storybook::Test {

namespace {

constexpr int kReadyTimeoutMs = 10000;
constexpr int kStopTimeoutMs = 3000;
constexpr int kPollMs = 50;

// Where Debian (and a build from source) put speech-dispatcher's output modules.
QString moduleDirectory()
{
    for (const char* dir : {"/usr/lib/speech-dispatcher-modules", "/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules",
                            "/usr/lib/aarch64-linux-gnu/speech-dispatcher-modules", "/usr/local/lib/speech-dispatcher-modules"}) {
        const QString path = QString::fromLatin1(dir);
        if (QFileInfo(path + QStringLiteral("/sd_espeak-ng")).isExecutable())
            return path;
    }
    return {};
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

NullAudioSpeechDispatcher::NullAudioSpeechDispatcher(QObject* parent)
    : QObject(parent)
{
}

NullAudioSpeechDispatcher::~NullAudioSpeechDispatcher()
{
    stop();
}

bool NullAudioSpeechDispatcher::available()
{
    return !findTool(QStringLiteral("speech-dispatcher")).isEmpty() && !moduleDirectory().isEmpty();
}

bool NullAudioSpeechDispatcher::start()
{
    stop();
    m_error.clear();
    m_root = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/storybook-speechd-XXXXXX"));
    if (!m_root->isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder: ") + m_root->errorString();
        return false;
    }
    const QDir root(m_root->path());
    root.mkpath(QStringLiteral("config/modules"));
    root.mkpath(QStringLiteral("logs"));
    const QProcessEnvironment environment = isolatedEnvironment(root.filePath(QStringLiteral("world")));
    if (!writeFile(root.filePath(QStringLiteral("config/speechd.conf")),
                   "AudioOutputMethod \"libao\"\n"
                   "AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\n"
                   "DefaultModule espeak-ng\n")
        || !writeFile(root.filePath(QStringLiteral("config/modules/espeak-ng.conf")), "")
        || !writeFile(environment.value(QStringLiteral("HOME")) + QStringLiteral("/.libao"), "default_driver=null\n")) {
        m_error = QStringLiteral("cannot write the configuration");
        return false;
    }
    m_socket = root.filePath(QStringLiteral("speechd.sock"));

    m_server = new QProcess(this);
    m_server->setProcessEnvironment(environment);
    m_server->setProgram(findTool(QStringLiteral("speech-dispatcher")));
    m_server->setArguments({QStringLiteral("--run-single"), QStringLiteral("--timeout"), QStringLiteral("0"),
                            QStringLiteral("--communication-method"), QStringLiteral("unix_socket"),
                            QStringLiteral("--socket-path"), m_socket, QStringLiteral("--config-dir"),
                            root.filePath(QStringLiteral("config")), QStringLiteral("--module-dir"), moduleDirectory(),
                            QStringLiteral("--log-dir"), root.filePath(QStringLiteral("logs")), QStringLiteral("--pid-file"),
                            root.filePath(QStringLiteral("speechd.pid"))});
    m_server->setStandardOutputFile(root.filePath(QStringLiteral("logs/server.out")));
    m_server->setStandardErrorFile(root.filePath(QStringLiteral("logs/server.out")), QIODevice::Append);
    endWithThisProcess(m_server);
    m_server->start();
    if (!m_server->waitForStarted(kReadyTimeoutMs)) {
        m_error = QStringLiteral("speech-dispatcher did not start: ") + m_server->errorString();
        stop();
        return false;
    }
    QDeadlineTimer deadline(kReadyTimeoutMs);
    while (!QFileInfo(m_socket).exists()) {
        if (deadline.hasExpired() || m_server->state() != QProcess::Running) {
            m_error = QStringLiteral("speech-dispatcher did not open its socket:\n") + log();
            stop();
            return false;
        }
        QThread::msleep(kPollMs);
    }
    qCDebug(lcTest) << "speech-dispatcher" << m_server->processId() << "at" << m_socket;
    return true;
}

void NullAudioSpeechDispatcher::stop()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->terminate(); // SIGTERM to its PID; it ends its module
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

bool NullAudioSpeechDispatcher::isRunning() const
{
    return m_server && m_server->state() == QProcess::Running;
}

qint64 NullAudioSpeechDispatcher::pid() const
{
    return m_server ? m_server->processId() : 0;
}

QByteArray NullAudioSpeechDispatcher::address() const
{
    return "unix_socket:" + QFile::encodeName(m_socket);
}

QString NullAudioSpeechDispatcher::log() const
{
    if (!m_root)
        return {};
    QString text;
    for (const QString& name : {QStringLiteral("server.out"), QStringLiteral("speech-dispatcher.log"), QStringLiteral("espeak-ng.log")}) {
        QFile file(m_root->filePath(QStringLiteral("logs/") + name));
        if (file.open(QIODevice::ReadOnly))
            text += name + QStringLiteral(":\n") + QString::fromUtf8(file.readAll().right(4000)) + u'\n';
    }
    return text;
}

} // namespace Storybook::Test
