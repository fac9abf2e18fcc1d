#include "connectdialog.h"

#include "formhelpers.h"
#include "keyneeds.h"
#include "llmclient.h"
#include "providerpresets.h"
#include "secretstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Storybook::SettingsUi {

namespace {

QLabel* wrappedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QFont titleFont(QFont font)
{
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    return font;
}

} // namespace

ConnectDialog::ConnectDialog(const Llm::ConnectionSettings& current, QWidget* parent)
    : QDialog(parent)
    , m_current(current)
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect a story writer"));
    m_steps = new QStackedWidget(this);

    // 1. The provider.
    auto* providerStep = new QWidget(m_steps);
    auto* providerTitle = wrappedLabel(tr("Which service should write the stories?"), providerStep);
    providerTitle->setFont(titleFont(providerTitle->font()));
    m_providers = new QListWidget(providerStep);
    m_providers->setObjectName(QStringLiteral("providerList"));
    m_providers->setAccessibleName(tr("Story writers"));
    const QList<ProviderPreset> presets = ProviderPresets::all();
    for (const ProviderPreset& preset : presets) {
        auto* item = new QListWidgetItem(preset.name, m_providers);
        item->setData(Qt::UserRole, preset.id);
        item->setToolTip(preset.local ? tr("Runs on this computer; no key needed.")
                         : preset.baseUrl.isEmpty() ? tr("Any server with the OpenAI chat API.")
                                                    : tr("A service on the internet; needs an API key from its website."));
    }
    m_providers->setCurrentRow(ProviderPresets::indexFor(current.baseUrl));
    auto* providerLayout = new QVBoxLayout(providerStep);
    providerLayout->addWidget(providerTitle);
    providerLayout->addWidget(wrappedLabel(tr("A service on the internet needs an API key from its website. A program on "
                                              "this computer (Ollama, LM Studio, llama.cpp) needs none."),
                                           providerStep));
    providerLayout->addWidget(m_providers, 1);
    m_steps->addWidget(providerStep);

    // 2. The key (and, for "Custom", the address and model).
    auto* keyStep = new QWidget(m_steps);
    m_keyIntro = wrappedLabel(QString(), keyStep);
    m_keyIntro->setObjectName(QStringLiteral("keyIntroLabel"));
    m_keyIntro->setFont(titleFont(m_keyIntro->font()));
    m_key = new QLineEdit(keyStep);
    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setAccessibleName(tr("API key"));
    m_showKey = new QCheckBox(tr("S&how"), keyStep);
    m_showKey->setAccessibleName(tr("Show the API key"));
    connect(m_showKey, &QCheckBox::toggled, this,
            [this](bool show) { m_key->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_showKey);
    m_customFields = new QWidget(keyStep);
    m_url = new QLineEdit(m_customFields);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setAccessibleName(tr("Server address"));
    m_model = new QLineEdit(m_customFields);
    m_model->setObjectName(QStringLiteral("modelEdit"));
    m_model->setAccessibleName(tr("Model"));
    auto* customForm = new QFormLayout(m_customFields);
    customForm->setContentsMargins(0, 0, 0, 0);
    auto* urlLabel = new QLabel(tr("Server &address:"), m_customFields);
    urlLabel->setBuddy(m_url);
    auto* modelLabel = new QLabel(tr("&Model:"), m_customFields);
    modelLabel->setBuddy(m_model);
    customForm->addRow(urlLabel, m_url);
    customForm->addRow(modelLabel, m_model);
    auto* keyLayout = new QVBoxLayout(keyStep);
    keyLayout->addWidget(m_keyIntro);
    keyLayout->addLayout(keyRow);
    keyLayout->addWidget(m_customFields);
    keyLayout->addStretch(1);
    m_steps->addWidget(keyStep);

    // 3. The test.
    auto* testStep = new QWidget(m_steps);
    auto* testTitle = wrappedLabel(tr("Trying the story writer…"), testStep);
    testTitle->setFont(titleFont(testTitle->font()));
    m_verdict = wrappedLabel(QString(), testStep);
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    m_verdict->setAccessibleName(tr("Result"));
    m_hint = wrappedLabel(QString(), testStep);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_hint->setAccessibleName(tr("What to do"));
    m_testAgain = new QPushButton(tr("&Try again"), testStep);
    m_testAgain->setObjectName(QStringLiteral("testAgainButton"));
    connect(m_testAgain, &QPushButton::clicked, this, &ConnectDialog::runTest);
    auto* testLayout = new QVBoxLayout(testStep);
    testLayout->addWidget(testTitle);
    testLayout->addWidget(m_verdict);
    testLayout->addWidget(m_hint);
    testLayout->addWidget(m_testAgain, 0, Qt::AlignLeft);
    testLayout->addStretch(1);
    m_steps->addWidget(testStep);

    auto* buttons = new QDialogButtonBox(this);
    m_back = buttons->addButton(tr("&Back"), QDialogButtonBox::ActionRole);
    m_back->setObjectName(QStringLiteral("backButton"));
    m_next = buttons->addButton(tr("&Next"), QDialogButtonBox::ActionRole);
    m_next->setObjectName(QStringLiteral("nextButton"));
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_back, &QPushButton::clicked, this, &ConnectDialog::back);
    connect(m_next, &QPushButton::clicked, this, &ConnectDialog::next);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_providers, &QListWidget::currentRowChanged, this, &ConnectDialog::updateButtons);
    connect(m_providers, &QListWidget::itemActivated, this, &ConnectDialog::next);
    for (QLineEdit* edit : {m_key, m_url, m_model})
        connect(edit, &QLineEdit::textChanged, this, &ConnectDialog::updateButtons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addWidget(buttons);
    resize(520, 420);
    showStep(Step::Provider);
}

ConnectDialog::~ConnectDialog()
{
    cancelTest();
}

std::optional<Llm::ConnectionSettings> ConnectDialog::run(const Llm::ConnectionSettings& current, SecretStore* secrets,
                                                          QWidget* parent)
{
    ConnectDialog dialog(current, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const Llm::ConnectionSettings chosen = dialog.connectionSettings();
    QSettings settings;
    chosen.save(settings);
    if (secrets)
        secrets->write(SecretStore::apiKeyName(), chosen.apiKey, [](const QString&) {});
    return chosen;
}

ConnectDialog::Step ConnectDialog::step() const
{
    return Step(m_steps->currentIndex());
}

void ConnectDialog::choosePreset(const QString& id)
{
    for (int row = 0; row < m_providers->count(); ++row) {
        if (m_providers->item(row)->data(Qt::UserRole).toString() == id)
            m_providers->setCurrentRow(row);
    }
}

bool ConnectDialog::currentIsLocal() const
{
    if (currentIsCustom())
        return KeyNeeds::isLocal(QUrl(m_url->text().trimmed()));
    return ProviderPresets::all().value(m_providers->currentRow()).local;
}

bool ConnectDialog::currentIsCustom() const
{
    return ProviderPresets::all().value(m_providers->currentRow()).baseUrl.isEmpty();
}

Llm::ConnectionSettings ConnectDialog::connectionSettings() const
{
    Llm::ConnectionSettings settings = m_current;
    const ProviderPreset preset = ProviderPresets::all().value(m_providers->currentRow());
    if (preset.baseUrl.isEmpty()) {
        settings.baseUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
        settings.model = m_model->text().trimmed();
    } else if (ProviderPresets::indexFor(settings.baseUrl) != m_providers->currentRow()) {
        settings.baseUrl = preset.baseUrl;
        settings.model = preset.model; // another provider: its suggested model
    }
    settings.apiKey = preset.local ? QString() : m_key->text().trimmed();
    return settings;
}

void ConnectDialog::showStep(Step step)
{
    if (step != Step::Test)
        cancelTest();
    m_steps->setCurrentIndex(int(step));
    if (step == Step::Key) {
        const ProviderPreset preset = ProviderPresets::all().value(m_providers->currentRow());
        const bool custom = preset.baseUrl.isEmpty();
        m_customFields->setVisible(custom);
        if (custom && m_url->text().isEmpty() && ProviderPresets::indexFor(m_current.baseUrl) == m_providers->currentRow()) {
            m_url->setText(m_current.baseUrl.toString());
            m_model->setText(m_current.model);
        }
        m_key->setPlaceholderText(KeyNeeds::keyPlaceholder(preset));
        m_key->setVisible(!preset.local);
        m_showKey->setVisible(!preset.local);
        m_keyIntro->setText(preset.local ? tr("%1 runs on this computer: no key is needed. Start it, then go on to try it.").arg(preset.name)
                            : custom    ? tr("Enter the server's address and model, and its API key if it needs one.")
                                        : tr("Paste your %1 API key. You get it on the provider's website, under API keys.")
                                           .arg(preset.name));
        (preset.local ? static_cast<QWidget*>(m_next) : custom ? static_cast<QWidget*>(m_url) : m_key)->setFocus();
    } else if (step == Step::Test) {
        runTest();
    }
    updateButtons();
}

void ConnectDialog::updateButtons()
{
    const Step current = step();
    m_back->setEnabled(current != Step::Provider);
    m_next->setVisible(current != Step::Test);
    bool canGoOn = m_providers->currentRow() >= 0;
    if (current == Step::Key) {
        if (currentIsCustom()) {
            const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
            canGoOn = url.isValid() && !url.host().isEmpty() && !m_model->text().trimmed().isEmpty();
        } else {
            canGoOn = currentIsLocal() || !m_key->text().trimmed().isEmpty();
        }
    }
    m_next->setEnabled(canGoOn);
    m_next->setDefault(current != Step::Test);
    // Saving is offered once the test has run: after a failure too, since the hint may need a
    // change elsewhere (a proxy) that the setup does not show.
    const bool tested = current == Step::Test && m_report.has_value();
    m_save->setVisible(current == Step::Test);
    m_save->setEnabled(tested);
    m_save->setDefault(tested);
    m_testAgain->setVisible(tested && !m_report->ok);
}

void ConnectDialog::next()
{
    if (!m_next->isEnabled())
        return;
    if (step() == Step::Provider)
        showStep(Step::Key);
    else if (step() == Step::Key)
        showStep(Step::Test);
}

void ConnectDialog::back()
{
    if (step() == Step::Test)
        showStep(Step::Key);
    else if (step() == Step::Key)
        showStep(Step::Provider);
}

void ConnectDialog::runTest()
{
    cancelTest();
    m_report.reset();
    m_verdict->setText(tr("Checking…"));
    Form::setTone(m_verdict, Form::Tone::Normal);
    m_hint->clear();
    m_hint->hide();
    m_client = new Llm::LlmClient(connectionSettings(), this);
    m_diagnostics = new Llm::Diagnostics(m_client, this);
    connect(m_diagnostics, &Llm::Diagnostics::finished, this, [this](const Llm::DiagnosticsReport& report) {
        m_report = report;
        m_verdict->setText(report.ok ? tr("✓ It works: the story writer answered.") : QStringLiteral("✗ ") + report.verdict);
        Form::setTone(m_verdict, report.ok ? Form::Tone::Good : Form::Tone::Warning);
        m_hint->setText(report.hint.isEmpty() ? QString() : tr("What to do: %1").arg(report.hint));
        m_hint->setVisible(!report.ok && !report.hint.isEmpty());
        updateButtons();
        Q_EMIT testFinished(report);
    });
    m_diagnostics->start();
    updateButtons();
}

void ConnectDialog::cancelTest()
{
    if (m_diagnostics) {
        disconnect(m_diagnostics, nullptr, this, nullptr);
        m_diagnostics->cancel();
        m_diagnostics->deleteLater();
    }
    m_diagnostics = nullptr;
    if (m_client) {
        m_client->cancelAll();
        m_client->deleteLater();
    }
    m_client = nullptr;
}

void ConnectDialog::done(int result)
{
    cancelTest();
    QDialog::done(result);
}

} // namespace Storybook::SettingsUi
