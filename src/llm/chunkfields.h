#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace Storybook::Llm {

// What a chat-completion chunk (one streamed event, or a whole non-streamed answer) says, as far
// as the chat job is concerned: choices[0]'s delta (or message) content and reasoning, its legacy
// "text", its finish_reason, and the model. An "error" member is not covered: the job reads it
// from the whole object.
struct ChunkFields
{
    QString model;
    QString reasoning; // "reasoning_content", else "reasoning"
    QString content;   // a string, or the text of an array of parts; else the choice's "text"
    QString finishReason;

    friend bool operator==(const ChunkFields&, const ChunkFields&) = default;
};

// The fields of a parsed chunk (the reference reading).
[[nodiscard]] ChunkFields chunkFieldsOf(const QJsonObject& chunk);

// The same fields read straight from the event's text, without building a JSON document: a
// streamed answer is 100,000 small objects, and building each one costs far more than reading it.
// Returns nullopt whenever the text is anything but a plain, valid JSON object whose fields above
// have the usual types, or has an "error" member or a repeated member that matters; the caller
// then parses it with QJsonDocument. When it returns a value, the value equals
// chunkFieldsOf(QJsonDocument::fromJson(json).object()) (the fuzz target fuzz_chunkfields checks).
[[nodiscard]] std::optional<ChunkFields> readChunkFields(QStringView json);

} // namespace Storybook::Llm
