// What a picture provider is asked to paint: the art style per language, the cast's looks on every
// page, the scene, the rules for a child's book; typed text inserted as it is.
#include "pictureprompts.h"
#include "storytesthelpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Storybook;

class TestPicturePrompts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStyleHasAFragmentInBothLanguages()
    {
        const QList<Story::ArtStyle> styles = Story::PicturePrompts::artStyles();
        QCOMPARE(styles.size(), 7);
        QSet<QString> fragments;
        for (const Story::ArtStyle& style : styles) {
            for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh")}) {
                QVERIFY(QFile::exists(QStringLiteral(":/art-styles/%1_%2.txt").arg(style.id, lang)));
                const QString fragment = Story::PicturePrompts::styleFragment(style.id, lang);
                QVERIFY2(fragment.size() > 20, qPrintable(style.id));
                QVERIFY(!fragment.contains(QLatin1String("{{")));
                fragments.insert(fragment);
                if (lang == QLatin1String("zh"))
                    QVERIFY2(fragment.contains(QRegularExpression(QStringLiteral("\\p{Han}"))), qPrintable(style.id));
            }
        }
        QCOMPARE(fragments.size(), styles.size() * 2); // no two alike
        // No file without a style (a fragment nobody can choose).
        QCOMPARE(QDir(QStringLiteral(":/art-styles")).entryList(QDir::Files).size(), styles.size() * 2);
        QCOMPARE(Story::PicturePrompts::styleFragment(QStringLiteral("no-such-style"), QStringLiteral("en")),
                 Story::PicturePrompts::styleFragment(styles.first().id, QStringLiteral("en")));
    }

    void pagePromptCarriesStyleCastAndScene_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("rule");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("nothing frightening");
        QTest::newRow("zh") << QStringLiteral("zh") << QStringLiteral("不要任何吓人");
    }

    void pagePromptCarriesStyleCastAndScene()
    {
        QFETCH(QString, language);
        QFETCH(QString, rule);
        Story::Story story = Test::sampleStory(language);
        story.settings.artStyle = QStringLiteral("paper-cut");
        story.cast.append({QStringLiteral("Hoot"), QStringLiteral("an old grey owl"), {}});
        const QString prompt = Story::PicturePrompts::page(story, story.pages.first());
        QVERIFY2(prompt.contains(Story::PicturePrompts::styleFragment(QStringLiteral("paper-cut"), language)), qPrintable(prompt));
        QVERIFY(prompt.contains(QStringLiteral("a small fox with a blue scarf")));
        QVERIFY(prompt.contains(QStringLiteral("an old grey owl")));
        QVERIFY(prompt.contains(story.pages.first().scene));
        QVERIFY(prompt.contains(rule));
        QVERIFY(!prompt.contains(QLatin1String("{{")));
        // Every page gets the same words for the cast, so a provider without references keeps them alike.
        const QString other = Story::PicturePrompts::page(story, story.pages.last());
        QVERIFY(other.contains(Story::PicturePrompts::castLine(story)));

        const QString sheet = Story::PicturePrompts::characterSheet(story);
        QVERIFY(sheet.contains(Story::PicturePrompts::castLine(story)));
        QVERIFY(sheet.contains(Story::PicturePrompts::styleFragment(QStringLiteral("paper-cut"), language)));
        QVERIFY(!sheet.contains(QLatin1String("{{")));
    }

    void sceneFallsBackToTheText()
    {
        Story::Story story = Test::sampleStory();
        story.pages[0].scene.clear();
        QVERIFY(Story::PicturePrompts::page(story, story.pages.first()).contains(story.pages.first().text));
    }

    // Placeholders typed into a look, a name or a scene reach the provider as typed.
    void typedPlaceholdersStayAsTyped()
    {
        Story::Story story = Test::sampleStory();
        story.cast = {{QStringLiteral("{{style}}"), QStringLiteral("wears a {{cast}} badge"), {}}};
        story.pages[0].scene = QStringLiteral("a sign that says {{scene}} and {{age}}");
        const QString prompt = Story::PicturePrompts::page(story, story.pages.first());
        QVERIFY(prompt.contains(QStringLiteral("{{style}}: wears a {{cast}} badge")));
        QVERIFY(prompt.contains(QStringLiteral("a sign that says {{scene}} and {{age}}")));
    }
};

QTEST_GUILESS_MAIN(TestPicturePrompts)
#include "tst_pictureprompts.moc"
