// Exports with pictures (issue 15): HTML embeds them, the PDF is a picture book, Markdown writes them
// beside the file. The pictures are real images painted here and encoded in memory.

#include "storyexporter.h"

#include "popplertools.h"
#include "requiretool.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Storybook::Story;

namespace {

#define REQUIRE_WEBP()                                                                                                 \
    STORYBOOK_REQUIRE(QImageWriter::supportedImageFormats().contains("webp")                                           \
                          && QImageReader::supportedImageFormats().contains("webp"),                                   \
                      "the Qt WebP image plugin (qt6-image-formats-plugins)")

// A small picture-book scene: a sky, a hill, a moon and a little fox, in the page's colours.
QImage paint(QSize size, QColor sky, QColor hill, bool transparentCorners = false)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(QPointF(0, 0), QSizeF(size));
    QPainterPath shape;
    if (transparentCorners)
        shape.addEllipse(r);
    else
        shape.addRect(r);
    p.setClipPath(shape);
    QLinearGradient gradient(r.topLeft(), r.bottomLeft());
    gradient.setColorAt(0, sky.darker(140));
    gradient.setColorAt(1, sky.lighter(130));
    p.fillRect(r, gradient);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xfff3c4));
    p.drawEllipse(QPointF(r.width() * 0.78, r.height() * 0.22), r.height() * 0.09, r.height() * 0.09);
    p.setBrush(hill);
    p.drawEllipse(QPointF(r.width() * 0.3, r.height() * 1.15), r.width() * 0.7, r.height() * 0.5);
    p.setBrush(hill.darker(115));
    p.drawEllipse(QPointF(r.width() * 0.95, r.height() * 1.2), r.width() * 0.6, r.height() * 0.5);
    // The fox: a body, a head with two ears and a tail.
    const QPointF fox(r.width() * 0.45, r.height() * 0.68);
    const qreal u = r.height() * 0.06;
    p.setBrush(QColor(0xe0712c));
    p.drawEllipse(fox, 1.6 * u, 1.1 * u);
    p.drawEllipse(fox + QPointF(1.7 * u, -1.2 * u), 0.9 * u, 0.8 * u);
    p.drawPolygon(QPolygonF { fox + QPointF(1.1 * u, -1.6 * u), fox + QPointF(1.3 * u, -2.6 * u),
                              fox + QPointF(1.8 * u, -1.8 * u) });
    p.drawPolygon(QPolygonF { fox + QPointF(1.8 * u, -1.8 * u), fox + QPointF(2.4 * u, -2.6 * u),
                              fox + QPointF(2.5 * u, -1.5 * u) });
    p.drawEllipse(fox + QPointF(-2.0 * u, -0.3 * u), 1.1 * u, 0.5 * u);
    p.setBrush(QColor(0x2a6fb0)); // the blue scarf
    p.drawRect(QRectF(fox + QPointF(0.9 * u, -0.8 * u), QSizeF(1.0 * u, 0.5 * u)));
    p.end();
    return image;
}

QByteArray encode(const QImage& image, const char* format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (qstrcmp(format, "png") != 0)
        writer.setQuality(85);
    if (!writer.write(qstrcmp(format, "png") == 0 ? image : image.convertToFormat(QImage::Format_RGB32)))
        qFatal("could not encode a test picture as %s: %s", format, qPrintable(writer.errorString()));
    return bytes;
}

void illustrate(Story& story, std::optional<Picture>& picture, const QString& entry, const QString& mime,
                const QByteArray& bytes)
{
    Picture p;
    p.entry = entry;
    p.mimeType = mime;
    p.prompt = QStringLiteral("a picture");
    picture = p;
    story.assets.insert(entry, bytes);
}

Page makePage(const QString& id, const QString& parentId, const QString& text, const QString& scene)
{
    Page page;
    page.id = id;
    page.parentId = parentId;
    page.text = text;
    page.scene = scene;
    return page;
}

Interaction choose(const QString& question, const QStringList& options)
{
    Interaction interaction;
    interaction.question = question;
    interaction.options = options;
    return interaction;
}

// p1 (PNG) → (Follow the owl) p2a (JPEG, landscape) → p3 (PNG with transparent corners), the end
//          → (Go home)        p2b (WebP), the end
// and a character sheet (PNG). The reading path is p1, p2a, p3.
Story illustratedStory()
{
    Story story;
    story.id = QStringLiteral("pics1");
    story.title = QStringLiteral("Pip and the Lantern");
    story.settings.idea = QStringLiteral("a fox who finds a lantern");
    story.settings.pictures = true;
    story.cast.append({ QStringLiteral("Pip"), QStringLiteral("a small red fox with a blue scarf"), {} });
    story.cast.append({ QStringLiteral("Owl"), QStringLiteral("a wise grey owl"), {} });

    Page p1 = makePage(QStringLiteral("p1"), {},
                       QStringLiteral("Pip found a lantern in the woods.\n\nIt glowed softly, like a tiny moon."),
                       QStringLiteral("A small fox holding a glowing lantern among tall trees"));
    p1.interaction = choose(QStringLiteral("Where should Pip go?"),
                            { QStringLiteral("Follow the owl"), QStringLiteral("Go home") });
    illustrate(story, p1.picture, QStringLiteral("pictures/p1.png"), QStringLiteral("image/png"),
               encode(paint({ 512, 512 }, QColor(0x3b5c9a), QColor(0x5f8f6e)), "png"));
    story.addPage(p1);

    Page p2a = makePage(QStringLiteral("p2a"), QStringLiteral("p1"),
                        QStringLiteral("Pip followed the owl to a hill of stars."),
                        QStringLiteral("An owl and a fox on a starry hill \"at night\" <b>& more</b>"));
    p2a.answer = QStringLiteral("Follow the owl");
    p2a.answerIndex = 0;
    p2a.interaction = choose(QStringLiteral("What should Pip call the brightest star?"),
                             { QStringLiteral("Twinkle"), QStringLiteral("Glow") });
    illustrate(story, p2a.picture, QStringLiteral("pictures/p2a.jpg"), QStringLiteral("image/jpeg"),
               encode(paint({ 600, 400 }, QColor(0x1d2b4f), QColor(0x6b8f4e)), "jpeg"));
    story.addPage(p2a);

    Page p2b = makePage(QStringLiteral("p2b"), QStringLiteral("p1"),
                        QStringLiteral("Pip went home and had warm soup by the fire."),
                        QStringLiteral("A fox eating soup by a fireplace"));
    p2b.answer = QStringLiteral("Go home");
    p2b.answerIndex = 1;
    p2b.ending = true;
    illustrate(story, p2b.picture, QStringLiteral("pictures/p2b.webp"), QStringLiteral("image/webp"),
               encode(paint({ 480, 480 }, QColor(0xb5653a), QColor(0x8a5a3c)), "webp"));
    story.addPage(p2b);

    Page p3 = makePage(QStringLiteral("p3"), QStringLiteral("p2a"),
                       QStringLiteral("The star was called Sparkly Bob, and it winked at Pip all the way home."),
                       QString()); // no scene: the alternative text names the page
    p3.answer = QStringLiteral("Sparkly Bob");
    p3.ending = true;
    illustrate(story, p3.picture, QStringLiteral("pictures/p3.png"), QStringLiteral("image/png"),
               encode(paint({ 400, 400 }, QColor(0x6a4c93), QColor(0x4f7a5a), true), "png"));
    story.addPage(p3);

    illustrate(story, story.characterSheet, QStringLiteral("pictures/cast.png"), QStringLiteral("image/png"),
               encode(paint({ 640, 480 }, QColor(0xe8d9b5), QColor(0x9bb87a)), "png"));
    story.goTo(QStringLiteral("p3"));
    return story;
}

// Not a picture that decodes: a PNG signature followed by noise.
QByteArray corruptPng()
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(300, '\x5a');
}

struct Img
{
    QString mime;
    QByteArray bytes;
    QString alt;
};

QList<Img> htmlImages(const QString& html)
{
    static const QRegularExpression img(
        QStringLiteral("<img src=\"data:([a-z/]+);base64,([A-Za-z0-9+/=]*)\" alt=\"([^\"]*)\"[^>]*>"));
    QList<Img> out;
    for (auto it = img.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out.append({ m.captured(1), QByteArray::fromBase64(m.captured(2).toLatin1()), m.captured(3) });
    }
    return out;
}

// Every file below `dir`, relative to it.
QSet<QString> filesBelow(const QString& dir)
{
    QSet<QString> out;
    for (QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
        out.insert(QDir(dir).relativeFilePath(it.next()));
    return out;
}

QHash<int, int> imagesPerPage(const QList<PopplerTools::PdfImage>& images)
{
    QHash<int, int> out;
    for (const PopplerTools::PdfImage& image : images)
        out[image.page] += 1;
    return out;
}

} // namespace

class TestExportPictures final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void htmlEmbedsEveryPicture()
    {
        REQUIRE_WEBP();
        Story story = illustratedStory();
        story.page(QStringLiteral("p1"))->picture->mimeType
            = QStringLiteral("text/html\" onload=\"x"); // wrong or crafted
        const QString all = QString::fromUtf8(exportHtml(story, ExportOptions { true }));
        QVERIFY(
            all.contains(QStringLiteral("content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\"")));
        QCOMPARE(all.count(QStringLiteral("<img")), 5); // the character sheet and four pages
        const QList<Img> images = htmlImages(all);
        QCOMPARE(images.size(), 5);
        // In order: the sheet below the title, then the pages depth-first; the bytes exactly as stored.
        const QStringList order { QStringLiteral("pictures/cast.png"), QStringLiteral("pictures/p1.png"),
                                  QStringLiteral("pictures/p2a.jpg"), QStringLiteral("pictures/p3.png"),
                                  QStringLiteral("pictures/p2b.webp") };
        const QStringList mimes { QStringLiteral("image/png"), QStringLiteral("image/png"),
                                  QStringLiteral("image/jpeg"), QStringLiteral("image/png"),
                                  QStringLiteral("image/webp") };
        for (qsizetype i = 0; i < order.size(); ++i) {
            QCOMPARE(images.at(i).bytes, story.assets.value(order.at(i)));
            QCOMPARE(images.at(i).mime, mimes.at(i)); // from the bytes, not the story's JSON
        }
        QCOMPARE(images.at(0).alt, QStringLiteral("The characters: Pip, Owl"));
        QCOMPARE(images.at(1).alt, QStringLiteral("A small fox holding a glowing lantern among tall trees"));
        QCOMPARE(
            images.at(2).alt,
            QStringLiteral("An owl and a fox on a starry hill &quot;at night&quot; &lt;b&gt;&amp; more&lt;/b&gt;"));
        QCOMPARE(images.at(3).alt, QStringLiteral("Picture of page 3a"));
        QVERIFY(!all.contains(QStringLiteral("onload")));
        QVERIFY(!all.contains(QStringLiteral("<b>")));
        // The sheet is on the cover, each page's picture in its own section, before its text.
        QVERIFY(all.indexOf(QStringLiteral("<img")) < all.indexOf(QStringLiteral("</header>")));
        const qsizetype section1 = all.indexOf(QStringLiteral("id=\"page-1\""));
        QVERIFY(section1 < all.indexOf(QStringLiteral("<img"), section1));
        QVERIFY(all.indexOf(QStringLiteral("<img"), section1) < all.indexOf(QStringLiteral("Pip found a lantern")));
        // A page shown with its picture has the scene as alternative text, not as a line.
        QVERIFY(!all.contains(QStringLiteral("class=\"scene\"")));
        // Sized for any screen: the width follows the page, the shape from width and height.
        QVERIFY(all.contains(QStringLiteral("figure.picture img { display: block; width: 100%; height: auto;")));
        QVERIFY(all.contains(QStringLiteral("width=\"600\" height=\"400\"")));
        // Nothing but data: images as resources.
        static const QRegularExpression src(QStringLiteral("\\b(src|srcset|href)\\s*=\\s*\"([^\"]{0,16})"));
        for (auto it = src.globalMatch(all); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            QVERIFY2(m.captured(1) == QLatin1String("href") ? m.captured(2).startsWith(u'#')
                                                            : m.captured(2).startsWith(QStringLiteral("data:image/")),
                     qPrintable(m.captured(0)));
        }

        const QString path = QString::fromUtf8(exportHtml(story));
        QCOMPARE(htmlImages(path).size(), 4); // the sheet and the three pages of the reading path
        QVERIFY(
            !path.contains(QString::fromLatin1(story.assets.value(QStringLiteral("pictures/p2b.webp")).toBase64())));
    }

    void htmlLeavesOutWhatCannotBeShown()
    {
        REQUIRE_WEBP();
        Story story = illustratedStory();
        story.assets.insert(QStringLiteral("pictures/p2a.jpg"), corruptPng()); // does not decode
        story.assets.remove(QStringLiteral("pictures/p3.png")); // bytes missing
        story.assets.insert(QStringLiteral("pictures/cast.png"), QByteArray("<svg onload=alert(1)>")); // no image
        const QString out = QString::fromUtf8(exportHtml(story));
        const QList<Img> images = htmlImages(out);
        QCOMPARE(images.size(), 1);
        QCOMPARE(images.at(0).bytes, story.assets.value(QStringLiteral("pictures/p1.png")));
        // The page without its picture still has its text, and its scene as a line.
        QVERIFY(out.contains(QStringLiteral("Pip followed the owl to a hill of stars.")));
        QVERIFY(out.contains(QStringLiteral("<p class=\"scene\"><em>Picture: An owl and a fox on a starry hill")));
        QVERIFY(out.contains(QStringLiteral("Sparkly Bob, and it winked")));
        QVERIFY(!out.contains(QStringLiteral("<svg")));
    }

    void pdfIsAPictureBook()
    {
        REQUIRE_WEBP();
        REQUIRE_POPPLER(pdfinfo, "pdfinfo");
        REQUIRE_POPPLER(pdfimages, "pdfimages");
        REQUIRE_POPPLER(pdftotext, "pdftotext");
        QTemporaryDir dir;
        const Story story = illustratedStory();
        const QString file = dir.filePath(QStringLiteral("pip.pdf"));
        QCOMPARE(exportPdf(story, file), QString());
        QCOMPARE(PopplerTools::pages(pdfinfo, file), 4); // the title page and the three pages of the path
        QVERIFY(PopplerTools::run(pdfinfo, { file }).contains(QStringLiteral("(A4)")));

        // One image on every page: the cover on the title page, each page's picture on its page, and no
        // soft mask (the transparent corners of page 3 are flattened onto the paper).
        const QList<PopplerTools::PdfImage> images = PopplerTools::images(pdfimages, file);
        QCOMPARE(images.size(), 4);
        QCOMPARE(imagesPerPage(images), (QHash<int, int> { { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } }));
        for (const PopplerTools::PdfImage& image : images)
            QCOMPARE(image.type, QStringLiteral("image"));
        QCOMPARE(QSize(images.at(0).width, images.at(0).height), QSize(640, 480)); // the character sheet
        QCOMPARE(QSize(images.at(2).width, images.at(2).height), QSize(600, 400)); // page 2's JPEG

        // The text of each page on its own sheet, the scene only as the picture.
        const QString titlePage = PopplerTools::text(pdftotext, file, 1).simplified(); // lines may wrap anywhere
        QVERIFY2(titlePage.contains(QStringLiteral("Pip and the Lantern")), qPrintable(titlePage));
        const QString page1 = PopplerTools::text(pdftotext, file, 2).simplified();
        QVERIFY2(page1.contains(QStringLiteral("Pip found a lantern in the woods.")), qPrintable(page1));
        QVERIFY(page1.contains(QStringLiteral("Where should Pip go?")));
        QVERIFY(!page1.contains(QStringLiteral("Picture:")));
        QVERIFY(PopplerTools::text(pdftotext, file, 3).simplified().contains(QStringLiteral("Pip followed the owl")));
        QVERIFY(PopplerTools::text(pdftotext, file, 4).simplified().contains(QStringLiteral("Sparkly Bob")));
        QVERIFY(PopplerTools::text(pdftotext, file, 4).simplified().contains(QStringLiteral("The End")));

        // Every branch, every branch's picture.
        const QString all = dir.filePath(QStringLiteral("pip-all.pdf"));
        QCOMPARE(exportPdf(story, all, ExportOptions { true }), QString());
        QCOMPARE(PopplerTools::pages(pdfinfo, all), 5);
        QCOMPARE(imagesPerPage(PopplerTools::images(pdfimages, all)),
                 (QHash<int, int> { { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 }, { 5, 1 } }));
        QVERIFY(PopplerTools::text(pdftotext, all, 5).simplified().contains(QStringLiteral("warm soup")));

        // Without a character sheet the cover is the first picture.
        Story noSheet = story;
        noSheet.characterSheet.reset();
        const QString noSheetFile = dir.filePath(QStringLiteral("nosheet.pdf"));
        QCOMPARE(exportPdf(noSheet, noSheetFile), QString());
        const QList<PopplerTools::PdfImage> noSheetImages = PopplerTools::images(pdfimages, noSheetFile);
        QCOMPARE(imagesPerPage(noSheetImages), (QHash<int, int> { { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } }));
        QCOMPARE(QSize(noSheetImages.at(0).width, noSheetImages.at(0).height), QSize(512, 512));

        // A story without pictures stays the A5 booklet, with no images.
        Story textOnly = story;
        textOnly.assets.clear();
        const QString textFile = dir.filePath(QStringLiteral("text.pdf"));
        QCOMPARE(exportPdf(textOnly, textFile), QString());
        QVERIFY(PopplerTools::run(pdfinfo, { textFile }).contains(QStringLiteral("(A5)")));
        QVERIFY(PopplerTools::images(pdfimages, textFile).isEmpty());
        QVERIFY(
            PopplerTools::text(pdftotext, textFile, 2).simplified().contains(QStringLiteral("Picture: A small fox")));
    }

    void pdfLeavesOutWhatCannotBeShown()
    {
        REQUIRE_WEBP();
        REQUIRE_POPPLER(pdfimages, "pdfimages");
        REQUIRE_POPPLER(pdftotext, "pdftotext");
        Story story = illustratedStory();
        story.assets.insert(QStringLiteral("pictures/p2a.jpg"), corruptPng());
        story.assets.insert(QStringLiteral("pictures/cast.png"), QByteArray("not a picture"));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("broken.pdf"));
        QCOMPARE(exportPdf(story, file), QString());
        // The cover falls back to the first page's picture; page 2 has no picture but all its text.
        QCOMPARE(imagesPerPage(PopplerTools::images(pdfimages, file)),
                 (QHash<int, int> { { 1, 1 }, { 2, 1 }, { 4, 1 } }));
        const QString page2 = PopplerTools::text(pdftotext, file, 3).simplified();
        QVERIFY2(page2.contains(QStringLiteral("Pip followed the owl to a hill of stars.")), qPrintable(page2));
        QVERIFY(page2.contains(QStringLiteral("Picture: An owl and a fox")));
        QVERIFY(page2.contains(QStringLiteral("What should Pip call the brightest star?")));
    }

    void markdownWritesPicturesBeside()
    {
        REQUIRE_WEBP();
        QTemporaryDir dir;
        const Story story = illustratedStory();
        const QString file = dir.filePath(QStringLiteral("Pip [the] fox.md"));
        QCOMPARE(exportToFile(story, ExportFormat::Markdown, file, ExportOptions { true }), QString());
        const QString folder = dir.filePath(QStringLiteral("Pip [the] fox_files"));
        QCOMPARE(markdownPictureFolder(file), QStringLiteral("Pip [the] fox_files"));
        const QHash<QString, QString> expected {
            { QStringLiteral("characters.png"), QStringLiteral("pictures/cast.png") },
            { QStringLiteral("page-1.png"), QStringLiteral("pictures/p1.png") },
            { QStringLiteral("page-2a.jpg"), QStringLiteral("pictures/p2a.jpg") },
            { QStringLiteral("page-3a.png"), QStringLiteral("pictures/p3.png") },
            { QStringLiteral("page-2b.webp"), QStringLiteral("pictures/p2b.webp") }
        };
        QCOMPARE(filesBelow(folder), QSet<QString>(expected.keyBegin(), expected.keyEnd()));
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QFile picture(QDir(folder).filePath(it.key()));
            QVERIFY(picture.open(QIODevice::ReadOnly));
            QCOMPARE(picture.readAll(), story.assets.value(it.value()));
        }

        // Every link is relative and resolves to one of those files, in reading order.
        QFile md(file);
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(md.readAll());
        static const QRegularExpression link(QStringLiteral("!\\[([^\\n]*?)\\]\\(([^)\\s]+)\\)"));
        QStringList targets;
        for (auto it = link.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QUrl url(m.captured(2));
            QVERIFY2(url.isRelative() && !m.captured(2).startsWith(u'/'), qPrintable(m.captured(2)));
            const QString resolved = QDir(dir.path()).filePath(url.path());
            QVERIFY2(QFileInfo::exists(resolved), qPrintable(resolved));
            targets.append(QFileInfo(resolved).fileName());
            QCOMPARE(QFileInfo(resolved).absolutePath(), QFileInfo(folder).absoluteFilePath());
        }
        QCOMPARE(targets,
                 (QStringList { QStringLiteral("characters.png"), QStringLiteral("page-1.png"),
                                QStringLiteral("page-2a.jpg"), QStringLiteral("page-3a.png"),
                                QStringLiteral("page-2b.webp") }));
        QVERIFY(
            text.contains(QStringLiteral("![The characters: Pip, Owl](Pip%20%5Bthe%5D%20fox_files/characters.png)")));
        QVERIFY(text.contains(
            QStringLiteral("## Page 1\n\n![A small fox holding a glowing lantern among tall trees](Pip%20%5Bthe%5D%20"
                           "fox_files/page-1.png)\n\nPip found a lantern")));
        // The scene is model text: escaped in the alternative text too.
        QVERIFY(
            text.contains(QStringLiteral("![An owl and a fox on a starry hill \"at night\" \\<b\\>\\& more\\</b\\>]")));
        QVERIFY(!text.contains(QStringLiteral("*Picture:")));

        // The text alone has no links and writes nothing.
        QVERIFY(!QString::fromUtf8(exportMarkdown(story)).contains(QStringLiteral("![")));
    }

    void markdownOfATextOnlyStoryWritesNoFolder()
    {
        Story story = illustratedStory();
        story.assets.clear();
        story.characterSheet.reset();
        for (Page& page : story.pages)
            page.picture.reset();
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("plain.md"));
        QCOMPARE(exportToFile(story, ExportFormat::Markdown, file), QString());
        QCOMPARE(filesBelow(dir.path()), QSet<QString> { QStringLiteral("plain.md") });
        QFile md(file);
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(md.readAll());
        QVERIFY(!text.contains(QStringLiteral("![")));
        QVERIFY(text.contains(QStringLiteral("*Picture: A small fox holding a glowing lantern among tall trees*")));
    }

    void markdownLeavesOutWhatCannotBeShown()
    {
        REQUIRE_WEBP();
        Story story = illustratedStory();
        story.assets.insert(QStringLiteral("pictures/p2a.jpg"), corruptPng());
        story.assets.remove(QStringLiteral("pictures/cast.png"));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("story.md"));
        QCOMPARE(exportToFile(story, ExportFormat::Markdown, file), QString());
        QCOMPARE(filesBelow(dir.filePath(QStringLiteral("story_files"))),
                 (QSet<QString> { QStringLiteral("page-1.png"), QStringLiteral("page-3.png") }));
        QFile md(file);
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(md.readAll());
        QVERIFY(text.contains(QStringLiteral("*Picture: An owl and a fox on a starry hill")));
        QVERIFY(text.contains(QStringLiteral("Pip followed the owl to a hill of stars.")));
        QCOMPARE(text.count(QStringLiteral("![")), 2);
    }

    void maliciousEntryNamesWriteNothingOutside()
    {
        REQUIRE_WEBP();
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a/b")));
        // Relative names that climb out, an absolute name (inside the test folder, so it is seen), a
        // Windows separator, a control character.
        const QStringList names { QStringLiteral("../../escaped.png"), dir.filePath(QStringLiteral("escaped-abs.png")),
                                  QStringLiteral("pictures/../../../escaped2.png"), QStringLiteral("..\\escaped3.png"),
                                  QStringLiteral("pictures/a b\n.png") };
        Story story = illustratedStory();
        const QByteArray png = story.assets.value(QStringLiteral("pictures/p1.png"));
        // Each picture names one of those entries, with good bytes under that name.
        const QStringList pages { QStringLiteral("p1"), QStringLiteral("p2a"), QStringLiteral("p3"),
                                  QStringLiteral("p2b") };
        for (qsizetype i = 0; i < pages.size(); ++i) {
            story.page(pages.at(i))->picture->entry = names.at(i);
            story.assets.insert(names.at(i), png);
        }
        story.characterSheet->entry = names.at(4);
        story.assets.insert(names.at(4), png);

        const QString file = dir.filePath(QStringLiteral("a/b/story.md"));
        for (const bool all : { false, true })
            QCOMPARE(exportToFile(story, ExportFormat::Markdown, file, ExportOptions { all }), QString());
        QCOMPARE(filesBelow(dir.path()), QSet<QString> { QStringLiteral("a/b/story.md") }); // and no folder
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("a/b/story_files"))));
        QVERIFY(!QString::fromUtf8(exportHtml(story, ExportOptions { true })).contains(QStringLiteral("<img")));
    }
};

QTEST_MAIN(TestExportPictures)
#include "tst_exportpictures.moc"
