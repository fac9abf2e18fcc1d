// splitByPauses() on generated audio: tones of known lengths with silences between them, noise,
// quiet rooms and too few pauses; cut positions are checked to one energy window (20 ms).
#include "pausesplitter.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <numbers>
#include <vector>

using Storybook::Speech::AudioPiece;
using Storybook::Speech::PauseSplit;
using Storybook::Speech::PcmFormat;
using Storybook::Speech::splitByPauses;

namespace {

constexpr PcmFormat Format{24000, 1};
constexpr qint64 Window = 24000 * 20 / 1000; // one energy window, in frames
constexpr qint64 Keep = 24000 * 120 / 1000;  // the silence kept at a cut (PauseRules::keepMs)

// Audio built piece by piece; remembers where each tone starts and ends (in frames).
class Audio
{
public:
    explicit Audio(int noise = 0) : m_noise(noise) {}

    Audio& tone(int ms, double frequency = 220, int amplitude = 9000)
    {
        const qint64 frames = Format.framesForMs(ms);
        const qint64 begin = qint64(m_samples.size());
        for (qint64 i = 0; i < frames; ++i) {
            const double t = double(i) / Format.sampleRate;
            m_samples.push_back(qint16(amplitude * std::sin(2 * std::numbers::pi * frequency * t) + noise()));
        }
        m_tones.append({begin, qint64(m_samples.size())});
        return *this;
    }

    Audio& silence(int ms)
    {
        const qint64 frames = Format.framesForMs(ms);
        for (qint64 i = 0; i < frames; ++i)
            m_samples.push_back(qint16(noise()));
        return *this;
    }

    Audio& whiteNoise(int ms, int amplitude)
    {
        const qint64 frames = Format.framesForMs(ms);
        for (qint64 i = 0; i < frames; ++i)
            m_samples.push_back(qint16(QRandomGenerator::global()->bounded(-amplitude, amplitude + 1)));
        return *this;
    }

    [[nodiscard]] const std::vector<qint16>& samples() const { return m_samples; }
    [[nodiscard]] const QList<AudioPiece>& tones() const { return m_tones; }
    [[nodiscard]] qint64 frames() const { return qint64(m_samples.size()); }

private:
    int noise() { return m_noise ? QRandomGenerator::global()->bounded(-m_noise, m_noise + 1) : 0; }

    std::vector<qint16> m_samples;
    QList<AudioPiece> m_tones;
    int m_noise = 0;
};

bool near(qint64 actual, qint64 expected)
{
    return std::abs(actual - expected) <= Window;
}

QByteArray describe(const QList<AudioPiece>& pieces)
{
    QByteArray out;
    for (const AudioPiece& piece : pieces)
        out += '[' + QByteArray::number(piece.begin) + ',' + QByteArray::number(piece.end) + ") ";
    return out;
}

// Each piece holds its tones whole, with the kept silence on both sides (to a window).
void checkPieces(const PauseSplit& split, const QList<AudioPiece>& expectedSound, qint64 frames)
{
    QCOMPARE(split.problem, PauseSplit::Problem::None);
    QCOMPARE(split.pieces.size(), expectedSound.size());
    for (qsizetype i = 0; i < expectedSound.size(); ++i) {
        const AudioPiece& piece = split.pieces.at(i);
        const AudioPiece& sound = expectedSound.at(i);
        QVERIFY2(near(piece.begin, std::max<qint64>(0, sound.begin - Keep)), describe(split.pieces));
        QVERIFY2(near(piece.end, std::min(frames, sound.end + Keep)), describe(split.pieces));
        QVERIFY2(piece.begin <= sound.begin && piece.end >= sound.end, describe(split.pieces));
        if (i > 0)
            QVERIFY2(split.pieces.at(i - 1).end <= piece.begin, describe(split.pieces));
    }
}

} // namespace

class TestPauseSplitter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeSentencesCutInTheirPauses()
    {
        Audio audio;
        audio.silence(300).tone(700).silence(500).tone(430).silence(610).tone(1210).silence(250);
        const PauseSplit split = splitByPauses(audio.samples(), Format, 3);
        QCOMPARE(split.pausesFound, 2);
        checkPieces(split, audio.tones(), audio.frames());
    }

    void theLongestPausesAreTheCuts()
    {
        // A breath (150 ms, shorter than a pause), a short pause (300 ms) and a long one (800 ms):
        // two parts are cut at the long pause only.
        Audio audio;
        audio.tone(400).silence(150).tone(300).silence(300).tone(500).silence(800).tone(600);
        const PauseSplit split = splitByPauses(audio.samples(), Format, 2);
        QCOMPARE(split.pausesFound, 2);
        const QList<AudioPiece>& tones = audio.tones();
        checkPieces(split, {{tones.at(0).begin, tones.at(2).end}, tones.at(3)}, audio.frames());
    }

    void tonesOverAQuietRoom()
    {
        Audio audio(/*noise=*/150);
        audio.silence(200).tone(500, 330, 6000).silence(400).tone(450, 330, 6000).silence(200);
        checkPieces(splitByPauses(audio.samples(), Format, 2), audio.tones(), audio.frames());
    }

    void unevenLoudness()
    {
        // A quiet sentence after a loud one is still a sentence.
        Audio audio;
        audio.tone(800, 220, 20000).silence(400).tone(600, 220, 3000);
        checkPieces(splitByPauses(audio.samples(), Format, 2), audio.tones(), audio.frames());
    }

    void onePartIsTrimmed()
    {
        Audio audio;
        audio.silence(900).tone(500).silence(300).tone(400).silence(1000);
        const PauseSplit split = splitByPauses(audio.samples(), Format, 1);
        checkPieces(split, {{audio.tones().at(0).begin, audio.tones().at(1).end}}, audio.frames());
    }

    void tooFewPauses()
    {
        Audio audio;
        audio.tone(500).silence(400).tone(500);
        const PauseSplit split = splitByPauses(audio.samples(), Format, 3);
        QCOMPARE(split.problem, PauseSplit::Problem::TooFewPauses);
        QCOMPARE(split.pausesFound, 1);
        QVERIFY(split.pieces.isEmpty());
    }

    void noiseHasNoPauses()
    {
        Audio audio;
        audio.whiteNoise(3000, 8000);
        const PauseSplit split = splitByPauses(audio.samples(), Format, 2);
        QCOMPARE(split.problem, PauseSplit::Problem::TooFewPauses);
        QCOMPARE(split.pausesFound, 0);
    }

    void silenceIsSilent()
    {
        Audio quiet(/*noise=*/20);
        quiet.silence(2000);
        QCOMPARE(splitByPauses(quiet.samples(), Format, 2).problem, PauseSplit::Problem::Silent);
        QCOMPARE(splitByPauses({}, Format, 1).problem, PauseSplit::Problem::Silent);
    }

    void stereoFrames()
    {
        Audio audio;
        audio.tone(500).silence(400).tone(500);
        std::vector<qint16> stereo;
        for (const qint16 sample : audio.samples()) {
            stereo.push_back(sample);
            stereo.push_back(sample);
        }
        checkPieces(splitByPauses(stereo, {Format.sampleRate, 2}, 2), audio.tones(), audio.frames());
    }
};

QTEST_APPLESS_MAIN(TestPauseSplitter)
#include "tst_pausesplitter.moc"
