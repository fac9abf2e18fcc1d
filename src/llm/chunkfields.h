#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

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

// The same fields in UTF-8, as read straight from an event's bytes.
struct ChunkFieldsUtf8
{
    QByteArray model;
    QByteArray reasoning;
    QByteArray content;
    QByteArray finishReason;

    [[nodiscard]] ChunkFields decoded() const;
};

// The fields of a parsed chunk (the reference reading).
[[nodiscard]] ChunkFields chunkFieldsOf(const QJsonObject& chunk);

// The same fields read straight from the event's UTF-8 text, without decoding it or building a
// JSON document: a streamed answer is 100,000 small objects, and building each one costs far more
// than reading it. `out`'s buffers are reused, so a caller that keeps one allocates nothing per
// event. Returns false whenever the text is anything but a plain, valid JSON object in valid
// UTF-8 whose fields above have the usual types, or has an "error" member or a repeated member
// that matters; the caller then parses it with QJsonDocument (`out` is then unspecified). When it
// returns true, out->decoded() equals chunkFieldsOf(QJsonDocument::fromJson(json).object()) (the
// fuzz target fuzz_chunkfields checks).
[[nodiscard]] bool readChunkFields(QByteArrayView json, ChunkFieldsUtf8* out);

} // namespace Storybook::Llm
