#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Storybook::SettingsUi {

// API keys and proxy passwords in the operating system's keychain (through QtKeychain, service
// "InteractiveStorybook"). Where no keychain works (no Secret Service on a headless Linux, a build
// without QtKeychain) the secrets are kept in memory for this session only and isPersistent() turns
// false. Secrets are never written to QSettings, files or logs.
//
// Every call answers through its callback, always on a later event-loop turn (never inside the call).
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

Q_SIGNALS:
    // The keychain failed; from now on secrets are kept for this session only.
    void persistenceLost(const QString& reason);

private:
    void fallBack(const QString& reason);
    void later(std::function<void()> call);

    Backend m_backend;
    QString m_fallbackReason;
    QHash<QString, QString> m_memory; // this session's values; a cache in front of the keychain
    int m_timeoutMs = 10000;
};

} // namespace Storybook::SettingsUi
