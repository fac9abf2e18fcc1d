#pragma once

// What every export format shares (storyexporter.h is the public interface): the pages to export,
// the labels they carry, model text made plain, and the pictures that go with them.

#include "story.h"
#include "storyexporter.h"
#include "storywords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Storybook::Story::ExportCommon {

// The messages about writing a file (in the interface's language); the words in the exported story
// itself are the story's (StoryWords: "Page 3", "The End" in the language the story is written in).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Story::StoryExporter)
};

// One answer under a page's question.
struct Choice
{
    QString text;
    bool own = false; // the child's own answer, not one of the suggested options
    bool chosen = false; // current path: the answer taken
    QString target; // all branches: the label of the page it leads to ("" = not written)
};

// One story page as exported.
struct Entry
{
    const Page* page = nullptr;
    QString label; // "3"; with all branches "3a", "5ab" (digits and letters only)
    bool branchStart = false; // all branches: one of several pages after the same page
    QString ledBy; // the answer that led to this branch (may be empty)
    QList<Choice> choices; // only when the page has an interaction
};

// The current reading path, or with all branches the whole tree depth-first.
[[nodiscard]] QList<Entry> entries(const Story& story, bool allBranches);

// Model text as plain text: no control characters, one kind of newline.
[[nodiscard]] QString clean(const QString& text);
// A single line (titles, questions, answers, scenes).
[[nodiscard]] QString line(const QString& text);
// Paragraphs split on blank lines; each paragraph is a list of lines (single newlines kept as breaks).
[[nodiscard]] QList<QStringList> paragraphs(const QString& text);

[[nodiscard]] bool isChinese(const Story& story);
[[nodiscard]] QString titleOf(const Story& story);
[[nodiscard]] QString metaLine(const Story& story); // "Idea: … · Ages 6-8 · English"
[[nodiscard]] QString pageHeading(const StoryWords& words, const QString& label);
[[nodiscard]] QString branchLead(const StoryWords& words, const Entry& entry);
[[nodiscard]] QString choiceText(const StoryWords& words, const Choice& choice);
[[nodiscard]] QString draftText(const StoryWords& words, const Page& page);
// The page's question, or the kind's question in the story's language when the model gave none.
[[nodiscard]] QString questionText(const StoryWords& words, const Interaction& interaction);
// The visible "Picture: <scene>" line of a page shown without its picture ("" without a scene).
[[nodiscard]] QString sceneCaption(const StoryWords& words, const Page& page);
// A picture's alternative text: the page's scene, else "Picture of page 3".
[[nodiscard]] QString pictureAlt(const StoryWords& words, const Entry& entry);
// The character sheet's alternative text: "The characters: Pip, Owl".
[[nodiscard]] QString characterSheetAlt(const Story& story);

[[nodiscard]] QString cannotWrite(const QString& filePath, const QString& reason);

// A picture of the story ready to export: its bytes exactly as stored, the type read from the bytes
// themselves (never from the story's JSON), and the decoded image (which proves the bytes are a
// picture). Only PNG, JPEG, WebP and GIF are exported.
struct ExportPicture
{
    QString entry; // the asset's entry name, StoryFile::isSafeEntryName()
    QByteArray bytes; // Story::assets[entry], as the provider sent them
    QString mimeType; // "image/png", "image/jpeg", "image/webp", "image/gif"
    QString suffix; // "png", "jpg", "webp", "gif"
    QImage image; // decoded, never null
};

// Loads a picture of the story: nullopt when there is none, its entry name is unsafe, its bytes are
// missing, are no supported image type or cannot be decoded (each with a note in the log). An export
// leaves such a picture out and shows the page without it.
[[nodiscard]] std::optional<ExportPicture> loadPicture(const Story& story, const std::optional<Picture>& picture);

// Whether the story refers to any picture whose bytes it holds (an illustrated story).
[[nodiscard]] bool hasPictures(const Story& story, const QList<Entry>& entries);

// Writes the Markdown file and, beside it, the folder of its pictures (markdownPictureFolder()), the
// pictures first; no folder for a story without pictures. Returns "" or a translated reason.
[[nodiscard]] QString writeMarkdown(const Story& story, const QString& filePath, const ExportOptions& options);

} // namespace Storybook::Story::ExportCommon
