#pragma once

#include "story.h"

#include <QString>

// EPUB 3 export (docs/exports.md, "EPUB"): one XHTML page per story page with its picture, its text
// as one element per sentence, the question and answers as the child saw them (the chosen one marked)
// and "The End" on the ending; a cover (the character sheet, else the first picture), a table of
// contents, and a Media Overlay (SMIL) per narrated page so a reading system reads the book aloud with
// the sentence highlighted. Everything the model wrote is escaped text, never markup.
namespace Storybook::Export {

struct EpubOptions
{
    // false: the reading path. true: every page of the tree, each answer a link to the page it leads
    // to and a link back to the page before (a choose-your-path book).
    bool allBranches = false;
    // The reader's name, a second dc:creator after "Interactive Storybook" (empty: none).
    QString author;
};

// Writes the book to `path` atomically (a failure leaves no file and the old one, if any, in place).
// Returns an empty string, or a translated reason.
[[nodiscard]] QString exportEpub(const Story::Story& story, const QString& path, const EpubOptions& options = {});

// The package's dc:identifier: "urn:uuid:" and a name-based UUID of the story id (stable across exports).
[[nodiscard]] QString epubIdentifier(const Story::Story& story);

} // namespace Storybook::Export
