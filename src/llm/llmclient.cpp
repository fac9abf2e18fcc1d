#include "llmclient.h"

#include "chatjob.h"
#include "imagejob.h"
#include "speechjob.h"
#include "logging.h"
#include "modelsjob.h"
#include "moderationjob.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSslCertificate>

namespace Storybook::Llm {

LlmClient::LlmClient(ConnectionSettings settings, QObject* parent, QProcessEnvironment environment)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_environment(std::move(environment))
{
    rebuild();
}

LlmClient::~LlmClient()
{
    // Jobs first, silently, while the manager and its replies still exist; then the manager.
    const QList<RequestJob*> jobs = m_jobs;
    m_jobs.clear();
    for (RequestJob* job : jobs) {
        job->abandon();
        job->m_client = nullptr;
        delete job;
    }
    m_manager.reset();
}

void LlmClient::setSettings(ConnectionSettings settings)
{
    m_settings = std::move(settings);
    rebuild();
}

void LlmClient::rebuild()
{
    // A fresh manager: no connection made under the old proxy or TLS settings is reused.
    m_manager = std::make_shared<QNetworkAccessManager>();
    m_proxyMemo = std::make_shared<ProxyMemo>();
    m_manager->setProxyFactory(new ProxyFactory(ProxyResolver(m_settings.proxy, m_environment, m_proxyMemo)));
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // RequestJob follows them
    m_manager->setAutoDeleteReplies(false);

    m_ssl.reset();
    m_caProblem = {};
    m_extraCas.clear();
    if (!m_settings.caBundle.isEmpty()) {
        m_extraCas = QSslCertificate::fromPath(m_settings.caBundle, QSsl::Pem);
        if (m_extraCas.isEmpty())
            m_caProblem = makeError(LlmError::Kind::CaBundleUnreadable, m_settings.caBundle);
    }
}

QSslConfiguration LlmClient::sslConfiguration() const
{
    if (!m_ssl) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_extraCas.isEmpty())
            ssl.addCaCertificates(m_extraCas);
        QList<QByteArray> protocols{QByteArrayLiteral("http/1.1")};
        if (m_settings.http2)
            protocols.prepend(QByteArrayLiteral("h2"));
        ssl.setAllowedNextProtocols(protocols);
        m_ssl = ssl;
    }
    return *m_ssl;
}

QNetworkRequest LlmClient::apiRequest(const QString& path, const QByteArray& accept, const QByteArray& contentType) const
{
    QNetworkRequest r(m_settings.endpoint(path));
    if (!contentType.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    r.setRawHeader("Accept", accept);
    if (!m_settings.apiKey.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_settings.apiKey.toUtf8());
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, m_settings.http2);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    applyTls(r);
    return r;
}

void LlmClient::applyTls(QNetworkRequest& request) const
{
    if (request.url().scheme() == QLatin1String("https"))
        request.setSslConfiguration(sslConfiguration());
}

EffectiveProxy LlmClient::effectiveProxy(const QUrl& url) const
{
    return ProxyResolver(m_settings.proxy, m_environment, m_proxyMemo).resolve(url);
}

EffectiveProxy LlmClient::effectiveProxy() const
{
    return effectiveProxy(m_settings.baseUrl);
}

LlmError LlmClient::checkConfiguration() const
{
    const QUrl& url = m_settings.baseUrl;
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return makeError(LlmError::Kind::InvalidBaseUrl, url.toDisplayString(QUrl::RemoveUserInfo));
    if (m_caProblem.isError())
        return m_caProblem;
    const EffectiveProxy proxy = effectiveProxy();
    if (proxy.error.isError())
        return proxy.error;
    return {};
}

ChatJob* LlmClient::chat(const ChatRequest& request)
{
    auto* job = new ChatJob(this, request);
    start(job);
    return job;
}

ModelsJob* LlmClient::listModels()
{
    auto* job = new ModelsJob(this);
    start(job);
    return job;
}

ModerationJob* LlmClient::moderate(const QString& input)
{
    auto* job = new ModerationJob(this, input);
    start(job);
    return job;
}

ImageJob* LlmClient::image(const ImageRequest& request)
{
    auto* job = new ImageJob(this, request);
    start(job);
    return job;
}

SpeechJob* LlmClient::speech(const SpeechRequest& request)
{
    auto* job = new SpeechJob(this, request);
    start(job);
    return job;
}

void LlmClient::start(RequestJob* job)
{
    m_jobs.append(job);
    connect(job, &QObject::destroyed, this, [this, job] {
        m_jobs.removeOne(job);
        for (auto& waiting : m_waiting)
            waiting.removeOne(job);
    });
    QMetaObject::invokeMethod(job, &RequestJob::begin, Qt::QueuedConnection);
}

void LlmClient::enqueue(RequestJob* job)
{
    const QString key = job->hostKey();
    m_waiting[key].append(job);
    pump(key);
}

void LlmClient::release(RequestJob* job)
{
    const QString key = job->hostKey();
    if (int& active = m_active[key]; active > 0)
        --active;
    // Start the next waiting request after the current signal handlers have run.
    QMetaObject::invokeMethod(this, [this, key] { pump(key); }, Qt::QueuedConnection);
}

void LlmClient::pump(const QString& key)
{
    QList<RequestJob*>& waiting = m_waiting[key];
    int& active = m_active[key];
    const int limit = std::clamp(m_settings.maxConnectionsPerHost, 1, 6);
    while (active < limit && !waiting.isEmpty()) {
        RequestJob* job = waiting.takeFirst();
        if (job->isFinished())
            continue;
        ++active;
        job->dispatch();
    }
}

void LlmClient::cancelAll()
{
    const QList<RequestJob*> jobs = m_jobs;
    for (RequestJob* job : jobs)
        job->cancel();
}

int LlmClient::runningJobs() const
{
    return int(std::count_if(m_jobs.cbegin(), m_jobs.cend(), [](const RequestJob* job) { return !job->isFinished(); }));
}

} // namespace Storybook::Llm
