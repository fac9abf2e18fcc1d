#include "ideapanel.h"

#include "pictureprompts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
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
    m_idea->setTabChangesFocus(true);
    m_idea->setMaximumHeight(fontMetrics().lineSpacing() * 6);

    m_age = new QComboBox(this);
    m_age->addItem(QString(), QStringLiteral("3-5"));
    m_age->addItem(QString(), QStringLiteral("6-8"));
    m_age->addItem(QString(), QStringLiteral("9-12"));
    m_age->setCurrentIndex(1);

    m_language = new QComboBox(this);
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh"));
    m_language->setCurrentIndex(QLocale().language() == QLocale::Chinese ? 1 : 0);

    m_pages = new QSpinBox(this);
    m_pages->setRange(2, 30);
    m_pages->setValue(8);

    m_style = new QLineEdit(this);

    m_pictures = new QCheckBox(this);
    m_artStyle = new QComboBox(this);
    for (const Story::ArtStyle& style : Story::PicturePrompts::artStyles())
        m_artStyle->addItem(QString(), style.id);
    m_artStyle->setEnabled(false);
    connect(m_pictures, &QCheckBox::toggled, m_artStyle, &QWidget::setEnabled);

    m_interactive = new QRadioButton(this);
    m_readToMe = new QRadioButton(this);
    m_interactive->setChecked(true);

    m_generate = new QPushButton(this);
    m_generate->setObjectName(QStringLiteral("writeStoryButton"));
    m_generate->setDefault(true);
    m_stop = new QPushButton(this);
    m_stop->setEnabled(false);

    auto* options = new QHBoxLayout;
    auto addLabelled = [this, options](QLabel*& label, QWidget* field) {
        label = new QLabel(this);
        label->setBuddy(field);
        options->addWidget(label);
        options->addWidget(field);
    };
    addLabelled(m_ageLabel, m_age);
    addLabelled(m_languageLabel, m_language);
    addLabelled(m_pagesLabel, m_pages);
    addLabelled(m_styleLabel, m_style);
    options->setStretchFactor(m_style, 1);

    auto* pictures = new QHBoxLayout;
    pictures->addWidget(m_pictures);
    m_artStyleLabel = new QLabel(this);
    m_artStyleLabel->setBuddy(m_artStyle);
    pictures->addWidget(m_artStyleLabel);
    pictures->addWidget(m_artStyle);
    pictures->addStretch(1);

    auto* modes = new QHBoxLayout;
    modes->addWidget(m_interactive);
    modes->addWidget(m_readToMe);
    modes->addStretch(1);
    modes->addWidget(m_stop);
    modes->addWidget(m_generate);

    m_ideaLabel = new QLabel(this);
    m_ideaLabel->setBuddy(m_idea);
    QFont heading = m_ideaLabel->font();
    heading.setBold(true);
    m_ideaLabel->setFont(heading);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_ideaLabel);
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
    retranslate();
}

void IdeaPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void IdeaPanel::retranslate()
{
    m_idea->setPlaceholderText(tr("What should the story be about? For example: a little fox who is afraid of the dark"));
    m_idea->setAccessibleName(tr("Story idea"));
    m_age->setItemText(0, tr("3–5 years"));
    m_age->setItemText(1, tr("6–8 years"));
    m_age->setItemText(2, tr("9–12 years"));
    m_age->setAccessibleName(tr("Age"));
    m_language->setAccessibleName(tr("Story language"));
    m_pages->setAccessibleName(tr("Number of pages"));
    m_style->setPlaceholderText(tr("gentle, funny, rhyming… (optional)"));
    m_style->setAccessibleName(tr("Style"));
    m_pictures->setText(tr("Pi&ctures on every page"));
    m_pictures->setToolTip(tr("Each page is painted by the picture provider set in Settings → Pictures, with the same characters on every page."));
    const QList<Story::ArtStyle> styles = Story::PicturePrompts::artStyles();
    for (int i = 0; i < int(styles.size()) && i < m_artStyle->count(); ++i)
        m_artStyle->setItemText(i, QCoreApplication::translate("Storybook::Story::ArtStyle", styles.at(i).name));
    m_artStyle->setAccessibleName(tr("Art style"));
    m_interactive->setText(tr("We choose on every page"));
    m_readToMe->setText(tr("Read to me (the story goes on by itself)"));
    m_generate->setText(tr("&Write the story"));
    m_generate->setToolTip(tr("Ctrl+Return"));
    m_stop->setText(tr("Stop"));
    m_ageLabel->setText(tr("&Age:"));
    m_languageLabel->setText(tr("&Language:"));
    m_pagesLabel->setText(tr("Pa&ges:"));
    m_styleLabel->setText(tr("St&yle:"));
    m_artStyleLabel->setText(tr("A&rt style:"));
    m_ideaLabel->setText(tr("Story &idea"));
}

void IdeaPanel::focusIdea()
{
    m_idea->setFocus(Qt::OtherFocusReason);
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
