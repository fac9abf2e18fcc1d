#pragma once

#include "connectionsettings.h"

#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>

class QToolButton;

namespace Ui {
class NetworkPage;
}

namespace Storybook::SettingsUi {

class SecretStore;
namespace Form {
class WrapFitter;
}

// Settings → Network: the proxy (none, the system's, HTTP, SOCKS5 with its address and credentials)
// and, behind "Advanced…", the connection's timeouts, retries, extra CA certificates, HTTP/2 and the
// addresses that bypass the proxy. `target` gives the server address being edited on the Provider
// page, for the line saying what the system proxy means for it.
class NetworkPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkPage)

public:
    using TargetSource = std::function<QUrl()>;

    // secrets may be null; otherwise the proxy password is read from it when `current` has none.
    NetworkPage(const Llm::ConnectionSettings& current, SecretStore* secrets, TargetSource target, QWidget* parent = nullptr);
    ~NetworkPage() override;

    // Writes the page's fields (proxy, timeouts, retries, CA bundle, HTTP/2) into `settings`.
    void apply(Llm::ConnectionSettings& settings) const;
    [[nodiscard]] QStringList problems() const;
    // Shows the problems under their fields (opening the advanced part when one is there).
    void validate();
    // Refreshes the line saying which proxy the system setting means for the target server.
    void updateSystemProxyLine();

    [[nodiscard]] bool isAdvancedShown() const;
    void setAdvancedShown(bool shown);
    [[nodiscard]] QToolButton* advancedButton() const { return m_advanced; }

Q_SIGNALS:
    void changed();

private:
    struct Problems
    {
        QString host;
        QString port;
        QString ca;
    };
    [[nodiscard]] Problems fieldProblems() const;
    void setFields(const Llm::ConnectionSettings& settings);
    void loadSecrets(SecretStore* secrets);
    [[nodiscard]] Llm::ProxySettings::Mode proxyMode() const;
    void setProxyMode(Llm::ProxySettings::Mode mode);
    void updateProxyFields();
    void takeProxyUrlFromHost();

    std::unique_ptr<Ui::NetworkPage> m_ui;
    TargetSource m_target;
    Llm::ConnectionSettings m_initial;
    Form::WrapFitter* m_fitter = nullptr;
    QToolButton* m_advanced = nullptr;
    bool m_passwordTouched = false;
};

} // namespace Storybook::SettingsUi
