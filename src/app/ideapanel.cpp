#include "ideapanel.h"

#include <algorithm>

#include "library.h"
#include "pictureprompts.h"
#include "profiledialog.h"
#include "readinglevel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
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

    m_hero = new QComboBox(this);
    m_hero->setObjectName(QStringLiteral("heroBox"));
    m_addChild = new QPushButton(this);
    m_addChild->setObjectName(QStringLiteral("addChildButton"));
    connect(m_addChild, &QPushButton::clicked, this, &IdeaPanel::addChild);
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("readingLevelBox"));
    m_level->addItem(QString(), QString());
    for (const Story::ReadingLevel& level : Story::ReadingLevel::all())
        m_level->addItem(QString(), level.name());
    m_lesson = new QLineEdit(this);
    m_lesson->setObjectName(QStringLiteral("lessonEdit"));
    m_cast = new QListWidget(this);
    m_cast->setObjectName(QStringLiteral("familyCastList"));
    m_cast->setFlow(QListView::LeftToRight);
    m_cast->setWrapping(true);
    m_cast->setMaximumHeight(fontMetrics().lineSpacing() * 3);
    m_characters = new QLineEdit(this);
    m_characters->setObjectName(QStringLiteral("charactersEdit"));
    m_familyProblem = new QLabel(this);
    m_familyProblem->setTextFormat(Qt::PlainText);
    m_familyProblem->setWordWrap(true);
    m_familyProblem->hide();
    m_saveToCast = new QAction(this);
    m_saveToCast->setObjectName(QStringLiteral("saveToFamilyCastAction"));

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

    auto* family = new QHBoxLayout;
    auto addFamily = [this, family](QLabel*& label, QWidget* field) {
        label = new QLabel(this);
        label->setBuddy(field);
        family->addWidget(label);
        family->addWidget(field);
    };
    addFamily(m_heroLabel, m_hero);
    family->addWidget(m_addChild);
    addFamily(m_levelLabel, m_level);
    addFamily(m_lessonLabel, m_lesson);
    family->setStretchFactor(m_lesson, 1);

    auto* characters = new QHBoxLayout;
    m_castLabel = new QLabel(this);
    m_castLabel->setBuddy(m_cast);
    characters->addWidget(m_castLabel);
    characters->addWidget(m_cast, 1);
    m_charactersLabel = new QLabel(this);
    m_charactersLabel->setBuddy(m_characters);
    characters->addWidget(m_charactersLabel);
    characters->addWidget(m_characters, 1);

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
    layout->addLayout(family);
    layout->addLayout(characters);
    layout->addWidget(m_familyProblem);
    layout->addLayout(pictures);
    layout->addLayout(modes);

    connect(m_generate, &QPushButton::clicked, this, &IdeaPanel::generateRequested);
    connect(m_stop, &QPushButton::clicked, this, &IdeaPanel::stopRequested);
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, [this] {
        if (m_generate->isEnabled())
            Q_EMIT generateRequested();
    });
    fillHeroes({});
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
    m_pictures->setText(tr("Pict&ures on every page"));
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
    m_heroLabel->setText(tr("H&ero:"));
    m_hero->setToolTip(tr("The child the story is about: their name, age and favourite things go into the story."));
    if (m_hero->count() > 0)
        m_hero->setItemText(0, tr("No one in particular"));
    m_addChild->setText(tr("Add a chil&d…"));
    m_levelLabel->setText(tr("Readi&ng level:"));
    m_level->setItemText(0, tr("Automatic"));
    m_level->setToolTip(tr("Automatic: from the hero's age, else from the age above."));
    const QList<Story::ReadingLevel> levels = Story::ReadingLevel::all();
    for (int i = 0; i < int(levels.size()); ++i)
        m_level->setItemText(i + 1, levels.at(i).title());
    m_lessonLabel->setText(tr("Less&on:"));
    m_lesson->setPlaceholderText(tr("sharing, being brave… (optional)"));
    m_castLabel->setText(tr("&Family cast:"));
    m_cast->setAccessibleName(tr("Characters from the family cast"));
    m_cast->setToolTip(tr("Characters saved from other stories (Story → Save a character to the family cast). "
                          "Ticked ones keep their name and look in the new story."));
    m_charactersLabel->setText(tr("Other &characters:"));
    m_characters->setPlaceholderText(tr("a talking bus, Grandma… (optional)"));
    m_saveToCast->setText(tr("Save a character to the &family cast…"));
}

void IdeaPanel::setFamilyFolder(const QString& libraryFolder)
{
    const Story::StorySettings before = settings();
    m_profiles = std::make_unique<Story::ProfileStore>(Story::ProfileStore::pathBeside(libraryFolder));
    m_familyCast = std::make_unique<Story::FamilyCast>(Story::FamilyCast::pathBeside(libraryFolder));
    QStringList problems;
    for (const QString& problem : {m_profiles->load(), m_familyCast->load()}) {
        if (!problem.isEmpty())
            problems.append(problem);
    }
    showFamilyProblem(problems.join(u' '));
    fillHeroes(before.hero.profileId);
    QStringList checked;
    for (const Story::CastMember& member : before.chosenCast)
        checked.append(member.name);
    fillFamilyCast(checked);
}

void IdeaPanel::showFamilyProblem(const QString& problem)
{
    m_familyProblem->setText(problem);
    m_familyProblem->setVisible(!problem.isEmpty());
}

void IdeaPanel::fillHeroes(const QString& selectId)
{
    m_hero->clear();
    m_hero->addItem(tr("No one in particular"), QString());
    if (m_profiles) {
        for (const Story::ChildProfile& p : m_profiles->profiles())
            m_hero->addItem(p.name, p.id);
    }
    m_hero->setCurrentIndex(std::max(0, m_hero->findData(selectId)));
}

void IdeaPanel::fillFamilyCast(const QStringList& checkedNames)
{
    m_cast->clear();
    if (!m_familyCast)
        return;
    for (const Story::FamilyCharacter& c : m_familyCast->characters()) {
        auto* item = new QListWidgetItem(c.name, m_cast);
        item->setData(Qt::UserRole, c.id);
        item->setToolTip(c.look);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool checked = std::any_of(checkedNames.cbegin(), checkedNames.cend(), [&c](const QString& name) {
            return name.compare(c.name, Qt::CaseInsensitive) == 0;
        });
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

QString IdeaPanel::addProfile(Story::ChildProfile profile)
{
    if (!m_profiles)
        setFamilyFolder(Story::Library::defaultFolder());
    const QString problem = m_profiles->add(profile);
    if (problem.isEmpty())
        fillHeroes(profile.id);
    return problem;
}

void IdeaPanel::addChild()
{
    ProfileDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    showFamilyProblem(addProfile(dialog.profile()));
}

QString IdeaPanel::saveToFamilyCast(const Story::Story& story, const QString& name)
{
    if (!m_familyCast)
        setFamilyFolder(Story::Library::defaultFolder());
    auto character = Story::FamilyCharacter::fromStory(story, name);
    if (!character)
        return tr("“%1” is not in this story's cast.").arg(name);
    QStringList checked;
    for (const Story::CastMember& member : settings().chosenCast)
        checked.append(member.name);
    const QString problem = m_familyCast->save(*character);
    if (problem.isEmpty())
        fillFamilyCast(checked);
    return problem;
}

void IdeaPanel::askSaveToFamilyCast(const Story::Story& story)
{
    QStringList names;
    for (const Story::CastMember& member : story.cast)
        names.append(member.name);
    if (names.isEmpty()) {
        showFamilyProblem(tr("This story has no characters to save yet."));
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getItem(window(), tr("Save to the family cast"),
                                               tr("Which character should the family keep for later stories?"), names, 0,
                                               false, &ok);
    if (ok)
        showFamilyProblem(saveToFamilyCast(story, name));
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
    s.moral = m_lesson->text().trimmed();
    s.characters = m_characters->text().trimmed();
    s.readingLevel = m_level->currentData().toString();
    if (m_profiles) {
        if (const auto hero = m_profiles->find(m_hero->currentData().toString()); hero && !m_hero->currentData().toString().isEmpty()) {
            s.hero = hero->asHero();
            if (s.readingLevel.isEmpty() && Story::ReadingLevel::fromName(hero->readingLevel))
                s.readingLevel = hero->readingLevel;
        }
    }
    if (m_familyCast) {
        for (int i = 0; i < m_cast->count() && s.chosenCast.size() < Story::Story::MaxCast; ++i) {
            const QListWidgetItem* item = m_cast->item(i);
            if (item->checkState() != Qt::Checked)
                continue;
            if (const auto c = m_familyCast->find(item->data(Qt::UserRole).toString()))
                s.chosenCast.append(c->asCastMember());
        }
    }
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
    m_lesson->setText(s.moral);
    m_characters->setText(s.characters);
    m_level->setCurrentIndex(std::max(0, m_level->findData(s.readingLevel)));
    m_hero->setCurrentIndex(std::max(0, m_hero->findData(s.hero.profileId)));
    for (int i = 0; i < m_cast->count(); ++i) {
        QListWidgetItem* item = m_cast->item(i);
        const bool chosen = std::any_of(s.chosenCast.cbegin(), s.chosenCast.cend(), [item](const Story::CastMember& m) {
            return m.name.compare(item->text(), Qt::CaseInsensitive) == 0;
        });
        item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
    }
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
