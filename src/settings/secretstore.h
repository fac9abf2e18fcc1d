#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Storybook::SettingsUi {

// API keys and proxy passwords in the operating system's keychain (through QtKeychain). Where no
// keychain works (a desktop without a Secret Service, a headless machine) secrets are kept in memory
// for this session only, and isPersistent() says so. Secrets never go to QSettings, files or logs.
class SecretStore final : public QObject
{
    Q_OBJECT

public:
    enum class Backend { Keychain, MemoryOnly };
    using ReadCallback = std::function<void(const QString& value, const QString& error)>;
    using WriteCallback = std::function<void(const QString& error)>;

    explicit SecretStore(QObject* parent = nullptr, Backend backend = Backend::Keychain);

    [[nodiscard]] bool isPersistent() const { return m_backend == Backend::Keychain; }
    void read(const QString& key, ReadCallback callback);
    void write(const QString& key, const QString& value, WriteCallback callback);

Q_SIGNALS:
    // The keychain failed and secrets are now kept for this session only.
    void persistenceLost(const QString& reason);

private:
    void fallBack(const QString& reason);

    Backend m_backend;
    QHash<QString, QString> m_memory; // this session's values, also a cache in front of the keychain
};

} // namespace Storybook::SettingsUi
