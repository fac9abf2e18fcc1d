// storybook-cli profile/cast and story new --hero/--character/--lesson/--level, end to end against the fake
// server: a profile's details reach the provider only inside the prompt of a story that names it as the hero.
#include "clirun.h"
#include "fakeopenaiserver.h"
#include "familycast.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;
using namespace Storybook::Test;

class TestCliFamily final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir* m_dir = nullptr;

    QString library() const { return m_dir->filePath(QStringLiteral("Stories")); }

    CliRun cli(QStringList arguments, const QString& scenario = QStringLiteral("story"))
    {
        arguments << QStringLiteral("--library") << library() << QStringLiteral("--base-url")
                  << m_server->baseUrl(scenario).toString() << QStringLiteral("--model") << QStringLiteral("fake-small")
                  << QStringLiteral("--proxy") << QStringLiteral("none") << QStringLiteral("--retries") << QStringLiteral("0");
        return runCli(QStringLiteral(STORYBOOK_CLI_PATH), arguments, cliEnvironment(m_dir->path(), QStringLiteral("sk-test")));
    }

    QStringList chatBodies() const
    {
        QStringList bodies;
        for (const RecordedRequest& r : m_server->requests()) {
            if (r.path.endsWith("/chat/completions"))
                bodies.append(QString::fromUtf8(r.body));
        }
        return bodies;
    }

    static QString storyIdOf(const CliRun& r)
    {
        const QStringList lines = QString::fromUtf8(r.out).trimmed().split(u'\n');
        return lines.constLast().startsWith(QLatin1String("story: ")) ? lines.constLast().mid(7) : QString();
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
        m_server = nullptr;
        delete m_dir;
        m_dir = nullptr;
    }

    void profilesAndCast()
    {
        CliRun r = cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Mia"), QStringLiteral("--years"),
                        QStringLiteral("5"), QStringLiteral("--pronouns"), QStringLiteral("she")});
        QCOMPARE(r.exitCode, 0);
        r = cli({QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("\tMia\tage 5"), r.out.constData());
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("add")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Lu"), QStringLiteral("--level"),
                      QStringLiteral("expert")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("nobody")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("mia")}).exitCode, 0);
        QVERIFY(!cli({QStringLiteral("profile"), QStringLiteral("list")}).out.contains("Mia"));

        Story::FamilyCast cast(Story::FamilyCast::pathBeside(library()));
        Story::FamilyCharacter poppy{{}, QStringLiteral("Poppy"), QStringLiteral("a fox with a blue scarf"), {}, {}, {}, {}};
        QCOMPARE(cast.save(poppy), QString());
        r = cli({QStringLiteral("cast"), QStringLiteral("list")});
        QVERIFY2(r.out.contains("\tPoppy\ta fox with a blue scarf"), r.out.constData());
        QCOMPARE(cli({QStringLiteral("cast"), QStringLiteral("remove"), QStringLiteral("poppy")}).exitCode, 0);
        QVERIFY(cli({QStringLiteral("cast"), QStringLiteral("list")}).out.isEmpty());
        QCOMPARE(cli({QStringLiteral("cast"), QStringLiteral("fly")}).exitCode, 2);
        QVERIFY(chatBodies().isEmpty()); // profiles and the cast never talk to a provider
    }

    // The profile's details are in the request only when the profile is the hero; the family cast's looks, typed
    // characters and the lesson go in too, and the story keeps the hero and its cast.
    void heroCastAndLessonReachThePrompt()
    {
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Mia"), QStringLiteral("--years"),
                      QStringLiteral("5"), QStringLiteral("--likes"), QStringLiteral("hedgehogs,purple"), QStringLiteral("--friends"),
                      QStringLiteral("Sam")}).exitCode, 0);
        Story::FamilyCast cast(Story::FamilyCast::pathBeside(library()));
        Story::FamilyCharacter poppy{{}, QStringLiteral("Poppy"), QStringLiteral("a fox with a blue scarf"), {}, {}, {}, {}};
        QCOMPARE(cast.save(poppy), QString());

        CliRun r = cli({QStringLiteral("story"), QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("1"), QStringLiteral("a lantern")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(chatBodies().size(), 1);
        for (const char* detail : {"Mia", "hedgehogs", "purple", "Sam", "Poppy"})
            QVERIFY2(!chatBodies().first().contains(QLatin1String(detail)), detail);

        r = cli({QStringLiteral("story"), QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("1"),
                 QStringLiteral("--hero"), QStringLiteral("mia"), QStringLiteral("--character"), QStringLiteral("Poppy"),
                 QStringLiteral("--character"), QStringLiteral("Hoot: an owl with round glasses"),
                 QStringLiteral("--lesson"), QStringLiteral("sharing is caring"), QStringLiteral("a lantern")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(chatBodies().size(), 2);
        const QString body = chatBodies().last();
        for (const char* detail : {"\\\"Mia\\\"", "\\\"5\\\"", "\\\"hedgehogs\\\"", "\\\"purple\\\"", "\\\"Sam\\\"",
                                   "\\\"Poppy\\\" (\\\"a fox with a blue scarf\\\")", "\\\"Hoot\\\" (\\\"an owl with round glasses\\\")",
                                   "\\\"sharing is caring\\\"", "early reader"})
            QVERIFY2(body.contains(QLatin1String(detail)), qPrintable(QLatin1String(detail) + u'\n' + body));

        const QString id = storyIdOf(r);
        QVERIFY(!id.isEmpty());
        QFile file(library() + u'/' + id + QStringLiteral(".storybook"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject story = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject settings = story.value(QLatin1String("settings")).toObject();
        QCOMPARE(settings.value(QLatin1String("hero")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Mia"));
        QCOMPARE(settings.value(QLatin1String("moral")).toString(), QStringLiteral("sharing is caring"));
        QCOMPARE(story.value(QLatin1String("cast")).toArray().first().toObject().value(QLatin1String("look")).toString(),
                 QStringLiteral("a fox with a blue scarf"));

        QCOMPARE(cli({QStringLiteral("story"), QStringLiteral("new"), QStringLiteral("--hero"), QStringLiteral("Nobody"),
                      QStringLiteral("a lantern")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("story"), QStringLiteral("new"), QStringLiteral("--level"), QStringLiteral("expert"),
                      QStringLiteral("a lantern")}).exitCode, 2);
        QCOMPARE(chatBodies().size(), 2);
    }

    // A page far longer than the level allows is asked for once more, with the limit; the second is kept.
    void pageFarOutsideTheLevelIsAskedAgain()
    {
        // ok:60 answers 60 words of prose: more than twice first words' 25, within developing's 120.
        CliRun r = cli({QStringLiteral("story"), QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("1"),
                        QStringLiteral("--level"), QStringLiteral("first-words"), QStringLiteral("a lantern")}, QStringLiteral("ok:60"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(chatBodies().size(), 2);
        QVERIFY2(chatBodies().last().contains(QLatin1String("far too long (60 words)")), qPrintable(chatBodies().last()));
        QVERIFY(chatBodies().last().contains(QLatin1String("at most 25 words")));
        r = cli({QStringLiteral("story"), QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("1"),
                 QStringLiteral("--level"), QStringLiteral("developing"), QStringLiteral("a lantern")}, QStringLiteral("ok:60"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(chatBodies().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCliFamily)
#include "tst_cli_family.moc"
