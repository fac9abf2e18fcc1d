#include "fakeopenaiserver.h"
#include "findchild.h"
#include "providerpresets.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "speechdispatcher.h"

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
#include <QSlider>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Storybook;
using SettingsUi::SecretStore;
using SettingsUi::SettingsDialog;
using Mode = Llm::ProxySettings::Mode;
using Test::child;

namespace {

const QByteArray TestCaPem = QByteArrayLiteral(
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBjjCCATWgAwIBAgIUJq1YtQiphZwTuXgA+EZpFf+lApQwCgYIKoZIzj0EAwIw\n"
    "HDEaMBgGA1UEAwwRU3Rvcnlib29rIFRlc3QgQ0EwIBcNMjYxMTI4MDI0NTMyWhgP\n"
    "MjEyNjExMDQwMjQ1MzJaMBwxGjAYBgNVBAMMEVN0b3J5Ym9vayBUZXN0IENBMFkw\n"
    "EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE+dBal3ISGtxJ4+4iXsqa+swoLQlZxypX\n"
    "aRZycyZGOGG9lgl+8xcaByTxN7X4YFK6siLKAZUL0uqZtLOXNifjdaNTMFEwHQYD\n"
    "VR0OBBYEFBK7/4nuzB5vRlWmm7I1/4/O84BFMB8GA1UdIwQYMBaAFBK7/4nuzB5v\n"
    "RlWmm7I1/4/O84BFMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIf\n"
    "P4O29DWjQFGe8Q9PH8qoaN+/e+R3v6+cD62V5qY98QIhAIFo0oVnBQDnNrnUz0Ky\n"
    "m0XGLAJb+2i3FQCqrr1TKyN9\n"
    "-----END CERTIFICATE-----\n");

QPushButton* okButton(SettingsDialog& dialog)
{
    return child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Ok);
}

// A loopback port where nothing listens (bound, noted, closed).
quint16 deadPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot bind a loopback port");
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

void clearProxyEnvironment()
{
    for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                             "no_proxy", "NO_PROXY"})
        qunsetenv(name);
}

} // namespace

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyFieldRoundTrips();
    void defaultsRoundTrip();
    void secretsComeFromTheStore();
    void typedSecretsWinOverTheStore();
    void fallbackStoreShowsWarning();
    void presetFillsUrlAndModel_data();
    void presetFillsUrlAndModel();
    void urlSelectsPreset();
    void badInputIsFlaggedInline_data();
    void badInputIsFlaggedInline();
    void pastedProxyUrlIsTakenApart();
    void proxyFieldsFollowTheMode();
    void systemModeShowsEnvironmentProxy();
    void tabsAndPreferences();
    void refreshListsModels();
    void refreshShowsErrorInline();
    void diagnosticsAgainstDeadProxy();
    void diagnosticsAllGreen();
    void closingCancelsDiagnostics();

private:
    // Returns once the store has answered every read asked of it so far (a dialog's included): it
    // answers in order, so the answer to one more read comes after theirs.
    void waitForStore()
    {
        bool answered = false;
        m_secrets->read(SecretStore::apiKeyName(), [&](const QString&, const QString&) { answered = true; });
        QVERIFY(QTest::qWaitFor([&] { return answered; }, 5000));
    }

    QTemporaryDir m_dir;
    SecretStore* m_secrets = nullptr;
    // The voices on the General page come from this test's own speech-dispatcher, not from one that
    // libspeechd would start on its own with the machine's configuration (and leave running).
    Test::NullAudioSpeechDispatcher m_speechd;
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    clearProxyEnvironment();
    if (Test::NullAudioSpeechDispatcher::available() && m_speechd.start())
        qputenv("SPEECHD_ADDRESS", m_speechd.address());
    else // no server of its own: point libspeechd at nothing rather than at the machine's
        qputenv("SPEECHD_ADDRESS", "unix_socket:" + QFile::encodeName(m_dir.filePath(QStringLiteral("no-speechd.sock"))));
}

void TestSettingsDialog::init()
{
    m_secrets = new SecretStore(this, SecretStore::Backend::MemoryOnly);
}

void TestSettingsDialog::cleanup()
{
    delete m_secrets;
    m_secrets = nullptr;
    clearProxyEnvironment();
}

void TestSettingsDialog::everyFieldRoundTrips()
{
    const QString caPath = m_dir.filePath(QStringLiteral("ca.pem"));
    QFile ca(caPath);
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write(TestCaPem);
    ca.close();

    Llm::ConnectionSettings in;
    in.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/custom/v1"));
    in.model = QStringLiteral("my-model:7b");
    in.apiKey = QStringLiteral("sk-roundtrip-123");
    in.proxy.mode = Mode::Socks5;
    in.proxy.host = QStringLiteral("proxy.lan");
    in.proxy.port = 7891;
    in.proxy.user = QStringLiteral("alice");
    in.proxy.password = QStringLiteral("p@ss word:1");
    in.proxy.remoteDns = false;
    in.proxy.bypass = QStringLiteral("localhost,.corp.example");
    in.connectTimeout = std::chrono::seconds(12);
    in.idleTimeout = std::chrono::seconds(45);
    in.totalTimeout = std::chrono::seconds(300);
    in.retries = 5;
    in.maxConnectionsPerHost = 3;
    in.caBundle = caPath;
    in.http2 = false;

    SettingsDialog::Preferences preferences;
    preferences.language = QStringLiteral("zh_CN");
    preferences.speech.voice = QStringLiteral("kal16");
    preferences.speech.rate = -0.5;
    SettingsDialog dialog(in, preferences, m_secrets);
    QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(u'\n')));
    QVERIFY(okButton(dialog)->isEnabled());
    waitForStore(); // the (empty) store has answered the dialog: it must not overwrite anything

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
    QCOMPARE(out.maxConnectionsPerHost, in.maxConnectionsPerHost);
    QCOMPARE(out.caBundle, in.caBundle);
    QCOMPARE(out.http2, in.http2);
    QCOMPARE(dialog.preferences().language, QStringLiteral("zh_CN"));
    QCOMPARE(dialog.preferences().speech, preferences.speech);
    // The voice list of the system engine (if any) keeps the chosen voice; the speed follows the slider.
    dialog.showPage(SettingsDialog::Page::General);
    QCOMPARE(dialog.preferences().speech.voice, QStringLiteral("kal16"));
    child<QSlider>(&dialog, "speedSlider")->setValue(7);
    QCOMPARE(dialog.preferences().speech.rate, 0.7);
    child<QComboBox>(&dialog, "voiceCombo")->setCurrentIndex(0);
    QCOMPARE(dialog.preferences().speech.voice, QString());

    // Editing fields changes the result.
    child<QRadioButton>(&dialog, "httpProxyRadio")->setChecked(true);
    child<QSpinBox>(&dialog, "totalTimeoutSpin")->setValue(0);
    child<QCheckBox>(&dialog, "http2Check")->setChecked(true);
    const Llm::ConnectionSettings edited = dialog.connectionSettings();
    QCOMPARE(edited.proxy.mode, Mode::Http);
    QCOMPARE(edited.totalTimeout, std::chrono::milliseconds(0));
    QVERIFY(edited.http2);
}

void TestSettingsDialog::defaultsRoundTrip()
{
    const Llm::ConnectionSettings in;
    SettingsDialog dialog(in, {}, nullptr);
    const Llm::ConnectionSettings out = dialog.connectionSettings();
    QCOMPARE(out.baseUrl, in.baseUrl);
    QCOMPARE(out.model, in.model);
    QCOMPARE(out.proxy.mode, Mode::System);
    QCOMPARE(out.proxy.bypass, Llm::ProxySettings::defaultBypass());
    QCOMPARE(out.proxy.remoteDns, true);
    QCOMPARE(out.connectTimeout, in.connectTimeout);
    QCOMPARE(out.idleTimeout, in.idleTimeout);
    QCOMPARE(out.totalTimeout, std::chrono::milliseconds(0));
    QCOMPARE(out.retries, in.retries);
    QCOMPARE(out.http2, in.http2);
    QCOMPARE(dialog.preferences().language, QString());
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(child<QComboBox>(&dialog, "presetCombo")->currentText(), QStringLiteral("OpenAI"));
}

void TestSettingsDialog::secretsComeFromTheStore()
{
    bool written = false;
    m_secrets->write(SecretStore::apiKeyName(), QStringLiteral("sk-from-store"), [](const QString&) {});
    m_secrets->write(SecretStore::proxyPasswordName(), QStringLiteral("pw-from-store"),
                     [&](const QString&) { written = true; });
    QTRY_VERIFY(written);

    Llm::ConnectionSettings in;
    in.proxy.mode = Mode::Http;
    in.proxy.host = QStringLiteral("127.0.0.1");
    in.proxy.port = 3128;
    SettingsDialog dialog(in, {}, m_secrets);
    QTRY_COMPARE(dialog.connectionSettings().apiKey, QStringLiteral("sk-from-store"));
    QTRY_COMPARE(dialog.connectionSettings().proxy.password, QStringLiteral("pw-from-store"));
    QCOMPARE(child<QLineEdit>(&dialog, "apiKeyEdit")->echoMode(), QLineEdit::Password);
    child<QCheckBox>(&dialog, "showKeyCheck")->setChecked(true);
    QCOMPARE(child<QLineEdit>(&dialog, "apiKeyEdit")->echoMode(), QLineEdit::Normal);
}

void TestSettingsDialog::typedSecretsWinOverTheStore()
{
    bool written = false;
    m_secrets->write(SecretStore::apiKeyName(), QStringLiteral("sk-old"), [&](const QString&) { written = true; });
    QTRY_VERIFY(written);
    SettingsDialog dialog(Llm::ConnectionSettings{}, {}, m_secrets);
    auto* key = child<QLineEdit>(&dialog, "apiKeyEdit");
    key->setFocus();
    QTest::keyClicks(key, QStringLiteral("sk-typed")); // before the store answers
    waitForStore();
    QCOMPARE(key->text(), QStringLiteral("sk-typed"));
    QCOMPARE(dialog.connectionSettings().apiKey, QStringLiteral("sk-typed"));
}

void TestSettingsDialog::fallbackStoreShowsWarning()
{
    SettingsDialog dialog(Llm::ConnectionSettings{}, {}, m_secrets);
    auto* label = child<QLabel>(&dialog, "keychainLabel");
    QVERIFY(!label->isHidden());
    QVERIFY(label->text().contains(QStringLiteral("only until the app closes")));
    QCOMPARE(label->textFormat(), Qt::PlainText);

    SettingsDialog withoutStore(Llm::ConnectionSettings{}, {}, nullptr);
    QVERIFY(child<QLabel>(&withoutStore, "keychainLabel")->isHidden());
}

void TestSettingsDialog::presetFillsUrlAndModel_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("model");
    const QList<SettingsUi::ProviderPreset> presets = SettingsUi::ProviderPresets::all();
    for (int i = 0; i < presets.size(); ++i) {
        if (!presets[i].baseUrl.isEmpty())
            QTest::newRow(qPrintable(presets[i].id)) << i << presets[i].baseUrl << presets[i].model;
    }
    QCOMPARE(presets.size(), 11);
}

void TestSettingsDialog::presetFillsUrlAndModel()
{
    QFETCH(int, index);
    QFETCH(QUrl, url);
    QFETCH(QString, model);
    Llm::ConnectionSettings in;
    in.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
    in.model = QStringLiteral("something-else");
    SettingsDialog dialog(in, {}, m_secrets);
    auto* combo = child<QComboBox>(&dialog, "presetCombo");
    QCOMPARE(combo->currentText(), QStringLiteral("Custom"));
    combo->setCurrentIndex(index);
    QCOMPARE(dialog.connectionSettings().baseUrl, url);
    QCOMPARE(dialog.connectionSettings().model, model);
    QVERIFY(!child<QLabel>(&dialog, "presetHintLabel")->text().isEmpty());
    QVERIFY(okButton(dialog)->isEnabled());
}

void TestSettingsDialog::urlSelectsPreset()
{
    SettingsDialog dialog(Llm::ConnectionSettings{}, {}, m_secrets);
    auto* combo = child<QComboBox>(&dialog, "presetCombo");
    auto* url = child<QLineEdit>(&dialog, "baseUrlEdit");
    url->setText(QStringLiteral("https://api.deepseek.com/v1/"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("deepseek"));
    url->setText(QStringLiteral("http://127.0.0.1:5000/v1"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("custom"));
    // Choosing "Custom" keeps what was typed.
    combo->setCurrentIndex(combo->count() - 1);
    QCOMPARE(url->text(), QStringLiteral("http://127.0.0.1:5000/v1"));
}

void TestSettingsDialog::badInputIsFlaggedInline_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("good");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("port 0") << u"port"_qs << u"0"_qs << u"1080"_qs << u"proxyPortProblemLabel"_qs << u"65535"_qs;
    QTest::newRow("host with a space") << u"host"_qs << u"exa mple"_qs << u"example.org"_qs << u"proxyProblemLabel"_qs
                                       << u"exa mple"_qs;
    QTest::newRow("empty host") << u"host"_qs << QString() << u"127.0.0.1"_qs << u"proxyProblemLabel"_qs << QString();
    QTest::newRow("missing CA file") << u"ca"_qs << u"/nonexistent/dir/ca.pem"_qs << QString() << u"caProblemLabel"_qs
                                     << u"ca.pem"_qs;
    QTest::newRow("CA file without certificates") << u"ca"_qs << u"GARBAGE"_qs << QString() << u"caProblemLabel"_qs
                                                  << u"PEM"_qs;
    QTest::newRow("CA is a directory") << u"ca"_qs << u"DIR"_qs << u"PEMFILE"_qs << u"caProblemLabel"_qs << QString();
    QTest::newRow("ftp base URL") << u"url"_qs << u"ftp://x"_qs << u"http://127.0.0.1:9/v1"_qs
                                  << u"baseUrlProblemLabel"_qs << u"http://"_qs;
    QTest::newRow("empty base URL") << u"url"_qs << QString() << u"https://api.openai.com/v1"_qs
                                    << u"baseUrlProblemLabel"_qs << QString();
    QTest::newRow("empty model") << u"model"_qs << QString() << u"llama3.2"_qs << u"modelProblemLabel"_qs << QString();
}

void TestSettingsDialog::badInputIsFlaggedInline()
{
    QFETCH(QString, field);
    QFETCH(QString, bad);
    QFETCH(QString, good);
    QFETCH(QString, label);
    QFETCH(QString, mentions);

    const QString garbage = m_dir.filePath(QStringLiteral("garbage.pem"));
    {
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a certificate\n");
    }
    const QString pem = m_dir.filePath(QStringLiteral("good.pem"));
    {
        QFile file(pem);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(TestCaPem);
    }
    auto resolve = [&](const QString& value) {
        if (value == QLatin1String("GARBAGE"))
            return garbage;
        if (value == QLatin1String("DIR"))
            return m_dir.path();
        if (value == QLatin1String("PEMFILE"))
            return pem;
        return value;
    };

    Llm::ConnectionSettings in;
    in.proxy.mode = Mode::Socks5;
    in.proxy.host = QStringLiteral("127.0.0.1");
    in.proxy.port = 1080;
    SettingsDialog dialog(in, {}, m_secrets);
    dialog.show();
    QVERIFY(okButton(dialog)->isEnabled());
    auto* problem = child<QLabel>(&dialog, qPrintable(label));
    QVERIFY(problem->isHidden());
    QCOMPARE(problem->textFormat(), Qt::PlainText);

    auto set = [&](const QString& value) {
        if (field == QLatin1String("port"))
            child<QSpinBox>(&dialog, "proxyPortSpin")->setValue(value.toInt());
        else if (field == QLatin1String("host"))
            child<QLineEdit>(&dialog, "proxyHostEdit")->setText(value);
        else if (field == QLatin1String("ca"))
            child<QLineEdit>(&dialog, "caBundleEdit")->setText(resolve(value));
        else if (field == QLatin1String("url"))
            child<QLineEdit>(&dialog, "baseUrlEdit")->setText(value);
        else if (field == QLatin1String("model"))
            child<QComboBox>(&dialog, "modelCombo")->setEditText(value);
    };

    set(bad);
    QVERIFY(!problem->isHidden());
    QVERIFY(!problem->text().isEmpty());
    if (!mentions.isEmpty())
        QVERIFY2(problem->text().contains(mentions), qPrintable(problem->text()));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!dialog.problems().isEmpty());
    // OK cannot be forced through either.
    QMetaObject::invokeMethod(child<QDialogButtonBox>(&dialog, "buttonBox"), "accepted");
    QVERIFY(dialog.isVisible());

    set(good);
    QVERIFY2(problem->isHidden(), qPrintable(problem->text()));
    QVERIFY2(okButton(dialog)->isEnabled(), qPrintable(dialog.problems().join(u'\n')));

    // Host and port only matter for an explicit proxy.
    if (field == QLatin1String("host") || field == QLatin1String("port")) {
        set(bad);
        QVERIFY(!okButton(dialog)->isEnabled());
        child<QRadioButton>(&dialog, "systemProxyRadio")->setChecked(true);
        QVERIFY(problem->isHidden());
        QVERIFY(okButton(dialog)->isEnabled());
    }
}

void TestSettingsDialog::pastedProxyUrlIsTakenApart()
{
    Llm::ConnectionSettings in;
    in.proxy.mode = Mode::Http;
    SettingsDialog dialog(in, {}, m_secrets);
    auto* host = child<QLineEdit>(&dialog, "proxyHostEdit");
    host->setText(QStringLiteral("socks5h://bob:secret@127.0.0.1:1080"));
    Q_EMIT host->editingFinished();
    Llm::ConnectionSettings out = dialog.connectionSettings();
    QCOMPARE(out.proxy.mode, Mode::Socks5);
    QCOMPARE(out.proxy.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(out.proxy.port, quint16(1080));
    QCOMPARE(out.proxy.user, QStringLiteral("bob"));
    QCOMPARE(out.proxy.password, QStringLiteral("secret"));
    QVERIFY(out.proxy.remoteDns);
    QVERIFY(dialog.problems().isEmpty());

    host->setText(QStringLiteral("127.0.0.1:7890"));
    Q_EMIT host->editingFinished();
    out = dialog.connectionSettings();
    QCOMPARE(out.proxy.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(out.proxy.port, quint16(7890));
}

void TestSettingsDialog::proxyFieldsFollowTheMode()
{
    SettingsDialog dialog(Llm::ConnectionSettings{}, {}, m_secrets);
    auto* host = child<QLineEdit>(&dialog, "proxyHostEdit");
    auto* dns = child<QCheckBox>(&dialog, "remoteDnsCheck");
    auto* bypass = child<QLineEdit>(&dialog, "bypassEdit");
    QVERIFY(child<QRadioButton>(&dialog, "systemProxyRadio")->isChecked());
    QVERIFY(!host->isEnabled());
    QVERIFY(bypass->isEnabled());
    child<QRadioButton>(&dialog, "socksProxyRadio")->setChecked(true);
    QVERIFY(host->isEnabled());
    QVERIFY(dns->isEnabled());
    QVERIFY(!okButton(dialog)->isEnabled()); // no host and port yet
    child<QRadioButton>(&dialog, "httpProxyRadio")->setChecked(true);
    QVERIFY(!dns->isEnabled());
    child<QRadioButton>(&dialog, "noProxyRadio")->setChecked(true);
    QVERIFY(!host->isEnabled());
    QVERIFY(!bypass->isEnabled());
    QVERIFY(okButton(dialog)->isEnabled());
}

void TestSettingsDialog::systemModeShowsEnvironmentProxy()
{
    clearProxyEnvironment();
    qputenv("ALL_PROXY", "socks5h://127.0.0.1:1080");
    Llm::ConnectionSettings in;
    in.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1")); // resolved only, never contacted
    in.proxy.mode = Mode::Http;
    SettingsDialog dialog(in, {}, m_secrets);
    auto* line = child<QLabel>(&dialog, "systemProxyLabel");
    QVERIFY(line->isHidden());
    child<QRadioButton>(&dialog, "systemProxyRadio")->setChecked(true);
    QVERIFY(!line->isHidden());
    QCOMPARE(line->textFormat(), Qt::PlainText);
    QVERIFY2(line->text().contains(QStringLiteral("socks5h://127.0.0.1:1080")), qPrintable(line->text()));
    QVERIFY2(line->text().contains(QStringLiteral("ALL_PROXY")), qPrintable(line->text()));
    QVERIFY2(line->text().contains(QStringLiteral("api.openai.com")), qPrintable(line->text()));

    // The bypass list applies to the system proxy too.
    child<QLineEdit>(&dialog, "bypassEdit")->setText(QStringLiteral(".openai.com"));
    QVERIFY2(!line->text().contains(QStringLiteral("socks5h://")), qPrintable(line->text()));
    QVERIFY2(line->text().contains(QStringLiteral(".openai.com")), qPrintable(line->text()));
    child<QLineEdit>(&dialog, "bypassEdit")->setText(Llm::ProxySettings::defaultBypass());

    // Live: it follows the environment and the server address.
    qputenv("ALL_PROXY", "http://127.0.0.1:3128");
    child<QLineEdit>(&dialog, "baseUrlEdit")->setText(QStringLiteral("https://api.deepseek.com/v1"));
    QVERIFY2(line->text().contains(QStringLiteral("127.0.0.1:3128")), qPrintable(line->text()));
    QVERIFY2(line->text().contains(QStringLiteral("api.deepseek.com")), qPrintable(line->text()));
}

void TestSettingsDialog::tabsAndPreferences()
{
    SettingsDialog::Preferences preferences;
    preferences.language = QStringLiteral("en");
    SettingsDialog dialog(Llm::ConnectionSettings{}, preferences, m_secrets);
    auto* tabs = child<QTabWidget>(&dialog, "tabs");
    QCOMPARE(tabs->count(), 6);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Provider"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Network"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Diagnostics"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("General"));
    QCOMPARE(tabs->tabText(4), QStringLiteral("Pictures"));
    QCOMPARE(tabs->tabText(5), QStringLiteral("Voice"));
    QCOMPARE(tabs->currentIndex(), 0);
    dialog.showDiagnostics();
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("diagnosticsTab"));
    QCOMPARE(dialog.preferences().language, QStringLiteral("en"));
    auto* language = child<QComboBox>(&dialog, "languageCombo");
    QCOMPARE(language->count(), 3);
    language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
    QCOMPARE(dialog.preferences().language, QStringLiteral("zh_CN"));
    language->setCurrentIndex(0);
    QCOMPARE(dialog.preferences().language, QString());

    // Every label with a mnemonic has a buddy, every input an accessible name.
    for (QLabel* label : dialog.findChildren<QLabel*>()) {
        if (label->text().contains(u'&'))
            QVERIFY2(label->buddy(), qPrintable(label->objectName()));
    }
    for (QWidget* input : dialog.findChildren<QWidget*>()) {
        if (qobject_cast<QLineEdit*>(input)
            && (qobject_cast<QComboBox*>(input->parent()) || qobject_cast<QAbstractSpinBox*>(input->parent())))
            continue; // the inner line edit of an editable combo box or a spin box
        if (qobject_cast<QLineEdit*>(input) || qobject_cast<QComboBox*>(input) || qobject_cast<QAbstractSpinBox*>(input))
            QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
    }
}

void TestSettingsDialog::refreshListsModels()
{
    Test::FakeOpenAiServer server;
    QVERIFY(server.listen());
    Llm::ConnectionSettings in;
    in.baseUrl = server.baseUrl();
    in.model = QStringLiteral("fake-small");
    SettingsDialog dialog(in, {}, m_secrets);
    // Clicked on the shown dialog, as a parent would: a never-shown page has no laid-out buttons.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy refreshed(&dialog, &SettingsDialog::modelsRefreshed);
    QTest::mouseClick(child<QPushButton>(&dialog, "refreshModelsButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 20000);
    const QStringList models = refreshed.first().at(0).toStringList();
    QVERIFY2(refreshed.first().at(1).toString().isEmpty(), qPrintable(refreshed.first().at(1).toString()));
    QVERIFY(models.contains(QStringLiteral("fake-small")));
    QVERIFY(models.contains(QStringLiteral("fake-large")));
    auto* combo = child<QComboBox>(&dialog, "modelCombo");
    QVERIFY(combo->findText(QStringLiteral("fake-large")) >= 0);
    QCOMPARE(combo->currentText(), QStringLiteral("fake-small")); // the choice is kept
    auto* status = child<QLabel>(&dialog, "modelsStatusLabel");
    QVERIFY(!status->isHidden());
    QVERIFY(status->text().contains(u'2'));
}

void TestSettingsDialog::refreshShowsErrorInline()
{
    Test::FakeOpenAiServer server;
    QVERIFY(server.listen());
    Llm::ConnectionSettings in;
    in.baseUrl = server.baseUrl(QStringLiteral("status:401"));
    in.apiKey = QStringLiteral("sk-wrong");
    in.retries = 0;
    SettingsDialog dialog(in, {}, m_secrets);
    QSignalSpy refreshed(&dialog, &SettingsDialog::modelsRefreshed);
    dialog.refreshModels();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 20000);
    const QString error = refreshed.first().at(1).toString();
    QVERIFY(!error.isEmpty());
    auto* status = child<QLabel>(&dialog, "modelsStatusLabel");
    QVERIFY(!status->isHidden());
    QCOMPARE(status->text(), error);
    QCOMPARE(status->textFormat(), Qt::PlainText);
    QVERIFY(!error.contains(QStringLiteral("sk-wrong")));

    // An invalid address is reported without any request.
    child<QLineEdit>(&dialog, "baseUrlEdit")->setText(QStringLiteral("ftp://x"));
    dialog.refreshModels();
    QCOMPARE(refreshed.count(), 2);
    QVERIFY(status->text().contains(QStringLiteral("http://")));
}

void TestSettingsDialog::diagnosticsAgainstDeadProxy()
{
    const quint16 proxyPort = deadPort();
    const quint16 serverPort = deadPort();
    Llm::ConnectionSettings in;
    in.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(serverPort));
    in.model = QStringLiteral("fake-small");
    in.apiKey = QStringLiteral("sk-never-shown-42");
    in.proxy.mode = Mode::Http;
    in.proxy.host = QStringLiteral("127.0.0.1");
    in.proxy.port = 3128;
    in.proxy.bypass = QString(); // so that the loopback server is reached through the proxy
    SettingsDialog dialog(in, {}, m_secrets);
    dialog.show();

    // Unsaved edits count: switch to a SOCKS5 proxy on the dead port, with a password.
    child<QRadioButton>(&dialog, "socksProxyRadio")->setChecked(true);
    child<QSpinBox>(&dialog, "proxyPortSpin")->setValue(proxyPort);
    child<QLineEdit>(&dialog, "proxyUserEdit")->setText(QStringLiteral("bob"));
    child<QLineEdit>(&dialog, "proxyPasswordEdit")->setText(QStringLiteral("hunter2-secret"));

    QSignalSpy finished(&dialog, &SettingsDialog::diagnosticsFinished);
    dialog.showDiagnostics();
    auto* copy = child<QPushButton>(&dialog, "copyReportButton");
    QVERIFY(!copy->isEnabled());
    QTest::mouseClick(child<QPushButton>(&dialog, "runChecksButton"), Qt::LeftButton);
    QVERIFY(dialog.isDiagnosticsRunning());
    auto* tree = child<QTreeWidget>(&dialog, "stagesTree");
    QCOMPARE(tree->topLevelItemCount(), 7);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);

    const Llm::DiagnosticsReport report = *dialog.lastReport();
    QVERIFY(!report.ok);
    int reachable = -1;
    for (int i = 0; i < report.stages.size(); ++i) {
        if (report.stages[i].name == QLatin1String("proxy-reachable"))
            reachable = i;
    }
    QVERIFY(reachable >= 0);
    QCOMPARE(report.stages[reachable].status, Llm::DiagnosticStage::Status::Failed);
    QTreeWidgetItem* item = tree->topLevelItem(reachable);
    QCOMPARE(item->text(0), QStringLiteral("✗"));
    QCOMPARE(item->text(1), report.stages[reachable].title);
    QVERIFY2(item->text(3).contains(QString::number(proxyPort)), qPrintable(item->text(3)));
    QVERIFY(item->text(2).endsWith(QStringLiteral("ms")));
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("✓"));
    QCOMPARE(tree->topLevelItem(reachable + 1)->text(0), QStringLiteral("–"));

    auto* verdict = child<QLabel>(&dialog, "verdictLabel");
    QCOMPARE(verdict->textFormat(), Qt::PlainText);
    QVERIFY2(verdict->text().contains(report.verdict), qPrintable(verdict->text()));
    QVERIFY2(verdict->text().contains(QString::number(proxyPort)), qPrintable(verdict->text()));
    auto* hint = child<QLabel>(&dialog, "hintLabel");
    QVERIFY(!hint->isHidden());
    QVERIFY(hint->text().contains(report.hint));

    // Copy report: on the clipboard, without the secrets.
    QVERIFY(copy->isEnabled());
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(copy, Qt::LeftButton);
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY(!copied.isEmpty());
    QCOMPARE(copied, report.toText());
    QVERIFY(copied.contains(QString::number(proxyPort)));
    QVERIFY(!copied.contains(QStringLiteral("hunter2-secret")));
    QVERIFY(!copied.contains(QStringLiteral("sk-never-shown-42")));

    // The dialog's fields were used, not the settings passed in (HTTP proxy on 3128).
    QVERIFY(!copied.contains(QStringLiteral(":3128")));
    // Nothing was saved: the settings passed in are unchanged unless OK is pressed.
    QCOMPARE(dialog.connectionSettings().proxy.port, proxyPort);
}

void TestSettingsDialog::diagnosticsAllGreen()
{
    Test::FakeOpenAiServer server;
    QVERIFY(server.listen());
    Llm::ConnectionSettings in;
    in.baseUrl = server.baseUrl();
    in.model = QStringLiteral("fake-small");
    in.proxy.mode = Mode::None;
    SettingsDialog dialog(in, {}, m_secrets);
    QSignalSpy finished(&dialog, &SettingsDialog::diagnosticsFinished);
    dialog.runDiagnostics();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const Llm::DiagnosticsReport report = *dialog.lastReport();
    QVERIFY2(report.ok, qPrintable(report.toText()));
    auto* tree = child<QTreeWidget>(&dialog, "stagesTree");
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QString mark = tree->topLevelItem(i)->text(0);
        QVERIFY2(mark == QStringLiteral("✓") || mark == QStringLiteral("–"), qPrintable(mark));
        QVERIFY(!tree->topLevelItem(i)->text(3).isEmpty());
    }
    QVERIFY(child<QLabel>(&dialog, "verdictLabel")->text().startsWith(QStringLiteral("✓")));
    QVERIFY(child<QLabel>(&dialog, "hintLabel")->isHidden());
    // It can run again.
    dialog.runDiagnostics();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
}

void TestSettingsDialog::closingCancelsDiagnostics()
{
    Test::FakeOpenAiServer server;
    QVERIFY(server.listen());
    Llm::ConnectionSettings in;
    in.baseUrl = server.baseUrl(QStringLiteral("stall-headers"));
    in.proxy.mode = Mode::None;
    QSignalSpy received(&server, &Test::FakeOpenAiServer::requestReceived);
    // The checks have reached the stalled GET /models: the server holds the request, unanswered.
    const auto waitForStall = [&] {
        received.clear();
        return received.wait(10000) && server.openConnections() > 0;
    };
    {
        SettingsDialog dialog(in, {}, m_secrets);
        dialog.show();
        QSignalSpy finished(&dialog, &SettingsDialog::diagnosticsFinished);
        dialog.runDiagnostics();
        QVERIFY(waitForStall());
        QVERIFY(dialog.isDiagnosticsRunning());
        dialog.reject();
        QVERIFY(!dialog.isDiagnosticsRunning());
        // The request was given up (the server sees its connection closed); nothing can finish now.
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 10000);
        QCoreApplication::sendPostedEvents();
        QCOMPARE(finished.count(), 0);

        // Stop button while running.
        dialog.runDiagnostics();
        QVERIFY(waitForStall());
        QTest::mouseClick(child<QPushButton>(&dialog, "runChecksButton"), Qt::LeftButton);
        QVERIFY(!dialog.isDiagnosticsRunning());
        QVERIFY(child<QLabel>(&dialog, "verdictLabel")->text().contains(QStringLiteral("stopped")));
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 10000);

        // Destroyed while running.
        dialog.runDiagnostics();
        QVERIFY(waitForStall());
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 10000); // the destroyed dialog's request went with it
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
