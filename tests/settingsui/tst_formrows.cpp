// Issue 14: no form of the settings dialog ever hides a row. Qt 6.4's QFormLayout keeps a hidden
// row's place from the previous layout and then writes and reads its arrays at that place, past
// their end once rows have gone hidden (Valgrind: "Invalid write of size 4" in
// QFormLayout::heightForWidth and "Invalid read" in QFormLayout::setGeometry while the dialog is
// shown). That heap corruption is what killed secretstore-probe at exit after "jobs-finished" and
// what made tst_badinput's malformedSettingsGui(wrong-types) SEGV inside QFormLayout::setGeometry
// under ASan. See hiddenFormRows() in tests/support/formrows.h.
#include "formrows.h"
#include "picturespage.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "voicepage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

using namespace Storybook;
using Storybook::Test::hiddenFormRows;

namespace {

Llm::ConnectionSettings connection(const QString& baseUrl, Llm::ProxySettings::Mode proxy)
{
    Llm::ConnectionSettings settings;
    settings.baseUrl = QUrl(baseUrl);
    settings.model = QStringLiteral("deepseek-chat");
    settings.apiKey = QStringLiteral("sk-test");
    settings.proxy.mode = proxy;
    settings.proxy.host = QStringLiteral("127.0.0.1");
    settings.proxy.port = 3128;
    return settings;
}

} // namespace

// Fails with the hidden rows named.
#define VERIFY_NO_HIDDEN_ROWS(root)                                                                                    \
    do {                                                                                                               \
        const QStringList hiddenRows = hiddenFormRows(root);                                                           \
        QVERIFY2(hiddenRows.isEmpty(), qPrintable(hiddenRows.join(QStringLiteral("; "))));                             \
    } while (false)

Q_DECLARE_METATYPE(Storybook::Llm::ProxySettings::Mode)

class TestFormRows final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The check itself: a row whose widgets are hidden is reported, and only while it is hidden.
    void hiddenRowsAreFound()
    {
        QWidget window;
        window.setObjectName(QStringLiteral("window"));
        auto* form = new QFormLayout(&window);
        auto* name = new QLineEdit(&window);
        auto* note = new QLabel(QStringLiteral("A message under the field"), &window);
        note->setObjectName(QStringLiteral("note"));
        form->addRow(QStringLiteral("Name:"), name);
        form->addRow(note);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(hiddenFormRows(&window), QStringList());

        note->setVisible(false);
        const QStringList hidden = hiddenFormRows(&window);
        QCOMPARE(hidden.size(), 1);
        QVERIFY2(hidden.first().contains(QLatin1String("row 1")) && hidden.first().contains(QLatin1String("note")),
                 qPrintable(hidden.first()));
        name->setVisible(false); // the label alone keeps its row visible
        QCOMPARE(hiddenFormRows(&window).size(), 1);

        note->setVisible(true);
        QCOMPARE(hiddenFormRows(&window), QStringList());
        form->setRowVisible(0, false);
        QCOMPARE(hiddenFormRows(&window).size(), 1);
    }

    void picturesPageNeverHidesARow()
    {
        SettingsUi::PicturesPage page(Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Pictures), {},
                                      [] { return Llm::ConnectionSettings(); });
        VERIFY_NO_HIDDEN_ROWS(&page);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        VERIFY_NO_HIDDEN_ROWS(&page);
        QLineEdit* baseUrl = nullptr;
        for (QLineEdit* edit : page.findChildren<QLineEdit*>()) {
            if (edit->accessibleName() == QLatin1String("Picture provider base URL"))
                baseUrl = edit;
        }
        QVERIFY(baseUrl);
        baseUrl->setText(QStringLiteral("ftp://pictures"));
        QVERIFY(!page.problems().isEmpty());
        VERIFY_NO_HIDDEN_ROWS(&page);
    }

    // The Voice page while "None" disables the provider, a provider is picked, the base URL goes
    // wrong and the key's keychain note appears (a memory-only store).
    void voicePageNeverHidesARow()
    {
        SettingsUi::SecretStore secrets(nullptr, SettingsUi::SecretStore::Backend::MemoryOnly);
        SettingsUi::VoicePage page(Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Speech), {}, false,
                                   &secrets, [] { return Llm::ConnectionSettings(); });
        VERIFY_NO_HIDDEN_ROWS(&page);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        VERIFY_NO_HIDDEN_ROWS(&page);
        for (const char* preset : {"kokoro", "siliconflow", "custom", "none", "openai-mini-tts"}) {
            const int index = page.presetCombo()->findData(QString::fromLatin1(preset));
            QVERIFY(index >= 0);
            page.presetCombo()->setCurrentIndex(index);
            Q_EMIT page.presetCombo()->activated(index);
            VERIFY_NO_HIDDEN_ROWS(&page);
        }
        QLineEdit* baseUrl = nullptr;
        for (QLineEdit* edit : page.findChildren<QLineEdit*>()) {
            if (edit->accessibleName() == QLatin1String("Voice provider base URL"))
                baseUrl = edit;
        }
        QVERIFY(baseUrl);
        baseUrl->setText(QStringLiteral("ftp://voices"));
        QVERIFY(!page.problems().isEmpty());
        VERIFY_NO_HIDDEN_ROWS(&page);
    }

    void settingsDialogNeverHidesARow_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<Llm::ProxySettings::Mode>("proxy");
        QTest::addColumn<bool>("memoryOnlySecrets");
        QTest::newRow("valid, no proxy, no store") << QStringLiteral("https://api.deepseek.com/v1") << Llm::ProxySettings::Mode::None
                                                   << false;
        QTest::newRow("invalid, HTTP proxy, memory-only store")
            << QStringLiteral("::not a url::") << Llm::ProxySettings::Mode::Http << true;
        QTest::newRow("no base URL, no store (secretstore-probe's dialog)")
            << QString() << Llm::ProxySettings::Mode::System << false;
        QTest::newRow("valid, system proxy, memory-only store")
            << QStringLiteral("http://127.0.0.1:8080/v1") << Llm::ProxySettings::Mode::System << true;
    }

    // The dialog while it is built, shown, and while its messages come and go (a base URL typed wrong,
    // then right).
    void settingsDialogNeverHidesARow()
    {
        QFETCH(QString, baseUrl);
        QFETCH(Llm::ProxySettings::Mode, proxy);
        QFETCH(bool, memoryOnlySecrets);
        SettingsUi::SecretStore secrets(nullptr, SettingsUi::SecretStore::Backend::MemoryOnly);
        SettingsUi::SettingsDialog dialog(connection(baseUrl, proxy), {}, memoryOnlySecrets ? &secrets : nullptr);

        VERIFY_NO_HIDDEN_ROWS(&dialog);

        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        VERIFY_NO_HIDDEN_ROWS(&dialog);
        auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("baseUrlEdit"));
        QVERIFY(edit);
        edit->setText(QStringLiteral("ftp://wrong"));
        QVERIFY(!dialog.problems().isEmpty());
        VERIFY_NO_HIDDEN_ROWS(&dialog);
        edit->setText(QStringLiteral("https://api.deepseek.com/v1"));
        VERIFY_NO_HIDDEN_ROWS(&dialog);
        dialog.reject();
    }
};


QTEST_MAIN(TestFormRows)
#include "tst_formrows.moc"
