#include "voicepage.h"

#include "formhelpers.h"
#include "i18n.h"
#include "keyneeds.h"
#include "secretstore.h"
#include "voicecatalog.h"
#include "voicesample.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Storybook::SettingsUi {

namespace {
const auto CustomId = QStringLiteral("custom");
const auto NoneId = QStringLiteral("none");

QString languageOfInterface()
{
    return I18n::current().startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
}

// The language to list first: the interface's, unless the saved voice is a listed one that does not
// read it (a Kokoro English voice while the interface is Chinese).
QString startLanguage(const QString& model, const QString& voice)
{
    const QString interface = languageOfInterface();
    for (const CatalogVoice& listed : VoiceCatalog::voices(model)) {
        if (listed.id == voice && !listed.speaks(interface) && !listed.languages.isEmpty())
            return listed.languages.first();
    }
    return interface;
}
} // namespace

VoicePage::VoicePage(const Llm::ConnectionSettings& provider, const Llm::VoiceSettings& voice, bool narrateNewPages,
                     SecretStore* secrets, NetworkSource network, QWidget* parent)
    : QWidget(parent)
    , m_network(std::move(network))
    , m_initial(provider)
    , m_sample(new VoiceSample(this))
{
    setObjectName(QStringLiteral("voicePage"));

    auto* intro = new QLabel(tr("A voice from a speech service reads the pages in a warm voice; what it reads is kept in "
                                "the story, so it also plays offline and in the viewer. Without one, the system voice "
                                "reads (Settings → General)."),
                             this);
    intro->setWordWrap(true);

    // Who speaks.
    m_preset = new QComboBox(this);
    for (const SpeechPreset& preset : VoiceCatalog::presets())
        m_preset->addItem(preset.name, preset.id);
    m_preset->setAccessibleName(tr("Voice provider"));
    m_baseUrl = new QLineEdit(provider.baseUrl.toString(), this);
    m_baseUrl->setAccessibleName(tr("Voice provider base URL"));
    m_model = new QLineEdit(provider.model, this);
    m_model->setAccessibleName(tr("Speech model"));
    m_apiKey = new QLineEdit(provider.apiKey, this);
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setAccessibleName(tr("Voice provider API key"));
    m_apiKey->setPlaceholderText(tr("Kept in the system keychain, apart from the other keys"));
    m_keyNote = new QLabel(this);
    m_keyNote->setTextFormat(Qt::PlainText);
    m_keyNote->setWordWrap(true);
    m_keyNote->setVisible(false);
    auto* keyBox = new QVBoxLayout;
    keyBox->setContentsMargins(0, 0, 0, 0);
    keyBox->addWidget(m_apiKey);
    keyBox->addWidget(m_keyNote); // comes and goes inside a box, never as a form row of its own

    auto* who = new QGroupBox(tr("Voice provider"), this);
    auto* whoForm = new QFormLayout(who);
    whoForm->addRow(tr("Pro&vider:"), m_preset);
    whoForm->addRow(tr("&Base URL:"), m_baseUrl);
    whoForm->addRow(tr("&Model:"), m_model);
    auto* keyLabel = new QLabel(tr("API &key:"), who);
    keyLabel->setBuddy(m_apiKey);
    whoForm->addRow(keyLabel, keyBox);

    // How it speaks.
    m_language = new QComboBox(this);
    // Language names stay in their own language, as on the General page.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh"));
    m_language->setAccessibleName(tr("Voices for the language"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(startLanguage(provider.model, voice.voice))));
    m_voice = new QComboBox(this);
    m_voice->setEditable(true);
    m_voice->setInsertPolicy(QComboBox::NoInsert);
    m_voice->setAccessibleName(tr("Voice"));
    m_voice->setToolTip(tr("Pick a voice, or type the name of another one (such as a voice you uploaded)."));
    m_voice->setMinimumContentsLength(24);
    m_speed = new QDoubleSpinBox(this);
    m_speed->setRange(Llm::VoiceSettings::MinSpeed, Llm::VoiceSettings::MaxSpeed);
    m_speed->setSingleStep(0.05);
    m_speed->setDecimals(2);
    m_speed->setSuffix(tr(" ×"));
    m_speed->setValue(voice.speed);
    m_speed->setAccessibleName(tr("Speaking speed"));
    m_speed->setToolTip(tr("1 is the voice's own speed; 0.85 is a little slower for bedtime."));
    m_style = new QLineEdit(voice.instructions, this);
    m_style->setPlaceholderText(tr("a warm, calm bedtime voice"));
    m_style->setAccessibleName(tr("Speaking style"));
    m_styleNote = new QLabel(this);
    m_styleNote->setTextFormat(Qt::PlainText);
    m_styleNote->setWordWrap(true);
    Form::setTone(m_styleNote, Form::Tone::Quiet);
    auto* styleBox = new QVBoxLayout;
    styleBox->setContentsMargins(0, 0, 0, 0);
    styleBox->addWidget(m_style);
    styleBox->addWidget(m_styleNote);
    m_format = new QComboBox(this);
    m_format->addItem(tr("MP3 (small, plays everywhere)"), int(Llm::AudioFormat::Mp3));
    m_format->addItem(tr("Opus (smallest)"), int(Llm::AudioFormat::Opus));
    m_format->addItem(tr("WAV (large)"), int(Llm::AudioFormat::Wav));
    m_format->addItem(tr("PCM (raw samples, large)"), int(Llm::AudioFormat::Pcm));
    m_format->setCurrentIndex(qMax(0, m_format->findData(int(voice.format))));
    m_format->setAccessibleName(tr("Audio format"));

    m_sampleButton = new QPushButton(tr("&Play a sample"), this);
    m_sampleButton->setToolTip(tr("Speaks one sentence in the chosen language with these settings (it may cost as much as one sentence)."));
    m_sampleResult = new QLabel(this);
    m_sampleResult->setTextFormat(Qt::PlainText);
    m_sampleResult->setWordWrap(true);
    m_sampleResult->setAccessibleName(tr("Sample result"));
    auto* sampleBox = new QVBoxLayout;
    sampleBox->setContentsMargins(0, 0, 0, 0);
    auto* sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_sampleButton);
    sampleRow->addStretch(1);
    sampleBox->addLayout(sampleRow);
    sampleBox->addWidget(m_sampleResult);

    auto* how = new QGroupBox(tr("Voice"), this);
    auto* howForm = new QFormLayout(how);
    howForm->addRow(tr("&Language:"), m_language);
    howForm->addRow(tr("V&oice:"), m_voice);
    howForm->addRow(tr("&Speed:"), m_speed);
    auto* styleLabel = new QLabel(tr("Speaking s&tyle:"), how);
    styleLabel->setBuddy(m_style);
    howForm->addRow(styleLabel, styleBox);
    howForm->addRow(tr("Audio &format:"), m_format);
    howForm->addRow(QString(), sampleBox);

    m_auto = new QCheckBox(tr("Read new pages aloud automatically (uses the voice provider)"), this);
    m_auto->setChecked(narrateNewPages);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Voice used"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(who);
    layout->addWidget(how);
    layout->addWidget(m_auto);
    layout->addWidget(m_summary);
    layout->addStretch(1);

    m_providerFields = {m_baseUrl, m_model, m_apiKey, how, m_auto};
    m_preset->setCurrentIndex(voice.enabled ? VoiceCatalog::presetIndexFor(provider.baseUrl, provider.model)
                                            : VoiceCatalog::presetIndex(NoneId));
    fillVoices(voice.voice);

    connect(m_preset, &QComboBox::activated, this, &VoicePage::applyPreset);
    connect(m_language, &QComboBox::activated, this, [this] { fillVoices(voiceId()); });
    connect(m_model, &QLineEdit::textChanged, this, [this] { fillVoices(voiceId()); });
    connect(m_baseUrl, &QLineEdit::textEdited, this, [this] {
        m_preset->setCurrentIndex(VoiceCatalog::presetIndexFor(QUrl(m_baseUrl->text().trimmed()), m_model->text().trimmed()));
        updateState();
    });
    connect(m_apiKey, &QLineEdit::textEdited, this, [this] { m_keyTouched = true; });
    for (QLineEdit* edit : {m_baseUrl, m_model, m_apiKey, m_style})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            updateState();
            Q_EMIT changed();
        });
    connect(m_voice, &QComboBox::currentTextChanged, this, [this] { updateState(); });
    connect(m_auto, &QCheckBox::toggled, this, [this] { updateState(); });
    connect(m_sampleButton, &QPushButton::clicked, this, &VoicePage::playSample);
    connect(m_sample, &VoiceSample::spoken, this, [this](qsizetype bytes) {
        m_sampleResult->setText(tr("Playing the sample (%1 KB)…").arg((bytes + 1023) / 1024));
        m_sampleResult->setVisible(true);
    });
    connect(m_sample, &VoiceSample::finished, this, [this](const QString& problem) {
        m_sampleButton->setEnabled(true);
        m_sampleResult->setText(problem.isEmpty() ? tr("The sample has been played.") : problem);
        m_sampleResult->setVisible(true);
        Form::setTone(m_sampleResult, problem.isEmpty() ? Form::Tone::Good : Form::Tone::Warning);
        Q_EMIT sampleFinished(problem);
    });
    loadSecret(secrets);
    updateState();
}

VoicePage::~VoicePage()
{
    cancelSample();
}

void VoicePage::loadSecret(SecretStore* secrets)
{
    m_keyKnown = !secrets || !m_apiKey->text().isEmpty();
    if (!secrets)
        return;
    if (!secrets->isPersistent()) {
        m_keyNote->setText(tr("No keychain is available: the key is kept only until the app closes."));
        Form::setTone(m_keyNote, Form::Tone::Warning);
        m_keyNote->setVisible(true);
    }
    if (!m_apiKey->text().isEmpty())
        return;
    const QPointer<VoicePage> self(this);
    secrets->read(QString::fromLatin1(Llm::VoiceSettings::KeychainName), [self](const QString& value, const QString& error) {
        if (!self)
            return;
        self->m_keyKnown = true;
        if (!error.isEmpty()) {
            self->m_keyNote->setText(error);
            Form::setTone(self->m_keyNote, Form::Tone::Warning);
            self->m_keyNote->setVisible(true);
        }
        if (!value.isEmpty() && !self->m_keyTouched && self->m_apiKey->text().isEmpty())
            self->m_apiKey->setText(value);
    });
}

bool VoicePage::styleAccepted() const
{
    return m_preset->currentData().toString() == CustomId || VoiceCatalog::takesStyle(m_model->text());
}

bool VoicePage::isNone() const
{
    return m_preset->currentData().toString() == NoneId;
}

void VoicePage::applyPreset(int index)
{
    const QList<SpeechPreset> presets = VoiceCatalog::presets();
    if (index >= 0 && index < presets.size() && !presets.at(index).baseUrl.isEmpty()) {
        m_baseUrl->setText(presets.at(index).baseUrl.toString());
        m_model->setText(presets.at(index).model); // lists its voices
    }
    updateState();
    Q_EMIT changed();
}

void VoicePage::fillVoices(const QString& keep)
{
    const QSignalBlocker blocker(m_voice);
    m_voice->clear();
    const QList<CatalogVoice> voices = VoiceCatalog::voices(m_model->text().trimmed(), language());
    for (const CatalogVoice& listed : voices) {
        m_voice->addItem(listed.label(), listed.id);
        m_voice->setItemData(m_voice->count() - 1, listed.id, Qt::ToolTipRole);
    }
    if (const int found = m_voice->findData(keep); found >= 0)
        m_voice->setCurrentIndex(found);
    else if (!keep.isEmpty() && !VoiceCatalog::isCatalogued(keep))
        m_voice->setEditText(keep); // a typed voice stays as typed
    else if (m_voice->count() > 0)
        m_voice->setCurrentIndex(0); // a listed voice of another language or model gives way
    else
        m_voice->setEditText(keep);
    updateState();
}

QString VoicePage::voiceId() const
{
    const QString text = m_voice->currentText().trimmed();
    const int index = m_voice->currentIndex();
    if (index >= 0 && m_voice->itemText(index) == m_voice->currentText())
        return m_voice->itemData(index).toString();
    const int byLabel = m_voice->findText(text);
    return byLabel >= 0 ? m_voice->itemData(byLabel).toString() : text;
}

QString VoicePage::language() const
{
    return m_language->currentData().toString();
}

void VoicePage::setLanguage(const QString& language)
{
    const int index = m_language->findData(language);
    if (index < 0)
        return;
    m_language->setCurrentIndex(index);
    fillVoices(voiceId());
}

QStringList VoicePage::listedVoices() const
{
    QStringList out;
    for (int i = 0; i < m_voice->count(); ++i)
        out.append(m_voice->itemData(i).toString());
    return out;
}

void VoicePage::updateState()
{
    const bool none = isNone();
    for (QWidget* field : std::as_const(m_providerFields))
        field->setEnabled(!none);
    const bool style = styleAccepted();
    m_style->setEnabled(!none && style);
    m_styleNote->setText(style || none ? QString() : tr("Only gpt-4o-mini-tts (or a custom provider) takes a speaking style."));
    m_styleNote->setVisible(!m_styleNote->text().isEmpty()); // inside a box layout: safe to hide
    m_sampleResult->setVisible(!m_sampleResult->text().isEmpty());
    m_sampleButton->setEnabled(!none && m_sample->state() == VoiceSample::State::Idle);
    m_summary->setText(summary());
}

QString VoicePage::summary() const
{
    if (isNone())
        return tr("No voice provider: the system voice reads (no Chinese voice on most Linux systems).");
    const int index = VoiceCatalog::presetIndexFor(QUrl(m_baseUrl->text().trimmed()), m_model->text().trimmed());
    const SpeechPreset preset = VoiceCatalog::presets().value(index);
    const QString where = preset.brand.isEmpty() ? QUrl(m_baseUrl->text().trimmed()).host() : preset.brand;
    const QString voice = voiceId().section(u':', -1);
    if (voice.isEmpty())
        return tr("Choose or type a voice.");
    return m_auto->isChecked() ? tr("Pages will be read with %1 (%2), new pages as soon as they are written.").arg(voice, where)
                               : tr("Pages will be read with %1 (%2) when you press Read aloud.").arg(voice, where);
}

QString VoicePage::sampleText(const QString& language)
{
    return I18n::storyText(language, "Storybook::StoryWords",
                           QT_TRANSLATE_NOOP("Storybook::StoryWords",
                                             "Once upon a time, a little fox found a lantern in the snow, and it glowed just for her."));
}

Llm::ConnectionSettings VoicePage::provider(const Llm::ConnectionSettings& network) const
{
    Llm::ConnectionSettings settings = network;
    settings.baseUrl = QUrl(m_baseUrl->text().trimmed());
    settings.model = m_model->text().trimmed();
    settings.apiKey = m_apiKey->text().trimmed();
    settings.idleTimeout = m_initial.idleTimeout;
    settings.totalTimeout = m_initial.totalTimeout;
    return settings;
}

Llm::VoiceSettings VoicePage::voice() const
{
    Llm::VoiceSettings out;
    out.enabled = !isNone();
    if (const QString id = voiceId(); !id.isEmpty())
        out.voice = id;
    out.speed = m_speed->value();
    // Sent only to a model that takes it (a style typed for another model is not kept).
    out.instructions = styleAccepted() || isNone() ? m_style->text().trimmed() : QString();
    out.format = Llm::AudioFormat(m_format->currentData().toInt());
    return out;
}

bool VoicePage::narrateNewPages() const
{
    return m_auto->isChecked();
}

QStringList VoicePage::problems() const
{
    QStringList out;
    if (isNone())
        return out;
    const QString text = m_baseUrl->text().trimmed();
    const QUrl url(text);
    if (text.isEmpty() || !url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        out.append(tr("The voice provider's base URL must start with http:// or https://."));
    if (m_model->text().trimmed().isEmpty())
        out.append(tr("Enter the voice provider's speech model."));
    if (voiceId().isEmpty())
        out.append(tr("Choose or type a voice."));
    return out;
}

void VoicePage::playSample()
{
    const Llm::ConnectionSettings network =
        m_network ? m_network() : Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Speech);
    const Llm::VoiceSettings settings = voice();
    m_sampleButton->setEnabled(false);
    Form::setTone(m_sampleResult, Form::Tone::Normal);
    m_sampleResult->setText(tr("Asking the voice provider to speak…"));
    m_sampleResult->setVisible(true);
    m_sample->play(provider(network), settings, sampleText(language()));
}

void VoicePage::cancelSample()
{
    m_sample->cancel();
    m_sampleButton->setEnabled(!isNone());
}

} // namespace Storybook::SettingsUi
