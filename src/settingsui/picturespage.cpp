#include "picturespage.h"

#include "llmclient.h"
#include "modelsjob.h"
#include "pictureprompts.h"
#include "providerpresets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QVBoxLayout>

namespace Storybook::SettingsUi {

namespace {
int seconds(std::chrono::milliseconds ms)
{
    return int(std::chrono::duration_cast<std::chrono::seconds>(ms).count());
}
} // namespace

PicturesPage::PicturesPage(const Llm::ConnectionSettings& provider, const Generation::PicturePreferences& preferences,
                           NetworkSource network, QWidget* parent)
    : QWidget(parent)
    , m_network(std::move(network))
    , m_initial(provider)
{
    setObjectName(QStringLiteral("picturesPage"));

    // What new stories get.
    m_enabled = new QCheckBox(tr("Paint a picture for every page of new stories"), this);
    m_enabled->setChecked(preferences.enabled);
    m_style = new QComboBox(this);
    for (const Story::ArtStyle& style : Story::PicturePrompts::artStyles())
        m_style->addItem(QCoreApplication::translate("Storybook::Story::ArtStyle", style.name), style.id);
    m_style->setCurrentIndex(qMax(0, m_style->findData(preferences.artStyle)));
    m_style->setAccessibleName(tr("Art style"));
    m_size = new QComboBox(this);
    m_size->addItem(tr("Square (1024 × 1024)"), QStringLiteral("1024x1024"));
    m_size->addItem(tr("Landscape (1536 × 1024)"), QStringLiteral("1536x1024"));
    m_size->addItem(tr("Portrait (1024 × 1536)"), QStringLiteral("1024x1536"));
    m_size->addItem(tr("The provider's default"), QString());
    m_size->setCurrentIndex(qMax(0, m_size->findData(preferences.size)));
    m_size->setAccessibleName(tr("Picture size"));
    m_quality = new QComboBox(this);
    m_quality->addItem(tr("The provider's default"), QString());
    m_quality->addItem(tr("Low (quick, cheaper)"), QStringLiteral("low"));
    m_quality->addItem(tr("Medium"), QStringLiteral("medium"));
    m_quality->addItem(tr("High (slower, dearer)"), QStringLiteral("high"));
    m_quality->setCurrentIndex(qMax(0, m_quality->findData(preferences.quality)));
    m_quality->setAccessibleName(tr("Picture quality"));

    auto* book = new QGroupBox(tr("Picture books"), this);
    auto* bookForm = new QFormLayout(book);
    bookForm->addRow(m_enabled);
    bookForm->addRow(tr("Art st&yle:"), m_style);
    bookForm->addRow(tr("Si&ze:"), m_size);
    bookForm->addRow(tr("&Quality:"), m_quality);

    // Who paints.
    m_preset = new QComboBox(this);
    for (const ProviderPreset& preset : ProviderPresets::pictureProviders())
        m_preset->addItem(preset.name, preset.id);
    m_preset->setAccessibleName(tr("Picture provider"));
    m_baseUrl = new QLineEdit(provider.baseUrl.toString(), this);
    m_baseUrl->setAccessibleName(tr("Picture provider base URL"));
    m_model = new QLineEdit(provider.model, this);
    m_model->setAccessibleName(tr("Picture model"));
    // The offered models pop up as suggestions; a typed name is never replaced inline.
    m_models = new QStringListModel(this);
    auto* completer = new QCompleter(m_models, m_model);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_model->setCompleter(completer);
    m_refresh = new QPushButton(tr("Refresh &list"), this);
    m_refresh->setToolTip(tr("Asks the picture provider which models it offers (GET /models)."));
    m_apiKey = new QLineEdit(provider.apiKey, this);
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setAccessibleName(tr("Picture provider API key"));
    m_apiKey->setPlaceholderText(tr("Kept in the system keychain, apart from the text provider's key"));
    m_idle = new QSpinBox(this);
    m_idle->setRange(10, 3600);
    m_idle->setSuffix(tr(" s"));
    m_idle->setValue(seconds(provider.idleTimeout));
    m_idle->setAccessibleName(tr("Wait for the picture at most"));
    m_total = new QSpinBox(this);
    m_total->setRange(0, 7200);
    m_total->setSuffix(tr(" s"));
    m_total->setSpecialValueText(tr("no limit"));
    m_total->setValue(seconds(provider.totalTimeout));
    m_total->setAccessibleName(tr("Limit for one picture"));
    m_preset->setCurrentIndex(ProviderPresets::pictureIndexFor(provider.baseUrl));

    auto* who = new QGroupBox(tr("Picture provider"), this);
    auto* whoForm = new QFormLayout(who);
    whoForm->addRow(tr("Pro&vider:"), m_preset);
    whoForm->addRow(tr("&Base URL:"), m_baseUrl);
    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(m_refresh);
    auto* modelLabel = new QLabel(tr("&Model:"), who);
    modelLabel->setBuddy(m_model);
    whoForm->addRow(modelLabel, modelRow);
    whoForm->addRow(tr("API &key:"), m_apiKey);
    whoForm->addRow(tr("No answer for:"), m_idle);
    whoForm->addRow(tr("One picture at most:"), m_total);
    auto* note = new QLabel(tr("The proxy and the other network settings are the ones on the Network page."), who);
    note->setWordWrap(true);
    whoForm->addRow(note);

    m_check = new QPushButton(tr("&Paint a test picture"), this);
    m_check->setToolTip(tr("Paints one small picture through these settings (it may cost as much as one picture)."));
    m_result = new QLabel(this);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    auto* checkRow = new QHBoxLayout;
    checkRow->addWidget(m_check);
    checkRow->addWidget(m_result, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(book);
    layout->addWidget(who);
    layout->addLayout(checkRow);
    layout->addStretch(1);

    connect(m_preset, &QComboBox::activated, this, &PicturesPage::applyPreset);
    connect(m_check, &QPushButton::clicked, this, &PicturesPage::runCheck);
    connect(m_refresh, &QPushButton::clicked, this, &PicturesPage::refreshModels);
    for (QLineEdit* edit : {m_baseUrl, m_model, m_apiKey})
        connect(edit, &QLineEdit::textChanged, this, &PicturesPage::changed);
    connect(m_baseUrl, &QLineEdit::textEdited, this,
            [this] { m_preset->setCurrentIndex(ProviderPresets::pictureIndexFor(QUrl(m_baseUrl->text().trimmed()))); });
}

PicturesPage::~PicturesPage()
{
    if (m_diagnostics)
        m_diagnostics->cancel();
}

void PicturesPage::applyPreset(int index)
{
    const QList<ProviderPreset> presets = ProviderPresets::pictureProviders();
    if (index < 0 || index >= presets.size() || presets.at(index).baseUrl.isEmpty())
        return; // Custom: the fields stay as typed
    m_baseUrl->setText(presets.at(index).baseUrl.toString());
    m_model->setText(presets.at(index).model);
    Q_EMIT changed();
}

Llm::ConnectionSettings PicturesPage::provider(const Llm::ConnectionSettings& network) const
{
    Llm::ConnectionSettings settings = network;
    settings.baseUrl = QUrl(m_baseUrl->text().trimmed());
    settings.model = m_model->text().trimmed();
    settings.apiKey = m_apiKey->text().trimmed();
    settings.idleTimeout = std::chrono::seconds(m_idle->value());
    settings.totalTimeout = std::chrono::seconds(m_total->value());
    return settings;
}

Generation::PicturePreferences PicturesPage::preferences() const
{
    Generation::PicturePreferences p;
    p.enabled = m_enabled->isChecked();
    p.artStyle = m_style->currentData().toString();
    p.size = m_size->currentData().toString();
    p.quality = m_quality->currentData().toString();
    return p;
}

QStringList PicturesPage::problems() const
{
    QStringList out;
    const QUrl url(m_baseUrl->text().trimmed());
    if (!m_baseUrl->text().trimmed().isEmpty() && (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))))
        out.append(tr("The picture provider's base URL must start with http:// or https://."));
    return out;
}

QStringList PicturesPage::offeredModels() const
{
    return m_models->stringList();
}

void PicturesPage::refreshModels()
{
    delete m_modelsClient; // cancels a refresh still running
    const Llm::ConnectionSettings settings = provider(m_network ? m_network() : Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Pictures));
    m_modelsClient = new Llm::LlmClient(settings, this);
    Llm::ModelsJob* job = m_modelsClient->listModels();
    m_refresh->setEnabled(false);
    m_result->setText(tr("Asking the picture provider for its models…"));
    connect(job, &Llm::RequestJob::finished, this, [this, job] {
        m_refresh->setEnabled(true);
        if (job->error().isError()) {
            m_result->setText(job->error().message);
            Q_EMIT modelsRefreshed({}, job->error().message);
            return;
        }
        m_models->setStringList(job->models());
        m_result->setText(tr("%n model(s) offered; type or pick one in Model.", nullptr, int(job->models().size())));
        Q_EMIT modelsRefreshed(job->models(), QString());
    });
}

void PicturesPage::runCheck()
{
    if (m_diagnostics)
        m_diagnostics->cancel();
    delete m_checkClient;
    const Llm::ConnectionSettings settings = provider(m_network ? m_network() : Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Pictures));
    m_checkClient = new Llm::LlmClient(settings, this);
    m_diagnostics = new Llm::Diagnostics(m_checkClient, this, Llm::Diagnostics::Check::Picture);
    m_check->setEnabled(false);
    m_result->setText(tr("Painting a test picture…"));
    connect(m_diagnostics, &Llm::Diagnostics::finished, this, [this](const Llm::DiagnosticsReport& report) {
        m_check->setEnabled(true);
        m_result->setText(report.hint.isEmpty() ? report.verdict : report.verdict + u'\n' + report.hint);
        Q_EMIT checkFinished(report);
    });
    m_diagnostics->start();
}

} // namespace Storybook::SettingsUi
