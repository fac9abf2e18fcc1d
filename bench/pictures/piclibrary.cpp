// storybook-bench-pictures-library: the library and file-format picture benchmarks of issue 15.
//   listing  N stories of bench/library's generator (storygen), each written twice with
//            Library::save: text-only into one folder (the baseline), and with 8 pictures into
//            another (the character sheet and up to 7 pages, the rest on earlier page versions;
//            realistic 200–400 KB pictures: 1024×1024 JPEGs and 512×512 PNGs, distinct bytes).
//            Cold (no index cache: every file opened and its JSON entry parsed) and warm (the
//            index the cold listing wrote) listings of both folders, interleaved, medians.
//   overhead the illustrated files' bytes against the picture bytes they hold.
//   save     Library::save of a 30-page story with 30 1024×1024 PNGs (about 1.6 MB each, what
//            an autosave during streaming writes) vs the same story without pictures, and vs the
//            floor: QSaveFile writing the same number of bytes. Checks that every picture is in
//            the file byte for byte (stored, not recompressed) and reads back identical.
// Prints key=value lines; exit code 1 when the work was not done (a story not listed, a picture
// missing or altered), so the CTest smoke run can fail.
//   storybook-bench-pictures-library --stories N --runs R --work DIR [--save-runs R]
#include "library.h"
#include "picturegen.h"
#include "storyfile.h"
#include "storygen.h"

#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using Storybook::Story::Library;
namespace Story = Storybook::Story;
namespace Bench = Storybook::Bench;

namespace {

constexpr quint32 Seed = 20261204; // bench/library's seed: the same stories

[[noreturn]] void fail(const QString& why)
{
    std::fprintf(stderr, "FAIL: %s\n", qPrintable(why));
    std::exit(1);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

double msSince(const QElapsedTimer& timer) { return double(timer.nsecsElapsed()) / 1e6; }

void removeIndex()
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDirIterator it(cache, {u"library-index-*.bin"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::remove(it.next());
}

qint64 folderBytes(const QString& folder)
{
    qint64 bytes = 0;
    QDirIterator it(folder, {u"*"_s + QLatin1String(Library::Suffix)}, QDir::Files);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
    }
    return bytes;
}

Story::Picture pictureFor(Story::Story& story, const QByteArray& bytes, const QString& name)
{
    Story::Picture picture;
    const bool png = bytes.startsWith("\x89PNG");
    picture.entry = u"pictures/%1.%2"_s.arg(name, png ? u"png"_s : u"jpg"_s);
    picture.mimeType = png ? u"image/png"_s : u"image/jpeg"_s;
    picture.prompt = u"A small fox with a lantern in a moonlit forest, watercolour."_s;
    picture.model = u"gpt-image-1"_s;
    picture.created = story.created;
    story.assets.insert(picture.entry, bytes);
    return picture;
}

// Eight pictures: the character sheet, then pages, then earlier versions of the first pages.
qint64 illustrate(Story::Story& story, const QList<QByteArray>& pool, int index)
{
    qint64 bytes = 0;
    int k = 0;
    const auto next = [&] {
        const QByteArray picture = Bench::tagPicture(pool.at((index + k) % pool.size()), quint32(index * 8 + k));
        bytes += picture.size();
        return pictureFor(story, picture, u"p%1-%2"_s.arg(index).arg(k++));
    };
    story.characterSheet = next();
    for (auto& page : story.pages) {
        if (k < 8)
            page.picture = next();
    }
    for (int p = 0; k < 8; p = (p + 1) % int(story.pages.size())) {
        Story::PageVersion version;
        version.number = int(story.pages[p].previousVersions.size()) + 1;
        version.text = story.pages[p].text;
        version.scene = story.pages[p].scene;
        version.replaced = story.created;
        version.picture = next();
        story.pages[p].previousVersions.append(version);
        story.pages[p].version = version.number + 1;
    }
    return bytes;
}

void listing(const QString& work, int n, int runs)
{
    QList<QByteArray> pool;
    const qint64 targets[] = {220000, 260000, 300000, 340000, 380000, 240000, 320000, 390000};
    for (int i = 0; i < 8; ++i)
        pool.append(i % 2 ? Bench::makePicture(512, 512, "png", quint32(100 + i), targets[i])
                          : Bench::makePicture(1024, 1024, "jpeg", quint32(100 + i), targets[i]));
    qint64 poolMin = pool.first().size(), poolMax = 0;
    for (const QByteArray& p : pool) {
        poolMin = std::min<qint64>(poolMin, p.size());
        poolMax = std::max<qint64>(poolMax, p.size());
    }

    const QString text = work + u"/text-"_s + QString::number(n);
    const QString pictures = work + u"/pictures-"_s + QString::number(n);
    for (const QString& folder : {text, pictures}) {
        QDir(folder).removeRecursively();
        if (!QDir().mkpath(folder))
            fail(u"cannot create %1"_s.arg(folder));
    }
    QElapsedTimer timer;
    timer.start();
    qint64 pictureBytes = 0;
    for (int i = 0; i < n; ++i) {
        Story::Story story = Bench::generateStory(i, Seed);
        if (const QString problem = Library(text).save(story); !problem.isEmpty())
            fail(problem);
        pictureBytes += illustrate(story, pool, i);
        if (const QString problem = Library(pictures).save(story); !problem.isEmpty())
            fail(problem);
    }
    const double generateMs = msSince(timer);
    const qint64 textBytes = folderBytes(text), illustratedBytes = folderBytes(pictures);
    std::printf("generate stories=%d ms=%.0f picture_kb_min=%.0f picture_kb_max=%.0f\n", n, generateMs,
                double(poolMin) / 1e3, double(poolMax) / 1e3);
    std::printf("overhead stories=%d picture_mb=%.2f illustrated_mb=%.2f text_mb=%.2f total_overhead_pct=%.3f "
                "container_overhead_pct=%.3f\n",
                n, double(pictureBytes) / 1e6, double(illustratedBytes) / 1e6, double(textBytes) / 1e6,
                100.0 * double(illustratedBytes - pictureBytes) / double(pictureBytes),
                100.0 * double(illustratedBytes - textBytes - pictureBytes) / double(pictureBytes));
    std::fflush(stdout);

    QList<double> coldText, coldPictures, warmText, warmPictures;
    const auto list = [&](const QString& folder, QList<double>& cold, QList<double>& warm) {
        removeIndex();
        for (QList<double>* into : {&cold, &warm}) {
            QElapsedTimer clock;
            clock.start();
            Library library(folder);
            if (const QString problem = library.reload(); !problem.isEmpty())
                fail(problem);
            into->append(msSince(clock));
            const auto& records = library.records();
            const auto readable = std::count_if(records.cbegin(), records.cend(), [](const auto& r) { return r.readable; });
            if (records.size() != n || readable != n)
                fail(u"%1: listed %2 stories (%3 readable), expected %4"_s.arg(folder).arg(records.size()).arg(readable).arg(n));
        }
    };
    for (int r = 0; r < runs; ++r) {
        // A B, then B A: the baseline beside ours, each first half of the time.
        if (r % 2 == 0) {
            list(text, coldText, warmText);
            list(pictures, coldPictures, warmPictures);
        } else {
            list(pictures, coldPictures, warmPictures);
            list(text, coldText, warmText);
        }
    }
    std::printf("listing stories=%d runs=%d cold_text_ms=%.1f cold_pictures_ms=%.1f cold_ratio=%.2f warm_text_ms=%.1f "
                "warm_pictures_ms=%.1f warm_ratio=%.2f\n",
                n, runs, median(coldText), median(coldPictures), median(coldPictures) / median(coldText), median(warmText),
                median(warmPictures), median(warmPictures) / median(warmText));
    std::fflush(stdout);
}

Story::Story thirtyPages(bool withPictures)
{
    Story::Story story = Bench::generateStory(1, Seed);
    story.id = Story::Story::newId();
    // 30 pages along the reading path: the generated pages' texts, again and again.
    const QList<Story::Page> source = story.pages;
    story.pages.clear();
    story.path.clear();
    story.settings.pageCount = 30;
    story.settings.pictures = withPictures;
    const QByteArray base = withPictures ? Bench::makePicture(1024, 1024, "png", 5, 1600000) : QByteArray();
    QString parent;
    for (int i = 0; i < 30; ++i) {
        Story::Page page = source.at(i % source.size());
        page.id.clear();
        page.parentId = parent;
        page.ending = i == 29;
        if (page.ending)
            page.interaction.reset();
        page.picture.reset();
        page.previousVersions.clear();
        if (withPictures)
            page.picture = pictureFor(story, Bench::tagPicture(base, quint32(i)), u"page-%1"_s.arg(i));
        parent = story.addPage(page).id;
        story.path.append(parent);
    }
    return story;
}

void save(const QString& work, int runs)
{
    const QString folder = work + u"/save"_s;
    QDir(folder).removeRecursively();
    QDir().mkpath(folder);
    Story::Story illustrated = thirtyPages(true);
    Story::Story text = thirtyPages(false);
    qint64 pictureBytes = 0;
    for (const QByteArray& bytes : std::as_const(illustrated.assets))
        pictureBytes += bytes.size();
    Library library(folder);
    QList<double> savePictures, saveText, floor;
    QString file;
    for (int r = 0; r < runs; ++r) {
        // An autosave: the story with one more word on its last page, written again.
        illustrated.pages.last().text += u" More"_s;
        text.pages.last().text += u" More"_s;
        QElapsedTimer clock;
        clock.start();
        if (const QString problem = library.save(illustrated); !problem.isEmpty())
            fail(problem);
        savePictures.append(msSince(clock));
        clock.start();
        if (const QString problem = library.save(text); !problem.isEmpty())
            fail(problem);
        saveText.append(msSince(clock));
        file = library.filePath(illustrated.id);
        const qint64 size = QFileInfo(file).size();
        // The floor: the same number of bytes through QSaveFile (write, flush, rename).
        const QByteArray junk(size, 'x');
        clock.start();
        QSaveFile plain(folder + u"/floor.bin"_s);
        if (!plain.open(QIODevice::WriteOnly) || plain.write(junk) != size || !plain.commit())
            fail(u"cannot write the floor file"_s);
        floor.append(msSince(clock));
    }
    // Stored, not recompressed: every picture's bytes are in the file as they are.
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        fail(u"cannot read %1"_s.arg(file));
    const QByteArray bytes = in.readAll();
    int verbatim = 0;
    for (const QByteArray& picture : std::as_const(illustrated.assets))
        verbatim += bytes.contains(picture) ? 1 : 0;
    QString why;
    const auto back = Story::StoryFile::read(file, Story::StoryFile::Parts::Everything, &why);
    if (!back)
        fail(u"the saved story does not read back: %1"_s.arg(why));
    if (verbatim != 30 || back->assets != illustrated.assets)
        fail(u"%1 of 30 pictures stored byte for byte; read back %2"_s.arg(verbatim).arg(back->assets == illustrated.assets ? u"identical"_s : u"different"_s));
    std::printf("save pictures=30 picture_mb=%.2f file_mb=%.2f overhead_pct=%.3f verbatim=%d runs=%d save_pictures_ms=%.1f "
                "save_text_ms=%.2f ratio_text=%.1f floor_ms=%.1f ratio_floor=%.2f\n",
                double(pictureBytes) / 1e6, double(bytes.size()) / 1e6,
                100.0 * double(bytes.size() - pictureBytes) / double(pictureBytes), verbatim, runs, median(savePictures),
                median(saveText), median(savePictures) / median(saveText), median(floor), median(savePictures) / median(floor));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // QImage encoders and QPainter for the pictures
    QCoreApplication::setOrganizationName(u"InteractiveStorybookBench"_s);
    QCoreApplication::setApplicationName(u"storybook-bench-pictures-library"_s);
    QCommandLineParser parser;
    parser.addOption({u"stories"_s, u"Stories in each library."_s, u"n"_s, u"10000"_s});
    parser.addOption({u"runs"_s, u"Listing runs (the median is reported)."_s, u"n"_s, u"5"_s});
    parser.addOption({u"save-runs"_s, u"Save runs."_s, u"n"_s, u"7"_s});
    parser.addOption({u"work"_s, u"Work folder (XDG_CACHE_HOME is pointed into it)."_s, u"dir"_s});
    parser.addOption({u"only"_s, u"listing or save."_s, u"part"_s});
    parser.process(app);
    const QString work = parser.value(u"work"_s);
    if (work.isEmpty() || !QDir().mkpath(work))
        fail(u"--work DIR is needed"_s);
    qputenv("XDG_CACHE_HOME", QDir(work).filePath(u"cache"_s).toLocal8Bit());
    const QString only = parser.value(u"only"_s);
    if (only != u"save"_s)
        listing(QDir(work).absolutePath(), parser.value(u"stories"_s).toInt(), parser.value(u"runs"_s).toInt());
    if (only != u"listing"_s)
        save(QDir(work).absolutePath(), parser.value(u"save-runs"_s).toInt());
    return 0;
}
