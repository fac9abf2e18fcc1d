#pragma once

#include "connectionsettings.h"
#include "diagnostics.h"
#include "illustrator.h"
#include "narrationmaker.h"
#include "speechsettings.h"
#include "voicesettings.h"

#include <QDialog>
#include <QStringList>

#include <memory>
#include <optional>

namespace Ui {
class SettingsDialog;
}

namespace Storybook::SettingsUi {

class DiagnosticsPage;
class GeneralPage;
class NetworkPage;
class PicturesPage;
class ProviderPage;
class SecretStore;
class VoicePage;

// The settings dialog hosts one widget per page (as KeePassXC does): each page owns its form, its
// load, save and validation; the dialog puts their values together, enables OK when no page has a
// problem and marks the tabs that need correcting. Everything works on the values in the dialog,
// before they are saved: "Refresh list" and "Run checks" build a temporary client from them, so a
// parent can try a proxy before committing to it. The dialog never saves anything itself: the caller
// reads connectionSettings() and preferences() after exec() and stores them (secrets in the
// SecretStore).
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Preferences
    {
        QString language; // "" = the system's, "en", "zh_CN"
        Speech::SpeechSettings speech;
        // The picture provider (Role::Pictures; its apiKey included) and how pictures are painted.
        // Out of the dialog, the provider carries the network settings of the Network page.
        Llm::ConnectionSettings pictureProvider = Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Pictures);
        Generation::PicturePreferences pictures;
        // The speech provider (Role::Speech; its apiKey included), its voice (enabled false: no
        // provider, the system voice reads) and whether new pages are read aloud by it. Out of the
        // dialog, the provider carries the network settings of the Network page.
        Llm::ConnectionSettings speechProvider = Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Speech);
        Llm::VoiceSettings voice;
        Generation::NarrationPreferences narration;
    };

    enum class Page { Provider, Network, Diagnostics, General, Pictures, Voice };

    // secrets may be null; otherwise the API key and proxy password are read from it when the
    // settings passed in have none.
    SettingsDialog(const Llm::ConnectionSettings& current, const Preferences& preferences, SecretStore* secrets,
                   QWidget* parent = nullptr);
    ~SettingsDialog() override;
    Q_DISABLE_COPY_MOVE(SettingsDialog)

    // The values in the fields, including apiKey and proxy.password.
    [[nodiscard]] Llm::ConnectionSettings connectionSettings() const;
    [[nodiscard]] Preferences preferences() const;

    // A translated problem for every invalid field; empty when the settings can be saved (OK enabled).
    [[nodiscard]] QStringList problems() const;
    // The last finished diagnostics run, if any.
    [[nodiscard]] std::optional<Llm::DiagnosticsReport> lastReport() const;
    [[nodiscard]] bool isDiagnosticsRunning() const;

    [[nodiscard]] ProviderPage* providerPage() const { return m_provider; }
    [[nodiscard]] NetworkPage* networkPage() const { return m_network; }
    [[nodiscard]] DiagnosticsPage* diagnosticsPage() const { return m_diagnostics; }
    [[nodiscard]] GeneralPage* generalPage() const { return m_general; }
    [[nodiscard]] PicturesPage* picturesPage() const { return m_pictures; }
    [[nodiscard]] VoicePage* voicePage() const { return m_voice; }

    void showPage(Page page);

public Q_SLOTS:
    void showDiagnostics(); // selects the Diagnostics tab
    void runDiagnostics();  // starts the checks with the values in the dialog (not yet saved)
    void cancelDiagnostics();
    void refreshModels();   // GET /models with the values in the dialog

Q_SIGNALS:
    void diagnosticsFinished(const Storybook::Llm::DiagnosticsReport& report);
    void modelsRefreshed(const QStringList& models, const QString& error);

protected:
    void done(int result) override;
    void changeEvent(QEvent* event) override;

private:
    void validate();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Llm::ConnectionSettings m_initial;
    ProviderPage* m_provider = nullptr;
    NetworkPage* m_network = nullptr;
    DiagnosticsPage* m_diagnostics = nullptr;
    GeneralPage* m_general = nullptr;
    PicturesPage* m_pictures = nullptr;
    VoicePage* m_voice = nullptr;
    bool m_ready = false; // the constructor has finished
};

} // namespace Storybook::SettingsUi
