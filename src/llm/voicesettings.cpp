#include "voicesettings.h"

#include <QSettings>

namespace Storybook::Llm {

namespace {
// Not "speech/voice": that is the system voice's (Speech::SpeechSettings).
const auto VoiceKey = QStringLiteral("speech/providerVoice");
const auto EnabledKey = QStringLiteral("speech/providerEnabled");
const auto SpeedKey = QStringLiteral("speech/speed");
const auto InstructionsKey = QStringLiteral("speech/instructions");
const auto FormatKey = QStringLiteral("speech/format");
} // namespace

VoiceSettings VoiceSettings::load(QSettings& settings)
{
    VoiceSettings result;
    result.enabled = settings.value(EnabledKey, false).toBool();
    if (const QString voice = settings.value(VoiceKey).toString().trimmed(); !voice.isEmpty())
        result.voice = voice;
    bool ok = false;
    if (const double speed = settings.value(SpeedKey).toDouble(&ok); ok && speed >= MinSpeed && speed <= MaxSpeed)
        result.speed = speed;
    result.instructions = settings.value(InstructionsKey).toString().trimmed();
    if (const AudioFormat format = audioFormatFromName(settings.value(FormatKey).toString()); format != AudioFormat::Unknown)
        result.format = format;
    return result;
}

void VoiceSettings::save(QSettings& settings) const
{
    settings.setValue(EnabledKey, enabled);
    settings.setValue(VoiceKey, voice);
    settings.setValue(SpeedKey, speed);
    settings.setValue(InstructionsKey, instructions);
    settings.setValue(FormatKey, audioFormatName(format));
}

} // namespace Storybook::Llm
