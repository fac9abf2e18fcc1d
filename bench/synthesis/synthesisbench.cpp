// bench-synthesis: narration while a page is written (issue 16; docs/benchmarks.md, "Narration while
// writing"). The real StoryGenerator writes a first page through the fake OpenAI-compatible server
// (scenario story:MS: the page's JSON in 7-character deltas, one every MS ms), while the real
// NarrationMaker speaks through the same server's /audio/speech. Measured per run, for the page's
// first sentence: from "complete in the stream" (the generator's pageTextAppended after which
// Speech::splitSentences finds another sentence behind it, or the page finished) to
//   sent     the NarrationMaker's partStarted (the SpeechJob handed to the network), and
//   arrived  the fake server's requestReceived for that sentence (the whole request read).
//   bench-synthesis --mode ahead|after [--runs N] [--delta-ms MS]
// ahead: NarrationAhead fetches ahead (the app with "narration/auto"); after: the baseline, the
// finished page is narrated (NarrationMaker::request on pageFinished). Prints one line per run and a
// summary line of medians and maxima (key=value pairs). Exit 1 when a run did not speak the sentence.
#include "fakeopenaiserver.h"
#include "library.h"
#include "llmclient.h"
#include "narrationahead.h"
#include "narrationmaker.h"
#include "sentencesplitter.h"
#include "storygenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Storybook;

namespace {
Llm::ConnectionSettings settingsFor(const QUrl& base, Llm::ConnectionSettings::Role role)
{
    Llm::ConnectionSettings s = Llm::ConnectionSettings::defaults(role);
    s.baseUrl = base;
    s.model = role == Llm::ConnectionSettings::Role::Speech ? QStringLiteral("gpt-4o-mini-tts") : QStringLiteral("fake-small");
    s.proxy.mode = Llm::ProxySettings::Mode::None;
    s.retries = 0;
    return s;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

struct Result
{
    double sentMs = -1;
    double arrivedMs = -1;
    double pageMs = -1;
};

Result runOnce(Test::FakeOpenAiServer& server, const QString& folder, bool ahead, int deltaMs)
{
    Story::Library library(folder);
    library.reload();
    Llm::LlmClient chat(settingsFor(server.baseUrl(QStringLiteral("story:%1").arg(deltaMs)), Llm::ConnectionSettings::Role::Text));
    Generation::StoryGenerator generator(&chat, &library);
    Llm::LlmClient speech(settingsFor(server.baseUrl(), Llm::ConnectionSettings::Role::Speech));
    Llm::VoiceSettings voice;
    voice.format = Llm::AudioFormat::Wav;
    Generation::NarrationMaker maker(&speech, voice, [&generator] { return generator.story(); });

    QElapsedTimer clock;
    qint64 completeAt = -1;
    qint64 sentAt = -1;
    qint64 arrivedAt = -1;
    qint64 pageAt = -1;
    qint64 startedAt = -1;
    QString streamed;
    QString first;
    // Connected before NarrationAhead's own connections, so this sees each piece first.
    QObject::connect(&generator, &Generation::StoryGenerator::pageStarted, &generator, [&] { startedAt = clock.nsecsElapsed(); });
    QObject::connect(&generator, &Generation::StoryGenerator::pageTextAppended, &generator,
                     [&](const QString&, const QString&, const QString& text) {
                         streamed += text;
                         if (completeAt >= 0)
                             return;
                         const QList<Speech::Sentence> sentences = Speech::splitSentences(streamed);
                         if (sentences.size() >= 2) {
                             completeAt = clock.nsecsElapsed();
                             first = streamed.mid(sentences.first().start, sentences.first().length).trimmed();
                         }
                     });
    QObject::connect(&generator, &Generation::StoryGenerator::pageFinished, &generator,
                     [&](const QString& storyId, const QString& pageId) {
                         pageAt = clock.nsecsElapsed();
                         if (completeAt < 0) {
                             const QString text = generator.story()->page(pageId)->text;
                             const QList<Speech::Sentence> sentences = Speech::splitSentences(text);
                             if (!sentences.isEmpty()) {
                                 completeAt = pageAt;
                                 first = text.mid(sentences.first().start, sentences.first().length).trimmed();
                             }
                         }
                         if (!ahead)
                             maker.request(storyId, pageId); // the baseline: narrate the finished page
                     });
    QObject::connect(&maker, &Generation::NarrationMaker::partStarted, &maker,
                     [&](const QString&, const QString&, const QString& text) {
                         if (sentAt < 0 && text == first)
                             sentAt = clock.nsecsElapsed();
                     });
    const QMetaObject::Connection arrival =
        QObject::connect(&server, &Test::FakeOpenAiServer::requestReceived, &maker, [&](const Test::RecordedRequest& r) {
            if (arrivedAt < 0 && r.path.endsWith("/audio/speech")
                && QJsonDocument::fromJson(r.body).object().value(QLatin1String("input")).toString() == first)
                arrivedAt = clock.nsecsElapsed();
        });
    Generation::NarrationAhead narrationAhead(&generator, &maker);
    narrationAhead.setEnabled(ahead);

    bool finished = false;
    QObject::connect(&generator, &Generation::StoryGenerator::finished, &generator, [&] { finished = true; });
    Story::StorySettings settings;
    settings.idea = QStringLiteral("a fox who finds a lantern");
    settings.pageCount = 3;
    settings.language = QStringLiteral("en");
    clock.start();
    if (!generator.startNew(settings).isEmpty())
        return {};
    QElapsedTimer deadline;
    deadline.start();
    // Bounded: until the page is written and every part spoken, or 60 s.
    while ((!finished || maker.isBusy() || arrivedAt < 0) && deadline.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QObject::disconnect(arrival);
    Result result;
    if (completeAt >= 0 && sentAt >= 0)
        result.sentMs = double(sentAt - completeAt) / 1e6;
    if (completeAt >= 0 && arrivedAt >= 0)
        result.arrivedMs = double(arrivedAt - completeAt) / 1e6;
    if (startedAt >= 0 && pageAt >= 0)
        result.pageMs = double(pageAt - startedAt) / 1e6;
    generator.waitForSaves();
    return result;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("storybook.*=false"));
    QCommandLineParser parser;
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("ahead or after"), QStringLiteral("MODE"), QStringLiteral("ahead"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("runs"), QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption delta(QStringLiteral("delta-ms"), QStringLiteral("ms between deltas"), QStringLiteral("MS"), QStringLiteral("30"));
    parser.addOptions({mode, runs, delta});
    parser.addHelpOption();
    parser.process(app);
    const bool ahead = parser.value(mode) != QLatin1String("after");
    const int count = qBound(1, parser.value(runs).toInt(), 1000);
    const int deltaMs = qBound(0, parser.value(delta).toInt(), 1000);

    Test::FakeOpenAiServer server;
    if (!server.listen()) {
        std::fprintf(stderr, "bench-synthesis: the fake server could not listen\n");
        return 1;
    }
    QTemporaryDir dir;
    QList<double> sent, arrived, page;
    int failed = 0;
    for (int i = 0; i < count; ++i) {
        const Result r = runOnce(server, dir.filePath(QStringLiteral("library-%1").arg(i)), ahead, deltaMs);
        std::printf("run=%d mode=%s sent_ms=%.2f arrived_ms=%.2f page_ms=%.1f\n", i + 1, ahead ? "ahead" : "after", r.sentMs,
                    r.arrivedMs, r.pageMs);
        if (r.sentMs < 0 || r.arrivedMs < 0) {
            ++failed;
            continue;
        }
        sent.append(r.sentMs);
        arrived.append(r.arrivedMs);
        page.append(r.pageMs);
    }
    std::printf("summary mode=%s runs=%d delta_ms=%d sent_median_ms=%.2f sent_max_ms=%.2f arrived_median_ms=%.2f "
                "arrived_max_ms=%.2f page_median_ms=%.1f failed=%d\n",
                ahead ? "ahead" : "after", int(sent.size()), deltaMs, median(sent),
                sent.isEmpty() ? -1.0 : *std::max_element(sent.cbegin(), sent.cend()), median(arrived),
                arrived.isEmpty() ? -1.0 : *std::max_element(arrived.cbegin(), arrived.cend()), median(page), failed);
    return failed == 0 ? 0 : 1;
}
