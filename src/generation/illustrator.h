#pragma once

#include "imagejob.h"
#include "llmerror.h"
#include "story.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QSettings;

namespace Storybook::Llm {
class LlmClient;
} // namespace Storybook::Llm

namespace Storybook::Generation {

// How pictures are painted for an illustrated story (the app's settings; the provider itself is the
// picture role of Llm::ConnectionSettings). Keys "pictures/enabled", "pictures/artStyle",
// "pictures/size", "pictures/quality".
struct PicturePreferences
{
    bool enabled = false;                           // new stories are illustrated
    QString artStyle = QStringLiteral("watercolour"); // Story::PicturePrompts::artStyles()
    QString size = QStringLiteral("1024x1024");     // empty: the provider's default
    QString quality;                                // empty: not sent

    static PicturePreferences load(QSettings& settings);
    void save(QSettings& settings) const;
};

// Paints the pictures of the open story, one at a time, through the picture provider: the character
// sheet first when the story has a cast and no sheet, then each page asked for, from its scene, the
// art style and the cast's looks, with the sheet as the reference picture where the provider takes
// references (POST /images/edits; a provider that refuses them gets the same text without, from then
// on). It never changes a story: it reads a snapshot when a picture starts and hands the result to
// whoever owns the story (StoryGenerator), so a picture never blocks or fails a page's text.
class Illustrator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Illustrator)

public:
    using StorySource = std::function<std::shared_ptr<const Story::Story>()>;

    Illustrator(Llm::LlmClient* client, StorySource source, QObject* parent = nullptr);
    ~Illustrator() override;

    void setClient(Llm::LlmClient* client);
    void setPreferences(const PicturePreferences& preferences) { m_preferences = preferences; }

    // Queues a page's picture (an empty pageId: the character sheet). Without `again`, a page that
    // has a picture, or is queued or being painted, is left alone.
    void request(const QString& storyId, const QString& pageId, bool again = false);
    // Forgets the queue and stops the picture being painted (silently: no failure is reported).
    void cancel();

    [[nodiscard]] bool isBusy() const { return !m_job.isNull(); }
    // Queued or being painted.
    [[nodiscard]] bool isPending(const QString& storyId, const QString& pageId) const;

Q_SIGNALS:
    void pictureStarted(const QString& storyId, const QString& pageId);
    void picturePainted(const QString& storyId, const QString& pageId, const Storybook::Llm::ImageResult& result,
                        const QString& prompt);
    void pictureFailed(const QString& storyId, const QString& pageId, const Storybook::Llm::LlmError& error);
    void idle(); // nothing queued or being painted any more

private:
    struct Target
    {
        QString storyId;
        QString pageId; // empty: the character sheet
        bool again = false;
        bool operator==(const Target& other) const { return storyId == other.storyId && pageId == other.pageId; }
    };

    void startNext();
    void onFinished();
    [[nodiscard]] static bool refusesReferences(const Llm::LlmError& error);

    QPointer<Llm::LlmClient> m_client;
    StorySource m_source;
    PicturePreferences m_preferences;
    QList<Target> m_queue;
    Target m_current;
    bool m_currentUsedReferences = false;
    QString m_currentPrompt;
    QPointer<Llm::ImageJob> m_job;
    bool m_referencesRefused = false; // the provider refused reference pictures once: text only from then on
    QString m_sheetFailedFor;          // a story whose sheet failed: its pages are painted without one
};

} // namespace Storybook::Generation
