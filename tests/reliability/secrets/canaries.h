#pragma once

// The canaries of the secrets tests: values that appear nowhere else, so any of their bytes in an
// output is a leak. The API key has characters outside [A-Za-z0-9_-] ('.', '+', '/', '='; real keys
// like Zhipu's "id.secret" have dots), so a pattern-only redaction of "sk-…" would cut it short
// and leave the rest behind. The proxy password is limited to what tinyproxy's BasicAuth accepts
// ([-a-z0-9._]).
#include "secretscanner.h"

#include <QString>

namespace Storybook::Test::Canary {

inline const QString ApiKey = QStringLiteral("sk-canary-7Qx2VbLm.9Tr2Wz4Kp8Hd+Ne/Jc=");
inline const QString ProxyUser = QStringLiteral("storyuser");
inline const QString ProxyPassword = QStringLiteral("pw-canary-k3v9.q7x2-m5z8");
// What the "auth failure" proxies accept instead (the canary is sent and rejected).
inline const QString OtherPassword = QStringLiteral("the-proxys-own-password");

inline SecretScanner scanner()
{
    SecretScanner s;
    s.addSecret(QStringLiteral("api-key"), ApiKey);
    s.addSecret(QStringLiteral("proxy-password"), ProxyPassword, ProxyUser);
    return s;
}

} // namespace Storybook::Test::Canary
