#include "childmode.h"

#include "grownupcheck.h"
#include "pindialog.h"
#include "readerwidget.h"
#include "readingtheme.h"
#include "story.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QSettings>

namespace Storybook::App {

namespace {
const auto OnKey = QStringLiteral("childMode/on");
const auto HeldBackKey = QStringLiteral("childMode/heldBack");
const auto ContentFilter = QStringLiteral("content-filter");
} // namespace

ChildMode::ChildMode(QMainWindow* window, Widgets::ReaderWidget* reader)
    : QObject(window)
    , m_window(window)
    , m_reader(reader)
    , m_lock(std::make_unique<ParentLock>())
{
    m_toggle = new QAction(this);
    m_toggle->setObjectName(QStringLiteral("childModeAction"));
    m_toggle->setShortcut(QKeySequence(Qt::Key_F12));
    connect(m_toggle, &QAction::triggered, this, [this] { m_on ? requestLeave() : enter(); });
    window->addAction(m_toggle); // F12 works with the menus hidden
    m_pinAction = new QAction(this);
    m_pinAction->setObjectName(QStringLiteral("childModePinAction"));
    connect(m_pinAction, &QAction::triggered, this, [this] { unlockSettingsThen([this] { editPin(); }); });

    m_bar = new QWidget(window);
    m_bar->setObjectName(QStringLiteral("childModeBar"));
    auto* layout = new QHBoxLayout(m_bar);
    layout->setContentsMargins(8, 4, 8, 4);
    m_card = new QLabel(m_bar);
    m_card->setObjectName(QStringLiteral("childModeCard"));
    m_card->setTextFormat(Qt::PlainText);
    m_card->setWordWrap(true);
    m_card->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); border-radius: 8px; padding: 10px; font-size: 120%; }"));
    m_card->hide();
    layout->addWidget(m_card, 1);
    layout->addStretch();
    m_parentButton = new QPushButton(m_bar);
    m_parentButton->setObjectName(QStringLiteral("parentButton"));
    m_parentButton->setFlat(true);
    m_parentButton->setFocusPolicy(Qt::NoFocus); // the story keeps the focus
    m_parentButton->setAutoDefault(false);
    connect(m_parentButton, &QPushButton::clicked, this, &ChildMode::requestLeave);
    layout->addWidget(m_parentButton, 0, Qt::AlignTop);
    m_bar->hide();
    retranslate();
}

ChildMode::~ChildMode() = default;

void ChildMode::setLocked(QList<QWidget*> hidden, QList<QAction*> locked)
{
    m_hidden = std::move(hidden);
    m_locked = std::move(locked);
    m_locked.removeAll(m_toggle);
    if (QSettings().value(OnKey, false).toBool())
        enter();
}

void ChildMode::setClock(ParentLock::Clock clock)
{
    m_clock = clock;
    m_lock->setClock(std::move(clock));
}

void ChildMode::retranslate()
{
    m_toggle->setText(tr("&Child mode"));
    m_toggle->setToolTip(tr("Child mode: only reading and answering, full screen (F12)"));
    m_pinAction->setText(tr("Child mode &PIN…"));
    m_parentButton->setText(tr("Parent"));
    m_parentButton->setToolTip(tr("Leave child mode (for grown-ups)"));
    m_card->setText(tr("Let's choose another way! Pick another answer below."));
}

void ChildMode::enter()
{
    if (m_on)
        return;
    m_on = true;
    QSettings().setValue(OnKey, true);
    m_wasFullScreen = m_window->isFullScreen();
    m_mapWasVisible = m_reader->isMapVisible();
    apply();
    m_window->showFullScreen();
    m_reader->focusStory();
    Q_EMIT changed(true);
}

void ChildMode::leave()
{
    if (!m_on)
        return;
    m_on = false;
    QSettings().setValue(OnKey, false);
    m_card->hide();
    apply();
    if (!m_wasFullScreen)
        m_window->showNormal();
    Q_EMIT changed(false);
}

void ChildMode::apply()
{
    if (m_on) {
        m_hiddenByUs.clear();
        for (QWidget* widget : std::as_const(m_hidden)) {
            if (!widget->isHidden()) {
                m_hiddenByUs.append(widget);
                widget->hide();
            }
        }
        m_reader->setMapVisible(false);
    } else {
        for (QWidget* widget : std::as_const(m_hiddenByUs))
            widget->show();
        m_hiddenByUs.clear();
        m_reader->setMapVisible(m_mapWasVisible);
        for (QAction* action : std::as_const(m_locked))
            action->setEnabled(true); // the window's updateActions sets the rest right
    }
    if (m_on) { // the strip has the page's colours: one calm surface for the child
        m_bar->setPalette(Widgets::ReadingTheme::fromPalette(m_reader->palette()).pagePalette(m_reader->palette()));
        m_bar->setBackgroundRole(QPalette::Base);
        m_bar->setAutoFillBackground(true);
    }
    m_bar->setVisible(m_on);
    m_pinAction->setEnabled(!m_on);
    enforce();
}

void ChildMode::enforce()
{
    if (!m_on)
        return;
    for (QAction* action : std::as_const(m_locked))
        action->setEnabled(false);
}

void ChildMode::showDialog(QDialog* dialog, std::function<void()> onAccepted)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, std::move(onAccepted));
    connect(dialog, &QDialog::finished, this, [this] {
        if (m_on)
            m_reader->focusStory();
    });
    dialog->open();
}

void ChildMode::requestLeave()
{
    if (!m_on)
        return;
    if (m_lock->hasPin())
        showDialog(new PinDialog(m_lock.get(), tr("Type the parent PIN to leave child mode."), m_window), [this] { leave(); });
    else
        showDialog(new GrownUpCheck(m_clock ? m_clock : [this] { return m_lock->now(); }, m_window), [this] { leave(); });
}

void ChildMode::unlockSettingsThen(std::function<void()> then)
{
    if (m_on)
        return;
    if (!m_lock->settingsLocked()) {
        then();
        return;
    }
    showDialog(new PinDialog(m_lock.get(), tr("The settings are locked. Type the parent PIN to open them."), m_window),
               std::move(then));
}

void ChildMode::editPin()
{
    showDialog(new PinSettingsDialog(m_lock.get(), m_window), [] {});
}

QString ChildMode::pageToShow(const Story::Story& story, const QString& pageId)
{
    if (!m_on) {
        m_card->hide();
        return pageId;
    }
    const Story::Page* page = story.page(pageId);
    if (!page || !page->isDraft() || page->noteCode != ContentFilter) {
        if (pageId != m_cardPage)
            m_card->hide(); // the card stays on the page shown in place of the refused one
        return pageId;
    }
    // The page before it on the story's path, with its answers: the child picks another way.
    QString before;
    const qsizetype at = story.path.indexOf(pageId);
    if (at > 0)
        before = story.path.at(at - 1);
    else
        before = page->parentId;
    QSettings settings;
    const QStringList held = settings.value(HeldBackKey).toStringList();
    if (!held.contains(pageId)) {
        settings.setValue(HeldBackKey, QStringList(held) << pageId);
        Q_EMIT pageHeldBack(pageId);
    }
    m_cardPage = before;
    m_card->show();
    return before;
}

int ChildMode::takeHeldBack()
{
    QSettings settings;
    const int count = int(settings.value(HeldBackKey).toStringList().size());
    settings.remove(HeldBackKey);
    return count;
}

} // namespace Storybook::App
