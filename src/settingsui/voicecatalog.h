#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Storybook::SettingsUi {

// A speech provider Settings → Voice offers: picking it fills in the base URL and the model.
struct SpeechPreset
{
    QString id;   // stable: "none", "openai-mini-tts", "openai-tts-1", "siliconflow", "kokoro", "openedai", "localai", "custom"
    QString name; // shown in the combo box
    QUrl baseUrl; // empty for "none" and "custom"
    QString model;
    bool local = false; // runs on this computer: no API key needed
    QString brand;      // the service alone, for sentences: "OpenAI", "SiliconFlow", "Kokoro-FastAPI"
};

// A voice the catalogue knows: what is sent as "voice", a short description, and the languages it
// reads well (empty: every language).
struct CatalogVoice
{
    QString id;          // "alloy", "FunAudioLLM/CosyVoice2-0.5B:anna", "zf_xiaobei"
    QString description; // translated; may be empty
    QStringList languages;

    [[nodiscard]] bool speaks(const QString& language) const { return languages.isEmpty() || languages.contains(language); }
    // "anna — calm woman" (the short name, then the description), or the id alone.
    [[nodiscard]] QString label() const;
};

// The built-in list of speech providers and of their voices per language ("en", "zh": the
// languages stories are written in). Small on purpose: a voice not listed is typed by hand.
class VoiceCatalog final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::SettingsUi::VoiceCatalog)

public:
    // "None" first, then the services, then "Custom" last.
    [[nodiscard]] static QList<SpeechPreset> presets();
    // The preset whose base URL (and, among several with that URL, model) matches; else "custom".
    [[nodiscard]] static int presetIndexFor(const QUrl& baseUrl, const QString& model);
    [[nodiscard]] static int presetIndex(const QString& id);

    // The voices a model offers, by the model's name: CosyVoice ("<model>:alex" …), Kokoro, OpenAI's
    // tts-1 / tts-1-hd (no ballad, no verse), else OpenAI's gpt-4o-mini-tts voices (what
    // OpenAI-compatible servers such as openedai-speech and LocalAI accept as well).
    [[nodiscard]] static QList<CatalogVoice> voices(const QString& model);
    // Those of voices(model) that read `language` well.
    [[nodiscard]] static QList<CatalogVoice> voices(const QString& model, const QString& language);

    // Whether `voice` is one of the catalogue's voices, of any model and language (else it was typed).
    [[nodiscard]] static bool isCatalogued(const QString& voice);

    // Whether the model takes a speaking style ("instructions"): gpt-4o-mini-tts (and its dated names).
    [[nodiscard]] static bool takesStyle(const QString& model);
};

} // namespace Storybook::SettingsUi
