#include "epubexporter.h"

#include "atomicfile.h"
#include "epubaudio.h"
#include "epubcontainer.h"
#include "epubpages.h"
#include "exportcommon.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUuid>

namespace Storybook::Export {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Export::EpubExporter)
};

QString x(const QString& text)
{
    return text.toHtmlEscaped();
}

QString packageDocument(const Story::Story& story, const EpubPages& pages, const EpubOptions& options)
{
    // The story's last change, so that exporting an unchanged story twice gives the same book.
    const QDateTime modified = (story.modified.isValid() ? story.modified : QDateTime::currentDateTimeUtc()).toUTC();
    QString metadata = QStringLiteral("<dc:identifier id=\"book-id\">") % epubIdentifier(story)
        % QStringLiteral("</dc:identifier>\n<dc:title>") % x(pages.title()) % QStringLiteral("</dc:title>\n<dc:language>")
        % pages.language() % QStringLiteral("</dc:language>\n<dc:creator id=\"app\">Interactive Storybook</dc:creator>\n");
    if (const QString author = Story::ExportCommon::line(options.author); !author.isEmpty())
        metadata += QStringLiteral("<dc:creator id=\"author\">") % x(author) % QStringLiteral("</dc:creator>\n");
    metadata += QStringLiteral("<dc:date>") % modified.toString(QStringLiteral("yyyy-MM-dd"))
        % QStringLiteral("</dc:date>\n<meta property=\"dcterms:modified\">")
        % modified.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")) % QStringLiteral("</meta>\n");
    QString manifest;
    QString spine;
    qint64 total = 0;
    bool overlays = false;
    for (const ManifestItem& item : pages.manifest()) {
        manifest += QStringLiteral("<item id=\"") % item.id % QStringLiteral("\" href=\"") % item.href
            % QStringLiteral("\" media-type=\"") % item.mediaType % u'"';
        if (!item.properties.isEmpty())
            manifest += QStringLiteral(" properties=\"") % item.properties % u'"';
        if (!item.overlay.isEmpty())
            manifest += QStringLiteral(" media-overlay=\"") % item.overlay % u'"';
        manifest += QStringLiteral("/>\n");
        if (item.inSpine)
            spine += QStringLiteral("<itemref idref=\"") % item.id % QStringLiteral("\"/>\n");
        if (item.durationMs >= 0) {
            metadata += QStringLiteral("<meta property=\"media:duration\" refines=\"#") % item.id % QStringLiteral("\">")
                % EpubAudio::clockValue(item.durationMs) % QStringLiteral("</meta>\n");
            total += item.durationMs;
            overlays = true;
        }
    }
    if (overlays)
        metadata += QStringLiteral("<meta property=\"media:duration\">") % EpubAudio::clockValue(total)
            % QStringLiteral("</meta>\n<meta property=\"media:active-class\">") % QLatin1String(EpubPages::ActiveClass)
            % QStringLiteral("</meta>\n");
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" xml:lang=\"")
        % pages.language() % QStringLiteral("\" dir=\"ltr\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
        % metadata % QStringLiteral("</metadata>\n<manifest>\n") % manifest
        % QStringLiteral("</manifest>\n<spine page-progression-direction=\"ltr\">\n") % spine
        % QStringLiteral("</spine>\n</package>\n");
}
} // namespace

QString epubIdentifier(const Story::Story& story)
{
    // A fixed namespace of this app's own: the same story id always gives the same UUID.
    static const QUuid Namespace(QStringLiteral("{5d0c2f4e-7a1b-4c39-9e57-3b8f1a6d2c40}"));
    return QStringLiteral("urn:uuid:") % QUuid::createUuidV5(Namespace, story.id).toString(QUuid::WithoutBraces);
}

QString exportEpub(const Story::Story& story, const QString& path, const EpubOptions& options)
{
    EpubPages pages(story, options.allBranches);
    pages.build();
    QList<EpubEntry> entries;
    const QString folder = QStringLiteral("OEBPS/");
    entries.append({folder % QStringLiteral("package.opf"), packageDocument(story, pages, options).toUtf8(), true});
    for (const EpubEntry& file : pages.files())
        entries.append({folder % file.path, file.data, file.compress});
    const ContainerResult container = buildEpubContainer(folder % QStringLiteral("package.opf"), entries);
    if (!container.problem.isEmpty())
        return Tr::tr("The book could not be put together: %1").arg(container.problem);
    if (const QString why = AtomicFile::write(path, container.bytes); !why.isEmpty())
        return Story::ExportCommon::cannotWrite(path, why);
    return {};
}

} // namespace Storybook::Export
