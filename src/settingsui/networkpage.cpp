#include "networkpage.h"

#include "formhelpers.h"
#include "proxyresolver.h"
#include "secretstore.h"

#include "ui_networkpage.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QPointer>
#include <QSslCertificate>
#include <QToolButton>

namespace Storybook::SettingsUi {

using Mode = Llm::ProxySettings::Mode;
using Form::Tone;

NetworkPage::NetworkPage(const Llm::ConnectionSettings& current, SecretStore* secrets, TargetSource target, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::NetworkPage>())
    , m_target(std::move(target))
    , m_initial(current)
    , m_fitter(new Form::WrapFitter(this))
{
    m_ui->setupUi(this);
    Form::keepMessageRowsVisible(this);
    Form::setTone(m_ui->systemProxyLabel, Tone::Quiet);
    for (QLabel* label : {m_ui->systemProxyLabel, m_ui->proxyProblemLabel, m_ui->proxyPortProblemLabel, m_ui->caProblemLabel})
        m_fitter->watch(label);

    // The addresses that bypass the proxy join the advanced options: most parents never need them.
    const QFormLayout::TakeRowResult bypass = m_ui->proxyForm->takeRow(m_ui->bypassEdit);
    delete bypass.labelItem;
    delete bypass.fieldItem;
    m_ui->connectionForm->insertRow(0, m_ui->bypassLabel, m_ui->bypassEdit);
    m_ui->connectionGroup->setTitle(tr("Advanced connection options"));
    m_advanced = new QToolButton(m_ui->networkPage);
    m_advanced->setObjectName(QStringLiteral("advancedButton"));
    m_advanced->setText(tr("A&dvanced…"));
    m_advanced->setAccessibleName(tr("Show the advanced connection options"));
    m_advanced->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advanced->setAutoRaise(true);
    m_advanced->setCheckable(true);
    m_ui->networkPageLayout->insertWidget(m_ui->networkPageLayout->indexOf(m_ui->connectionGroup), m_advanced);
    connect(m_advanced, &QToolButton::toggled, this, &NetworkPage::setAdvancedShown);
    setAdvancedShown(false);

    setFields(current);

    for (QRadioButton* radio : {m_ui->noProxyRadio, m_ui->systemProxyRadio, m_ui->httpProxyRadio, m_ui->socksProxyRadio}) {
        connect(radio, &QRadioButton::toggled, this, [this](bool checked) {
            if (checked)
                updateProxyFields();
        });
    }
    connect(m_ui->proxyHostEdit, &QLineEdit::editingFinished, this, &NetworkPage::takeProxyUrlFromHost);
    connect(m_ui->proxyPasswordEdit, &QLineEdit::textEdited, this, [this] { m_passwordTouched = true; });
    for (QLineEdit* edit : {m_ui->proxyHostEdit, m_ui->bypassEdit, m_ui->caBundleEdit})
        connect(edit, &QLineEdit::textChanged, this, &NetworkPage::changed);
    connect(m_ui->proxyPortSpin, &QSpinBox::valueChanged, this, &NetworkPage::changed);
    connect(m_ui->caBundleBrowseButton, &QPushButton::clicked, this, [this] {
        const QString start = m_ui->caBundleEdit->text().trimmed();
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a certificates file"),
                                                          start.isEmpty() ? QDir::homePath() : QFileInfo(start).path(),
                                                          tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_ui->caBundleEdit->setText(QDir::toNativeSeparators(path));
    });
    loadSecrets(secrets);
    validate();
}

NetworkPage::~NetworkPage() = default;

bool NetworkPage::isAdvancedShown() const
{
    return m_advanced->isChecked();
}

void NetworkPage::setAdvancedShown(bool shown)
{
    const QSignalBlocker blocker(m_advanced);
    m_advanced->setChecked(shown);
    m_advanced->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    m_ui->connectionGroup->setVisible(shown);
}

void NetworkPage::setFields(const Llm::ConnectionSettings& settings)
{
    const Llm::ProxySettings& proxy = settings.proxy;
    setProxyMode(proxy.mode);
    m_ui->proxyHostEdit->setText(proxy.host);
    m_ui->proxyPortSpin->setValue(proxy.port);
    m_ui->proxyUserEdit->setText(proxy.user);
    m_ui->proxyPasswordEdit->setText(proxy.password);
    m_ui->remoteDnsCheck->setChecked(proxy.remoteDns);
    m_ui->bypassEdit->setText(proxy.bypass);

    m_ui->connectTimeoutSpin->setValue(Form::toSeconds(settings.connectTimeout));
    m_ui->idleTimeoutSpin->setValue(Form::toSeconds(settings.idleTimeout));
    m_ui->totalTimeoutSpin->setValue(Form::toSeconds(settings.totalTimeout));
    m_ui->retriesSpin->setValue(settings.retries);
    m_ui->caBundleEdit->setText(settings.caBundle);
    m_ui->http2Check->setChecked(settings.http2);
    updateProxyFields();
}

void NetworkPage::loadSecrets(SecretStore* secrets)
{
    if (!secrets)
        return;
    if (!secrets->isPersistent())
        m_ui->proxyPasswordEdit->setToolTip(tr("No keychain is available: the password is kept only until the app closes."));
    if (!m_initial.proxy.password.isEmpty())
        return;
    const QPointer<NetworkPage> self(this);
    secrets->read(SecretStore::proxyPasswordName(), [self](const QString& value, const QString&) {
        if (self && !value.isEmpty() && !self->m_passwordTouched && self->m_ui->proxyPasswordEdit->text().isEmpty())
            self->m_ui->proxyPasswordEdit->setText(value);
    });
}

void NetworkPage::apply(Llm::ConnectionSettings& s) const
{
    s.proxy.mode = proxyMode();
    s.proxy.host = m_ui->proxyHostEdit->text().trimmed();
    s.proxy.port = quint16(m_ui->proxyPortSpin->value());
    s.proxy.user = m_ui->proxyUserEdit->text().trimmed();
    if (s.proxy.user.isEmpty())
        s.proxy.user = QString(); // null, so no "user@" appears in displayed proxy addresses
    s.proxy.password = m_ui->proxyPasswordEdit->text();
    if (s.proxy.password.isEmpty())
        s.proxy.password = QString();
    s.proxy.remoteDns = m_ui->remoteDnsCheck->isChecked();
    s.proxy.bypass = m_ui->bypassEdit->text().trimmed();

    s.connectTimeout = Form::fromSeconds(m_ui->connectTimeoutSpin->value(), m_initial.connectTimeout);
    s.idleTimeout = Form::fromSeconds(m_ui->idleTimeoutSpin->value(), m_initial.idleTimeout);
    s.totalTimeout = Form::fromSeconds(m_ui->totalTimeoutSpin->value(), m_initial.totalTimeout);
    s.retries = m_ui->retriesSpin->value();
    s.caBundle = m_ui->caBundleEdit->text().trimmed();
    s.http2 = m_ui->http2Check->isChecked();
}

NetworkPage::Problems NetworkPage::fieldProblems() const
{
    Problems result;
    const Mode mode = proxyMode();
    if (mode == Mode::Http || mode == Mode::Socks5) {
        Llm::ProxySettings proxy;
        proxy.mode = mode;
        proxy.host = m_ui->proxyHostEdit->text().trimmed();
        proxy.port = 1; // the port is checked on its own below
        result.host = proxy.validate();
        if (m_ui->proxyPortSpin->value() < 1 || m_ui->proxyPortSpin->value() > 65535)
            result.port = tr("Enter the proxy's port, a number from 1 to 65535 (for example 7890 or 1080).");
    }
    if (const QString path = m_ui->caBundleEdit->text().trimmed(); !path.isEmpty()) {
        const QFileInfo info(path);
        QFile file(path);
        if (!info.exists())
            result.ca = tr("The file “%1” does not exist.").arg(QDir::toNativeSeparators(path));
        else if (!info.isFile() || !file.open(QIODevice::ReadOnly))
            result.ca = tr("The file “%1” cannot be read.").arg(QDir::toNativeSeparators(path));
        else if (QSslCertificate::fromData(file.read(8 * 1024 * 1024), QSsl::Pem).isEmpty())
            result.ca = tr("The file “%1” contains no PEM certificates.").arg(QDir::toNativeSeparators(path));
    }
    return result;
}

QStringList NetworkPage::problems() const
{
    const Problems found = fieldProblems();
    QStringList texts;
    for (const QString& text : {found.host, found.port, found.ca}) {
        if (!text.isEmpty())
            texts.append(text);
    }
    return texts;
}

void NetworkPage::validate()
{
    const Problems found = fieldProblems();
    Form::showProblem(m_ui->proxyProblemLabel, found.host);
    Form::showProblem(m_ui->proxyPortProblemLabel, found.port);
    Form::showProblem(m_ui->caProblemLabel, found.ca);
    if (!found.ca.isEmpty())
        setAdvancedShown(true); // a problem is never hidden
    updateSystemProxyLine();
}

Llm::ProxySettings::Mode NetworkPage::proxyMode() const
{
    if (m_ui->noProxyRadio->isChecked())
        return Mode::None;
    if (m_ui->httpProxyRadio->isChecked())
        return Mode::Http;
    if (m_ui->socksProxyRadio->isChecked())
        return Mode::Socks5;
    return Mode::System;
}

void NetworkPage::setProxyMode(Llm::ProxySettings::Mode mode)
{
    switch (mode) {
    case Mode::None:
        m_ui->noProxyRadio->setChecked(true);
        break;
    case Mode::System:
        m_ui->systemProxyRadio->setChecked(true);
        break;
    case Mode::Http:
        m_ui->httpProxyRadio->setChecked(true);
        break;
    case Mode::Socks5:
        m_ui->socksProxyRadio->setChecked(true);
        break;
    }
}

void NetworkPage::updateProxyFields()
{
    const Mode mode = proxyMode();
    const bool explicitProxy = mode == Mode::Http || mode == Mode::Socks5;
    for (QWidget* widget : std::initializer_list<QWidget*>{
             m_ui->proxyHostLabel, m_ui->proxyHostEdit, m_ui->proxyPortLabel, m_ui->proxyPortSpin,
             m_ui->proxyUserLabel, m_ui->proxyUserEdit, m_ui->proxyPasswordLabel, m_ui->proxyPasswordEdit})
        widget->setEnabled(explicitProxy);
    m_ui->remoteDnsCheck->setEnabled(mode == Mode::Socks5);
    m_ui->bypassLabel->setEnabled(mode != Mode::None);
    m_ui->bypassEdit->setEnabled(mode != Mode::None);
    Q_EMIT changed();
}

void NetworkPage::takeProxyUrlFromHost()
{
    const QString text = m_ui->proxyHostEdit->text().trimmed();
    if (text.contains(QLatin1String("://"))) {
        // A whole proxy address pasted into the host field: take it apart.
        QString whyNot;
        const std::optional<Llm::ProxySettings> parsed = Llm::ProxySettings::fromSpec(text, &whyNot);
        if (!parsed || (parsed->mode != Mode::Http && parsed->mode != Mode::Socks5))
            return;
        setProxyMode(parsed->mode);
        m_ui->proxyHostEdit->setText(parsed->host);
        m_ui->proxyPortSpin->setValue(parsed->port);
        if (!parsed->user.isEmpty())
            m_ui->proxyUserEdit->setText(parsed->user);
        if (!parsed->password.isEmpty()) {
            m_ui->proxyPasswordEdit->setText(parsed->password);
            m_passwordTouched = true;
        }
        if (parsed->mode == Mode::Socks5)
            m_ui->remoteDnsCheck->setChecked(parsed->remoteDns);
        return;
    }
    // "127.0.0.1:7890": host and port in one (but not an IPv6 address).
    const int colon = text.lastIndexOf(u':');
    if (colon > 0 && text.count(u':') == 1) {
        bool ok = false;
        const int port = text.mid(colon + 1).toInt(&ok);
        if (ok && port >= 1 && port <= 65535) {
            m_ui->proxyHostEdit->setText(text.left(colon));
            m_ui->proxyPortSpin->setValue(port);
        }
    }
}

void NetworkPage::updateSystemProxyLine()
{
    const bool system = proxyMode() == Mode::System;
    m_ui->systemProxyLabel->setVisible(system);
    if (!system)
        return;
    const QUrl url = m_target();
    if (!url.isValid() || url.host().isEmpty()) {
        Form::setWrappedText(m_ui->systemProxyLabel, tr("Enter a valid server address on the Provider page to see which proxy it would use."));
        return;
    }
    Llm::ConnectionSettings settings = m_initial;
    apply(settings);
    Llm::ProxySettings proxy = settings.proxy;
    proxy.mode = Mode::System;
    const Llm::EffectiveProxy effective = Llm::ProxyResolver(proxy).resolve(url);
    Form::setWrappedText(m_ui->systemProxyLabel, tr("Right now this means for %1: %2").arg(url.host(), effective.summary()));
}

} // namespace Storybook::SettingsUi
