// Settings → Voice: the speech provider's voice apart from the system voice (their QSettings keys),
// the page's values through the dialog, the voice catalogue, and a sample spoken by the fake server.
#include "fakeopenaiserver.h"
#include "nullaudio.h"
#include "requiretool.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "speechsettings.h"
#include "voicecatalog.h"
#include "voicepage.h"
#include "voicesample.h"
#include "voicesettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMediaPlayer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;
using SettingsUi::VoiceCatalog;
using SettingsUi::VoicePage;

namespace {

QLineEdit* field(QWidget* page, const QString& accessibleName)
{
    for (QLineEdit* edit : page->findChildren<QLineEdit*>()) {
        if (edit->accessibleName() == accessibleName)
            return edit;
    }
    return nullptr;
}

Llm::ConnectionSettings textProvider()
{
    Llm::ConnectionSettings text;
    text.baseUrl = QUrl(QStringLiteral("https://api.deepseek.com/v1"));
    text.model = QStringLiteral("deepseek-chat");
    text.apiKey = QStringLiteral("sk-text");
    text.proxy.mode = Llm::ProxySettings::Mode::None;
    return text;
}

void choosePreset(VoicePage* page, const QString& id)
{
    const int index = page->presetCombo()->findData(id);
    QVERIFY2(index >= 0, qPrintable(id));
    page->presetCombo()->setCurrentIndex(index);
    Q_EMIT page->presetCombo()->activated(index);
}

QList<Test::RecordedRequest> speechRequests(const Test::FakeOpenAiServer& server)
{
    QList<Test::RecordedRequest> found;
    for (const Test::RecordedRequest& r : server.requests()) {
        if (r.path.contains("/audio/speech"))
            found.append(r);
    }
    return found;
}

} // namespace

class TestVoicePage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The provider's voice ("speech/providerVoice") and the system voice ("speech/voice", "speech/rate")
    // share the "speech" group but no key: saving either one leaves the other as it was.
    void providerVoiceAndSystemVoiceKeepTheirOwnKeys()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings file(dir.filePath(QStringLiteral("voices.ini")), QSettings::IniFormat);

        Speech::SpeechSettings system;
        system.voice = QStringLiteral("Mandarin (espeak-ng)");
        system.rate = -0.4;
        system.save(file);
        Llm::VoiceSettings provider;
        provider.enabled = true;
        provider.voice = QStringLiteral("FunAudioLLM/CosyVoice2-0.5B:anna");
        provider.speed = 1.25;
        provider.save(file);
        QCOMPARE(Speech::SpeechSettings::load(file), system);
        QCOMPARE(Llm::VoiceSettings::load(file).voice, provider.voice);

        // Saving the system voice again (Settings → General) never changes the provider's...
        system.voice = QStringLiteral("English (flite)");
        system.rate = 0.5;
        system.save(file);
        Llm::VoiceSettings readProvider = Llm::VoiceSettings::load(file);
        QCOMPARE(readProvider.voice, provider.voice);
        QCOMPARE(readProvider.speed, 1.25);
        QVERIFY(readProvider.enabled);
        // ...and saving the provider's (Settings → Voice) never changes the system voice.
        provider.voice = QStringLiteral("coral");
        provider.speed = 0.8;
        provider.save(file);
        QCOMPARE(Speech::SpeechSettings::load(file), system);
        QCOMPARE(file.value(QStringLiteral("speech/voice")).toString(), QStringLiteral("English (flite)"));
        QCOMPARE(file.value(QStringLiteral("speech/providerVoice")).toString(), QStringLiteral("coral"));
    }

    void voiceSettingsDefaultToNoProvider()
    {
        QTemporaryDir dir;
        QSettings file(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        const Llm::VoiceSettings read = Llm::VoiceSettings::load(file);
        QVERIFY(!read.enabled); // a new install reads with the system voice
        QCOMPARE(read.voice, QStringLiteral("alloy"));
        // A system voice alone is never taken for the provider's.
        file.setValue(QStringLiteral("speech/voice"), QStringLiteral("Mandarin (espeak-ng)"));
        QCOMPARE(Llm::VoiceSettings::load(file).voice, QStringLiteral("alloy"));
    }

    void valuesRoundTripThroughTheDialog()
    {
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.speechProvider.baseUrl = QUrl(QStringLiteral("https://api.siliconflow.cn/v1"));
        preferences.speechProvider.model = QStringLiteral("FunAudioLLM/CosyVoice2-0.5B");
        preferences.speechProvider.apiKey = QStringLiteral("sk-voice");
        preferences.voice.enabled = true;
        preferences.voice.voice = QStringLiteral("FunAudioLLM/CosyVoice2-0.5B:anna");
        preferences.voice.speed = 0.85;
        preferences.voice.format = Llm::AudioFormat::Opus;
        preferences.narration.narrateNewPages = true;
        SettingsUi::SettingsDialog dialog(textProvider(), preferences, nullptr);
        QVERIFY(dialog.voicePage());
        dialog.showPage(SettingsUi::SettingsDialog::Page::Voice);
        QCOMPARE(dialog.findChild<QTabWidget*>()->currentWidget(), dialog.voicePage());

        const SettingsUi::SettingsDialog::Preferences out = dialog.preferences();
        QCOMPARE(out.speechProvider.baseUrl, preferences.speechProvider.baseUrl);
        QCOMPARE(out.speechProvider.model, preferences.speechProvider.model);
        QCOMPARE(out.speechProvider.apiKey, QStringLiteral("sk-voice"));
        QCOMPARE(out.speechProvider.idleTimeout, std::chrono::milliseconds(std::chrono::seconds(60)));
        QVERIFY(out.voice.enabled);
        QCOMPARE(out.voice.voice, preferences.voice.voice);
        QCOMPARE(out.voice.speed, 0.85);
        QCOMPARE(out.voice.format, Llm::AudioFormat::Opus);
        QVERIFY(out.narration.narrateNewPages);
        QCOMPARE(dialog.voicePage()->presetCombo()->currentData().toString(), QStringLiteral("siliconflow"));
        // The text and picture providers keep their own keys.
        QCOMPARE(dialog.connectionSettings().apiKey, QStringLiteral("sk-text"));
        QVERIFY(out.pictureProvider.apiKey != QStringLiteral("sk-voice"));
        QVERIFY(dialog.problems().isEmpty());

        // A base URL that is not one stops the dialog from being accepted...
        QLineEdit* baseUrl = field(dialog.voicePage(), QStringLiteral("Voice provider base URL"));
        QVERIFY(baseUrl);
        baseUrl->setText(QStringLiteral("ftp://voices"));
        QVERIFY(!dialog.problems().isEmpty());
        QVERIFY(!dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        // ...unless no voice provider is used at all.
        choosePreset(dialog.voicePage(), QStringLiteral("none"));
        QVERIFY(dialog.problems().isEmpty());
        QVERIFY(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!dialog.preferences().voice.enabled);
        QVERIFY(!baseUrl->isEnabled());
        QVERIFY(!dialog.voicePage()->sampleButton()->isEnabled());
    }

    void noProviderIsNone()
    {
        SettingsUi::SettingsDialog dialog(textProvider(), {}, nullptr);
        VoicePage* page = dialog.voicePage();
        QCOMPARE(page->presetCombo()->currentData().toString(), QStringLiteral("none"));
        QVERIFY(!dialog.preferences().voice.enabled);
        QVERIFY2(page->summary().contains(QLatin1String("system voice")), qPrintable(page->summary()));
        QCOMPARE(page->summaryLabel()->text(), page->summary());
    }

    // Keychain-less handling, as the picture key: the key comes with the preferences when the app
    // has it, else from the store (VoiceSettings::KeychainName); a typed key is never replaced, and
    // a memory-only store says that the key lasts only until the app closes.
    void keyComesFromTheStoreWhenNotGiven()
    {
        SettingsUi::SecretStore secrets(nullptr, SettingsUi::SecretStore::Backend::MemoryOnly);
        bool stored = false;
        secrets.write(QString::fromLatin1(Llm::VoiceSettings::KeychainName), QStringLiteral("sk-stored-voice"),
                      [&](const QString&) { stored = true; });
        QTRY_VERIFY(stored);
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.voice.enabled = true;
        SettingsUi::SettingsDialog dialog(textProvider(), preferences, &secrets);
        QVERIFY(!dialog.voicePage()->keyKnown()); // the store answers on a later turn
        QTRY_COMPARE(dialog.preferences().speechProvider.apiKey, QStringLiteral("sk-stored-voice"));
        QVERIFY(dialog.voicePage()->keyKnown());
        bool noteShown = false;
        for (QLabel* label : dialog.voicePage()->findChildren<QLabel*>()) {
            if (label->text().contains(QLatin1String("only until the app closes")) && !label->isHidden())
                noteShown = true;
        }
        QVERIFY(noteShown);

        // A key given with the preferences wins over the store's.
        preferences.speechProvider.apiKey = QStringLiteral("sk-given");
        SettingsUi::SettingsDialog second(textProvider(), preferences, &secrets);
        QVERIFY(second.voicePage()->keyKnown());
        QCOMPARE(second.preferences().speechProvider.apiKey, QStringLiteral("sk-given"));
        // Without a store the key is what the preferences carry, nothing else.
        preferences.speechProvider.apiKey.clear();
        SettingsUi::SettingsDialog third(textProvider(), preferences, nullptr);
        QVERIFY(third.voicePage()->keyKnown());
        QCOMPARE(third.preferences().speechProvider.apiKey, QString());
    }

    void presetsFillBaseUrlAndModel_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("model");
        QTest::newRow("OpenAI gpt-4o-mini-tts") << "openai-mini-tts" << "https://api.openai.com/v1" << "gpt-4o-mini-tts";
        QTest::newRow("OpenAI tts-1") << "openai-tts-1" << "https://api.openai.com/v1" << "tts-1";
        QTest::newRow("SiliconFlow") << "siliconflow" << "https://api.siliconflow.cn/v1" << "FunAudioLLM/CosyVoice2-0.5B";
        QTest::newRow("Kokoro") << "kokoro" << "http://localhost:8880/v1" << "kokoro";
        QTest::newRow("openedai-speech") << "openedai" << "http://localhost:8000/v1" << "tts-1";
        QTest::newRow("LocalAI") << "localai" << "http://localhost:8080/v1" << "tts-1";
    }

    void presetsFillBaseUrlAndModel()
    {
        QFETCH(QString, preset);
        QFETCH(QString, baseUrl);
        QFETCH(QString, model);
        SettingsUi::SettingsDialog dialog(textProvider(), {}, nullptr);
        choosePreset(dialog.voicePage(), preset);
        const SettingsUi::SettingsDialog::Preferences out = dialog.preferences();
        QVERIFY(out.voice.enabled);
        QCOMPARE(out.speechProvider.baseUrl, QUrl(baseUrl));
        QCOMPARE(out.speechProvider.model, model);
        QVERIFY(dialog.problems().isEmpty());
        // The stored settings find their preset again.
        QCOMPARE(VoiceCatalog::presets().value(VoiceCatalog::presetIndexFor(QUrl(baseUrl), model)).id, preset);
        // The voice is one the model offers.
        QVERIFY2(VoiceCatalog::isCatalogued(out.voice.voice), qPrintable(out.voice.voice));
        QVERIFY(dialog.voicePage()->listedVoices().contains(out.voice.voice));
        // A base URL typed by hand makes the preset Custom; the fields stay as typed.
        QLineEdit* url = field(dialog.voicePage(), QStringLiteral("Voice provider base URL"));
        url->setText(QStringLiteral("http://127.0.0.1:9999/v1"));
        Q_EMIT url->textEdited(url->text());
        QCOMPARE(dialog.voicePage()->presetCombo()->currentData().toString(), QStringLiteral("custom"));
        choosePreset(dialog.voicePage(), QStringLiteral("custom"));
        QCOMPARE(dialog.preferences().speechProvider.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9999/v1")));
    }

    void catalogueIsFilteredPerLanguage()
    {
        const auto ids = [](const QList<SettingsUi::CatalogVoice>& voices) {
            QStringList out;
            for (const SettingsUi::CatalogVoice& v : voices)
                out.append(v.id);
            return out;
        };
        // Kokoro: English and Chinese voices apart.
        const QStringList kokoroEn = ids(VoiceCatalog::voices(QStringLiteral("kokoro"), QStringLiteral("en")));
        const QStringList kokoroZh = ids(VoiceCatalog::voices(QStringLiteral("kokoro"), QStringLiteral("zh")));
        QVERIFY(kokoroEn.contains(QStringLiteral("af_heart")) && kokoroEn.contains(QStringLiteral("bf_emma")));
        QVERIFY(!kokoroEn.contains(QStringLiteral("zf_xiaobei")));
        QVERIFY(kokoroZh.contains(QStringLiteral("zf_xiaobei")) && kokoroZh.contains(QStringLiteral("zm_yunxi")));
        QVERIFY(!kokoroZh.contains(QStringLiteral("af_heart")));
        // CosyVoice2: the same eight voices for both, named after the model.
        const QString cosy = QStringLiteral("FunAudioLLM/CosyVoice2-0.5B");
        QCOMPARE(ids(VoiceCatalog::voices(cosy, QStringLiteral("zh"))), ids(VoiceCatalog::voices(cosy, QStringLiteral("en"))));
        QCOMPARE(VoiceCatalog::voices(cosy).size(), 8);
        QVERIFY(ids(VoiceCatalog::voices(cosy)).contains(QStringLiteral("FunAudioLLM/CosyVoice2-0.5B:diana")));
        // OpenAI: every voice in every language; tts-1 lacks ballad and verse.
        const QStringList mini = ids(VoiceCatalog::voices(QStringLiteral("gpt-4o-mini-tts"), QStringLiteral("zh")));
        QCOMPARE(mini.size(), 11);
        QVERIFY(mini.contains(QStringLiteral("verse")));
        const QStringList classic = ids(VoiceCatalog::voices(QStringLiteral("tts-1"), QStringLiteral("en")));
        QCOMPARE(classic.size(), 9);
        QVERIFY(!classic.contains(QStringLiteral("ballad")));

        // The page lists the chosen language's voices; a listed voice of the other language gives way.
        SettingsUi::SettingsDialog dialog(textProvider(), {}, nullptr);
        VoicePage* page = dialog.voicePage();
        choosePreset(page, QStringLiteral("kokoro"));
        page->setLanguage(QStringLiteral("en"));
        QCOMPARE(page->listedVoices(), kokoroEn);
        page->voiceCombo()->setCurrentIndex(page->voiceCombo()->findData(QStringLiteral("bf_emma")));
        QCOMPARE(dialog.preferences().voice.voice, QStringLiteral("bf_emma"));
        page->setLanguage(QStringLiteral("zh"));
        QCOMPARE(page->listedVoices(), kokoroZh);
        QCOMPARE(dialog.preferences().voice.voice, kokoroZh.first());
        // A typed voice (one the catalogue does not know) stays as typed across languages.
        page->voiceCombo()->setEditText(QStringLiteral("zf_my_own_mix"));
        QCOMPARE(dialog.preferences().voice.voice, QStringLiteral("zf_my_own_mix"));
        page->setLanguage(QStringLiteral("en"));
        QCOMPARE(dialog.preferences().voice.voice, QStringLiteral("zf_my_own_mix"));
        // A saved English Kokoro voice opens with the English list, whatever the interface's language.
        SettingsUi::SettingsDialog::Preferences saved;
        saved.speechProvider.baseUrl = QUrl(QStringLiteral("http://localhost:8880/v1"));
        saved.speechProvider.model = QStringLiteral("kokoro");
        saved.voice.enabled = true;
        saved.voice.voice = QStringLiteral("am_michael");
        SettingsUi::SettingsDialog reopened(textProvider(), saved, nullptr);
        QCOMPARE(reopened.voicePage()->language(), QStringLiteral("en"));
        QCOMPARE(reopened.preferences().voice.voice, QStringLiteral("am_michael"));
    }

    void styleOnlyForModelsThatTakeIt_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<bool>("style");
        QTest::newRow("gpt-4o-mini-tts") << "openai-mini-tts" << true;
        QTest::newRow("tts-1") << "openai-tts-1" << false;
        QTest::newRow("CosyVoice2") << "siliconflow" << false;
        QTest::newRow("Kokoro") << "kokoro" << false;
        QTest::newRow("custom") << "custom" << true;
    }

    void styleOnlyForModelsThatTakeIt()
    {
        QFETCH(QString, preset);
        QFETCH(bool, style);
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.voice.enabled = true;
        preferences.voice.instructions = QStringLiteral("a warm, calm bedtime voice");
        SettingsUi::SettingsDialog dialog(textProvider(), preferences, nullptr);
        VoicePage* page = dialog.voicePage();
        QVERIFY(page->styleEdit()->isEnabled()); // the default provider is gpt-4o-mini-tts
        choosePreset(page, preset);
        QCOMPARE(page->styleEdit()->isEnabled(), style);
        QCOMPARE(dialog.preferences().voice.instructions, style ? QStringLiteral("a warm, calm bedtime voice") : QString());
        QCOMPARE(page->styleEdit()->placeholderText(), QStringLiteral("a warm, calm bedtime voice"));
    }

    void summarySaysWhatIsUsed()
    {
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.voice.enabled = true;
        preferences.voice.voice = QStringLiteral("alloy");
        SettingsUi::SettingsDialog dialog(textProvider(), preferences, nullptr);
        const QString line = dialog.voicePage()->summaryLabel()->text();
        QVERIFY2(line.contains(QLatin1String("alloy")) && line.contains(QLatin1String("OpenAI")), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String("Read aloud")), qPrintable(line));
        dialog.voicePage()->findChild<QCheckBox*>()->setChecked(true);
        const QString automatic = dialog.voicePage()->summaryLabel()->text();
        QVERIFY2(automatic.contains(QLatin1String("as soon as they are written")), qPrintable(automatic));
        choosePreset(dialog.voicePage(), QStringLiteral("siliconflow"));
        const QString cosy = dialog.voicePage()->summaryLabel()->text();
        QVERIFY2(cosy.contains(QLatin1String("alex")) && cosy.contains(QLatin1String("SiliconFlow")), qPrintable(cosy));
        choosePreset(dialog.voicePage(), QStringLiteral("none"));
        QVERIFY(dialog.voicePage()->summaryLabel()->text().contains(QLatin1String("system voice")));
    }

    void samplePlaysThroughTheFakeServer_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("language");
        QTest::newRow("wav, English") << int(Llm::AudioFormat::Wav) << QStringLiteral("en");
        QTest::newRow("mp3, Chinese") << int(Llm::AudioFormat::Mp3) << QStringLiteral("zh");
        QTest::newRow("pcm, English") << int(Llm::AudioFormat::Pcm) << QStringLiteral("en");
    }

    // The sample is spoken by the fake server with the values in the dialog, and played into a
    // private PulseAudio null sink to its end.
    void samplePlaysThroughTheFakeServer()
    {
        QFETCH(int, format);
        QFETCH(QString, language);
        STORYBOOK_REQUIRE_TOOL(Test::NullAudioServer::available(), "pulseaudio");
        STORYBOOK_REQUIRE_TOOL(!Test::findTool(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg");
        Test::NullAudioServer audio;
        QVERIFY2(audio.start(), qPrintable(audio.errorString()));
        Test::FakeOpenAiServer server;
        QVERIFY(server.listen());
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.speechProvider.baseUrl = server.baseUrl();
        preferences.speechProvider.model = QStringLiteral("gpt-4o-mini-tts");
        preferences.speechProvider.apiKey = QStringLiteral("sk-voice-key");
        preferences.voice.enabled = true;
        preferences.voice.voice = QStringLiteral("coral");
        preferences.voice.speed = 1.25;
        preferences.voice.instructions = QStringLiteral("a warm, calm bedtime voice");
        preferences.voice.format = Llm::AudioFormat(format);
        SettingsUi::SettingsDialog dialog(textProvider(), preferences, nullptr);
        VoicePage* page = dialog.voicePage();
        page->setLanguage(language);
        QCOMPARE(dialog.preferences().voice.voice, QStringLiteral("coral"));
        QSignalSpy playing(page->sample(), &SettingsUi::VoiceSample::playing);
        QSignalSpy finished(page, &VoicePage::sampleFinished);
        page->sampleButton()->click();
        QVERIFY(!page->sampleButton()->isEnabled()); // busy
        QVERIFY(finished.wait(30000));
        const QString problem = finished.first().first().toString();
        QVERIFY2(problem.isEmpty(), qPrintable(problem + u'\n' + audio.log()));
        QCOMPARE(playing.size(), 1);
        QVERIFY(page->sampleButton()->isEnabled());
        QCOMPARE(page->sampleResult()->text(), QStringLiteral("The sample has been played."));

        // What the fake server was asked for: the dialog's values.
        const QList<Test::RecordedRequest> requests = speechRequests(server);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().header("Authorization"), QByteArray("Bearer sk-voice-key"));
        const QJsonObject sent = QJsonDocument::fromJson(requests.first().body).object();
        QCOMPARE(sent.value(QLatin1String("voice")).toString(), QStringLiteral("coral"));
        QCOMPARE(sent.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini-tts"));
        QCOMPARE(sent.value(QLatin1String("speed")).toDouble(), 1.25);
        QCOMPARE(sent.value(QLatin1String("instructions")).toString(), QStringLiteral("a warm, calm bedtime voice"));
        QCOMPARE(sent.value(QLatin1String("response_format")).toString(), Llm::audioFormatName(Llm::AudioFormat(format)));
        const QString input = sent.value(QLatin1String("input")).toString();
        QCOMPARE(input, VoicePage::sampleText(language));
        const bool chinese = std::any_of(input.begin(), input.end(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
        QCOMPARE(chinese, language == QLatin1String("zh"));

        // The player got the bytes as sent: 10 ms of audio per input character.
        const QByteArray bytes = page->sample()->audio();
        QVERIFY(!bytes.isEmpty());
        if (format != int(Llm::AudioFormat::Pcm))
            QCOMPARE(Llm::sniffAudioFormat(bytes), Llm::AudioFormat(format));
        else
            QCOMPARE(bytes.size(), qsizetype(input.size()) * 10 * 24 * 2);
        // ...and played them to their end (10 ms per character; mp3 may be padded a little).
        const qint64 expectedMs = qint64(input.size()) * 10;
        QVERIFY2(page->sample()->playedMs() >= expectedMs * 8 / 10 && page->sample()->playedMs() <= expectedMs + 500,
                 qPrintable(QStringLiteral("%1 of %2 ms").arg(page->sample()->playedMs()).arg(expectedMs)));
    }

    void sampleErrorsAreExplained()
    {
        Test::FakeOpenAiServer server;
        QVERIFY(server.listen());
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.speechProvider.baseUrl = server.baseUrl(QStringLiteral("status:401"));
        preferences.speechProvider.apiKey = QStringLiteral("sk-wrong-voice-key");
        preferences.voice.enabled = true;
        SettingsUi::SettingsDialog dialog(textProvider(), preferences, nullptr);
        VoicePage* page = dialog.voicePage();
        QSignalSpy playing(page->sample(), &SettingsUi::VoiceSample::playing);
        QSignalSpy finished(page, &VoicePage::sampleFinished);
        page->sampleButton()->click();
        QVERIFY(finished.wait(20000));
        const QString problem = finished.first().first().toString();
        QVERIFY(!problem.isEmpty());
        QCOMPARE(page->sampleResult()->text(), problem);
        QVERIFY(!problem.contains(QLatin1String("sk-wrong-voice-key")));
        QVERIFY2(problem.contains(QLatin1String("key"), Qt::CaseInsensitive), qPrintable(problem));
        QCOMPARE(playing.size(), 0);
        QVERIFY(page->sampleButton()->isEnabled());
        QVERIFY(page->sample()->audio().isEmpty());
    }

    // Closing the dialog while the sample is being spoken stops it: the request is cancelled, nothing
    // is played or reported afterwards, and the page can go at once (ASan-clean).
    void closingTheDialogStopsTheSample()
    {
        Test::FakeOpenAiServer server;
        QVERIFY(server.listen());
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.speechProvider.baseUrl = server.baseUrl(QStringLiteral("speech-slow:5000"));
        preferences.voice.enabled = true;
        auto dialog = std::make_unique<SettingsUi::SettingsDialog>(textProvider(), preferences, nullptr);
        VoicePage* page = dialog->voicePage();
        QSignalSpy finished(page, &VoicePage::sampleFinished);
        page->sampleButton()->click();
        QCOMPARE(page->sample()->state(), SettingsUi::VoiceSample::State::Speaking);
        QTRY_COMPARE_WITH_TIMEOUT(speechRequests(server).size(), 1, 10000);
        dialog->reject();
        QCOMPARE(page->sample()->state(), SettingsUi::VoiceSample::State::Idle);
        QVERIFY(page->sampleButton()->isEnabled());
        QCOMPARE(finished.size(), 0);
        // Again, and this time the dialog itself goes while the request runs.
        page->sampleButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(speechRequests(server).size(), 2, 10000);
        QPointer<SettingsUi::VoiceSample> sample = page->sample();
        dialog.reset();
        QVERIFY(!sample);
        QCOMPARE(finished.size(), 0);
    }

    // The dialog goes while the sample plays: the player stops with it (ASan-clean), nothing is reported.
    void closingTheDialogWhilePlaying()
    {
        STORYBOOK_REQUIRE_TOOL(Test::NullAudioServer::available(), "pulseaudio");
        Test::NullAudioServer audio;
        QVERIFY2(audio.start(), qPrintable(audio.errorString()));
        Test::FakeOpenAiServer server;
        QVERIFY(server.listen());
        SettingsUi::SettingsDialog::Preferences preferences;
        preferences.speechProvider.baseUrl = server.baseUrl();
        preferences.voice.enabled = true;
        preferences.voice.format = Llm::AudioFormat::Wav;
        auto dialog = std::make_unique<SettingsUi::SettingsDialog>(textProvider(), preferences, nullptr);
        VoicePage* page = dialog->voicePage();
        QSignalSpy playing(page->sample(), &SettingsUi::VoiceSample::playing);
        QSignalSpy finished(page, &VoicePage::sampleFinished);
        page->sampleButton()->click();
        QVERIFY(playing.wait(20000));
        QCOMPARE(page->sample()->state(), SettingsUi::VoiceSample::State::Playing);
        QPointer<QMediaPlayer> player = page->sample()->player();
        QVERIFY(player);
        dialog->reject();
        QVERIFY(!player); // stopped and gone with the dialog's close
        QCOMPARE(page->sample()->state(), SettingsUi::VoiceSample::State::Idle);
        QCOMPARE(finished.size(), 0);
        page->sampleButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(page->sample()->state(), SettingsUi::VoiceSample::State::Playing, 20000);
        dialog.reset();
        QCOMPARE(finished.size(), 0);
    }

    void pcmGetsAWavHeader()
    {
        const QByteArray pcm(4800, '\x01');
        const QByteArray wav = SettingsUi::VoiceSample::wavOfPcm(pcm, 24000);
        QCOMPARE(wav.size(), 44 + 4800);
        QCOMPARE(Llm::sniffAudioFormat(wav), Llm::AudioFormat::Wav);
        QVERIFY(Llm::isIntactAudio(wav, Llm::AudioFormat::Wav));
        QCOMPARE(wav.mid(44), pcm);
    }
};

QTEST_MAIN(TestVoicePage)
#include "tst_voicepage.moc"
