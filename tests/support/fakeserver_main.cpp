// fake-openai-server: command-line wrapper around Storybook::Test::FakeOpenAiServer for
// black-box CLI tests and benchmarks. Prints "listening PORT" on stdout once ready.
#include "fakeopenaiserver.h"
#include "testlogging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_UNIX
int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}
#endif

QJsonObject toJson(const Storybook::Test::RecordedRequest& request)
{
    QJsonArray headers;
    for (const auto& [name, value] : request.headers)
        headers.append(QJsonArray{QString::fromLatin1(name), QString::fromUtf8(value)});
    return QJsonObject{{QStringLiteral("method"), QString::fromLatin1(request.method)},
                       {QStringLiteral("path"), QString::fromUtf8(request.path)},
                       {QStringLiteral("peer"), request.peer.toString()},
                       {QStringLiteral("scenario"), request.scenario},
                       {QStringLiteral("headers"), headers},
                       {QStringLiteral("body"), QString::fromUtf8(request.body)}};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fake-openai-server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fake OpenAI-compatible server for tests (loopback only)."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port (0 = any free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption listenOption(QStringLiteral("listen"), QStringLiteral("Loopback address to listen on."),
                                          QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption certOption(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate (enables TLS)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("tls-key"), QStringLiteral("PEM private key."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"), QStringLiteral("Default scenario."),
                                            QStringLiteral("NAME"), QStringLiteral("ok"));
    const QCommandLineOption recordOption(QStringLiteral("record"),
                                          QStringLiteral("Append one JSON line per request to FILE."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption stdinOption(QStringLiteral("exit-on-stdin-close"),
                                         QStringLiteral("Exit when standard input reaches end-of-file."));
    parser.addOptions({portOption, listenOption, certOption, keyOption, scenarioOption, recordOption, stdinOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "invalid --port\n");
        return 2;
    }
    QString listenText = parser.value(listenOption);
    if (listenText == QLatin1String("localhost"))
        listenText = QStringLiteral("127.0.0.1");
    const QHostAddress address(listenText);
    if (address.isNull() || !address.isLoopback()) {
        std::fprintf(stderr, "refusing to listen on non-loopback address %s\n", qPrintable(listenText));
        return 2;
    }

    Storybook::Test::FakeOpenAiServer server;
    server.setDefaultScenario(parser.value(scenarioOption));
    if (parser.isSet(certOption) != parser.isSet(keyOption)) {
        std::fprintf(stderr, "--tls-cert and --tls-key go together\n");
        return 2;
    }
    if (parser.isSet(certOption)
        && !server.setTlsCertificate(parser.value(certOption), parser.value(keyOption))) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 2;
    }

    QFile record;
    if (parser.isSet(recordOption)) {
        record.setFileName(parser.value(recordOption));
        if (!record.open(QIODevice::WriteOnly | QIODevice::Append)) {
            std::fprintf(stderr, "cannot open %s\n", qPrintable(record.fileName()));
            return 2;
        }
        QObject::connect(&server, &Storybook::Test::FakeOpenAiServer::requestReceived, &record,
                         [&record](const Storybook::Test::RecordedRequest& request) {
                             record.write(QJsonDocument(toJson(request)).toJson(QJsonDocument::Compact) + '\n');
                             record.flush();
                         });
    }

#ifdef Q_OS_UNIX
    if (!installSignalHandlers()) {
        std::fprintf(stderr, "cannot install signal handlers\n");
        return 2;
    }
    QSocketNotifier signalNotifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&signalNotifier] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalFds[1], &byte, 1);
        signalNotifier.setEnabled(false);
        QCoreApplication::quit();
    });

    std::unique_ptr<QSocketNotifier> stdinNotifier;
    if (parser.isSet(stdinOption)) {
        stdinNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QSocketNotifier* notifier = stdinNotifier.get();
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
            char buffer[4096];
            const auto got = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (got <= 0) {
                notifier->setEnabled(false);
                QCoreApplication::quit();
            }
        });
    }
#endif

    if (!server.listen(address, quint16(port))) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::fprintf(stdout, "listening %u\n", unsigned(server.port()));
    std::fflush(stdout);

    const int rc = QCoreApplication::exec();
    server.close();
#ifdef Q_OS_UNIX
    ::close(g_signalFds[0]);
    ::close(g_signalFds[1]);
#endif
    return rc;
}
