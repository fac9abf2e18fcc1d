// bench-gui-floor: the start-up floor. An empty QMainWindow with the same compiler flags, Qt
// libraries and first-frame probe as storybook and storybook-viewer (src/core/firstframeprobe.h):
// with STORYBOOK_BENCH_FIRST_FRAME=1 it prints the time to its first painted frame and its idle
// RSS, then quits. Without it, it quits after --quit-after-ms (default 1000) so it never hangs.
#include "firstframeprobe.h"

#include <QApplication>
#include <QMainWindow>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    Storybook::FirstFrameProbe::installIfRequested();
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybookBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-gui-floor"));
    QMainWindow window;
    window.resize(1000, 700);
    window.show();
    if (qEnvironmentVariable("STORYBOOK_BENCH_FIRST_FRAME") != QLatin1String("1"))
        QTimer::singleShot(1000, &app, &QCoreApplication::quit);
    return app.exec();
}
