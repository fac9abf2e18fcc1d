#pragma once

#include "requestjob.h"

#include <QStringList>

namespace Storybook::Llm {

// What a moderation endpoint said about a text.
struct ModerationResult
{
    bool flagged = false;
    QStringList categories; // the categories it flagged ("violence", "sexual", ...), sorted
};

// POST {base}/moderations (OpenAI-compatible): {"input": text} → results[0].flagged and its categories.
// No model is sent: the provider uses its default moderation model (a chat model's name would be refused).
// The text checked is never logged; an answer without results is a MalformedResponse.
class ModerationJob final : public RequestJob
{
    Q_OBJECT

public:
    ModerationJob(LlmClient* client, const QString& input);
    [[nodiscard]] const ModerationResult& result() const { return m_result; }

protected:
    void handleBody(const QByteArray& bytes) override;
    LlmError handleEnd() override;

private:
    QByteArray m_body;
    ModerationResult m_result;
};

} // namespace Storybook::Llm
