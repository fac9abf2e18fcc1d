#pragma once

#include "story.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Exports a story for reading outside the app: Markdown, one self-contained HTML file, or a
// print-ready PDF picture book.
//
// Everything the model wrote (title, text, scene, questions, answers) is treated as plain text:
// escaped for Markdown and HTML, never used as a URL, never loaded as a resource. The HTML file
// has no scripts and no external references, and a Content-Security-Policy that forbids both.
//
// Labels ("Page 3", "The End", ...) are translated with tr() in the context
// "Storybook::Story::StoryExporter", i.e. in the language of the user interface.
namespace Storybook::Story {

enum class ExportFormat { Markdown, Html, Pdf };

struct ExportOptions
{
    // false: the current reading path only (Story::pathPages()).
    // true: the whole tree, depth-first from the first page; the pages of a branch are labelled
    // with their position and a letter per choice taken ("Page 3a", "Page 4a", "Page 5ab"), and
    // each branch starts with the answer that led to it ("If you chose “Follow the owl”:").
    bool allBranches = false;
};

// UTF-8 Markdown (CommonMark/GFM); story text is escaped so it cannot make links, HTML or markup.
[[nodiscard]] QByteArray exportMarkdown(const Story& story, const ExportOptions& options = {});

// One self-contained UTF-8 HTML file: inline CSS only (light and dark), no scripts, no external
// resources, a Content-Security-Policy "default-src 'none'; style-src 'unsafe-inline'".
[[nodiscard]] QByteArray exportHtml(const Story& story, const ExportOptions& options = {});

// Writes a PDF picture book (A5 landscape: a title page, then one story page per PDF page; a page
// too long for one sheet at the smallest text size continues on the next sheet). The file is
// replaced atomically. Returns an empty string on success, else a translated reason.
//
// Requires a QGuiApplication (fonts and text layout need QtGui's platform integration): in a
// command-line tool or a test, create a QGuiApplication, e.g. with QT_QPA_PLATFORM=offscreen.
// Without one this returns an error instead of crashing. Call it from the GUI thread.
[[nodiscard]] QString exportPdf(const Story& story, const QString& filePath, const ExportOptions& options = {});

// Writes any format to `filePath` (atomically); returns an empty string or a translated reason.
// PDF has the same requirements as exportPdf().
[[nodiscard]] QString exportToFile(const Story& story, ExportFormat format, const QString& filePath,
                                   const ExportOptions& options = {});

// "md"/"markdown", "html"/"htm", "pdf" (case-insensitive, a leading dot allowed); else nullopt.
[[nodiscard]] std::optional<ExportFormat> exportFormatFromName(const QString& name);

// The usual file suffix, without the dot: "md", "html", "pdf".
[[nodiscard]] QString exportFormatSuffix(ExportFormat format);

} // namespace Storybook::Story
