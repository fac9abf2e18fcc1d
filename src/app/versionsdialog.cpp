#include "versionsdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace Storybook::App {

namespace {
constexpr int PreviewCharacters = 48;
} // namespace

VersionsDialog::VersionsDialog(std::shared_ptr<const Story::Story> story, const QString& pageId, QWidget* parent)
    : QDialog(parent)
    , m_story(std::move(story))
    , m_pageId(pageId)
{
    setWindowTitle(tr("Earlier versions of this page"));
    setObjectName(QStringLiteral("versionsDialog"));

    auto* intro = new QLabel(tr("Choose a version to read it. Restoring it brings back its question and the pages "
                                "written after it; the version shown now is kept too."),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Earlier versions"));
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("The text of the chosen version"));
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_list);
    split->addWidget(m_text);
    split->setStretchFactor(1, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restore = buttons->addButton(tr("&Restore this version"), QDialogButtonBox::AcceptRole);
    m_restore->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(760, 460);

    const Story::Page* page = m_story ? m_story->page(pageId) : nullptr;
    const QLocale locale;
    if (page) {
        // Newest first: the one most likely wanted back.
        for (qsizetype i = page->previousVersions.size() - 1; i >= 0; --i) {
            const Story::PageVersion& version = page->previousVersions.at(i);
            QString preview = version.text.simplified().left(PreviewCharacters);
            if (version.text.simplified().size() > PreviewCharacters)
                preview += QStringLiteral("…");
            const QString when = version.replaced.isValid()
                                     ? locale.toString(version.replaced.toLocalTime(), QLocale::ShortFormat)
                                     : tr("earlier");
            auto* item = new QListWidgetItem(tr("%1 — %2").arg(when, preview), m_list);
            item->setData(Qt::UserRole, qlonglong(i));
        }
    }
    if (m_list->count() == 0) {
        m_text->setPlainText(tr("This page has no earlier versions."));
    }
    connect(m_list, &QListWidget::currentRowChanged, this, &VersionsDialog::showVersion);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

VersionsDialog::~VersionsDialog() = default;

qsizetype VersionsDialog::chosenVersion() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? qsizetype(item->data(Qt::UserRole).toLongLong()) : -1;
}

QString VersionsDialog::describe(const Story::PageVersion& version, qsizetype branches)
{
    QString out = version.text;
    if (version.ending) {
        out += u"\n\n" + tr("(This version ended the story.)");
    } else if (version.interaction) {
        if (!version.interaction->question.isEmpty())
            out += u"\n\n" + version.interaction->question;
        for (qsizetype i = 0; i < version.interaction->options.size(); ++i)
            out += u'\n' + tr("%1. %2").arg(i + 1).arg(version.interaction->options.at(i));
    }
    if (branches > 0)
        out += u"\n\n" + tr("%n page(s) were written after this version.", nullptr, int(branches));
    return out;
}

void VersionsDialog::showVersion(int row)
{
    const Story::Page* page = m_story ? m_story->page(m_pageId) : nullptr;
    const QListWidgetItem* item = m_list->item(row);
    if (!page || !item) {
        m_restore->setEnabled(false);
        return;
    }
    const qsizetype index = qsizetype(item->data(Qt::UserRole).toLongLong());
    const Story::PageVersion& version = page->previousVersions.at(index);
    // Branches count only for a version whose question differs from the current one's.
    const qsizetype branches = version.number == page->version ? 0 : m_story->childrenOfVersion(m_pageId, version.number).size();
    m_text->setPlainText(describe(version, branches));
    m_restore->setEnabled(true);
}

} // namespace Storybook::App
