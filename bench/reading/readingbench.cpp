// bench-reading: the reading view of issue 18 (docs/benchmarks.md, "Reading view").
//   bench-reading --make-last LIBDIR --config CONFIGDIR [--stories N]
//       writes N 8-page stories into LIBDIR and the app's settings file under CONFIGDIR (an
//       XDG_CONFIG_HOME) naming the last of them, and its 5th page, as the story and page that
//       were open when the app last quit: the next `storybook --library LIBDIR` opens on it.
//   bench-reading --check-last LIBDIR --config CONFIGDIR
//       builds the app's main window as `storybook` does (with those settings) and checks that the
//       last story's page is shown before the window is first painted (so the first frame the
//       start-up bench times is that page). Exit 0 only then.
//   bench-reading --resize [--paragraphs N]
//       the app's main window with a story whose page has N paragraphs (default 200), the page
//       shown; then the window is resized through a series of sizes (as a drag from 1920×1080 to
//       1024×600 and back, then jumps between usual screen sizes); per step, the event loop's worst
//       stall (bench/gui's StallMeter, a 1 ms timer's lateness) until the window is idle again.
//       Zoom steps the same way (in to the largest, out to the smallest, back to 100 %) when the
//       ReaderWidget has setZoomPercent/zoomIn/zoomOut; `zoom_steps=0` otherwise.
// Prints one line of key=value pairs.
#include "benchcommon.h"
#include "library.h"
#include "mainwindow.h"
#include "pageview.h"
#include "readerwidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

#include <cstdio>

using namespace Storybook;

namespace {

constexpr int LastPage = 5; // the page the reader was on when the app quit

QString paragraph(int page, int number)
{
    return QStringLiteral("Page %1, paragraph %2. Pip the fox carried the lantern into the quiet forest, where the "
                          "trees whispered and the moon peeked between the branches. An owl called softly from a high "
                          "nest, and a little stream sang over the round stones. 小狐狸皮普提着灯笼走进安静的森林。")
        .arg(page)
        .arg(number);
}

QString pageText(int page, int paragraphs)
{
    QStringList parts;
    for (int i = 1; i <= paragraphs; ++i)
        parts.append(paragraph(page, i));
    return parts.join(QStringLiteral("\n\n"));
}

Story::Story makeStory(int pages, int paragraphs, int seed)
{
    Story::Story story;
    story.id = Story::Story::newId();
    story.title = QStringLiteral("Reading bench story %1").arg(seed);
    story.settings.idea = QStringLiteral("a fox who finds a lantern");
    story.settings.pageCount = pages;
    story.settings.language = QStringLiteral("en");
    story.created = story.modified = QDateTime::currentDateTimeUtc();
    QString parent;
    for (int i = 1; i <= pages; ++i) {
        Story::Page page;
        page.parentId = parent;
        if (!parent.isEmpty()) {
            page.answer = QStringLiteral("Follow the owl");
            page.answerIndex = 0;
        }
        page.text = pageText(i, paragraphs);
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
        parent = story.addPage(page).id;
        story.path.append(parent);
    }
    return story;
}

// The app's identity (src/app/main.cpp), so QSettings finds the app's own settings file.
void useAppIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybook"));
    QCoreApplication::setApplicationName(QStringLiteral("storybook"));
}

int makeLast(const QString& libraryDir, const QString& configDir, int stories)
{
    Story::Library library(libraryDir);
    Story::Story last;
    for (int i = 0; i < stories; ++i) {
        last = makeStory(8, 3, i);
        if (const QString problem = library.save(last); !problem.isEmpty()) {
            std::fprintf(stderr, "bench-reading: %s\n", qPrintable(problem));
            return 1;
        }
    }
    library.reload();
    if (library.records().size() != stories || stories < 1) {
        std::fprintf(stderr, "bench-reading: the library lists %lld stories, not %d\n", qlonglong(library.records().size()), stories);
        return 1;
    }
    // The file MainWindow::saveState writes, at the path QSettings gives the app under this XDG_CONFIG_HOME.
    QDir().mkpath(configDir + QStringLiteral("/InteractiveStorybook"));
    QSettings settings(configDir + QStringLiteral("/InteractiveStorybook/storybook.conf"), QSettings::IniFormat);
    settings.setValue(QStringLiteral("ui/lastStory"), last.id);
    settings.setValue(QStringLiteral("ui/lastPage"), last.path.at(LastPage - 1));
    settings.sync();
    std::printf("stories=%d last_story=%s last_page=%s\n", stories, qPrintable(last.id), qPrintable(last.path.at(LastPage - 1)));
    return settings.status() == QSettings::NoError ? 0 : 1;
}

int checkLast(const QString& libraryDir)
{
    const QSettings settings;
    const QString storyId = settings.value(QStringLiteral("ui/lastStory")).toString();
    const QString pageId = settings.value(QStringLiteral("ui/lastPage")).toString();
    App::MainWindow::Options options;
    options.libraryFolder = libraryDir;
    App::MainWindow window(options);
    // Before the window is shown: what its first frame will paint.
    const auto& story = window.reader()->story();
    const Story::Page* page = story ? story->page(pageId) : nullptr;
    const QString shown = window.reader()->pageView()->plainText();
    const bool ok = !storyId.isEmpty() && story && story->id == storyId && page && window.reader()->currentPageId() == pageId
        && window.reader()->pageView()->pageId() == pageId && shown.contains(page->text.left(60));
    std::printf("last_story=%s last_page=%s shown_page=%s shown_chars=%lld result=%s\n", qPrintable(storyId), qPrintable(pageId),
                qPrintable(window.reader()->currentPageId()), qlonglong(shown.size()), ok ? "ok" : "MISMATCH");
    return ok ? 0 : 1;
}

struct Series
{
    QList<double> stallMs;     // per step: the worst stall until the window was idle again
    QStringList labels;        // per step: what it did
    double cpu = 0;
    [[nodiscard]] double worst() const { return stallMs.isEmpty() ? 0 : *std::max_element(stallMs.begin(), stallMs.end()); }
};

// One step: the action, then the event loop runs until the window has laid out and painted (a
// quiet 50 ms); the stall meter's worst lateness over that time is the step's stall.
template<typename Action>
void step(Series& series, const QString& label, Action action)
{
    series.labels.append(label);
    StorybookBench::StallMeter meter;
    const double cpu = StorybookBench::processCpuSeconds();
    meter.start();
    action();
    QTest::qWait(50);
    meter.stop();
    series.cpu += StorybookBench::processCpuSeconds() - cpu;
    series.stallMs.append(meter.maxMs());
}

void print(const char* name, const Series& series)
{
    const qsizetype worst = series.stallMs.isEmpty() ? -1 : std::max_element(series.stallMs.begin(), series.stallMs.end()) - series.stallMs.begin();
    std::printf("%s_worst_step=%lld:%s ", name, qlonglong(worst), worst < 0 ? "none" : qPrintable(series.labels.at(worst)));
    std::printf("%s_steps=%lld %s_max_ms=%.3f %s_p99_ms=%.3f %s_median_ms=%.3f %s_cpu_ms_per_step=%.3f ", name,
                qlonglong(series.stallMs.size()), name, series.worst(), name, StorybookBench::percentile(series.stallMs, 99), name,
                StorybookBench::percentile(series.stallMs, 50), name,
                series.stallMs.isEmpty() ? 0.0 : series.cpu * 1000.0 / double(series.stallMs.size()));
}

// Zoom through the ReaderWidget's API when it has one (issue 18 adds it); else no steps.
template<typename Reader>
bool zoomSteps(Reader* reader, Series& series)
{
    if constexpr (requires(Reader* r) {
                      r->zoomIn();
                      r->zoomOut();
                      r->setZoomPercent(100);
                  }) {
        reader->setZoomPercent(100);
        QTest::qWait(50);
        for (int i = 0; i < 8; ++i)
            step(series, QStringLiteral("in"), [&] { reader->zoomIn(); });
        for (int i = 0; i < 16; ++i)
            step(series, QStringLiteral("out"), [&] { reader->zoomOut(); });
        step(series, QStringLiteral("100"), [&] { reader->setZoomPercent(100); });
        return true;
    } else {
        Q_UNUSED(reader);
        Q_UNUSED(series);
        return false;
    }
}

int resizeBench(int paragraphs)
{
    // Not the app's settings: a bench identity in Qt's test folders.
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybookBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-reading"));
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    App::MainWindow::Options options;
    options.libraryFolder = dir.filePath(QStringLiteral("library"));
    Story::Story story = makeStory(2, paragraphs, 0);
    {
        Story::Library library(options.libraryFolder);
        if (const QString problem = library.save(story); !problem.isEmpty()) {
            std::fprintf(stderr, "bench-reading: %s\n", qPrintable(problem));
            return 1;
        }
    }
    App::MainWindow window(options);
    window.resize(1920, 1080);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window, 10000)) {
        std::fprintf(stderr, "bench-reading: the window was not exposed\n");
        return 1;
    }
    window.openStory(story.id);
    Widgets::ReaderWidget* reader = window.reader();
    reader->showPage(story.path.first());
    QElapsedTimer settle;
    settle.start();
    while (reader->pageView()->isCatchingUp() && settle.elapsed() < 60000)
        QTest::qWait(10);
    QTest::qWait(200);
    const QString expected = story.pages.first().text;
    const QString shown = reader->pageView()->plainText();

    // A drag from 1920×1080 to 1024×600 and back in 24 steps each way, then jumps.
    QList<QSize> sizes;
    constexpr int DragSteps = 24;
    for (int i = 1; i <= DragSteps; ++i)
        sizes.append(QSize(1920 - (1920 - 1024) * i / DragSteps, 1080 - (1080 - 600) * i / DragSteps));
    for (int i = DragSteps - 1; i >= 0; --i)
        sizes.append(QSize(1920 - (1920 - 1024) * i / DragSteps, 1080 - (1080 - 600) * i / DragSteps));
    const QList<QSize> jumps = {{1400, 900}, {1024, 600}, {1920, 1080}, {800, 600}, {1280, 800}, {1400, 900}};
    sizes.append(jumps);

    Series resize;
    int reached = 0;
    for (const QSize& size : sizes) {
        step(resize, QStringLiteral("%1x%2").arg(size.width()).arg(size.height()), [&] { window.resize(size); });
        // A size below the window's minimum is clamped; the step still relays the page out.
        if (window.size() == size || window.size() == size.expandedTo(window.minimumSize()))
            ++reached;
    }
    Series zoom;
    const bool zoomed = zoomSteps(reader, zoom);

    const bool ok = shown == expected && reached == sizes.size() && reader->pageView()->plainText() == expected;
    std::printf("paragraphs=%d page_chars=%lld shown_chars=%lld minimum=%dx%d ", paragraphs, qlonglong(expected.size()),
                qlonglong(shown.size()), window.minimumSize().width(), window.minimumSize().height());
    print("resize", resize);
    print("zoom", zoom);
    std::printf("zoom_measured=%d result=%s\n", zoomed ? 1 : 0, ok ? "ok" : "MISMATCH");
    std::fflush(stdout);
    window.close();
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    useAppIdentity();

    QCommandLineParser parser;
    const QCommandLineOption makeOption(QStringLiteral("make-last"), QStringLiteral("write a library and settings"), QStringLiteral("LIBDIR"));
    const QCommandLineOption checkOption(QStringLiteral("check-last"), QStringLiteral("check the app opens on the last page"), QStringLiteral("LIBDIR"));
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("XDG_CONFIG_HOME of the app"), QStringLiteral("DIR"));
    const QCommandLineOption storiesOption(QStringLiteral("stories"), QStringLiteral("stories to write"), QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption resizeOption(QStringLiteral("resize"), QStringLiteral("resize and zoom a long page"));
    const QCommandLineOption paragraphsOption(QStringLiteral("paragraphs"), QStringLiteral("paragraphs on the page"), QStringLiteral("N"), QStringLiteral("200"));
    parser.addOptions({makeOption, checkOption, configOption, storiesOption, resizeOption, paragraphsOption});
    parser.process(app);

    if (parser.isSet(makeOption) && parser.isSet(configOption))
        return makeLast(parser.value(makeOption), parser.value(configOption), parser.value(storiesOption).toInt());
    if (parser.isSet(checkOption)) {
        // QSettings reads XDG_CONFIG_HOME when first used: the caller sets it (the runner does).
        return checkLast(parser.value(checkOption));
    }
    if (parser.isSet(resizeOption)) {
        const int paragraphs = parser.value(paragraphsOption).toInt();
        if (paragraphs < 1) {
            std::fprintf(stderr, "bench-reading: --paragraphs N (N >= 1)\n");
            return 2;
        }
        return resizeBench(paragraphs);
    }
    std::fprintf(stderr, "usage: bench-reading --make-last LIBDIR --config DIR [--stories N] | --check-last LIBDIR | --resize [--paragraphs N]\n");
    return 2;
}
