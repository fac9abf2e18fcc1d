#include "settingsdialog.h"

#include "picturespage.h"

#include "llmclient.h"
#include "logsink.h"
#include "modelsjob.h"
#include "providerpresets.h"
#include "proxyresolver.h"
#include "i18n.h"
#include "secretstore.h"
#include "speechengine.h"

#include "ui_settingsdialog.h"

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QHostAddress>
#include <QPushButton>
#include <QScrollBar>
#include <QSslCertificate>
#include <QStyledItemDelegate>
#include <QTabBar>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cmath>

namespace Storybook::SettingsUi {

namespace {

using Mode = Llm::ProxySettings::Mode;
using Status = Llm::DiagnosticStage::Status;

enum class Tone { Normal, Warning, Good, Quiet };

QColor toneColor(const QPalette& palette, Tone tone)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    switch (tone) {
    case Tone::Warning:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
    case Tone::Good:
        return dark ? QColor(0x8b, 0xe0, 0x8b) : QColor(0x1b, 0x7a, 0x2e);
    case Tone::Quiet:
        return palette.color(QPalette::PlaceholderText);
    case Tone::Normal:
        break;
    }
    return palette.color(QPalette::WindowText);
}

// Tool tips interpret rich text; text that may come from a server is escaped first.
QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

int toSeconds(std::chrono::milliseconds value)
{
    return int(std::lround(double(value.count()) / 1000.0));
}

// The spin box value in milliseconds; the original value when the user left the (rounded) field alone.
std::chrono::milliseconds fromSeconds(int seconds, std::chrono::milliseconds original)
{
    if (toSeconds(original) == seconds)
        return original;
    return std::chrono::seconds(seconds);
}

const QString SpinnerFrames = QStringLiteral("◐◓◑◒");

// QTreeView asks a delegate for row heights without the column width, so word-wrapped text would be
// cut off; this delegate measures the text at the column's real width.
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView* view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        // Only the last (stretching) column wraps; the others are sized to their contents.
        if (index.column() != m_view->header()->count() - 1)
            return QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem measured = option;
        measured.rect = QRect(0, 0, m_view->columnWidth(index.column()), 1); // valid, so the style wraps
        return QStyledItemDelegate::sizeHint(measured, index);
    }

private:
    QTreeView* m_view;
};

} // namespace

SettingsDialog::SettingsDialog(const Llm::ConnectionSettings& current, const Preferences& preferences,
                               SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_secrets(secrets)
    , m_initial(current)
{
    m_ui->setupUi(this);

    setupPresets();
    setupLanguages(preferences.language);
    setupSpeech(preferences.speech);
    m_pictures = new PicturesPage(preferences.pictureProvider, preferences.pictures, [this] { return connectionSettings(); }, this);
    m_ui->tabs->addTab(m_pictures, tr("Pictures"));
    Q_ASSERT(m_ui->tabs->indexOf(m_pictures) == int(Page::Pictures));
    connect(m_pictures, &PicturesPage::changed, this, [this] {
        if (m_ready)
            validate();
    });

    QHeaderView* header = m_ui->stagesTree->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(0, QHeaderView::Fixed);
    header->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    header->resizeSection(0, fontMetrics().horizontalAdvance(QStringLiteral("MM")) + 8);
    m_ui->stagesTree->headerItem()->setData(0, Qt::AccessibleTextRole, tr("Result"));
    m_ui->stagesTree->setTextElideMode(Qt::ElideNone);
    m_ui->stagesTree->setItemDelegate(new WrappingDelegate(m_ui->stagesTree));
    connect(header, &QHeaderView::sectionResized, this, &SettingsDialog::relayoutStages, Qt::QueuedConnection);
    m_ui->stagesTree->setVisible(false);
    m_ui->copyReportButton->setEnabled(false);
    m_ui->verdictLabel->setText(tr("Press “Run checks” to test the connection."));
    m_ui->hintLabel->setVisible(false);
    m_ui->logView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QFont verdictFont = m_ui->verdictLabel->font();
    verdictFont.setBold(true);
    m_ui->verdictLabel->setFont(verdictFont);
    for (QLabel* label : {m_ui->presetHintLabel, m_ui->systemProxyLabel, m_ui->languageNoteLabel}) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, toneColor(palette, Tone::Quiet));
        label->setPalette(palette);
    }
    m_ui->keychainLabel->setVisible(false);
    m_ui->modelsStatusLabel->setVisible(false);
    // Messages under a field use the field's whole width, not the label's preferred width.
    for (QLabel* label : {m_ui->presetHintLabel, m_ui->baseUrlProblemLabel, m_ui->keychainLabel, m_ui->modelProblemLabel,
                          m_ui->modelsStatusLabel, m_ui->systemProxyLabel, m_ui->proxyProblemLabel,
                          m_ui->proxyPortProblemLabel, m_ui->caProblemLabel, m_ui->languageNoteLabel}) {
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        label->installEventFilter(this);
        m_wrappingLabels.append(label);
    }

    m_spinner = new QTimer(this);
    m_spinner->setInterval(150);

    setFields(current);
    setupConnections();
    updatePresetHint(m_ui->presetCombo->currentIndex());
    loadSecrets();
    validate();
    m_ui->tabs->setCurrentIndex(int(Page::Provider));
    m_ready = true;
}

SettingsDialog::~SettingsDialog()
{
    cancelDiagnostics();
    cancelModels();
}

// ---------------------------------------------------------------------------------------------- setup

void SettingsDialog::setupPresets()
{
    const QList<ProviderPreset> presets = ProviderPresets::all();
    for (const ProviderPreset& preset : presets)
        m_ui->presetCombo->addItem(preset.name, preset.id);
}

void SettingsDialog::setupLanguages(const QString& language)
{
    m_ui->languageCombo->addItem(tr("Same as the system"), QString());
    // Language names stay in their own language, so everyone finds theirs.
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_ui->languageCombo->setCurrentIndex(std::max(0, m_ui->languageCombo->findData(language)));
}

void SettingsDialog::setupSpeech(const Speech::SpeechSettings& speech)
{
    m_ui->voiceCombo->addItem(tr("The usual voice of the story's language"), QString());
    if (!speech.voice.isEmpty())
        m_ui->voiceCombo->addItem(speech.voice, speech.voice); // kept even before the engine lists it
    m_ui->voiceCombo->setCurrentIndex(m_ui->voiceCombo->count() - 1);
    m_ui->speedSlider->setValue(qRound(speech.rate * 10));
    m_ui->speechProblemLabel->setVisible(false);
    updateSpeedLabel();
    connect(m_ui->speedSlider, &QSlider::valueChanged, this, &SettingsDialog::updateSpeedLabel);
    connect(m_ui->tryVoiceButton, &QPushButton::clicked, this, &SettingsDialog::tryVoice);
    // The engine (and its voices) only when the General tab is opened: it may take a moment to start.
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_ui->tabs->widget(index) == m_ui->generalTab)
            fillVoices();
    });
}

void SettingsDialog::fillVoices()
{
    if (m_speechEngine)
        return;
    m_speechEngine = Speech::createSystemEngine();
    connect(m_speechEngine.get(), &Speech::SpeechEngine::failed, m_ui->speechProblemLabel, [this](const QString& failure) {
        m_ui->speechProblemLabel->setText(failure);
        m_ui->speechProblemLabel->setVisible(true);
    });
    const QString problem = m_speechEngine->problem();
    m_ui->speechProblemLabel->setText(problem);
    m_ui->speechProblemLabel->setVisible(!problem.isEmpty());
    m_ui->tryVoiceButton->setEnabled(problem.isEmpty());
    const QString chosen = m_ui->voiceCombo->currentData().toString();
    QList<Speech::Voice> voices = m_speechEngine->voices();
    std::sort(voices.begin(), voices.end(), [](const Speech::Voice& a, const Speech::Voice& b) {
        return std::pair(a.locale.nativeLanguageName(), a.name) < std::pair(b.locale.nativeLanguageName(), b.name);
    });
    for (const Speech::Voice& voice : std::as_const(voices)) {
        if (m_ui->voiceCombo->findData(voice.name) >= 0)
            continue;
        m_ui->voiceCombo->addItem(tr("%1 (%2)").arg(voice.name, voice.locale.nativeLanguageName()), voice.name);
    }
    m_ui->voiceCombo->setCurrentIndex(std::max(0, m_ui->voiceCombo->findData(chosen)));
}

void SettingsDialog::updateSpeedLabel()
{
    const int value = m_ui->speedSlider->value();
    m_ui->speedValueLabel->setText(value == 0 ? tr("Normal") : value < 0 ? tr("Slower") : tr("Faster"));
}

void SettingsDialog::tryVoice()
{
    fillVoices();
    // A sentence in the interface language, spoken with the chosen voice and speed.
    const QString sample = tr("Once upon a time, a little fox found a lantern in the snow.");
    const QString language = I18n::current();
    QString problem = m_speechEngine->prepare(language, m_ui->voiceCombo->currentData().toString());
    if (problem.isEmpty()) {
        m_speechEngine->stop();
        m_speechEngine->setRate(m_ui->speedSlider->value() / 10.0);
        m_speechEngine->say(sample);
    }
    m_ui->speechProblemLabel->setText(problem);
    m_ui->speechProblemLabel->setVisible(!problem.isEmpty());
}

void SettingsDialog::setupConnections()
{
    connect(m_ui->presetCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::applyPreset);
    connect(m_ui->baseUrlEdit, &QLineEdit::textChanged, this, [this] {
        syncPresetToUrl();
        validate();
    });
    connect(m_ui->apiKeyEdit, &QLineEdit::textEdited, this, [this] { m_apiKeyTouched = true; });
    connect(m_ui->proxyPasswordEdit, &QLineEdit::textEdited, this, [this] { m_passwordTouched = true; });
    connect(m_ui->showKeyCheck, &QCheckBox::toggled, this, [this](bool show) {
        m_ui->apiKeyEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_ui->modelCombo, &QComboBox::editTextChanged, this, &SettingsDialog::validate);
    connect(m_ui->refreshModelsButton, &QPushButton::clicked, this, &SettingsDialog::refreshModels);

    for (QRadioButton* radio : {m_ui->noProxyRadio, m_ui->systemProxyRadio, m_ui->httpProxyRadio, m_ui->socksProxyRadio}) {
        connect(radio, &QRadioButton::toggled, this, [this](bool checked) {
            if (checked)
                updateProxyFields();
        });
    }
    connect(m_ui->proxyHostEdit, &QLineEdit::editingFinished, this, &SettingsDialog::takeProxyUrlFromHost);
    for (QLineEdit* edit : {m_ui->proxyHostEdit, m_ui->bypassEdit, m_ui->caBundleEdit})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->proxyPortSpin, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    connect(m_ui->caBundleBrowseButton, &QPushButton::clicked, this, [this] {
        const QString start = m_ui->caBundleEdit->text().trimmed();
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a certificates file"),
                                                          start.isEmpty() ? QDir::homePath() : QFileInfo(start).path(),
                                                          tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_ui->caBundleEdit->setText(QDir::toNativeSeparators(path));
    });

    connect(m_ui->runChecksButton, &QPushButton::clicked, this, [this] {
        if (isDiagnosticsRunning())
            cancelDiagnostics();
        else
            runDiagnostics();
    });
    connect(m_ui->copyReportButton, &QPushButton::clicked, this, &SettingsDialog::copyReport);
    connect(m_spinner, &QTimer::timeout, this, &SettingsDialog::spinRunningStages);
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == int(Page::Diagnostics))
            refreshLog();
        else if (index == int(Page::Network))
            updateSystemProxyLine();
    });

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (problems().isEmpty())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void SettingsDialog::setFields(const Llm::ConnectionSettings& settings)
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

    const Llm::ProxySettings& proxy = settings.proxy;
    setProxyMode(proxy.mode);
    m_ui->proxyHostEdit->setText(proxy.host);
    m_ui->proxyPortSpin->setValue(proxy.port);
    m_ui->proxyUserEdit->setText(proxy.user);
    m_ui->proxyPasswordEdit->setText(proxy.password);
    m_ui->remoteDnsCheck->setChecked(proxy.remoteDns);
    m_ui->bypassEdit->setText(proxy.bypass);

    m_ui->connectTimeoutSpin->setValue(toSeconds(settings.connectTimeout));
    m_ui->idleTimeoutSpin->setValue(toSeconds(settings.idleTimeout));
    m_ui->totalTimeoutSpin->setValue(toSeconds(settings.totalTimeout));
    m_ui->retriesSpin->setValue(settings.retries);
    m_ui->caBundleEdit->setText(settings.caBundle);
    m_ui->http2Check->setChecked(settings.http2);
    updateProxyFields();
}

void SettingsDialog::loadSecrets()
{
    if (!m_secrets)
        return;
    showKeychainWarning();
    connect(m_secrets, &SecretStore::persistenceLost, this, &SettingsDialog::showKeychainWarning);
    const QPointer<SettingsDialog> self(this);
    if (m_initial.apiKey.isEmpty()) {
        m_secrets->read(SecretStore::apiKeyName(), [self](const QString& value, const QString& error) {
            if (!self)
                return;
            if (!error.isEmpty()) {
                self->setWrappedText(self->m_ui->keychainLabel, error);
                self->m_ui->keychainLabel->setVisible(true);
            }
            if (!value.isEmpty() && !self->m_apiKeyTouched && self->m_ui->apiKeyEdit->text().isEmpty())
                self->m_ui->apiKeyEdit->setText(value);
        });
    }
    if (m_initial.proxy.password.isEmpty()) {
        m_secrets->read(SecretStore::proxyPasswordName(), [self](const QString& value, const QString&) {
            if (self && !value.isEmpty() && !self->m_passwordTouched && self->m_ui->proxyPasswordEdit->text().isEmpty())
                self->m_ui->proxyPasswordEdit->setText(value);
        });
    }
}

void SettingsDialog::showKeychainWarning()
{
    if (!m_secrets || m_secrets->isPersistent())
        return;
    setWrappedText(m_ui->keychainLabel, tr("No keychain is available: the key is kept only until the app closes."));
    m_ui->keychainLabel->setToolTip(plainToolTip(m_secrets->fallbackReason()));
    m_ui->keychainLabel->setVisible(true);
    QPalette palette = m_ui->keychainLabel->palette();
    palette.setColor(QPalette::WindowText, toneColor(palette, Tone::Warning));
    m_ui->keychainLabel->setPalette(palette);
    m_ui->proxyPasswordEdit->setToolTip(tr("No keychain is available: the password is kept only until the app closes."));
}

// ------------------------------------------------------------------------------------------ values

Llm::ConnectionSettings SettingsDialog::connectionSettings() const
{
    Llm::ConnectionSettings s = m_initial; // keeps what the dialog does not show (e.g. connections per host)
    const QString urlText = m_ui->baseUrlEdit->text().trimmed();
    s.baseUrl = urlText == m_initial.baseUrl.toString() ? m_initial.baseUrl : QUrl(urlText, QUrl::StrictMode);
    s.model = m_ui->modelCombo->currentText().trimmed();
    s.apiKey = m_ui->apiKeyEdit->text().trimmed();

    s.proxy.mode = proxyMode();
    s.proxy.host = m_ui->proxyHostEdit->text().trimmed();
    s.proxy.port = quint16(m_ui->proxyPortSpin->value());
    s.proxy.user = m_ui->proxyUserEdit->text().trimmed();
    if (s.proxy.user.isEmpty())
        s.proxy.user = QString(); // null, so no "user@" appears in displayed proxy addresses
    s.proxy.password = m_ui->proxyPasswordEdit->text();
    if (s.proxy.password.isEmpty())
        s.proxy.password = QString();
    s.proxy.remoteDns = m_ui->remoteDnsCheck->isChecked();
    s.proxy.bypass = m_ui->bypassEdit->text().trimmed();

    s.connectTimeout = fromSeconds(m_ui->connectTimeoutSpin->value(), m_initial.connectTimeout);
    s.idleTimeout = fromSeconds(m_ui->idleTimeoutSpin->value(), m_initial.idleTimeout);
    s.totalTimeout = fromSeconds(m_ui->totalTimeoutSpin->value(), m_initial.totalTimeout);
    s.retries = m_ui->retriesSpin->value();
    s.caBundle = m_ui->caBundleEdit->text().trimmed();
    s.http2 = m_ui->http2Check->isChecked();
    return s;
}

SettingsDialog::Preferences SettingsDialog::preferences() const
{
    Preferences out;
    out.language = m_ui->languageCombo->currentData().toString();
    out.speech.voice = m_ui->voiceCombo->currentData().toString();
    out.speech.rate = m_ui->speedSlider->value() / 10.0;
    out.pictureProvider = m_pictures->provider(connectionSettings());
    out.pictures = m_pictures->preferences();
    return out;
}

QStringList SettingsDialog::problems() const
{
    QStringList texts;
    for (const FieldProblem& problem : fieldProblems()) {
        if (!problem.text.isEmpty())
            texts.append(problem.text);
    }
    return texts + m_pictures->problems();
}

QList<SettingsDialog::FieldProblem> SettingsDialog::fieldProblems() const
{
    QList<FieldProblem> result;

    QString urlProblem;
    const QString urlText = m_ui->baseUrlEdit->text().trimmed();
    const QUrl url(urlText, QUrl::StrictMode);
    if (urlText.isEmpty())
        urlProblem = tr("Enter the server address, for example https://api.openai.com/v1.");
    else if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        urlProblem = tr("The server address must start with http:// or https://, for example https://api.openai.com/v1.");
    else if (url.host().isEmpty())
        urlProblem = tr("The server address has no host name, for example api.openai.com.");
    result.append({m_ui->baseUrlProblemLabel, urlProblem});

    result.append({m_ui->modelProblemLabel, m_ui->modelCombo->currentText().trimmed().isEmpty()
                                                ? tr("Enter a model name or pick one from the list.")
                                                : QString()});

    QString hostProblem;
    QString portProblem;
    const Mode mode = proxyMode();
    if (mode == Mode::Http || mode == Mode::Socks5) {
        Llm::ProxySettings proxy;
        proxy.mode = mode;
        proxy.host = m_ui->proxyHostEdit->text().trimmed();
        proxy.port = 1; // the port is checked on its own below
        hostProblem = proxy.validate();
        if (m_ui->proxyPortSpin->value() < 1 || m_ui->proxyPortSpin->value() > 65535)
            portProblem = tr("Enter the proxy's port, a number from 1 to 65535 (for example 7890 or 1080).");
    }
    result.append({m_ui->proxyProblemLabel, hostProblem});
    result.append({m_ui->proxyPortProblemLabel, portProblem});

    QString caProblem;
    if (const QString path = m_ui->caBundleEdit->text().trimmed(); !path.isEmpty()) {
        const QFileInfo info(path);
        QFile file(path);
        if (!info.exists())
            caProblem = tr("The file “%1” does not exist.").arg(QDir::toNativeSeparators(path));
        else if (!info.isFile() || !file.open(QIODevice::ReadOnly))
            caProblem = tr("The file “%1” cannot be read.").arg(QDir::toNativeSeparators(path));
        else if (QSslCertificate::fromData(file.read(8 * 1024 * 1024), QSsl::Pem).isEmpty())
            caProblem = tr("The file “%1” contains no PEM certificates.").arg(QDir::toNativeSeparators(path));
    }
    result.append({m_ui->caProblemLabel, caProblem});
    return result;
}

void SettingsDialog::validate()
{
    QStringList texts;
    bool providerBad = false;
    bool networkBad = false;
    for (const FieldProblem& problem : fieldProblems()) {
        showProblem(problem.label, problem.text);
        if (problem.text.isEmpty())
            continue;
        texts.append(problem.text);
        (m_ui->providerTab->isAncestorOf(problem.label) ? providerBad : networkBad) = true;
    }
    const QStringList pictureProblems = m_pictures ? m_pictures->problems() : QStringList();
    texts += pictureProblems;
    QPushButton* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(texts.isEmpty());
    ok->setToolTip(texts.isEmpty() ? QString() : plainToolTip(tr("Correct the fields marked with ⚠ first:") + u'\n' + texts.join(u'\n')));

    QTabBar* bar = m_ui->tabs->tabBar();
    const QColor normal = bar->palette().color(QPalette::WindowText);
    const QColor warning = toneColor(bar->palette(), Tone::Warning);
    bar->setTabTextColor(int(Page::Provider), providerBad ? warning : normal);
    bar->setTabTextColor(int(Page::Network), networkBad ? warning : normal);
    if (m_pictures)
        bar->setTabTextColor(int(Page::Pictures), pictureProblems.isEmpty() ? normal : warning);
    bar->setTabToolTip(int(Page::Provider), providerBad ? tr("Something on this page needs correcting.") : QString());
    bar->setTabToolTip(int(Page::Network), networkBad ? tr("Something on this page needs correcting.") : QString());

    updateSystemProxyLine();
}

void SettingsDialog::showProblem(QLabel* label, const QString& text)
{
    if (text.isEmpty()) {
        label->clear();
        label->setVisible(false);
        return;
    }
    label->setText(QStringLiteral("⚠ ") + text);
    fitHeight(label);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, toneColor(palette, Tone::Warning));
    label->setPalette(palette);
    label->setVisible(true);
}

// ------------------------------------------------------------------------------------------ provider

void SettingsDialog::updatePresetHint(int index)
{
    const ProviderPreset preset = ProviderPresets::all().value(index);
    if (preset.baseUrl.isEmpty())
        setWrappedText(m_ui->presetHintLabel, tr("Any server that offers the OpenAI chat API: enter its address below."));
    else if (preset.local)
        setWrappedText(m_ui->presetHintLabel, tr("Runs on this computer, so no API key is needed. Start the program before writing a story."));
    else
        setWrappedText(m_ui->presetHintLabel, tr("Needs an API key, which you get on the provider's website."));
}

void SettingsDialog::applyPreset(int index)
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
    validate();
}

void SettingsDialog::syncPresetToUrl()
{
    if (m_syncingPreset)
        return;
    m_syncingPreset = true;
    m_ui->presetCombo->setCurrentIndex(ProviderPresets::indexFor(QUrl(m_ui->baseUrlEdit->text().trimmed())));
    m_syncingPreset = false;
}

void SettingsDialog::refreshModels()
{
    cancelModels();
    auto showStatus = [this](const QString& text, Tone tone) {
        setWrappedText(m_ui->modelsStatusLabel, text);
        QPalette palette = m_ui->modelsStatusLabel->palette();
        palette.setColor(QPalette::WindowText, toneColor(palette, tone));
        m_ui->modelsStatusLabel->setPalette(palette);
        m_ui->modelsStatusLabel->setVisible(!text.isEmpty());
    };
    for (const FieldProblem& problem : fieldProblems()) {
        if (problem.label == m_ui->baseUrlProblemLabel && !problem.text.isEmpty()) {
            showStatus(problem.text, Tone::Warning);
            Q_EMIT modelsRefreshed({}, problem.text);
            return;
        }
    }
    m_modelsClient = new Llm::LlmClient(connectionSettings(), this);
    Llm::ModelsJob* job = m_modelsClient->listModels();
    m_modelsJob = job;
    m_ui->refreshModelsButton->setEnabled(false);
    showStatus(tr("Asking the server which models it offers…"), Tone::Quiet);
    connect(job, &Llm::RequestJob::finished, this, [this, job, showStatus] {
        m_ui->refreshModelsButton->setEnabled(true);
        const Llm::LlmError& error = job->error();
        if (error.isError()) {
            const QString text = error.hint.isEmpty() ? error.message : error.message + u' ' + error.hint;
            showStatus(error.kind == Llm::LlmError::Kind::Cancelled ? QString() : text, Tone::Warning);
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
        showStatus(text, Tone::Good);
        Q_EMIT modelsRefreshed(models, QString());
    });
}

void SettingsDialog::cancelModels()
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

// ------------------------------------------------------------------------------------------ network

Llm::ProxySettings::Mode SettingsDialog::proxyMode() const
{
    if (m_ui->noProxyRadio->isChecked())
        return Mode::None;
    if (m_ui->httpProxyRadio->isChecked())
        return Mode::Http;
    if (m_ui->socksProxyRadio->isChecked())
        return Mode::Socks5;
    return Mode::System;
}

void SettingsDialog::setProxyMode(Llm::ProxySettings::Mode mode)
{
    switch (mode) {
    case Mode::None:
        m_ui->noProxyRadio->setChecked(true);
        break;
    case Mode::System:
        m_ui->systemProxyRadio->setChecked(true);
        break;
    case Mode::Http:
        m_ui->httpProxyRadio->setChecked(true);
        break;
    case Mode::Socks5:
        m_ui->socksProxyRadio->setChecked(true);
        break;
    }
}

void SettingsDialog::updateProxyFields()
{
    const Mode mode = proxyMode();
    const bool explicitProxy = mode == Mode::Http || mode == Mode::Socks5;
    for (QWidget* widget : std::initializer_list<QWidget*>{
             m_ui->proxyHostLabel, m_ui->proxyHostEdit, m_ui->proxyPortLabel, m_ui->proxyPortSpin,
             m_ui->proxyUserLabel, m_ui->proxyUserEdit, m_ui->proxyPasswordLabel, m_ui->proxyPasswordEdit})
        widget->setEnabled(explicitProxy);
    m_ui->remoteDnsCheck->setEnabled(mode == Mode::Socks5);
    m_ui->bypassLabel->setEnabled(mode != Mode::None);
    m_ui->bypassEdit->setEnabled(mode != Mode::None);
    validate();
}

void SettingsDialog::takeProxyUrlFromHost()
{
    const QString text = m_ui->proxyHostEdit->text().trimmed();
    if (text.contains(QLatin1String("://"))) {
        // A whole proxy address pasted into the host field: take it apart.
        QString whyNot;
        const std::optional<Llm::ProxySettings> parsed = Llm::ProxySettings::fromSpec(text, &whyNot);
        if (!parsed || (parsed->mode != Mode::Http && parsed->mode != Mode::Socks5))
            return;
        setProxyMode(parsed->mode);
        m_ui->proxyHostEdit->setText(parsed->host);
        m_ui->proxyPortSpin->setValue(parsed->port);
        if (!parsed->user.isEmpty())
            m_ui->proxyUserEdit->setText(parsed->user);
        if (!parsed->password.isEmpty()) {
            m_ui->proxyPasswordEdit->setText(parsed->password);
            m_passwordTouched = true;
        }
        if (parsed->mode == Mode::Socks5)
            m_ui->remoteDnsCheck->setChecked(parsed->remoteDns);
        return;
    }
    // "127.0.0.1:7890": host and port in one (but not an IPv6 address).
    const int colon = text.lastIndexOf(u':');
    if (colon > 0 && text.count(u':') == 1) {
        bool ok = false;
        const int port = text.mid(colon + 1).toInt(&ok);
        if (ok && port >= 1 && port <= 65535) {
            m_ui->proxyHostEdit->setText(text.left(colon));
            m_ui->proxyPortSpin->setValue(port);
        }
    }
}

void SettingsDialog::updateSystemProxyLine()
{
    const bool system = proxyMode() == Mode::System;
    m_ui->systemProxyLabel->setVisible(system);
    if (!system)
        return;
    const QUrl url(m_ui->baseUrlEdit->text().trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        setWrappedText(m_ui->systemProxyLabel, tr("Enter a valid server address on the Provider page to see which proxy it would use."));
        return;
    }
    Llm::ProxySettings proxy = connectionSettings().proxy;
    proxy.mode = Mode::System;
    const Llm::EffectiveProxy effective = Llm::ProxyResolver(proxy).resolve(url);
    setWrappedText(m_ui->systemProxyLabel, tr("Right now this means for %1: %2").arg(url.host(), effective.summary()));
}

// ------------------------------------------------------------------------------------------ diagnostics

bool SettingsDialog::isDiagnosticsRunning() const
{
    return m_diagnostics && m_diagnostics->isRunning();
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
    cancelDiagnostics();
    m_report.reset();
    m_ui->copyReportButton->setEnabled(false);
    m_ui->copyStatusLabel->clear();
    m_ui->hintLabel->setVisible(false);

    m_checkClient = new Llm::LlmClient(connectionSettings(), this);
    m_diagnostics = new Llm::Diagnostics(m_checkClient, this);
    connect(m_diagnostics, &Llm::Diagnostics::stageChanged, this, &SettingsDialog::showStage);
    connect(m_diagnostics, &Llm::Diagnostics::finished, this, [this](const Llm::DiagnosticsReport& report) {
        m_report = report;
        m_spinner->stop();
        m_ui->runChecksButton->setText(tr("R&un checks again"));
        m_ui->copyReportButton->setEnabled(true);
        showVerdict(report);
        refreshLog();
        Q_EMIT diagnosticsFinished(report);
    });
    m_diagnostics->start();

    m_ui->stagesTree->clear();
    m_stageItems.clear();
    const QList<Llm::DiagnosticStage> stages = m_diagnostics->report().stages;
    for (int i = 0; i < stages.size(); ++i) {
        m_stageItems.append(new QTreeWidgetItem(m_ui->stagesTree));
        showStage(i, stages[i]);
    }
    m_ui->stagesTree->setVisible(true);
    m_ui->runChecksButton->setText(tr("&Stop checks"));
    m_ui->verdictLabel->setText(tr("Checking…"));
    QPalette palette = m_ui->verdictLabel->palette();
    palette.setColor(QPalette::WindowText, toneColor(palette, Tone::Normal));
    m_ui->verdictLabel->setPalette(palette);
    m_spinner->start();
}

void SettingsDialog::cancelDiagnostics()
{
    const bool wasRunning = isDiagnosticsRunning();
    if (m_diagnostics) {
        disconnect(m_diagnostics, nullptr, this, nullptr);
        m_diagnostics->cancel();
        m_diagnostics->deleteLater();
    }
    m_diagnostics = nullptr;
    if (m_checkClient) {
        m_checkClient->cancelAll();
        m_checkClient->deleteLater();
    }
    m_checkClient = nullptr;
    if (m_spinner)
        m_spinner->stop();
    if (!wasRunning)
        return;
    for (QTreeWidgetItem* item : std::as_const(m_stageItems)) {
        if (item->data(0, Qt::UserRole).toInt() == int(Status::Running)
            || item->data(0, Qt::UserRole).toInt() == int(Status::Pending)) {
            item->setText(0, QStringLiteral("–"));
            item->setData(0, Qt::AccessibleTextRole, tr("stopped"));
            item->setText(3, tr("Stopped."));
        }
    }
    m_ui->verdictLabel->setText(tr("The checks were stopped."));
    m_ui->runChecksButton->setText(tr("R&un checks"));
}

void SettingsDialog::showStage(int index, const Llm::DiagnosticStage& stage)
{
    if (index < 0)
        return;
    while (m_stageItems.size() <= index)
        m_stageItems.append(new QTreeWidgetItem(m_ui->stagesTree));
    QTreeWidgetItem* item = m_stageItems[index];
    const QPalette palette = m_ui->stagesTree->palette();
    QString glyph;
    QString state;
    Tone tone = Tone::Quiet;
    QString detail = stage.detail;
    switch (stage.status) {
    case Status::Pending:
        glyph = QStringLiteral("·");
        state = tr("waiting");
        break;
    case Status::Running:
        glyph = SpinnerFrames.at(m_spinFrame % SpinnerFrames.size());
        state = tr("running");
        tone = Tone::Normal;
        detail = tr("Checking…");
        break;
    case Status::Ok:
        glyph = QStringLiteral("✓");
        state = tr("passed");
        tone = Tone::Good;
        break;
    case Status::Failed:
        glyph = QStringLiteral("✗");
        state = tr("failed");
        tone = Tone::Warning;
        break;
    case Status::Skipped:
        glyph = QStringLiteral("–");
        state = tr("skipped");
        break;
    }
    const bool timed = stage.status == Status::Ok || stage.status == Status::Failed;
    item->setData(0, Qt::UserRole, int(stage.status));
    item->setText(0, glyph);
    item->setData(0, Qt::AccessibleTextRole, state);
    item->setTextAlignment(0, Qt::AlignCenter);
    item->setForeground(0, toneColor(palette, tone));
    item->setText(1, stage.title);
    item->setText(2, timed ? tr("%1 ms").arg(stage.ms) : QString());
    item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(3, detail);
    item->setToolTip(3, plainToolTip(detail));
    if (stage.status == Status::Failed)
        item->setForeground(3, toneColor(palette, Tone::Warning));
    else
        item->setForeground(3, palette.color(QPalette::Text));
    QMetaObject::invokeMethod(this, &SettingsDialog::relayoutStages, Qt::QueuedConnection);
}

void SettingsDialog::relayoutStages()
{
    // Row heights depend on the wrapped details, which depend on the column widths.
    m_ui->stagesTree->doItemsLayout();
}

void SettingsDialog::spinRunningStages()
{
    ++m_spinFrame;
    for (QTreeWidgetItem* item : std::as_const(m_stageItems)) {
        if (item->data(0, Qt::UserRole).toInt() == int(Status::Running))
            item->setText(0, SpinnerFrames.at(m_spinFrame % SpinnerFrames.size()));
    }
}

void SettingsDialog::showVerdict(const Llm::DiagnosticsReport& report)
{
    m_ui->verdictLabel->setText((report.ok ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + report.verdict);
    QPalette palette = m_ui->verdictLabel->palette();
    palette.setColor(QPalette::WindowText, toneColor(palette, report.ok ? Tone::Good : Tone::Warning));
    m_ui->verdictLabel->setPalette(palette);
    m_ui->hintLabel->setText(report.hint.isEmpty() ? QString() : tr("What to do: %1").arg(report.hint));
    m_ui->hintLabel->setVisible(!report.hint.isEmpty());
}

void SettingsDialog::copyReport()
{
    if (!m_report)
        return;
    QGuiApplication::clipboard()->setText(m_report->toText());
    m_ui->copyStatusLabel->setText(tr("Copied. Paste it into a message to whoever helps you."));
}

void SettingsDialog::refreshLog()
{
    const QString path = LogSink::defaultFilePath();
    const QString text = LogSink::tail(path);
    if (text.isEmpty()) {
        m_ui->logView->setPlainText(QString());
        m_ui->logView->setPlaceholderText(tr("Nothing has been logged yet. The log is kept in %1").arg(QDir::toNativeSeparators(path)));
        return;
    }
    m_ui->logView->setPlainText(text);
    m_ui->logView->verticalScrollBar()->setValue(m_ui->logView->verticalScrollBar()->maximum());
}

// ------------------------------------------------------------------------------------------ events

void SettingsDialog::setWrappedText(QLabel* label, const QString& text)
{
    label->setText(text);
    fitHeight(label);
}

void SettingsDialog::fitHeight(QLabel* label)
{
    // A form layout sizes a word-wrapped label's row for a narrower width than it finally gets,
    // leaving gaps around one-line messages; cap the height at what the real width needs.
    const int width = label->width();
    const int height = width > 0 ? label->heightForWidth(width) : -1;
    label->setMaximumHeight(height > 0 ? height : QWIDGETSIZE_MAX);
}

bool SettingsDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize) {
        if (auto* label = qobject_cast<QLabel*>(watched); label && m_wrappingLabels.contains(label))
            fitHeight(label);
    }
    return QDialog::eventFilter(watched, event);
}

void SettingsDialog::done(int result)
{
    cancelDiagnostics();
    cancelModels();
    QDialog::done(result);
}

void SettingsDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_ready)
        validate(); // the warning colours follow a light or dark palette
}

} // namespace Storybook::SettingsUi
