#pragma once

#include "connectionsettings.h"
#include "diagnostics.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace Storybook::Llm {
class LlmClient;
}

namespace Storybook::SettingsUi {

class SecretStore;

// "Connect a story writer": a short guided setup for a parent who has never seen an API key.
// 1. pick a provider (the presets), 2. paste its key (the field names the provider; a program on
// this computer needs none; "Custom" asks for the address and model), 3. test it with the connection
// diagnostics, then save. Offered on the first run and whenever a story is to be written with a
// service on the internet and no key (see KeyNeeds::needsKey()).
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    enum class Step { Provider, Key, Test };

    // `current` gives the network settings (proxy, timeouts) the test and the result keep.
    explicit ConnectDialog(const Llm::ConnectionSettings& current, QWidget* parent = nullptr);
    ~ConnectDialog() override;

    // Runs the setup; when the parent saves, stores the settings in QSettings and the key in the
    // store (secrets may be null) and returns them.
    static std::optional<Llm::ConnectionSettings> run(const Llm::ConnectionSettings& current, SecretStore* secrets,
                                                      QWidget* parent);

    // The chosen provider, key and model on top of `current`.
    [[nodiscard]] Llm::ConnectionSettings connectionSettings() const;
    [[nodiscard]] Step step() const;
    [[nodiscard]] std::optional<Llm::DiagnosticsReport> lastReport() const { return m_report; }
    // Selects a provider by its preset id ("deepseek", "ollama", "custom"…).
    void choosePreset(const QString& id);

public Q_SLOTS:
    void next();
    void back();
    void runTest();

Q_SIGNALS:
    void testFinished(const Storybook::Llm::DiagnosticsReport& report);

protected:
    void done(int result) override;

private:
    void showStep(Step step);
    void updateButtons();
    void cancelTest();
    [[nodiscard]] bool currentIsLocal() const;
    [[nodiscard]] bool currentIsCustom() const;

    Llm::ConnectionSettings m_current;
    QStackedWidget* m_steps = nullptr;
    QListWidget* m_providers = nullptr;
    QLabel* m_keyIntro = nullptr;
    QLineEdit* m_key = nullptr;
    QCheckBox* m_showKey = nullptr;
    QWidget* m_customFields = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_model = nullptr;
    QLabel* m_verdict = nullptr;
    QLabel* m_hint = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_testAgain = nullptr;
    QPointer<Llm::LlmClient> m_client;
    QPointer<Llm::Diagnostics> m_diagnostics;
    std::optional<Llm::DiagnosticsReport> m_report;
};

} // namespace Storybook::SettingsUi
