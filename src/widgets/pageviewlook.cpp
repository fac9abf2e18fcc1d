// PageView, its look: the text size from the page's area and the zoom, the fonts, the warm palette,
// and the book layout (picture beside or above the text). (The page's content: pageview.cpp.)
#include "pageview.h"

#include "pictureview.h"
#include "readingtheme.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTextEdit>

namespace Storybook::Widgets {

namespace {

// A page at least this wide, and wider than tall by this much, has its picture beside the text.
constexpr int BesideMinimumWidth = 720;
constexpr qreal BesideMinimumAspect = 1.15;
constexpr int AbovePictureShare = 45; // % of the page's height a picture above the text may take
constexpr int AbovePictureMinimum = 120;
// The story text's size from the page's area: about 32 px on a 1080p window, 20 px at 1024×600.
constexpr int AreaWidthPerPixel = 46;
constexpr int AreaHeightPerPixel = 29;
constexpr int SmallestAreaPixels = 20;
constexpr int LargestAreaPixels = 40;
constexpr int MeasureInEms = 32; // the text column's widest, in body heights (≈ 65 Latin characters)

QFont withSize(QFont font, int pixels)
{
    font.setPixelSize(qMax(8, pixels));
    return font;
}

} // namespace

// The story text's size follows the page's area (and the zoom); the rest is sized from it. Only a
// change of whole pixels lays the page out again.
void PageView::updateFontSize()
{
    const QSize area = size(); // the scroll area fills the page (its viewport lags behind a resize)
    // In steps of two pixels: a window dragged wider or taller sets the type again half as often
    // (each new size lays the whole page out again).
    const int fromArea = qBound(SmallestAreaPixels, qMin(area.width() / AreaWidthPerPixel, area.height() / AreaHeightPerPixel),
                                LargestAreaPixels) / 2 * 2;
    const int body = qMax(8, qRound(fromArea * m_zoom / 100 * m_textScale));
    if (fromArea == m_areaPx && body == m_bodyPx)
        return;
    m_areaPx = fromArea;
    m_bodyPx = body;
    applyFonts();
}

void PageView::applyFonts()
{
    if (m_bodyPx <= 0)
        return;
    const QFont reading = readingFont(font(), m_language);
    const QFont body = withSize(reading, m_bodyPx);
    m_text->setFont(body);

    QFont scene = withSize(reading, qRound(m_bodyPx * 0.75));
    scene.setItalic(true);
    m_scene->setFont(scene);
    m_writing->setFont(scene);

    QFont end = withSize(reading, m_bodyPx * 2);
    end.setBold(true);
    m_theEnd->setFont(end);

    QFont arrival = withSize(reading, qRound(m_bodyPx * 0.8));
    arrival.setItalic(true);
    m_arrival->setFont(arrival);

    m_answers->setBodyFont(body);
    const QFont small = withSize(font(), qMax(14, qRound(m_bodyPx * 0.6)));
    m_position->setFont(small);
    m_draft->setFont(small);
    m_finishDraft->setFont(small);

    m_column->setMaximumWidth(qMax(480, m_bodyPx * MeasureInEms));
}

void PageView::applyPalette()
{
    const ReadingTheme theme = ReadingTheme::fromPalette(palette());
    const QPalette page = theme.pagePalette(palette());
    m_scroll->viewport()->setPalette(page);
    m_content->setPalette(page);

    for (QLabel* label : {m_position, m_scene, m_writing}) {
        QPalette p = page;
        p.setColor(QPalette::WindowText, theme.muted);
        label->setPalette(p);
    }
    for (QLabel* label : {m_theEnd, m_arrival}) {
        QPalette p = page;
        p.setColor(QPalette::WindowText, theme.dark ? theme.accent : mixColors(theme.text, theme.accent, 0.5));
        label->setPalette(p);
    }
    // The unfinished-page marker: a soft band in the accent colour, with a stronger left edge.
    m_draft->setStyleSheet(QStringLiteral("QLabel { background-color: %1; color: %2; border-left: 4px solid %3; border-radius: 4px; "
                                          "padding: 8px 12px; }")
                               .arg(theme.card.name(), theme.text.name(), theme.accent.name()));
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
    const QRect area = QRect(QPoint(), m_scroll->viewport()->size()).marginsRemoved(m_book->contentsMargins());
    const bool wide = area.width() >= BesideMinimumWidth && area.width() >= qRound(area.height() * BesideMinimumAspect);
    m_picture->setMinimumSize(0, 0);
    m_picture->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    const QSize shape = m_picture->pictureSize().isValid() ? m_picture->pictureSize() : QSize(1, 1);
    if (wide) {
        // Side by side, tops aligned, as tall as the page's area at most; the picture takes no more
        // width than that height can fill, so what it cannot use goes to the text.
        m_book->setDirection(QBoxLayout::LeftToRight);
        m_book->setSpacing(32);
        m_picture->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
        m_picture->setMaximumWidth(qMax(AbovePictureMinimum, int(qint64(area.height()) * shape.width() / qMax(1, shape.height()))));
        m_picture->setMaximumHeight(qMax(AbovePictureMinimum, area.height()));
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

} // namespace Storybook::Widgets
