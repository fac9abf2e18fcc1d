// Stored narration still plays under the viewer's sandbox: this process starts a private PulseAudio
// with a null sink (tests/support/nullaudio.h), installs the viewer's seccomp filter exactly as the
// viewer does at start, shows that internet sockets are refused, and then plays narration clips (WAV
// and, made by ffmpeg before the filter, mp3 decoded through GStreamer) through the reader's
// NarrationPlayer to the end, checked by the playback positions. Sound reaches the audio server over
// its local (AF_UNIX) socket, which the filter allows.
#include "fakespeech.h"
#include "narrationplayer.h"
#include "nullaudio.h"
#include "requiretool.h"
#include "sandbox.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#if defined(Q_OS_LINUX)
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#endif

#include <memory>

using namespace Storybook;
using namespace Storybook::Test;
using Speech::NarrationPlayer;

namespace {
constexpr int kPlayTimeoutMs = 15000;
}

class TestSandboxAudio final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NullAudioServer> m_audio;
    QList<NarrationPlayer::Clip> m_clips;
    qint64 m_totalUs = 0;

private Q_SLOTS:
    void initTestCase()
    {
        STORYBOOK_REQUIRE_TOOL(NullAudioServer::available(), "pulseaudio");
        const QString ffmpeg = findTool(QStringLiteral("ffmpeg"));
        STORYBOOK_REQUIRE_TOOL(!ffmpeg.isEmpty(), "ffmpeg");
        m_audio = std::make_unique<NullAudioServer>();
        QVERIFY2(m_audio->start(), qPrintable(m_audio->errorString()));

        // The clips are made before the filter (ffmpeg runs as a child process).
        for (const int ms : {400, 300}) {
            m_clips.append({FakeSpeech::wav(FakeSpeech::pcm(ms)), QStringLiteral("audio/wav")});
            m_totalUs += qint64(ms) * 1000;
        }
        const QByteArray mp3 = FakeSpeech::encoded("mp3", FakeSpeech::pcm(500), ffmpeg);
        QVERIFY2(!mp3.isEmpty(), "ffmpeg made no clip");
        m_clips.append({mp3, QStringLiteral("audio/mpeg")});
        m_totalUs += 500 * 1000;

        const Viewer::Sandbox::Result sandbox = Viewer::Sandbox::installAtStart({false, QStringLiteral(":0")});
#if defined(Q_OS_LINUX)
        QVERIFY2(sandbox.installed(), qPrintable(sandbox.logLine()));
#else
        QSKIP("the viewer's sandbox exists on Linux only");
#endif
    }

    void cleanupTestCase() { m_audio.reset(); }

    void internetSocketsAreRefused()
    {
#if defined(Q_OS_LINUX)
        errno = 0;
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        QCOMPARE(fd, -1);
        QCOMPARE(error, EACCES);
#endif
    }

    void narrationPlaysToTheEnd()
    {
        QVERIFY2(NarrationPlayer::problem().isEmpty(), qPrintable(NarrationPlayer::problem()));
        NarrationPlayer player;
        QList<int> started;
        QList<qint64> startedAt; // the sink's position when clipStarted came
        connect(&player, &NarrationPlayer::clipStarted, this, [&](int index) {
            started.append(index);
            startedAt.append(player.positionUs());
        });
        QSignalSpy finished(&player, &NarrationPlayer::finished);
        QSignalSpy failed(&player, &NarrationPlayer::failed);
        QElapsedTimer clock;
        clock.start();
        const QString problem = player.play(m_clips);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), kPlayTimeoutMs);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.constFirst().constFirst().toString()));
        QCOMPARE(started, (QList<int>{0, 1, 2}));
        // Heard to the end: the last clip started at the sink's position after the first two, the
        // stream held all three, and playing took as long as the audio (the real rate of the sink).
        const QList<NarrationPlayer::Placement> placed = player.placements();
        QCOMPARE(placed.size(), 3);
        QVERIFY2(startedAt.constLast() >= placed.constLast().startUs && placed.constLast().startUs >= 700000 - 2000,
                 qPrintable(QStringLiteral("last clip at %1 µs, placed at %2 µs").arg(startedAt.constLast()).arg(placed.constLast().startUs)));
        qint64 streamUs = 0;
        for (const NarrationPlayer::Placement& placement : placed)
            streamUs += placement.durationUs;
        QVERIFY2(streamUs >= m_totalUs - 2000, qPrintable(QStringLiteral("%1 µs of %2 µs").arg(streamUs).arg(m_totalUs)));
        QVERIFY2(clock.elapsed() * 1000 >= m_totalUs - 50000,
                 qPrintable(QStringLiteral("%1 ms for %2 µs").arg(clock.elapsed()).arg(m_totalUs)));
    }
};

QTEST_GUILESS_MAIN(TestSandboxAudio)
#include "tst_sandboxaudio.moc"
