// Fuzz target for Llm::SseParser: the input is a server-sent event stream. It is fed whole, one byte at a time,
// in chunks whose lengths the input itself chooses (so every mutation also moves the cuts), and cut between
// every CR and what follows it. Each way must give the same events as a plain whole-stream reading of the
// grammar in sseparser.h, and the parser must buffer no more than the unfinished last line.
#include "fuzzcheck.h"
#include "sseparser.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <algorithm>
#include <utility>

using Storybook::Llm::SseParser;

namespace {

using Events = QList<SseParser::Event>;

bool sameEvents(const Events& a, const Events& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).event != b.at(i).event || a.at(i).data != b.at(i).data || a.at(i).id != b.at(i).id)
            return false;
    }
    return true;
}

// The grammar read the simple way, over the whole stream at once: lines end in LF, CRLF or CR; a UTF-8 BOM
// before the first line is dropped; ":" starts a comment; "field:value" with one optional space; "data" lines
// join with LF; a blank line (or the end) dispatches an event when data was seen.
Events referenceEvents(const QByteArray& stream)
{
    Events out;
    SseParser::Event pending;
    QByteArray data;
    bool hasData = false;
    bool firstLine = true;
    const auto dispatch = [&] {
        if (hasData) {
            pending.data = data;
            out.append(pending);
        }
        pending = {};
        data.clear();
        hasData = false;
    };
    const auto line = [&](QByteArrayView text) {
        if (std::exchange(firstLine, false) && text.startsWith("\xEF\xBB\xBF"))
            text = text.sliced(3);
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.front() == ':')
            return;
        const qsizetype colon = text.indexOf(':');
        const QByteArrayView field = colon < 0 ? text : text.first(colon);
        QByteArrayView value = colon < 0 ? QByteArrayView() : text.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
        if (field == "data") {
            if (hasData)
                data.append('\n');
            data.append(value);
            hasData = true;
        } else if (field == "event") {
            pending.event = QString::fromUtf8(value);
        } else if (field == "id") {
            pending.id = QString::fromUtf8(value);
        }
    };
    qsizetype start = 0;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        const char c = stream.at(i);
        if (c != '\n' && c != '\r')
            continue;
        line(QByteArrayView(stream).sliced(start, i - start));
        if (c == '\r' && i + 1 < stream.size() && stream.at(i + 1) == '\n')
            ++i;
        start = i + 1;
    }
    if (start < stream.size())
        line(QByteArrayView(stream).sliced(start));
    dispatch();
    return out;
}

// Feeds the stream cut after each of `ends` (ascending, each in 0..size; repeats make empty chunks), checking
// after every chunk that only the unfinished line is buffered.
Events feedCut(const QByteArray& stream, const QList<qsizetype>& ends)
{
    SseParser parser;
    Events out;
    qsizetype from = 0;
    qsizetype lineStart = 0; // where the unfinished line of the bytes fed so far starts
    const auto feedUpTo = [&](qsizetype to) {
        out += parser.feed(stream.mid(from, to - from));
        for (qsizetype i = from; i < to; ++i) {
            if (stream.at(i) == '\n' || stream.at(i) == '\r')
                lineStart = i + 1;
        }
        from = to;
        FUZZ_CHECK(parser.bufferedBytes() == from - lineStart, "buffers more than the unfinished line");
    };
    for (const qsizetype end : ends)
        feedUpTo(end);
    feedUpTo(stream.size());
    out += parser.finish();
    FUZZ_CHECK(parser.bufferedBytes() == 0, "finish() leaves bytes buffered");
    FUZZ_CHECK(parser.finish().isEmpty(), "a second finish() gives events");
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    if (size > 64 * 1024)
        return -1; // four full passes, one of them byte by byte: keep single runs fast
    const QByteArray stream(reinterpret_cast<const char*>(bytes), qsizetype(size));
    const Events expected = referenceEvents(stream);

    FUZZ_CHECK(sameEvents(feedCut(stream, {}), expected), "whole stream differs from the reference");

    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < stream.size(); ++i)
        everyByte.append(i);
    FUZZ_CHECK(sameEvents(feedCut(stream, everyByte), expected), "byte-by-byte feeding differs");

    // Chunk lengths 0..15 taken from the input's own bytes, so the cuts move with every mutation.
    QList<qsizetype> chosen;
    for (qsizetype at = 0, k = 0; at < stream.size(); ++k) {
        at = std::min(stream.size(), at + (uchar(stream.at(k % stream.size())) * 7 + k) % 16);
        chosen.append(at);
    }
    FUZZ_CHECK(sameEvents(feedCut(stream, chosen), expected), "feeding in input-chosen chunks differs");

    // Cut right after every CR (so CRLF pairs are split) and right before every CR.
    QList<qsizetype> aroundCr;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        if (stream.at(i) == '\r') {
            aroundCr.append(i);
            aroundCr.append(i + 1);
        }
    }
    FUZZ_CHECK(sameEvents(feedCut(stream, aroundCr), expected), "cutting around CR differs");
    return 0;
}
