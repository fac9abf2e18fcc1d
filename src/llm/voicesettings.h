#pragma once

#include "speechaudio.h"

#include <QString>

class QSettings;

namespace Storybook::Llm {

// What the speech provider is asked for besides its connection (ConnectionSettings::Role::Speech):
// whether the app uses it at all, the voice, the speed, the speaking style and the audio format. Keys
// "speech/providerEnabled", "speech/providerVoice", "speech/speed", "speech/instructions",
// "speech/format"; the GUI and the CLI share them. The provider's voice has a key of its own:
// "speech/voice" and "speech/rate" are the system voice's (Speech::SpeechSettings, Settings →
// General), and saving one never changes the other. The speech provider's API key is its own
// secret: the keychain entry KeychainName, or STORYBOOK_SPEECH_API_KEY for the CLI.
struct VoiceSettings
{
    static constexpr const char* KeychainName = "speech-api-key";
    static constexpr const char* KeyEnvironmentVariable = "STORYBOOK_SPEECH_API_KEY";
    static constexpr double MinSpeed = 0.25; // OpenAI's range
    static constexpr double MaxSpeed = 4.0;

    // False ("None" in Settings → Voice, the default): the app reads with the system voice and asks no
    // speech provider; the CLI's speak and diagnose --voice use the provider all the same.
    bool enabled = false;
    QString voice{QStringLiteral("alloy")}; // OpenAI: alloy, ash, coral, ...; SiliconFlow: "FunAudioLLM/CosyVoice2-0.5B:alex"
    double speed = 1.0;
    QString instructions; // a speaking style ("a warm, calm bedtime voice"); gpt-4o-mini-tts only
    AudioFormat format = AudioFormat::Mp3;

    // Unknown or malformed values fall back to the defaults.
    static VoiceSettings load(QSettings& settings);
    void save(QSettings& settings) const;
};

} // namespace Storybook::Llm
