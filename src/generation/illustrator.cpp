#include "illustrator.h"

#include "llmclient.h"
#include "pictureprompts.h"

#include <algorithm>

#include <QLoggingCategory>
#include <QSettings>

namespace Storybook::Generation {

namespace {
Q_LOGGING_CATEGORY(lcIllustrator, "storybook.generation.pictures", QtInfoMsg)
} // namespace

PicturePreferences PicturePreferences::load(QSettings& settings)
{
    PicturePreferences p;
    p.enabled = settings.value(QStringLiteral("pictures/enabled"), p.enabled).toBool();
    const QString style = settings.value(QStringLiteral("pictures/artStyle"), p.artStyle).toString();
    const QList<Story::ArtStyle> styles = Story::PicturePrompts::artStyles();
    if (std::any_of(styles.cbegin(), styles.cend(), [&style](const Story::ArtStyle& s) { return s.id == style; }))
        p.artStyle = style;
    p.size = settings.value(QStringLiteral("pictures/size"), p.size).toString().trimmed();
    p.quality = settings.value(QStringLiteral("pictures/quality"), p.quality).toString().trimmed();
    return p;
}

void PicturePreferences::save(QSettings& settings) const
{
    settings.setValue(QStringLiteral("pictures/enabled"), enabled);
    settings.setValue(QStringLiteral("pictures/artStyle"), artStyle);
    settings.setValue(QStringLiteral("pictures/size"), size);
    settings.setValue(QStringLiteral("pictures/quality"), quality);
}

Illustrator::Illustrator(Llm::LlmClient* client, StorySource source, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_source(std::move(source))
{
}

Illustrator::~Illustrator()
{
    cancel();
}

void Illustrator::setClient(Llm::LlmClient* client)
{
    m_client = client;
    m_referencesRefused = false;
}

bool Illustrator::isPending(const QString& storyId, const QString& pageId) const
{
    const Target target{storyId, pageId, false};
    return (m_job && m_current == target) || m_queue.contains(target);
}

void Illustrator::request(const QString& storyId, const QString& pageId, bool again)
{
    if (storyId.isEmpty() || isPending(storyId, pageId))
        return;
    m_queue.append({storyId, pageId, again});
    if (!m_job)
        startNext();
}

void Illustrator::cancel()
{
    m_queue.clear();
    if (Llm::ImageJob* job = m_job) {
        m_job = nullptr;
        disconnect(job, nullptr, this, nullptr);
        job->cancel();
    }
}

void Illustrator::startNext()
{
    // Bounded: each turn removes one target from the queue.
    while (!m_queue.isEmpty() && !m_job) {
        Target target = m_queue.takeFirst();
        const std::shared_ptr<const Story::Story> story = m_source ? m_source() : nullptr;
        if (!story || story->id != target.storyId)
            continue; // that story is no longer open
        const Story::Page* page = target.pageId.isEmpty() ? nullptr : story->page(target.pageId);
        if (!target.pageId.isEmpty() && (!page || page->isDraft() || (page->picture && !target.again)))
            continue;
        if (target.pageId.isEmpty() && story->characterSheet && !target.again)
            continue;
        // The cast's sheet first: every page is then painted from it.
        const bool needsSheet = page && !story->characterSheet && !story->cast.isEmpty() && m_sheetFailedFor != story->id;
        if (needsSheet && !isPending(story->id, QString())) {
            m_queue.prepend(target);
            target = {story->id, QString(), false};
            page = nullptr;
        }
        if (!m_client) {
            Llm::LlmError error;
            error.kind = Llm::LlmError::Kind::Internal;
            error.message = tr("There is no connection to a picture provider.");
            Q_EMIT pictureFailed(target.storyId, target.pageId, error);
            continue;
        }
        Llm::ImageRequest request;
        request.prompt = page ? Story::PicturePrompts::page(*story, *page) : Story::PicturePrompts::characterSheet(*story);
        request.size = m_preferences.size;
        request.quality = m_preferences.quality;
        const QByteArray sheet = story->characterSheet ? story->assets.value(story->characterSheet->entry) : QByteArray();
        m_currentUsedReferences = page && !sheet.isEmpty() && !m_referencesRefused;
        if (m_currentUsedReferences)
            request.references.append({sheet, QString()});
        m_current = target;
        m_currentPrompt = request.prompt;
        m_job = m_client->image(request);
        connect(m_job, &Llm::RequestJob::finished, this, &Illustrator::onFinished);
        qCInfo(lcIllustrator) << "painting" << (page ? "page" : "the character sheet") << target.pageId << "of story"
                              << target.storyId << (m_currentUsedReferences ? "with the sheet as reference" : "");
        Q_EMIT pictureStarted(target.storyId, target.pageId);
    }
    if (!m_job && m_queue.isEmpty())
        Q_EMIT idle();
}

bool Illustrator::refusesReferences(const Llm::LlmError& error)
{
    // /images/edits missing (404/405) or the model refusing the reference parts (400 that is not a
    // safety refusal): the provider paints from text only.
    using Kind = Llm::LlmError::Kind;
    const int status = error.httpStatus;
    return error.kind == Kind::NotFound
           || (error.kind == Kind::HttpError && (status == 400 || status == 405 || status == 415 || status == 422));
}

void Illustrator::onFinished()
{
    Llm::ImageJob* job = m_job;
    m_job = nullptr;
    if (!job)
        return;
    const Target target = m_current;
    const Llm::LlmError error = job->error();
    if (!error.isError()) {
        Q_EMIT picturePainted(target.storyId, target.pageId, job->result(), m_currentPrompt);
    } else if (error.kind == Llm::LlmError::Kind::Cancelled) {
        // cancel() or the client went away: nothing to report.
    } else if (m_currentUsedReferences && refusesReferences(error)) {
        qCInfo(lcIllustrator) << "the provider refused the reference picture; painting from the text alone";
        m_referencesRefused = true;
        m_queue.prepend({target.storyId, target.pageId, true});
    } else {
        if (target.pageId.isEmpty())
            m_sheetFailedFor = target.storyId; // the pages are painted without a sheet rather than not at all
        qCInfo(lcIllustrator) << "picture failed:" << Llm::LlmError::kindName(error.kind);
        Q_EMIT pictureFailed(target.storyId, target.pageId, error);
    }
    startNext();
}

} // namespace Storybook::Generation
