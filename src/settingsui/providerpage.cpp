#include "providerpage.h"

#include "formhelpers.h"
#include "keyneeds.h"
#include "llmclient.h"
#include "modelsjob.h"
#include "providerpresets.h"
#include "secretstore.h"

#include "ui_providerpage.h"

#include <QCompleter>

namespace Storybook::SettingsUi {

using Form::Tone;

ProviderPage::ProviderPage(const Llm::ConnectionSettings& current, SecretStore* secrets, SettingsSource all, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProviderPage>())
    , m_all(std::move(all))
    , m_initialUrl(current.baseUrl)
    , m_fitter(new Form::WrapFitter(this))
{
    m_ui->setupUi(this);
    Form::keepMessageRowsVisible(this);
    const QList<ProviderPreset> presets = ProviderPresets::all();
    for (const ProviderPreset& preset : presets)
        m_ui->presetCombo->addItem(preset.name, preset.id);

    // The editable combo's own completer completes inline, which turns a typed "gpt-4o" into the
    // listed "gpt-4o-mini"; a popup only suggests.
    m_ui->modelCombo->setInsertPolicy(QComboBox::NoInsert);
    if (QCompleter* completer = m_ui->modelCombo->completer()) {
        completer->setCompletionMode(QCompleter::PopupCompletion);
        completer->setCaseSensitivity(Qt::CaseSensitive);
    }

    m_ui->presetHintLabel->setTextFormat(Qt::PlainText);
    Form::setTone(m_ui->presetHintLabel, Tone::Quiet);
    m_ui->keychainLabel->setVisible(false);
    m_ui->modelsStatusLabel->setVisible(false);
    for (QLabel* label : {m_ui->presetHintLabel, m_ui->baseUrlProblemLabel, m_ui->keychainLabel, m_ui->modelProblemLabel,
                          m_ui->modelsStatusLabel})
        m_fitter->watch(label);

    setFields(current);
    updatePresetHint(m_ui->presetCombo->currentIndex());

    connect(m_ui->presetCombo, &QComboBox::currentIndexChanged, this, &ProviderPage::applyPreset);
    connect(m_ui->baseUrlEdit, &QLineEdit::textChanged, this, [this] {
        syncPresetToUrl();
        Q_EMIT changed();
    });
    connect(m_ui->apiKeyEdit, &QLineEdit::textEdited, this, [this] { m_apiKeyTouched = true; });
    connect(m_ui->apiKeyEdit, &QLineEdit::textChanged, this, &ProviderPage::changed);
    connect(m_ui->showKeyCheck, &QCheckBox::toggled, this, [this](bool show) {
        m_ui->apiKeyEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_ui->modelCombo, &QComboBox::editTextChanged, this, &ProviderPage::changed);
    connect(m_ui->refreshModelsButton, &QPushButton::clicked, this, &ProviderPage::refreshModels);
    loadSecrets(secrets);
    validate();
}

ProviderPage::~ProviderPage()
{
    cancelModels();
}

void ProviderPage::setFields(const Llm::ConnectionSettings& settings)
{
    m_syncingPreset = true;
    m_ui->baseUrlEdit->setText(settings.baseUrl.toString());
    const int presetIndex = ProviderPresets::indexFor(settings.baseUrl);
    m_ui->presetCombo->setCurrentIndex(presetIndex);
    m_syncingPreset = false;

    m_ui->apiKeyEdit->setText(settings.apiKey);
    m_ui->modelCombo->clear();
    const QString presetModel = ProviderPresets::all().value(presetIndex).model;
    if (!settings.model.isEmpty())
        m_ui->modelCombo->addItem(settings.model);
    if (!presetModel.isEmpty() && presetModel != settings.model)
        m_ui->modelCombo->addItem(presetModel);
    m_ui->modelCombo->setEditText(settings.model);
}

void ProviderPage::loadSecrets(SecretStore* secrets)
{
    if (!secrets)
        return;
    showKeychainWarning(secrets);
    connect(secrets, &SecretStore::persistenceLost, this, [this, secrets] { showKeychainWarning(secrets); });
    if (!m_ui->apiKeyEdit->text().isEmpty())
        return;
    const QPointer<ProviderPage> self(this);
    secrets->read(SecretStore::apiKeyName(), [self](const QString& value, const QString& error) {
        if (!self)
            return;
        if (!error.isEmpty()) {
            Form::setWrappedText(self->m_ui->keychainLabel, error);
            self->m_ui->keychainLabel->setVisible(true);
        }
        if (!value.isEmpty() && !self->m_apiKeyTouched && self->m_ui->apiKeyEdit->text().isEmpty())
            self->m_ui->apiKeyEdit->setText(value);
    });
}

void ProviderPage::showKeychainWarning(SecretStore* secrets)
{
    if (secrets->isPersistent())
        return;
    Form::setWrappedText(m_ui->keychainLabel, tr("No keychain is available: the key is kept only until the app closes."));
    m_ui->keychainLabel->setToolTip(Form::plainToolTip(secrets->fallbackReason()));
    m_ui->keychainLabel->setVisible(true);
    Form::setTone(m_ui->keychainLabel, Tone::Warning);
}

void ProviderPage::apply(Llm::ConnectionSettings& settings) const
{
    const QString urlText = baseUrlText();
    settings.baseUrl = urlText == m_initialUrl.toString() ? m_initialUrl : QUrl(urlText, QUrl::StrictMode);
    settings.model = m_ui->modelCombo->currentText().trimmed();
    settings.apiKey = m_ui->apiKeyEdit->text().trimmed();
}

QString ProviderPage::baseUrlText() const
{
    return m_ui->baseUrlEdit->text().trimmed();
}

ProviderPage::Problems ProviderPage::fieldProblems() const
{
    Problems result;
    const QString urlText = baseUrlText();
    const QUrl url(urlText, QUrl::StrictMode);
    if (urlText.isEmpty())
        result.url = tr("Enter the server address, for example https://api.openai.com/v1.");
    else if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        result.url = tr("The server address must start with http:// or https://, for example https://api.openai.com/v1.");
    else if (url.host().isEmpty())
        result.url = tr("The server address has no host name, for example api.openai.com.");
    if (m_ui->modelCombo->currentText().trimmed().isEmpty())
        result.model = tr("Enter a model name or pick one from the list.");
    return result;
}

QStringList ProviderPage::problems() const
{
    const Problems found = fieldProblems();
    QStringList texts;
    for (const QString& text : {found.url, found.model}) {
        if (!text.isEmpty())
            texts.append(text);
    }
    return texts;
}

void ProviderPage::validate()
{
    const Problems found = fieldProblems();
    Form::showProblem(m_ui->baseUrlProblemLabel, found.url);
    Form::showProblem(m_ui->modelProblemLabel, found.model);
}

void ProviderPage::updatePresetHint(int index)
{
    const ProviderPreset preset = ProviderPresets::all().value(index);
    if (preset.baseUrl.isEmpty())
        Form::setWrappedText(m_ui->presetHintLabel, tr("Any server that offers the OpenAI chat API: enter its address below."));
    else if (preset.local)
        Form::setWrappedText(m_ui->presetHintLabel, tr("Runs on this computer, so no API key is needed. Start the program before writing a story."));
    else
        Form::setWrappedText(m_ui->presetHintLabel, tr("Needs an API key, which you get on the provider's website."));
    m_ui->apiKeyEdit->setPlaceholderText(KeyNeeds::keyPlaceholder(preset));
}

void ProviderPage::applyPreset(int index)
{
    const QList<ProviderPreset> presets = ProviderPresets::all();
    if (index < 0 || index >= presets.size())
        return;
    updatePresetHint(index);
    const ProviderPreset& preset = presets[index];
    if (m_syncingPreset || preset.baseUrl.isEmpty())
        return;
    m_syncingPreset = true;
    m_ui->baseUrlEdit->setText(preset.baseUrl.toString());
    m_syncingPreset = false;
    if (m_ui->modelCombo->findText(preset.model) < 0)
        m_ui->modelCombo->insertItem(0, preset.model);
    m_ui->modelCombo->setEditText(preset.model);
    m_ui->modelsStatusLabel->setVisible(false);
    Q_EMIT changed();
}

void ProviderPage::syncPresetToUrl()
{
    if (m_syncingPreset)
        return;
    m_syncingPreset = true;
    const int index = ProviderPresets::indexFor(QUrl(baseUrlText()));
    m_ui->presetCombo->setCurrentIndex(index);
    updatePresetHint(index);
    m_syncingPreset = false;
}

void ProviderPage::showModelsStatus(const QString& text, bool good)
{
    Form::setWrappedText(m_ui->modelsStatusLabel, text);
    Form::setTone(m_ui->modelsStatusLabel, good ? Tone::Good : Tone::Warning);
    m_ui->modelsStatusLabel->setVisible(!text.isEmpty());
}

void ProviderPage::refreshModels()
{
    cancelModels();
    if (const QString problem = fieldProblems().url; !problem.isEmpty()) {
        showModelsStatus(problem, false);
        Q_EMIT modelsRefreshed({}, problem);
        return;
    }
    m_modelsClient = new Llm::LlmClient(m_all(), this);
    Llm::ModelsJob* job = m_modelsClient->listModels();
    m_modelsJob = job;
    m_ui->refreshModelsButton->setEnabled(false);
    Form::setWrappedText(m_ui->modelsStatusLabel, tr("Asking the server which models it offers…"));
    Form::setTone(m_ui->modelsStatusLabel, Tone::Quiet);
    m_ui->modelsStatusLabel->setVisible(true);
    connect(job, &Llm::RequestJob::finished, this, [this, job] {
        m_ui->refreshModelsButton->setEnabled(true);
        const Llm::LlmError& error = job->error();
        if (error.isError()) {
            const QString text = error.hint.isEmpty() ? error.message : error.message + u' ' + error.hint;
            showModelsStatus(error.kind == Llm::LlmError::Kind::Cancelled ? QString() : text, false);
            Q_EMIT modelsRefreshed({}, text);
            return;
        }
        const QStringList models = job->models();
        const QString current = m_ui->modelCombo->currentText().trimmed();
        m_ui->modelCombo->clear();
        m_ui->modelCombo->addItems(models);
        m_ui->modelCombo->setEditText(current);
        QString text = models.isEmpty()
                           ? tr("The server answered but lists no models. Type the model's name yourself.")
                           : tr("The server offers %n model(s). Pick one from the list or type a name.", nullptr,
                                int(models.size()));
        if (!models.isEmpty() && !current.isEmpty() && !models.contains(current))
            text += u' ' + tr("“%1” is not among them.").arg(current);
        showModelsStatus(text, true);
        Q_EMIT modelsRefreshed(models, QString());
    });
}

void ProviderPage::cancelModels()
{
    if (m_modelsJob) {
        disconnect(m_modelsJob, nullptr, this, nullptr);
        m_modelsJob->cancel();
    }
    m_modelsJob = nullptr;
    if (m_modelsClient)
        m_modelsClient->deleteLater();
    m_modelsClient = nullptr;
    m_ui->refreshModelsButton->setEnabled(true);
}

} // namespace Storybook::SettingsUi
