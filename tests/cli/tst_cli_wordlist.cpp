// storybook-cli and the family word list (issue 19): an idea or an own answer with a word a parent would not
// want sent is refused with exit code 2 and a kind message, and nothing reaches the provider.
#include "clirun.h"
#include "fakeopenaiserver.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook::Test;

class TestCliWordList final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir* m_dir = nullptr;

    QString library() const { return m_dir->filePath(QStringLiteral("Stories")); }

    CliRun cli(QStringList arguments)
    {
        arguments << QStringLiteral("--library") << library() << QStringLiteral("--base-url")
                  << m_server->baseUrl(QStringLiteral("story")).toString() << QStringLiteral("--model") << QStringLiteral("fake-small")
                  << QStringLiteral("--proxy") << QStringLiteral("none") << QStringLiteral("--retries") << QStringLiteral("0");
        return runCli(QStringLiteral(STORYBOOK_CLI_PATH), arguments, cliEnvironment(m_dir->path(), QStringLiteral("sk-test")));
    }

    int chats() const
    {
        int count = 0;
        for (const RecordedRequest& r : m_server->requests())
            count += r.path.endsWith("/chat/completions") ? 1 : 0;
        return count;
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        m_dir = new QTemporaryDir;
        QVERIFY(QDir().mkpath(library()));
    }
    void cleanup()
    {
        delete m_server;
        delete m_dir;
    }

    void badIdeaRefused_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("idea");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("a dragon who says fuck");
        QTest::newRow("zh") << QStringLiteral("zh") << QStringLiteral("一条会说傻逼的龙");
    }
    void badIdeaRefused()
    {
        QFETCH(QString, language);
        QFETCH(QString, idea);
        const CliRun r = cli({QStringLiteral("story"), QStringLiteral("new"), QStringLiteral("--language"), language,
                              QStringLiteral("--pages"), QStringLiteral("2"), idea});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("other words"), r.err.constData());
        QVERIFY2(!r.err.contains("fuck") && !r.err.contains("傻逼"), r.err.constData()); // never repeated back
        QCOMPARE(chats(), 0);
        QVERIFY(QDir(library()).entryList(QDir::Files).isEmpty());
    }

    void badAnswerRefusedGoodOneWritten()
    {
        CliRun r = cli({QStringLiteral("story"), QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("3"),
                        QStringLiteral("a fox who finds a lantern")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).trimmed().split(u'\n');
        QVERIFY(lines.constLast().startsWith(QLatin1String("story: ")));
        const QString id = lines.constLast().mid(7);
        QCOMPARE(chats(), 1);

        r = cli({QStringLiteral("story"), QStringLiteral("continue"), id, QStringLiteral("--answer"), QStringLiteral("the fox wants to KILL MYSELF")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("Let's try other words!"), r.err.constData());
        QCOMPARE(chats(), 1);

        // A near miss goes through: whole words only.
        r = cli({QStringLiteral("story"), QStringLiteral("continue"), id, QStringLiteral("--answer"), QStringLiteral("they visit Scunthorpe")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(chats(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliWordList)
#include "tst_cli_wordlist.moc"
