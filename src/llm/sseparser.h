#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Storybook::Llm {

// An incremental Server-Sent Events parser. Bytes may arrive split anywhere (inside a UTF-8
// character, between CR and LF); lines end in LF, CRLF or CR; comment lines (":") are skipped;
// "data:" with or without the space. Cost is linear in the bytes fed.
//
// The streaming interface allocates nothing per event: append() the bytes of a read, then take
// the events with next() until it returns nullptr. The data stays the bytes the server sent
// (UTF-8 in practice; it is not checked here), so a reader can parse it without decoding it first.
class SseParser final
{
public:
    struct Event
    {
        QString event;   // the "event:" field, empty for the default "message"
        QByteArray data; // "data:" lines joined with "\n", as sent
        QString id;
    };

    void append(QByteArrayView bytes);
    // The stream ended: next() then also reads a last line and event that had no ending.
    void endOfStream() { m_atEnd = true; }
    // The next completed event, valid until the next call; nullptr when the bytes appended so far
    // hold no more (the unfinished line then stays buffered).
    [[nodiscard]] const Event* next();

    // The same as copies: appends the bytes and returns the events they complete.
    QList<Event> feed(QByteArrayView bytes);
    // endOfStream(), then the remaining events.
    QList<Event> finish();

    [[nodiscard]] qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    QList<Event> takeAll();
    // Reads one line; true when it dispatched an event into m_event.
    bool processLine(QByteArrayView line);
    bool dispatch();

    QByteArray m_buffer;
    qsizetype m_lineStart = 0; // where the next unprocessed line starts
    qsizetype m_nextCr = -1;   // the first CR at or after m_lineStart, or the size (none); -1: not known
    bool m_skipLeadingLf = false; // the bytes so far ended in CR: an LF right after it belongs to it
    bool m_firstLine = true;
    bool m_atEnd = false;
    QString m_pendingEvent; // fields of the event being read
    QString m_pendingId;
    QByteArray m_data;
    bool m_hasData = false;
    Event m_event; // the last event dispatched (its data buffer is swapped with m_data, not copied)
};

} // namespace Storybook::Llm
