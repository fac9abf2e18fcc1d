// The .storybook file: plain JSON without assets (as every file written before), a zip container
// with them; listing never reads asset bytes; damaged parts lose only themselves.
#include "library.h"
#include "story.h"
#include "storyfile.h"
#include "storytesthelpers.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook;

namespace {
// A real picture, as a provider sends it.
QByteArray pictureBytes(const char* format, int size, QColor colour)
{
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(colour);
    QPainter painter(&image);
    painter.setPen(Qt::white);
    for (int i = 0; i < size; i += 7)
        painter.drawLine(0, i, size - i, size);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

Story::Story illustratedStory()
{
    Story::Story story = Test::sampleStory();
    for (qsizetype i = 0; i < story.pages.size(); ++i) {
        Story::Picture picture;
        picture.entry = QStringLiteral("pictures/page-%1.png").arg(i);
        picture.mimeType = QStringLiteral("image/png");
        picture.prompt = QStringLiteral("A fox with a lantern, watercolour");
        story.pages[i].picture = picture;
        story.assets.insert(picture.entry, pictureBytes("PNG", 256, QColor::fromHsv(int(i) * 40, 200, 200)));
    }
    Story::Picture sheet;
    sheet.entry = QStringLiteral("pictures/cast.jpg");
    sheet.mimeType = QStringLiteral("image/jpeg");
    story.characterSheet = sheet;
    story.assets.insert(sheet.entry, pictureBytes("JPEG", 320, Qt::darkCyan));
    return story;
}

qsizetype assetBytes(const Story::Story& story)
{
    qsizetype total = 0;
    for (const QByteArray& bytes : story.assets)
        total += bytes.size();
    return total;
}
} // namespace

class TestStoryFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Narration is kept like pictures: its clips' bytes as sent, its description in the JSON, the
    // recording beside the synthesised one, and both survive a save, an edit by hand and a clean-up.
    void narrationComesBackAndFollowsTheWords()
    {
        Story::Story story = Test::sampleStory();
        Story::Page& first = story.pages.first();
        Story::Narration spoken;
        spoken.voice = QStringLiteral("alloy");
        spoken.model = QStringLiteral("tts-1");
        spoken.created = QDateTime::currentDateTimeUtc();
        Story::Narration recorded;
        recorded.source = Story::Narration::Source::Recorded;
        recorded.voice = QStringLiteral("Grandma");
        const QStringList words{QStringLiteral("One sentence."), QStringLiteral("Another one!")};
        for (int i = 0; i < words.size(); ++i) {
            Story::NarrationClip clip;
            clip.text = words.at(i);
            clip.entry = QStringLiteral("narration/s%1.mp3").arg(i);
            clip.mimeType = QStringLiteral("audio/mpeg");
            clip.durationMs = 1200 + i;
            spoken.clips.append(clip);
            story.assets.insert(clip.entry, QByteArray("ID3\x03") + QByteArray(500 + i, char('a' + i)));
            clip.entry = QStringLiteral("narration/r%1.wav").arg(i);
            clip.mimeType = QStringLiteral("audio/wav");
            recorded.clips.append(clip);
            story.assets.insert(clip.entry, QByteArray("RIFF") + QByteArray(300 + i, char('k' + i)));
        }
        first.narration = spoken;
        QCOMPARE(first.preferredNarration(), &*first.narration);
        first.recording = recorded;
        QCOMPARE(first.preferredNarration(), &*first.recording); // a person's voice comes first
        story.assets.insert(QStringLiteral("narration/orphan.mp3"), QByteArray("ID3 nobody"));
        story.assets.insert(QStringLiteral("sounds/newer-app.ogg"), QByteArray("OggS"));

        QString why;
        auto back = Story::Story::fromFileData(story.toFileData(), &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->toJson(), story.toJson());
        QCOMPARE(back->assets, story.assets);
        const Story::Page& read = back->pages.first();
        QVERIFY(read.narration && read.recording);
        QCOMPARE(read.narration->clips.size(), 2);
        QCOMPARE(read.narration->durationMs(), 2401);
        QCOMPARE(read.recording->source, Story::Narration::Source::Recorded);
        QCOMPARE(read.recording->voice, QStringLiteral("Grandma"));
        QVERIFY(read.narration->clipFor(QStringLiteral("  Another one! ")));
        QVERIFY(!read.narration->clipFor(QStringLiteral("Another one")));

        // An edit by hand keeps the voice of the words that stay; the earlier version keeps its own.
        const QString id = read.id;
        QVERIFY(back->setPageText(id, QStringLiteral("One sentence. A new ending.")));
        QVERIFY(back->page(id)->recording->clipFor(QStringLiteral("One sentence.")));
        QVERIFY(back->page(id)->previousVersions.last().recording);

        // Clean-up drops only narration nobody names; a newer app's entries stay.
        back->dropUnreferencedAssets();
        QVERIFY(!back->assets.contains(QStringLiteral("narration/orphan.mp3")));
        QVERIFY(back->assets.contains(QStringLiteral("narration/r1.wav")));
        QVERIFY(back->assets.contains(QStringLiteral("sounds/newer-app.ogg")));
        back->page(id)->recording.reset();
        back->page(id)->previousVersions.clear();
        back->dropUnreferencedAssets();
        QVERIFY(!back->assets.contains(QStringLiteral("narration/r0.wav")));
        QVERIFY(back->assets.contains(QStringLiteral("narration/s0.mp3")));

        // An unsafe entry name is not kept as a clip.
        QJsonObject bad = spoken.toJson();
        QJsonArray clips = bad.value(QStringLiteral("clips")).toArray();
        QJsonObject evil = clips.at(0).toObject();
        evil.insert(QStringLiteral("entry"), QStringLiteral("../../etc/passwd"));
        clips.replace(0, evil);
        bad.insert(QStringLiteral("clips"), clips);
        QCOMPARE(Story::Narration::fromJson(bad)->clips.size(), 1);
    }

    void textOnlyStoryStaysJson()
    {
        const Story::Story story = Test::sampleStory();
        const QByteArray data = story.toFileData();
        QVERIFY(data.startsWith('{'));
        QVERIFY(!Story::StoryFile::isContainer(data));
        QVERIFY(QJsonDocument::fromJson(data).isObject());
        QString why;
        const auto back = Story::Story::fromFileData(data, &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->toJson(), story.toJson());
    }

    void picturesMakeAContainerAndComeBackByteForByte()
    {
        const Story::Story story = illustratedStory();
        const QByteArray data = story.toFileData();
        QVERIFY(Story::StoryFile::isContainer(data));
        // Stored, never re-encoded: a few percent over the pictures' own bytes plus the JSON.
        const qsizetype payload = assetBytes(story) + story.toJsonData().size();
        QVERIFY2(data.size() <= qsizetype(payload * 1.05), qPrintable(QStringLiteral("%1 > 1.05 × %2").arg(data.size()).arg(payload)));
        for (const QByteArray& bytes : story.assets)
            QVERIFY(data.contains(bytes)); // the provider's bytes, as they are
        QString why;
        const auto back = Story::Story::fromFileData(data, &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->toJson(), story.toJson());
        QCOMPARE(back->assets, story.assets);
        QCOMPARE(back->pages.first().picture->entry, QStringLiteral("pictures/page-0.png"));
        QCOMPARE(back->characterSheet->mimeType, QStringLiteral("image/jpeg"));
    }

    void listingReadsNoPictureBytes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.storybook"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(illustratedStory().toFileData());
        file.close();
        QString why;
        const auto listed = Story::StoryFile::read(path, Story::StoryFile::Parts::TextOnly, &why);
        QVERIFY2(listed, qPrintable(why));
        QVERIFY(listed->assets.isEmpty());
        QVERIFY(listed->pages.first().picture);
        const auto whole = Story::StoryFile::read(path, Story::StoryFile::Parts::Everything, &why);
        QVERIFY2(whole, qPrintable(why));
        QCOMPARE(whole->assets.size(), illustratedStory().assets.size());
    }

    // The listing's fast way in: the story's JSON is the first entry, stored, right after its header.
    void containerStartsWithItsStoryStored()
    {
        const Story::Story story = illustratedStory();
        const QByteArray data = story.toFileData();
        QVERIFY(data.startsWith("PK\x03\x04"));
        QCOMPARE(quint8(data.at(8)) | (quint8(data.at(9)) << 8), 0); // stored, not deflated
        QCOMPARE(data.mid(30, 10), QByteArray("story.json"));
        const QByteArray json = story.toJsonData();
        const qsizetype extra = quint8(data.at(28)) | (quint8(data.at(29)) << 8);
        QCOMPARE(data.mid(40 + extra, json.size()), json);
    }

    // Cut short (a copy interrupted): unreadable in the listing with the reason, as for a full load.
    void truncatedContainerIsUnreadableInTheListing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cut.storybook"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray whole = illustratedStory().toFileData();
        file.write(whole.left(whole.size() - 40));
        file.close();
        QString why;
        QVERIFY(!Story::StoryFile::read(path, Story::StoryFile::Parts::TextOnly, &why));
        QVERIFY(!why.isEmpty());
        QVERIFY(!Story::StoryFile::read(path, Story::StoryFile::Parts::Everything, &why));
    }

    // A container laid out by another zip tool (deflated JSON): read through the zip library.
    void anotherToolsLayoutIsReadToo()
    {
        const QString path = QFINDTESTDATA("corpus/storyfile/deflated-json.storybook");
        QVERIFY2(!path.isEmpty(), "corpus/storyfile not found next to the test source");
        QString why;
        const auto listed = Story::StoryFile::read(path, Story::StoryFile::Parts::TextOnly, &why);
        QVERIFY2(listed, qPrintable(why));
        QCOMPARE(listed->title, QStringLiteral("Made by another zip tool"));
        QVERIFY(listed->assets.isEmpty());
        const auto whole = Story::StoryFile::read(path, Story::StoryFile::Parts::Everything, &why);
        QVERIFY2(whole, qPrintable(why));
        QVERIFY(whole->assets.value(QStringLiteral("pictures/p1.png")).startsWith("\x89PNG"));
        QCOMPARE(whole->pages.first().picture->entry, QStringLiteral("pictures/p1.png"));
    }

    void unknownEntriesAndFieldsSurvive()
    {
        Story::Story story = illustratedStory();
        story.assets.insert(QStringLiteral("sounds/future-format.bin"), QByteArray("from a newer app"));
        story.pages[0].extra.insert(QStringLiteral("newer_field"), 42);
        const auto back = Story::Story::fromFileData(story.toFileData(), nullptr);
        QVERIFY(back);
        QCOMPARE(back->assets.value(QStringLiteral("sounds/future-format.bin")), QByteArray("from a newer app"));
        QCOMPARE(back->toFileData(), story.toFileData());
    }

    void damagedPictureLosesOnlyItself()
    {
        const Story::Story story = illustratedStory();
        QByteArray data = story.toFileData();
        const QByteArray victim = story.assets.value(QStringLiteral("pictures/page-1.png"));
        const qsizetype at = data.indexOf(victim);
        QVERIFY(at > 0);
        data[at + victim.size() / 2] = char(data[at + victim.size() / 2] ^ 0x5a); // the stored CRC no longer matches
        QString why;
        const auto back = Story::Story::fromFileData(data, &why);
        QVERIFY2(back, qPrintable(why));
        QVERIFY(!back->assets.contains(QStringLiteral("pictures/page-1.png")));
        QCOMPARE(back->assets.size(), story.assets.size() - 1);
        QCOMPARE(back->pages.size(), story.pages.size());
        QCOMPARE(back->pages.at(1).text, story.pages.at(1).text);
    }

    void brokenContainersAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("data");
        const QByteArray whole = illustratedStory().toFileData();
        QTest::newRow("truncated") << whole.left(whole.size() / 2);
        QTest::newRow("only the signature") << QByteArray("PK\x03\x04", 4);
        QByteArray noJson = whole;
        noJson.replace("story.json", "story.jsoX");
        QTest::newRow("no story inside") << noJson;
    }

    void brokenContainersAreRefusedWithAReason()
    {
        QFETCH(QByteArray, data);
        QString why;
        QVERIFY(!Story::Story::fromFileData(data, &why));
        QVERIFY(!why.isEmpty());
    }

    void entryNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("safe");
        QTest::newRow("picture") << QStringLiteral("pictures/a-1_b.png") << true;
        QTest::newRow("up") << QStringLiteral("pictures/../../etc/passwd") << false;
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << false;
        QTest::newRow("backslash") << QStringLiteral("pictures\\\\x.png") << false;
        QTest::newRow("empty part") << QStringLiteral("pictures//x.png") << false;
        QTest::newRow("the json") << QStringLiteral("story.json") << false;
        QTest::newRow("space") << QStringLiteral("my picture.png") << false;
    }

    void entryNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, safe);
        QCOMPARE(Story::StoryFile::isSafeEntryName(name), safe);
    }

    void picturesWithUnsafeEntriesAreNotReferenced()
    {
        QJsonObject json = Test::sampleStory().toJson();
        json.insert(QLatin1String("character_sheet"), QJsonObject{{QLatin1String("entry"), QLatin1String("../cast.png")}});
        const auto story = Story::Story::fromJson(json, nullptr);
        QVERIFY(story);
        QVERIFY(!story->characterSheet);
    }

    void libraryKeepsPicturesAcrossSaves()
    {
        QTemporaryDir dir;
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        Story::Story story = illustratedStory();
        QVERIFY(library.save(story).isEmpty());
        QVERIFY(library.reload().isEmpty());
        QCOMPARE(library.records().size(), 1);
        QCOMPARE(library.records().first().title, story.title);
        QString why;
        auto loaded = library.load(story.id, &why);
        QVERIFY2(loaded, qPrintable(why));
        QCOMPARE(loaded->assets, story.assets);
        loaded->pages.first().text += QStringLiteral(" More.");
        QVERIFY(library.save(*loaded).isEmpty());
        QCOMPARE(library.load(story.id, nullptr)->assets, story.assets);
    }
};

QTEST_GUILESS_MAIN(TestStoryFile)
#include "tst_storyfile.moc"
