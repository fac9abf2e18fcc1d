// storybook-soak: N consecutive story-page generations in one long-lived process, with the app's
// real generation stack (StoryGenerator → LlmClient → Library), every request through a real
// microsocks (SOCKS5 with a user and password) started by ProxyLauncher, against the in-process
// fake server. Each generation gets a random fault from a seeded generator (printed, --seed to
// replay): stalls, resets, drops, 429/500/503 with retries, malformed chunks, flaky servers,
// errors inside the stream, a missing [DONE], cancels after a random delay, the proxy going away;
// the proxy is also restarted now and then. Every generation's outcome must match its fault
// (a complete page saved and reloadable with the same text, or the right error category with a
// marked draft on disk), every request must arrive through the proxy (peer 127.0.0.2), and each
// generation has a deadline, so a hang is reported instead of waited for.
// Open file descriptors and resident memory are measured after the warm-up and at the end; the
// run fails when they grow by more than --fd-limit / --rss-limit-mb (RSS is not checked under
// AddressSanitizer, whose quarantine and shadow memory grow by design; LeakSanitizer checks leaks).
// Exit code: 0 passed, 1 failed, 2 usage, 77 skipped (microsocks missing and CI is not "true").
// See docs/reliability.md.
#include "fakeopenaiserver.h"
#include "library.h"
#include "llmclient.h"
#include "proxylauncher.h"
#include "storygenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QMap>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <optional>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STORYBOOK_SOAK_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(STORYBOOK_SOAK_ASAN)
#define STORYBOOK_SOAK_ASAN 1
#endif

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

using namespace Storybook;
using Storybook::Llm::LlmError;
using Storybook::Test::FakeOpenAiServer;
using Storybook::Test::ProxyLauncher;

namespace {

const QString ProxyUser = QStringLiteral("soakuser");
const QString ProxyPassword = QStringLiteral("soak-SECRET-pw-4e1d");
const QString ApiKey = QStringLiteral("sk-soak-SECRET-key-77a0");
const QString ProseText = QStringLiteral("Once upon a time, a small fox found a lantern.");
constexpr int Retries = 2;
constexpr int IdleTimeoutMs = 400;

void out(const QString& text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

// ---- process figures -------------------------------------------------------------------------

int openFds()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

qint64 rssBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().simplified().split(' ');
    if (fields.size() < 2)
        return -1;
#ifdef Q_OS_LINUX
    return fields.at(1).toLongLong() * qint64(sysconf(_SC_PAGESIZE));
#else
    return fields.at(1).toLongLong() * 4096;
#endif
}

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 2) + QStringLiteral(" MiB");
}

// ---- faults ----------------------------------------------------------------------------------

enum class Fault {
    OkStory,     // "story": a JSON page
    OkProse,     // "ok": plain prose becomes the page
    Malformed,   // a broken chunk in the middle: tolerated
    NoDone,      // no [DONE]: tolerated
    Flaky,       // flaky:K:CODE, K ≤ retries: retried, then complete
    Stall,       // stall:MS: idle timeout
    StallHeaders,
    Drop,        // cut off mid-body
    Reset,       // RST before any answer (retried, then a network error)
    Status429,
    Status500,
    Status503,
    ErrorInStream,
    Cancel,      // drip, generator.stop() after a random delay
    ProxyDown,   // the proxy is stopped: a proxy error; then it is started again
};

const QList<Fault> AllFaults{Fault::OkStory,  Fault::OkProse,      Fault::Malformed, Fault::NoDone,    Fault::Flaky,
                             Fault::Stall,    Fault::StallHeaders, Fault::Drop,      Fault::Reset,     Fault::Status429,
                             Fault::Status500, Fault::Status503,   Fault::ErrorInStream, Fault::Cancel, Fault::ProxyDown};

QString faultName(Fault fault)
{
    switch (fault) {
    case Fault::OkStory: return QStringLiteral("ok-story");
    case Fault::OkProse: return QStringLiteral("ok-prose");
    case Fault::Malformed: return QStringLiteral("malformed");
    case Fault::NoDone: return QStringLiteral("nodone");
    case Fault::Flaky: return QStringLiteral("flaky");
    case Fault::Stall: return QStringLiteral("stall");
    case Fault::StallHeaders: return QStringLiteral("stall-headers");
    case Fault::Drop: return QStringLiteral("drop");
    case Fault::Reset: return QStringLiteral("reset");
    case Fault::Status429: return QStringLiteral("status-429");
    case Fault::Status500: return QStringLiteral("status-500");
    case Fault::Status503: return QStringLiteral("status-503");
    case Fault::ErrorInStream: return QStringLiteral("error-in-stream");
    case Fault::Cancel: return QStringLiteral("cancel");
    case Fault::ProxyDown: return QStringLiteral("proxy-down");
    }
    return {};
}

// Relative weights: mostly healthy generations (as in real use), every fault regularly.
int faultWeight(Fault fault)
{
    switch (fault) {
    case Fault::OkStory: return 20;
    case Fault::OkProse: return 6;
    case Fault::ProxyDown: return 2;
    case Fault::Reset: return 4; // retried with backoff: the slowest fault
    default: return 6;
    }
}

// What one generation must end with.
struct Expectation
{
    QString scenario;
    bool complete = false;
    LlmError::Category category = LlmError::Category::None;
    std::optional<LlmError::Kind> kind;
    int minRequests = 1;
    int maxRequests = 1;
    QString exactText;    // a complete page's text, when known
    QString textContains; // or a part of it
    int cancelAfterMs = -1;
};

Expectation expectationFor(Fault fault, QRandomGenerator& random)
{
    Expectation e;
    switch (fault) {
    case Fault::OkStory:
    case Fault::ProxyDown:
        e.scenario = QStringLiteral("story");
        e.complete = true;
        e.textContains = QStringLiteral("Pip the fox carried the lantern into the quiet forest.");
        if (fault == Fault::ProxyDown) {
            e.complete = false;
            e.category = LlmError::Category::Proxy;
            e.kind = LlmError::Kind::ProxyUnreachable;
            e.minRequests = e.maxRequests = 0;
        }
        break;
    case Fault::OkProse:
    case Fault::Malformed:
    case Fault::NoDone:
        e.scenario = fault == Fault::OkProse ? QStringLiteral("ok") : fault == Fault::Malformed ? QStringLiteral("malformed") : QStringLiteral("nodone");
        e.complete = true;
        e.exactText = ProseText;
        break;
    case Fault::Flaky: {
        const int failures = 1 + int(random.bounded(Retries));
        const int codes[] = {429, 500, 503};
        e.scenario = QStringLiteral("flaky:%1:%2").arg(failures).arg(codes[random.bounded(3)]);
        e.complete = true;
        e.exactText = ProseText;
        e.minRequests = e.maxRequests = failures + 1;
        break;
    }
    case Fault::Stall:
        e.scenario = QStringLiteral("stall:%1").arg(random.bounded(100));
        e.category = LlmError::Category::Timeout;
        e.kind = LlmError::Kind::IdleTimeout;
        break;
    case Fault::StallHeaders:
        e.scenario = QStringLiteral("stall-headers");
        e.category = LlmError::Category::Timeout;
        break;
    case Fault::Drop:
        e.scenario = QStringLiteral("drop");
        e.category = LlmError::Category::Network;
        break;
    case Fault::Reset:
        e.scenario = QStringLiteral("reset");
        e.category = LlmError::Category::Network;
        e.kind = LlmError::Kind::ConnectionReset;
        // Each of our attempts may reach the server twice: when a kept-alive connection is closed
        // before any answer, Qt's HTTP channel sends the request once more on a new connection
        // (what every HTTP client does for a stale keep-alive connection).
        e.maxRequests = 2 * (Retries + 1);
        break;
    case Fault::Status429:
    case Fault::Status500:
    case Fault::Status503: {
        const int code = fault == Fault::Status429 ? 429 : fault == Fault::Status500 ? 500 : 503;
        e.scenario = QStringLiteral("status:%1:0").arg(code);
        e.category = LlmError::Category::Api;
        e.kind = fault == Fault::Status429 ? LlmError::Kind::RateLimited : LlmError::Kind::ServerError;
        e.minRequests = e.maxRequests = Retries + 1;
        break;
    }
    case Fault::ErrorInStream:
        e.scenario = QStringLiteral("error-in-stream");
        e.category = LlmError::Category::Api;
        e.kind = LlmError::Kind::StreamError;
        break;
    case Fault::Cancel:
        e.scenario = QStringLiteral("drip:30:40"); // 1.2 s of deltas: the stop comes mid-stream or before
        e.category = LlmError::Category::Cancelled;
        e.kind = LlmError::Kind::Cancelled;
        e.minRequests = 0;
        e.cancelAfterMs = int(random.bounded(400));
        break;
    }
    return e;
}

// ---- the soak --------------------------------------------------------------------------------

struct Options
{
    int count = 1000;
    quint64 seed = 0;
    int warmup = 0;
    int deadlineMs = 20000;
    int fdLimit = 5;
    double rssLimitMb = 10.0;
    int proxyRestartEvery = 97;
    bool verbose = false;
};

class Soak
{
public:
    explicit Soak(const Options& options)
        : m_options(options)
        , m_random(options.seed)
    {
    }

    int run();

private:
    bool startProxy();
    Llm::ConnectionSettings settingsFor(const QString& scenario) const;
    bool generateOnce(int index, Fault fault);
    void fail(int index, Fault fault, const QString& why);
    void settle();

    Options m_options;
    QRandomGenerator m_random;
    QTemporaryDir m_dir;
    FakeOpenAiServer m_server;
    ProxyLauncher m_proxy;
    std::optional<Story::Library> m_library;
    std::optional<Llm::LlmClient> m_client;
    std::optional<Generation::StoryGenerator> m_generator;

    QString m_continueStoryId; // a story whose last page can be answered
    QString m_continuePageId;
    QMap<QString, int> m_faultCounts;
    QMap<QString, int> m_faultFailures;
    QMap<QString, qint64> m_faultMs;
    QStringList m_failures;
    int m_completedPages = 0;
    int m_drafts = 0;
    int m_continued = 0;
    int m_proxyRestarts = 0;
    int m_requests = 0;
    bool m_hung = false;
};

bool Soak::startProxy()
{
    m_proxy.stop();
    if (!m_proxy.start(ProxyLauncher::Kind::Socks5, ProxyUser, ProxyPassword)) {
        out(QStringLiteral("soak: cannot start microsocks: %1\n").arg(m_proxy.errorString()));
        return false;
    }
    return true;
}

Llm::ConnectionSettings Soak::settingsFor(const QString& scenario) const
{
    Llm::ConnectionSettings s;
    s.baseUrl = m_server.baseUrl(scenario);
    s.model = QStringLiteral("fake-small");
    s.apiKey = ApiKey;
    s.proxy.mode = Llm::ProxySettings::Mode::Socks5;
    s.proxy.host = QStringLiteral("127.0.0.1");
    s.proxy.port = m_proxy.port() ? m_proxy.port() : Storybook::Test::closedLoopbackPort();
    s.proxy.user = ProxyUser;
    s.proxy.password = ProxyPassword;
    s.proxy.bypass.clear(); // the fake server is on loopback: send it through the proxy anyway
    s.connectTimeout = std::chrono::seconds(5);
    s.idleTimeout = std::chrono::milliseconds(IdleTimeoutMs);
    s.retries = Retries;
    return s;
}

void Soak::fail(int index, Fault fault, const QString& why)
{
    const QString line = QStringLiteral("generation %1 (%2): %3").arg(index + 1).arg(faultName(fault), why);
    m_failures.append(line);
    ++m_faultFailures[faultName(fault)];
    out(QStringLiteral("FAIL %1\n").arg(line));
}

// Lets deferred deletions and queued signals run, so the figures are not taken mid-teardown.
void Soak::settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
}

bool Soak::generateOnce(int index, Fault fault)
{
    const Expectation expect = expectationFor(fault, m_random);
    const bool continuing = !m_continueStoryId.isEmpty() && m_random.bounded(2) == 0;
    const int failuresBefore = int(m_failures.size());

    if (fault == Fault::ProxyDown)
        m_proxy.stop(); // by its PID; settingsFor() then points at a closed port
    m_server.clearRequests();
    m_server.resetCounters();
    m_client->setSettings(settingsFor(expect.scenario));

    int finishedCount = 0;
    int failedCount = 0;
    int pageFinishedCount = 0;
    int saveFailures = 0;
    LlmError error;
    QString failedPageId;
    QEventLoop loop;
    QList<QMetaObject::Connection> connections;
    Generation::StoryGenerator* g = &*m_generator;
    connections << QObject::connect(g, &Generation::StoryGenerator::finished, &loop, [&](const QString&) {
        ++finishedCount;
        loop.quit();
    });
    connections << QObject::connect(g, &Generation::StoryGenerator::failed, &loop,
                                    [&](const QString&, const QString& pageId, const LlmError& e) {
                                        ++failedCount;
                                        error = e;
                                        failedPageId = pageId;
                                    });
    connections << QObject::connect(g, &Generation::StoryGenerator::pageFinished, &loop,
                                    [&](const QString&, const QString&) { ++pageFinishedCount; });
    connections << QObject::connect(g, &Generation::StoryGenerator::saveFailed, &loop, [&](const QString&) { ++saveFailures; });

    Story::StorySettings settings;
    settings.idea = QStringLiteral("a fox who finds a lantern (soak %1)").arg(index + 1);
    settings.pageCount = 50; // never the last page: every page asks for an answer
    settings.language = QStringLiteral("en");

    QElapsedTimer timer;
    timer.start();
    QString problem;
    if (continuing) {
        ++m_continued;
        const auto* last = g->story() ? g->story()->page(m_continuePageId) : nullptr;
        const int options = last && last->interaction ? int(last->interaction->options.size()) : 0;
        problem = options > 0 ? g->answer(m_continueStoryId, m_continuePageId, int(m_random.bounded(options)), {})
                              : g->answer(m_continueStoryId, m_continuePageId, -1, QStringLiteral("Sing a song"));
    } else {
        problem = g->startNew(settings);
    }
    if (!problem.isEmpty()) {
        fail(index, fault, QStringLiteral("the generation did not start: %1").arg(problem));
        for (const auto& c : connections)
            QObject::disconnect(c);
        return true;
    }
    const QString storyId = g->story()->id;
    const QString pageId = g->story()->path.isEmpty() ? QString() : g->story()->path.last();

    QTimer cancelTimer;
    cancelTimer.setSingleShot(true);
    if (expect.cancelAfterMs >= 0) {
        QObject::connect(&cancelTimer, &QTimer::timeout, g, [g] { g->stop(); });
        cancelTimer.start(expect.cancelAfterMs);
    }
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    deadline.start(m_options.deadlineMs);
    if (finishedCount == 0)
        loop.exec();
    cancelTimer.stop();
    const qint64 elapsed = timer.elapsed();
    m_faultMs[faultName(fault)] += elapsed;

    if (timedOut) {
        m_hung = true;
        fail(index, fault, QStringLiteral("HANG: not finished after %1 ms (scenario %2, %3 requests so far)")
                               .arg(m_options.deadlineMs)
                               .arg(expect.scenario)
                               .arg(m_server.requests().size()));
        g->stop();
        QEventLoop grace;
        QTimer::singleShot(3000, &grace, &QEventLoop::quit);
        QObject::connect(g, &Generation::StoryGenerator::finished, &grace, &QEventLoop::quit);
        if (g->isBusy())
            grace.exec();
        for (const auto& c : connections)
            QObject::disconnect(c);
        return false;
    }
    for (const auto& c : connections)
        QObject::disconnect(c);
    // Let a late extra signal show itself (finished must come exactly once).
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);

    // The requests went through the proxy.
    const QList<Storybook::Test::RecordedRequest> requests = m_server.requests();
    m_requests += int(requests.size());
    for (const auto& request : requests) {
        if (request.peer != QHostAddress(QStringLiteral("127.0.0.2")))
            fail(index, fault, QStringLiteral("a request came from %1, not through the proxy (127.0.0.2)").arg(request.peer.toString()));
        if (request.scenario != expect.scenario && !(fault == Fault::Cancel))
            fail(index, fault, QStringLiteral("a request for scenario %1, expected %2").arg(request.scenario, expect.scenario));
    }
    if (requests.size() < expect.minRequests || requests.size() > expect.maxRequests)
        fail(index, fault, QStringLiteral("%1 requests reached the server, expected %2..%3")
                               .arg(requests.size())
                               .arg(expect.minRequests)
                               .arg(expect.maxRequests));

    if (finishedCount != 1)
        fail(index, fault, QStringLiteral("finished() came %1 times").arg(finishedCount));
    if (saveFailures > 0)
        fail(index, fault, QStringLiteral("%1 autosaves failed").arg(saveFailures));
    if (g->isBusy())
        fail(index, fault, QStringLiteral("the generator is still busy after finished()"));

    const Story::Page* page = g->story() ? g->story()->page(pageId) : nullptr;
    QString why;
    const std::optional<Story::Story> onDisk = m_library->load(storyId, &why);
    const Story::Page* saved = onDisk ? onDisk->page(pageId) : nullptr;
    if (!page)
        fail(index, fault, QStringLiteral("the page is not in the story"));
    else if (!onDisk)
        fail(index, fault, QStringLiteral("the story cannot be reloaded: %1").arg(why));
    else if (!saved)
        fail(index, fault, QStringLiteral("the page is not in the saved story"));
    else if (saved->text != page->text || saved->state != page->state || saved->note != page->note)
        fail(index, fault, QStringLiteral("the saved page differs from the page in memory (state %1/%2, %3/%4 characters)")
                               .arg(Story::Page::stateName(saved->state), Story::Page::stateName(page->state))
                               .arg(saved->text.size())
                               .arg(page->text.size()));

    m_continueStoryId.clear();
    m_continuePageId.clear();
    if (expect.complete) {
        if (failedCount != 0 || pageFinishedCount != 1)
            fail(index, fault, QStringLiteral("expected a complete page, got failed() %1 times (%2: %3), pageFinished() %4 times")
                                   .arg(failedCount)
                                   .arg(LlmError::kindName(error.kind), error.message)
                                   .arg(pageFinishedCount));
        if (page && page->state != Story::Page::State::Complete)
            fail(index, fault, QStringLiteral("the page is %1, not complete").arg(Story::Page::stateName(page->state)));
        if (page && !expect.exactText.isEmpty() && page->text != expect.exactText)
            fail(index, fault, QStringLiteral("unexpected page text: %1").arg(page->text.left(200)));
        if (page && !expect.textContains.isEmpty() && !page->text.contains(expect.textContains))
            fail(index, fault, QStringLiteral("unexpected page text: %1").arg(page->text.left(200)));
        if (page && page->state == Story::Page::State::Complete) {
            ++m_completedPages;
            // A JSON page asks the child something: the next generation may answer it.
            if (page->interaction && !page->ending && g->story()->pathPages().size() < 4) {
                m_continueStoryId = storyId;
                m_continuePageId = pageId;
            }
        }
    } else {
        if (failedCount != 1 || pageFinishedCount != 0)
            fail(index, fault, QStringLiteral("expected one failure, got failed() %1 times, pageFinished() %2 times")
                                   .arg(failedCount)
                                   .arg(pageFinishedCount));
        if (failedCount > 0) {
            if (error.category() != expect.category)
                fail(index, fault, QStringLiteral("error category %1 (%2: %3), expected %4")
                                       .arg(LlmError::categoryName(error.category()), LlmError::kindName(error.kind), error.message,
                                            LlmError::categoryName(expect.category)));
            else if (expect.kind && error.kind != *expect.kind)
                fail(index, fault, QStringLiteral("error kind %1, expected %2").arg(LlmError::kindName(error.kind), LlmError::kindName(*expect.kind)));
            if (error.message.trimmed().isEmpty())
                fail(index, fault, QStringLiteral("the error has no message"));
            if (error.message.contains(ProxyPassword) || error.detail.contains(ProxyPassword) || error.message.contains(ApiKey)
                || error.detail.contains(ApiKey))
                fail(index, fault, QStringLiteral("a secret is in the error text"));
            if (failedPageId != pageId)
                fail(index, fault, QStringLiteral("failed() named another page"));
        }
        if (page) {
            if (page->state != Story::Page::State::Draft)
                fail(index, fault, QStringLiteral("the failed page is %1, not a draft").arg(Story::Page::stateName(page->state)));
            else
                ++m_drafts;
            if (page->note.trimmed().isEmpty())
                fail(index, fault, QStringLiteral("the draft has no note saying why"));
            // What arrived is kept: the drop and the stream error come after some text.
            if ((fault == Fault::Drop || fault == Fault::ErrorInStream || fault == Fault::Stall) && page->text.isEmpty())
                fail(index, fault, QStringLiteral("the text that arrived before the fault was not kept"));
        }
    }

    if (fault == Fault::ProxyDown) {
        ++m_proxyRestarts;
        if (!startProxy())
            return false;
    }
    if (m_options.verbose || int(m_failures.size()) > failuresBefore)
        out(QStringLiteral("  #%1 %2%3 %4 ms → %5\n")
                .arg(index + 1)
                .arg(faultName(fault), continuing ? QStringLiteral(" (answer)") : QString())
                .arg(elapsed)
                .arg(failedCount ? LlmError::kindName(error.kind) : QStringLiteral("complete")));
    return true;
}

int Soak::run()
{
    if (!ProxyLauncher::toolAvailable(ProxyLauncher::Kind::Socks5)) {
        if (Storybook::Test::isCi()) {
            out(QStringLiteral("soak: FAIL: microsocks is required (CI=true)\n"));
            return 1;
        }
        out(QStringLiteral("soak: SKIP: microsocks is not installed\n"));
        return 77;
    }
    if (!m_dir.isValid() || !m_server.listen()) {
        out(QStringLiteral("soak: cannot create the library folder or listen: %1\n").arg(m_server.errorString()));
        return 1;
    }
    if (!startProxy())
        return 1;
    m_library.emplace(m_dir.path());
    if (const QString problem = m_library->reload(); !problem.isEmpty()) {
        out(QStringLiteral("soak: library: %1\n").arg(problem));
        return 1;
    }
    m_client.emplace(settingsFor(QStringLiteral("story")), nullptr, QProcessEnvironment());
    m_generator.emplace(&*m_client, &*m_library);

    const int warmup = m_options.warmup > 0 ? m_options.warmup : qMax(1, m_options.count / 10);
    out(QStringLiteral("soak: %1 generations, seed %2, warm-up %3, per-generation deadline %4 ms, idle timeout %5 ms, "
                       "retries %6, proxy microsocks (SOCKS5, auth) restarted every %7 generations%8\n")
            .arg(m_options.count)
            .arg(m_options.seed)
            .arg(warmup)
            .arg(m_options.deadlineMs)
            .arg(IdleTimeoutMs)
            .arg(Retries)
            .arg(m_options.proxyRestartEvery)
#ifdef STORYBOOK_SOAK_ASAN
            .arg(QStringLiteral(", AddressSanitizer build")));
#else
            .arg(QString()));
#endif

    // The faults in a seeded order: first each one once (a short run still sees them all), then weighted draws.
    QList<Fault> firstRound = AllFaults;
    for (qsizetype i = firstRound.size() - 1; i > 0; --i)
        firstRound.swapItemsAt(i, qsizetype(m_random.bounded(quint32(i + 1))));
    int totalWeight = 0;
    for (Fault f : AllFaults)
        totalWeight += faultWeight(f);

    QElapsedTimer wall;
    wall.start();
    int warmFds = -1;
    qint64 warmRss = -1;
    const int startFds = openFds();
    const qint64 startRss = rssBytes();
    QStringList curve;
    int done = 0;
    for (int i = 0; i < m_options.count; ++i) {
        if (i == warmup) {
            settle();
            warmFds = openFds();
            warmRss = rssBytes();
        }
        if (i > 0 && m_options.proxyRestartEvery > 0 && i % m_options.proxyRestartEvery == 0) {
            ++m_proxyRestarts;
            if (!startProxy()) {
                m_failures.append(QStringLiteral("the proxy could not be restarted"));
                break;
            }
        }
        Fault fault;
        if (i < firstRound.size()) {
            fault = firstRound.at(i);
        } else {
            int pick = int(m_random.bounded(totalWeight));
            fault = AllFaults.constLast();
            for (Fault f : AllFaults) {
                if (pick < faultWeight(f)) {
                    fault = f;
                    break;
                }
                pick -= faultWeight(f);
            }
        }
        ++m_faultCounts[faultName(fault)];
        const bool goOn = generateOnce(i, fault);
        ++done;
        if ((i + 1) % qMax(1, m_options.count / 10) == 0 || i + 1 == m_options.count) {
            settle();
            const QString point = QStringLiteral("%1: %2 fds, RSS %3").arg(i + 1).arg(openFds()).arg(mib(rssBytes()));
            curve.append(point);
            out(QStringLiteral("  after %1 (%2 s, %3 failures)\n").arg(point).arg(wall.elapsed() / 1000.0, 0, 'f', 1).arg(m_failures.size()));
        }
        if (!goOn)
            break;
    }
    m_generator.reset(); // as the app quits: nothing left running
    settle();
    const qint64 wallMs = wall.elapsed();
    const int endFds = openFds();
    const qint64 endRss = rssBytes();
    if (warmFds < 0) {
        warmFds = startFds;
        warmRss = startRss;
    }

    // Report.
    out(QStringLiteral("\n== soak report (seed %1)\n").arg(m_options.seed));
    out(QStringLiteral("generations: %1 of %2 in %3 s (%4 ms each on average)\n")
            .arg(done)
            .arg(m_options.count)
            .arg(wallMs / 1000.0, 0, 'f', 1)
            .arg(done ? wallMs / done : 0));
    out(QStringLiteral("complete pages saved and reloaded: %1; marked drafts: %2; answers to an earlier page: %3; "
                       "requests: %4; proxy restarts: %5; stories in the library: %6\n")
            .arg(m_completedPages)
            .arg(m_drafts)
            .arg(m_continued)
            .arg(m_requests)
            .arg(m_proxyRestarts)
            .arg(m_library->records().size()));
    out(QStringLiteral("%1 %2 %3 %4\n").arg(QStringLiteral("fault"), -16).arg(QStringLiteral("count"), 6).arg(QStringLiteral("failed"), 7).arg(QStringLiteral("avg ms"), 7));
    for (Fault f : AllFaults) {
        const QString name = faultName(f);
        const int n = m_faultCounts.value(name);
        out(QStringLiteral("%1 %2 %3 %4\n")
                .arg(name, -16)
                .arg(n, 6)
                .arg(m_faultFailures.value(name), 7)
                .arg(n ? m_faultMs.value(name) / n : 0, 7));
    }
    out(QStringLiteral("open fds: start %1, after warm-up %2, end %3 → growth %4 (limit %5)\n")
            .arg(startFds)
            .arg(warmFds)
            .arg(endFds)
            .arg(endFds - warmFds)
            .arg(m_options.fdLimit));
    const qint64 rssGrowth = endRss - warmRss;
#ifdef STORYBOOK_SOAK_ASAN
    const bool checkRss = false;
#else
    const bool checkRss = m_options.rssLimitMb >= 0;
#endif
    out(QStringLiteral("RSS: start %1, after warm-up %2, end %3 → growth %4 (%5)\n")
            .arg(mib(startRss), mib(warmRss), mib(endRss), mib(rssGrowth),
                 checkRss ? QStringLiteral("limit %1 MiB").arg(m_options.rssLimitMb)
                          : QStringLiteral("not checked: AddressSanitizer build")));
    out(QStringLiteral("curve: %1\n").arg(curve.join(QStringLiteral("; "))));
    out(QStringLiteral("fake server connections still open: %1\n").arg(m_server.openConnections()));

    if (endFds - warmFds > m_options.fdLimit)
        m_failures.append(QStringLiteral("open file descriptors grew by %1 after the warm-up (limit %2)").arg(endFds - warmFds).arg(m_options.fdLimit));
    if (checkRss && rssGrowth > qint64(m_options.rssLimitMb * 1024 * 1024))
        m_failures.append(QStringLiteral("RSS grew by %1 after the warm-up (limit %2 MiB)").arg(mib(rssGrowth)).arg(m_options.rssLimitMb));
    if (done < m_options.count && !m_hung && m_failures.isEmpty())
        m_failures.append(QStringLiteral("stopped after %1 generations").arg(done));

    m_proxy.stop();
    if (m_failures.isEmpty()) {
        out(QStringLiteral("result: PASS\n"));
        return 0;
    }
    out(QStringLiteral("result: FAIL (%1)\n").arg(m_failures.size()));
    for (const QString& f : std::as_const(m_failures).mid(0, 50))
        out(QStringLiteral("  - %1\n").arg(f));
    out(QStringLiteral("replay with: --seed %1 --count %2\n").arg(m_options.seed).arg(m_options.count));
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("storybook-soak"));
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Soak test: consecutive story-page generations with random faults "
                                                    "through a real SOCKS5 proxy (see docs/reliability.md)."));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Generations (default 1000)."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (default: from the clock; printed)."), QStringLiteral("S"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"), QStringLiteral("Generations before the first measurement (default 10%)."), QStringLiteral("N"));
    const QCommandLineOption deadlineOption(QStringLiteral("deadline-ms"), QStringLiteral("Per-generation deadline (default 20000)."), QStringLiteral("MS"), QStringLiteral("20000"));
    const QCommandLineOption fdOption(QStringLiteral("fd-limit"), QStringLiteral("Allowed growth of open fds after the warm-up (default 5)."), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption rssOption(QStringLiteral("rss-limit-mb"), QStringLiteral("Allowed RSS growth after the warm-up in MiB (default 10; negative: not checked)."), QStringLiteral("MB"), QStringLiteral("10"));
    const QCommandLineOption restartOption(QStringLiteral("proxy-restart-every"), QStringLiteral("Restart the proxy every N generations (default 97; 0: never)."), QStringLiteral("N"), QStringLiteral("97"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("One line per generation, and the app's info logging."));
    parser.addOptions({countOption, seedOption, warmupOption, deadlineOption, fdOption, rssOption, restartOption, verboseOption});
    parser.process(app);

    Options options;
    bool ok = true;
    const auto number = [&](const QCommandLineOption& option, int minimum) {
        bool good = false;
        const int value = parser.value(option).toInt(&good);
        if (!good || value < minimum) {
            std::fprintf(stderr, "invalid --%s\n", qPrintable(option.names().first()));
            ok = false;
        }
        return value;
    };
    options.count = number(countOption, 1);
    options.deadlineMs = number(deadlineOption, 100);
    options.fdLimit = number(fdOption, 0);
    options.proxyRestartEvery = number(restartOption, 0);
    if (parser.isSet(warmupOption))
        options.warmup = number(warmupOption, 1);
    bool rssOk = false;
    options.rssLimitMb = parser.value(rssOption).toDouble(&rssOk);
    ok = ok && rssOk;
    if (parser.isSet(seedOption)) {
        bool good = false;
        options.seed = parser.value(seedOption).toULongLong(&good);
        ok = ok && good;
    } else {
        options.seed = QRandomGenerator::system()->generate();
    }
    if (!ok) {
        std::fprintf(stderr, "usage: storybook-soak [--count N] [--seed S] ... (see --help)\n");
        return 2;
    }
    options.verbose = parser.isSet(verboseOption);
    if (!options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("storybook.*.info=false\nstorybook.*.debug=false"));

    Soak soak(options);
    return soak.run();
}
