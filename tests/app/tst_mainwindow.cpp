// The desktop app against the fake server: write → choose → next page → export, errors as a
// banner, and quitting in the middle of a page.
#include "errorbanner.h"
#include "fakeopenaiserver.h"
#include "ideapanel.h"
#include "llmclient.h"
#include "mainwindow.h"
#include "newstorypage.h"
#include "pageview.h"
#include "pictureview.h"
#include "readerwidget.h"
#include "storygenerator.h"
#include "versionsdialog.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Storybook;
using namespace Storybook::Test;

class TestMainWindow final : public QObject
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

    std::unique_ptr<App::MainWindow> makeWindow(const QString& scenario)
    {
        App::MainWindow::Options options;
        options.libraryFolder = m_dir->filePath(QStringLiteral("library"));
        auto window = std::make_unique<App::MainWindow>(options);
        window->useConnectionSettings(settingsFor(scenario));
        window->show();
        return window;
    }

    static void checkShownStoryIsTheOpenOne(const App::MainWindow& window)
    {
        const std::shared_ptr<const Story::Story> open = window.generator()->story();
        const std::shared_ptr<const Story::Story>& shown = window.reader()->story();
        QCOMPARE(shown ? shown->id : QString(), open ? open->id : QString());
        if (!shown) {
            QVERIFY(window.reader()->currentPageId().isEmpty());
            return;
        }
        QVERIFY(shown->page(window.reader()->currentPageId()));
        QVERIFY(window.library()->record(shown->id));
    }

    static QAction* actionNamed(const App::MainWindow& window, const QString& text)
    {
        for (QAction* action : window.findChildren<QAction*>()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    }

    static QString labelsText(const App::MainWindow& window)
    {
        QString out;
        for (const QLabel* label : window.reader()->findChildren<QLabel*>()) {
            if (label->isVisible())
                out += label->text() + u'\n';
        }
        return out;
    }

    static void write(App::MainWindow& window, const QString& idea, int pages = 3)
    {
        Story::StorySettings settings;
        settings.idea = idea;
        settings.pageCount = pages;
        window.ideaPanel()->setSettings(settings);
        Q_EMIT window.ideaPanel()->generateRequested();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("QObject|deleted|destroyed|QWidget")));
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
        m_dir = new QTemporaryDir;
    }

    void cleanup()
    {
        delete m_server;
        delete m_dir;
    }

    void writeChooseNextExport()
    {
        auto window = makeWindow(QStringLiteral("story"));
        QCOMPARE(window->library()->records().size(), 2); // the samples of a new library
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        write(*window, QStringLiteral("a fox who finds a lantern"));
        QVERIFY(finished.wait(20000));
        const QString storyId = window->generator()->story()->id;
        const QString first = window->reader()->currentPageId();
        QCOMPARE(first, window->generator()->story()->pages.first().id);
        QVERIFY(window->windowTitle().contains(QLatin1String("The Fox and the Lantern")));
        QCOMPARE(window->library()->records().size(), 3);

        // The child picks the second answer; the next page appears and is shown.
        finished.clear();
        Q_EMIT window->reader()->answerChosen(first, 1, QString());
        QVERIFY(finished.wait(20000));
        const QString second = window->reader()->currentPageId();
        QVERIFY(second != first);
        QVERIFY2(window->generator()->story()->page(second)->text.contains(QLatin1String("Cross the bridge")),
                 qPrintable(window->generator()->story()->page(second)->text));

        for (const auto format : {Story::ExportFormat::Markdown, Story::ExportFormat::Html, Story::ExportFormat::Pdf}) {
            const QString path = m_dir->filePath(QStringLiteral("story.") + Story::exportFormatSuffix(format));
            QVERIFY(window->exportStoryTo(storyId, path, format, true).isEmpty());
            QVERIFY(QFileInfo(path).size() > 100);
        }
        // No problem was reported (the lasting notes — no keychain in this environment, no writer
        // set up yet — may stand).
        using Cause = App::ErrorBanner::Cause;
        for (const Cause cause : {Cause::Notice, Cause::Writing, Cause::Pictures, Cause::Speech, Cause::Library, Cause::Settings})
            QVERIFY2(!window->banner()->has(cause), qPrintable(window->banner()->message()));
    }

    void errorsBecomeABanner()
    {
        auto window = makeWindow(QStringLiteral("status:401"));
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        write(*window, QStringLiteral("a dragon"));
        QVERIFY(finished.wait(20000));
        QVERIFY(window->banner()->isVisible());
        QVERIFY2(window->banner()->message().contains(QLatin1String("API key")), qPrintable(window->banner()->message()));
        // Retry against a healthy server writes the page.
        window->useConnectionSettings(settingsFor(QStringLiteral("story")));
        finished.clear();
        Q_EMIT window->banner()->retryRequested();
        QVERIFY(finished.wait(20000));
        QCOMPARE(window->generator()->story()->pages.first().state, Story::Page::State::Complete);
    }

    // The open story has one owner: New story, Open, Delete the open story and Import, in every
    // order (each sequence of distinct steps), then Quit. After each step the reading view shows
    // exactly the story the generator holds (or none), and its page is in that story.
    void storyLifecycleInEveryOrder_data()
    {
        QTest::addColumn<QStringList>("steps");
        const QStringList all{QStringLiteral("new"), QStringLiteral("open"), QStringLiteral("delete"), QStringLiteral("import")};
        QList<QStringList> sequences{{}};
        for (int length = 1; length <= int(all.size()); ++length) {
            QList<QStringList> longer;
            for (const QStringList& sequence : std::as_const(sequences)) {
                if (sequence.size() != length - 1)
                    continue;
                for (const QString& step : all) {
                    if (!sequence.contains(step))
                        longer.append(sequence + QStringList{step});
                }
            }
            sequences += longer;
        }
        for (const QStringList& sequence : std::as_const(sequences)) {
            if (!sequence.isEmpty())
                QTest::newRow(qPrintable(sequence.join(u'-'))) << sequence;
        }
    }

    void storyLifecycleInEveryOrder()
    {
        QFETCH(QStringList, steps);
        auto window = makeWindow(QStringLiteral("story"));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        const QList<Story::StoryRecord> samples = window->library()->records();
        QCOMPARE(samples.size(), 2);
        // A copy of a sample to import (the library gives it a new id: the sample is still there).
        const QString importFile = m_dir->filePath(QStringLiteral("import.storybook"));
        QFile::remove(importFile);
        QVERIFY(QFile::copy(window->library()->filePath(samples.first().id), importFile));
        // The first sample is opened, as a new user clicks it first.
        window->openStory(samples.first().id);
        checkShownStoryIsTheOpenOne(*window);
        for (const QString& step : std::as_const(steps)) {
            const QString open = window->generator()->storyId();
            if (step == QLatin1String("new")) {
                window->newStory();
                QVERIFY(!window->generator()->story());
            } else if (step == QLatin1String("open")) {
                const QString other = samples.last().id;
                if (window->library()->record(other)) {
                    window->openStory(other);
                    QCOMPARE(window->generator()->storyId(), other);
                }
            } else if (step == QLatin1String("delete")) {
                const QString victim = open.isEmpty() ? window->library()->records().first().id : open;
                window->deleteStory(victim);
                QVERIFY(!window->library()->record(victim));
                QVERIFY(window->generator()->storyId() != victim);
            } else if (step == QLatin1String("import")) {
                QVERIFY(window->importStoryFrom(importFile).isEmpty());
                QVERIFY(!window->generator()->storyId().isEmpty());
                QVERIFY(window->generator()->storyId() != open);
            }
            checkShownStoryIsTheOpenOne(*window);
            // The page shown can be read and turned without touching a freed story.
            window->reader()->showNext();
            window->reader()->showPrevious();
            checkShownStoryIsTheOpenOne(*window);
        }
        window->close();
        window.reset(); // Quit
    }

    // The New story page in every order with open, delete, back (to the story it replaced) and quit:
    // the reading view is on screen exactly when a story is open, and what was typed stays.
    void newStoryPageInEveryOrder_data()
    {
        QTest::addColumn<QStringList>("steps");
        const QStringList all{QStringLiteral("new"), QStringLiteral("open"), QStringLiteral("delete"), QStringLiteral("back")};
        QList<QStringList> sequences{{}};
        for (int length = 1; length <= int(all.size()); ++length) {
            QList<QStringList> longer;
            for (const QStringList& sequence : std::as_const(sequences)) {
                if (sequence.size() != length - 1)
                    continue;
                for (const QString& step : all) {
                    if (!sequence.contains(step))
                        longer.append(sequence + QStringList{step});
                }
            }
            sequences += longer;
        }
        for (const QStringList& sequence : std::as_const(sequences)) {
            if (sequence.size() >= 2)
                QTest::newRow(qPrintable(sequence.join(u'-'))) << sequence;
        }
    }

    void newStoryPageInEveryOrder()
    {
        QFETCH(QStringList, steps);
        auto window = makeWindow(QStringLiteral("story"));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->openStory(window->library()->records().first().id);
        const QString typed = QStringLiteral("a hedgehog who collects buttons");
        Story::StorySettings idea;
        idea.idea = typed;
        window->ideaPanel()->setSettings(idea);
        for (const QString& step : std::as_const(steps)) {
            if (step == QLatin1String("new")) {
                window->newStory();
                QVERIFY(!window->isReading());
            } else if (step == QLatin1String("open")) {
                if (!window->library()->records().isEmpty()) {
                    window->openStory(window->library()->records().last().id);
                    QVERIFY(window->isReading());
                }
            } else if (step == QLatin1String("delete")) {
                const QString open = window->generator()->storyId();
                if (!window->library()->records().isEmpty()) {
                    const QString victim = open.isEmpty() ? window->library()->records().first().id : open;
                    window->deleteStory(victim);
                    QVERIFY(!window->library()->record(victim));
                }
            } else if (step == QLatin1String("back")) {
                auto* back = window->newStoryPage()->findChild<QPushButton*>(QStringLiteral("backToStoryButton"));
                QVERIFY(back);
                if (back->isVisibleTo(window.get()))
                    back->click();
            }
            QCOMPARE(window->isReading(), window->generator()->story() != nullptr);
            checkShownStoryIsTheOpenOne(*window);
            QCOMPARE(window->ideaPanel()->settings().idea, typed);
        }
        window->close();
        window.reset(); // Quit
    }

    void newStoryWaitsForThePageBeingWritten()
    {
        auto window = makeWindow(QStringLiteral("drip:40:200"));
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        write(*window, QStringLiteral("a slow story"));
        QTRY_VERIFY_WITH_TIMEOUT(window->generator()->story() && !window->generator()->story()->pages.first().text.isEmpty(), 10000);
        const QString writing = window->generator()->storyId();
        window->newStory();
        QCOMPARE(window->generator()->storyId(), writing); // nothing is thrown away mid-page
        QVERIFY(window->banner()->isVisible());
        checkShownStoryIsTheOpenOne(*window);
        window->generator()->stop();
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        window->newStory();
        QVERIFY(!window->generator()->story());
        checkShownStoryIsTheOpenOne(*window);
    }

    // Writing a page again: while the new text streams, only the new text is shown; stopped, the
    // earlier version is shown again.
    void rewriteShowsOnlyTheNewText()
    {
        auto window = makeWindow(QStringLiteral("story"));
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        write(*window, QStringLiteral("a fox who finds a lantern"));
        QVERIFY(finished.wait(20000));
        window->reader()->pageView()->flush();
        const QString oldText = window->reader()->pageView()->plainText();
        QVERIFY2(oldText.contains(QLatin1String("Pip the fox")), qPrintable(oldText));

        window->useConnectionSettings(settingsFor(QStringLiteral("drip:40:200")));
        finished.clear();
        QAction* rewrite = actionNamed(*window, QStringLiteral("&Write this page again"));
        QVERIFY(rewrite && rewrite->isEnabled());
        rewrite->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window->reader()->pageView()->plainText().size() > 20, 10000);
        window->reader()->pageView()->flush();
        const QString streaming = window->reader()->pageView()->plainText();
        QVERIFY2(!streaming.contains(QLatin1String("Pip the fox")), qPrintable(streaming));
        QVERIFY2(!labelsText(*window).contains(QLatin1String("Where should Pip go next?")), qPrintable(labelsText(*window)));
        window->generator()->stop();
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        window->reader()->pageView()->flush();
        QCOMPARE(window->reader()->pageView()->plainText(), oldText);
        QVERIFY(window->generator()->story()->pages.first().previousVersions.isEmpty());
    }

    // Page → Earlier versions…: the version a rewrite replaced is shown with its question, and
    // restoring it brings its branch back.
    void earlierVersionsCanBeRestored()
    {
        auto window = makeWindow(QStringLiteral("story"));
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        write(*window, QStringLiteral("a fox who finds a lantern"));
        QVERIFY(finished.wait(20000));
        const QString first = window->reader()->currentPageId();
        finished.clear();
        Q_EMIT window->reader()->answerChosen(first, 1, QString());
        QVERIFY(finished.wait(20000));
        const QString branch = window->reader()->currentPageId();
        window->reader()->showPage(first);
        auto* versions = window->findChild<QAction*>(QStringLiteral("earlierVersionsAction"));
        QVERIFY(versions);
        QVERIFY(!versions->isEnabled()); // nothing written again yet

        window->useConnectionSettings(settingsFor(QStringLiteral("drip:1:12")));
        finished.clear();
        actionNamed(*window, QStringLiteral("&Write this page again"))->trigger();
        QVERIFY(finished.wait(20000));
        QVERIFY(window->generator()->story()->children(first).isEmpty());
        QCOMPARE(window->reader()->currentPageId(), first);
        QVERIFY(versions->isEnabled());

        QString shown;
        bool restored = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<App::VersionsDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shown = dialog->findChild<QPlainTextEdit*>()->toPlainText();
            restored = dialog->list()->count() == 1;
            dialog->accept();
        });
        versions->trigger();
        QVERIFY(restored);
        QVERIFY2(shown.contains(QLatin1String("Pip the fox carried")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("Where should Pip go next?")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("\n\n1 page")), qPrintable(shown)); // the branch of that version
        const std::shared_ptr<const Story::Story> story = window->generator()->story();
        QCOMPARE(story->children(first).size(), 1);
        QCOMPARE(story->children(first).first()->id, branch);
        checkShownStoryIsTheOpenOne(*window);
        window->reader()->pageView()->flush();
        QVERIFY(window->reader()->pageView()->plainText().contains(QLatin1String("Pip the fox carried")));
    }

    // An illustrated story in the window: the placeholder while the picture is painted, then the picture.
    void illustratedPageShowsPlaceholderThenPicture()
    {
        auto window = makeWindow(QStringLiteral("story"));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->usePictureSettings(settingsFor(QStringLiteral("image-slow:400")));
        QSignalSpy painted(window->generator(), &Generation::StoryGenerator::picturePainted);
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        Story::StorySettings settings;
        settings.idea = QStringLiteral("a fox who finds a lantern");
        settings.pageCount = 3;
        settings.pictures = true;
        settings.artStyle = QStringLiteral("clay");
        window->ideaPanel()->setSettings(settings);
        QCOMPARE(window->ideaPanel()->settings().pictures, true);
        QCOMPARE(window->ideaPanel()->settings().artStyle, QStringLiteral("clay"));
        Q_EMIT window->ideaPanel()->generateRequested();
        QVERIFY(finished.wait(20000));
        const QString first = window->reader()->currentPageId();
        // The text is there at once; its picture comes after the character sheet.
        QTRY_VERIFY_WITH_TIMEOUT(window->reader()->isPicturePending(first), 10000);
        Widgets::PictureView* picture = window->reader()->pageView()->pictureView();
        QCOMPARE(picture->state(), Widgets::PictureView::State::Painting);
        QTRY_VERIFY_WITH_TIMEOUT(painted.size() >= 2, 20000); // the sheet, then the page
        QVERIFY(!window->reader()->isPicturePending(first));
        QTRY_COMPARE_WITH_TIMEOUT(picture->state(), Widgets::PictureView::State::Shown, 10000);
        QVERIFY(!picture->pixmap().isNull());
        auto* paintAgain = window->findChild<QAction*>(QStringLiteral("paintAgainAction"));
        QVERIFY(paintAgain && paintAgain->isVisible() && paintAgain->isEnabled());
    }

    // "Go on reading" continues a read-to-me story that was stopped before its ending.
    void goOnReadingAfterStop()
    {
        auto window = makeWindow(QStringLiteral("drip:40:200"));
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        Story::StorySettings settings;
        settings.idea = QStringLiteral("a bedtime story");
        settings.pageCount = 2;
        settings.readToMe = true;
        window->ideaPanel()->setSettings(settings);
        Q_EMIT window->ideaPanel()->generateRequested();
        QTRY_VERIFY_WITH_TIMEOUT(window->generator()->story() && !window->generator()->story()->pages.first().text.isEmpty(), 10000);
        window->generator()->stop();
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        auto* goOn = window->findChild<QAction*>(QStringLiteral("goOnReadingAction"));
        QVERIFY(goOn);
        QVERIFY(goOn->isVisible());
        QVERIFY(goOn->isEnabled());
        window->useConnectionSettings(settingsFor(QStringLiteral("story")));
        finished.clear();
        goOn->trigger();
        QVERIFY(finished.wait(30000));
        QVERIFY(window->generator()->story()->isFinished());
        QVERIFY(window->generator()->story()->pathPages().size() >= 2);
        QVERIFY(!goOn->isEnabled());
    }

    void quittingMidStreamKeepsTheDraft()
    {
        QString storyId;
        {
            auto window = makeWindow(QStringLiteral("drip:40:200"));
            write(*window, QStringLiteral("a slow story"));
            QTRY_VERIFY_WITH_TIMEOUT(window->generator()->story() && window->generator()->story()->pages.first().text.size() > 10, 10000);
            storyId = window->generator()->story()->id;
            window->close();
        }
        Story::Library library(m_dir->filePath(QStringLiteral("library")));
        QVERIFY(library.reload().isEmpty());
        QString why;
        const auto saved = library.load(storyId, &why);
        QVERIFY2(saved, qPrintable(why));
        QCOMPARE(saved->pages.first().state, Story::Page::State::Draft);
        QVERIFY(saved->pages.first().text.size() > 10);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 5000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
