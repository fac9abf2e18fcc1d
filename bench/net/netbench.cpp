// storybook-bench-net: network streaming benchmarks (docs/benchmarks.md).
//
//   stream   a chat completion of N deltas (fake server scenario ok:N, in this process, loopback)
//            consumed by storybook-cli chat, curl -N and (optionally) the openai npm SDK, directly
//            and through microsocks; CPU seconds (user+sys), wall time and peak RSS of each client
//            process from wait4(); every run's output is checked against the expected content.
//   latency  request start → first stdout byte, storybook-cli vs curl, server answering at once:
//            spawn → first byte and server-received-request → first byte (monotonic clock).
//
// Prints the medians as CSV rows "benchmark,size,metric,value,unit" on stdout and one line per
// run on stderr. Exits 1 if any run failed or delivered incomplete content, 2 on usage errors.
#include "clirunner.h"
#include "fakeopenaiserver.h"
#include "proxylauncher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <cstdio>
#include <map>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

using Storybook::Test::FakeOpenAiServer;
using Storybook::Test::ProxyLauncher;
using Storybook::Test::hermeticEnvironment;

// The words the fake server cycles through for ok:N (tests/support/fakeopenaiserver.cpp).
const char* const kWords[] = {"Once", " upon", " a", " time,", " a", " small", " fox", " found", " a", " lantern."};

QByteArray expectedContent(int deltas)
{
    QByteArray text;
    for (int i = 0; i < deltas; ++i)
        text += kWords[i % int(std::size(kWords))];
    return text;
}

//! The content deltas of an SSE chat-completion stream (curl's raw output); nullopt if the stream
//! has no "data: [DONE]" or an event is not a chat.completion.chunk.
std::optional<QByteArray> sseContent(const QByteArray& raw)
{
    QByteArray content;
    bool done = false;
    qsizetype pos = 0;
    while (pos < raw.size()) {
        qsizetype end = raw.indexOf('\n', pos);
        if (end < 0)
            end = raw.size();
        const QByteArrayView line = QByteArrayView(raw).sliced(pos, end - pos);
        pos = end + 1;
        if (!line.startsWith("data: "))
            continue;
        const QByteArrayView payload = line.sliced(6);
        if (payload == "[DONE]") {
            done = true;
            continue;
        }
        if (done)
            return std::nullopt;
        const QJsonObject chunk = QJsonDocument::fromJson(payload.toByteArray()).object();
        if (chunk.value(QLatin1String("object")).toString() != QLatin1String("chat.completion.chunk"))
            return std::nullopt;
        const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
        if (!choices.isEmpty())
            content += choices.at(0).toObject().value(QLatin1String("delta")).toObject().value(QLatin1String("content")).toString().toUtf8();
    }
    return done ? std::optional<QByteArray>(content) : std::nullopt;
}

struct RunResult
{
    bool started = false;
    bool timedOut = false;
    int exitCode = -1;
    double cpuS = 0;
    double wallS = 0;
    double rssMb = 0;
    double firstByteMs = -1; //!< spawn → first stdout byte
    qint64 spawnNs = 0;      //!< monotonic clock at spawn
    qint64 firstByteNs = 0;  //!< monotonic clock at the first stdout byte
    QByteArray out;
    QByteArray err;
};

//! Spawns argv with stdout on a pipe (read from this thread's event loop, so an in-process server
//! keeps serving) and stderr in a file; collects rusage with wait4(). Bounded by timeoutMs.
// measureRss: run the client under GNU time and take its peak RSS from there. A child spawned from
// this (big) process starts on this process's memory until it execs, and Linux counts that in the
// child's own ru_maxrss; GNU time is a small process, so what it reports is the client's alone.
RunResult runClient(QStringList argv, const QStringList& environment, const QString& errPath, int timeoutMs,
                    const QElapsedTimer& clock, bool measureRss)
{
    RunResult result;
    const QString rssPath = errPath + QStringLiteral(".maxrss");
    const QString timeTool = QStringLiteral("/usr/bin/time");
    if (measureRss && QFileInfo(timeTool).isExecutable()) {
        QFile::remove(rssPath);
        argv = QStringList{timeTool, QStringLiteral("-f"), QStringLiteral("%M"), QStringLiteral("-o"), rssPath} + argv;
    } else {
        measureRss = false;
    }
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return result;
    std::vector<QByteArray> argStore;
    for (const QString& arg : argv)
        argStore.push_back(arg.toLocal8Bit());
    std::vector<char*> args;
    for (QByteArray& arg : argStore)
        args.push_back(arg.data());
    args.push_back(nullptr);
    std::vector<QByteArray> envStore;
    for (const QString& entry : environment)
        envStore.push_back(entry.toLocal8Bit());
    std::vector<char*> envp;
    for (QByteArray& entry : envStore)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    const QByteArray errFile = QFile::encodeName(errPath);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errFile.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);

    result.spawnNs = clock.nsecsElapsed();
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
        ::close(fds[0]);
        result.err = QByteArray("posix_spawn failed: ") + std::strerror(rc);
        return result;
    }
    result.started = true;
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);

    QEventLoop loop;
    bool eof = false;
    QSocketNotifier notifier(fds[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &loop, [&] {
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
            if (n > 0) {
                if (result.out.isEmpty()) {
                    result.firstByteNs = clock.nsecsElapsed();
                    result.firstByteMs = double(result.firstByteNs - result.spawnNs) / 1e6;
                }
                result.out.append(buffer, n);
                continue;
            }
            if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                eof = true;
                notifier.setEnabled(false);
                loop.quit();
            }
            break;
        }
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    loop.exec();

    int status = 0;
    rusage usage{};
    pid_t waited = 0;
    if (eof) {
        // stdout is closed; the process is exiting. Bounded wait, then kill by PID.
        const QDeadlineTimer exitDeadline(5000);
        while ((waited = ::wait4(pid, &status, WNOHANG, &usage)) == 0 && !exitDeadline.hasExpired())
            ::usleep(500);
    }
    if (waited != pid) {
        result.timedOut = true;
        ::kill(pid, SIGKILL);
        ::wait4(pid, &status, 0, &usage);
    }
    result.wallS = double(clock.nsecsElapsed() - result.spawnNs) / 1e9;
    ::close(fds[0]);
    if (!result.timedOut && WIFEXITED(status))
        result.exitCode = WEXITSTATUS(status);
    result.cpuS = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    result.rssMb = double(usage.ru_maxrss) / 1024.0; // kB on Linux
    if (measureRss) {
        QFile rss(rssPath);
        bool ok = false;
        const double kb = rss.open(QIODevice::ReadOnly) ? rss.readAll().trimmed().split('\n').constLast().toDouble(&ok) : 0;
        result.rssMb = ok ? kb / 1024.0 : -1;
    }
    QFile err(errPath);
    if (err.open(QIODevice::ReadOnly))
        result.err = err.read(4096);
    return result;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Client
{
    QString name;                               //!< storybook-cli, curl, openai-sdk
    std::function<QStringList(const QUrl& base, quint16 socksPort)> argv; //!< socksPort 0: direct
    QStringList extraEnv;
    enum class Output { Content, ContentNewline, Sse } output = Output::Content;
};

bool checkOutput(const Client& client, const QByteArray& out, const QByteArray& expected, QString* why)
{
    QByteArray content;
    switch (client.output) {
    case Client::Output::Content: content = out; break;
    case Client::Output::ContentNewline:
        if (!out.endsWith('\n')) {
            *why = QStringLiteral("no final newline");
            return false;
        }
        content = out.chopped(1);
        break;
    case Client::Output::Sse: {
        const auto parsed = sseContent(out);
        if (!parsed) {
            *why = QStringLiteral("not a complete SSE stream (no [DONE] or a bad event)");
            return false;
        }
        content = *parsed;
        break;
    }
    }
    if (content != expected) {
        *why = QStringLiteral("content differs: %1 bytes, expected %2").arg(content.size()).arg(expected.size());
        return false;
    }
    return true;
}

void csv(const QString& benchmark, int size, const QString& metric, double value, const QString& unit)
{
    std::printf("%s,%d,%s,%.6g,%s\n", qPrintable(benchmark), size, qPrintable(metric), value, qPrintable(unit));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Network streaming benchmarks (loopback only)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("stream or latency"));
    const QCommandLineOption cliOpt(QStringLiteral("cli"), QStringLiteral("storybook-cli executable."), QStringLiteral("PATH"));
    const QCommandLineOption curlOpt(QStringLiteral("curl"), QStringLiteral("curl executable (default: from PATH)."), QStringLiteral("PATH"));
    const QCommandLineOption nodeOpt(QStringLiteral("node"), QStringLiteral("node executable; enables the openai SDK client."), QStringLiteral("PATH"));
    const QCommandLineOption sdkScriptOpt(QStringLiteral("sdk-script"), QStringLiteral("The SDK streaming script."), QStringLiteral("FILE"));
    const QCommandLineOption nodePathOpt(QStringLiteral("node-path"), QStringLiteral("NODE_PATH for the SDK (its node_modules)."), QStringLiteral("DIR"));
    const QCommandLineOption deltasOpt(QStringLiteral("deltas"), QStringLiteral("Deltas per stream (comma-separated list)."), QStringLiteral("N,..."), QStringLiteral("1000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs per client."), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption viaOpt(QStringLiteral("via"), QStringLiteral("direct, socks5 or direct,socks5."), QStringLiteral("LIST"), QStringLiteral("direct,socks5"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"), QStringLiteral("Per-run limit in seconds."), QStringLiteral("S"), QStringLiteral("120"));
    parser.addOptions({cliOpt, curlOpt, nodeOpt, sdkScriptOpt, nodePathOpt, deltasOpt, runsOpt, viaOpt, timeoutOpt});
    parser.process(app);

    const QString mode = parser.positionalArguments().value(0);
    if ((mode != QLatin1String("stream") && mode != QLatin1String("latency")) || !parser.isSet(cliOpt)) {
        std::fprintf(stderr, "usage: storybook-bench-net stream|latency --cli PATH [options]\n");
        return 2;
    }
    const QString cliPath = parser.value(cliOpt);
    const QString curlPath = parser.isSet(curlOpt) ? parser.value(curlOpt) : Storybook::Test::findTool(QStringLiteral("curl"));
    if (curlPath.isEmpty()) {
        std::fprintf(stderr, "curl not found\n");
        return 1;
    }
    const int runs = qMax(1, parser.value(runsOpt).toInt());
    const int timeoutMs = qMax(1, parser.value(timeoutOpt).toInt()) * 1000;
    std::vector<int> sizes;
    for (const QString& text : parser.value(deltasOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
        sizes.push_back(qMax(1, text.toInt()));
    const QStringList vias = parser.value(viaOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);

    // Hermetic environment: no proxy variables or STORYBOOK_* settings; HOME/XDG in a temp dir.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    QStringList environment;
    {
        // The tests' hermetic environment (no proxy variables, HOME and XDG folders of its own),
        // without the SDK's variables of the calling shell.
        QProcessEnvironment env = hermeticEnvironment(home.path());
        env.remove(QStringLiteral("NODE_PATH"));
        env.remove(QStringLiteral("OPENAI_API_KEY"));
        env.insert(QStringLiteral("STORYBOOK_API_KEY"), QStringLiteral("sk-bench-not-a-secret"));
        env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-bench-not-a-secret"));
        if (parser.isSet(nodePathOpt))
            env.insert(QStringLiteral("NODE_PATH"), parser.value(nodePathOpt));
        environment = env.toStringList();
    }
    const QString errPath = QDir(home.path()).filePath(QStringLiteral("stderr.txt"));

    QList<Client> clients;
    clients.append({QStringLiteral("storybook-cli"),
                    [&](const QUrl& base, quint16 socks) {
                        QStringList args{cliPath, QStringLiteral("chat"), QStringLiteral("Tell me a story"),
                                         QStringLiteral("--base-url"), base.toString(), QStringLiteral("--model"),
                                         QStringLiteral("fake-small"), QStringLiteral("--retries"), QStringLiteral("0")};
                        if (socks)
                            args << QStringLiteral("--proxy") << QStringLiteral("socks5h://127.0.0.1:%1").arg(socks)
                                 << QStringLiteral("--no-proxy") << QString();
                        else
                            args << QStringLiteral("--proxy") << QStringLiteral("none");
                        return args;
                    },
                    {}, Client::Output::ContentNewline});
    const QByteArray body = R"({"model":"fake-small","stream":true,"messages":[{"role":"user","content":"Tell me a story"}]})";
    clients.append({QStringLiteral("curl"),
                    [&](const QUrl& base, quint16 socks) {
                        QStringList args{curlPath, QStringLiteral("-sS"), QStringLiteral("-N"), QStringLiteral("--fail"),
                                         QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                                         QStringLiteral("-H"), QStringLiteral("Authorization: Bearer sk-bench-not-a-secret"),
                                         QStringLiteral("--data-binary"), QString::fromUtf8(body)};
                        if (socks)
                            args << QStringLiteral("--socks5-hostname") << QStringLiteral("127.0.0.1:%1").arg(socks);
                        else
                            args << QStringLiteral("--noproxy") << QStringLiteral("*");
                        args << base.toString() + QStringLiteral("/chat/completions");
                        return args;
                    },
                    {}, Client::Output::Sse});
    if (parser.isSet(nodeOpt) && mode == QLatin1String("stream")) {
        const QString node = parser.value(nodeOpt);
        const QString script = parser.value(sdkScriptOpt);
        clients.append({QStringLiteral("openai-sdk"),
                        [node, script](const QUrl& base, quint16 socks) {
                            QStringList args{node, script, base.toString()};
                            if (socks)
                                args << QStringLiteral("socks5h://127.0.0.1:%1").arg(socks);
                            return args;
                        },
                        {}, Client::Output::Content});
    }

    QElapsedTimer reference; // monotonic; every timestamp below is on this clock
    reference.start();
    FakeOpenAiServer server;
    if (!server.listen()) {
        std::fprintf(stderr, "fake server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    bool failed = false;
    auto runChecked = [&](const Client& client, const QUrl& base, quint16 socks, const QByteArray& expected,
                          const QString& label) -> std::optional<RunResult> {
        RunResult run = runClient(client.argv(base, socks), environment, errPath, timeoutMs, reference, mode == QLatin1String("stream"));
        QString why;
        if (!run.started || run.timedOut || run.exitCode != 0) {
            why = run.timedOut ? QStringLiteral("timed out") : QStringLiteral("exit code %1").arg(run.exitCode);
        } else {
            checkOutput(client, run.out, expected, &why);
        }
        if (!why.isEmpty()) {
            std::fprintf(stderr, "FAIL %s %s: %s; stderr: %s\n", qPrintable(label), qPrintable(client.name),
                         qPrintable(why), run.err.left(600).constData());
            failed = true;
            return std::nullopt;
        }
        return run;
    };

    if (mode == QLatin1String("stream")) {
        std::unique_ptr<ProxyLauncher> proxy;
        if (vias.contains(QLatin1String("socks5"))) {
            proxy = std::make_unique<ProxyLauncher>();
            if (!ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Socks5) || !proxy->start(ProxyLauncher::Kind::Socks5)) {
                std::fprintf(stderr, "FAIL microsocks: %s\n", qPrintable(proxy->errorString()));
                return 1;
            }
            std::fprintf(stderr, "microsocks pid %lld on 127.0.0.1:%u\n", proxy->pid(), unsigned(proxy->port()));
        }
        for (const int size : sizes) {
            const QByteArray expected = expectedContent(size);
            const QUrl base = server.baseUrl(QStringLiteral("ok:%1").arg(size));
            for (const QString& via : vias) {
                const quint16 socks = via == QLatin1String("socks5") ? proxy->port() : 0;
                const QString benchmark = QStringLiteral("stream-") + via;
                std::map<QString, std::vector<double>> cpu, wall, rss;
                for (int i = 0; i < runs; ++i) {
                    for (const Client& client : std::as_const(clients)) { // interleaved: A B C A B C …
                        server.clearRequests();
                        const auto run = runChecked(client, base, socks, expected, benchmark + u' ' + QString::number(size));
                        if (!run)
                            continue;
                        const auto requests = server.requests();
                        const QString peer = requests.isEmpty() ? QString() : requests.constFirst().peer.toString();
                        const QString wantPeer = socks ? QStringLiteral("127.0.0.2") : QStringLiteral("127.0.0.1");
                        if (requests.size() != 1 || peer != wantPeer) {
                            std::fprintf(stderr, "FAIL %s %s: %lld requests, peer %s (expected one from %s)\n",
                                         qPrintable(benchmark), qPrintable(client.name), qlonglong(requests.size()),
                                         qPrintable(peer), qPrintable(wantPeer));
                            failed = true;
                            continue;
                        }
                        cpu[client.name].push_back(run->cpuS);
                        wall[client.name].push_back(run->wallS);
                        rss[client.name].push_back(run->rssMb);
                        std::fprintf(stderr, "run %s %d #%d %-14s cpu %.3f s  wall %.3f s  rss %.1f MB  %lld bytes ok\n",
                                     qPrintable(benchmark), size, i + 1, qPrintable(client.name), run->cpuS, run->wallS,
                                     run->rssMb, qlonglong(run->out.size()));
                    }
                }
                for (const Client& client : std::as_const(clients)) {
                    if (cpu[client.name].empty())
                        continue;
                    csv(benchmark, size, QStringLiteral("cpu_s:") + client.name, median(cpu[client.name]), QStringLiteral("s"));
                    csv(benchmark, size, QStringLiteral("wall_s:") + client.name, median(wall[client.name]), QStringLiteral("s"));
                    csv(benchmark, size, QStringLiteral("rss_mb:") + client.name, median(rss[client.name]), QStringLiteral("MB"));
                }
            }
        }
        if (proxy)
            proxy->stop(); // by its PID
    } else {
        // Latency: the server answers at once (scenario ok: ten short deltas).
        qint64 requestNs = 0;
        QObject::connect(&server, &FakeOpenAiServer::requestReceived, &server,
                         [&](const Storybook::Test::RecordedRequest&) { requestNs = reference.nsecsElapsed(); });
        const QByteArray expected = expectedContent(int(std::size(kWords)));
        const QUrl base = server.baseUrl(QStringLiteral("ok"));
        std::map<QString, std::vector<double>> spawnToFirst, requestToFirst, spawnToRequest;
        for (int i = 0; i < runs; ++i) {
            for (const Client& client : std::as_const(clients)) {
                requestNs = 0;
                const auto run = runChecked(client, base, 0, expected, QStringLiteral("latency"));
                if (!run)
                    continue;
                const qint64 spawnNs = run->spawnNs;   // just before posix_spawn
                const qint64 firstNs = run->firstByteNs; // the first stdout byte was read
                if (requestNs == 0 || firstNs < requestNs) {
                    std::fprintf(stderr, "FAIL latency %s: request not seen before the first byte\n", qPrintable(client.name));
                    failed = true;
                    continue;
                }
                spawnToFirst[client.name].push_back(double(firstNs - spawnNs) / 1e6);
                requestToFirst[client.name].push_back(double(firstNs - requestNs) / 1e6);
                spawnToRequest[client.name].push_back(double(requestNs - spawnNs) / 1e6);
                std::fprintf(stderr, "run latency #%d %-14s spawn→first %.3f ms  request→first %.3f ms  spawn→request %.3f ms\n",
                             i + 1, qPrintable(client.name), double(firstNs - spawnNs) / 1e6,
                             double(firstNs - requestNs) / 1e6, double(requestNs - spawnNs) / 1e6);
            }
        }
        for (const Client& client : std::as_const(clients)) {
            if (spawnToFirst[client.name].empty())
                continue;
            csv(QStringLiteral("first-token"), 1, QStringLiteral("spawn_to_first_ms:") + client.name, median(spawnToFirst[client.name]), QStringLiteral("ms"));
            csv(QStringLiteral("first-token"), 1, QStringLiteral("request_to_first_ms:") + client.name, median(requestToFirst[client.name]), QStringLiteral("ms"));
            csv(QStringLiteral("first-token"), 1, QStringLiteral("spawn_to_request_ms:") + client.name, median(spawnToRequest[client.name]), QStringLiteral("ms"));
        }
    }
    server.close();
    return failed ? 1 : 0;
}
