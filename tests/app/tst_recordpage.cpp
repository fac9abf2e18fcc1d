// "Record this page" (RecordPageDialog) with a private PulseAudio whose microphone is a sine source:
// parts recorded, one recorded again, kept into the open story through StoryGenerator and read back
// from the library; Cancel asks before takes are thrown away; closing while recording is safe.
#include "library.h"
#include "llmclient.h"
#include "narrator.h"
#include "nullaudio.h"
#include "recorder.h"
#include "recordpagedialog.h"
#include "requiretool.h"
#include "storygenerator.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Storybook;
using App::RecordPageDialog;
using Test::NullAudioServer;

namespace {

const QString PageText = QStringLiteral("Pip found a lantern. It glowed like a small moon.");
const QString Question = QStringLiteral("Where should Pip go?");

QStringList partTexts()
{
    QStringList out;
    for (const Speech::Narrator::Part& part : Speech::Narrator::partsForPage(
             PageText, Question, {QStringLiteral("Up the hill"), QStringLiteral("Into the wood")}))
        out.append(part.text);
    return out;
}

// Records the dialog's current part until the microphone has been heard for a while.
bool recordCurrentPart(RecordPageDialog& dialog)
{
    auto* meter = dialog.findChild<QProgressBar*>(QStringLiteral("levelMeter"));
    dialog.toggleRecording();
    if (!dialog.isRecording())
        return false;
    // The sine source is heard at once; a few level reports make a take of a few hundred ms.
    int heard = 0;
    for (int i = 0; i < 100 && heard < 4; ++i) {
        QTest::qWait(50);
        if (meter->value() > 0)
            ++heard;
    }
    dialog.toggleRecording();
    return heard >= 4 && !dialog.isRecording();
}

QMessageBox* discardBox(QWidget* dialog)
{
    return dialog->findChild<QMessageBox*>(QStringLiteral("discardTakesBox"));
}

} // namespace

class TestRecordPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        STORYBOOK_REQUIRE_TOOL(NullAudioServer::available(), "pulseaudio");
        m_audio = std::make_unique<NullAudioServer>();
        QVERIFY2(m_audio->start({.sineSource = true}), qPrintable(m_audio->errorString()));
    }

    void cleanupTestCase() { m_audio.reset(); }

    void recordRedoAndKeep()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Story::Library library(dir.path());
        QVERIFY(library.reload().isEmpty());
        Story::Story story;
        story.id = Story::Story::newId();
        story.title = QStringLiteral("Pip and the Lantern");
        story.settings.language = QStringLiteral("en");
        Story::Page page;
        page.text = PageText;
        page.interaction = Story::Interaction{Story::Interaction::Kind::Choose, Question,
                                              {QStringLiteral("Up the hill"), QStringLiteral("Into the wood")}, {}};
        const QString pageId = story.addPage(page).id;
        QVERIFY(library.save(story).isEmpty());

        Llm::LlmClient client{Llm::ConnectionSettings{}};
        Generation::StoryGenerator generator(&client, &library);
        QVERIFY(generator.open(story.id).isEmpty());

        const QStringList parts = partTexts();
        QCOMPARE(parts.size(), 5); // two sentences, the question, two answers
        RecordPageDialog dialog(pageId, parts, [&](const Story::Narration& narration, const QHash<QString, QByteArray>& bytes) {
            return generator.storeNarration(story.id, pageId, narration, bytes,
                                            Generation::StoryGenerator::NarrationStore::Replace);
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Fits a 1024×600 screen.
        QVERIFY2(dialog.minimumSizeHint().width() <= 1024 && dialog.minimumSizeHint().height() <= 560,
                 qPrintable(QStringLiteral("%1×%2").arg(dialog.minimumSizeHint().width()).arg(dialog.minimumSizeHint().height())));
        QVERIFY(dialog.width() <= 1024 && dialog.height() <= 600);
        auto* keepButton = dialog.findChild<QPushButton*>(QStringLiteral("keepButton"));
        QVERIFY(!keepButton->isEnabled());

        QVERIFY(recordCurrentPart(dialog));
        QVERIFY(dialog.hasTake(0));
        QCOMPARE(dialog.currentPart(), 1); // on to the next part
        QVERIFY(recordCurrentPart(dialog));
        QVERIFY(dialog.hasTake(1));
        QCOMPARE(dialog.takeCount(), 2);
        QVERIFY(keepButton->isEnabled());
        auto* list = dialog.findChild<QListWidget*>(QStringLiteral("partList"));
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("✓")));
        QVERIFY(list->item(2)->text().startsWith(QStringLiteral("○")));

        // Part 1 again: Redo drops the take and records at once.
        dialog.setCurrentPart(0);
        QCOMPARE(dialog.currentPart(), 0);
        dialog.redo();
        QVERIFY(dialog.isRecording());
        QVERIFY(!dialog.hasTake(0));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QProgressBar*>(QStringLiteral("levelMeter"))->value() > 0, 5000);
        dialog.toggleRecording();
        QVERIFY(dialog.hasTake(0));

        dialog.findChild<QLineEdit*>(QStringLiteral("readerName"))->setText(QStringLiteral("Grandma"));
        keepButton->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const auto check = [&](const Story::Story& kept) {
            const Story::Page* keptPage = kept.page(pageId);
            QVERIFY(keptPage && keptPage->recording);
            const Story::Narration& recording = *keptPage->recording;
            QCOMPARE(recording.source, Story::Narration::Source::Recorded);
            QCOMPARE(recording.voice, QStringLiteral("Grandma"));
            QCOMPARE(recording.clips.size(), 2);
            QCOMPARE(keptPage->preferredNarration(), &recording);
            for (int i = 0; i < 2; ++i) {
                const Story::NarrationClip* clip = recording.clipFor(parts.at(i));
                QVERIFY2(clip, qPrintable(parts.at(i)));
                QCOMPARE(clip->text, parts.at(i));
                QCOMPARE(clip->mimeType, QStringLiteral("audio/wav"));
                const auto audio = Speech::pcmFromWav(kept.assets.value(clip->entry));
                QVERIFY(audio);
                QVERIFY(clip->durationMs >= 150);
                QCOMPARE(clip->durationMs, audio->format.msForFrames(audio->pcm.size() / 2));
            }
            QVERIFY(!recording.clipFor(parts.at(2)));
        };
        check(*generator.story());
        generator.waitForSaves();
        QString why;
        const auto loaded = library.load(story.id, &why);
        QVERIFY2(loaded, qPrintable(why));
        check(*loaded);
    }

    void cancelWithTakesAsks()
    {
        int stored = 0;
        RecordPageDialog dialog(QStringLiteral("p1"), partTexts(), [&](const auto&, const auto&) {
            ++stored;
            return QString();
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(recordCurrentPart(dialog));

        dialog.reject();
        QVERIFY(dialog.isVisible());
        QMessageBox* box = discardBox(&dialog);
        QVERIFY(box);
        // Going on keeps the dialog and its take.
        const QList<QAbstractButton*> buttons = box->buttons();
        QAbstractButton* goOn = nullptr;
        for (QAbstractButton* button : buttons) {
            if (box->buttonRole(button) == QMessageBox::RejectRole)
                goOn = button;
        }
        QVERIFY(goOn);
        goOn->click();
        QTRY_VERIFY(!discardBox(&dialog));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.takeCount(), 1);

        dialog.reject();
        QVERIFY(discardBox(&dialog));
        discardBox(&dialog)->findChild<QPushButton*>(QStringLiteral("discardButton"))->click();
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(stored, 0);
    }

    void cancelWithoutTakesCloses()
    {
        RecordPageDialog dialog(QStringLiteral("p1"), partTexts(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.reject();
        QVERIFY(!dialog.isVisible());
        QVERIFY(!discardBox(&dialog));
    }

    void spaceRecordsAndStops()
    {
        RecordPageDialog dialog(QStringLiteral("p1"), partTexts(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto* list = dialog.findChild<QListWidget*>(QStringLiteral("partList"));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Space);
        QVERIFY(dialog.isRecording());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QProgressBar*>(QStringLiteral("levelMeter"))->value() > 0, 5000);
        QTest::keyClick(&dialog, Qt::Key_Space);
        QVERIFY(!dialog.isRecording());
        QVERIFY(dialog.hasTake(0));
        // Typing a name with a space does not record.
        auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("readerName"));
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral("Big Sis"));
        QCOMPARE(name->text(), QStringLiteral("Big Sis"));
        QVERIFY(!dialog.isRecording());
    }

    void wholePageWithoutPausesAsksForSentences()
    {
        // The sine source never pauses: the page cannot be cut, and the dialog says so.
        RecordPageDialog dialog(QStringLiteral("p1"), partTexts(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setWholePageMode(true);
        QVERIFY(dialog.wholePageMode());
        QVERIFY(recordCurrentPart(dialog));
        QVERIFY(!dialog.wholePageMode());
        QCOMPARE(dialog.takeCount(), 0);
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("recordMessage"))->text().isEmpty());
    }

    void closedWhileRecording()
    {
        auto dialog = std::make_unique<RecordPageDialog>(QStringLiteral("p1"), partTexts(), RecordPageDialog::StoreFunction{});
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        dialog->toggleRecording();
        QVERIFY(dialog->isRecording());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QProgressBar*>(QStringLiteral("levelMeter"))->value() > 0, 5000);
        // Closing stops recording; the take asks before it goes; the dialog is destroyed meanwhile.
        dialog->close();
        QVERIFY(!dialog->isRecording());
        QVERIFY(discardBox(dialog.get()));
        dialog.reset();

        // Destroyed while still recording.
        auto second = std::make_unique<RecordPageDialog>(QStringLiteral("p1"), partTexts(), RecordPageDialog::StoreFunction{});
        second->show();
        second->toggleRecording();
        QVERIFY(second->isRecording());
        QTRY_VERIFY_WITH_TIMEOUT(second->findChild<QProgressBar*>(QStringLiteral("levelMeter"))->value() > 0, 5000);
        second.reset();
        QCoreApplication::processEvents();
    }

private:
    std::unique_ptr<NullAudioServer> m_audio;
};

QTEST_MAIN(TestRecordPage)
#include "tst_recordpage.moc"
