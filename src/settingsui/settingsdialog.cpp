#include "settingsdialog.h"

#include "diagnosticspage.h"
#include "formhelpers.h"
#include "generalpage.h"
#include "networkpage.h"
#include "picturespage.h"
#include "providerpage.h"
#include "voicepage.h"

#include "ui_settingsdialog.h"

#include <QPushButton>
#include <QTabBar>

namespace Storybook::SettingsUi {

SettingsDialog::SettingsDialog(const Llm::ConnectionSettings& current, const Preferences& preferences,
                               SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_initial(current)
{
    m_ui->setupUi(this);

    auto all = [this] { return connectionSettings(); };
    m_provider = new ProviderPage(current, secrets, all, this);
    m_network = new NetworkPage(current, secrets, [this] { return QUrl(m_provider->baseUrlText(), QUrl::StrictMode); }, this);
    m_diagnostics = new DiagnosticsPage(all, this);
    m_general = new GeneralPage(preferences.language, preferences.speech, this);
    m_pictures = new PicturesPage(preferences.pictureProvider, preferences.pictures, all, this);
    m_voice = new VoicePage(preferences.speechProvider, preferences.voice, preferences.narration.narrateNewPages, secrets, all, this);
    m_ui->tabs->addTab(m_provider, tr("Provider"));
    m_ui->tabs->addTab(m_network, tr("Network"));
    m_ui->tabs->addTab(m_diagnostics, tr("Diagnostics"));
    m_ui->tabs->addTab(m_general, tr("General"));
    m_ui->tabs->addTab(m_pictures, tr("Pictures"));
    m_ui->tabs->addTab(m_voice, tr("Voice"));
    Q_ASSERT(m_ui->tabs->indexOf(m_pictures) == int(Page::Pictures));
    Q_ASSERT(m_ui->tabs->indexOf(m_voice) == int(Page::Voice));

    auto revalidate = [this] {
        if (m_ready)
            validate();
    };
    connect(m_provider, &ProviderPage::changed, this, revalidate);
    connect(m_network, &NetworkPage::changed, this, revalidate);
    connect(m_pictures, &PicturesPage::changed, this, revalidate);
    connect(m_voice, &VoicePage::changed, this, revalidate);
    connect(m_provider, &ProviderPage::modelsRefreshed, this, &SettingsDialog::modelsRefreshed);
    connect(m_diagnostics, &DiagnosticsPage::finished, this, &SettingsDialog::diagnosticsFinished);
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == int(Page::Network))
            m_network->updateSystemProxyLine();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (problems().isEmpty())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    validate();
    m_ui->tabs->setCurrentIndex(int(Page::Provider));
    m_ready = true;
}

SettingsDialog::~SettingsDialog() = default;

Llm::ConnectionSettings SettingsDialog::connectionSettings() const
{
    Llm::ConnectionSettings settings = m_initial; // keeps what the dialog does not show (e.g. connections per host)
    m_provider->apply(settings);
    m_network->apply(settings);
    return settings;
}

SettingsDialog::Preferences SettingsDialog::preferences() const
{
    Preferences out;
    out.language = m_general->language();
    out.speech = m_general->speech();
    out.pictureProvider = m_pictures->provider(connectionSettings());
    out.pictures = m_pictures->preferences();
    out.speechProvider = m_voice->provider(connectionSettings());
    out.voice = m_voice->voice();
    out.narration.narrateNewPages = m_voice->narrateNewPages();
    return out;
}

QStringList SettingsDialog::problems() const
{
    return m_provider->problems() + m_network->problems() + m_pictures->problems() + m_voice->problems();
}

std::optional<Llm::DiagnosticsReport> SettingsDialog::lastReport() const
{
    return m_diagnostics->lastReport();
}

bool SettingsDialog::isDiagnosticsRunning() const
{
    return m_diagnostics->isRunning();
}

void SettingsDialog::validate()
{
    m_provider->validate();
    m_network->validate();
    const QStringList texts = problems();
    QPushButton* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(texts.isEmpty());
    ok->setToolTip(texts.isEmpty() ? QString() : Form::plainToolTip(tr("Correct the fields marked with ⚠ first:") + u'\n' + texts.join(u'\n')));

    QTabBar* bar = m_ui->tabs->tabBar();
    const QColor normal = bar->palette().color(QPalette::WindowText);
    const QColor warning = Form::toneColor(bar->palette(), Form::Tone::Warning);
    const std::pair<Page, bool> pages[] = {{Page::Provider, !m_provider->problems().isEmpty()},
                                           {Page::Network, !m_network->problems().isEmpty()},
                                           {Page::Pictures, !m_pictures->problems().isEmpty()},
                                           {Page::Voice, !m_voice->problems().isEmpty()}};
    for (const auto& [page, bad] : pages) {
        bar->setTabTextColor(int(page), bad ? warning : normal);
        bar->setTabToolTip(int(page), bad ? tr("Something on this page needs correcting.") : QString());
    }
}

void SettingsDialog::showPage(Page page)
{
    m_ui->tabs->setCurrentIndex(int(page));
}

void SettingsDialog::showDiagnostics()
{
    showPage(Page::Diagnostics);
}

void SettingsDialog::runDiagnostics()
{
    m_diagnostics->run();
}

void SettingsDialog::cancelDiagnostics()
{
    m_diagnostics->cancel();
}

void SettingsDialog::refreshModels()
{
    m_provider->refreshModels();
}

void SettingsDialog::done(int result)
{
    m_diagnostics->cancel();
    m_provider->cancelModels();
    m_voice->cancelSample(); // no sample goes on speaking after the dialog closed
    QDialog::done(result);
}

void SettingsDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_ready)
        validate(); // the warning colours follow a light or dark palette
}

} // namespace Storybook::SettingsUi
