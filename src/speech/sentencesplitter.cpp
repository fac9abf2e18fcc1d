#include "sentencesplitter.h"

namespace Storybook::Speech {

namespace {

bool isTerminator(QChar c)
{
    switch (c.unicode()) {
    case u'.': case u'!': case u'?': case u'…':
    case u'。': case u'！': case u'？': case u'；': case u'｡':
        return true;
    default:
        return false;
    }
}

bool isWide(QChar c)
{
    return c.unicode() >= 0x3000; // CJK punctuation and full-width forms need no blank after them
}

bool isCloser(QChar c)
{
    switch (c.unicode()) {
    case u'"': case u'\'': case u')': case u']': case u'}':
    case u'”': case u'’': case u'」': case u'』': case u'）': case u'》': case u'】': case u'»':
        return true;
    default:
        return false;
    }
}

bool isSoftBreak(QChar c)
{
    switch (c.unicode()) {
    case u',': case u';': case u':': case u'，': case u'、': case u'：':
        return true;
    default:
        return false;
    }
}

void addTrimmed(QList<Sentence>& out, const QString& text, int from, int to, int maxLength)
{
    while (from < to && text.at(from).isSpace())
        ++from;
    while (to > from && text.at(to - 1).isSpace())
        --to;
    while (to - from > maxLength) {
        // Cut after the last comma (else blank) in the second half of the window.
        int cut = -1;
        for (int i = from + maxLength - 1; i > from + maxLength / 2 && cut < 0; --i) {
            if (isSoftBreak(text.at(i)))
                cut = i + 1;
        }
        for (int i = from + maxLength - 1; i > from + maxLength / 2 && cut < 0; --i) {
            if (text.at(i).isSpace())
                cut = i;
        }
        if (cut < 0)
            cut = from + maxLength;
        if (cut < to && text.at(cut - 1).isHighSurrogate())
            --cut;
        int end = cut;
        while (end > from && text.at(end - 1).isSpace())
            --end;
        out.append({from, end - from});
        from = cut;
        while (from < to && text.at(from).isSpace())
            ++from;
    }
    if (to > from)
        out.append({from, to - from});
}

} // namespace

QList<Sentence> splitSentences(const QString& text, int maxLength)
{
    maxLength = qMax(maxLength, 8);
    QList<Sentence> out;
    const int size = int(text.size());
    int start = 0;
    int i = 0;
    while (i < size) {
        const QChar c = text.at(i);
        if (c == u'\n' || c == QChar::ParagraphSeparator || c == QChar::LineSeparator) {
            addTrimmed(out, text, start, i, maxLength);
            start = ++i;
            continue;
        }
        if (!isTerminator(c)) {
            ++i;
            continue;
        }
        int end = i + 1;
        while (end < size && (isTerminator(text.at(end)) || isCloser(text.at(end))))
            ++end;
        const bool atEnd = end >= size;
        const bool blankAfter = !atEnd && text.at(end).isSpace();
        bool ends = atEnd || isWide(c) || blankAfter;
        if (ends && blankAfter && c == u'.') {
            // "Mr. smith" or "e.g. this": a lower-case letter after the blank continues the sentence.
            int next = end;
            while (next < size && text.at(next) == u' ')
                ++next;
            if (next < size && text.at(next).isLower())
                ends = false;
        }
        if (ends) {
            addTrimmed(out, text, start, end, maxLength);
            start = end;
        }
        i = end;
    }
    addTrimmed(out, text, start, size, maxLength);
    return out;
}

} // namespace Storybook::Speech
