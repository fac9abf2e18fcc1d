#pragma once

#include "narrator.h"
#include "speechsettings.h"
#include "story.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace Storybook::Speech {
class NarrationPlayer;
class SpeechEngine;
} // namespace Storybook::Speech

namespace Storybook::Widgets {

/*!
 * Reads a page aloud and chooses the voice (the reader's "Read aloud"):
 *
 * 1. the page's recording (a person's voice), else its synthesised narration, when it has a clip for
 *    every sentence of the text (clips for the question and answers are optional): the stored clips
 *    play back to back through Speech::NarrationPlayer, the sentence highlighted exactly;
 * 2. else, when the app said a voice provider is available (setProviderAvailable; the viewer never
 *    does), narrationWanted(pageId) asks for the page's narration and what is already there plays;
 *    clips that arrive with a newer snapshot (updateStory) play in order, a missing one is waited
 *    for (bounded: waitLimitMs), then that part is read by the system voice;
 * 3. else the system voice (Speech::Narrator), sentence by sentence.
 *
 * A part with no clip in stored playback (an optional question, or after a wait ran out) is read by
 * the system voice, and playback goes on with the clips after it. When the stored narration cannot
 * be played (no audio device, a clip that cannot be read) the rest is read by the system voice and
 * voiceLine() says why. partStarted() gives the part being heard for the highlight.
 */
class ReadAloud final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadAloud)

public:
    enum class Voice {
        None,        // not chosen yet
        Recording,   // the page's recording
        Synthesised, // the synthesised narration kept in the story
        Requested,   // asked of the voice provider; what arrives plays, the rest by the system voice
        System,      // the system's speech engine
    };

    explicit ReadAloud(QObject* parent = nullptr);
    ~ReadAloud() override;

    void setSpeechSettings(const Speech::SpeechSettings& settings);
    // Not owned; for tests (the default is the system's engine, made on first use).
    void setSpeechEngine(Speech::SpeechEngine* engine);
    // The system voice can be used (stored narration plays without it).
    [[nodiscard]] bool speechAvailable() const;
    void setProviderAvailable(bool available) { m_providerAvailable = available; }
    [[nodiscard]] bool providerAvailable() const { return m_providerAvailable; }
    // How long a missing clip is waited for (Requested), from when the clips before it are heard.
    void setWaitLimitMs(int ms) { m_waitLimitMs = ms; }

    // The voice that would read `page` now, and the line that says so (translated).
    [[nodiscard]] Voice choose(const Story::Page& page, bool withQuestion) const;
    [[nodiscard]] QString voiceLine(const Story::Page& page, Voice voice) const;

    // Reads page `pageId` of `story` (its text, then, with `withQuestion`, the question and answers).
    // Returns a translated problem, or empty when reading started.
    QString read(std::shared_ptr<const Story::Story> story, const QString& pageId, bool withQuestion);
    // A newer snapshot of the story being read: clips that arrived in it play when their turn comes.
    void updateStory(std::shared_ptr<const Story::Story> story);
    void stop();
    [[nodiscard]] bool isReading() const { return m_reading; }
    [[nodiscard]] Voice voice() const { return m_voice; }
    // The line for the current reading (set by read(), changed when the voice falls back).
    [[nodiscard]] QString currentVoiceLine() const { return m_line; }
    [[nodiscard]] QString readingPageId() const { return m_pageId; }
    // The stored-narration player (null until stored narration was first played), for tests and benches.
    [[nodiscard]] Speech::NarrationPlayer* player() const { return m_player; }

Q_SIGNALS:
    // Part `index` of the page (partsForPage order) is being heard: start/length in the text, or -1.
    void partStarted(int index, int start, int length);
    void finished();
    void failed(const QString& problem);
    void readingChanged(bool reading);
    // The voice line changed (a new reading, or a fallback).
    void voiceLineChanged(const QString& line);
    // The page has no complete narration and a provider is available: the app may synthesise it.
    void narrationWanted(const QString& pageId);

private:
    struct Clip
    {
        QByteArray bytes;
        QString mimeType;
    };
    [[nodiscard]] const Story::Page* page() const;
    [[nodiscard]] std::optional<Clip> clipFor(int part) const;
    [[nodiscard]] static bool covers(const Story::Narration* narration, const QList<Speech::Narrator::Part>& parts);
    Speech::Narrator* narrator();
    Speech::NarrationPlayer* ensurePlayer();
    void advance();
    void playRun();
    void appendArrived();
    void onClipStarted(int runIndex);
    void onRunFinished();
    void onPlayerFailed(const QString& problem);
    void speakPart();
    void startWaiting();
    void onWaitExpired();
    void setLine(const QString& line);
    void setReading(bool reading);
    void finish();

    Speech::SpeechSettings m_settings;
    Speech::SpeechEngine* m_engine = nullptr; // the injected one, or m_ownEngine
    std::unique_ptr<Speech::SpeechEngine> m_ownEngine;
    Speech::Narrator* m_narrator = nullptr;     // child
    Speech::NarrationPlayer* m_player = nullptr; // child
    QTimer* m_wait = nullptr;
    bool m_providerAvailable = false;
    int m_waitLimitMs = 15000;

    std::shared_ptr<const Story::Story> m_story;
    QString m_pageId;
    QList<Speech::Narrator::Part> m_parts;
    Voice m_voice = Voice::None;
    QString m_line;
    bool m_reading = false;
    bool m_storedBroken = false; // the player failed: the rest by the system voice
    int m_next = 0;              // the next part not yet given to a voice
    QList<int> m_run;            // the parts given to the player, in its clip order
    bool m_runOpen = false;      // the player's input is open (waiting for the next clip)
    int m_timedOut = -1;         // the part whose wait ran out (read by the system voice)
    int m_speaking = -1;         // the part the system voice reads
};

} // namespace Storybook::Widgets
