#include "firstframeprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <ctime>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace Storybook::FirstFrameProbe {

namespace {

qint64 realtimeUs()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
}

// Milliseconds since the launcher's time stamp, else since the process started (10 ms resolution).
double elapsedMs()
{
    bool ok = false;
    const qint64 t0 = qEnvironmentVariable("STORYBOOK_BENCH_T0_US").toLongLong(&ok);
    if (ok && t0 > 0)
        return double(realtimeUs() - t0) / 1000.0;
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        // Field 22 (starttime, clock ticks since boot) counts from after the ")" of field 2.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        timespec boot{};
        clock_gettime(CLOCK_BOOTTIME, &boot);
        if (fields.size() > 19) {
            const double started = fields.at(19).toDouble() / double(sysconf(_SC_CLK_TCK));
            return (double(boot.tv_sec) + double(boot.tv_nsec) / 1e9 - started) * 1000.0;
        }
    }
#endif
    return -1;
}

long rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

class Probe final : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (!m_seen && event->type() == QEvent::Paint) {
            m_seen = true;
            // Runs after the whole paint pass (and the flush to the window) of this frame.
            QTimer::singleShot(0, this, &Probe::painted);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void painted()
    {
        std::fprintf(stderr, "storybook-bench first-frame-ms %.3f\n", elapsedMs());
        std::fflush(stderr);
        bool ok = false;
        int idleMs = qEnvironmentVariableIntValue("STORYBOOK_BENCH_IDLE_MS", &ok);
        if (!ok || idleMs < 0)
            idleMs = 1000;
        QTimer::singleShot(idleMs, this, [] {
            std::fprintf(stderr, "storybook-bench idle-rss-kb %ld\n", rssKb());
            std::fflush(stderr);
            QCoreApplication::quit();
        });
    }

    bool m_seen = false;
};

} // namespace

void installIfRequested()
{
    if (qEnvironmentVariable("STORYBOOK_BENCH_FIRST_FRAME") != QLatin1String("1") || !QCoreApplication::instance())
        return;
    QCoreApplication::instance()->installEventFilter(new Probe(QCoreApplication::instance()));
}

} // namespace Storybook::FirstFrameProbe
