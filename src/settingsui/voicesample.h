#pragma once

#include "connectionsettings.h"
#include "voicesettings.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAudioOutput;
class QMediaPlayer;
class QTemporaryFile;

namespace Storybook::Llm {
class LlmClient;
class SpeechJob;
} // namespace Storybook::Llm

namespace Storybook::SettingsUi {

// "Play a sample" of Settings → Voice: speaks one sentence through a client of its own, built from
// the values in the dialog (not yet saved), and plays the audio with Qt Multimedia (QMediaPlayer on
// a temporary file of the bytes as sent; raw pcm gets a WAV header). One sample at a time: a new
// play() or cancel() stops the one before, and destroying the object at any moment stops the
// request and the player (nothing reaches a destroyed page).
class VoiceSample final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VoiceSample)

public:
    enum class State { Idle, Speaking, Playing };

    explicit VoiceSample(QObject* parent = nullptr);
    ~VoiceSample() override;

    void play(const Llm::ConnectionSettings& provider, const Llm::VoiceSettings& voice, const QString& text);
    void cancel();

    [[nodiscard]] State state() const { return m_state; }
    // The audio of the last sample, as the provider sent it.
    [[nodiscard]] QByteArray audio() const { return m_audio; }
    [[nodiscard]] QMediaPlayer* player() const { return m_player.get(); }
    // How far the last sample played, in ms (the furthest playback position seen, up to its end).
    [[nodiscard]] qint64 playedMs() const { return m_playedMs; }

    // A WAV file of raw pcm (signed 16-bit little-endian mono at `sampleRate`).
    [[nodiscard]] static QByteArray wavOfPcm(const QByteArray& pcm, int sampleRate);

Q_SIGNALS:
    void spoken(qsizetype bytes); // the audio arrived; playback starts
    void playing();               // the player plays it
    // The sample ended: played to its end (problem empty), or a translated problem (the network
    // core's explained error, or why the audio did not play). Not emitted by cancel().
    void finished(const QString& problem);

private:
    void startPlayback();
    void end(const QString& problem);
    void stopPlayer();

    State m_state = State::Idle;
    QPointer<Llm::LlmClient> m_client;
    QPointer<Llm::SpeechJob> m_job;
    QByteArray m_audio;
    qint64 m_playedMs = 0;
    Llm::AudioFormat m_format = Llm::AudioFormat::Unknown;
    // Declared so the player dies before its output and its file.
    std::unique_ptr<QTemporaryFile> m_file;
    std::unique_ptr<QAudioOutput> m_output;
    std::unique_ptr<QMediaPlayer> m_player;
};

} // namespace Storybook::SettingsUi
