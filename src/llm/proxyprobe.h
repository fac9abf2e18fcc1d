#pragma once

#include "proxyresolver.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>
#include <functional>

namespace Storybook::Llm {

// Qt reports many proxy failures with codes that do not say whether the proxy or the server behind
// it failed (a refused SOCKS5 proxy arrives as "unknown network error", a refused HTTP proxy as
// "connection refused"). After such a failure one direct TCP connect to the proxy settles it.
class ProxyProbe final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(bool reachable, const QString& why)>;

    // Calls back exactly once (unless the probe is destroyed first).
    ProxyProbe(const EffectiveProxy& proxy, std::chrono::milliseconds timeout, Callback callback,
               QObject* parent = nullptr);

private:
    void done(bool reachable, const QString& why);

    QTcpSocket m_socket;
    QTimer m_timer;
    Callback m_callback;
};

} // namespace Storybook::Llm
