// What a first page that fails before its first word leaves in the library (issue 18: no
// "(empty page)" stories left behind): the generator keeps the story while it is open (the page can
// be tried again), the library knows it as blank and removes it once another story is open.
#include "fakeopenaiserver.h"
#include "library.h"
#include "llmclient.h"
#include "storygenerator.h"

#include <QFile>
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

Story::StorySettings idea()
{
    Story::StorySettings settings;
    settings.idea = QStringLiteral("a fox who finds a lantern");
    settings.pageCount = 3;
    settings.language = QStringLiteral("en");
    return settings;
}
} // namespace

class TestBlankStory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void failedFirstPageLeavesNoStory_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("server error") << QStringLiteral("status:500");
        QTest::newRow("connection reset") << QStringLiteral("reset");
    }

    void failedFirstPageLeavesNoStory()
    {
        QFETCH(QString, scenario);
        FakeOpenAiServer server;
        QVERIFY(server.listen());
        QTemporaryDir dir;
        Llm::LlmClient client(settingsFor(server.baseUrl(scenario)));
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        Generation::StoryGenerator generator(&client, &library);
        QSignalSpy finished(&generator, &Generation::StoryGenerator::finished);
        QSignalSpy failed(&generator, &Generation::StoryGenerator::failed);
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(finished.count() > 0 || finished.wait(20000));
        QCOMPARE(failed.count(), 1);
        const QString failedId = generator.story()->id;

        // On disk while open (it may be tried again), known as blank.
        QVERIFY(QFile::exists(library.filePath(failedId)));
        QVERIFY(library.record(failedId));
        QVERIFY(library.record(failedId)->blank);
        QVERIFY(library.dropBlank(failedId).isEmpty()); // the open one stays

        // The parent starts another story, which works: the blank one goes.
        client.setSettings(settingsFor(server.baseUrl(QStringLiteral("story"))));
        finished.clear();
        QVERIFY(generator.startNew(idea()).isEmpty());
        QVERIFY(finished.count() > 0 || finished.wait(20000));
        const QString goodId = generator.story()->id;
        QVERIFY(goodId != failedId);
        QVERIFY(!library.record(goodId)->blank);
        QCOMPARE(library.dropBlank(goodId), QStringList{failedId});
        QVERIFY(!QFile::exists(library.filePath(failedId)));
        Story::Library fresh(dir.path());
        QVERIFY(fresh.reload().isEmpty());
        QCOMPARE(fresh.records().size(), 1);
        QCOMPARE(fresh.records().first().id, goodId);
    }
};

QTEST_MAIN(TestBlankStory)
#include "tst_blankstory.moc"
