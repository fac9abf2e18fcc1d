#include "story.h"
#include "storytesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTranslator>

using namespace Storybook;

class TestStory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeAndPath()
    {
        Story::Story story = Test::sampleStory();
        QCOMPARE(story.pages.size(), 4);
        QCOMPARE(story.path.size(), 3);
        QVERIFY(story.isFinished());
        const Story::Page* first = story.firstPage();
        QCOMPARE(story.children(first->id).size(), 2);
        // Going back to a page on the path keeps the branch below it.
        const QStringList before = story.path;
        story.goTo(first->id);
        QCOMPARE(story.path, before);
        // Choosing the other branch keeps both.
        const QString other = story.children(first->id).at(0)->id;
        story.goTo(other);
        QCOMPARE(story.path, (QStringList{first->id, other}));
        QCOMPARE(story.depth(other), 2);
        QVERIFY(!story.isFinished());
        QCOMPARE(story.pages.size(), 4);
    }

    void editsByHand()
    {
        Story::Story story = Test::sampleStory();
        const QString id = story.path.at(1);
        QVERIFY(story.setPageText(id, QStringLiteral("Pip and the owl flew home.")));
        QCOMPARE(story.page(id)->previousVersions.size(), 1);
        QCOMPARE(story.page(id)->previousVersions.first().text, QStringLiteral("Pip followed the owl."));
        // An edit by hand keeps the question, so the earlier text keeps the same version number.
        QCOMPARE(story.page(id)->previousVersions.first().number, story.page(id)->version);
        QVERIFY(story.page(id)->editedByHand);
        QVERIFY(story.setEnding(id, true));
        QVERIFY(story.page(id)->ending);
        QVERIFY(!story.page(id)->interaction);
        QVERIFY(!story.setPageText(QStringLiteral("nope"), QString()));
        story.pages.first().state = Story::Page::State::Draft;
        QVERIFY(story.setPageText(story.pages.first().id, QStringLiteral("Written by a parent.")));
        QCOMPARE(story.pages.first().state, Story::Page::State::Complete);
    }

    void parentCycleIsRefused()
    {
        Story::Story story = Test::sampleStory();
        QVERIFY(story.pages.size() >= 3);
        // p0 ← p1 ← p2 and then p0's parent made p2: a circle with no first page on it.
        story.pages[1].parentId = story.pages[0].id;
        story.pages[2].parentId = story.pages[1].id;
        story.pages[0].parentId = story.pages[2].id;
        QString why;
        QVERIFY(!Story::Story::fromFileData(story.toFileData(), &why));
        QVERIFY2(why.contains(QLatin1String("circle")), qPrintable(why));
        // A page that is its own parent, too.
        story = Test::sampleStory();
        story.pages[1].parentId = story.pages[1].id;
        QVERIFY(!Story::Story::fromFileData(story.toFileData(), &why));
        QVERIFY(Story::Story::fromFileData(Test::sampleStory().toFileData(), &why));
    }

    void formatOneVersionsAreRead()
    {
        const Story::Story original = Test::sampleStory();
        QJsonObject json = original.toJson();
        json.insert(QLatin1String("version"), 1);
        QJsonArray pages = json.value(QLatin1String("pages")).toArray();
        QJsonObject second = pages.at(1).toObject();
        second.remove(QLatin1String("parent_version"));
        second.insert(QLatin1String("previous_versions"), QJsonArray{QStringLiteral("An older text.")});
        pages[1] = second;
        json.insert(QLatin1String("pages"), pages);
        QString why;
        const auto story = Story::Story::fromJson(json, &why);
        QVERIFY2(story, qPrintable(why));
        const Story::Page& page = story->pages.at(1);
        QCOMPARE(page.previousVersions.size(), 1);
        QCOMPARE(page.previousVersions.first().text, QStringLiteral("An older text."));
        QCOMPARE(page.previousVersions.first().number, page.version);
        const QString first = original.pages.at(0).id;
        QCOMPARE(story->children(first).size(), original.children(first).size());
        QVERIFY(!story->children(first).isEmpty());
    }

    void roundTrip()
    {
        Story::Story story = Test::sampleStory(QStringLiteral("zh"));
        story.pages[1].state = Story::Page::State::Draft;
        story.pages[1].note = QStringLiteral("The connection was cut.");
        Story::PageVersion earlier;
        earlier.number = 0;
        earlier.text = QStringLiteral("old text");
        earlier.interaction = Story::Interaction{Story::Interaction::Kind::Guess, QStringLiteral("Who?"), {QStringLiteral("A"), QStringLiteral("B")}, {}};
        earlier.replaced = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        story.pages[1].previousVersions = {earlier};
        story.pages[1].version = 1;
        story.titleByHand = true;
        story.pages[1].rawText = QStringLiteral("raw");
        story.pages[1].editedByHand = true;
        QString why;
        const auto back = Story::Story::fromFileData(story.toFileData(), &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->toJson(), story.toJson());
        QCOMPARE(back->pages[1].state, Story::Page::State::Draft);
        QCOMPARE(back->cast.size(), 1);
        QCOMPARE(back->path, story.path);
    }

    void draftReasonCodesRoundTrip()
    {
        Story::Story story = Test::sampleStory();
        Story::Story::setDraftReason(story.pages[1], QStringLiteral("timeout:idle-timeout"));
        QCOMPARE(story.pages[1].state, Story::Page::State::Draft);
        QCOMPARE(story.pages[1].noteCode, QStringLiteral("timeout:idle-timeout"));
        // The English sentence is kept beside the code, for an app from before codes.
        QCOMPARE(story.pages[1].note, QStringLiteral("The story writer took too long to answer."));
        const QJsonObject pageJson = story.toJson().value(QLatin1String("pages")).toArray().at(1).toObject();
        QCOMPARE(pageJson.value(QLatin1String("note_code")).toString(), QStringLiteral("timeout:idle-timeout"));
        QVERIFY(!pageJson.contains(QLatin1String("extra")));
        QString why;
        const auto back = Story::Story::fromJsonData(story.toJsonData(), &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->pages[1].noteCode, QStringLiteral("timeout:idle-timeout"));
        QVERIFY(back->pages[1].extra.isEmpty());
        QCOMPARE(Story::Story::draftReasonText(back->pages[1]), QStringLiteral("The story writer took too long to answer."));
    }

    void draftReasonsAreShownInTheInterfacesLanguage()
    {
        Story::Story story = Test::sampleStory(QStringLiteral("en"));
        Story::Page& page = story.pages[1];
        Story::Story::setDraftReason(page, QStringLiteral("stopped"));
        QTranslator chinese;
        QVERIFY(chinese.load(QStringLiteral(":/i18n/storybook_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&chinese));
        QCOMPARE(Story::Story::draftReasonText(page), QStringLiteral("这一页还没写完，写作就被停止了。"));
        // A category's other kinds share its words.
        Story::Story::setDraftReason(page, QStringLiteral("network:connection-refused"));
        QCOMPARE(Story::Story::draftReasonText(page), QStringLiteral("无法通过网络连接到写故事的服务。"));
        // In the story's language (the exports), whatever the interface's.
        QCOMPARE(Story::Story::draftReasonText(page, QStringLiteral("en")),
                 QStringLiteral("The story writer could not be reached over the network."));
        QVERIFY(QCoreApplication::removeTranslator(&chinese));
        QCOMPARE(Story::Story::draftReasonText(page), QStringLiteral("The story writer could not be reached over the network."));
        QCOMPARE(Story::Story::draftReasonText(page, QStringLiteral("zh")), QStringLiteral("无法通过网络连接到写故事的服务。"));
    }

    void oldFreeTextNotesAndUnknownCodesStillShow()
    {
        // A file from before codes: only a human sentence.
        Story::Story story = Test::sampleStory();
        QJsonObject json = story.toJson();
        QJsonArray pages = json.value(QLatin1String("pages")).toArray();
        QJsonObject old = pages.at(1).toObject();
        old.insert(QLatin1String("state"), QLatin1String("draft"));
        old.insert(QLatin1String("note"), QStringLiteral("连接断开了。"));
        pages[1] = old;
        // A newer app's code this version does not know, with its English note.
        QJsonObject newer = pages.at(2).toObject();
        newer.insert(QLatin1String("state"), QLatin1String("draft"));
        newer.insert(QLatin1String("note_code"), QLatin1String("moon-too-bright"));
        newer.insert(QLatin1String("note"), QLatin1String("The moon was too bright."));
        pages[2] = newer;
        json.insert(QLatin1String("pages"), pages);
        QString why;
        const auto back = Story::Story::fromJson(json, &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->pages[1].noteCode, QString());
        QCOMPARE(Story::Story::draftReasonText(back->pages[1]), QStringLiteral("连接断开了。"));
        QCOMPARE(Story::Story::draftReasonText(back->pages[1], QStringLiteral("en")), QStringLiteral("连接断开了。"));
        QCOMPARE(Story::Story::draftReasonText(back->pages[2]), QStringLiteral("The moon was too bright."));
        // Both kept when saved again.
        const QJsonObject saved = back->toJson().value(QLatin1String("pages")).toArray().at(2).toObject();
        QCOMPARE(saved.value(QLatin1String("note_code")).toString(), QStringLiteral("moon-too-bright"));
        QCOMPARE(saved.value(QLatin1String("note")).toString(), QStringLiteral("The moon was too bright."));
    }

    void namingACharacterRenamesTheCast()
    {
        Story::Story story = Test::sampleStory();
        story.cast.append({QStringLiteral("the owl"), QStringLiteral("a grey owl with round glasses"), {}});
        QVERIFY(story.nameCharacter(QStringLiteral("The Owl"), QStringLiteral("  Luna ")));
        QCOMPARE(story.cast.size(), 2);
        QCOMPARE(story.cast.at(1).name, QStringLiteral("Luna"));
        QCOMPARE(story.cast.at(1).look, QStringLiteral("a grey owl with round glasses"));
        // Named again on another branch: the question still says "the owl"; the same member is renamed.
        QVERIFY(story.nameCharacter(QStringLiteral("the owl"), QStringLiteral("Hoot")));
        QCOMPARE(story.cast.size(), 2);
        QCOMPARE(story.cast.at(1).name, QStringLiteral("Hoot"));
        // A character the cast does not hold yet joins it, described by what the question called it.
        QVERIFY(story.nameCharacter(QStringLiteral("the little dragon"), QStringLiteral("Sparky")));
        QCOMPARE(story.cast.size(), 3);
        QCOMPARE(story.cast.at(2).name, QStringLiteral("Sparky"));
        QCOMPARE(story.cast.at(2).look, QStringLiteral("the little dragon"));
        QVERIFY(!story.nameCharacter(QStringLiteral("the owl"), QStringLiteral("   ")));
        // The names survive a save.
        QString why;
        auto back = Story::Story::fromJsonData(story.toJsonData(), &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->cast.at(1).name, QStringLiteral("Hoot"));
        QVERIFY(back->nameCharacter(QStringLiteral("the owl"), QStringLiteral("Luna")));
        QCOMPARE(back->cast.at(1).name, QStringLiteral("Luna"));
    }

    void interactionAboutAndSolutionRoundTrip()
    {
        Story::Story story = Test::sampleStory();
        story.pages[1].interaction->about = QStringLiteral("the troll");
        story.pages[1].interaction->solution = QStringLiteral("A fish");
        QString why;
        const auto back = Story::Story::fromJsonData(story.toJsonData(), &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->pages[1].interaction->about, QStringLiteral("the troll"));
        QCOMPARE(back->pages[1].interaction->solution, QStringLiteral("A fish"));
        QVERIFY(back->pages[1].interaction->extra.isEmpty());
    }

    void unknownFieldsArePreserved()
    {
        const Story::Story original = Test::sampleStory();
        QJsonObject json = original.toJson();
        json.insert(QLatin1String("illustrations"), QJsonArray{QStringLiteral("a.png")});
        json.insert(QLatin1String("version"), 7);
        QJsonObject settings = json.value(QLatin1String("settings")).toObject();
        settings.insert(QLatin1String("voice"), QStringLiteral("alto"));
        json.insert(QLatin1String("settings"), settings);
        QJsonArray pages = json.value(QLatin1String("pages")).toArray();
        QJsonObject page = pages.at(0).toObject();
        page.insert(QLatin1String("image"), QStringLiteral("p1.png"));
        pages.replace(0, page);
        json.insert(QLatin1String("pages"), pages);
        QString why;
        const auto story = Story::Story::fromJson(json, &why);
        QVERIFY2(story, qPrintable(why));
        const QJsonObject again = story->toJson();
        QCOMPARE(again.value(QLatin1String("illustrations")).toArray().size(), 1);
        QCOMPARE(again.value(QLatin1String("version")).toInt(), 7); // a newer file keeps its version
        QCOMPARE(again.value(QLatin1String("settings")).toObject().value(QLatin1String("voice")).toString(), QStringLiteral("alto"));
        QCOMPARE(again.value(QLatin1String("pages")).toArray().at(0).toObject().value(QLatin1String("image")).toString(),
                 QStringLiteral("p1.png"));
    }

    void streamingPageBecomesDraftOnLoad()
    {
        Story::Story story = Test::sampleStory();
        story.pages.last().state = Story::Page::State::Streaming;
        const auto back = Story::Story::fromFileData(story.toFileData(), nullptr);
        QCOMPARE(back->pages.last().state, Story::Page::State::Draft);
    }

    void rejectsForeignAndBroken_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not-json") << QByteArray("hello");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("other-format") << QByteArray(R"({"format":"something-else","version":1,"id":"x"})");
        QTest::newRow("no-version") << QByteArray(R"({"format":"interactive-storybook","id":"x"})");
        QTest::newRow("no-id") << QByteArray(R"({"format":"interactive-storybook","version":1})");
        QTest::newRow("missing-parent") << QByteArray(R"({"format":"interactive-storybook","version":1,"id":"x","pages":[{"id":"a","parent":"zz"}]})");
        QTest::newRow("duplicate-ids") << QByteArray(R"({"format":"interactive-storybook","version":1,"id":"x","pages":[{"id":"a"},{"id":"a"}]})");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4);
    }

    void rejectsForeignAndBroken()
    {
        QFETCH(QByteArray, data);
        QString why;
        QVERIFY(!Story::Story::fromFileData(data, &why));
        QVERIFY(!why.isEmpty());
    }

    void twoPageCycleIsRefused()
    {
        const QByteArray data = R"({"format":"interactive-storybook","version":1,"id":"x","pages":[{"id":"a","parent":"b"},{"id":"b","parent":"a"}]})";
        QString why;
        QVERIFY(!Story::Story::fromFileData(data, &why));
        QVERIFY2(why.contains(QLatin1String("circle")), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestStory)
#include "tst_story.moc"
