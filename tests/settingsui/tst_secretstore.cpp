// The secret store in memory, in this process without a session bus, and in the three worlds a user
// can be in, each in processes of its own (secretstore-probe; QtKeychain picks its backend once per
// process): no D-Bus session at all, a session bus with no Secret Service (and one whose Secret
// Service never answers until the test lets it fail), and a real Secret Service (gnome-keyring in a
// private bus with a throw-away home). In each: a value written and read back by a second process,
// and quitting while a read, a write, or a settings dialog's reads are pending (issue 14: the store
// freed running jobs and libsecret's late answer then used them). Everything the test starts it
// stops by PID; the developer's own bus and keyring are never reached.
#include "keyring.h"
#include "requiretool.h"
#include "secretstore.h"
#include "sessionbus.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <memory>

using Storybook::SettingsUi::SecretStore;
using namespace Storybook::Test;

namespace {

QString g_root; // this process's own isolated home (set in main())

enum class World { NoBusNowhere, NoBusUnset, BusWithoutService, ServiceNeverAnswers, GnomeKeyring };

QString readNow(SecretStore& store, const QString& key, QString* error = nullptr)
{
    QString value;
    bool done = false;
    store.read(key, [&](const QString& v, const QString& e) {
        value = v;
        if (error)
            *error = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        qWarning("read did not answer");
    return value;
}

bool writeNow(SecretStore& store, const QString& key, const QString& value)
{
    bool done = false;
    store.write(key, value, [&](const QString&) { done = true; });
    return QTest::qWaitFor([&] { return done; }, 15000);
}

struct ProbeResult
{
    bool finished = false;
    QProcess::ExitStatus status = QProcess::CrashExit;
    int exitCode = -1;
    QStringList lines;
    QString errors;

    [[nodiscard]] bool has(const QString& line) const { return lines.contains(line); }
    [[nodiscard]] QString value(const QString& prefix) const
    {
        for (const QString& line : lines) {
            if (line.startsWith(prefix + u' '))
                return line.mid(prefix.size() + 1);
            if (line == prefix)
                return {};
        }
        return QStringLiteral("<no %1 line>").arg(prefix);
    }
    [[nodiscard]] QString describe() const
    {
        return QStringLiteral("finished %1, status %2, exit code %3\nstdout:\n%4\nstderr:\n%5")
            .arg(finished)
            .arg(int(status))
            .arg(exitCode)
            .arg(lines.join(u'\n'), errors.right(6000));
    }
    [[nodiscard]] bool cleanExit() const
    {
        return finished && status == QProcess::NormalExit && exitCode == 0 && !errors.contains(QLatin1String("Sanitizer"))
               && !errors.contains(QLatin1String("runtime error"));
    }
};

// One world, set up for one test row and torn down after it.
class WorldSetup
{
public:
    World world = World::NoBusNowhere;
    QTemporaryDir root{QDir::tempPath() + QStringLiteral("/storybook-world-XXXXXX")};
    std::unique_ptr<SessionBus> bus;
    std::unique_ptr<ThrowAwayKeyring> keyring;
    QProcessEnvironment environment;
    QString problem;

    bool enter(World w)
    {
        world = w;
        if (!root.isValid()) {
            problem = QStringLiteral("no temporary folder");
            return false;
        }
        switch (w) {
        case World::NoBusNowhere:
            environment = isolatedEnvironment(root.path());
            break;
        case World::NoBusUnset:
            environment = isolatedEnvironment(root.path());
            environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
            break;
        case World::BusWithoutService:
        case World::ServiceNeverAnswers:
            bus = std::make_unique<SessionBus>();
            if (!bus->start(w == World::ServiceNeverAnswers ? SessionBus::SecretService::Hanging
                                                            : SessionBus::SecretService::None)) {
                problem = bus->errorString();
                return false;
            }
            environment = bus->environment(isolatedEnvironment(root.path()));
            break;
        case World::GnomeKeyring:
            keyring = std::make_unique<ThrowAwayKeyring>();
            if (!keyring->start()) {
                problem = keyring->errorString();
                return false;
            }
            environment = keyring->environment();
            break;
        }
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return true;
    }

    [[nodiscard]] bool hanging() const { return world == World::ServiceNeverAnswers; }
    [[nodiscard]] bool persistent() const { return world == World::GnomeKeyring; }

    // The probe with this world's environment. In the world whose Secret Service never answers, the
    // answers are let through (the helper killed, so the bus fails the pending call) only once the
    // probe's store is gone: they arrive late, as from a slow keyring.
    ProbeResult probe(QStringList arguments, bool answerLate = true, int timeoutMs = 60000)
    {
        if (hanging())
            arguments << QStringLiteral("--marker") << bus->secretServiceRequestMarker();
        ProbeResult result;
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SECRETSTORE_PROBE_PATH), arguments);
        if (!process.waitForStarted(10000)) {
            result.errors = process.errorString();
            return result;
        }
        QByteArray out;
        QDeadlineTimer deadline(timeoutMs);
        while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            process.waitForReadyRead(100); // or the process ends
            out += process.readAllStandardOutput();
            if (hanging() && answerLate && out.contains("owner-gone\n"))
                bus->releaseSecretService(); // each pending request in turn, as it comes
        }
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        } else {
            result.finished = true;
        }
        out += process.readAllStandardOutput();
        result.status = process.exitStatus();
        result.exitCode = process.exitCode();
        result.lines = QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
        result.errors = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    // Whether `needle` is in any file under the world's root (a secret must never reach a file
    // outside the keyring, whose file is encrypted).
    [[nodiscard]] QStringList filesContaining(const QByteArray& needle) const
    {
        QStringList found;
        QDirIterator it(root.path(), QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                found << file.fileName();
        }
        return found;
    }
};

void addWorlds()
{
    QTest::addColumn<World>("world");
    QTest::newRow("no session bus (address points nowhere)") << World::NoBusNowhere;
    QTest::newRow("no session bus (address unset)") << World::NoBusUnset;
    QTest::newRow("session bus without a Secret Service") << World::BusWithoutService;
    QTest::newRow("Secret Service that answers late") << World::ServiceNeverAnswers;
    QTest::newRow("gnome-keyring") << World::GnomeKeyring;
}

} // namespace

Q_DECLARE_METATYPE(World)

// A build without QtKeychain has only the memory store: nothing below would run.
#define REQUIRE_KEYCHAIN() STORYBOOK_REQUIRE(SecretStore::keychainBuiltIn(), "a build with QtKeychain (qtkeychain-qt6-dev)")
// The current row's world, or the test ends here (skipped, or failed under CI or when it did not start).
#define ENTER_WORLD()                                                                                                  \
    QFETCH(World, world);                                                                                              \
    enterWorld(world);                                                                                                 \
    if (!m_world)                                                                                                      \
        return;

class TestSecretStore final : public QObject
{
    Q_OBJECT

    std::unique_ptr<WorldSetup> m_world;

    // Starts the current row's world, or skips (fails under CI) when a program for it is missing;
    // m_world is set only when the world is ready (see ENTER_WORLD).
    void enterWorld(World world)
    {
        REQUIRE_KEYCHAIN();
        if (world != World::NoBusNowhere && world != World::NoBusUnset)
            STORYBOOK_REQUIRE_TOOL(SessionBus::available(), "dbus-daemon and dbus-send (dbus-daemon, dbus-bin)");
        if (world == World::GnomeKeyring) {
            STORYBOOK_REQUIRE_TOOL(ThrowAwayKeyring::available(), "gnome-keyring-daemon (gnome-keyring)");
            STORYBOOK_REQUIRE_TOOL(ThrowAwayKeyring::lookupAvailable(), "secret-tool (libsecret-tools)");
        }
        auto setup = std::make_unique<WorldSetup>();
        QVERIFY2(setup->enter(world), qPrintable(setup->problem));
        m_world = std::move(setup);
    }

    QString keyringValue(const QString& key, bool* found)
    {
        return m_world->keyring->lookup({QStringLiteral("user"), key, QStringLiteral("server"), SecretStore::serviceName()},
                                        found);
    }

private Q_SLOTS:
    void initTestCase();
    void cleanup() { m_world.reset(); }

    // In this process (no session bus: see main()).
    void memoryOnlyKeepsValuesForTheSession();
    void callbacksNeverRunInsideTheCall();
    void noSessionBusFallsBackToMemory();
    void storeGoneWhileJobsPending();

    // In the three worlds, through secretstore-probe.
    void writtenValueReadBySecondProcess_data() { addWorlds(); }
    void writtenValueReadBySecondProcess();
    void quitWhileReadPending_data() { addWorlds(); }
    void quitWhileReadPending();
    void quitWhileWritePending_data() { addWorlds(); }
    void quitWhileWritePending();
    void dialogClosedWhileReadsPending_data() { addWorlds(); }
    void dialogClosedWhileReadsPending();
};

void TestSecretStore::initTestCase()
{
    QVERIFY(!g_root.isEmpty());
    QVERIFY(qEnvironmentVariable("HOME").startsWith(g_root));
    QVERIFY(QFile::exists(QStringLiteral(SECRETSTORE_PROBE_PATH)));
}

void TestSecretStore::memoryOnlyKeepsValuesForTheSession()
{
    SecretStore store(nullptr, SecretStore::Backend::MemoryOnly);
    QVERIFY(!store.isPersistent());
    QVERIFY(!store.fallbackReason().isEmpty());
    QCOMPARE(readNow(store, SecretStore::apiKeyName()), QString());
    QVERIFY(writeNow(store, SecretStore::apiKeyName(), QStringLiteral("sk-memory-123")));
    QVERIFY(writeNow(store, SecretStore::proxyPasswordName(), QStringLiteral("pw 456")));
    QCOMPARE(readNow(store, SecretStore::apiKeyName()), QStringLiteral("sk-memory-123"));
    QCOMPARE(readNow(store, SecretStore::proxyPasswordName()), QStringLiteral("pw 456"));

    bool removed = false;
    store.remove(SecretStore::apiKeyName(), [&](const QString& error) {
        QVERIFY(error.isEmpty());
        removed = true;
    });
    QTRY_VERIFY(removed);
    QCOMPARE(readNow(store, SecretStore::apiKeyName()), QString());
    QVERIFY(writeNow(store, SecretStore::proxyPasswordName(), QString())); // empty removes
    QCOMPARE(readNow(store, SecretStore::proxyPasswordName()), QString());

    // A second store (the next session) knows nothing.
    SecretStore next(nullptr, SecretStore::Backend::MemoryOnly);
    QVERIFY(writeNow(store, SecretStore::apiKeyName(), QStringLiteral("sk-memory-123")));
    QCOMPARE(readNow(next, SecretStore::apiKeyName()), QString());
    QCOMPARE(SecretStore::pendingJobs(), 0); // memory only: no keychain job at all
}

void TestSecretStore::callbacksNeverRunInsideTheCall()
{
    SecretStore store(nullptr, SecretStore::Backend::MemoryOnly);
    bool called = false;
    store.read(QStringLiteral("x"), [&](const QString&, const QString&) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
    called = false;
    store.write(QStringLiteral("x"), QStringLiteral("y"), [&](const QString&) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
}

void TestSecretStore::noSessionBusFallsBackToMemory()
{
    // This process has no session bus (main()): the keychain fails, the store says so once and
    // keeps the value in memory for the session.
    REQUIRE_KEYCHAIN();
    SecretStore store;
    store.setTimeout(10000);
    QVERIFY(store.isPersistent()); // until the keychain has been tried
    QSignalSpy lost(&store, &SecretStore::persistenceLost);
    const QString key = QStringLiteral("selftest-%1").arg(QCoreApplication::applicationPid());
    QVERIFY(writeNow(store, key, QStringLiteral("value-789")));
    QCOMPARE(readNow(store, key), QStringLiteral("value-789"));
    QVERIFY(!store.isPersistent());
    QCOMPARE(lost.count(), 1);
    QVERIFY(!lost.first().first().toString().isEmpty());
    QVERIFY(!store.fallbackReason().isEmpty());
    bool removed = false;
    store.remove(key, [&](const QString&) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 15000);
    QCOMPARE(readNow(store, key), QString());
    QTRY_COMPARE(SecretStore::pendingJobs(), 0);
}

void TestSecretStore::storeGoneWhileJobsPending()
{
    REQUIRE_KEYCHAIN();
    // The badinput crash in small: the owner goes one turn after a read and a write started, before
    // libsecret has answered (without a bus it answers on a later turn). The jobs live on, their
    // answers reach nobody, and they are gone once finished.
    auto owner = std::make_unique<QObject>();
    auto* store = new SecretStore(owner.get());
    bool answered = false;
    store->read(QStringLiteral("gone-read"), [&](const QString&, const QString&) { answered = true; });
    store->write(QStringLiteral("gone-write"), QStringLiteral("v"), [&](const QString&) { answered = true; });
    QCOMPARE(SecretStore::pendingJobs(), 2);
    QCOMPARE(SecretStore::pendingWrites(), 1);
    QCoreApplication::processEvents(); // the jobs start
    QVERIFY(SecretStore::pendingJobs() > 0);
    owner.reset();
    QTRY_COMPARE_WITH_TIMEOUT(SecretStore::pendingJobs(), 0, 15000);
    QCOMPARE(SecretStore::pendingWrites(), 0);
    QVERIFY(!answered);
    QVERIFY(SecretStore::finishPendingWrites(std::chrono::milliseconds(100)));
}

void TestSecretStore::writtenValueReadBySecondProcess()
{
    ENTER_WORLD();
    const QString key = QStringLiteral("probe-key");
    const QString value = QStringLiteral("sk-world-%1").arg(int(world));
    const ProbeResult written = m_world->probe({QStringLiteral("write"), key, value, QStringLiteral("--timeout"),
                                                QStringLiteral("1500"), QStringLiteral("--wait-writes"), QStringLiteral("1000")});
    QVERIFY2(written.cleanExit(), qPrintable(written.describe()));
    QVERIFY2(written.value(QStringLiteral("written")).isEmpty(), qPrintable(written.describe())); // no error
    QCOMPARE(written.value(QStringLiteral("persistent")), m_world->persistent() ? QStringLiteral("yes") : QStringLiteral("no"));
    QVERIFY2(written.value(QStringLiteral("writes-finished")) == (m_world->hanging() ? QStringLiteral("no") : QStringLiteral("yes")), qPrintable(written.describe()));

    const ProbeResult read = m_world->probe({QStringLiteral("read"), key, QStringLiteral("--timeout"), QStringLiteral("1500")});
    QVERIFY2(read.cleanExit(), qPrintable(read.describe()));
    if (m_world->persistent()) {
        // A second process found it, and it really is in the keyring: secret-tool reads it there.
        QCOMPARE(read.value(QStringLiteral("value")), value);
        QCOMPARE(read.value(QStringLiteral("persistent")), QStringLiteral("yes"));
        bool found = false;
        QCOMPARE(keyringValue(key, &found), value);
        QVERIFY(found);
        bool otherFound = true;
        QCOMPARE(keyringValue(QStringLiteral("no-such-key"), &otherFound), QString()); // the lookup can fail
        QVERIFY(!otherFound);
    } else {
        // Memory only: the next session does not have it, and it was never put in a file.
        QCOMPARE(read.value(QStringLiteral("value")), QString());
        QCOMPARE(read.value(QStringLiteral("persistent")), QStringLiteral("no"));
    }
    QCOMPARE(m_world->filesContaining(value.toUtf8()), QStringList());
}

void TestSecretStore::quitWhileReadPending()
{
    ENTER_WORLD();
    const ProbeResult result = m_world->probe({QStringLiteral("quit-reading"), SecretStore::apiKeyName()});
    QVERIFY2(result.cleanExit(), qPrintable(result.describe()));
    QVERIFY2(result.has(QStringLiteral("owner-gone")) && result.has(QStringLiteral("jobs-finished")),
             qPrintable(result.describe()));
    QVERIFY2(!result.has(QStringLiteral("late-answer")), qPrintable(result.describe()));
    if (!m_world->persistent()) // the read was in flight when the store went (a keyring may be quicker)
        QCOMPARE(result.value(QStringLiteral("pending")), QStringLiteral("1"));
}

void TestSecretStore::quitWhileWritePending()
{
    ENTER_WORLD();
    const QString value = QStringLiteral("sk-typed-just-now-%1").arg(int(world));
    // (Where the Secret Service never answers, it does not answer here either: the quit's wait is
    // bounded.)
    const ProbeResult result = m_world->probe({QStringLiteral("quit-writing"), SecretStore::apiKeyName(), value,
                                               QStringLiteral("--wait-writes"), QStringLiteral("1500")},
                                              false);
    QVERIFY2(result.cleanExit(), qPrintable(result.describe()));
    QCOMPARE(result.value(QStringLiteral("pending")), QStringLiteral("1")); // the write had not even started
    QVERIFY2(!result.has(QStringLiteral("late-answer")) && !result.has(QStringLiteral("answered")),
             qPrintable(result.describe()));
    // The quit waits for the write: done, except where the Secret Service never answers (bounded).
    QCOMPARE(result.value(QStringLiteral("writes-finished")), m_world->hanging() ? QStringLiteral("no") : QStringLiteral("yes"));
    if (m_world->persistent()) {
        // Not lost: the key typed just before quitting is in the keyring for the next start.
        bool found = false;
        QCOMPARE(keyringValue(SecretStore::apiKeyName(), &found), value);
        QVERIFY(found);
        const ProbeResult next = m_world->probe({QStringLiteral("read"), SecretStore::apiKeyName()});
        QVERIFY2(next.cleanExit(), qPrintable(next.describe()));
        QCOMPARE(next.value(QStringLiteral("value")), value);
    }
    QCOMPARE(m_world->filesContaining(value.toUtf8()), QStringList());
}

void TestSecretStore::dialogClosedWhileReadsPending()
{
    ENTER_WORLD();
    const ProbeResult result = m_world->probe({QStringLiteral("quit-dialog")});
    QVERIFY2(result.cleanExit(), qPrintable(result.describe()));
    QVERIFY2(result.has(QStringLiteral("owner-gone")) && result.has(QStringLiteral("jobs-finished")),
             qPrintable(result.describe()));
    QVERIFY2(!result.has(QStringLiteral("late-answer")), qPrintable(result.describe()));
    // The dialog reads three secrets: the API key (in flight), the proxy password and the voice
    // provider's key (queued behind it).
    if (!m_world->persistent())
        QCOMPARE(result.value(QStringLiteral("pending")), QStringLiteral("3"));
}

int main(int argc, char* argv[])
{
    // This process: a home of its own and no session bus, before anything reads the environment.
    QByteArray tmpl = QDir::tempPath().toLocal8Bit() + "/storybook-secretstore-XXXXXX";
    if (!mkdtemp(tmpl.data()))
        qFatal("cannot create a temporary root");
    g_root = QString::fromLocal8Bit(tmpl);
    const QProcessEnvironment isolated = isolatedEnvironment(g_root);
    for (const QString& name : QProcessEnvironment::systemEnvironment().keys()) {
        if (!isolated.contains(name))
            qunsetenv(name.toLocal8Bit().constData());
    }
    for (const QString& name : isolated.keys())
        qputenv(name.toLocal8Bit().constData(), isolated.value(name).toLocal8Bit());

    QCoreApplication app(argc, argv);
    int result = 0;
    {
        TestSecretStore test;
        result = QTest::qExec(&test, argc, argv);
    }
    QDir(g_root).removeRecursively();
    return result;
}

#include "tst_secretstore.moc"
