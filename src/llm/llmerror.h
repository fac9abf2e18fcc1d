#pragma once

#include <QCoreApplication>
#include <QString>

namespace Storybook::Llm {

// The one error type of the network layer: a category for code and exit codes, a specific kind,
// a translated message and hint for people, and a redacted detail for logs and reports.
struct LlmError
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Llm::LlmError)

public:
    enum class Category {
        None,
        Configuration,
        Proxy,
        Network,
        Api,
        Timeout,
        BadResponse,
        Cancelled,
        Internal,
    };

    enum class Kind {
        None,
        // Configuration
        InvalidOption,
        InvalidBaseUrl,
        MissingModel,
        InvalidProxy,
        UnsupportedProxy,
        CaBundleUnreadable,
        // Proxy
        ProxyUnreachable,
        ProxyAuthentication,     // 407 (or a SOCKS5 refusal) after credentials were sent
        ProxyCredentialsMissing, // the proxy asks for a username and password and none was given
        ProxyDenied,             // 403 / SOCKS5 "not allowed by ruleset": the proxy's policy refuses the target
        ProxyRefusedTarget,      // the proxy works but could not reach the server (502/503/504, SOCKS5 refused)
        ProxyProtocol,
        ProxyWrongType,          // an HTTP proxy set for a SOCKS5 port, or the other way round
        ProxySilent,             // the proxy accepted the connection, but nothing came back through it
        // Network
        HostNotFound,
        ConnectionRefused,
        ConnectionReset,
        TlsHandshake,
        TlsCertificate,
        NetworkOther,
        // API
        Unauthorized,
        Forbidden,
        ModelNotFound,
        NotFound,
        RateLimited,
        ServerError,
        HttpError,
        StreamError,
        ContentRefused, // the provider's safety system refused the request (content_policy_violation, moderation_blocked, 1301...)
        OutOfCredit,    // 402, insufficient_quota: the account has no credit left
        // Timeout
        ConnectTimeout,
        IdleTimeout,
        TotalTimeout,
        // Bad response
        MalformedResponse,
        EmptyResponse,
        // Others
        Cancelled,
        Internal,
    };

    Kind kind = Kind::None;
    QString message;    // translated, one sentence, names the culprit
    QString hint;       // translated, what to do
    QString detail;     // technical detail for logs and reports (already redacted)
    int httpStatus = 0; // when the server answered
    int retryAfterSeconds = -1;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    [[nodiscard]] Category category() const { return categoryOf(kind); }
    [[nodiscard]] static Category categoryOf(Kind kind);
    [[nodiscard]] static QString categoryName(Category category); // stable, untranslated: "proxy"
    [[nodiscard]] static QString kindName(Kind kind);             // stable, untranslated: "proxy-auth"
    [[nodiscard]] static int exitCode(Category category);         // storybook-cli exit codes
    // Whether a retry could help, assuming no response body has been received yet.
    [[nodiscard]] bool isTransient() const;
};

} // namespace Storybook::Llm
