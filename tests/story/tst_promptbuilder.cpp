#include "promptbuilder.h"
#include "storytesthelpers.h"

#include <QTest>

using namespace Storybook;

class TestPromptBuilder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstPagePerLanguage()
    {
        Story::StorySettings settings;
        settings.idea = QStringLiteral("a shy dragon");
        settings.ageBand = QStringLiteral("3-5");
        settings.pageCount = 6;
        settings.style = QStringLiteral("rhyming");
        const Story::Prompt en = Story::PromptBuilder().firstPage(settings);
        QVERIFY(en.system.contains(QLatin1String("aged 3-5")));
        QVERIFY(en.system.contains(QLatin1String("Write in English")));
        QVERIFY(en.system.contains(QLatin1String("\"interaction\"")));
        QVERIFY(en.user.contains(QLatin1String("a shy dragon")));
        QVERIFY(en.user.contains(QLatin1String("page 1 of 6")));
        QVERIFY(en.user.contains(QLatin1String("Style: rhyming")));
        QVERIFY(!en.user.contains(QLatin1String("{{")));
        QVERIFY(!en.lastPage);
        settings.language = QStringLiteral("zh");
        const Story::Prompt zh = Story::PromptBuilder().firstPage(settings);
        QVERIFY(zh.system.contains(QStringLiteral("简体中文")));
        QVERIFY(zh.user.contains(QStringLiteral("共 6 页")));
        QVERIFY(!zh.system.contains(QLatin1String("{{")));
    }

    void nextPageCarriesAnswerAndBudget()
    {
        Story::Story story = Test::sampleStory();
        story.settings.pageCount = 5;
        const Story::Page* first = story.firstPage();
        const Story::Prompt prompt = Story::PromptBuilder().nextPage(story, first->id, QStringLiteral("Follow the owl"));
        QCOMPARE(prompt.pageNumber, 2);
        QVERIFY(!prompt.lastPage);
        QVERIFY(prompt.user.contains(QLatin1String("The child answered: \"Follow the owl\"")));
        QVERIFY(prompt.user.contains(QLatin1String("Where next?")));
        QVERIFY(prompt.user.contains(QLatin1String("Pip (a small fox with a blue scarf)")));
        QVERIFY(prompt.user.contains(QLatin1String("3 page(s) remain")));
        QVERIFY(prompt.user.contains(QLatin1String("Pip found a lantern.")));
    }

    void lastPageIsAskedForAtTheBudget()
    {
        Story::Story story = Test::sampleStory();
        story.settings.pageCount = 3;
        const QString secondId = story.path.at(1);
        const Story::Prompt prompt = Story::PromptBuilder().nextPage(story, secondId, QStringLiteral("Luna"));
        QCOMPARE(prompt.pageNumber, 3);
        QVERIFY(prompt.lastPage);
        QVERIFY(prompt.user.contains(QLatin1String("This is the last page")));
    }

    void longStoriesAreTrimmed()
    {
        Story::Story story;
        story.id = QStringLiteral("long");
        story.settings.pageCount = 60;
        QString parent;
        for (int i = 0; i < 40; ++i) {
            Story::Page page;
            page.parentId = parent;
            page.answer = parent.isEmpty() ? QString() : QStringLiteral("yes");
            page.text = QStringLiteral("Page %1 says: ").arg(i + 1) + QString(400, u'x');
            parent = story.addPage(page).id;
        }
        const Story::Prompt prompt = Story::PromptBuilder(1000).nextPage(story, parent, QStringLiteral("go"));
        QVERIFY(Story::PromptBuilder::estimateTokens(prompt.user) < 1600);
        QVERIFY(prompt.user.contains(QLatin1String("Page 1 says")));  // the beginning stays
        QVERIFY(prompt.user.contains(QLatin1String("Page 40 says"))); // and the latest pages
        QVERIFY(prompt.user.contains(QLatin1String("left out")));
        QCOMPARE(prompt.pageNumber, 41);
    }

    void tokenEstimate()
    {
        QCOMPARE(Story::PromptBuilder::estimateTokens(QStringLiteral("小狐狸")), 4);
        QVERIFY(Story::PromptBuilder::estimateTokens(QString(400, u'a')) >= 100);
    }
};

QTEST_GUILESS_MAIN(TestPromptBuilder)
#include "tst_promptbuilder.moc"
