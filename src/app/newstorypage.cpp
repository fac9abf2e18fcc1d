#include "newstorypage.h"

#include "ideapanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace Storybook::App {

NewStoryPage::NewStoryPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("newStoryPage"));
    m_heading = new QLabel(this);
    m_heading->setTextFormat(Qt::PlainText);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_heading->setFont(big);
    m_hint = new QLabel(this);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    m_idea = new IdeaPanel(this);
    m_back = new QPushButton(this);
    m_back->setObjectName(QStringLiteral("backToStoryButton"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_back);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_hint);
    layout->addWidget(m_idea);
    layout->addStretch(1);
    connect(m_back, &QPushButton::clicked, this, &NewStoryPage::backRequested);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (m_back->isVisible())
            Q_EMIT backRequested();
    });
    retranslate();
}

void NewStoryPage::setCanGoBack(bool canGoBack)
{
    m_back->setVisible(canGoBack);
}

void NewStoryPage::focusIdea()
{
    m_idea->focusIdea();
}

void NewStoryPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void NewStoryPage::retranslate()
{
    m_heading->setText(tr("New story"));
    m_hint->setText(tr("Tell the storyteller what the story should be about. Other stories can be read meanwhile: "
                       "what you type here stays."));
    m_back->setText(tr("&Back to the story"));
    m_back->setToolTip(tr("Escape"));
}

} // namespace Storybook::App
