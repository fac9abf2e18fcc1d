#include "diagnostics.h"

#include "chatjob.h"
#include "errortexts.h"
#include "imagejob.h"
#include "speechjob.h"
#include "llmclient.h"
#include "logging.h"
#include "modelsjob.h"

#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCipher>
#include <QSslSocket>
#include <QTcpSocket>

#include <functional>
#include <string_view>

namespace Storybook::Llm {

namespace {
using Status = DiagnosticStage::Status;

QNetworkReply::NetworkError toReplyError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QNetworkReply::ConnectionRefusedError;
    case QAbstractSocket::RemoteHostClosedError:
        return QNetworkReply::RemoteHostClosedError;
    case QAbstractSocket::HostNotFoundError:
        return QNetworkReply::HostNotFoundError;
    case QAbstractSocket::SocketTimeoutError:
        return QNetworkReply::TimeoutError;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return QNetworkReply::SslHandshakeFailedError;
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case QAbstractSocket::ProxyConnectionRefusedError:
        return QNetworkReply::ProxyConnectionRefusedError;
    case QAbstractSocket::ProxyConnectionClosedError:
        return QNetworkReply::ProxyConnectionClosedError;
    case QAbstractSocket::ProxyConnectionTimeoutError:
        return QNetworkReply::ProxyTimeoutError;
    case QAbstractSocket::ProxyNotFoundError:
        return QNetworkReply::ProxyNotFoundError;
    case QAbstractSocket::ProxyProtocolError:
        return QNetworkReply::UnknownProxyError;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}

// The issuer as a person would name it: its organisation, else its common name.
QString issuerName(const QSslCertificate& cert)
{
    QStringList names = cert.issuerInfo(QSslCertificate::Organization);
    if (names.join(QString()).trimmed().isEmpty())
        names = cert.issuerInfo(QSslCertificate::CommonName);
    const QString name = names.join(QStringLiteral(", ")).trimmed();
    return name.isEmpty() ? cert.issuerDisplayName() : name;
}

struct StageSpec
{
    const char* name;
    const char* title;
};

// The titles are translated where they are shown (DiagnosticsReport context).
constexpr StageSpec Stages[] = {
    {"configuration", QT_TRANSLATE_NOOP("Storybook::Llm::DiagnosticsReport", "Configuration")},
    {"proxy", QT_TRANSLATE_NOOP("Storybook::Llm::DiagnosticsReport", "Effective proxy")},
    {"proxy-reachable", QT_TRANSLATE_NOOP("Storybook::Llm::DiagnosticsReport", "Proxy reachable")},
    {"dns", QT_TRANSLATE_NOOP("Storybook::Llm::DiagnosticsReport", "Server name lookup (DNS)")},
    {"connect", QT_TRANSLATE_NOOP("Storybook::Llm::DiagnosticsReport", "Connection (TCP/TLS)")},
    {"models", QT_TRANSLATE_NOOP("Storybook::Llm::DiagnosticsReport", "Model list (GET /models)")},
    {"chat", QT_TRANSLATE_NOOP("Storybook::Llm::DiagnosticsReport", "One-token chat completion")},
};
constexpr StageSpec PictureStage = {"picture", QT_TRANSLATE_NOOP("Storybook::Llm::DiagnosticsReport",
                                                                 "One small picture (costs as much as one picture)")};
constexpr StageSpec VoiceStage = {"voice", QT_TRANSLATE_NOOP("Storybook::Llm::DiagnosticsReport",
                                                             "One short spoken sentence (costs as much as its words)")};
} // namespace

QString DiagnosticStage::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Running:
        return QStringLiteral("running");
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Skipped:
        return QStringLiteral("skipped");
    }
    return QStringLiteral("pending");
}

QByteArray DiagnosticsReport::toJson() const
{
    QJsonArray stageArray;
    for (const DiagnosticStage& stage : stages) {
        QJsonObject object{{QLatin1String("name"), stage.name},
                           {QLatin1String("status"), DiagnosticStage::statusName(stage.status)},
                           {QLatin1String("ms"), stage.ms},
                           {QLatin1String("detail"), stage.detail}};
        if (stage.error.isError()) {
            object.insert(QLatin1String("category"), LlmError::categoryName(stage.error.category()));
            object.insert(QLatin1String("kind"), LlmError::kindName(stage.error.kind));
            object.insert(QLatin1String("hint"), stage.error.hint);
        }
        stageArray.append(object);
    }
    const QJsonObject root{{QLatin1String("ok"), ok},
                           {QLatin1String("effective_proxy"), effectiveProxy},
                           {QLatin1String("verdict"), verdict},
                           {QLatin1String("hint"), hint},
                           {QLatin1String("stages"), stageArray}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString DiagnosticsReport::toText() const
{
    QString text;
    text += tr("Interactive Storybook %1 — connection check").arg(QStringLiteral(STORYBOOK_VERSION)) + u'\n';
    text += tr("Effective proxy: %1").arg(effectiveProxy) + u'\n';
    for (const DiagnosticStage& stage : stages) {
        const QString mark = stage.status == DiagnosticStage::Status::Ok       ? QStringLiteral("[ok]     ")
                             : stage.status == DiagnosticStage::Status::Failed ? QStringLiteral("[FAILED] ")
                                                                               : QStringLiteral("[skipped]");
        text += QStringLiteral("%1 %2 (%3 ms): %4\n").arg(mark, stage.title).arg(stage.ms).arg(stage.detail);
    }
    text += tr("Verdict: %1").arg(verdict) + u'\n';
    if (!hint.isEmpty())
        text += tr("What to do: %1").arg(hint) + u'\n';
    return text;
}

Diagnostics::Diagnostics(LlmClient* client, QObject* parent, Check check)
    : QObject(parent)
    , m_client(client)
    , m_check(check)
{
    m_stageTimeout.setSingleShot(true);
    connect(&m_stageTimeout, &QTimer::timeout, this, [this] {
        if (m_current < 0 || !m_client)
            return;
        const auto seconds = QString::number(double(m_client->settings().connectTimeout.count()) / 1000.0);
        const QString& name = m_report.stages[m_current].name;
        if (name == QLatin1String("dns")) {
            complete(Status::Failed, tr("The lookup took longer than %1 seconds.").arg(seconds),
                     makeError(LlmError::Kind::HostNotFound, m_client->settings().baseUrl.host()));
        } else if (name == QLatin1String("connect") || name == QLatin1String("models")) {
            // Through a proxy whose tunnel opened, silence means nothing comes back through it.
            const EffectiveProxy proxy = m_client->effectiveProxy();
            if (auto* job = qobject_cast<RequestJob*>(m_pending.data())) {
                if (job->info().httpStatus != 0)
                    return; // the server is answering, slowly: the request's own timeouts decide
                disconnect(job, nullptr, this, nullptr);
                job->cancel();
                m_pending = nullptr;
            }
            LlmError error = makeError(LlmError::Kind::ConnectTimeout, serverName(m_client->settings().baseUrl), seconds);
            if (!proxy.isDirect() && m_proxyFinding && m_proxyFinding->tunnelOpen)
                error = makeError(LlmError::Kind::ProxySilent,
                                  LlmError::tr("the %1 proxy %2").arg(proxy.kindName(), proxy.hostPort()),
                                  serverName(m_client->settings().baseUrl));
            complete(Status::Failed, error.message, error);
        } else {
            const EffectiveProxy proxy = m_client->effectiveProxy();
            const QString target = name == QLatin1String("proxy-reachable")
                                       ? proxy.hostPort()
                                       : serverName(m_client->settings().baseUrl);
            LlmError error = makeError(LlmError::Kind::ConnectTimeout, target, seconds);
            if (name == QLatin1String("proxy-reachable"))
                error = makeError(LlmError::Kind::ProxyUnreachable,
                                  LlmError::tr("the %1 proxy %2").arg(proxy.kindName(), proxy.hostPort()),
                                  LlmError::tr("it did not answer in time"));
            complete(Status::Failed, error.message, error);
        }
    });
}

Diagnostics::~Diagnostics()
{
    cancel();
}

void Diagnostics::start()
{
    if (m_running || !m_client)
        return;
    m_report = DiagnosticsReport();
    for (StageSpec spec : Stages) {
        if (m_check != Check::Chat && std::string_view(spec.name) == "chat")
            spec = m_check == Check::Picture ? PictureStage : VoiceStage;
        DiagnosticStage stage;
        stage.name = QString::fromLatin1(spec.name);
        stage.title = QCoreApplication::translate("Storybook::Llm::DiagnosticsReport", spec.title);
        m_report.stages.append(stage);
    }
    m_report.effectiveProxy = m_client->effectiveProxy().summary();
    m_running = true;
    qCInfo(lcDiagnostics).noquote() << "starting checks; effective proxy:" << m_report.effectiveProxy;
    QMetaObject::invokeMethod(this, [this] { runStage(0); }, Qt::QueuedConnection);
}

void Diagnostics::cancel()
{
    m_stageTimeout.stop();
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    if (auto* job = qobject_cast<RequestJob*>(m_pending.data())) {
        disconnect(job, nullptr, this, nullptr);
        job->cancel();
    } else if (QObject* socket = m_pending.data()) {
        disconnect(socket, nullptr, this, nullptr);
        socket->deleteLater();
    }
    m_pending = nullptr;
    m_running = false;
}

void Diagnostics::runStage(int index)
{
    if (!m_running)
        return;
    if (!m_client) {
        m_running = false;
        return;
    }
    if (index >= m_report.stages.size()) {
        finishAll();
        return;
    }
    m_current = index;
    m_report.stages[index].status = Status::Running;
    Q_EMIT stageChanged(index, m_report.stages[index]);
    m_clock.start();
    switch (index) {
    case 0:
        checkConfiguration();
        break;
    case 1:
        checkProxy();
        break;
    case 2:
        checkProxyReachable();
        break;
    case 3:
        checkDns();
        break;
    case 4:
        checkConnect();
        break;
    case 5:
        checkModels();
        break;
    default:
        if (m_check == Check::Picture)
            checkPicture();
        else if (m_check == Check::Voice)
            checkVoice();
        else
            checkChat();
        break;
    }
}

void Diagnostics::complete(Status status, const QString& detail, const LlmError& error)
{
    if (m_current < 0 || !m_running)
        return;
    m_stageTimeout.stop();
    if (QObject* pending = m_pending.data(); pending && !qobject_cast<RequestJob*>(pending)) {
        disconnect(pending, nullptr, this, nullptr);
        pending->deleteLater();
    }
    m_pending = nullptr;
    DiagnosticStage& stage = m_report.stages[m_current];
    stage.status = status;
    stage.ms = m_clock.elapsed();
    stage.detail = detail;
    stage.error = error;
    qCInfo(lcDiagnostics).noquote() << stage.name << DiagnosticStage::statusName(status) << stage.ms << "ms" << detail;
    Q_EMIT stageChanged(m_current, stage);
    if (status == Status::Failed) {
        // Later stages cannot tell anything new once one has failed.
        for (int i = m_current + 1; i < m_report.stages.size(); ++i) {
            m_report.stages[i].status = Status::Skipped;
            m_report.stages[i].detail = tr("Not run, because an earlier check failed.");
            Q_EMIT stageChanged(i, m_report.stages[i]);
        }
        finishAll();
        return;
    }
    next();
}

void Diagnostics::next()
{
    const int following = m_current + 1;
    QMetaObject::invokeMethod(this, [this, following] { runStage(following); }, Qt::QueuedConnection);
}

void Diagnostics::finishAll()
{
    m_running = false;
    m_current = -1;
    m_report.ok = true;
    for (const DiagnosticStage& stage : std::as_const(m_report.stages)) {
        if (stage.status == Status::Failed) {
            m_report.ok = false;
            m_report.verdict = stage.error.message.isEmpty() ? stage.detail : stage.error.message;
            m_report.hint = stage.error.hint;
            break;
        }
    }
    if (m_report.ok) {
        if (m_check == Check::Picture)
            m_report.verdict = tr("Everything works: the picture provider painted through %1.").arg(m_report.effectiveProxy);
        else if (m_check == Check::Voice)
            m_report.verdict = tr("Everything works: the speech provider spoke through %1.").arg(m_report.effectiveProxy);
        else
            m_report.verdict = m_modelListed ? tr("Everything works: the model answered through %1.").arg(m_report.effectiveProxy)
                                             : tr("The model answered, although the server's model list does not name it.");
        m_report.hint.clear();
    }
    qCInfo(lcDiagnostics).noquote() << "verdict:" << m_report.verdict;
    Q_EMIT finished(m_report);
}

void Diagnostics::checkConfiguration()
{
    const ConnectionSettings& s = m_client->settings();
    if (const LlmError problem = m_client->checkConfiguration(); problem.isError()) {
        complete(Status::Failed, problem.message, problem);
        return;
    }
    if (s.model.trimmed().isEmpty()) {
        const LlmError error = makeError(LlmError::Kind::MissingModel);
        complete(Status::Failed, error.message, error);
        return;
    }
    const QString key = s.apiKey.isEmpty() ? tr("no API key (fine for local servers)") : tr("an API key is set");
    complete(Status::Ok, tr("Server %1, model “%2”, %3.").arg(displayUrl(s.baseUrl), s.model, key));
}

void Diagnostics::checkProxy()
{
    const EffectiveProxy proxy = m_client->effectiveProxy();
    if (proxy.error.isError()) {
        complete(Status::Failed, proxy.error.message, proxy.error);
        return;
    }
    complete(Status::Ok, proxy.isDirect() ? tr("Direct connection (%1).").arg(proxy.source)
                                          : tr("%1 (%2).").arg(proxy.display, proxy.source));
}

void Diagnostics::watchSocket(QAbstractSocket* socket, const std::function<void()>& onConnected,
                              const std::function<void(const QString&)>& onError)
{
    m_pending = socket;
    connect(socket, &QAbstractSocket::errorOccurred, this, [socket, onError] { onError(socket->errorString()); });
    if (auto* ssl = qobject_cast<QSslSocket*>(socket))
        connect(ssl, &QSslSocket::encrypted, this, onConnected);
    else
        connect(socket, &QAbstractSocket::connected, this, onConnected);
    m_stageTimeout.start(m_client->settings().connectTimeout.count() > 0 ? m_client->settings().connectTimeout
                                                                         : std::chrono::milliseconds(30000));
}

void Diagnostics::checkProxyReachable()
{
    const EffectiveProxy proxy = m_client->effectiveProxy();
    m_proxyFinding.reset();
    if (proxy.isDirect()) {
        complete(Status::Skipped, tr("No proxy is used."));
        return;
    }
    // The same conversation curl has with the proxy: which protocol its port speaks, whether it wants
    // (and takes) the credentials, and whether it opens a tunnel to the server.
    const QString server = serverName(m_client->settings().baseUrl);
    const auto timeout = m_client->settings().connectTimeout.count() > 0 ? m_client->settings().connectTimeout
                                                                         : std::chrono::milliseconds(30000);
    auto* probe = new ProxyProbe(proxy, server, timeout, [this, proxy](const ProxyProbe::Result& found) {
        m_pending = nullptr;
        if (!m_running || !m_client)
            return;
        m_proxyFinding = found;
        const QString hostPort = proxy.hostPort();
        if (found.socks5Method == 0)
            m_client->proxyMemo().setSocks5Auth(hostPort, ProxyMemo::Socks5Auth::NoneNeeded);
        else if (found.socks5Method == 2 && !found.authFailed)
            m_client->proxyMemo().setSocks5Auth(hostPort, ProxyMemo::Socks5Auth::Password);
        FailureContext context;
        context.url = m_client->settings().baseUrl;
        context.proxy = proxy;
        context.proxyReachable = found.reachable;
        context.proxyProblem = found.why;
        context.proxySpeaks = found.speaks;
        context.proxyAuthFailed = found.authFailed;
        context.proxyWantsCredentials = found.socks5Method == 255;
        // Whether the proxy may tunnel to the server is the connect check's verdict; credentials are this one's.
        context.proxyConnectStatus = found.connectStatus == 407 ? 407 : 0;
        const Redactor redactor({m_client->settings().apiKey, m_client->settings().proxy.password});
        const LlmError error = describeFailure(context, redactor);
        if (error.category() == LlmError::Category::Proxy) {
            complete(Status::Failed, error.message, error);
            return;
        }
        if (!found.reachable) {
            const LlmError unreachable = makeError(LlmError::Kind::ProxyUnreachable,
                                                   LlmError::tr("the %1 proxy %2").arg(proxy.kindName(), hostPort), found.why);
            complete(Status::Failed, unreachable.message, unreachable);
            return;
        }
        QString detail = tr("The proxy %1 accepts connections.").arg(hostPort);
        if (found.socks5Method == 0 && !proxy.user.isEmpty())
            detail += u' ' + tr("It needs no username or password; the ones given are not used.");
        complete(Status::Ok, detail);
    }, this);
    m_pending = probe;
}

void Diagnostics::checkDns()
{
    const EffectiveProxy proxy = m_client->effectiveProxy();
    const QString host = m_client->settings().baseUrl.host();
    if (QHostAddress address; address.setAddress(host)) {
        complete(Status::Skipped, tr("%1 is an address; no lookup is needed.").arg(host));
        return;
    }
    if (!proxy.isDirect() && proxy.remoteDns) {
        complete(Status::Skipped, tr("The proxy looks up “%1” itself.").arg(host));
        return;
    }
    m_stageTimeout.start(m_client->settings().connectTimeout.count() > 0 ? m_client->settings().connectTimeout
                                                                         : std::chrono::milliseconds(30000));
    m_lookupId = QHostInfo::lookupHost(host, this, [this, host](const QHostInfo& info) {
        m_lookupId = -1;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            const LlmError error = makeError(LlmError::Kind::HostNotFound, host);
            complete(Status::Failed, error.message, error);
            return;
        }
        QStringList addresses;
        for (const QHostAddress& address : info.addresses())
            addresses.append(address.toString());
        complete(Status::Ok, tr("“%1” is %2.").arg(host, addresses.join(QStringLiteral(", "))));
    });
}

void Diagnostics::checkConnect()
{
    const ConnectionSettings& s = m_client->settings();
    const EffectiveProxy proxy = m_client->effectiveProxy();
    const bool tls = s.baseUrl.scheme() == QLatin1String("https");
    if (!tls && proxy.proxy.type() == QNetworkProxy::HttpProxy) {
        complete(Status::Skipped, tr("Plain HTTP through an HTTP proxy needs no tunnel; the next check covers it."));
        return;
    }
    const quint16 port = quint16(s.baseUrl.port(tls ? 443 : 80));
    QAbstractSocket* socket = nullptr;
    if (tls) {
        auto* ssl = new QSslSocket(this);
        ssl->setSslConfiguration(m_client->sslConfiguration());
        ssl->setPeerVerifyName(s.baseUrl.host());
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
    }
    socket->setProxy(proxy.proxy); // the same resolver answer QNetworkAccessManager gets
    QList<QSslError> sslErrors;
    if (auto* ssl = qobject_cast<QSslSocket*>(socket))
        connect(ssl, &QSslSocket::sslErrors, this, [ssl](const QList<QSslError>& errors) {
            ssl->setProperty("storybookSslErrors", QVariant::fromValue(errors));
        });
    const QString server = serverName(s.baseUrl);
    watchSocket(
        socket,
        [this, socket, tls, server, proxy] {
            QString detail = proxy.isDirect() ? tr("Connected to %1.").arg(server)
                                              : tr("Connected to %1 through the proxy.").arg(server);
            if (tls) {
                auto* ssl = static_cast<QSslSocket*>(socket);
                const QSslCertificate cert = ssl->peerCertificate();
                detail += u' ' + tr("TLS %1, certificate for %2 issued by %3.")
                                      .arg(ssl->sessionCipher().protocolString(),
                                           cert.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", ")),
                                           issuerName(cert));
            }
            complete(Status::Ok, detail);
        },
        [this, socket, proxy, server, s](const QString& why) {
            FailureContext context;
            context.url = s.baseUrl;
            context.proxy = proxy;
            context.qtError = toReplyError(socket->error());
            context.qtErrorString = why;
            context.sslErrors = socket->property("storybookSslErrors").value<QList<QSslError>>();
            if (m_proxyFinding && !proxy.isDirect() && context.qtError != QNetworkReply::SslHandshakeFailedError) {
                // Qt's socket codes do not say who failed; what the proxy answered the probe does.
                context.proxyConnectStatus = m_proxyFinding->connectStatus;
                context.socks5Reply = m_proxyFinding->socks5Reply;
            }
            const LlmError error = describeFailure(context, Redactor({s.apiKey, s.proxy.password}));
            complete(Status::Failed, error.message, error);
        });
    if (auto* ssl = qobject_cast<QSslSocket*>(socket))
        ssl->connectToHostEncrypted(s.baseUrl.host(), port);
    else
        socket->connectToHost(s.baseUrl.host(), port);
}

void Diagnostics::checkModels()
{
    ModelsJob* job = m_client->listModels();
    m_pending = job;
    if (!m_client->effectiveProxy().isDirect())
        m_stageTimeout.start(m_client->settings().connectTimeout.count() > 0 ? m_client->settings().connectTimeout
                                                                             : std::chrono::milliseconds(30000));
    connect(job, &RequestJob::finished, this, [this, job] {
        m_pending = nullptr;
        if (job->error().isError()) {
            // Some servers (and some proxies in front of them) have no model list; the chat check decides.
            if (job->error().kind == LlmError::Kind::NotFound) {
                complete(Status::Skipped, tr("The server has no model list (%1).").arg(job->error().message));
                return;
            }
            complete(Status::Failed, job->error().message, job->error());
            return;
        }
        const QString model = m_client->settings().model;
        m_modelListed = job->models().contains(model);
        const QString protocol = job->info().protocol;
        QString detail = tr("%n model(s) offered over %1.", nullptr, int(job->models().size())).arg(protocol);
        detail += u' ' + (m_modelListed ? tr("“%1” is among them.").arg(model)
                                        : tr("“%1” is not among them.").arg(model));
        complete(Status::Ok, detail);
    });
}

void Diagnostics::checkChat()
{
    ChatRequest request;
    request.messages = {{QStringLiteral("user"), QStringLiteral("Reply with the single word OK.")}};
    request.maxTokens = 1;
    request.stream = true;
    ChatJob* job = m_client->chat(request);
    m_pending = job;
    connect(job, &RequestJob::finished, this, [this, job] {
        m_pending = nullptr;
        const LlmError& error = job->error();
        // A one-token answer may legitimately be empty or cut by the length limit.
        if (error.isError() && error.kind != LlmError::Kind::EmptyResponse) {
            complete(Status::Failed, error.message, error);
            return;
        }
        complete(Status::Ok, tr("The model “%1” answered over %2 in %3 ms.")
                                 .arg(job->result().model, job->info().protocol)
                                 .arg(job->info().elapsedMs));
    });
}

void Diagnostics::checkPicture()
{
    ImageRequest request;
    request.prompt = QStringLiteral("A small red apple on a white table, a simple picture-book illustration.");
    const QString model = m_client->settings().model.toLower();
    // The cheapest picture each family offers.
    if (model.startsWith(QLatin1String("gpt-image"))) {
        request.size = QStringLiteral("1024x1024");
        request.quality = QStringLiteral("low");
    } else if (model == QLatin1String("dall-e-2")) {
        request.size = QStringLiteral("256x256");
    }
    ImageJob* job = m_client->image(request);
    finishStageWith(job, [this, job] {
        const ImageResult& result = job->result();
        QString detail = tr("“%1” painted a %2 picture (%3 KB) over %4 in %5 ms.")
                             .arg(result.model, result.mimeType)
                             .arg((result.bytes.size() + 1023) / 1024)
                             .arg(job->info().protocol)
                             .arg(job->info().elapsedMs);
        if (result.downloadMs >= 0)
            detail += u' ' + tr("It was fetched from %1 in %2 ms.").arg(serverName(result.downloadedFrom)).arg(result.downloadMs);
        return detail;
    });
}

void Diagnostics::finishStageWith(RequestJob* job, const std::function<QString()>& okDetail)
{
    m_pending = job;
    connect(job, &RequestJob::finished, this, [this, job, okDetail] {
        m_pending = nullptr;
        if (const LlmError& error = job->error(); error.isError())
            complete(Status::Failed, error.message, error);
        else
            complete(Status::Ok, okDetail());
    });
}

void Diagnostics::checkVoice()
{
    SpeechRequest request;
    request.input = QStringLiteral("Hello! This is the voice that will read your stories.");
    request.voice = m_voice.voice;
    request.speed = m_voice.speed;
    request.instructions = m_voice.instructions;
    request.format = m_voice.format;
    SpeechJob* job = m_client->speech(request);
    finishStageWith(job, [job] {
        const SpeechResult& result = job->result();
        qsizetype bytes = 0;
        for (const SpeechPart& part : result.parts)
            bytes += part.bytes.size();
        return tr("“%1” spoke with the voice “%2”: %3 audio (%4 KB) over %5 in %6 ms.")
            .arg(result.model, result.voice, audioFormatName(result.format))
            .arg((bytes + 1023) / 1024)
            .arg(job->info().protocol)
            .arg(job->info().elapsedMs);
    });
}

} // namespace Storybook::Llm
