#pragma once

#include "story.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Exports a story for reading outside the app: Markdown (its pictures in a folder beside it), one
// self-contained HTML file (pictures embedded), or a print-ready PDF picture book (docs/exports.md).
//
// Pictures go as the story holds them: the bytes of Story::assets exactly as the provider sent them
// (the PDF alone draws them, so its writer re-encodes). A picture whose entry name is unsafe, whose
// bytes are missing or are no PNG, JPEG, WebP or GIF that decodes is left out, never failing the
// export; its page is exported without it (with the scene as a line of text).
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
// Text only: no pictures (each page's scene is a line of text). exportToFile() writes the pictures.
[[nodiscard]] QByteArray exportMarkdown(const Story& story, const ExportOptions& options = {});

// A file an export writes beside the exported one.
struct ExportedFile
{
    QString relativePath; // from the exported file's folder: "<folder>/page-3.png"
    QByteArray data;
};

struct MarkdownExport
{
    QByteArray text;
    QList<ExportedFile> files; // the pictures; empty for a story without pictures
};

// The Markdown with the pictures as files in `folderName` (one folder level, beside the Markdown
// file) and linked by relative, percent-encoded paths: "characters.png" for the character sheet,
// "page-3.png", "page-5ab.jpg" for the pages. The file names are the exporter's own, never an entry
// name, and the suffix follows the bytes. The bytes are written as stored.
[[nodiscard]] MarkdownExport exportMarkdownWithPictures(const Story& story, const QString& folderName,
                                                        const ExportOptions& options = {});

// The folder exportToFile() puts a Markdown file's pictures in: "story_files" for ".../story.md".
[[nodiscard]] QString markdownPictureFolder(const QString& markdownFilePath);

// One self-contained UTF-8 HTML file: inline CSS only (light and dark), no scripts, no external
// resources, a Content-Security-Policy "default-src 'none'; img-src data:; style-src 'unsafe-inline'".
// Pictures are embedded as data: URIs of their stored bytes (the type read from the bytes), with
// the scene as alternative text; the character sheet below the title.
[[nodiscard]] QByteArray exportHtml(const Story& story, const ExportOptions& options = {});

// Writes a PDF picture book: a title page, then one story page per PDF page; a page too long for
// one sheet at the smallest text size continues on the next sheet. A story with pictures is an A4
// landscape book: each page's picture large on the left, its text on the right, like the two
// facing pages of an open picture book, and the cover (the character sheet, else the first
// picture) on the title page. A story without pictures stays an A5 landscape booklet. The file is
// replaced atomically. Returns an empty string on success, else a translated reason.
//
// Requires a QGuiApplication (fonts and text layout need QtGui's platform integration): in a
// command-line tool or a test, create a QGuiApplication, e.g. with QT_QPA_PLATFORM=offscreen.
// Without one this returns an error instead of crashing. Call it from the GUI thread.
[[nodiscard]] QString exportPdf(const Story& story, const QString& filePath, const ExportOptions& options = {});

// Writes any format to `filePath` (atomically); returns an empty string or a translated reason.
// Markdown: the pictures go into markdownPictureFolder() beside the file first (files of the same
// name there are replaced, others left alone); a story without pictures makes no folder.
// PDF has the same requirements as exportPdf().
[[nodiscard]] QString exportToFile(const Story& story, ExportFormat format, const QString& filePath,
                                   const ExportOptions& options = {});

// "md"/"markdown", "html"/"htm", "pdf" (case-insensitive, a leading dot allowed); else nullopt.
[[nodiscard]] std::optional<ExportFormat> exportFormatFromName(const QString& name);

// The usual file suffix, without the dot: "md", "html", "pdf".
[[nodiscard]] QString exportFormatSuffix(ExportFormat format);

} // namespace Storybook::Story
