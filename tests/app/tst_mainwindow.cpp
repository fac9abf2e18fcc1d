// The desktop app against the fake server: write → choose → next page → export, errors as a
// banner, and quitting in the middle of a page.
#include "errorbanner.h"
#include "fakeopenaiserver.h"
#include "ideapanel.h"
#include "llmclient.h"
#include "mainwindow.h"
#include "readerwidget.h"
#include "storygenerator.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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
        QVERIFY(window->generator()->story()->page(second)->text.contains(QLatin1String("Cross the bridge")));

        for (const auto format : {Story::ExportFormat::Markdown, Story::ExportFormat::Html, Story::ExportFormat::Pdf}) {
            const QString path = m_dir->filePath(QStringLiteral("story.") + Story::exportFormatSuffix(format));
            QVERIFY(window->exportStoryTo(storyId, path, format, true).isEmpty());
            QVERIFY(QFileInfo(path).size() > 100);
        }
        QVERIFY(!window->banner()->isVisible());
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
