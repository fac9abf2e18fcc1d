// The secrets canary for the desktop app (issue 6): the real MainWindow and SettingsDialog, in this
// process, with the app's log sink writing its log file, a known API key and proxy password typed into
// the settings dialog, every request through a real microsocks that wants that password. After each
// flow every byte the app could have written is scanned for the canaries in every encoding
// (secretscanner.h): the settings file, the log, the library, exports, the clipboard after "Copy
// report", and the text of every widget on screen (labels, banners, tool tips, the diagnostics tree
// and log view, window titles) except the password fields themselves.
//
// HOME, the XDG folders and TMPDIR point into one temporary root (set in main(), before the
// application exists). The session bus is a private one with a throw-away gnome-keyring
// (tests/support/keyring.h), so the secret store's keychain path runs: the key and password the
// dialog saved must be in that keyring (read back by secret-tool, a second process), and in no file
// in plain text, the keyring's own folder included. Without gnome-keyring (skipped here, a failure
// under CI) D-Bus points nowhere and the store's memory-only fallback runs instead.
#include "canaries.h"
#include "errorbanner.h"
#include "fakeopenaiserver.h"
#include "findchild.h"
#include "ideapanel.h"
#include "keyring.h"
#include "logsink.h"
#include "mainwindow.h"
#include "proxylauncher.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "storygenerator.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
#include <QTreeWidget>

#include <cstdlib>
#include <functional>

using namespace Storybook;
using namespace Storybook::Test;

namespace {

QString g_root; // set in main()
Storybook::Test::ThrowAwayKeyring* g_keyring = nullptr; // running when gnome-keyring is installed (main())

QString root(const QString& relative = {})
{
    return relative.isEmpty() ? g_root : g_root + u'/' + relative;
}

// Everything a person could read on screen (or a screen reader could say), password fields excepted.
QString visibleText()
{
    QStringList parts;
    for (QWidget* top : QApplication::topLevelWidgets()) {
        parts << top->windowTitle();
        QList<QWidget*> widgets = top->findChildren<QWidget*>();
        widgets.prepend(top);
        for (QWidget* w : std::as_const(widgets)) {
            parts << w->toolTip() << w->accessibleName() << w->accessibleDescription() << w->statusTip();
            if (auto* label = qobject_cast<QLabel*>(w))
                parts << label->text();
            else if (auto* button = qobject_cast<QAbstractButton*>(w))
                parts << button->text();
            else if (auto* edit = qobject_cast<QLineEdit*>(w)) {
                if (edit->echoMode() == QLineEdit::Normal)
                    parts << edit->text() << edit->placeholderText();
            } else if (auto* plain = qobject_cast<QPlainTextEdit*>(w))
                parts << plain->toPlainText();
            else if (auto* rich = qobject_cast<QTextEdit*>(w))
                parts << rich->toPlainText() << rich->toHtml();
            else if (auto* combo = qobject_cast<QComboBox*>(w)) {
                for (int i = 0; i < combo->count(); ++i)
                    parts << combo->itemText(i);
                parts << combo->currentText();
            } else if (auto* tree = qobject_cast<QTreeWidget*>(w)) {
                for (QTreeWidgetItemIterator it(tree); *it; ++it) {
                    for (int c = 0; c < tree->columnCount(); ++c)
                        parts << (*it)->text(c) << (*it)->toolTip(c);
                }
            }
        }
    }
    return parts.join(u'\n');
}

// Runs `work` on the next modal SettingsDialog once it is shown (openSettings() blocks in exec()).
// If no dialog appears within 10 s, `failure` says so (and the caller's openSettings() is then not
// waiting for one either).
void onSettingsDialog(std::function<void(SettingsUi::SettingsDialog&)> work, QString* failure)
{
    auto* poll = new QTimer;
    poll->setInterval(20);
    auto attempts = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, attempts, work, failure] {
        auto* dialog = qobject_cast<SettingsUi::SettingsDialog*>(QApplication::activeModalWidget());
        if (!dialog && ++*attempts < 500) // 10 s
            return;
        poll->stop();
        poll->deleteLater();
        if (dialog)
            work(*dialog);
        else
            *failure = QStringLiteral("the settings dialog never appeared");
    });
    poll->start();
}

} // namespace

class TestSecretsGui final : public QObject
{
    Q_OBJECT

    SecretScanner m_scanner = Canary::scanner();
    FakeOpenAiServer* m_server = nullptr;
    ProxyLauncher* m_socks = nullptr;
    ProxyLauncher* m_socksOther = nullptr;
    std::unique_ptr<LogSink> m_log;
    std::unique_ptr<App::MainWindow> m_window;
    int m_scans = 0;
    int m_filesScanned = 0;
    qint64 m_bytesScanned = 0;

    // The whole root (settings, log, library, exports, anything else) and what is on screen.
    QList<SecretHit> scanEverything(const QString& when)
    {
        int files = 0;
        qint64 bytes = 0;
        QList<SecretHit> hits = m_scanner.scanTree(root(), {}, &files, &bytes); // the keyring's files too
        const QString text = visibleText();
        hits += m_scanner.scanBytes(text.toUtf8(), QStringLiteral("the widgets' text ") + when);
        hits += m_scanner.scanBytes(QApplication::clipboard()->text().toUtf8(), QStringLiteral("the clipboard ") + when);
        ++m_scans;
        m_filesScanned = std::max(m_filesScanned, files);
        m_bytesScanned += bytes + text.size();
        return hits;
    }

    // Fills the dialog as a person would: provider, key, SOCKS5 proxy with user and password.
    void fillDialog(SettingsUi::SettingsDialog& dialog, const QString& scenario, quint16 proxyPort)
    {
        child<QLineEdit>(&dialog, "baseUrlEdit")->setText(m_server->baseUrl(scenario).toString());
        child<QComboBox>(&dialog, "modelCombo")->setCurrentText(QStringLiteral("fake-small"));
        child<QLineEdit>(&dialog, "apiKeyEdit")->setText(Canary::ApiKey);
        child<QRadioButton>(&dialog, "socksProxyRadio")->click();
        child<QLineEdit>(&dialog, "proxyHostEdit")->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(&dialog, "proxyPortSpin")->setValue(proxyPort);
        child<QLineEdit>(&dialog, "proxyUserEdit")->setText(Canary::ProxyUser);
        child<QLineEdit>(&dialog, "proxyPasswordEdit")->setText(Canary::ProxyPassword);
        child<QLineEdit>(&dialog, "bypassEdit")->clear(); // the fake server is on loopback: through the proxy anyway
    }

    // Runs the checks in the dialog, copies the report, looks at everything, then OK or Cancel.
    void diagnoseInDialog(const QString& scenario, quint16 proxyPort, bool accept, QString* verdict, QString* failure)
    {
        onSettingsDialog([=, this](SettingsUi::SettingsDialog& dialog) {
            fillDialog(dialog, scenario, proxyPort);
            if (!dialog.problems().isEmpty()) {
                *failure = QStringLiteral("the dialog refused the values: ") + dialog.problems().join(u' ');
                dialog.reject();
                return;
            }
            dialog.showDiagnostics();
            QSignalSpy finished(&dialog, &SettingsUi::SettingsDialog::diagnosticsFinished);
            child<QPushButton>(&dialog, "runChecksButton")->click();
            if (!finished.wait(30000)) {
                *failure = QStringLiteral("the checks did not finish");
                dialog.reject();
                return;
            }
            *verdict = dialog.lastReport()->verdict;
            QApplication::clipboard()->clear();
            child<QPushButton>(&dialog, "copyReportButton")->click();
            if (!QTest::qWaitFor([] { return QApplication::clipboard()->text().size() >= 100; }, 5000))
                *failure = QStringLiteral("Copy report put nothing on the clipboard");
            const QList<SecretHit> hits = scanEverything(QStringLiteral("with the diagnostics shown"));
            if (!hits.isEmpty())
                *failure = QStringLiteral("secret canaries found:\n") + SecretScanner::format(hits);
            if (accept)
                dialog.accept();
            else
                dialog.reject();
        }, failure);
        m_window->openSettings();
        // The flow ran to its end: a verdict, or the reason why there is none.
        if (failure->isEmpty() && verdict->isEmpty())
            *failure = QStringLiteral("the checks produced no verdict");
    }

    void write(const QString& idea)
    {
        Story::StorySettings settings;
        settings.idea = idea;
        settings.pageCount = 3;
        m_window->ideaPanel()->setSettings(settings);
        Q_EMIT m_window->ideaPanel()->generateRequested();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!g_root.isEmpty());
        if (!g_keyring)
            qInfo("no gnome-keyring here: the secret store's memory-only fallback runs");
        STORYBOOK_REQUIRE_TOOL(!findTool(QStringLiteral("pdftotext")).isEmpty(), "pdftotext");
        QTemporaryDir selfTestDir;
        QVERIFY(selfTestDir.isValid());
        const QStringList failures = m_scanner.selfTest(selfTestDir.path(), {Canary::ApiKey, Canary::ProxyPassword});
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        // The scanner sees the widgets' text: a label holding a canary is a hit.
        {
            QLabel planted(QStringLiteral("leak: ") + Canary::ProxyPassword);
            planted.show();
            QVERIFY(!m_scanner.scanBytes(visibleText().toUtf8(), QStringLiteral("self-test")).isEmpty());
        }

        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Socks5), "microsocks");
        m_socks = new ProxyLauncher(this);
        QVERIFY2(m_socks->start(ProxyLauncher::Kind::Socks5, Canary::ProxyUser, Canary::ProxyPassword), qPrintable(m_socks->errorString()));
        m_socksOther = new ProxyLauncher(this);
        QVERIFY2(m_socksOther->start(ProxyLauncher::Kind::Socks5, Canary::ProxyUser, Canary::OtherPassword),
                 qPrintable(m_socksOther->errorString()));

        // As main() does: the log sink writes the log file the diagnostics tab shows.
        LogSink::Options logOptions;
        logOptions.filePath = LogSink::defaultFilePath();
        QVERIFY(logOptions.filePath.startsWith(root()));
        m_log = std::make_unique<LogSink>(logOptions);
        QLoggingCategory::setFilterRules(QStringLiteral("storybook.*.debug=true"));

        App::MainWindow::Options options;
        options.libraryFolder = root(QStringLiteral("library"));
        m_window = std::make_unique<App::MainWindow>(options);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_log.reset();
        qInfo("secrets (gui): %d scans, up to %d files under the root per scan, %lld bytes scanned, %d needles", m_scans,
              m_filesScanned, m_bytesScanned, int(m_scanner.needles().size()));
        for (ProxyLauncher* proxy : {m_socks, m_socksOther}) {
            if (proxy)
                proxy->stop();
        }
    }

    // Settings → Diagnostics → Run checks through the authenticated proxy → Copy report → OK.
    void diagnosticsThroughTheProxy()
    {
        m_server->clearRequests();
        QString verdict;
        QString failure;
        diagnoseInDialog(QStringLiteral("ok"), m_socks->port(), true, &verdict, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY2(verdict.contains(QLatin1String("works")), qPrintable(verdict));
        // The secrets were in play: the key reached the server, through the proxy.
        const QList<RecordedRequest> requests = m_server->requests();
        QVERIFY(!requests.isEmpty());
        for (const RecordedRequest& request : requests) {
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer ") + Canary::ApiKey.toUtf8());
            QCOMPARE(request.peer, QHostAddress(QStringLiteral("127.0.0.2")));
        }
        const QList<SecretHit> hits = scanEverything(QStringLiteral("after OK"));
        QVERIFY2(hits.isEmpty(), qPrintable(SecretScanner::format(hits)));
        // What was saved: the proxy user is in the settings file, the password and key are not.
        QSettings settings;
        settings.sync();
        QVERIFY(settings.fileName().startsWith(root()));
        QCOMPARE(settings.value(QStringLiteral("network/proxyUser")).toString(), Canary::ProxyUser);
    }

    // OK saved the key and the password in the keychain: in the throw-away gnome-keyring, where a
    // second process (secret-tool) finds them.
    void secretsAreInTheKeyring()
    {
        STORYBOOK_REQUIRE_TOOL(g_keyring && g_keyring->isRunning(),
                               "gnome-keyring-daemon and secret-tool (gnome-keyring, libsecret-tools)");
        const auto stored = [](const QString& key) {
            return g_keyring->lookup({QStringLiteral("user"), key, QStringLiteral("server"), SettingsUi::SecretStore::serviceName()});
        };
        QTRY_COMPARE_WITH_TIMEOUT(stored(SettingsUi::SecretStore::apiKeyName()), Canary::ApiKey, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stored(SettingsUi::SecretStore::proxyPasswordName()), Canary::ProxyPassword, 10000);
        // The keyring keeps them encrypted: its folder is under the root every scan reads.
        QVERIFY(g_keyring->root().startsWith(root()));
        const QList<SecretHit> hits = scanEverything(QStringLiteral("with the secrets in the keyring"));
        QVERIFY2(hits.isEmpty(), qPrintable(SecretScanner::format(hits)));
    }

    // The same with failures that carry the secrets: a proxy that rejects the password, a server
    // whose 401 echoes the key back.
    void failingDiagnostics_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("wrongPassword");
        QTest::newRow("proxy-rejects-password") << QStringLiteral("ok") << true;
        QTest::newRow("server-echoes-key") << QStringLiteral("echo-key") << false;
    }

    void failingDiagnostics()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, wrongPassword);
        QString verdict;
        QString failure;
        diagnoseInDialog(scenario, wrongPassword ? m_socksOther->port() : m_socks->port(), false, &verdict, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(!verdict.isEmpty());
        QVERIFY2(!verdict.contains(QLatin1String("Everything works")), qPrintable(verdict));
    }

    // Writing a story with the saved settings: an error banner from the echoing 401, then a story
    // written through the proxy and exported in every format.
    void generationAndExports()
    {
        QSettings saved;
        Llm::ConnectionSettings settings = Llm::ConnectionSettings::load(saved);
        settings.apiKey = Canary::ApiKey;
        settings.proxy.password = Canary::ProxyPassword;
        settings.retries = 0;
        settings.baseUrl = m_server->baseUrl(QStringLiteral("echo-key"));
        QCOMPARE(settings.proxy.mode, Llm::ProxySettings::Mode::Socks5);
        m_window->useConnectionSettings(settings);

        QSignalSpy finished(m_window->generator(), &Generation::StoryGenerator::finished);
        write(QStringLiteral("a fox who finds a lantern"));
        QVERIFY(finished.wait(20000));
        QVERIFY(m_window->banner()->isVisible());
        QList<SecretHit> hits = scanEverything(QStringLiteral("with the error banner"));
        QVERIFY2(hits.isEmpty(), qPrintable(SecretScanner::format(hits)));
        QVERIFY2(m_window->banner()->message().contains(QLatin1String("API key")), qPrintable(m_window->banner()->message()));

        settings.baseUrl = m_server->baseUrl(QStringLiteral("story"));
        m_window->useConnectionSettings(settings);
        finished.clear();
        write(QStringLiteral("an owl who cannot sleep"));
        QVERIFY(finished.wait(20000));
        QVERIFY(!m_window->banner()->isVisible());
        const QString storyId = m_window->generator()->story()->id;
        QDir().mkpath(root(QStringLiteral("exports")));
        for (const auto format : {Story::ExportFormat::Markdown, Story::ExportFormat::Html, Story::ExportFormat::Pdf}) {
            const QString path = root(QStringLiteral("exports/story.") + Story::exportFormatSuffix(format));
            QVERIFY(m_window->exportStoryTo(storyId, path, format, true).isEmpty());
            QVERIFY(QFileInfo(path).size() > 100);
        }
        hits = scanEverything(QStringLiteral("after the exports"));
        QVERIFY2(hits.isEmpty(), qPrintable(SecretScanner::format(hits)));
    }

    // Closing the window writes its state; then everything on disk is scanned once more, and the
    // scans had something to look at (the log saw the requests and the proxy).
    void afterClosing()
    {
        QVERIFY(m_window->close());
        m_window.reset();
        m_log.reset();
        const QList<SecretHit> hits = scanEverything(QStringLiteral("after closing"));
        QVERIFY2(hits.isEmpty(), qPrintable(SecretScanner::format(hits)));
        QFile log(LogSink::defaultFilePath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY2(text.contains("storybook."), text.right(2000).constData());
        QVERIFY2(text.contains(QByteArray::number(m_socks->port())), "the log does not mention the proxy");
        QVERIFY(QFileInfo(QSettings().fileName()).size() > 0);
        QVERIFY(m_filesScanned >= 6); // settings, log, library stories and index, 3 exports
    }
};

int main(int argc, char* argv[])
{
    // One root for everything the app may write, before Qt reads the environment.
    QByteArray tmpl = QDir::tempPath().toLocal8Bit() + "/storybook-secrets-gui-XXXXXX";
    if (!mkdtemp(tmpl.data()))
        qFatal("cannot create a temporary root");
    g_root = QString::fromLocal8Bit(tmpl);
    for (const char* folder : {"home", "config", "data", "cache", "state", "runtime", "tmp"})
        QDir(g_root).mkpath(QLatin1String(folder));
    QFile::setPermissions(g_root + QStringLiteral("/runtime"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QByteArray base = tmpl;
    qputenv("HOME", base + "/home");
    qputenv("XDG_CONFIG_HOME", base + "/config");
    qputenv("XDG_DATA_HOME", base + "/data");
    qputenv("XDG_CACHE_HOME", base + "/cache");
    qputenv("XDG_STATE_HOME", base + "/state");
    qputenv("XDG_RUNTIME_DIR", base + "/runtime");
    qputenv("TMPDIR", base + "/tmp");
    // No session bus: the keychain is unavailable and the canaries never reach a real one.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + base + "/runtime/no-bus");
    for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"})
        qunsetenv(name);
    qputenv("LANGUAGE", "en");

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybook"));
    QCoreApplication::setApplicationName(QStringLiteral("storybook"));
    // A keyring of the test's own, before anything asks for the keychain (QtKeychain and libsecret
    // read the bus address once).
    ThrowAwayKeyring keyring;
    if (ThrowAwayKeyring::available() && ThrowAwayKeyring::lookupAvailable()) {
        if (!keyring.start())
            qFatal("the throw-away keyring did not start: %s", qPrintable(keyring.errorString()));
        qputenv("DBUS_SESSION_BUS_ADDRESS", keyring.environment().value(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")).toLocal8Bit());
        g_keyring = &keyring;
    }
    int result = 0;
    {
        TestSecretsGui test;
        result = QTest::qExec(&test, argc, argv);
    }
    g_keyring = nullptr;
    keyring.stop();
    QDir(g_root).removeRecursively();
    return result;
}

#include "tst_secrets_gui.moc"
