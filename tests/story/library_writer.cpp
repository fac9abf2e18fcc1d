// Test helper: saves one story again and again, growing it, until killed.
#include "library.h"
#include "storytesthelpers.h"

#include <QCoreApplication>
#include <QStandardPaths>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    if (argc < 2)
        return 2;
    Storybook::Story::Library library(QString::fromLocal8Bit(argv[1]));
    (void)library.reload();
    Storybook::Story::Story story = Storybook::Test::sampleStory();
    story.id = QStringLiteral("killed");
    // --pictures: an illustrated story (a container file): three 1 MB "pictures" of known bytes.
    if (argc > 2 && qstrcmp(argv[2], "--pictures") == 0) {
        for (int i = 0; i < 3; ++i) {
            Storybook::Story::Picture picture;
            picture.entry = QStringLiteral("pictures/p%1.png").arg(i);
            picture.mimeType = QStringLiteral("image/png");
            story.pages[i].picture = picture;
            story.assets.insert(picture.entry, Storybook::Test::knownBytes(i, 1024 * 1024));
        }
    }
    for (int i = 0; i < 1000000; ++i) {
        story.pages.first().text += QStringLiteral(" And then another thing happened, number %1.").arg(i);
        if (!library.save(story).isEmpty())
            return 1;
        if (i == 0) {
            std::printf("saved\n");
            std::fflush(stdout);
        }
    }
    return 0;
}
