#include "profiledialog.h"

#include "readinglevel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Storybook::App {

namespace {
QStringList commaList(const QString& text)
{
    QStringList out;
    for (const QString& item : text.split(u',')) {
        if (!item.trimmed().isEmpty())
            out.append(item.trimmed());
    }
    return out;
}
} // namespace

ProfileDialog::ProfileDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("A child's profile"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_age = new QSpinBox(this);
    m_age->setRange(0, 18);
    m_age->setSpecialValueText(tr("not given"));
    m_age->setValue(0);
    m_pronouns = new QComboBox(this);
    m_pronouns->setEditable(true);
    m_pronouns->addItems({QString(), QStringLiteral("she"), QStringLiteral("he"), QStringLiteral("they"),
                          QStringLiteral("她"), QStringLiteral("他")});
    m_level = new QComboBox(this);
    m_level->addItem(tr("From the age"), QString());
    for (const Story::ReadingLevel& level : Story::ReadingLevel::all())
        m_level->addItem(level.title(), level.name());
    m_animals = new QLineEdit(this);
    m_colours = new QLineEdit(this);
    m_toys = new QLineEdit(this);
    m_friends = new QLineEdit(this);
    for (QLineEdit* list : {m_animals, m_colours, m_toys, m_friends})
        list->setPlaceholderText(tr("separated by commas"));

    auto* note = new QLabel(tr("Kept on this computer only. It goes to the storyteller only inside the prompt of a "
                               "story you start with this child as the hero."), this);
    note->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Age:"), m_age);
    form->addRow(tr("&Pronouns:"), m_pronouns);
    form->addRow(tr("&Reading level:"), m_level);
    form->addRow(tr("Favourite a&nimals:"), m_animals);
    form->addRow(tr("Favourite &colours:"), m_colours);
    form->addRow(tr("Favourite &toys:"), m_toys);
    form->addRow(tr("&Friends and siblings:"), m_friends);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_name, &QLineEdit::textChanged, ok, [ok](const QString& text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void ProfileDialog::setProfile(const Story::ChildProfile& p)
{
    m_id = p.id;
    m_name->setText(p.name);
    m_age->setValue(p.age);
    m_pronouns->setCurrentText(p.pronouns);
    m_level->setCurrentIndex(std::max(0, m_level->findData(p.readingLevel)));
    m_animals->setText(p.animals.join(QStringLiteral(", ")));
    m_colours->setText(p.colours.join(QStringLiteral(", ")));
    m_toys->setText(p.toys.join(QStringLiteral(", ")));
    m_friends->setText(p.friends.join(QStringLiteral(", ")));
}

Story::ChildProfile ProfileDialog::profile() const
{
    Story::ChildProfile p;
    p.id = m_id;
    p.name = m_name->text().trimmed();
    p.age = m_age->value();
    p.pronouns = m_pronouns->currentText().trimmed();
    p.readingLevel = m_level->currentData().toString();
    p.animals = commaList(m_animals->text());
    p.colours = commaList(m_colours->text());
    p.toys = commaList(m_toys->text());
    p.friends = commaList(m_friends->text());
    return p;
}

} // namespace Storybook::App
