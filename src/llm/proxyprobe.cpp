#include "proxyprobe.h"

#include "llmerror.h"

namespace Storybook::Llm {

namespace {
constexpr qsizetype MaxStatusLine = 4096;
}

ProxyProbe::ProxyProbe(const EffectiveProxy& proxy, const QString& tunnelTarget, std::chrono::milliseconds timeout,
                       Callback callback, QObject* parent)
    : QObject(parent)
    , m_proxy(proxy)
    , m_tunnelTarget(proxy.proxy.type() == QNetworkProxy::HttpProxy ? tunnelTarget : QString())
    , m_callback(std::move(callback))
{
    m_socket.setProxy(QNetworkProxy::NoProxy);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        done({m_socket.state() == QAbstractSocket::ConnectedState, LlmError::tr("it did not answer in time"), 0});
    });
    connect(&m_socket, &QTcpSocket::connected, this, &ProxyProbe::onConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &ProxyProbe::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (!m_tunnelTarget.isEmpty() && m_socket.state() == QAbstractSocket::ConnectedState)
            return; // closed while tunnelling: the answer so far decides
        const QString why = error == QAbstractSocket::ConnectionRefusedError ? LlmError::tr("nothing is listening there")
                            : error == QAbstractSocket::HostNotFoundError   ? LlmError::tr("its host name could not be found")
                                                                            : m_socket.errorString();
        done({false, why, 0});
    });
    m_timer.start(timeout);
    m_socket.connectToHost(proxy.proxy.hostName(), proxy.proxy.port());
}

void ProxyProbe::onConnected()
{
    if (m_tunnelTarget.isEmpty()) {
        done({true, {}, 0});
        return;
    }
    QByteArray request = "CONNECT " + m_tunnelTarget.toUtf8() + " HTTP/1.1\r\nHost: " + m_tunnelTarget.toUtf8() + "\r\n";
    if (!m_proxy.proxy.user().isEmpty()) {
        const QByteArray credentials = (m_proxy.proxy.user() + u':' + m_proxy.proxy.password()).toUtf8();
        request += "Proxy-Authorization: Basic " + credentials.toBase64() + "\r\n";
    }
    request += "\r\n";
    m_socket.write(request);
}

void ProxyProbe::onReadyRead()
{
    m_answer += m_socket.readAll();
    const qsizetype end = m_answer.indexOf("\r\n");
    if (end < 0 && m_answer.size() < MaxStatusLine)
        return;
    // "HTTP/1.1 407 Proxy Authentication Required"
    const QList<QByteArray> parts = m_answer.left(end < 0 ? MaxStatusLine : end).split(' ');
    done({true, {}, parts.size() >= 2 ? parts.at(1).toInt() : 0});
}

void ProxyProbe::done(const Result& result)
{
    if (!m_callback)
        return;
    m_timer.stop();
    disconnect(&m_socket, nullptr, this, nullptr);
    m_socket.abort();
    Callback callback = std::move(m_callback);
    m_callback = nullptr;
    callback(result);
    deleteLater();
}

} // namespace Storybook::Llm
