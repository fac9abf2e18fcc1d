#include "errorbanner.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "llmerror.h"

namespace Storybook::App {

using Kind = Llm::LlmError::Kind;
using Category = Llm::LlmError::Category;

// One banner: the sentence, "Details", the fitting button, Retry and ×.
class ErrorBanner::Entry final : public QFrame
{
public:
    Entry(const Problem& problem, ErrorBanner* banner)
        : QFrame(banner)
        , cause(problem.cause)
    {
        setObjectName(QStringLiteral("bannerEntry"));
        setFrameShape(QFrame::StyledPanel);
        setAutoFillBackground(true);
        QPalette p = palette();
        // A soft tint of the highlight colour works in light and dark palettes alike.
        QColor tint = p.color(QPalette::Highlight);
        tint.setAlpha(40);
        p.setColor(QPalette::Window, tint);
        setPalette(p);
        setAccessibleName(ErrorBanner::tr("Message"));

        summary = new QLabel(problem.summary, this);
        summary->setObjectName(QStringLiteral("bannerSummary"));
        summary->setTextFormat(Qt::PlainText);
        summary->setWordWrap(true);
        QFont bold = summary->font();
        bold.setBold(true);
        summary->setFont(bold);
        details = new QLabel(problem.details, this);
        details->setObjectName(QStringLiteral("bannerDetails"));
        details->setTextFormat(Qt::PlainText);
        details->setWordWrap(true);
        details->setTextInteractionFlags(Qt::TextSelectableByMouse);
        details->hide();
        detailsButton = new QToolButton(this);
        detailsButton->setObjectName(QStringLiteral("bannerDetailsButton"));
        detailsButton->setText(ErrorBanner::tr("Details"));
        detailsButton->setAccessibleName(ErrorBanner::tr("Show the details"));
        detailsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        detailsButton->setArrowType(Qt::RightArrow);
        detailsButton->setAutoRaise(true);
        detailsButton->setCheckable(true);
        detailsButton->setVisible(!problem.details.isEmpty());
        QObject::connect(detailsButton, &QToolButton::toggled, this, [this](bool open) {
            details->setVisible(open);
            detailsButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        });

        fixButton = new QPushButton(this);
        fixButton->setObjectName(QStringLiteral("bannerFixButton"));
        fix = problem.fix;
        switch (problem.fix) {
        case Fix::None:
            break;
        case Fix::ProviderSettings:
            fixButton->setText(ErrorBanner::tr("Provider settings"));
            break;
        case Fix::PictureSettings:
            fixButton->setText(ErrorBanner::tr("Picture settings"));
            break;
        case Fix::NetworkDiagnostics:
            fixButton->setText(ErrorBanner::tr("Network diagnostics"));
            break;
        case Fix::ConnectWriter:
            fixButton->setText(ErrorBanner::tr("Connect a story writer…"));
            break;
        case Fix::Custom:
            fixButton->setText(problem.actionText);
            break;
        }
        fixButton->setVisible(!fixButton->text().isEmpty());
        retryButton = new QPushButton(ErrorBanner::tr("Retry"), this);
        retryButton->setObjectName(QStringLiteral("bannerRetryButton"));
        retryButton->setVisible(problem.canRetry);
        closeButton = new QToolButton(this);
        closeButton->setObjectName(QStringLiteral("bannerCloseButton"));
        closeButton->setText(QStringLiteral("×"));
        closeButton->setAutoRaise(true);
        closeButton->setToolTip(ErrorBanner::tr("Dismiss"));
        closeButton->setAccessibleName(ErrorBanner::tr("Dismiss"));

        auto* top = new QHBoxLayout;
        top->addWidget(summary, 1);
        top->addWidget(detailsButton);
        top->addWidget(fixButton);
        top->addWidget(retryButton);
        top->addWidget(closeButton, 0, Qt::AlignTop);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(6, 4, 6, 4);
        layout->addLayout(top);
        layout->addWidget(details);
    }

    const Cause cause;
    Fix fix = Fix::None;
    QLabel* summary = nullptr;
    QLabel* details = nullptr;
    QToolButton* detailsButton = nullptr;
    QPushButton* fixButton = nullptr;
    QPushButton* retryButton = nullptr;
    QToolButton* closeButton = nullptr;
};

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    setAccessibleName(tr("Messages"));
    hide();
}

ErrorBanner::~ErrorBanner() = default;

ErrorBanner::Entry* ErrorBanner::entry(Cause cause) const
{
    for (Entry* item : m_entries) {
        if (item->cause == cause)
            return item;
    }
    return nullptr;
}

void ErrorBanner::report(const Problem& problem)
{
    if (Entry* old = entry(problem.cause))
        remove(old);
    auto* item = new Entry(problem, this);
    // The newest problem on top; the lasting notes (no keychain, no story writer yet) below the
    // problems, so what just went wrong is what a parent reads first.
    const auto lasting = [](Cause cause) { return cause == Cause::Keychain || cause == Cause::Setup; };
    const int index = lasting(problem.cause)
                          ? int(std::count_if(m_entries.cbegin(), m_entries.cend(), [&](const Entry* e) { return !lasting(e->cause); }))
                          : 0;
    m_entries.insert(index, item);
    m_layout->insertWidget(index, item);
    item->show(); // a child added to a shown banner would otherwise appear a turn later
    const Fix fix = problem.fix;
    connect(item->fixButton, &QPushButton::clicked, this, [this, item, fix] {
        if (fix == Fix::Custom || fix == Fix::ConnectWriter)
            remove(item);
        switch (fix) {
        case Fix::None:
            break;
        case Fix::ProviderSettings:
            Q_EMIT providerSettingsRequested();
            break;
        case Fix::PictureSettings:
            Q_EMIT pictureSettingsRequested();
            break;
        case Fix::NetworkDiagnostics:
            Q_EMIT diagnosticsRequested();
            break;
        case Fix::ConnectWriter:
            Q_EMIT connectRequested();
            break;
        case Fix::Custom:
            Q_EMIT actionRequested();
            break;
        }
    });
    connect(item->retryButton, &QPushButton::clicked, this, [this, item] {
        remove(item);
        Q_EMIT retryRequested();
    });
    connect(item->closeButton, &QToolButton::clicked, this, [this, item] { remove(item); });
    QFrame::show();
}

void ErrorBanner::showLlmError(Cause cause, const Llm::LlmError& error, bool canRetry)
{
    QString details = error.message;
    if (!error.hint.isEmpty())
        details += u'\n' + error.hint;
    report({cause, summaryFor(error, cause), details, fixFor(error, cause), canRetry, QString()});
}

void ErrorBanner::reportNoKeychain(const QString& reason)
{
    report({Cause::Keychain, tr("No keychain is available: API keys and passwords are kept only until the app closes."),
            reason, Fix::None, false, QString()});
}

void ErrorBanner::offerSetup(const QString& summary)
{
    report({Cause::Setup, summary.isEmpty() ? tr("No story writer is connected yet. Connect one to write new stories.") : summary,
            QString(), Fix::ConnectWriter, false, QString()});
}

void ErrorBanner::offerKey(const QString& host)
{
    offerSetup(tr("%1 needs an API key before it can write stories.").arg(host));
}

void ErrorBanner::remove(Entry* item)
{
    if (!m_entries.removeOne(item))
        return;
    item->hide();
    item->deleteLater();
    if (m_entries.isEmpty())
        hide();
}

void ErrorBanner::clear(Cause cause)
{
    while (Entry* item = entry(cause))
        remove(item);
}

bool ErrorBanner::has(Cause cause) const
{
    return entry(cause) != nullptr;
}

QList<ErrorBanner::Cause> ErrorBanner::causes() const
{
    QList<Cause> result;
    for (const Entry* item : m_entries)
        result.append(item->cause);
    return result;
}

void ErrorBanner::showError(const QString& message, const QString& hint, bool canRetry)
{
    report({Cause::Notice, message, hint, Fix::None, canRetry, QString()});
}

void ErrorBanner::showNotice(const QString& message, const QString& actionText)
{
    report({Cause::Notice, message, QString(), actionText.isEmpty() ? Fix::None : Fix::Custom, false, actionText});
}

void ErrorBanner::dismiss()
{
    const QList<Entry*> entries = m_entries;
    for (Entry* item : entries) {
        if (item->cause != Cause::Keychain && item->cause != Cause::Setup)
            remove(item);
    }
}

QString ErrorBanner::message() const
{
    return m_entries.isEmpty() ? QString() : m_entries.first()->summary->text();
}

QStringList ErrorBanner::messages() const
{
    QStringList result;
    for (const Entry* item : m_entries)
        result.append(item->summary->text());
    return result;
}

QString ErrorBanner::summaryFor(const Llm::LlmError& error, Cause cause)
{
    const bool pictures = cause == Cause::Pictures;
    switch (error.kind) {
    case Kind::Unauthorized:
        return pictures ? tr("The picture service did not accept the API key.") : tr("The story writer did not accept the API key.");
    case Kind::Forbidden:
        return pictures ? tr("The picture service's account may not use this model.")
                        : tr("The story writer's account may not use this model.");
    case Kind::OutOfCredit:
        return pictures ? tr("The picture service's account has no credit left.") : tr("The story writer's account has no credit left.");
    case Kind::ModelNotFound:
    case Kind::MissingModel:
        return pictures ? tr("The picture service does not know the chosen model.") : tr("The story writer does not know the chosen model.");
    case Kind::InvalidBaseUrl:
    case Kind::NotFound:
    case Kind::HttpError:
    case Kind::MalformedResponse:
        return pictures ? tr("The picture service's address in the settings looks wrong.")
                        : tr("The story writer's address in the settings looks wrong.");
    case Kind::RateLimited:
        return tr("The service is busy or its plan's limit is reached. Try again in a minute.");
    case Kind::ServerError:
        return tr("The service has a problem on its side. Try again in a few minutes.");
    case Kind::ContentRefused:
        return pictures ? tr("The picture service refused to paint this scene.") : tr("The story writer refused to write this scene.");
    case Kind::StreamError:
    case Kind::EmptyResponse:
        return pictures ? tr("The picture could not be painted this time.") : tr("The story writer stopped before the page was finished.");
    case Kind::ConnectionRefused:
        return tr("The service could not be reached: if it runs on this computer, start it.");
    case Kind::TlsHandshake:
    case Kind::TlsCertificate:
    case Kind::CaBundleUnreadable:
        return tr("A secure connection to the service could not be made.");
    case Kind::Cancelled:
        return tr("Stopped.");
    case Kind::Internal:
    case Kind::InvalidOption:
        return tr("Something went wrong inside the app.");
    default:
        break;
    }
    switch (error.category()) {
    case Category::Proxy:
    case Category::Configuration:
        return tr("The proxy this computer uses to go online is not working.");
    case Category::Network:
        return tr("The service could not be reached. Check the internet connection.");
    case Category::Timeout:
        return tr("The service took too long to answer.");
    default:
        break;
    }
    return error.message;
}

ErrorBanner::Fix ErrorBanner::fixFor(const Llm::LlmError& error, Cause cause)
{
    const Fix settings = cause == Cause::Pictures ? Fix::PictureSettings : Fix::ProviderSettings;
    switch (error.kind) {
    case Kind::Unauthorized:
    case Kind::Forbidden:
    case Kind::OutOfCredit:
    case Kind::ModelNotFound:
    case Kind::MissingModel:
    case Kind::InvalidBaseUrl:
    case Kind::NotFound:
    case Kind::HttpError:
    case Kind::MalformedResponse:
        return settings;
    case Kind::RateLimited:
    case Kind::ServerError:
    case Kind::ContentRefused:
    case Kind::StreamError:
    case Kind::EmptyResponse:
    case Kind::Cancelled:
    case Kind::Internal:
    case Kind::InvalidOption:
        return Fix::None;
    default:
        break;
    }
    switch (error.category()) {
    case Category::Proxy:
    case Category::Configuration:
    case Category::Network:
    case Category::Timeout:
        return Fix::NetworkDiagnostics;
    default:
        return Fix::None;
    }
}

} // namespace Storybook::App
