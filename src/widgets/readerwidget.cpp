#include "readerwidget.h"

#include "pageview.h"
#include "picturecache.h"
#include "readaloud.h"
#include "readingtheme.h"
#include "storymapview.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedLayout>
#include <QVBoxLayout>

#include <optional>

namespace Storybook::Widgets {

namespace {

constexpr int MaxPathLength = 2000; // a corrupt file with a cycle cannot make navigation loop

} // namespace

ReaderWidget::ReaderWidget(Mode mode, QWidget* parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_pictures(std::make_shared<Media::PictureCache>())
{
    setFocusPolicy(Qt::StrongFocus);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("readerSplitter"));
    m_splitter->setChildrenCollapsible(true);
    layout->addWidget(m_splitter);

    auto* pageSide = new QWidget(m_splitter);
    pageSide->setBackgroundRole(QPalette::Base);
    pageSide->setAutoFillBackground(true);
    auto* pageLayout = new QVBoxLayout(pageSide);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);

    auto* stackHolder = new QWidget(pageSide);
    auto* stack = new QStackedLayout(stackHolder);
    m_pageView = new PageView(m_pictures, stackHolder);
    m_empty = new QLabel(stackHolder);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setBackgroundRole(QPalette::Base);
    m_empty->setAutoFillBackground(true);
    stack->addWidget(m_empty);
    stack->addWidget(m_pageView);
    pageLayout->addWidget(stackHolder, 1);

    // The navigation under the page, on the page's warm paper (applyTheme).
    m_pageSide = new QWidget(pageSide);
    m_pageSide->setObjectName(QStringLiteral("readerNavigation"));
    m_pageSide->setAutoFillBackground(true);
    m_pageSide->setBackgroundRole(QPalette::Base);
    auto* nav = new QHBoxLayout(m_pageSide);
    nav->setContentsMargins(24, 0, 24, 8);
    m_previous = new QPushButton(pageSide);
    m_previous->setFlat(true);
    m_next = new QPushButton(pageSide);
    m_next->setFlat(true);
    m_readAloud = new QPushButton(pageSide);
    m_readAloud->setObjectName(QStringLiteral("readAloudButton"));
    m_readAloud->setFlat(true);
    m_readAloud->setCheckable(true);
    // Which voice reads and why, in one short line under the button.
    m_voiceLine = new QLabel(pageSide);
    m_voiceLine->setObjectName(QStringLiteral("readAloudVoice"));
    m_voiceLine->setAlignment(Qt::AlignCenter);
    m_voiceLine->setTextFormat(Qt::PlainText);
    m_voiceLine->setWordWrap(true);
    m_voiceLine->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_voiceLine->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_voiceLine->setFont(small);
    auto* readColumn = new QVBoxLayout;
    readColumn->setSpacing(0);
    readColumn->addWidget(m_readAloud, 0, Qt::AlignHCenter);
    readColumn->addWidget(m_voiceLine);
    nav->addWidget(m_previous);
    nav->addStretch(1);
    nav->addLayout(readColumn, 4);
    nav->addStretch(1);
    nav->addWidget(m_next);
    pageLayout->addWidget(m_pageSide);

    m_map = new StoryMapView(m_pictures, m_splitter);
    m_splitter->addWidget(pageSide);
    m_splitter->addWidget(m_map);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({720, 220});

    connect(m_previous, &QPushButton::clicked, this, &ReaderWidget::showPrevious);
    connect(m_next, &QPushButton::clicked, this, &ReaderWidget::showNext);
    connect(m_pageView, &PageView::previousRequested, this, &ReaderWidget::showPrevious);
    connect(m_pageView, &PageView::nextRequested, this, &ReaderWidget::showNext);
    connect(m_pageView, &PageView::answerChosen, this, &ReaderWidget::onAnswer);
    connect(m_map, &StoryMapView::pageActivated, this, &ReaderWidget::showPage);
    connect(m_readAloud, &QPushButton::clicked, this, &ReaderWidget::toggleReadAloud);
    m_reading = new ReadAloud(this);
    connect(m_reading, &ReadAloud::partStarted, this, [this](int, int start, int length) {
        m_highlight = {start, length};
        m_pageView->setHighlight(start, length);
    });
    connect(m_reading, &ReadAloud::finished, this, &ReaderWidget::onReadingFinished);
    connect(m_reading, &ReadAloud::failed, this, [this](const QString& problem) {
        m_waitingToContinue = false;
        m_pageView->setHighlight(-1, 0);
        updateReadAloudButton();
        Q_EMIT readAloudProblem(problem);
    });
    connect(m_reading, &ReadAloud::readingChanged, this, [this](bool reading) {
        if (!reading)
            m_pageView->setHighlight(-1, 0);
        updateReadAloudButton();
        Q_EMIT readingAloudChanged(reading);
    });
    connect(m_reading, &ReadAloud::voiceLineChanged, this, [this] { updateReadAloudButton(); });
    connect(m_reading, &ReadAloud::narrationWanted, this, [this](const QString& pageId) {
        Q_EMIT narrationWanted(QString(pageId)); // a copy: a slot may hand us a newer snapshot
    });
    connect(m_pageView, &PageView::finishDraftRequested, this, [this] {
        if (m_mode == Mode::Write && !m_busy && !m_currentId.isEmpty())
            Q_EMIT finishDraftRequested(m_currentId);
    });

    setFocusProxy(m_pageView);
    m_pageView->setFinishDraftOffered(m_mode == Mode::Write);
    retranslate();
    applyTheme();
    updateNavigation();
}

// The interface's words (the story's own words follow the story's language, see PageView).
void ReaderWidget::retranslate()
{
    m_empty->setText(tr("No story is open."));
    m_previous->setText(tr("‹ Previous"));
    m_previous->setAccessibleName(tr("Previous page"));
    m_previous->setToolTip(tr("Previous page (Left, Page Up)"));
    m_previous->setAccessibleDescription(tr("Goes back one page along the story's path"));
    m_next->setText(tr("Next ›"));
    m_next->setAccessibleName(tr("Next page"));
    m_next->setToolTip(tr("Next page (Right, Page Down)"));
    m_next->setAccessibleDescription(tr("Goes on one page along the story's path"));
}

// The navigation under the page on the reading view's warm paper (the page view themes itself).
void ReaderWidget::applyTheme()
{
    m_pageSide->setPalette(ReadingTheme::fromPalette(palette()).pagePalette(palette()));
}

void ReaderWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_pageSide)
        applyTheme();
    if (event->type() == QEvent::LanguageChange && m_next) {
        // The language switches at run time: the controls' words, then the page (its answers'
        // hints and the draft's reason are in the interface's language).
        retranslate();
        updateReadAloudButton();
        render();
    }
}

ReaderWidget::~ReaderWidget()
{
    m_reading->stop();
}

QStringList ReaderWidget::branchThrough(const QString& pageId) const
{
    QStringList out;
    if (!m_story)
        return out;
    for (const Story::Page* page : m_story->branchTo(pageId))
        out.append(page->id);
    for (int guard = 0; guard < MaxPathLength && !out.isEmpty(); ++guard) {
        const QList<const Story::Page*> next = m_story->children(out.last());
        if (next.isEmpty() || out.contains(next.first()->id))
            break;
        out.append(next.first()->id);
    }
    return out;
}

// The path to walk when `pageId` is shown: the current one when it goes through the page, else the
// story's path when that does, else the branch through the page.
QStringList ReaderWidget::pathFor(const QString& pageId) const
{
    if (pageId.isEmpty())
        return m_story ? m_story->path : QStringList();
    if (m_mode == Mode::Read && m_path.contains(pageId))
        return m_path;
    if (m_story && m_story->path.contains(pageId))
        return m_story->path;
    return branchThrough(pageId);
}

void ReaderWidget::setStory(std::shared_ptr<const Story::Story> story)
{
    if (story && m_story && story->id == m_story->id)
        refreshStory(std::move(story));
    else
        showStory(std::move(story));
}

void ReaderWidget::showStory(std::shared_ptr<const Story::Story> story)
{
    if (m_story && !m_currentId.isEmpty())
        m_remembered.insert(m_story->id, m_currentId);
    stopReading();
    m_story = std::move(story);
    m_currentId.clear();
    m_path.clear();
    m_streamingPageId.clear();
    m_streamingText.clear();
    m_paintingPages.clear();
    m_busy = false;
    m_pageView->setBusy(false);
    auto* stack = static_cast<QStackedLayout*>(m_pageView->parentWidget()->layout());
    if (!m_story) {
        m_map->setStory(nullptr, {}, {});
        m_pageView->setPage(nullptr, 0, 0, {});
        stack->setCurrentWidget(m_empty);
        updateNavigation();
        Q_EMIT currentPageChanged(QString());
        return;
    }
    stack->setCurrentWidget(m_pageView);
    QString start = m_remembered.value(m_story->id);
    if (!m_story->page(start)) {
        const Story::Page* first = m_story->firstPage();
        start = first ? first->id : QString();
    }
    m_path = m_story->path;
    m_currentId = start;
    m_path = pathFor(start);
    m_map->setStory(m_story, m_path, start);
    render();
    Q_EMIT currentPageChanged(m_currentId);
}

void ReaderWidget::refreshStory(std::shared_ptr<const Story::Story> story)
{
    m_story = std::move(story);
    m_reading->updateStory(m_story); // clips that arrived play when their turn comes
    const QString before = m_currentId;
    const bool wasLast = !m_path.isEmpty() && m_path.last() == m_currentId;
    QString show = m_currentId;
    if (!m_story->page(show)) {
        show = m_remembered.value(m_story->id);
        if (!m_story->page(show)) {
            const Story::Page* first = m_story->firstPage();
            show = first ? first->id : QString();
        }
    } else if (wasLast) {
        const qsizetype at = m_story->path.indexOf(show);
        if (at >= 0 && at + 1 < m_story->path.size())
            show = m_story->path.last();
    }
    if (m_mode == Mode::Write || !m_path.contains(show)) {
        m_path.clear(); // re-derived from the story
    } else {
        for (const QString& id : std::as_const(m_path)) {
            if (!m_story->page(id)) {
                m_path.clear();
                break;
            }
        }
    }
    m_currentId = show;
    m_path = pathFor(show);
    m_map->setStory(m_story, m_path, show);
    render();
    if (show != before)
        Q_EMIT currentPageChanged(show);
}

void ReaderWidget::showPage(const QString& pageId)
{
    if (!m_story || !m_story->page(pageId))
        return;
    setCurrent(pageId);
}

void ReaderWidget::setCurrent(const QString& pageId)
{
    const bool changed = pageId != m_currentId;
    m_currentId = pageId;
    m_path = pathFor(pageId);
    m_map->setPath(m_path);
    m_map->setCurrentPage(pageId);
    render();
    if (changed)
        Q_EMIT currentPageChanged(pageId);
}

bool ReaderWidget::canGoPrevious() const
{
    return m_path.indexOf(m_currentId) > 0;
}

bool ReaderWidget::canGoNext() const
{
    const qsizetype at = m_path.indexOf(m_currentId);
    return at >= 0 && at + 1 < m_path.size();
}

void ReaderWidget::showPrevious()
{
    if (canGoPrevious())
        setCurrent(m_path.at(m_path.indexOf(m_currentId) - 1));
}

void ReaderWidget::showNext()
{
    if (canGoNext())
        setCurrent(m_path.at(m_path.indexOf(m_currentId) + 1));
}

void ReaderWidget::showFirst()
{
    if (!m_path.isEmpty() && m_story && m_story->page(m_path.constFirst()))
        setCurrent(m_path.constFirst());
}

void ReaderWidget::showLast()
{
    if (!m_path.isEmpty() && m_story && m_story->page(m_path.constLast()))
        setCurrent(m_path.constLast());
}

void ReaderWidget::chooseAnswerNumber(int number)
{
    if (!m_busy && m_story)
        m_pageView->chooseAnswer(number);
}

void ReaderWidget::focusStory()
{
    m_pageView->focusPage();
}

bool ReaderWidget::isTypingOwnAnswer() const
{
    return m_pageView->isTypingAnswer();
}

void ReaderWidget::setMapVisible(bool visible)
{
    if (visible == isMapVisible())
        return;
    m_map->setVisible(visible);
    Q_EMIT mapVisibilityChanged(visible);
}

bool ReaderWidget::isMapVisible() const
{
    return !m_map->isHidden();
}

void ReaderWidget::setZoomPercent(int percent)
{
    percent = qBound(MinimumZoom, percent, MaximumZoom);
    if (percent == m_zoom)
        return;
    m_zoom = percent;
    m_pageView->setZoomPercent(percent);
    Q_EMIT zoomChanged(percent);
}

void ReaderWidget::zoomIn()
{
    // Back onto the steps first (a zoom set to 75 goes to 80).
    setZoomPercent((m_zoom / ZoomStep + 1) * ZoomStep);
}

void ReaderWidget::zoomOut()
{
    setZoomPercent(((m_zoom + ZoomStep - 1) / ZoomStep - 1) * ZoomStep);
}

void ReaderWidget::resetZoom()
{
    setZoomPercent(100);
}

void ReaderWidget::render()
{
    if (isReadingAloud() && m_readingPageId != m_currentId)
        stopReading();
    const Story::Page* page = m_story ? m_story->page(m_currentId) : nullptr;
    std::optional<Story::Page> streaming;
    if (page && page->id == m_streamingPageId) {
        // Written (again) right now: only the new text, never the earlier version's text or question.
        // A page written again keeps showing its picture until the new one is painted.
        streaming = *page;
        streaming->text = m_streamingText;
        streaming->interaction.reset();
        streaming->ending = false;
        streaming->state = Story::Page::State::Streaming;
        page = &*streaming;
    }
    if (page) {
        const qsizetype at = m_path.indexOf(page->id);
        const int position = at >= 0 ? int(at) + 1 : m_story->depth(page->id);
        const int total = qMax(m_story->settings.pageCount, int(m_path.size()));
        m_pageView->setPage(page, position, total, m_story->settings.language);
        // "You chose: …": the answer that led here, worded for the question it answered.
        const Story::Page* parent = page->parentId.isEmpty() ? nullptr : m_story->page(page->parentId);
        const Story::Interaction::Kind kind = parent && parent->interaction ? parent->interaction->kind : Story::Interaction::Kind::Choose;
        m_pageView->setArrival(kind, parent ? page->answer : QString());
        updatePicture(page);
        updateAnswers(*page);
    } else {
        m_pageView->setPage(nullptr, 0, 0, m_story ? m_story->settings.language : QString());
        updatePicture(nullptr);
    }
    if (isReadingAloud())
        m_pageView->setHighlight(m_highlight.first, m_highlight.second);
    updateNavigation();
}

void ReaderWidget::updatePicture(const Story::Page* page)
{
    PageView::PictureSource source;
    if (page && m_story) {
        source.storyId = m_story->id;
        source.painting = m_paintingPages.contains(page->id);
        // A page written again shows its earlier version's picture while its own is painted.
        const Story::PageVersion* earlier = !page->picture && source.painting && !page->previousVersions.isEmpty()
                                                ? &page->previousVersions.constLast()
                                                : nullptr;
        if (const std::optional<Story::Picture>& picture = earlier ? earlier->picture : page->picture) {
            source.entry = picture->entry;
            source.bytes = m_story->assets.value(source.entry); // shared, not copied
        }
    }
    m_pageView->setPicture(source);
}

void ReaderWidget::setPicturePending(const QString& pageId, bool painting)
{
    if (pageId.isEmpty() || painting == m_paintingPages.contains(pageId))
        return;
    if (painting)
        m_paintingPages.insert(pageId);
    else
        m_paintingPages.remove(pageId);
    if (pageId == m_currentId && m_story)
        updatePicture(m_story->page(m_currentId));
}

void ReaderWidget::updateAnswers(const Story::Page& page)
{
    if (page.ending || page.state == Story::Page::State::Streaming)
        return;
    const QList<const Story::Page*> children = m_story->children(page.id);
    const qsizetype at = m_path.indexOf(page.id);
    const QString followedId = at >= 0 && at + 1 < m_path.size() ? m_path.at(at + 1) : QString();

    QList<PageView::Answer> answers;
    const QStringList options = page.interaction ? page.interaction->options : QStringList();
    bool anyWritten = false;
    for (qsizetype i = 0; i < options.size(); ++i) {
        PageView::Answer answer;
        answer.label = options.at(i);
        answer.optionIndex = int(i);
        bool written = false;
        for (const Story::Page* child : children) {
            if (child->answerIndex == int(i) || (child->answerIndex < 0 && child->answer == options.at(i))) {
                written = true;
                answer.followed = answer.followed || child->id == followedId;
            }
        }
        anyWritten = anyWritten || written;
        answer.enabled = m_mode == Mode::Write || written;
        answers.append(answer);
    }
    // Branches written from the child's own words: buttons of their own (so they can be read again).
    for (const Story::Page* child : children) {
        const bool isOption = (child->answerIndex >= 0 && child->answerIndex < options.size()) || options.contains(child->answer);
        if (isOption || child->answer.trimmed().isEmpty())
            continue;
        PageView::Answer answer;
        answer.label = tr("“%1”").arg(child->answer.trimmed());
        answer.optionIndex = -1;
        answer.ownAnswer = child->answer.trimmed();
        answer.followed = child->id == followedId;
        answers.append(answer);
        anyWritten = true;
    }
    m_pageView->setAnswers(answers, m_mode == Mode::Write);
    if (m_mode == Mode::Read && !anyWritten && children.isEmpty())
        m_pageView->setAnswerHint(tr("This part of the story has not been written yet."));
}

void ReaderWidget::onAnswer(int optionIndex, const QString& ownAnswer)
{
    if (!m_story || m_busy)
        return;
    const Story::Page* page = m_story->page(m_currentId);
    if (!page)
        return;
    if (m_mode == Mode::Write) {
        // A copy: whoever takes the answer may hand this widget a newer snapshot of the story, which
        // frees the one `page` lives in while the signal is still being delivered.
        const QString pageId = page->id;
        const QString answer = ownAnswer;
        Q_EMIT answerChosen(pageId, optionIndex, answer);
        return;
    }
    // Read mode: follow a written branch, preferring the one on the current path.
    const QStringList options = page->interaction ? page->interaction->options : QStringList();
    const QString answerText = ownAnswer.trimmed();
    const qsizetype at = m_path.indexOf(page->id);
    const QString followedId = at >= 0 && at + 1 < m_path.size() ? m_path.at(at + 1) : QString();
    const Story::Page* target = nullptr;
    for (const Story::Page* child : m_story->children(page->id)) {
        const bool matches = optionIndex >= 0
                                 ? (child->answerIndex == optionIndex
                                    || (child->answerIndex < 0 && optionIndex < options.size() && child->answer == options.at(optionIndex)))
                                 : (child->answerIndex < 0 && child->answer.trimmed() == answerText);
        if (!matches)
            continue;
        if (!target || child->id == followedId)
            target = child;
    }
    if (!target)
        return;
    // The local path: up to this page, then on along the chosen branch.
    const QString targetId = target->id; // a copy: a listener may replace the story `target` lives in
    m_path = branchThrough(targetId);
    setCurrent(targetId);
    Q_EMIT branchFollowed(targetId);
}

void ReaderWidget::beginStreaming(const QString& pageId)
{
    m_streamingPageId = pageId;
    m_streamingText.clear();
    if (pageId == m_currentId)
        render();
}

void ReaderWidget::endStreaming()
{
    if (m_streamingPageId.isEmpty())
        return;
    const bool shown = m_streamingPageId == m_currentId;
    m_streamingPageId.clear();
    m_streamingText.clear();
    if (shown)
        render();
}

void ReaderWidget::appendStreamingText(const QString& pageId, const QString& text)
{
    if (m_streamingPageId.isEmpty())
        beginStreaming(pageId);
    else if (pageId != m_streamingPageId)
        return; // not the page being written
    m_streamingText += text;
    if (pageId == m_currentId)
        m_pageView->appendText(text);
    if (QTreeWidgetItem* item = m_map->itemForPage(pageId); item && !item->text(0).contains(u'…'))
        m_map->updatePage(pageId);
}

void ReaderWidget::setBusy(bool busy)
{
    m_busy = busy;
    m_pageView->setBusy(busy);
    if (!busy)
        continueReadingIfWaiting();
}

void ReaderWidget::setSpeechSettings(const Speech::SpeechSettings& settings)
{
    m_reading->setSpeechSettings(settings);
}

void ReaderWidget::setSpeechEngine(Speech::SpeechEngine* engine)
{
    stopReading();
    m_reading->setSpeechEngine(engine);
    updateReadAloudButton();
}

void ReaderWidget::setVoiceProviderAvailable(bool available)
{
    m_reading->setProviderAvailable(available);
    updateReadAloudButton();
}

bool ReaderWidget::speechAvailable() const
{
    return m_reading->speechAvailable();
}

bool ReaderWidget::isReadingAloud() const
{
    return m_reading->isReading();
}

void ReaderWidget::readAloud()
{
    m_waitingToContinue = false;
    const Story::Page* page = m_story ? m_story->page(m_currentId) : nullptr;
    if (!page || page->state == Story::Page::State::Streaming) {
        updateReadAloudButton();
        return;
    }
    m_pageView->flush();
    m_readingPageId = page->id;
    m_highlight = {-1, 0};
    const bool withQuestion = !page->ending && page->interaction && !m_story->settings.readToMe;
    const QString problem = m_reading->read(m_story, page->id, withQuestion);
    updateReadAloudButton();
    if (!problem.isEmpty())
        Q_EMIT readAloudProblem(problem);
}

void ReaderWidget::stopReading()
{
    m_waitingToContinue = false;
    m_reading->stop();
    m_pageView->setHighlight(-1, 0);
    updateReadAloudButton();
}

void ReaderWidget::toggleReadAloud()
{
    if (isReadingAloud() || m_waitingToContinue)
        stopReading();
    else
        readAloud();
}

void ReaderWidget::onReadingFinished()
{
    m_pageView->setHighlight(-1, 0);
    const Story::Page* page = m_story ? m_story->page(m_currentId) : nullptr;
    if (!m_story || !m_story->settings.readToMe || !page || page->ending) {
        updateReadAloudButton();
        return;
    }
    // Read-to-me: on to the next page, now or once it has been written.
    m_waitingToContinue = true;
    continueReadingIfWaiting();
    updateReadAloudButton();
}

void ReaderWidget::continueReadingIfWaiting()
{
    if (!m_waitingToContinue || !m_story || m_busy)
        return;
    if (m_currentId != m_readingPageId) {
        // Write mode follows a new page while it is written: read it once it is complete.
        const Story::Page* shown = m_story->page(m_currentId);
        if (shown && shown->state != Story::Page::State::Streaming)
            readAloud();
        return;
    }
    if (!canGoNext())
        return;
    const QString next = m_path.at(m_path.indexOf(m_currentId) + 1);
    const Story::Page* page = m_story->page(next);
    if (!page || page->state == Story::Page::State::Streaming)
        return;
    m_readingPageId = next; // showing it is not leaving the reading
    setCurrent(next);
    readAloud();
}

void ReaderWidget::updateReadAloudButton()
{
    const bool active = isReadingAloud() || m_waitingToContinue;
    const Story::Page* shown = m_story ? m_story->page(m_currentId) : nullptr;
    const bool stored = shown && shown->preferredNarration();
    m_readAloud->setVisible(speechAvailable() || stored);
    QString line;
    if (isReadingAloud())
        line = m_reading->currentVoiceLine();
    else if (shown && shown->state != Story::Page::State::Streaming && m_readAloud->isVisible())
        line = m_reading->voiceLine(*shown, m_reading->choose(*shown, true));
    if (line != m_voiceLine->text() || line.isEmpty() == m_voiceLine->isVisibleTo(m_pageSide)) {
        // Queued: this runs inside layouts too (render on resize), and changing a widget of the
        // layout being laid out corrupts Qt 6.4's box layout.
        QMetaObject::invokeMethod(
            m_voiceLine,
            [label = m_voiceLine, line] {
                label->setText(line);
                label->setVisible(!line.isEmpty());
            },
            Qt::QueuedConnection);
    }
    m_readAloud->setChecked(active);
    m_readAloud->setText(active ? tr("Stop reading") : tr("Read aloud"));
    m_readAloud->setAccessibleName(active ? tr("Stop reading aloud") : tr("Read this page aloud"));
    m_readAloud->setToolTip(active ? tr("Stop reading aloud (F5)") : tr("Read this page aloud (F5)"));
    m_readAloud->setEnabled(active || (m_story && m_story->page(m_currentId)));
}

void ReaderWidget::updateNavigation()
{
    m_previous->setEnabled(canGoPrevious());
    m_next->setEnabled(canGoNext());
    updateReadAloudButton();
}

void ReaderWidget::keyPressEvent(QKeyEvent* event)
{
    if (!(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
        switch (event->key()) {
        case Qt::Key_Left:
        case Qt::Key_PageUp:
            showPrevious();
            event->accept();
            return;
        case Qt::Key_Right:
        case Qt::Key_PageDown:
            showNext();
            event->accept();
            return;
        case Qt::Key_Home:
            showFirst();
            event->accept();
            return;
        case Qt::Key_End:
            showLast();
            event->accept();
            return;
        case Qt::Key_F5:
            toggleReadAloud();
            event->accept();
            return;
        default:
            // 1…9 choose an answer (the buttons show their numbers).
            if (event->key() >= Qt::Key_1 && event->key() <= Qt::Key_9 && !m_busy && !isTypingOwnAnswer()
                && m_pageView->chooseAnswer(event->key() - Qt::Key_0)) {
                event->accept();
                return;
            }
            break;
        }
    }
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            event->accept();
            return;
        case Qt::Key_Minus:
            zoomOut();
            event->accept();
            return;
        case Qt::Key_0:
            resetZoom();
            event->accept();
            return;
        default:
            break;
        }
    }
    QWidget::keyPressEvent(event);
}

} // namespace Storybook::Widgets
