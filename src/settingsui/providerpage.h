#pragma once

#include "connectionsettings.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class ProviderPage;
}

namespace Storybook::Llm {
class LlmClient;
class ModelsJob;
} // namespace Storybook::Llm

namespace Storybook::SettingsUi {

class SecretStore;
namespace Form {
class WrapFitter;
}

// Settings → Provider: the service that writes the stories (preset, server address, API key, model).
// "Refresh list" asks the server for its models with the values of the whole dialog (`all`), so a
// proxy not yet saved is used. The model field offers the server's models as a popup, never
// completing a typed name inline: what is typed is what is saved.
class ProviderPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderPage)

public:
    using SettingsSource = std::function<Llm::ConnectionSettings()>;

    // secrets may be null; otherwise the API key is read from it when `current` has none.
    ProviderPage(const Llm::ConnectionSettings& current, SecretStore* secrets, SettingsSource all, QWidget* parent = nullptr);
    ~ProviderPage() override;

    // Writes the page's fields (base URL, model, API key) into `settings`.
    void apply(Llm::ConnectionSettings& settings) const;
    [[nodiscard]] QString baseUrlText() const;
    // A translated problem for each invalid field; empty when fine.
    [[nodiscard]] QStringList problems() const;
    // Shows the problems under their fields.
    void validate();

public Q_SLOTS:
    void refreshModels();
    void cancelModels();

Q_SIGNALS:
    void changed();
    void modelsRefreshed(const QStringList& models, const QString& error);

private:
    struct Problems
    {
        QString url;
        QString model;
    };
    [[nodiscard]] Problems fieldProblems() const;
    void setFields(const Llm::ConnectionSettings& settings);
    void loadSecrets(SecretStore* secrets);
    void showKeychainWarning(SecretStore* secrets);
    void applyPreset(int index);
    void updatePresetHint(int index);
    void syncPresetToUrl();
    void showModelsStatus(const QString& text, bool good);

    std::unique_ptr<Ui::ProviderPage> m_ui;
    SettingsSource m_all;
    QUrl m_initialUrl;
    Form::WrapFitter* m_fitter = nullptr;
    bool m_apiKeyTouched = false;
    bool m_syncingPreset = false;
    QPointer<Llm::LlmClient> m_modelsClient;
    QPointer<Llm::ModelsJob> m_modelsJob;
};

} // namespace Storybook::SettingsUi
