// Settings → Pictures: the picture provider apart from the text provider, its own key, the picture
// preferences, and a test picture painted through the dialog's network settings (fake server).
#include "fakeopenaiserver.h"
#include "findchild.h"
#include "picturespage.h"
#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Storybook;

class TestPicturesPage final : public QObject
{
    Q_OBJECT

    static QLineEdit* field(QWidget* page, const QString& accessibleName)
    {
        for (QLineEdit* edit : page->findChildren<QLineEdit*>()) {
            if (edit->accessibleName() == accessibleName)
                return edit;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void valuesRoundTripThroughTheDialog()
    {
        Llm::ConnectionSettings text;
        text.baseUrl = QUrl(QStringLiteral("https://api.deepseek.com/v1"));
        text.model = QStringLiteral("deepseek-chat");
        text.proxy.mode = Llm::ProxySettings::Mode::None;
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.pictureProvider.baseUrl = QUrl(QStringLiteral("https://api.siliconflow.cn/v1"));
        preferences.pictureProvider.model = QStringLiteral("Kwai-Kolors/Kolors");
        preferences.pictureProvider.apiKey = QStringLiteral("sk-picture");
        preferences.pictures.enabled = true;
        preferences.pictures.artStyle = QStringLiteral("ink-wash");
        SettingsUi::SettingsDialog dialog(text, preferences, nullptr);
        const SettingsUi::SettingsDialog::Preferences out = dialog.preferences();
        QCOMPARE(out.pictureProvider.baseUrl, preferences.pictureProvider.baseUrl);
        QCOMPARE(out.pictureProvider.model, preferences.pictureProvider.model);
        QCOMPARE(out.pictureProvider.apiKey, QStringLiteral("sk-picture"));
        QCOMPARE(out.pictureProvider.idleTimeout, std::chrono::milliseconds(std::chrono::seconds(180)));
        QVERIFY(out.pictures.enabled);
        QCOMPARE(out.pictures.artStyle, QStringLiteral("ink-wash"));
        // The text provider is untouched by the picture page, and keeps its own key.
        QCOMPARE(dialog.connectionSettings().baseUrl, text.baseUrl);
        QCOMPARE(dialog.connectionSettings().model, text.model);
        QVERIFY(dialog.connectionSettings().apiKey != QStringLiteral("sk-picture"));

        // A preset fills in the base URL and model.
        SettingsUi::PicturesPage* page = dialog.picturesPage();
        QComboBox* preset = nullptr;
        for (QComboBox* combo : page->findChildren<QComboBox*>()) {
            if (combo->accessibleName() == QLatin1String("Picture provider"))
                preset = combo;
        }
        QVERIFY(preset);
        const int zhipu = preset->findData(QStringLiteral("zhipu"));
        QVERIFY(zhipu >= 0);
        preset->setCurrentIndex(zhipu);
        Q_EMIT preset->activated(zhipu);
        QCOMPARE(dialog.preferences().pictureProvider.model, QStringLiteral("cogview-3-flash"));
        QVERIFY(dialog.preferences().pictureProvider.baseUrl.host().contains(QLatin1String("bigmodel")));

        // A base URL that is not one stops the dialog from being accepted.
        field(page, QStringLiteral("Picture provider base URL"))->setText(QStringLiteral("ftp://pictures"));
        QVERIFY(!dialog.problems().isEmpty());
        QVERIFY(!dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        field(page, QStringLiteral("Picture provider base URL"))->setText(QStringLiteral("https://open.bigmodel.cn/api/paas/v4"));
        QVERIFY(dialog.problems().isEmpty());
    }

    void refreshListOffersTheProvidersModels()
    {
        Test::FakeOpenAiServer server;
        QVERIFY(server.listen());
        Llm::ConnectionSettings text;
        text.proxy.mode = Llm::ProxySettings::Mode::None;
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.pictureProvider.baseUrl = server.baseUrl();
        preferences.pictureProvider.model = QStringLiteral("my-typed-model");
        SettingsUi::SettingsDialog dialog(text, preferences, nullptr);
        SettingsUi::PicturesPage* page = dialog.picturesPage();
        QSignalSpy refreshed(page, &SettingsUi::PicturesPage::modelsRefreshed);
        page->refreshButton()->click();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(refreshed.first().at(1).toString(), QString());
        QVERIFY(page->offeredModels().contains(QStringLiteral("fake-small")));
        QCOMPARE(dialog.preferences().pictureProvider.model, QStringLiteral("my-typed-model")); // never replaced
    }

    void testPictureIsPaintedThroughTheDialogsNetwork_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("ok");
        QTest::newRow("painted") << QStringLiteral("ok") << true;
        QTest::newRow("refused") << QStringLiteral("image-refused") << false;
    }

    void testPictureIsPaintedThroughTheDialogsNetwork()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, ok);
        Test::FakeOpenAiServer server;
        QVERIFY(server.listen());
        Llm::ConnectionSettings text;
        text.proxy.mode = Llm::ProxySettings::Mode::None;
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.pictureProvider.baseUrl = server.baseUrl(scenario);
        preferences.pictureProvider.model = QStringLiteral("gpt-image-1");
        preferences.pictureProvider.apiKey = QStringLiteral("sk-picture-key");
        SettingsUi::SettingsDialog dialog(text, preferences, nullptr);
        SettingsUi::PicturesPage* page = dialog.picturesPage();
        QSignalSpy done(page, &SettingsUi::PicturesPage::checkFinished);
        page->checkButton()->click();
        QVERIFY(!page->checkButton()->isEnabled());
        QVERIFY(done.wait(20000));
        const auto report = done.first().first().value<Llm::DiagnosticsReport>();
        QCOMPARE(report.ok, ok);
        QVERIFY(page->checkButton()->isEnabled());
        QVERIFY(!page->checkResult()->text().isEmpty());
        QVERIFY(!page->checkResult()->text().contains(QLatin1String("sk-picture-key")));
        bool sawPicture = false;
        for (const Test::RecordedRequest& request : server.requests()) {
            if (request.path.contains("/images/generations")) {
                sawPicture = true;
                QCOMPARE(request.header("Authorization"), QByteArray("Bearer sk-picture-key"));
            }
        }
        QVERIFY(sawPicture);
    }
};

QTEST_MAIN(TestPicturesPage)
#include "tst_picturespage.moc"
