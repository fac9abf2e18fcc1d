#pragma once

// Running poppler-utils (pdfinfo, pdftotext, pdffonts, pdfimages) on exported PDFs, for the export tests.

#include "requiretool.h"

#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// An external tool for checking PDFs (poppler-utils): a missing tool fails on CI and skips elsewhere.
#define REQUIRE_POPPLER(var, name)                                                                                     \
    const QString var = ::Storybook::Test::findTool(QStringLiteral(name));                                             \
    STORYBOOK_REQUIRE_TOOL(!var.isEmpty(), name " (poppler-utils)")

namespace PopplerTools {

// The program's standard output, or "" when it could not run or failed.
inline QString run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The page count pdfinfo reports, -1 when it cannot tell.
inline int pages(const QString& pdfinfo, const QString& file)
{
    static const QRegularExpression pages(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = pages.match(run(pdfinfo, { file }));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// The text of the whole file, or of page `page` (1-based) alone.
inline QString text(const QString& pdftotext, const QString& file, int page = 0)
{
    QStringList arguments { QStringLiteral("-enc"), QStringLiteral("UTF-8") };
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    return run(pdftotext, arguments << file << QStringLiteral("-"));
}

// One row of `pdfimages -list`.
struct PdfImage
{
    int page = 0;
    QString type; // "image", "smask", "mask", "stencil"
    int width = 0;
    int height = 0;
};

inline QList<PdfImage> images(const QString& pdfimages, const QString& file)
{
    QList<PdfImage> out;
    bool table = false;
    for (const QString& line : run(pdfimages, { QStringLiteral("-list"), file }).split(u'\n')) {
        if (line.startsWith(QStringLiteral("----"))) {
            table = true;
            continue;
        }
        const QStringList fields = line.simplified().split(u' ');
        if (table && fields.size() > 4)
            out.append({ fields.at(0).toInt(), fields.at(2), fields.at(3).toInt(), fields.at(4).toInt() });
    }
    return out;
}

} // namespace PopplerTools
