// NarrationPlayer playing generated clips (WAV, raw PCM, mp3 made with ffmpeg) into the null sink of
// a private PulseAudio: the clips start in order, the stream holds them back to back (gaps measured
// from the positions), the position reaches the sum of their durations, and the player can be
// destroyed while it plays.
#include "fakespeech.h"
#include "narrationplayer.h"
#include "nullaudio.h"
#include "requiretool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Storybook;
using namespace Storybook::Test;
using Speech::NarrationPlayer;

namespace {

constexpr int kPlayTimeoutMs = 15000;
constexpr qint64 kMaxGapUs = 50000;

QString ffmpeg()
{
    return findTool(QStringLiteral("ffmpeg"));
}

NarrationPlayer::Clip wavClip(int ms)
{
    return {FakeSpeech::wav(FakeSpeech::pcm(ms)), QStringLiteral("audio/wav")};
}

} // namespace

class TestNarrationPlayer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void playsClipsBackToBack_data();
    void playsClipsBackToBack();
    void clipsAppendedLaterPlayInOrder();
    void corruptClipFails();
    void destroyedWhilePlaying();

private:
    std::unique_ptr<NullAudioServer> m_audio;
};

void TestNarrationPlayer::initTestCase()
{
    STORYBOOK_REQUIRE_TOOL(NullAudioServer::available(), "pulseaudio");
    m_audio = std::make_unique<NullAudioServer>();
    QVERIFY2(m_audio->start(), qPrintable(m_audio->errorString()));
}

void TestNarrationPlayer::cleanupTestCase()
{
    m_audio.reset();
}

void TestNarrationPlayer::playsClipsBackToBack_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("wav") << QStringLiteral("wav");
    QTest::newRow("pcm") << QStringLiteral("pcm");
    QTest::newRow("mp3") << QStringLiteral("mp3");
    QTest::newRow("opus") << QStringLiteral("opus");
}

void TestNarrationPlayer::playsClipsBackToBack()
{
    QFETCH(QString, format);
    const QList<int> durations{400, 300, 500};
    QList<NarrationPlayer::Clip> clips;
    for (int ms : durations) {
        const QByteArray samples = FakeSpeech::pcm(ms);
        if (format == QLatin1String("wav")) {
            clips.append({FakeSpeech::wav(samples), QStringLiteral("audio/wav")});
        } else if (format == QLatin1String("pcm")) {
            clips.append({samples, QStringLiteral("audio/pcm")});
        } else {
            STORYBOOK_REQUIRE_TOOL(!ffmpeg().isEmpty(), "ffmpeg");
            const QByteArray bytes = FakeSpeech::encoded(format.toUtf8(), samples, ffmpeg());
            QVERIFY2(!bytes.isEmpty(), "ffmpeg made no clip");
            clips.append({bytes, format == QLatin1String("mp3") ? QStringLiteral("audio/mpeg") : QStringLiteral("audio/ogg")});
        }
    }

    NarrationPlayer player;
    QList<int> started;
    QList<qint64> startedAt; // the position when clipStarted came
    connect(&player, &NarrationPlayer::clipStarted, this, [&](int index) {
        started.append(index);
        startedAt.append(player.positionUs());
    });
    QSignalSpy finished(&player, &NarrationPlayer::finished);
    QSignalSpy failed(&player, &NarrationPlayer::failed);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(player.play(clips), QString());
    QVERIFY(player.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), kPlayTimeoutMs);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(started, (QList<int>{0, 1, 2}));
    QVERIFY(!player.isPlaying());

    // Where the clips sat in the stream: back to back, each as long as it is.
    const QList<NarrationPlayer::Placement> placed = player.placements();
    QCOMPARE(placed.size(), 3);
    QCOMPARE(placed.first().startUs, 0);
    qint64 total = 0;
    for (int i = 0; i < 3; ++i) {
        const qint64 expected = durations.at(i) * 1000;
        // mp3 and opus carry the encoder's padding (tens of ms): the clip is a little longer.
        QVERIFY2(placed.at(i).durationUs >= expected - 2000 && placed.at(i).durationUs <= expected + 80000,
                 qPrintable(QStringLiteral("clip %1 lasts %2 µs").arg(i).arg(placed.at(i).durationUs)));
        if (i > 0) {
            const qint64 gap = placed.at(i).startUs - (placed.at(i - 1).startUs + placed.at(i - 1).durationUs);
            QVERIFY2(gap >= 0 && gap <= kMaxGapUs, qPrintable(QStringLiteral("gap before clip %1: %2 µs").arg(i).arg(gap)));
        }
        total += placed.at(i).durationUs;
    }
    // Each clip was said to start once the position had passed its start, and not long after.
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(startedAt.at(i) >= placed.at(i).startUs && startedAt.at(i) <= placed.at(i).startUs + kMaxGapUs,
                 qPrintable(QStringLiteral("clip %1 at %2, placed at %3").arg(i).arg(startedAt.at(i)).arg(placed.at(i).startUs)));
    }
    // The whole took about as long as the audio (played at the real rate, not faster).
    QVERIFY2(clock.elapsed() * 1000 >= total - 50000, qPrintable(QStringLiteral("%1 ms for %2 µs").arg(clock.elapsed()).arg(total)));
}

void TestNarrationPlayer::clipsAppendedLaterPlayInOrder()
{
    NarrationPlayer player;
    QList<int> started;
    connect(&player, &NarrationPlayer::clipStarted, this, [&](int index) { started.append(index); });
    QSignalSpy finished(&player, &NarrationPlayer::finished);
    QCOMPARE(player.play({wavClip(300)}, true), QString());
    QTRY_COMPARE_WITH_TIMEOUT(started, QList<int>{0}, kPlayTimeoutMs);
    player.append(wavClip(200)); // arrives while the first plays
    QTRY_COMPARE_WITH_TIMEOUT(started, (QList<int>{0, 1}), kPlayTimeoutMs);
    // Input open: the player waits (silence) rather than finishing.
    QTRY_VERIFY_WITH_TIMEOUT(player.positionUs() > 700000, kPlayTimeoutMs);
    QVERIFY(finished.isEmpty());
    QVERIFY(player.isPlaying());
    player.append(wavClip(200)); // arrives late: it plays after the silence
    player.finishInput();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kPlayTimeoutMs);
    QCOMPARE(started, (QList<int>{0, 1, 2}));
    const auto placed = player.placements();
    QVERIFY(placed.at(2).startUs >= 700000 - kMaxGapUs);
}

void TestNarrationPlayer::corruptClipFails()
{
    NarrationPlayer player;
    QSignalSpy failed(&player, &NarrationPlayer::failed);
    QSignalSpy finished(&player, &NarrationPlayer::finished);
    QCOMPARE(player.play({{QByteArray("not a sound at all, just words", 30), QStringLiteral("audio/mpeg")}}), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kPlayTimeoutMs);
    QVERIFY(!failed.first().first().toString().isEmpty());
    QVERIFY(finished.isEmpty());
    QVERIFY(!player.isPlaying());
}

void TestNarrationPlayer::destroyedWhilePlaying()
{
    auto player = std::make_unique<NarrationPlayer>();
    QSignalSpy started(player.get(), &NarrationPlayer::clipStarted);
    QCOMPARE(player->play({wavClip(2000), wavClip(2000)}), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty(), kPlayTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(player->positionUs() > 100000, kPlayTimeoutMs);
    player.reset(); // the window closes while it speaks
    // And one destroyed while it is still decoding its first clip.
    auto early = std::make_unique<NarrationPlayer>();
    QCOMPARE(early->play({wavClip(500)}), QString());
    early.reset();
    // Queued work of the destroyed players (decoder, sink) must find nothing (ASan checks this).
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

QTEST_GUILESS_MAIN(TestNarrationPlayer)
#include "tst_narrationplayer.moc"
