#pragma once

#include <QString>
#include <QStringList>

namespace Storybook::Llm {

// OpenAI's /audio/speech takes at most 4,096 characters of input per request.
inline constexpr qsizetype MaxSpeechInput = 4096;

// Splits text to be spoken into parts of at most `limit` UTF-16 code units each (a surrogate pair is
// never cut; code units, not code points, so a part is never longer than the provider counts it).
// A part ends at a sentence end whenever one fits: . ! ? (followed by a space or the end of the
// text, so "3.14" stays whole) and 。！？… (anywhere: Chinese puts no space after them), each with the
// closing quotes and brackets that follow it ("…!” she said" ends after ”). Sentences are packed greedily, so a part holds as many whole
// sentences as fit. Only a single sentence longer than the limit is cut inside: at its last clause
// mark (，、；：,;:) that fits, else at its last space, else (a run of characters with neither, e.g.
// 4,097 Chinese characters without punctuation) at the limit itself, between two characters.
// Parts are trimmed; empty text gives no parts. Pure, no allocation beyond the result.
[[nodiscard]] QStringList splitSpeechText(const QString& text, qsizetype limit = MaxSpeechInput);

} // namespace Storybook::Llm
