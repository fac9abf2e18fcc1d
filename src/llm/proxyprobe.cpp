#include "proxyprobe.h"

#include "llmerror.h"

namespace Storybook::Llm {

ProxyProbe::ProxyProbe(const EffectiveProxy& proxy, std::chrono::milliseconds timeout, Callback callback,
                       QObject* parent)
    : QObject(parent)
    , m_callback(std::move(callback))
{
    m_socket.setProxy(QNetworkProxy::NoProxy);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { done(false, LlmError::tr("it did not answer in time")); });
    connect(&m_socket, &QTcpSocket::connected, this, [this] { done(true, {}); });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        done(false, error == QAbstractSocket::ConnectionRefusedError ? LlmError::tr("nothing is listening there")
                     : error == QAbstractSocket::HostNotFoundError   ? LlmError::tr("its host name could not be found")
                                                                     : m_socket.errorString());
    });
    m_timer.start(timeout);
    m_socket.connectToHost(proxy.proxy.hostName(), proxy.proxy.port());
}

void ProxyProbe::done(bool reachable, const QString& why)
{
    if (!m_callback)
        return;
    m_timer.stop();
    disconnect(&m_socket, nullptr, this, nullptr);
    m_socket.abort();
    Callback callback = std::move(m_callback);
    m_callback = nullptr;
    callback(reachable, why);
    deleteLater();
}

} // namespace Storybook::Llm
