#include "settingsdialog.h"

#include "llmclient.h"
#include "logsink.h"
#include "modelsjob.h"
#include "proxyresolver.h"
#include "secretstore.h"
#include "ui_settingsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QSslCertificate>

namespace Storybook::SettingsUi {

namespace {
struct Preset
{
    const char* name;
    const char* url;
    const char* model;
};

// Names of companies and products are not translated.
constexpr Preset Presets[] = {
    {"OpenAI", "https://api.openai.com/v1", "gpt-4o-mini"},
    {"DeepSeek", "https://api.deepseek.com/v1", "deepseek-chat"},
    {"Qwen (DashScope)", "https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus"},
    {"Moonshot (Kimi)", "https://api.moonshot.cn/v1", "moonshot-v1-8k"},
    {"Zhipu GLM", "https://open.bigmodel.cn/api/paas/v4", "glm-4-flash"},
    {"SiliconFlow", "https://api.siliconflow.cn/v1", "Qwen/Qwen2.5-7B-Instruct"},
    {"OpenRouter", "https://openrouter.ai/api/v1", "openai/gpt-4o-mini"},
    {"Ollama", "http://127.0.0.1:11434/v1", "llama3.2"},
    {"LM Studio", "http://127.0.0.1:1234/v1", "local-model"},
    {"llama.cpp server", "http://127.0.0.1:8080/v1", "local"},
};

const auto ApiKeySecret = QStringLiteral("api-key");
const auto ProxyPasswordSecret = QStringLiteral("proxy-password");

QString statusMark(Llm::DiagnosticStage::Status status)
{
    using Status = Llm::DiagnosticStage::Status;
    switch (status) {
    case Status::Pending:
        return QString();
    case Status::Running:
        return QStringLiteral("…");
    case Status::Ok:
        return QStringLiteral("✓");
    case Status::Failed:
        return QStringLiteral("✗");
    case Status::Skipped:
        return QStringLiteral("–");
    }
    return QString();
}
} // namespace

SettingsDialog::SettingsDialog(const Llm::ConnectionSettings& current, const Preferences& preferences,
                               SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_secrets(secrets)
    , m_initial(current)
{
    m_ui->setupUi(this);
    fillPresets();
    m_ui->languageCombo->addItem(tr("Same as the system"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_ui->languageCombo->setCurrentIndex(std::max(0, m_ui->languageCombo->findData(preferences.language)));
    m_ui->stagesTree->setColumnWidth(0, 32);
    m_ui->stagesTree->setColumnWidth(1, 220);
    m_ui->stagesTree->setColumnWidth(2, 70);
    setFields(current);

    // Secrets come from the keychain, not from the settings.
    if (m_secrets) {
        m_secrets->read(ApiKeySecret, [dialog = QPointer<SettingsDialog>(this)](const QString& value, const QString&) {
            if (dialog && dialog->m_ui->apiKeyEdit->text().isEmpty())
                dialog->m_ui->apiKeyEdit->setText(value);
        });
        m_secrets->read(ProxyPasswordSecret, [dialog = QPointer<SettingsDialog>(this)](const QString& value, const QString&) {
            if (dialog && dialog->m_ui->proxyPasswordEdit->text().isEmpty())
                dialog->m_ui->proxyPasswordEdit->setText(value);
        });
        if (!m_secrets->isPersistent())
            m_ui->keychainLabel->setText(tr("No keychain is available on this computer: the key and the proxy password are kept only until the app closes."));
        connect(m_secrets, &SecretStore::persistenceLost, this, [this] {
            m_ui->keychainLabel->setText(tr("No keychain is available on this computer: the key and the proxy password are kept only until the app closes."));
        });
    }
    m_ui->keychainLabel->setVisible(!m_ui->keychainLabel->text().isEmpty());

    connect(m_ui->presetCombo, &QComboBox::activated, this, &SettingsDialog::applyPreset);
    connect(m_ui->showKeyCheck, &QCheckBox::toggled, this, [this](bool show) {
        m_ui->apiKeyEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_ui->refreshModelsButton, &QPushButton::clicked, this, &SettingsDialog::refreshModels);
    for (QRadioButton* radio : {m_ui->noProxyRadio, m_ui->systemProxyRadio, m_ui->httpProxyRadio, m_ui->socksProxyRadio})
        connect(radio, &QRadioButton::toggled, this, &SettingsDialog::updateProxyFields);
    for (QLineEdit* edit : {m_ui->baseUrlEdit, m_ui->proxyHostEdit, m_ui->caBundleEdit, m_ui->bypassEdit})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->proxyPortSpin, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    connect(m_ui->caBundleBrowseButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Extra CA certificates"), QString(),
                                                          tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_ui->caBundleEdit->setText(path);
    });
    connect(m_ui->runChecksButton, &QPushButton::clicked, this, &SettingsDialog::runDiagnostics);
    connect(m_ui->copyReportButton, &QPushButton::clicked, this, &SettingsDialog::copyReport);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->copyReportButton->setEnabled(false);
    m_ui->logView->setPlainText(LogSink::tail(LogSink::defaultFilePath(), 16 * 1024));
    updateProxyFields();
    validate();
}

SettingsDialog::~SettingsDialog()
{
    if (m_diagnostics)
        m_diagnostics->cancel();
}

void SettingsDialog::fillPresets()
{
    for (const Preset& preset : Presets)
        m_ui->presetCombo->addItem(QString::fromUtf8(preset.name), QString::fromLatin1(preset.url));
    m_ui->presetCombo->addItem(tr("Other (OpenAI-compatible)"), QString());
}

void SettingsDialog::applyPreset(int index)
{
    if (index < 0 || index >= int(std::size(Presets)))
        return; // "other": the user types the address
    m_ui->baseUrlEdit->setText(QString::fromLatin1(Presets[index].url));
    m_ui->modelCombo->setCurrentText(QString::fromUtf8(Presets[index].model));
}

void SettingsDialog::setFields(const Llm::ConnectionSettings& s)
{
    m_ui->baseUrlEdit->setText(s.baseUrl.toString());
    const int preset = m_ui->presetCombo->findData(s.baseUrl.toString());
    m_ui->presetCombo->setCurrentIndex(preset >= 0 ? preset : m_ui->presetCombo->count() - 1);
    m_ui->apiKeyEdit->setText(s.apiKey);
    m_ui->modelCombo->setCurrentText(s.model);
    using Mode = Llm::ProxySettings::Mode;
    m_ui->noProxyRadio->setChecked(s.proxy.mode == Mode::None);
    m_ui->systemProxyRadio->setChecked(s.proxy.mode == Mode::System);
    m_ui->httpProxyRadio->setChecked(s.proxy.mode == Mode::Http);
    m_ui->socksProxyRadio->setChecked(s.proxy.mode == Mode::Socks5);
    m_ui->proxyHostEdit->setText(s.proxy.host);
    m_ui->proxyPortSpin->setValue(s.proxy.port);
    m_ui->proxyUserEdit->setText(s.proxy.user);
    m_ui->proxyPasswordEdit->setText(s.proxy.password);
    m_ui->remoteDnsCheck->setChecked(s.proxy.remoteDns);
    m_ui->bypassEdit->setText(s.proxy.bypass);
    m_ui->connectTimeoutSpin->setValue(int(s.connectTimeout.count() / 1000));
    m_ui->idleTimeoutSpin->setValue(int(s.idleTimeout.count() / 1000));
    m_ui->totalTimeoutSpin->setValue(int(s.totalTimeout.count() / 1000));
    m_ui->retriesSpin->setValue(s.retries);
    m_ui->caBundleEdit->setText(s.caBundle);
    m_ui->http2Check->setChecked(s.http2);
}

Llm::ConnectionSettings SettingsDialog::connectionSettings() const
{
    Llm::ConnectionSettings s = m_initial; // keeps what the dialog does not show
    s.baseUrl = QUrl(m_ui->baseUrlEdit->text().trimmed());
    s.model = m_ui->modelCombo->currentText().trimmed();
    s.apiKey = m_ui->apiKeyEdit->text().trimmed();
    using Mode = Llm::ProxySettings::Mode;
    s.proxy.mode = m_ui->noProxyRadio->isChecked()     ? Mode::None
                   : m_ui->httpProxyRadio->isChecked()  ? Mode::Http
                   : m_ui->socksProxyRadio->isChecked() ? Mode::Socks5
                                                        : Mode::System;
    s.proxy.host = m_ui->proxyHostEdit->text().trimmed();
    s.proxy.port = quint16(m_ui->proxyPortSpin->value());
    s.proxy.user = m_ui->proxyUserEdit->text();
    s.proxy.password = m_ui->proxyPasswordEdit->text();
    s.proxy.remoteDns = m_ui->remoteDnsCheck->isChecked();
    s.proxy.bypass = m_ui->bypassEdit->text().trimmed();
    s.connectTimeout = std::chrono::seconds(m_ui->connectTimeoutSpin->value());
    s.idleTimeout = std::chrono::seconds(m_ui->idleTimeoutSpin->value());
    s.totalTimeout = std::chrono::seconds(m_ui->totalTimeoutSpin->value());
    s.retries = m_ui->retriesSpin->value();
    s.caBundle = m_ui->caBundleEdit->text().trimmed();
    s.http2 = m_ui->http2Check->isChecked();
    return s;
}

SettingsDialog::Preferences SettingsDialog::preferences() const
{
    return {m_ui->languageCombo->currentData().toString()};
}

void SettingsDialog::updateProxyFields()
{
    const bool explicitProxy = m_ui->httpProxyRadio->isChecked() || m_ui->socksProxyRadio->isChecked();
    for (QWidget* field : std::initializer_list<QWidget*>{m_ui->proxyHostEdit, m_ui->proxyPortSpin, m_ui->proxyUserEdit,
                                                          m_ui->proxyPasswordEdit, m_ui->proxyHostLabel, m_ui->proxyPortLabel,
                                                          m_ui->proxyUserLabel, m_ui->proxyPasswordLabel})
        field->setEnabled(explicitProxy);
    m_ui->remoteDnsCheck->setEnabled(m_ui->socksProxyRadio->isChecked());
    m_ui->systemProxyLabel->setVisible(m_ui->systemProxyRadio->isChecked());
    validate();
}

QString SettingsDialog::problemStyle() const
{
    return QStringLiteral("color: %1;").arg(palette().color(QPalette::Link).name());
}

QStringList SettingsDialog::problems() const
{
    QStringList out;
    const Llm::ConnectionSettings s = connectionSettings();
    const QString scheme = s.baseUrl.scheme();
    if (!s.baseUrl.isValid() || s.baseUrl.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        out.append(tr("The server address must start with http:// or https://, e.g. https://api.openai.com/v1."));
    if (const QString proxy = s.proxy.validate(); !proxy.isEmpty())
        out.append(proxy);
    if (!s.caBundle.isEmpty() && QSslCertificate::fromPath(s.caBundle, QSsl::Pem).isEmpty())
        out.append(tr("The CA file cannot be read or holds no PEM certificate."));
    return out;
}

void SettingsDialog::validate()
{
    const Llm::ConnectionSettings s = connectionSettings();
    const QString scheme = s.baseUrl.scheme();
    const bool urlOk = s.baseUrl.isValid() && !s.baseUrl.host().isEmpty()
                       && (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
    m_ui->baseUrlProblemLabel->setText(urlOk ? QString() : tr("The server address must start with http:// or https://, e.g. https://api.openai.com/v1."));
    m_ui->proxyProblemLabel->setText(s.proxy.validate());
    const bool caOk = s.caBundle.isEmpty() || !QSslCertificate::fromPath(s.caBundle, QSsl::Pem).isEmpty();
    m_ui->caProblemLabel->setText(caOk ? QString() : tr("The CA file cannot be read or holds no PEM certificate."));
    for (QLabel* label : {m_ui->baseUrlProblemLabel, m_ui->proxyProblemLabel, m_ui->caProblemLabel}) {
        label->setStyleSheet(problemStyle());
        label->setVisible(!label->text().isEmpty());
    }
    if (m_ui->systemProxyRadio->isChecked()) {
        const Llm::EffectiveProxy proxy = Llm::ProxyResolver(s.proxy).resolve(s.baseUrl);
        m_ui->systemProxyLabel->setText(tr("For this server the system gives: %1").arg(proxy.summary()));
    }
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problems().isEmpty());
}

void SettingsDialog::refreshModels()
{
    m_modelsClient = std::make_unique<Llm::LlmClient>(connectionSettings());
    Llm::ModelsJob* job = m_modelsClient->listModels();
    m_ui->refreshModelsButton->setEnabled(false);
    m_ui->modelsStatusLabel->setText(tr("Asking the server for its models…"));
    connect(job, &Llm::RequestJob::finished, this, [this, job] {
        m_ui->refreshModelsButton->setEnabled(true);
        if (job->error().isError()) {
            m_ui->modelsStatusLabel->setText(job->error().message + u'\n' + job->error().hint);
            return;
        }
        const QString current = m_ui->modelCombo->currentText();
        m_ui->modelCombo->clear();
        m_ui->modelCombo->addItems(job->models());
        m_ui->modelCombo->setCurrentText(current);
        m_ui->modelsStatusLabel->setText(tr("%n model(s) available.", nullptr, int(job->models().size())));
    });
}

void SettingsDialog::showDiagnostics()
{
    m_ui->tabs->setCurrentWidget(m_ui->diagnosticsTab);
}

const Llm::DiagnosticsReport* SettingsDialog::lastReport() const
{
    return m_report ? &*m_report : nullptr;
}

void SettingsDialog::runDiagnostics()
{
    if (m_diagnostics && m_diagnostics->isRunning())
        return;
    showDiagnostics();
    m_diagnostics.reset();
    m_checkClient = std::make_unique<Llm::LlmClient>(connectionSettings());
    m_diagnostics = std::make_unique<Llm::Diagnostics>(m_checkClient.get());
    m_ui->stagesTree->clear();
    m_ui->verdictLabel->clear();
    m_ui->hintLabel->clear();
    m_ui->runChecksButton->setEnabled(false);
    m_ui->copyReportButton->setEnabled(false);
    connect(m_diagnostics.get(), &Llm::Diagnostics::stageChanged, this, &SettingsDialog::showStage);
    connect(m_diagnostics.get(), &Llm::Diagnostics::finished, this, [this](const Llm::DiagnosticsReport& report) {
        m_report = report;
        QFont bold = m_ui->verdictLabel->font();
        bold.setBold(true);
        m_ui->verdictLabel->setFont(bold);
        m_ui->verdictLabel->setText((report.ok ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + report.verdict);
        m_ui->hintLabel->setText(report.hint);
        m_ui->runChecksButton->setEnabled(true);
        m_ui->copyReportButton->setEnabled(true);
        m_ui->logView->setPlainText(LogSink::tail(LogSink::defaultFilePath(), 16 * 1024));
        Q_EMIT diagnosticsFinished();
    });
    m_diagnostics->start();
}

void SettingsDialog::showStage(int index, const Llm::DiagnosticStage& stage)
{
    while (m_ui->stagesTree->topLevelItemCount() <= index)
        new QTreeWidgetItem(m_ui->stagesTree);
    QTreeWidgetItem* item = m_ui->stagesTree->topLevelItem(index);
    item->setText(0, statusMark(stage.status));
    item->setText(1, stage.title);
    const bool done = stage.status != Llm::DiagnosticStage::Status::Running && stage.status != Llm::DiagnosticStage::Status::Pending;
    item->setText(2, done ? tr("%1 ms").arg(stage.ms) : QString());
    item->setText(3, stage.detail);
    item->setToolTip(3, stage.detail);
    item->setData(0, Qt::AccessibleTextRole, Llm::DiagnosticStage::statusName(stage.status));
}

void SettingsDialog::copyReport()
{
    if (m_report)
        QApplication::clipboard()->setText(m_report->toText());
}

} // namespace Storybook::SettingsUi
