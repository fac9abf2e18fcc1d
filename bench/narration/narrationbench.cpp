// Benchmark: stored narration (issue 16; docs/benchmarks.md, "Narration playback").
//   bench-narration --out DIR [--runs N] [--sentences N] [--format mp3|wav]
// Starts a private PulseAudio with a null sink (tests/support/nullaudio.h) and measures, N times:
//   stored    "Read aloud" (ReadAloud::read on a page whose sentences have clips kept in the story)
//             → first sound (the sink's processed position > 0), and the gaps between the sentences
//             in the played stream (NarrationPlayer::placements) and how late each sentence's
//             highlight came after its start (position at clipStarted − its start)
//   baseline  QMediaPlayer playing one WAV file of the same audio from disk: play() → position > 0
// Writes DIR/narration.md (medians, ratios, targets) and DIR/narration.csv. Exits non-zero when a
// run did not play (no first sound, a sentence not started, a gap above 50 ms).
#include "fakespeech.h"
#include "narrationplayer.h"
#include "nullaudio.h"
#include "readaloud.h"
#include "story.h"

#include <QApplication>
#include <QAudioOutput>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMediaPlayer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace Storybook;

namespace {

constexpr int kTimeoutMs = 20000;
constexpr int kSentenceMs = 600;

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

// Runs the event loop until `done` or the deadline; false on timeout.
template<typename Done>
bool spin(Done done, int timeoutMs = kTimeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        QThread::usleep(200);
    }
    return true;
}

struct StoredRun
{
    double firstSoundMs = -1;
    double maxGapMs = -1;
    double maxHighlightLagMs = -1;
    int started = 0;
};

StoredRun storedRun(const std::shared_ptr<const Story::Story>& story, int sentences)
{
    StoredRun run;
    Widgets::ReadAloud reading;
    QList<qint64> startedAt;
    QObject::connect(&reading, &Widgets::ReadAloud::partStarted, &reading, [&](int) {
        startedAt.append(reading.player() ? reading.player()->positionUs() : -1);
    });
    bool finished = false;
    QObject::connect(&reading, &Widgets::ReadAloud::finished, &reading, [&] { finished = true; });
    QObject::connect(&reading, &Widgets::ReadAloud::failed, &reading, [&](const QString& why) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(why));
        finished = true;
    });
    QElapsedTimer clock;
    clock.start();
    const QString problem = reading.read(story, QStringLiteral("b1"), false);
    if (!problem.isEmpty() || !reading.player()) {
        std::fprintf(stderr, "no stored playback: %s\n", qPrintable(problem));
        return run;
    }
    if (!spin([&] { return reading.player()->positionUs() > 0 || finished; }))
        return run;
    run.firstSoundMs = clock.nsecsElapsed() / 1e6;
    const auto placements = [&] { return reading.player()->placements(); };
    QList<Speech::NarrationPlayer::Placement> placed;
    spin([&] {
        if (reading.player()->placements().size() == sentences)
            placed = placements();
        return finished;
    });
    run.started = int(startedAt.size());
    if (placed.size() != sentences || run.started != sentences)
        return run;
    run.maxGapMs = 0;
    run.maxHighlightLagMs = 0;
    for (int i = 0; i < sentences; ++i) {
        if (i > 0)
            run.maxGapMs = qMax(run.maxGapMs, (placed.at(i).startUs - placed.at(i - 1).startUs - placed.at(i - 1).durationUs) / 1000.0);
        run.maxHighlightLagMs = qMax(run.maxHighlightLagMs, (startedAt.at(i) - placed.at(i).startUs) / 1000.0);
    }
    return run;
}

double baselineRun(const QString& wavPath)
{
    QMediaPlayer player;
    QAudioOutput output;
    player.setAudioOutput(&output);
    QElapsedTimer clock;
    clock.start();
    player.setSource(QUrl::fromLocalFile(wavPath));
    player.play();
    if (!spin([&] { return player.position() > 0 || player.error() != QMediaPlayer::NoError; }))
        return -1;
    const double ms = clock.nsecsElapsed() / 1e6;
    player.stop();
    return player.error() == QMediaPlayer::NoError ? ms : -1;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("out"), QStringLiteral("Where narration.md and .csv go."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs of each measurement."), QStringLiteral("N"), QStringLiteral("7")});
    parser.addOption({QStringLiteral("sentences"), QStringLiteral("Sentences on the page."), QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("mp3 or wav clips."), QStringLiteral("F"), QStringLiteral("mp3")});
    parser.process(app);
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());
    const int sentences = qBound(2, parser.value(QStringLiteral("sentences")).toInt(), 50);
    const QString format = parser.value(QStringLiteral("format"));
    const QString outDir = parser.value(QStringLiteral("out"));

    Test::NullAudioServer audio;
    if (!audio.start()) {
        std::fprintf(stderr, "bench-narration: %s\n", qPrintable(audio.errorString()));
        return 1;
    }
    QTemporaryDir work;
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));

    // A page of `sentences` sentences, each with a clip of kSentenceMs.
    Story::Story story;
    story.id = QStringLiteral("bench");
    Story::Page page;
    page.id = QStringLiteral("b1");
    Story::Narration narration;
    narration.voice = QStringLiteral("alloy");
    QByteArray allPcm;
    QStringList words;
    for (int i = 0; i < sentences; ++i) {
        const QString sentence = QStringLiteral("Sentence number %1 of the page.").arg(i + 1);
        words.append(sentence);
        const QByteArray pcm = Test::FakeSpeech::pcm(kSentenceMs);
        allPcm.append(pcm);
        Story::NarrationClip clip;
        clip.text = sentence;
        clip.durationMs = kSentenceMs;
        QByteArray bytes;
        if (format == QLatin1String("mp3")) {
            bytes = Test::FakeSpeech::encoded("mp3", pcm, ffmpeg);
            clip.mimeType = QStringLiteral("audio/mpeg");
        } else {
            bytes = Test::FakeSpeech::wav(pcm);
            clip.mimeType = QStringLiteral("audio/wav");
        }
        if (bytes.isEmpty()) {
            std::fprintf(stderr, "bench-narration: could not make a %s clip (ffmpeg?)\n", qPrintable(format));
            return 1;
        }
        clip.entry = Story::newNarrationEntry(page.id, format);
        story.assets.insert(clip.entry, bytes);
        narration.clips.append(clip);
    }
    page.text = words.join(u' ');
    page.narration = narration;
    story.pages = {page};
    story.path = {page.id};
    const auto snapshot = std::make_shared<const Story::Story>(story);
    const QString wavPath = work.filePath(QStringLiteral("page.wav"));
    {
        QFile file(wavPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(Test::FakeSpeech::wav(allPcm)) <= 0)
            return 1;
    }

    QList<double> first, gaps, lags, baseline;
    bool ok = true;
    for (int r = 0; r < runs; ++r) {
        const StoredRun run = storedRun(snapshot, sentences);
        if (run.firstSoundMs < 0 || run.started != sentences || run.maxGapMs < 0 || run.maxGapMs > 50) {
            std::fprintf(stderr, "run %d: first %.1f ms, %d of %d sentences, gap %.1f ms\n", r, run.firstSoundMs,
                         run.started, sentences, run.maxGapMs);
            ok = false;
            continue;
        }
        first.append(run.firstSoundMs);
        gaps.append(run.maxGapMs);
        lags.append(run.maxHighlightLagMs);
        const double base = baselineRun(wavPath);
        if (base < 0) {
            std::fprintf(stderr, "run %d: the baseline did not play\n", r);
            ok = false;
        } else {
            baseline.append(base);
        }
    }
    const double firstMedian = median(first), baseMedian = median(baseline);
    QString md;
    QTextStream out(&md);
    out << "### Narration playback (" << sentences << " sentences of " << kSentenceMs << " ms, " << format << " clips, " << runs
        << " runs, medians)\n\n"
        << "| measurement | stored narration | baseline (QMediaPlayer, one WAV file) | ratio | target |\n"
        << "|---|---|---|---|---|\n";
    out << "| Read aloud → first sound | " << QString::number(firstMedian, 'f', 1) << " ms | " << QString::number(baseMedian, 'f', 1)
        << " ms | " << (baseMedian > 0 ? QString::number(firstMedian / baseMedian, 'f', 2) : QStringLiteral("–")) << " | ≤ 150 ms |\n";
    out << "| largest gap between sentences (stream positions) | " << QString::number(median(gaps), 'f', 1)
        << " ms | 0 ms (one file) | – | ≤ 50 ms |\n";
    out << "| highlight after the sentence's start (position at clipStarted) | " << QString::number(median(lags), 'f', 1)
        << " ms | – | – | – |\n";
    std::printf("%s", qPrintable(md));
    if (!outDir.isEmpty()) {
        QDir().mkpath(outDir);
        QFile mdFile(QDir(outDir).filePath(QStringLiteral("narration.md")));
        if (mdFile.open(QIODevice::WriteOnly))
            mdFile.write(md.toUtf8() + "\n");
        QFile csv(QDir(outDir).filePath(QStringLiteral("narration.csv")));
        if (csv.open(QIODevice::WriteOnly)) {
            QTextStream c(&csv);
            c << "benchmark,size,metric,value,unit\n";
            c << "narration," << sentences << ",first_sound," << firstMedian << ",ms\n";
            c << "narration," << sentences << ",baseline_first_sound," << baseMedian << ",ms\n";
            c << "narration," << sentences << ",max_gap," << median(gaps) << ",ms\n";
            c << "narration," << sentences << ",highlight_lag," << median(lags) << ",ms\n";
        }
    }
    if (firstMedian > 150)
        std::fprintf(stderr, "note: first sound %.1f ms is above the 150 ms target\n", firstMedian);
    return ok ? 0 : 1;
}
