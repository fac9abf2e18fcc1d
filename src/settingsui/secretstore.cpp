#include "secretstore.h"

#include "logsink.h"

#include <QPointer>
#include <QTimer>

#include <memory>
#include <utility>

#if defined(STORYBOOK_HAVE_KEYCHAIN)
#include <qt6keychain/keychain.h>
#endif

namespace Storybook::SettingsUi {

namespace {

#if defined(STORYBOOK_HAVE_KEYCHAIN)
// Errors after which the keychain is given up for this session (nothing would work later either).
bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
           || error == QKeychain::OtherError;
}

// Starts a job and calls done exactly once: with the finished job, or with nullptr after the timeout
// (a Secret Service that never answers must not block the dialog). The job deletes itself.
void runJob(QObject* context, int timeoutMs, QKeychain::Job* job, std::function<void(QKeychain::Job*)> done)
{
    auto called = std::make_shared<bool>(false);
    auto shared = std::make_shared<std::function<void(QKeychain::Job*)>>(std::move(done));
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file or QSettings
    QObject::connect(job, &QKeychain::Job::finished, context, [called, shared](QKeychain::Job* finished) {
        if (std::exchange(*called, true))
            return;
        (*shared)(finished);
    });
    QTimer::singleShot(timeoutMs, context, [called, shared] {
        if (std::exchange(*called, true))
            return;
        (*shared)(nullptr);
    });
    job->start();
}
#endif

} // namespace

SecretStore::SecretStore(QObject* parent, Backend backend)
    : QObject(parent)
    , m_backend(backend)
{
#if !defined(STORYBOOK_HAVE_KEYCHAIN)
    m_backend = Backend::MemoryOnly;
    m_fallbackReason = tr("This copy of the app was built without keychain support.");
#endif
    if (m_backend == Backend::MemoryOnly && m_fallbackReason.isEmpty())
        m_fallbackReason = tr("Secrets are kept in memory for this session only.");
}

SecretStore::~SecretStore() = default;

QString SecretStore::serviceName()
{
    return QStringLiteral("InteractiveStorybook");
}

QString SecretStore::apiKeyName()
{
    return QStringLiteral("api-key");
}

QString SecretStore::proxyPasswordName()
{
    return QStringLiteral("proxy-password");
}

void SecretStore::later(std::function<void()> call)
{
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

void SecretStore::fallBack(const QString& reason)
{
    if (m_backend == Backend::MemoryOnly)
        return;
    m_backend = Backend::MemoryOnly;
    m_fallbackReason = reason;
    qCWarning(lcApp).noquote() << "No usable keychain; secrets are kept in memory for this session:" << reason;
    Q_EMIT persistenceLost(reason);
}

void SecretStore::read(const QString& key, ReadCallback callback)
{
    if (!callback)
        return;
    if (m_backend == Backend::MemoryOnly || m_memory.contains(key)) {
        later([this, key, callback] { callback(m_memory.value(key), QString()); });
        return;
    }
#if defined(STORYBOOK_HAVE_KEYCHAIN)
    later([this, key, callback] {
        if (m_backend == Backend::MemoryOnly || m_memory.contains(key)) {
            callback(m_memory.value(key), QString());
            return;
        }
        auto* job = new QKeychain::ReadPasswordJob(serviceName(), this);
        job->setKey(key);
        runJob(this, m_timeoutMs, job, [this, key, callback](QKeychain::Job* finished) {
            if (!finished) {
                fallBack(tr("The keychain did not answer."));
            } else if (finished->error() == QKeychain::NoError) {
                const QString value = static_cast<QKeychain::ReadPasswordJob*>(finished)->textData();
                if (!m_memory.contains(key)) // a write while reading wins
                    m_memory.insert(key, value);
            } else if (finished->error() == QKeychain::EntryNotFound) {
                // Nothing stored yet: an empty value, not an error.
            } else if (meansNoKeychain(finished->error())) {
                fallBack(tr("The keychain is not available (%1).").arg(finished->errorString()));
            } else {
                callback(QString(), tr("The keychain refused access: %1").arg(finished->errorString()));
                return;
            }
            callback(m_memory.value(key), QString());
        });
    });
#endif
}

void SecretStore::write(const QString& key, const QString& value, DoneCallback callback)
{
    if (value.isEmpty()) {
        remove(key, std::move(callback));
        return;
    }
    m_memory.insert(key, value);
    if (m_backend == Backend::MemoryOnly) {
        if (callback)
            later([callback] { callback(QString()); });
        return;
    }
#if defined(STORYBOOK_HAVE_KEYCHAIN)
    later([this, key, value, callback] {
        if (m_backend == Backend::MemoryOnly) {
            if (callback)
                callback(QString());
            return;
        }
        auto* job = new QKeychain::WritePasswordJob(serviceName(), this);
        job->setKey(key);
        job->setTextData(value);
        runJob(this, m_timeoutMs, job, [this, callback](QKeychain::Job* finished) {
            QString error;
            if (!finished)
                fallBack(tr("The keychain did not answer."));
            else if (meansNoKeychain(finished->error()))
                fallBack(tr("The keychain is not available (%1).").arg(finished->errorString()));
            else if (finished->error() != QKeychain::NoError)
                error = tr("The keychain refused to store the secret: %1").arg(finished->errorString());
            if (callback)
                callback(error);
        });
    });
#endif
}

void SecretStore::remove(const QString& key, DoneCallback callback)
{
    m_memory.insert(key, QString()); // known to be empty from now on, also while the keychain works
    if (m_backend == Backend::MemoryOnly) {
        m_memory.remove(key);
        if (callback)
            later([callback] { callback(QString()); });
        return;
    }
#if defined(STORYBOOK_HAVE_KEYCHAIN)
    later([this, key, callback] {
        if (m_backend == Backend::MemoryOnly) {
            if (callback)
                callback(QString());
            return;
        }
        auto* job = new QKeychain::DeletePasswordJob(serviceName(), this);
        job->setKey(key);
        runJob(this, m_timeoutMs, job, [this, callback](QKeychain::Job* finished) {
            QString error;
            if (!finished)
                fallBack(tr("The keychain did not answer."));
            else if (meansNoKeychain(finished->error()))
                fallBack(tr("The keychain is not available (%1).").arg(finished->errorString()));
            else if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
                error = tr("The keychain refused to remove the secret: %1").arg(finished->errorString());
            if (callback)
                callback(error);
        });
    });
#endif
}

} // namespace Storybook::SettingsUi
