#pragma once

#include "requestjob.h"

#include <QStringList>

namespace Storybook::Llm {

// GET {base}/models: the model ids the server offers, sorted.
class ModelsJob final : public RequestJob
{
    Q_OBJECT

public:
    explicit ModelsJob(LlmClient* client);
    [[nodiscard]] const QStringList& models() const { return m_models; }

protected:
    void handleBody(const QByteArray& bytes) override;
    LlmError handleEnd() override;

private:
    QByteArray m_body;
    QStringList m_models;
};

} // namespace Storybook::Llm
