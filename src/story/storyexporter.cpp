#include "storyexporter.h"

// The exporter's entry points; each format lives in its own file (exportmarkdown.cpp, exporthtml.cpp,
// exportpdf.cpp), what they share in exportcommon.*.

#include "atomicfile.h"
#include "exportcommon.h"

namespace Storybook::Story {

QString exportToFile(const Story& story, ExportFormat format, const QString& filePath, const ExportOptions& options)
{
    switch (format) {
    case ExportFormat::Pdf:
        return exportPdf(story, filePath, options);
    case ExportFormat::Markdown:
        return ExportCommon::writeMarkdown(story, filePath, options);
    case ExportFormat::Html:
        break;
    }
    if (const QString why = AtomicFile::write(filePath, exportHtml(story, options)); !why.isEmpty())
        return ExportCommon::cannotWrite(filePath, why);
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString& name)
{
    QString n = name.trimmed().toLower();
    if (n.startsWith(u'.'))
        n.remove(0, 1);
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        return ExportFormat::Markdown;
    if (n == QLatin1String("html") || n == QLatin1String("htm"))
        return ExportFormat::Html;
    if (n == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    return std::nullopt;
}

QString exportFormatSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return QStringLiteral("md");
}

} // namespace Storybook::Story
