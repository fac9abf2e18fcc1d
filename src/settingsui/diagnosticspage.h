#pragma once

#include "connectionsettings.h"
#include "diagnostics.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QTimer;
class QTreeWidgetItem;

namespace Ui {
class DiagnosticsPage;
}

namespace Storybook::Llm {
class LlmClient;
}

namespace Storybook::SettingsUi {

// Settings → Diagnostics: runs the checks from this computer to the model with the values of the
// whole dialog (`settings`, not yet saved), shows each stage, the verdict and what to do, copies a
// report without secrets, and shows the end of the log.
class DiagnosticsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsPage)

public:
    using SettingsSource = std::function<Llm::ConnectionSettings()>;

    explicit DiagnosticsPage(SettingsSource settings, QWidget* parent = nullptr);
    ~DiagnosticsPage() override;

    [[nodiscard]] std::optional<Llm::DiagnosticsReport> lastReport() const { return m_report; }
    [[nodiscard]] bool isRunning() const;

public Q_SLOTS:
    void run();
    void cancel();
    void refreshLog();

Q_SIGNALS:
    void finished(const Storybook::Llm::DiagnosticsReport& report);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showStage(int index, const Llm::DiagnosticStage& stage);
    void showVerdict(const Llm::DiagnosticsReport& report);
    void spinRunningStages();
    void relayoutStages();
    void copyReport();

    std::unique_ptr<Ui::DiagnosticsPage> m_ui;
    SettingsSource m_settings;
    // A temporary client built from the dialog's values, replaced on every run.
    QPointer<Llm::LlmClient> m_checkClient;
    QPointer<Llm::Diagnostics> m_diagnostics;
    std::optional<Llm::DiagnosticsReport> m_report;
    QList<QTreeWidgetItem*> m_stageItems;
    QTimer* m_spinner = nullptr;
    int m_spinFrame = 0;
};

} // namespace Storybook::SettingsUi
