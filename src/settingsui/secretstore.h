#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace Storybook::SettingsUi {

// API keys and proxy passwords in the operating system's keychain (through QtKeychain, service
// "InteractiveStorybook"). Where no keychain works (no Secret Service on a headless Linux, a build
// without QtKeychain) the secrets are kept in memory for this session only and isPersistent() turns
// false. Secrets are never written to QSettings, files or logs.
//
// Every call answers through its callback, always on a later event-loop turn (never inside the call),
// and never after the store is gone.
//
// Teardown (the keychain crash of issue 14): QtKeychain hands each job's private object to libsecret
// as the user data of an asynchronous call and has no way to cancel it (no GCancellable in 0.13), so
// a job freed while its call is pending is used after free when the Secret Service answers, which
// may be much later (a slow or hanging service, D-Bus activation) or at once on the next event-loop
// turn (no session bus at all). So a store never owns its jobs: each job has no QObject parent, is
// created at the call (not a turn later, so a write made just before the store dies still runs),
// and deletes itself (deleteLater) only after it has finished. A store that dies first merely stops
// listening: the job's answer then reaches nobody and is dropped quietly.
//
// Closing the app with a write pending: the jobs are process-wide, so the one place that knows the
// app is quitting (main(), after the window is gone, so nothing is seen to hang) calls
// finishPendingWrites() with the same bound a store gives a keychain answer (10 s). A Secret Service
// that answers within it stores the key the user just typed. One that does not is treated as no
// keychain, as everywhere in this class: the key lives only as long as the session, like every
// memory-only secret, and the process exits with the job still pending (it stays allocated and
// reachable, never freed under libsecret). tst_secretstore checks both in every world.
class SecretStore final : public QObject
{
    Q_OBJECT

public:
    enum class Backend {
        Keychain,   // the OS keychain, falling back to memory when it fails
        MemoryOnly, // memory only from the start (tests, or when the user opts out)
    };
    using ReadCallback = std::function<void(const QString& value, const QString& error)>;
    using DoneCallback = std::function<void(const QString& error)>;

    explicit SecretStore(QObject* parent = nullptr, Backend backend = Backend::Keychain);
    ~SecretStore() override;
    Q_DISABLE_COPY_MOVE(SecretStore)

    [[nodiscard]] static QString serviceName();       // "InteractiveStorybook"
    [[nodiscard]] static QString apiKeyName();        // "api-key"
    [[nodiscard]] static QString proxyPasswordName(); // "proxy-password"
    // True when this build has QtKeychain (otherwise every store is memory-only).
    [[nodiscard]] static bool keychainBuiltIn();

    [[nodiscard]] bool isPersistent() const { return m_backend == Backend::Keychain; }
    // Why secrets are kept in memory only (translated), empty while the keychain works.
    [[nodiscard]] QString fallbackReason() const { return m_fallbackReason; }

    // A missing entry is an empty value without an error.
    void read(const QString& key, ReadCallback callback);
    // An empty value removes the entry.
    void write(const QString& key, const QString& value, DoneCallback callback = {});
    void remove(const QString& key, DoneCallback callback = {});

    // How long a keychain job may take before the store gives up on the keychain.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    static constexpr int defaultTimeoutMs = 10000;

    // Keychain jobs of every store in this process that have not finished yet (a store that is gone
    // leaves its jobs running). Writes and removals are counted in pendingWrites() as well.
    [[nodiscard]] static int pendingJobs();
    [[nodiscard]] static int pendingWrites();
    // Runs the event loop until every pending write and removal has finished, at most `limit`.
    // Returns true when none is left. For main() at quit; reads are not waited for.
    static bool finishPendingWrites(std::chrono::milliseconds limit);

Q_SIGNALS:
    // The keychain failed; from now on secrets are kept for this session only.
    void persistenceLost(const QString& reason);

private:
    void fallBack(const QString& reason);
    void later(std::function<void()> call);

    Backend m_backend;
    QString m_fallbackReason;
    QHash<QString, QString> m_memory; // this session's values; a cache in front of the keychain
    int m_timeoutMs = defaultTimeoutMs;
};

} // namespace Storybook::SettingsUi
