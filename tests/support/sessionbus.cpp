#include "sessionbus.h"

#include "requiretool.h"
#include "testlogging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>

namespace Storybook::Test {

namespace {

constexpr int kStartTimeoutMs = 5000;
constexpr int kStopTimeoutMs = 3000;
constexpr int kPollMs = 20;

bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

void stopChild(QProcess* process)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    process->terminate(); // SIGTERM to its PID
    if (!process->waitForFinished(kStopTimeoutMs)) {
        process->kill();
        process->waitForFinished(kStopTimeoutMs);
    }
}

QString configuration(const QString& folder, bool hanging)
{
    QString xml = QStringLiteral(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
        " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig>\n"
        "  <type>session</type>\n"
        "  <listen>unix:dir=%1</listen>\n"
        "  <auth>EXTERNAL</auth>\n"
        "  <policy context=\"default\">\n"
        "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
        "    <allow eavesdrop=\"true\"/>\n"
        "    <allow own=\"*\"/>\n"
        "  </policy>\n")
                      .arg(folder.toHtmlEscaped());
    if (hanging)
        xml += QStringLiteral("  <servicedir>%1/services</servicedir>\n"
                              "  <limit name=\"service_start_timeout\">600000</limit>\n")
                   .arg(folder.toHtmlEscaped());
    xml += QStringLiteral("</busconfig>\n");
    return xml;
}

} // namespace

void endWithThisProcess(QProcess* process)
{
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

bool terminateProcess(qint64 pid, int timeoutMs)
{
    if (!processExists(pid))
        return true;
    ::kill(pid_t(pid), SIGTERM);
    QDeadlineTimer deadline(timeoutMs);
    while (processExists(pid) && !deadline.hasExpired())
        QThread::msleep(kPollMs);
    if (processExists(pid)) {
        ::kill(pid_t(pid), SIGKILL);
        QDeadlineTimer killed(timeoutMs);
        while (processExists(pid) && !killed.hasExpired())
            QThread::msleep(kPollMs);
    }
    return !processExists(pid);
}

QProcessEnvironment isolatedEnvironment(const QString& root)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList drop{QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("XDG_CURRENT_DESKTOP"),
                           QStringLiteral("XDG_SESSION_DESKTOP"), QStringLiteral("XDG_SESSION_TYPE"), QStringLiteral("DESKTOP_SESSION"),
                           QStringLiteral("GNOME_DESKTOP_SESSION_ID"), QStringLiteral("GNOME_KEYRING_CONTROL"),
                           QStringLiteral("SSH_AUTH_SOCK"), QStringLiteral("KDE_FULL_SESSION"), QStringLiteral("KDE_SESSION_VERSION"),
                           QStringLiteral("http_proxy"), QStringLiteral("HTTP_PROXY"), QStringLiteral("https_proxy"),
                           QStringLiteral("HTTPS_PROXY"), QStringLiteral("all_proxy"), QStringLiteral("ALL_PROXY"),
                           QStringLiteral("no_proxy"), QStringLiteral("NO_PROXY")};
    for (const QString& name : drop)
        env.remove(name);
    const QDir dir(root);
    const auto folder = [&](const QString& name) {
        dir.mkpath(name);
        return dir.filePath(name);
    };
    env.insert(QStringLiteral("HOME"), folder(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), folder(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), folder(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), folder(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), folder(QStringLiteral("state")));
    env.insert(QStringLiteral("TMPDIR"), folder(QStringLiteral("tmp")));
    const QString runtime = folder(QStringLiteral("runtime"));
    QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("runtime/no-bus")));
    return env;
}

SessionBus::SessionBus(QObject* parent)
    : QObject(parent)
{
}

SessionBus::~SessionBus()
{
    stop();
}

bool SessionBus::available()
{
    return !findTool(QStringLiteral("dbus-daemon")).isEmpty() && !findTool(QStringLiteral("dbus-send")).isEmpty();
}

bool SessionBus::start(SecretService service)
{
    stop();
    m_error.clear();
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/storybook-bus-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder: ") + m_dir->errorString();
        return false;
    }
    const QString folder = m_dir->path();
    const bool hanging = service == SecretService::Hanging;
    if (hanging) {
        QDir(folder).mkpath(QStringLiteral("services"));
        // The helper writes its PID (the shell's, kept by exec) so that it can be stopped by PID.
        QFile file(folder + QStringLiteral("/services/org.freedesktop.secrets.service"));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(QStringLiteral("[D-BUS Service]\nName=org.freedesktop.secrets\n"
                                  "Exec=/bin/sh -c 'echo $$ > %1/helper.pid.new && mv %1/helper.pid.new %1/helper.pid && exec sleep 120'\n")
                       .arg(folder)
                       .toUtf8());
    }
    QFile config(folder + QStringLiteral("/bus.conf"));
    if (!config.open(QIODevice::WriteOnly) || config.write(configuration(folder, hanging).toUtf8()) < 0) {
        m_error = QStringLiteral("cannot write the bus configuration");
        return false;
    }
    config.close();

    m_daemon = new QProcess(this);
    m_daemon->setProgram(findTool(QStringLiteral("dbus-daemon")));
    m_daemon->setArguments({QStringLiteral("--nofork"), QStringLiteral("--print-address"),
                            QStringLiteral("--config-file=") + config.fileName()});
    m_daemon->setProcessChannelMode(QProcess::SeparateChannels);
    m_daemon->setStandardErrorFile(folder + QStringLiteral("/daemon.log"));
    endWithThisProcess(m_daemon);
    m_daemon->start();
    if (!m_daemon->waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("dbus-daemon did not start: ") + m_daemon->errorString();
        stop();
        return false;
    }
    QDeadlineTimer deadline(kStartTimeoutMs);
    QByteArray out;
    while (!out.contains('\n') && !deadline.hasExpired() && m_daemon->state() == QProcess::Running) {
        m_daemon->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        out += m_daemon->readAllStandardOutput();
    }
    m_address = QString::fromUtf8(out.left(out.indexOf('\n'))).trimmed();
    if (m_address.isEmpty()) {
        m_error = QStringLiteral("dbus-daemon printed no address");
        stop();
        return false;
    }
    qCDebug(lcTest) << "session bus" << m_daemon->processId() << m_address;
    return true;
}

void SessionBus::stop()
{
    if (const qint64 helper = helperPid())
        terminateProcess(helper, kStopTimeoutMs);
    stopChild(m_daemon);
    delete m_daemon;
    m_daemon = nullptr;
    m_address.clear();
    m_dir.reset();
}

bool SessionBus::isRunning() const
{
    return m_daemon && m_daemon->state() == QProcess::Running;
}

qint64 SessionBus::pid() const
{
    return m_daemon ? m_daemon->processId() : 0;
}

QProcessEnvironment SessionBus::environment(QProcessEnvironment base) const
{
    base.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    return base;
}

QString SessionBus::secretServiceRequestMarker() const
{
    return m_dir ? m_dir->path() + QStringLiteral("/helper.pid") : QString();
}

qint64 SessionBus::helperPid() const
{
    if (!m_dir)
        return 0;
    QFile file(secretServiceRequestMarker());
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

bool SessionBus::waitForSecretServiceRequest(int timeoutMs)
{
    // Events run meanwhile: the request may come from this very process.
    return QTest::qWaitFor([this] { return helperPid() > 0; }, timeoutMs);
}

void SessionBus::releaseSecretService()
{
    const qint64 helper = helperPid();
    if (!helper)
        return;
    QFile::remove(m_dir->path() + QStringLiteral("/helper.pid"));
    terminateProcess(helper, kStopTimeoutMs);
}

bool SessionBus::hasOwner(const QString& name) const
{
    if (m_address.isEmpty())
        return false;
    QProcess send;
    send.start(findTool(QStringLiteral("dbus-send")),
               {QStringLiteral("--bus=") + m_address, QStringLiteral("--print-reply"), QStringLiteral("--reply-timeout=2000"),
                QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                QStringLiteral("org.freedesktop.DBus.NameHasOwner"), QStringLiteral("string:") + name});
    if (!send.waitForFinished(3000)) {
        send.kill();
        send.waitForFinished(1000);
        return false;
    }
    return send.exitCode() == 0 && send.readAllStandardOutput().contains("boolean true");
}

} // namespace Storybook::Test
