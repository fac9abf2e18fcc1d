// Gentle safety in the app (issue 19), against the fake server: the child's own answer and the idea are checked
// against the family word list before anything is sent (a kind message instead), and child mode turns on the
// gentler retry of a refused page, so the child sees the page written again rather than a refusal.
#include "errorbanner.h"
#include "childmode.h"
#include "fakeopenaiserver.h"
#include "ideapanel.h"
#include "llmclient.h"
#include "mainwindow.h"
#include "readerwidget.h"
#include "storygenerator.h"

#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;
using namespace Storybook::Test;

class TestGentleSafety final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir* m_dir = nullptr;

    std::unique_ptr<App::MainWindow> makeWindow(const QString& scenario)
    {
        Llm::ConnectionSettings s;
        s.baseUrl = m_server->baseUrl(scenario);
        s.model = QStringLiteral("fake-small");
        s.proxy.mode = Llm::ProxySettings::Mode::None;
        s.retries = 0;
        s.connectTimeout = std::chrono::seconds(5);
        s.idleTimeout = std::chrono::seconds(5);
        App::MainWindow::Options options;
        options.libraryFolder = m_dir->filePath(QStringLiteral("library"));
        auto window = std::make_unique<App::MainWindow>(options);
        window->useConnectionSettings(s);
        window->show();
        return window;
    }

    static void write(App::MainWindow& window, const QString& idea)
    {
        Story::StorySettings settings;
        settings.idea = idea;
        settings.pageCount = 3;
        window.ideaPanel()->setSettings(settings);
        Q_EMIT window.ideaPanel()->generateRequested();
    }

    int chats() const
    {
        int count = 0;
        for (const RecordedRequest& r : m_server->requests())
            count += r.path.endsWith("/chat/completions") ? 1 : 0;
        return count;
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

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QSettings().clear();
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

    void ownAnswerOnTheWordList()
    {
        auto window = makeWindow(QStringLiteral("story"));
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        write(*window, QStringLiteral("a fox who finds a lantern"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(chats(), 1);
        const qsizetype pages = window->generator()->story()->pages.size();
        auto* own = window->reader()->findChild<QLineEdit*>(QStringLiteral("ownAnswerField"));
        QVERIFY(own);
        QTRY_VERIFY(own->isVisible());
        own->setFocus();
        QTest::keyClicks(own, QStringLiteral("the fox says SHIT"));
        QTest::keyClick(own, Qt::Key_Return);
        QTRY_VERIFY2(labelsText(*window).contains(QLatin1String("Let's try other words!")), qPrintable(labelsText(*window)));
        QVERIFY(!window->generator()->isBusy());
        QCOMPARE(chats(), 1); // nothing was sent
        QCOMPARE(window->generator()->story()->pages.size(), pages);

        // Other words go through, and the message goes with the page.
        finished.clear();
        QTest::keyClicks(own, QStringLiteral("the fox sings a song"));
        QTest::keyClick(own, Qt::Key_Return);
        QVERIFY(finished.wait(20000));
        QCOMPARE(chats(), 2);
        QCOMPARE(window->generator()->story()->pages.size(), pages + 1);
        QTRY_VERIFY(!labelsText(*window).contains(QLatin1String("Let's try other words!")));
    }

    void ideaOnTheWordList()
    {
        auto window = makeWindow(QStringLiteral("story"));
        const qsizetype stories = window->library()->records().size();
        write(*window, QStringLiteral("a dragon who wants to kill myself"));
        QTRY_VERIFY2(window->banner()->message().contains(QLatin1String("other words")), qPrintable(window->banner()->message()));
        QVERIFY(!window->generator()->isBusy());
        QCOMPARE(chats(), 0);
        QCOMPARE(window->library()->records().size(), stories);
    }

    // Child mode turns on the gentler retry (also when the app starts in it): refuse:1 — a page refused once
    // is written again gently and shown; outside child mode the same refusal is a draft at once.
    void childModeRetriesGently()
    {
        {
            auto window = makeWindow(QStringLiteral("refuse:1"));
            QVERIFY(!window->generator()->gentleRetry());
            QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
            write(*window, QStringLiteral("a fox who finds a lantern"));
            QVERIFY(finished.wait(20000));
            QCOMPARE(window->generator()->story()->pages.first().noteCode, QStringLiteral("content-filter"));
            QCOMPARE(chats(), 1);
            window->childMode()->enter();
            QVERIFY(window->generator()->gentleRetry());
        }
        m_server->clearRequests();
        m_server->resetCounters();
        QVERIFY(QSettings().value(QStringLiteral("childMode/on")).toBool());
        auto window = makeWindow(QStringLiteral("refuse:1"));
        QVERIFY(window->childMode()->isOn());
        QVERIFY(window->generator()->gentleRetry());
        QSignalSpy finished(window->generator(), &Generation::StoryGenerator::finished);
        const std::shared_ptr<const Story::Story> story = window->generator()->story();
        QVERIFY(story);
        const QString draft = story->pages.first().id;
        QVERIFY(window->generator()->regenerate(story->id, draft).isEmpty());
        QVERIFY(finished.wait(20000));
        QCOMPARE(chats(), 2);
        const Story::Page* page = window->generator()->story()->page(draft);
        QVERIFY(page);
        QCOMPARE(page->state, Story::Page::State::Complete);
        QTRY_COMPARE(window->reader()->currentPageId(), draft); // shown to the child
    }
};

QTEST_MAIN(TestGentleSafety)
#include "tst_gentlesafety.moc"
