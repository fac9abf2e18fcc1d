#include "speechtext.h"

namespace Storybook::Llm {

namespace {
bool isClosing(QChar c)
{
    static const QString Closing = QStringLiteral("\"')]}”’」』）》〉】»");
    return Closing.contains(c);
}

bool isWideStop(QChar c)
{
    return c == u'。' || c == u'！' || c == u'？' || c == u'…';
}

bool isNarrowStop(QChar c)
{
    return c == u'.' || c == u'!' || c == u'?';
}

bool isClauseMark(QChar c)
{
    return c == u'，' || c == u'、' || c == u'；' || c == u'：' || c == u',' || c == u';' || c == u':';
}

// The index just past the sentence that ends at a stop mark at `i`, or -1 when `i` ends none.
qsizetype sentenceEndAt(const QString& text, qsizetype i)
{
    const QChar c = text.at(i);
    if (!isWideStop(c) && !isNarrowStop(c))
        return -1;
    qsizetype end = i + 1;
    while (end < text.size() && (isNarrowStop(text.at(end)) || isWideStop(text.at(end)))) // "?!", "……"
        ++end;
    while (end < text.size() && isClosing(text.at(end)))
        ++end;
    if (isWideStop(c) || end == text.size() || text.at(end).isSpace())
        return end;
    return -1;
}

// Where a sentence longer than the limit is cut: within text[from, from + limit].
qsizetype cutInside(const QString& text, qsizetype from, qsizetype limit)
{
    const qsizetype hardEnd = from + limit;
    for (qsizetype i = hardEnd - 1; i > from; --i) {
        if (isClauseMark(text.at(i)))
            return i + 1;
    }
    for (qsizetype i = hardEnd; i > from; --i) {
        if (text.at(i - 1).isSpace() || (i < text.size() && text.at(i).isSpace()))
            return i;
    }
    // Neither: between two characters, never inside a surrogate pair.
    return text.at(hardEnd - 1).isHighSurrogate() ? hardEnd - 1 : hardEnd;
}
} // namespace

QStringList splitSpeechText(const QString& text, qsizetype limit)
{
    QStringList parts;
    limit = qMax<qsizetype>(limit, 2); // room for one surrogate pair
    qsizetype start = 0;
    const auto take = [&parts, &text](qsizetype from, qsizetype to) {
        const QString part = text.sliced(from, to - from).trimmed();
        if (!part.isEmpty())
            parts.append(part);
    };
    while (start < text.size()) {
        while (start < text.size() && text.at(start).isSpace())
            ++start;
        if (text.size() - start <= limit) {
            take(start, text.size());
            break;
        }
        // The last sentence end that fits within the limit.
        qsizetype best = -1;
        for (qsizetype i = start; i < start + limit; ++i) {
            const qsizetype end = sentenceEndAt(text, i);
            if (end > 0 && end - start <= limit)
                best = end;
            else if (end > 0)
                break;
        }
        const qsizetype to = best > start ? best : cutInside(text, start, limit);
        take(start, to);
        start = to;
    }
    return parts;
}

} // namespace Storybook::Llm
