// Library-scale benchmark: N generated stories (Chinese and English, realistic sizes) written with
// the project's own Library::save into a fresh folder; then, side by side in one run:
//   list-cold  a new Library with no index cache (every file read and parsed; writes the index)
//              vs. ms:dirwalk  QDirIterator + QFile::readAll of every file of the same folder
//   list-warm  a new Library with the index written by the previous listing
//              vs. ms:statwalk QDir::entryInfoList with size and mtime + reading the index file's bytes
//   search     Library::search for planted words (common, rare, Chinese, two words, no hit)
//              vs. ms:bytescan the query's bytes searched in every file's raw bytes already in memory
//   open       Library::load of one story vs. ms:readfile QFile::readAll of that file
//   rss        RSS growth of a fresh process across new Library + reload(), and its peak RSS
//              (measured in a child process: `storybook-bench-library memory FOLDER [--cold]`)
// Every run also checks the work was done (stories listed, search hits, the story opened), so the
// CTest smoke run can fail. Writes a CSV (benchmark,size,metric,value,unit) and a Markdown report.
#include "library.h"
#include "storygen.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <optional>

#include <unistd.h>

using namespace Qt::StringLiterals;
using Storybook::Story::Library;

namespace {

constexpr quint32 Seed = 20261204;
constexpr double ListTargetMs = 300;
constexpr double SearchTargetMs = 50;

[[noreturn]] void fail(const QString& why)
{
    std::fprintf(stderr, "FAIL: %s\n", qPrintable(why));
    std::exit(1);
}

void say(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// kB from /proc/self/status ("VmRSS", "VmHWM"); -1 where there is none.
qint64 statusKb(const char* field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool dropCaches()
{
    ::sync();
    QFile control(u"/proc/sys/vm/drop_caches"_s);
    return control.open(QIODevice::WriteOnly) && control.write("3\n") == 2;
}

// The index cache lives in the cache location (XDG_CACHE_HOME, pointed into the work folder).
int removeIndex()
{
    int removed = 0;
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDirIterator it(cache, {u"library-index-*.bin"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        removed += QFile::remove(it.next()) ? 1 : 0;
    return removed;
}

qint64 indexBytes()
{
    qint64 bytes = 0;
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDirIterator it(cache, {u"library-index-*.bin"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
    }
    return bytes;
}

QString indexFile()
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDirIterator it(cache, {u"library-index-*.bin"_s}, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
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

struct Row
{
    QString benchmark;
    int size;
    QString metric;
    double value;
    QString unit;
};

struct SizeResult
{
    int size = 0;
    qint64 fileBytes = 0;
    qint64 indexBytes = 0;
    double generateMs = 0;
    double listCold = 0, dirwalk = 0, listWarm = 0, statwalk = 0;
    struct Query
    {
        QString label, query;
        int hits = 0;
        double ms = 0, bytescan = 0;
    };
    QList<Query> queries;
    double open = 0, readfile = 0;
    double rssGrowthWarm = 0, rssPeakWarm = 0, rssGrowthCold = 0, rssPeakCold = 0;
};

// The story files' names and sizes: QDirIterator + readAll of every file.
QPair<int, qint64> dirwalk(const QString& folder, QList<QByteArray>* keep = nullptr)
{
    int files = 0;
    qint64 bytes = 0;
    QDirIterator it(folder, {u"*"_s + QLatin1String(Library::Suffix)}, QDir::Files);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            fail(u"cannot read %1"_s.arg(file.fileName()));
        const QByteArray data = file.readAll();
        bytes += data.size();
        ++files;
        if (keep)
            keep->append(data);
    }
    return {files, bytes};
}

// What a warm listing cannot avoid: the directory listing with each file's size and mtime, and
// the index file's bytes.
qint64 statwalk(const QString& folder)
{
    qint64 sum = 0;
    const QFileInfoList files =
        QDir(folder).entryInfoList({u"*"_s + QLatin1String(Library::Suffix)}, QDir::Files, QDir::Name);
    for (const QFileInfo& info : files)
        sum += info.size() + info.lastModified().toMSecsSinceEpoch() % 2;
    QFile index(indexFile());
    if (index.open(QIODevice::ReadOnly))
        sum += index.readAll().size();
    return sum + files.size();
}

int countListed(const Library& library, int expected, const char* what)
{
    const auto& records = library.records();
    const auto readable = std::count_if(records.cbegin(), records.cend(), [](const auto& r) { return r.readable; });
    if (records.size() != expected || readable != expected)
        fail(u"%1: listed %2 stories (%3 readable), expected %4"_s.arg(QLatin1String(what)).arg(records.size()).arg(readable).arg(expected));
    return int(records.size());
}

struct Memory
{
    double growthMb = 0, peakMb = 0;
};

Memory measureMemory(const QString& folder, int expected, bool cold)
{
    QProcess child;
    QStringList args{u"memory"_s, folder, u"--expect"_s, QString::number(expected)};
    if (cold)
        args << u"--cold"_s;
    child.start(QCoreApplication::applicationFilePath(), args);
    if (!child.waitForFinished(300000) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        child.kill();
        child.waitForFinished(5000);
        fail(u"memory child failed: %1 %2"_s.arg(QString::fromLocal8Bit(child.readAllStandardError()), child.errorString()));
    }
    // "rss_before_kb=… rss_after_kb=… hwm_kb=… records=…"
    QHash<QString, qint64> values;
    for (const QString& part : QString::fromLatin1(child.readAllStandardOutput()).simplified().split(u' ')) {
        const auto kv = part.split(u'=');
        if (kv.size() == 2)
            values.insert(kv.at(0), kv.at(1).toLongLong());
    }
    if (values.value(u"records"_s, -1) != expected)
        fail(u"memory child listed %1 stories, expected %2"_s.arg(values.value(u"records"_s, -1)).arg(expected));
    return {double(values.value(u"rss_after_kb"_s) - values.value(u"rss_before_kb"_s)) / 1024.0,
            double(values.value(u"hwm_kb"_s)) / 1024.0};
}

int memoryMain(const QStringList& args)
{
    // memory FOLDER --expect N [--cold]
    const QString folder = args.value(0);
    const int expected = args.value(args.indexOf(u"--expect"_s) + 1).toInt();
    if (args.contains(u"--cold"_s))
        removeIndex();
    const qint64 before = statusKb("VmRSS");
    Library library(folder);
    if (const QString problem = library.reload(); !problem.isEmpty())
        fail(problem);
    const qint64 after = statusKb("VmRSS");
    const qint64 peak = statusKb("VmHWM");
    if (expected > 0 && library.records().size() != expected)
        fail(u"listed %1 stories, expected %2"_s.arg(library.records().size()).arg(expected));
    std::printf("rss_before_kb=%lld rss_after_kb=%lld hwm_kb=%lld records=%lld\n", (long long)before,
                (long long)after, (long long)peak, (long long)library.records().size());
    return 0;
}

SizeResult measureSize(const QString& work, int n, int runs, bool drop, bool* dropped)
{
    SizeResult result;
    result.size = n;
    const QString folder = work + u"/stories-"_s + QString::number(n);
    QDir(folder).removeRecursively();
    if (!QDir().mkpath(folder))
        fail(u"cannot create %1"_s.arg(folder));
    removeIndex();

    // Generate: each story through the project's writer (Library::save: JSON, QSaveFile, rename).
    QElapsedTimer timer;
    timer.start();
    const auto& queries = Storybook::Bench::plantedQueries();
    for (int i = 0; i < n; ++i) {
        Storybook::Story::Story story = Storybook::Bench::generateStory(i, Seed);
        const QString text = story.plainText().toLower();
        for (const auto& q : queries) {
            const QStringList words = q.query.toLower().split(u' ', Qt::SkipEmptyParts);
            const bool has = std::all_of(words.cbegin(), words.cend(), [&](const QString& w) { return text.contains(w); });
            if (has != q.contains(i))
                fail(u"generator: story %1 %2 “%3” against the planting rule"_s.arg(i).arg(has ? u"contains"_s : u"lacks"_s, q.query));
        }
        Library writer(folder); // a fresh, empty one: no O(n) record bookkeeping per save
        if (const QString problem = writer.save(story); !problem.isEmpty())
            fail(problem);
    }
    result.generateMs = msSince(timer);
    say(u"size %1: generated in %2 ms"_s.arg(n).arg(result.generateMs, 0, 'f', 0));

    QList<double> cold, walk, warm, stat;
    for (int r = 0; r < runs; ++r) {
        // A B A B…: the baseline right before ours, so machine noise hits both.
        if (drop)
            *dropped = dropCaches() && *dropped;
        timer.start();
        const auto [files, bytes] = dirwalk(folder);
        walk.append(msSince(timer));
        if (files != n)
            fail(u"dirwalk saw %1 files, expected %2"_s.arg(files).arg(n));
        result.fileBytes = bytes;

        removeIndex();
        if (drop)
            *dropped = dropCaches() && *dropped;
        timer.start();
        {
            Library library(folder);
            if (const QString problem = library.reload(); !problem.isEmpty())
                fail(problem);
            cold.append(msSince(timer));
            countListed(library, n, "list-cold");
        }
        if (indexBytes() <= 0)
            fail(u"list-cold wrote no index cache"_s);

        timer.start();
        const qint64 sum = statwalk(folder);
        stat.append(msSince(timer));
        if (sum <= 0)
            fail(u"statwalk saw nothing"_s);

        timer.start();
        {
            Library library(folder);
            if (const QString problem = library.reload(); !problem.isEmpty())
                fail(problem);
            warm.append(msSince(timer));
            countListed(library, n, "list-warm");
        }
    }
    result.listCold = median(cold);
    result.dirwalk = median(walk);
    result.listWarm = median(warm);
    result.statwalk = median(stat);
    result.indexBytes = indexBytes();
    say(u"size %1: list-cold %2 ms (dirwalk %3), list-warm %4 ms (statwalk %5), listed %1"_s.arg(n)
            .arg(result.listCold, 0, 'f', 1).arg(result.dirwalk, 0, 'f', 1).arg(result.listWarm, 0, 'f', 1)
            .arg(result.statwalk, 0, 'f', 1));

    // Search and open on a listed library (as the app has it after start-up).
    Library library(folder);
    if (const QString problem = library.reload(); !problem.isEmpty())
        fail(problem);
    countListed(library, n, "search library");
    QList<QByteArray> raw;
    dirwalk(folder, &raw);
    for (const auto& q : queries) {
        SizeResult::Query out{q.label, q.query, 0, 0, 0};
        const int expected = Storybook::Bench::expectedHits(q, n);
        const QList<QByteArray> words = q.query.toLower().toUtf8().split(' ');
        QList<double> ours, scan;
        for (int r = 0; r < std::max(runs, 5); ++r) {
            timer.start();
            int scanned = 0;
            for (const QByteArray& data : std::as_const(raw)) {
                bool all = true;
                for (const QByteArray& w : words)
                    all = all && data.contains(w);
                scanned += all ? 1 : 0;
            }
            scan.append(msSince(timer));
            timer.start();
            const QStringList ids = library.search(q.query);
            ours.append(msSince(timer));
            if (ids.size() != expected)
                fail(u"search “%1” found %2 stories, expected %3"_s.arg(q.query).arg(ids.size()).arg(expected));
            out.hits = int(ids.size());
            if (scanned < 0)
                fail(u"impossible"_s);
        }
        out.ms = median(ours);
        out.bytescan = median(scan);
        result.queries.append(out);
        say(u"size %1: search “%2” (%3): %4 hits as planted, %5 ms (bytescan %6)"_s.arg(n).arg(q.query, q.label)
                .arg(out.hits).arg(out.ms, 0, 'f', 2).arg(out.bytescan, 0, 'f', 2));
    }
    raw.clear();

    const Storybook::Story::Story want = Storybook::Bench::generateStory(n / 2, Seed);
    QList<double> open, read;
    for (int r = 0; r < std::max(runs, 5); ++r) {
        timer.start();
        QFile file(library.filePath(want.id));
        const qint64 size = file.open(QIODevice::ReadOnly) ? file.readAll().size() : -1;
        read.append(msSince(timer));
        if (size <= 0)
            fail(u"readfile: cannot read %1"_s.arg(file.fileName()));
        timer.start();
        QString why;
        const std::optional<Storybook::Story::Story> got = library.load(want.id, &why);
        open.append(msSince(timer));
        if (!got)
            fail(u"open %1: %2"_s.arg(want.id, why));
        if (got->id != want.id || got->title != want.title || got->pages.size() != want.pages.size()
            || got->path != want.path || got->pages.first().text != want.pages.first().text)
            fail(u"open %1 returned another story (“%2”, %3 pages; expected “%4”, %5 pages)"_s.arg(want.id, got->title)
                     .arg(got->pages.size()).arg(want.title).arg(want.pages.size()));
    }
    result.open = median(open);
    result.readfile = median(read);
    say(u"size %1: open “%2” (%3 pages) %4 ms (readfile %5)"_s.arg(n).arg(want.title).arg(want.pages.size())
            .arg(result.open, 0, 'f', 2).arg(result.readfile, 0, 'f', 2));

    QList<double> growthCold, peakCold, growthWarm, peakWarm;
    for (int r = 0; r < runs; ++r) {
        const Memory c = measureMemory(folder, n, true);
        growthCold.append(c.growthMb);
        peakCold.append(c.peakMb);
        const Memory w = measureMemory(folder, n, false);
        growthWarm.append(w.growthMb);
        peakWarm.append(w.peakMb);
    }
    result.rssGrowthCold = median(growthCold);
    result.rssPeakCold = median(peakCold);
    result.rssGrowthWarm = median(growthWarm);
    result.rssPeakWarm = median(peakWarm);
    say(u"size %1: RSS growth warm %2 MB (peak %3), cold %4 MB (peak %5); files %6 MB, index %7 MB"_s.arg(n)
            .arg(result.rssGrowthWarm, 0, 'f', 1).arg(result.rssPeakWarm, 0, 'f', 1).arg(result.rssGrowthCold, 0, 'f', 1)
            .arg(result.rssPeakCold, 0, 'f', 1).arg(double(result.fileBytes) / 1048576.0, 0, 'f', 1)
            .arg(double(result.indexBytes) / 1048576.0, 0, 'f', 1));
    QDir(folder).removeRecursively();
    removeIndex();
    return result;
}

QList<Row> rowsFor(const SizeResult& s)
{
    QList<Row> rows{
        {u"list-cold"_s, s.size, u"ms"_s, s.listCold, u"ms"_s},
        {u"list-cold"_s, s.size, u"ms:dirwalk"_s, s.dirwalk, u"ms"_s},
        {u"list-warm"_s, s.size, u"ms"_s, s.listWarm, u"ms"_s},
        {u"list-warm"_s, s.size, u"ms:statwalk"_s, s.statwalk, u"ms"_s},
    };
    const auto slowest = std::max_element(s.queries.cbegin(), s.queries.cend(),
                                          [](const auto& a, const auto& b) { return a.ms < b.ms; });
    if (slowest != s.queries.cend()) {
        rows.append({u"search"_s, s.size, u"ms"_s, slowest->ms, u"ms"_s});
        rows.append({u"search"_s, s.size, u"ms:bytescan"_s, slowest->bytescan, u"ms"_s});
    }
    for (const auto& q : s.queries) {
        rows.append({u"search-"_s + q.label, s.size, u"ms"_s, q.ms, u"ms"_s});
        rows.append({u"search-"_s + q.label, s.size, u"ms:bytescan"_s, q.bytescan, u"ms"_s});
    }
    rows.append({u"open"_s, s.size, u"ms"_s, s.open, u"ms"_s});
    rows.append({u"open"_s, s.size, u"ms:readfile"_s, s.readfile, u"ms"_s});
    rows.append({u"rss"_s, s.size, u"MB:growth-warm"_s, s.rssGrowthWarm, u"MB"_s});
    rows.append({u"rss"_s, s.size, u"MB:peak-warm"_s, s.rssPeakWarm, u"MB"_s});
    rows.append({u"rss"_s, s.size, u"MB:growth-cold"_s, s.rssGrowthCold, u"MB"_s});
    rows.append({u"rss"_s, s.size, u"MB:peak-cold"_s, s.rssPeakCold, u"MB"_s});
    rows.append({u"files"_s, s.size, u"MB"_s, double(s.fileBytes) / 1048576.0, u"MB"_s});
    rows.append({u"index"_s, s.size, u"MB"_s, double(s.indexBytes) / 1048576.0, u"MB"_s});
    return rows;
}

QString num(double v, int decimals = 1) { return QString::number(v, 'f', decimals); }
QString ratio(double ours, double base) { return base > 0 ? num(ours / base, 1) + u"×"_s : u"–"_s; }
QString mark(double v, double target) { return v <= target ? u"✓"_s : u"✗"_s; }

QString markdown(const QList<SizeResult>& results, int runs, bool dropRequested, bool dropped)
{
    QString md;
    QTextStream out(&md);
    out << "## Library scale (bench area \"library\")\n\n";
    out << "Generated stories (40 % Chinese, 60 % English; 4–12 pages on the reading path, about a third with a "
           "side branch), written with `Library::save`. Medians of "
        << runs << " run(s) (search and open: of " << std::max(runs, 5) << "). ";
    if (dropped)
        out << "**Cold** listings and the dirwalk ran after `echo 3 > /proc/sys/vm/drop_caches`: truly cold.\n\n";
    else if (dropRequested)
        out << "Dropping the page cache was asked for but failed (needs root): **cold** means *no index cache*, with "
               "the files in the OS page cache.\n\n";
    else
        out << "**Cold** means *no index cache* (every file read and parsed, the index written); the files are in the "
               "OS page cache (just written), so disk reads are not part of it. **Warm** means the index written by "
               "the previous listing is in place.\n\n";

    out << "### Listing (new `Library` + `reload()`)\n\n";
    out << "| stories | files MB | cold ms | dirwalk ms | cold/dirwalk | target ≤ 300 ms | warm ms | statwalk ms | "
           "warm/statwalk | target ≤ 300 ms |\n";
    out << "|---:|---:|---:|---:|---:|:---:|---:|---:|---:|:---:|\n";
    for (const auto& s : results) {
        out << "| " << s.size << " | " << num(double(s.fileBytes) / 1048576.0) << " | " << num(s.listCold) << " | "
            << num(s.dirwalk) << " | " << ratio(s.listCold, s.dirwalk) << " | " << mark(s.listCold, ListTargetMs) << " | "
            << num(s.listWarm) << " | " << num(s.statwalk) << " | " << ratio(s.listWarm, s.statwalk) << " | "
            << mark(s.listWarm, ListTargetMs) << " |\n";
    }
    out << "\ndirwalk: `QDirIterator` + `QFile::readAll` of every story file (the I/O floor of a cold listing). "
           "statwalk: `QDir::entryInfoList` with each file's size and mtime + reading the index file (the floor of a "
           "warm listing).\n\n";

    out << "### Full-text search (`Library::search` on a listed library)\n\n";
    out << "| stories | query | hits | ms | bytescan ms | ratio | target ≤ 50 ms |\n|---:|---|---:|---:|---:|---:|:---:|\n";
    for (const auto& s : results) {
        for (const auto& q : s.queries)
            out << "| " << s.size << " | " << q.label << ": `" << q.query << "` | " << q.hits << " | " << num(q.ms, 2)
                << " | " << num(q.bytescan, 2) << " | " << ratio(q.ms, q.bytescan) << " | " << mark(q.ms, SearchTargetMs)
                << " |\n";
    }
    out << "\nbytescan: the lower-cased query's UTF-8 bytes searched (`QByteArray::contains`) in every file's raw "
           "bytes, already in memory. Hits are checked against the planting rule every run.\n\n";

    out << "### Opening one story (`Library::load`)\n\n| stories | ms | readfile ms | ratio |\n|---:|---:|---:|---:|\n";
    for (const auto& s : results)
        out << "| " << s.size << " | " << num(s.open, 2) << " | " << num(s.readfile, 3) << " | " << ratio(s.open, s.readfile)
            << " |\n";
    out << "\nreadfile: `QFile::readAll` of the same file.\n\n";

    out << "### Memory (a fresh process: new `Library` + `reload()`)\n\n";
    out << "| stories | RSS growth warm MB | peak RSS warm MB | RSS growth cold MB | peak RSS cold MB | index file MB |\n"
           "|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& s : results)
        out << "| " << s.size << " | " << num(s.rssGrowthWarm) << " | " << num(s.rssPeakWarm) << " | " << num(s.rssGrowthCold)
            << " | " << num(s.rssPeakCold) << " | " << num(double(s.indexBytes) / 1048576.0) << " |\n";
    out << "\n";
    return md;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"storybook-bench"_s);
    QCoreApplication::setApplicationName(u"storybook-bench-library"_s);
    const QStringList rawArgs = app.arguments().mid(1);
    if (rawArgs.value(0) == u"memory"_s)
        return memoryMain(rawArgs.mid(1));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Library-scale benchmark: generated stories, listing, search, open, memory."_s);
    parser.addHelpOption();
    parser.addOption({u"sizes"_s, u"Comma-separated story counts."_s, u"list"_s, u"100,1000,10000"_s});
    parser.addOption({u"runs"_s, u"Runs per measurement (the median is reported)."_s, u"n"_s, u"5"_s});
    parser.addOption({u"work"_s, u"Parent folder of the temporary work folder."_s, u"dir"_s, QDir::tempPath()});
    parser.addOption({u"csv"_s, u"Write the CSV here."_s, u"file"_s});
    parser.addOption({u"md"_s, u"Write the Markdown report here."_s, u"file"_s});
    parser.addOption({u"drop-caches"_s, u"Drop the OS page cache before cold listings (needs root)."_s});
    parser.process(app);

    QList<int> sizes;
    for (const QString& s : parser.value(u"sizes"_s).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = s.toInt(&ok);
        if (!ok || n < 2)
            fail(u"bad size %1"_s.arg(s));
        sizes.append(n);
    }
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());
    QDir().mkpath(parser.value(u"work"_s));
    QTemporaryDir work(parser.value(u"work"_s) + u"/storybook-bench-library-XXXXXX"_s);
    if (!work.isValid())
        fail(u"cannot create a work folder"_s);
    // The index cache goes into the work folder, never into the user's cache.
    qputenv("XDG_CACHE_HOME", QFile::encodeName(work.path() + u"/cache"_s));
    const bool drop = parser.isSet(u"drop-caches"_s);
    bool dropped = drop;

    QList<SizeResult> results;
    for (int n : sizes)
        results.append(measureSize(work.path(), n, runs, drop, &dropped));
    if (drop && !dropped)
        say(u"note: dropping the page cache failed (needs root); cold listings ran with the files cached"_s);

    QString csv = u"benchmark,size,metric,value,unit\n"_s;
    for (const auto& s : results)
        for (const Row& r : rowsFor(s))
            csv += u"%1,%2,%3,%4,%5\n"_s.arg(r.benchmark).arg(r.size).arg(r.metric).arg(r.value, 0, 'f', 3).arg(r.unit);
    const QString md = markdown(results, runs, drop, dropped);
    const auto write = [](const QString& path, const QString& text) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
            fail(u"cannot write %1"_s.arg(path));
    };
    if (parser.isSet(u"csv"_s))
        write(parser.value(u"csv"_s), csv);
    if (parser.isSet(u"md"_s))
        write(parser.value(u"md"_s), md);
    say(u"verified: every size listed all its stories, search found the planted words, open returned the right story"_s);
    return 0;
}
