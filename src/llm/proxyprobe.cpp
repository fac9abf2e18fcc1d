#include "proxyprobe.h"

#include "llmerror.h"

#include <QHostAddress>

#include <algorithm>

namespace Storybook::Llm {

namespace {
constexpr qsizetype MaxHttpHead = 16 * 1024;
// A SOCKS5 proxy answers a greeting at once, without asking anyone upstream; an HTTP proxy given a
// greeting waits for a line that never comes. This long without an answer, the other protocol is tried.
constexpr std::chrono::milliseconds SocksGreetingWait(2000);
constexpr char Socks5 = 0x05;
} // namespace

ProxyProbe::ProxyProbe(const EffectiveProxy& proxy, const QString& tunnelTarget, std::chrono::milliseconds timeout,
                       Callback callback, QObject* parent)
    : QObject(parent)
    , m_proxy(proxy)
    , m_tunnelTarget(tunnelTarget)
    , m_http(proxy.proxy.type() == QNetworkProxy::HttpProxy)
    , m_callback(std::move(callback))
{
    m_socket.setProxy(QNetworkProxy::NoProxy);
    m_timer.setSingleShot(true);
    m_answerTimer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Connecting)
            m_result.why = LlmError::tr("it did not answer in time");
        done();
    });
    connect(&m_answerTimer, &QTimer::timeout, this, &ProxyProbe::onAnswerTimeout);
    connect(&m_socket, &QTcpSocket::connected, this, &ProxyProbe::onConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &ProxyProbe::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (m_phase != Phase::Connecting) {
            onClosed();
            return;
        }
        m_result.why = error == QAbstractSocket::ConnectionRefusedError ? LlmError::tr("nothing is listening there")
                       : error == QAbstractSocket::HostNotFoundError   ? LlmError::tr("its host name could not be found")
                                                                       : m_socket.errorString();
        done();
    });
    m_timer.start(timeout);
    m_socket.connectToHost(proxy.proxy.hostName(), proxy.proxy.port());
}

ProxyProbe::~ProxyProbe() = default;

void ProxyProbe::sendHttpConnect(QTcpSocket& socket) const
{
    const QByteArray target = (m_tunnelTarget.isEmpty() ? QStringLiteral("127.0.0.1:9") : m_tunnelTarget).toUtf8();
    QByteArray request = "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n";
    if (!m_proxy.user.isEmpty()) {
        const QByteArray credentials = (m_proxy.user + u':' + m_proxy.password).toUtf8();
        request += "Proxy-Authorization: Basic " + credentials.toBase64() + "\r\n";
    }
    request += "\r\n";
    socket.write(request);
}

void ProxyProbe::onConnected()
{
    m_result.reachable = true;
    if (m_http) {
        m_phase = Phase::HttpAnswer;
        sendHttpConnect(m_socket);
        return;
    }
    m_phase = Phase::SocksMethod;
    // Like curl: "no authentication" always, "username/password" too when credentials were given.
    QByteArray greeting;
    greeting += Socks5;
    if (m_proxy.user.isEmpty()) {
        greeting += char(1);
        greeting += char(0);
    } else {
        greeting += char(2);
        greeting += char(0);
        greeting += char(2);
    }
    m_socket.write(greeting);
    m_answerTimer.start(std::min<std::chrono::milliseconds>(SocksGreetingWait,
                                                            std::chrono::milliseconds(m_timer.remainingTime())));
}

void ProxyProbe::sendSocksConnect()
{
    if (m_tunnelTarget.isEmpty()) {
        done();
        return;
    }
    m_phase = Phase::SocksConnect;
    const qsizetype colon = m_tunnelTarget.lastIndexOf(u':');
    QString host = m_tunnelTarget.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const quint16 port = quint16(m_tunnelTarget.mid(colon + 1).toUInt());
    QByteArray request;
    request += Socks5;
    request += char(1); // CONNECT
    request += char(0);
    QHostAddress address;
    if (address.setAddress(host) && address.protocol() == QAbstractSocket::IPv4Protocol) {
        request += char(1);
        const quint32 ip = address.toIPv4Address();
        for (int shift = 24; shift >= 0; shift -= 8)
            request += char((ip >> shift) & 0xff);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        request += char(4);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        request += QByteArray(reinterpret_cast<const char*>(ip.c), 16);
    } else {
        const QByteArray name = host.toUtf8().left(255);
        request += char(3); // domain name
        request += char(name.size());
        request += name;
    }
    request += char(port >> 8);
    request += char(port & 0xff);
    m_socket.write(request);
}

void ProxyProbe::onReadyRead()
{
    m_answer += m_socket.readAll();
    switch (m_phase) {
    case Phase::HttpAnswer: {
        if (m_answer.startsWith(Socks5)) { // a SOCKS5 proxy's refusal of a version it does not know
            m_result.speaks = QStringLiteral("SOCKS5");
            done();
            return;
        }
        const qsizetype end = m_answer.indexOf("\r\n\r\n");
        if (end < 0 && m_answer.size() < MaxHttpHead)
            return;
        if (m_answer.startsWith("HTTP/")) {
            m_result.speaks = QStringLiteral("HTTP");
            const QList<QByteArray> lines = m_answer.left(end < 0 ? MaxHttpHead : end).split('\n');
            const QList<QByteArray> status = lines.constFirst().split(' ');
            m_result.connectStatus = status.size() >= 2 ? status.at(1).toInt() : 0;
            m_result.tunnelOpen = m_result.connectStatus == 200;
            bool challenged = false;
            bool basic = false;
            for (const QByteArray& line : lines) {
                if (line.toLower().startsWith("proxy-authenticate:")) {
                    challenged = true;
                    basic = basic || line.toLower().contains("basic");
                }
            }
            m_result.basicOffered = !challenged || basic;
        }
        done();
        return;
    }
    case Phase::SocksMethod:
        if (m_answer.size() < 2)
            return;
        m_answerTimer.stop();
        if (m_answer.startsWith("HTTP/")) {
            m_result.speaks = QStringLiteral("HTTP");
            done();
            return;
        }
        if (m_answer.at(0) != Socks5) {
            done();
            return;
        }
        m_result.speaks = QStringLiteral("SOCKS5");
        m_result.socks5Method = quint8(m_answer.at(1));
        m_answer.remove(0, 2);
        if (m_result.socks5Method == 0) {
            sendSocksConnect();
        } else if (m_result.socks5Method == 2 && !m_proxy.user.isEmpty()) {
            m_phase = Phase::SocksAuth;
            const QByteArray user = m_proxy.user.toUtf8().left(255);
            const QByteArray password = m_proxy.password.toUtf8().left(255);
            m_socket.write(char(1) + QByteArray(1, char(user.size())) + user + QByteArray(1, char(password.size())) + password);
        } else {
            done();
        }
        return;
    case Phase::SocksAuth:
        if (m_answer.size() < 2)
            return;
        if (m_answer.at(1) != 0) {
            m_result.authFailed = true;
            done();
            return;
        }
        m_answer.remove(0, 2);
        sendSocksConnect();
        return;
    case Phase::SocksConnect:
        if (m_answer.size() < 2)
            return;
        m_result.socks5Reply = quint8(m_answer.at(1));
        m_result.tunnelOpen = m_result.socks5Reply == 0;
        done();
        return;
    case Phase::Connecting:
    case Phase::CrossCheck:
        return;
    }
}

void ProxyProbe::onClosed()
{
    if (!m_callback || m_phase == Phase::CrossCheck)
        return;
    // Closed without a word to the configured protocol: perhaps the port speaks the other one.
    if (m_answer.isEmpty() && (m_phase == Phase::HttpAnswer || m_phase == Phase::SocksMethod)) {
        startCrossCheck();
        return;
    }
    done();
}

void ProxyProbe::onAnswerTimeout()
{
    if (m_phase == Phase::SocksMethod && m_answer.isEmpty())
        startCrossCheck();
}

void ProxyProbe::startCrossCheck()
{
    m_answerTimer.stop();
    m_phase = Phase::CrossCheck;
    disconnect(&m_socket, nullptr, this, nullptr);
    m_socket.abort();
    m_crossSocket = std::make_unique<QTcpSocket>();
    m_crossSocket->setProxy(QNetworkProxy::NoProxy);
    QTcpSocket* socket = m_crossSocket.get();
    connect(socket, &QTcpSocket::connected, this, [this, socket] {
        if (m_http)
            socket->write(QByteArray("\x05\x01\x00", 3)); // a SOCKS5 greeting
        else
            sendHttpConnect(*socket);
    });
    connect(socket, &QTcpSocket::readyRead, this, &ProxyProbe::onCrossCheckAnswer);
    connect(socket, &QTcpSocket::errorOccurred, this, [this] { done(); });
    socket->connectToHost(m_proxy.proxy.hostName(), m_proxy.proxy.port());
}

void ProxyProbe::onCrossCheckAnswer()
{
    const QByteArray answer = m_crossSocket->peek(8);
    if (m_http && answer.size() >= 2 && answer.at(0) == Socks5)
        m_result.speaks = QStringLiteral("SOCKS5");
    else if (!m_http && answer.size() >= 5 && answer.startsWith("HTTP/"))
        m_result.speaks = QStringLiteral("HTTP");
    else if (answer.size() < 5)
        return;
    done();
}

void ProxyProbe::done()
{
    if (!m_callback)
        return;
    m_timer.stop();
    m_answerTimer.stop();
    disconnect(&m_socket, nullptr, this, nullptr);
    m_socket.abort();
    if (m_crossSocket) {
        disconnect(m_crossSocket.get(), nullptr, this, nullptr);
        m_crossSocket->abort();
    }
    Callback callback = std::move(m_callback);
    m_callback = nullptr;
    callback(m_result);
    deleteLater();
}

} // namespace Storybook::Llm
