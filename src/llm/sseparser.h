#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Storybook::Llm {

// An incremental Server-Sent Events parser. Bytes may arrive split anywhere (inside a UTF-8
// character, between CR and LF); lines end in LF, CRLF or CR; comment lines (":") are skipped;
// "data:" with or without the space. Cost is linear in the bytes fed.
class SseParser final
{
public:
    struct Event
    {
        QString event; // the "event:" field, empty for the default "message"
        QString data;  // "data:" lines joined with "\n"
        QString id;
    };

    // Feeds bytes; returns the events completed by them.
    QList<Event> feed(const QByteArray& bytes);
    // The stream ended: returns a last event that had no closing blank line, if any.
    QList<Event> finish();

    [[nodiscard]] qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    void processLine(QByteArrayView line, QList<Event>& out);
    void dispatch(QList<Event>& out);

    QByteArray m_buffer;
    qsizetype m_scanFrom = 0; // where the next unprocessed line starts
    bool m_skipLeadingLf = false; // the previous chunk ended in CR: an LF right after it belongs to it
    bool m_firstLine = true;
    Event m_pending;
    QByteArray m_data;
    bool m_hasData = false;
};

} // namespace Storybook::Llm
