#include "formhelpers.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace Storybook::SettingsUi::Form {

QColor toneColor(const QPalette& palette, Tone tone)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    switch (tone) {
    case Tone::Warning:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
    case Tone::Good:
        return dark ? QColor(0x8b, 0xe0, 0x8b) : QColor(0x1b, 0x7a, 0x2e);
    case Tone::Quiet:
        return palette.color(QPalette::PlaceholderText);
    case Tone::Normal:
        break;
    }
    return palette.color(QPalette::WindowText);
}

void setTone(QLabel* label, Tone tone)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, toneColor(palette, tone));
    label->setPalette(palette);
}

QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

namespace {

// Moves the message row `row` (a label alone) under the field of the row above; false when that row
// has no field to go under.
bool putUnderFieldAbove(QFormLayout* form, int row)
{
    QLayoutItem* aboveField = form->itemAt(row - 1, QFormLayout::FieldRole);
    if (!aboveField)
        aboveField = form->itemAt(row - 1, QFormLayout::SpanningRole);
    if (!aboveField || (!aboveField->widget() && !aboveField->layout()))
        return false;
    const QFormLayout::TakeRowResult below = form->takeRow(row);
    QWidget* message = below.fieldItem->widget();
    delete below.fieldItem; // the item, not the message
    const QFormLayout::TakeRowResult above = form->takeRow(row - 1);
    auto* box = new QVBoxLayout;
    box->setContentsMargins(0, 0, 0, 0);
    if (QLayout* layout = above.fieldItem->layout()) {
        box->addLayout(layout);
    } else if (QWidget* widget = above.fieldItem->widget()) {
        box->addWidget(widget);
        delete above.fieldItem;
    }
    box->addWidget(message);
    QWidget* label = above.labelItem ? above.labelItem->widget() : nullptr;
    delete above.labelItem;
    if (label)
        form->insertRow(row - 1, label, box);
    else
        form->insertRow(row - 1, box);
    return true;
}

} // namespace

void keepMessageRowsVisible(QWidget* page)
{
    const QList<QFormLayout*> forms = page->findChildren<QFormLayout*>();
    for (QFormLayout* form : forms) {
        // Top down: a message moved up leaves the next row at the same number; a run of messages
        // under one field ends up in order under it.
        int row = 1;
        while (row < form->rowCount()) {
            QLayoutItem* item = form->itemAt(row, QFormLayout::SpanningRole);
            if (!item && !form->itemAt(row, QFormLayout::LabelRole))
                item = form->itemAt(row, QFormLayout::FieldRole);
            if (item && qobject_cast<QLabel*>(item->widget()) && putUnderFieldAbove(form, row))
                continue;
            ++row;
        }
    }
}

void setWrappedText(QLabel* label, const QString& text)
{
    label->setText(text);
    fitHeight(label);
}

void fitHeight(QLabel* label)
{
    const int width = label->width();
    const int height = width > 0 ? label->heightForWidth(width) : -1;
    label->setMaximumHeight(height > 0 ? height : QWIDGETSIZE_MAX);
}

void showProblem(QLabel* label, const QString& text)
{
    if (text.isEmpty()) {
        label->clear();
        label->setVisible(false);
        return;
    }
    label->setText(QStringLiteral("⚠ ") + text);
    fitHeight(label);
    setTone(label, Tone::Warning);
    label->setVisible(true);
}

int toSeconds(std::chrono::milliseconds value)
{
    return int(std::lround(double(value.count()) / 1000.0));
}

std::chrono::milliseconds fromSeconds(int seconds, std::chrono::milliseconds original)
{
    if (toSeconds(original) == seconds)
        return original;
    return std::chrono::seconds(seconds);
}

WrapFitter::WrapFitter(QObject* parent)
    : QObject(parent)
{
}

void WrapFitter::watch(QLabel* label)
{
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    label->installEventFilter(this);
}

bool WrapFitter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize) {
        if (auto* label = qobject_cast<QLabel*>(watched))
            fitHeight(label);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Storybook::SettingsUi::Form
