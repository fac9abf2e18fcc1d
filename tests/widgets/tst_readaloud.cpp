// ReadAloud, the reader's choice of voice: a recording before synthesised narration, stored clips
// played into a private PulseAudio's null sink with the sentence highlighted from the playback
// position, the system voice (a scripted engine) for what has no clip, narrationWanted only with a
// voice provider, clips arriving one by one, a bounded wait, and a reader destroyed mid-playback.
#include "narratedstory.h"
#include "narrationplayer.h"
#include "nullaudio.h"
#include "pageview.h"
#include "readaloud.h"
#include "readerwidget.h"
#include "requiretool.h"
#include "scriptedspeechengine.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Storybook;
using namespace Storybook::Test;
using Widgets::ReadAloud;
using Widgets::ReaderWidget;

namespace {

constexpr int kTimeoutMs = 15000;
using Source = Story::Narration::Source;

std::shared_ptr<const Story::Story> snapshot(const Story::Story& story)
{
    return std::make_shared<const Story::Story>(story);
}

QList<int> startedParts(const QSignalSpy& spy)
{
    QList<int> out;
    for (const QList<QVariant>& call : spy)
        out.append(call.first().toInt());
    return out;
}

} // namespace

class TestReadAloud : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void recordingIsPreferred();
    void synthesisedWhenTheRecordingIsIncomplete();
    void systemVoiceWithoutNarrationOrProvider();
    void providerAskedAndClipsArriveOneByOne();
    void aMissingClipIsWaitedForBoundedly();
    void readerShowsTheVoiceAndHighlights();
    void readerDestroyedWhilePlaying();
    void narrationSurvivesSaveAndReload();

private:
    std::unique_ptr<NullAudioServer> m_audio;
};

void TestReadAloud::initTestCase()
{
    STORYBOOK_REQUIRE_TOOL(NullAudioServer::available(), "pulseaudio");
    m_audio = std::make_unique<NullAudioServer>();
    QVERIFY2(m_audio->start(), qPrintable(m_audio->errorString()));
}

void TestReadAloud::cleanupTestCase()
{
    m_audio.reset();
}

void TestReadAloud::recordingIsPreferred()
{
    Story::Story story = narratedStory();
    Story::Page* page = story.page(QStringLiteral("n1"));
    page->narration = narrationOf(story, page->id, firstPageSentences(), Source::Synthesised, QStringLiteral("alloy"));
    page->recording = narrationOf(story, page->id, firstPageSentences(), Source::Recorded, QStringLiteral("Grandma"), 200);
    ScriptedSpeechEngine engine(5);
    ReadAloud reading;
    reading.setSpeechEngine(&engine);
    QCOMPARE(reading.choose(*page, true), ReadAloud::Voice::Recording);
    QSignalSpy parts(&reading, &ReadAloud::partStarted);
    QSignalSpy finished(&reading, &ReadAloud::finished);
    QSignalSpy wanted(&reading, &ReadAloud::narrationWanted);
    QCOMPARE(reading.read(snapshot(story), page->id, true), QString());
    QCOMPARE(reading.voice(), ReadAloud::Voice::Recording);
    QVERIFY2(reading.currentVoiceLine().contains(QStringLiteral("Grandma")), qPrintable(reading.currentVoiceLine()));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
    // The two sentences from the recording, then the question and answers (no clips) by the system voice.
    QCOMPARE(startedParts(parts), (QList<int>{0, 1, 2, 3, 4}));
    QCOMPARE(parts.at(1).at(1).toInt(), int(page->text.indexOf(QStringLiteral("She"))));
    QCOMPARE(engine.said, (QStringList{QStringLiteral("Where is the moon?"), QStringLiteral("Behind a cloud."), QStringLiteral("In the pond.")}));
    QVERIFY(reading.player());
    const auto placed = reading.player()->placements();
    QCOMPARE(placed.size(), 2);
    QVERIFY(qAbs(placed.at(0).durationUs - 200000) < 2000); // the recording's clips, not the 300 ms ones
    QVERIFY(wanted.isEmpty());
    QVERIFY(!reading.isReading());
}

void TestReadAloud::synthesisedWhenTheRecordingIsIncomplete()
{
    Story::Story story = narratedStory();
    Story::Page* page = story.page(QStringLiteral("n1"));
    page->narration = narrationOf(story, page->id, firstPageSentences(), Source::Synthesised, QStringLiteral("alloy"));
    page->recording = narrationOf(story, page->id, {firstPageSentences().first()}, Source::Recorded, QStringLiteral("Grandma"));
    ScriptedSpeechEngine engine(5);
    ReadAloud reading;
    reading.setSpeechEngine(&engine);
    reading.setProviderAvailable(true); // complete narration: nothing is asked for
    QSignalSpy parts(&reading, &ReadAloud::partStarted);
    QSignalSpy finished(&reading, &ReadAloud::finished);
    QSignalSpy wanted(&reading, &ReadAloud::narrationWanted);
    QCOMPARE(reading.read(snapshot(story), page->id, false), QString());
    QCOMPARE(reading.voice(), ReadAloud::Voice::Synthesised);
    QCOMPARE(reading.currentVoiceLine(), QStringLiteral("Voice kept in the story (alloy)"));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
    QCOMPARE(startedParts(parts), (QList<int>{0, 1}));
    QVERIFY(engine.said.isEmpty());
    QVERIFY(wanted.isEmpty());
}

void TestReadAloud::systemVoiceWithoutNarrationOrProvider()
{
    const Story::Story story = narratedStory();
    ScriptedSpeechEngine engine(5);
    ReadAloud reading;
    reading.setSpeechEngine(&engine);
    QSignalSpy finished(&reading, &ReadAloud::finished);
    QSignalSpy wanted(&reading, &ReadAloud::narrationWanted);
    QCOMPARE(reading.read(snapshot(story), QStringLiteral("n1"), false), QString());
    QCOMPARE(reading.voice(), ReadAloud::Voice::System);
    QCOMPARE(reading.currentVoiceLine(), QStringLiteral("System voice: this page has no narration and no voice provider is set"));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
    QCOMPARE(engine.said, firstPageSentences());
    QVERIFY(wanted.isEmpty());
    QVERIFY(!reading.player()); // no audio device opened for the system voice
}

void TestReadAloud::providerAskedAndClipsArriveOneByOne()
{
    Story::Story story = narratedStory();
    const QString id = QStringLiteral("n1");
    ScriptedSpeechEngine engine(5);
    ReadAloud reading;
    reading.setSpeechEngine(&engine);
    reading.setProviderAvailable(true);
    QSignalSpy parts(&reading, &ReadAloud::partStarted);
    QSignalSpy finished(&reading, &ReadAloud::finished);
    QSignalSpy wanted(&reading, &ReadAloud::narrationWanted);
    QCOMPARE(reading.read(snapshot(story), id, false), QString());
    QCOMPARE(reading.voice(), ReadAloud::Voice::Requested);
    QCOMPARE(wanted.size(), 1);
    QCOMPARE(wanted.first().first().toString(), id);
    QVERIFY(reading.isReading());
    QVERIFY(parts.isEmpty()); // waiting for the first clip

    story.page(id)->narration = narrationOf(story, id, {firstPageSentences().first()}, Source::Synthesised, QStringLiteral("alloy"));
    reading.updateStory(snapshot(story));
    QTRY_COMPARE_WITH_TIMEOUT(startedParts(parts), QList<int>{0}, kTimeoutMs);
    // The second clip arrives while the first plays: it follows it in the same stream.
    Story::Narration both = *story.page(id)->narration;
    both.clips.append(narrationOf(story, id, {firstPageSentences().last()}, Source::Synthesised, QStringLiteral("alloy")).clips);
    story.page(id)->narration = both;
    reading.updateStory(snapshot(story));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
    QCOMPARE(startedParts(parts), (QList<int>{0, 1}));
    QVERIFY(engine.said.isEmpty());
    QCOMPARE(wanted.size(), 1);
}

void TestReadAloud::aMissingClipIsWaitedForBoundedly()
{
    Story::Story story = narratedStory();
    const QString id = QStringLiteral("n1");
    story.page(id)->narration = narrationOf(story, id, {firstPageSentences().first()}, Source::Synthesised, QStringLiteral("alloy"));
    ScriptedSpeechEngine engine(5);
    ReadAloud reading;
    reading.setSpeechEngine(&engine);
    reading.setProviderAvailable(true);
    reading.setWaitLimitMs(300);
    QSignalSpy parts(&reading, &ReadAloud::partStarted);
    QSignalSpy finished(&reading, &ReadAloud::finished);
    QCOMPARE(reading.read(snapshot(story), id, false), QString());
    QCOMPARE(reading.voice(), ReadAloud::Voice::Requested);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
    // The second sentence never came: after the wait, the system voice read it.
    QCOMPARE(startedParts(parts), (QList<int>{0, 1}));
    QCOMPARE(engine.said, QStringList{firstPageSentences().last()});
}

void TestReadAloud::readerShowsTheVoiceAndHighlights()
{
    Story::Story story = narratedStory();
    Story::Page* page = story.page(QStringLiteral("n1"));
    page->narration = narrationOf(story, page->id, firstPageSentences(), Source::Synthesised, QStringLiteral("alloy"));
    ScriptedSpeechEngine engine(5);
    ReaderWidget reader(ReaderWidget::Mode::Read);
    reader.setSpeechEngine(&engine);
    reader.resize(900, 600);
    reader.show();
    QSignalSpy wanted(&reader, &ReaderWidget::narrationWanted);
    reader.setStory(snapshot(story));
    auto* line = reader.findChild<QLabel*>(QStringLiteral("readAloudVoice"));
    QVERIFY(line);
    QTRY_COMPARE(line->text(), QStringLiteral("Voice kept in the story (alloy)"));
    QVERIFY(line->isVisible());
    QSignalSpy reading(&reader, &ReaderWidget::readingAloudChanged);
    QTest::mouseClick(reader.readAloudButton(), Qt::LeftButton);
    QVERIFY(reader.isReadingAloud());
    QTRY_VERIFY_WITH_TIMEOUT(!reading.isEmpty() && !reading.last().first().toBool(), kTimeoutMs);
    QVERIFY(engine.said.size() == 3); // the question and its answers: no clips, the system voice
    QVERIFY(wanted.isEmpty());

    // The second page has no narration: with a provider, Read aloud asks for it.
    reader.setVoiceProviderAvailable(true);
    reader.showNext();
    QTRY_VERIFY2(line->text().startsWith(QStringLiteral("Voice provider")), qPrintable(line->text()));
    reader.readAloud();
    QCOMPARE(wanted.size(), 1);
    QCOMPARE(wanted.first().first().toString(), QStringLiteral("n2"));
    reader.stopReading();
    QVERIFY(!reader.isReadingAloud());
}

void TestReadAloud::readerDestroyedWhilePlaying()
{
    Story::Story story = narratedStory();
    Story::Page* page = story.page(QStringLiteral("n1"));
    page->narration = narrationOf(story, page->id, firstPageSentences(), Source::Synthesised, QStringLiteral("alloy"), 2000);
    ScriptedSpeechEngine engine(5);
    auto reader = std::make_unique<ReaderWidget>(ReaderWidget::Mode::Read);
    reader->setSpeechEngine(&engine);
    reader->setStory(snapshot(story));
    reader->readAloud();
    auto* player = reader->readAloudController()->player();
    QVERIFY(player);
    QTRY_VERIFY_WITH_TIMEOUT(player->positionUs() > 100000, kTimeoutMs);
    QVERIFY(reader->isReadingAloud());
    reader.reset(); // the window closes while it speaks
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

void TestReadAloud::narrationSurvivesSaveAndReload()
{
    Story::Story story = narratedStory();
    Story::Page* page = story.page(QStringLiteral("n1"));
    page->recording = narrationOf(story, page->id, firstPageSentences(), Source::Recorded, QStringLiteral("Grandma"));
    const std::optional<Story::Story> reloaded = Story::Story::fromFileData(story.toFileData(), nullptr);
    QVERIFY(reloaded);
    ScriptedSpeechEngine engine(5);
    ReadAloud reading;
    reading.setSpeechEngine(&engine);
    QSignalSpy parts(&reading, &ReadAloud::partStarted);
    QSignalSpy finished(&reading, &ReadAloud::finished);
    QCOMPARE(reading.read(snapshot(*reloaded), page->id, false), QString());
    QCOMPARE(reading.voice(), ReadAloud::Voice::Recording);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
    QCOMPARE(startedParts(parts), (QList<int>{0, 1}));
    QVERIFY(engine.said.isEmpty());
}

QTEST_MAIN(TestReadAloud)
#include "tst_readaloud.moc"
