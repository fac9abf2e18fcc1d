#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// The narration clips an EPUB can carry in a Media Overlay. EPUB 3's core audio types are MP3
// (audio/mpeg) and AAC in MP4 (audio/mp4); epubcheck 4.2 accepts no other type in an overlay and no
// fallback there. A story's clips are stored as the speech provider sent them (mp3, opus, wav, flac,
// raw aac, pcm): only MP3 goes into the book as it is; a page whose clips are of another type is
// exported without its overlay (with a note in the log), never with re-encoded sound.
namespace Storybook::Export::EpubAudio {

// "mp3" for audio/mpeg (also audio/mp3); nullopt for every type an EPUB overlay cannot use.
[[nodiscard]] std::optional<QString> coreSuffix(const QString& mimeType);

// The length of an MPEG audio stream (MPEG-1/2/2.5 layer I, II, III; an ID3v2 tag at the start is
// skipped), from its frame headers; nullopt when the bytes hold no run of valid frames.
[[nodiscard]] std::optional<qint64> mp3DurationMs(const QByteArray& bytes);

// "0:00:01.830": a SMIL clock value with milliseconds (media:duration and clip times).
[[nodiscard]] QString clockValue(qint64 ms);

} // namespace Storybook::Export::EpubAudio
