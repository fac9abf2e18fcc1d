#include "requestjob.h"

#include "llmclient.h"
#include "logging.h"
#include "proxyprobe.h"

#include <QDateTime>
#include <QHttpMultiPart>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Storybook::Llm {

namespace {
constexpr int MaxErrorBody = 64 * 1024;
constexpr int RetryAfterCapSeconds = 60;
constexpr int BackoffBaseMs = 500;
constexpr int BackoffCapMs = 20000;
constexpr int MaxRedirects = 5;
constexpr qint64 ReadBufferBytes = 256 * 1024;
constexpr qint64 ReadPieceBytes = 32 * 1024;
constexpr int PiecesPerTurn = 2;

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(a.scheme() == QLatin1String("https") ? 443 : 80)
                                                                       == b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

QString secondsText(std::chrono::milliseconds ms)
{
    const double seconds = double(ms.count()) / 1000.0;
    return QString::number(seconds, 'g', 4);
}
} // namespace

RequestJob::RequestJob(LlmClient* client, QNetworkRequest request, QByteArray verb, QByteArray body)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_verb(std::move(verb))
    , m_body(std::move(body))
    , m_redactor(QStringList{client->settings().apiKey, client->settings().proxy.password})
{
    m_info.url = m_request.url();
    m_timeouts.connect = client->settings().connectTimeout;
    m_timeouts.idle = client->settings().idleTimeout;
    m_timeouts.total = client->settings().totalTimeout;
    for (QTimer* timer : {&m_connectTimer, &m_idleTimer, &m_totalTimer, &m_backoffTimer})
        timer->setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] { onTimeout(LlmError::Kind::ConnectTimeout); });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { onTimeout(LlmError::Kind::IdleTimeout); });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] { onTimeout(LlmError::Kind::TotalTimeout); });
    connect(&m_backoffTimer, &QTimer::timeout, this, [this] {
        if (m_client)
            m_client->enqueue(this);
    });
}

RequestJob::~RequestJob()
{
    dropReply();
    if (m_client && m_holdsSlot)
        m_client->release(this);
}

QString RequestJob::serverName() const
{
    return Llm::serverName(m_info.url);
}

QString RequestJob::hostKey() const
{
    return m_request.url().scheme() + QStringLiteral("://") + Llm::serverName(m_request.url());
}

void RequestJob::setIdleAndTotalTimeouts(std::chrono::milliseconds idle, std::chrono::milliseconds total)
{
    m_timeouts.idle = idle;
    m_timeouts.total = total;
}

void RequestJob::rejectBeforeStart(LlmError error)
{
    m_rejected = std::move(error);
}

bool RequestJob::mayRetry(const LlmError&) const
{
    return true;
}

bool RequestJob::surelyNotServed(const LlmError& error)
{
    switch (error.kind) {
    case LlmError::Kind::ConnectTimeout:
    case LlmError::Kind::ConnectionRefused:
    case LlmError::Kind::ProxyUnreachable:
    case LlmError::Kind::RateLimited:
        return true;
    case LlmError::Kind::ServerError:
        return error.httpStatus == 502 || error.httpStatus == 503 || error.httpStatus == 504;
    default:
        return false;
    }
}

void RequestJob::deferEnd()
{
    m_endDeferred = true;
}

void RequestJob::succeed()
{
    finish({});
}

void RequestJob::begin()
{
    if (m_finished || !m_client)
        return;
    if (m_rejected.isError()) {
        finish(m_rejected);
        return;
    }
    m_info.proxy = m_client->effectiveProxy(m_request.url());
    if (m_info.proxy.error.isError()) {
        finish(m_info.proxy.error);
        return;
    }
    if (const LlmError problem = m_client->checkConfiguration(); problem.isError()) {
        finish(problem);
        return;
    }
    if (m_info.proxy.proxy.type() == QNetworkProxy::Socks5Proxy
        && m_client->proxyMemo().socks5Auth(m_info.proxy.hostPort()) == ProxyMemo::Socks5Auth::Unknown) {
        preflightSocks5();
        return;
    }
    m_client->enqueue(this);
}

void RequestJob::preflightSocks5()
{
    // Qt offers a SOCKS5 proxy one method only: username/password when credentials are set, so a proxy
    // that needs none (Dante without auth, the SOCKS5 port of a shadowsocks or Clash client) refuses.
    // Once per proxy, ask it the way curl does (both methods) and hand Qt what the proxy chose. The
    // greeting also shows an HTTP proxy set as SOCKS5, at once instead of after the connect timeout.
    const auto timeout = std::min(m_timeouts.connect.count() > 0 ? m_timeouts.connect : std::chrono::milliseconds(10000),
                                  std::chrono::milliseconds(10000));
    new ProxyProbe(m_info.proxy, QString(), timeout, [this](const ProxyProbe::Result& probe) {
        if (m_finished || !m_client)
            return;
        const QString hostPort = m_info.proxy.hostPort();
        if (probe.speaks == QLatin1String("HTTP")) {
            LlmError error = makeError(LlmError::Kind::ProxyWrongType, hostPort, probe.speaks);
            error.detail = QStringLiteral("the SOCKS5 proxy %1 answers a SOCKS5 greeting like an HTTP proxy").arg(m_info.proxy.display);
            finish(error);
            return;
        }
        if (probe.socks5Method == 0)
            m_client->proxyMemo().setSocks5Auth(hostPort, ProxyMemo::Socks5Auth::NoneNeeded);
        else if (probe.socks5Method == 2)
            m_client->proxyMemo().setSocks5Auth(hostPort, ProxyMemo::Socks5Auth::Password);
        if (probe.socks5Method == 0 && !m_info.proxy.user.isEmpty())
            qCInfo(lcLlm).noquote() << "the SOCKS5 proxy" << hostPort << "needs no authentication; the credentials are not used";
        m_info.proxy = m_client->effectiveProxy(m_info.url);
        m_client->enqueue(this);
    }, this);
}

void RequestJob::dispatch()
{
    if (m_finished || !m_client)
        return;
    m_holdsSlot = true;
    if (!std::exchange(m_redirectPending, false))
        ++m_info.attempts;
    if (!m_clock.isValid()) {
        m_clock.start();
        if (m_timeouts.total.count() > 0)
            m_totalTimer.start(m_timeouts.total);
    }
    m_errorBody.clear();
    m_contentType.clear();
    m_contentLength = -1;
    m_sslErrors.clear();

    qCInfo(lcLlm).noquote() << m_verb << displayUrl(m_request.url()) << "attempt" << m_info.attempts << "via"
                            << m_info.proxy.summary();
    // Plain http through an HTTP proxy: the proxy reads this header of the request itself (never set
    // for https, where the request goes through the tunnel to the server).
    const bool plainThroughHttpProxy = m_info.proxy.proxy.type() == QNetworkProxy::HttpProxy
                                       && m_request.url().scheme() == QLatin1String("http");
    m_request.setRawHeader("Proxy-Authorization", plainThroughHttpProxy ? m_info.proxy.proxy.rawHeader("Proxy-Authorization")
                                                                        : QByteArray());
    m_manager = m_client->manager();
    QHttpMultiPart* multiPart = m_verb == "GET" ? nullptr : createMultiPart();
    QNetworkReply* reply = multiPart ? m_manager->sendCustomRequest(m_request, m_verb, multiPart)
                                     : m_manager->sendCustomRequest(m_request, m_verb, m_body);
    if (multiPart)
        multiPart->setParent(reply); // read by the reply until it ends, deleted with it
    // A bounded read-ahead for the reply. Qt's HTTP thread may still take more from the socket, so
    // drain() is what keeps memory and event-loop time per turn bounded.
    reply->setReadBufferSize(ReadBufferBytes);
    m_reply = reply;
    if (m_timeouts.connect.count() > 0)
        m_connectTimer.start(m_timeouts.connect);

    connect(reply, &QNetworkReply::readyRead, this, &RequestJob::onReadyRead);
    connect(reply, &QNetworkReply::metaDataChanged, this, &RequestJob::onMetaData);
    connect(reply, &QNetworkReply::finished, this, &RequestJob::onReplyFinished);
    connect(reply, &QNetworkReply::requestSent, this, &RequestJob::connected);
    connect(reply, &QNetworkReply::encrypted, this, [this] {
        m_info.encrypted = true;
        connected();
    });
    connect(reply, &QNetworkReply::socketStartedConnecting, this,
            [] { qCDebug(lcLlm) << "socket started connecting"; });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        // Never ignored: the errors only make the failure message precise.
        m_sslErrors.append(errors);
    });
}

void RequestJob::connected()
{
    if (!m_connectTimer.isActive())
        return;
    m_connectTimer.stop();
    if (m_timeouts.idle.count() > 0)
        m_idleTimer.start(m_timeouts.idle);
}

void RequestJob::onMetaData()
{
    connected();
    if (!m_reply)
        return;
    m_info.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    m_contentLength = length.isValid() ? length.toLongLong() : -1;
    m_info.protocol = m_reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool() ? QStringLiteral("HTTP/2")
                                                                                           : QStringLiteral("HTTP/1.1");
}

void RequestJob::onReadyRead()
{
    if (!m_reply)
        return;
    connected();
    if (m_timeouts.idle.count() > 0)
        m_idleTimer.start(m_timeouts.idle); // every byte restarts the idle clock
    if (m_info.httpStatus == 0)
        onMetaData();
    if (!drain())
        drainLater();
}

bool RequestJob::drain()
{
    // In pieces, a turn's worth at a time: what a fast server sent while we were busy neither piles
    // up as decoded events in memory nor holds the event loop (the window stays responsive).
    const bool success = m_info.httpStatus >= 200 && m_info.httpStatus < 300;
    for (int piece = 0; piece < PiecesPerTurn; ++piece) {
        if (!m_reply || isFinished())
            return true;
        if (m_reply->bytesAvailable() <= 0)
            return true;
        const QByteArray bytes = m_reply->read(ReadPieceBytes);
        if (bytes.isEmpty())
            return true;
        if (!success) {
            if (m_errorBody.size() < MaxErrorBody)
                m_errorBody.append(bytes.left(MaxErrorBody - m_errorBody.size()));
            continue;
        }
        if (!m_bodyStarted) {
            m_bodyStarted = true;
            m_info.firstByteMs = m_clock.elapsed();
        }
        handleBody(bytes);
    }
    if (m_idleTimer.isActive())
        m_idleTimer.start(); // the answer is still flowing, from the backlog
    return !m_reply || isFinished() || m_reply->bytesAvailable() <= 0;
}

void RequestJob::drainLater()
{
    if (m_drainScheduled)
        return;
    m_drainScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_drainScheduled = false;
        if (!drain())
            drainLater();
        else if (std::exchange(m_endAfterDrain, false))
            onReplyFinished();
    });
}

bool RequestJob::followRedirect(int status, const QByteArray& location)
{
    // Qt's own redirect following can re-send the original request on a kept-alive connection (seen
    // with Qt 6.4 under load), so redirects are followed here, each one as a fresh request.
    if (!m_client)
        return false;
    const QUrl from = m_info.url;
    const QUrl url = from.resolved(QUrl::fromEncoded(location.trimmed()));
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        finish(makeError(LlmError::Kind::MalformedResponse, serverName(),
                         LlmError::tr("it redirected to an address that is not a web address")));
        return true;
    }
    if (from.scheme() == QLatin1String("https") && url.scheme() != QLatin1String("https")) {
        finish(makeError(LlmError::Kind::MalformedResponse, serverName(),
                         LlmError::tr("it redirected a secure request to an insecure address")));
        return true;
    }
    if (++m_redirects > MaxRedirects) {
        finish(makeError(LlmError::Kind::MalformedResponse, serverName(),
                         LlmError::tr("it redirected more than %n time(s)", nullptr, MaxRedirects)));
        return true;
    }
    const EffectiveProxy proxy = m_client->effectiveProxy(url);
    if (proxy.error.isError()) {
        finish(proxy.error);
        return true;
    }
    qCInfo(lcLlm).noquote() << "redirected" << status << "to" << displayUrl(url) << "via" << proxy.summary();
    if (m_holdsSlot) { // the slot belongs to the old host
        m_holdsSlot = false;
        m_client->release(this);
    }
    if (!sameOrigin(from, url) && m_request.hasRawHeader("Authorization")) {
        // Like curl: the API key is for the server the user named, not for wherever it points.
        qCInfo(lcLlm).noquote() << "the API key is not sent to the other server" << Llm::serverName(url);
        m_request.setRawHeader("Authorization", QByteArray());
    }
    if (status == 303) { // "see other": fetch it, do not post again
        m_verb = QByteArrayLiteral("GET");
        m_body.clear();
        m_request.setHeader(QNetworkRequest::ContentTypeHeader, QVariant());
    }
    m_request.setUrl(url);
    m_client->applyTls(m_request); // an http address may send us on to an https one
    m_info.url = url;
    m_info.proxy = proxy;
    m_info.httpStatus = 0;
    m_redirectPending = true;
    m_client->enqueue(this);
    return true;
}

void RequestJob::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    // Whatever is still buffered belongs to the answer: handled first, a turn at a time.
    if (m_drainScheduled || (reply->bytesAvailable() > 0 && !drain())) {
        m_endAfterDrain = true;
        drainLater();
        return;
    }
    if (m_finished)
        return;
    onMetaData();
    m_connectTimer.stop();
    m_idleTimer.stop();
    const QNetworkReply::NetworkError qtError = reply->error();
    const QString qtErrorString = reply->errorString();
    const QByteArray retryAfter = reply->rawHeader("Retry-After");
    const QByteArray redirectTarget = reply->rawHeader("Location");
    const bool plainThroughHttpProxy = m_info.proxy.proxy.type() == QNetworkProxy::HttpProxy
                                       && m_info.url.scheme() == QLatin1String("http");
    const bool proxyOwnPage = plainThroughHttpProxy
                              && isHttpProxyOwnPage(m_info.httpStatus, reply->rawHeaderPairs(),
                                                    reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    dropReply();

    const int status = m_info.httpStatus;
    if (status >= 200 && status < 300 && qtError == QNetworkReply::NoError) {
        LlmError result = handleEnd();
        if (std::exchange(m_endDeferred, false) && !result.isError() && !m_finished) {
            // The subclass ends the job later; until then the slot belongs to nobody (the follow-up
            // request may need it, for the same host).
            if (m_client && m_holdsSlot) {
                m_holdsSlot = false;
                m_client->release(this);
            }
            return;
        }
        finish(std::move(result));
        return;
    }
    if (isRedirectStatus(status) && !redirectTarget.isEmpty() && followRedirect(status, redirectTarget))
        return;
    FailureContext context;
    context.url = m_info.url;
    context.proxy = m_info.proxy;
    context.model = m_client ? m_client->settings().model : QString();
    context.qtError = qtError;
    context.qtErrorString = qtErrorString;
    context.httpStatus = status >= 400 ? status : 0;
    context.errorBody = m_errorBody;
    context.sslErrors = m_sslErrors;
    context.bodyStarted = m_bodyStarted;
    context.retryAfterSeconds = parseRetryAfter(retryAfter);
    context.answeredByHttpProxy = proxyOwnPage;
    const bool ambiguous = !m_info.proxy.isDirect() && context.httpStatus == 0
                           && qtError != QNetworkReply::SslHandshakeFailedError
                           && qtError != QNetworkReply::OperationCanceledError && !m_bodyStarted;
    if (!ambiguous) {
        concludeFailure(context);
        return;
    }
    // Through a proxy Qt's codes do not tell who failed: ask the proxy directly, then decide.
    const auto timeout = std::min(m_timeouts.connect.count() > 0 ? m_timeouts.connect : std::chrono::milliseconds(10000),
                                  std::chrono::milliseconds(10000));
    const QString tunnel = Llm::serverName(m_info.url);
    new ProxyProbe(m_info.proxy, tunnel, timeout, [this, context, plainThroughHttpProxy](const ProxyProbe::Result& probe) mutable {
        if (m_finished || !m_client)
            return;
        const QString hostPort = m_info.proxy.hostPort();
        if (probe.connectStatus == 407 && !probe.basicOffered && !m_info.proxy.user.isEmpty()
            && !m_client->proxyMemo().challengeOnly(hostPort)) {
            // The proxy wants Digest, NTLM or Negotiate: leave the credentials to Qt's challenge-response.
            qCInfo(lcLlm).noquote() << "the HTTP proxy" << hostPort << "does not take Basic credentials; answering its challenge instead";
            m_client->proxyMemo().setChallengeOnly(hostPort);
            m_info.proxy = m_client->effectiveProxy(m_info.url);
            m_client->enqueue(this);
            return;
        }
        applyProbe(context, probe, plainThroughHttpProxy);
        concludeFailure(context);
    }, this);
}

void RequestJob::applyProbe(FailureContext& context, const ProxyProbe::Result& probe, bool plainThroughHttpProxy)
{
    context.proxyReachable = probe.reachable;
    context.proxyProblem = probe.why;
    context.proxySpeaks = probe.speaks;
    // For plain http the CONNECT was only a question to the proxy: a refusal to tunnel to port 80 (Squid's
    // default) says nothing about the request itself. Its credentials verdict still holds.
    context.proxyConnectStatus = !plainThroughHttpProxy || probe.connectStatus == 407 ? probe.connectStatus : 0;
    context.proxyAuthFailed = probe.authFailed;
    context.proxyWantsCredentials = probe.socks5Method == 255;
    context.socks5Reply = probe.socks5Reply;
}

void RequestJob::concludeFailure(const FailureContext& context)
{
    if (m_finished)
        return;
    const LlmError error = describeFailure(context, m_redactor);
    if (retryIfUseful(error))
        return;
    finish(error);
}

bool RequestJob::retryIfUseful(const LlmError& error)
{
    if (!m_client || m_bodyStarted || !error.isTransient() || m_info.attempts > m_client->settings().retries
        || !mayRetry(error))
        return false;
    if (error.retryAfterSeconds > RetryAfterCapSeconds)
        return false; // the server asks for a longer wait than a person should sit through: say so instead
    int delayMs = 0;
    if (error.retryAfterSeconds >= 0) {
        delayMs = error.retryAfterSeconds * 1000;
    } else {
        const double base = BackoffBaseMs * std::pow(2.0, m_info.attempts - 1);
        const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
        delayMs = int(std::min<double>(BackoffCapMs, base * jitter));
    }
    qCInfo(lcLlm).noquote() << "retrying in" << delayMs << "ms after:" << error.message;
    if (m_holdsSlot) {
        m_holdsSlot = false;
        m_client->release(this);
    }
    Q_EMIT retrying(m_info.attempts, delayMs, error);
    m_backoffTimer.start(delayMs);
    return true;
}

int RequestJob::parseRetryAfter(const QByteArray& value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return std::max(0, seconds);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
}

void RequestJob::onTimeout(LlmError::Kind kind)
{
    if (m_finished || !m_client)
        return;
    const std::chrono::milliseconds limit = kind == LlmError::Kind::ConnectTimeout ? m_timeouts.connect
                                            : kind == LlmError::Kind::IdleTimeout  ? m_timeouts.idle
                                                                                   : m_timeouts.total;
    QString target = serverName();
    if (kind == LlmError::Kind::ConnectTimeout && !m_info.proxy.isDirect())
        target = LlmError::tr("%1 through %2 proxy %3").arg(target, m_info.proxy.kindName(), m_info.proxy.hostPort());
    LlmError error = makeError(kind, target, secondsText(limit));
    error.detail = QStringLiteral("%1 after %2 ms, attempt %3").arg(LlmError::kindName(kind)).arg(m_clock.elapsed()).arg(m_info.attempts);
    if (kind == LlmError::Kind::ConnectTimeout && !m_info.proxy.isDirect() && !m_bodyStarted) {
        // Through a proxy, ask it what happened: a tunnel that opens but never carries an answer means
        // the proxy's own way onward (its server, key or subscription) is broken, and no retry helps.
        dropReply();
        FailureContext context;
        context.url = m_info.url;
        context.proxy = m_info.proxy;
        context.qtError = QNetworkReply::TimeoutError;
        context.qtErrorString = error.detail;
        const bool plainThroughHttpProxy = m_info.proxy.proxy.type() == QNetworkProxy::HttpProxy
                                           && m_info.url.scheme() == QLatin1String("http");
        new ProxyProbe(m_info.proxy, Llm::serverName(m_info.url), std::min(limit, std::chrono::milliseconds(10000)),
                       [this, context, error, plainThroughHttpProxy](const ProxyProbe::Result& probe) mutable {
            if (m_finished || !m_client)
                return;
            applyProbe(context, probe, plainThroughHttpProxy);
            context.proxySilent = probe.tunnelOpen;
            const LlmError found = describeFailure(context, m_redactor);
            if (found.kind != LlmError::Kind::NetworkOther) { // the probe named the culprit
                finish(found);
                return;
            }
            if (!retryIfUseful(error))
                finish(error);
        }, this);
        return;
    }
    if (kind == LlmError::Kind::ConnectTimeout && retryIfUseful(error)) {
        dropReply();
        return;
    }
    finish(error);
}

void RequestJob::fail(LlmError error)
{
    finish(std::move(error));
}

void RequestJob::cancel()
{
    finish(makeError(LlmError::Kind::Cancelled));
}

void RequestJob::dropReply()
{
    if (QNetworkReply* reply = m_reply) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
}

void RequestJob::abandon()
{
    m_finished = true;
    for (QTimer* timer : {&m_connectTimer, &m_idleTimer, &m_totalTimer, &m_backoffTimer})
        timer->stop();
    if (QNetworkReply* reply = m_reply) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        delete reply;
    }
}

void RequestJob::finish(LlmError error)
{
    if (m_finished)
        return;
    m_finished = true;
    for (QTimer* timer : {&m_connectTimer, &m_idleTimer, &m_totalTimer, &m_backoffTimer})
        timer->stop();
    dropReply();
    if (m_client && m_holdsSlot) {
        m_holdsSlot = false;
        m_client->release(this);
    }
    m_info.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_error = std::move(error);
    if (m_error.isError() && m_error.kind != LlmError::Kind::Cancelled)
        explainError(m_error);
    if (m_error.isError())
        qCWarning(lcLlm).noquote() << LlmError::categoryName(m_error.category()) << LlmError::kindName(m_error.kind)
                                   << m_error.message << (m_error.detail.isEmpty() ? QString() : u'(' + m_error.detail + u')');
    else
        qCInfo(lcLlm).noquote() << "done" << displayUrl(m_info.url) << m_info.protocol << "in" << m_info.elapsedMs << "ms";
    Q_EMIT finished();
    deleteLater();
}

} // namespace Storybook::Llm
