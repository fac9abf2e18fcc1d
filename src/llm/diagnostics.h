#pragma once

#include "llmerror.h"
#include "proxyprobe.h"
#include "voicesettings.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

class QAbstractSocket;

namespace Storybook::Llm {

class LlmClient;
class RequestJob;

struct DiagnosticStage
{
    enum class Status { Pending, Running, Ok, Failed, Skipped };

    QString name;  // stable: configuration, proxy, proxy-reachable, dns, connect, models, chat (or picture, voice)
    QString title; // translated
    Status status = Status::Pending;
    qint64 ms = 0;
    QString detail; // translated, plain language, redacted
    LlmError error;

    [[nodiscard]] static QString statusName(Status status); // ok, failed, skipped, pending, running
};

struct DiagnosticsReport
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Llm::DiagnosticsReport)

public:
    bool ok = false;
    QString effectiveProxy;
    QList<DiagnosticStage> stages;
    QString verdict; // one sentence
    QString hint;    // the fix

    // {"ok": bool, "effective_proxy": "...", "verdict": "...", "hint": "...", "stages": [...]}
    [[nodiscard]] QByteArray toJson() const;
    // Plain text for a support request (already free of secrets).
    [[nodiscard]] QString toText() const;
};

// The staged connection check: configuration, effective proxy, proxy reachable, DNS, TCP/TLS
// connect, GET /models and a one-token chat completion. It runs through the given client, so it
// uses exactly the proxy, TLS settings and manager that story requests use.
class Diagnostics final : public QObject
{
    Q_OBJECT

public:
    // Chat: the last stage is a one-token chat completion (Run checks). Picture: it paints one small
    // picture instead, through the picture provider's client; started on purpose only, since a picture
    // costs money (storybook-cli diagnose --picture, the settings' "Picture" check). Voice: it speaks
    // one short sentence through the speech provider's client with setVoice()'s voice, also on
    // purpose only (storybook-cli diagnose --voice).
    enum class Check { Chat, Picture, Voice };

    explicit Diagnostics(LlmClient* client, QObject* parent = nullptr, Check check = Check::Chat);
    ~Diagnostics() override;
    Q_DISABLE_COPY_MOVE(Diagnostics)

    // The voice, speed, style and format the Voice check speaks with (default: VoiceSettings' defaults).
    void setVoice(const VoiceSettings& voice) { m_voice = voice; }
    void start();
    void cancel();
    [[nodiscard]] const DiagnosticsReport& report() const { return m_report; }
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void stageChanged(int index, const Storybook::Llm::DiagnosticStage& stage);
    void finished(const Storybook::Llm::DiagnosticsReport& report);

private:
    void runStage(int index);
    void complete(DiagnosticStage::Status status, const QString& detail, const LlmError& error = {});
    void next();
    void finishAll();

    void checkConfiguration();
    void checkProxy();
    void checkProxyReachable();
    void checkDns();
    void checkConnect();
    void checkModels();
    void checkChat();
    void checkPicture();
    void checkVoice();
    // Makes the job the current stage's: a failure fails the stage, success completes it with okDetail().
    void finishStageWith(RequestJob* job, const std::function<QString()>& okDetail);
    void watchSocket(QAbstractSocket* socket, const std::function<void()>& onConnected,
                     const std::function<void(const QString&)>& onError);

    QPointer<LlmClient> m_client;
    DiagnosticsReport m_report;
    int m_current = -1;
    bool m_running = false;
    QElapsedTimer m_clock;
    QTimer m_stageTimeout;
    QPointer<QObject> m_pending; // socket or job of the current stage
    int m_lookupId = -1;
    bool m_modelListed = true;
    Check m_check = Check::Chat;
    VoiceSettings m_voice;
    std::optional<ProxyProbe::Result> m_proxyFinding; // what the proxy-reachable stage learned
};

} // namespace Storybook::Llm
