#include "sseparser.h"

#include <cstring>
#include <utility>

namespace Storybook::Llm {

namespace {

// The first CR or LF in [from, size), or size. memchr is much faster than a loop over both.
// `nextCr` remembers where the next CR is (size: none), so a buffer without any is searched for
// one once, not once per line; below `from` it is stale and searched again.
qsizetype lineEnd(const char* data, qsizetype from, qsizetype size, qsizetype& nextCr)
{
    if (nextCr < from) {
        const void* cr = std::memchr(data + from, '\r', size_t(size - from));
        nextCr = cr ? static_cast<const char*>(cr) - data : size;
    }
    const qsizetype limit = nextCr;
    const void* lf = std::memchr(data + from, '\n', size_t(limit - from));
    return lf ? static_cast<const char*>(lf) - data : limit;
}

} // namespace

void SseParser::append(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    m_buffer.append(bytes);
    m_nextCr = -1; // the new bytes may hold one
    if (m_skipLeadingLf) {
        // The bytes before ended in CR, so the buffer was empty: an LF right here belongs to that CR.
        if (m_buffer.at(0) == '\n')
            m_lineStart = 1;
        m_skipLeadingLf = false;
    }
}

const SseParser::Event* SseParser::next()
{
    const char* data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    while (m_lineStart < size) {
        const qsizetype end = lineEnd(data, m_lineStart, size, m_nextCr);
        if (end == size)
            break; // an unfinished line
        const QByteArrayView line(data + m_lineStart, end - m_lineStart);
        qsizetype after = end + 1;
        if (data[end] == '\r') {
            if (after < size) {
                if (data[after] == '\n')
                    ++after;
            } else {
                m_skipLeadingLf = true;
            }
        }
        m_lineStart = after;
        if (processLine(line))
            return &m_event;
    }
    // Keep only the unfinished line, so memory stays bounded by the longest line.
    if (m_lineStart >= size)
        m_buffer.resize(0);
    else if (m_lineStart > 0)
        m_buffer.remove(0, m_lineStart);
    m_lineStart = 0;
    m_nextCr = -1;
    if (!m_atEnd)
        return nullptr;
    if (!m_buffer.isEmpty()) {
        const QByteArray last = std::exchange(m_buffer, QByteArray());
        processLine(last); // not empty, so it dispatches nothing itself
    }
    return dispatch() ? &m_event : nullptr;
}

QList<SseParser::Event> SseParser::feed(QByteArrayView bytes)
{
    append(bytes);
    return takeAll();
}

QList<SseParser::Event> SseParser::finish()
{
    endOfStream();
    return takeAll();
}

QList<SseParser::Event> SseParser::takeAll()
{
    QList<Event> out;
    while (const Event* event = next())
        out.append(*event);
    // The copies share m_event's buffers; let the parser start its next event in fresh ones.
    m_event = Event();
    return out;
}

bool SseParser::processLine(QByteArrayView line)
{
    if (m_firstLine) {
        m_firstLine = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }
    if (line.isEmpty())
        return dispatch();
    if (line.front() == ':')
        return false; // comment, e.g. ": keep-alive"
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
        m_pendingEvent = QString::fromUtf8(value);
    } else if (field == "id") {
        m_pendingId = QString::fromUtf8(value);
    }
    // "retry" and unknown fields are ignored, as the specification says.
    return false;
}

bool SseParser::dispatch()
{
    const bool dispatched = m_hasData;
    if (dispatched) {
        // Swap, so the buffer of the event before is reused for the next one's data.
        std::swap(m_event.data, m_data);
        m_event.event = std::exchange(m_pendingEvent, QString());
        m_event.id = std::exchange(m_pendingId, QString());
    } else {
        m_pendingEvent.clear();
        m_pendingId.clear();
    }
    m_data.resize(0);
    m_hasData = false;
    return dispatched;
}

} // namespace Storybook::Llm
