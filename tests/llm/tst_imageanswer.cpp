// A picture answer read off the GUI thread (issue 15): readImageAnswer on every shape of b64_json
// text (line breaks, JSON escapes, pretty-printed answers, a "b64_json" inside another string), and
// ImageJob with a real 2 MB answer: whitespace in it, cancelled and destroyed while it is decoded.
#include "clienttesthelpers.h"
#include "fakeopenaiserver.h"
#include "imageanswer.h"
#include "imagejob.h"

#include <QBuffer>
#include <QImage>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>

#include <memory>

using namespace Storybook;
using namespace Storybook::Test;
using Kind = Llm::LlmError::Kind;

namespace {

const QString Server = QStringLiteral("127.0.0.1:1");
const QUrl RequestUrl(QStringLiteral("http://127.0.0.1:1/v1/images/generations"));

Llm::ImageAnswer read(const QByteArray& body, const QByteArray& contentType = "application/json")
{
    return Llm::readImageAnswer(body, contentType, Server, RequestUrl, Redactor(QStringList{TestApiKey}));
}

// Base64 the way some encoders write it: in lines of 76 (JSON "\n" escapes), "/" escaped as "\/".
QByteArray wrappedJsonBase64(const QByteArray& bytes, const QByteArray& lineBreak = "\\n", bool escapeSlash = true)
{
    const QByteArray base64 = bytes.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < base64.size(); i += 76) {
        if (i > 0)
            out += lineBreak;
        out += base64.mid(i, 76);
    }
    if (escapeSlash)
        out.replace("/", "\\/");
    return out;
}

// A picture of about `side`² noisy pixels as PNG: megabytes, like a provider's 1024×1024 picture.
QByteArray noisyPng(int side)
{
    QImage image(side, side, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < side; ++y) {
        auto* line = reinterpret_cast<quint32*>(image.scanLine(y));
        for (int x = 0; x < side; ++x)
            line[x] = 0xff000000u | (random.generate() & 0xffffffu);
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return buffer.data();
}

// Answers every request on loopback with one fixed HTTP response, once the request has arrived whole.
class OneAnswerServer final : public QObject
{
public:
    explicit OneAnswerServer(QByteArray body)
        : m_body(std::move(body))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answerWhenComplete(socket); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    [[nodiscard]] QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort())); }

private:
    void answerWhenComplete(QTcpSocket* socket)
    {
        QByteArray& request = m_requests[socket];
        request += socket->readAll();
        const qsizetype headerEnd = request.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : request.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (request.size() < headerEnd + 4 + length)
            return;
        m_requests.remove(socket);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                      + QByteArray::number(m_body.size()) + "\r\n\r\n");
        socket->write(m_body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_body;
    QHash<QTcpSocket*, QByteArray> m_requests;
};

Llm::ImageRequest pictureRequest()
{
    Llm::ImageRequest r;
    r.prompt = QStringLiteral("A fox with a blue scarf");
    r.model = QStringLiteral("gpt-image-1");
    return r;
}

} // namespace

class TestImageAnswer final : public QObject
{
    Q_OBJECT

    QByteArray m_picture; // a small real PNG
    QByteArray m_large;   // a real PNG of a few MB

private Q_SLOTS:
    void initTestCase()
    {
        m_picture = FakeOpenAiServer::picture("png", "a fox");
        QVERIFY(!m_picture.isEmpty());
        m_large = noisyPng(900);
        QVERIFY(m_large.size() > 2 * 1024 * 1024);
    }

    void init() { failOnLifecycleWarnings(); }

    void base64InJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("revised");
        const QByteArray plain = m_picture.toBase64();
        QTest::newRow("compact") << QByteArray("{\"created\":1,\"data\":[{\"b64_json\":\"" + plain
                                               + "\",\"revised_prompt\":\"a fox\"}]}")
                                 << "a fox";
        QTest::newRow("lines of 76, escaped slashes") << QByteArray("{\"data\":[{\"b64_json\":\"" + wrappedJsonBase64(m_picture)
                                                                    + "\"}]}")
                                                      << "";
        QTest::newRow("CRLF escapes, plain slashes")
            << QByteArray("{\"data\":[{\"b64_json\":\"" + wrappedJsonBase64(m_picture, "\\r\\n", false) + "\"}]}") << "";
        QTest::newRow("pretty-printed, spaces in the text")
            << QByteArray("{\n  \"data\" : [\n    {\n      \"revised_prompt\" : \"fox\",\n      \"b64_json\" :  \""
                          + wrappedJsonBase64(m_picture, " ", false) + "\"\n    }\n  ]\n}\n")
            << "fox";
        QByteArray unicodeEscapes = plain;
        unicodeEscapes.replace("+", "\\u002B").replace("/", "\\u002f");
        QTest::newRow("\\u escapes") << QByteArray("{\"data\":[{\"b64_json\":\"" + unicodeEscapes + "\"}]}") << "";
        QTest::newRow("a data: URL") << QByteArray("{\"data\":[{\"b64_json\":\"data:image/png;base64," + plain + "\"}]}") << "";
        QTest::newRow("\"b64_json\" inside another string first")
            << QByteArray("{\"note\":\"say \\\"b64_json\\\": \\\"AAAA\\\" here\",\"data\":[{\"b64_json\":\"" + plain + "\"}]}") << "";
        QTest::newRow("a value \"b64_json\" before the key")
            << QByteArray("{\"fields\":[\"b64_json\"],\"data\":[{\"b64_json\":\"" + plain + "\"}]}") << "";
        QTest::newRow("the first entry is empty") << QByteArray("{\"data\":[{\"b64_json\":\"\"},{\"b64_json\":\"" + plain + "\"}]}") << "";
    }
    void base64InJson()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, revised);
        const Llm::ImageAnswer answer = read(body);
        QVERIFY2(!answer.error.isError(), qPrintable(answer.error.message + u' ' + answer.error.detail));
        QCOMPARE(answer.bytes, m_picture); // byte for byte
        QCOMPARE(answer.mimeType, QStringLiteral("image/png"));
        QCOMPARE(answer.revisedPrompt, revised);
        QVERIFY(answer.url.isEmpty());
    }

    void otherShapes()
    {
        // The first entry names an address: that one is fetched, even with a b64_json after it.
        Llm::ImageAnswer answer = read("{\"data\":[{\"url\":\"/files/x\"},{\"b64_json\":\"" + m_picture.toBase64() + "\"}]}");
        QVERIFY(!answer.error.isError());
        QCOMPARE(answer.url, QUrl(QStringLiteral("http://127.0.0.1:1/files/x")));
        QVERIFY(answer.bytes.isEmpty());
        // The picture itself.
        answer = read(m_picture, "application/octet-stream");
        QCOMPARE(answer.bytes, m_picture);
        // A refusal inside a 200 answer still reads as one.
        answer = read("{\"error\":{\"code\":\"moderation_blocked\",\"message\":\"rejected by the safety system\"},\"data\":[]}");
        QCOMPARE(answer.error.kind, Kind::ContentRefused);
    }

    void brokenBase64_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        const QByteArray plain = m_picture.toBase64();
        QTest::newRow("not base64") << QByteArray("{\"data\":[{\"b64_json\":\"**not base64**\"}]}") << int(Kind::MalformedResponse);
        QTest::newRow("an escaped quote") << QByteArray("{\"data\":[{\"b64_json\":\"" + plain.left(40) + "\\\"" + plain.mid(40) + "\"}]}")
                                          << int(Kind::MalformedResponse);
        QTest::newRow("a non-ASCII escape") << QByteArray("{\"data\":[{\"b64_json\":\"" + plain.left(40) + "\\u00e9" + plain.mid(40) + "\"}]}")
                                            << int(Kind::MalformedResponse);
        QTest::newRow("cut off") << QByteArray("{\"data\":[{\"b64_json\":\"" + plain.left(plain.size() / 2)) << int(Kind::MalformedResponse);
        QTest::newRow("a damaged picture") << QByteArray("{\"data\":[{\"b64_json\":\"" + m_picture.left(m_picture.size() - 20).toBase64() + "\"}]}")
                                           << int(Kind::MalformedResponse);
        QTest::newRow("a web page") << QByteArray("  <html><body>Bad gateway</body></html>") << int(Kind::MalformedResponse);
    }
    void brokenBase64()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        const Llm::ImageAnswer answer = read(body);
        QCOMPARE(int(answer.error.kind), kind);
        QVERIFY(answer.bytes.isEmpty());
        QVERIFY(!answer.error.message.isEmpty());
    }

    void base64FromJsonString()
    {
        QCOMPARE(Llm::base64FromJsonString("QUJD\\nREVG\\r\\n R0g=").value_or("?"), QByteArray("QUJDREVGR0g="));
        QCOMPARE(Llm::base64FromJsonString("a\\/b\\u002Bc\\u0020d").value_or("?"), QByteArray("a/b+cd"));
        QVERIFY(!Llm::base64FromJsonString("ab\\").has_value());
        QVERIFY(!Llm::base64FromJsonString("ab\\u12").has_value());
        QVERIFY(!Llm::base64FromJsonString("ab\\\\cd").has_value());
        QVERIFY(!Llm::base64FromJsonString("ab\\u0022cd").has_value());
    }

    // A real-size answer, pretty-printed and with its base64 in lines, through the whole job.
    void largeAnswerWithWhitespace()
    {
        OneAnswerServer server("{\n  \"created\": 1,\n  \"data\": [\n    {\n      \"b64_json\": \"" + wrappedJsonBase64(m_large)
                               + "\",\n      \"revised_prompt\": \"a fox\"\n    }\n  ]\n}\n");
        QVERIFY(server.listen());
        Llm::LlmClient client(directSettings(server.baseUrl()));
        Llm::ImageJob* job = client.image(pictureRequest());
        int decoding = 0;
        bool finished = false;
        Llm::LlmError error;
        Llm::ImageResult result;
        connect(job, &Llm::ImageJob::decoding, this, [&decoding] { ++decoding; });
        connect(job, &Llm::RequestJob::finished, this, [&, job] {
            finished = true;
            error = job->error();
            result = job->result();
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
        QVERIFY2(!error.isError(), qPrintable(error.message + u' ' + error.detail));
        QCOMPARE(decoding, 1);
        QCOMPARE(result.bytes, m_large);
        QCOMPARE(result.mimeType, QStringLiteral("image/png"));
        QCOMPARE(result.revisedPrompt, QStringLiteral("a fox"));
    }

    // Cancelled while its answer is being read: finished() once, Cancelled, and the worker's result
    // is never delivered (nothing is announced after it is done).
    void cancelWhileDecoding()
    {
        OneAnswerServer server("{\"data\":[{\"b64_json\":\"" + wrappedJsonBase64(m_large) + "\"}]}");
        QVERIFY(server.listen());
        Llm::LlmClient client(directSettings(server.baseUrl()));
        Llm::ImageJob* job = client.image(pictureRequest());
        int decoding = 0;
        int finished = 0;
        Llm::LlmError error;
        connect(job, &Llm::ImageJob::decoding, this, [&decoding, job] {
            ++decoding;
            job->cancel();
        });
        connect(job, &Llm::RequestJob::finished, this, [&finished, &error, job] {
            ++finished;
            error = job->error();
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished == 1, 30000);
        QCOMPARE(decoding, 1);
        QCOMPARE(error.kind, Kind::Cancelled);
        QVERIFY(QThreadPool::globalInstance()->waitForDone(30000)); // the worker has done its part
        QTRY_COMPARE_WITH_TIMEOUT(client.runningJobs(), 0, 5000);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(finished, 1);
    }

    // The client (and with it the job) goes while the answer is being read: no crash, no delivery.
    void destroyedWhileDecoding()
    {
        OneAnswerServer server("{\"data\":[{\"b64_json\":\"" + wrappedJsonBase64(m_large) + "\"}]}");
        QVERIFY(server.listen());
        auto client = std::make_unique<Llm::LlmClient>(directSettings(server.baseUrl()));
        Llm::ImageJob* job = client->image(pictureRequest());
        int decoding = 0;
        int finished = 0;
        QObject context;
        connect(job, &Llm::ImageJob::decoding, &context, [&] {
            ++decoding;
            QMetaObject::invokeMethod(&context, [&client] { client.reset(); }, Qt::QueuedConnection);
        });
        connect(job, &Llm::RequestJob::finished, &context, [&finished] { ++finished; });
        QTRY_VERIFY_WITH_TIMEOUT(!client, 30000);
        QCOMPARE(decoding, 1);
        QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(finished, 0);
    }
};

QTEST_MAIN(TestImageAnswer)
#include "tst_imageanswer.moc"
