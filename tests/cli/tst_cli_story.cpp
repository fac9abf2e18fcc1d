// storybook-cli story …: end to end against the fake server, with a temporary library.
#include "fakeopenaiserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook::Test;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class TestCliStory final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir* m_dir = nullptr;

    QString library() const { return m_dir->filePath(QStringLiteral("library")); }

    Run run(QStringList arguments, const QString& scenario = QStringLiteral("story"))
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir->path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir->filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("STORYBOOK_LIBRARY"));
        QDir().mkpath(m_dir->filePath(QStringLiteral("runtime")));
        QFile::setPermissions(m_dir->filePath(QStringLiteral("runtime")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->filePath(QStringLiteral("runtime")));
        arguments.prepend(QStringLiteral("story"));
        arguments << QStringLiteral("--library") << library() << QStringLiteral("--base-url")
                  << m_server->baseUrl(scenario).toString() << QStringLiteral("--model") << QStringLiteral("fake-small")
                  << QStringLiteral("--proxy") << QStringLiteral("none") << QStringLiteral("--retries") << QStringLiteral("0");
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(STORYBOOK_CLI_PATH), arguments);
        Run result;
        if (!process.waitForStarted(10000))
            return result;
        [&] { QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 60000); }();
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    static QString storyIdOf(const Run& r)
    {
        const QStringList lines = r.out.trimmed().split(u'\n');
        const QString last = lines.constLast();
        return last.startsWith(QLatin1String("story: ")) ? last.mid(7) : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        m_dir = new QTemporaryDir;
    }

    void cleanup()
    {
        delete m_server;
        delete m_dir;
    }

    void newContinueToTheEnd()
    {
        const Run first = run({QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("3"),
                               QStringLiteral("a fox who finds a lantern")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(first.out.startsWith(QLatin1String("Pip the fox carried the lantern")));
        QVERIFY(first.out.contains(QLatin1String("\nWhere should Pip go next?\n1. Follow the owl\n2. Cross the bridge\n")));
        const QString id = storyIdOf(first);
        QVERIFY(!id.isEmpty());

        const Run second = run({QStringLiteral("continue"), id, QStringLiteral("--choice"), QStringLiteral("2")});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY(second.out.contains(QLatin1String("You chose \"Cross the bridge\"")));
        QCOMPARE(storyIdOf(second), id);

        const Run last = run({QStringLiteral("continue"), id, QStringLiteral("--answer"), QStringLiteral("Sing a song")});
        QVERIFY2(last.exitCode == 0, qPrintable(last.err));
        QVERIFY(last.out.contains(QLatin1String("Sing a song")));
        QVERIFY(last.out.contains(QLatin1String("The End")));

        const Run after = run({QStringLiteral("continue"), id, QStringLiteral("--answer"), QStringLiteral("more")});
        QCOMPARE(after.exitCode, 2);

        const Run show = run({QStringLiteral("show"), id});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.startsWith(QLatin1String("The Fox and the Lantern")));
        QVERIFY(show.out.contains(QStringLiteral("— 3 / 3 —")));
        QVERIFY(show.out.contains(QStringLiteral("→ Cross the bridge")));

        const Run page = run({QStringLiteral("show"), id, QStringLiteral("--page"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(page.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(page.out.toUtf8()).object().value(QLatin1String("answer")).toString(),
                 QStringLiteral("Cross the bridge"));

        const Run list = run({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray records = QJsonDocument::fromJson(list.out.toUtf8()).array();
        // The two bundled samples were added when the library folder was created.
        QCOMPARE(records.size(), 3);
        const QString titles = list.out;
        QVERIFY(titles.contains(QLatin1String("The Fox and the Lantern")));
        QVERIFY(titles.contains(QStringLiteral("小兔子找彩虹")));

        const Run search = run({QStringLiteral("search"), QStringLiteral("BRIDGE song")});
        QCOMPARE(search.exitCode, 0);
        QVERIFY(search.out.startsWith(id));
        QCOMPARE(search.out.count(u'\n'), 1);

        for (const char* format : {"md", "html", "pdf"}) {
            const QString output = m_dir->filePath(QStringLiteral("out.") + QLatin1String(format));
            const Run exported = run({QStringLiteral("export"), id, QStringLiteral("--format"), QLatin1String(format),
                                      QStringLiteral("--output"), output, QStringLiteral("--all-branches")});
            QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
            QFile file(output);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray data = file.readAll();
            if (QByteArray(format) == "pdf")
                QVERIFY(data.startsWith("%PDF-"));
            else
                QVERIFY(data.contains("Cross the bridge"));
        }

        const Run removed = run({QStringLiteral("delete"), id});
        QCOMPARE(removed.exitCode, 0);
        QVERIFY(removed.out.contains(QLatin1String("story restore")));
        QCOMPARE(run({QStringLiteral("show"), id}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("restore"), id}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("show"), id}).exitCode, 0);

        const Run imported = run({QStringLiteral("import"), m_dir->filePath(QStringLiteral("library/") + id + QStringLiteral(".storybook"))});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(!storyIdOf(imported).isEmpty());
        QVERIFY(storyIdOf(imported) != id);
    }

    void readToMe()
    {
        const Run r = run({QStringLiteral("new"), QStringLiteral("--read-to-me"), QStringLiteral("--pages"), QStringLiteral("3"),
                           QStringLiteral("--language"), QStringLiteral("zh"), QStringLiteral("小狐狸")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QStringLiteral("小橙提着灯笼")), 3);
        QVERIFY(r.out.contains(QLatin1String("The End")));
        QVERIFY(!storyIdOf(r).isEmpty());
    }

    void failureLeavesADraft()
    {
        const Run r = run({QStringLiteral("new"), QStringLiteral("an idea")}, QStringLiteral("drop"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.startsWith(QLatin1String("error: network: ")));
        const QString id = storyIdOf(r);
        QVERIFY(!id.isEmpty());
        const Run show = run({QStringLiteral("show"), id});
        QVERIFY(show.out.contains(QLatin1String("[unfinished page]")));
        // Regenerating the draft against a healthy server completes it.
        const Run again = run({QStringLiteral("regenerate"), id});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(!run({QStringLiteral("show"), id}).out.contains(QLatin1String("[unfinished page]")));
    }

    // A page written again keeps its earlier version with its question and branch; it can be listed
    // and restored from the command line.
    void versionsAndRestore()
    {
        const Run first = run({QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("4"), QStringLiteral("a fox")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QString id = storyIdOf(first);
        const Run answered = run({QStringLiteral("continue"), id, QStringLiteral("--choice"), QStringLiteral("2")});
        QVERIFY2(answered.exitCode == 0, qPrintable(answered.err));
        const Run none = run({QStringLiteral("versions"), id, QStringLiteral("--page"), QStringLiteral("1")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains(QLatin1String("no earlier versions")), qPrintable(none.out));

        const Run again = run({QStringLiteral("regenerate"), id, QStringLiteral("--page"), QStringLiteral("1")}, QStringLiteral("drip:1:12"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const Run shown = run({QStringLiteral("show"), id});
        QVERIFY2(!shown.out.contains(QStringLiteral("— 2 /")), qPrintable(shown.out)); // the branch went with the old version

        const Run versions = run({QStringLiteral("versions"), id, QStringLiteral("--page"), QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(versions.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(versions.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject old = list.first().toObject();
        QVERIFY(old.value(QLatin1String("text")).toString().startsWith(QLatin1String("Pip the fox carried")));
        QCOMPARE(old.value(QLatin1String("question")).toString(), QStringLiteral("Where should Pip go next?"));
        QCOMPARE(old.value(QLatin1String("branches")).toInt(), 1);

        QCOMPARE(run({QStringLiteral("restore-version"), id, QStringLiteral("2"), QStringLiteral("--page"), QStringLiteral("1")}).exitCode, 2);
        const Run restored = run({QStringLiteral("restore-version"), id, QStringLiteral("1"), QStringLiteral("--page"), QStringLiteral("1")});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        const Run back = run({QStringLiteral("show"), id});
        QVERIFY2(back.out.contains(QStringLiteral("→ Cross the bridge")), qPrintable(back.out));
        QVERIFY(back.out.contains(QLatin1String("Pip the fox carried")));
        const Run kept = run({QStringLiteral("versions"), id, QStringLiteral("--page"), QStringLiteral("1")});
        QVERIFY2(kept.out.contains(QStringLiteral("— 1 —")), qPrintable(kept.out)); // the rewritten one is kept
    }

    // An illustrated story from the command line: the pictures are inside the story file.
    void illustratedStoryAndIllustrate()
    {
        const QString pictures = m_server->baseUrl(QStringLiteral("ok")).toString();
        const Run first = run({QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("3"), QStringLiteral("--art-style"),
                               QStringLiteral("ink-wash"), QStringLiteral("--picture-base-url"), pictures, QStringLiteral("a fox")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QString id = storyIdOf(first);
        QVERIFY(!id.isEmpty());
        QFile file(library() + u'/' + id + QStringLiteral(".storybook"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.peek(4) == QByteArray("PK\x03\x04", 4)); // a container: the story has pictures
        file.close();
        const Run json = run({QStringLiteral("show"), id, QStringLiteral("--json")});
        const QJsonObject story = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(story.value(QLatin1String("character_sheet")).isObject());
        const QJsonObject page = story.value(QLatin1String("pages")).toArray().first().toObject();
        QVERIFY(page.value(QLatin1String("picture")).toObject().value(QLatin1String("entry")).toString().startsWith(QLatin1String("pictures/")));
        QVERIFY(page.value(QLatin1String("picture")).toObject().value(QLatin1String("prompt")).toString().contains(QStringLiteral("ink")));
        const QString oldEntry = page.value(QLatin1String("picture")).toObject().value(QLatin1String("entry")).toString();

        // Painted again, refused by the provider's safety system: exit 5, the old picture stays.
        const Run refused = run({QStringLiteral("illustrate"), id, QStringLiteral("--page"), QStringLiteral("1"), QStringLiteral("--picture-base-url"),
                                 m_server->baseUrl(QStringLiteral("image-refused")).toString()});
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains(QLatin1String("safety system")), qPrintable(refused.err));
        const QJsonObject after = QJsonDocument::fromJson(run({QStringLiteral("show"), id, QStringLiteral("--json")}).out.toUtf8()).object();
        QCOMPARE(after.value(QLatin1String("pages")).toArray().first().toObject().value(QLatin1String("picture")).toObject()
                     .value(QLatin1String("entry")).toString(), oldEntry);

        // Painted again for real: a new picture.
        const Run again = run({QStringLiteral("illustrate"), id, QStringLiteral("--page"), QStringLiteral("1"), QStringLiteral("--picture-base-url"), pictures});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const QJsonObject repainted = QJsonDocument::fromJson(run({QStringLiteral("show"), id, QStringLiteral("--json")}).out.toUtf8()).object();
        QVERIFY(repainted.value(QLatin1String("pages")).toArray().first().toObject().value(QLatin1String("picture")).toObject()
                    .value(QLatin1String("entry")).toString() != oldEntry);
        // Nothing missing: illustrate paints nothing and succeeds.
        const qsizetype before = m_server->requests().size();
        QCOMPARE(run({QStringLiteral("illustrate"), id, QStringLiteral("--picture-base-url"), pictures}).exitCode, 0);
        QCOMPARE(m_server->requests().size(), before);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no-subcommand") << QStringList{};
        QTest::newRow("unknown") << QStringList{QStringLiteral("fly")};
        QTest::newRow("new-no-idea") << QStringList{QStringLiteral("new")};
        QTest::newRow("bad-pages") << QStringList{QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("0"), QStringLiteral("x")};
        QTest::newRow("bad-age") << QStringList{QStringLiteral("new"), QStringLiteral("--age"), QStringLiteral("99"), QStringLiteral("x")};
        QTest::newRow("bad-language") << QStringList{QStringLiteral("new"), QStringLiteral("--language"), QStringLiteral("fr"), QStringLiteral("x")};
        QTest::newRow("continue-no-choice") << QStringList{QStringLiteral("continue"), QStringLiteral("abc")};
        QTest::newRow("unknown-story") << QStringList{QStringLiteral("show"), QStringLiteral("nope")};
        QTest::newRow("export-no-format") << QStringList{QStringLiteral("export"), QStringLiteral("abc")};
        QTest::newRow("bad-art-style") << QStringList{QStringLiteral("new"), QStringLiteral("--art-style"), QStringLiteral("oil"), QStringLiteral("x")};
        QTest::newRow("illustrate-no-id") << QStringList{QStringLiteral("illustrate")};
        QTest::newRow("import-junk") << QStringList{QStringLiteral("import"), QStringLiteral("/nonexistent.storybook")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run r = run(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QLatin1String("error: ")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("\nhint: ")) || r.err.contains(QLatin1String("usage")));
    }
};

QTEST_GUILESS_MAIN(TestCliStory)
#include "tst_cli_story.moc"
