#pragma once

#include "story.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Storybook::Story {

// The .storybook file, in one of two shapes (docs/story-format.md):
//  - plain UTF-8 JSON: a story without pictures or sounds, exactly as every file written before;
//  - a zip container, in the spirit of EPUB and ODF, when the story has assets: its first entry is
//    that JSON ("story.json", deflated), every other entry an asset stored (not compressed) with the
//    bytes exactly as the provider sent them, so a save never re-encodes a picture.
// Entries this version does not know survive a load and a save. Listing reads only the JSON entry
// (the zip's central directory says where it is), never an asset's bytes. A damaged asset entry
// (bad checksum, too large, unsafe name) loses that entry only; a damaged container or JSON makes
// the whole file unreadable, with the reason.
namespace StoryFile {

enum class Parts {
    TextOnly,   // the story without asset bytes (Story::assets stays empty): for listing and search
    Everything, // with every asset entry
};

constexpr auto JsonEntry = "story.json";
constexpr qint64 MaxAssetBytes = 64 * 1024 * 1024;  // one picture or sound, or the story's JSON
constexpr qint64 MaxJsonFileBytes = 64 * 1024 * 1024; // a plain JSON story file
constexpr qint64 MaxFileBytes = 1024LL * 1024 * 1024; // a whole story file

// True when the bytes start like a zip container (as opposed to JSON).
[[nodiscard]] bool isContainer(const QByteArray& head);
// Whether an entry name is safe to keep (relative, no "..", no backslash or control character):
// an export may use it as a file name beside the exported file.
[[nodiscard]] bool isSafeEntryName(const QString& name);

[[nodiscard]] std::optional<Story> decode(const QByteArray& data, Parts parts, QString* whyNot);
// JSON when the story has no assets, else the container; empty only if the zip library fails.
[[nodiscard]] QByteArray encode(const Story& story, QString* whyNot = nullptr);
// Reads a file; with Parts::TextOnly a container's asset bytes are never read from the disk.
[[nodiscard]] std::optional<Story> read(const QString& path, Parts parts, QString* whyNot);

} // namespace StoryFile
} // namespace Storybook::Story
