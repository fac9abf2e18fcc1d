#include "pdfunicodefix.h"

#include <QFontDatabase>
#include <QRawFont>
#include <QRegularExpression>

#include <cctype>

namespace Storybook::Story::PdfUnicodeFix {

namespace {
QByteArray hex4(char32_t u)
{
    return QByteArray::number(uint(u), 16).toUpper().rightJustified(4, '0');
}

// Rewrites the destinations of one ToUnicode CMap ("<a> <b> <c>" ranges and "<a> <b> [<u> …]" arrays).
QByteArray fixToUnicodeMap(const QByteArray& cmap, const QHash<char32_t, char32_t>& fixes)
{
    static const QRegularExpression linear(QStringLiteral("^<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>$"));
    static const QRegularExpression array(QStringLiteral("^(<[0-9A-F]{4}> <[0-9A-F]{4}> )\\[(.*)\\]\\s*$"));
    static const QRegularExpression code(QStringLiteral("<([0-9A-F]{4})>"));
    QList<QByteArray> lines = cmap.split('\n');
    for (QByteArray& l : lines) {
        const QString text = QString::fromLatin1(l);
        if (const QRegularExpressionMatch m = linear.match(text); m.hasMatch()) {
            const uint first = m.captured(1).toUInt(nullptr, 16);
            const uint last = m.captured(2).toUInt(nullptr, 16);
            const uint to = m.captured(3).toUInt(nullptr, 16);
            QList<QByteArray> codes;
            bool changed = false;
            for (uint g = first; g <= last && g - first < 0x100; ++g) {
                const char32_t u = to + (g - first);
                const char32_t fixed = fixes.value(u, u);
                changed = changed || fixed != u;
                codes.append('<' + hex4(fixed) + '>');
            }
            if (changed)
                l = '<' + m.captured(1).toLatin1() + "> <" + m.captured(2).toLatin1() + "> [" + codes.join(' ') + ']';
        } else if (const QRegularExpressionMatch a = array.match(text); a.hasMatch()) {
            QByteArray body = a.captured(2).toLatin1();
            for (auto it = code.globalMatch(a.captured(2)); it.hasNext();) {
                const QRegularExpressionMatch c = it.next();
                const char32_t u = c.captured(1).toUInt(nullptr, 16);
                body.replace(c.capturedStart(1), 4, hex4(fixes.value(u, u))); // same length: offsets hold
            }
            l = a.captured(1).toLatin1() + '[' + body + ']';
        }
    }
    return lines.join('\n');
}

} // namespace

QHash<char32_t, char32_t> sharedGlyphFixes(const QFont& font)
{
    QHash<char32_t, char32_t> fixes { { 0x09, 0x20 } };
    QString radicals;
    for (char16_t c = 0x2e80; c <= 0x2fdf; ++c)
        radicals += QChar(c);
    QString ideographs;
    for (char16_t c = 0x4e00; c <= 0x9fff; ++c)
        ideographs += QChar(c);
    for (const QString& family : font.families()) {
        const QRawFont raw = QRawFont::fromFont(QFont(family), QFontDatabase::SimplifiedChinese);
        if (!raw.isValid() || raw.familyName() != family)
            continue;
        const QList<quint32> radicalGlyphs = raw.glyphIndexesForString(radicals);
        const QList<quint32> ideographGlyphs = raw.glyphIndexesForString(ideographs);
        QHash<quint32, char32_t> ideographOf;
        for (qsizetype i = ideographGlyphs.size() - 1; i >= 0; --i) {
            if (ideographGlyphs.at(i) != 0)
                ideographOf.insert(ideographGlyphs.at(i), char32_t(0x4e00 + i));
        }
        for (qsizetype i = 0; i < radicalGlyphs.size(); ++i) {
            if (const char32_t ideograph = ideographOf.value(radicalGlyphs.at(i), 0); ideograph && radicalGlyphs.at(i))
                fixes.insert(char32_t(0x2e80 + i), ideograph);
        }
    }
    return fixes;
}

QByteArray fixExtractableText(const QByteArray& pdf, const QHash<char32_t, char32_t>& fixes)
{
    struct Edit
    {
        qsizetype at;
        qsizetype length;
        QByteArray bytes;
    };
    QList<Edit> edits;
    const QByteArray mapStart = "/CIDInit /ProcSet findresource begin";
    const QByteArray dictClose = " >>\nstream\n";
    for (qsizetype at = pdf.indexOf(mapStart); at >= 0; at = pdf.indexOf(mapStart, at + 1)) {
        const qsizetype dict = pdf.lastIndexOf("<< /Length ", at);
        const qsizetype dictEnd = dict < 0 ? -1 : pdf.indexOf(dictClose, dict);
        if (dictEnd < 0 || dictEnd + dictClose.size() != at)
            return pdf;
        bool ok = false;
        const qsizetype length = pdf.mid(dict + 11, dictEnd - dict - 11).toLongLong(&ok);
        if (!ok || at + length > pdf.size())
            return pdf;
        const QByteArray cmap = pdf.mid(at, length);
        const QByteArray fixed = fixToUnicodeMap(cmap, fixes);
        if (fixed != cmap)
            edits.append(
                { dict, at + length - dict, "<< /Length " + QByteArray::number(fixed.size()) + dictClose + fixed });
    }
    if (edits.isEmpty())
        return pdf;

    // The classic table Qt writes: "startxref\n<offset>", "xref\n0 <n>\n", n entries of 20 bytes.
    const qsizetype startxref = pdf.lastIndexOf("startxref\n");
    if (startxref < 0)
        return pdf;
    const qsizetype numberStart = startxref + 10;
    qsizetype numberEnd = numberStart;
    while (numberEnd < pdf.size() && std::isdigit(static_cast<unsigned char>(pdf.at(numberEnd))))
        ++numberEnd;
    bool ok = false;
    const qsizetype xref = pdf.mid(numberStart, numberEnd - numberStart).toLongLong(&ok);
    static const QRegularExpression xrefHeader(QStringLiteral("^xref\\n0 (\\d+)\\s*\\n"));
    const QRegularExpressionMatch header = xrefHeader.match(QString::fromLatin1(pdf.mid(xref, 32)));
    if (!ok || !header.hasMatch() || xref < edits.last().at + edits.last().length)
        return pdf;
    const qsizetype entries = header.captured(1).toLongLong();
    const qsizetype firstEntry = xref + header.capturedLength();
    if (firstEntry + entries * 20 > startxref)
        return pdf;

    const auto moved = [&edits](qsizetype offset) {
        qsizetype delta = 0;
        for (const Edit& edit : edits) {
            if (edit.at < offset)
                delta += edit.bytes.size() - edit.length;
        }
        return offset + delta;
    };
    QByteArray out = pdf;
    for (qsizetype i = 0; i < entries; ++i) {
        const qsizetype entry = firstEntry + i * 20;
        if (pdf.at(entry + 17) != 'n')
            continue;
        const qsizetype offset = pdf.mid(entry, 10).toLongLong(&ok);
        if (!ok)
            return pdf;
        out.replace(entry, 10, QByteArray::number(moved(offset)).rightJustified(10, '0'));
    }
    out.replace(numberStart, numberEnd - numberStart, QByteArray::number(moved(xref)));
    for (auto it = edits.crbegin(); it != edits.crend(); ++it)
        out.replace(it->at, it->length, it->bytes);
    return out;
}

} // namespace Storybook::Story::PdfUnicodeFix
