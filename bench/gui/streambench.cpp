// bench-gui-stream: the app's real main window writes a one-page story while the fake server
// streams `ok:N` (N word deltas at full speed, from its own process). Measures, in the GUI thread,
// the event loop's worst stall (a 1 ms timer's lateness) and its 99th percentile, and this
// process's CPU time from "write" to the end of the page. Checks that the page shown at the end
// is exactly the streamed text. Prints one line of key=value pairs; exit code 0 only when the
// whole stream arrived and was shown.
//   bench-gui-stream --server PATH/fake-openai-server --deltas N   (starts its own server)
//   bench-gui-stream --port PORT --deltas N                         (a fake server already running)
//   bench-gui-stream --open --deltas N   the baseline: no network; the same window opens the finished
//                                        page with the same text from the library, measured the same
//                                        way (what showing that text costs at all, without streaming)
#include "benchcommon.h"
#include "ideapanel.h"
#include "library.h"
#include "mainwindow.h"
#include "pageview.h"
#include "readerwidget.h"
#include "storygenerator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Storybook;

namespace {

constexpr qint64 LimitMs = 600000; // for the whole stream and the view catching up

// What the fake server's ok:N streams (tests/support/fakeopenaiserver.cpp, kWords).
QString expectedText(int deltas)
{
    static const char* const words[] = {"Once", " upon", " a", " time,", " a", " small", " fox", " found", " a", " lantern."};
    QString text;
    for (int i = 0; i < deltas; ++i)
        text += QLatin1String(words[i % 10]);
    return text.trimmed();
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybookBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-gui-stream"));
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("fake-openai-server executable"), QStringLiteral("PATH"));
    const QCommandLineOption deltasOption(QStringLiteral("deltas"), QStringLiteral("deltas to stream"), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("port of a running fake server"), QStringLiteral("PORT"));
    const QCommandLineOption openOption(QStringLiteral("open"), QStringLiteral("open the finished page instead of streaming it"));
    parser.addOptions({serverOption, portOption, deltasOption, openOption});
    parser.process(app);
    const int deltas = parser.value(deltasOption).toInt();
    const bool open = parser.isSet(openOption);
    if (int(parser.isSet(serverOption)) + int(parser.isSet(portOption)) + int(open) != 1 || deltas < 1) {
        std::fprintf(stderr, "usage: bench-gui-stream (--server PATH | --port PORT | --open) --deltas N\n");
        return 2;
    }

    StorybookBench::FakeServerProcess server;
    quint16 port = 0;
    if (!open) {
        port = parser.isSet(portOption) ? quint16(parser.value(portOption).toUInt()) : server.start(parser.value(serverOption));
        if (port == 0) {
            std::fprintf(stderr, "bench-gui-stream: the fake server did not start\n");
            return 1;
        }
    }

    QTemporaryDir dir;
    App::MainWindow::Options options;
    options.libraryFolder = dir.filePath(QStringLiteral("library"));
    QString openId;
    if (open) {
        // The page the stream would have written, finished and saved, as a reader finds it later.
        Story::Story story;
        story.title = QStringLiteral("A fox who finds a lantern");
        story.settings.idea = QStringLiteral("a fox who finds a lantern");
        story.settings.language = QStringLiteral("en");
        story.settings.pageCount = 1;
        Story::Page page;
        page.id = Story::Story::newId();
        page.text = expectedText(deltas);
        page.ending = true;
        page.created = QDateTime::currentDateTimeUtc();
        story.pages.append(page);
        story.path = {page.id};
        Story::Library library(options.libraryFolder);
        if (const QString problem = library.save(story); !problem.isEmpty()) {
            std::fprintf(stderr, "bench-gui-stream: %s\n", qPrintable(problem));
            return 1;
        }
        openId = story.id;
    }
    App::MainWindow window(options);
    Llm::ConnectionSettings connection;
    connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/s/ok:%2/v1").arg(port).arg(deltas));
    connection.model = QStringLiteral("fake-small");
    connection.proxy.mode = Llm::ProxySettings::Mode::None;
    connection.retries = 0;
    connection.connectTimeout = std::chrono::seconds(10);
    connection.idleTimeout = std::chrono::seconds(60);
    window.useConnectionSettings(connection);
    window.resize(1200, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window, 10000)) {
        std::fprintf(stderr, "bench-gui-stream: the window was not exposed\n");
        return 1;
    }
    QTest::qWait(200); // let the first frames and the keychain read settle

    StorybookBench::StallMeter meter;
    QElapsedTimer deadline;
    bool finished = false;
    double cpuEnd = 0;
    qint64 wallEndNs = 0;
    QElapsedTimer wall;
    const auto settleThenStop = [&] {
        wallEndNs = wall.nsecsElapsed();
        // Let the last batched text reach the page (the view inserts a backlog a turn at a time)
        // and be painted before stopping the clocks.
        auto* settle = new QTimer(&app);
        QObject::connect(settle, &QTimer::timeout, &app, [&, settle] {
            if (window.reader()->pageView()->isCatchingUp() && deadline.elapsed() < LimitMs)
                return;
            settle->stop(); // once: it could tick again before it is deleted
            settle->deleteLater();
            QTimer::singleShot(50, &app, [&] {
                meter.stop();
                cpuEnd = StorybookBench::processCpuSeconds();
                finished = true;
            });
        });
        settle->start(5);
    };
    if (!open)
        QObject::connect(window.generator(), &Generation::StoryGenerator::finished, &app, settleThenStop);

    Story::StorySettings settings;
    settings.idea = QStringLiteral("a fox who finds a lantern");
    settings.pageCount = 1;
    window.ideaPanel()->setSettings(settings);
    const double cpuStart = StorybookBench::processCpuSeconds();
    wall.start();
    meter.start();
    if (open) {
        window.openStory(openId);
        settleThenStop();
    } else {
        Q_EMIT window.ideaPanel()->generateRequested();
    }

    deadline.start();
    while (!finished && deadline.elapsed() < LimitMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    if (!finished) {
        std::fprintf(stderr, "bench-gui-stream: the page did not finish within %lld s\n", LimitMs / 1000);
        return 1;
    }

    const auto& story = window.generator()->story();
    const QString pageText = story && !story->pages.isEmpty() ? story->pages.first().text : QString();
    const QString shown = window.reader()->pageView()->plainText();
    const QString expected = expectedText(deltas);
    const bool complete = story && !story->pages.isEmpty() && story->pages.first().state == Story::Page::State::Complete;
    const bool ok = complete && pageText == expected && shown == expected;
    std::printf("mode=%s deltas=%d expected_chars=%lld page_chars=%lld shown_chars=%lld max_stall_ms=%.3f p99_stall_ms=%.3f "
                "samples=%lld cpu_s=%.4f wall_s=%.4f result=%s\n",
                open ? "open" : "stream", deltas, qlonglong(expected.size()), qlonglong(pageText.size()), qlonglong(shown.size()), meter.maxMs(),
                meter.p99Ms(), qlonglong(meter.samples()), cpuEnd - cpuStart, double(wallEndNs) / 1e9,
                ok ? "ok" : "MISMATCH");
    std::fflush(stdout);
    window.close();
    return ok ? 0 : 1;
}
