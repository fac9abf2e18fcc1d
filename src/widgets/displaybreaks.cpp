#include "displaybreaks.h"

#include <QTextCursor>

#include <algorithm>
#include <utility>

namespace Storybook::Widgets {

namespace {

bool endsSentence(QChar c)
{
    switch (c.unicode()) {
    case u'.': case u'!': case u'?': case u'…':
    case u'。': case u'！': case u'？':
        return true;
    default:
        return false;
    }
}

bool isCjkSentenceEnd(QChar c)
{
    return c == u'。' || c == u'！' || c == u'？';
}

bool isParagraphEnd(QChar c)
{
    // What QTextCursor::insertText() turns into a new block.
    return c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator;
}

} // namespace

void DisplayBreaks::clear()
{
    m_positions.clear();
    m_blockLength = 0;
    m_last = QChar();
}

bool DisplayBreaks::breaksAfter(QChar c, QChar before) const
{
    if (m_blockLength < LongBlock)
        return false;
    if (c.isHighSurrogate())
        return false; // never between the halves of a pair
    if (isCjkSentenceEnd(c) || (c == u' ' && endsSentence(before)))
        return true;
    if (m_blockLength >= 2 * LongBlock && (c == u' ' || c == u'，' || c == u'、'))
        return true;
    return m_blockLength >= 3 * LongBlock;
}

void DisplayBreaks::insert(QTextCursor& cursor, QStringView text, const QTextBlockFormat& format,
                           const QTextCharFormat& charFormat)
{
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar before = std::exchange(m_last, c);
        if (isParagraphEnd(c)) {
            m_blockLength = 0;
            continue;
        }
        ++m_blockLength;
        if (!breaksAfter(c, before))
            continue;
        cursor.insertText(text.sliced(from, i + 1 - from).toString(), charFormat);
        m_positions.append(cursor.position() - int(m_positions.size()));
        cursor.insertBlock(format, charFormat);
        from = i + 1;
        m_blockLength = 0;
    }
    if (from < text.size())
        cursor.insertText(text.sliced(from).toString(), charFormat);
}

int DisplayBreaks::toDocument(int position, bool end) const
{
    const auto at = end ? std::lower_bound(m_positions.cbegin(), m_positions.cend(), position)
                        : std::upper_bound(m_positions.cbegin(), m_positions.cend(), position);
    return position + int(at - m_positions.cbegin());
}

} // namespace Storybook::Widgets
