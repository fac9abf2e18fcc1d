#pragma once

#include "proxyresolver.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace Storybook::Llm {

// Qt reports many proxy failures with codes that do not say whether the proxy or the server behind
// it failed (a refused SOCKS5 proxy arrives as "unknown network error", a refused HTTP proxy as
// "connection refused"), and it offers a SOCKS5 proxy only one authentication method. The probe
// talks to the proxy directly, the way curl does, and reports what it found:
//  - whether a TCP connection to it works at all;
//  - which protocol the port really speaks (an HTTP proxy answers an HTTP request, a SOCKS5 proxy a
//    SOCKS5 greeting; when the configured one gets no answer, the other is tried on a new connection);
//  - HTTP: the CONNECT answer's status and whether a 407 challenge offers Basic;
//  - SOCKS5: the method chosen when "no authentication" and (with credentials) "username/password"
//    are both offered, whether the credentials were accepted, and the CONNECT reply code;
//  - whether a tunnel to the target opened.
class ProxyProbe final : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool reachable = false;
        QString why;              // when not reachable (translated)
        QString speaks;           // "HTTP" or "SOCKS5" when the port answered like one; else empty
        int connectStatus = 0;    // HTTP proxies: the CONNECT answer's status code
        bool basicOffered = true; // HTTP proxies: a 407 challenge offers Basic (or there was none)
        int socks5Method = -1;    // SOCKS5: 0 none, 2 username/password, 255 none acceptable
        bool authFailed = false;  // SOCKS5: the username/password exchange failed
        int socks5Reply = -1;     // SOCKS5: the CONNECT reply code (0 = success)
        bool tunnelOpen = false;  // a CONNECT to the target succeeded
    };
    using Callback = std::function<void(const Result& result)>;

    // Calls back exactly once (unless the probe is destroyed first). `tunnelTarget` (host:port) is
    // asked for as a tunnel (HTTP CONNECT or SOCKS5 CONNECT); empty: only the greeting is exchanged.
    ProxyProbe(const EffectiveProxy& proxy, const QString& tunnelTarget, std::chrono::milliseconds timeout,
               Callback callback, QObject* parent = nullptr);
    ~ProxyProbe() override;
    Q_DISABLE_COPY_MOVE(ProxyProbe)

private:
    enum class Phase { Connecting, HttpAnswer, SocksMethod, SocksAuth, SocksConnect, CrossCheck };

    void onConnected();
    void onReadyRead();
    void onClosed();
    void onAnswerTimeout();
    void startCrossCheck();
    void onCrossCheckAnswer();
    void sendHttpConnect(QTcpSocket& socket) const;
    void sendSocksConnect();
    void done();

    EffectiveProxy m_proxy;
    QString m_tunnelTarget;
    bool m_http = false;
    Phase m_phase = Phase::Connecting;
    QByteArray m_answer;
    Result m_result;

    QTcpSocket m_socket;
    std::unique_ptr<QTcpSocket> m_crossSocket;
    QTimer m_timer;       // the whole probe
    QTimer m_answerTimer; // an answer to the configured protocol's greeting
    Callback m_callback;
};

} // namespace Storybook::Llm
