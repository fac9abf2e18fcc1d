#include "errortexts.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Storybook::Llm {

using Kind = LlmError::Kind;

namespace {
constexpr qsizetype MaxServerMessage = 300;

QString proxyName(const EffectiveProxy& proxy)
{
    //: %1 is SOCKS5 or HTTP, %2 is host:port, e.g. "the SOCKS5 proxy 127.0.0.1:1080"
    return LlmError::tr("the %1 proxy %2").arg(proxy.kindName(), proxy.hostPort());
}

bool isProxyError(QNetworkReply::NetworkError error)
{
    return error >= QNetworkReply::ProxyConnectionRefusedError && error < QNetworkReply::ContentAccessDenied;
}
} // namespace

ApiRefusal classifyRefusal(int httpStatus, const QByteArray& body)
{
    // The codes providers use (OpenAI: content_policy_violation for DALL-E, moderation_blocked for the
    // gpt-image models, insufficient_quota; Zhipu: 1301 unsafe content, 1113 account in arrears;
    // gateways in front of SiliconFlow and others: sensitive_words_detected, prompt_blocked; Volcano
    // Engine: *SensitiveContentDetected), then words of their messages as a last resort.
    QString code;
    QString type;
    QString message;
    if (const QJsonDocument doc = QJsonDocument::fromJson(body); doc.isObject()) {
        const QJsonObject root = doc.object();
        const QJsonObject error = root.value(QLatin1String("error")).toObject();
        const QJsonObject source = error.isEmpty() ? root : error;
        const QJsonValue codeValue = source.value(QLatin1String("code"));
        code = codeValue.isDouble() ? QString::number(codeValue.toInteger()) : codeValue.toString();
        type = source.value(QLatin1String("type")).toString();
        message = source.value(QLatin1String("message")).toString();
        if (message.isEmpty() && root.value(QLatin1String("error")).isString())
            message = root.value(QLatin1String("error")).toString();
    } else if (!body.trimmed().startsWith('<')) {
        message = QString::fromUtf8(body.left(2048));
    }
    static const QStringList creditCodes{QStringLiteral("insufficient_quota"), QStringLiteral("billing_hard_limit_reached"),
                                         QStringLiteral("insufficient_user_quota"), QStringLiteral("insufficient_balance"),
                                         QStringLiteral("1113")};
    static const QStringList safetyCodes{QStringLiteral("content_policy_violation"), QStringLiteral("moderation_blocked"),
                                         QStringLiteral("content_filter"), QStringLiteral("1301"),
                                         QStringLiteral("sensitive_words_detected"), QStringLiteral("prompt_blocked"),
                                         QStringLiteral("image_generation_user_error")};
    if (httpStatus == 402 || creditCodes.contains(code) || creditCodes.contains(type))
        return ApiRefusal::Credit;
    if (httpStatus != 400 && httpStatus != 403 && httpStatus != 422 && httpStatus != 200)
        return ApiRefusal::None;
    if (safetyCodes.contains(code) || safetyCodes.contains(type) || code.endsWith(QLatin1String("SensitiveContentDetected")))
        return ApiRefusal::Safety;
    static const QStringList safetyWords{QStringLiteral("safety system"), QStringLiteral("content policy"),
                                         QStringLiteral("content_policy"), QStringLiteral("moderation"),
                                         QStringLiteral("sensitive content"), QStringLiteral("inappropriate content"),
                                         QStringLiteral("unsafe content"), QStringLiteral("nsfw"),
                                         QStringLiteral("敏感"), QStringLiteral("不安全")};
    const QString lower = message.toLower();
    for (const QString& word : safetyWords) {
        if (lower.contains(word))
            return ApiRefusal::Safety;
    }
    return ApiRefusal::None;
}

QString serverName(const QUrl& url)
{
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    const QString host = url.host().contains(u':') ? u'[' + url.host() + u']' : url.host();
    return host + u':' + QString::number(port);
}

QString serverMessage(const QByteArray& body)
{
    QString text;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject root = doc.object();
        const QJsonValue error = root.value(QLatin1String("error"));
        if (error.isObject())
            text = error.toObject().value(QLatin1String("message")).toString();
        else if (error.isString())
            text = error.toString();
        if (text.isEmpty())
            text = root.value(QLatin1String("message")).toString();
        if (text.isEmpty())
            text = root.value(QLatin1String("detail")).toString();
    }
    if (text.isEmpty() && !body.trimmed().startsWith('<'))
        text = QString::fromUtf8(body).simplified();
    if (text.size() > MaxServerMessage)
        text = text.left(MaxServerMessage) + QStringLiteral("…");
    return text;
}

LlmError makeError(Kind kind, const QString& what, const QString& extra)
{
    LlmError e;
    e.kind = kind;
    const auto set = [&e](const QString& message, const QString& hint) {
        e.message = message;
        e.hint = hint;
    };
    switch (kind) {
    case Kind::None:
        break;
    case Kind::InvalidOption:
        set(what, extra);
        break;
    case Kind::InvalidBaseUrl:
        set(LlmError::tr("The server address “%1” is not a valid http:// or https:// address.").arg(what),
            LlmError::tr("Enter the provider's API address, for example https://api.openai.com/v1, in Settings → Provider."));
        break;
    case Kind::MissingModel:
        set(LlmError::tr("No model is selected."),
            LlmError::tr("Choose a model in Settings → Provider (the list is filled from the server)."));
        break;
    case Kind::InvalidProxy:
        set(LlmError::tr("The proxy setting is not valid: %1").arg(what),
            LlmError::tr("Correct the proxy in Settings → Network."));
        break;
    case Kind::UnsupportedProxy:
        set(LlmError::tr("The proxy “%1” is of a type Interactive Storybook cannot use.").arg(what),
            LlmError::tr("Use an http://, socks5:// or socks5h:// proxy, or choose one in Settings → Network."));
        break;
    case Kind::CaBundleUnreadable:
        set(LlmError::tr("The CA certificate file “%1” could not be read or holds no PEM certificate.").arg(what),
            LlmError::tr("Choose a PEM file with your organisation's CA certificate in Settings → Network, or clear the field."));
        break;
    case Kind::ProxyUnreachable:
        set(LlmError::tr("Cannot reach %1: %2.").arg(what, extra),
            LlmError::tr("Check that the proxy program is running and that its host and port are right in Settings → Network, or turn the proxy off."));
        break;
    case Kind::ProxyAuthentication:
        set(LlmError::tr("%1 rejected the username or password.").arg(what),
            LlmError::tr("Check the proxy username and password in Settings → Network."));
        break;
    case Kind::ProxyCredentialsMissing:
        set(LlmError::tr("%1 asks for a username and password, and none was given.").arg(what),
            LlmError::tr("Enter the proxy username and password in Settings → Network (storybook-cli: "
                         "--proxy http://USER@HOST:PORT with the password in STORYBOOK_PROXY_PASSWORD)."));
        break;
    case Kind::ProxyDenied:
        set(LlmError::tr("%1 does not allow connections to %2: its rules refuse this server or port.").arg(what, extra),
            LlmError::tr("The proxy's administrator decides which servers and ports may be reached: ask them to allow %1, "
                         "or use another proxy.").arg(extra));
        break;
    case Kind::ProxyRefusedTarget:
        set(LlmError::tr("%1 works, but could not connect to the server %2.").arg(what, extra),
            LlmError::tr("Check the server address, and whether the proxy may reach it (some proxies allow only certain sites or ports)."));
        break;
    case Kind::ProxyProtocol:
        set(LlmError::tr("%1 did not answer like a proxy of that type (%2).").arg(what, extra),
            LlmError::tr("Check the proxy type (HTTP or SOCKS5) and the port in Settings → Network."));
        break;
    case Kind::ProxyWrongType:
        set(extra == QLatin1String("SOCKS5") ? LlmError::tr("%1 is a SOCKS5 proxy: choose SOCKS5.").arg(what)
                                             : LlmError::tr("%1 is an HTTP proxy: choose HTTP.").arg(what),
            LlmError::tr("Set the proxy type to %1 in Settings → Network (as an address: %2).")
                .arg(extra, extra == QLatin1String("SOCKS5") ? QStringLiteral("socks5h://") + what
                                                             : QStringLiteral("http://") + what));
        break;
    case Kind::ProxySilent:
        set(LlmError::tr("%1 accepted the connection, but nothing came back through it from %2.").arg(what, extra),
            LlmError::tr("The proxy's own connection is the likely cause: check its server, key or subscription (for a "
                         "shadowsocks, V2Ray or Clash client, whether it reaches its server), or try another proxy."));
        break;
    case Kind::HostNotFound:
        set(LlmError::tr("The server name “%1” could not be found (DNS lookup failed).").arg(what),
            LlmError::tr("Check the server address and the internet connection. If a proxy is needed to reach it, set one in Settings → Network."));
        break;
    case Kind::ConnectionRefused:
        set(LlmError::tr("The server %1 refused the connection.").arg(what),
            LlmError::tr("Check the server address and port. For a local server (Ollama, LM Studio, llama.cpp), make sure it is running."));
        break;
    case Kind::ConnectionReset:
        set(extra.isEmpty() ? LlmError::tr("The connection to %1 was closed unexpectedly.").arg(what)
                            : LlmError::tr("The connection to %1 was cut off in the middle of the answer.").arg(what),
            LlmError::tr("Try again. If it keeps happening, a proxy or firewall may be cutting the connection."));
        break;
    case Kind::TlsHandshake:
        set(LlmError::tr("The secure connection (TLS) to %1 could not be set up: %2").arg(what, extra),
            LlmError::tr("Check that the address uses the right scheme (https:// or http://) and port."));
        break;
    case Kind::TlsCertificate:
        set(LlmError::tr("The certificate of %1 is not trusted: %2").arg(what, extra),
            LlmError::tr("If your network inspects HTTPS (a company proxy), add its CA certificate (PEM) in Settings → Network. Otherwise check the computer's date and time."));
        break;
    case Kind::NetworkOther:
        set(LlmError::tr("A network error occurred while talking to %1: %2").arg(what, extra),
            LlmError::tr("Check the internet connection and try again."));
        break;
    case Kind::Unauthorized:
        set(LlmError::tr("The server %1 rejected the API key: %2").arg(what, extra),
            LlmError::tr("Check the API key in Settings → Provider. A key works only with the provider that issued it."));
        break;
    case Kind::Forbidden:
        set(LlmError::tr("The API key may not use this (HTTP 403): %1").arg(what),
            LlmError::tr("Check that the account has access to this model and has credit left."));
        break;
    case Kind::ModelNotFound:
        set(LlmError::tr("The model “%1” does not exist on this server: %2").arg(what, extra),
            LlmError::tr("Choose a model from the list in Settings → Provider."));
        break;
    case Kind::NotFound:
        set(LlmError::tr("The address %1 does not exist on the server (HTTP 404).").arg(what),
            LlmError::tr("Check the base URL in Settings → Provider; it usually ends in /v1."));
        break;
    case Kind::RateLimited:
        set(LlmError::tr("The server asks to slow down or the quota is used up (HTTP 429): %1").arg(what),
            LlmError::tr("Wait a minute and try again, or check the plan's limits with the provider."));
        break;
    case Kind::ServerError:
        set(LlmError::tr("The server had a problem (HTTP %1): %2").arg(what, extra),
            LlmError::tr("This is on the provider's side. Try again in a few minutes."));
        break;
    case Kind::HttpError:
        set(LlmError::tr("The server answered with an error (HTTP %1): %2").arg(what, extra),
            LlmError::tr("Check the base URL and the model in Settings → Provider."));
        break;
    case Kind::StreamError:
        set(LlmError::tr("The model stopped with an error: %1").arg(what),
            LlmError::tr("Try again. If it happens again, try another model."));
        break;
    case Kind::ContentRefused:
        set(LlmError::tr("The provider's safety system refused this request: %1").arg(what),
            LlmError::tr("Nothing is wrong with the connection or the key. Describe the scene in gentler words, or "
                         "choose another art style, and try again."));
        break;
    case Kind::OutOfCredit:
        set(LlmError::tr("The account at %1 has no credit left: %2").arg(what, extra),
            LlmError::tr("Add credit or check the plan with the provider, then try again."));
        break;
    case Kind::ConnectTimeout:
        set(LlmError::tr("Connecting to %1 took longer than %2 seconds.").arg(what, extra),
            LlmError::tr("Check the network and the proxy. The connection timeout can be raised in Settings → Network → Advanced."));
        break;
    case Kind::IdleTimeout:
        set(LlmError::tr("The server %1 sent nothing for %2 seconds.").arg(what, extra),
            LlmError::tr("The model or the network stalled. Try again, or raise the silence timeout in Settings → Network → Advanced."));
        break;
    case Kind::TotalTimeout:
        set(LlmError::tr("The answer from %1 took longer than the total time limit of %2 seconds.").arg(what, extra),
            LlmError::tr("Raise or remove the total time limit in Settings → Network → Advanced."));
        break;
    case Kind::MalformedResponse:
        set(LlmError::tr("The answer from %1 could not be understood: %2").arg(what, extra),
            LlmError::tr("Check that the base URL points to an OpenAI-compatible API (it usually ends in /v1)."));
        break;
    case Kind::EmptyResponse:
        set(LlmError::tr("The model sent an empty answer."),
            LlmError::tr("Try again, or choose another model."));
        break;
    case Kind::Cancelled:
        set(LlmError::tr("The request was cancelled."), QString());
        break;
    case Kind::Internal:
        set(LlmError::tr("An internal error occurred: %1").arg(what),
            LlmError::tr("Please report this, with the diagnostics report attached."));
        break;
    }
    return e;
}

bool isHttpProxyOwnPage(int status, const QList<QPair<QByteArray, QByteArray>>& headers, const QString& reason)
{
    if (status == 407)
        return true;
    static const QByteArrayList proxyPrograms{"squid", "tinyproxy", "privoxy", "mitmproxy", "polipo", "3proxy",
                                              "ccproxy", "wingate", "bluecoat", "zscaler", "fortigate", "proxy"};
    const auto namesProxy = [](QByteArray text) {
        text = text.toLower();
        return std::any_of(proxyPrograms.cbegin(), proxyPrograms.cend(),
                           [&text](const QByteArray& name) { return text.contains(name); });
    };
    for (const auto& [name, value] : headers) {
        const QByteArray lower = name.toLower();
        if (lower == "x-squid-error" || lower == "proxy-agent")
            return true;
        if (lower == "server" && namesProxy(value))
            return true;
    }
    return namesProxy(reason.toUtf8());
}

LlmError describeFailure(const FailureContext& c, const Redactor& redactor)
{
    const QString server = serverName(c.url);
    const QString serverText = redactor.redact(serverMessage(c.errorBody));
    const bool credentialsGiven = !c.proxy.user.isEmpty();
    LlmError e;

    // One reading of an HTTP proxy's own status, for its pages and for its CONNECT answers alike.
    const auto proxyStatusError = [&](int status) {
        const QString proxy = proxyName(c.proxy);
        if (status == 407 || status == 401)
            return makeError(credentialsGiven ? Kind::ProxyAuthentication : Kind::ProxyCredentialsMissing, proxy);
        if (status == 403)
            return makeError(Kind::ProxyDenied, proxy, server);
        if (status == 502 || status == 503 || status == 504 || status >= 500)
            return makeError(Kind::ProxyRefusedTarget, proxy, server);
        return makeError(Kind::ProxyProtocol, proxy, QStringLiteral("HTTP %1").arg(status));
    };

    if (c.httpStatus >= 400 && c.answeredByHttpProxy) {
        e = proxyStatusError(c.httpStatus);
        e.httpStatus = c.httpStatus;
        e.detail = QStringLiteral("HTTP %1 page from the proxy %2 for %3").arg(c.httpStatus).arg(c.proxy.display, displayUrl(c.url));
        return e;
    }
    if (c.httpStatus >= 400 && !isProxyError(c.qtError)) {
        const QString status = QString::number(c.httpStatus);
        const QString said = serverText.isEmpty() ? LlmError::tr("(no message)") : serverText;
        const ApiRefusal refusal = classifyRefusal(c.httpStatus, c.errorBody);
        if (refusal == ApiRefusal::Safety)
            e = makeError(Kind::ContentRefused, said);
        else if (refusal == ApiRefusal::Credit)
            e = makeError(Kind::OutOfCredit, server, said);
        else if (c.httpStatus == 401)
            e = makeError(Kind::Unauthorized, server, said);
        else if (c.httpStatus == 403)
            e = makeError(Kind::Forbidden, said);
        else if (c.httpStatus == 404 && (serverText.contains(QLatin1String("model"), Qt::CaseInsensitive)))
            e = makeError(Kind::ModelNotFound, c.model, said);
        else if (c.httpStatus == 404)
            e = makeError(Kind::NotFound, c.url.path());
        else if (c.httpStatus == 429)
            e = makeError(Kind::RateLimited, said);
        else if (c.httpStatus >= 500)
            e = makeError(Kind::ServerError, status, said);
        else
            e = makeError(Kind::HttpError, status, said);
        // A gateway's page (HTML) names no culprit of its own: say which server answered.
        if (c.httpStatus >= 500 && serverText.isEmpty())
            e.message = LlmError::tr("The server %1 answered %2 (a gateway in front of it could not get an answer).")
                            .arg(server, status);
        e.httpStatus = c.httpStatus;
        e.retryAfterSeconds = c.retryAfterSeconds;
        e.detail = QStringLiteral("HTTP %1 from %2: %3").arg(status, server, serverText);
        return e;
    }

    const QString proxy = c.proxy.isDirect() ? QString() : proxyName(c.proxy);
    const auto withDetail = [&](LlmError error, const QString& finding) {
        error.detail = redactor.redact(QStringLiteral("Qt error %1 (%2) for %3 via %4; %5")
                                           .arg(int(c.qtError))
                                           .arg(c.qtErrorString, displayUrl(c.url), c.proxy.display, finding));
        return error;
    };
    if (!proxy.isEmpty() && c.proxyReachable == false)
        return withDetail(makeError(Kind::ProxyUnreachable, proxy, c.proxyProblem),
                          QStringLiteral("the proxy is unreachable: ") + c.proxyProblem);
    if (!proxy.isEmpty() && !c.proxySpeaks.isEmpty() && c.proxySpeaks != c.proxy.kindName())
        return withDetail(makeError(Kind::ProxyWrongType, c.proxy.hostPort(), c.proxySpeaks),
                          QStringLiteral("the port speaks ") + c.proxySpeaks);
    if (!proxy.isEmpty() && c.proxyConnectStatus > 0 && c.proxyConnectStatus != 200)
        return withDetail(proxyStatusError(c.proxyConnectStatus),
                          QStringLiteral("the proxy answers CONNECT with %1").arg(c.proxyConnectStatus));
    if (!proxy.isEmpty() && c.proxyWantsCredentials)
        return withDetail(makeError(credentialsGiven ? Kind::ProxyProtocol : Kind::ProxyCredentialsMissing, proxy,
                                    QStringLiteral("SOCKS5")),
                          QStringLiteral("the SOCKS5 proxy accepts none of the offered methods"));
    if (!proxy.isEmpty() && c.proxyAuthFailed)
        return withDetail(makeError(Kind::ProxyAuthentication, proxy), QStringLiteral("SOCKS5 authentication failed"));
    if (!proxy.isEmpty() && c.socks5Reply > 0)
        return withDetail(makeError(c.socks5Reply == 2 ? Kind::ProxyDenied : Kind::ProxyRefusedTarget, proxy, server),
                          QStringLiteral("SOCKS5 reply %1").arg(c.socks5Reply));
    if (!proxy.isEmpty() && c.proxySilent)
        return withDetail(makeError(Kind::ProxySilent, proxy, server), QStringLiteral("the tunnel opened, nothing came back"));
    switch (c.qtError) {
    case QNetworkReply::ProxyConnectionRefusedError:
        e = makeError(Kind::ProxyUnreachable, proxy, LlmError::tr("nothing is listening there"));
        break;
    case QNetworkReply::ProxyConnectionClosedError:
        e = makeError(Kind::ProxyUnreachable, proxy, LlmError::tr("it closed the connection"));
        break;
    case QNetworkReply::ProxyNotFoundError:
        e = makeError(Kind::ProxyUnreachable, proxy, LlmError::tr("its host name could not be found"));
        break;
    case QNetworkReply::ProxyTimeoutError:
        e = makeError(Kind::ProxyUnreachable, proxy, LlmError::tr("it did not answer in time"));
        break;
    case QNetworkReply::ProxyAuthenticationRequiredError:
        e = makeError(credentialsGiven ? Kind::ProxyAuthentication : Kind::ProxyCredentialsMissing, proxy);
        break;
    case QNetworkReply::UnknownNetworkError:
        // Qt's answer to a SOCKS5 proxy that failed in some way; the probe showed the proxy is up.
        e = proxy.isEmpty() ? makeError(Kind::NetworkOther, server, c.qtErrorString)
                            : makeError(Kind::ProxyRefusedTarget, proxy, server);
        break;
    case QNetworkReply::UnknownProxyError:
        // Qt reports a SOCKS5 "connection refused"/"host unreachable" reply and a failed HTTP CONNECT
        // this way: the proxy itself answered, so it is the target it could not reach.
        if (c.qtErrorString.contains(QLatin1String("protocol"), Qt::CaseInsensitive))
            e = makeError(Kind::ProxyProtocol, proxy, c.qtErrorString);
        else
            e = makeError(Kind::ProxyRefusedTarget, proxy, server);
        break;
    case QNetworkReply::ConnectionRefusedError:
        e = c.proxy.isDirect() ? makeError(Kind::ConnectionRefused, server)
                               : makeError(Kind::ProxyRefusedTarget, proxy, server);
        break;
    case QNetworkReply::HostNotFoundError:
        e = c.proxy.isDirect() || !c.proxy.remoteDns ? makeError(Kind::HostNotFound, c.url.host())
                                                     : makeError(Kind::ProxyRefusedTarget, proxy, server);
        break;
    case QNetworkReply::RemoteHostClosedError:
        e = makeError(Kind::ConnectionReset, server, c.bodyStarted ? QStringLiteral("mid") : QString());
        break;
    case QNetworkReply::SslHandshakeFailedError: {
        QStringList problems;
        for (const QSslError& error : c.sslErrors)
            problems.append(error.errorString());
        problems.removeDuplicates();
        e = problems.isEmpty() ? makeError(Kind::TlsHandshake, server, c.qtErrorString)
                               : makeError(Kind::TlsCertificate, server, problems.join(QStringLiteral("; ")));
        break;
    }
    default:
        if (c.qtError >= QNetworkReply::ProtocolUnknownError && c.qtError <= QNetworkReply::ProtocolFailure)
            e = makeError(Kind::MalformedResponse, server, c.qtErrorString);
        else if (!proxy.isEmpty() && isProxyError(c.qtError))
            e = makeError(Kind::ProxyProtocol, proxy, c.qtErrorString);
        else
            e = makeError(Kind::NetworkOther, server, c.qtErrorString);
        break;
    }
    e.detail = redactor.redact(QStringLiteral("Qt error %1 (%2) for %3 via %4")
                                   .arg(int(c.qtError))
                                   .arg(c.qtErrorString, displayUrl(c.url), c.proxy.display));
    return e;
}

LlmError errorInOkAnswer(const QJsonObject& root, const QByteArray& body, const QString& server, const Redactor& redactor)
{
    if (!root.contains(QLatin1String("error")) || root.value(QLatin1String("error")).isNull())
        return {};
    const QString said = redactor.redact(serverMessage(body));
    const ApiRefusal refusal = classifyRefusal(200, body);
    LlmError error = refusal == ApiRefusal::Safety   ? makeError(LlmError::Kind::ContentRefused, said)
                     : refusal == ApiRefusal::Credit ? makeError(LlmError::Kind::OutOfCredit, server, said)
                                                     : makeError(LlmError::Kind::StreamError, said);
    error.detail = QStringLiteral("error object in a 200 answer from %1: %2").arg(server, said);
    return error;
}

} // namespace Storybook::Llm
