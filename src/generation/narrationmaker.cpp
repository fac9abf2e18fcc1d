#include "narrationmaker.h"

#include "audioduration.h"
#include "llmclient.h"
#include "narrator.h"
#include "speechjob.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSettings>

namespace Storybook::Generation {

namespace {
Q_LOGGING_CATEGORY(lcNarration, "storybook.generation.narration", QtInfoMsg)

QString pageKey(const QString& storyId, const QString& pageId)
{
    return storyId + QLatin1Char('/') + pageId;
}
} // namespace

NarrationPreferences NarrationPreferences::load(QSettings& settings)
{
    NarrationPreferences p;
    p.narrateNewPages = settings.value(QStringLiteral("narration/auto"), p.narrateNewPages).toBool();
    return p;
}

void NarrationPreferences::save(QSettings& settings) const
{
    settings.setValue(QStringLiteral("narration/auto"), narrateNewPages);
}

QStringList NarrationMaker::partTexts(const Story::Story& story, const Story::Page& page)
{
    QString question;
    QStringList answers;
    // What the reader reads (ReaderWidget::readAloud): the question and answers of an interactive page.
    if (!page.ending && page.interaction && !story.settings.readToMe) {
        question = page.interaction->question;
        answers = page.interaction->options;
    }
    QStringList texts;
    for (const Speech::Narrator::Part& part : Speech::Narrator::partsForPage(page.text, question, answers)) {
        const QString text = part.text.trimmed();
        if (!text.isEmpty() && !texts.contains(text))
            texts.append(text);
    }
    return texts;
}

NarrationMaker::NarrationMaker(Llm::LlmClient* client, const Llm::VoiceSettings& voice, StorySource source, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_voice(voice)
    , m_source(std::move(source))
{
}

NarrationMaker::~NarrationMaker()
{
    // Silently: nobody listens any more.
    m_queue.clear();
    const QList<Running> running = std::exchange(m_running, {});
    for (const Running& r : running) {
        if (Llm::SpeechJob* job = r.job) {
            disconnect(job, nullptr, this, nullptr);
            job->cancel();
        }
    }
}

void NarrationMaker::setClient(Llm::LlmClient* client)
{
    m_client = client;
}

bool NarrationMaker::isQueuedOrRunning(const QString& storyId, const QString& pageId, const QString& text) const
{
    for (const Part& part : m_queue) {
        if (part.samePage(storyId, pageId) && part.text == text)
            return true;
    }
    for (const Running& r : m_running) {
        if (r.part.samePage(storyId, pageId) && r.part.text == text)
            return true;
    }
    return false;
}

bool NarrationMaker::isPending(const QString& storyId, const QString& pageId) const
{
    for (const Part& part : m_queue) {
        if (part.samePage(storyId, pageId))
            return true;
    }
    for (const Running& r : m_running) {
        if (r.part.samePage(storyId, pageId))
            return true;
    }
    return false;
}

void NarrationMaker::request(const QString& storyId, const QString& pageId, bool again)
{
    const std::shared_ptr<const Story::Story> story = m_source ? m_source() : nullptr;
    if (!story || story->id != storyId)
        return;
    const Story::Page* page = story->page(pageId);
    if (!page)
        return;
    QStringList texts;
    for (const QString& text : partTexts(*story, *page)) {
        if (again || !page->narration || !page->narration->clipFor(text))
            texts.append(text);
    }
    enqueue(storyId, pageId, texts);
}

void NarrationMaker::requestTexts(const QString& storyId, const QString& pageId, const QStringList& texts)
{
    QStringList fresh;
    QStringList& asked = m_asked[pageKey(storyId, pageId)];
    for (const QString& t : texts) {
        const QString text = t.trimmed();
        if (text.isEmpty() || asked.contains(text))
            continue;
        asked.append(text);
        fresh.append(text);
    }
    enqueue(storyId, pageId, fresh);
}

void NarrationMaker::enqueue(const QString& storyId, const QString& pageId, const QStringList& texts)
{
    if (storyId.isEmpty())
        return;
    for (const QString& text : texts) {
        if (!isQueuedOrRunning(storyId, pageId, text))
            m_queue.append({storyId, pageId, text});
    }
    startNext();
}

void NarrationMaker::cancel()
{
    m_queue.clear();
    m_asked.clear();
    const QList<Running> running = std::exchange(m_running, {});
    for (const Running& r : running) {
        if (Llm::SpeechJob* job = r.job) {
            disconnect(job, nullptr, this, nullptr);
            job->cancel();
        }
    }
}

void NarrationMaker::cancelPage(const QString& storyId, const QString& pageId)
{
    const bool pending = isPending(storyId, pageId);
    m_asked.remove(pageKey(storyId, pageId));
    m_queue.removeIf([&](const Part& part) { return part.samePage(storyId, pageId); });
    QList<Running> stopped;
    for (qsizetype i = m_running.size() - 1; i >= 0; --i) {
        if (m_running.at(i).part.samePage(storyId, pageId))
            stopped.append(m_running.takeAt(i));
    }
    for (const Running& r : stopped) {
        if (Llm::SpeechJob* job = r.job) {
            disconnect(job, nullptr, this, nullptr);
            job->cancel();
        }
    }
    if (pending)
        Q_EMIT pageDone(storyId, pageId);
    startNext();
}

void NarrationMaker::forget(const QString& storyId, const QString& pageId)
{
    m_asked.remove(pageKey(storyId, pageId));
}

void NarrationMaker::startNext()
{
    // Bounded: each turn removes one part from the queue.
    while (!m_queue.isEmpty() && m_running.size() < MaxInFlight) {
        const Part part = m_queue.takeFirst();
        if (!m_client) {
            Llm::LlmError error;
            error.kind = Llm::LlmError::Kind::Internal;
            error.message = tr("There is no connection to a speech provider.");
            Q_EMIT partFailed(part.storyId, part.pageId, part.text, error);
            reportIfDone(part.storyId, part.pageId);
            continue;
        }
        Llm::SpeechRequest request;
        request.input = part.text;
        request.voice = m_voice.voice;
        request.speed = m_voice.speed;
        request.instructions = m_voice.instructions;
        request.format = m_voice.format;
        Llm::SpeechJob* job = m_client->speech(request);
        m_running.append({part, job});
        connect(job, &Llm::RequestJob::finished, this, [this, job] { onFinished(job); });
        Q_EMIT partStarted(part.storyId, part.pageId, part.text);
    }
    if (m_running.isEmpty() && m_queue.isEmpty())
        Q_EMIT idle();
}

void NarrationMaker::onFinished(Llm::SpeechJob* job)
{
    const auto it = std::find_if(m_running.begin(), m_running.end(), [job](const Running& r) { return r.job == job; });
    if (it == m_running.end())
        return;
    const Part part = it->part;
    m_running.erase(it);
    const Llm::LlmError error = job->error();
    if (!error.isError()) {
        const Llm::SpeechResult& result = job->result();
        Llm::AudioFormat format = result.format;
        // A long part spoken by several requests: kept as one clip where the format concatenates.
        QByteArray bytes;
        if (result.parts.size() == 1) {
            bytes = result.parts.first().bytes;
        } else if (format == Llm::AudioFormat::Wav) {
            QList<QByteArray> pieces;
            for (const Llm::SpeechPart& p : result.parts)
                pieces.append(p.bytes);
            bytes = Llm::joinWav(pieces).value_or(QByteArray());
        } else if (Llm::concatenates(format)) {
            for (const Llm::SpeechPart& p : result.parts)
                bytes += p.bytes;
        }
        if (bytes.isEmpty()) {
            Llm::LlmError problem;
            problem.kind = Llm::LlmError::Kind::Internal;
            problem.message = tr("The speech provider's audio for this sentence could not be kept as one sound.");
            Q_EMIT partFailed(part.storyId, part.pageId, part.text, problem);
        } else {
            Story::Narration narration;
            narration.source = Story::Narration::Source::Synthesised;
            narration.voice = result.voice;
            narration.model = result.model;
            narration.created = QDateTime::currentDateTimeUtc();
            Story::NarrationClip clip;
            clip.text = part.text;
            clip.entry = Story::newNarrationEntry(part.pageId, Llm::audioFileExtensionOf(format));
            clip.mimeType = Llm::audioMimeTypeOf(format);
            clip.durationMs = audioDurationMs(bytes, format);
            narration.clips.append(clip);
            Q_EMIT clipReady(part.storyId, part.pageId, narration, {{clip.entry, bytes}});
        }
    } else if (error.kind != Llm::LlmError::Kind::Cancelled) {
        qCInfo(lcNarration) << "a sentence of page" << part.pageId << "was not spoken:" << Llm::LlmError::kindName(error.kind);
        Q_EMIT partFailed(part.storyId, part.pageId, part.text, error);
        if (failsEveryPart(error)) {
            // The same answer waits for every other part: they are not sent (the clips made are kept).
            const QList<Part> queued = m_queue;
            const QList<Running> running = m_running;
            cancel();
            QStringList reported;
            for (const Part& p : queued) {
                if (!reported.contains(pageKey(p.storyId, p.pageId))) {
                    reported.append(pageKey(p.storyId, p.pageId));
                    Q_EMIT pageDone(p.storyId, p.pageId);
                }
            }
            for (const Running& r : running) {
                if (!reported.contains(pageKey(r.part.storyId, r.part.pageId))) {
                    reported.append(pageKey(r.part.storyId, r.part.pageId));
                    Q_EMIT pageDone(r.part.storyId, r.part.pageId);
                }
            }
        }
    }
    reportIfDone(part.storyId, part.pageId);
    startNext();
}

bool NarrationMaker::failsEveryPart(const Llm::LlmError& error)
{
    using Kind = Llm::LlmError::Kind;
    switch (error.kind) {
    case Kind::InvalidOption:
    case Kind::InvalidBaseUrl:
    case Kind::MissingModel:
    case Kind::InvalidProxy:
    case Kind::UnsupportedProxy:
    case Kind::CaBundleUnreadable:
    case Kind::ProxyAuthentication:
    case Kind::ProxyCredentialsMissing:
    case Kind::ProxyDenied:
    case Kind::ProxyWrongType:
    case Kind::HostNotFound:
    case Kind::ConnectionRefused:
    case Kind::TlsHandshake:
    case Kind::TlsCertificate:
    case Kind::Unauthorized:
    case Kind::Forbidden:
    case Kind::ModelNotFound:
    case Kind::NotFound:
    case Kind::OutOfCredit:
        return true;
    default:
        return false;
    }
}

void NarrationMaker::reportIfDone(const QString& storyId, const QString& pageId)
{
    if (!isPending(storyId, pageId))
        Q_EMIT pageDone(storyId, pageId);
}

} // namespace Storybook::Generation
