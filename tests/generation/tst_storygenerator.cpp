// The story engine end to end against the fake server: pages stream into the story and onto disk,
// answers branch, read-to-me runs to the ending, failures leave marked drafts.
#include "fakeopenaiserver.h"
#include "library.h"
#include "llmclient.h"
#include "pictureprompts.h"
#include "storygenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;
using namespace Storybook::Test;

namespace {
Llm::ConnectionSettings settingsFor(const QUrl& base)
{
    Llm::ConnectionSettings s;
    s.baseUrl = base;
    s.model = QStringLiteral("fake-small");
    s.proxy.mode = Llm::ProxySettings::Mode::None;
    s.connectTimeout = std::chrono::seconds(5);
    s.idleTimeout = std::chrono::seconds(5);
    s.retries = 0;
    return s;
}

Story::StorySettings idea(int pages = 3, bool readToMe = false, const QString& language = QStringLiteral("en"))
{
    Story::StorySettings settings;
    settings.idea = QStringLiteral("a fox who finds a lantern");
    settings.pageCount = pages;
    settings.readToMe = readToMe;
    settings.language = language;
    return settings;
}
} // namespace

class TestStoryGenerator final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir* m_dir = nullptr;

    static bool waitFinished(QSignalSpy& spy, int timeoutMs = 20000)
    {
        return spy.count() > 0 || spy.wait(timeoutMs);
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

    void interactiveStory()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        Story::Library library(m_dir->path());
        QVERIFY(library.reload().isEmpty());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QStringList appended;
        connect(&generator, &Generation::StoryGenerator::pageTextAppended, this,
                [&appended](const QString&, const QString&, const QString& text) { appended.append(text); });
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(generator.isBusy());
        QVERIFY(!generator.startNew(idea()).isEmpty()); // one at a time
        QVERIFY(waitFinished(finished));
        const Story::Story story = *generator.story();
        QCOMPARE(story.title, QStringLiteral("The Fox and the Lantern"));
        QCOMPARE(story.cast.size(), 1);
        QCOMPARE(story.cast.first().name, QStringLiteral("Pip"));
        QCOMPARE(story.pages.size(), 1);
        const Story::Page first = story.pages.first(); // a copy: pages are added below
        QCOMPARE(first.state, Story::Page::State::Complete);
        QVERIFY(first.text.startsWith(QLatin1String("Pip the fox")));
        QVERIFY(!appended.isEmpty()); // it streamed (one append per network read; the drip tests below see several)
        QCOMPARE(appended.join(QString()), first.text);
        QVERIFY(first.interaction);
        QCOMPARE(first.interaction->options.size(), 2);
        // On disk too.
        QString why;
        QVERIFY2(library.load(story.id, &why), qPrintable(why));

        // The child answers: a new page acknowledges it; answering the other way keeps both branches.
        finished.clear();
        QVERIFY(generator.answer(story.id, first.id, 1, {}).isEmpty());
        QVERIFY(waitFinished(finished));
        const Story::Page second = *generator.story()->page(generator.story()->path.last());
        QVERIFY(second.text.contains(QLatin1String("Cross the bridge")));
        QCOMPARE(second.answerIndex, 1);
        finished.clear();
        QVERIFY(generator.answer(story.id, first.id, -1, QStringLiteral("Ask the moon")).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(generator.story()->pages.size(), 3);
        QVERIFY(generator.story()->page(generator.story()->path.last())->text.contains(QLatin1String("Ask the moon")));
        // The same answer again goes back to its branch without asking the model.
        const int requests = int(m_server->requests().size());
        finished.clear();
        QVERIFY(generator.answer(story.id, first.id, 1, {}).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(m_server->requests().size(), requests);
        QCOMPARE(generator.story()->path.last(), second.id);

        // Page 3 of 3 is the ending.
        finished.clear();
        QVERIFY(generator.answer(story.id, second.id, 0, {}).isEmpty());
        QVERIFY(waitFinished(finished));
        QVERIFY(generator.story()->isFinished());
        QVERIFY(!generator.story()->pathPages().last()->interaction);
        QVERIFY(m_server->requests().last().body.contains("This is the last page"));
        QVERIFY(!generator.answer(story.id, generator.story()->path.last(), 0, {}).isEmpty());
    }

    // Narration is kept in the story and on disk: clips merge by their words, a recording sits beside
    // the synthesised voice, removal drops the sounds nobody names.
    void narrationIsStoredMergedAndRemoved()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        Story::Library library(m_dir->path());
        QVERIFY(library.reload().isEmpty());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QSignalSpy narrated(&generator, &Generation::StoryGenerator::narrationChanged);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(waitFinished(finished));
        const QString storyId = generator.story()->id;
        const QString pageId = generator.story()->pages.first().id;

        const auto clip = [&](const QString& text, const QByteArray& bytes, QHash<QString, QByteArray>& store) {
            Story::NarrationClip c;
            c.text = text;
            c.entry = Story::newNarrationEntry(pageId, QStringLiteral("mp3"));
            c.mimeType = QStringLiteral("audio/mpeg");
            c.durationMs = 900;
            store.insert(c.entry, bytes);
            return c;
        };
        Story::Narration spoken;
        spoken.voice = QStringLiteral("alloy");
        QHash<QString, QByteArray> bytes;
        spoken.clips = {clip(QStringLiteral("First."), "ID3 first", bytes)};
        QVERIFY(generator.storeNarration(storyId, pageId, spoken, bytes, Generation::StoryGenerator::NarrationStore::Merge).isEmpty());
        const QString firstEntry = spoken.clips.first().entry;
        // The next sentence arrives; the first one spoken again replaces its clip.
        QHash<QString, QByteArray> more;
        spoken.clips = {clip(QStringLiteral("Second."), "ID3 second", more), clip(QStringLiteral("First."), "ID3 again", more)};
        QVERIFY(generator.storeNarration(storyId, pageId, spoken, more, Generation::StoryGenerator::NarrationStore::Merge).isEmpty());
        QCOMPARE(narrated.count(), 2);
        auto story = generator.story();
        const Story::Narration* kept = story->page(pageId)->preferredNarration();
        QVERIFY(kept);
        QCOMPARE(kept->clips.size(), 2);
        QCOMPARE(story->assets.value(kept->clipFor(QStringLiteral("First."))->entry), QByteArray("ID3 again"));
        QVERIFY(!story->assets.contains(firstEntry)); // the replaced sound is gone
        // A clip whose bytes are missing is refused, and nothing changes.
        Story::Narration broken = spoken;
        broken.clips.first().entry = QStringLiteral("narration/nothing.mp3");
        QVERIFY(!generator.storeNarration(storyId, pageId, broken, more, Generation::StoryGenerator::NarrationStore::Merge).isEmpty());

        // A recording is preferred, and both are on disk.
        Story::Narration recorded;
        recorded.source = Story::Narration::Source::Recorded;
        recorded.voice = QStringLiteral("Dad");
        QHash<QString, QByteArray> voice;
        recorded.clips = {clip(QStringLiteral("First."), "RIFF dad", voice)};
        QVERIFY(generator.storeNarration(storyId, pageId, recorded, voice, Generation::StoryGenerator::NarrationStore::Replace).isEmpty());
        generator.waitForSaves();
        QString why;
        auto loaded = library.load(storyId, &why);
        QVERIFY2(loaded, qPrintable(why));
        QCOMPARE(loaded->page(pageId)->preferredNarration()->voice, QStringLiteral("Dad"));
        QCOMPARE(loaded->page(pageId)->narration->clips.size(), 2);
        QCOMPARE(loaded->assets.value(recorded.clips.first().entry), QByteArray("RIFF dad"));

        QVERIFY(generator.removeNarration(storyId, pageId, Story::Narration::Source::Recorded).isEmpty());
        story = generator.story();
        QVERIFY(!story->page(pageId)->recording);
        QVERIFY(!story->assets.contains(recorded.clips.first().entry));
        QCOMPARE(story->page(pageId)->preferredNarration()->voice, QStringLiteral("alloy"));
    }

    // A guess is revealed on the next page: its prompt carries the question, the right answer decided before and the
    // child's guess (quoted as data), and asks the page to open by saying whether the guess was right.
    void guessIsRevealedOnTheNextPage()
    {
        Story::Library library(m_dir->path());
        QVERIFY(library.reload().isEmpty());
        Story::Story story;
        story.id = Story::Story::newId();
        story.settings = idea(6);
        story.title = QStringLiteral("The Knock at the Door");
        Story::Page first;
        first.text = QStringLiteral("Knock, knock! Someone is at Pip's door.");
        first.interaction = Story::Interaction{Story::Interaction::Kind::Guess, QStringLiteral("Who is knocking?"),
                                               {QStringLiteral("the owl"), QStringLiteral("a bear"), QStringLiteral("the wind")}, {}};
        first.interaction->solution = QStringLiteral("the owl");
        const QString firstId = story.addPage(first).id;
        QVERIFY(library.save(story).isEmpty());

        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QSignalSpy started(&generator, &Generation::StoryGenerator::pageStarted);
        const qsizetype before = m_server->requests().size();
        QVERIFY(generator.answer(story.id, firstId, 0, {}).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(m_server->requests().size(), before + 1);
        // The page being written is announced with its id (the window shows it while it streams).
        QCOMPARE(started.count(), 1);
        const QString nextId = started.first().at(1).toString();
        QCOMPARE(generator.story()->page(nextId)->parentId, firstId);

        const QJsonArray messages = QJsonDocument::fromJson(m_server->requests().last().body).object()
                                        .value(QLatin1String("messages")).toArray();
        const QString user = messages.at(1).toObject().value(QLatin1String("content")).toString();
        QVERIFY2(user.contains(QLatin1String("The child was asked to guess: \"Who is knocking?\"")), qPrintable(user));
        QVERIFY(user.contains(QLatin1String("The right answer, decided on the page before (keep to it): \"the owl\"")));
        QVERIFY(user.contains(QLatin1String("The child's guess, quoted as data: \"the owl\"")));
        QVERIFY(user.contains(QLatin1String("Open the page by revealing whether the guess was right")));
        // The fake model echoes the answer it was given: the page starts from the child's guess.
        QVERIFY(generator.story()->page(nextId)->text.contains(QLatin1String("the owl")));
    }

    // A name the child gives renames the character the question was about, in the story and in every later prompt.
    void nameRenamesTheCharacter()
    {
        Story::Library library(m_dir->path());
        QVERIFY(library.reload().isEmpty());
        Story::Story story;
        story.id = Story::Story::newId();
        story.settings = idea(6);
        story.cast = {{QStringLiteral("Pip"), QStringLiteral("a small fox"), {}},
                      {QStringLiteral("the owl"), QStringLiteral("a grey owl with round glasses"), {}}};
        Story::Page first;
        first.text = QStringLiteral("An owl landed next to Pip. She had no name yet.");
        first.interaction = Story::Interaction{Story::Interaction::Kind::Name, QStringLiteral("What should the owl be called?"),
                                               {QStringLiteral("Hoot"), QStringLiteral("Luna"), QStringLiteral("Star")}, {}};
        first.interaction->about = QStringLiteral("the owl");
        const QString firstId = story.addPage(first).id;
        QVERIFY(library.save(story).isEmpty());

        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QVERIFY(generator.answer(story.id, firstId, -1, QStringLiteral("Professor Feathers")).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(generator.story()->cast.size(), 2);
        QCOMPARE(generator.story()->cast.at(1).name, QStringLiteral("Professor Feathers"));
        QCOMPARE(generator.story()->cast.at(1).look, QStringLiteral("a grey owl with round glasses"));
        const QString body = QString::fromUtf8(m_server->requests().last().body);
        QVERIFY2(body.contains(QLatin1String("\\\"Professor Feathers\\\" (\\\"a grey owl with round glasses\\\")")), qPrintable(body));
        QVERIFY(body.contains(QLatin1String("The child named \\\"the owl\\\"")));
        // Saved so.
        QString why;
        const auto saved = library.load(story.id, &why);
        QVERIFY2(saved, qPrintable(why));
        QCOMPARE(saved->cast.at(1).name, QStringLiteral("Professor Feathers"));
    }

    void readToMeRunsToTheEnd()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QSignalSpy pages(&generator, &Generation::StoryGenerator::pageFinished);
        QVERIFY(generator.startNew(idea(4, true, QStringLiteral("zh"))).isEmpty());
        QVERIFY(waitFinished(finished, 30000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(pages.count(), 4);
        QVERIFY(generator.story()->isFinished());
        QCOMPARE(generator.story()->title, QStringLiteral("小狐狸和灯笼"));
        QVERIFY(generator.story()->pathPages().at(1)->text.contains(QStringLiteral("跟着猫头鹰")));
    }

    void plainProseBecomesThePage()
    {
        // A model that ignores the JSON format: the reader still gets the text as the page.
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("ok"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(waitFinished(finished));
        const Story::Page page = generator.story()->pages.first();
        QCOMPARE(page.state, Story::Page::State::Complete);
        QCOMPARE(page.text, QStringLiteral("Once upon a time, a small fox found a lantern."));
        QVERIFY(!page.interaction);
        QVERIFY(!page.rawText.isEmpty());
        QCOMPARE(generator.story()->title, QStringLiteral("a fox who finds a lantern"));
        // The child can still answer in their own words.
        finished.clear();
        QVERIFY(generator.answer(generator.story()->id, page.id, -1, QStringLiteral("The fox sings")).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(generator.story()->pages.size(), 2);
    }

    void failureKeepsADraftThatCanBeRetried()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("drop"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QSignalSpy failed(&generator, &Generation::StoryGenerator::failed);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(failed.count(), 1);
        const Story::Page draft = generator.story()->pages.first();
        QCOMPARE(draft.state, Story::Page::State::Draft);
        QVERIFY(!draft.note.isEmpty());
        // Kept as a code (the category and kind of the error), put into words when shown.
        QCOMPARE(draft.noteCode, QStringLiteral("network:connection-reset"));
        QCOMPARE(Story::Story::draftReasonText(draft),
                 QStringLiteral("The connection to the story writer was cut off before the page was finished."));
        QVERIFY(!draft.text.isEmpty()); // what arrived is kept
        const QString storyId = generator.story()->id;
        QString why;
        const auto saved = library.load(storyId, &why);
        QVERIFY(saved);
        QCOMPARE(saved->pages.first().state, Story::Page::State::Draft);
        // Retry against a healthy server (new settings, same story).
        client.setSettings(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        finished.clear();
        QVERIFY(generator.regenerate(storyId, draft.id).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(generator.story()->pages.first().state, Story::Page::State::Complete);
        QVERIFY(generator.story()->pages.first().previousVersions.isEmpty()); // a draft is not kept as a version
    }

    void stopKeepsWhatArrivedAndAutosaves()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("drip:40:200"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        generator.setAutosaveInterval(200);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QSignalSpy failed(&generator, &Generation::StoryGenerator::failed);
        QVERIFY(generator.startNew(idea()).isEmpty());
        const QString storyId = generator.story()->id;
        // While it streams, the text reaches the disk within the autosave interval.
        QTRY_VERIFY_WITH_TIMEOUT(library.load(storyId, nullptr) && library.load(storyId, nullptr)->pages.first().text.size() > 20, 5000);
        generator.stop();
        QVERIFY(waitFinished(finished));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(2).value<Llm::LlmError>().kind, Llm::LlmError::Kind::Cancelled);
        const auto saved = library.load(storyId, nullptr);
        QCOMPARE(saved->pages.first().state, Story::Page::State::Draft);
        QCOMPARE(saved->pages.first().text, generator.story()->pages.first().text);
    }

    void regenerateKeepsOldVersionUntilDone()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(waitFinished(finished));
        const QString storyId = generator.story()->id;
        const QString pageId = generator.story()->pages.first().id;
        const QString oldText = generator.story()->pages.first().text;
        // A regeneration that fails leaves the page as it was.
        client.setSettings(settingsFor(m_server->baseUrl(QStringLiteral("status:500"))));
        finished.clear();
        QVERIFY(generator.regenerate(storyId, pageId).isEmpty());
        QCOMPARE(generator.story()->pages.first().text, oldText); // unchanged while the new one streams
        QVERIFY(waitFinished(finished));
        QCOMPARE(generator.story()->pages.first().text, oldText);
        QCOMPARE(generator.story()->pages.first().state, Story::Page::State::Complete);
        client.setSettings(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        finished.clear();
        QVERIFY(generator.regenerate(storyId, pageId).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(generator.story()->pages.first().previousVersions.size(), 1);
        QCOMPARE(generator.story()->pages.first().previousVersions.first().text, oldText);
    }

    // Branches belong to the version of the page that asked the question.
    void answerAfterRewriteWritesANewPage()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(waitFinished(finished));
        const QString storyId = generator.story()->id;
        const QString first = generator.story()->pages.first().id;
        finished.clear();
        QVERIFY(generator.answer(storyId, first, 0, {}).isEmpty());
        QVERIFY(waitFinished(finished));
        const QString oldBranch = generator.story()->path.last();
        QCOMPARE(generator.story()->page(oldBranch)->answer, QStringLiteral("Follow the owl"));

        finished.clear();
        QVERIFY(generator.regenerate(storyId, first).isEmpty());
        QVERIFY(waitFinished(finished));
        std::shared_ptr<const Story::Story> story = generator.story();
        const Story::Page* page = story->page(first);
        QCOMPARE(page->previousVersions.size(), 1);
        QVERIFY(story->children(first).isEmpty()); // the new version has no branches yet
        QCOMPARE(story->childrenOfVersion(first, page->previousVersions.first().number).size(), 1);
        QCOMPARE(story->path, QStringList{first});

        // Answer 1 of the new version writes a new page; it never opens the old version's branch.
        const qsizetype requests = m_server->requests().size();
        finished.clear();
        QVERIFY(generator.answer(storyId, first, 0, {}).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(m_server->requests().size(), requests + 1);
        story = generator.story();
        const QString newBranch = story->path.last();
        QVERIFY(newBranch != oldBranch);
        QCOMPARE(story->page(newBranch)->parentVersion, story->page(first)->version);
        QCOMPARE(story->children(first).size(), 1);

        // The earlier version comes back with its branch; the newer one is kept.
        QVERIFY(generator.restoreVersion(storyId, first, 0).isEmpty());
        story = generator.story();
        QCOMPARE(story->children(first).size(), 1);
        QCOMPARE(story->children(first).first()->id, oldBranch);
        QCOMPARE(story->path, (QStringList{first, oldBranch}));
        QCOMPARE(story->page(first)->previousVersions.size(), 1);
        QCOMPARE(story->childrenOfVersion(first, story->page(first)->previousVersions.first().number).first()->id, newBranch);
        // And so it is on disk.
        const auto saved = library.load(storyId, nullptr);
        QVERIFY(saved);
        QCOMPARE(saved->path, story->path);
        QCOMPARE(saved->children(first).first()->id, oldBranch);
    }

    void rewritingPageOneKeepsTitleAndCast()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(waitFinished(finished));
        const QString storyId = generator.story()->id;
        QCOMPARE(generator.story()->cast.size(), 1);
        QVERIFY(generator.rename(storyId, QStringLiteral("Our Own Title")).isEmpty());
        finished.clear();
        QVERIFY(generator.regenerate(storyId, generator.story()->pages.first().id).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(generator.story()->title, QStringLiteral("Our Own Title"));
        QCOMPARE(generator.story()->cast.size(), 1);
        QCOMPARE(generator.story()->cast.first().name, QStringLiteral("Pip"));
    }

    void sloppyCastIsRepairedNotLost()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story-sloppy"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(waitFinished(finished));
        const std::shared_ptr<const Story::Story> story = generator.story();
        QCOMPARE(story->pages.first().state, Story::Page::State::Complete);
        QCOMPARE(story->cast.size(), 2);
        QCOMPARE(story->cast.at(0).name, QStringLiteral("Pip"));
        QCOMPARE(story->cast.at(0).look, QStringLiteral("a small fox with a blue scarf"));
        QCOMPARE(story->cast.at(1).name, QStringLiteral("Hoot"));
    }

    void cutShortPageIsADraft_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("code");
        QTest::newRow("length") << QStringLiteral("length") << QStringLiteral("length limit") << QStringLiteral("length");
        QTest::newRow("content_filter") << QStringLiteral("content_filter") << QStringLiteral("safety filter")
                                        << QStringLiteral("content-filter");
    }

    void cutShortPageIsADraft()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, reason);
        QFETCH(QString, code);
        Llm::LlmClient client(settingsFor(m_server->baseUrl(scenario)));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QSignalSpy failed(&generator, &Generation::StoryGenerator::failed);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(waitFinished(finished));
        QCOMPARE(failed.count(), 1);
        const Story::Page page = generator.story()->pages.first();
        QCOMPARE(page.state, Story::Page::State::Draft);
        QVERIFY(!page.text.isEmpty()); // what arrived is kept
        QCOMPARE(page.noteCode, code);
        QVERIFY2(Story::Story::draftReasonText(page).contains(reason), qPrintable(Story::Story::draftReasonText(page)));
        const auto error = failed.first().at(2).value<Llm::LlmError>();
        QVERIFY2(error.message.contains(reason), qPrintable(error.message));
        QVERIFY(!error.hint.isEmpty());
    }

    // An illustrated story: the cast's sheet first, then each page from its scene with the sheet as
    // the reference; the text never waits for a picture.
    void illustratedStoryPaintsSheetThenPages()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        Llm::LlmClient painter(settingsFor(m_server->baseUrl(QStringLiteral("ok"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        generator.setPictureClient(&painter);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QSignalSpy started(&generator, &Generation::StoryGenerator::pictureStarted);
        QSignalSpy idle(&generator, &Generation::StoryGenerator::picturesIdle);
        QSignalSpy failed(&generator, &Generation::StoryGenerator::pictureFailed);
        // A story with pictures is written off the GUI thread: when a picture is in the story, its
        // write is still on its way (the window did not wait for the disk).
        QList<bool> savingWhenPainted;
        connect(&generator, &Generation::StoryGenerator::picturePainted, this,
                [&] { savingWhenPainted.append(generator.isSaving()); });
        Story::StorySettings settings = idea();
        settings.pictures = true;
        settings.artStyle = QStringLiteral("crayon");
        QVERIFY(generator.startNew(settings).isEmpty());
        QVERIFY(waitFinished(finished));
        QVERIFY(idle.count() > 0 || idle.wait(20000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(started.count(), 2);
        QCOMPARE(savingWhenPainted, (QList<bool>{true, true}));
        QCOMPARE(started.at(0).at(1).toString(), QString()); // the sheet first
        const std::shared_ptr<const Story::Story> story = generator.story();
        const QString first = story->pages.first().id;
        QCOMPARE(started.at(1).at(1).toString(), first);
        QVERIFY(story->characterSheet);
        QVERIFY(story->pages.first().picture);
        const QByteArray sheet = story->assets.value(story->characterSheet->entry);
        const QByteArray picture = story->assets.value(story->pages.first().picture->entry);
        QVERIFY(sheet.startsWith("\x89PNG"));
        QVERIFY(picture.startsWith("\x89PNG"));
        QCOMPARE(story->pages.first().picture->mimeType, QStringLiteral("image/png"));
        QVERIFY(story->pages.first().picture->prompt.contains(Story::PicturePrompts::styleFragment(QStringLiteral("crayon"), QStringLiteral("en"))));

        // What the provider was asked: the sheet from the cast's looks, the page with the sheet as reference.
        QList<RecordedRequest> pictures;
        for (const RecordedRequest& r : m_server->requests()) {
            if (r.path.contains("/images/"))
                pictures.append(r);
        }
        QCOMPARE(pictures.size(), 2);
        QVERIFY(pictures.at(0).path.endsWith("/images/generations"));
        QVERIFY(pictures.at(0).body.contains("a small fox with a blue scarf"));
        QVERIFY(pictures.at(1).path.endsWith("/images/edits"));
        bool sentTheSheet = false;
        for (const RecordedPart& part : pictures.at(1).parts)
            sentTheSheet = sentTheSheet || part.body == sheet;
        QVERIFY(sentTheSheet);

        // Kept inside the one story file (written off the GUI thread: wait for the write).
        generator.waitForSaves();
        QVERIFY(!generator.isSaving());
        QString why;
        const auto saved = library.load(story->id, &why);
        QVERIFY2(saved, qPrintable(why));
        QCOMPARE(saved->assets.value(saved->pages.first().picture->entry), picture);

        // Painted again: the old picture stays until the new one is there, then its bytes go.
        const QString oldEntry = story->pages.first().picture->entry;
        idle.clear();
        QVERIFY(generator.paintPicture(story->id, first).isEmpty());
        QVERIFY(generator.isPainting(first));
        QCOMPARE(generator.story()->pages.first().picture->entry, oldEntry);
        QVERIFY(idle.wait(20000));
        const std::shared_ptr<const Story::Story> again = generator.story();
        QVERIFY(again->pages.first().picture->entry != oldEntry);
        QVERIFY(!again->assets.contains(oldEntry));
        QCOMPARE(again->assets.size(), 2);
    }

    void aRefusedPictureNeverFailsThePage()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("story"))));
        Llm::LlmClient painter(settingsFor(m_server->baseUrl(QStringLiteral("image-refused"))));
        Story::Library library(m_dir->path());
        Generation::StoryGenerator generator(&client, &library);
        generator.setPictureClient(&painter);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QSignalSpy failed(&generator, &Generation::StoryGenerator::failed);
        QSignalSpy pictureFailed(&generator, &Generation::StoryGenerator::pictureFailed);
        QSignalSpy idle(&generator, &Generation::StoryGenerator::picturesIdle);
        Story::StorySettings settings = idea();
        settings.pictures = true;
        QVERIFY(generator.startNew(settings).isEmpty());
        QVERIFY(waitFinished(finished));
        QVERIFY(idle.count() > 0 || idle.wait(20000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(generator.story()->pages.first().state, Story::Page::State::Complete);
        QVERIFY(!generator.story()->pages.first().picture);
        // The sheet was refused; the page was then tried without one, and refused too.
        QCOMPARE(pictureFailed.count(), 2);
        const auto error = pictureFailed.last().at(2).value<Llm::LlmError>();
        QCOMPARE(error.kind, Llm::LlmError::Kind::ContentRefused);
        QVERIFY(!error.message.isEmpty());
        QVERIFY(!error.hint.isEmpty());
    }

    void destroyedMidStreamSavesDraft()
    {
        Llm::LlmClient client(settingsFor(m_server->baseUrl(QStringLiteral("drip:40:200"))));
        Story::Library library(m_dir->path());
        QString storyId;
        {
            Generation::StoryGenerator generator(&client, &library);
            bool gotText = false;
            connect(&generator, &Generation::StoryGenerator::pageTextAppended, this, [&] { gotText = true; });
            QVERIFY(generator.startNew(idea()).isEmpty());
            storyId = generator.story()->id;
            QTRY_VERIFY_WITH_TIMEOUT(gotText, 5000);
        }
        const auto saved = library.load(storyId, nullptr);
        QVERIFY(saved);
        QCOMPARE(saved->pages.first().state, Story::Page::State::Draft);
        QVERIFY(!saved->pages.first().text.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoryGenerator)
#include "tst_storygenerator.moc"
