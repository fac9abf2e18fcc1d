#include "pageview.h"

#include "pageviewlimits.h"
#include "picturecache.h"
#include "pictureview.h"
#include "readingtheme.h"
#include "storywords.h"

#include <QAbstractTextDocumentLayout>
#include <QAccessible>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextLayout>
#include <QTimer>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtMath>

namespace Storybook::Widgets {

using namespace PageLimits;

using Kind = Story::Interaction::Kind;

namespace {

constexpr int WritingDotsIntervalMs = 450;

QLabel* plainLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setOpenExternalLinks(false);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    return label;
}

} // namespace

PageView::PageView(QWidget* parent)
    : PageView(std::make_shared<Media::PictureCache>(), parent)
{
}

PageView::~PageView() = default;

PageView::PageView(std::shared_ptr<Media::PictureCache> pictures, QWidget* parent)
    : QWidget(parent)
    , m_document(new PlainTextDocument(this))
    , m_flushTimer(new QTimer(this))
    , m_writingTimer(new QTimer(this))
{
    setBackgroundRole(QPalette::Base);
    setForegroundRole(QPalette::Text);
    setAutoFillBackground(true);

    m_document->setUndoRedoEnabled(false);
    m_document->setDocumentMargin(4);
    m_blockFormat.setLineHeight(150, QTextBlockFormat::ProportionalHeight);

    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(FlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &PageView::insertSome);
    m_writingTimer->setInterval(WritingDotsIntervalMs);
    connect(m_writingTimer, &QTimer::timeout, this, [this] {
        m_writingDots = (m_writingDots + 1) % 4;
        updateWriting();
    });

    auto* outerLayout = new QVBoxLayout(this);
    outerLayout->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("pageScrollArea"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->viewport()->installEventFilter(this);
    outerLayout->addWidget(m_scroll);

    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("pageContent"));
    m_content->setAutoFillBackground(true);
    m_content->setBackgroundRole(QPalette::Base);
    m_book = new QBoxLayout(QBoxLayout::LeftToRight, m_content);
    m_book->setContentsMargins(24, 16, 24, 16);
    m_book->setSpacing(32);
    m_picture = new PictureView(std::move(pictures), m_content);
    m_picture->hide();
    m_book->addWidget(m_picture, 5);
    m_textSide = new QWidget(m_content);
    auto* outer = new QHBoxLayout(m_textSide);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addStretch(1);
    m_column = new QWidget(m_textSide);
    outer->addWidget(m_column, 100);
    outer->addStretch(1);
    m_book->addWidget(m_textSide, 4);
    connect(m_picture, &PictureView::stateChanged, this, &PageView::updateBookLayout);
    buildColumn();
    m_scroll->setWidget(m_content);

    QScrollBar* bar = pageScrollBar();
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_stickToEnd)
            bar->setValue(maximum);
    });
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_stickToEnd = value >= bar->maximum() - 2; });

    // The text takes the height it needs: the page scrolls, never the text inside it.
    connect(m_document->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this, [this](const QSizeF& size) {
        m_text->setFixedHeight(qCeil(size.height()) + 2 * m_text->frameWidth());
    });

    setFocusProxy(m_text);
    updateFontSize();
    applyFonts();
    applyPalette();
}

void PageView::buildColumn()
{
    auto* column = new QVBoxLayout(m_column);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(12);

    auto* header = new QHBoxLayout;
    m_position = plainLabel(m_column);
    m_position->setWordWrap(false);
    header->addWidget(m_position);
    header->addStretch(1);
    m_busyBar = new QProgressBar(m_column);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setFixedSize(72, 6);
    m_busyBar->hide();
    header->addWidget(m_busyBar, 0, Qt::AlignVCenter);
    column->addLayout(header);

    m_arrival = plainLabel(m_column);
    m_arrival->setObjectName(QStringLiteral("arrivalLabel"));
    m_arrival->hide();
    column->addWidget(m_arrival);

    m_draft = plainLabel(m_column);
    m_draft->hide();
    column->addWidget(m_draft);
    m_finishDraft = new QPushButton(m_column);
    m_finishDraft->setObjectName(QStringLiteral("finishDraftButton"));
    m_finishDraft->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_finishDraft->hide();
    connect(m_finishDraft, &QPushButton::clicked, this, &PageView::finishDraftRequested);
    column->addWidget(m_finishDraft);

    m_text = new QTextEdit(m_column);
    m_text->setObjectName(QStringLiteral("pageText"));
    m_text->setDocument(m_document);
    m_text->setReadOnly(true);
    m_text->setAcceptRichText(false);
    m_text->setUndoRedoEnabled(false);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_text->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_text->setBackgroundRole(QPalette::Base);
    m_text->viewport()->setAutoFillBackground(false);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_text->installEventFilter(this);
    m_text->viewport()->installEventFilter(this);
    column->addWidget(m_text);

    m_scene = plainLabel(m_column);
    column->addWidget(m_scene);

    m_writing = plainLabel(m_column);
    m_writing->setObjectName(QStringLiteral("writingLabel"));
    m_writing->hide();
    column->addWidget(m_writing);

    m_theEnd = plainLabel(m_column);
    m_theEnd->setObjectName(QStringLiteral("theEndLabel"));
    m_theEnd->setAlignment(Qt::AlignCenter);
    m_theEnd->hide();
    column->addWidget(m_theEnd);

    m_answers = new AnswerPanel(m_column);
    m_answers->hide();
    connect(m_answers, &AnswerPanel::answerChosen, this, &PageView::answerChosen);
    connect(m_answers, &AnswerPanel::answersChanged, this, [this] {
        updateTabOrder();
        announce(m_answers);
    });
    column->addWidget(m_answers);
    column->addStretch(1); // a short page sits at the top, its question right under it
    retranslate();
}

QScrollBar* PageView::pageScrollBar() const
{
    return m_scroll->verticalScrollBar();
}

// The interface's words of the page's own controls (the page's words come with setPage()).
void PageView::retranslate()
{
    m_busyBar->setAccessibleName(tr("Writing the page"));
    m_draft->setAccessibleName(tr("Unfinished page"));
    m_finishDraft->setText(tr("Finish this page"));
    m_finishDraft->setAccessibleName(tr("Finish this page"));
    m_finishDraft->setAccessibleDescription(tr("The storyteller writes the rest of this unfinished page"));
    if (m_text->accessibleName().isEmpty()) // else "Page N of M", set again with the page
        m_text->setAccessibleName(tr("Page text"));
    m_scene->setAccessibleName(tr("Scene"));
}

void PageView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (!m_answers) // still being constructed
        return;
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::FontChange)
        applyFonts();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void PageView::announce(QWidget* widget)
{
    QAccessibleEvent event(widget, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
    QAccessibleEvent alert(widget, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void PageView::setPage(const Story::Page* page, int position, int total, const QString& language)
{
    QScrollBar* bar = pageScrollBar();
    const QString id = page ? page->id : QString();
    const bool samePage = !id.isEmpty() && id == m_pageId;
    const int oldValue = bar->value();
    const bool wasAtEnd = m_stickToEnd;

    m_flushTimer->stop();
    // The same page again with more text at its end (typically: the page that was streaming is
    // done): the document keeps what it shows and only takes the rest.
    const bool continues = samePage && page && language == m_language && page->text.startsWith(m_shown + m_pending);
    if (!samePage) {
        m_picture->clear(); // the caller gives the new page's picture
        m_arrival->hide();
    }
    m_pageId = id;
    m_wheelOverscroll = 0;
    if (language != m_language) {
        m_language = language;
        applyFonts();
    }

    if (page && position > 0) {
        m_position->setText(tr("%1 / %2").arg(position).arg(qMax(position, total)));
        m_position->setAccessibleName(tr("Page %1 of %2").arg(position).arg(qMax(position, total)));
        m_text->setAccessibleName(tr("Page %1 of %2").arg(position).arg(qMax(position, total)));
    } else {
        m_position->clear();
        m_position->setAccessibleName(QString());
        m_text->setAccessibleName(tr("Page text"));
    }

    if (continues) {
        m_pending = page->text.sliced(m_shown.size());
    } else {
        m_stickToEnd = false;
        setHighlight(-1, 0);
        m_document->clear();
        QTextCursor cursor(m_document);
        cursor.setBlockFormat(m_blockFormat);
        cursor.setBlockCharFormat(m_charFormat);
        m_breaks.clear();
        m_shown.clear();
        m_pending = page ? page->text : QString();
        // The start at once; a long page's rest in the next turns, unless the reader's place in
        // it must be restored now.
        insertPending(samePage && !wasAtEnd ? m_pending.size() : InsertCharsPerTurn);
    }
    if (!m_pending.isEmpty())
        m_flushTimer->start(0);

    m_streaming = page && page->state == Story::Page::State::Streaming;
    m_draftPage = page && page->isDraft();
    const QString note = page ? Story::Story::draftReasonText(*page).trimmed() : QString();
    m_draft->setText(note.isEmpty() ? tr("Unfinished page") : tr("Unfinished page — %1").arg(note));
    m_draft->setVisible(m_draftPage && !(m_streaming && m_busy));
    m_finishDraft->setVisible(m_finishOffered && m_draftPage && !m_streaming);
    m_finishDraft->setEnabled(!m_busy);

    const QString scene = page ? page->scene.trimmed() : QString();
    m_scene->setText(scene);
    m_sceneText = scene;
    m_picture->setScene(scene);
    updateBookLayout();

    const bool ending = page && page->ending;
    m_theEnd->setText(storyWords(m_language, QT_TRANSLATE_NOOP("Storybook::StoryWords", "The End")));
    m_theEnd->setVisible(ending && !m_streaming);

    m_asks = page && !ending && !m_streaming;
    const Kind kind = page && page->interaction ? page->interaction->kind : Kind::Choose;
    m_answers->setQuestion(kind, page && page->interaction ? page->interaction->question : QString(), m_language);
    m_answers->setVisible(m_asks);
    if (!m_asks)
        setAnswers({}, false);
    setAnswerHint(QString());
    updateWriting();

    if (samePage) {
        m_stickToEnd = wasAtEnd;
        bar->setValue(wasAtEnd ? bar->maximum() : oldValue);
    } else {
        bar->setValue(0);
        // A page being written (or still empty) follows its text as it arrives.
        m_stickToEnd = m_streaming || !page || page->text.isEmpty();
        if (page)
            announce(m_text);
    }
}

void PageView::setArrival(Kind kind, const QString& answer)
{
    const QString shown = answer.simplified();
    if (shown.isEmpty()) {
        m_arrival->hide();
        return;
    }
    const char* words = QT_TRANSLATE_NOOP("Storybook::StoryWords", "You chose: %1");
    if (kind == Kind::Guess)
        words = QT_TRANSLATE_NOOP("Storybook::StoryWords", "You guessed: %1");
    else if (kind == Kind::Name)
        words = QT_TRANSLATE_NOOP("Storybook::StoryWords", "You named them: %1");
    else if (kind == Kind::Describe)
        words = QT_TRANSLATE_NOOP("Storybook::StoryWords", "You said: “%1”");
    m_arrival->setText(storyWords(m_language, words).arg(shown));
    m_arrival->show();
}

// While the storyteller writes: a calm line under the text whose dots come and go.
void PageView::updateWriting()
{
    const bool writing = m_busy && (m_streaming || m_pageId.isEmpty() || m_asks);
    if (!writing) {
        m_writingTimer->stop();
        m_writing->hide();
        return;
    }
    if (!m_writingTimer->isActive())
        m_writingTimer->start();
    // The dots are drawn from a fixed-width set so the line never jumps.
    const QString words = storyWords(m_language, QT_TRANSLATE_NOOP("Storybook::StoryWords", "The storyteller is writing"));
    QString dots(3, QChar(0x2007));
    for (int i = 0; i < m_writingDots; ++i)
        dots[i] = QChar(u'.');
    m_writing->setText(words + u' ' + dots);
    m_writing->setAccessibleName(words);
    m_writing->show();
}

void PageView::setPicture(const PictureSource& source)
{
    m_picture->setPicture(source.storyId, source.entry, source.bytes);
    m_picture->setPainting(source.painting);
    updateBookLayout();
}

void PageView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateFontSize();
    updateBookLayout();
}

void PageView::setAnswers(const QList<Answer>& answers, bool ownAnswerAllowed)
{
    m_answers->setAnswers(answers, ownAnswerAllowed);
}

// Tab follows the screen: the text, "Finish this page", the answer fields and cards, the own answer.
void PageView::updateTabOrder()
{
    QWidget* previous = m_text;
    if (!m_finishDraft->isHidden()) {
        setTabOrder(previous, m_finishDraft);
        previous = m_finishDraft;
    }
    for (QWidget* next : m_answers->tabOrder()) {
        setTabOrder(previous, next);
        previous = next;
    }
}

bool PageView::chooseAnswer(int number)
{
    if (!m_asks || m_answers->isHidden())
        return false;
    return m_answers->chooseAnswer(number);
}

void PageView::focusPage()
{
    m_text->setFocus(Qt::OtherFocusReason);
}

bool PageView::isTypingAnswer() const
{
    return m_answers->isTyping();
}

void PageView::setZoomPercent(int percent)
{
    if (percent == m_zoom)
        return;
    m_zoom = percent;
    updateFontSize();
}

void PageView::setTextScale(double scale)
{
    scale = qBound(0.5, scale, 3.0);
    if (qFuzzyCompare(scale, m_textScale))
        return;
    m_textScale = scale;
    updateFontSize();
}

void PageView::setFinishDraftOffered(bool offered)
{
    m_finishOffered = offered;
    m_finishDraft->setVisible(m_finishOffered && m_draftPage && !m_streaming);
}

void PageView::setAnswerHint(const QString& hint)
{
    m_answers->setHint(hint);
}

void PageView::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_draft->setVisible(m_draftPage && !(m_streaming && m_busy));
    m_finishDraft->setEnabled(!busy);
    m_answers->setBusy(busy);
    updateWriting();
}

} // namespace Storybook::Widgets
