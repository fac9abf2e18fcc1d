// Speech::Recorder against a private PulseAudio (tests/support/nullaudio.h) whose default microphone
// hears a tone played in real time, and the WAV writer/reader it keeps takes with.
#include "nullaudio.h"
#include "recorder.h"
#include "requiretool.h"

#include <QFile>
#include <QAudioDevice>
#include <QMediaDevices>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <memory>
#include <numbers>

using Storybook::Speech::PcmFormat;
using Storybook::Speech::Recorder;
using Storybook::Speech::pcmFromWav;
using Storybook::Speech::wavFromPcm;
using Storybook::Test::NullAudioServer;

namespace {

quint32 u32(const QByteArray& bytes, int at)
{
    return qFromLittleEndian<quint32>(bytes.constData() + at);
}

quint16 u16(const QByteArray& bytes, int at)
{
    return qFromLittleEndian<quint16>(bytes.constData() + at);
}

int peakOf(const QByteArray& pcm)
{
    int peak = 0;
    const auto* samples = reinterpret_cast<const qint16*>(pcm.constData());
    for (qsizetype i = 0; i < pcm.size() / 2; ++i)
        peak = std::max(peak, std::abs(int(samples[i])));
    return peak;
}

} // namespace

class TestRecorder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The server runs before Qt Multimedia first looks for devices.
        STORYBOOK_REQUIRE_TOOL(NullAudioServer::available(), "pulseaudio");
        m_audio = std::make_unique<NullAudioServer>();
        QVERIFY2(m_audio->start(), qPrintable(m_audio->errorString()));
        // Not module-sine-source: it hands its tone over in two-second blocks, which says nothing
        // about time. The microphone hears the null sink (its monitor, remapped: Qt lists no
        // monitors as inputs), into which paplay plays a tone in real time. First, with no source
        // but the monitor, there is no microphone.
        STORYBOOK_REQUIRE_TOOL(!Storybook::Test::findTool(QStringLiteral("paplay")).isEmpty(), "paplay");
        QVERIFY(m_dir.isValid());
        QByteArray pcm;
        const int rate = 24000;
        for (int i = 0; i < rate * 60; ++i) {
            const auto sample = qint16(12000 * std::sin(2 * std::numbers::pi * 440 * i / rate));
            pcm.append(reinterpret_cast<const char*>(&sample), 2);
        }
        QFile tone(m_dir.filePath(QStringLiteral("tone.wav")));
        QVERIFY(tone.open(QIODevice::WriteOnly));
        tone.write(wavFromPcm(pcm, {rate, 1}));
        tone.close();
        m_player.setProcessEnvironment(m_audio->environment(QProcessEnvironment::systemEnvironment()));
        m_player.start(Storybook::Test::findTool(QStringLiteral("paplay")),
                       {QStringLiteral("--latency-msec=40"), QStringLiteral("--device=") + NullAudioServer::sinkName(), tone.fileName()});
        QVERIFY(m_player.waitForStarted(5000));

        Recorder recorder;
        const Recorder::Error none = recorder.start();
        QCOMPARE(none.problem, Recorder::Problem::NoMicrophone);
        QVERIFY(!none.message.isEmpty());
        QVERIFY(!recorder.isRecording());

        QVERIFY(m_audio->pactl({QStringLiteral("load-module"), QStringLiteral("module-remap-source"),
                                QStringLiteral("master=") + NullAudioServer::sinkName() + QStringLiteral(".monitor"),
                                QStringLiteral("source_name=storybook_microphone")}));
        QVERIFY(m_audio->pactl({QStringLiteral("set-default-source"), QStringLiteral("storybook_microphone")}));
        QTRY_VERIFY_WITH_TIMEOUT(!QMediaDevices::defaultAudioInput().isNull(), 5000);
    }

    void cleanupTestCase()
    {
        if (m_player.state() != QProcess::NotRunning) {
            m_player.kill(); // by its PID
            m_player.waitForFinished(5000);
        }
        m_audio.reset();
    }

    void wavHeader()
    {
        const QByteArray pcm = QByteArray::fromHex("0100ff7f0080feff");
        const QByteArray wav = wavFromPcm(pcm, PcmFormat{24000, 1});
        QCOMPARE(wav.size(), 44 + pcm.size());
        QCOMPARE(wav.left(4), QByteArray("RIFF"));
        QCOMPARE(u32(wav, 4), quint32(36 + pcm.size()));
        QCOMPARE(wav.mid(8, 8), QByteArray("WAVEfmt "));
        QCOMPARE(u32(wav, 16), 16u);          // fmt chunk size
        QCOMPARE(u16(wav, 20), quint16(1));   // PCM
        QCOMPARE(u16(wav, 22), quint16(1));   // mono
        QCOMPARE(u32(wav, 24), 24000u);       // sample rate
        QCOMPARE(u32(wav, 28), 48000u);       // bytes per second
        QCOMPARE(u16(wav, 32), quint16(2));   // bytes per frame
        QCOMPARE(u16(wav, 34), quint16(16));  // bits per sample
        QCOMPARE(wav.mid(36, 4), QByteArray("data"));
        QCOMPARE(u32(wav, 40), quint32(pcm.size()));
        QCOMPARE(wav.mid(44), pcm);

        const auto back = pcmFromWav(wav);
        QVERIFY(back);
        QCOMPARE(back->format, (PcmFormat{24000, 1}));
        QCOMPARE(back->pcm, pcm);

        QVERIFY(!pcmFromWav(wav.left(30)));
        QVERIFY(!pcmFromWav(QByteArray("RIFF") + wav.mid(4, 4) + "AVI " + wav.mid(12)));
        QByteArray truncated = wav;
        truncated.chop(4); // the data chunk says more than there is
        QVERIFY(!pcmFromWav(truncated));
    }

    void recordsASecondOfTheMicrophone()
    {
        Recorder recorder;
        QSignalSpy levels(&recorder, &Recorder::levelChanged);
        QSignalSpy recording(&recorder, &Recorder::recordingChanged);
        const Recorder::Error error = recorder.start();
        QVERIFY2(error.problem == Recorder::Problem::None, qPrintable(error.message));
        QVERIFY(recorder.isRecording());
        QCOMPARE(recording.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.elapsedMs() >= 1000, 5000);
        double loudest = 0;
        for (const QList<QVariant>& level : levels)
            loudest = std::max(loudest, level.at(0).toDouble());
        QVERIFY2(loudest > 0.05, qPrintable(QString::number(loudest))); // the meter moved
        recorder.stop();
        QVERIFY(!recorder.isRecording());
        QCOMPARE(recording.size(), 2);

        const PcmFormat format = recorder.format();
        QVERIFY(format.sampleRate == 48000 || format.sampleRate == 24000);
        QCOMPARE(format.channels, 1);
        const QByteArray wav = recorder.wav();
        const auto back = pcmFromWav(wav);
        QVERIFY(back);
        QCOMPARE(back->format, format);
        QCOMPARE(back->pcm, recorder.pcm());
        const qint64 duration = recorder.durationMs();
        const qint64 elapsed = recorder.elapsedMs();
        qInfo("recorded %lld ms of audio in %lld ms at %d Hz", duration, elapsed, format.sampleRate);
        QVERIFY2(std::abs(duration - elapsed) <= 150, qPrintable(QStringLiteral("%1 vs %2").arg(duration).arg(elapsed)));
        // The tone is loud (12000 of 32767), never silence.
        QVERIFY2(peakOf(recorder.pcm()) > 6000, qPrintable(QString::number(peakOf(recorder.pcm()))));

        // A new recording starts empty.
        QCOMPARE(recorder.start().problem, Recorder::Problem::None);
        QVERIFY(recorder.durationMs() < duration);
        recorder.stop();
    }

    void destroyedWhileRecording()
    {
        auto recorder = std::make_unique<Recorder>();
        QCOMPARE(recorder->start().problem, Recorder::Problem::None);
        QTRY_VERIFY_WITH_TIMEOUT(!recorder->pcm().isEmpty(), 5000);
        recorder.reset(); // still recording: stops first (ASan checks nothing writes into it later)
        // A later recorder still works: the device was given back.
        Recorder next;
        QCOMPARE(next.start().problem, Recorder::Problem::None);
        QTRY_VERIFY_WITH_TIMEOUT(!next.pcm().isEmpty(), 5000);
    }

private:
    std::unique_ptr<NullAudioServer> m_audio;
    QTemporaryDir m_dir;
    QProcess m_player;
};

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
