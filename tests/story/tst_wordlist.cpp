// Story::WordList (issue 19): the local list of words a parent would not want sent, per language.
#include "wordlist.h"

#include <QTest>

using Storybook::Story::WordList;

class TestWordList final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsLoaded()
    {
        QVERIFY(WordList::forLanguage(QStringLiteral("en")).size() > 20);
        QVERIFY(WordList::forLanguage(QStringLiteral("zh")).size() > 10);
        QVERIFY(WordList::forLanguage(QStringLiteral("zh_CN")).size() == WordList::forLanguage(QStringLiteral("zh")).size());
    }

    void english_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("entry"); // empty: no match
        QTest::newRow("plain") << "the dragon says fuck" << "fuck*";
        QTest::newRow("case") << "The Dragon is SEXY" << "sexy";
        QTest::newRow("prefix entry") << "fucking dragon" << "fuck*";
        QTest::newRow("punctuation around") << "\"shit!\" said the fox" << "shit";
        QTest::newRow("phrase") << "I want to kill myself" << "kill myself";
        QTest::newRow("phrase across a line") << "kill\n  myself" << "kill myself";
        QTest::newRow("hyphen for a space") << "self-harm" << "self harm";
        QTest::newRow("graphic") << "they behead the king" << "behead*";
        QTest::newRow("in a Chinese story too") << "a naked dragon" << "naked";
        // Near misses: whole words only, so innocent words that contain an entry pass.
        QTest::newRow("Scunthorpe") << "We drove to Scunthorpe" << "";
        QTest::newRow("peacock") << "a peacock and a cockatoo" << "";
        QTest::newRow("Dickens") << "Charles Dickens wrote stories" << "";
        QTest::newRow("Sussex") << "a castle in Sussex with a sextant" << "";
        QTest::newRow("grape") << "grapes and rapeseed" << "";
        QTest::newRow("shiitake") << "shiitake soup" << "";
        QTest::newRow("assassin") << "a class on assessment" << "";
        QTest::newRow("kill alone") << "the dragon wants to kill the weed" << "";
        QTest::newRow("empty") << "   " << "";
        QTest::newRow("kind") << "Let's be friends with the dragon!" << "";
    }

    void english()
    {
        QFETCH(QString, text);
        QFETCH(QString, entry);
        const auto hit = WordList::check(text, QStringLiteral("en"));
        if (entry.isEmpty())
            QVERIFY2(!hit, qPrintable(hit.value_or(QString())));
        else
            QCOMPARE(hit.value_or(QString()), entry);
    }

    void chinese_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("entry");
        QTest::newRow("substring") << "小龙是个傻逼" << "傻逼";
        QTest::newRow("spaces between") << "小龙 自 杀 了" << "自杀";
        QTest::newRow("latin case") << "你这个傻B" << "傻b";
        QTest::newRow("graphic") << "国王被斩首了" << "斩首";
        QTest::newRow("english word in a chinese answer") << "小龙说 fuck" << "fuck*";
        // Near misses: words that share a character with an entry.
        QTest::newRow("kill a chicken") << "小龙想杀鸡给猴看" << "";
        QTest::newRow("cut a tree") << "小龙想砍树" << "";
        QTest::newRow("miss you") << "我想死你了" << "";
        QTest::newRow("naked eye") << "用肉眼看星星" << "";
        QTest::newRow("kind") << "小龙和公主成了好朋友" << "";
    }

    void chinese()
    {
        QFETCH(QString, text);
        QFETCH(QString, entry);
        const auto hit = WordList::check(text, QStringLiteral("zh"));
        if (entry.isEmpty())
            QVERIFY2(!hit, qPrintable(hit.value_or(QString())));
        else
            QCOMPARE(hit.value_or(QString()), entry);
    }

    void englishStoryIgnoresChineseList()
    {
        // Matching is per language: an English story's answer is checked against the English list only.
        QVERIFY(!WordList::check(QStringLiteral("自杀"), QStringLiteral("en")));
        QVERIFY(WordList::check(QStringLiteral("自杀"), QStringLiteral("zh")));
    }

    void ownList()
    {
        const WordList list(QStringLiteral("# a comment\n\n  bad word \nworse*\n"), WordList::Matching::WholeWords);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.find(QStringLiteral("a Bad  Word here")).value_or(QString()), QStringLiteral("bad word"));
        QCOMPARE(list.find(QStringLiteral("worsening")).value_or(QString()), QStringLiteral("worse*"));
        QVERIFY(!list.find(QStringLiteral("badword")));
        QVERIFY(!list.find(QStringLiteral("# a comment")));
        const WordList regex(QStringLiteral("a+b\n"), WordList::Matching::WholeWords); // entries are text, never patterns
        QVERIFY(regex.find(QStringLiteral("x a+b y")));
        QVERIFY(!regex.find(QStringLiteral("aab")));
    }

    void messagesInTheStoryLanguage()
    {
        QVERIFY(WordList::tryOtherWords(QStringLiteral("en")).startsWith(QLatin1String("Let's try other words!")));
        QVERIFY2(WordList::tryOtherWords(QStringLiteral("zh")).contains(QStringLiteral("换个说法")),
                 qPrintable(WordList::tryOtherWords(QStringLiteral("zh"))));
    }

    void masked()
    {
        QCOMPARE(WordList::masked(QStringLiteral("fuck*")), QStringLiteral("f****"));
        QCOMPARE(WordList::masked(QStringLiteral("自杀")), QStringLiteral("自*"));
        QCOMPARE(WordList::masked(QString()), QString());
    }
};

QTEST_GUILESS_MAIN(TestWordList)
#include "tst_wordlist.moc"
