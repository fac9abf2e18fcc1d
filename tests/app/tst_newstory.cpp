// The New story page (issue 19): the child as the hero, characters from the family cast, a lesson and the
// reading level fill StorySettings; what was typed stays while another story is read.
#include "fakeopenaiserver.h"
#include "familycast.h"
#include "ideapanel.h"
#include "library.h"
#include "mainwindow.h"
#include "newstorypage.h"
#include "pageview.h"
#include "readerwidget.h"
#include "profiles.h"
#include "readinglevel.h"
#include "storygenerator.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;
using namespace Storybook::Test;

class TestNewStory final : public QObject
{
    Q_OBJECT

    QTemporaryDir* m_dir = nullptr;

    QString library() const { return m_dir->filePath(QStringLiteral("library")); }

    void addFamily()
    {
        Story::ProfileStore profiles(Story::ProfileStore::pathBeside(library()));
        Story::ChildProfile mia;
        mia.name = QStringLiteral("Mia");
        mia.age = 5;
        mia.animals = {QStringLiteral("hedgehogs")};
        QCOMPARE(profiles.add(mia), QString());
        Story::FamilyCast cast(Story::FamilyCast::pathBeside(library()));
        for (const auto& [name, look] : {std::pair{"Poppy", "a fox with a blue scarf"}, std::pair{"Hoot", "an owl with round glasses"}}) {
            Story::FamilyCharacter c{{}, QLatin1String(name), QLatin1String(look), {}, {}, {}, {}};
            QCOMPARE(cast.save(c), QString());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }
    void init()
    {
        m_dir = new QTemporaryDir;
    }
    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void heroCastLessonAndLevelFillTheSettings()
    {
        addFamily();
        App::NewStoryPage page;
        App::IdeaPanel* panel = page.ideaPanel();
        panel->setFamilyFolder(library());
        page.resize(1024, 560);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        // Nothing chosen: no hero, no picked characters, the level from the age band.
        Story::StorySettings s = panel->settings();
        QVERIFY(s.hero.isEmpty());
        QVERIFY(s.chosenCast.isEmpty());
        QCOMPARE(s.readingLevel, QString());

        auto* hero = page.findChild<QComboBox*>(QStringLiteral("heroBox"));
        auto* cast = page.findChild<QListWidget*>(QStringLiteral("familyCastList"));
        auto* lesson = page.findChild<QLineEdit*>(QStringLiteral("lessonEdit"));
        auto* level = page.findChild<QComboBox*>(QStringLiteral("readingLevelBox"));
        auto* characters = page.findChild<QLineEdit*>(QStringLiteral("charactersEdit"));
        QVERIFY(hero && cast && lesson && level && characters);
        QCOMPARE(hero->count(), 2);
        QCOMPARE(cast->count(), 2);
        hero->setCurrentIndex(hero->findText(QStringLiteral("Mia")));
        cast->item(0)->setCheckState(Qt::Checked); // Poppy
        QTest::keyClicks(lesson, QStringLiteral("sharing is caring"));
        QTest::keyClicks(characters, QStringLiteral("Grandma"));
        s = panel->settings();
        QCOMPARE(s.hero.name, QStringLiteral("Mia"));
        QCOMPARE(s.hero.age, QStringLiteral("5"));
        QCOMPARE(s.hero.favourites, QStringList{QStringLiteral("hedgehogs")});
        QCOMPARE(s.chosenCast.size(), 1);
        QCOMPARE(s.chosenCast.first().name, QStringLiteral("Poppy"));
        QCOMPARE(s.chosenCast.first().look, QStringLiteral("a fox with a blue scarf"));
        QCOMPARE(s.moral, QStringLiteral("sharing is caring"));
        QCOMPARE(s.characters, QStringLiteral("Grandma"));
        QCOMPARE(Story::ReadingLevel::of(s).name(), QStringLiteral("early-reader")); // from Mia's age
        level->setCurrentIndex(level->findData(QStringLiteral("confident")));
        QCOMPARE(panel->settings().readingLevel, QStringLiteral("confident"));

        // The settings put back (a story written again from its settings) choose the same.
        App::NewStoryPage other;
        other.ideaPanel()->setFamilyFolder(library());
        other.ideaPanel()->setSettings(panel->settings());
        const Story::StorySettings back = other.ideaPanel()->settings();
        QCOMPARE(back.hero.profileId, s.hero.profileId);
        QCOMPARE(back.chosenCast.size(), 1);
        QCOMPARE(back.readingLevel, QStringLiteral("confident"));
        QCOMPARE(back.moral, s.moral);

        // Fits a 1024×600 screen (with room for the window's menu and tool bars).
        QVERIFY2(page.minimumSizeHint().height() <= 480, qPrintable(QString::number(page.minimumSizeHint().height())));
        QVERIFY(page.minimumSizeHint().width() <= 1024);
    }

    // "Add a child…" stores the profile and makes it the hero; a story's character saved to the family cast
    // is offered for the next story.
    void addChildAndSaveToFamilyCast()
    {
        App::NewStoryPage page;
        App::IdeaPanel* panel = page.ideaPanel();
        panel->setFamilyFolder(library());
        Story::ChildProfile leo;
        leo.name = QStringLiteral("Leo");
        leo.readingLevel = QStringLiteral("first-words");
        QCOMPARE(panel->addProfile(leo), QString());
        QCOMPARE(panel->settings().hero.name, QStringLiteral("Leo"));
        QCOMPARE(panel->settings().readingLevel, QStringLiteral("first-words"));
        Story::ProfileStore stored(Story::ProfileStore::pathBeside(library()));
        QCOMPARE(stored.load(), QString());
        QCOMPARE(stored.profiles().size(), 1);

        Story::Story story;
        story.id = Story::Story::newId();
        story.title = QStringLiteral("The lantern");
        story.cast = {{QStringLiteral("Pip"), QStringLiteral("a small fox"), {}}};
        QVERIFY(!panel->saveToFamilyCast(story, QStringLiteral("Nobody")).isEmpty());
        QCOMPARE(panel->saveToFamilyCast(story, QStringLiteral("pip")), QString());
        auto* cast = page.findChild<QListWidget*>(QStringLiteral("familyCastList"));
        QCOMPARE(cast->count(), 1);
        QCOMPARE(cast->item(0)->text(), QStringLiteral("Pip"));
        QCOMPARE(cast->item(0)->checkState(), Qt::Unchecked);
        QCOMPARE(panel->familyCast()->characters().first().look, QStringLiteral("a small fox"));
    }

    // In the app: the profiles and cast beside its library; the Story menu saves to the family cast when a
    // story is open; what was typed (hero, cast, lesson, level) stays while another story is peeked at.
    void typedChoicesSurvivePeeking()
    {
        FakeOpenAiServer server;
        QVERIFY(server.listen());
        addFamily();
        App::MainWindow::Options options;
        options.libraryFolder = library();
        App::MainWindow window(options);
        Llm::ConnectionSettings connection;
        connection.baseUrl = server.baseUrl(QStringLiteral("story"));
        connection.model = QStringLiteral("fake-small");
        connection.proxy.mode = Llm::ProxySettings::Mode::None;
        connection.retries = 0;
        window.useConnectionSettings(connection);
        window.resize(1024, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* save = window.findChild<QAction*>(QStringLiteral("saveToFamilyCastAction"));
        QVERIFY(save);

        window.newStory();
        App::IdeaPanel* panel = window.ideaPanel();
        auto* hero = window.findChild<QComboBox*>(QStringLiteral("heroBox"));
        auto* cast = window.findChild<QListWidget*>(QStringLiteral("familyCastList"));
        auto* lesson = window.findChild<QLineEdit*>(QStringLiteral("lessonEdit"));
        QCOMPARE(hero->count(), 2);
        hero->setCurrentIndex(1);
        cast->item(1)->setCheckState(Qt::Checked);
        lesson->setText(QStringLiteral("be kind to snails"));
        // The Write button is on screen at 1024×600.
        auto* write = window.findChild<QPushButton*>(QStringLiteral("writeStoryButton"));
        QVERIFY(write->isVisible());
        QVERIFY(write->mapTo(&window, QPoint(0, write->height())).y() <= window.height());

        QVERIFY(!window.library()->records().isEmpty());
        window.openStory(window.library()->records().first().id);
        QVERIFY(window.isReading());
        QTRY_VERIFY(save->isEnabled());
        window.newStory();
        const Story::StorySettings s = panel->settings();
        QCOMPARE(s.hero.name, QStringLiteral("Mia"));
        QCOMPARE(s.chosenCast.size(), 1);
        QCOMPARE(s.chosenCast.first().name, QStringLiteral("Hoot"));
        QCOMPARE(s.moral, QStringLiteral("be kind to snails"));

        // The reading view sets the type of the open story's reading level: bigger for first words.
        Widgets::PageView* view = window.findChild<Widgets::PageView*>();
        QVERIFY(view);
        window.openStory(window.library()->records().first().id);
        const Story::ReadingLevel level = Story::ReadingLevel::of(window.generator()->story()->settings);
        const int opened = view->bodyPixelSize();
        view->setTextScale(1.0);
        const int plain = view->bodyPixelSize();
        QVERIFY2(qAbs(opened - qRound(plain * level.textScale())) <= 1, qPrintable(QStringLiteral("%1 %2").arg(opened).arg(plain)));
        view->setTextScale(Story::ReadingLevel(Story::ReadingLevel::Id::FirstWords).textScale());
        QVERIFY(view->bodyPixelSize() > plain);
    }
};

QTEST_MAIN(TestNewStory)
#include "tst_newstory.moc"
