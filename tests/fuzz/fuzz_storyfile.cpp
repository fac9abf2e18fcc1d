// Fuzz target for the story-file loader, Story::fromFileData (what Library::load and import read a .storybook
// file with). A file that does not load must say why; a story that loads must be a consistent tree (unique ids,
// parents that exist, a reading path of existing pages, a bounded walk up every branch), and saving it must give
// a file that loads again and saves to the very same bytes (save → load → save is stable).
#include "fuzzcheck.h"
#include "story.h"

#include <QByteArray>
#include <QSet>
#include <QString>

using Storybook::Story::Page;
using Storybook::Story::Story;

namespace {

void checkStory(const Story& story)
{
    FUZZ_CHECK(!story.id.isEmpty(), "a loaded story has no id");
    FUZZ_CHECK(story.settings.pageCount >= 1 && story.settings.pageCount <= 100, "page count out of range");
    FUZZ_CHECK(story.formatVersion >= 1, "format version below 1");
    QSet<QString> ids;
    for (const Page& page : story.pages) {
        FUZZ_CHECK(!page.id.isEmpty(), "a page without an id");
        FUZZ_CHECK(!ids.contains(page.id), "two pages with one id");
        ids.insert(page.id);
        FUZZ_CHECK(page.state != Page::State::Streaming, "a page still streaming after loading");
    }
    for (const Page& page : story.pages) {
        FUZZ_CHECK(page.parentId.isEmpty() || ids.contains(page.parentId), "a page whose parent is missing");
        const qsizetype depth = story.branchTo(page.id).size();
        FUZZ_CHECK(depth >= 1 && depth <= story.pages.size() + 10000, "unbounded walk up a branch");
        (void)story.children(page.id);
    }
    for (const QString& id : story.path)
        FUZZ_CHECK(ids.contains(id), "the reading path names a missing page");
    FUZZ_CHECK(story.pathPages().size() == story.path.size(), "pathPages() skips pages of the path");
    if (story.path.isEmpty())
        FUZZ_CHECK(!story.firstPage(), "a story with a first page has no reading path");
    (void)story.isFinished();
    (void)story.plainText();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    if (size > 256 * 1024)
        return -1;
    const QByteArray data(reinterpret_cast<const char*>(bytes), qsizetype(size));
    QString whyNot;
    const std::optional<Story> story = Story::fromFileData(data, &whyNot);
    if (!story) {
        FUZZ_CHECK(!whyNot.isEmpty(), "a file was refused without a reason");
        return 0;
    }
    checkStory(*story);

    const QByteArray saved = story->toFileData();
    QString whyNotAgain;
    const std::optional<Story> again = Story::fromFileData(saved, &whyNotAgain);
    FUZZ_CHECK(again.has_value(), "a saved story does not load again");
    checkStory(*again);
    FUZZ_CHECK(again->toJson() == story->toJson(), "save → load changes the story");
    FUZZ_CHECK(again->toFileData() == saved, "save → load → save changes the file");
    FUZZ_CHECK(again->path == story->path, "save → load changes the reading path");

    // Moving along the reading path of a copy stays within the story.
    Story walked = *again;
    if (!walked.pages.isEmpty()) {
        walked.goTo(walked.pages.last().id);
        for (const QString& id : std::as_const(walked.path))
            FUZZ_CHECK(walked.page(id), "goTo() put a missing page on the path");
    }
    return 0;
}
