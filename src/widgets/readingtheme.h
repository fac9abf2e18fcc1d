#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

namespace Storybook::Widgets {

// The reading view's warm colours, derived from the widget's palette so that a dark or a
// high-contrast palette keeps working: paper a little warmer than Base, the text of the palette
// (kept at a contrast of at least 7:1 to the paper), and an amber accent for the answer cards.
struct ReadingTheme
{
    QColor paper;      // the page's background
    QColor text;       // the story text
    QColor muted;      // page numbers, hints
    QColor accent;     // card numbers, borders
    QColor onAccent;   // text on the accent (the card's number)
    QColor card;       // an answer card's face
    QColor cardHover;  // and under the mouse / chosen
    QColor focus;      // focus rings
    bool dark = false;

    [[nodiscard]] static ReadingTheme fromPalette(const QPalette& palette);
    // A palette for the page: Base/Window the paper, Text/WindowText the text.
    [[nodiscard]] QPalette pagePalette(const QPalette& from) const;
};

// WCAG contrast ratio of two colours (1 … 21).
[[nodiscard]] double contrastRatio(const QColor& a, const QColor& b);
[[nodiscard]] QColor mixColors(const QColor& a, const QColor& b, qreal amountOfB);

// The reading font for young readers: Andika (Latin) or LXGW WenKai (Chinese) when installed,
// then the other, then Noto Serif / Noto Serif CJK SC, else the given font's own family.
[[nodiscard]] QFont readingFont(const QFont& base, const QString& storyLanguage);

} // namespace Storybook::Widgets
