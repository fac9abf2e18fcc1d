#include "ideapanel.h"

#include "pictureprompts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Storybook::App {

IdeaPanel::IdeaPanel(QWidget* parent)
    : QWidget(parent)
{
    m_idea = new QPlainTextEdit(this);
    m_idea->setPlaceholderText(tr("What should the story be about? For example: a little fox who is afraid of the dark"));
    m_idea->setTabChangesFocus(true);
    m_idea->setMaximumHeight(fontMetrics().lineSpacing() * 4);
    m_idea->setAccessibleName(tr("Story idea"));

    m_age = new QComboBox(this);
    m_age->addItem(tr("3–5 years"), QStringLiteral("3-5"));
    m_age->addItem(tr("6–8 years"), QStringLiteral("6-8"));
    m_age->addItem(tr("9–12 years"), QStringLiteral("9-12"));
    m_age->setCurrentIndex(1);
    m_age->setAccessibleName(tr("Age"));

    m_language = new QComboBox(this);
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh"));
    m_language->setCurrentIndex(QLocale().language() == QLocale::Chinese ? 1 : 0);
    m_language->setAccessibleName(tr("Story language"));

    m_pages = new QSpinBox(this);
    m_pages->setRange(2, 30);
    m_pages->setValue(8);
    m_pages->setAccessibleName(tr("Number of pages"));

    m_style = new QLineEdit(this);
    m_style->setPlaceholderText(tr("gentle, funny, rhyming… (optional)"));
    m_style->setAccessibleName(tr("Style"));

    m_pictures = new QCheckBox(tr("Pi&ctures on every page"), this);
    m_pictures->setToolTip(tr("Each page is painted by the picture provider set in Settings → Pictures, with the same characters on every page."));
    m_artStyle = new QComboBox(this);
    for (const Story::ArtStyle& style : Story::PicturePrompts::artStyles())
        m_artStyle->addItem(QCoreApplication::translate("Storybook::Story::ArtStyle", style.name), style.id);
    m_artStyle->setAccessibleName(tr("Art style"));
    m_artStyle->setEnabled(false);
    connect(m_pictures, &QCheckBox::toggled, m_artStyle, &QWidget::setEnabled);

    m_interactive = new QRadioButton(tr("We choose on every page"), this);
    m_readToMe = new QRadioButton(tr("Read to me (the story goes on by itself)"), this);
    m_interactive->setChecked(true);

    m_generate = new QPushButton(tr("Write the story"), this);
    m_generate->setDefault(true);
    m_generate->setToolTip(tr("Ctrl+Return"));
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setEnabled(false);

    auto* options = new QHBoxLayout;
    auto addLabelled = [this, options](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        options->addWidget(label);
        options->addWidget(field);
    };
    addLabelled(tr("&Age:"), m_age);
    addLabelled(tr("&Language:"), m_language);
    addLabelled(tr("&Pages:"), m_pages);
    addLabelled(tr("St&yle:"), m_style);
    options->setStretchFactor(m_style, 1);

    auto* pictures = new QHBoxLayout;
    pictures->addWidget(m_pictures);
    auto* styleLabel = new QLabel(tr("A&rt style:"), this);
    styleLabel->setBuddy(m_artStyle);
    pictures->addWidget(styleLabel);
    pictures->addWidget(m_artStyle);
    pictures->addStretch(1);

    auto* modes = new QHBoxLayout;
    modes->addWidget(m_interactive);
    modes->addWidget(m_readToMe);
    modes->addStretch(1);
    modes->addWidget(m_stop);
    modes->addWidget(m_generate);

    auto* ideaLabel = new QLabel(tr("Story &idea"), this);
    ideaLabel->setBuddy(m_idea);
    QFont heading = ideaLabel->font();
    heading.setBold(true);
    ideaLabel->setFont(heading);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(ideaLabel);
    layout->addWidget(m_idea);
    layout->addLayout(options);
    layout->addLayout(pictures);
    layout->addLayout(modes);

    connect(m_generate, &QPushButton::clicked, this, &IdeaPanel::generateRequested);
    connect(m_stop, &QPushButton::clicked, this, &IdeaPanel::stopRequested);
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, [this] {
        if (m_generate->isEnabled())
            Q_EMIT generateRequested();
    });
}

Story::StorySettings IdeaPanel::settings() const
{
    Story::StorySettings s;
    s.idea = m_idea->toPlainText().trimmed();
    s.ageBand = m_age->currentData().toString();
    s.language = m_language->currentData().toString();
    s.pageCount = m_pages->value();
    s.style = m_style->text().trimmed();
    s.readToMe = m_readToMe->isChecked();
    s.pictures = m_pictures->isChecked();
    s.artStyle = m_artStyle->currentData().toString();
    return s;
}

void IdeaPanel::setSettings(const Story::StorySettings& s)
{
    m_idea->setPlainText(s.idea);
    if (const int i = m_age->findData(s.ageBand); i >= 0)
        m_age->setCurrentIndex(i);
    if (const int i = m_language->findData(s.language.left(2)); i >= 0)
        m_language->setCurrentIndex(i);
    m_pages->setValue(s.pageCount);
    m_style->setText(s.style);
    (s.readToMe ? m_readToMe : m_interactive)->setChecked(true);
    m_pictures->setChecked(s.pictures);
    if (const int i = m_artStyle->findData(s.artStyle); i >= 0)
        m_artStyle->setCurrentIndex(i);
}

void IdeaPanel::setPictureDefaults(bool pictures, const QString& artStyle)
{
    m_pictures->setChecked(pictures);
    if (const int i = m_artStyle->findData(artStyle); i >= 0)
        m_artStyle->setCurrentIndex(i);
}

void IdeaPanel::setBusy(bool busy)
{
    m_generate->setEnabled(!busy);
    m_stop->setEnabled(busy);
}

} // namespace Storybook::App
