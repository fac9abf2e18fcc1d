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
    struct Result
    {
        bool reachable = false;
        QString why;           // when not reachable
        int connectStatus = 0; // HTTP proxies with a tunnel target: the CONNECT answer's status code
    };
    using Callback = std::function<void(const Result& result)>;

    // Calls back exactly once (unless the probe is destroyed first). `tunnelTarget` (host:port) asks
    // an HTTP proxy for a CONNECT tunnel there; empty: only the TCP connect is checked.
    ProxyProbe(const EffectiveProxy& proxy, const QString& tunnelTarget, std::chrono::milliseconds timeout,
               Callback callback, QObject* parent = nullptr);

private:
    void onConnected();
    void onReadyRead();
    void done(const Result& result);

    EffectiveProxy m_proxy;
    QString m_tunnelTarget;
    QByteArray m_answer;

    QTcpSocket m_socket;
    QTimer m_timer;
    Callback m_callback;
};

} // namespace Storybook::Llm
