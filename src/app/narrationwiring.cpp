#include "narrationwiring.h"

#include "errorbanner.h"
#include "llmclient.h"
#include "narrationahead.h"
#include "narrationmaker.h"
#include "secretstore.h"
#include "story.h"
#include "storygenerator.h"
#include "voicesettings.h"

#include <QAction>
#include <QSettings>

namespace Storybook::App {

NarrationWiring::NarrationWiring(Generation::StoryGenerator* generator, ErrorBanner* banner,
                                 SettingsUi::SecretStore* secrets, CurrentPage currentPage, QObject* parent)
    : QObject(parent)
    , m_generator(generator)
    , m_banner(banner)
    , m_secrets(secrets)
    , m_currentPage(std::move(currentPage))
    , m_connection(Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Speech))
    , m_client(std::make_unique<Llm::LlmClient>(m_connection))
{
    m_maker = std::make_unique<Generation::NarrationMaker>(m_client.get(), Llm::VoiceSettings(),
                                                           [this] {
        return m_generator ? m_generator->story() : nullptr;
    });
    m_ahead = std::make_unique<Generation::NarrationAhead>(generator, m_maker.get());
    using Maker = Generation::NarrationMaker;
    connect(m_maker.get(), &Maker::clipReady, this,
            [this](const QString& storyId, const QString& pageId, const Story::Narration& narration,
                   const QHash<QString, QByteArray>& bytes) {
                if (!m_generator)
                    return;
                const QString problem = m_generator->storeNarration(storyId, pageId, narration, bytes,
                                                                    Generation::StoryGenerator::NarrationStore::Merge);
                // A story closed meanwhile is not a problem worth a banner.
                if (!problem.isEmpty() && m_banner && storyId == m_generator->storyId())
                    m_banner->showError(problem, QString(), false);
            });
    connect(m_maker.get(), &Maker::partFailed, this,
            [this](const QString&, const QString&, const QString&, const Llm::LlmError& error) {
                if (m_banner)
                    m_banner->showLlmError(ErrorBanner::Cause::Speech, error, false);
            });

    connect(m_maker.get(), &Maker::partStarted, this, &NarrationWiring::changed);
    connect(m_maker.get(), &Maker::pageDone, this, &NarrationWiring::changed);

    m_narrate = new QAction(this);
    m_narrate->setObjectName(QStringLiteral("narrateAction"));
    connect(m_narrate, &QAction::triggered, this, [this] { narrate(m_currentPage ? m_currentPage() : QString(), false); });
    m_narrateAgain = new QAction(this);
    m_narrateAgain->setObjectName(QStringLiteral("narrateAgainAction"));
    connect(m_narrateAgain, &QAction::triggered, this, [this] { narrate(m_currentPage ? m_currentPage() : QString(), true); });
    retranslate();
    reload();
}

NarrationWiring::~NarrationWiring()
{
    // The maker's jobs go before the client they run on.
    m_ahead.reset();
    m_maker.reset();
}

void NarrationWiring::reload()
{
    QSettings settings;
    const Llm::VoiceSettings voice = Llm::VoiceSettings::load(settings);
    // "None" in Settings → Voice (VoiceSettings::enabled false): the system voice reads.
    const bool configured = voice.enabled && settings.contains(QStringLiteral("speech/baseUrl"));
    m_connection = Llm::ConnectionSettings::load(settings, Llm::ConnectionSettings::Role::Speech);
    m_connection.proxy.password = m_proxyPassword;
    m_maker->setVoiceSettings(voice);
    const bool available = configured && m_connection.baseUrl.isValid() && !m_connection.model.isEmpty()
                           && !voice.voice.trimmed().isEmpty();
    m_ahead->setEnabled(available && Generation::NarrationPreferences::load(settings).narrateNewPages);
    const auto apply = [this, available](const QString& key) {
        m_connection.apiKey = key;
        m_client->setSettings(m_connection);
        if (available != m_available) {
            m_available = available;
            Q_EMIT availabilityChanged(available);
            Q_EMIT changed();
        }
    };
    if (m_secrets)
        m_secrets->read(QString::fromLatin1(Llm::VoiceSettings::KeychainName),
                        [this, apply, guard = QPointer<NarrationWiring>(this)](const QString& key, const QString&) {
                            if (guard)
                                apply(key);
                        });
    else
        apply(QString());
}

void NarrationWiring::setProxyPassword(const QString& password)
{
    m_proxyPassword = password;
    m_connection.proxy.password = password;
    m_client->setSettings(m_connection);
}

void NarrationWiring::narrate(const QString& pageId, bool again)
{
    const QString storyId = m_generator ? m_generator->storyId() : QString();
    if (storyId.isEmpty() || pageId.isEmpty())
        return;
    if (m_banner)
        m_banner->clear(ErrorBanner::Cause::Speech);
    m_maker->request(storyId, pageId, again);
}

void NarrationWiring::retranslate()
{
    m_narrate->setText(tr("Narrate t&his page"));
    m_narrate->setToolTip(tr("The speech provider reads every sentence of this page once; the voice is kept in the story."));
    m_narrateAgain->setText(tr("Narra&te again"));
    m_narrateAgain->setToolTip(tr("The speech provider reads every sentence of this page again, in the voice set now."));
}

void NarrationWiring::updateActions(bool reading, const Story::Page* page)
{
    const bool usable = reading && page && !page->isDraft() && m_available;
    const bool narrated = page && page->narration && !page->narration->clips.isEmpty();
    const bool pending = page && m_generator && m_maker->isPending(m_generator->storyId(), page->id);
    m_narrate->setVisible(m_available);
    m_narrateAgain->setVisible(m_available);
    m_narrate->setEnabled(usable && !pending);
    m_narrateAgain->setEnabled(usable && narrated && !pending);
}

} // namespace Storybook::App
