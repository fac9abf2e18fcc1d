// Bad input never crashes or loses data (issue 6): malformed settings files, a library folder full
// of junk and huge files, an unwritable library folder, a full disk and non-UTF-8 file names —
// through storybook-cli as a black box (clirunner.h), and in-process through Library, the
// connection settings loader, MainWindow and SettingsDialog. docs/reliability.md lists every case
// with what the user sees.
//
// The process runs with HOME and the XDG folders in a temporary folder (set in main(), before the
// application exists), so the in-process QSettings file is hermetic too.
#include "clirunner.h"
#include "connectionsettings.h"
#include "errorbanner.h"
#include "fakeopenaiserver.h"
#include "library.h"
#include "mainwindow.h"
#include "proxylauncher.h" // STORYBOOK_REQUIRE_TOOL
#include "secretstore.h"
#include "settingsdialog.h"
#include "speechsettings.h"
#include "story.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Storybook;
using namespace Storybook::Test;

namespace {

const QString Cli = QStringLiteral(STORYBOOK_CLI_PATH);

QByteArray sha(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex().left(16);
}

// What a directory entry is, without following symlinks: type, size, mtime (ns), and a hash of the
// content (the first and last MiB for big files) or the symlink target.
QByteArray entryState(const QByteArray& path)
{
    struct stat st {};
    if (::lstat(path.constData(), &st) != 0)
        return QByteArrayLiteral("missing");
    QByteArray state = QByteArray::number(st.st_mode, 8) + ' ' + QByteArray::number(qint64(st.st_size)) + ' '
                       + QByteArray::number(qint64(st.st_mtim.tv_sec)) + '.' + QByteArray::number(qint64(st.st_mtim.tv_nsec));
    if (S_ISLNK(st.st_mode)) {
        char target[4096];
        const ssize_t n = ::readlink(path.constData(), target, sizeof target);
        state += " -> " + QByteArray(target, n > 0 ? int(n) : 0);
    } else if (S_ISREG(st.st_mode)) {
        const int fd = ::open(path.constData(), O_RDONLY);
        if (fd < 0)
            return state + " unreadable";
        QByteArray head(qMin<qint64>(st.st_size, 1 << 20), Qt::Uninitialized);
        const ssize_t got = ::pread(fd, head.data(), size_t(head.size()), 0);
        QByteArray tail;
        if (st.st_size > (1 << 20)) {
            tail.resize(1 << 20);
            const ssize_t tailGot = ::pread(fd, tail.data(), size_t(tail.size()), st.st_size - (1 << 20));
            tail.truncate(int(qMax<ssize_t>(tailGot, 0)));
        }
        ::close(fd);
        state += ' ' + sha(head.left(int(qMax<ssize_t>(got, 0))) + tail);
    }
    return state;
}

// Every entry of a folder (raw byte names, recursively into real subfolders), for before/after
// comparisons that must also work for names that are not UTF-8.
QMap<QByteArray, QByteArray> snapshot(const QByteArray& folder, int depth = 0)
{
    QMap<QByteArray, QByteArray> result;
    DIR* dir = ::opendir(folder.constData());
    if (!dir)
        return result;
    while (const dirent* entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name == "." || name == "..")
            continue;
        const QByteArray path = folder + '/' + name;
        result.insert(name, entryState(path));
        struct stat st {};
        if (depth < 3 && ::lstat(path.constData(), &st) == 0 && S_ISDIR(st.st_mode)) {
            const auto inner = snapshot(path, depth + 1);
            for (auto it = inner.cbegin(); it != inner.cend(); ++it)
                result.insert(name + '/' + it.key(), it.value());
        }
    }
    ::closedir(dir);
    return result;
}

bool writeRaw(const QByteArray& path, const QByteArray& data)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, data.constData(), size_t(data.size())) == data.size();
    return ::close(fd) == 0 && ok;
}

// The malformed settings case at `path`: the bytes as a file, or a folder in the file's place.
bool plantSettings(const QString& path, const QByteArray& content, bool asDirectory)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    return asDirectory ? QDir().mkpath(path) : writeRaw(QFile::encodeName(path), content);
}

QByteArray readRaw(const QByteArray& path)
{
    const int fd = ::open(path.constData(), O_RDONLY);
    if (fd < 0)
        return {};
    QByteArray data;
    char buffer[65536];
    for (int i = 0; i < 1024; ++i) { // at most 64 MiB
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        data.append(buffer, int(n));
    }
    ::close(fd);
    return data;
}

Story::Story makeStory(const QString& title, const QString& text)
{
    Story::Story story;
    story.id = Story::Story::newId();
    story.title = title;
    story.settings.idea = title;
    story.settings.language = QStringLiteral("en");
    story.settings.pageCount = 3;
    Story::Page first;
    first.text = text;
    first.interaction = Story::Interaction{Story::Interaction::Kind::Choose, QStringLiteral("Where next?"),
                                           {QStringLiteral("Left"), QStringLiteral("Right")}, {}};
    story.addPage(first);
    story.created = QDateTime::currentDateTimeUtc();
    story.modified = story.created;
    return story;
}

// Runs a shell script (sh -c) with the CLI path as $CLI; for raw byte arguments (printf) and
// namespaces (unshare). The script text is built by the test only.
CliRun runShell(const QString& script, const QProcessEnvironment& environment, int timeoutMs = 60000)
{
    QProcessEnvironment env = environment;
    env.insert(QStringLiteral("CLI"), Cli);
    return runProgram(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}, env, timeoutMs);
}

QString shellQuote(const QString& text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

QByteArray firstErrorLine(const QByteArray& err)
{
    for (const QByteArray& line : err.split('\n')) {
        if (line.startsWith("error: "))
            return line;
    }
    return {};
}

qint64 selfHighWaterKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// Whether this process may make private mount namespaces (root, or unprivileged user namespaces).
bool canUnshareMount()
{
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        return false;
    const CliRun run = runProgram(QStringLiteral("unshare"),
                                  {QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("mount -t tmpfs -o size=64k tmpfs /mnt && test -w /mnt")},
                                  QProcessEnvironment::systemEnvironment(), 10000);
    return run.exitCode == 0;
}

} // namespace

class TestBadInput final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QList<QStringList> m_observed; // case, what happens — printed as a table for docs/reliability.md

    void observe(const QString& area, const QString& name, const QString& what)
    {
        m_observed.append({area, name, what});
    }

    QStringList connection(const QString& scenario = QStringLiteral("ok")) const
    {
        return {QStringLiteral("--base-url"), m_server->baseUrl(scenario).toString(), QStringLiteral("--model"),
                QStringLiteral("fake-small"), QStringLiteral("--retries"), QStringLiteral("0"),
                QStringLiteral("--idle-timeout"), QStringLiteral("10")};
    }

    static QString settingsPathIn(const QString& home)
    {
        return home + QStringLiteral("/config/InteractiveStorybook/storybook.conf");
    }

    static QByteArray validSettings()
    {
        return "[General]\nversion=1\n\n[connection]\nbaseUrl=http://127.0.0.1:9/v1\nmodel=user-model\n\n"
               "[network]\nconnectTimeoutSeconds=12\nretries=3\n\n[speech]\nrate=0.5\n\n[user]\nnote=keep me\n";
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        QVERIFY(QDir::home().absolutePath().startsWith(QDir::tempPath())); // main() made HOME hermetic
    }

    void cleanupTestCase()
    {
        QString table = QStringLiteral("\n| Area | Case | What happens |\n|---|---|---|\n");
        for (const QStringList& row : std::as_const(m_observed))
            table += QStringLiteral("| %1 | %2 | %3 |\n").arg(row.at(0), row.at(1), QString(row.at(2)).replace(u'|', u'/').replace(u'\n', u' '));
        qInfo().noquote() << table;
    }

    // ---- Malformed settings files -------------------------------------------------------------

    void malformedSettings_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("asDirectory");
        QByteArray binary(4096, Qt::Uninitialized);
        QRandomGenerator random(42);
        for (char& c : binary)
            c = char(random.bounded(256));
        const QByteArray valid = validSettings();
        QTest::newRow("garbage-text") << QByteArray("this is not an ini file\n}{][=\n===\n[[[[\nkey without value\n\\\\\\\n[a]b]c\n=x\n") << false;
        QTest::newRow("binary") << binary << false;
        QTest::newRow("truncated") << valid.left(valid.indexOf("[network]") + 5) << false;
        QTest::newRow("wrong-types")
            << QByteArray("[connection]\nbaseUrl=::not a url::\nmodel=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x10garbage)\n"
                          "[network]\nproxyMode=http\nproxyHost=127.0.0.1\nproxyPort=eighty\nconnectTimeoutSeconds=-5\n"
                          "idleTimeoutSeconds=abc\ntotalTimeoutSeconds=1e300\nretries=-3\nmaxConnectionsPerHost=99999999999\n"
                          "http2=maybe\nbypass=@ByteArray(\n[speech]\nrate=@Rect(1 2)\nvolume=-1e308\n[ui]\ngeometry=@Variant(\\xff\\xff)\n"
                          "lastStory=../../etc/passwd\n[user]\nnote=keep me\n")
            << false;
        QTest::newRow("huge-value") << (QByteArray("[connection]\nmodel=") + QByteArray(10 * 1024 * 1024, 'x')
                                        + "\n[ui]\nlanguage=" + QByteArray(1024 * 1024, 'z') + "\n[user]\nnote=keep me\n")
                                    << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("directory-in-the-way") << QByteArray() << true;
        QTest::newRow("valid-with-user-keys") << valid << false;
    }

    // storybook-cli (diagnose --json, story list) with the malformed file as the user's settings:
    // it starts, uses defaults or reports clearly, and never writes the settings file.
    void malformedSettings()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, asDirectory);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString path = settingsPathIn(home.path());
        QVERIFY(plantSettings(path, content, asDirectory));
        const QByteArray before = entryState(QFile::encodeName(path));
        const QProcessEnvironment env = hermeticEnvironment(home.path());
        const QString library = home.filePath(QStringLiteral("library"));

        const CliRun diagnose = runProgram(Cli, QStringList{QStringLiteral("diagnose"), QStringLiteral("--json")} + connection(), env);
        QVERIFY2(diagnose.exitCode >= 0, diagnose.timedOut ? "diagnose hung" : "diagnose crashed");
        QVERIFY2(diagnose.exitCode == 0 || diagnose.exitCode == 2 || diagnose.exitCode == 4, diagnose.err.constData());
        // diagnose --json prints its report on stdout and exits with the first failed stage's code
        // (4: the proxy from the settings file); without a report, stderr must say what is wrong.
        QString what;
        QJsonParseError parseError {};
        const QJsonDocument report = QJsonDocument::fromJson(diagnose.out, &parseError);
        if (parseError.error == QJsonParseError::NoError && report.isObject()) {
            QVERIFY(!report.object().value(QStringLiteral("verdict")).toString().isEmpty());
            what = QStringLiteral("diagnose: %1, report “%2”")
                       .arg(diagnose.exitCode)
                       .arg(report.object().value(QStringLiteral("verdict")).toString().left(80));
        } else {
            QVERIFY2(diagnose.exitCode != 0, diagnose.out.left(400).constData());
            QVERIFY2(!firstErrorLine(diagnose.err).isEmpty(), diagnose.err.constData());
            what = QStringLiteral("diagnose: %1 `%2`").arg(diagnose.exitCode).arg(QString::fromUtf8(firstErrorLine(diagnose.err)));
        }
        QVERIFY2(diagnose.err.size() < 64 * 1024, "a 10 MB value must not be echoed in full");

        const CliRun list = runProgram(Cli, {QStringLiteral("story"), QStringLiteral("list"), QStringLiteral("--json"),
                                             QStringLiteral("--library"), library}, env);
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 2); // the samples of a new library
        what += QStringLiteral("; story list: 0");

        QCOMPARE(entryState(QFile::encodeName(path)), before); // the CLI never writes the user's settings
        observe(QStringLiteral("settings (CLI)"), QString::fromLatin1(QTest::currentDataTag()), what);
    }

    void malformedSettingsGui_data() { malformedSettings_data(); }

    // The desktop app in-process: the loader clamps or falls back, MainWindow and SettingsDialog
    // are built and shown, and closing the window (which writes its ui/* keys) keeps the user's
    // other keys. Qt's QSettings refuses to write a file it could not parse (FormatError), so a
    // garbage file is never replaced.
    void malformedSettingsGui()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, asDirectory);
        const QString path = QSettings().fileName();
        QVERIFY(path.startsWith(QDir::tempPath()));
        QDir(path).removeRecursively();
        QFile::remove(path);
        QVERIFY(plantSettings(path, content, asDirectory));
        const QByteArray before = entryState(QFile::encodeName(path));
        QSettings::Status status = QSettings::NoError;
        QMap<QString, QVariant> userKeysBefore;
        {
            QSettings settings;
            status = settings.status();
            for (const QString& key : settings.allKeys()) {
                if (!key.startsWith(QLatin1String("ui/")))
                    userKeysBefore.insert(key, settings.value(key));
            }
            const Llm::ConnectionSettings loaded = Llm::ConnectionSettings::load(settings);
            QVERIFY(loaded.baseUrl.isValid());
            QVERIFY(!loaded.baseUrl.scheme().isEmpty());
            QVERIFY(loaded.connectTimeout.count() > 0 && loaded.connectTimeout <= std::chrono::hours(24 * 7));
            QVERIFY(loaded.idleTimeout.count() > 0 && loaded.idleTimeout <= std::chrono::hours(24 * 7));
            QVERIFY(loaded.totalTimeout.count() >= 0 && loaded.totalTimeout <= std::chrono::hours(24 * 7));
            QVERIFY(loaded.retries >= 0 && loaded.retries <= 10);
            QVERIFY(loaded.maxConnectionsPerHost >= 1 && loaded.maxConnectionsPerHost <= 6);
            if (QTest::currentDataTag() == QByteArrayLiteral("wrong-types")) {
                QCOMPARE(loaded.proxy.port, quint16(0));
                QCOMPARE(loaded.connectTimeout, Llm::ConnectionSettings().connectTimeout);
                QCOMPARE(loaded.retries, 0); // -3 clamped
                QCOMPARE(loaded.maxConnectionsPerHost, 6); // 99999999999 clamped to the largest allowed
            }
        }
        QTemporaryDir libraryDir;
        QString bannerText;
        {
            App::MainWindow::Options options;
            options.libraryFolder = libraryDir.filePath(QStringLiteral("library"));
            App::MainWindow window(options);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(!window.statusText().isEmpty());
            QCOMPARE(window.library()->records().size(), 2);
            {
                QSettings settings;
                SettingsUi::SecretStore secrets;
                SettingsUi::SettingsDialog::Preferences preferences;
                preferences.language = settings.value(QStringLiteral("ui/language")).toString();
                preferences.speech = Speech::SpeechSettings::load(settings);
                SettingsUi::SettingsDialog dialog(Llm::ConnectionSettings::load(settings), preferences, &secrets, &window);
                dialog.show();
                QVERIFY(QTest::qWaitForWindowExposed(&dialog));
                QVERIFY(dialog.connectionSettings().baseUrl.isValid());
                dialog.reject();
            }
            bannerText = window.banner()->isVisible() ? window.banner()->message() : QString();
            QVERIFY(window.close()); // writes ui/geometry, ui/lastStory, …
        }
        const QByteArray after = entryState(QFile::encodeName(path));
        QString what;
        if (asDirectory) {
            QCOMPARE(after, before); // never replaced
            what = QStringLiteral("QSettings status %1; the folder is left alone").arg(int(status));
        } else if (status == QSettings::FormatError) {
            // QSettings rewrites the file with what it understood; the whole original was kept first,
            // and the window said so.
            QCOMPARE(readRaw(QFile::encodeName(path + QStringLiteral(".unreadable"))), content);
            QVERIFY2(bannerText.contains(QLatin1String(".unreadable")), qPrintable(bannerText));
            what = QStringLiteral("unreadable (FormatError): copied to storybook.conf.unreadable byte for byte, the window says so, "
                                  "defaults used");
        } else {
            QSettings settings;
            QCOMPARE(settings.status(), QSettings::NoError);
            for (auto it = userKeysBefore.cbegin(); it != userKeysBefore.cend(); ++it)
                QVERIFY2(settings.value(it.key()) == it.value(), qPrintable(it.key()));
            QVERIFY(settings.contains(QStringLiteral("ui/geometry")));
            what = after == before ? QStringLiteral("parsed; file unchanged")
                                   : QStringLiteral("parsed; the app's ui/* keys written, %1 other keys kept").arg(userKeysBefore.size());
        }
        observe(QStringLiteral("settings (GUI)"), QString::fromLatin1(QTest::currentDataTag()), what);
        QDir(path).removeRecursively();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral(".unreadable"));
    }

    // ---- A library folder full of junk ---------------------------------------------------------

    void junkLibrary()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString folder = home.filePath(QStringLiteral("library"));
        QVERIFY(QDir().mkpath(folder));
        const QByteArray raw = QFile::encodeName(folder);

        QStringList validIds;
        {
            Story::Library writer(folder);
            for (int i = 0; i < 3; ++i) {
                Story::Story story = makeStory(QStringLiteral("Valid story %1").arg(i), QStringLiteral("The owl number %1 sang.").arg(i));
                QCOMPARE(writer.save(story), QString());
                validIds.append(story.id);
            }
        }
        QByteArray junk(20000, Qt::Uninitialized);
        QRandomGenerator random(7);
        for (char& c : junk)
            c = char(random.bounded(256));
        QVERIFY(writeRaw(raw + "/random-bytes.storybook", junk));
        QVERIFY(writeRaw(raw + "/empty.storybook", {}));
        QVERIFY(writeRaw(raw + "/json-but-not-a-story.storybook", "{\"format\":\"something-else\",\"pages\":7}"));
        QVERIFY(writeRaw(raw + "/truncated.storybook", readRaw(QFile::encodeName(folder + u'/' + validIds.at(0) + QStringLiteral(".storybook"))).left(200)));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/a-folder.storybook/inner")));
        QVERIFY(::symlink("loop-b.storybook", QByteArray(raw + "/loop-a.storybook").constData()) == 0);
        QVERIFY(::symlink("loop-a.storybook", QByteArray(raw + "/loop-b.storybook").constData()) == 0);
        QVERIFY(::symlink("self.storybook", QByteArray(raw + "/self.storybook").constData()) == 0);
        QVERIFY(::symlink("nowhere/gone.storybook", QByteArray(raw + "/dangling.storybook").constData()) == 0);
        QVERIFY(::symlink(".", QByteArray(raw + "/dir-loop.storybook").constData()) == 0);
        {
            QFile huge(folder + QStringLiteral("/huge.storybook")); // sparse: no disk blocks
            QVERIFY(huge.open(QIODevice::WriteOnly));
            QVERIFY(huge.resize(qint64(2) * 1024 * 1024 * 1024));
        }
        const QStringList junkFiles{QStringLiteral("random-bytes.storybook"), QStringLiteral("empty.storybook"),
                                    QStringLiteral("json-but-not-a-story.storybook"), QStringLiteral("truncated.storybook"),
                                    QStringLiteral("huge.storybook")};
        const auto before = snapshot(raw);

        // In-process: listing is fast, does not read the 2 GB file, lists each junk file with a reason.
        const qint64 hwmBefore = selfHighWaterKiB();
        QElapsedTimer clock;
        clock.start();
        Story::Library library(folder);
        QCOMPARE(library.reload(), QString());
        const qint64 reloadMs = clock.elapsed();
        const qint64 hwmGrowth = selfHighWaterKiB() - hwmBefore;
        QVERIFY2(hwmGrowth < 100 * 1024, qPrintable(QStringLiteral("memory high-water grew by %1 KiB").arg(hwmGrowth)));
        QVERIFY2(reloadMs < 10000, qPrintable(QString::number(reloadMs)));
        QMap<QString, QString> problems;
        int readable = 0;
        for (const Story::StoryRecord& record : library.records()) {
            if (record.readable) {
                ++readable;
                QVERIFY(validIds.contains(record.id));
            } else {
                QVERIFY2(!record.problem.isEmpty(), qPrintable(record.fileName));
                problems.insert(record.fileName, record.problem);
            }
        }
        QCOMPARE(readable, 3);
        for (const QString& name : junkFiles)
            QVERIFY2(problems.contains(name), qPrintable(name + QStringLiteral(" not listed as unreadable")));
        QVERIFY(problems.value(QStringLiteral("huge.storybook")).contains(QLatin1String("too large")));
        QVERIFY(!problems.contains(QStringLiteral("a-folder.storybook")));
        for (auto it = problems.cbegin(); it != problems.cend(); ++it)
            observe(QStringLiteral("junk library"), it.key(), it.value());
        observe(QStringLiteral("junk library"), QStringLiteral("symlink loops, dangling link, folder named *.storybook"),
                QStringLiteral("not listed (not regular files); left alone"));
        QCOMPARE(library.search(QStringLiteral("owl")).size(), 3);
        QString why;
        QVERIFY(!library.load(QStringLiteral("huge.storybook"), &why));
        QVERIFY(!why.isEmpty());
        for (const QString& id : std::as_const(validIds))
            QVERIFY(library.load(id, &why));
        // Saving over a junk file's name is refused (a story whose id is the junk file's base name).
        Story::Story squatter = makeStory(QStringLiteral("squatter"), QStringLiteral("x"));
        squatter.id = QStringLiteral("random-bytes");
        QVERIFY(library.save(squatter).contains(QLatin1String("left untouched")));
        // Importing junk is refused without copying anything.
        QVERIFY(!library.import(folder + QStringLiteral("/huge.storybook"), &why));
        QVERIFY(why.contains(QLatin1String("too large")));
        QVERIFY(!library.import(folder + QStringLiteral("/loop-a.storybook"), &why));
        QVERIFY(!why.isEmpty());
        QVERIFY(!library.import(folder + QStringLiteral("/a-folder.storybook"), &why));
        QVERIFY(!why.isEmpty());

        // Black box: list, search, show, import of junk, delete + restore of a valid one.
        const QProcessEnvironment env = hermeticEnvironment(home.path());
        const QStringList lib{QStringLiteral("--library"), folder};
        const CliRun list = runProgram(Cli, QStringList{QStringLiteral("story"), QStringLiteral("list"), QStringLiteral("--json")} + lib, env);
        QVERIFY2(list.exitCode == 0, list.err.constData());
        const QJsonArray listed = QJsonDocument::fromJson(list.out).array();
        int listedReadable = 0;
        QSet<QString> listedUnreadable;
        for (const QJsonValue& value : listed) {
            const QJsonObject object = value.toObject();
            if (object.value(QLatin1String("readable")).toBool())
                ++listedReadable;
            else
                listedUnreadable.insert(object.value(QLatin1String("file")).toString());
        }
        QCOMPARE(listedReadable, 3);
        for (const QString& name : junkFiles)
            QVERIFY2(listedUnreadable.contains(name), qPrintable(name));
        QVERIFY(list.ms < 10000);
        // The CLI's own peak RSS, from GNU time (this process's children's maximum would include
        // every child so far): the 2 GB file is not read.
        STORYBOOK_REQUIRE_TOOL(QFileInfo(QStringLiteral("/usr/bin/time")).isExecutable(), "/usr/bin/time (package time)");
        const CliRun measured = runShell(QStringLiteral("/usr/bin/time -f 'maxrss-kib %M' \"$CLI\" story list --json --library ")
                                             + shellQuote(folder) + QStringLiteral(" >/dev/null"),
                                         env);
        QVERIFY2(measured.exitCode == 0, measured.err.constData());
        const qint64 cliPeakKib = measured.err.mid(measured.err.lastIndexOf("maxrss-kib ") + 11).trimmed().toLongLong();
        QVERIFY2(cliPeakKib > 0 && cliPeakKib < 200 * 1024, qPrintable(QStringLiteral("storybook-cli peak RSS %1 KiB").arg(cliPeakKib)));
        qInfo("junk library: in-process reload %lld ms, high-water growth %lld KiB; CLI list %lld ms, its peak RSS %lld KiB",
              reloadMs, hwmGrowth, list.ms, cliPeakKib);

        const CliRun search = runProgram(Cli, QStringList{QStringLiteral("story"), QStringLiteral("search"), QStringLiteral("owl")} + lib, env);
        QCOMPARE(search.exitCode, 0);
        QCOMPARE(search.out.count('\n'), 3);
        const CliRun showHuge = runProgram(Cli, QStringList{QStringLiteral("story"), QStringLiteral("show"), QStringLiteral("huge.storybook")} + lib, env);
        QCOMPARE(showHuge.exitCode, 2);
        QVERIFY2(firstErrorLine(showHuge.err).contains("too large"), showHuge.err.constData());
        const CliRun showJunk = runProgram(Cli, QStringList{QStringLiteral("story"), QStringLiteral("show"), QStringLiteral("random-bytes.storybook")} + lib, env);
        QCOMPARE(showJunk.exitCode, 2);
        QVERIFY(!firstErrorLine(showJunk.err).isEmpty());
        observe(QStringLiteral("junk library"), QStringLiteral("story show <junk file>"),
                QStringLiteral("exit 2 `%1`").arg(QString::fromUtf8(firstErrorLine(showJunk.err))));
        const CliRun importHuge = runProgram(Cli, QStringList{QStringLiteral("story"), QStringLiteral("import"), folder + QStringLiteral("/huge.storybook")} + lib, env);
        QCOMPARE(importHuge.exitCode, 2);
        QVERIFY(firstErrorLine(importHuge.err).contains("too large"));
        observe(QStringLiteral("junk library"), QStringLiteral("story import <2 GB file>"),
                QStringLiteral("exit 2 `%1`").arg(QString::fromUtf8(firstErrorLine(importHuge.err))));
        const CliRun deleteJunk = runProgram(Cli, QStringList{QStringLiteral("story"), QStringLiteral("delete"), QStringLiteral("empty.storybook")} + lib, env);
        QVERIFY(deleteJunk.exitCode != 0);
        QVERIFY(!firstErrorLine(deleteJunk.err).isEmpty());
        observe(QStringLiteral("junk library"), QStringLiteral("story delete <junk file>"),
                QStringLiteral("exit %1 `%2`").arg(deleteJunk.exitCode).arg(QString::fromUtf8(firstErrorLine(deleteJunk.err))));

        // Nothing in the folder was modified, moved or deleted by any of that.
        QCOMPARE(snapshot(raw), before);

        const CliRun remove = runProgram(Cli, QStringList{QStringLiteral("story"), QStringLiteral("delete"), validIds.at(1)} + lib, env);
        QVERIFY2(remove.exitCode == 0, remove.err.constData());
        const CliRun restore = runProgram(Cli, QStringList{QStringLiteral("story"), QStringLiteral("restore"), validIds.at(1)} + lib, env);
        QVERIFY2(restore.exitCode == 0, restore.err.constData());
        auto afterRoundTrip = snapshot(raw);
        afterRoundTrip.remove(".trash");
        for (const QString& name : junkFiles)
            QCOMPARE(afterRoundTrip.value(QFile::encodeName(name)), before.value(QFile::encodeName(name)));
        const QByteArray restoredName = QFile::encodeName(validIds.at(1) + QStringLiteral(".storybook"));
        QCOMPARE(afterRoundTrip.value(restoredName).split(' ').last(), before.value(restoredName).split(' ').last()); // same content
    }

    // ---- An unwritable library folder ----------------------------------------------------------

    void unwritableLibrary()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString folder = home.filePath(QStringLiteral("library"));
        QString existingId;
        {
            Story::Library writer(folder);
            Story::Story story = makeStory(QStringLiteral("Existing"), QStringLiteral("An old page that must survive."));
            QCOMPARE(writer.save(story), QString());
            existingId = story.id;
        }
        QVERIFY(writeRaw(QFile::encodeName(home.filePath(QStringLiteral("import-me.storybook"))),
                         makeStory(QStringLiteral("Imported"), QStringLiteral("x")).toFileData()));
        const QByteArray raw = QFile::encodeName(folder);
        const auto before = snapshot(raw);
        const QProcessEnvironment env = hermeticEnvironment(home.path());

        const bool root = ::geteuid() == 0;
        const bool viaMount = canUnshareMount();
        QString how;
        QString prefix;
        if (viaMount) {
            how = QStringLiteral("read-only bind mount (unshare -m)");
            prefix = QStringLiteral("mount --bind %1 %1 && mount -o remount,bind,ro %1 %1 && ").arg(shellQuote(folder));
        } else if (!root) {
            how = QStringLiteral("chmod 0555");
            QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                                      | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther));
        } else {
            STORYBOOK_REQUIRE_TOOL(false, "unshare -m (root ignores chmod; a read-only bind mount is needed)");
        }
        const auto run = [&](const QStringList& arguments) {
            QStringList quoted;
            for (const QString& argument : arguments)
                quoted.append(shellQuote(argument));
            const QString command = prefix + QStringLiteral("exec \"$CLI\" ") + quoted.join(u' ');
            return viaMount ? runProgram(QStringLiteral("unshare"), {QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), command},
                                         [&] { auto e = env; e.insert(QStringLiteral("CLI"), Cli); return e; }(), 60000)
                            : runShell(command, env);
        };
        const QStringList lib{QStringLiteral("--library"), folder};

        const CliRun created = run(QStringList{QStringLiteral("story"), QStringLiteral("new"), QStringLiteral("--pages"), QStringLiteral("2"),
                                               QStringLiteral("a fox in a read-only world")} + lib + connection());
        QVERIFY2(created.exitCode == 1, created.err.constData());
        const QByteArray error = firstErrorLine(created.err);
        QVERIFY2(error.contains("cannot be saved"), created.err.constData());
        QVERIFY2(created.err.contains("hint: Check that the library folder is writable"), created.err.constData());
        QVERIFY2(created.out.contains("Once upon a time"), created.out.constData()); // the text is not lost: it was printed
        observe(QStringLiteral("unwritable library (%1)").arg(how), QStringLiteral("story new"),
                QStringLiteral("exit 1 `%1`; the page text is still printed").arg(QString::fromUtf8(error)));

        const CliRun regenerated = run(QStringList{QStringLiteral("story"), QStringLiteral("regenerate"), existingId} + lib + connection());
        QVERIFY2(regenerated.exitCode == 1, regenerated.err.constData());
        QVERIFY(firstErrorLine(regenerated.err).contains("cannot be saved"));
        QVERIFY(regenerated.out.contains("Once upon a time"));
        observe(QStringLiteral("unwritable library (%1)").arg(how), QStringLiteral("story regenerate"),
                QStringLiteral("exit 1 `%1`").arg(QString::fromUtf8(firstErrorLine(regenerated.err))));

        const CliRun imported = run(QStringList{QStringLiteral("story"), QStringLiteral("import"), home.filePath(QStringLiteral("import-me.storybook"))} + lib);
        QVERIFY2(imported.exitCode == 2, imported.err.constData());
        QVERIFY(firstErrorLine(imported.err).contains("cannot be saved"));
        observe(QStringLiteral("unwritable library (%1)").arg(how), QStringLiteral("story import"),
                QStringLiteral("exit 2 `%1`").arg(QString::fromUtf8(firstErrorLine(imported.err))));

        const CliRun removed = run(QStringList{QStringLiteral("story"), QStringLiteral("delete"), existingId} + lib);
        QVERIFY2(removed.exitCode == 2, removed.err.constData());
        QVERIFY(!firstErrorLine(removed.err).isEmpty());
        observe(QStringLiteral("unwritable library (%1)").arg(how), QStringLiteral("story delete"),
                QStringLiteral("exit 2 `%1`").arg(QString::fromUtf8(firstErrorLine(removed.err))));

        const CliRun listed = run(QStringList{QStringLiteral("story"), QStringLiteral("list")} + lib);
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains(existingId.toUtf8()));

        if (!viaMount)
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(snapshot(raw), before); // the existing story is intact, nothing half-written left
    }

    // ---- A full disk ---------------------------------------------------------------------------

    void fullDisk_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("tmpfs-256k") << QStringLiteral("tmpfs");
        QTest::newRow("rlimit-fsize") << QStringLiteral("rlimit");
    }

    // The library on a full 256 KiB tmpfs (in a private mount namespace), or RLIMIT_FSIZE (works
    // unprivileged; SIGXFSZ ignored): regenerate, new and import fail with a clear message and the
    // old file stays intact. The tmpfs vanishes with the namespace, so the script copies the
    // library out (snapshot) before it ends.
    void fullDisk()
    {
        QFETCH(QString, how);
        const bool tmpfs = how == QLatin1String("tmpfs");
        if (tmpfs && !canUnshareMount())
            STORYBOOK_REQUIRE_TOOL(false, "unshare -m with mount (root or user namespaces)");
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString seed = home.filePath(QStringLiteral("seed"));
        const QString folder = home.filePath(QStringLiteral("library"));
        const QString out = home.filePath(QStringLiteral("after"));
        QVERIFY(QDir().mkpath(out));
        QString existingId;
        {
            Story::Library writer(seed);
            Story::Story story = makeStory(QStringLiteral("Existing"), QString(3000, u'o')); // ~4 KB
            QCOMPARE(writer.save(story), QString());
            existingId = story.id;
        }
        const QString existingFile = existingId + QStringLiteral(".storybook");
        const QByteArray original = readRaw(QFile::encodeName(seed + u'/' + existingFile));
        QVERIFY(original.size() > 3000);
        QVERIFY(writeRaw(QFile::encodeName(home.filePath(QStringLiteral("import-me.storybook"))),
                         makeStory(QStringLiteral("Imported"), QString(20000, u'i')).toFileData()));
        QProcessEnvironment env = hermeticEnvironment(home.path());
        env.insert(QStringLiteral("CLI"), Cli);
        env.insert(QStringLiteral("LIB"), folder);
        env.insert(QStringLiteral("SEED"), seed);
        env.insert(QStringLiteral("OUT"), out);

        QString setup;
        QString limit;
        if (tmpfs) {
            setup = QStringLiteral("mkdir -p \"$LIB\" && mount -t tmpfs -o size=256k tmpfs \"$LIB\" && cp \"$SEED\"/*.storybook \"$LIB\"/ && "
                                   "{ dd if=/dev/zero of=\"$LIB\"/filler bs=4096 count=100 2>/dev/null; true; } && ");
        } else {
            // One block of 512 bytes (dash counts 512-byte blocks): neither the 4 KB story nor a fresh
            // one-page story (about 900 bytes) fits.
            setup = QStringLiteral("mkdir -p \"$LIB\" && cp \"$SEED\"/*.storybook \"$LIB\"/ && ");
            limit = QStringLiteral("trap '' XFSZ; ulimit -f 1; ");
        }
        QStringList quoted;
        for (const QString& argument : connection())
            quoted.append(shellQuote(argument));
        const QString conn = quoted.join(u' ');
        const QString script = setup
            + QStringLiteral("( %1\"$CLI\" story regenerate %2 --library \"$LIB\" %3 >\"$OUT\"/regen.out 2>\"$OUT\"/regen.err; echo $? >\"$OUT\"/regen.rc ); "
                             "( %1\"$CLI\" story new --pages 1 'a fox on a full disk' --library \"$LIB\" %3 >\"$OUT\"/new.out 2>\"$OUT\"/new.err; echo $? >\"$OUT\"/new.rc ); "
                             "( %1\"$CLI\" story import \"$HOME\"/import-me.storybook --library \"$LIB\" >\"$OUT\"/import.out 2>\"$OUT\"/import.err; echo $? >\"$OUT\"/import.rc ); "
                             "mkdir -p \"$OUT\"/lib && cp -a \"$LIB\"/. \"$OUT\"/lib/ ; rm -f \"$OUT\"/lib/filler; df -k \"$LIB\" | tail -1 >\"$OUT\"/df")
                  .arg(limit, existingId, conn);
        const CliRun run = tmpfs ? runProgram(QStringLiteral("unshare"), {QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), script}, env, 120000)
                                 : runProgram(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}, env, 120000);
        QVERIFY2(!run.timedOut, "the full-disk script hung");
        const auto file = [&](const QString& name) { return readRaw(QFile::encodeName(out + u'/' + name)); };
        qInfo("df after: %s", file(QStringLiteral("df")).constData());

        for (const QString& step : {QStringLiteral("regen"), QStringLiteral("new"), QStringLiteral("import")}) {
            const int rc = file(step + QStringLiteral(".rc")).trimmed().toInt();
            const QByteArray err = file(step + QStringLiteral(".err"));
            QVERIFY2(rc == 1 || rc == 2, qPrintable(step + QStringLiteral(": exit %1 ").arg(rc) + QString::fromUtf8(err)));
            const QByteArray error = firstErrorLine(err);
            QVERIFY2(error.contains("cannot be saved"), qPrintable(step + u' ' + QString::fromUtf8(err)));
            QVERIFY2(error.contains("No space left") || error.contains("too large") || error.contains("File too large")
                         || error.contains("Resource"),
                     error.constData()); // the reason is the disk (or the file size limit)
            if (step != QLatin1String("import"))
                QVERIFY2(file(step + QStringLiteral(".out")).contains("Once upon a time"), "the generated text is printed");
            observe(QStringLiteral("full disk (%1)").arg(how), QStringLiteral("story %1").arg(step == QLatin1String("regen") ? QStringLiteral("regenerate") : step),
                    QStringLiteral("exit %1 `%2`").arg(rc).arg(QString::fromUtf8(error)));
        }
        // The old version is intact and nothing else (no truncated story, no temporary file) is left.
        QCOMPARE(readRaw(QFile::encodeName(out + QStringLiteral("/lib/") + existingFile)), original);
        QStringList left = QDir(out + QStringLiteral("/lib")).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QCOMPARE(left, QStringList{existingFile});
    }

    // ---- Non-UTF-8 file names ------------------------------------------------------------------

    void nonUtf8Names()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QByteArray homeRaw = QFile::encodeName(home.path());
        // A library folder whose own name is not UTF-8, with one story named in UTF-8 inside.
        const QByteArray badFolder = homeRaw + "/lib\xff\xfe";
        QVERIFY(::mkdir(badFolder.constData(), 0755) == 0);
        const Story::Story inBadFolder = makeStory(QStringLiteral("In a bad folder"), QStringLiteral("The moth glowed."));
        QVERIFY(writeRaw(badFolder + "/" + QFile::encodeName(inBadFolder.id) + ".storybook", inBadFolder.toFileData()));
        // A normal library with stories whose file names are not UTF-8, and a real U+FFFD twin.
        const QString folder = home.filePath(QStringLiteral("library"));
        const QByteArray raw = QFile::encodeName(folder);
        QVERIFY(::mkdir(raw.constData(), 0755) == 0);
        const Story::Story good = makeStory(QStringLiteral("Plain name"), QStringLiteral("The badger hummed."));
        QVERIFY(writeRaw(raw + "/" + QFile::encodeName(good.id) + ".storybook", good.toFileData()));
        const Story::Story latin1 = makeStory(QStringLiteral("Latin-1 name"), QStringLiteral("The heron waded."));
        QVERIFY(writeRaw(raw + "/caf\xe9.storybook", latin1.toFileData()));
        const Story::Story twinRaw = makeStory(QStringLiteral("Raw byte twin"), QStringLiteral("The newt slept."));
        QVERIFY(writeRaw(raw + "/twin\xff.storybook", twinRaw.toFileData()));
        const Story::Story twinUtf8 = makeStory(QStringLiteral("Real U+FFFD twin"), QStringLiteral("The vole ran."));
        QVERIFY(writeRaw(raw + "/twin\xef\xbf\xbd.storybook", twinUtf8.toFileData()));
        QVERIFY(writeRaw(raw + "/junk\x80\x81.storybook", "not a story"));
        QVERIFY(writeRaw(homeRaw + "/import\xfe\xff.storybook", makeStory(QStringLiteral("Import me"), QStringLiteral("The lark sang.")).toFileData()));
        const auto before = snapshot(raw);
        const auto beforeBad = snapshot(badFolder);

        // In-process.
        Story::Library library(folder);
        QCOMPARE(library.reload(), QString());
        QStringList seen;
        for (const Story::StoryRecord& record : library.records())
            seen.append(QStringLiteral("%1=%2").arg(record.fileName, record.readable ? record.title : QStringLiteral("unreadable: ") + record.problem));
        qInfo() << "non-UTF-8 library:" << seen;
        QVERIFY(library.record(good.id) && library.record(good.id)->readable);
        QVERIFY(library.record(twinUtf8.id) && library.record(twinUtf8.id)->readable);
        QCOMPARE(library.records().size(), 5); // every file is listed, readable or not

        const QProcessEnvironment env = hermeticEnvironment(home.path());
        const auto cli = [&](const QString& arguments) { return runShell(QStringLiteral("exec \"$CLI\" ") + arguments, env); };
        const QString lib = QStringLiteral("--library %1").arg(shellQuote(folder));

        const CliRun list = cli(QStringLiteral("story list --json ") + lib);
        QVERIFY2(list.exitCode == 0, list.err.constData());
        const QJsonArray listed = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(listed.size(), 5);
        for (const QJsonValue& value : listed) {
            const QJsonObject object = value.toObject();
            observe(QStringLiteral("non-UTF-8 names"), QStringLiteral("list: ") + object.value(QLatin1String("file")).toString(),
                    object.value(QLatin1String("readable")).toBool() ? QStringLiteral("listed: ") + object.value(QLatin1String("title")).toString()
                                                                     : QStringLiteral("unreadable: ") + object.value(QLatin1String("problem")).toString());
        }
        const CliRun search = cli(QStringLiteral("story search the ") + lib);
        QCOMPARE(search.exitCode, 0);

        // A library folder whose name is not UTF-8.
        const CliRun badList = cli(QStringLiteral("story list --json --library \"$(printf '%s/lib\\377\\376' %1)\"").arg(shellQuote(QString::fromUtf8(homeRaw))));
        QVERIFY2(badList.exitCode >= 0, "crash");
        observe(QStringLiteral("non-UTF-8 names"), QStringLiteral("--library lib\\xff\\xfe"),
                badList.exitCode == 0 ? QStringLiteral("exit 0, %1 stories").arg(QJsonDocument::fromJson(badList.out).array().size())
                                      : QStringLiteral("exit %1 `%2`").arg(badList.exitCode).arg(QString::fromUtf8(firstErrorLine(badList.err))));
        // Qt cannot name that folder (its bytes become U+FFFD): refused, and no look-alike folder is made.
        QVERIFY2(badList.exitCode == 2 && firstErrorLine(badList.err).contains("not valid UTF-8"), badList.err.constData());
        QVERIFY(!QFileInfo::exists(QFile::decodeName(badFolder)));

        // Import from a path that is not UTF-8.
        const CliRun imported = cli(QStringLiteral("story import \"$(printf '%s/import\\376\\377.storybook' %1)\" ").arg(shellQuote(QString::fromUtf8(homeRaw))) + lib);
        QVERIFY2(imported.exitCode >= 0, "crash");
        QVERIFY2(imported.exitCode == 0 || !firstErrorLine(imported.err).isEmpty(), imported.err.constData());
        observe(QStringLiteral("non-UTF-8 names"), QStringLiteral("story import import\\xfe\\xff.storybook"),
                imported.exitCode == 0 ? QStringLiteral("exit 0, imported")
                                       : QStringLiteral("exit %1 `%2`").arg(imported.exitCode).arg(QString::fromUtf8(firstErrorLine(imported.err))));

        // Deleting the real U+FFFD twin moves that file, not its raw-byte look-alike.
        const CliRun removed = cli(QStringLiteral("story delete %1 ").arg(twinUtf8.id) + lib);
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        QVERIFY(::access(QByteArray(raw + "/twin\xff.storybook").constData(), F_OK) == 0);
        QCOMPARE(entryState(raw + "/twin\xff.storybook"), before.value("twin\xff.storybook"));
        QVERIFY(::access(QByteArray(raw + "/.trash/" + QFile::encodeName(twinUtf8.id) + ".storybook").constData(), F_OK) == 0);
        const CliRun restored = cli(QStringLiteral("story restore %1 ").arg(twinUtf8.id) + lib);
        QVERIFY2(restored.exitCode == 0, restored.err.constData());

        // Every raw-named file is still there, byte for byte.
        auto after = snapshot(raw);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (it.key().startsWith("twin\xef\xbf\xbd"))
                continue; // moved to the trash and back: checked below
            QVERIFY2(after.value(it.key()) == it.value(), it.key().toPercentEncoding().constData());
        }
        // Restored under its id (the library's own name for it), with the same content.
        QCOMPARE(after.value(QFile::encodeName(twinUtf8.id) + ".storybook").split(' ').last(),
                 before.value("twin\xef\xbf\xbd.storybook").split(' ').last());
        QCOMPARE(snapshot(badFolder).value(QFile::encodeName(inBadFolder.id) + ".storybook"), beforeBad.value(QFile::encodeName(inBadFolder.id) + ".storybook"));
    }
};

int main(int argc, char* argv[])
{
    // A hermetic HOME for this process's own QSettings and QStandardPaths, before Qt reads them.
    QTemporaryDir temporary;
    if (!temporary.isValid())
        return 1;
    const QByteArray home = QFile::encodeName(temporary.path());
    qputenv("HOME", home);
    for (const char* name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QByteArray path = home + '/' + QByteArray(name).mid(4).toLower().replace("_home", "");
        ::mkdir(path.constData(), 0700);
        qputenv(name, path);
    }
    qunsetenv("STORYBOOK_LIBRARY");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybook"));
    QCoreApplication::setApplicationName(QStringLiteral("storybook"));
    TestBadInput test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_badinput.moc"
