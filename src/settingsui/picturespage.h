#pragma once

#include "connectionsettings.h"
#include "diagnostics.h"
#include "illustrator.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStringListModel;

namespace Storybook::Llm {
class LlmClient;
} // namespace Storybook::Llm

namespace Storybook::SettingsUi {

// Settings → Pictures: whether new stories are illustrated and how (art style, size, quality), and
// the picture provider, apart from the text provider (many write with one service and paint with
// another): preset, base URL, model, its own API key, its timeouts, and a check that paints one small
// picture through the same network settings (started on purpose: it may cost money). Works on the
// values in its fields; the caller reads them after the dialog is accepted.
class PicturesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PicturesPage)

public:
    using NetworkSource = std::function<Llm::ConnectionSettings()>;

    // `network` gives the dialog's current network values (proxy, CA bundle…) for the check.
    PicturesPage(const Llm::ConnectionSettings& provider, const Generation::PicturePreferences& preferences,
                 NetworkSource network, QWidget* parent = nullptr);
    ~PicturesPage() override;

    // The provider's fields (base URL, model, key, timeouts) on top of `network`'s proxy and TLS.
    [[nodiscard]] Llm::ConnectionSettings provider(const Llm::ConnectionSettings& network) const;
    [[nodiscard]] Generation::PicturePreferences preferences() const;
    // A translated problem for each invalid field (empty: fine).
    [[nodiscard]] QStringList problems() const;

    [[nodiscard]] QPushButton* checkButton() const { return m_check; }
    [[nodiscard]] QLabel* checkResult() const { return m_result; }

    [[nodiscard]] QPushButton* refreshButton() const { return m_refresh; }
    // The models the provider offered at the last refresh (offered as the model field's completions).
    [[nodiscard]] QStringList offeredModels() const;

public Q_SLOTS:
    void runCheck();
    // GET /models of the picture provider with the values in the fields.
    void refreshModels();

Q_SIGNALS:
    void changed();
    void checkFinished(const Storybook::Llm::DiagnosticsReport& report);
    void modelsRefreshed(const QStringList& models, const QString& error);

private:
    void applyPreset(int index);

    NetworkSource m_network;
    Llm::ConnectionSettings m_initial;
    QCheckBox* m_enabled = nullptr;
    QComboBox* m_style = nullptr;
    QComboBox* m_size = nullptr;
    QComboBox* m_quality = nullptr;
    QComboBox* m_preset = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLineEdit* m_model = nullptr;
    QLineEdit* m_apiKey = nullptr;
    QSpinBox* m_idle = nullptr;
    QSpinBox* m_total = nullptr;
    QPushButton* m_check = nullptr;
    QPushButton* m_refresh = nullptr;
    QStringListModel* m_models = nullptr; // the completer's list
    QLabel* m_result = nullptr;
    // The check's own client and run, replaced on every check.
    QPointer<Llm::LlmClient> m_checkClient;
    QPointer<Llm::Diagnostics> m_diagnostics;
    QPointer<Llm::LlmClient> m_modelsClient;
};

} // namespace Storybook::SettingsUi
