#include "narrationahead.h"

#include "narrationmaker.h"
#include "sentencesplitter.h"
#include "storygenerator.h"

namespace Storybook::Generation {

namespace {
QString pageKey(const QString& storyId, const QString& pageId)
{
    return storyId + QLatin1Char('/') + pageId;
}
} // namespace

NarrationAhead::NarrationAhead(StoryGenerator* generator, NarrationMaker* maker, QObject* parent)
    : QObject(parent)
    , m_generator(generator)
    , m_maker(maker)
{
    if (!generator)
        return;
    connect(generator, &StoryGenerator::pageStarted, this, &NarrationAhead::onStarted);
    connect(generator, &StoryGenerator::pageTextAppended, this, &NarrationAhead::onAppended);
    connect(generator, &StoryGenerator::pageFinished, this, &NarrationAhead::onFinished);
    connect(generator, &StoryGenerator::failed, this,
            [this](const QString& storyId, const QString& pageId) { onFailed(storyId, pageId); });
}

void NarrationAhead::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        m_streamed.clear();
}

void NarrationAhead::onStarted(const QString& storyId, const QString& pageId)
{
    if (m_maker) {
        // The page is written (again): what was asked for an earlier text of it is not wanted.
        m_maker->cancelPage(storyId, pageId);
        m_maker->forget(storyId, pageId);
    }
    if (m_enabled)
        m_streamed.insert(pageKey(storyId, pageId), QString());
}

void NarrationAhead::onAppended(const QString& storyId, const QString& pageId, const QString& text)
{
    const auto it = m_streamed.find(pageKey(storyId, pageId));
    if (!m_enabled || !m_maker || it == m_streamed.end())
        return;
    it->append(text);
    const QString& streamed = *it;
    const QList<Speech::Sentence> sentences = Speech::splitSentences(streamed);
    QStringList complete;
    for (qsizetype i = 0; i + 1 < sentences.size(); ++i)
        complete.append(streamed.mid(sentences.at(i).start, sentences.at(i).length));
    if (!complete.isEmpty())
        m_maker->requestTexts(storyId, pageId, complete); // texts asked for already are skipped
}

void NarrationAhead::onFinished(const QString& storyId, const QString& pageId)
{
    const bool followed = m_streamed.remove(pageKey(storyId, pageId)) > 0;
    if (!m_enabled || !m_maker || !followed)
        return;
    // The final page: every part without a clip (the last sentence, a sentence the parser settled
    // differently, the question and the answers). Parts on their way are not asked for twice.
    m_maker->request(storyId, pageId);
}

void NarrationAhead::onFailed(const QString& storyId, const QString& pageId)
{
    m_streamed.remove(pageKey(storyId, pageId));
    if (m_maker) {
        m_maker->cancelPage(storyId, pageId);
        m_maker->forget(storyId, pageId);
    }
}

} // namespace Storybook::Generation
