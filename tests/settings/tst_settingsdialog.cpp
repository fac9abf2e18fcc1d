#include "proxylauncher.h"
#include "secretstore.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace Storybook;
using SettingsUi::SecretStore;
using SettingsUi::SettingsDialog;

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

    static Llm::ConnectionSettings unusual()
    {
        Llm::ConnectionSettings s;
        s.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
        s.model = QStringLiteral("my-model");
        s.apiKey = QStringLiteral("sk-dialog-SECRET-123");
        s.proxy.mode = Llm::ProxySettings::Mode::Socks5;
        s.proxy.host = QStringLiteral("127.0.0.1");
        s.proxy.port = 1081;
        s.proxy.user = QStringLiteral("alice");
        s.proxy.password = QStringLiteral("dialog-SECRET-pw");
        s.proxy.remoteDns = false;
        s.proxy.bypass = QStringLiteral("localhost");
        s.connectTimeout = std::chrono::seconds(12);
        s.idleTimeout = std::chrono::seconds(99);
        s.totalTimeout = std::chrono::seconds(600);
        s.retries = 5;
        s.http2 = false;
        return s;
    }

    template<typename T>
    static T* child(QWidget& dialog, const char* name)
    {
        T* widget = dialog.findChild<T*>(QLatin1String(name));
        Q_ASSERT(widget);
        return widget;
    }

    static QPushButton* okButton(QWidget& dialog)
    {
        return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void everyFieldRoundTrips()
    {
        SecretStore secrets(nullptr, SecretStore::Backend::MemoryOnly);
        const Llm::ConnectionSettings in = unusual();
        SettingsDialog dialog(in, {QStringLiteral("zh_CN")}, &secrets);
        const Llm::ConnectionSettings out = dialog.connectionSettings();
        QCOMPARE(out.baseUrl, in.baseUrl);
        QCOMPARE(out.model, in.model);
        QCOMPARE(out.apiKey, in.apiKey);
        QCOMPARE(out.proxy.mode, in.proxy.mode);
        QCOMPARE(out.proxy.host, in.proxy.host);
        QCOMPARE(out.proxy.port, in.proxy.port);
        QCOMPARE(out.proxy.user, in.proxy.user);
        QCOMPARE(out.proxy.password, in.proxy.password);
        QCOMPARE(out.proxy.remoteDns, in.proxy.remoteDns);
        QCOMPARE(out.proxy.bypass, in.proxy.bypass);
        QCOMPARE(out.connectTimeout, in.connectTimeout);
        QCOMPARE(out.idleTimeout, in.idleTimeout);
        QCOMPARE(out.totalTimeout, in.totalTimeout);
        QCOMPARE(out.retries, in.retries);
        QCOMPARE(out.http2, in.http2);
        QCOMPARE(dialog.preferences().language, QStringLiteral("zh_CN"));
        QVERIFY(okButton(dialog)->isEnabled());
        // The API key field hides the key until asked.
        QCOMPARE(child<QLineEdit>(dialog, "apiKeyEdit")->echoMode(), QLineEdit::Password);
    }

    void presetsFillAddressAndModel()
    {
        SettingsDialog dialog(unusual(), {}, nullptr);
        auto* presets = child<QComboBox>(dialog, "presetCombo");
        const int deepseek = presets->findText(QStringLiteral("DeepSeek"));
        QVERIFY(deepseek >= 0);
        presets->setCurrentIndex(deepseek);
        Q_EMIT presets->activated(deepseek);
        QCOMPARE(dialog.connectionSettings().baseUrl, QUrl(QStringLiteral("https://api.deepseek.com/v1")));
        QCOMPARE(dialog.connectionSettings().model, QStringLiteral("deepseek-chat"));
    }

    void badInputIsFlaggedInline_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("base-url") << "baseUrlEdit" << "ftp://x";
        QTest::newRow("host") << "proxyHostEdit" << "exa mple";
        QTest::newRow("port") << "proxyPortSpin" << "0";
        QTest::newRow("ca") << "caBundleEdit" << "/nonexistent/ca.pem";
    }

    void badInputIsFlaggedInline()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        SettingsDialog dialog(unusual(), {}, nullptr);
        dialog.show();
        QVERIFY(okButton(dialog)->isEnabled());
        QWidget* widget = dialog.findChild<QWidget*>(field);
        if (auto* spin = qobject_cast<QSpinBox*>(widget))
            spin->setValue(value.toInt());
        else
            static_cast<QLineEdit*>(widget)->setText(value);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(!dialog.problems().isEmpty());
        bool shown = false;
        for (const char* label : {"baseUrlProblemLabel", "proxyProblemLabel", "caProblemLabel"})
            shown = shown || (!child<QLabel>(dialog, label)->isHidden() && !child<QLabel>(dialog, label)->text().isEmpty());
        QVERIFY(shown);
        // Fixing it enables OK again.
        if (auto* spin = qobject_cast<QSpinBox*>(widget))
            spin->setValue(1081);
        else if (field == QLatin1String("baseUrlEdit"))
            static_cast<QLineEdit*>(widget)->setText(QStringLiteral("https://api.example.com/v1"));
        else if (field == QLatin1String("proxyHostEdit"))
            static_cast<QLineEdit*>(widget)->setText(QStringLiteral("proxy.example"));
        else
            static_cast<QLineEdit*>(widget)->clear();
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void systemModeShowsTheEnvironment()
    {
        qputenv("ALL_PROXY", "socks5h://127.0.0.1:1080");
        auto restore = qScopeGuard([] { qunsetenv("ALL_PROXY"); });
        Llm::ConnectionSettings s = unusual();
        s.baseUrl = QUrl(QStringLiteral("https://api.example.com/v1"));
        s.proxy.mode = Llm::ProxySettings::Mode::System;
        SettingsDialog dialog(s, {}, nullptr);
        dialog.show();
        const QString shown = child<QLabel>(dialog, "systemProxyLabel")->text();
        QVERIFY2(shown.contains(QLatin1String("socks5h://127.0.0.1:1080")), qPrintable(shown));
        QVERIFY(shown.contains(QLatin1String("ALL_PROXY")));
        QVERIFY(!child<QLineEdit>(dialog, "proxyHostEdit")->isEnabled());
    }

    void diagnosticsShowTheFailingProxyStage()
    {
        const quint16 dead = Storybook::Test::closedLoopbackPort();
        Llm::ConnectionSettings s = unusual();
        s.proxy.mode = Llm::ProxySettings::Mode::Http;
        s.proxy.port = dead;
        s.proxy.bypass.clear();
        SettingsDialog dialog(s, {}, nullptr);
        dialog.show();
        QSignalSpy done(&dialog, &SettingsDialog::diagnosticsFinished);
        dialog.runDiagnostics();
        QVERIFY(done.wait(20000));
        auto* tree = child<QTreeWidget>(dialog, "stagesTree");
        QCOMPARE(tree->topLevelItemCount(), 7);
        QCOMPARE(tree->topLevelItem(2)->text(0), QStringLiteral("✗"));
        QVERIFY(tree->topLevelItem(2)->text(3).contains(QString::number(dead)));
        QCOMPARE(tree->topLevelItem(3)->text(0), QStringLiteral("–"));
        QVERIFY(child<QLabel>(dialog, "verdictLabel")->text().contains(QString::number(dead)));
        QVERIFY(!child<QLabel>(dialog, "hintLabel")->text().isEmpty());
        child<QPushButton>(dialog, "copyReportButton")->click();
        const QString report = QApplication::clipboard()->text();
        QVERIFY(report.contains(QString::number(dead)));
        QVERIFY(!report.contains(QLatin1String("dialog-SECRET-pw")));
        QVERIFY(!report.contains(QLatin1String("sk-dialog-SECRET")));
    }

    void memorySecretStore()
    {
        SecretStore secrets(nullptr, SecretStore::Backend::MemoryOnly);
        QVERIFY(!secrets.isPersistent());
        QString got;
        secrets.write(QStringLiteral("api-key"), QStringLiteral("v1"), [](const QString& error) { QVERIFY(error.isEmpty()); });
        secrets.read(QStringLiteral("api-key"), [&got](const QString& value, const QString&) { got = value; });
        QCOMPARE(got, QStringLiteral("v1"));
        SettingsDialog dialog(Llm::ConnectionSettings(), {}, &secrets);
        QCOMPARE(dialog.connectionSettings().apiKey, QStringLiteral("v1"));
        QVERIFY(child<QLabel>(dialog, "keychainLabel")->text().contains(QLatin1String("keychain")));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
