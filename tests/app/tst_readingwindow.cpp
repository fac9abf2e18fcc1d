// The main window as a reader meets it (issue 18): the reading keys window-wide whatever has the
// focus (and the one rule for text fields), the focus back on the story after an answer, menus
// without a mnemonic used twice in English and Chinese, the view menu (panels, full screen, zoom)
// remembered, the reading area at 1024×600, the language switched at run time, and the page being
// written shown even when the answer was given on an earlier page.
#include "fakeopenaiserver.h"
#include "i18n.h"
#include "ideapanel.h"
#include "keyboardcontroller.h"
#include "librarysidebar.h"
#include "mainwindow.h"
#include "newstorypage.h"
#include "readerwidget.h"
#include "shortcutsdialog.h"
#include "storygenerator.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <functional>

using namespace Storybook;
using namespace Storybook::Test;

namespace {

// The letter after a single '&' ("&Story" → S, "故事(&S)" → S), or none.
QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

// "" when every mnemonic of `texts` is used once, else what clashes.
QString clashes(const QStringList& texts)
{
    QHash<QChar, QStringList> byLetter;
    for (const QString& text : texts) {
        if (const QChar letter = mnemonicOf(text); !letter.isNull())
            byLetter[letter].append(text);
    }
    QStringList out;
    for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it) {
        if (it.value().size() > 1)
            out.append(it.value().join(QStringLiteral(" / ")));
    }
    return out.join(QStringLiteral("; "));
}

bool inside(const QWidget* widget, const QWidget* container)
{
    return widget && (widget == container || container->isAncestorOf(widget));
}

} // namespace

class TestReadingWindow final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir* m_dir = nullptr;

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
        window->show();
        QApplication::setActiveWindow(window.get());
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the window did not become active");
        return window;
    }

    // A new story written by the fake server (its first page asks a question with answers).
    static void write(App::MainWindow& window, const QString& idea = QStringLiteral("a fox who finds a lantern"))
    {
        QSignalSpy finished(window.generator(), &Generation::StoryGenerator::finished);
        window.newStory();
        Story::StorySettings settings;
        settings.idea = idea;
        settings.pageCount = 4;
        window.ideaPanel()->setSettings(settings);
        Q_EMIT window.ideaPanel()->generateRequested();
        QVERIFY(finished.wait(20000));
        QVERIFY(window.isReading());
    }

    // Opens the first sample and goes to its first page.
    static void openSample(App::MainWindow& window)
    {
        window.openStory(window.library()->records().first().id);
        QVERIFY(window.isReading());
        window.reader()->showFirst();
        QVERIFY(window.reader()->navigationPath().size() >= 2);
    }

    static QStringList visibleMnemonicTexts(const QWidget* root)
    {
        QStringList texts;
        for (const QLabel* label : root->findChildren<QLabel*>()) {
            if (label->isVisibleTo(root) && label->buddy())
                texts.append(label->text());
        }
        for (const QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
            if (button->isVisibleTo(root) && !qobject_cast<const QToolButton*>(button))
                texts.append(button->text());
        }
        return texts;
    }

    void checkMnemonics(App::MainWindow& window, const QString& language)
    {
        QStringList bar;
        for (const QAction* menu : window.menuBar()->actions())
            bar.append(menu->text());
        QVERIFY2(clashes(bar).isEmpty(), qPrintable(language + u": menu bar: " + clashes(bar)));
        for (const QAction* menuAction : window.menuBar()->actions()) {
            QStringList items;
            for (const QAction* action : menuAction->menu()->actions()) {
                if (!action->isSeparator())
                    items.append(action->text());
                QVERIFY2(action->isSeparator() || !mnemonicOf(action->text()).isNull(),
                         qPrintable(language + u": no mnemonic: " + action->text()));
            }
            QVERIFY2(clashes(items).isEmpty(), qPrintable(language + u": " + menuAction->text() + u": " + clashes(items)));
        }
        // The toolbar's buttons and the menu bar together (Alt+letter is window-wide).
        QStringList toolbar = bar;
        for (const QToolButton* button : window.storyToolBar()->findChildren<QToolButton*>()) {
            toolbar.append(button->text());
            QVERIFY2(!button->text().contains(u'(') || !button->text().contains(u')'), qPrintable(button->text()));
        }
        QVERIFY2(clashes(toolbar).isEmpty(), qPrintable(language + u": toolbar: " + clashes(toolbar)));
        // The New story page and the menu bar together.
        const QStringList page = bar + visibleMnemonicTexts(window.newStoryPage());
        QVERIFY2(clashes(page).isEmpty(), qPrintable(language + u": New story page: " + clashes(page)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        QSettings().clear();
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        m_dir = new QTemporaryDir;
    }

    void cleanup()
    {
        I18n::install(*qApp, QStringLiteral("en"));
        delete m_server;
        delete m_dir;
        QSettings().clear();
    }

    // Digits from a widget that takes no text choose an answer; the focus ends on the story.
    void numberKeyFromTheLibraryAnswersAndFocusReturnsToTheStory()
    {
        auto window = makeWindow();
        write(*window);
        const QString first = window->reader()->currentPageId();
        QListView* list = window->sidebar()->view();
        list->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), list);
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        QTest::keyClick(list, Qt::Key_2);
        QVERIFY(finished.wait(20000));
        const QString second = window->reader()->currentPageId();
        QVERIFY(second != first);
        QCOMPARE(window->generator()->story()->page(second)->answerIndex, 1);
        QTRY_VERIFY2(inside(QApplication::focusWidget(), window->reader()),
                     qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QStringLiteral("none")));
        QVERIFY(!App::KeyboardController::takesText(QApplication::focusWidget()));
    }

    // The documented rule: a text field keeps digits and the keys that move in text; Page Up/Down
    // still turn the page; Escape in an empty field goes back to the story.
    void searchFieldKeepsDigitsButPageKeysTurnThePage()
    {
        auto window = makeWindow();
        openSample(*window);
        QLineEdit* search = window->sidebar()->searchField();
        search->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), search);
        const QString first = window->reader()->currentPageId();
        QTest::keyClick(search, Qt::Key_2);
        QCOMPARE(search->text(), QStringLiteral("2"));
        QTest::keyClick(search, Qt::Key_Right);
        QTest::keyClick(search, Qt::Key_End);
        QCOMPARE(window->reader()->currentPageId(), first);
        QTest::keyClick(search, Qt::Key_PageDown);
        QCOMPARE(window->reader()->currentPageId(), window->reader()->navigationPath().at(1));
        QTest::keyClick(search, Qt::Key_Backspace);
        QVERIFY(search->text().isEmpty());
        QTest::keyClick(search, Qt::Key_Escape);
        QTRY_VERIFY(inside(QApplication::focusWidget(), window->reader()));
    }

    // While the child types an own answer every key is the field's, Page Up/Down too.
    void ownAnswerKeepsEveryKey()
    {
        auto window = makeWindow();
        openSample(*window);
        auto* own = window->reader()->findChild<QLineEdit*>(QStringLiteral("ownAnswerField"));
        QVERIFY(own);
        QTRY_VERIFY(own->isVisible());
        own->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), own);
        QVERIFY(window->reader()->isTypingOwnAnswer());
        const QString first = window->reader()->currentPageId();
        QTest::keyClicks(own, QStringLiteral("2 owls"));
        QTest::keyClick(own, Qt::Key_PageDown);
        QTest::keyClick(own, Qt::Key_Home);
        QTest::keyClick(own, Qt::Key_Right);
        QCOMPARE(own->text(), QStringLiteral("2 owls"));
        QCOMPARE(own->cursorPosition(), 1);
        QCOMPARE(window->reader()->currentPageId(), first);
    }

    // ←/→, Space, Home/End from the library list (a widget that is not the story).
    void pageKeysWorkWhateverHasTheFocus()
    {
        auto window = makeWindow();
        openSample(*window);
        const QStringList path = window->reader()->navigationPath();
        QListView* list = window->sidebar()->view();
        list->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), list);
        QTest::keyClick(list, Qt::Key_Right);
        QCOMPARE(window->reader()->currentPageId(), path.at(1));
        QTest::keyClick(list, Qt::Key_Left);
        QCOMPARE(window->reader()->currentPageId(), path.at(0));
        QTest::keyClick(list, Qt::Key_Space);
        QCOMPARE(window->reader()->currentPageId(), path.at(1));
        QTest::keyClick(list, Qt::Key_End);
        QCOMPARE(window->reader()->currentPageId(), path.last());
        QTest::keyClick(list, Qt::Key_Home);
        QCOMPARE(window->reader()->currentPageId(), path.first());
        // The New story page is not reading: its fields get every key.
        window->newStory();
        QVERIFY(!window->isReading());
        auto* idea = window->newStoryPage()->findChild<QPlainTextEdit*>();
        QVERIFY(idea);
        QTRY_COMPARE(QApplication::focusWidget(), idea);
        QTest::keyClicks(idea, QStringLiteral("3 owls"));
        QCOMPARE(idea->toPlainText(), QStringLiteral("3 owls"));
    }

    void mnemonicsAreUniqueInEnglishAndChinese()
    {
        auto window = makeWindow();
        window->newStory(); // the New story page on screen
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QVERIFY(I18n::install(*qApp, language).startsWith(language.left(2)));
            QCoreApplication::processEvents();
            checkMnemonics(*window, language);
        }
    }

    // Settings → Language switches the interface at once: the menus follow without a restart.
    void languageSwitchesAtRunTime()
    {
        auto window = makeWindow();
        openSample(*window);
        QCOMPARE(window->menuBar()->actions().first()->text(), QStringLiteral("&Story"));
        I18n::install(*qApp, QStringLiteral("zh_CN"));
        QTRY_COMPARE(window->menuBar()->actions().first()->text(), QStringLiteral("故事(&S)"));
        QVERIFY2(!window->windowTitle().endsWith(QLatin1String("Interactive Storybook")), qPrintable(window->windowTitle()));
        QVERIFY2(!window->statusText().contains(QLatin1String("Reading")), qPrintable(window->statusText()));
        // The reading view's own controls switch too.
        const auto buttonTexts = [&window] {
            QStringList texts;
            for (const QPushButton* button : window->reader()->findChildren<QPushButton*>())
                texts.append(button->text());
            return texts;
        };
        QVERIFY2(buttonTexts().contains(QStringLiteral("下一页 ›")), qPrintable(buttonTexts().join(u'|')));
        QVERIFY(!buttonTexts().contains(QStringLiteral("Next ›")));
        // The library panel and its trash view switch too.
        const auto placeholders = [&window] {
            QStringList texts;
            for (const QLineEdit* field : window->findChildren<QLineEdit*>())
                texts.append(field->placeholderText());
            return texts;
        };
        const auto allButtonTexts = [&window] {
            QStringList texts;
            for (const QPushButton* button : window->findChildren<QPushButton*>())
                texts.append(button->text());
            return texts;
        };
        QVERIFY2(placeholders().contains(QStringLiteral("搜索故事…")), qPrintable(placeholders().join(u'|')));
        QVERIFY2(allButtonTexts().contains(QStringLiteral("清空回收站…")), qPrintable(allButtonTexts().join(u'|')));
        I18n::install(*qApp, QStringLiteral("en"));
        QTRY_COMPARE(window->menuBar()->actions().first()->text(), QStringLiteral("&Story"));
        QVERIFY(window->statusText().contains(QLatin1String("Reading")));
        QVERIFY2(buttonTexts().contains(QStringLiteral("Next ›")), qPrintable(buttonTexts().join(u'|')));
        QVERIFY2(placeholders().contains(QStringLiteral("Search stories…")), qPrintable(placeholders().join(u'|')));
        QVERIFY2(allButtonTexts().contains(QStringLiteral("Empty trash…")), qPrintable(allButtonTexts().join(u'|')));
    }

    // Export and Settings have shortcuts that work while a text field has the focus.
    void exportAndSettingsShortcutsWorkInATextField()
    {
        auto window = makeWindow();
        openSample(*window);
        QLineEdit* search = window->sidebar()->searchField();
        search->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), search);
        auto* exportAction = window->findChild<QAction*>(QStringLiteral("exportAction"));
        auto* settings = window->findChild<QAction*>(QStringLiteral("settingsAction"));
        QVERIFY(exportAction && settings);
        QVERIFY(settings->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
        // Triggering would open a modal dialog: the shortcut is caught on its way instead.
        exportAction->disconnect(window.get());
        settings->disconnect(window.get());
        QSignalSpy exported(exportAction, &QAction::triggered);
        QSignalSpy opened(settings, &QAction::triggered);
        QTest::keyClick(search, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(exported.size(), 1);
        QTest::keyClick(search, Qt::Key_Comma, Qt::ControlModifier);
        QCOMPARE(opened.size(), 1);
        QVERIFY(search->text().isEmpty());
    }

    void shortcutsDialogListsTheActions()
    {
        auto window = makeWindow();
        const App::ShortcutsDialog dialog(window->menuActions(), window.get());
        QStringList what;
        QString exportKeys;
        for (const auto& [name, keys] : dialog.rows()) {
            what.append(name);
            if (name == QStringLiteral("Export…"))
                exportKeys = keys;
        }
        QCOMPARE(exportKeys, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S).toString(QKeySequence::NativeText));
        for (const QString& expected : {QStringLiteral("New story"), QStringLiteral("Settings…"), QStringLiteral("Full screen"),
                                        QStringLiteral("Zoom in"), QStringLiteral("Choose answer 1 to 9")})
            QVERIFY2(what.contains(expected), qPrintable(expected));
    }

    void fullScreenTogglesAndEscapeLeavesIt()
    {
        auto window = makeWindow();
        openSample(*window);
        auto* fullScreen = window->findChild<QAction*>(QStringLiteral("fullScreenAction"));
        QVERIFY(fullScreen);
        QCOMPARE(fullScreen->shortcut(), QKeySequence(Qt::Key_F11));
        fullScreen->trigger();
        QTRY_VERIFY(window->isFullScreen());
        QVERIFY(fullScreen->isChecked());
        QListView* list = window->sidebar()->view();
        list->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), list);
        QTest::keyClick(list, Qt::Key_Escape);
        QTRY_VERIFY(!window->isFullScreen());
        QVERIFY(!fullScreen->isChecked());
        QVERIFY(inside(QApplication::focusWidget(), window->reader()));
    }

    void zoomIsRemembered()
    {
        {
            auto window = makeWindow();
            openSample(*window);
            QCOMPARE(window->reader()->zoomPercent(), 100);
            window->findChild<QAction*>(QStringLiteral("zoomInAction"))->trigger();
            window->findChild<QAction*>(QStringLiteral("zoomInAction"))->trigger();
            QCOMPARE(window->reader()->zoomPercent(), 120);
            window->close();
        }
        auto again = makeWindow();
        QCOMPARE(again->reader()->zoomPercent(), 120);
        again->findChild<QAction*>(QStringLiteral("zoomResetAction"))->trigger();
        QCOMPARE(again->reader()->zoomPercent(), 100);
        QCOMPARE(QSettings().value(QStringLiteral("ui/zoomPercent")).toInt(), 100);
    }

    void hiddenPanelsAreRemembered()
    {
        {
            auto window = makeWindow();
            openSample(*window);
            QVERIFY(window->sidebar()->isVisible());
            QVERIFY(window->reader()->isMapVisible());
            window->findChild<QAction*>(QStringLiteral("showLibraryAction"))->trigger();
            window->findChild<QAction*>(QStringLiteral("showMapAction"))->trigger();
            QVERIFY(!window->sidebar()->isVisible());
            QVERIFY(!window->reader()->isMapVisible());
            window->close();
        }
        auto again = makeWindow();
        QVERIFY(!again->sidebar()->isVisible());
        QVERIFY(!again->reader()->isMapVisible());
        QVERIFY(!again->findChild<QAction*>(QStringLiteral("showLibraryAction"))->isChecked());
        again->setLibraryVisible(true);
        QVERIFY(again->sidebar()->isVisible());
    }

    // On a 1024×600 screen the page is most of the window.
    void readingAreaFillsA1024x600Window()
    {
        auto window = makeWindow();
        openSample(*window);
        window->resize(1024, 600);
        QTRY_COMPARE(window->size(), QSize(1024, 600));
        QTRY_VERIFY(window->reader()->height() >= 600 * 4 / 5);
        QVERIFY2(window->reader()->width() >= 1024 * 3 / 5, qPrintable(QString::number(window->reader()->width())));
        QVERIFY(window->reader()->isVisible());
        // Without the library the page takes the whole width.
        window->setLibraryVisible(false);
        QTRY_VERIFY(window->reader()->width() >= 1024 - 20);
    }

    // A different answer on an earlier page: the new branch's page is the one shown while it is written.
    void answerOnAnEarlierPageShowsThePageBeingWritten()
    {
        auto window = makeWindow();
        write(*window);
        const QString first = window->reader()->currentPageId();
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        window->reader()->chooseAnswerNumber(2);
        QVERIFY(finished.wait(20000));
        QVERIFY(window->reader()->currentPageId() != first);
        window->reader()->showPage(first); // back to page 1, another answer
        QCOMPARE(window->reader()->currentPageId(), first);
        QSignalSpy started(window->generator(), &Generation::StoryGenerator::pageStarted);
        finished.clear();
        window->reader()->chooseAnswerNumber(1);
        QTRY_VERIFY(!started.isEmpty()); // emitted as the answer is taken
        const QString writing = started.first().at(1).toString();
        QVERIFY(writing != first);
        QCOMPARE(window->reader()->currentPageId(), writing);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        QCOMPARE(window->reader()->currentPageId(), writing);
        QCOMPARE(window->generator()->story()->page(writing)->parentId, first);
    }

    // An answer whose branch is written already goes back to that page at once; nothing is written.
    void answerWithAWrittenBranchShowsIt()
    {
        auto window = makeWindow();
        write(*window);
        const QString first = window->reader()->currentPageId();
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        window->reader()->chooseAnswerNumber(2);
        QVERIFY(finished.wait(20000));
        const QString branchTwo = window->reader()->currentPageId();
        QVERIFY(branchTwo != first);
        window->reader()->showPage(first);
        finished.clear();
        window->reader()->chooseAnswerNumber(1); // a new branch
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        const QString branchOne = window->reader()->currentPageId();
        QVERIFY(branchOne != first && branchOne != branchTwo);

        window->reader()->showPage(first);
        QSignalSpy started(window->generator(), &Generation::StoryGenerator::pageStarted);
        window->reader()->chooseAnswerNumber(2); // its branch exists
        QCOMPARE(window->reader()->currentPageId(), branchTwo);
        QCOMPARE(window->generator()->story()->path.indexOf(branchTwo), 1);
        QVERIFY(!window->generator()->isBusy());
        QCOMPARE(started.size(), 0);
        QVERIFY(window->reader()->hasFocus() || window->reader()->isAncestorOf(QApplication::focusWidget()));
    }

    // Peeking at another story never overwrites what the parent typed on the New story page.
    void typedIdeaSurvivesOpeningAnotherStory()
    {
        auto window = makeWindow();
        openSample(*window);
        window->newStory();
        QVERIFY(!window->isReading());
        auto* idea = window->newStoryPage()->findChild<QPlainTextEdit*>();
        idea->setPlainText(QStringLiteral("a snail who wants to fly"));
        window->openStory(window->library()->records().last().id);
        QVERIFY(window->isReading());
        window->newStory();
        QCOMPARE(window->ideaPanel()->settings().idea, QStringLiteral("a snail who wants to fly"));
    }

    // Tab follows what is on screen: from the story to the answers, the own answer, then the
    // page's navigation, all before anything outside the reading view.
    void tabOrderFollowsThePage()
    {
        auto window = makeWindow();
        openSample(*window);
        window->reader()->focusStory();
        QTRY_VERIFY(inside(QApplication::focusWidget(), window->reader()));
        QList<QWidget*> visited;
        for (int i = 0; i < 40 && inside(QApplication::focusWidget(), window->reader()); ++i) {
            visited.append(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        const auto indexOf = [&](const std::function<bool(const QWidget*)>& match) -> qsizetype {
            for (qsizetype i = 0; i < visited.size(); ++i) {
                if (match(visited.at(i)))
                    return i;
            }
            return -1;
        };
        const qsizetype card = indexOf([](const QWidget* w) { return w->inherits("Storybook::Widgets::AnswerCard"); });
        const qsizetype own = indexOf([](const QWidget* w) { return w->objectName() == QLatin1String("ownAnswerField"); });
        const qsizetype navigation = indexOf([&](const QWidget* w) {
            const QWidget* nav = window->reader()->findChild<QWidget*>(QStringLiteral("readerNavigation"));
            return nav && nav->isAncestorOf(w);
        });
        QVERIFY2(card >= 0 && own > card && navigation > own,
                 qPrintable(QStringLiteral("card %1, own answer %2, navigation %3").arg(card).arg(own).arg(navigation)));
        // Leaving the reading view goes on to the library, not back into the page.
        QVERIFY(!inside(QApplication::focusWidget(), window->reader()));
    }

    void titleFollowsTheOpenStory()
    {
        auto window = makeWindow();
        openSample(*window);
        const QString title = window->generator()->story()->title;
        QCOMPARE(window->windowTitle(), title + QStringLiteral(" — Interactive Storybook"));
        QVERIFY(window->statusText().contains(title));
        window->newStory();
        QCOMPARE(window->windowTitle(), QStringLiteral("New story — Interactive Storybook"));
        QVERIFY2(!window->statusText().contains(title), qPrintable(window->statusText()));
    }
};

QTEST_MAIN(TestReadingWindow)
#include "tst_readingwindow.moc"
