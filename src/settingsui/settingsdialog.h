#pragma once

#include "connectionsettings.h"
#include "diagnostics.h"
#include "illustrator.h"
#include "speechsettings.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class QLabel;
class QTimer;
class QTreeWidgetItem;

namespace Ui {
class SettingsDialog;
}

namespace Storybook::Llm {
class LlmClient;
class ModelsJob;
} // namespace Storybook::Llm

namespace Storybook::Speech {
class SpeechEngine;
}

namespace Storybook::SettingsUi {

class PicturesPage;
class SecretStore;

// Provider, network, diagnostics and general settings in one dialog. Everything works on the values
// in the dialog, before they are saved: "Refresh list" and "Run checks" build a temporary client from
// them, so a parent can try a proxy before committing to it. The dialog never saves anything itself:
// the caller reads connectionSettings() and preferences() after exec() and stores them (secrets in
// the SecretStore).
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
    };

    enum class Page { Provider, Network, Diagnostics, General, Pictures };

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
    [[nodiscard]] std::optional<Llm::DiagnosticsReport> lastReport() const { return m_report; }
    [[nodiscard]] bool isDiagnosticsRunning() const;
    [[nodiscard]] PicturesPage* picturesPage() const { return m_pictures; }

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
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct FieldProblem
    {
        QLabel* label;
        QString text;
    };

    void setupPresets();
    void setupLanguages(const QString& language);
    void setupSpeech(const Speech::SpeechSettings& speech);
    void fillVoices();
    void updateSpeedLabel();
    void tryVoice();
    void setupConnections();
    void setFields(const Llm::ConnectionSettings& settings);
    void loadSecrets();
    void showKeychainWarning();

    void applyPreset(int index);
    void updatePresetHint(int index);
    void syncPresetToUrl();
    void takeProxyUrlFromHost();
    [[nodiscard]] Llm::ProxySettings::Mode proxyMode() const;
    void setProxyMode(Llm::ProxySettings::Mode mode);
    void updateProxyFields();
    void updateSystemProxyLine();
    void validate();
    [[nodiscard]] QList<FieldProblem> fieldProblems() const;
    void showProblem(QLabel* label, const QString& text);
    static void fitHeight(QLabel* label);
    static void setWrappedText(QLabel* label, const QString& text);

    void showStage(int index, const Llm::DiagnosticStage& stage);
    void showVerdict(const Llm::DiagnosticsReport& report);
    void spinRunningStages();
    void relayoutStages();
    void copyReport();
    void refreshLog();
    void cancelModels();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    std::unique_ptr<Speech::SpeechEngine> m_speechEngine; // made when the General tab is first shown
    QPointer<SecretStore> m_secrets;
    PicturesPage* m_pictures = nullptr; // the Pictures tab
    Llm::ConnectionSettings m_initial;
    bool m_apiKeyTouched = false;
    bool m_passwordTouched = false;
    bool m_syncingPreset = false;
    bool m_ready = false; // the constructor has finished

    // Temporary clients built from the dialog's values, replaced on every run.
    QPointer<Llm::LlmClient> m_checkClient;
    QPointer<Llm::Diagnostics> m_diagnostics;
    QPointer<Llm::LlmClient> m_modelsClient;
    QPointer<Llm::ModelsJob> m_modelsJob;
    std::optional<Llm::DiagnosticsReport> m_report;
    QList<QTreeWidgetItem*> m_stageItems;
    QList<QLabel*> m_wrappingLabels;
    QTimer* m_spinner = nullptr;
    int m_spinFrame = 0;
};

} // namespace Storybook::SettingsUi
