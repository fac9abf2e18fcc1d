// I18n::storyText(): the words a story shows in the story's language, whatever the interface's.
#include "i18n.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include <atomic>
#include <thread>
#include <vector>

using namespace Storybook;

namespace {
constexpr auto Context = "Storybook::StoryWords";
QString g_beforeApplication; // storyText() called before any QCoreApplication exists
} // namespace

class TestStoryText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void worksWithoutAnApplication()
    {
        QCOMPARE(g_beforeApplication, QStringLiteral("完"));
    }

    void chineseStoryUnderAnEnglishInterface()
    {
        // No translator installed: the interface speaks the English source.
        QCOMPARE(QCoreApplication::translate(Context, "The End"), QStringLiteral("The End"));
        QCOMPARE(I18n::storyText(QStringLiteral("zh"), Context, "The End"), QStringLiteral("完"));
        QCOMPARE(I18n::storyText(QStringLiteral("zh_CN"), Context, "The End"), QStringLiteral("完"));
        QCOMPARE(I18n::storyText(QStringLiteral("zh-CN"), Context, "The End"), QStringLiteral("完"));
        QCOMPARE(I18n::storyText(QStringLiteral("zh"), Context, "What happens next?"),
                 QStringLiteral("接下来会发生什么呢？"));
        QCOMPARE(I18n::storyText(QStringLiteral("en"), Context, "The End"), QStringLiteral("The End"));
    }

    void englishStoryUnderAChineseInterface()
    {
        QTranslator chinese;
        QVERIFY(chinese.load(QStringLiteral(":/i18n/storybook_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&chinese));
        QCOMPARE(QCoreApplication::translate(Context, "The End"), QStringLiteral("完"));
        QCOMPARE(I18n::storyText(QStringLiteral("en"), Context, "The End"), QStringLiteral("The End"));
        QCOMPARE(I18n::storyText(QStringLiteral("zh"), Context, "The End"), QStringLiteral("完"));
        QVERIFY(QCoreApplication::removeTranslator(&chinese));
    }

    void aLanguageWithoutTranslationGetsEnglish_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("french") << QStringLiteral("fr");
        QTest::newRow("not a language") << QStringLiteral("xx");
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << QStringLiteral("../../etc");
    }

    void aLanguageWithoutTranslationGetsEnglish()
    {
        QFETCH(QString, language);
        QCOMPARE(I18n::storyText(language, Context, "The End"), QStringLiteral("The End"));
        QCOMPARE(I18n::storyText(language, Context, "Page %1").arg(3), QStringLiteral("Page 3"));
    }

    void aStringNobodyTranslatedIsItsSource()
    {
        QCOMPARE(I18n::storyText(QStringLiteral("zh"), Context, "No such words here"),
                 QStringLiteral("No such words here"));
        QCOMPARE(I18n::storyText(QStringLiteral("zh"), "No::Context", "The End"), QStringLiteral("The End"));
    }

    void countsAreFilledIn()
    {
        QCOMPARE(I18n::storyText(QStringLiteral("en"), "No::Context", "%n apples", nullptr, 3),
                 QStringLiteral("3 apples"));
        QCOMPARE(I18n::storyText(QStringLiteral("en"), "No::Context", "%Ln apples", nullptr, 1234),
                 QStringLiteral("1,234 apples"));
        // No count given: "%n" stays as it is.
        QCOMPARE(I18n::storyText(QStringLiteral("en"), "No::Context", "%n apples"), QStringLiteral("%n apples"));
    }

    void manyThreadsAtOnce()
    {
        // Exports run off the GUI thread: first loads and lookups race here (ASan/TSan builds see it).
        std::vector<std::thread> threads;
        std::atomic<int> wrong{0};
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([t, &wrong] {
                const QString language = (t % 2) ? QStringLiteral("zh_Hans_CN") : QStringLiteral("de");
                const QString expected = (t % 2) ? QStringLiteral("完") : QStringLiteral("The End");
                for (int i = 0; i < 200; ++i) {
                    if (I18n::storyText(language, Context, "The End") != expected)
                        ++wrong;
                }
            });
        }
        for (std::thread& thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }
};

int main(int argc, char** argv)
{
    g_beforeApplication = I18n::storyText(QStringLiteral("zh"), Context, "The End");
    QCoreApplication app(argc, argv);
    TestStoryText test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_storytext.moc"
