#pragma once

#include <QColor>
#include <QObject>
#include <QPalette>
#include <QString>

#include <chrono>

class QLabel;
class QWidget;

namespace Storybook::SettingsUi {

// What the settings pages share: message colours, plain tool tips, problem labels under fields and
// the seconds shown in timeout spin boxes.
namespace Form {

enum class Tone { Normal, Warning, Good, Quiet };

// A colour for a tone that reads well in a light and in a dark palette.
[[nodiscard]] QColor toneColor(const QPalette& palette, Tone tone);
void setTone(QLabel* label, Tone tone);

// Tool tips interpret rich text; text that may come from a server is escaped first.
[[nodiscard]] QString plainToolTip(const QString& text);

// Sets a word-wrapped label's text and caps its height at what its real width needs (a form layout
// sizes a wrapped label's row for a narrower width than it finally gets, leaving gaps).
void setWrappedText(QLabel* label, const QString& text);
void fitHeight(QLabel* label);

// "⚠ text" in the warning colour, or hidden when text is empty.
void showProblem(QLabel* label, const QString& text);

// Qt 6.4.2's QFormLayout must never see one of its rows become hidden: when it lays out, it skips a
// row whose widgets are all hidden but keeps that row's index from the previous layout, then writes
// (setupHfwLayoutData, from heightForWidth) and reads (arrangeWidgets, from setGeometry) its arrays at
// that stale index, past their end once rows have gone hidden: heap corruption that crashed later
// (issue 14: a SEGV at exit after the settings dialog was shown, and in QFormLayout::setGeometry).
// Later Qt resets the index of a hidden row. So a message that comes and goes never has a row of its
// own: for every form under `page`, a row that is only a label (no label column) moves into a box
// layout under the field of the row above; a row whose field is a layout always stays visible, and a
// widget hidden inside a box layout is safe. Call once, right after setupUi(). tst_formrows checks it.
void keepMessageRowsVisible(QWidget* page);

[[nodiscard]] int toSeconds(std::chrono::milliseconds value);
// The spin box value in milliseconds; the original value when the user left the (rounded) field alone.
[[nodiscard]] std::chrono::milliseconds fromSeconds(int seconds, std::chrono::milliseconds original);

// Keeps the height of wrapped message labels fitted to their width when they are resized.
class WrapFitter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrapFitter)

public:
    explicit WrapFitter(QObject* parent);
    // Also gives the label the field's whole width rather than its preferred one.
    void watch(QLabel* label);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace Form
} // namespace Storybook::SettingsUi
