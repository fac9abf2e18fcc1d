#include "readaloud.h"

#include "narrationplayer.h"
#include "speechengine.h"

#include <QTimer>

namespace Storybook::Widgets {

ReadAloud::ReadAloud(QObject* parent)
    : QObject(parent)
    , m_wait(new QTimer(this))
{
    m_wait->setSingleShot(true);
    connect(m_wait, &QTimer::timeout, this, &ReadAloud::onWaitExpired);
}

ReadAloud::~ReadAloud()
{
    // The player and the narrator are children; stop them before the engine they use goes.
    m_wait->stop();
    if (m_player)
        m_player->stop();
    if (m_narrator)
        m_narrator->stop();
    delete m_narrator;
    m_narrator = nullptr;
}

void ReadAloud::setSpeechSettings(const Speech::SpeechSettings& settings)
{
    m_settings = settings;
    if (m_narrator) {
        m_narrator->setVoice(settings.voice);
        m_narrator->setRate(settings.rate);
    }
}

void ReadAloud::setSpeechEngine(Speech::SpeechEngine* engine)
{
    stop();
    delete m_narrator;
    m_narrator = nullptr;
    m_ownEngine.reset();
    m_engine = engine;
}

bool ReadAloud::speechAvailable() const
{
    return m_engine || Speech::systemSpeechBuiltIn();
}

Speech::Narrator* ReadAloud::narrator()
{
    if (m_narrator)
        return m_narrator;
    if (!m_engine) {
        m_ownEngine = Speech::createSystemEngine();
        m_engine = m_ownEngine.get();
    }
    m_narrator = new Speech::Narrator(m_engine, this);
    m_narrator->setVoice(m_settings.voice);
    m_narrator->setRate(m_settings.rate);
    connect(m_narrator, &Speech::Narrator::partStarted, this, [this](int index, int start, int length) {
        if (m_speaking >= 0) // one part of a stored reading
            Q_EMIT partStarted(m_speaking, m_parts.value(m_speaking).start, m_parts.value(m_speaking).length);
        else if (m_reading)
            Q_EMIT partStarted(index, start, length);
    });
    connect(m_narrator, &Speech::Narrator::finished, this, [this] {
        if (!m_reading)
            return;
        if (m_speaking >= 0) {
            m_next = m_speaking + 1;
            m_speaking = -1;
            advance();
        } else {
            finish();
        }
    });
    connect(m_narrator, &Speech::Narrator::failed, this, [this](const QString& problem) {
        if (!m_reading)
            return;
        stop();
        Q_EMIT failed(problem);
    });
    return m_narrator;
}

Speech::NarrationPlayer* ReadAloud::ensurePlayer()
{
    if (m_player)
        return m_player;
    m_player = new Speech::NarrationPlayer(this);
    connect(m_player, &Speech::NarrationPlayer::clipStarted, this, &ReadAloud::onClipStarted);
    connect(m_player, &Speech::NarrationPlayer::finished, this, &ReadAloud::onRunFinished);
    connect(m_player, &Speech::NarrationPlayer::failed, this, &ReadAloud::onPlayerFailed);
    return m_player;
}

bool ReadAloud::covers(const Story::Narration* narration, const QList<Speech::Narrator::Part>& parts)
{
    if (!narration || parts.isEmpty())
        return false;
    for (const Speech::Narrator::Part& part : parts) {
        if (!narration->clipFor(part.text))
            return false;
    }
    return true;
}

ReadAloud::Voice ReadAloud::choose(const Story::Page& page, bool withQuestion) const
{
    Q_UNUSED(withQuestion) // the question's and answers' clips are optional
    const QList<Speech::Narrator::Part> text = Speech::Narrator::partsForPage(page.text);
    if (covers(page.recording ? &*page.recording : nullptr, text))
        return Voice::Recording;
    if (covers(page.narration ? &*page.narration : nullptr, text))
        return Voice::Synthesised;
    if (m_providerAvailable)
        return Voice::Requested;
    return Voice::System;
}

QString ReadAloud::voiceLine(const Story::Page& page, Voice voice) const
{
    switch (voice) {
    case Voice::None:
        return {};
    case Voice::Recording: {
        const QString who = page.recording ? page.recording->voice.trimmed() : QString();
        return who.isEmpty() ? tr("A recording kept in the story") : tr("%1's recording").arg(who);
    }
    case Voice::Synthesised: {
        const QString name = page.narration ? page.narration->voice.trimmed() : QString();
        return name.isEmpty() ? tr("Voice kept in the story") : tr("Voice kept in the story (%1)").arg(name);
    }
    case Voice::Requested:
        return tr("Voice provider: this page's narration is being made; the system voice reads what is not ready");
    case Voice::System:
        if (page.narration || page.recording)
            return tr("System voice: this page's narration is incomplete and no voice provider is set");
        return tr("System voice: this page has no narration and no voice provider is set");
    }
    return {};
}

const Story::Page* ReadAloud::page() const
{
    return m_story ? m_story->page(m_pageId) : nullptr;
}

std::optional<ReadAloud::Clip> ReadAloud::clipFor(int part) const
{
    const Story::Page* shown = page();
    if (!shown || part < 0 || part >= m_parts.size())
        return std::nullopt;
    const Story::Narration* first = shown->narration ? &*shown->narration : nullptr;
    const Story::Narration* second = shown->recording ? &*shown->recording : nullptr;
    if (m_voice == Voice::Recording)
        std::swap(first, second);
    for (const Story::Narration* narration : {first, second}) {
        if (!narration)
            continue;
        const Story::NarrationClip* clip = narration->clipFor(m_parts.at(part).text);
        if (clip) {
            const auto asset = m_story->assets.constFind(clip->entry);
            if (asset != m_story->assets.constEnd() && !asset->isEmpty())
                return Clip{*asset, clip->mimeType};
        }
    }
    return std::nullopt;
}

QString ReadAloud::read(std::shared_ptr<const Story::Story> story, const QString& pageId, bool withQuestion)
{
    stop();
    const Story::Page* shown = story ? story->page(pageId) : nullptr;
    if (!shown)
        return {};
    m_story = std::move(story);
    m_pageId = pageId;
    QString question;
    QStringList answers;
    if (withQuestion && shown->interaction) {
        question = shown->interaction->question;
        answers = shown->interaction->options;
    }
    m_parts = Speech::Narrator::partsForPage(shown->text, question, answers);
    m_voice = choose(*shown, withQuestion);
    QString line = voiceLine(*shown, m_voice);
    if (m_voice != Voice::System) {
        if (const QString problem = Speech::NarrationPlayer::problem(); !problem.isEmpty()) {
            m_voice = Voice::System;
            m_storedBroken = true;
            line = tr("System voice: %1").arg(problem);
        }
    }
    setLine(line);
    if (m_voice == Voice::System) {
        // The whole page by the system voice, as one reading.
        m_speaking = -1;
        setReading(true); // before: the first part starts inside read()
        const QString problem = narrator()->read(m_parts, m_story->settings.language);
        if (!problem.isEmpty()) {
            setReading(false);
            return problem;
        }
        return {};
    }
    setReading(true);
    if (m_voice == Voice::Requested)
        Q_EMIT narrationWanted(m_pageId);
    if (m_reading)
        advance();
    return {};
}

void ReadAloud::updateStory(std::shared_ptr<const Story::Story> story)
{
    if (!m_reading || !story || !m_story || story->id != m_story->id)
        return;
    m_story = std::move(story);
    if (m_runOpen)
        appendArrived();
    else if (m_wait->isActive() && clipFor(m_next)) {
        m_wait->stop();
        advance();
    }
}

void ReadAloud::stop()
{
    m_wait->stop();
    m_runOpen = false;
    m_run.clear();
    m_speaking = -1;
    if (m_player)
        m_player->stop();
    if (m_narrator)
        m_narrator->stop();
    m_timedOut = -1;
    m_next = 0;
    m_storedBroken = false;
    setReading(false);
}

void ReadAloud::advance()
{
    if (!m_reading)
        return;
    if (m_next >= m_parts.size()) {
        finish();
        return;
    }
    if (!m_storedBroken && clipFor(m_next)) {
        playRun();
        return;
    }
    if (m_voice == Voice::Requested && !m_storedBroken && m_next != m_timedOut) {
        startWaiting();
        return;
    }
    speakPart();
}

void ReadAloud::playRun()
{
    QList<Speech::NarrationPlayer::Clip> clips;
    m_run.clear();
    while (m_next < m_parts.size()) {
        const std::optional<Clip> clip = clipFor(m_next);
        if (!clip)
            break;
        clips.append({clip->bytes, clip->mimeType});
        m_run.append(m_next++);
    }
    m_runOpen = m_voice == Voice::Requested && m_next < m_parts.size() && m_next != m_timedOut;
    const QString problem = ensurePlayer()->play(clips, m_runOpen);
    if (!problem.isEmpty())
        onPlayerFailed(problem);
}

void ReadAloud::appendArrived()
{
    bool added = false;
    while (m_next < m_parts.size()) {
        const std::optional<Clip> clip = clipFor(m_next);
        if (!clip)
            break;
        ensurePlayer()->append({clip->bytes, clip->mimeType});
        m_run.append(m_next++);
        added = true;
    }
    if (added)
        m_wait->stop(); // started again when the last clip given is heard
    if (m_next >= m_parts.size()) {
        m_runOpen = false;
        m_player->finishInput();
    }
}

void ReadAloud::onClipStarted(int runIndex)
{
    if (!m_reading || runIndex < 0 || runIndex >= m_run.size())
        return;
    const int part = m_run.at(runIndex);
    Q_EMIT partStarted(part, m_parts.at(part).start, m_parts.at(part).length);
    if (m_runOpen && runIndex == m_run.size() - 1)
        m_wait->start(m_waitLimitMs); // the clips there are being heard: wait for the next (bounded)
}

void ReadAloud::onRunFinished()
{
    if (!m_reading)
        return;
    m_runOpen = false;
    m_run.clear();
    advance();
}

void ReadAloud::onPlayerFailed(const QString& problem)
{
    if (!m_reading)
        return;
    // The rest by the system voice, from the part that was being heard.
    const int current = m_player ? m_player->currentClip() : -1;
    if (!m_run.isEmpty())
        m_next = m_run.value(qMax(0, current), m_run.first());
    m_run.clear();
    m_runOpen = false;
    m_wait->stop();
    m_storedBroken = true;
    setLine(tr("System voice: %1").arg(problem));
    advance();
}

void ReadAloud::speakPart()
{
    m_speaking = m_next;
    const QString problem = narrator()->read({m_parts.at(m_next)}, m_story->settings.language);
    if (!problem.isEmpty()) {
        stop();
        Q_EMIT failed(problem);
    }
}

void ReadAloud::startWaiting()
{
    m_wait->start(m_waitLimitMs);
}

void ReadAloud::onWaitExpired()
{
    if (!m_reading)
        return;
    m_timedOut = m_next;
    if (m_runOpen) {
        m_runOpen = false;
        m_player->finishInput(); // its finished() goes on with the system voice for this part
        return;
    }
    advance();
}

void ReadAloud::setLine(const QString& line)
{
    if (m_line == line)
        return;
    m_line = line;
    Q_EMIT voiceLineChanged(line);
}

void ReadAloud::setReading(bool reading)
{
    if (m_reading == reading)
        return;
    m_reading = reading;
    Q_EMIT readingChanged(reading);
}

void ReadAloud::finish()
{
    m_wait->stop();
    m_run.clear();
    m_runOpen = false;
    m_speaking = -1;
    setReading(false);
    Q_EMIT finished();
}

} // namespace Storybook::Widgets
