#pragma once

#include "illustrator.h"
#include "library.h"
#include "llmerror.h"
#include "pageparser.h"
#include "promptbuilder.h"
#include "story.h"

#include <QObject>
#include <QPointer>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Storybook::Llm {
class ChatJob;
class LlmClient;
class ModerationJob;
} // namespace Storybook::Llm

namespace Storybook::Generation {

// Writes stories page by page: prompt (story layer) → chat (network layer) → tolerant page parser
// → the story, autosaved through the library while the text streams. One generation at a time.
// Interactive mode stops after each page; read-to-me follows the first suggested answer to the end.
class StoryGenerator final : public QObject
{
    Q_OBJECT

public:
    StoryGenerator(Llm::LlmClient* client, Story::Library* library, QObject* parent = nullptr);
    ~StoryGenerator() override;
    Q_DISABLE_COPY_MOVE(StoryGenerator)

    // Each returns an empty string when the work started, else a translated reason (busy, no
    // such page...). Progress comes through the signals.
    QString startNew(const Story::StorySettings& settings);
    // The child answered the page's question: with suggested answer `optionIndex`, or in their own
    // words (`optionIndex` -1). An answer given before goes back to its branch without generating.
    QString answer(const QString& storyId, const QString& pageId, int optionIndex, const QString& ownAnswer);
    // Writes the page again; the old version stays until the new one is complete.
    QString regenerate(const QString& storyId, const QString& pageId);
    // Continues a read-to-me story (or a finished page of one) from the end of its reading path.
    QString continueReading(const QString& storyId);
    void stop();

    // The story to show and work on (loaded from the library). Fails while a page is being written
    // for another story.
    QString open(const QString& storyId);
    // Edits by hand, saved at once: a page's text, whether it ends the story, the title.
    QString editPageText(const QString& storyId, const QString& pageId, const QString& text);
    QString setEnding(const QString& storyId, const QString& pageId, bool ending);
    QString rename(const QString& storyId, const QString& title);
    // Moves the reading path through a page (remembered in the story file).
    QString goTo(const QString& storyId, const QString& pageId);
    // Forgets the open story (e.g. after it was deleted).
    void close();

    // Pictures (for stories with settings.pictures): painted through this client, one at a time,
    // after each page's text; nullptr: none are painted. Not owned.
    void setPictureClient(Llm::LlmClient* client);
    void setPicturePreferences(const PicturePreferences& preferences);
    // Paints a page's picture again (the old one stays until the new one is complete), or, with an
    // empty pageId, every picture the story is missing (the character sheet and the pages of its
    // reading path).
    QString paintPicture(const QString& storyId, const QString& pageId);
    [[nodiscard]] bool isPainting(const QString& pageId) const;
    [[nodiscard]] bool isPaintingPictures() const;
    // A story with pictures is written off the GUI thread; true while such a write is on its way.
    [[nodiscard]] bool isSaving() const;
    // Waits until every write of the story has reached the disk (the end of a run, tests).
    void waitForSaves();

    // Narration (issue 16), kept in the story and saved at once; also for the page being written
    // (its first sentences are spoken while the rest streams). `narration` names its source
    // (synthesised or recorded) and its clips; `bytes` holds each clip's entry → audio bytes, as sent
    // or recorded. Merge adds the clips to the page's narration of that source (a clip with the same
    // words is replaced; the voice, model and time follow `narration`); Replace makes `narration`
    // the page's narration of that source. Assets no clip names any more are dropped.
    enum class NarrationStore { Merge, Replace };
    QString storeNarration(const QString& storyId, const QString& pageId, const Story::Narration& narration,
                           const QHash<QString, QByteArray>& bytes, NarrationStore how);
    // Forgets a page's narration of one source (e.g. "Delete my recording").
    QString removeNarration(const QString& storyId, const QString& pageId, Story::Narration::Source source);

    // Makes earlier version `index` of a page current again (its question and branches come back);
    // the current version is kept as an earlier one.
    QString restoreVersion(const QString& storyId, const QString& pageId, qsizetype index);

    // Gentle safety (issue 19): a page the provider refuses (finish reason content_filter, or a refusal
    // error) is written once more with the gentler instruction (PromptBuilder::gentlerAgain) before it is
    // given up as a draft with its reason; what streamed of the refused try is replaced (pageStarted again).
    void setGentleRetry(bool on) { m_gentleRetry = on; }
    [[nodiscard]] bool gentleRetry() const { return m_gentleRetry; }
    // Optional moderation (issue 19): each finished page's text is checked with the provider's moderation
    // (Llm::ModerationJob) before it is complete and shown; the generator stays busy meanwhile. A flagged page
    // is written once more gently, then left a draft with reason "moderation"; a check that fails (network,
    // key) shows the page and reports moderationFailed for the parent.
    void setModeration(bool on) { m_moderation = on; }
    [[nodiscard]] bool moderation() const { return m_moderation; }

    [[nodiscard]] bool isBusy() const;
    // The page being written (empty when idle).
    [[nodiscard]] QString writingPageId() const { return isBusy() ? m_pageId : QString(); }
    // The open story as it is now: an immutable snapshot shared with whoever holds it, so a view
    // keeps a story alive and unchanged however the generator moves on (nullptr when none is open).
    // A new snapshot is made after each change, when it is first asked for.
    [[nodiscard]] std::shared_ptr<const Story::Story> story() const;
    [[nodiscard]] QString storyId() const { return m_story ? m_story->id : QString(); }
    void setAutosaveInterval(int ms) { m_autosave.setInterval(ms); }

Q_SIGNALS:
    void storyChanged(const QString& storyId); // pages added, finished, path moved, title set
    void pageStarted(const QString& storyId, const QString& pageId);
    void pageTextAppended(const QString& storyId, const QString& pageId, const QString& text);
    void pageFinished(const QString& storyId, const QString& pageId);
    // A page failed or was stopped; what arrived is kept as a draft.
    void failed(const QString& storyId, const QString& pageId, const Storybook::Llm::LlmError& error);
    void saveFailed(const QString& message);
    // The run is over (one page in interactive mode; the whole story in read-to-me mode).
    void finished(const QString& storyId);
    // A picture is being painted (empty pageId: the character sheet); when it is done the story
    // changes (storyChanged); a failure never touches the page's text.
    void pictureStarted(const QString& storyId, const QString& pageId);
    void pictureFailed(const QString& storyId, const QString& pageId, const Storybook::Llm::LlmError& error);
    // A picture was painted and is in the story now (after storyChanged).
    void picturePainted(const QString& storyId, const QString& pageId);
    // Nothing is being painted or waiting any more.
    void picturesIdle();
    // The moderation of a page could not be made; the page was shown unchecked (setModeration).
    void moderationFailed(const QString& storyId, const QString& pageId, const Storybook::Llm::LlmError& error);
    // A page's narration changed (after storyChanged).
    void narrationChanged(const QString& storyId, const QString& pageId);

private:
    QString loadStory(const QString& storyId);
    QString editOpenStory(const QString& storyId, const std::function<bool(Story::Story&)>& edit);
    void generate(const QString& pageId, const Story::Prompt& prompt, bool regenerating);
    void onDelta(const QString& delta);
    void onJobFinished();
    void checkThenComplete(const QString& pageId, const Story::ParsedPage& parsed, bool firstPage);
    void completePage(const QString& pageId, const Story::ParsedPage& parsed, bool firstPage);
    void publishStreamingText();
    // The working copy, for a change: the snapshot handed out before stays as it was.
    Story::Story& edit();
    void setStory(std::optional<Story::Story> story);
    void applyParsed(const QString& pageId, const Story::ParsedPage& parsed, bool firstPage);
    void requestMissingPictures();
    void storePicture(const QString& storyId, const QString& pageId, const Llm::ImageResult& result, const QString& prompt);
    void mergeCast(const QList<Story::CastMember>& cast);
    // The code a draft keeps for why it stopped (Story::Page::noteCode).
    [[nodiscard]] static QString draftReasonCode(const Llm::LlmError& error, const QString& finishReason, bool usable);
    [[nodiscard]] Llm::LlmError cutShortError(const QString& finishReason) const;
    void save();
    void finishSave();
    void endRun();

    QPointer<Llm::LlmClient> m_client;
    Story::Library* m_library;
    Story::PromptBuilder m_prompts;
    std::optional<Story::Story> m_story; // the working copy; only edit() hands it out for changes
    mutable std::shared_ptr<const Story::Story> m_snapshot; // of m_story, made by story()
    QPointer<Llm::ChatJob> m_job;
    std::optional<Story::PageParser> m_parser;
    QString m_pageId;
    QString m_shownText; // what pageTextAppended has delivered so far for the current page
    Story::Prompt m_prompt;
    bool m_regenerating = false;
    bool m_stopping = false;
    bool m_gentleRetry = false;
    bool m_moderation = false;
    QPointer<Llm::ModerationJob> m_checking; // the moderation of the finished page, while it runs
    int m_readToMeBudget = 0;
    std::unique_ptr<Illustrator> m_illustrator; // reads snapshots of m_story, hands pictures back
    QTimer m_autosave;
    QFutureWatcher<QString> m_saveWatcher; // the write of a story with pictures (its problem, or "")
    std::shared_ptr<const Story::Story> m_saving; // what that write writes
    QString m_savingPath;
    bool m_saveAgain = false; // changed while it was written: write again when it is done
    QTimer m_publish; // a throttled publishStreamingText()
    QElapsedTimer m_sincePublish;
    bool m_dirty = false;
};

} // namespace Storybook::Generation
