#include "library.h"
#include "storytesthelpers.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Storybook;

class TestLibrary final : public QObject
{
    Q_OBJECT

    static void writeFile(const QString& path, const QByteArray& data)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void saveListLoad()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        QVERIFY(library.records().isEmpty());
        Story::Story story = Test::sampleStory();
        QVERIFY(library.save(story).isEmpty());
        QVERIFY(QFile::exists(library.filePath(story.id)));
        QCOMPARE(library.records().size(), 1);
        Story::Library fresh(dir.path());
        QVERIFY(fresh.reload().isEmpty());
        QCOMPARE(fresh.records().size(), 1);
        const Story::StoryRecord* record = fresh.record(story.id);
        QVERIFY(record);
        QCOMPARE(record->title, story.title);
        QCOMPARE(record->pages, 3);
        QVERIFY(record->finished);
        QString why;
        const auto loaded = fresh.load(story.id, &why);
        QVERIFY2(loaded, qPrintable(why));
        QCOMPARE(loaded->pages.size(), 4);
    }

    // A save skips reading back a file that is still as the library left it, but never overwrites
    // one that changed since: another story, or junk, put there by someone else.
    void saveNeverOverwritesAFileChangedSince()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        Story::Story story = Test::sampleStory();
        QVERIFY(library.save(story).isEmpty());
        story.title = QStringLiteral("Saved again");
        QVERIFY(library.save(story).isEmpty()); // as left: saved without a second look

        Story::Story other = Test::sampleStory();
        other.id = Story::Story::newId();
        const QByteArray foreign = other.toFileData();
        writeFile(library.filePath(story.id), foreign);
        story.title = QStringLiteral("Must not land");
        QVERIFY(!library.save(story).isEmpty());
        QFile file(library.filePath(story.id));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), foreign);

        writeFile(library.filePath(story.id), "junk");
        QVERIFY(!library.save(story).isEmpty());
    }

    void filesNotNamedAfterTheirId()
    {
        QTemporaryDir dir;
        Story::Story story = Test::sampleStory();
        writeFile(dir.filePath(QStringLiteral("My story (copy).storybook")), story.toFileData());
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        QString why;
        auto loaded = library.load(story.id, &why);
        QVERIFY2(loaded, qPrintable(why));
        loaded->title = QStringLiteral("Edited");
        QVERIFY(library.save(*loaded).isEmpty());
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.storybook")}).size(), 1); // saved in place
        QVERIFY(library.reload().isEmpty());
        QCOMPARE(library.record(story.id)->title, QStringLiteral("Edited"));
        QVERIFY(library.trash(story.id).isEmpty());
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.storybook")}).isEmpty());
    }

    void samplesAreAddedOnce()
    {
        QTemporaryDir dir;
        Story::Library library(dir.filePath(QStringLiteral("new")));
        QCOMPARE(library.addSamples(), 2);
        QVERIFY(library.reload().isEmpty());
        QCOMPARE(library.records().size(), 2);
        QStringList languages;
        for (const Story::StoryRecord& record : library.records()) {
            QVERIFY(record.readable);
            QVERIFY(record.finished);
            languages.append(record.language);
        }
        languages.sort();
        QCOMPARE(languages, (QStringList{QStringLiteral("en"), QStringLiteral("zh")}));
        QVERIFY(library.trash(library.records().first().id).isEmpty());
        QCOMPARE(library.addSamples(), 0); // a deleted sample does not come back
    }

    // Two stories of one title are told apart in the list: the oldest keeps it, the next ones are
    // numbered (case-insensitively the same title; a number another story has is skipped). The
    // stored titles never change.
    void titlesAreMadeUnique()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
        const auto add = [&library, &start](const QString& title, int minutes) {
            Story::Story story = Test::sampleStory();
            story.title = title;
            story.created = start.addSecs(60 * minutes);
            const QString problem = library.save(story);
            return problem.isEmpty() ? story.id : QString();
        };
        const QString newest = add(QStringLiteral("the moon lantern"), 3); // saved first, created last
        const QString oldest = add(QStringLiteral("The Moon Lantern"), 1);
        const QString numbered = add(QStringLiteral("The Moon Lantern (2)"), 2);
        const QString other = add(QStringLiteral("Owl at Night"), 4);
        QVERIFY(!newest.isEmpty() && !oldest.isEmpty() && !numbered.isEmpty() && !other.isEmpty());
        const auto shown = [](const Story::Library& from, const QString& id) { return from.record(id)->shownTitle; };
        QCOMPARE(shown(library, oldest), QStringLiteral("The Moon Lantern"));
        QCOMPARE(shown(library, numbered), QStringLiteral("The Moon Lantern (2)"));
        QCOMPARE(shown(library, newest), QStringLiteral("the moon lantern (3)"));
        QCOMPARE(shown(library, other), QStringLiteral("Owl at Night"));
        QCOMPARE(library.record(newest)->title, QStringLiteral("the moon lantern")); // stored as named

        // The same after a restart (listing from the index), and the numbers follow a deletion.
        Story::Library fresh(dir.path());
        QVERIFY(fresh.reload().isEmpty());
        QCOMPARE(shown(fresh, newest), QStringLiteral("the moon lantern (3)"));
        QVERIFY(fresh.trash(oldest).isEmpty());
        QCOMPARE(shown(fresh, newest), QStringLiteral("the moon lantern"));
        QCOMPARE(shown(fresh, numbered), QStringLiteral("The Moon Lantern (2)"));
        // A rename of the numbered one to the other's title: numbered again.
        std::optional<Story::Story> renamed = fresh.load(numbered, nullptr);
        QVERIFY(renamed);
        renamed->title = QStringLiteral("The moon lantern");
        QVERIFY(fresh.save(*renamed).isEmpty());
        QCOMPARE(shown(fresh, numbered), QStringLiteral("The moon lantern"));       // created before "newest"
        QCOMPARE(shown(fresh, newest), QStringLiteral("the moon lantern (2)"));
        QStringList titles;
        for (const Story::StoryRecord& record : fresh.records())
            titles.append(record.shownTitle.toCaseFolded());
        QCOMPARE(QSet<QString>(titles.cbegin(), titles.cend()).size(), titles.size());
    }

    // The record knows the story's cover (its first picture along the reading path) and whether
    // nothing was ever written on it (a first page that failed before its first word).
    void recordsKnowCoverAndBlank()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        Story::Story plain = Test::sampleStory();
        QVERIFY(library.save(plain).isEmpty());
        Story::Story illustrated = Test::sampleStory();
        const QString second = illustrated.pathPages().at(1)->id;
        Story::Picture picture;
        picture.entry = QStringLiteral("pictures/second.png");
        picture.mimeType = QStringLiteral("image/png");
        illustrated.page(second)->picture = picture;
        illustrated.assets.insert(picture.entry, Test::knownBytes(1, 64));
        QVERIFY(library.save(illustrated).isEmpty());
        Story::Story blank;
        blank.settings.idea = QStringLiteral("a dragon who is afraid of the dark");
        Story::Page first;
        first.state = Story::Page::State::Draft;
        first.note = QStringLiteral("The server said no.");
        blank.addPage(first);
        QVERIFY(library.save(blank).isEmpty());

        Story::Library fresh(dir.path());
        QVERIFY(fresh.reload().isEmpty());
        QCOMPARE(fresh.record(plain.id)->coverEntry, QString());
        QCOMPARE(fresh.record(illustrated.id)->coverEntry, QStringLiteral("pictures/second.png"));
        QVERIFY(!fresh.record(plain.id)->blank);
        QVERIFY(!fresh.record(illustrated.id)->blank);
        QVERIFY(fresh.record(blank.id)->blank);
    }

    // Blank stories are removed, except the one open now; nothing else is touched.
    void blankStoriesAreDropped()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        const auto blankStory = [] {
            Story::Story story;
            story.settings.idea = QStringLiteral("an idea");
            Story::Page first;
            first.state = Story::Page::State::Streaming;
            story.addPage(first);
            return story;
        };
        Story::Story open = blankStory();
        Story::Story left = blankStory();
        Story::Story written = Test::sampleStory();
        QVERIFY(library.save(open).isEmpty());
        QVERIFY(library.save(left).isEmpty());
        QVERIFY(library.save(written).isEmpty());
        QCOMPARE(library.dropBlank(open.id), QStringList{left.id});
        QVERIFY(!QFile::exists(library.filePath(left.id)));
        QVERIFY(QFile::exists(library.filePath(open.id)));
        QVERIFY(QFile::exists(library.filePath(written.id)));
        QVERIFY(!library.record(left.id));
        QCOMPARE(library.records().size(), 2);
        QVERIFY(library.trashedIds().isEmpty()); // gone, not trashed: there was nothing in it
        QCOMPARE(library.dropBlank(QString()), QStringList{open.id});
    }

    // The trash: a folder in the library, so it survives a restart; restore, delete forever, empty.
    void trashViewOperations()
    {
        QTemporaryDir dir;
        QStringList ids;
        {
            Story::Library library(dir.path());
            QVERIFY(library.reload().isEmpty());
            for (int i = 0; i < 3; ++i) {
                Story::Story story = Test::sampleStory();
                story.title = QStringLiteral("Story %1").arg(i);
                QVERIFY(library.save(story).isEmpty());
                ids.append(story.id);
                QVERIFY(library.trash(story.id).isEmpty());
            }
            QVERIFY(library.records().isEmpty());
        }
        Story::Library library(dir.path()); // after a restart
        QVERIFY(library.reload().isEmpty());
        QVERIFY(library.records().isEmpty()); // trashed stories are not listed
        const QList<Story::StoryRecord> trashed = library.trashedRecords();
        QCOMPARE(trashed.size(), 3);
        QStringList titles;
        for (const Story::StoryRecord& record : trashed) {
            QVERIFY(record.readable);
            QVERIFY(ids.contains(record.id));
            titles.append(record.title);
        }
        titles.sort();
        QCOMPARE(titles, (QStringList{QStringLiteral("Story 0"), QStringLiteral("Story 1"), QStringLiteral("Story 2")}));

        QVERIFY(library.restore(ids.at(0)).isEmpty());
        QVERIFY(library.record(ids.at(0)));
        QCOMPARE(library.record(ids.at(0))->title, QStringLiteral("Story 0"));
        QVERIFY(!library.restore(ids.at(0)).isEmpty()); // not in the trash any more

        QVERIFY(library.deleteForever(ids.at(1)).isEmpty());
        QVERIFY(!library.deleteForever(ids.at(1)).isEmpty());
        QVERIFY(!library.restore(ids.at(1)).isEmpty());
        QCOMPARE(library.trashedIds(), QStringList{ids.at(2)});

        QVERIFY(library.emptyTrash().isEmpty());
        QVERIFY(library.trashedIds().isEmpty());
        QVERIFY(library.trashedRecords().isEmpty());
        Story::Library again(dir.path());
        QVERIFY(again.reload().isEmpty());
        QCOMPARE(again.records().size(), 1);
        QVERIFY(again.trashedIds().isEmpty());
    }

    // A new library gets the one sample in the interface's language, once: the offer is kept in the
    // settings, so a deleted sample (or an emptied library) never brings it back.
    void sampleOnFirstRunOnly()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        {
            Story::Library library(dir.filePath(QStringLiteral("zh")));
            QVERIFY(library.reload().isEmpty());
            const std::optional<QString> id = library.addSampleIfNew(QStringLiteral("zh_CN"), settings);
            QVERIFY(id);
            QCOMPARE(library.records().size(), 1);
            QVERIFY(library.record(*id));
            QCOMPARE(library.record(*id)->language, QStringLiteral("zh"));
            QVERIFY(library.record(*id)->finished);
            QVERIFY(settings.value(QLatin1String(Story::Library::SampleOfferedKey)).toBool());
            QVERIFY(!library.addSampleIfNew(QStringLiteral("zh_CN"), settings));
            QVERIFY(library.trash(*id).isEmpty());
            QVERIFY(library.emptyTrash().isEmpty());
        }
        {
            Story::Library library(dir.filePath(QStringLiteral("zh")));
            QVERIFY(library.reload().isEmpty());
            QVERIFY(!library.addSampleIfNew(QStringLiteral("zh_CN"), settings)); // deleted: not again
            QVERIFY(library.records().isEmpty());
        }
        // Another user (fresh settings), English interface.
        QSettings english(dir.filePath(QStringLiteral("english.ini")), QSettings::IniFormat);
        Story::Library library(dir.filePath(QStringLiteral("en")));
        QVERIFY(library.reload().isEmpty());
        const std::optional<QString> id = library.addSampleIfNew(QStringLiteral("en"), english);
        QVERIFY(id);
        QCOMPARE(library.records().size(), 1);
        QCOMPARE(library.record(*id)->language, QStringLiteral("en"));
        // A library that has stories already is not new: nothing is added, and never later either.
        QSettings upgraded(dir.filePath(QStringLiteral("upgraded.ini")), QSettings::IniFormat);
        Story::Library used(dir.filePath(QStringLiteral("used")));
        QVERIFY(used.reload().isEmpty());
        Story::Story own = Test::sampleStory();
        QVERIFY(used.save(own).isEmpty());
        QVERIFY(!used.addSampleIfNew(QStringLiteral("en"), upgraded));
        QCOMPARE(used.records().size(), 1);
        QVERIFY(upgraded.value(QLatin1String(Story::Library::SampleOfferedKey)).toBool());
    }

    void corruptFilesAreListedNeverTouched()
    {
        QTemporaryDir dir;
        const QByteArray junk = "{ this is not a story";
        writeFile(dir.filePath(QStringLiteral("broken.storybook")), junk);
        writeFile(dir.filePath(QStringLiteral("foreign.storybook")), R"({"format":"other","version":1})");
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        QCOMPARE(library.records().size(), 2);
        for (const Story::StoryRecord& record : library.records()) {
            QVERIFY(!record.readable);
            QVERIFY(!record.problem.isEmpty());
        }
        // Saving a story whose id names the broken file refuses to overwrite it.
        Story::Story story = Test::sampleStory();
        story.id = QStringLiteral("broken");
        QVERIFY(!library.save(story).isEmpty());
        QFile file(dir.filePath(QStringLiteral("broken.storybook")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), junk);
        file.close();
        // Moved aside only on request, and kept.
        QVERIFY(library.moveAside(QStringLiteral("broken.storybook")).isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("broken.storybook"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("Unreadable/broken.storybook"))));
        QCOMPARE(library.records().size(), 1);
    }

    void trashAndUndo()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        Story::Story story = Test::sampleStory();
        QVERIFY(library.save(story).isEmpty());
        QVERIFY(library.trash(story.id).isEmpty());
        QVERIFY(library.records().isEmpty());
        QCOMPARE(library.trashedIds(), QStringList{story.id});
        QVERIFY(library.reload().isEmpty());
        QVERIFY(library.records().isEmpty()); // the trash is not listed
        QVERIFY(library.restore(story.id).isEmpty());
        QCOMPARE(library.records().size(), 1);
        QVERIFY(library.trash(story.id).isEmpty());
        QVERIFY(library.emptyTrash().isEmpty());
        QVERIFY(library.trashedIds().isEmpty());
        QVERIFY(!library.restore(story.id).isEmpty());
    }

    void searchIsCaseInsensitiveAndMultiWord()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        Story::Story en = Test::sampleStory();
        Story::Story zh = Test::sampleStory(QStringLiteral("zh"));
        zh.pages[0].text = QStringLiteral("小狐狸在月光下找到了一盏灯笼。");
        QVERIFY(library.save(en).isEmpty());
        QVERIFY(library.save(zh).isEmpty());
        QCOMPARE(library.search(QStringLiteral("OWL luna")).size(), 2);
        QCOMPARE(library.search(QStringLiteral("BRIDGE 月光")), QStringList{zh.id});
        QCOMPARE(library.search(QStringLiteral("月光")), QStringList{zh.id});
        QCOMPARE(library.search(QStringLiteral("owl dragon")), QStringList{});
        QCOMPARE(library.search(QString()).size(), 2);
    }

    void importAssignsNewIdOnClash()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        Story::Story story = Test::sampleStory();
        QVERIFY(library.save(story).isEmpty());
        QString why;
        const auto imported = library.import(library.filePath(story.id), &why);
        QVERIFY2(imported, qPrintable(why));
        QVERIFY(*imported != story.id);
        QCOMPARE(library.records().size(), 2);
        writeFile(dir.filePath(QStringLiteral("junk.txt")), "nope");
        QVERIFY(!library.import(dir.filePath(QStringLiteral("junk.txt")), &why));
        QVERIFY(!why.isEmpty());
    }

    void indexCacheFollowsChanges()
    {
        QTemporaryDir dir;
        {
            Story::Library library(dir.path());
            QVERIFY(library.reload().isEmpty());
            for (int i = 0; i < 20; ++i) {
                Story::Story story = Test::sampleStory();
                story.title = QStringLiteral("Story %1").arg(i);
                QVERIFY(library.save(story).isEmpty());
            }
        }
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty()); // builds the cache
        QCOMPARE(library.records().size(), 20);
        // Change one file behind the library's back: the next reload sees it.
        const QString id = library.records().first().id;
        auto story = library.load(id, nullptr);
        story->title = QStringLiteral("Renamed elsewhere");
        QTest::qWait(20); // a different modification time
        writeFile(library.filePath(id), story->toFileData());
        QVERIFY(library.reload().isEmpty());
        QCOMPARE(library.record(id)->title, QStringLiteral("Renamed elsewhere"));
        QFile::remove(library.filePath(id));
        QVERIFY(library.reload().isEmpty());
        QCOMPARE(library.records().size(), 19);
    }

    void tenThousandStories()
    {
        QTemporaryDir dir;
        Story::Story base = Test::sampleStory();
        for (int i = 0; i < 10000; ++i) {
            base.id = QStringLiteral("s%1").arg(i, 5, 10, QLatin1Char('0'));
            base.title = QStringLiteral("Story number %1").arg(i);
            writeFile(dir.filePath(base.id + QStringLiteral(".storybook")), base.toFileData());
        }
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        QCOMPARE(library.records().size(), 10000);
        Story::Library again(dir.path());
        QVERIFY(again.reload().isEmpty()); // from the cache
        QCOMPARE(again.records().size(), 10000);
        QCOMPARE(again.search(QStringLiteral("number 4242")).size(), 1);
    }

    // Files the index does not know are parsed on every core: the listing must still be what one
    // pass in folder order gives (junk listed apart, the first file of two with one id keeps it,
    // changed files re-read, unchanged ones from the index).
    void parallelListingKeepsFolderOrderSemantics()
    {
        QTemporaryDir dir;
        constexpr int Files = 400;
        Story::Story base = Test::sampleStory();
        QSet<QString> junk;
        QSet<QString> duplicates;
        for (int i = 0; i < Files; ++i) {
            const QString name = QStringLiteral("f%1").arg(i, 4, 10, QLatin1Char('0'));
            if (i % 7 == 3) {
                writeFile(dir.filePath(name + QStringLiteral(".storybook")), "{ not a story " + QByteArray::number(i));
                junk.insert(name + QStringLiteral(".storybook"));
                continue;
            }
            // Every 11th file is a copy of the one before under another name (a sync tool's conflict).
            const bool copy = i % 11 == 5 && (i - 1) % 7 != 3;
            base.id = copy ? QStringLiteral("f%1").arg(i - 1, 4, 10, QLatin1Char('0')) : name;
            if (copy)
                duplicates.insert(name + QStringLiteral(".storybook"));
            base.title = QStringLiteral("Title of %1").arg(name);
            writeFile(dir.filePath(name + QStringLiteral(".storybook")), base.toFileData());
        }
        const auto check = [&](const Story::Library& library, const QString& changedSuffix) {
            QCOMPARE(library.records().size(), Files);
            int readable = 0;
            for (const Story::StoryRecord& record : library.records()) {
                const bool apart = junk.contains(record.fileName) || duplicates.contains(record.fileName);
                QCOMPARE(record.readable, !apart);
                if (!record.readable) {
                    QVERIFY(!record.problem.isEmpty());
                    continue;
                }
                ++readable;
                QCOMPARE(record.id + QStringLiteral(".storybook"), record.fileName);
                const int number = record.id.mid(1).toInt();
                const QString expected = QStringLiteral("Title of %1").arg(record.id);
                QCOMPARE(record.title, number % 5 == 0 ? expected + changedSuffix : expected);
                QVERIFY(record.searchText.contains(expected.toLower()));
            }
            QCOMPARE(readable, Files - int(junk.size()) - int(duplicates.size()));
        };
        {
            Story::Library library(dir.path());
            QVERIFY(library.reload().isEmpty());
            check(library, QString());
        }
        // Change every 5th readable story behind the library's back: only those are parsed again.
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        QTest::qWait(20); // a different modification time
        for (const Story::StoryRecord& record : library.records()) {
            if (!record.readable || record.id.mid(1).toInt() % 5 != 0)
                continue;
            std::optional<Story::Story> story = library.load(record.id, nullptr);
            QVERIFY(story);
            story->title += QStringLiteral(" (changed)");
            writeFile(library.filePath(record.id), story->toFileData());
        }
        Story::Library again(dir.path());
        QVERIFY(again.reload().isEmpty());
        check(again, QStringLiteral(" (changed)"));
    }

    // The fast lowering must give exactly what QString::toLower() gives (the index written before
    // holds toLower() text, and the query is lowered the same way as the stories).
    void lowerForSearchIsToLower_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("ascii") << QStringLiteral("Once upon a TIME, a Small Fox found @[a] lantern.\n\t`{}` 0123456789 AZaz");
        QTest::newRow("chinese") << QStringLiteral("从前，一只小狐狸找到了一盏灯笼。");
        QTest::newRow("mixed") << QStringLiteral("小狐狸 Fox 和 LANTERN 在 Ärger ÉTÉ 里 ΣΟΦΙΑ Straẞe");
        QTest::newRow("surrogates") << QStringLiteral("Deseret \U00010400\U00010401 and 😀 EMOJI 𝐀𝐁");
        QTest::newRow("length-changing") << QStringLiteral("İstanbul IS BIG");
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + QStringLiteral("ABC") + QChar(0xDC00) + QStringLiteral("Z");
        // Without U+0130 (whose mapping changes the length) and lone surrogates, so that every
        // run goes through the run-by-run path; then the same with them (the whole-text fallback).
        QString every;
        for (char16_t c = 0; c < 0xFFFE; ++c) {
            if (!QChar::isSurrogate(c) && c != 0x130)
                every += QChar(c);
        }
        QTest::newRow("every BMP character but U+0130") << every;
        QTest::newRow("every BMP character and U+0130") << every + QChar(0x130);
        QString random;
        QString randomWithLoneSurrogates;
        QRandomGenerator generator(42);
        for (int i = 0; i < 20000; ++i) {
            const char32_t c = generator.bounded(3) == 0 ? generator.bounded(0x80) : generator.bounded(0x110000);
            if (c == 0x130 || (c >= 0xD800 && c < 0xE000)) {
                randomWithLoneSurrogates += QChar(char16_t(c));
                continue;
            }
            random += QString::fromUcs4(&c, 1); // above U+FFFF: a surrogate pair
            randomWithLoneSurrogates += QString::fromUcs4(&c, 1);
        }
        QTest::newRow("random") << random;
        QTest::newRow("random with lone surrogates") << randomWithLoneSurrogates;
    }

    void lowerForSearchIsToLower()
    {
        QFETCH(QString, text);
        QCOMPARE(Story::Library::lowerForSearch(text), text.toLower());
    }

    // Killing the writer at any moment leaves either the old or the new story, never a broken one.
    void killDuringSaves_data()
    {
        QTest::addColumn<bool>("pictures");
        QTest::newRow("text only (JSON)") << false;
        QTest::newRow("illustrated (container)") << true;
    }

    void killDuringSaves()
    {
        QFETCH(bool, pictures);
        QTemporaryDir dir;
        QRandomGenerator random(7);
        for (int round = 0; round < 12; ++round) {
            QProcess writer;
            QStringList arguments{dir.path()};
            if (pictures)
                arguments << QStringLiteral("--pictures");
            writer.start(QStringLiteral(LIBRARY_WRITER_PATH), arguments);
            QVERIFY(writer.waitForStarted(5000));
            QVERIFY(writer.waitForReadyRead(5000));
            QTest::qWait(int(random.bounded(5, 60)));
            ::kill(pid_t(writer.processId()), SIGKILL);
            QVERIFY(writer.waitForFinished(5000));
            Story::Library library(dir.path());
            QVERIFY(library.reload().isEmpty());
            QCOMPARE(library.records().size(), 1);
            QVERIFY2(library.records().first().readable, qPrintable(library.records().first().problem));
            QString why;
            const auto story = library.load(QStringLiteral("killed"), &why);
            QVERIFY2(story, qPrintable(why));
            QCOMPARE(story->assets.size(), pictures ? 3 : 0);
            for (int i = 0; i < int(story->assets.size()); ++i)
                QCOMPARE(story->assets.value(QStringLiteral("pictures/p%1.png").arg(i)), Test::knownBytes(i, 1024 * 1024));
        }
    }
};

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
