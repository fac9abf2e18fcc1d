#include "sseparser.h"

#include <QRandomGenerator>
#include <QTest>

using Storybook::Llm::SseParser;

class TestSseParser final : public QObject
{
    Q_OBJECT

private:
    static QStringList dataOf(const QList<SseParser::Event>& events)
    {
        QStringList out;
        for (const auto& event : events)
            out.append(QString::fromUtf8(event.data));
        return out;
    }

    // Feeds the stream split at the given offsets and collects every event.
    static QStringList feedSplit(const QByteArray& stream, const QList<qsizetype>& cuts)
    {
        SseParser parser;
        QStringList out;
        qsizetype from = 0;
        for (qsizetype cut : cuts) {
            out += dataOf(parser.feed(stream.mid(from, cut - from)));
            from = cut;
        }
        out += dataOf(parser.feed(stream.mid(from)));
        out += dataOf(parser.finish());
        return out;
    }

private Q_SLOTS:
    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("lf") << QByteArray("data: one\n\ndata: two\n\n");
        QTest::newRow("crlf") << QByteArray("data: one\r\n\r\ndata: two\r\n\r\n");
        QTest::newRow("cr") << QByteArray("data: one\r\rdata: two\r\r");
        QTest::newRow("no-space") << QByteArray("data:one\n\ndata:two\n\n");
        QTest::newRow("comments") << QByteArray(": keep-alive\ndata: one\n\n: ping\n\ndata: two\n\n");
        QTest::newRow("no-final-blank") << QByteArray("data: one\n\ndata: two");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF" "data: one\n\ndata: two\n\n");
        QTest::newRow("other-fields") << QByteArray("event: message\nid: 1\nretry: 10\ndata: one\n\ndata: two\n\n");
    }

    void lineEndings()
    {
        QFETCH(QByteArray, stream);
        const QStringList expected{QStringLiteral("one"), QStringLiteral("two")};
        QCOMPARE(feedSplit(stream, {}), expected);
        // Every single split point gives the same events, CR/LF pairs split included.
        for (qsizetype cut = 1; cut < stream.size(); ++cut)
            QCOMPARE(feedSplit(stream, {cut}), expected);
    }

    void multiLineData()
    {
        QCOMPARE(feedSplit("data: a\ndata: b\n\n", {}), QStringList{QStringLiteral("a\nb")});
    }

    void utf8SplitAnywhere()
    {
        const QString text = QStringLiteral("从前，有一只小狐狸🦊找到了一盏灯。");
        const QByteArray stream = "data: " + text.toUtf8() + "\n\n";
        for (qsizetype cut = 1; cut < stream.size(); ++cut) {
            for (qsizetype second = cut + 1; second < stream.size(); second += 3)
                QCOMPARE(feedSplit(stream, {cut, second}), QStringList{text});
        }
    }

    void byteByByte()
    {
        QByteArray stream;
        QStringList expected;
        for (int i = 0; i < 50; ++i) {
            const QString item = QStringLiteral("{\"n\":%1,\"t\":\"é🦊\"}").arg(i);
            expected.append(item);
            stream += "data: " + item.toUtf8() + (i % 2 ? "\r\n\r\n" : "\n\n");
        }
        QList<qsizetype> cuts;
        for (qsizetype i = 1; i < stream.size(); ++i)
            cuts.append(i);
        QCOMPARE(feedSplit(stream, cuts), expected);
    }

    void randomChunks()
    {
        QByteArray stream;
        QStringList expected;
        for (int i = 0; i < 2000; ++i) {
            const QString item = QStringLiteral("事件 %1 ✓").arg(i);
            expected.append(item);
            stream += (i % 3 == 0 ? ": c\n" : "") + QByteArray("data: ") + item.toUtf8() + (i % 2 ? "\r\n\r\n" : "\n\n");
        }
        QRandomGenerator random(42);
        for (int round = 0; round < 20; ++round) {
            QList<qsizetype> cuts;
            qsizetype at = 0;
            while (true) {
                at += 1 + random.bounded(40);
                if (at >= stream.size())
                    break;
                cuts.append(at);
            }
            QCOMPARE(feedSplit(stream, cuts), expected);
        }
    }

    void bufferStaysSmall()
    {
        SseParser parser;
        for (int i = 0; i < 10000; ++i)
            parser.feed("data: {\"x\":1}\n\n");
        QCOMPARE(parser.bufferedBytes(), 0);
        parser.feed("data: partial");
        QCOMPARE(parser.bufferedBytes(), qsizetype(13));
    }

    // The chat job's interface: append() a read, next() until nullptr; each event is valid until
    // the next call, and an event left open at the end comes after endOfStream().
    void pullInterface()
    {
        SseParser parser;
        QList<QByteArray> seen;
        const auto pull = [&] {
            while (const SseParser::Event* event = parser.next())
                seen.append(QByteArray(event->data.constData(), event->data.size())); // a deep copy
        };
        parser.append("data: one\n\nevent: x\nid: 7\ndata: tw");
        pull();
        QCOMPARE(seen, QList<QByteArray>{"one"});
        parser.append("o\n\ndata: three\r");
        pull();
        QCOMPARE(seen, (QList<QByteArray>{"one", "two"}));
        QCOMPARE(parser.bufferedBytes(), 0);
        parser.append("\ndata: four");
        pull();
        QCOMPARE(seen.size(), 2);
        parser.endOfStream();
        pull();
        QCOMPARE(seen, (QList<QByteArray>{"one", "two", "three\nfour"}));
        QCOMPARE(parser.next(), nullptr);
        QCOMPARE(parser.bufferedBytes(), 0);
    }

    void eventFieldsAndBytes()
    {
        SseParser parser;
        const QList<SseParser::Event> events = parser.feed("event: delta\nid: 7\ndata: \xff\xfe\n\ndata: b\n\n");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).event, QStringLiteral("delta"));
        QCOMPARE(events.at(0).id, QStringLiteral("7"));
        QCOMPARE(events.at(0).data, QByteArray("\xff\xfe")); // as sent: decoding is the reader's choice
        QCOMPARE(events.at(1).event, QString());
        QCOMPARE(events.at(1).data, QByteArray("b"));
    }

    void emptyDataIsAnEvent()
    {
        QCOMPARE(feedSplit("data:\n\n", {}), QStringList{QString()});
        QCOMPARE(feedSplit("\n\n\n", {}), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
