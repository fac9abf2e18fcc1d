#include "generalpage.h"

#include "formhelpers.h"
#include "i18n.h"
#include "speechengine.h"

#include "ui_generalpage.h"

#include <algorithm>

namespace Storybook::SettingsUi {

GeneralPage::GeneralPage(const QString& language, const Speech::SpeechSettings& speech, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::GeneralPage>())
{
    m_ui->setupUi(this);
    Form::keepMessageRowsVisible(this);
    Form::setTone(m_ui->languageNoteLabel, Form::Tone::Quiet);
    (new Form::WrapFitter(this))->watch(m_ui->languageNoteLabel);

    m_ui->languageCombo->addItem(tr("Same as the system"), QString());
    // Language names stay in their own language, so everyone finds theirs.
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_ui->languageCombo->setCurrentIndex(std::max(0, m_ui->languageCombo->findData(language)));

    m_ui->voiceCombo->addItem(tr("The usual voice of the story's language"), QString());
    if (!speech.voice.isEmpty())
        m_ui->voiceCombo->addItem(speech.voice, speech.voice); // kept even before the engine lists it
    m_ui->voiceCombo->setCurrentIndex(m_ui->voiceCombo->count() - 1);
    m_ui->speedSlider->setValue(qRound(speech.rate * 10));
    m_ui->speechProblemLabel->setVisible(false);
    updateSpeedLabel();
    connect(m_ui->speedSlider, &QSlider::valueChanged, this, &GeneralPage::updateSpeedLabel);
    connect(m_ui->tryVoiceButton, &QPushButton::clicked, this, &GeneralPage::tryVoice);
}

GeneralPage::~GeneralPage() = default;

QString GeneralPage::language() const
{
    return m_ui->languageCombo->currentData().toString();
}

Speech::SpeechSettings GeneralPage::speech() const
{
    Speech::SpeechSettings out;
    out.voice = m_ui->voiceCombo->currentData().toString();
    out.rate = m_ui->speedSlider->value() / 10.0;
    return out;
}

void GeneralPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fillVoices();
}

void GeneralPage::showSpeechProblem(const QString& problem)
{
    m_ui->speechProblemLabel->setText(problem);
    m_ui->speechProblemLabel->setVisible(!problem.isEmpty());
}

void GeneralPage::fillVoices()
{
    if (m_speechEngine)
        return;
    m_speechEngine = Speech::createSystemEngine();
    connect(m_speechEngine.get(), &Speech::SpeechEngine::failed, m_ui->speechProblemLabel,
            [this](const QString& failure) { showSpeechProblem(failure); });
    const QString problem = m_speechEngine->problem();
    showSpeechProblem(problem);
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

void GeneralPage::updateSpeedLabel()
{
    const int value = m_ui->speedSlider->value();
    m_ui->speedValueLabel->setText(value == 0 ? tr("Normal") : value < 0 ? tr("Slower") : tr("Faster"));
}

void GeneralPage::tryVoice()
{
    fillVoices();
    // A sentence in the interface language, spoken with the chosen voice and speed.
    const QString sample = tr("Once upon a time, a little fox found a lantern in the snow.");
    const QString problem = m_speechEngine->prepare(I18n::current(), m_ui->voiceCombo->currentData().toString());
    if (problem.isEmpty()) {
        m_speechEngine->stop();
        m_speechEngine->setRate(m_ui->speedSlider->value() / 10.0);
        m_speechEngine->say(sample);
    }
    showSpeechProblem(problem);
}

} // namespace Storybook::SettingsUi
