// The EPUB export: epubcheck's verdict on every kind of book, the Media Overlays' clip times, model
// text kept as text, a stable identifier, and a failed export that leaves no file.

#include "epubaudio.h"
#include "epubexporter.h"
#include "fakespeech.h"
#include "requiretool.h"
#include "storytesthelpers.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>
#include <zip.h>

using namespace Storybook;

namespace {

// Every entry of a ZIP file, in order, with its bytes and whether it is stored uncompressed.
struct ZipEntry
{
    QString name;
    QByteArray data;
    bool stored = false;
};

QList<ZipEntry> readZip(const QString& path)
{
    QList<ZipEntry> out;
    int code = 0;
    zip_t* archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!archive)
        return out;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count && i < 10000; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        zip_stat_index(archive, zip_uint64_t(i), 0, &stat);
        ZipEntry entry;
        entry.name = QString::fromUtf8(stat.name);
        entry.stored = stat.comp_method == ZIP_CM_STORE;
        entry.data.resize(qsizetype(stat.size));
        if (zip_file_t* file = zip_fopen_index(archive, zip_uint64_t(i), 0)) {
            zip_fread(file, entry.data.data(), stat.size);
            zip_fclose(file);
        }
        out.append(entry);
    }
    zip_discard(archive);
    return out;
}

QByteArray entryData(const QList<ZipEntry>& entries, const QString& name)
{
    for (const ZipEntry& entry : entries) {
        if (entry.name == name)
            return entry.data;
    }
    return {};
}

QByteArray imageBytes(const QColor& colour, const char* format)
{
    QImage image(320, 240, QImage::Format_RGB32);
    image.fill(colour);
    QPainter painter(&image);
    painter.setBrush(QColor(255, 200, 40));
    painter.drawEllipse(QPoint(100, 80), 40, 40);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

Story::Picture addPicture(Story::Story& story, const QString& entry, const QByteArray& bytes, const QString& type)
{
    story.assets.insert(entry, bytes);
    Story::Picture picture;
    picture.entry = entry;
    picture.mimeType = type;
    return picture;
}

} // namespace

class TestEpubExport final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_java;
    QString m_epubcheck;
    QString m_ffmpeg;

    // epubcheck's verdict: "" when it found no error and no warning, else what it printed.
    QString epubcheck(const QString& path)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(m_java, {QStringLiteral("-jar"), m_epubcheck, path});
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished(5000);
            return QStringLiteral("epubcheck did not finish");
        }
        const QString output = QString::fromUtf8(process.readAll());
        const bool clean = process.exitCode() == 0 && output.contains(QLatin1String("No errors or warnings detected"))
            && !output.contains(QLatin1String("WARNING")) && !output.contains(QLatin1String("ERROR"));
        return clean ? QString() : output;
    }

    QString exportChecked(const Story::Story& story, const QString& name, const Export::EpubOptions& options = {})
    {
        const QString path = m_dir.filePath(name);
        const QString problem = Export::exportEpub(story, path, options);
        if (!problem.isEmpty()) {
            qWarning() << problem;
            return {};
        }
        return path;
    }

    // A narrated page: one MP3 clip per part (stored durations), or WAV clips.
    void narrate(Story::Story& story, Story::Page& page, const QStringList& parts, const QString& format,
                 QList<qint64>* durations, bool storeDuration = true)
    {
        Story::Narration narration;
        int n = 0;
        for (const QString& part : parts) {
            const qint64 ms = 400 + 90 * qint64(part.size()) + 7 * n++;
            const QByteArray pcm = Test::FakeSpeech::pcm(ms);
            const QByteArray bytes = format == QLatin1String("mp3") ? Test::FakeSpeech::encoded("mp3", pcm, m_ffmpeg)
                                                                    : Test::FakeSpeech::wav(pcm);
            QVERIFY(!bytes.isEmpty());
            Story::NarrationClip clip;
            clip.text = part;
            clip.entry = Story::newNarrationEntry(page.id, format);
            clip.mimeType = format == QLatin1String("mp3") ? QStringLiteral("audio/mpeg") : QStringLiteral("audio/wav");
            clip.durationMs = storeDuration ? ms : 0;
            story.assets.insert(clip.entry, bytes);
            narration.clips.append(clip);
            durations->append(ms);
        }
        page.narration = narration;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_java = Test::findTool(QStringLiteral("java"));
        m_epubcheck = Test::findTool(QStringLiteral("epubcheck"));
        m_ffmpeg = Test::findTool(QStringLiteral("ffmpeg"));
    }

    void textOnly_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh") << QStringLiteral("zh");
    }

    void textOnly()
    {
        QFETCH(QString, language);
        STORYBOOK_REQUIRE_TOOL(!m_java.isEmpty() && !m_epubcheck.isEmpty(), "epubcheck (java)");
        const Story::Story story = Test::sampleStory(language);
        const QString path = exportChecked(story, QStringLiteral("text-") + language + QStringLiteral(".epub"));
        QVERIFY(!path.isEmpty());
        const QString verdict = epubcheck(path);
        QVERIFY2(verdict.isEmpty(), qPrintable(verdict));

        const QList<ZipEntry> entries = readZip(path);
        QVERIFY(entries.size() > 3);
        QCOMPARE(entries.first().name, QStringLiteral("mimetype"));
        QVERIFY(entries.first().stored);
        QCOMPARE(entries.first().data, QByteArrayLiteral("application/epub+zip"));
        const QString opf = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/package.opf")));
        const QString tag = language == QLatin1String("zh") ? QStringLiteral("zh-CN") : QStringLiteral("en");
        QVERIFY(opf.contains(QStringLiteral("<dc:language>") + tag + QStringLiteral("</dc:language>")));
        QVERIFY(opf.contains(QLatin1String("<dc:creator id=\"app\">Interactive Storybook</dc:creator>")));
        QVERIFY(!opf.contains(QLatin1String("media-overlay"))); // no narration, no overlay
        // The reading path: pages 1, 2, 3; the ending says "The End" in the story's language.
        const QString last = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/page-3.xhtml")));
        QVERIFY(last.contains(QStringLiteral("xml:lang=\"") + tag + u'"'));
        QVERIFY(last.contains(language == QLatin1String("zh") ? QStringLiteral(">完<") : QStringLiteral(">The End<")));
        const QString first = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/page-1.xhtml")));
        QVERIFY(first.contains(QLatin1String("<li class=\"chosen\"><span id=\"p1a1s1\">Follow the owl</span>")));
        QVERIFY(first.contains(language == QLatin1String("zh") ? QStringLiteral("你选了") : QStringLiteral("You chose")));
        QVERIFY(first.contains(QLatin1String("<span id=\"p1s1\">Pip found a lantern.</span>")));
        QVERIFY(entryData(entries, QStringLiteral("OEBPS/page-4.xhtml")).isEmpty());
        // Sentences keep the space between them as written: one in English, none in Chinese.
        if (language == QLatin1String("en"))
            QVERIFY(last.contains(QLatin1String("lit up the night.</span> <span id=\"p3s2\">Everyone went home.</span>")));
        Story::Story chinese = Test::sampleStory(QStringLiteral("zh"));
        chinese.page(chinese.pathPages().first()->id)->text = QStringLiteral("雨停了。彩虹出来了！\n\n豆豆笑了。");
        const QString zhPath = exportChecked(chinese, QStringLiteral("zh-sentences.epub"));
        const QString zhPage = QString::fromUtf8(entryData(readZip(zhPath), QStringLiteral("OEBPS/page-1.xhtml")));
        QVERIFY2(zhPage.contains(QStringLiteral("<p><span id=\"p1s1\">雨停了。</span><span id=\"p1s2\">彩虹出来了！</span></p>\n"
                                                "<p><span id=\"p1s3\">豆豆笑了。</span></p>")),
                 qPrintable(zhPage));
    }

    void illustrated()
    {
        STORYBOOK_REQUIRE_TOOL(!m_java.isEmpty() && !m_epubcheck.isEmpty(), "epubcheck (java)");
        Story::Story story = Test::sampleStory();
        story.characterSheet = addPicture(story, QStringLiteral("pictures/sheet.png"), imageBytes(Qt::darkCyan, "PNG"),
                                          QStringLiteral("image/png"));
        const QList<const Story::Page*> path = story.pathPages();
        story.page(path[0]->id)->picture = addPicture(story, QStringLiteral("pictures/one.jpg"),
                                                      imageBytes(Qt::darkBlue, "JPEG"), QStringLiteral("image/jpeg"));
        story.page(path[1]->id)->picture = addPicture(story, QStringLiteral("pictures/two.webp"),
                                                      imageBytes(Qt::darkGreen, "WEBP"), QStringLiteral("image/webp"));
        const QString file = exportChecked(story, QStringLiteral("illustrated.epub"));
        QVERIFY(!file.isEmpty());
        const QString verdict = epubcheck(file);
        QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
        const QList<ZipEntry> entries = readZip(file);
        const QString opf = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/package.opf")));
        QVERIFY(opf.contains(QLatin1String("href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\"")));
        QCOMPARE(entryData(entries, QStringLiteral("OEBPS/images/cover.png")), story.assets.value(QStringLiteral("pictures/sheet.png")));
        QCOMPARE(entryData(entries, QStringLiteral("OEBPS/images/page-1.jpg")), story.assets.value(QStringLiteral("pictures/one.jpg")));
        QVERIFY(!QImage::fromData(entryData(entries, QStringLiteral("OEBPS/images/page-2.png")), "PNG").isNull());
        const QString page1 = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/page-1.xhtml")));
        QVERIFY(page1.contains(QLatin1String("<img src=\"images/page-1.jpg\" alt=\"A fox and a lantern.\"/>")));
    }

    void narrated()
    {
        STORYBOOK_REQUIRE_TOOL(!m_java.isEmpty() && !m_epubcheck.isEmpty(), "epubcheck (java)");
        STORYBOOK_REQUIRE_TOOL(!m_ffmpeg.isEmpty(), "ffmpeg");
        Story::Story story = Test::sampleStory();
        const QList<const Story::Page*> path = story.pathPages();
        QList<qint64> mp3Durations;
        QList<qint64> wavDurations;
        QList<qint64> unknownDurations;
        narrate(story, *story.page(path[0]->id),
                {QStringLiteral("Pip found a lantern."), QStringLiteral("Where next?"), QStringLiteral("Follow the owl"),
                 QStringLiteral("Cross the bridge")},
                QStringLiteral("mp3"), &mp3Durations);
        narrate(story, *story.page(path[1]->id), {QStringLiteral("Pip followed the owl.")}, QStringLiteral("wav"),
                &wavDurations);
        narrate(story, *story.page(path[2]->id),
                {QStringLiteral("Luna and Pip lit up the night."), QStringLiteral("Everyone went home.")},
                QStringLiteral("mp3"), &unknownDurations, false);
        if (QTest::currentTestFailed())
            return;
        const QString file = exportChecked(story, QStringLiteral("narrated.epub"));
        QVERIFY(!file.isEmpty());
        const QString verdict = epubcheck(file);
        QVERIFY2(verdict.isEmpty(), qPrintable(verdict));

        const QList<ZipEntry> entries = readZip(file);
        const QString smil = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/page-1.smil")));
        static const QRegularExpression par(QStringLiteral("<text src=\"page-1.xhtml#(\\w+)\"/><audio src=\"(audio/[\\w-]+\\.mp3)\" "
                                                           "clipBegin=\"0:00:00.000\" clipEnd=\"0:00:(\\d\\d)\\.(\\d\\d\\d)\"/>"));
        QStringList ids;
        QList<qint64> times;
        for (auto it = par.globalMatch(smil); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            ids.append(m.captured(1));
            times.append(m.captured(3).toLongLong() * 1000 + m.captured(4).toLongLong());
            QVERIFY(!entryData(entries, QStringLiteral("OEBPS/") + m.captured(2)).isEmpty());
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("p1s1"), QStringLiteral("p1q1"), QStringLiteral("p1a1s1"), QStringLiteral("p1a2s1")}));
        QCOMPARE(times, mp3Durations); // the stored durations, to the millisecond
        // The clip's bytes as stored.
        const Story::NarrationClip& firstClip = story.page(path[0]->id)->narration->clips.first();
        QVERIFY(entries.end() != std::find_if(entries.begin(), entries.end(), [&](const ZipEntry& e) {
                    return e.name.startsWith(QLatin1String("OEBPS/audio/")) && e.data == story.assets.value(firstClip.entry);
                }));
        // WAV is no EPUB core audio type: that page has no overlay and no audio in the book.
        QVERIFY(entryData(entries, QStringLiteral("OEBPS/page-2.smil")).isEmpty());
        for (const ZipEntry& entry : entries)
            QVERIFY2(!entry.name.endsWith(QLatin1String(".wav")), qPrintable(entry.name));
        // Durations not stored: read from the MP3 frames (the encoder adds up to a frame or two of padding).
        const QString smil3 = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/page-3.smil")));
        QCOMPARE(smil3.count(QLatin1String("<par ")), 2);
        for (int i = 0; i < 2; ++i) {
            const Story::NarrationClip& clip = story.page(path[2]->id)->narration->clips.at(i);
            const std::optional<qint64> ms = Export::EpubAudio::mp3DurationMs(story.assets.value(clip.entry));
            QVERIFY(ms);
            QVERIFY2(qAbs(*ms - unknownDurations.at(i)) <= 80, qPrintable(QString::number(*ms)));
            QVERIFY(smil3.contains(QStringLiteral("clipEnd=\"") + Export::EpubAudio::clockValue(*ms) + u'"'));
        }
        // media:duration per overlay and the total, and the active class.
        const QString opf = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/package.opf")));
        qint64 sum = 0;
        for (const qint64 ms : mp3Durations)
            sum += ms;
        QVERIFY(opf.contains(Export::EpubAudio::clockValue(sum)));
        QVERIFY(opf.contains(QLatin1String("<meta property=\"media:active-class\">-epub-media-overlay-active</meta>")));
        QCOMPARE(opf.count(QLatin1String("media-overlay=\"")), 2);
    }

    void allBranches()
    {
        STORYBOOK_REQUIRE_TOOL(!m_java.isEmpty() && !m_epubcheck.isEmpty(), "epubcheck (java)");
        const Story::Story story = Test::sampleStory(QStringLiteral("zh"));
        Export::EpubOptions options;
        options.allBranches = true;
        options.author = QStringLiteral("Grandma <Rose>");
        const QString file = exportChecked(story, QStringLiteral("branches.epub"), options);
        QVERIFY(!file.isEmpty());
        const QString verdict = epubcheck(file);
        QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
        const QList<ZipEntry> entries = readZip(file);
        const QString opf = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/package.opf")));
        QVERIFY(opf.contains(QLatin1String("<dc:creator id=\"author\">Grandma &lt;Rose&gt;</dc:creator>")));
        const QString first = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/page-1.xhtml")));
        // Each answer links to the page it leads to; the pages link back.
        static const QRegularExpression link(QStringLiteral("<a href=\"(page-\\w+\\.xhtml)\">"));
        QStringList targets;
        for (auto it = link.globalMatch(first); it.hasNext();)
            targets.append(it.next().captured(1));
        QCOMPARE(targets.size(), 2);
        for (const QString& target : std::as_const(targets)) {
            const QString page = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/") + target));
            QVERIFY2(page.contains(QLatin1String("<p class=\"back\"><a href=\"page-1.xhtml\">")), qPrintable(target));
        }
        const QString nav = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/nav.xhtml")));
        QCOMPARE(nav.count(QLatin1String("<li>")), 1 + 4); // the cover and every page of the tree
    }

    void modelTextIsText()
    {
        Story::Story story = Test::sampleStory();
        Story::Page* first = story.page(story.pathPages().first()->id);
        first->text = QStringLiteral("<script>alert(1)</script> & Pip ran.");
        first->interaction->options[0] = QStringLiteral("<b>owl</b>");
        story.title = QStringLiteral("<img src=x onerror=alert(1)>");
        const QString file = exportChecked(story, QStringLiteral("script.epub"));
        QVERIFY(!file.isEmpty());
        const QList<ZipEntry> entries = readZip(file);
        const QString page = QString::fromUtf8(entryData(entries, QStringLiteral("OEBPS/page-1.xhtml")));
        QVERIFY(page.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Pip ran.")));
        QVERIFY(page.contains(QLatin1String("&lt;b&gt;owl&lt;/b&gt;")));
        for (const ZipEntry& entry : entries) {
            QVERIFY2(!entry.data.contains("<script"), qPrintable(entry.name));
            QVERIFY2(!entry.data.contains("<img src=x"), qPrintable(entry.name));
        }
        if (!m_java.isEmpty() && !m_epubcheck.isEmpty()) {
            const QString verdict = epubcheck(file);
            QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
        }
    }

    void identifierIsStable()
    {
        const Story::Story story = Test::sampleStory();
        const QString a = exportChecked(story, QStringLiteral("a.epub"));
        const QString b = exportChecked(story, QStringLiteral("b.epub"));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QByteArray opfA = entryData(readZip(a), QStringLiteral("OEBPS/package.opf"));
        const QByteArray opfB = entryData(readZip(b), QStringLiteral("OEBPS/package.opf"));
        QVERIFY(opfA.contains(Export::epubIdentifier(story).toUtf8()));
        QVERIFY(Export::epubIdentifier(story).startsWith(QLatin1String("urn:uuid:")));
        QCOMPARE(opfA, opfB);
        Story::Story other = Test::sampleStory();
        QVERIFY(Export::epubIdentifier(other) != Export::epubIdentifier(story));
        other.id = story.id;
        QCOMPARE(Export::epubIdentifier(other), Export::epubIdentifier(story));
    }

    void failureLeavesNoFile()
    {
        const Story::Story story = Test::sampleStory();
        // A folder that is a file: no user (root neither) can write there.
        const QString notAFolder = m_dir.filePath(QStringLiteral("plain-file"));
        {
            QFile file(notAFolder);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("x");
        }
        QVERIFY(!Export::exportEpub(story, notAFolder + QStringLiteral("/book.epub")).isEmpty());
        const QString missing = m_dir.filePath(QStringLiteral("no/such/folder/book.epub"));
        QVERIFY(!Export::exportEpub(story, missing).isEmpty());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no"))));
        // An older book stays as it was when the new one cannot be written over it (a read-only folder).
        if (::geteuid() != 0) {
            const QString folder = m_dir.filePath(QStringLiteral("locked"));
            QVERIFY(QDir().mkpath(folder));
            const QString path = folder + QStringLiteral("/book.epub");
            {
                QFile old(path);
                QVERIFY(old.open(QIODevice::WriteOnly));
                old.write("old book");
            }
            QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            const QString problem = Export::exportEpub(story, path);
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            QVERIFY(!problem.isEmpty());
            QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                     QStringList{QStringLiteral("book.epub")});
            QFile old(path);
            QVERIFY(old.open(QIODevice::ReadOnly));
            QCOMPARE(old.readAll(), QByteArrayLiteral("old book"));
        }
    }

    void mp3Duration()
    {
        QVERIFY(!Export::EpubAudio::mp3DurationMs(QByteArray(1000, '\xff')).has_value());
        QVERIFY(!Export::EpubAudio::mp3DurationMs(QByteArrayLiteral("RIFF....WAVE")).has_value());
        QCOMPARE(Export::EpubAudio::clockValue(3723456), QStringLiteral("1:02:03.456"));
        QCOMPARE(Export::EpubAudio::clockValue(1830), QStringLiteral("0:00:01.830"));
    }
};

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    TestEpubExport test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epubexport.moc"
