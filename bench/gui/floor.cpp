// bench-gui-floor: the start-up floor. An empty QMainWindow with the same compiler flags, Qt
// libraries and first-frame probe as storybook and storybook-viewer (src/core/firstframeprobe.h):
// with STORYBOOK_BENCH_FIRST_FRAME=1 it prints the time to its first painted frame and its idle
// RSS, then quits. Without it, it quits after 1 s so it never hangs.
//   --text  a second floor: the same window with one line of English and Chinese text, so the font
//           database, a CJK font and text shaping are paid too (the empty window draws no text).
#include "firstframeprobe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    Storybook::FirstFrameProbe::installIfRequested();
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybookBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-gui-floor"));
    QMainWindow window;
    if (QCoreApplication::arguments().contains(QStringLiteral("--text")))
        window.setCentralWidget(new QLabel(QStringLiteral("Once upon a time, a small fox found a lantern. 从前，一只小狐狸找到了一盏灯笼。")));
    window.resize(1000, 700);
    window.show();
    if (qEnvironmentVariable("STORYBOOK_BENCH_FIRST_FRAME") != QLatin1String("1"))
        QTimer::singleShot(1000, &app, &QCoreApplication::quit);
    return app.exec();
}
