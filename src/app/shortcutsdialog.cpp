#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Storybook::App {

namespace {
QString plainText(QString text)
{
    // "&Export…" → "Export…"; "导出(&E)…" → "导出…"
    static const QRegularExpression chineseMnemonic(QStringLiteral("\\(&.\\)"));
    text.remove(chineseMnemonic);
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text;
}
} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("What"), tr("Keys")});
    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));

    auto* menus = new QTreeWidgetItem(m_list, {tr("Menu commands")});
    for (const QAction* action : actions) {
        if (action->shortcuts().isEmpty() || action->text().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        new QTreeWidgetItem(menus, {plainText(action->text()), keys.join(tr(" or "))});
    }
    auto* reading = new QTreeWidgetItem(m_list, {tr("While reading (whatever has the focus)")});
    const QList<std::pair<QString, QString>> readingKeys{
        {tr("Choose answer 1 to 9"), tr("1 … 9")},
        {tr("Previous page / next page"), tr("← / →, Page Up / Page Down")},
        {tr("Next page"), tr("Space")},
        {tr("First page / last page"), tr("Home / End")},
        {tr("Back to the story, leave full screen"), tr("Escape")},
        {tr("While typing an answer or in a text field"), tr("digits, letters, Space, arrows, Home and End type in the field")},
    };
    for (const auto& [what, keys] : readingKeys)
        new QTreeWidgetItem(reading, {what, keys});
    auto* making = new QTreeWidgetItem(m_list, {tr("New story")});
    new QTreeWidgetItem(making, {tr("Write the story"), tr("Ctrl+Return")});
    new QTreeWidgetItem(making, {tr("Back to the story"), tr("Escape")});
    m_list->expandAll();
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(640, 520);
}

QList<std::pair<QString, QString>> ShortcutsDialog::rows() const
{
    QList<std::pair<QString, QString>> out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* group = m_list->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j)
            out.append({group->child(j)->text(0), group->child(j)->text(1)});
    }
    return out;
}

} // namespace Storybook::App
