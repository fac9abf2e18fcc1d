#pragma once

#include "connectionsettings.h"
#include "diagnostics.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace Storybook::Llm {
class LlmClient;
}

namespace Storybook::SettingsUi {

class SecretStore;

// Provider, network and diagnostics in one dialog. Everything works on the values in the dialog,
// before they are saved: "Refresh the model list" and "Run checks" build a temporary client from
// them, so a parent can try a proxy before committing to it.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Preferences
    {
        QString language; // "" = the system's, "en", "zh_CN"
    };

    SettingsDialog(const Llm::ConnectionSettings& current, const Preferences& preferences, SecretStore* secrets,
                   QWidget* parent = nullptr);
    ~SettingsDialog() override;
    Q_DISABLE_COPY_MOVE(SettingsDialog)

    [[nodiscard]] Llm::ConnectionSettings connectionSettings() const;
    [[nodiscard]] Preferences preferences() const;
    // A translated problem for every invalid field, empty when everything can be saved.
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] const Llm::DiagnosticsReport* lastReport() const;

public Q_SLOTS:
    void showDiagnostics();
    void runDiagnostics();

Q_SIGNALS:
    void diagnosticsFinished();

private:
    void fillPresets();
    void applyPreset(int index);
    void setFields(const Llm::ConnectionSettings& settings);
    void validate();
    void updateProxyFields();
    void refreshModels();
    void copyReport();
    void showStage(int index, const Llm::DiagnosticStage& stage);
    [[nodiscard]] QString problemStyle() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    SecretStore* m_secrets;
    Llm::ConnectionSettings m_initial;
    std::unique_ptr<Llm::LlmClient> m_checkClient;
    std::unique_ptr<Llm::Diagnostics> m_diagnostics;
    std::unique_ptr<Llm::LlmClient> m_modelsClient;
    std::optional<Llm::DiagnosticsReport> m_report;
};

} // namespace Storybook::SettingsUi
