// The settings pages one by one (Provider, Network), KeyNeeds, and the "Connect a story writer"
// setup against the fake OpenAI-compatible server. Offscreen; only loopback addresses are contacted.
#include "connectdialog.h"
#include "errortexts.h"
#include "fakeopenaiserver.h"
#include "findchild.h"
#include "keyneeds.h"
#include "networkpage.h"
#include "providerpage.h"
#include "providerpresets.h"
#include "secretstore.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Storybook;
using SettingsUi::ConnectDialog;
using SettingsUi::KeyNeeds;
using SettingsUi::SecretStore;
using SettingsUi::SettingsDialog;
using Test::child;

class TestSettingsPages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void typedModelIsKeptOverALongerOne();
    void modelCompletionIsAPopup();
    void providerPageSavesAndLoads();
    void networkPageSavesAndLoads();
    void advancedIsHiddenByDefault();
    void advancedOpensForAProblemInIt();
    void proxyHostHasNoValueLikePlaceholder();
    void keyPlaceholderNamesTheProvider();
    void timeoutNamesMatchTheErrorTexts();
    void needsKeyForCloudNotLocal_data();
    void needsKeyForCloudNotLocal();
    void firstRunIsNoStoredProvider();
    void connectFlowWithTheFakeServer();
    void connectFlowLocalNeedsNoKey();
    void connectFlowReportsARefusedKey();
    void connectRunSavesSettingsAndKey();

private:
    QTemporaryDir m_dir;
    SecretStore* m_secrets = nullptr;
};

void TestSettingsPages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        qunsetenv(name);
}

void TestSettingsPages::init()
{
    m_secrets = new SecretStore(this, SecretStore::Backend::MemoryOnly);
    QSettings().clear();
}

void TestSettingsPages::cleanup()
{
    delete m_secrets;
    m_secrets = nullptr;
}

void TestSettingsPages::typedModelIsKeptOverALongerOne()
{
    Llm::ConnectionSettings in;
    in.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
    in.model = QStringLiteral("gpt-4o-mini");
    in.apiKey = QStringLiteral("sk-test");
    SettingsDialog dialog(in, {}, m_secrets);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* combo = child<QComboBox>(&dialog, "modelCombo");
    QVERIFY(combo->findText(QStringLiteral("gpt-4o-mini")) >= 0); // the longer name is in the list
    combo->setFocus();
    combo->lineEdit()->selectAll();
    QTest::keyClick(combo->lineEdit(), Qt::Key_Backspace);
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("gpt-4o"));
    QCOMPARE(combo->currentText(), QStringLiteral("gpt-4o"));
    // Leaving the field (Tab) and the dialog's values keep what was typed.
    QTest::keyClick(combo->lineEdit(), Qt::Key_Tab);
    QCOMPARE(dialog.connectionSettings().model, QStringLiteral("gpt-4o"));
}

void TestSettingsPages::modelCompletionIsAPopup()
{
    SettingsDialog dialog({}, {}, nullptr);
    QCompleter* completer = child<QComboBox>(&dialog, "modelCombo")->completer();
    QVERIFY(completer);
    QCOMPARE(completer->completionMode(), QCompleter::PopupCompletion);
}

void TestSettingsPages::providerPageSavesAndLoads()
{
    Llm::ConnectionSettings in;
    in.baseUrl = QUrl(QStringLiteral("https://api.deepseek.com/v1"));
    in.model = QStringLiteral("deepseek-reasoner");
    in.apiKey = QStringLiteral("sk-provider-page");
    SettingsUi::ProviderPage page(in, nullptr, [] { return Llm::ConnectionSettings(); });
    QCOMPARE(child<QComboBox>(&page, "presetCombo")->currentText(), QStringLiteral("DeepSeek"));
    Llm::ConnectionSettings out;
    page.apply(out);
    QCOMPARE(out.baseUrl, in.baseUrl);
    QCOMPARE(out.model, in.model);
    QCOMPARE(out.apiKey, in.apiKey);
    QVERIFY(page.problems().isEmpty());

    child<QLineEdit>(&page, "baseUrlEdit")->setText(QStringLiteral("ftp://nowhere"));
    child<QComboBox>(&page, "modelCombo")->setEditText(QString());
    QCOMPARE(page.problems().size(), 2);
    page.validate();
    QVERIFY(!child<QLabel>(&page, "baseUrlProblemLabel")->isHidden());
    QVERIFY(!child<QLabel>(&page, "modelProblemLabel")->isHidden());
}

void TestSettingsPages::networkPageSavesAndLoads()
{
    Llm::ConnectionSettings in;
    in.proxy.mode = Llm::ProxySettings::Mode::Http;
    in.proxy.host = QStringLiteral("proxy.lan");
    in.proxy.port = 3128;
    in.proxy.user = QStringLiteral("bob");
    in.proxy.password = QStringLiteral("pw");
    in.proxy.bypass = QStringLiteral("localhost");
    in.connectTimeout = std::chrono::seconds(7);
    in.idleTimeout = std::chrono::seconds(70);
    in.totalTimeout = std::chrono::seconds(0);
    in.retries = 4;
    in.http2 = false;
    SettingsUi::NetworkPage page(in, nullptr, [] { return QUrl(QStringLiteral("https://api.openai.com/v1")); });
    Llm::ConnectionSettings out;
    page.apply(out);
    QCOMPARE(out.proxy.mode, in.proxy.mode);
    QCOMPARE(out.proxy.host, in.proxy.host);
    QCOMPARE(out.proxy.port, in.proxy.port);
    QCOMPARE(out.proxy.user, in.proxy.user);
    QCOMPARE(out.proxy.password, in.proxy.password);
    QCOMPARE(out.proxy.bypass, in.proxy.bypass);
    QCOMPARE(out.connectTimeout, in.connectTimeout);
    QCOMPARE(out.idleTimeout, in.idleTimeout);
    QCOMPARE(out.totalTimeout, in.totalTimeout);
    QCOMPARE(out.retries, in.retries);
    QCOMPARE(out.http2, in.http2);
    QVERIFY(page.problems().isEmpty());
    child<QLineEdit>(&page, "proxyHostEdit")->setText(QStringLiteral("exa mple"));
    QCOMPARE(page.problems().size(), 1);
}

void TestSettingsPages::advancedIsHiddenByDefault()
{
    SettingsDialog dialog({}, {}, nullptr);
    dialog.showPage(SettingsDialog::Page::Network);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* advanced = child<QToolButton>(&dialog, "advancedButton");
    QVERIFY(advanced->isVisible());
    QVERIFY(!advanced->isChecked());
    for (const char* name : {"connectTimeoutSpin", "idleTimeoutSpin", "totalTimeoutSpin", "retriesSpin"})
        QVERIFY2(!child<QSpinBox>(&dialog, name)->isVisible(), name);
    QVERIFY(!child<QLineEdit>(&dialog, "caBundleEdit")->isVisible());
    QVERIFY(!child<QLineEdit>(&dialog, "bypassEdit")->isVisible());
    // The everyday choices stay in view.
    QVERIFY(child<QRadioButton>(&dialog, "systemProxyRadio")->isVisible());
    QVERIFY(child<QLineEdit>(&dialog, "proxyHostEdit")->isVisible());

    QTest::mouseClick(advanced, Qt::LeftButton);
    QVERIFY(advanced->isChecked());
    QVERIFY(child<QSpinBox>(&dialog, "idleTimeoutSpin")->isVisible());
    QVERIFY(child<QLineEdit>(&dialog, "bypassEdit")->isVisible());
    QTest::mouseClick(advanced, Qt::LeftButton);
    QVERIFY(!child<QSpinBox>(&dialog, "idleTimeoutSpin")->isVisible());
}

void TestSettingsPages::advancedOpensForAProblemInIt()
{
    SettingsDialog dialog({}, {}, nullptr);
    auto* page = dialog.networkPage();
    QVERIFY(!page->isAdvancedShown());
    child<QLineEdit>(&dialog, "caBundleEdit")->setText(m_dir.filePath(QStringLiteral("missing.pem")));
    QVERIFY(!dialog.problems().isEmpty());
    QVERIFY(page->isAdvancedShown()); // a problem is never hidden behind "Advanced…"
}

void TestSettingsPages::proxyHostHasNoValueLikePlaceholder()
{
    Llm::ConnectionSettings in;
    in.proxy.mode = Llm::ProxySettings::Mode::Http;
    SettingsDialog dialog(in, {}, nullptr);
    auto* host = child<QLineEdit>(&dialog, "proxyHostEdit");
    QCOMPARE(host->text(), QString());
    QCOMPARE(host->placeholderText(), QString());
    // The empty host is a problem to correct, not a value taken from a placeholder.
    QVERIFY(!dialog.problems().isEmpty());
    QCOMPARE(dialog.connectionSettings().proxy.host, QString());
}

void TestSettingsPages::keyPlaceholderNamesTheProvider()
{
    Llm::ConnectionSettings in;
    in.baseUrl = QUrl(QStringLiteral("https://api.deepseek.com/v1"));
    SettingsDialog dialog(in, {}, nullptr);
    auto* key = child<QLineEdit>(&dialog, "apiKeyEdit");
    QCOMPARE(key->placeholderText(), QStringLiteral("DeepSeek API key"));
    auto* preset = child<QComboBox>(&dialog, "presetCombo");
    preset->setCurrentIndex(preset->findData(QStringLiteral("openai")));
    QCOMPARE(key->placeholderText(), QStringLiteral("OpenAI API key"));
    preset->setCurrentIndex(preset->findData(QStringLiteral("ollama")));
    QVERIFY(!key->placeholderText().contains(QLatin1String("API key")));
}

void TestSettingsPages::timeoutNamesMatchTheErrorTexts()
{
    // Each timeout has one name: the form's label and the error's hint use the same words.
    SettingsDialog dialog({}, {}, nullptr);
    const struct
    {
        const char* label;
        Llm::LlmError::Kind kind;
    } timeouts[] = {{"connectTimeoutLabel", Llm::LlmError::Kind::ConnectTimeout},
                    {"idleTimeoutLabel", Llm::LlmError::Kind::IdleTimeout},
                    {"totalTimeoutLabel", Llm::LlmError::Kind::TotalTimeout}};
    for (const auto& timeout : timeouts) {
        const QString name = child<QLabel>(&dialog, timeout.label)->text().remove(u'&').remove(u':').trimmed().toLower();
        const Llm::LlmError error = Llm::makeError(timeout.kind, QStringLiteral("api.example:443"), QStringLiteral("30"));
        QVERIFY2(error.hint.toLower().contains(name), qPrintable(name + QStringLiteral(" / ") + error.hint));
    }
}

void TestSettingsPages::needsKeyForCloudNotLocal_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("needs");
    QTest::newRow("OpenAI, no key") << u"https://api.openai.com/v1"_qs << QString() << true;
    QTest::newRow("DeepSeek, blank key") << u"https://api.deepseek.com/v1"_qs << u"  "_qs << true;
    QTest::newRow("OpenAI with a key") << u"https://api.openai.com/v1"_qs << u"sk-x"_qs << false;
    QTest::newRow("Ollama") << u"http://127.0.0.1:11434/v1"_qs << QString() << false;
    QTest::newRow("LM Studio on localhost") << u"http://localhost:1234/v1"_qs << QString() << false;
    QTest::newRow("vLLM on IPv6 loopback") << u"http://[::1]:8000/v1"_qs << QString() << false;
    QTest::newRow("server on the home network") << u"http://192.168.1.20:8080/v1"_qs << QString() << false;
    QTest::newRow("a public address") << u"http://8.8.8.8/v1"_qs << QString() << true;
}

void TestSettingsPages::needsKeyForCloudNotLocal()
{
    QFETCH(QString, url);
    QFETCH(QString, key);
    QFETCH(bool, needs);
    Llm::ConnectionSettings settings;
    settings.baseUrl = QUrl(url);
    settings.apiKey = key;
    QCOMPARE(KeyNeeds::needsKey(settings), needs);
}

void TestSettingsPages::firstRunIsNoStoredProvider()
{
    QSettings settings;
    QVERIFY(KeyNeeds::isFirstRun(settings));
    Llm::ConnectionSettings chosen;
    chosen.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:11434/v1"));
    chosen.save(settings);
    QVERIFY(!KeyNeeds::isFirstRun(settings));
}

void TestSettingsPages::connectFlowWithTheFakeServer()
{
    Test::FakeOpenAiServer server;
    QVERIFY(server.listen());
    Llm::ConnectionSettings current;
    current.retries = 0;
    ConnectDialog dialog(current);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.step(), ConnectDialog::Step::Provider);
    auto* next = child<QPushButton>(&dialog, "nextButton");
    auto* save = child<QPushButton>(&dialog, "saveButton");
    QVERIFY(!save->isVisible());

    // 1. A provider: the key step names it; then "Custom", the fake server standing in for a service.
    dialog.choosePreset(QStringLiteral("deepseek"));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(dialog.step(), ConnectDialog::Step::Key);
    auto* key = child<QLineEdit>(&dialog, "keyEdit");
    QCOMPARE(key->placeholderText(), QStringLiteral("DeepSeek API key"));
    QVERIFY(!next->isEnabled()); // no key yet
    QTest::mouseClick(child<QPushButton>(&dialog, "backButton"), Qt::LeftButton);
    dialog.choosePreset(QStringLiteral("custom"));
    QTest::mouseClick(next, Qt::LeftButton);
    QVERIFY(child<QLineEdit>(&dialog, "urlEdit")->isVisible());
    child<QLineEdit>(&dialog, "urlEdit")->setText(server.baseUrl().toString());
    child<QLineEdit>(&dialog, "modelEdit")->setText(QStringLiteral("fake-small"));
    // 2. The key, pasted.
    QTest::keyClicks(key, QStringLiteral("sk-setup-123"));
    QVERIFY(next->isEnabled());
    // 3. The test, with the existing diagnostics.
    QSignalSpy tested(&dialog, &ConnectDialog::testFinished);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(dialog.step(), ConnectDialog::Step::Test);
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 30000);
    QVERIFY(dialog.lastReport().has_value());
    QVERIFY2(dialog.lastReport()->ok, qPrintable(dialog.lastReport()->toText()));
    QVERIFY(child<QLabel>(&dialog, "verdictLabel")->text().startsWith(QStringLiteral("✓")));
    QVERIFY(save->isVisible());
    QVERIFY(save->isEnabled());
    // The chat request of the check carried the key.
    bool sawKey = false;
    for (const auto& request : server.requests())
        sawKey = sawKey || request.header("authorization") == "Bearer sk-setup-123";
    QVERIFY(sawKey);
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Llm::ConnectionSettings chosen = dialog.connectionSettings();
    QCOMPARE(chosen.baseUrl, server.baseUrl());
    QCOMPARE(chosen.model, QStringLiteral("fake-small"));
    QCOMPARE(chosen.apiKey, QStringLiteral("sk-setup-123"));
    QCOMPARE(chosen.retries, 0); // the network settings are kept
}

void TestSettingsPages::connectFlowLocalNeedsNoKey()
{
    ConnectDialog dialog({});
    dialog.choosePreset(QStringLiteral("ollama"));
    dialog.next();
    QCOMPARE(dialog.step(), ConnectDialog::Step::Key);
    QVERIFY(child<QLineEdit>(&dialog, "keyEdit")->isHidden());
    QVERIFY(child<QPushButton>(&dialog, "nextButton")->isEnabled());
    const Llm::ConnectionSettings chosen = dialog.connectionSettings();
    QCOMPARE(chosen.baseUrl.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(chosen.apiKey.isEmpty());
    QVERIFY(!KeyNeeds::needsKey(chosen));
}

void TestSettingsPages::connectFlowReportsARefusedKey()
{
    Test::FakeOpenAiServer server;
    QVERIFY(server.listen());
    Llm::ConnectionSettings current;
    current.retries = 0;
    ConnectDialog dialog(current);
    dialog.show();
    dialog.choosePreset(QStringLiteral("custom"));
    dialog.next();
    child<QLineEdit>(&dialog, "urlEdit")->setText(server.baseUrl(QStringLiteral("status:401")).toString());
    child<QLineEdit>(&dialog, "modelEdit")->setText(QStringLiteral("fake-small"));
    child<QLineEdit>(&dialog, "keyEdit")->setText(QStringLiteral("sk-wrong-key"));
    QSignalSpy tested(&dialog, &ConnectDialog::testFinished);
    dialog.next();
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 30000);
    QVERIFY(!dialog.lastReport()->ok);
    auto* verdict = child<QLabel>(&dialog, "verdictLabel");
    QVERIFY(verdict->text().startsWith(QStringLiteral("✗")));
    QVERIFY(!verdict->text().contains(QStringLiteral("sk-wrong-key")));
    QVERIFY(child<QPushButton>(&dialog, "testAgainButton")->isVisible());
    QVERIFY(child<QLabel>(&dialog, "hintLabel")->isVisible());
}

void TestSettingsPages::connectRunSavesSettingsAndKey()
{
    // run() stores what the parent chose: the provider in QSettings, the key in the store.
    QTimer::singleShot(0, this, [] {
        auto* dialog = qobject_cast<ConnectDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->choosePreset(QStringLiteral("ollama"));
        dialog->next();
        dialog->accept();
    });
    Llm::ConnectionSettings current;
    current.apiKey = QStringLiteral("sk-old");
    const std::optional<Llm::ConnectionSettings> chosen = ConnectDialog::run(current, m_secrets, nullptr);
    QVERIFY(chosen.has_value());
    QCOMPARE(chosen->baseUrl.port(), 11434);
    QSettings settings;
    QVERIFY(!KeyNeeds::isFirstRun(settings));
    QCOMPARE(Llm::ConnectionSettings::load(settings).baseUrl, chosen->baseUrl);
    bool answered = false;
    QString stored = QStringLiteral("unset");
    m_secrets->read(SecretStore::apiKeyName(), [&](const QString& value, const QString&) {
        stored = value;
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
    QCOMPARE(stored, QString()); // a local program: the old key is not kept
}

QTEST_MAIN(TestSettingsPages)
#include "tst_settingspages.moc"
