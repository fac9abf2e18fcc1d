#pragma once

#include "errortexts.h"
#include "llmerror.h"
#include "proxyprobe.h"
#include "proxyresolver.h"
#include "redactor.h"

#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QHttpMultiPart;
class QNetworkAccessManager;
class QNetworkReply;

namespace Storybook::Llm {

class LlmClient;

// What a finished request can tell about the path it took; shown by diagnostics.
struct RequestInfo
{
    QUrl url;
    EffectiveProxy proxy;
    QString protocol;       // "HTTP/1.1" or "HTTP/2"
    int httpStatus = 0;
    int attempts = 0;
    qint64 elapsedMs = 0;   // from the first dispatch to the end
    qint64 firstByteMs = -1; // from the first dispatch to the first body byte
    bool encrypted = false;
};

// One HTTP exchange with the API: dispatch through the client's per-host limit, connect/idle/total
// timeouts that start at dispatch, retries with backoff while no answer body has arrived, redirects
// followed here (not by Qt) and vetted against the proxy rules, cancellation at any moment. Emits finished() exactly once and then
// deletes itself; read error()/info() (and the subclass's result) in the slot.
class RequestJob : public QObject
{
    Q_OBJECT

public:
    ~RequestJob() override;
    Q_DISABLE_COPY_MOVE(RequestJob)

    [[nodiscard]] const LlmError& error() const { return m_error; }
    [[nodiscard]] const RequestInfo& info() const { return m_info; }
    [[nodiscard]] bool isFinished() const { return m_finished; }

public Q_SLOTS:
    // Stops at once; finished() follows with a Cancelled error (unless already finished).
    void cancel();

Q_SIGNALS:
    void retrying(int attempt, int delayMs, const Storybook::Llm::LlmError& reason);
    void finished();

protected:
    RequestJob(LlmClient* client, QNetworkRequest request, QByteArray verb, QByteArray body);

    // The job's own limits, taken from the client's settings when it is made; a subclass may set its
    // own idle and total limits in its constructor (0 = none).
    struct Timeouts
    {
        std::chrono::milliseconds connect{0};
        std::chrono::milliseconds idle{0};
        std::chrono::milliseconds total{0};
    };
    [[nodiscard]] const Timeouts& timeouts() const { return m_timeouts; }
    void setIdleAndTotalTimeouts(std::chrono::milliseconds idle, std::chrono::milliseconds total);
    // The job ends with this error as soon as it starts, before anything is sent (a request that is
    // wrong in itself). Call in the constructor.
    void rejectBeforeStart(LlmError error);
    // A multipart body, built again for every attempt (Qt reads it once); the default is none and the
    // byte body is sent. The request's Content-Type must name the boundary the parts use.
    [[nodiscard]] virtual QHttpMultiPart* createMultiPart() const { return nullptr; }
    // Whether this failure may be retried (it is already known to be transient and no answer body came).
    [[nodiscard]] virtual bool mayRetry(const LlmError& error) const;
    // For requests that cost money (a picture, speech): whether the provider surely did not do the work
    // (no connection, connect timeout, 429, 502/503/504), never after a reset or a 500.
    [[nodiscard]] static bool surelyNotServed(const LlmError& error);
    // Lets a job word a failure for what it asked (a speech provider's key, voice or format); called
    // once with the classified error, before finished(). Not called for Cancelled.
    virtual void explainError(LlmError& error) const { Q_UNUSED(error) }
    // Called from handleEnd(): the job does not end yet; it ends with fail() or succeed() later (a
    // second request made on its behalf, say). The total timeout and cancel() still apply.
    void deferEnd();
    void succeed();

    // A successful (2xx) answer's body bytes, as they arrive.
    virtual void handleBody(const QByteArray& bytes) = 0;
    // The successful answer ended; return an error if its content was unusable.
    virtual LlmError handleEnd() = 0;
    // The content type of the successful answer, once known.
    [[nodiscard]] QByteArray contentType() const { return m_contentType; }
    // The successful answer's Content-Length, once known; -1 when it sent none.
    [[nodiscard]] qint64 contentLength() const { return m_contentLength; }
    // Ends the job with this error (e.g. an error event inside a stream).
    void fail(LlmError error);
    [[nodiscard]] const Redactor& redactor() const { return m_redactor; }
    [[nodiscard]] QString serverName() const;

private:
    friend class LlmClient;
    void begin();    // called by the client once the job may start
    void preflightSocks5();
    static void applyProbe(FailureContext& context, const ProxyProbe::Result& probe, bool plainThroughHttpProxy);
    void dispatch(); // called by the client when a per-host slot is free
    void abandon();  // the client is going away: drop the reply without any signal

    void onReadyRead();
    // Handles at most a turn's worth of what the reply has buffered; true when nothing is left.
    bool drain();
    void drainLater();
    void onMetaData();
    void onReplyFinished();
    bool followRedirect(int status, const QByteArray& location);
    void onTimeout(LlmError::Kind kind);
    void concludeFailure(const FailureContext& context);
    void connected();
    void dropReply();
    void finish(LlmError error);
    bool retryIfUseful(const LlmError& error);
    [[nodiscard]] QString hostKey() const;
    [[nodiscard]] static int parseRetryAfter(const QByteArray& value);

    QPointer<LlmClient> m_client;
    QNetworkRequest m_request;
    QByteArray m_verb;
    QByteArray m_body;
    std::shared_ptr<QNetworkAccessManager> m_manager; // the one the current reply belongs to
    QPointer<QNetworkReply> m_reply;
    Redactor m_redactor;
    QTimer m_connectTimer;
    QTimer m_idleTimer;
    QTimer m_totalTimer;
    QTimer m_backoffTimer;
    QElapsedTimer m_clock;
    QByteArray m_errorBody;
    QByteArray m_contentType;
    qint64 m_contentLength = -1;
    QList<QSslError> m_sslErrors;
    RequestInfo m_info;
    LlmError m_error;
    bool m_holdsSlot = false;
    bool m_bodyStarted = false;
    bool m_finished = false;
    bool m_redirectPending = false; // the next dispatch follows a redirect, not a retry
    bool m_drainScheduled = false;  // a backlog is being handled a turn at a time
    bool m_endAfterDrain = false;   // the reply finished while its backlog was still being handled
    bool m_endDeferred = false;     // handleEnd() asked to end later (see deferEnd())
    int m_redirects = 0;
    Timeouts m_timeouts;
    LlmError m_rejected; // see rejectBeforeStart()
};

} // namespace Storybook::Llm
