// storybook-cli story narrate end to end (issue 16): the real binary writes a story against the fake
// server, narrates it through the fake speech provider, and the story file holds the narration
// afterwards; the exit codes of 401 and 429 are speak's, and the parts spoken before a failure stay.
#include "clirun.h"
#include "fakeopenaiserver.h"
#include "fakespeech.h"
#include "storyfile.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Storybook;
using namespace Storybook::Test;

namespace {
const QString TextKey = QStringLiteral("sk-text-SECRETKEY-1111");
const QString SpeechKey = QStringLiteral("sk-speech-SECRETKEY-2222");
} // namespace

class TestCliNarrate final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir* m_home = nullptr;

    QString library() const { return m_home->filePath(QStringLiteral("library")); }

    CliRun run(QStringList arguments, const QString& scenario, const QString& model)
    {
        QProcessEnvironment env = cliEnvironment(m_home->path(), TextKey);
        env.insert(QStringLiteral("STORYBOOK_SPEECH_API_KEY"), SpeechKey);
        arguments.prepend(QStringLiteral("story"));
        arguments << QStringLiteral("--library") << library() << QStringLiteral("--base-url") << m_server->baseUrl(scenario).toString()
                  << QStringLiteral("--model") << model << QStringLiteral("--proxy") << QStringLiteral("none")
                  << QStringLiteral("--retries") << QStringLiteral("0");
        return runCli(QStringLiteral(STORYBOOK_CLI_PATH), arguments, env);
    }

    CliRun narrate(const QString& id, const QStringList& extra, const QString& scenario = QStringLiteral("ok"))
    {
        return run(QStringList{QStringLiteral("narrate"), id, QStringLiteral("--format"), QStringLiteral("wav")} + extra, scenario,
                   QStringLiteral("gpt-4o-mini-tts"));
    }

    QString newStory()
    {
        const CliRun r = run({QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("3"), QStringLiteral("a fox who finds a lantern")},
                             QStringLiteral("story"), QStringLiteral("fake-small"));
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        const QByteArray last = lines.isEmpty() ? QByteArray() : lines.constLast();
        return r.exitCode == 0 && last.startsWith("story: ") ? QString::fromUtf8(last.mid(7)) : QString();
    }

    std::optional<Story::Story> storyFile(const QString& id) const
    {
        for (const QFileInfo& info : QDir(library()).entryInfoList({QStringLiteral("*.storybook")}, QDir::Files)) {
            QString why;
            auto story = Story::StoryFile::read(info.filePath(), Story::StoryFile::Parts::Everything, &why);
            if (story && story->id == id)
                return story;
        }
        return std::nullopt;
    }

    int speechRequests() const
    {
        int count = 0;
        for (const RecordedRequest& r : m_server->requests())
            count += r.path.endsWith("/audio/speech") ? 1 : 0;
        return count;
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        m_home = new QTemporaryDir;
        QVERIFY(m_home->isValid());
    }

    void cleanup()
    {
        delete m_server;
        delete m_home;
    }

    void narrateKeepsTheVoiceInTheStory()
    {
        const QString id = newStory();
        QVERIFY(!id.isEmpty());
        m_server->clearRequests();
        const CliRun r = narrate(id, {QStringLiteral("--voice"), QStringLiteral("coral")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out.trimmed()), QStringLiteral("story: ") + id);
        QVERIFY2(r.err.contains("Narrating page 1 of 1"), r.err.constData());
        QVERIFY2(r.err.contains("spoken: Pip the fox carried the lantern into the quiet forest."), r.err.constData());
        QVERIFY(!r.err.contains(SpeechKey.toUtf8()) && !r.out.contains(SpeechKey.toUtf8()));
        // The speech key went to the speech provider.
        for (const RecordedRequest& request : m_server->requests())
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer " + SpeechKey.toUtf8()));

        const auto story = storyFile(id);
        QVERIFY(story);
        const Story::Page& page = story->pages.first();
        QVERIFY(page.narration);
        QCOMPARE(page.narration->voice, QStringLiteral("coral"));
        const QStringList texts{QStringLiteral("Pip the fox carried the lantern into the quiet forest."), QStringLiteral("Where should Pip go next?"),
                                QStringLiteral("Follow the owl"), QStringLiteral("Cross the bridge")};
        for (const QString& text : texts) {
            const Story::NarrationClip* clip = page.narration->clipFor(text);
            QVERIFY2(clip, qPrintable(text));
            QCOMPARE(clip->mimeType, QStringLiteral("audio/wav"));
            QCOMPARE(story->assets.value(clip->entry), FakeSpeech::wav(FakeSpeech::pcm(qint64(text.size()) * FakeSpeech::MsPerCharacter)));
            QCOMPARE(clip->durationMs, qint64(text.size()) * FakeSpeech::MsPerCharacter);
        }
        const int requests = speechRequests();
        QCOMPARE(requests, page.narration->clips.size());

        // Again: nothing is missing, so nothing is asked for.
        const CliRun nothing = narrate(id, {});
        QCOMPARE(nothing.exitCode, 0);
        QVERIFY2(nothing.err.contains("narrated already"), nothing.err.constData());
        QCOMPARE(speechRequests(), requests);
        // --again --page 1 speaks every part anew.
        const CliRun again = narrate(id, {QStringLiteral("--again"), QStringLiteral("--page"), QStringLiteral("1")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(speechRequests(), 2 * requests);
        QCOMPARE(storyFile(id)->pages.first().narration->clips.size(), requests);
    }

    void exitCodesOfTheFailures_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("category");
        QTest::newRow("401") << "status:401" << 5 << "rejected the api key";
        QTest::newRow("429 no credit") << "speech-no-credit" << 5 << "";
    }
    void exitCodesOfTheFailures()
    {
        QFETCH(QString, scenario);
        QFETCH(int, exitCode);
        QFETCH(QString, category);
        const QString id = newStory();
        QVERIFY(!id.isEmpty());
        const CliRun r = narrate(id, {}, scenario);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains("error: "), r.err.constData());
        if (!category.isEmpty())
            QVERIFY2(r.err.toLower().contains(category.toUtf8()), r.err.constData());
        // Said once: the parts after a wrong key or no credit are not sent.
        // (Qt 6.4 may add "QNetworkReplyImplPrivate::error: Internal problem..." when the request on
        // its way is aborted after an error: a warning of Qt's own, not one of ours.)
        qsizetype errors = 0;
        for (const QByteArray& line : r.err.split('\n'))
            errors += line.startsWith("error: ") ? 1 : 0;
        QVERIFY2(errors == 1, r.err.constData());
        QVERIFY(!r.err.contains(SpeechKey.toUtf8()));
        const auto story = storyFile(id);
        QVERIFY(story);
        QVERIFY(!story->pages.first().narration);
    }

    void oneFailedSentenceKeepsTheOthers()
    {
        const QString id = newStory();
        QVERIFY(!id.isEmpty());
        const CliRun r = narrate(id, {}, QStringLiteral("flaky:1:429"));
        QCOMPARE(r.exitCode, 5);
        // Which part the server answered first is the network's choice (two are on their way at once).
        static const QRegularExpression notSpoken(QStringLiteral("not spoken: ([^\n]+)\n"));
        const QRegularExpressionMatch failed = notSpoken.match(QString::fromUtf8(r.err));
        QVERIFY2(failed.hasMatch(), r.err.constData());
        const auto story = storyFile(id);
        QVERIFY(story && story->pages.first().narration);
        const qsizetype kept = story->pages.first().narration->clips.size();
        QCOMPARE(kept, speechRequests() - 1); // every other part
        QVERIFY(!story->pages.first().narration->clipFor(failed.captured(1)));
        // Run again: only the missing sentence is asked for.
        m_server->clearRequests();
        const CliRun again = narrate(id, {}, QStringLiteral("flaky:1:429"));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(speechRequests(), 1);
        QCOMPARE(storyFile(id)->pages.first().narration->clips.size(), kept + 1);
    }

    void usageErrors()
    {
        const QString id = newStory();
        QVERIFY(!id.isEmpty());
        QCOMPARE(narrate(id, {QStringLiteral("--page"), QStringLiteral("9")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("narrate")}, QStringLiteral("ok"), QStringLiteral("tts-1")).exitCode, 2);
        QCOMPARE(run({QStringLiteral("narrate"), id, QStringLiteral("--format"), QStringLiteral("ogg-vorbis")}, QStringLiteral("ok"),
                     QStringLiteral("tts-1")).exitCode,
                 2);
        QCOMPARE(narrate(QStringLiteral("no-such-story"), {}).exitCode, 2);
        QCOMPARE(speechRequests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliNarrate)
#include "tst_cli_narrate.moc"
