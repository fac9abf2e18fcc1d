#pragma once

#include <QByteArray>
#include <QFont>
#include <QHash>

// Correct extractable text in the PDFs QPdfWriter writes (used by the PDF export).
//
// Qt's PDF writer maps each embedded glyph back to the lowest code point that uses it. CJK fonts
// share glyphs between the Kangxi and CJK radicals (U+2E80–U+2FDF) and common ideographs (⼩ and 小,
// ⽉ and 月), and between tab and space, so text copied or extracted from the PDF came out wrong.
namespace Storybook::Story::PdfUnicodeFix {

// The code points to write instead, found from the installed CJK fonts of `font` themselves.
[[nodiscard]] QHash<char32_t, char32_t> sharedGlyphFixes(const QFont& font);

// Rewrites the destinations of every ToUnicode CMap stream of a PDF written by QPdfWriter and moves
// the cross-reference offsets along. Anything unexpected leaves the PDF as it was.
[[nodiscard]] QByteArray fixExtractableText(const QByteArray& pdf, const QHash<char32_t, char32_t>& fixes);

} // namespace Storybook::Story::PdfUnicodeFix
