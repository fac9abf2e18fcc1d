#pragma once

#include "connectionsettings.h"
#include "llmerror.h"
#include "proxyresolver.h"

#include <QHash>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QProcessEnvironment>
#include <QSslConfiguration>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Storybook::Llm {

class ChatJob;
class ImageJob;
class ModelsJob;
class ModerationJob;
class SpeechJob;
class RequestJob;
struct ChatRequest;
struct ImageRequest;
struct SpeechRequest;

// The one way to the API: owns the QNetworkAccessManager, routes every request through the proxy
// resolver, applies the TLS configuration and limits concurrent requests per host. Story requests and
// diagnostics both go through here, so they take exactly the same path.
class LlmClient final : public QObject
{
    Q_OBJECT

public:
    explicit LlmClient(ConnectionSettings settings, QObject* parent = nullptr,
                       QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());
    ~LlmClient() override;
    Q_DISABLE_COPY_MOVE(LlmClient)

    [[nodiscard]] const ConnectionSettings& settings() const { return m_settings; }
    // New settings apply to requests started from now on; running ones keep theirs.
    void setSettings(ConnectionSettings settings);

    [[nodiscard]] EffectiveProxy effectiveProxy(const QUrl& url) const;
    [[nodiscard]] EffectiveProxy effectiveProxy() const; // for the base URL
    // Problems that need no network to find: base URL, model, proxy setting, CA bundle.
    [[nodiscard]] LlmError checkConfiguration() const;
    // Built on first use: loading the TLS library costs start-up time a request can pay instead.
    [[nodiscard]] QSslConfiguration sslConfiguration() const;
    // Gives an https request sslConfiguration(); a plain http one needs no TLS library at all.
    void applyTls(QNetworkRequest& request) const;
    // A request to the API at base URL + path: Accept, Content-Type (when given), the key as a Bearer
    // token (when set), HTTP/2 as the settings say, never from a cache, and TLS.
    [[nodiscard]] QNetworkRequest apiRequest(const QString& path, const QByteArray& accept, const QByteArray& contentType = {}) const;

    // Jobs start on the next event-loop turn, so connect to their signals first.
    ChatJob* chat(const ChatRequest& request);
    ModelsJob* listModels();
    // POST /moderations (see ModerationJob): whether the provider's moderation flags `input`.
    ModerationJob* moderate(const QString& input);
    // One picture (see ImageJob): POST /images/generations, or /images/edits with reference pictures.
    ImageJob* image(const ImageRequest& request);
    // Speech (see SpeechJob): POST /audio/speech, one request per part of a long input.
    SpeechJob* speech(const SpeechRequest& request);

    void cancelAll();
    [[nodiscard]] int runningJobs() const;
    [[nodiscard]] std::shared_ptr<QNetworkAccessManager> manager() const { return m_manager; }
    // What was learned by talking to the proxies (SOCKS5 method, HTTP challenge); reset with the settings.
    [[nodiscard]] ProxyMemo& proxyMemo() const { return *m_proxyMemo; }

private:
    friend class RequestJob;
    friend class ImageJob;  // starts the download of a picture address on the job's behalf
    friend class SpeechJob; // starts the request of each further part of a long input
    void start(RequestJob* job);
    void enqueue(RequestJob* job);
    void release(RequestJob* job);
    void pump(const QString& hostKey);
    void rebuild();

    ConnectionSettings m_settings;
    QProcessEnvironment m_environment;
    // Shared with the jobs that use it, so new settings never pull a manager from under a running request.
    std::shared_ptr<QNetworkAccessManager> m_manager;
    std::shared_ptr<ProxyMemo> m_proxyMemo;
    mutable std::optional<QSslConfiguration> m_ssl;
    QList<QSslCertificate> m_extraCas; // from the CA bundle, read when the settings change
    LlmError m_caProblem;
    QList<RequestJob*> m_jobs;
    QHash<QString, int> m_active;
    QHash<QString, QList<RequestJob*>> m_waiting;
};

} // namespace Storybook::Llm
