// bench-pictures-server: a picture provider for the picture benchmarks. Answers
// POST …/images/generations and POST …/images/edits the way OpenAI's gpt-image models do
// (data[].b64_json), with a real 1024×1024 PNG of a real provider's size (about 1.6 MB; every
// answer's bytes distinct, see tagPicture), after --delay-ms; GET …/models lists one model.
// tests/support's fake server paints 48×32 pictures, too small to measure what 1024×1024 ones cost.
// Prints "listening PORT" on stdout; exits when its stdin closes (--exit-on-stdin-close, as
// StorybookBench::FakeServerProcess starts it) or on SIGTERM.
#include "picturegen.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <memory>

#include <unistd.h>

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // QPainter on a QImage needs the GUI module's fonts-free init
    QCommandLineParser parser;
    const QCommandLineOption delayOption(QStringLiteral("delay-ms"), QStringLiteral("answer after MS ms"), QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption bytesOption(QStringLiteral("bytes"), QStringLiteral("PNG size"), QStringLiteral("N"), QStringLiteral("1600000"));
    const QCommandLineOption stdinOption(QStringLiteral("exit-on-stdin-close"), QStringLiteral("exit when stdin closes"));
    parser.addOptions({delayOption, bytesOption, stdinOption});
    parser.process(app);
    const int delayMs = parser.value(delayOption).toInt();

    const QByteArray png = Storybook::Bench::makePicture(1024, 1024, "png", 7, parser.value(bytesOption).toLongLong());
    quint32 serial = 0;

    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "bench-pictures-server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QObject::connect(&server, &QTcpServer::newConnection, &app, [&] {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [&, socket, buffer] {
                buffer->append(socket->readAll());
                for (;;) {
                    const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
                    if (headEnd < 0)
                        return;
                    const QByteArray head = buffer->left(headEnd);
                    qsizetype length = 0;
                    for (const QByteArray& line : head.split('\n')) {
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    }
                    if (head.toLower().contains("expect: 100-continue") && buffer->size() < headEnd + 4 + length
                        && !buffer->contains("HTTP/1.1 100")) {
                        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                    }
                    if (buffer->size() < headEnd + 4 + length)
                        return;
                    const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
                    buffer->remove(0, headEnd + 4 + length);
                    const QByteArray method = requestLine.value(0);
                    const QByteArray path = requestLine.value(1);
                    QByteArray status = "200 OK";
                    QByteArray body;
                    if (method == "POST" && (path.endsWith("/images/generations") || path.endsWith("/images/edits"))) {
                        body = "{\"created\":1700000000,\"data\":[{\"b64_json\":\""
                            + Storybook::Bench::tagPicture(png, ++serial).toBase64()
                            + "\",\"revised_prompt\":\"a picture\"}],\"usage\":{\"total_tokens\":100}}";
                    } else if (method == "GET" && path.endsWith("/models")) {
                        body = R"({"object":"list","data":[{"id":"gpt-image-1","object":"model","created":1700000000,"owned_by":"bench"}]})";
                    } else {
                        status = "404 Not Found";
                        body = R"({"error":{"message":"not here","type":"invalid_request_error","code":null}})";
                    }
                    const QByteArray answer = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
                    QPointer<QTcpSocket> alive(socket);
                    QTimer::singleShot(delayMs, socket, [alive, answer] {
                        if (alive)
                            alive->write(answer);
                    });
                }
            });
        }
    });
    std::printf("listening %u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    QSocketNotifier* stdinWatch = nullptr;
    if (parser.isSet(stdinOption)) {
        stdinWatch = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
        QObject::connect(stdinWatch, &QSocketNotifier::activated, &app, [&] {
            char c;
            if (::read(STDIN_FILENO, &c, 1) <= 0)
                app.quit();
        });
    }
    return app.exec();
}
