#include "storygenerator.h"

#include "chatjob.h"
#include "imagebytes.h"
#include "llmclient.h"
#include "moderationjob.h"
#include "readinglevel.h"
#include "storywords.h"

#include <algorithm>

#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

namespace Storybook::Generation {

namespace {
Q_LOGGING_CATEGORY(lcGeneration, "storybook.generation", QtInfoMsg)

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Generation::StoryGenerator)
};

constexpr int AutosaveMs = 1000;
// The streaming text is recomputed from the whole answer so far, so it is published to the window
// at most this often (a fast server sends hundreds of reads a second; the page view shows text
// about every 16 ms anyway). The first read of a pause is published at once.
constexpr int PublishIntervalMs = 16;
} // namespace

StoryGenerator::StoryGenerator(Llm::LlmClient* client, Story::Library* library, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_library(library)
{
    m_autosave.setInterval(AutosaveMs);
    m_autosave.setSingleShot(true);
    m_publish.setSingleShot(true);
    connect(&m_publish, &QTimer::timeout, this, &StoryGenerator::publishStreamingText);
    connect(&m_autosave, &QTimer::timeout, this, [this] {
        if (m_dirty)
            save();
    });
    connect(&m_saveWatcher, &QFutureWatcher<QString>::finished, this, &StoryGenerator::finishSave);
    m_illustrator = std::make_unique<Illustrator>(nullptr, [this] { return story(); });
    connect(m_illustrator.get(), &Illustrator::pictureStarted, this, &StoryGenerator::pictureStarted);
    connect(m_illustrator.get(), &Illustrator::pictureFailed, this, &StoryGenerator::pictureFailed);
    connect(m_illustrator.get(), &Illustrator::picturePainted, this, &StoryGenerator::storePicture);
    connect(m_illustrator.get(), &Illustrator::idle, this, &StoryGenerator::picturesIdle);
}

StoryGenerator::~StoryGenerator()
{
    // Quitting mid-stream: keep what arrived as a draft, saved, and stop the request silently.
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        if (m_story && !m_regenerating) {
            if (Story::Page* page = edit().page(m_pageId)) {
                Story::Story::setDraftReason(*page, QStringLiteral("app-closed"));
                if (m_parser)
                    page->text = m_parser->finish().text;
            }
        }
        m_dirty = true;
    }
    if (m_checking) {
        disconnect(m_checking, nullptr, this, nullptr);
        m_checking->cancel();
    }
    waitForSaves();
    if (m_dirty && m_story)
        (void)m_library->save(*m_story);
}

bool StoryGenerator::isBusy() const
{
    return !m_job.isNull() || !m_checking.isNull();
}

std::shared_ptr<const Story::Story> StoryGenerator::story() const
{
    if (!m_snapshot && m_story) {
        // The snapshot takes copies of the lists, so the working copy's data never moves because a
        // snapshot shares it: a page pointer taken from m_story stays valid until m_story itself
        // changes (implicit sharing would otherwise detach m_story on its next write and free the
        // data under such a pointer when the snapshot goes).
        auto copy = std::make_shared<Story::Story>(*m_story);
        copy->pages.detach();
        copy->path.detach();
        copy->cast.detach();
        copy->assets.detach();
        m_snapshot = std::move(copy);
    }
    return m_snapshot;
}

Story::Story& StoryGenerator::edit()
{
    Q_ASSERT(m_story);
    m_snapshot.reset();
    return *m_story;
}

void StoryGenerator::setStory(std::optional<Story::Story> story)
{
    // Pictures are painted for the open story only; another story's are asked for when it is open.
    if (!story || !m_story || story->id != m_story->id) {
        m_illustrator->cancel();
        waitForSaves(); // the last write of the story that goes is on disk before another one is open
    }
    m_snapshot.reset();
    m_story = std::move(story);
}

void StoryGenerator::setPictureClient(Llm::LlmClient* client)
{
    m_illustrator->setClient(client);
}

void StoryGenerator::setPicturePreferences(const PicturePreferences& preferences)
{
    m_illustrator->setPreferences(preferences);
}

bool StoryGenerator::isPainting(const QString& pageId) const
{
    return m_story && m_illustrator->isPending(m_story->id, pageId);
}

bool StoryGenerator::isPaintingPictures() const
{
    return m_illustrator->isBusy();
}

QString StoryGenerator::paintPicture(const QString& storyId, const QString& pageId)
{
    if (isBusy() && m_story && m_story->id != storyId)
        return Tr::tr("Please wait until the page is written, or stop it first.");
    if (const QString problem = loadStory(storyId); !problem.isEmpty())
        return problem;
    if (!pageId.isEmpty()) {
        const Story::Page* page = m_story->page(pageId);
        if (!page)
            return Tr::tr("That page is not in the story.");
        if (page->isDraft())
            return Tr::tr("This page is not finished yet: write it first, then paint its picture.");
        m_illustrator->request(storyId, pageId, true);
        return {};
    }
    requestMissingPictures();
    return {};
}

void StoryGenerator::requestMissingPictures()
{
    if (!m_story)
        return;
    if (!m_story->characterSheet && !m_story->cast.isEmpty())
        m_illustrator->request(m_story->id, QString());
    for (const Story::Page* page : m_story->pathPages()) {
        if (!page->picture && !page->isDraft())
            m_illustrator->request(m_story->id, page->id);
    }
}

void StoryGenerator::storePicture(const QString& storyId, const QString& pageId, const Llm::ImageResult& result,
                                  const QString& prompt)
{
    if (!m_story || m_story->id != storyId)
        return;
    Story::Story& story = edit();
    Story::Page* page = pageId.isEmpty() ? nullptr : story.page(pageId);
    if (!pageId.isEmpty() && !page)
        return; // the page went away meanwhile
    const QString extension = Llm::fileExtensionOf(result.format());
    Story::Picture picture;
    picture.entry = QStringLiteral("pictures/%1-%2.%3")
                        .arg(pageId.isEmpty() ? QStringLiteral("cast") : pageId, Story::Story::newId().left(8),
                             extension.isEmpty() ? QStringLiteral("bin") : extension);
    picture.mimeType = result.mimeType;
    picture.prompt = result.revisedPrompt.isEmpty() ? prompt : result.revisedPrompt;
    picture.model = result.model;
    picture.created = QDateTime::currentDateTimeUtc();
    story.assets.insert(picture.entry, result.bytes);
    if (page)
        page->picture = picture;
    else
        story.characterSheet = picture;
    story.dropUnreferencedAssets(); // the picture painted again, unless an earlier version shows it
    m_dirty = true;
    save();
    Q_EMIT storyChanged(storyId);
    Q_EMIT picturePainted(storyId, pageId);
}

QString StoryGenerator::storeNarration(const QString& storyId, const QString& pageId, const Story::Narration& narration,
                                      const QHash<QString, QByteArray>& bytes, NarrationStore how)
{
    for (const Story::NarrationClip& clip : narration.clips) {
        if (!bytes.contains(clip.entry) || !clip.entry.startsWith(QLatin1String(Story::NarrationEntryPrefix)))
            return Tr::tr("The narration could not be kept: a sentence's sound is missing.");
    }
    const QString problem = editOpenStory(storyId, [&](Story::Story& story) {
        Story::Page* page = story.page(pageId);
        if (!page)
            return false;
        std::optional<Story::Narration>& slot =
            narration.source == Story::Narration::Source::Recorded ? page->recording : page->narration;
        if (how == NarrationStore::Replace || !slot) {
            slot = narration;
        } else {
            const QList<Story::NarrationClip> old = slot->clips;
            Story::Narration merged = narration;
            merged.clips = old;
            for (const Story::NarrationClip& clip : narration.clips) {
                const auto same = std::find_if(merged.clips.begin(), merged.clips.end(),
                                               [&](const Story::NarrationClip& c) { return c.text == clip.text; });
                if (same != merged.clips.end())
                    *same = clip;
                else
                    merged.clips.append(clip);
            }
            slot = merged;
        }
        for (const Story::NarrationClip& clip : narration.clips)
            story.assets.insert(clip.entry, bytes.value(clip.entry));
        story.dropUnreferencedAssets();
        return true;
    });
    if (problem.isEmpty())
        Q_EMIT narrationChanged(storyId, pageId);
    return problem;
}

QString StoryGenerator::removeNarration(const QString& storyId, const QString& pageId, Story::Narration::Source source)
{
    const QString problem = editOpenStory(storyId, [&](Story::Story& story) {
        Story::Page* page = story.page(pageId);
        if (!page)
            return false;
        (source == Story::Narration::Source::Recorded ? page->recording : page->narration).reset();
        story.dropUnreferencedAssets();
        return true;
    });
    if (problem.isEmpty())
        Q_EMIT narrationChanged(storyId, pageId);
    return problem;
}

QString StoryGenerator::loadStory(const QString& storyId)
{
    if (m_story && m_story->id == storyId)
        return {};
    QString why;
    std::optional<Story::Story> loaded = m_library->load(storyId, &why);
    if (!loaded)
        return why;
    setStory(std::move(loaded));
    return {};
}

QString StoryGenerator::open(const QString& storyId)
{
    if (isBusy() && m_story && m_story->id != storyId)
        return Tr::tr("Please wait until the page is written, or stop it first.");
    if (m_story && m_story->id == storyId)
        return {};
    if (m_dirty && m_story)
        save();
    QString why;
    std::optional<Story::Story> loaded = m_library->load(storyId, &why);
    if (!loaded)
        return why;
    setStory(std::move(loaded));
    Q_EMIT storyChanged(storyId);
    if (m_story->settings.pictures)
        requestMissingPictures(); // the pictures a closed app or a failure left unpainted
    return {};
}

void StoryGenerator::close()
{
    if (isBusy())
        stop();
    if (m_dirty && m_story)
        save();
    setStory(std::nullopt);
}

QString StoryGenerator::editOpenStory(const QString& storyId, const std::function<bool(Story::Story&)>& edit)
{
    if (!m_story || m_story->id != storyId) {
        if (const QString problem = open(storyId); !problem.isEmpty())
            return problem;
    }
    if (!edit(this->edit()))
        return Tr::tr("That page is not in the story.");
    m_dirty = true;
    save();
    Q_EMIT storyChanged(storyId);
    return {};
}

QString StoryGenerator::editPageText(const QString& storyId, const QString& pageId, const QString& text)
{
    if (isBusy() && pageId == m_pageId)
        return Tr::tr("Please wait until the page is written, or stop it first.");
    return editOpenStory(storyId, [&](Story::Story& story) { return story.setPageText(pageId, text); });
}

QString StoryGenerator::setEnding(const QString& storyId, const QString& pageId, bool ending)
{
    if (isBusy() && pageId == m_pageId)
        return Tr::tr("Please wait until the page is written, or stop it first.");
    return editOpenStory(storyId, [&](Story::Story& story) { return story.setEnding(pageId, ending); });
}

QString StoryGenerator::rename(const QString& storyId, const QString& title)
{
    return editOpenStory(storyId, [&](Story::Story& story) {
        story.title = title.trimmed();
        story.titleByHand = true;
        return true;
    });
}

QString StoryGenerator::goTo(const QString& storyId, const QString& pageId)
{
    if (isBusy())
        return {}; // the path follows the page being written
    return editOpenStory(storyId, [&](Story::Story& story) {
        if (!story.page(pageId))
            return false;
        story.goTo(pageId);
        return true;
    });
}

QString StoryGenerator::startNew(const Story::StorySettings& settings)
{
    if (isBusy())
        return Tr::tr("A page is being written already.");
    if (settings.idea.trimmed().isEmpty())
        return Tr::tr("Please write a story idea first.");
    Story::Story story;
    story.id = Story::Story::newId();
    story.settings = settings;
    story.settings.pageCount = std::clamp(settings.pageCount, 1, 50);
    story.cast = settings.chosenCast.mid(0, Story::Story::MaxCast); // picked characters keep their looks in pictures
    if (m_client)
        story.settings.model = m_client->settings().model;
    story.created = QDateTime::currentDateTimeUtc();
    Story::Page first;
    first.state = Story::Page::State::Streaming;
    const QString pageId = story.addPage(first).id;
    setStory(std::move(story));
    m_readToMeBudget = settings.readToMe ? m_story->settings.pageCount + 2 : 0;
    generate(pageId, m_prompts.firstPage(m_story->settings), false);
    return {};
}

QString StoryGenerator::answer(const QString& storyId, const QString& pageId, int optionIndex, const QString& ownAnswer)
{
    if (isBusy())
        return Tr::tr("A page is being written already.");
    if (const QString problem = loadStory(storyId); !problem.isEmpty())
        return problem;
    const Story::Page* page = m_story->page(pageId);
    if (!page)
        return Tr::tr("That page is not in the story.");
    if (page->ending)
        return Tr::tr("The story has ended on this page.");
    QString text = ownAnswer.trimmed();
    if (optionIndex >= 0) {
        if (!page->interaction || optionIndex >= page->interaction->options.size())
            return Tr::tr("There is no answer number %1 on this page.").arg(optionIndex + 1);
        text = page->interaction->options.at(optionIndex);
    }
    if (text.isEmpty())
        return Tr::tr("Please give an answer first.");
    // The same answer again: go back to that branch; both branches are kept.
    for (const Story::Page* child : m_story->children(pageId)) {
        if (child->answer == text && !child->isDraft()) {
            edit().goTo(child->id);
            m_dirty = true;
            save();
            Q_EMIT storyChanged(storyId);
            Q_EMIT finished(storyId);
            return {};
        }
    }
    // A name the child gives is the character's name from now on: in the cast, and so in every later prompt.
    if (page->interaction && page->interaction->kind == Story::Interaction::Kind::Name) {
        const QString about = page->interaction->about;
        edit().nameCharacter(about, text);
    }
    const Story::Prompt prompt = m_prompts.nextPage(*m_story, pageId, text);
    Story::Page next;
    next.parentId = pageId;
    next.answer = text;
    next.answerIndex = optionIndex;
    next.parentVersion = page->version; // the branch belongs to the version that asked the question
    next.state = Story::Page::State::Streaming;
    const QString nextId = edit().addPage(next).id;
    if (m_readToMeBudget <= 0 && m_story->settings.readToMe)
        m_readToMeBudget = m_story->settings.pageCount + 2;
    generate(nextId, prompt, false);
    return {};
}

QString StoryGenerator::continueReading(const QString& storyId)
{
    if (isBusy())
        return Tr::tr("A page is being written already.");
    if (const QString problem = loadStory(storyId); !problem.isEmpty())
        return problem;
    const QList<const Story::Page*> path = m_story->pathPages();
    if (path.isEmpty())
        return Tr::tr("The story has no pages.");
    const Story::Page* last = path.last();
    if (last->ending && !last->isDraft())
        return Tr::tr("The story has ended on this page.");
    m_readToMeBudget = m_story->settings.pageCount + 2;
    // Copied: what follows changes the story, and with it where `last` points.
    const QString lastId = last->id;
    if (last->isDraft()) {
        // The page that stopped is written again, then the story goes on from it.
        const QString problem = regenerate(storyId, lastId);
        if (!problem.isEmpty())
            m_readToMeBudget = 0;
        return problem;
    }
    if (last->interaction && !last->interaction->options.isEmpty())
        return answer(storyId, lastId, 0, {});
    return answer(storyId, lastId, -1, Story::StoryWords::of(*m_story).whatHappensNext());
}

QString StoryGenerator::regenerate(const QString& storyId, const QString& pageId)
{
    if (isBusy())
        return Tr::tr("A page is being written already.");
    if (const QString problem = loadStory(storyId); !problem.isEmpty())
        return problem;
    const Story::Page* page = m_story->page(pageId);
    if (!page)
        return Tr::tr("That page is not in the story.");
    const Story::Prompt prompt = page->parentId.isEmpty() ? m_prompts.firstPage(m_story->settings)
                                                          : m_prompts.nextPage(*m_story, page->parentId, page->answer);
    edit().goTo(pageId);
    // A draft has nothing worth keeping beside the new text; a complete page stays until replaced.
    generate(pageId, prompt, !page->isDraft());
    return {};
}

QString StoryGenerator::restoreVersion(const QString& storyId, const QString& pageId, qsizetype index)
{
    if (isBusy())
        return Tr::tr("Please wait until the page is written, or stop it first.");
    return editOpenStory(storyId, [&](Story::Story& story) { return story.restoreVersion(pageId, index); });
}

void StoryGenerator::stop()
{
    if (m_job) {
        m_stopping = true;
        m_job->cancel();
    }
    if (m_checking) {
        m_stopping = true;
        m_checking->cancel();
    }
}

void StoryGenerator::generate(const QString& pageId, const Story::Prompt& prompt, bool regenerating)
{
    m_pageId = pageId;
    m_prompt = prompt;
    m_regenerating = regenerating;
    m_stopping = false;
    m_shownText.clear();
    m_publish.stop();
    m_sincePublish.invalidate();
    m_parser.emplace();
    if (!regenerating) {
        Story::Page* page = edit().page(pageId);
        page->state = Story::Page::State::Streaming;
        page->text.clear();
        page->note.clear();
        page->noteCode.clear();
    }
    m_dirty = true;
    save(); // the new (empty) page and the path are on disk before the first byte arrives
    const QString storyId = m_story->id;
    Q_EMIT storyChanged(storyId);
    Q_EMIT pageStarted(storyId, pageId);

    if (!m_client) {
        Llm::LlmError error;
        error.kind = Llm::LlmError::Kind::Internal;
        error.message = Tr::tr("There is no connection to a model.");
        Q_EMIT failed(storyId, pageId, error);
        endRun();
        return;
    }
    Llm::ChatRequest request;
    request.messages = {{QStringLiteral("system"), prompt.system}, {QStringLiteral("user"), prompt.user}};
    request.temperature = 0.8;
    m_job = m_client->chat(request);
    connect(m_job, &Llm::ChatJob::contentDelta, this, &StoryGenerator::onDelta);
    connect(m_job, &Llm::RequestJob::finished, this, &StoryGenerator::onJobFinished);
    qCInfo(lcGeneration) << "writing page" << prompt.pageNumber << "of story" << storyId << (regenerating ? "(again)" : "");
}

void StoryGenerator::onDelta(const QString& delta)
{
    if (!m_parser || !m_story)
        return;
    m_parser->feed(delta);
    if (m_publish.isActive())
        return;
    const qint64 since = m_sincePublish.isValid() ? m_sincePublish.elapsed() : PublishIntervalMs;
    if (since >= PublishIntervalMs)
        publishStreamingText();
    else
        m_publish.start(int(PublishIntervalMs - since));
}

void StoryGenerator::publishStreamingText()
{
    m_publish.stop();
    if (!m_parser || !m_story)
        return;
    m_sincePublish.start();
    const QString text = m_parser->streamingText();
    if (!text.startsWith(m_shownText)) {
        // Only when the answer turned out not to be JSON after all: show it from scratch.
        m_shownText.clear();
    }
    if (text.size() <= m_shownText.size())
        return;
    const QString appended = text.mid(m_shownText.size());
    m_shownText = text;
    if (!m_regenerating) {
        if (Story::Page* page = edit().page(m_pageId))
            page->text = text;
        m_dirty = true;
        if (!m_autosave.isActive())
            m_autosave.start();
    }
    Q_EMIT pageTextAppended(m_story->id, m_pageId, appended);
}

void StoryGenerator::applyParsed(const QString& pageId, const Story::ParsedPage& parsed, bool firstPage)
{
    Story::Story& story = edit();
    Story::Page written;
    written.text = parsed.text;
    written.scene = parsed.scene;
    written.interaction = parsed.interaction;
    written.ending = parsed.end;
    written.rawText = parsed.structured ? QString() : m_parser->raw();
    if (m_prompt.lastPage)
        written.ending = true; // we asked for the ending: it is one, whatever the model said
    if (written.ending)
        written.interaction.reset();
    if (m_regenerating) {
        // The old version keeps its question and branches; the new one starts with none.
        story.replacePageVersion(pageId, written);
    } else if (Story::Page* page = story.page(pageId)) {
        page->text = written.text;
        page->scene = written.scene;
        page->interaction = written.interaction;
        page->ending = written.ending;
        page->rawText = written.rawText;
        page->state = Story::Page::State::Complete;
        page->note.clear();
        page->noteCode.clear();
        page->editedByHand = false;
    }
    if (firstPage && !story.titleByHand && !parsed.title.trimmed().isEmpty())
        story.title = parsed.title.trimmed();
    if (firstPage && story.title.isEmpty())
        story.title = story.settings.idea.trimmed().left(60);
}

void StoryGenerator::mergeCast(const QList<Story::CastMember>& cast)
{
    // Page 1 written again names the same characters: each is kept once, with the look first given.
    Story::Story& story = edit();
    for (const Story::CastMember& member : cast) {
        const QString name = member.name.trimmed();
        const bool known = std::any_of(story.cast.cbegin(), story.cast.cend(), [&name](const Story::CastMember& m) {
            return m.name.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (!name.isEmpty() && !known && story.cast.size() < 12)
            story.cast.append({name, member.look.trimmed(), {}});
    }
}

Llm::LlmError StoryGenerator::cutShortError(const QString& finishReason) const
{
    Llm::LlmError error;
    if (finishReason == QLatin1String("length")) {
        error.kind = Llm::LlmError::Kind::EmptyResponse;
        error.message = Tr::tr("The model stopped before the page was finished: it reached its length limit.");
        error.hint = Tr::tr("Write the page again, or raise the model's answer length in its settings.");
    } else if (finishReason == QLatin1String("content_filter")) {
        error.kind = Llm::LlmError::Kind::EmptyResponse;
        error.message = Tr::tr("The provider's safety filter stopped this page before it was finished.");
        error.hint = Tr::tr("Write the page again, or change the story idea or the answer a little.");
    }
    return error;
}

QString StoryGenerator::draftReasonCode(const Llm::LlmError& error, const QString& finishReason, bool usable)
{
    if (error.isError()) {
        if (error.kind == Llm::LlmError::Kind::Cancelled)
            return QStringLiteral("stopped");
        return Llm::LlmError::categoryName(error.category()) + u':' + Llm::LlmError::kindName(error.kind);
    }
    if (finishReason == QLatin1String("length"))
        return QStringLiteral("length");
    if (finishReason == QLatin1String("content_filter"))
        return QStringLiteral("content-filter");
    return usable ? QStringLiteral("internal:internal") : QStringLiteral("unusable");
}

void StoryGenerator::onJobFinished()
{
    Llm::ChatJob* job = m_job;
    if (job && m_publish.isActive())
        publishStreamingText(); // everything that arrived is shown (and kept in a draft) first
    m_job = nullptr;
    if (!job || !m_story || !m_parser)
        return;
    const QString storyId = m_story->id;
    const QString pageId = m_pageId;
    const Story::Page* page = m_story->page(pageId);
    if (!page) {
        endRun();
        return;
    }
    const Llm::LlmError error = job->error();
    const Story::ParsedPage parsed = m_parser->finish();
    const bool firstPage = page->parentId.isEmpty();
    // A page the model cut short (its length limit, a safety filter) is not a finished page.
    const Llm::LlmError cutShort = error.isError() ? Llm::LlmError() : cutShortError(job->result().finishReason);

    // A page the provider refused is asked for once more, more gently, before it is given up.
    const bool refused = job->result().finishReason == QLatin1String("content_filter")
        || error.kind == Llm::LlmError::Kind::ContentRefused;
    if (refused && m_gentleRetry && !m_prompt.gentleRetry && !m_stopping) {
        qCInfo(lcGeneration) << "page" << pageId << "refused by the provider - asking again, more gently";
        const bool regenerating = m_regenerating;
        m_parser.reset();
        generate(pageId, Story::PromptBuilder::gentlerAgain(m_prompt, m_story->settings), regenerating);
        return;
    }
    if (error.isError() || cutShort.isError() || !parsed.usable) {
        Llm::LlmError reported = error.isError() ? error : cutShort;
        if (!reported.isError()) {
            reported.kind = Llm::LlmError::Kind::EmptyResponse;
            reported.message = Tr::tr("The model sent nothing that could be used as a page.");
            reported.hint = Tr::tr("Try again, or choose another model in Settings → Provider.");
        }
        if (!m_regenerating) {
            // Keep whatever arrived, clearly marked, ready to be tried again.
            Story::Story& story = edit();
            Story::Page* draft = story.page(pageId);
            Story::Story::setDraftReason(*draft, draftReasonCode(error, job->result().finishReason, parsed.usable));
            draft->text = parsed.usable ? parsed.text : m_shownText;
            draft->scene = parsed.scene;
            if (firstPage && story.title.isEmpty())
                story.title = story.settings.idea.trimmed().left(60);
        }
        m_dirty = true;
        save();
        qCInfo(lcGeneration) << "page" << pageId << "stopped:" << reported.message;
        Q_EMIT storyChanged(storyId);
        Q_EMIT failed(storyId, pageId, reported);
        endRun();
        return;
    }

    // A page far outside the story's reading level is written once more; a second such page is kept.
    if (const auto level = Story::ReadingLevel::of(m_story->settings).check(parsed.text, m_story->settings.language);
        level.farOutside && !m_stopping) {
        if (!m_prompt.levelRetry) {
            qCInfo(lcGeneration) << "page" << pageId << "far outside its reading level:" << level.length << "of" << level.limit << "- asking again";
            const bool regenerating = m_regenerating;
            m_parser.reset();
            generate(pageId, Story::PromptBuilder::shorterAgain(m_prompt, m_story->settings, level.length), regenerating);
            return;
        }
        qCInfo(lcGeneration) << "page" << pageId << "kept though far outside its reading level:" << level.length << "of" << level.limit;
    }
    if (m_moderation && m_client && !m_stopping) {
        checkThenComplete(pageId, parsed, firstPage);
        return;
    }
    completePage(pageId, parsed, firstPage);
}

void StoryGenerator::checkThenComplete(const QString& pageId, const Story::ParsedPage& parsed, bool firstPage)
{
    // The page stays as it is (streaming) until the provider's moderation has read it.
    const QString storyId = m_story->id;
    Llm::ModerationJob* check = m_client->moderate(parsed.text);
    m_checking = check;
    connect(check, &Llm::RequestJob::finished, this, [this, check, storyId, pageId, parsed, firstPage] {
        m_checking = nullptr;
        if (!m_story || m_story->id != storyId || !m_story->page(pageId)) {
            endRun();
            return;
        }
        const Llm::LlmError error = check->error();
        const bool flagged = !error.isError() && check->result().flagged;
        if (flagged && !m_prompt.gentleRetry && !m_stopping) {
            qCInfo(lcGeneration) << "page" << pageId << "flagged by the moderation - asking again, more gently";
            const bool regenerating = m_regenerating;
            m_parser.reset();
            generate(pageId, Story::PromptBuilder::gentlerAgain(m_prompt, m_story->settings), regenerating);
            return;
        }
        if (flagged || error.kind == Llm::LlmError::Kind::Cancelled) {
            Llm::LlmError reported = error;
            if (flagged) {
                reported.kind = Llm::LlmError::Kind::ContentRefused;
                reported.message = Tr::tr("The provider's moderation flagged this page, also when it was written again more gently.");
                reported.hint = Tr::tr("Read it first, then write it again or choose another answer.");
            }
            if (!m_regenerating) {
                Story::Page* draft = edit().page(pageId);
                Story::Story::setDraftReason(*draft, flagged ? QStringLiteral("moderation") : QStringLiteral("stopped"));
                draft->text = parsed.text;
                draft->scene = parsed.scene;
                if (firstPage && m_story->title.isEmpty())
                    edit().title = m_story->settings.idea.trimmed().left(60);
            }
            m_dirty = true;
            save();
            Q_EMIT storyChanged(storyId);
            Q_EMIT failed(storyId, pageId, reported);
            endRun();
            return;
        }
        if (error.isError()) {
            // The check could not be made (network, key...): the page is shown, the parent is told.
            qCWarning(lcGeneration) << "page" << pageId << "shown unchecked: the moderation failed:" << error.message;
            Q_EMIT moderationFailed(storyId, pageId, error);
        }
        completePage(pageId, parsed, firstPage);
    });
}

void StoryGenerator::completePage(const QString& pageId, const Story::ParsedPage& parsed, bool firstPage)
{
    const QString storyId = m_story->id;
    if (firstPage)
        mergeCast(parsed.cast);
    applyParsed(pageId, parsed, firstPage);
    const Story::Page* page = m_story->page(pageId);
    if (!parsed.problems.isEmpty())
        qCInfo(lcGeneration) << "page" << pageId << "parsed with notes:" << parsed.problems;
    // Text the parser settled on may differ from what streamed (e.g. a repaired escape).
    if (page->text.startsWith(m_shownText) && page->text.size() > m_shownText.size())
        Q_EMIT pageTextAppended(storyId, pageId, page->text.mid(m_shownText.size()));
    m_dirty = true;
    save();
    Q_EMIT storyChanged(storyId);
    Q_EMIT pageFinished(storyId, pageId);
    if (m_story->settings.pictures)
        m_illustrator->request(storyId, pageId); // alongside the next page's text, never before it

    if (m_readToMeBudget > 0 && !page->ending && !m_stopping) {
        --m_readToMeBudget;
        const QString parentId = page->id;
        const bool hasOptions = page->interaction && !page->interaction->options.isEmpty();
        m_parser.reset();
        const QString problem = hasOptions ? answer(storyId, parentId, 0, {})
                                           : answer(storyId, parentId, -1, Story::StoryWords::of(*m_story).whatHappensNext());
        if (problem.isEmpty())
            return;
        qCWarning(lcGeneration) << "read-to-me stopped:" << problem;
    }
    endRun();
}

void StoryGenerator::endRun()
{
    m_publish.stop();
    m_parser.reset();
    m_readToMeBudget = 0;
    m_regenerating = false;
    if (m_story)
        Q_EMIT finished(m_story->id);
}

void StoryGenerator::save()
{
    m_autosave.stop();
    if (!m_story)
        return;
    if (m_saveWatcher.isRunning()) {
        m_saveAgain = true; // one more write when this one is done, with everything changed meanwhile
        return;
    }
    if (m_story->assets.isEmpty()) {
        const QString problem = m_library->save(edit());
        if (!problem.isEmpty()) {
            qCWarning(lcGeneration) << "autosave failed:" << problem;
            Q_EMIT saveFailed(problem);
            return;
        }
        m_dirty = false;
        return;
    }
    // A story with pictures is tens of megabytes: it is written off the GUI thread, from a snapshot
    // nobody changes, one write at a time (the window never waits for the disk).
    QString problem;
    const QString path = m_library->beginSave(edit(), &problem);
    if (path.isEmpty()) {
        qCWarning(lcGeneration) << "autosave failed:" << problem;
        Q_EMIT saveFailed(problem);
        return;
    }
    m_dirty = false;
    m_saving = story();
    m_savingPath = path;
    const std::shared_ptr<const Story::Story> snapshot = m_saving;
    m_saveWatcher.setFuture(QtConcurrent::run([path, snapshot] { return Story::Library::writeFile(path, *snapshot); }));
}

void StoryGenerator::finishSave()
{
    if (!m_saving)
        return; // finished already (waitForSaves())
    const std::shared_ptr<const Story::Story> saved = std::exchange(m_saving, nullptr);
    if (const QString problem = m_library->endSave(*saved, m_savingPath, m_saveWatcher.result()); !problem.isEmpty()) {
        qCWarning(lcGeneration) << "autosave failed:" << problem;
        if (m_story && m_story->id == saved->id)
            m_dirty = true;
        Q_EMIT saveFailed(problem);
    }
    if (std::exchange(m_saveAgain, false) && m_story && m_story->id == saved->id)
        save();
}

void StoryGenerator::waitForSaves()
{
    // Bounded: each turn finishes one write; a write started by finishSave() is the last one
    // (m_saveAgain is cleared before it starts).
    for (int guard = 0; guard < 3 && m_saving; ++guard) {
        m_saveWatcher.waitForFinished();
        finishSave();
    }
}

bool StoryGenerator::isSaving() const
{
    return m_saving != nullptr;
}

} // namespace Storybook::Generation
