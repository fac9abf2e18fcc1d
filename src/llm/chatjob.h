#pragma once

#include "chunkfields.h"
#include "requestjob.h"
#include "sseparser.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Storybook::Llm {

struct ChatMessage
{
    QString role; // "system", "user", "assistant"
    QString content;
};

struct ChatRequest
{
    QList<ChatMessage> messages;
    QString model; // empty: the settings' model
    bool stream = true;
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    QJsonObject extra; // merged into the request body (e.g. "response_format")
};

struct ChatResult
{
    QString content;
    QString reasoning;    // reasoning_content (DeepSeek-style thinking), kept apart from the answer
    QString finishReason; // "stop", "length", "content_filter", ... or empty
    QString model;
    bool streamed = false; // false when the server answered plain JSON
    int malformedEvents = 0;
};

// A chat completion, streamed when possible. contentDelta() carries the answer as it arrives; on
// a failure result() still holds everything that arrived before it.
class ChatJob final : public RequestJob
{
    Q_OBJECT

public:
    ChatJob(LlmClient* client, const ChatRequest& request);

    [[nodiscard]] const ChatResult& result() const { return m_result; }
    [[nodiscard]] static QByteArray requestBody(const ChatRequest& request, const QString& defaultModel);

Q_SIGNALS:
    // New text since the last signal: all the deltas of one network read, joined (a fast server
    // sends dozens of events per read; one signal each would cost every listener that many updates).
    void contentDelta(const QString& text);
    void reasoningDelta(const QString& text);

protected:
    void handleBody(const QByteArray& bytes) override;
    LlmError handleEnd() override;

private:
    enum class Format { Unknown, Sse, Json };
    void handleEvent(const SseParser::Event& event);
    bool handleChunk(const QJsonObject& chunk);
    void applyFields(const ChunkFields& fields);
    void applyUtf8Fields();
    void takeUtf8Deltas();
    [[nodiscard]] LlmError endOfBody();
    void emitDeltas();
    [[nodiscard]] Format detectFormat(const QByteArray& firstBytes) const;

    ChatResult m_result;
    SseParser m_parser;
    QByteArray m_json; // whole body when the server answered plain JSON
    Format m_format = Format::Unknown;
    bool m_done = false;
    QString m_pendingContent; // deltas of the current read, not yet signalled
    QString m_pendingReasoning;
    ChunkFieldsUtf8 m_fields; // the last chunk read directly (its buffers are reused)
    QByteArray m_modelUtf8;
    QByteArray m_pendingContentUtf8; // read directly, not yet decoded (see takeUtf8Deltas())
    QByteArray m_pendingReasoningUtf8;
};

} // namespace Storybook::Llm
