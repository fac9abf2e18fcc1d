#include "readingtheme.h"

#include <QFontDatabase>
#include <QStringList>

#include <cmath>

namespace Storybook::Widgets {

namespace {

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

QColor mixColors(const QColor& a, const QColor& b, qreal amountOfB)
{
    const qreal k = 1.0 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * k + b.redF() * amountOfB), float(a.greenF() * k + b.greenF() * amountOfB),
                            float(a.blueF() * k + b.blueF() * amountOfB));
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

ReadingTheme ReadingTheme::fromPalette(const QPalette& palette)
{
    ReadingTheme theme;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    theme.dark = base.lightnessF() < text.lightnessF();
    // Warm paper: a cream page in a light palette, a deep brown one in a dark palette.
    const QColor warm = theme.dark ? QColor(0x3a, 0x2c, 0x1e) : QColor(0xff, 0xf3, 0xdc);
    theme.paper = mixColors(base, warm, theme.dark ? 0.55 : 0.7);
    theme.text = text;
    // The tint never costs readability (a high-contrast palette keeps its own base when needed).
    if (contrastRatio(theme.paper, text) < 7.0)
        theme.paper = base;
    theme.accent = theme.dark ? QColor(0xf0, 0xa8, 0x48) : QColor(0xb8, 0x5c, 0x10);
    theme.onAccent = theme.dark ? QColor(0x20, 0x14, 0x08) : QColor(0xff, 0xff, 0xff);
    theme.card = mixColors(theme.paper, theme.accent, theme.dark ? 0.16 : 0.10);
    theme.cardHover = mixColors(theme.paper, theme.accent, theme.dark ? 0.30 : 0.22);
    theme.muted = mixColors(text, theme.paper, 0.35);
    theme.focus = palette.color(QPalette::Highlight);
    if (contrastRatio(theme.focus, theme.paper) < 3.0)
        theme.focus = text;
    return theme;
}

QPalette ReadingTheme::pagePalette(const QPalette& from) const
{
    QPalette p = from;
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Base, paper);
        p.setColor(group, QPalette::Window, paper);
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::WindowText, text);
    }
    return p;
}

QFont readingFont(const QFont& base, const QString& storyLanguage)
{
    const bool chinese = storyLanguage.startsWith(QLatin1String("zh"));
    const QString andika = QStringLiteral("Andika");
    const QString wenkai = QStringLiteral("LXGW WenKai");
    const QStringList preferred = chinese ? QStringList{wenkai, andika, QStringLiteral("Noto Serif CJK SC"), QStringLiteral("Noto Serif")}
                                          : QStringList{andika, wenkai, QStringLiteral("Noto Serif"), QStringLiteral("Noto Serif CJK SC")};
    static const QStringList installed = QFontDatabase::families();
    QStringList families;
    for (const QString& family : preferred) {
        if (installed.contains(family))
            families.append(family);
    }
    QFont font = base;
    if (!families.isEmpty())
        font.setFamilies(families + base.families());
    return font;
}

} // namespace Storybook::Widgets
