#include "sseparser.h"

namespace Storybook::Llm {

QList<SseParser::Event> SseParser::feed(const QByteArray& bytes)
{
    QList<Event> out;
    if (bytes.isEmpty())
        return out;
    m_buffer.append(bytes);
    // The buffer holds only an unfinished line, already scanned up to m_scanFrom (no CR or LF in it).
    qsizetype pos = m_scanFrom;
    qsizetype lineStart = 0;
    if (m_skipLeadingLf) {
        // The previous chunk ended in CR, so the buffer was empty: an LF right here belongs to that CR.
        if (m_buffer.at(0) == '\n')
            pos = lineStart = 1;
        m_skipLeadingLf = false;
    }
    const qsizetype size = m_buffer.size();
    while (pos < size) {
        const char c = m_buffer.at(pos);
        if (c != '\n' && c != '\r') {
            ++pos;
            continue;
        }
        processLine(QByteArrayView(m_buffer).sliced(lineStart, pos - lineStart), out);
        ++pos;
        if (c == '\r') {
            if (pos < size) {
                if (m_buffer.at(pos) == '\n')
                    ++pos;
            } else {
                m_skipLeadingLf = true;
            }
        }
        lineStart = pos;
    }
    // Keep only the unfinished line; compact so memory stays bounded by the longest line.
    m_buffer.remove(0, lineStart);
    m_scanFrom = m_buffer.size();
    return out;
}

QList<SseParser::Event> SseParser::finish()
{
    QList<Event> out;
    if (!m_buffer.isEmpty()) {
        processLine(QByteArrayView(m_buffer), out);
        m_buffer.clear();
        m_scanFrom = 0;
    }
    dispatch(out);
    return out;
}

void SseParser::processLine(QByteArrayView line, QList<Event>& out)
{
    if (m_firstLine) {
        m_firstLine = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // comment, e.g. ": keep-alive"
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_pending.event = QString::fromUtf8(value);
    } else if (field == "id") {
        m_pending.id = QString::fromUtf8(value);
    }
    // "retry" and unknown fields are ignored, as the specification says.
}

void SseParser::dispatch(QList<Event>& out)
{
    if (m_hasData) {
        m_pending.data = QString::fromUtf8(m_data);
        out.append(std::move(m_pending));
    }
    m_pending = Event();
    m_data.clear();
    m_hasData = false;
}

} // namespace Storybook::Llm
