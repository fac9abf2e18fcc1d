#pragma once

#include "llmerror.h"
#include "proxyresolver.h"
#include "redactor.h"

#include <QJsonObject>
#include <QNetworkReply>
#include <QSslError>
#include <QUrl>

#include <chrono>
#include <optional>

namespace Storybook::Llm {

// What was known when a request failed; turned into one LlmError with a message naming the culprit.
struct FailureContext
{
    QUrl url;
    EffectiveProxy proxy;
    QString model;
    QNetworkReply::NetworkError qtError = QNetworkReply::NoError;
    QString qtErrorString;
    int httpStatus = 0;
    QByteArray errorBody;  // the server's answer to a failed request (redacted before use)
    QList<QSslError> sslErrors;
    bool bodyStarted = false; // part of a successful answer had arrived
    int retryAfterSeconds = -1;
    // For failures through a proxy: whether a direct TCP connect to the proxy worked, with the reason
    // when it did not (see ProxyProbe). Unknown when not probed.
    std::optional<bool> proxyReachable;
    // A plain-HTTP request through an HTTP proxy got an error page the proxy wrote itself (see
    // isHttpProxyOwnPage()), not one the server or a gateway in front of it sent through the proxy.
    // tinyproxy, for one, answers a wrong password with 401 instead of 407.
    bool answeredByHttpProxy = false;
    QString proxyProblem;
    int proxyConnectStatus = 0; // the probe's CONNECT answer, for HTTP proxies
    QString proxySpeaks;        // the probe's finding: "SOCKS5" or "HTTP" (empty: unknown)
    bool proxyAuthFailed = false;   // the probe's SOCKS5 username/password exchange failed
    bool proxyWantsCredentials = false; // the probe's SOCKS5 proxy accepts no method without credentials
    int socks5Reply = -1;       // the probe's SOCKS5 CONNECT reply code (0 = tunnel open)
    bool proxySilent = false;   // the tunnel opened, but nothing came back through it in time
};

// Whether an error answer to a plain-HTTP request through an HTTP proxy was written by the proxy
// itself: a 407, Squid's X-Squid-Error, a Proxy-Agent header, or a Server header or reason phrase
// naming a proxy program. Anything else came from the server (or a gateway in front of it).
bool isHttpProxyOwnPage(int status, const QList<QPair<QByteArray, QByteArray>>& headers, const QString& reason);

// Builds the error for a kind with its translated message and hint. `what` fills the message's
// first placeholder (server, proxy, model...) and `extra` the second, where the text has one.
LlmError makeError(LlmError::Kind kind, const QString& what = {}, const QString& extra = {});

// Classifies a failed reply: proxy, DNS, TLS, HTTP status and so on.
LlmError describeFailure(const FailureContext& context, const Redactor& redactor);

// The server's own words from an error body ({"error":{"message":...}} and friends), shortened.
QString serverMessage(const QByteArray& body);

// Whether an error answer is a refusal by the provider's safety system or a lack of credit, read from
// its status, its error code or type, and (for safety) the words of its message.
enum class ApiRefusal { None, Safety, Credit };
ApiRefusal classifyRefusal(int httpStatus, const QByteArray& body);

// An {"error": ...} object inside a 200 answer (some gateways do this): a refusal, no credit, or the
// provider's own words; no error when the answer holds none.
LlmError errorInOkAnswer(const QJsonObject& root, const QByteArray& body, const QString& server, const Redactor& redactor);

// "host:port" of a URL, the way messages show a server.
QString serverName(const QUrl& url);

} // namespace Storybook::Llm
