#pragma once

#include <QFrame>
#include <QList>

class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace Storybook::Llm {
struct LlmError;
}

namespace Storybook::App {

// Calm banners above the page, one per cause, stacked (the network may be down while the keychain
// is missing). Each says what went wrong in one friendly sentence; the technical words sit behind
// "Details". Its button fits the cause: "Provider settings" for a key the service refused, "Network
// diagnostics" for a connection problem, nothing network-related for a speech problem. A banner goes
// when its cause is gone (clear(cause)), when dismissed, or when the same cause reports again (it is
// replaced). Also used for notices ("Story deleted. Undo").
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    enum class Cause {
        Notice,   // a notice or a problem of the moment (cleared by dismiss())
        Writing,  // writing a page: the text provider and the network
        Pictures, // painting a picture: the picture provider
        Speech,   // reading aloud
        Library,  // the library folder, saving stories
        Settings, // the settings file
        Keychain, // no keychain: secrets last only for the session (not cleared by dismiss())
        Setup,    // no story writer connected yet (not cleared by dismiss())
    };
    // The banner's own button besides Retry.
    enum class Fix {
        None,
        ProviderSettings, // Settings → Provider
        PictureSettings,  // Settings → Pictures
        NetworkDiagnostics, // Settings → Diagnostics
        ConnectWriter,    // the "Connect a story writer" setup
        Custom,           // the notice's own action (undo, restart)
    };
    struct Problem
    {
        Cause cause = Cause::Notice;
        QString summary; // one friendly sentence
        QString details; // technical words and what to do, behind "Details" (may be empty)
        Fix fix = Fix::None;
        bool canRetry = false;
        QString actionText; // for Fix::Custom
    };

    explicit ErrorBanner(QWidget* parent = nullptr);
    ~ErrorBanner() override;

    // Shows a problem, replacing the banner of the same cause.
    void report(const Problem& problem);
    // A failed request: the friendly sentence and fitting button from the error's kind.
    void showLlmError(Cause cause, const Llm::LlmError& error, bool canRetry);
    void clear(Cause cause);
    // No keychain: keys and passwords last only for this session (Cause::Keychain, with the reason
    // behind "Details").
    void reportNoKeychain(const QString& reason);
    // No story writer is connected (first run), or the chosen service has no key: offers the
    // "Connect a story writer" setup (Cause::Setup). `summary` replaces the default sentence.
    void offerSetup(const QString& summary = {});
    // The service at `host` needs a key that was not given: offers the setup (Cause::Setup).
    void offerKey(const QString& host);
    [[nodiscard]] bool has(Cause cause) const;
    // Top first: the newest problems, then the lasting notes (Keychain, Setup), newest first.
    [[nodiscard]] QList<Cause> causes() const;

    // The earlier API: an error of the moment with its hint behind "Details" and diagnostics offered;
    // a notice with an optional action. Both are Cause::Notice.
    void showError(const QString& message, const QString& hint, bool canRetry);
    void showNotice(const QString& message, const QString& actionText);
    // Clears every banner but the lasting ones (Keychain, Setup).
    void dismiss();
    // The top banner's sentence: the newest problem, else the newest lasting note (empty when none).
    [[nodiscard]] QString message() const;
    [[nodiscard]] QStringList messages() const;

    // The friendly sentence and fitting fix for an error of a text or picture request.
    [[nodiscard]] static QString summaryFor(const Llm::LlmError& error, Cause cause);
    [[nodiscard]] static Fix fixFor(const Llm::LlmError& error, Cause cause);

Q_SIGNALS:
    void retryRequested();
    void diagnosticsRequested();
    void providerSettingsRequested();
    void pictureSettingsRequested();
    void connectRequested();
    void actionRequested(); // the notice's action, e.g. undo

private:
    class Entry;
    [[nodiscard]] Entry* entry(Cause cause) const;
    void remove(Entry* entry);

    QVBoxLayout* m_layout = nullptr;
    QList<Entry*> m_entries; // top first
};

} // namespace Storybook::App
