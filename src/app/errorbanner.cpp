#include "errorbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Storybook::App {

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    // A soft tint of the highlight colour works in light and dark palettes alike.
    QColor tint = p.color(QPalette::Highlight);
    tint.setAlpha(40);
    p.setColor(QPalette::Window, tint);
    setPalette(p);

    m_message = new QLabel(this);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    QFont bold = m_message->font();
    bold.setBold(true);
    m_message->setFont(bold);
    m_hint = new QLabel(this);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    m_retry = new QPushButton(tr("Retry"), this);
    m_diagnostics = new QPushButton(tr("Open diagnostics"), this);
    m_action = new QPushButton(this);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss"));

    auto* texts = new QVBoxLayout;
    texts->addWidget(m_message);
    texts->addWidget(m_hint);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(texts, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_retry);
    layout->addWidget(m_diagnostics);
    layout->addWidget(close, 0, Qt::AlignTop);

    connect(m_retry, &QPushButton::clicked, this, [this] {
        dismiss();
        Q_EMIT retryRequested();
    });
    connect(m_diagnostics, &QPushButton::clicked, this, &ErrorBanner::diagnosticsRequested);
    connect(m_action, &QPushButton::clicked, this, [this] {
        dismiss();
        Q_EMIT actionRequested();
    });
    connect(close, &QToolButton::clicked, this, &ErrorBanner::dismiss);
    setAccessibleName(tr("Message"));
    hide();
}

void ErrorBanner::showError(const QString& message, const QString& hint, bool canRetry)
{
    m_message->setText(message);
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    m_retry->setVisible(canRetry);
    m_diagnostics->setVisible(true);
    m_action->hide();
    show();
}

void ErrorBanner::showNotice(const QString& message, const QString& actionText)
{
    m_message->setText(message);
    m_hint->hide();
    m_retry->hide();
    m_diagnostics->hide();
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    show();
}

void ErrorBanner::dismiss()
{
    hide();
}

QString ErrorBanner::message() const
{
    return m_message->text();
}

} // namespace Storybook::App
