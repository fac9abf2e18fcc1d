#include "profiles.h"
#include "promptbuilder.h"

#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;

namespace {
QStringList g_log;
void collect(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_log.append(message);
}

Story::ChildProfile mia()
{
    Story::ChildProfile p;
    p.name = QStringLiteral("Mia Secretname");
    p.age = 5;
    p.pronouns = QStringLiteral("she");
    p.animals = {QStringLiteral("foxes")};
    p.colours = {QStringLiteral("blue")};
    p.toys = {QStringLiteral("Mr Bun the rabbit")};
    p.friends = {QStringLiteral("Sam"), QStringLiteral("Leo")};
    return p;
}
} // namespace

class TestProfiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = Story::ProfileStore::pathBeside(dir.filePath(QStringLiteral("Stories")));
        QCOMPARE(path, dir.filePath(QStringLiteral("profiles.json")));
        Story::ProfileStore store(path);
        QCOMPARE(store.load(), QString()); // no file yet: empty, no problem
        QVERIFY(store.profiles().isEmpty());
        Story::ChildProfile p = mia();
        QCOMPARE(store.add(p), QString());
        QVERIFY(!p.id.isEmpty());
        Story::ChildProfile noName;
        QVERIFY(!store.add(noName).isEmpty());

        Story::ProfileStore again(path);
        QCOMPARE(again.load(), QString());
        QCOMPARE(again.profiles().size(), 1);
        const Story::ChildProfile read = again.profiles().first();
        QCOMPARE(read.id, p.id);
        QCOMPARE(read.name, p.name);
        QCOMPARE(read.age, 5);
        QCOMPARE(read.pronouns, p.pronouns);
        QCOMPARE(read.toys, p.toys);
        QCOMPARE(read.friends, p.friends);
        QCOMPARE(again.find(QStringLiteral("  mia secretname ")).value().id, p.id);
        QCOMPARE(again.find(p.id).value().name, p.name);

        Story::ChildProfile changed = read;
        changed.age = 6;
        QCOMPARE(again.update(changed), QString());
        Story::ProfileStore third(path);
        QCOMPARE(third.load(), QString());
        QCOMPARE(third.profiles().first().age, 6);
        QCOMPARE(third.remove(p.id), QString());
        QVERIFY(!third.remove(p.id).isEmpty());
        Story::ProfileStore fourth(path);
        QCOMPARE(fourth.load(), QString());
        QVERIFY(fourth.profiles().isEmpty());
    }

    // The hero a profile makes: its details, and so the reading level from the age.
    void asHero()
    {
        Story::ChildProfile p = mia();
        p.id = QStringLiteral("abc");
        const Story::StoryHero hero = p.asHero();
        QCOMPARE(hero.profileId, QStringLiteral("abc"));
        QCOMPARE(hero.age, QStringLiteral("5"));
        QCOMPARE(hero.favourites, (QStringList{QStringLiteral("foxes"), QStringLiteral("blue"), QStringLiteral("Mr Bun the rabbit")}));
        QCOMPARE(hero.friends.size(), 2);
    }

    // A damaged file: the profiles are empty with a reason, and the damaged file is kept aside on the next save.
    void damagedFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("{\"format\": \"storybook-profiles\", \"items\": [ {\"name\": ");
        QTest::newRow("not an object") << QByteArray("[1, 2, 3]");
        QTest::newRow("other format") << QByteArray("{\"format\": \"something\", \"items\": []}");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12);
    }
    void damagedFile()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        Story::ProfileStore store(path);
        QVERIFY(!store.load().isEmpty());
        QVERIFY(store.profiles().isEmpty());
        Story::ChildProfile p = mia();
        QCOMPARE(store.add(p), QString());
        QFile aside(path + QStringLiteral(".damaged"));
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), content);
        Story::ProfileStore again(path);
        QCOMPARE(again.load(), QString());
        QCOMPARE(again.profiles().size(), 1);
    }

    // Items without a name are skipped; unknown fields of a newer app are kept.
    void tolerantItems()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(R"({"format": "storybook-profiles", "version": 1, "items": [
                {"name": ""}, 7, {"id": "x", "name": "Lu", "age": "nine", "animals": ["cats", 3, ""], "future": true}]})");
        }
        Story::ProfileStore store(path);
        QCOMPARE(store.load(), QString());
        QCOMPARE(store.profiles().size(), 1);
        QCOMPARE(store.profiles().first().animals, QStringList{QStringLiteral("cats")});
        QCOMPARE(store.profiles().first().age, 0);
        Story::ChildProfile p = store.profiles().first();
        QCOMPARE(store.update(p), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"future\": true"));
    }

    // Nothing of a profile reaches the log: storing, reading, damage and the prompt built from it.
    void noProfileDataInLogs()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.json"));
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(collect);
        QLoggingCategory::setFilterRules(QStringLiteral("storybook.*=true"));
        {
            Story::ProfileStore store(path);
            (void)store.load();
            Story::ChildProfile p = mia();
            (void)store.add(p);
            (void)store.update(p);
            Story::ProfileStore again(path);
            (void)again.load();
            Story::StorySettings settings;
            settings.idea = QStringLiteral("a lantern");
            settings.hero = p.asHero();
            (void)Story::PromptBuilder().firstPage(settings);
            (void)again.remove(p.id);
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        const QString all = g_log.join(u'\n');
        for (const char* secret : {"Secretname", "Mr Bun", "foxes", "Leo"})
            QVERIFY2(!all.contains(QLatin1String(secret)), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
