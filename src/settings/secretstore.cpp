#include "secretstore.h"

#include <QLoggingCategory>
#include <QPointer>

#ifdef STORYBOOK_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace Storybook::SettingsUi {

namespace {
Q_LOGGING_CATEGORY(lcSecrets, "storybook.settings.secrets", QtInfoMsg)
const auto Service = QStringLiteral("InteractiveStorybook");
} // namespace

SecretStore::SecretStore(QObject* parent, Backend backend)
    : QObject(parent)
#ifdef STORYBOOK_HAVE_KEYCHAIN
    , m_backend(backend)
#else
    , m_backend(Backend::MemoryOnly)
#endif
{
    Q_UNUSED(backend)
}

void SecretStore::fallBack(const QString& reason)
{
    if (m_backend == Backend::MemoryOnly)
        return;
    m_backend = Backend::MemoryOnly;
    qCWarning(lcSecrets) << "no usable keychain, secrets are kept for this session only:" << reason;
    Q_EMIT persistenceLost(reason);
}

void SecretStore::read(const QString& key, ReadCallback callback)
{
    if (m_backend == Backend::MemoryOnly || m_memory.contains(key)) {
        callback(m_memory.value(key), QString());
        return;
    }
#ifdef STORYBOOK_HAVE_KEYCHAIN
    auto* job = new QKeychain::ReadPasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, callback](QKeychain::Job*) {
        QString value;
        if (job->error() == QKeychain::NoError) {
            value = job->textData();
            m_memory.insert(key, value);
        } else if (job->error() != QKeychain::EntryNotFound) {
            fallBack(job->errorString());
        }
        callback(value, QString());
    });
    job->start();
#endif
}

void SecretStore::write(const QString& key, const QString& value, WriteCallback callback)
{
    m_memory.insert(key, value);
    if (m_backend == Backend::MemoryOnly) {
        callback(QString());
        return;
    }
#ifdef STORYBOOK_HAVE_KEYCHAIN
    QKeychain::Job* job = nullptr;
    if (value.isEmpty()) {
        auto* remove = new QKeychain::DeletePasswordJob(Service, this);
        job = remove;
    } else {
        auto* writeJob = new QKeychain::WritePasswordJob(Service, this);
        writeJob->setTextData(value);
        job = writeJob;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, callback](QKeychain::Job*) {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            fallBack(job->errorString());
            callback(job->errorString());
            return;
        }
        callback(QString());
    });
    job->start();
#endif
}

} // namespace Storybook::SettingsUi
