#pragma once

#include "llmerror.h"
#include "redactor.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUrl>

#include <optional>

namespace Storybook::Llm {

// What a picture provider's answer (to /images/generations or /images/edits) holds: the picture, an
// address to fetch it from, or why it is unusable.
struct ImageAnswer
{
    LlmError error;        // the answer is unusable (then nothing else is set)
    QByteArray bytes;      // the picture, a whole PNG, JPEG or WebP (when `url` is empty)
    QString mimeType;      // of `bytes`
    QString revisedPrompt; // what the provider painted from, when it rewrote the prompt
    QUrl url;              // the picture is at this address (data[].url, images[].url): fetch it
};

// Reads an answer: the picture bytes themselves (some local servers), or JSON with data[] or images[]
// holding b64_json, a url or a data: URL. Pure and thread-safe: ImageJob runs it on a worker thread,
// since a 1024×1024 picture is a 2 MB answer. The base64 text of a b64_json value is taken from the
// answer's bytes directly (never turned into a QString), its JSON escapes and line breaks dropped in
// one pass; only the rest of the answer goes through the JSON parser. `server` names the server in
// messages, `requestUrl` resolves a relative picture address, `redactor` keeps secrets out of errors.
[[nodiscard]] ImageAnswer readImageAnswer(const QByteArray& body, const QByteArray& contentType, const QString& server,
                                          const QUrl& requestUrl, const Redactor& redactor);

// Whether picture bytes are a whole PNG, JPEG or WebP; sets `mimeType` when they are. `from` names who
// sent them in the error.
[[nodiscard]] LlmError checkPictureBytes(const QByteArray& bytes, const QString& from, QString* mimeType);

// The base64 text inside a JSON string value, given as its raw bytes between the quotes: JSON escapes
// resolved (\/ and \u00XX), whitespace (literal or escaped: \n, \r, \t) dropped, in one pass. Nothing
// when an escape is malformed or stands for a character no base64 text holds.
[[nodiscard]] std::optional<QByteArray> base64FromJsonString(QByteArrayView raw);

} // namespace Storybook::Llm
