#include "pageview.h"

#include "picturecache.h"
#include "pictureview.h"

#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QtMath>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QTextCursor>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace Storybook::Widgets {

namespace {

constexpr int FlushIntervalMs = 16;
// Inserting and laying out text costs about 0.4 µs a character here: a turn of the event loop takes
// at most this much of it, so neither a fast stream's backlog nor opening a very long page holds
// the window (the rest follows in the next turns).
constexpr qsizetype InsertCharsPerTurn = 8192;
constexpr int WheelFlipThreshold = 120; // one notch past the end turns the page
// A page at least this wide, and wider than tall by this much, has its picture beside the text.
constexpr int BesideMinimumWidth = 720;
constexpr qreal BesideMinimumAspect = 1.15;
constexpr int AbovePictureShare = 45; // % of the page's height a picture above the text may take
constexpr int AbovePictureMinimum = 120;

QColor mix(const QColor& a, const QColor& b, qreal amountOfB)
{
    const qreal k = 1.0 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * k + b.redF() * amountOfB), float(a.greenF() * k + b.greenF() * amountOfB),
                            float(a.blueF() * k + b.blueF() * amountOfB));
}

QFont scaled(QFont font, qreal factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        font.setPixelSize(qRound(font.pixelSize() * factor));
    return font;
}

QLabel* plainLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setOpenExternalLinks(false);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    return label;
}

// QPushButton treats '&' as a mnemonic marker; story text must show as it is.
QString buttonText(QString text)
{
    return text.replace(u'&', QLatin1String("&&"));
}

} // namespace

PlainTextDocument::PlainTextDocument(QObject* parent)
    : QTextDocument(parent)
{
}

QVariant PlainTextDocument::loadResource(int type, const QUrl& name)
{
    Q_UNUSED(type)
    Q_UNUSED(name)
    ++m_resourceRequests;
    return {};
}

PageView::PageView(QWidget* parent)
    : PageView(std::make_shared<Media::PictureCache>(), parent)
{
}

PageView::~PageView() = default;

PageView::PageView(std::shared_ptr<Media::PictureCache> pictures, QWidget* parent)
    : QWidget(parent)
    , m_document(new PlainTextDocument(this))
    , m_flushTimer(new QTimer(this))
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

    m_book = new QBoxLayout(QBoxLayout::LeftToRight, this);
    m_book->setContentsMargins(24, 16, 24, 16);
    m_book->setSpacing(32);
    m_picture = new PictureView(std::move(pictures), this);
    m_picture->hide();
    m_book->addWidget(m_picture, 5);
    m_textSide = new QWidget(this);
    auto* outer = new QHBoxLayout(m_textSide);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addStretch(1);
    m_column = new QWidget(m_textSide);
    outer->addWidget(m_column, 100);
    outer->addStretch(1);
    m_book->addWidget(m_textSide, 4);
    connect(m_picture, &PictureView::stateChanged, this, &PageView::updateBookLayout);

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
    m_busyBar->setAccessibleName(tr("Writing the page"));
    m_busyBar->hide();
    header->addWidget(m_busyBar, 0, Qt::AlignVCenter);
    m_busyLabel = plainLabel(m_column);
    m_busyLabel->setWordWrap(false);
    m_busyLabel->setText(tr("Writing…"));
    m_busyLabel->hide();
    header->addWidget(m_busyLabel);
    column->addLayout(header);

    m_draft = plainLabel(m_column);
    m_draft->setAccessibleName(tr("Unfinished page"));
    m_draft->hide();
    column->addWidget(m_draft);

    m_text = new QTextEdit(m_column);
    m_text->setDocument(m_document);
    m_text->setReadOnly(true);
    m_text->setAcceptRichText(false);
    m_text->setUndoRedoEnabled(false);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_text->setBackgroundRole(QPalette::Base);
    m_text->viewport()->setAutoFillBackground(false);
    m_text->setAccessibleName(tr("Page text"));
    m_text->installEventFilter(this);
    m_text->viewport()->installEventFilter(this);
    column->addWidget(m_text, 1000);

    QScrollBar* bar = m_text->verticalScrollBar();
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_stickToEnd)
            bar->setValue(maximum);
    });
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_stickToEnd = value >= bar->maximum() - 2; });

    m_scene = plainLabel(m_column);
    m_scene->setAccessibleName(tr("Scene"));
    column->addWidget(m_scene);

    m_theEnd = plainLabel(m_column);
    m_theEnd->setText(tr("The End"));
    m_theEnd->setAlignment(Qt::AlignCenter);
    m_theEnd->hide();
    column->addWidget(m_theEnd);

    m_questionBox = new QWidget(m_column);
    auto* questionLayout = new QVBoxLayout(m_questionBox);
    questionLayout->setContentsMargins(0, 8, 0, 0);
    questionLayout->setSpacing(8);
    m_question = plainLabel(m_questionBox);
    m_question->setAccessibleName(tr("Question"));
    questionLayout->addWidget(m_question);
    m_answerLayout = new QVBoxLayout;
    m_answerLayout->setSpacing(6);
    questionLayout->addLayout(m_answerLayout);

    m_ownRow = new QWidget(m_questionBox);
    auto* ownLayout = new QHBoxLayout(m_ownRow);
    ownLayout->setContentsMargins(0, 4, 0, 0);
    m_ownAnswer = new QLineEdit(m_ownRow);
    m_ownAnswer->setPlaceholderText(tr("My own answer…"));
    m_ownAnswer->setAccessibleName(tr("My own answer"));
    m_ownAnswer->setMaxLength(300);
    m_ownAnswer->setClearButtonEnabled(true);
    ownLayout->addWidget(m_ownAnswer, 1);
    m_ownButton = new QPushButton(tr("Answer"), m_ownRow);
    m_ownButton->setAccessibleName(tr("Send my own answer"));
    ownLayout->addWidget(m_ownButton);
    questionLayout->addWidget(m_ownRow);
    connect(m_ownAnswer, &QLineEdit::textChanged, this, &PageView::updateAnswerControls);
    connect(m_ownAnswer, &QLineEdit::returnPressed, this, &PageView::submitOwnAnswer);
    connect(m_ownButton, &QPushButton::clicked, this, &PageView::submitOwnAnswer);

    m_hint = plainLabel(m_questionBox);
    m_hint->hide();
    questionLayout->addWidget(m_hint);
    column->addWidget(m_questionBox);
    m_questionBox->hide();
    column->addStretch(1); // a short page sits at the top, its question right under it

    // The text takes the height it needs (and scrolls only when the page is longer than the window).
    connect(m_document->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this, [this](const QSizeF& size) {
        m_text->setMaximumHeight(qCeil(size.height()) + 2 * m_text->frameWidth() + 2);
    });

    setFocusProxy(m_text);
    applyFonts();
    applyPalette();
}

void PageView::applyFonts()
{
    const QFont base = font();
    const bool chinese = m_language.startsWith(QLatin1String("zh"));
    const QStringList preferred = chinese ? QStringList{QStringLiteral("Noto Serif CJK SC"), QStringLiteral("Noto Serif")}
                                          : QStringList{QStringLiteral("Noto Serif"), QStringLiteral("Noto Serif CJK SC")};
    const QStringList installed = QFontDatabase::families();
    QStringList families;
    for (const QString& family : preferred) {
        if (installed.contains(family))
            families.append(family);
    }
    QFont serif = base;
    if (!families.isEmpty())
        serif.setFamilies(families);

    const QFont body = scaled(serif, 1.5);
    m_text->setFont(body);

    QFont scene = scaled(serif, 1.1);
    scene.setItalic(true);
    m_scene->setFont(scene);

    QFont end = scaled(serif, 2.0);
    end.setItalic(true);
    m_theEnd->setFont(end);

    QFont question = scaled(serif, 1.3);
    question.setWeight(QFont::DemiBold);
    m_question->setFont(question);

    const QFont answer = scaled(base, 1.2);
    for (QPushButton* button : std::as_const(m_answerButtons))
        button->setFont(answer);
    m_ownAnswer->setFont(answer);
    m_ownButton->setFont(answer);

    m_hint->setFont(scaled(base, 1.05));
    m_draft->setFont(scaled(base, 1.05));

    // A comfortable reading measure: about 26 lines' height wide (≈ 60–70 Latin characters).
    m_column->setMaximumWidth(qMax(480, QFontMetrics(body).lineSpacing() * 26));
}

void PageView::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const QColor muted = mix(text, base, 0.45);

    for (QLabel* label : {m_position, m_busyLabel, m_scene, m_hint, m_theEnd}) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, label == m_theEnd ? mix(text, base, 0.2) : muted);
        p.setColor(QPalette::Text, muted);
        label->setPalette(p);
    }
    for (QLabel* label : {m_question, m_draft}) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, text);
        label->setPalette(p);
    }
    // The unfinished-page marker: a soft band in the highlight colour, with a stronger left edge.
    const QColor highlight = pal.color(QPalette::Highlight);
    m_draft->setStyleSheet(QStringLiteral("QLabel { background-color: %1; border-left: 4px solid %2; border-radius: 4px; "
                                          "padding: 8px 12px; }")
                               .arg(mix(base, highlight, 0.14).name(), highlight.name()));
}

void PageView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (!m_hint) // still being constructed
        return;
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::FontChange)
        applyFonts();
}

void PageView::setPage(const Story::Page* page, int position, int total, const QString& language)
{
    QScrollBar* bar = m_text->verticalScrollBar();
    const QString id = page ? page->id : QString();
    const bool samePage = !id.isEmpty() && id == m_pageId;
    const int oldValue = bar->value();
    const bool wasAtEnd = m_stickToEnd;

    m_flushTimer->stop();
    // The same page again with more text at its end (typically: the page that was streaming is
    // done): the document keeps what it shows and only takes the rest.
    const bool continues = samePage && page && language == m_language && page->text.startsWith(m_shown + m_pending);
    if (!samePage)
        m_picture->clear(); // the caller gives the new page's picture
    m_pageId = id;
    m_wheelOverscroll = 0;
    if (language != m_language) {
        m_language = language;
        applyFonts();
    }

    if (page && position > 0) {
        m_position->setText(tr("%1 / %2").arg(position).arg(qMax(position, total)));
        m_position->setAccessibleName(tr("Page %1 of %2").arg(position).arg(qMax(position, total)));
    } else {
        m_position->clear();
        m_position->setAccessibleName(QString());
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
    const QString note = page ? page->note.trimmed() : QString();
    m_draft->setText(note.isEmpty() ? tr("Unfinished page") : tr("Unfinished page — %1").arg(note));
    m_draft->setVisible(m_draftPage && !(m_streaming && m_busy));

    const QString scene = page ? page->scene.trimmed() : QString();
    m_scene->setText(scene);
    m_sceneText = scene;
    m_picture->setScene(scene);
    updateBookLayout();

    const bool ending = page && page->ending;
    m_theEnd->setVisible(ending);

    const bool asks = page && !ending && !m_streaming;
    QString question = page && page->interaction ? page->interaction->question.trimmed() : QString();
    if (question.isEmpty())
        question = tr("What happens next?");
    m_question->setText(question);
    m_questionBox->setVisible(asks);
    if (!asks)
        setAnswers({}, false);
    setAnswerHint(QString());

    if (samePage) {
        m_stickToEnd = wasAtEnd;
        bar->setValue(wasAtEnd ? bar->maximum() : oldValue);
    } else {
        bar->setValue(0);
        // A page being written (or still empty) follows its text as it arrives.
        m_stickToEnd = m_streaming || !page || page->text.isEmpty();
    }
}

void PageView::setPicture(const PictureSource& source)
{
    m_picture->setPicture(source.storyId, source.entry, source.bytes);
    m_picture->setPainting(source.painting);
    updateBookLayout();
}

PageView::BookLayout PageView::bookLayout() const
{
    if (m_picture->isHidden())
        return BookLayout::TextOnly;
    return m_book->direction() == QBoxLayout::LeftToRight ? BookLayout::PictureBeside : BookLayout::PictureAbove;
}

// Wide pages put the picture beside the text, tall or narrow ones above it (at most about half the
// height, so the text keeps room); a page without a picture is laid out as it always was.
void PageView::updateBookLayout()
{
    const bool picture = m_picture->wantsSpace();
    // With a picture, the scene line is its description (and the placeholder's words), not a line of text.
    m_scene->setVisible(!m_sceneText.isEmpty() && !picture);
    if (!picture) {
        m_picture->hide();
        m_book->setDirection(QBoxLayout::LeftToRight);
        return;
    }
    const QRect area = contentsRect().marginsRemoved(m_book->contentsMargins());
    const bool wide = area.width() >= BesideMinimumWidth && area.width() >= qRound(area.height() * BesideMinimumAspect);
    m_picture->setMinimumSize(0, 0);
    m_picture->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    const QSize shape = m_picture->pictureSize().isValid() ? m_picture->pictureSize() : QSize(1, 1);
    if (wide) {
        // Side by side, tops aligned; the picture takes no more width than its height can fill, so
        // what it cannot use goes to the text.
        m_book->setDirection(QBoxLayout::LeftToRight);
        m_book->setSpacing(32);
        m_picture->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
        m_picture->setMaximumWidth(qMax(AbovePictureMinimum, int(qint64(area.height()) * shape.width() / qMax(1, shape.height()))));
        m_book->setStretchFactor(m_picture, 1);
        m_book->setStretchFactor(m_textSide, 1);
    } else {
        m_book->setDirection(QBoxLayout::TopToBottom);
        m_book->setSpacing(16);
        m_picture->setAlignment(Qt::AlignCenter);
        const int fitted = int(qint64(area.width()) * shape.height() / qMax(1, shape.width()));
        const int most = qMax(AbovePictureMinimum, area.height() * AbovePictureShare / 100);
        m_picture->setFixedHeight(qBound(AbovePictureMinimum, fitted, most));
        m_book->setStretchFactor(m_picture, 0);
        m_book->setStretchFactor(m_textSide, 1);
    }
    m_picture->show();
}

void PageView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateBookLayout();
}

void PageView::setAnswers(const QList<Answer>& answers, bool ownAnswerAllowed)
{
    qDeleteAll(m_answerButtons);
    m_answerButtons.clear();
    m_answers = answers;
    const QFont answerFont = scaled(font(), 1.2);
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const Answer& answer = answers.at(i);
        // The first nine answers can be chosen with the number keys; the button shows its number.
        const QString label = i < 9 ? QString::number(i + 1) + QStringLiteral("   ") + buttonText(answer.label)
                                    : buttonText(answer.label);
        auto* button = new QPushButton(label, m_questionBox);
        button->setFont(answerFont);
        button->setAccessibleName(answer.label);
        button->setCheckable(true);
        button->setChecked(answer.followed);
        button->setMinimumHeight(QFontMetrics(answerFont).height() * 2 + 4);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        if (answer.followed)
            button->setToolTip(tr("The story goes this way"));
        else if (i < 9)
            button->setToolTip(tr("Press %1 to choose this answer").arg(i + 1));
        connect(button, &QPushButton::clicked, this, [this, button, i] {
            if (i >= m_answers.size())
                return;
            button->setChecked(m_answers.at(i).followed);
            const Answer& chosen = m_answers.at(i);
            Q_EMIT answerChosen(chosen.optionIndex, chosen.optionIndex < 0 ? chosen.ownAnswer : QString());
        });
        m_answerLayout->addWidget(button);
        button->show(); // at once, not on the next event loop pass
        m_answerButtons.append(button);
    }
    m_ownRow->setVisible(ownAnswerAllowed);
    updateAnswerControls();
}

bool PageView::chooseAnswer(int number)
{
    const int index = number - 1;
    if (index < 0 || index >= m_answerButtons.size() || !m_questionBox->isVisible())
        return false;
    QPushButton* button = m_answerButtons.at(index);
    if (!button->isEnabled())
        return false;
    button->click();
    return true;
}

void PageView::setHighlight(int start, int length)
{
    if (start >= 0)
        flush(); // the positions are the whole page text's
    // The page text's length: without the final paragraph separator and the display-only breaks.
    const int size = m_document->characterCount() - 1 - m_breaks.count();
    if (start < 0 || length <= 0 || start >= size) {
        m_highlightStart = -1;
        m_highlightLength = 0;
        m_text->setExtraSelections({});
        return;
    }
    m_highlightStart = start;
    m_highlightLength = qMin(length, size - start);
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(m_document);
    selection.cursor.setPosition(m_breaks.toDocument(m_highlightStart));
    selection.cursor.setPosition(m_breaks.toDocument(m_highlightStart + m_highlightLength, true), QTextCursor::KeepAnchor);
    const QPalette pal = palette();
    selection.format.setBackground(mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.28));
    m_text->setExtraSelections({selection});
    // Keep the sentence in view without moving the reader's own scrolling more than needed.
    const QRect rect = m_text->cursorRect(selection.cursor);
    const QRect visible = m_text->viewport()->rect();
    if (!visible.contains(rect)) {
        QScrollBar* bar = m_text->verticalScrollBar();
        bar->setValue(bar->value() + rect.top() - visible.height() / 3);
    }
}

void PageView::setAnswerHint(const QString& hint)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

void PageView::updateAnswerControls()
{
    for (qsizetype i = 0; i < m_answerButtons.size() && i < m_answers.size(); ++i)
        m_answerButtons.at(i)->setEnabled(m_answers.at(i).enabled && !m_busy);
    m_ownAnswer->setEnabled(!m_busy);
    m_ownButton->setEnabled(!m_busy && !m_ownAnswer->text().trimmed().isEmpty());
}

void PageView::submitOwnAnswer()
{
    const QString answer = m_ownAnswer->text().simplified();
    if (m_busy || answer.isEmpty() || !m_ownRow->isVisible())
        return;
    m_ownAnswer->clear();
    Q_EMIT answerChosen(-1, answer);
}

void PageView::appendText(const QString& text)
{
    if (text.isEmpty())
        return;
    m_pending += text;
    if (!m_flushTimer->isActive())
        m_flushTimer->start(FlushIntervalMs);
}

void PageView::flush()
{
    m_flushTimer->stop();
    insertPending(m_pending.size());
}

void PageView::insertSome()
{
    insertPending(InsertCharsPerTurn);
    if (!m_pending.isEmpty())
        m_flushTimer->start(0); // the next turn
}

void PageView::insertPending(qsizetype limit)
{
    if (m_pending.isEmpty())
        return;
    qsizetype count = qMin(limit, m_pending.size());
    // Never between the halves of a pair, or a CR and its LF.
    if (count < m_pending.size() && (m_pending.at(count - 1).isHighSurrogate() || m_pending.at(count - 1) == u'\r'))
        ++count;
    const QStringView piece = QStringView(m_pending).first(count);
    QTextCursor cursor(m_document);
    cursor.movePosition(QTextCursor::End);
    // One edit: the document is laid out once for the piece, and the cursor never asks for its x.
    cursor.beginEditBlock();
    const QTextBlock firstChanged = cursor.block();
    m_breaks.insert(cursor, piece, m_blockFormat, m_charFormat);
    // Keep each block's shaped glyphs after layout: by default Qt drops them and shapes every
    // line again each time it is painted (a page is painted many times while it streams).
    for (QTextBlock block = firstChanged; block.isValid(); block = block.next())
        block.layout()->setCacheEnabled(true);
    cursor.endEditBlock();
    m_shown += piece;
    m_pending.remove(0, count);
    if (m_stickToEnd) {
        QScrollBar* bar = m_text->verticalScrollBar();
        bar->setValue(bar->maximum());
    }
}

QString PageView::plainText()
{
    flush();
    return m_shown;
}

void PageView::setBusy(bool busy)
{
    m_busy = busy;
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
    m_draft->setVisible(m_draftPage && !(m_streaming && m_busy));
    updateAnswerControls();
}

void PageView::wheelEvent(QWheelEvent* event)
{
    handleWheel(event->angleDelta().y());
    event->accept();
}

// One notch (or a touchpad's worth) past the bottom turns to the next page, past the top to the
// previous one; a short cool-down keeps one long swipe from turning several pages.
void PageView::handleWheel(int dy)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (dy < 0 && atEnd()) {
        m_wheelOverscroll = qMin(m_wheelOverscroll, 0) + dy;
        if (-m_wheelOverscroll >= WheelFlipThreshold && now - m_lastFlipMs >= FlipCooldownMs) {
            m_wheelOverscroll = 0;
            m_lastFlipMs = now;
            Q_EMIT nextRequested();
        }
    } else if (dy > 0 && atStart()) {
        m_wheelOverscroll = qMax(m_wheelOverscroll, 0) + dy;
        if (m_wheelOverscroll >= WheelFlipThreshold && now - m_lastFlipMs >= FlipCooldownMs) {
            m_wheelOverscroll = 0;
            m_lastFlipMs = now;
            Q_EMIT previousRequested();
        }
    } else {
        m_wheelOverscroll = 0;
    }
}

bool PageView::atEnd() const
{
    const QScrollBar* bar = m_text->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

bool PageView::atStart() const
{
    return m_text->verticalScrollBar()->value() <= m_text->verticalScrollBar()->minimum();
}

bool PageView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_text->viewport() && event->type() == QEvent::Wheel) {
        const auto* wheel = static_cast<QWheelEvent*>(event);
        const int dy = wheel->angleDelta().y();
        handleWheel(dy);
        // Past the end there is nothing to scroll: keep the event from reaching PageView twice.
        return (dy < 0 && atEnd()) || (dy > 0 && atStart());
    }
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
            return false;
        switch (key->key()) {
        case Qt::Key_Left:
            Q_EMIT previousRequested();
            return true;
        case Qt::Key_Right:
            Q_EMIT nextRequested();
            return true;
        case Qt::Key_PageUp:
            if (atStart()) {
                Q_EMIT previousRequested();
                return true;
            }
            return false;
        case Qt::Key_PageDown:
        case Qt::Key_Space:
            if (atEnd()) {
                Q_EMIT nextRequested();
                return true;
            }
            return false;
        default:
            return false;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Storybook::Widgets
