#pragma once

// Shared by the GUI benchmarks: CPU time, event-loop stall sampling, percentiles, a fake server
// started as its own process.
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include <sys/resource.h>

namespace StorybookBench {

// User + system CPU of this process (all threads), in seconds.
inline double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, qsizetype(p / 100.0 * double(values.size())));
    return values.at(index);
}

// A 1 ms precise timer in the GUI thread; each firing records how late it came (ms beyond the
// 1 ms interval). Its worst lateness is the longest the event loop was blocked.
class StallMeter final : public QObject
{
public:
    explicit StallMeter(QObject* parent = nullptr) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = double(m_clock.nsecsElapsed()) / 1e6;
            m_lateness.append(std::max(0.0, now - m_last - 1.0));
            m_last = now;
        });
    }
    void start()
    {
        m_lateness.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    [[nodiscard]] double maxMs() const { return m_lateness.isEmpty() ? 0 : *std::max_element(m_lateness.begin(), m_lateness.end()); }
    [[nodiscard]] double p99Ms() const { return percentile(m_lateness, 99); }
    [[nodiscard]] qsizetype samples() const { return m_lateness.size(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    QList<double> m_lateness;
};

// Starts tests/support's fake-openai-server and reads its "listening PORT"; stopped by its PID.
class FakeServerProcess
{
public:
    ~FakeServerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }
    // Returns the port, or 0.
    quint16 start(const QString& program)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(program, {QStringLiteral("--exit-on-stdin-close")});
        if (!m_process.waitForStarted(10000))
            return 0;
        QElapsedTimer deadline;
        deadline.start();
        QByteArray out;
        while (!out.contains('\n') && deadline.elapsed() < 10000) {
            m_process.waitForReadyRead(500);
            out += m_process.readAllStandardOutput();
        }
        const QByteArray line = out.left(out.indexOf('\n')).trimmed();
        if (!line.startsWith("listening "))
            return 0;
        return quint16(line.mid(10).toUInt());
    }

private:
    QProcess m_process;
};

} // namespace StorybookBench
