#include "llmerror.h"

namespace Storybook::Llm {

using Kind = LlmError::Kind;
using Category = LlmError::Category;

Category LlmError::categoryOf(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return Category::None;
    case Kind::InvalidOption:
    case Kind::InvalidBaseUrl:
    case Kind::MissingModel:
    case Kind::InvalidProxy:
    case Kind::UnsupportedProxy:
    case Kind::CaBundleUnreadable:
        return Category::Configuration;
    case Kind::ProxyUnreachable:
    case Kind::ProxyAuthentication:
    case Kind::ProxyCredentialsMissing:
    case Kind::ProxyDenied:
    case Kind::ProxyRefusedTarget:
    case Kind::ProxyProtocol:
    case Kind::ProxyWrongType:
    case Kind::ProxySilent:
        return Category::Proxy;
    case Kind::HostNotFound:
    case Kind::ConnectionRefused:
    case Kind::ConnectionReset:
    case Kind::TlsHandshake:
    case Kind::TlsCertificate:
    case Kind::NetworkOther:
        return Category::Network;
    case Kind::Unauthorized:
    case Kind::Forbidden:
    case Kind::ModelNotFound:
    case Kind::NotFound:
    case Kind::RateLimited:
    case Kind::ServerError:
    case Kind::HttpError:
    case Kind::StreamError:
    case Kind::ContentRefused:
    case Kind::OutOfCredit:
        return Category::Api;
    case Kind::ConnectTimeout:
    case Kind::IdleTimeout:
    case Kind::TotalTimeout:
        return Category::Timeout;
    case Kind::MalformedResponse:
    case Kind::EmptyResponse:
        return Category::BadResponse;
    case Kind::Cancelled:
        return Category::Cancelled;
    case Kind::Internal:
        return Category::Internal;
    }
    return Category::Internal;
}

QString LlmError::categoryName(Category category)
{
    switch (category) {
    case Category::None:
        return QStringLiteral("ok");
    case Category::Configuration:
        return QStringLiteral("configuration");
    case Category::Proxy:
        return QStringLiteral("proxy");
    case Category::Network:
        return QStringLiteral("network");
    case Category::Api:
        return QStringLiteral("api");
    case Category::Timeout:
        return QStringLiteral("timeout");
    case Category::BadResponse:
        return QStringLiteral("bad-response");
    case Category::Cancelled:
        return QStringLiteral("cancelled");
    case Category::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

QString LlmError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::InvalidOption: return QStringLiteral("invalid-option");
    case Kind::InvalidBaseUrl: return QStringLiteral("invalid-base-url");
    case Kind::MissingModel: return QStringLiteral("missing-model");
    case Kind::InvalidProxy: return QStringLiteral("invalid-proxy");
    case Kind::UnsupportedProxy: return QStringLiteral("unsupported-proxy");
    case Kind::CaBundleUnreadable: return QStringLiteral("ca-bundle");
    case Kind::ProxyUnreachable: return QStringLiteral("proxy-unreachable");
    case Kind::ProxyAuthentication: return QStringLiteral("proxy-auth");
    case Kind::ProxyCredentialsMissing: return QStringLiteral("proxy-auth-missing");
    case Kind::ProxyDenied: return QStringLiteral("proxy-denied");
    case Kind::ProxyRefusedTarget: return QStringLiteral("proxy-refused-target");
    case Kind::ProxyProtocol: return QStringLiteral("proxy-protocol");
    case Kind::ProxyWrongType: return QStringLiteral("proxy-wrong-type");
    case Kind::ProxySilent: return QStringLiteral("proxy-silent");
    case Kind::HostNotFound: return QStringLiteral("dns");
    case Kind::ConnectionRefused: return QStringLiteral("connection-refused");
    case Kind::ConnectionReset: return QStringLiteral("connection-reset");
    case Kind::TlsHandshake: return QStringLiteral("tls");
    case Kind::TlsCertificate: return QStringLiteral("tls-certificate");
    case Kind::NetworkOther: return QStringLiteral("network");
    case Kind::Unauthorized: return QStringLiteral("unauthorized");
    case Kind::Forbidden: return QStringLiteral("forbidden");
    case Kind::ModelNotFound: return QStringLiteral("model-not-found");
    case Kind::NotFound: return QStringLiteral("not-found");
    case Kind::RateLimited: return QStringLiteral("rate-limited");
    case Kind::ServerError: return QStringLiteral("server-error");
    case Kind::HttpError: return QStringLiteral("http-error");
    case Kind::StreamError: return QStringLiteral("stream-error");
    case Kind::ContentRefused: return QStringLiteral("content-refused");
    case Kind::OutOfCredit: return QStringLiteral("out-of-credit");
    case Kind::ConnectTimeout: return QStringLiteral("connect-timeout");
    case Kind::IdleTimeout: return QStringLiteral("idle-timeout");
    case Kind::TotalTimeout: return QStringLiteral("total-timeout");
    case Kind::MalformedResponse: return QStringLiteral("malformed-response");
    case Kind::EmptyResponse: return QStringLiteral("empty-response");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    case Kind::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

int LlmError::exitCode(Category category)
{
    switch (category) {
    case Category::None:
        return 0;
    case Category::Internal:
        return 1;
    case Category::Configuration:
        return 2;
    case Category::Network:
        return 3;
    case Category::Proxy:
        return 4;
    case Category::Api:
        return 5;
    case Category::Timeout:
        return 6;
    case Category::BadResponse:
        return 7;
    case Category::Cancelled:
        return 130;
    }
    return 1;
}

bool LlmError::isTransient() const
{
    switch (kind) {
    case Kind::ConnectionRefused:
    case Kind::ConnectionReset:
    case Kind::NetworkOther:
    case Kind::ConnectTimeout:
    case Kind::RateLimited:
    case Kind::ServerError:
    case Kind::ProxyUnreachable:
        return true;
    default:
        return false;
    }
}

} // namespace Storybook::Llm
