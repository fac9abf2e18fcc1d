// bench-pictures-gui: the picture benchmarks of issue 15 that need a window (offscreen).
//   --mode stream --server FAKE --picture-server PICS --pages 30 [--text-only]
//       The app's main window writes a read-to-me story of N pages (fake server `story`) while the
//       picture provider (bench-pictures-server: 1024×1024 PNGs of a real provider's size) paints
//       the character sheet and every page. Measures the event loop's worst stall (a 1 ms timer's
//       lateness, bench/gui's StallMeter) from "write" until every picture has arrived, been saved
//       and is shown. --text-only: the same story without pictures (the baseline).
//   --mode viewer --pages 200 [--text-only]
//       The offline viewer turns through an N-page story whose every page has a 1024×1024 PNG
//       (distinct bytes), waiting after each turn until its picture is shown. Reports the worst
//       turn (Next + layout + repaint, synchronously, as bench-gui-viewer) and the worst stall of
//       the whole paging (including each decoded picture's arrival and paint).
//   --mode open --pages 30 [--text-only]
//       The app's main window opens an N-page illustrated story from the library and shows every
//       page with its picture; reports the resident memory then (VmRSS) and its peak (VmHWM).
// Every mode prints one line of key=value pairs and checks the work was done (every page shown,
// every picture painted, stored and shown); exit code 1 otherwise.
#include "benchcommon.h"
#include "ideapanel.h"
#include "library.h"
#include "mainwindow.h"
#include "pageview.h"
#include "picturegen.h"
#include "pictureview.h"
#include "readerwidget.h"
#include "storygenerator.h"
#include "viewerwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Storybook;

namespace {

constexpr qint64 LimitMs = 600000;

[[noreturn]] void fail(const QString& why)
{
    std::fprintf(stderr, "bench-pictures-gui: %s\n", qPrintable(why));
    std::fflush(stderr);
    std::_Exit(1);
}

QString pageText(int number)
{
    return QStringLiteral("Page %1. Pip the fox carried the lantern into the quiet forest, where the trees whispered "
                          "and the moon peeked between the branches. An owl called softly from a high nest, and a "
                          "little stream sang over the round stones. Pip stopped, listened, and smiled: somewhere "
                          "ahead, a warm light was waiting. 🦊")
        .arg(number);
}

// bench-gui-viewer's story, each page with its own 1024×1024 PNG unless textOnly.
Story::Story makeStory(int pages, bool textOnly)
{
    const QByteArray base = textOnly ? QByteArray() : Bench::makePicture(1024, 1024, "png", 11, 1600000);
    Story::Story story;
    story.id = Story::Story::newId();
    story.title = QStringLiteral("Illustrated benchmark story");
    story.settings.idea = QStringLiteral("a fox who finds a lantern");
    story.settings.pageCount = pages;
    story.settings.language = QStringLiteral("en");
    story.settings.pictures = !textOnly;
    story.settings.artStyle = QStringLiteral("watercolour");
    story.created = story.modified = QDateTime::currentDateTimeUtc();
    QString parent;
    for (int i = 1; i <= pages; ++i) {
        Story::Page page;
        page.parentId = parent;
        if (!parent.isEmpty()) {
            page.answer = QStringLiteral("Follow the owl");
            page.answerIndex = 0;
        }
        page.text = pageText(i);
        page.scene = QStringLiteral("A small fox with a lantern in a moonlit forest.");
        page.created = story.created;
        if (i == pages) {
            page.ending = true;
        } else {
            Story::Interaction interaction;
            interaction.question = QStringLiteral("Where should Pip go next?");
            interaction.options = {QStringLiteral("Follow the owl"), QStringLiteral("Cross the bridge")};
            page.interaction = interaction;
        }
        if (!textOnly) {
            Story::Picture picture;
            picture.entry = QStringLiteral("pictures/page-%1.png").arg(i);
            picture.mimeType = QStringLiteral("image/png");
            picture.prompt = page.scene;
            picture.model = QStringLiteral("gpt-image-1");
            picture.created = story.created;
            story.assets.insert(picture.entry, Bench::tagPicture(base, quint32(i)));
            page.picture = picture;
        }
        parent = story.addPage(page).id;
        story.path.append(parent);
    }
    return story;
}

QString saveStory(const QString& folder, Story::Story& story)
{
    Story::Library library(folder);
    if (const QString problem = library.save(story); !problem.isEmpty())
        fail(problem);
    library.reload();
    return library.filePath(story.id);
}

// Processes events until done() or the limit; false on the limit.
template<typename Done>
bool waitFor(Done done, qint64 limitMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > limitMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

bool pictureShown(Widgets::ReaderWidget* reader)
{
    return reader->pageView()->pictureView()->state() == Widgets::PictureView::State::Shown;
}

void printMemory()
{
    std::printf("rss_mb=%.1f hwm_mb=%.1f ", double(Bench::statusKb("VmRSS")) / 1024.0,
                double(Bench::statusKb("VmHWM")) / 1024.0);
}

Llm::ConnectionSettings connectionTo(quint16 port, const QString& prefix, const QString& model)
{
    Llm::ConnectionSettings connection;
    connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1%2/v1").arg(port).arg(prefix));
    connection.model = model;
    connection.proxy.mode = Llm::ProxySettings::Mode::None;
    connection.retries = 0;
    connection.connectTimeout = std::chrono::seconds(10);
    connection.idleTimeout = std::chrono::seconds(60);
    return connection;
}

int streamMode(QApplication& app, const QCommandLineParser& parser, int pages, bool textOnly)
{
    StorybookBench::FakeServerProcess textServer;
    StorybookBench::FakeServerProcess pictureServer;
    const quint16 textPort = textServer.start(parser.value(QStringLiteral("server")));
    const quint16 picturePort = textOnly ? 0 : pictureServer.start(parser.value(QStringLiteral("picture-server")));
    if (textPort == 0 || (!textOnly && picturePort == 0))
        fail(QStringLiteral("a server did not start"));

    QTemporaryDir dir;
    App::MainWindow::Options options;
    options.libraryFolder = dir.filePath(QStringLiteral("library"));
    App::MainWindow window(options);
    window.useConnectionSettings(connectionTo(textPort, QStringLiteral("/s/story"), QStringLiteral("fake-small")));
    if (!textOnly)
        window.usePictureSettings(connectionTo(picturePort, QString(), QStringLiteral("gpt-image-1")));
    window.resize(1200, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window, 10000))
        fail(QStringLiteral("the window was not exposed"));
    QTest::qWait(200);

    bool textDone = false;
    QObject::connect(window.generator(), &Generation::StoryGenerator::finished, &app, [&] { textDone = true; });
    Story::StorySettings settings;
    settings.idea = QStringLiteral("a fox who finds a lantern");
    settings.pageCount = pages;
    settings.readToMe = true;
    settings.pictures = !textOnly;
    settings.artStyle = QStringLiteral("watercolour");
    window.ideaPanel()->setSettings(settings);

    StorybookBench::StallMeter meter;
    QElapsedTimer wall;
    const double cpuStart = StorybookBench::processCpuSeconds();
    wall.start();
    meter.start();
    Q_EMIT window.ideaPanel()->generateRequested();
    const auto countPictures = [&] {
        const auto story = window.generator()->story();
        int n = 0;
        if (story) {
            for (const auto* page : story->pathPages())
                n += page->picture && story->assets.contains(page->picture->entry) ? 1 : 0;
        }
        return n;
    };
    const bool done = waitFor(
        [&] {
            return textDone && !window.generator()->isBusy()
                && (textOnly || (!window.generator()->isPaintingPictures() && pictureShown(window.reader())));
        },
        LimitMs);
    QTest::qWait(100); // the last paints and any save that follows
    meter.stop();
    const double wallS = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = StorybookBench::processCpuSeconds() - cpuStart;
    if (!done)
        fail(QStringLiteral("the story did not finish within %1 s").arg(LimitMs / 1000));

    const auto story = window.generator()->story();
    const int pathPages = story ? int(story->pathPages().size()) : 0;
    const int pictures = countPictures();
    const bool complete = story && story->isFinished() && pathPages == pages;
    const bool ok = complete && (textOnly ? pictures == 0 : pictures == pages && story->characterSheet.has_value());
    std::printf("mode=stream pictures_on=%d pages=%d path_pages=%d pictures=%d sheet=%d max_stall_ms=%.3f p99_stall_ms=%.3f "
                "samples=%lld cpu_s=%.3f wall_s=%.3f ",
                int(!textOnly), pages, pathPages, pictures, story && story->characterSheet ? 1 : 0, meter.maxMs(), meter.p99Ms(),
                qlonglong(meter.samples()), cpu, wallS);
    printMemory();
    std::printf("result=%s\n", ok ? "ok" : "MISMATCH");
    std::fflush(stdout);
    window.close();
    return ok ? 0 : 1;
}

int viewerMode(int pages, bool textOnly)
{
    QTemporaryDir dir;
    Story::Story written = makeStory(pages, textOnly);
    const QString file = saveStory(dir.filePath(QStringLiteral("library")), written);
    written = {};

    Viewer::ViewerWindow window;
    if (!window.openFile(file))
        fail(QStringLiteral("could not open the story"));
    window.resize(1000, 700);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window, 10000))
        fail(QStringLiteral("the window was not exposed"));
    Widgets::ReaderWidget* reader = window.reader();
    if (!textOnly && !waitFor([&] { return pictureShown(reader); }, 10000))
        fail(QStringLiteral("the first page's picture was not shown"));
    QTest::qWait(100);

    StorybookBench::StallMeter meter;
    QList<double> turns;
    double turnCpu = 0;
    int shownPictures = pictureShown(reader) ? 1 : 0;
    int shownPages = 1;
    QString lastShown = reader->currentPageId();
    meter.start();
    while (reader->canGoNext() && turns.size() < pages) {
        QElapsedTimer clock;
        const double cpu = StorybookBench::processCpuSeconds();
        clock.start();
        reader->showNext();
        QCoreApplication::sendPostedEvents();
        window.repaint();
        turns.append(double(clock.nsecsElapsed()) / 1e6);
        turnCpu += StorybookBench::processCpuSeconds() - cpu;
        if (reader->currentPageId() == lastShown)
            break; // Next went nowhere
        ++shownPages;
        lastShown = reader->currentPageId();
        if (!textOnly) {
            if (!waitFor([&] { return pictureShown(reader); }, 10000))
                fail(QStringLiteral("page %1's picture was not shown").arg(shownPages));
            ++shownPictures;
        }
        QTest::qWait(5); // the same idle time after every turn, with or without pictures
    }
    meter.stop();
    const auto story = reader->story();
    const bool atEnd = story && reader->currentPageId() == story->pages.last().id
        && reader->pageView()->plainText().contains(pageText(pages));
    const bool ok = shownPages == pages && atEnd && shownPictures == (textOnly ? 0 : pages);
    const double worst = turns.isEmpty() ? 0 : *std::max_element(turns.begin(), turns.end());
    std::printf("mode=viewer pictures_on=%d pages=%d shown_pages=%d shown_pictures=%d turn_max_ms=%.3f turn_p99_ms=%.3f "
                "turn_cpu_ms=%.3f max_stall_ms=%.3f p99_stall_ms=%.3f file_mb=%.1f ",
                int(!textOnly), pages, shownPages, shownPictures, worst, StorybookBench::percentile(turns, 99),
                turns.isEmpty() ? 0.0 : turnCpu * 1000.0 / double(turns.size()), meter.maxMs(), meter.p99Ms(),
                double(QFileInfo(file).size()) / 1e6);
    printMemory();
    std::printf("result=%s\n", ok ? "ok" : "MISMATCH");
    std::fflush(stdout);
    window.close();
    return ok ? 0 : 1;
}

int openMode(int pages, bool textOnly)
{
    QTemporaryDir dir;
    App::MainWindow::Options options;
    options.libraryFolder = dir.filePath(QStringLiteral("library"));
    // The story is written by a child process (--mode write), so the peak RSS is the window's own,
    // not that of making and encoding 30 pictures.
    QProcess writer;
    QStringList args{QStringLiteral("--mode"), QStringLiteral("write"), QStringLiteral("--pages"), QString::number(pages),
                     QStringLiteral("--library"), options.libraryFolder};
    if (textOnly)
        args << QStringLiteral("--text-only");
    writer.start(QCoreApplication::applicationFilePath(), args);
    if (!writer.waitForFinished(300000) || writer.exitCode() != 0)
        fail(QStringLiteral("writing the story failed: %1").arg(QString::fromLocal8Bit(writer.readAllStandardError())));
    const QString id = QString::fromLatin1(writer.readAllStandardOutput()).trimmed();
    const qint64 beforeKb = Bench::statusKb("VmRSS");
    App::MainWindow window(options);
    window.resize(1200, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window, 10000))
        fail(QStringLiteral("the window was not exposed"));
    window.openStory(id);
    Widgets::ReaderWidget* reader = window.reader();
    int shownPictures = 0;
    int shownPages = 0;
    for (;;) {
        if (!textOnly) {
            if (!waitFor([&] { return pictureShown(reader); }, 10000))
                fail(QStringLiteral("page %1's picture was not shown").arg(shownPages + 1));
            ++shownPictures;
        }
        ++shownPages;
        if (!reader->canGoNext() || shownPages >= pages)
            break;
        reader->showNext();
        QTest::qWait(5);
    }
    QTest::qWait(500);
    const auto story = window.generator()->story();
    const bool ok = story && story->pages.size() == pages && shownPages == pages && shownPictures == (textOnly ? 0 : pages);
    std::printf("mode=open pictures_on=%d pages=%d shown_pages=%d shown_pictures=%d rss_before_window_mb=%.1f ", int(!textOnly),
                pages, shownPages, shownPictures, double(beforeKb) / 1024.0);
    printMemory();
    std::printf("result=%s\n", ok ? "ok" : "MISMATCH");
    std::fflush(stdout);
    window.close();
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybookBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-pictures-gui"));
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.addOption({QStringLiteral("mode"), QStringLiteral("stream, viewer or open"), QStringLiteral("MODE")});
    parser.addOption({QStringLiteral("pages"), QStringLiteral("pages in the story"), QStringLiteral("N"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("text-only"), QStringLiteral("the same story without pictures (the baseline)")});
    parser.addOption({QStringLiteral("library"), QStringLiteral("library folder (--mode write)"), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("fake-openai-server executable"), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("picture-server"), QStringLiteral("bench-pictures-server executable"), QStringLiteral("PATH")});
    parser.process(app);
    const QString mode = parser.value(QStringLiteral("mode"));
    const int pages = parser.value(QStringLiteral("pages")).toInt();
    const bool textOnly = parser.isSet(QStringLiteral("text-only"));
    if (pages < 2) {
        std::fprintf(stderr, "usage: bench-pictures-gui --mode stream|viewer|open --pages N [--text-only]\n");
        return 2;
    }
    if (mode == QLatin1String("stream"))
        return streamMode(app, parser, pages, textOnly);
    if (mode == QLatin1String("viewer"))
        return viewerMode(pages, textOnly);
    if (mode == QLatin1String("write")) { // for --mode open: writes the story, prints its id
        Story::Story written = makeStory(pages, textOnly);
        saveStory(parser.value(QStringLiteral("library")), written);
        std::printf("%s\n", qPrintable(written.id));
        return 0;
    }
    if (mode == QLatin1String("open"))
        return openMode(pages, textOnly);
    std::fprintf(stderr, "bench-pictures-gui: unknown --mode %s\n", qPrintable(mode));
    return 2;
}
