#pragma once

#include "chatjob.h"
#include "llmclient.h"
#include "modelsjob.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace Storybook::Test {

inline const QString TestApiKey = QStringLiteral("sk-test-SECRETKEY-0123456789");

struct ChatOutcome
{
    Llm::LlmError error;
    Llm::ChatResult result;
    Llm::RequestInfo info;
    QStringList deltas;
    QList<int> retryDelays;
    qint64 wallMs = 0;
    bool finished = false;
};

// Lifecycle warnings from Qt (a reply or socket outliving its owner, timers on dead threads) fail
// the test that caused them.
inline void failOnLifecycleWarnings()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(
        "QObject|deleted|destroyed|Timers cannot|QSocketNotifier|QNetworkReply|QThread|Cannot (send|create)")));
}

inline Llm::ConnectionSettings directSettings(const QUrl& baseUrl)
{
    Llm::ConnectionSettings s;
    s.baseUrl = baseUrl;
    s.model = QStringLiteral("fake-small");
    s.apiKey = TestApiKey;
    s.proxy.mode = Llm::ProxySettings::Mode::None;
    s.connectTimeout = std::chrono::seconds(5);
    s.idleTimeout = std::chrono::seconds(5);
    s.retries = 2;
    return s;
}

inline Llm::ChatRequest simpleRequest(bool stream = true)
{
    Llm::ChatRequest request;
    request.messages = {{QStringLiteral("user"), QStringLiteral("Tell me a story")}};
    request.stream = stream;
    return request;
}

// Starts a chat and waits (bounded) for it to finish. `whileRunning` may act on the job.
inline ChatOutcome runChat(Llm::LlmClient& client, const Llm::ChatRequest& request, int timeoutMs = 20000,
                           const std::function<void(Llm::ChatJob*, const QString&)>& onDelta = {})
{
    ChatOutcome outcome;
    QElapsedTimer clock;
    clock.start();
    Llm::ChatJob* job = client.chat(request);
    QObject::connect(job, &Llm::ChatJob::contentDelta, job, [&outcome, job, onDelta](const QString& text) {
        outcome.deltas.append(text);
        if (onDelta)
            onDelta(job, text);
    });
    QObject::connect(job, &Llm::RequestJob::retrying, job,
                     [&outcome](int, int delayMs, const Llm::LlmError&) { outcome.retryDelays.append(delayMs); });
    QObject::connect(job, &Llm::RequestJob::finished, job, [&outcome, job, &clock] {
        outcome.error = job->error();
        outcome.result = job->result();
        outcome.info = job->info();
        outcome.wallMs = clock.elapsed();
        outcome.finished = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.finished, timeoutMs); }();
    return outcome;
}

struct ModelsOutcome
{
    Llm::LlmError error;
    QStringList models;
    Llm::RequestInfo info;
    bool finished = false;
};

inline ModelsOutcome runModels(Llm::LlmClient& client, int timeoutMs = 20000)
{
    ModelsOutcome outcome;
    Llm::ModelsJob* job = client.listModels();
    QObject::connect(job, &Llm::RequestJob::finished, job, [&outcome, job] {
        outcome.error = job->error();
        outcome.models = job->models();
        outcome.info = job->info();
        outcome.finished = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.finished, timeoutMs); }();
    return outcome;
}

} // namespace Storybook::Test
