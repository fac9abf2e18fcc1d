// Settings → Voice: the speech provider's voice apart from the system voice (their QSettings keys),
// the page's values through the dialog, the voice catalogue, and a sample spoken by the fake server.
#include "speechsettings.h"
#include "voicesettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;

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
};

QTEST_MAIN(TestVoicePage)
#include "tst_voicepage.moc"
