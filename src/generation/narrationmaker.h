#pragma once

#include "llmerror.h"
#include "narration.h"
#include "story.h"
#include "voicesettings.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QSettings;

namespace Storybook::Llm {
class LlmClient;
class SpeechJob;
} // namespace Storybook::Llm

namespace Storybook::Generation {

// Whether new pages are narrated by the speech provider while they are written (the app's setting;
// the provider itself is the speech role of Llm::ConnectionSettings, its voice Llm::VoiceSettings).
// Key "narration/auto" (Settings → Voice writes it).
struct NarrationPreferences
{
    bool narrateNewPages = false;

    static NarrationPreferences load(QSettings& settings);
    void save(QSettings& settings) const;
};

// Synthesises the narration of pages of the open story through the speech provider, one request per
// spoken part (a sentence of the page, its question, each answer: exactly the texts of
// Speech::Narrator::partsForPage, so Story::Narration::clipFor finds them), at most MaxInFlight at
// a time, in reading order. Like the Illustrator it never changes a story: it reads a snapshot when a
// page is asked for and hands each clip over as soon as it arrived (clipReady), for whoever owns the
// story to keep (StoryGenerator::storeNarration, Merge). A failed part is reported (partFailed) and
// never loses the others (an error every part would meet stops the rest: failsEveryPart). Each clip's duration is read from its bytes (audioDurationMs: wav, pcm
// and mp3; 0 for the others). Audio is kept as the provider sent it.
class NarrationMaker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NarrationMaker)

public:
    using StorySource = std::function<std::shared_ptr<const Story::Story>()>;
    static constexpr int MaxInFlight = 2;

    NarrationMaker(Llm::LlmClient* client, const Llm::VoiceSettings& voice, StorySource source, QObject* parent = nullptr);
    ~NarrationMaker() override;

    void setClient(Llm::LlmClient* client);
    void setVoiceSettings(const Llm::VoiceSettings& voice) { m_voice = voice; }
    [[nodiscard]] const Llm::VoiceSettings& voiceSettings() const { return m_voice; }

    // Queues every part of a page that has no clip in its synthesised narration (with `again`: every
    // part). Parts queued or being spoken already are not asked for twice.
    void request(const QString& storyId, const QString& pageId, bool again = false);
    // Queues the given texts of a page (fetch-ahead while the page is written: its sentences as they
    // complete in the stream). Texts queued, being spoken or spoken already for that page are skipped.
    void requestTexts(const QString& storyId, const QString& pageId, const QStringList& texts);
    // Forgets the queue and stops what is being spoken (silently: no failure is reported).
    void cancel();
    // The same, for one page only.
    void cancelPage(const QString& storyId, const QString& pageId);

    [[nodiscard]] bool isBusy() const { return !m_running.isEmpty() || !m_queue.isEmpty(); }
    // Some part of the page is queued or being spoken.
    [[nodiscard]] bool isPending(const QString& storyId, const QString& pageId) const;

    // Forgets which texts of a page requestTexts() asked for (a page written again starts afresh).
    void forget(const QString& storyId, const QString& pageId);

    // An error every other part would meet too (a wrong key, no credit, an unknown model, no route to
    // the provider): after it the queue is dropped and the parts on their way are stopped, silently.
    [[nodiscard]] static bool failsEveryPart(const Llm::LlmError& error);

    // The texts read aloud for a page, trimmed, each once, in reading order: its sentences, then the
    // question and the answers where the reader reads them (an interactive page that does not end).
    [[nodiscard]] static QStringList partTexts(const Story::Story& story, const Story::Page& page);

Q_SIGNALS:
    // The request for one part was sent (fetch-ahead is measured from here).
    void partStarted(const QString& storyId, const QString& pageId, const QString& text);
    // One part arrived: `narration` is synthesised, names the voice and model and holds that one clip;
    // `bytes` maps the clip's entry to its audio.
    void clipReady(const QString& storyId, const QString& pageId, const Storybook::Story::Narration& narration,
                   const QHash<QString, QByteArray>& bytes);
    void partFailed(const QString& storyId, const QString& pageId, const QString& text,
                    const Storybook::Llm::LlmError& error);
    // Nothing of that page is queued or being spoken any more.
    void pageDone(const QString& storyId, const QString& pageId);
    void idle(); // nothing queued or being spoken any more

private:
    struct Part
    {
        QString storyId;
        QString pageId;
        QString text;
        [[nodiscard]] bool samePage(const QString& story, const QString& page) const
        {
            return storyId == story && pageId == page;
        }
    };
    struct Running
    {
        Part part;
        QPointer<Llm::SpeechJob> job;
    };

    void enqueue(const QString& storyId, const QString& pageId, const QStringList& texts);
    void startNext();
    void onFinished(Llm::SpeechJob* job);
    void reportIfDone(const QString& storyId, const QString& pageId);
    [[nodiscard]] bool isQueuedOrRunning(const QString& storyId, const QString& pageId, const QString& text) const;

    QPointer<Llm::LlmClient> m_client;
    Llm::VoiceSettings m_voice;
    StorySource m_source;
    QList<Part> m_queue;
    QList<Running> m_running;
    QHash<QString, QStringList> m_asked; // "storyId/pageId" → texts asked for by requestTexts (fetch-ahead)
};

} // namespace Storybook::Generation
