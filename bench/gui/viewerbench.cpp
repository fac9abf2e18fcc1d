// bench-gui-viewer: the offline viewer's window (src/viewer ViewerWindow, Read mode) paging and
// scrolling through an N-page story. Every step (one page turn with Next, or one scroll step of
// the story map) is followed by the layout and the repaint of the whole window, synchronously: the
// time a step takes is how long it blocks the event loop. Prints the worst and 99th-percentile
// step, the CPU per step, and checks that every page was shown (the last page's text at the end).
//   bench-gui-viewer --pages N
//   bench-gui-viewer --make-library DIR --stories N   (writes N 8-page stories, for the start-up bench)
#include "benchcommon.h"
#include "library.h"
#include "pageview.h"
#include "readerwidget.h"
#include "storymapview.h"
#include "viewerwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Storybook;

namespace {

QString pageText(int number)
{
    return QStringLiteral("Page %1. Pip the fox carried the lantern into the quiet forest, where the trees whispered "
                          "and the moon peeked between the branches. An owl called softly from a high nest, and a "
                          "little stream sang over the round stones. Pip stopped, listened, and smiled: somewhere "
                          "ahead, a warm light was waiting. 🦊")
        .arg(number);
}

Story::Story makeStory(int pages, int seed)
{
    Story::Story story;
    story.id = Story::Story::newId();
    story.title = QStringLiteral("Benchmark story %1").arg(seed);
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
        parent = story.addPage(page).id;
        story.path.append(parent); // the reading path: every page, first to last
    }
    return story;
}

struct Steps
{
    QList<double> ms;
    double cpu = 0;
};

// One step: the action, then what the event loop would do next (posted layout requests, the
// repaint of the window), all synchronously.
template<typename Action>
void step(QWidget& window, Steps& steps, Action action)
{
    QElapsedTimer clock;
    const double cpu = StorybookBench::processCpuSeconds();
    clock.start();
    action();
    QCoreApplication::sendPostedEvents();
    window.repaint();
    steps.ms.append(double(clock.nsecsElapsed()) / 1e6);
    steps.cpu += StorybookBench::processCpuSeconds() - cpu;
}

void print(const char* name, const Steps& steps)
{
    const double worst = steps.ms.isEmpty() ? 0 : *std::max_element(steps.ms.begin(), steps.ms.end());
    std::printf("%s_steps=%lld %s_max_ms=%.3f %s_p99_ms=%.3f %s_cpu_ms_per_step=%.4f ", name, qlonglong(steps.ms.size()),
                name, worst, name, StorybookBench::percentile(steps.ms, 99), name,
                steps.ms.isEmpty() ? 0.0 : steps.cpu * 1000.0 / double(steps.ms.size()));
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybookBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-gui-viewer"));
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    const QCommandLineOption pagesOption(QStringLiteral("pages"), QStringLiteral("pages in the story"), QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption makeOption(QStringLiteral("make-library"), QStringLiteral("write a library"), QStringLiteral("DIR"));
    const QCommandLineOption storiesOption(QStringLiteral("stories"), QStringLiteral("stories to write"), QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({pagesOption, makeOption, storiesOption});
    parser.process(app);

    if (parser.isSet(makeOption)) {
        Story::Library library(parser.value(makeOption));
        const int count = parser.value(storiesOption).toInt();
        for (int i = 0; i < count; ++i) {
            Story::Story story = makeStory(8, i);
            if (const QString problem = library.save(story); !problem.isEmpty()) {
                std::fprintf(stderr, "bench-gui-viewer: %s\n", qPrintable(problem));
                return 1;
            }
        }
        library.reload();
        std::printf("stories=%lld\n", qlonglong(library.records().size()));
        return library.records().size() == count ? 0 : 1;
    }

    const int pages = parser.value(pagesOption).toInt();
    if (pages < 2) {
        std::fprintf(stderr, "usage: bench-gui-viewer --pages N (N >= 2)\n");
        return 2;
    }
    QTemporaryDir dir;
    QString file;
    {
        Story::Library library(dir.filePath(QStringLiteral("library")));
        Story::Story story = makeStory(pages, 0);
        if (const QString problem = library.save(story); !problem.isEmpty()) {
            std::fprintf(stderr, "bench-gui-viewer: %s\n", qPrintable(problem));
            return 1;
        }
        library.reload();
        file = library.filePath(story.id);
    }

    Viewer::ViewerWindow window;
    if (!window.openFile(file)) {
        std::fprintf(stderr, "bench-gui-viewer: could not open the story\n");
        return 1;
    }
    window.resize(1000, 700);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window, 10000)) {
        std::fprintf(stderr, "bench-gui-viewer: the window was not exposed\n");
        return 1;
    }
    QTest::qWait(100);

    Widgets::ReaderWidget* reader = window.reader();
    const std::shared_ptr<const Story::Story> story = reader->story();
    if (!story || story->pages.size() != pages) {
        std::fprintf(stderr, "bench-gui-viewer: the story was not loaded\n");
        return 1;
    }

    // Page turns: from the first page to the last.
    Steps turns;
    int shownPages = 1;
    QString lastShown = reader->currentPageId();
    while (reader->canGoNext() && turns.ms.size() < pages) {
        step(window, turns, [&] { reader->showNext(); });
        if (reader->currentPageId() != lastShown) {
            ++shownPages;
            lastShown = reader->currentPageId();
        }
    }
    const bool atEnd = reader->currentPageId() == story->pages.last().id
        && reader->pageView()->plainText().contains(pageText(pages));

    // Scroll steps: the story map (one row per page) from the top to the bottom, then back up.
    Steps scrolls;
    QScrollBar* bar = reader->mapView()->verticalScrollBar();
    bar->setValue(0);
    QCoreApplication::processEvents();
    const int maximum = bar->maximum();
    while (bar->value() < bar->maximum() && scrolls.ms.size() < 100000)
        step(window, scrolls, [&] { bar->triggerAction(QAbstractSlider::SliderSingleStepAdd); });
    const bool scrolledDown = bar->value() == maximum;
    while (bar->value() > 0 && scrolls.ms.size() < 200000)
        step(window, scrolls, [&] { bar->triggerAction(QAbstractSlider::SliderSingleStepSub); });

    const bool ok = shownPages == pages && atEnd && scrolledDown && bar->value() == 0;
    std::printf("pages=%d shown_pages=%d map_scroll_max=%d ", pages, shownPages, maximum);
    print("turn", turns);
    print("scroll", scrolls);
    std::printf("result=%s\n", ok ? "ok" : "MISMATCH");
    std::fflush(stdout);
    window.close();
    return ok ? 0 : 1;
}
