// Child mode and the parent lock (issue 19): what is hidden and disabled, the keys that do nothing
// (Ctrl+Q, Ctrl+N, Ctrl+,, Delete, F9/F10, Escape, Alt+F4 as a close event), the reading keys that
// still work, leaving with a PIN (right, wrong three times → a wait) and without one (a held key
// on an injected clock, then a sum), starting again in child mode, the settings lock, the page
// the provider refused, and the PIN never in the settings file or the log in clear.
#include "childmode.h"
#include "errorbanner.h"
#include "fakeopenaiserver.h"
#include "grownupcheck.h"
#include "ideapanel.h"
#include "librarysidebar.h"
#include "mainwindow.h"
#include "parentlock.h"
#include "pindialog.h"
#include "readerwidget.h"
#include "storygenerator.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMutex>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace Storybook;
using namespace Storybook::Test;

namespace {
const auto Pin = QStringLiteral("73914");

QMutex logMutex;
QString capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker locker(&logMutex);
        capturedLog += message + u'\n';
    }
    if (previousHandler)
        previousHandler(type, context, message);
}
} // namespace

class TestChildMode final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir* m_dir = nullptr;
    std::shared_ptr<qint64> m_now; // the injected clock, in milliseconds

    Llm::ConnectionSettings settingsFor(const QString& scenario) const
    {
        Llm::ConnectionSettings s;
        s.baseUrl = m_server->baseUrl(scenario);
        s.model = QStringLiteral("fake-small");
        s.proxy.mode = Llm::ProxySettings::Mode::None;
        s.retries = 0;
        s.connectTimeout = std::chrono::seconds(5);
        s.idleTimeout = std::chrono::seconds(5);
        return s;
    }

    std::unique_ptr<App::MainWindow> makeWindow(const QString& scenario = QStringLiteral("story"))
    {
        App::MainWindow::Options options;
        options.libraryFolder = m_dir->filePath(QStringLiteral("library"));
        auto window = std::make_unique<App::MainWindow>(options);
        window->useConnectionSettings(settingsFor(scenario));
        window->childMode()->setClock([now = m_now] { return *now; });
        window->show();
        QApplication::setActiveWindow(window.get());
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the window did not become active");
        return window;
    }

    static void openSample(App::MainWindow& window)
    {
        window.openStory(window.library()->records().first().id);
        QVERIFY(window.isReading());
        window.reader()->showFirst();
    }

    static QAction* action(const App::MainWindow& window, const char* name)
    {
        return window.findChild<QAction*>(QLatin1String(name));
    }

    // Sends a key to the widget with the focus (the story), as a person's key press would go.
    static void press(App::MainWindow& window, int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QTest::keyClick(target, Qt::Key(key), modifiers);
        QCoreApplication::processEvents();
    }

    static bool closeRefused(App::MainWindow& window)
    {
        QCloseEvent close;
        QCoreApplication::sendEvent(&window, &close);
        return !close.isAccepted();
    }

    // The P key as the keyboard sends it: a press, auto-repeated presses, a release.
    static void pKey(QWidget* target, QEvent::Type type, bool autoRepeat = false)
    {
        QKeyEvent key(type, Qt::Key_P, Qt::NoModifier, QStringLiteral("p"), autoRepeat);
        QCoreApplication::sendEvent(target, &key);
    }

    static void passGrownUpCheck(App::GrownUpCheck* check, qint64* now)
    {
        // The P key held: a press, auto-repeats, the clock past three seconds.
        pKey(check, QEvent::KeyPress);
        for (int i = 1; i <= 4; ++i) {
            *now += 800;
            pKey(check, QEvent::KeyPress, true);
        }
        QVERIFY(check->isAskingSum());
        const auto [a, b] = check->sum();
        check->answerField()->setText(QString::number(a + b));
        check->submit();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        previousHandler = qInstallMessageHandler(captureMessage);
    }

    void init()
    {
        QSettings().clear();
        m_now = std::make_shared<qint64>(1000);
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        m_dir = new QTemporaryDir;
    }

    void cleanup()
    {
        delete m_server;
        delete m_dir;
        QSettings().clear();
    }

    void hidesAndDisablesAllButReading()
    {
        auto window = makeWindow();
        openSample(*window);
        QVERIFY(window->sidebar()->isVisible());
        QVERIFY(window->reader()->isMapVisible());
        action(*window, "childModeAction")->trigger();
        App::ChildMode* child = window->childMode();
        QVERIFY(child->isOn());
        QVERIFY(window->isFullScreen());
        QVERIFY(QSettings().value(QStringLiteral("childMode/on")).toBool());
        QVERIFY(!window->menuBar()->isVisible());
        QVERIFY(!window->storyToolBar()->isVisible());
        QVERIFY(!window->sidebar()->isVisible());
        QVERIFY(!window->statusBar()->isVisible());
        QVERIFY(!window->banner()->isVisible());
        QVERIFY(!window->reader()->isMapVisible());
        QVERIFY(window->reader()->isVisible());
        QVERIFY(child->parentButton()->isVisible());
        for (QAction* menuAction : window->menuActions()) {
            const bool kept = menuAction == child->toggleAction() || menuAction->objectName() == QLatin1String("readAloudAction")
                              || menuAction->text() == QLatin1String("Read &aloud");
            if (!kept)
                QVERIFY2(!menuAction->isEnabled(), qPrintable(menuAction->text()));
        }
        QVERIFY(child->toggleAction()->isEnabled());
        // A page turned (updateActions runs) leaves every locked action disabled.
        window->reader()->showNext();
        QVERIFY(!action(*window, "exportAction")->isEnabled());
        QVERIFY(!action(*window, "settingsAction")->isEnabled());
        // The public slots refuse too.
        const qsizetype stories = window->library()->records().size();
        window->deleteStory(window->generator()->storyId());
        window->newStory();
        QCOMPARE(window->library()->records().size(), stories);
        QVERIFY(window->generator()->story());
        QVERIFY(window->isReading());
    }

    void shortcutsDoNothing()
    {
        auto window = makeWindow();
        openSample(*window);
        window->childMode()->enter();
        const QString storyId = window->generator()->storyId();
        const qsizetype stories = window->library()->records().size();
        QTRY_VERIFY(window->reader()->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == window->reader());
        for (const QKeySequence& key : {QKeySequence(QKeySequence::Quit), QKeySequence(Qt::CTRL | Qt::Key_Q),
                                        QKeySequence(Qt::CTRL | Qt::Key_N), QKeySequence(Qt::CTRL | Qt::Key_Comma),
                                        QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_F9), QKeySequence(Qt::Key_F10),
                                        QKeySequence(Qt::Key_F11), QKeySequence(Qt::Key_Escape),
                                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), QKeySequence(Qt::CTRL | Qt::Key_O)}) {
            if (key.isEmpty())
                continue;
            press(*window, key[0].key(), key[0].keyboardModifiers());
            QVERIFY2(window->isVisible(), qPrintable(key.toString()));
            QVERIFY2(window->isFullScreen(), qPrintable(key.toString()));
            QVERIFY2(!window->sidebar()->isVisible(), qPrintable(key.toString()));
            QVERIFY2(!window->reader()->isMapVisible(), qPrintable(key.toString()));
            QVERIFY2(QApplication::activeModalWidget() == nullptr, qPrintable(key.toString()));
            QCOMPARE(window->generator()->storyId(), storyId);
            QCOMPARE(window->library()->records().size(), stories);
        }
        // Alt+F4 from the window manager arrives as a close event: refused.
        QVERIFY(closeRefused(*window));
        QVERIFY(window->isVisible());
        QVERIFY(window->childMode()->isOn());
    }

    void readingKeysStillWork()
    {
        auto window = makeWindow();
        write(*window);
        window->childMode()->enter();
        const QString first = window->reader()->currentPageId();
        QTRY_VERIFY(window->reader()->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == window->reader());
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        press(*window, Qt::Key_2);
        QVERIFY(finished.wait(20000));
        const QString second = window->reader()->currentPageId();
        QVERIFY(second != first);
        press(*window, Qt::Key_Left);
        QCOMPARE(window->reader()->currentPageId(), first);
        press(*window, Qt::Key_Right);
        QCOMPARE(window->reader()->currentPageId(), second);
        press(*window, Qt::Key_Home);
        QCOMPARE(window->reader()->currentPageId(), first);
        press(*window, Qt::Key_Space);
        QCOMPARE(window->reader()->currentPageId(), second);
    }

    void leaveWithThePin()
    {
        App::ParentLock lock;
        QVERIFY(lock.setPin(QString(), Pin).isEmpty());
        auto window = makeWindow();
        openSample(*window);
        App::ChildMode* child = window->childMode();
        child->enter();
        child->parentButton()->click();
        auto* dialog = qobject_cast<App::PinDialog*>(child->pendingDialog());
        QVERIFY(dialog);
        // Two wrong PINs: told the tries left; the third: a 30-second wait, shown and counted down.
        for (int i = 0; i < 2; ++i) {
            dialog->pinField()->setText(QStringLiteral("0000"));
            dialog->submit();
            QVERIFY(dialog->isVisible());
            QVERIFY2(dialog->message().contains(QLatin1String("not the PIN")), qPrintable(dialog->message()));
        }
        dialog->pinField()->setText(QStringLiteral("1111"));
        dialog->submit();
        QVERIFY2(dialog->message().contains(QLatin1String("30 seconds")), qPrintable(dialog->message()));
        QVERIFY(!dialog->pinField()->isEnabled());
        // While waiting even the right PIN is not checked.
        QCOMPARE(child->lock()->check(Pin), App::ParentLock::Result::Waiting);
        *m_now += 12'000;
        dialog->refresh();
        QVERIFY2(dialog->message().contains(QLatin1String("18 seconds")), qPrintable(dialog->message()));
        *m_now += 18'000;
        dialog->refresh();
        QVERIFY(dialog->pinField()->isEnabled());
        QVERIFY(child->isOn());
        dialog->pinField()->setText(Pin);
        dialog->submit();
        QVERIFY(!child->isOn());
        QVERIFY(!window->isFullScreen());
        QVERIFY(window->menuBar()->isVisible());
        QVERIFY(window->sidebar()->isVisible());
        QVERIFY(window->reader()->isMapVisible());
        QVERIFY(action(*window, "settingsAction")->isEnabled());
        QVERIFY(action(*window, "exportAction")->isEnabled());
        QVERIFY(!QSettings().value(QStringLiteral("childMode/on")).toBool());
        QVERIFY(!closeRefused(*window));
    }

    void leaveWithoutAPin()
    {
        auto window = makeWindow();
        openSample(*window);
        App::ChildMode* child = window->childMode();
        child->enter();
        child->toggleAction()->trigger(); // F12 in child mode asks to leave
        auto* check = qobject_cast<App::GrownUpCheck*>(child->pendingDialog());
        QVERIFY(check);
        // Let go too early: the hold starts again.
        pKey(check, QEvent::KeyPress);
        *m_now += 2000;
        pKey(check, QEvent::KeyRelease);
        *m_now += 2000;
        pKey(check, QEvent::KeyPress);
        QVERIFY(!check->isAskingSum());
        pKey(check, QEvent::KeyRelease);
        // Held (auto-repeat) for three seconds: the sum; a wrong answer gives a new sum.
        pKey(check, QEvent::KeyPress);
        *m_now += 1500;
        pKey(check, QEvent::KeyPress, true);
        QVERIFY(!check->isAskingSum());
        *m_now += 1500;
        pKey(check, QEvent::KeyPress, true);
        QVERIFY(check->isAskingSum());
        const auto [a, b] = check->sum();
        QVERIFY(a >= 11 && a <= 29 && b >= 11 && b <= 29);
        check->answerField()->setText(QString::number(a + b + 1));
        check->submit();
        QVERIFY(child->isOn());
        QVERIFY2(check->message().contains(QLatin1String("new one")), qPrintable(check->message()));
        passGrownUpCheck(check, m_now.get());
        QVERIFY(!child->isOn());
    }

    void cancellingStaysInChildMode()
    {
        auto window = makeWindow();
        openSample(*window);
        App::ChildMode* child = window->childMode();
        child->enter();
        child->requestLeave();
        QVERIFY(child->pendingDialog());
        child->pendingDialog()->reject();
        QVERIFY(child->isOn());
        QVERIFY(window->isFullScreen());
    }

    void startsAgainInChildMode()
    {
        QString storyId;
        {
            auto window = makeWindow();
            openSample(*window);
            storyId = window->generator()->storyId();
            window->childMode()->enter();
            QVERIFY(closeRefused(*window));
        }
        auto again = makeWindow();
        QVERIFY(again->childMode()->isOn());
        QVERIFY(again->isFullScreen());
        QVERIFY(!again->menuBar()->isVisible());
        QVERIFY(!again->sidebar()->isVisible());
        QVERIFY(!action(*again, "settingsAction")->isEnabled());
        QVERIFY(again->isReading());
        QVERIFY(closeRefused(*again));
        passGrownUpCheck([&] {
            again->childMode()->requestLeave();
            return qobject_cast<App::GrownUpCheck*>(again->childMode()->pendingDialog());
        }(), m_now.get());
        QVERIFY(!again->childMode()->isOn());
        auto third = makeWindow();
        QVERIFY(!third->childMode()->isOn());
        QVERIFY(third->menuBar()->isVisible());
    }

    void settingsLockedWithThePin()
    {
        auto window = makeWindow();
        App::ChildMode* child = window->childMode();
        // The parent sets the PIN and the lock in child mode's own dialog.
        action(*window, "childModePinAction")->trigger();
        auto* settings = qobject_cast<App::PinSettingsDialog*>(child->pendingDialog());
        QVERIFY(settings);
        settings->newField()->setText(Pin);
        settings->repeatField()->setText(QStringLiteral("73915"));
        QVERIFY(!settings->save());
        QVERIFY(!child->lock()->hasPin());
        settings->newField()->setText(Pin);
        settings->repeatField()->setText(Pin);
        settings->lockSettingsBox()->setChecked(true);
        QVERIFY(settings->save());
        QVERIFY(child->lock()->hasPin());
        QVERIFY(child->lock()->settingsLocked());
        settings->close();

        // Settings… now asks the PIN first; a wrong one opens nothing.
        action(*window, "settingsAction")->trigger();
        auto* pin = qobject_cast<App::PinDialog*>(child->pendingDialog());
        QVERIFY(pin);
        pin->pinField()->setText(QStringLiteral("1234"));
        pin->submit();
        QVERIFY(pin->isVisible());
        QVERIFY(!window->findChild<QDialog*>(QStringLiteral("settingsDialog")));
        // The right PIN opens the settings (closed again at once by a timer).
        bool settingsOpened = false;
        QTimer::singleShot(0, this, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            settingsOpened = modal && !qobject_cast<App::PinDialog*>(modal);
            if (auto* dialog = qobject_cast<QDialog*>(modal))
                dialog->reject();
        });
        pin->pinField()->setText(Pin);
        pin->submit();
        QVERIFY(settingsOpened);

        // Changing the PIN asks for the current one; removing it too, and the lock goes with it.
        action(*window, "childModePinAction")->trigger();
        auto* unlock = qobject_cast<App::PinDialog*>(child->pendingDialog());
        QVERIFY(unlock); // the PIN settings are settings too
        unlock->pinField()->setText(Pin);
        unlock->submit();
        settings = qobject_cast<App::PinSettingsDialog*>(child->pendingDialog());
        QVERIFY(settings);
        settings->currentField()->setText(QStringLiteral("0000"));
        settings->newField()->setText(QStringLiteral("2468"));
        settings->repeatField()->setText(QStringLiteral("2468"));
        QVERIFY(!settings->save());
        QVERIFY(child->lock()->check(Pin) == App::ParentLock::Result::Right);
        settings->currentField()->setText(Pin);
        QVERIFY(settings->removePin());
        QVERIFY(!child->lock()->hasPin());
        QVERIFY(!child->lock()->settingsLocked());
    }

    void pinNeverInClear()
    {
        {
            QMutexLocker locker(&logMutex);
            capturedLog.clear();
        }
        App::ParentLock lock;
        QVERIFY(lock.setPin(QString(), Pin).isEmpty());
        auto window = makeWindow();
        openSample(*window);
        window->childMode()->enter();
        window->childMode()->requestLeave();
        auto* dialog = qobject_cast<App::PinDialog*>(window->childMode()->pendingDialog());
        QVERIFY(dialog);
        dialog->pinField()->setText(QStringLiteral("99999"));
        dialog->submit();
        dialog->pinField()->setText(Pin);
        dialog->submit();
        QVERIFY(!window->childMode()->isOn());
        QVERIFY(dialog->pinField()->text().isEmpty() || !dialog->isVisible());
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("childMode/pinHash") || stored.contains("pinHash"));
        QVERIFY(stored.contains("pbkdf2-sha256"));
        QVERIFY(!stored.contains(Pin.toLatin1()));
        QVERIFY(!stored.contains("99999"));
        qInfo() << "child mode left"; // the capture works
        QMutexLocker locker(&logMutex);
        QVERIFY(capturedLog.contains(QLatin1String("child mode left")));
        QVERIFY(!capturedLog.contains(Pin));
        QVERIFY(!capturedLog.contains(QLatin1String("99999")));
    }

    // A page the provider refused is not shown to the child: the page before it, with its answers
    // and a calm card; the parent is told once child mode is left.
    void refusedPageIsNotShownToTheChild()
    {
        auto window = makeWindow();
        write(*window);
        const QString first = window->reader()->currentPageId();
        window->childMode()->enter();
        window->useConnectionSettings(settingsFor(QStringLiteral("content_filter")));
        QSignalSpy held(window->childMode(), &App::ChildMode::pageHeldBack);
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        Q_EMIT window->reader()->answerChosen(first, 0, QString());
        QVERIFY(finished.wait(20000));
        QTRY_COMPARE(held.size(), 1);
        const QString refused = held.first().first().toString();
        QCOMPARE(window->generator()->story()->page(refused)->noteCode, QStringLiteral("content-filter"));
        QTRY_COMPARE(window->reader()->currentPageId(), first);
        auto* card = window->findChild<QLabel*>(QStringLiteral("childModeCard"));
        QVERIFY(card && card->isVisible());
        QVERIFY(card->text().contains(QLatin1String("another way")));
        // Going on to it shows the page before it again.
        window->reader()->showPage(refused);
        QTRY_COMPARE(window->reader()->currentPageId(), first);
        QCOMPARE(held.size(), 1);
        passGrownUpCheck([&] {
            window->childMode()->requestLeave();
            return qobject_cast<App::GrownUpCheck*>(window->childMode()->pendingDialog());
        }(), m_now.get());
        QVERIFY(!window->childMode()->isOn());
        QVERIFY(window->banner()->isVisible());
        QVERIFY2(window->banner()->message().contains(QLatin1String("not shown in child mode")), qPrintable(window->banner()->message()));
        QVERIFY(!card->isVisible());
        // Outside child mode the parent can read the page.
        window->reader()->showPage(refused);
        QCOMPARE(window->reader()->currentPageId(), refused);
    }

    // The project's rule for new flows: open, switch, delete and quit in every order, child mode
    // on and off.
    void openSwitchDeleteQuitInEveryOrder_data()
    {
        QTest::addColumn<QStringList>("steps");
        const QStringList all{QStringLiteral("open"), QStringLiteral("switch"), QStringLiteral("delete"), QStringLiteral("quit")};
        QStringList order = all;
        std::sort(order.begin(), order.end());
        do {
            for (const bool on : {false, true}) {
                QStringList steps = order;
                steps.prepend(on ? QStringLiteral("child") : QStringLiteral("parent"));
                QTest::newRow(qPrintable(steps.join(u' '))) << steps;
            }
        } while (std::next_permutation(order.begin(), order.end()));
    }

    void openSwitchDeleteQuitInEveryOrder()
    {
        QFETCH(QStringList, steps);
        auto window = makeWindow();
        QVERIFY(window->library()->records().size() >= 2);
        const bool childOn = steps.first() == QLatin1String("child");
        if (childOn) {
            window->childMode()->enter();
            QVERIFY(window->generator()->story()); // never an empty page: the newest story is opened
        }
        const QString a = window->library()->records().at(0).id;
        const QString b = window->library()->records().at(1).id;
        for (const QString& step : steps.mid(1)) {
            const qsizetype before = window->library()->records().size();
            if (step == QLatin1String("open")) {
                window->openStory(a);
            } else if (step == QLatin1String("switch")) {
                window->openStory(b);
            } else if (step == QLatin1String("delete")) {
                const QString open = window->generator()->storyId();
                window->deleteStory(open.isEmpty() ? a : open);
                QCOMPARE(window->library()->records().size(), childOn ? before : before - 1);
            } else {
                QCOMPARE(closeRefused(*window), childOn);
            }
            QCOMPARE(window->childMode()->isOn(), childOn);
            if (childOn) {
                QVERIFY(window->isReading());
                QVERIFY(!window->sidebar()->isVisible());
                QVERIFY(!action(*window, "settingsAction")->isEnabled());
            }
            const std::shared_ptr<const Story::Story> open = window->generator()->story();
            const std::shared_ptr<const Story::Story>& shown = window->reader()->story();
            QCOMPARE(shown ? shown->id : QString(), open ? open->id : QString());
        }
    }

    void shortcutsListTheChildMode()
    {
        auto window = makeWindow();
        QAction* toggle = window->childMode()->toggleAction();
        QVERIFY(window->menuActions().contains(toggle));
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::Key_F12));
        QVERIFY(window->storyToolBar()->actions().contains(toggle));
        // F12 enters child mode.
        window->reader()->focusStory();
        press(*window, Qt::Key_F12);
        QVERIFY(window->childMode()->isOn());
    }

private:
    static void write(App::MainWindow& window)
    {
        QSignalSpy finished(window.generator(), &Generation::StoryGenerator::finished);
        window.newStory();
        Story::StorySettings settings;
        settings.idea = QStringLiteral("a fox who finds a lantern");
        settings.pageCount = 4;
        window.ideaPanel()->setSettings(settings);
        Q_EMIT window.ideaPanel()->generateRequested();
        QVERIFY(finished.wait(20000));
        QVERIFY(window.isReading());
    }
};

QTEST_MAIN(TestChildMode)
#include "tst_childmode.moc"
