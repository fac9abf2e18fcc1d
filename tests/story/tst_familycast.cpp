#include "familycast.h"
#include "promptbuilder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;

class TestFamilyCast final : public QObject
{
    Q_OBJECT

private:
    static Story::Story storyWithSheet()
    {
        Story::Story story;
        story.id = Story::Story::newId();
        story.title = QStringLiteral("Poppy and the lantern");
        story.cast = {{QStringLiteral("Poppy"), QStringLiteral("a fox with a blue scarf"), {}},
                      {QStringLiteral("Luna"), QStringLiteral("a grey owl"), {}}};
        Story::Picture sheet;
        sheet.entry = QStringLiteral("pictures/sheet.png");
        sheet.mimeType = QStringLiteral("image/png");
        story.characterSheet = sheet;
        story.assets.insert(sheet.entry, QByteArray("\x89PNG\r\n\x1a\nnot really", 18));
        return story;
    }

private Q_SLOTS:
    // A story's cast member saved with its look and sheet, read back, found by name; saving the same name again
    // replaces it.
    void saveFromStoryAndReadBack()
    {
        QTemporaryDir dir;
        const QString path = Story::FamilyCast::pathBeside(dir.filePath(QStringLiteral("Stories")));
        QCOMPARE(path, dir.filePath(QStringLiteral("family-cast.json")));
        const Story::Story story = storyWithSheet();
        QVERIFY(!Story::FamilyCharacter::fromStory(story, QStringLiteral("Nobody")));
        Story::FamilyCharacter poppy = Story::FamilyCharacter::fromStory(story, QStringLiteral("poppy")).value();
        QCOMPARE(poppy.look, QStringLiteral("a fox with a blue scarf"));
        QCOMPARE(poppy.picture, story.assets.value(QStringLiteral("pictures/sheet.png")));
        Story::FamilyCast cast(path);
        QCOMPARE(cast.load(), QString());
        QCOMPARE(cast.save(poppy), QString());
        QVERIFY(!poppy.id.isEmpty());

        Story::FamilyCast again(path);
        QCOMPARE(again.load(), QString());
        QCOMPARE(again.characters().size(), 1);
        const Story::FamilyCharacter read = again.find(QStringLiteral("POPPY")).value();
        QCOMPARE(read.id, poppy.id);
        QCOMPARE(read.look, poppy.look);
        QCOMPARE(read.picture, poppy.picture);
        QCOMPARE(read.pictureMime, QStringLiteral("image/png"));
        QCOMPARE(read.storyTitle, story.title);

        Story::FamilyCharacter newer{{}, QStringLiteral("Poppy"), QStringLiteral("a fox with a red scarf"), {}, {}, {}, {}};
        QCOMPARE(again.save(newer), QString());
        QCOMPARE(newer.id, poppy.id);
        QCOMPARE(again.characters().size(), 1);
        QCOMPARE(again.characters().first().look, QStringLiteral("a fox with a red scarf"));
        QCOMPARE(again.remove(poppy.id), QString());
        QVERIFY(!again.remove(poppy.id).isEmpty());
        QVERIFY(again.characters().isEmpty());
    }

    void damagedFileIsKeptAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("family-cast.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"format\": \"storybook-family-cast\", \"items\": [{\"name\": \"Pop");
        }
        Story::FamilyCast cast(path);
        QVERIFY(!cast.load().isEmpty());
        QVERIFY(cast.characters().isEmpty());
        Story::FamilyCharacter c{{}, QStringLiteral("Luna"), QStringLiteral("a grey owl"), {}, {}, {}, {}};
        QCOMPARE(cast.save(c), QString());
        QVERIFY(QFile::exists(path + QStringLiteral(".damaged")));
        Story::FamilyCast again(path);
        QCOMPARE(again.load(), QString());
        QCOMPARE(again.characters().size(), 1);
    }

    // Picked characters: their looks go into the first prompt (quoted) and the story keeps them (chosen_cast).
    void pickedCharactersInPromptAndStory()
    {
        Story::FamilyCharacter poppy{QStringLiteral("id1"), QStringLiteral("Poppy"), QStringLiteral("a fox with a blue scarf"), {}, {}, {}, {}};
        Story::StorySettings settings;
        settings.idea = QStringLiteral("a lantern");
        settings.chosenCast = {poppy.asCastMember()};
        const Story::Prompt prompt = Story::PromptBuilder().firstPage(settings);
        QVERIFY2(prompt.user.contains(QLatin1String("\"Poppy\" (\"a fox with a blue scarf\")")), qPrintable(prompt.user));
        Story::Story story;
        story.id = Story::Story::newId();
        story.settings = settings;
        story.settings.hero = {QStringLiteral("p"), QStringLiteral("Mia"), QStringLiteral("5"), {}, {QStringLiteral("foxes")}, {}};
        story.settings.readingLevel = QStringLiteral("early-reader");
        QString whyNot;
        const auto read = Story::Story::fromJsonData(story.toJsonData(), &whyNot);
        QVERIFY2(read, qPrintable(whyNot));
        QCOMPARE(read->settings.chosenCast.size(), 1);
        QCOMPARE(read->settings.chosenCast.first().look, poppy.look);
        QCOMPARE(read->settings.hero.name, QStringLiteral("Mia"));
        QCOMPARE(read->settings.hero.favourites, QStringList{QStringLiteral("foxes")});
        QCOMPARE(read->settings.readingLevel, QStringLiteral("early-reader"));
        QVERIFY(read->settings.extra.isEmpty());
        // A story without them writes none of the new fields.
        Story::Story plain;
        plain.id = Story::Story::newId();
        const QByteArray json = plain.toJsonData();
        QVERIFY(!json.contains("\"hero\"") && !json.contains("reading_level") && !json.contains("chosen_cast"));
    }
};

QTEST_GUILESS_MAIN(TestFamilyCast)
#include "tst_familycast.moc"
