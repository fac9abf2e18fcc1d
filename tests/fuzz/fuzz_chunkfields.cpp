// Fuzz target for Llm::readChunkFields, the chat job's direct reader of a streamed chunk: whenever it
// gives an answer, QJsonDocument must read the same bytes as an object without an "error" member, and
// chunkFieldsOf() of that object must give the same fields. When it gives none, nothing is checked:
// the chat job then takes the QJsonDocument path itself.
#include "chunkfields.h"
#include "fuzzcheck.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

using Storybook::Llm::ChunkFieldsUtf8;
using Storybook::Llm::chunkFieldsOf;
using Storybook::Llm::readChunkFields;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    if (size > 64 * 1024)
        return -1;
    // As the chat job sees an event: the SSE parser's data, as sent, trimmed.
    const QByteArray data = QByteArray(reinterpret_cast<const char*>(bytes), qsizetype(size)).trimmed();
    // Twice into the same buffers, as the job reuses them: the second reading must not see the first.
    ChunkFieldsUtf8 fast;
    const bool direct = readChunkFields(data, &fast);
    ChunkFieldsUtf8 again = fast;
    again.content.append("stale");
    FUZZ_CHECK(readChunkFields(data, &again) == direct, "a second reading decided otherwise");
    if (!direct)
        return 0;
    FUZZ_CHECK(again.decoded() == fast.decoded(), "a reused buffer changed the reading");
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    FUZZ_CHECK(error.error == QJsonParseError::NoError && document.isObject(), "read a text QJsonDocument rejects");
    FUZZ_CHECK(!document.object().contains(QStringLiteral("error")), "read a chunk with an error member");
    FUZZ_CHECK(chunkFieldsOf(document.object()) == fast.decoded(), "read other fields than QJsonDocument");
    return 0;
}
