#include "connectionsettings.h"
#include "redactor.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;

class TestRedactor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownSecrets()
    {
        Redactor redactor({QStringLiteral("sk-test-SECRET-123456"), QStringLiteral("pr0xyPass!")});
        const QString text = QStringLiteral("key sk-test-SECRET-123456 and pw pr0xyPass! and url socks5h://u:pr0xyPass%21@h:1");
        const QString clean = redactor.redact(text);
        QVERIFY(!clean.contains(QLatin1String("SECRET")));
        QVERIFY(!clean.contains(QLatin1String("pr0xyPass")));
        QVERIFY(clean.contains(QLatin1String("***")));
    }

    void patterns_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer") << "Authorization: Bearer abcdefSECRET" << "abcdefSECRET";
        QTest::newRow("proxy-basic") << "Proxy-Authorization: Basic dXNlcjpwYXNz" << "dXNlcjpwYXNz";
        QTest::newRow("url") << "http://user:hunter22@proxy:8080" << "hunter22";
        QTest::newRow("sk") << "Incorrect API key provided: sk-proj-abcdefghijklmnop" << "abcdefghijklmnop";
        QTest::newRow("json-header") << R"({"Authorization":"Bearer xyzSECRET"})" << "xyzSECRET";
    }

    void patterns()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        QVERIFY(!Redactor::redactPatterns(text).contains(secret));
    }

    void displayUrlMasksPassword()
    {
        QCOMPARE(displayUrl(QUrl(QStringLiteral("socks5h://u:secret@127.0.0.1:1080"))),
                 QStringLiteral("socks5h://u:***@127.0.0.1:1080"));
    }

    void settingsNeverHoldSecrets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        Llm::ConnectionSettings settings;
        settings.apiKey = QStringLiteral("sk-never-on-disk-123456");
        settings.proxy.mode = Llm::ProxySettings::Mode::Socks5;
        settings.proxy.host = QStringLiteral("127.0.0.1");
        settings.proxy.port = 1080;
        settings.proxy.user = QStringLiteral("alice");
        settings.proxy.password = QStringLiteral("never-on-disk-pw");
        settings.totalTimeout = std::chrono::milliseconds(90500);
        settings.caBundle = QStringLiteral("corp.pem");
        settings.http2 = false;
        {
            QSettings file(path, QSettings::IniFormat);
            file.setValue(QStringLiteral("connection/apiKey"), QStringLiteral("legacy"));
            settings.save(file);
        }
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(!bytes.contains("never-on-disk"));
        QVERIFY(!bytes.contains("legacy"));
        QSettings file(path, QSettings::IniFormat);
        const auto loaded = Llm::ConnectionSettings::load(file);
        QCOMPARE(loaded.proxy.mode, Llm::ProxySettings::Mode::Socks5);
        QCOMPARE(loaded.proxy.user, QStringLiteral("alice"));
        QVERIFY(loaded.proxy.password.isEmpty());
        QVERIFY(loaded.apiKey.isEmpty());
        QCOMPARE(loaded.totalTimeout.count(), 90500);
        QCOMPARE(loaded.caBundle, QStringLiteral("corp.pem"));
        QCOMPARE(loaded.http2, false);
    }

    void malformedSettingsFallBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.ini"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[network]\nproxyMode=warp\nproxyPort=99999999\nconnectTimeoutSeconds=-4\nretries=abc\n"
                "[connection]\nbaseUrl=::::\n\x01\x02garbage\n");
        f.close();
        QSettings file(path, QSettings::IniFormat);
        const auto loaded = Llm::ConnectionSettings::load(file);
        const Llm::ConnectionSettings defaults;
        QCOMPARE(loaded.proxy.mode, defaults.proxy.mode);
        QCOMPARE(loaded.connectTimeout, defaults.connectTimeout);
        QCOMPARE(loaded.retries, defaults.retries);
        QCOMPARE(loaded.baseUrl, defaults.baseUrl);
        QCOMPARE(loaded.proxy.port, quint16(65535)); // clamped
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
