#include "secretstore.h"

#include "logsink.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>
#include <utility>

#if defined(STORYBOOK_HAVE_KEYCHAIN)
#include <qt6keychain/keychain.h>
#endif

namespace Storybook::SettingsUi {

namespace {

// Every unfinished keychain job of the process (see the header: no store owns one). Allocated once
// and never destroyed, so that jobs still pending at exit stay reachable rather than freed or leaked.
struct PendingJobs
{
    QSet<QObject*> jobs;
    int writes = 0; // writes and removals among them
};

PendingJobs& pending()
{
    static auto* const instance = new PendingJobs;
    return *instance;
}

#if defined(STORYBOOK_HAVE_KEYCHAIN)
// Errors after which the keychain is given up for this session (nothing would work later either).
bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
           || error == QKeychain::OtherError;
}

enum class JobKind { Read, Write };

// Starts a job and calls done exactly once while `store` lives: with the finished job, or with
// nullptr after the timeout (a Secret Service that never answers must not block the dialog). The
// job has no parent and deletes itself after it has finished, whether or not the store still lives.
void runJob(SecretStore* store, int timeoutMs, QKeychain::Job* job, JobKind kind,
            std::function<void(QKeychain::Job*)> done)
{
    Q_ASSERT(!job->parent());
    auto called = std::make_shared<bool>(false);
    auto shared = std::make_shared<std::function<void(QKeychain::Job*)>>(std::move(done));
    const QPointer<SecretStore> owner(store);
    job->setAutoDelete(true); // deleteLater() right after finished()
    job->setInsecureFallback(false); // never a plain-text file or QSettings
    pending().jobs.insert(job);
    if (kind == JobKind::Write)
        ++pending().writes;
    // The job itself is the context: its answer always arrives, and is passed on only while the
    // store lives.
    QObject::connect(job, &QKeychain::Job::finished, job, [called, shared, owner, kind](QKeychain::Job* finished) {
        pending().jobs.remove(finished);
        if (kind == JobKind::Write)
            --pending().writes;
        if (!owner || std::exchange(*called, true))
            return;
        (*shared)(finished);
    });
    QTimer::singleShot(timeoutMs, store, [called, shared] {
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

bool SecretStore::keychainBuiltIn()
{
#if defined(STORYBOOK_HAVE_KEYCHAIN)
    return true;
#else
    return false;
#endif
}

int SecretStore::pendingJobs()
{
    return int(pending().jobs.size());
}

int SecretStore::pendingWrites()
{
    return pending().writes;
}

bool SecretStore::finishPendingWrites(std::chrono::milliseconds limit)
{
    if (pending().writes > 0 && QCoreApplication::instance()) {
        // Events are run until the writes are done or the timer has fired (the timer, not a clock:
        // a coarse timer may fire a little early, and the next wait for events would have no end).
        bool expired = false;
        QTimer limitTimer;
        limitTimer.setSingleShot(true);
        QObject::connect(&limitTimer, &QTimer::timeout, &limitTimer, [&expired] { expired = true; });
        limitTimer.start(limit);
        while (pending().writes > 0 && !expired)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        // The finished jobs asked for deleteLater(); no event loop runs after this.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    if (pending().writes > 0)
        qCWarning(lcApp) << pending().writes << "keychain writes were still pending at quit";
    return pending().writes == 0;
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
    auto* job = new QKeychain::ReadPasswordJob(serviceName()); // no parent: see the header
    job->setKey(key);
    runJob(this, m_timeoutMs, job, JobKind::Read, [this, key, callback](QKeychain::Job* finished) {
        if (m_backend == Backend::MemoryOnly || m_memory.contains(key)) {
            // The keychain was given up, or a write made while reading wins.
        } else if (!finished) {
            fallBack(tr("The keychain did not answer."));
        } else if (finished->error() == QKeychain::NoError) {
            m_memory.insert(key, static_cast<QKeychain::ReadPasswordJob*>(finished)->textData());
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
    // Created now, not a turn later: a store (or window) closed right after this call still writes.
    auto* job = new QKeychain::WritePasswordJob(serviceName()); // no parent: see the header
    job->setKey(key);
    job->setTextData(value);
    runJob(this, m_timeoutMs, job, JobKind::Write, [this, callback](QKeychain::Job* finished) {
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
    auto* job = new QKeychain::DeletePasswordJob(serviceName()); // no parent: see the header
    job->setKey(key);
    runJob(this, m_timeoutMs, job, JobKind::Write, [this, callback](QKeychain::Job* finished) {
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
#endif
}

} // namespace Storybook::SettingsUi
