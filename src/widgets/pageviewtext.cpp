// PageView, its text: the plain document, streamed text coming in, the read-aloud mark, and the
// page scrolling and turning by wheel and keys. (The page's layout and answers: pageview.cpp.)
#include "pageview.h"

#include "pageviewlimits.h"
#include "readingtheme.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QKeyEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextLayout>
#include <QTimer>
#include <QWheelEvent>

namespace Storybook::Widgets {

using namespace PageLimits;

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
    selection.format.setBackground(mixColors(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.28));
    m_text->setExtraSelections({selection});
    // Keep the sentence in view (the page scrolls, not the text).
    const QRect rect = m_text->cursorRect(selection.cursor);
    const QPoint at = m_text->viewport()->mapTo(m_content, rect.center());
    m_scroll->ensureVisible(at.x(), at.y(), 0, m_scroll->viewport()->height() / 3);
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
    const QScrollBar* bar = pageScrollBar();
    return bar->value() >= bar->maximum();
}

bool PageView::atStart() const
{
    return pageScrollBar()->value() <= pageScrollBar()->minimum();
}

// The reading keys on the text: arrows turn pages, Page Up/Down and Space scroll the page and turn
// it at its ends, Up/Down scroll a line.
bool PageView::handleKey(int key)
{
    QScrollBar* bar = pageScrollBar();
    switch (key) {
    case Qt::Key_Left:
        Q_EMIT previousRequested();
        return true;
    case Qt::Key_Right:
        Q_EMIT nextRequested();
        return true;
    case Qt::Key_PageUp:
        if (atStart())
            Q_EMIT previousRequested();
        else
            bar->triggerAction(QAbstractSlider::SliderPageStepSub);
        return true;
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        if (atEnd())
            Q_EMIT nextRequested();
        else
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return true;
    case Qt::Key_Up:
        bar->triggerAction(QAbstractSlider::SliderSingleStepSub);
        return true;
    case Qt::Key_Down:
        bar->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        return true;
    default:
        return false;
    }
}

bool PageView::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == m_text->viewport() || watched == m_scroll->viewport()) && event->type() == QEvent::Wheel) {
        auto* wheel = static_cast<QWheelEvent*>(event);
        const int dy = wheel->angleDelta().y();
        if ((dy < 0 && atEnd()) || (dy > 0 && atStart())) {
            handleWheel(dy); // past the end: a page turn, nothing to scroll
        } else {
            m_wheelOverscroll = 0;
            QCoreApplication::sendEvent(pageScrollBar(), wheel); // the page scrolls, wherever the wheel is
        }
        return true;
    }
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
            return false;
        if (handleKey(key->key()))
            return true;
        // Keys the reader handles (Home/End, the answer numbers, F5): on to the parents, never
        // eaten by the read-only text.
        if (key->key() == Qt::Key_Home || key->key() == Qt::Key_End || key->key() == Qt::Key_F5
            || (key->key() >= Qt::Key_0 && key->key() <= Qt::Key_9)) {
            event->ignore();
            return true;
        }
        return false;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Storybook::Widgets
