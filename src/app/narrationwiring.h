#pragma once

#include "connectionsettings.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QAction;

namespace Storybook::Llm {
class LlmClient;
} // namespace Storybook::Llm

namespace Storybook::Story {
struct Page;
} // namespace Storybook::Story

namespace Storybook::SettingsUi {
class SecretStore;
} // namespace Storybook::SettingsUi

namespace Storybook::Generation {
class NarrationAhead;
class NarrationMaker;
class StoryGenerator;
} // namespace Storybook::Generation

namespace Storybook::App {

class ErrorBanner;

// The app's narration from the speech provider (issue 16), kept beside the main window: the speech
// client (ConnectionSettings::Role::Speech, its key in the keychain as Llm::VoiceSettings::KeychainName,
// the network's proxy), the NarrationMaker whose clips go into the open story through
// StoryGenerator::storeNarration, the fetch-ahead while a page is written ("narration/auto"), the Page
// menu's "Narrate this page" / "Narrate again", and speech errors on the banner.
class NarrationWiring final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NarrationWiring)

public:
    using CurrentPage = std::function<QString()>;

    NarrationWiring(Generation::StoryGenerator* generator, ErrorBanner* banner, SettingsUi::SecretStore* secrets,
                    CurrentPage currentPage, QObject* parent = nullptr);
    ~NarrationWiring() override;

    // Reads the speech provider, the voice and "narration/auto" from the settings and the speech key
    // from the keychain (after the settings dialog, and at start).
    void reload();
    // The network's proxy password (shared by every provider).
    void setProxyPassword(const QString& password);
    // A speech provider and a voice are set up (Settings → Voice).
    [[nodiscard]] bool isAvailable() const { return m_available; }
    [[nodiscard]] Generation::NarrationMaker* maker() const { return m_maker.get(); }

    // Narrates a page: its parts without a clip, or (again) every part.
    void narrate(const QString& pageId, bool again);

    [[nodiscard]] QAction* narrateAction() const { return m_narrate; }
    [[nodiscard]] QAction* narrateAgainAction() const { return m_narrateAgain; }
    void retranslate();
    void updateActions(bool reading, const Story::Page* page);

Q_SIGNALS:
    void availabilityChanged(bool available);
    // Something the actions show changed (availability, a page's narration started or done).
    void changed();

private:
    QPointer<Generation::StoryGenerator> m_generator;
    QPointer<ErrorBanner> m_banner;
    QPointer<SettingsUi::SecretStore> m_secrets;
    CurrentPage m_currentPage;
    Llm::ConnectionSettings m_connection;
    QString m_proxyPassword;
    bool m_available = false;
    std::unique_ptr<Llm::LlmClient> m_client;
    std::unique_ptr<Generation::NarrationMaker> m_maker;
    std::unique_ptr<Generation::NarrationAhead> m_ahead;
    QAction* m_narrate = nullptr;
    QAction* m_narrateAgain = nullptr;
};

} // namespace Storybook::App
