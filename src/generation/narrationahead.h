#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Storybook::Generation {

class NarrationMaker;
class StoryGenerator;

// Narrates a page while it is written (issue 16): watches the generator's stream and asks the
// NarrationMaker for each sentence as soon as it is complete in the stream (Speech::splitSentences of
// the streamed text has another sentence after it), then, when the page is finished, for every part
// of the final page that has no clip yet (a sentence the final text changed, the question, the
// answers). A page that is stopped or fails stops its narration; a page started again (written anew)
// drops what was asked for its earlier text, so no clip of a replaced version is stored on the new one.
// Neither object is owned; either may be destroyed first.
class NarrationAhead final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NarrationAhead)

public:
    NarrationAhead(StoryGenerator* generator, NarrationMaker* maker, QObject* parent = nullptr);

    // Off: nothing is asked for (the setting "narration/auto", or no speech provider).
    void setEnabled(bool enabled);
    [[nodiscard]] bool isEnabled() const { return m_enabled; }

private:
    void onStarted(const QString& storyId, const QString& pageId);
    void onAppended(const QString& storyId, const QString& pageId, const QString& text);
    void onFinished(const QString& storyId, const QString& pageId);
    void onFailed(const QString& storyId, const QString& pageId);

    QPointer<StoryGenerator> m_generator;
    QPointer<NarrationMaker> m_maker;
    bool m_enabled = false;
    QHash<QString, QString> m_streamed; // "storyId/pageId" → the text streamed so far
};

} // namespace Storybook::Generation
