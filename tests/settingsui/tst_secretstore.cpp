#include "secretstore.h"

#include <QSignalSpy>
#include <QTest>

using Storybook::SettingsUi::SecretStore;

class TestSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryOnlyKeepsValuesForTheSession();
    void callbacksNeverRunInsideTheCall();
    void keychainOrFallbackAlwaysAnswers();
};

namespace {

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

void writeNow(SecretStore& store, const QString& key, const QString& value)
{
    bool done = false;
    store.write(key, value, [&](const QString&) { done = true; });
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        qWarning("write did not answer");
}

} // namespace

void TestSecretStore::memoryOnlyKeepsValuesForTheSession()
{
    SecretStore store(nullptr, SecretStore::Backend::MemoryOnly);
    QVERIFY(!store.isPersistent());
    QVERIFY(!store.fallbackReason().isEmpty());
    QCOMPARE(readNow(store, SecretStore::apiKeyName()), QString());
    writeNow(store, SecretStore::apiKeyName(), QStringLiteral("sk-memory-123"));
    writeNow(store, SecretStore::proxyPasswordName(), QStringLiteral("pw 456"));
    QCOMPARE(readNow(store, SecretStore::apiKeyName()), QStringLiteral("sk-memory-123"));
    QCOMPARE(readNow(store, SecretStore::proxyPasswordName()), QStringLiteral("pw 456"));

    bool removed = false;
    store.remove(SecretStore::apiKeyName(), [&](const QString& error) {
        QVERIFY(error.isEmpty());
        removed = true;
    });
    QTRY_VERIFY(removed);
    QCOMPARE(readNow(store, SecretStore::apiKeyName()), QString());
    writeNow(store, SecretStore::proxyPasswordName(), QString()); // empty removes
    QCOMPARE(readNow(store, SecretStore::proxyPasswordName()), QString());

    // A second store (the next session) knows nothing.
    SecretStore next(nullptr, SecretStore::Backend::MemoryOnly);
    writeNow(store, SecretStore::apiKeyName(), QStringLiteral("sk-memory-123"));
    QCOMPARE(readNow(next, SecretStore::apiKeyName()), QString());
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

void TestSecretStore::keychainOrFallbackAlwaysAnswers()
{
    // With a real keychain the value round-trips there; on a headless machine (CI) the store falls
    // back to memory and says so. Either way the value is there for this session.
    SecretStore store;
    store.setTimeout(5000);
    QSignalSpy lost(&store, &SecretStore::persistenceLost);
    const QString key = QStringLiteral("selftest-%1").arg(QCoreApplication::applicationPid());
    writeNow(store, key, QStringLiteral("value-789"));
    QCOMPARE(readNow(store, key), QStringLiteral("value-789"));
    if (!store.isPersistent()) {
        QVERIFY(!store.fallbackReason().isEmpty());
#if defined(STORYBOOK_HAVE_KEYCHAIN)
        QCOMPARE(lost.count(), 1);
#endif
    }
    bool removed = false;
    store.remove(key, [&](const QString&) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 15000);
    QCOMPARE(readNow(store, key), QString());
    qInfo("keychain persistent: %s", store.isPersistent() ? "yes" : "no (memory fallback)");
}

QTEST_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
