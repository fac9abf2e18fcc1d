// The private PulseAudio server with a null sink (and optionally a sine source) that playback and
// recording tests run against: it starts, answers, is the default device, sets PULSE_SERVER while it
// runs, and ends by PID.
#include "nullaudio.h"
#include "requiretool.h"

#include <QDeadlineTimer>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace Storybook::Test;

namespace {

bool processExists(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace

class TestNullAudio : public QObject
{
    Q_OBJECT

private slots:
    void startsWithANullSink();
    void sineSourceIsTheDefaultSource();
};

void TestNullAudio::startsWithANullSink()
{
    STORYBOOK_REQUIRE_TOOL(NullAudioServer::available(), "pulseaudio");
    const QByteArray before = qgetenv("PULSE_SERVER");
    qint64 pid = 0;
    {
        NullAudioServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.isRunning());
        pid = server.pid();
        QVERIFY(processExists(pid));
        QCOMPARE(qgetenv("PULSE_SERVER"), server.serverAddress().toLocal8Bit());
        QString info;
        QVERIFY(server.pactl({QStringLiteral("info")}, &info));
        QVERIFY2(info.contains(QStringLiteral("Default Sink: storybook_null")), qPrintable(info));
        QString sinks;
        QVERIFY(server.pactl({QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sinks")}, &sinks));
        QVERIFY2(sinks.contains(NullAudioServer::sinkName()), qPrintable(sinks));
        QVERIFY(server.environment({}).value(QStringLiteral("PULSE_SERVER")).startsWith(QStringLiteral("unix:")));
    }
    QCOMPARE(qgetenv("PULSE_SERVER"), before);
    QVERIFY(!processExists(pid));
}

void TestNullAudio::sineSourceIsTheDefaultSource()
{
    STORYBOOK_REQUIRE_TOOL(NullAudioServer::available(), "pulseaudio");
    NullAudioServer server;
    NullAudioServer::Options options;
    options.sineSource = true;
    options.sineFrequency = 523;
    QVERIFY2(server.start(options), qPrintable(server.errorString()));
    QString info;
    QVERIFY(server.pactl({QStringLiteral("info")}, &info));
    QVERIFY2(info.contains(QStringLiteral("Default Source: storybook_sine")), qPrintable(info));
    const qint64 pid = server.pid();
    server.stop();
    QVERIFY(!server.isRunning());
    QVERIFY(!processExists(pid));
    QVERIFY(!server.pactl({QStringLiteral("info")}));
}

QTEST_GUILESS_MAIN(TestNullAudio)
#include "tst_nullaudio.moc"
