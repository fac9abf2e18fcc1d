// Narration from the speech provider (issue 16) against the fake server: a clip for every part of a
// page, merged into the story and saved; a failing sentence reported while the others are kept;
// cancel and destruction mid-flight; narration fetched ahead while a page streams; clip durations read
// from the bytes; the story file's size against its audio.
#include "audioduration.h"
#include "fakeopenaiserver.h"
#include "fakespeech.h"
#include "library.h"
#include "llmclient.h"
#include "narrationahead.h"
#include "narrationmaker.h"
#include "requiretool.h"
#include "storyfile.h"
#include "storygenerator.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;
using namespace Storybook::Test;

namespace {
Llm::ConnectionSettings settingsFor(const QUrl& base, Llm::ConnectionSettings::Role role = Llm::ConnectionSettings::Role::Text)
{
    Llm::ConnectionSettings s = Llm::ConnectionSettings::defaults(role);
    s.baseUrl = base;
    s.model = role == Llm::ConnectionSettings::Role::Speech ? QStringLiteral("gpt-4o-mini-tts") : QStringLiteral("fake-small");
    s.proxy.mode = Llm::ProxySettings::Mode::None;
    s.connectTimeout = std::chrono::seconds(5);
    s.idleTimeout = std::chrono::seconds(10);
    s.retries = 0;
    return s;
}

Llm::ConnectionSettings speechSettings(const QUrl& base)
{
    return settingsFor(base, Llm::ConnectionSettings::Role::Speech);
}

Llm::VoiceSettings voice(Llm::AudioFormat format = Llm::AudioFormat::Wav)
{
    Llm::VoiceSettings v;
    v.voice = QStringLiteral("alloy");
    v.format = format;
    return v;
}

Story::StorySettings idea()
{
    Story::StorySettings settings;
    settings.idea = QStringLiteral("a fox who finds a lantern");
    settings.pageCount = 3;
    settings.language = QStringLiteral("en");
    return settings;
}

QString speechInput(const RecordedRequest& request)
{
    return QJsonDocument::fromJson(request.body).object().value(QLatin1String("input")).toString();
}

QList<RecordedRequest> speechRequests(const FakeOpenAiServer& server)
{
    QList<RecordedRequest> found;
    for (const RecordedRequest& r : server.requests()) {
        if (r.path.endsWith("/audio/speech"))
            found.append(r);
    }
    return found;
}
} // namespace

class TestNarrationMaker final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir* m_dir = nullptr;

    // A story with one finished page, written through the "story" scenario.
    struct Written
    {
        std::unique_ptr<Llm::LlmClient> client;
        std::unique_ptr<Story::Library> library;
        std::unique_ptr<Generation::StoryGenerator> generator;
        QString storyId;
        QString pageId;
    };

    Written writeFirstPage()
    {
        Written w;
        w.client = std::make_unique<Llm::LlmClient>(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        w.library = std::make_unique<Story::Library>(m_dir->path());
        w.generator = std::make_unique<Generation::StoryGenerator>(w.client.get(), w.library.get());
        QSignalSpy finished(w.generator.get(), &Generation::StoryGenerator::finished);
        if (!w.generator->startNew(idea()).isEmpty() || !finished.wait(20000))
            return w;
        w.storyId = w.generator->story()->id;
        w.pageId = w.generator->story()->pages.first().id;
        return w;
    }

    static void keepClips(Generation::NarrationMaker& maker, Generation::StoryGenerator& generator, QStringList* problems)
    {
        connect(&maker, &Generation::NarrationMaker::clipReady, &generator,
                [&generator, problems](const QString& storyId, const QString& pageId, const Story::Narration& narration,
                                       const QHash<QString, QByteArray>& bytes) {
                    const QString problem = generator.storeNarration(storyId, pageId, narration, bytes,
                                                                     Generation::StoryGenerator::NarrationStore::Merge);
                    if (!problem.isEmpty())
                        problems->append(problem);
                });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("QObject|deleted|destroyed")));
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        m_dir = new QTemporaryDir;
    }

    void cleanup()
    {
        delete m_server;
        delete m_dir;
    }

    void preferencesRoundTrip()
    {
        QSettings settings(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(Generation::NarrationPreferences::load(settings).narrateNewPages, false);
        Generation::NarrationPreferences p;
        p.narrateNewPages = true;
        p.save(settings);
        QCOMPARE(settings.value(QStringLiteral("narration/auto")).toBool(), true);
        QCOMPARE(Generation::NarrationPreferences::load(settings).narrateNewPages, true);
    }

    void clipsForEveryPart_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("wav") << int(Llm::AudioFormat::Wav);
        QTest::newRow("mp3") << int(Llm::AudioFormat::Mp3);
        QTest::newRow("pcm") << int(Llm::AudioFormat::Pcm);
    }

    void clipsForEveryPart()
    {
        QFETCH(int, format);
        if (format == int(Llm::AudioFormat::Mp3))
            STORYBOOK_REQUIRE_TOOL(!findTool(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg");
        Written w = writeFirstPage();
        QVERIFY(!w.pageId.isEmpty());
        Llm::LlmClient speech(speechSettings(m_server->baseUrl()));
        Generation::NarrationMaker maker(&speech, voice(Llm::AudioFormat(format)), [&w] { return w.generator->story(); });
        QStringList problems;
        keepClips(maker, *w.generator, &problems);
        QSignalSpy idle(&maker, &Generation::NarrationMaker::idle);
        QSignalSpy failed(&maker, &Generation::NarrationMaker::partFailed);
        QSignalSpy started(&maker, &Generation::NarrationMaker::partStarted);
        int running = 0;
        int mostInFlight = 0;
        connect(&maker, &Generation::NarrationMaker::partStarted, this, [&] { mostInFlight = qMax(mostInFlight, ++running); });
        connect(&maker, &Generation::NarrationMaker::clipReady, this, [&] { --running; });

        const std::shared_ptr<const Story::Story> before = w.generator->story();
        const QStringList parts = Generation::NarrationMaker::partTexts(*before, *before->page(w.pageId));
        QVERIFY2(parts.size() >= 4, qPrintable(parts.join(QLatin1Char('|')))); // sentences, a question, two answers
        maker.request(w.storyId, w.pageId);
        QVERIFY(maker.isPending(w.storyId, w.pageId));
        QVERIFY(idle.wait(30000));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(started.count(), parts.size());
        QCOMPARE(mostInFlight, Generation::NarrationMaker::MaxInFlight);
        // Started in reading order; each part asked for once.
        QCOMPARE(speechRequests(*m_server).size(), parts.size());
        for (qsizetype i = 0; i < parts.size(); ++i)
            QCOMPARE(started.at(i).at(2).toString(), parts.at(i));

        const std::shared_ptr<const Story::Story> story = w.generator->story();
        const Story::Page* page = story->page(w.pageId);
        QVERIFY(page->narration);
        QCOMPARE(page->narration->source, Story::Narration::Source::Synthesised);
        QCOMPARE(page->narration->voice, QStringLiteral("alloy"));
        QCOMPARE(page->narration->model, QStringLiteral("gpt-4o-mini-tts"));
        for (const QString& text : parts) {
            const Story::NarrationClip* clip = page->narration->clipFor(text);
            QVERIFY2(clip, qPrintable(text));
            QVERIFY(story->assets.contains(clip->entry));
            QCOMPARE(Llm::sniffAudioFormat(story->assets.value(clip->entry)),
                     format == int(Llm::AudioFormat::Pcm) ? Llm::AudioFormat::Unknown : Llm::AudioFormat(format));
            QCOMPARE(clip->mimeType, Llm::audioMimeTypeOf(Llm::AudioFormat(format)));
            // The fake speaks 10 ms per character: exact for wav and pcm, within a few frames for mp3.
            const qint64 expected = qint64(text.size()) * FakeSpeech::MsPerCharacter;
            QVERIFY2(qAbs(clip->durationMs - expected) <= (format == int(Llm::AudioFormat::Mp3) ? 80 : 1),
                     qPrintable(QStringLiteral("%1: %2 ms, expected %3").arg(text).arg(clip->durationMs).arg(expected)));
        }
        // Saved at once, and loaded back with its sounds.
        w.generator->waitForSaves();
        QString why;
        const auto loaded = w.library->load(w.storyId, &why);
        QVERIFY2(loaded, qPrintable(why));
        QVERIFY(loaded->page(w.pageId)->narration);
        QCOMPARE(loaded->page(w.pageId)->narration->clips.size(), parts.size());
        for (const Story::NarrationClip& clip : loaded->page(w.pageId)->narration->clips)
            QCOMPARE(loaded->assets.value(clip.entry), story->assets.value(clip.entry));

        // Asked again: nothing is missing, nothing is requested; with `again` every part is.
        m_server->clearRequests();
        maker.request(w.storyId, w.pageId);
        QVERIFY(!maker.isPending(w.storyId, w.pageId));
        idle.clear();
        maker.request(w.storyId, w.pageId, true);
        QVERIFY(idle.wait(30000));
        QCOMPARE(speechRequests(*m_server).size(), parts.size());
        QCOMPARE(w.generator->story()->page(w.pageId)->narration->clips.size(), parts.size());
    }

    void failingSentenceKeepsTheOthers()
    {
        Written w = writeFirstPage();
        QVERIFY(!w.pageId.isEmpty());
        // The first speech request is answered 429 (no retries), the others are spoken.
        Llm::LlmClient speech(speechSettings(m_server->baseUrl(QStringLiteral("flaky:1:429"))));
        Generation::NarrationMaker maker(&speech, voice(), [&w] { return w.generator->story(); });
        QStringList problems;
        keepClips(maker, *w.generator, &problems);
        QSignalSpy idle(&maker, &Generation::NarrationMaker::idle);
        QSignalSpy failed(&maker, &Generation::NarrationMaker::partFailed);
        QSignalSpy done(&maker, &Generation::NarrationMaker::pageDone);
        maker.request(w.storyId, w.pageId);
        QVERIFY(idle.wait(30000));
        QCOMPARE(failed.count(), 1);
        const QStringList parts = Generation::NarrationMaker::partTexts(*w.generator->story(), *w.generator->story()->page(w.pageId));
        // Which part the server answered first is the network's choice (two are on their way at once).
        const QString failedText = failed.first().at(2).toString();
        QVERIFY(parts.contains(failedText));
        const auto error = failed.first().at(3).value<Llm::LlmError>();
        QCOMPARE(error.kind, Llm::LlmError::Kind::RateLimited);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(done.count(), 1);
        const Story::Page* page = w.generator->story()->page(w.pageId);
        QVERIFY(page->narration);
        QCOMPARE(page->narration->clips.size(), parts.size() - 1);
        QVERIFY(!page->narration->clipFor(failedText));
        // Asked again, only the missing sentence is requested.
        m_server->clearRequests();
        idle.clear();
        maker.request(w.storyId, w.pageId);
        QVERIFY(idle.wait(30000));
        QCOMPARE(speechRequests(*m_server).size(), 1);
        QCOMPARE(speechInput(speechRequests(*m_server).first()), failedText);
        QVERIFY(w.generator->story()->page(w.pageId)->narration->clipFor(failedText));
    }

    void wrongKeyStopsTheRest()
    {
        Written w = writeFirstPage();
        QVERIFY(!w.pageId.isEmpty());
        Llm::LlmClient speech(speechSettings(m_server->baseUrl(QStringLiteral("status:401"))));
        Generation::NarrationMaker maker(&speech, voice(), [&w] { return w.generator->story(); });
        QSignalSpy idle(&maker, &Generation::NarrationMaker::idle);
        QSignalSpy failed(&maker, &Generation::NarrationMaker::partFailed);
        QSignalSpy done(&maker, &Generation::NarrationMaker::pageDone);
        maker.request(w.storyId, w.pageId);
        QVERIFY(idle.wait(30000));
        QCOMPARE(failed.count(), 1); // said once; the parts that would meet the same answer are not sent
        QCOMPARE(failed.first().at(3).value<Llm::LlmError>().kind, Llm::LlmError::Kind::Unauthorized);
        QVERIFY(speechRequests(*m_server).size() <= Generation::NarrationMaker::MaxInFlight);
        QVERIFY(done.count() >= 1);
        QVERIFY(!maker.isBusy());
        QVERIFY(!w.generator->story()->page(w.pageId)->narration);
    }

    void noProviderIsReported()
    {
        Written w = writeFirstPage();
        QVERIFY(!w.pageId.isEmpty());
        Generation::NarrationMaker maker(nullptr, voice(), [&w] { return w.generator->story(); });
        QSignalSpy failed(&maker, &Generation::NarrationMaker::partFailed);
        maker.request(w.storyId, w.pageId);
        QVERIFY(failed.count() >= 1);
        QVERIFY(!maker.isPending(w.storyId, w.pageId));
        maker.request(QStringLiteral("another-story"), w.pageId); // not the open story: nothing
        QVERIFY(!maker.isBusy());
    }

    void cancelAndDestroyMidFlight()
    {
        Written w = writeFirstPage();
        QVERIFY(!w.pageId.isEmpty());
        Llm::LlmClient speech(speechSettings(m_server->baseUrl(QStringLiteral("speech-slow:5000"))));
        {
            Generation::NarrationMaker maker(&speech, voice(), [&w] { return w.generator->story(); });
            QSignalSpy clips(&maker, &Generation::NarrationMaker::clipReady);
            QSignalSpy failed(&maker, &Generation::NarrationMaker::partFailed);
            maker.request(w.storyId, w.pageId);
            QTRY_COMPARE_WITH_TIMEOUT(speechRequests(*m_server).size(), 2, 10000); // two in flight, the rest waits
            maker.cancel();
            QVERIFY(!maker.isBusy());
            QVERIFY(!maker.isPending(w.storyId, w.pageId));
            QCOMPARE(clips.count(), 0);
            QCOMPARE(failed.count(), 0);
        }
        m_server->clearRequests();
        {
            auto maker = std::make_unique<Generation::NarrationMaker>(&speech, voice(), [&w] { return w.generator->story(); });
            maker->request(w.storyId, w.pageId);
            QTRY_COMPARE_WITH_TIMEOUT(speechRequests(*m_server).size(), 2, 10000);
            maker.reset(); // destroyed with two requests on their way (ASan watches)
        }
        // The client is still usable after both.
        Llm::LlmClient fast(speechSettings(m_server->baseUrl()));
        Generation::NarrationMaker maker(&fast, voice(), [&w] { return w.generator->story(); });
        QStringList problems;
        keepClips(maker, *w.generator, &problems);
        QSignalSpy idle(&maker, &Generation::NarrationMaker::idle);
        maker.request(w.storyId, w.pageId);
        QVERIFY(idle.wait(30000));
        QVERIFY(w.generator->story()->page(w.pageId)->narration);
    }

    void cancelOnePageKeepsAnother()
    {
        Written w = writeFirstPage();
        QVERIFY(!w.pageId.isEmpty());
        Llm::LlmClient speech(speechSettings(m_server->baseUrl(QStringLiteral("speech-slow:300"))));
        Generation::NarrationMaker maker(&speech, voice(), [&w] { return w.generator->story(); });
        QSignalSpy done(&maker, &Generation::NarrationMaker::pageDone);
        QSignalSpy clips(&maker, &Generation::NarrationMaker::clipReady);
        QSignalSpy idle(&maker, &Generation::NarrationMaker::idle);
        maker.requestTexts(w.storyId, QStringLiteral("other"), {QStringLiteral("A sentence of another page.")});
        maker.request(w.storyId, w.pageId);
        maker.cancelPage(w.storyId, w.pageId);
        QVERIFY(!maker.isPending(w.storyId, w.pageId));
        QVERIFY(maker.isPending(w.storyId, QStringLiteral("other")));
        QVERIFY(idle.wait(10000));
        QCOMPARE(clips.count(), 1);
        QCOMPARE(clips.first().at(1).toString(), QStringLiteral("other"));
    }

    // Issue 16: the first finished sentence of a page being written is requested while the page
    // still streams, the next ones as they complete; the final page's parts all get a clip.
    void fetchAheadWhileThePageStreams()
    {
        // The page in 7-character deltas every 40 ms; its text comes after the question (keys in order).
        Llm::LlmClient chat(settingsFor(m_server->baseUrl(QStringLiteral("story:40"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&chat, &library);
        Llm::LlmClient speech(speechSettings(m_server->baseUrl()));
        Generation::NarrationMaker maker(&speech, voice(), [&generator] { return generator.story(); });
        QStringList problems;
        keepClips(maker, generator, &problems);
        Generation::NarrationAhead ahead(&generator, &maker);
        ahead.setEnabled(true);

        QElapsedTimer clock;
        clock.start();
        qint64 firstSpeechAt = -1;
        qint64 pageEndedAt = -1;
        QString firstInput;
        connect(m_server, &FakeOpenAiServer::requestReceived, this, [&](const RecordedRequest& r) {
            if (r.path.endsWith("/audio/speech") && firstSpeechAt < 0) {
                firstSpeechAt = clock.elapsed();
                firstInput = speechInput(r);
            }
        });
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        connect(&generator, &Generation::StoryGenerator::finished, this, [&] { pageEndedAt = clock.elapsed(); });
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(finished.wait(20000));
        QVERIFY2(firstSpeechAt >= 0 && firstSpeechAt < pageEndedAt,
                 qPrintable(QStringLiteral("first speech request at %1 ms, page ended at %2 ms").arg(firstSpeechAt).arg(pageEndedAt)));
        QCOMPARE(firstInput, QStringLiteral("Pip the fox carried the lantern into the quiet forest."));
        QTRY_VERIFY_WITH_TIMEOUT(!maker.isBusy(), 20000);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        const std::shared_ptr<const Story::Story> story = generator.story();
        const Story::Page& page = story->pages.first();
        QVERIFY(page.narration);
        const QStringList parts = Generation::NarrationMaker::partTexts(*story, page);
        QVERIFY(!parts.isEmpty());
        for (const QString& text : parts)
            QVERIFY2(page.narration->clipFor(text), qPrintable(text));
        // Each text spoken once: the same sentence repeated in the page is asked for once.
        QCOMPARE(speechRequests(*m_server).size(), parts.size());
    }

    void disabledFetchAheadAsksNothing()
    {
        Llm::LlmClient chat(settingsFor(m_server->baseUrl(QStringLiteral("drip:5:20"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&chat, &library);
        Llm::LlmClient speech(speechSettings(m_server->baseUrl()));
        Generation::NarrationMaker maker(&speech, voice(), [&generator] { return generator.story(); });
        Generation::NarrationAhead ahead(&generator, &maker);
        QSignalSpy started(&maker, &Generation::NarrationMaker::partStarted);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(finished.wait(20000));
        QCOMPARE(started.count(), 0);
        QVERIFY(speechRequests(*m_server).isEmpty());
    }

    void stoppedPageStopsItsNarration()
    {
        Llm::LlmClient chat(settingsFor(m_server->baseUrl(QStringLiteral("story:200"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&chat, &library);
        Llm::LlmClient speech(speechSettings(m_server->baseUrl(QStringLiteral("speech-slow:5000"))));
        Generation::NarrationMaker maker(&speech, voice(), [&generator] { return generator.story(); });
        QSignalSpy clips(&maker, &Generation::NarrationMaker::clipReady);
        QSignalSpy failed(&maker, &Generation::NarrationMaker::partFailed);
        QSignalSpy started(&maker, &Generation::NarrationMaker::partStarted);
        Generation::NarrationAhead ahead(&generator, &maker);
        ahead.setEnabled(true);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(started.wait(10000));
        generator.stop();
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        QVERIFY(!maker.isBusy());
        QCOMPARE(clips.count(), 0);
        QCOMPARE(failed.count(), 0);
    }

    void durationsFromTheBytes()
    {
        const QByteArray pcm = FakeSpeech::pcm(1500);
        QCOMPARE(Generation::audioDurationMs(pcm, Llm::AudioFormat::Pcm), 1500);
        QCOMPARE(Generation::audioDurationMs(FakeSpeech::wav(pcm), Llm::AudioFormat::Wav), 1500);
        // A streamed WAV's unknown length counts to the end.
        QByteArray streamed = FakeSpeech::wav(pcm);
        const qsizetype data = streamed.indexOf("data");
        QVERIFY(data > 0);
        streamed.replace(data + 4, 4, QByteArray("\xFF\xFF\xFF\xFF", 4));
        QCOMPARE(Generation::wavDurationMs(streamed), 1500);
        QCOMPARE(Generation::audioDurationMs(QByteArray("RIFF garbage"), Llm::AudioFormat::Wav), 0);
        QCOMPARE(Generation::audioDurationMs(QByteArray(), Llm::AudioFormat::Mp3), 0);
        QCOMPARE(Generation::mp3DurationMs(QByteArray(4000, 'x')), 0);
        QCOMPARE(Generation::audioDurationMs(QByteArray(100, '\0'), Llm::AudioFormat::Opus), 0);

        // A hand-made MPEG 1 layer III stream: 128 kbit/s, 44.1 kHz, 418 bytes a frame, 1152 samples.
        QByteArray frame(418, '\0');
        frame[0] = char(0xFF);
        frame[1] = char(0xFB);
        frame[2] = char(0x90);
        frame[3] = char(0x64);
        QByteArray hundred;
        for (int i = 0; i < 100; ++i)
            hundred += frame;
        QCOMPARE(Generation::mp3DurationMs(hundred), qint64(100 * 1152 * 1000.0 / 44100 + 0.5)); // 2612 ms
        // An ID3v2 tag before it (syncsafe size 0x0201 = 257 bytes) and an Xing header frame are not counted.
        QByteArray id3("ID3\x04\x00\x00\x00\x00\x02\x01", 10);
        id3 += QByteArray(257, '\xFF');
        QByteArray xing = frame;
        xing.replace(4 + 32, 4, "Xing");
        QCOMPARE(Generation::mp3DurationMs(QByteArray(id3 + xing + hundred)), qint64(100 * 1152 * 1000.0 / 44100 + 0.5));

        STORYBOOK_REQUIRE_TOOL(!findTool(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg");
        const QByteArray mp3 = FakeSpeech::encoded("mp3", FakeSpeech::pcm(3000), findTool(QStringLiteral("ffmpeg")));
        QVERIFY(!mp3.isEmpty());
        const qint64 ms = Generation::audioDurationMs(mp3, Llm::AudioFormat::Mp3);
        QVERIFY2(qAbs(ms - 3000) <= 80, qPrintable(QString::number(ms)));
    }

    // Issue 16: audio stored as sent; a 10-page narrated story's file is at most 1.05× its audio
    // bytes plus the text.
    void narratedStoryFileSize()
    {
        Story::Story story;
        story.id = QStringLiteral("size-check");
        story.title = QStringLiteral("Ten narrated pages");
        qint64 audio = 0;
        for (int p = 0; p < 10; ++p) {
            Story::Page page;
            page.id = QStringLiteral("p%1").arg(p);
            page.state = Story::Page::State::Complete;
            page.text = QStringLiteral("Pip the fox walked on. The lantern glowed. The night was quiet and kind.");
            Story::Narration narration;
            narration.voice = QStringLiteral("alloy");
            for (int s = 0; s < 3; ++s) {
                const QByteArray bytes = FakeSpeech::wav(FakeSpeech::pcm(2000 + 100 * s));
                Story::NarrationClip clip;
                clip.text = QStringLiteral("Sentence %1 of page %2.").arg(s).arg(p);
                clip.entry = Story::newNarrationEntry(page.id, QStringLiteral("wav"));
                clip.mimeType = QStringLiteral("audio/wav");
                clip.durationMs = 2000 + 100 * s;
                narration.clips.append(clip);
                story.assets.insert(clip.entry, bytes);
                audio += bytes.size();
            }
            page.narration = narration;
            story.pages.append(page);
            story.path.append(page.id);
        }
        Story::Story textOnly = story;
        textOnly.assets.clear();
        const qint64 json = Story::StoryFile::encode(textOnly).size();
        const QByteArray file = Story::StoryFile::encode(story);
        QVERIFY(!file.isEmpty());
        QVERIFY2(double(file.size()) <= 1.05 * double(audio) + double(json),
                 qPrintable(QStringLiteral("file %1, audio %2, json %3").arg(file.size()).arg(audio).arg(json)));
        // The sounds come back byte for byte.
        QString why;
        const auto back = Story::StoryFile::decode(file, Story::StoryFile::Parts::Everything, &why);
        QVERIFY2(back, qPrintable(why));
        for (auto it = story.assets.cbegin(); it != story.assets.cend(); ++it)
            QCOMPARE(back->assets.value(it.key()), it.value());
    }
};

QTEST_GUILESS_MAIN(TestNarrationMaker)
#include "tst_narrationmaker.moc"
