#pragma once

#include "connectionsettings.h"
#include "voicesettings.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Storybook::SettingsUi {

class SecretStore;
class VoiceSample;

// Settings → Voice: the speech provider that reads pages aloud in a warm voice, apart from the text
// and picture providers (preset, base URL, model, its own API key), the voice (listed per language
// from VoiceCatalog, or typed), speed, speaking style (for models that take one), audio format,
// whether new pages are read aloud automatically, and "Play a sample" with the values in the page.
// "None" means no voice provider: the system voice reads (Settings → General). Works on the values in
// its fields; the caller reads them after the dialog is accepted.
class VoicePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VoicePage)

public:
    using NetworkSource = std::function<Llm::ConnectionSettings()>;

    // `provider` is the speech role's settings (apiKey included when known); secrets may be null,
    // otherwise the key is read from it (VoiceSettings::KeychainName) when `provider` has none.
    // `network` gives the dialog's current network values (proxy, CA bundle…) for the sample.
    VoicePage(const Llm::ConnectionSettings& provider, const Llm::VoiceSettings& voice, bool narrateNewPages,
              SecretStore* secrets, NetworkSource network, QWidget* parent = nullptr);
    ~VoicePage() override;

    // The provider's fields (base URL, model, key, timeouts) on top of `network`'s proxy and TLS.
    [[nodiscard]] Llm::ConnectionSettings provider(const Llm::ConnectionSettings& network) const;
    // enabled is false when "None" is chosen.
    [[nodiscard]] Llm::VoiceSettings voice() const;
    [[nodiscard]] bool narrateNewPages() const;
    // A translated problem for each invalid field (empty: fine).
    [[nodiscard]] QStringList problems() const;
    // The key field holds the key to save: given, read from the store, or typed. False while the
    // store has not answered yet (saving then would erase the stored key).
    [[nodiscard]] bool keyKnown() const { return m_keyKnown || m_keyTouched; }

    // The language whose voices are listed ("en", "zh").
    [[nodiscard]] QString language() const;
    void setLanguage(const QString& language);
    // The voices listed now (what is sent as "voice"), in order.
    [[nodiscard]] QStringList listedVoices() const;
    // What will be used, in one sentence (shown under the form).
    [[nodiscard]] QString summary() const;
    // The sentence the sample speaks in `language`.
    [[nodiscard]] static QString sampleText(const QString& language);

    [[nodiscard]] QComboBox* presetCombo() const { return m_preset; }
    [[nodiscard]] QComboBox* voiceCombo() const { return m_voice; }
    [[nodiscard]] QLineEdit* styleEdit() const { return m_style; }
    [[nodiscard]] QPushButton* sampleButton() const { return m_sampleButton; }
    [[nodiscard]] QLabel* sampleResult() const { return m_sampleResult; }
    [[nodiscard]] QLabel* summaryLabel() const { return m_summary; }
    [[nodiscard]] VoiceSample* sample() const { return m_sample; }

public Q_SLOTS:
    void playSample();
    void cancelSample();

Q_SIGNALS:
    void changed();
    // The sample ended: played (problem empty) or not, with the reason in words.
    void sampleFinished(const QString& problem);

private:
    void applyPreset(int index);
    void fillVoices(const QString& keep);
    void updateState();
    void loadSecret(SecretStore* secrets);
    [[nodiscard]] QString voiceId() const;
    [[nodiscard]] bool isNone() const;
    // gpt-4o-mini-tts, or any model of a custom provider, takes a speaking style.
    [[nodiscard]] bool styleAccepted() const;

    NetworkSource m_network;
    Llm::ConnectionSettings m_initial;
    bool m_keyTouched = false;
    bool m_keyKnown = false;
    QComboBox* m_preset = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLineEdit* m_model = nullptr;
    QLineEdit* m_apiKey = nullptr;
    QLabel* m_keyNote = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_voice = nullptr;
    QDoubleSpinBox* m_speed = nullptr;
    QLineEdit* m_style = nullptr;
    QLabel* m_styleNote = nullptr;
    QComboBox* m_format = nullptr;
    QPushButton* m_sampleButton = nullptr;
    QLabel* m_sampleResult = nullptr;
    QCheckBox* m_auto = nullptr;
    QLabel* m_summary = nullptr;
    VoiceSample* m_sample = nullptr;
    QList<QWidget*> m_providerFields; // disabled while "None" is chosen
};

} // namespace Storybook::SettingsUi
