#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Storybook::Story {

// One spoken piece of a page: one sentence of its text, its question, or one of its answers, as one
// audio file. Its bytes are Story::assets[entry], exactly as the speech provider sent them or as the
// recording was made (never re-encoded). A clip belongs to its words, not to a position: when a page
// is edited by hand, the sentences that did not change keep their voice and only the changed ones
// have none (Narration::clipFor).
struct NarrationClip
{
    QString text;     // the words spoken, as the page shows them (trimmed)
    QString entry;    // the asset's name inside the story file, e.g. "narration/5c1e0a.mp3"
    QString mimeType; // audio/mpeg, audio/ogg (opus), audio/wav, audio/flac, audio/aac, or audio/pcm
                      // (signed 16-bit little-endian mono at 24 kHz, as OpenAI sends pcm)
    qint64 durationMs = 0; // 0: not known
    QJsonObject extra;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<NarrationClip> fromJson(const QJsonValue& value); // nullopt: no safe entry
};

// A page read aloud, sentence by sentence: by a speech provider (synthesised) or by a person
// (recorded, "Record this page"). A page can have one of each; the recorded one is preferred.
struct Narration
{
    enum class Source { Synthesised, Recorded };

    Source source = Source::Synthesised;
    QString voice;  // synthesised: the provider's voice ("alloy", "FunAudioLLM/CosyVoice2-0.5B:alex");
                    // recorded: who read it, as the parent typed it ("Grandma"), may be empty
    QString model;  // synthesised: the speech model (informative)
    QDateTime created;
    QList<NarrationClip> clips; // in reading order
    QJsonObject extra;

    // The clip that speaks exactly `text` (compared trimmed), or null.
    [[nodiscard]] const NarrationClip* clipFor(const QString& text) const;
    // The sum of the clips' durations (0 when one is not known).
    [[nodiscard]] qint64 durationMs() const;

    [[nodiscard]] static QString sourceName(Source source);          // "synthesised", "recorded"
    [[nodiscard]] static Source sourceFromName(const QString& name); // unknown → Synthesised
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Narration> fromJson(const QJsonValue& value); // nullopt: none
};

// Where narration lives in a story file: "narration/…" entries.
inline constexpr auto NarrationEntryPrefix = "narration/";

// A new, unique entry name for a clip of page `pageId`: "narration/<pageId>-<random>.<extension>".
[[nodiscard]] QString newNarrationEntry(const QString& pageId, const QString& extension);

} // namespace Storybook::Story
