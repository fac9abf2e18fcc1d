#pragma once

#include <QFormLayout>
#include <QLayoutItem>
#include <QStringList>
#include <QWidget>

namespace Storybook::Test {

/*!
 * Every row of every QFormLayout under `root` that is hidden as a whole (QFormLayout::isRowVisible()
 * false: its label and its field are hidden widgets, or the row was hidden with setRowVisible()),
 * described as "form <name>, row <n> (<items>)". Header-only: for tests that link Qt Widgets.
 *
 * Why a form must never hide a row (issue 14): Qt 6.4's QFormLayout skips a hidden row when it lays
 * out its rows but keeps the place the row had in the previous layout, and then writes the row's
 * height at that stale place (setupHfwLayoutData) and reads its geometry from it (arrangeWidgets).
 * Once rows have gone hidden that place is past the end of the arrays: heap corruption (a crash
 * much later, e.g. at exit) or a SEGV inside QFormLayout::setGeometry. Later Qt versions forget the
 * place of a hidden row; until then a message under a field shares the field's row, inside a box
 * layout of its own, where hiding it is safe.
 */
inline QStringList hiddenFormRows(const QWidget* root)
{
    const auto describe = [](QLayoutItem* item) -> QString {
        if (!item)
            return QStringLiteral("-");
        if (const QWidget* widget = item->widget()) {
            return widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                                  : widget->objectName();
        }
        if (const QLayout* layout = item->layout()) {
            return layout->objectName().isEmpty() ? QString::fromLatin1(layout->metaObject()->className())
                                                  : layout->objectName();
        }
        return QStringLiteral("spacer");
    };
    QStringList hidden;
    const QList<QFormLayout*> forms = root->findChildren<QFormLayout*>();
    for (const QFormLayout* form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (form->isRowVisible(row))
                continue;
            QLayoutItem* label = form->itemAt(row, QFormLayout::LabelRole);
            QLayoutItem* field = form->itemAt(row, QFormLayout::FieldRole);
            if (!field)
                field = form->itemAt(row, QFormLayout::SpanningRole);
            QString name = form->objectName();
            if (name.isEmpty() && form->parentWidget())
                name = form->parentWidget()->objectName() + QStringLiteral("'s form");
            hidden << QStringLiteral("form %1, row %2 (%3, %4)").arg(name).arg(row).arg(describe(label), describe(field));
        }
    }
    return hidden;
}

} // namespace Storybook::Test
