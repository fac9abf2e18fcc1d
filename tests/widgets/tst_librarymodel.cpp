#include "illustratedstory.h"
#include "library.h"
#include "librarycovers.h"
#include "librarymodel.h"
#include "librarysidebar.h"
#include "librarytrashview.h"
#include "readerwidget.h"
#include "storytesthelpers.h"
#include "viewerwindow.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;
using Widgets::LibraryFilterModel;
using Widgets::LibraryModel;

namespace {

void writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
}

// A library of `count` readable stories ("Story 0" … , every third one about a quillberry) and one junk file.
void makeLibrary(const QString& folder, int count)
{
    Story::Library library(folder);
    QVERIFY(library.reload().isEmpty());
    for (int i = 0; i < count; ++i) {
        Story::Story story = Test::sampleStory(i % 2 ? QStringLiteral("zh") : QStringLiteral("en"));
        story.title = QStringLiteral("Story %1%2").arg(i).arg(i % 3 == 0 ? QStringLiteral(" and the quillberry") : QString());
        QVERIFY(library.save(story).isEmpty());
    }
    writeFile(folder + QStringLiteral("/broken.storybook"), "{ not a story");
    // The unreadable file is listed by its file time, which the kernel takes from a clock that can lag
    // the stories' own times by a tick: made the oldest for certain, so the order is always the same
    // (it sorted between the newest stories now and then).
    QFile broken(folder + QStringLiteral("/broken.storybook"));
    QVERIFY(broken.open(QIODevice::ReadWrite));
    QVERIFY(broken.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
}

// The model shows exactly the library's records, in its order.
void compareRows(const LibraryModel& model, const Story::Library& library)
{
    QCOMPARE(model.rowCount(), int(library.records().size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        const Story::StoryRecord& record = library.records().at(row);
        const QModelIndex index = model.index(row);
        QCOMPARE(index.data(LibraryModel::IdRole).toString(), record.id);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), record.shownTitle);
        QCOMPARE(index.data(LibraryModel::TitleRole).toString(), record.shownTitle);
        QCOMPARE(index.data(LibraryModel::StoredTitleRole).toString(), record.title);
        QCOMPARE(index.data(LibraryModel::FileNameRole).toString(), record.fileName);
        QCOMPARE(index.data(LibraryModel::ModifiedRole).toDateTime(), record.modified);
        QCOMPARE(index.data(LibraryModel::LanguageRole).toString(), record.language);
        QCOMPARE(index.data(LibraryModel::PagesRole).toInt(), record.pages);
        QCOMPARE(index.data(LibraryModel::FinishedRole).toBool(), record.finished);
        QCOMPARE(index.data(LibraryModel::ReadableRole).toBool(), record.readable);
        QCOMPARE(index.data(LibraryModel::ProblemRole).toString(), record.problem);
    }
}

QStringList idsShown(const QAbstractItemModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(LibraryFilterModel::idAt(model.index(row, 0)));
    return ids;
}

// Counts every structural signal of a model.
struct Changes
{
    explicit Changes(QAbstractItemModel* model)
        : resets(model, &QAbstractItemModel::modelReset)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , changed(model, &QAbstractItemModel::dataChanged)
    {
    }
    void clear()
    {
        resets.clear();
        inserted.clear();
        removed.clear();
        moved.clear();
        changed.clear();
    }
    QSignalSpy resets;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy moved;
    QSignalSpy changed;
};

} // namespace

class TestLibraryModel final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("StorybookTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_librarymodel"));
    }

    void rowsMatchRecords()
    {
        QTemporaryDir dir;
        makeLibrary(dir.path(), 5);
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        LibraryModel model(&library);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 6);
        compareRows(model, library);
        QCOMPARE(model.rowOf(library.records().at(3).id), 3);
        QCOMPARE(model.rowOf(QStringLiteral("no such story")), -1);
        QVERIFY(model.roleNames().value(LibraryModel::IdRole) == "id");

        // Another library, or none: one reset.
        Changes changes(&model);
        model.setLibrary(nullptr);
        QCOMPARE(model.rowCount(), 0);
        model.setLibrary(&library);
        compareRows(model, library);
        QCOMPARE(changes.resets.size(), 2);
    }

    void unreadableEntriesShowTheirReason()
    {
        QTemporaryDir dir;
        makeLibrary(dir.path(), 2);
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        LibraryModel model(&library);
        const Story::StoryRecord* broken = library.record(QStringLiteral("broken.storybook"));
        QVERIFY(broken);
        QVERIFY(!broken->readable);
        const QModelIndex index = model.index(model.rowOf(broken->id));
        QVERIFY(!index.data(LibraryModel::ReadableRole).toBool());
        QVERIFY(!index.data(LibraryModel::ProblemRole).toString().isEmpty());
        QCOMPARE(index.data(Qt::ToolTipRole).toString(), broken->problem);
        const QModelIndex readable = model.index(model.rowOf(library.records().constFirst().readable
                                                                 ? library.records().constFirst().id
                                                                 : library.records().constLast().id));
        QCOMPARE(readable.data(Qt::ToolTipRole).toString(), readable.data(LibraryModel::TitleRole).toString());

        // Listed without a search, never found by one (as Library::search()).
        LibraryFilterModel filter(&model);
        QVERIFY(idsShown(filter).contains(broken->id));
        filter.setQuery(QStringLiteral("broken"));
        QCOMPARE(filter.rowCount(), 0);
    }

    void searchFiltersWithoutRebuilding()
    {
        QTemporaryDir dir;
        makeLibrary(dir.path(), 30);
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        LibraryModel model(&library);
        LibraryFilterModel filter(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QPersistentModelIndex kept = model.index(7);
        Changes source(&model);
        Changes shown(&filter);
        QSignalSpy layouts(&filter, &QAbstractItemModel::layoutChanged);
        const QString query = QStringLiteral("story 1 QUILLBERRY");
        for (qsizetype typed = 1; typed <= query.size(); ++typed) {
            filter.setQuery(query.left(typed));
            const QStringList expected = library.search(query.left(typed));
            QStringList ids = idsShown(filter);
            QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), QSet<QString>(expected.cbegin(), expected.cend()));
        }
        QCOMPARE(filter.rowCount(), int(library.search(query).size()));
        QVERIFY(filter.rowCount() > 0);
        QVERIFY(filter.rowCount() < 10);
        for (int row = 0; row < filter.rowCount(); ++row)
            QVERIFY(filter.index(row, 0).data(LibraryModel::TitleRole).toString().contains(QLatin1String("1")));
        filter.setQuery(QString());
        QCOMPARE(filter.rowCount(), model.rowCount());
        QCOMPARE(idsShown(filter), idsShown(model)); // the library's order again

        // The list itself was never rebuilt: no reset anywhere, the source untouched, rows only
        // filtered out and in.
        QCOMPARE(source.resets.size(), 0);
        QCOMPARE(source.inserted.size() + source.removed.size() + source.moved.size() + source.changed.size(), 0);
        QCOMPARE(shown.resets.size(), 0);
        QVERIFY(shown.removed.size() > 0);
        QVERIFY(shown.inserted.size() > 0);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.row(), 7);
    }

    void orderByTitle()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        for (const QString& title : {QStringLiteral("banana"), QStringLiteral("Apple"), QStringLiteral("cherry")}) {
            Story::Story story = Test::sampleStory();
            story.title = title;
            QVERIFY(library.save(story).isEmpty());
            QTest::qWait(2); // distinct modification times, so "newest first" is known
        }
        LibraryModel model(&library);
        LibraryFilterModel filter(&model);
        const auto titles = [&filter] {
            QStringList shown;
            for (int row = 0; row < filter.rowCount(); ++row)
                shown.append(filter.index(row, 0).data(LibraryModel::TitleRole).toString());
            return shown;
        };
        QCOMPARE(titles(), (QStringList{QStringLiteral("cherry"), QStringLiteral("Apple"), QStringLiteral("banana")}));
        QSignalSpy resets(&filter, &QAbstractItemModel::modelReset);
        filter.setOrder(LibraryFilterModel::Order::Title);
        QCOMPARE(titles(), (QStringList{QStringLiteral("Apple"), QStringLiteral("banana"), QStringLiteral("cherry")}));
        filter.setOrder(LibraryFilterModel::Order::Newest);
        QCOMPARE(titles(), (QStringList{QStringLiteral("cherry"), QStringLiteral("Apple"), QStringLiteral("banana")}));
        QCOMPARE(resets.size(), 0);
    }

    // After a save, a rename, a trash, a restore and an import, refresh() changes just those rows;
    // only reload() (the whole folder read again) resets the model.
    void refreshChangesOnlyTheStoriesThatChanged()
    {
        QTemporaryDir dir;
        makeLibrary(dir.path(), 8);
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        LibraryModel model(&library);
        LibraryFilterModel filter(&model);
        filter.setQuery(QStringLiteral("quillberry"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Changes changes(&model);
        Changes shown(&filter);
        const auto visibleTitles = [&filter] {
            QSet<QString> titles;
            for (int row = 0; row < filter.rowCount(); ++row)
                titles.insert(filter.index(row, 0).data(LibraryModel::TitleRole).toString());
            return titles;
        };

        // A new story: one row in, at the top; the search finds it at once.
        Story::Story added = Test::sampleStory();
        added.title = QStringLiteral("A brand new quillberry");
        QVERIFY(library.save(added).isEmpty());
        model.refresh();
        compareRows(model, library);
        QCOMPARE(changes.inserted.size(), 1);
        QCOMPARE(changes.inserted.at(0).at(1).toInt(), 0);
        QVERIFY(visibleTitles().contains(added.title));

        // An older story saved again (renamed): it moves to the top and its row changes.
        changes.clear();
        const QString olderId = library.records().constLast().readable ? library.records().constLast().id
                                                                       : library.records().at(library.records().size() - 2).id;
        std::optional<Story::Story> older = library.load(olderId, nullptr);
        QVERIFY(older);
        QTest::qWait(2);
        older->title = QStringLiteral("Renamed to find the quillberry");
        QVERIFY(library.save(*older).isEmpty());
        QCOMPARE(library.records().constFirst().id, olderId);
        model.refresh();
        compareRows(model, library);
        QCOMPARE(changes.inserted.size(), 0);
        QCOMPARE(changes.removed.size(), 0);
        QCOMPARE(changes.moved.size(), 1);
        QCOMPARE(changes.changed.size(), 1);
        QVERIFY(visibleTitles().contains(older->title));

        // Deleted: one row out (from the search too); restored: back in.
        changes.clear();
        QVERIFY(library.trash(added.id).isEmpty());
        model.refresh();
        compareRows(model, library);
        QCOMPARE(changes.removed.size(), 1);
        QVERIFY(!visibleTitles().contains(added.title));
        QVERIFY(library.restore(added.id).isEmpty());
        model.refresh();
        compareRows(model, library);
        QCOMPARE(changes.inserted.size(), 1);
        QVERIFY(visibleTitles().contains(added.title));

        // Imported: one row in. Nothing changed: nothing happens.
        changes.clear();
        Story::Story outside = Test::sampleStory();
        outside.title = QStringLiteral("Imported");
        const QString path = dir.filePath(QStringLiteral("outside.json"));
        writeFile(path, outside.toFileData());
        QString why;
        QVERIFY2(library.import(path, &why), qPrintable(why));
        model.refresh();
        compareRows(model, library);
        QCOMPARE(changes.inserted.size(), 1);
        changes.clear();
        model.refresh();
        QCOMPARE(changes.inserted.size() + changes.removed.size() + changes.moved.size() + changes.changed.size(), 0);

        QCOMPARE(changes.resets.size(), 0);
        QCOMPARE(shown.resets.size(), 0);

        // The whole folder read again: one reset.
        QCOMPARE(model.reload(), QString());
        compareRows(model, library);
        QCOMPARE(changes.resets.size(), 1);
    }

    // The offline viewer's list: a view over the model; typing a search filters it (no reset, the
    // story shown stays), the keyboard opens a story, an unreadable file shows why, and its folder is named.
    void viewerListOverTheModel()
    {
        QTemporaryDir dir;
        makeLibrary(dir.path(), 12);
        Viewer::ViewerWindow window;
        window.openFolder(dir.path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListView* view = window.libraryView();
        QVERIFY(view);
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        QCOMPARE(window.libraryModel()->rowCount(), 13);
        QCOMPARE(view->model()->rowCount(), 13);
        // The newest readable story is open, and selected.
        QVERIFY(window.reader()->story());
        const QString first = window.reader()->story()->id;
        const int firstRow = window.libraryModel()->rowOf(first);
        for (int row = 0; row < firstRow; ++row)
            QVERIFY(!library.records().at(row).readable);
        QVERIFY(firstRow + 1 < library.records().size());
        QVERIFY(library.records().at(firstRow + 1).readable);
        QCOMPARE(LibraryFilterModel::idAt(view->currentIndex()), first);
        bool folderNamed = false;
        for (const QLabel* label : window.findChildren<QLabel*>())
            folderNamed = folderNamed || label->text() == QDir::toNativeSeparators(dir.path());
        QVERIFY(folderNamed);

        // The keyboard opens the next story.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QVERIFY(window.reader()->story());
        const QString second = window.reader()->story()->id;
        QCOMPARE(second, library.records().at(firstRow + 1).id);

        // Typing: rows filtered, never rebuilt; the story shown stays shown and selected when listed.
        QSignalSpy resets(view->model(), &QAbstractItemModel::modelReset);
        QSignalSpy sourceResets(window.libraryModel(), &QAbstractItemModel::modelReset);
        QLineEdit* search = nullptr;
        for (QLineEdit* edit : window.findChildren<QLineEdit*>())
            search = edit->accessibleName() == QLatin1String("Search stories") ? edit : search;
        QVERIFY(search);
        const QString secondTitle = library.record(second)->title;
        QTest::keyClicks(search, secondTitle);
        QCOMPARE(view->model()->rowCount(), int(library.search(secondTitle).size()));
        QVERIFY(view->model()->rowCount() < 13);
        QCOMPARE(window.reader()->story()->id, second);
        QCOMPARE(LibraryFilterModel::idAt(view->currentIndex()), second);
        QTest::keyClicks(search, QStringLiteral(" xyzzy"));
        QCOMPARE(view->model()->rowCount(), 0);
        QCOMPARE(window.reader()->story()->id, second); // nothing else was opened
        search->clear();
        QCOMPARE(view->model()->rowCount(), 13);
        QCOMPARE(LibraryFilterModel::idAt(view->currentIndex()), second);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(sourceResets.size(), 0);

        // Each row's text: the title, then its details (date, pages, language) for a screen reader.
        const QModelIndex shown = view->currentIndex();
        QCOMPARE(shown.data(Qt::DisplayRole).toString(), secondTitle);
        QVERIFY(shown.data(Qt::AccessibleTextRole).toString().startsWith(secondTitle + QStringLiteral(", ")));
        QVERIFY(shown.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("page")));

        // The unreadable file: listed with its reason, which is shown when it is chosen.
        const Story::StoryRecord* broken = library.record(QStringLiteral("broken.storybook"));
        QVERIFY(broken);
        const QModelIndex brokenIndex = view->model()->index(window.libraryModel()->rowOf(broken->id), 0);
        QCOMPARE(LibraryFilterModel::idAt(brokenIndex), broken->id);
        QCOMPARE(brokenIndex.data(Qt::ToolTipRole).toString(), broken->problem);
        QVERIFY(brokenIndex.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("Cannot be read")));
        view->setCurrentIndex(brokenIndex);
        QVERIFY(!window.reader()->story());
        bool reasonShown = false;
        for (const QLabel* label : window.findChildren<QLabel*>())
            reasonShown = reasonShown || (label->isVisible() && label->text().contains(broken->problem));
        QVERIFY(reasonShown);

        // A single file: the list is emptied (a reset: the library is gone).
        QVERIFY(window.openFile(library.filePath(first)));
        QCOMPARE(window.libraryModel()->rowCount(), 0);
    }

    // The app's sidebar: the same model; typing a search filters it without a reset, a refresh
    // after a save keeps the selection, the keyboard asks to open, unreadable files say why.
    void sidebarListOverTheModel()
    {
        QTemporaryDir dir;
        makeLibrary(dir.path(), 10);
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        App::LibrarySidebar sidebar(&library);
        sidebar.resize(300, 600);
        sidebar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
        QListView* view = sidebar.view();
        QCOMPARE(view->model()->rowCount(), 11);
        compareRows(*sidebar.model(), library);

        QStringList readable;
        for (const Story::StoryRecord& record : library.records()) {
            if (record.readable)
                readable.append(record.id);
        }
        const QString chosen = readable.at(2);
        sidebar.selectStory(chosen);
        QCOMPARE(sidebar.selectedStoryId(), chosen);
        QSignalSpy open(&sidebar, &App::LibrarySidebar::openRequested);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), chosen);

        const QModelIndex row = view->currentIndex();
        QVERIFY(row.data(Qt::DisplayRole).toString().startsWith(library.record(chosen)->title + u'\n'));
        QVERIFY(row.data(Qt::DisplayRole).toString().contains(QStringLiteral("page")));

        QSignalSpy resets(view->model(), &QAbstractItemModel::modelReset);
        QSignalSpy sourceResets(sidebar.model(), &QAbstractItemModel::modelReset);
        QLineEdit* search = sidebar.findChild<QLineEdit*>();
        QVERIFY(search);
        QTest::keyClicks(search, QStringLiteral("quillberry"));
        QCOMPARE(view->model()->rowCount(), int(library.search(QStringLiteral("quillberry")).size()));
        QCOMPARE(view->model()->rowCount(), 4); // stories 0, 3, 6 and 9
        search->clear();
        QCOMPARE(view->model()->rowCount(), 11);
        QCOMPARE(sidebar.selectedStoryId(), chosen);

        // Saved elsewhere in the app: the list follows, the selection stays, still no reset.
        std::optional<Story::Story> story = library.load(chosen, nullptr);
        QVERIFY(story);
        QTest::qWait(2);
        story->title = QStringLiteral("Saved just now");
        QVERIFY(library.save(*story).isEmpty());
        sidebar.refresh();
        compareRows(*sidebar.model(), library);
        QCOMPARE(sidebar.selectedStoryId(), chosen);
        QVERIFY(view->currentIndex().data(Qt::DisplayRole).toString().startsWith(QStringLiteral("Saved just now\n")));
        // Deleted: no selection is left on another story.
        QVERIFY(library.trash(chosen).isEmpty());
        sidebar.refresh();
        compareRows(*sidebar.model(), library);
        QCOMPARE(sidebar.selectedStoryId(), QString());
        QCOMPARE(resets.size(), 0);
        QCOMPARE(sourceResets.size(), 0);

        // The unreadable file: its reason as the tool tip, "Cannot be read" under its name, never opened.
        const QModelIndex broken = view->model()->index(sidebar.model()->rowOf(QStringLiteral("broken.storybook")), 0);
        QVERIFY(broken.data(Qt::DisplayRole).toString().endsWith(QStringLiteral("\nCannot be read")));
        QCOMPARE(broken.data(Qt::ToolTipRole).toString(), library.record(QStringLiteral("broken.storybook"))->problem);
        QVERIFY(broken.data(Qt::ForegroundRole).isValid());
        open.clear();
        view->setCurrentIndex(broken);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(open.size(), 0);
    }
    // A cover is the story's first picture (read and decoded off the GUI thread; the initial stands
    // in until it is ready), or its initial on a colour of its own when it has none or it is broken.
    void coversArePictureOrInitial()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        Story::Story illustrated = Test::illustratedStory();
        QVERIFY(library.save(illustrated).isEmpty());
        Story::Story plain = Test::sampleStory();
        QVERIFY(library.save(plain).isEmpty());
        Story::Story broken = Test::illustratedStory();
        broken.id = QStringLiteral("broken-cover");
        broken.path = {QStringLiteral("p3"), QStringLiteral("p4")}; // p4's picture is corrupt
        broken.pages[2].parentId.clear();
        QVERIFY(library.save(broken).isEmpty());
        QCOMPARE(library.record(illustrated.id)->coverEntry, QStringLiteral("pictures/p1.png"));
        QCOMPARE(library.record(plain.id)->coverEntry, QString());
        QCOMPARE(library.record(broken.id)->coverEntry, QStringLiteral("pictures/p4.png"));

        Widgets::LibraryCovers covers;
        QSignalSpy ready(&covers, &Widgets::LibraryCovers::coverReady);
        const int side = 48;
        const auto coverOf = [&](const Story::Story& story) {
            const Story::StoryRecord* record = library.record(story.id);
            return covers.cover(story.id, library.folder() + u'/' + record->fileName, record->coverEntry, record->title, side);
        };
        const QImage initial = Widgets::LibraryCovers::initial(illustrated.title, side);
        QCOMPARE(coverOf(illustrated), initial); // the initial until the picture is read
        QCOMPARE(covers.readsStarted(), 1);
        QCOMPARE(coverOf(illustrated), initial); // asked again meanwhile: the same read
        QCOMPARE(covers.readsStarted(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        QCOMPARE(ready.at(0).at(0).toString(), illustrated.id);
        const QImage picture = coverOf(illustrated);
        QCOMPARE(picture.size(), QSize(side, side));
        QVERIFY(picture != initial);
        // The picture is a sky: blue at the top, warm at the bottom.
        const QColor top = picture.pixelColor(side / 2, 1);
        QVERIFY2(top.blue() > top.red(), qPrintable(top.name()));
        QCOMPARE(covers.readsStarted(), 1);

        // No picture: the initial, and nothing is read.
        QCOMPARE(coverOf(plain), Widgets::LibraryCovers::initial(plain.title, side));
        QCOMPARE(covers.readsStarted(), 1);
        // A broken picture: the initial stays, and it is not read again.
        QCOMPARE(coverOf(broken), Widgets::LibraryCovers::initial(broken.title, side));
        QTRY_COMPARE_WITH_TIMEOUT(covers.readsPending(), 0, 10000);
        QCOMPARE(coverOf(broken), Widgets::LibraryCovers::initial(broken.title, side));
        QCOMPARE(covers.readsStarted(), 2);
        QCOMPARE(ready.size(), 1);
    }

    // The initial's colour: the title's own (the same every time, different titles mostly differ),
    // and white text reads on it (WCAG 4.5:1), whatever the palette around it.
    void initialColours()
    {
        const QStringList titles{QStringLiteral("The Moon Lantern"), QStringLiteral("Owl at Night"),
                                 QStringLiteral("小兔子找彩虹"), QStringLiteral("a"), QStringLiteral("Zebra"),
                                 QStringLiteral("Yellow Submarine"), QStringLiteral("Green Hills"), QString()};
        QSet<QRgb> colours;
        for (const QString& title : titles) {
            const QColor colour = Widgets::LibraryCovers::colourFor(title);
            QCOMPARE(Widgets::LibraryCovers::colourFor(title), colour);
            QVERIFY2(Widgets::LibraryCovers::contrast(colour, Qt::white) >= 4.5, qPrintable(title + u' ' + colour.name()));
            colours.insert(colour.rgb());
        }
        QVERIFY(colours.size() >= 6);
        for (int i = 0; i < 360; ++i) {
            const QString title = QStringLiteral("Story %1").arg(i);
            QVERIFY(Widgets::LibraryCovers::contrast(Widgets::LibraryCovers::colourFor(title), Qt::white) >= 4.5);
        }
        // The letter is drawn: the middle of the tile is not the tile's colour alone.
        const QImage tile = Widgets::LibraryCovers::initial(QStringLiteral("Moon"), 64);
        bool white = false;
        for (int x = 16; x < 48 && !white; ++x) {
            for (int y = 16; y < 48 && !white; ++y)
                white = tile.pixelColor(x, y).lightness() > 230;
        }
        QVERIFY(white);
    }

    // The sidebar's list: a cover on every row, titles unique, blank stories hidden but the open one.
    void sidebarCoversTitlesAndBlank()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        Story::Story first = Test::sampleStory();
        first.title = QStringLiteral("The Moon Lantern");
        first.created = QDateTime::currentDateTimeUtc().addSecs(-60);
        QVERIFY(library.save(first).isEmpty());
        Story::Story second = Test::sampleStory();
        second.title = QStringLiteral("The Moon Lantern");
        QVERIFY(library.save(second).isEmpty());
        Story::Story blank;
        blank.settings.idea = QStringLiteral("a failed idea");
        Story::Page page;
        page.state = Story::Page::State::Draft;
        blank.addPage(page);
        QVERIFY(library.save(blank).isEmpty());

        App::LibrarySidebar sidebar(&library);
        sidebar.resize(300, 600);
        sidebar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
        QAbstractItemModel* shown = sidebar.view()->model();
        QCOMPARE(shown->rowCount(), 2); // the blank story is not listed
        QStringList titles;
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QModelIndex index = shown->index(row, 0);
            titles.append(index.data(LibraryModel::TitleRole).toString());
            QVERIFY(index.data(Qt::DisplayRole).toString().startsWith(titles.last() + u'\n'));
            const QPixmap cover = index.data(Qt::DecorationRole).value<QPixmap>();
            QVERIFY(!cover.isNull());
        }
        titles.sort();
        QCOMPARE(titles, (QStringList{QStringLiteral("The Moon Lantern"), QStringLiteral("The Moon Lantern (2)")}));
        for (int row = 0; row < shown->rowCount(); ++row)
            QCOMPARE(shown->index(row, 0).data(LibraryModel::StoredTitleRole).toString(), QStringLiteral("The Moon Lantern"));
        QCOMPARE(library.record(second.id)->shownTitle, QStringLiteral("The Moon Lantern (2)"));

        // The open story is listed even while blank; once another one is open it is not.
        sidebar.selectStory(blank.id);
        QCOMPARE(shown->rowCount(), 3);
        QCOMPARE(sidebar.selectedStoryId(), blank.id);
        sidebar.selectStory(first.id);
        QCOMPARE(shown->rowCount(), 2);
    }

    // A search that finds nothing says so (the query shown as text); Escape clears the search, in
    // the field and in the list.
    void emptySearchMessageAndEscape()
    {
        QTemporaryDir dir;
        makeLibrary(dir.path(), 6);
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        App::LibrarySidebar sidebar(&library);
        sidebar.resize(300, 600);
        sidebar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
        QLineEdit* search = sidebar.searchField();
        QLabel* noMatch = sidebar.emptySearchLabel();
        const int all = sidebar.view()->model()->rowCount();
        QVERIFY(!noMatch->isVisible());

        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("<b>xyz</b>"));
        QCOMPARE(sidebar.view()->model()->rowCount(), 0);
        QVERIFY(noMatch->isVisible());
        QCOMPARE(noMatch->text(), QStringLiteral("No story matches “<b>xyz</b>”"));
        QCOMPARE(noMatch->textFormat(), Qt::PlainText);
        QTest::keyClick(search, Qt::Key_Escape);
        QCOMPARE(search->text(), QString());
        QCOMPARE(sidebar.view()->model()->rowCount(), all);
        QVERIFY(!noMatch->isVisible());

        // A search that finds something shows no message; Escape in the list clears it too.
        QTest::keyClicks(search, QStringLiteral("quillberry"));
        QCOMPARE(sidebar.view()->model()->rowCount(), 2); // stories 0 and 3
        QVERIFY(!noMatch->isVisible());
        sidebar.view()->setFocus();
        QTest::keyClick(sidebar.view(), Qt::Key_Escape);
        QCOMPARE(search->text(), QString());
        QCOMPARE(sidebar.view()->model()->rowCount(), all);
    }

    // Moving through the list with the arrow keys opens the story the selection rests on, once.
    void keyboardSelectionOpens()
    {
        QTemporaryDir dir;
        makeLibrary(dir.path(), 6);
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        App::LibrarySidebar sidebar(&library);
        sidebar.resize(300, 600);
        sidebar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
        QListView* view = sidebar.view();
        const QString first = LibraryFilterModel::idAt(view->model()->index(0, 0));
        sidebar.selectStory(first); // the window opened it
        QSignalSpy open(&sidebar, &App::LibrarySidebar::openRequested);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Down);
        const QString third = LibraryFilterModel::idAt(view->model()->index(2, 0));
        QCOMPARE(sidebar.selectedStoryId(), third);
        QTRY_COMPARE_WITH_TIMEOUT(open.size(), 1, 5000);
        QCOMPARE(open.at(0).at(0).toString(), third); // the one it rests on, not the one passed by
        // Back to the open one: it is not opened again; one further down is.
        sidebar.selectStory(third);
        QTest::keyClick(view, Qt::Key_Down);
        const QString fourth = LibraryFilterModel::idAt(view->model()->index(3, 0));
        QTRY_COMPARE_WITH_TIMEOUT(open.size(), 2, 5000);
        QCOMPARE(open.at(1).at(0).toString(), fourth);
    }

    // The trash view: deleted stories listed (also after a restart), restore, delete forever (asked
    // once), empty trash (asked once; No keeps everything).
    void trashView()
    {
        QTemporaryDir dir;
        QStringList ids;
        {
            Story::Library library(dir.path());
            QVERIFY(library.reload().isEmpty());
            for (int i = 0; i < 4; ++i) {
                Story::Story story = Test::sampleStory();
                story.title = QStringLiteral("Story %1").arg(i);
                QVERIFY(library.save(story).isEmpty());
                ids.append(story.id);
            }
            QVERIFY(library.trash(ids.at(0)).isEmpty());
            QVERIFY(library.trash(ids.at(1)).isEmpty());
        }
        Story::Library library(dir.path()); // a restart
        QVERIFY(library.reload().isEmpty());
        App::LibrarySidebar sidebar(&library);
        sidebar.resize(300, 600);
        sidebar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
        QCOMPARE(sidebar.view()->model()->rowCount(), 2);
        auto* button = sidebar.findChild<QPushButton*>(QStringLiteral("trashButton"));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("Trash (2)"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(sidebar.isShowingTrash());
        QVERIFY(!sidebar.view()->isVisible());
        Widgets::LibraryTrashView* trash = sidebar.trashView();
        QVERIFY(trash->isVisible());
        QCOMPARE(trash->count(), 2);
        QStringList questions;
        bool answer = true;
        trash->setConfirm([&questions, &answer](QWidget*, const QString& question) {
            questions.append(question);
            return answer;
        });

        // Restore: back in the list beside, without asking.
        QSignalSpy restored(&sidebar, &App::LibrarySidebar::restoredFromTrash);
        const QString first = trash->list()->currentItem()->data(Qt::UserRole + 1).toString();
        trash->restoreSelected();
        QCOMPARE(restored.size(), 1);
        QCOMPARE(restored.at(0).at(0).toString(), first);
        QVERIFY(questions.isEmpty());
        QCOMPARE(trash->count(), 1);
        QVERIFY(library.record(first));
        QCOMPARE(sidebar.model()->rowCount(), 3);
        QCOMPARE(button->text(), QStringLiteral("Trash (1)"));

        // Delete forever: asked once.
        trash->deleteSelectedForever();
        QCOMPARE(questions.size(), 1);
        QVERIFY(questions.first().contains(QStringLiteral("forever")));
        QCOMPARE(trash->count(), 0);
        QVERIFY(library.trashedIds().isEmpty());
        QCOMPARE(button->text(), QStringLiteral("Trash"));

        // Empty trash: No keeps everything, Yes removes everything.
        QVERIFY(library.trash(ids.at(2)).isEmpty());
        QVERIFY(library.trash(ids.at(3)).isEmpty());
        sidebar.refresh();
        QCOMPARE(trash->count(), 2);
        questions.clear();
        answer = false;
        trash->emptyTrash();
        QCOMPARE(questions.size(), 1);
        QCOMPARE(library.trashedIds().size(), 2);
        answer = true;
        trash->emptyTrash();
        QCOMPARE(questions.size(), 2);
        QVERIFY(library.trashedIds().isEmpty());
        QCOMPARE(trash->count(), 0);

        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!sidebar.isShowingTrash());
        QVERIFY(sidebar.view()->isVisible());
        QCOMPARE(sidebar.view()->model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestLibraryModel)
#include "tst_librarymodel.moc"
