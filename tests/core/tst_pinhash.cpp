// The parent's PIN store: PBKDF2-HMAC-SHA256 against known answers, the stored form, a wrong PIN,
// malformed stored values, and the time one check takes.
#include "pinhash.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Storybook;

class TestPinHash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<QByteArray>("expected");
        // The RFC 6070 inputs with SHA-256 (the published PBKDF2-HMAC-SHA256 answers).
        QTest::newRow("1") << QByteArray("password") << QByteArray("salt") << 1
                           << QByteArray("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
        QTest::newRow("2") << QByteArray("password") << QByteArray("salt") << 2
                           << QByteArray("ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43");
        QTest::newRow("4096") << QByteArray("password") << QByteArray("salt") << 4096
                              << QByteArray("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
        QTest::newRow("long, two blocks") << QByteArray("passwordPASSWORDpassword")
                                          << QByteArray("saltSALTsaltSALTsaltSALTsaltSALTsalt") << 4096
                                          << QByteArray("348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9");
        QTest::newRow("NUL bytes") << QByteArray("pass\0word", 9) << QByteArray("sa\0lt", 5) << 4096
                                   << QByteArray("89b69d0516f829893c696226650a8687");
    }

    void knownAnswers()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(int, iterations);
        QFETCH(QByteArray, expected);
        const QByteArray derived = PinHash::pbkdf2Sha256(password, salt, iterations, int(expected.size() / 2));
        QCOMPARE(derived.toHex(), expected);
    }

    void storedFormAndVerify()
    {
        const QString stored = PinHash::hash(QStringLiteral("2580"));
        const QStringList parts = stored.split(u'$');
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(0), QStringLiteral("pbkdf2-sha256"));
        QVERIFY(parts.at(1).toInt() >= 100000);
        QVERIFY(!stored.contains(QLatin1String("2580")));
        QVERIFY(PinHash::isWellFormed(stored));
        QVERIFY(PinHash::verify(QStringLiteral("2580"), stored));
        QVERIFY(!PinHash::verify(QStringLiteral("2581"), stored));
        QVERIFY(!PinHash::verify(QString(), stored));
        QVERIFY(!PinHash::verify(QStringLiteral("25800"), stored));
        // A new salt every time: the same PIN never gives the same stored value.
        const QString again = PinHash::hash(QStringLiteral("2580"));
        QVERIFY(again != stored);
        QVERIFY(PinHash::verify(QStringLiteral("2580"), again));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("stored");
        const QString good = PinHash::hash(QStringLiteral("1234"), 1000);
        const QStringList parts = good.split(u'$');
        QTest::newRow("empty") << QString();
        QTest::newRow("the PIN itself") << QStringLiteral("1234");
        QTest::newRow("other scheme") << QStringList{QStringLiteral("pbkdf2-sha1"), parts[1], parts[2], parts[3]}.join(u'$');
        QTest::newRow("three parts") << QStringList{parts[0], parts[1], parts[2]}.join(u'$');
        QTest::newRow("five parts") << good + QStringLiteral("$x");
        QTest::newRow("iterations not a number") << QStringList{parts[0], QStringLiteral("lots"), parts[2], parts[3]}.join(u'$');
        QTest::newRow("zero iterations") << QStringList{parts[0], QStringLiteral("0"), parts[2], parts[3]}.join(u'$');
        QTest::newRow("negative") << QStringList{parts[0], QStringLiteral("-5"), parts[2], parts[3]}.join(u'$');
        QTest::newRow("absurd iterations") << QStringList{parts[0], QStringLiteral("2000000000"), parts[2], parts[3]}.join(u'$');
        QTest::newRow("bad base64 salt") << QStringList{parts[0], parts[1], QStringLiteral("***"), parts[3]}.join(u'$');
        QTest::newRow("empty salt") << QStringList{parts[0], parts[1], QString(), parts[3]}.join(u'$');
        QTest::newRow("short hash") << QStringList{parts[0], parts[1], parts[2], QStringLiteral("AAAA")}.join(u'$');
        QTest::newRow("bad base64 hash") << QStringList{parts[0], parts[1], parts[2], QStringLiteral("!!")}.join(u'$');
    }

    void malformed()
    {
        QFETCH(QString, stored);
        QVERIFY(!PinHash::isWellFormed(stored));
        QVERIFY(!PinHash::verify(QStringLiteral("1234"), stored));
    }

    void wellFormedLowIterationsStillVerify()
    {
        const QString stored = PinHash::hash(QStringLiteral("1234"), 1000);
        QVERIFY(PinHash::isWellFormed(stored));
        QVERIFY(PinHash::verify(QStringLiteral("1234"), stored));
    }

    void constantTimeEquals()
    {
        QVERIFY(PinHash::constantTimeEquals(QByteArray("abc"), QByteArray("abc")));
        QVERIFY(!PinHash::constantTimeEquals(QByteArray("abc"), QByteArray("abd")));
        QVERIFY(!PinHash::constantTimeEquals(QByteArray("abc"), QByteArray("ab")));
        QVERIFY(PinHash::constantTimeEquals(QByteArray(), QByteArray()));
    }

    // The default cost is measured: slow enough to make guessing costly, quick enough for a parent.
    void oneCheckTakesLittleTime()
    {
        QVERIFY(PinHash::DefaultIterations >= 100000);
        const QString stored = PinHash::hash(QStringLiteral("2580"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(PinHash::verify(QStringLiteral("2580"), stored));
        const qint64 ms = timer.elapsed();
        qInfo("one check: %lld ms at %d iterations", ms, PinHash::DefaultIterations);
        // Generous for sanitizer builds and a busy machine; a normal build takes far less.
        QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
    }
};

QTEST_GUILESS_MAIN(TestPinHash)
#include "tst_pinhash.moc"
