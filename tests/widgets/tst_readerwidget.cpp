#include "pageview.h"
#include "scriptedspeechengine.h"
#include "readerwidget.h"
#include "storymapview.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextFragment>
#include <QTreeWidget>
#include <QWheelEvent>

using Storybook::Story::Interaction;
using Storybook::Story::Page;
using Storybook::Story::Story;
using Storybook::Widgets::PageView;
using Storybook::Widgets::ReaderWidget;
using Storybook::Widgets::StoryMapView;

namespace {

Page makePage(const QString& id, const QString& parent, const QString& text, int answerIndex = -1, const QString& answer = {})
{
    Page page;
    page.id = id;
    page.parentId = parent;
    page.text = text;
    page.scene = QStringLiteral("Scene of ") + id;
    page.answerIndex = answerIndex;
    page.answer = answer;
    Interaction interaction;
    interaction.question = QStringLiteral("Question of ") + id;
    interaction.options = {QStringLiteral("Left"), QStringLiteral("Right"), QStringLiteral("Up")};
    page.interaction = interaction;
    return page;
}

// What the app hands the reader: an immutable snapshot of the story as it is now.
std::shared_ptr<const Story> snapshot(const Story& story)
{
    return std::make_shared<const Story>(story);
}

//   p1 ── p2 (Left) ── p3 (Right) ── p4 (ending)
//     └── b2 (Right, draft)
//     └── own (child's own words "Fly away")
Story makeStory()
{
    Story story;
    story.id = QStringLiteral("s1");
    story.title = QStringLiteral("Test story");
    story.settings.pageCount = 8;
    story.pages.append(makePage(QStringLiteral("p1"), {}, QStringLiteral("Once upon a time there was a fox.")));
    Page b2 = makePage(QStringLiteral("b2"), QStringLiteral("p1"), QStringLiteral("The fox went right."), 1, QStringLiteral("Right"));
    b2.state = Page::State::Draft;
    b2.note = QStringLiteral("The connection dropped.");
    b2.interaction.reset();
    story.pages.append(makePage(QStringLiteral("p2"), QStringLiteral("p1"), QStringLiteral("The fox went left.\n\nIt was dark."), 0,
                                QStringLiteral("Left")));
    story.pages.append(b2);
    story.pages.append(makePage(QStringLiteral("own"), QStringLiteral("p1"), QStringLiteral("The fox flew away."), -1,
                                QStringLiteral("Fly away")));
    story.pages.append(makePage(QStringLiteral("p3"), QStringLiteral("p2"), QStringLiteral("A lantern glowed."), 1, QStringLiteral("Right")));
    Page end = makePage(QStringLiteral("p4"), QStringLiteral("p3"), QStringLiteral("And they all slept."), 0, QStringLiteral("Left"));
    end.ending = true;
    end.interaction.reset();
    story.pages.append(end);
    story.path = {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3"), QStringLiteral("p4")};
    return story;
}

QList<QPushButton*> answerButtons(ReaderWidget& reader)
{
    QList<QPushButton*> out;
    for (QPushButton* button : reader.pageView()->findChildren<QPushButton*>()) {
        if (button->accessibleName() != QLatin1String("Send my own answer"))
            out.append(button);
    }
    return out;
}

QPushButton* answerButton(ReaderWidget& reader, const QString& label)
{
    for (QPushButton* button : answerButtons(reader)) {
        if (button->accessibleName() == label && button->isVisibleTo(reader.pageView()))
            return button;
    }
    return nullptr;
}

QString labelsText(const QWidget* widget)
{
    QStringList texts;
    for (const QLabel* label : widget->findChildren<QLabel*>()) {
        if (label->isVisibleTo(widget))
            texts.append(label->text());
    }
    return texts.join(u'\n');
}

} // namespace

class TestReaderWidget final : public QObject
{
    Q_OBJECT

    // Shows `page` (given `id`, being written) in `view`, a 700×500 window on screen.
    static bool showStreamingPage(PageView& view, Page& page, const QString& id)
    {
        view.resize(700, 500);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        page.id = id;
        page.state = Page::State::Streaming;
        view.setPage(&page, 1, 8, QStringLiteral("en"));
        return true;
    }

private Q_SLOTS:
    void showsPageTextSceneAndNumber()
    {
        Story story = makeStory();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.resize(1000, 700);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        QSignalSpy changed(&reader, &ReaderWidget::currentPageChanged);
        reader.setStory(snapshot(story));
        QCOMPARE(reader.currentPageId(), QStringLiteral("p1"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(reader.pageView()->plainText(), QStringLiteral("Once upon a time there was a fox."));
        const QString labels = labelsText(reader.pageView());
        QVERIFY2(labels.contains(QStringLiteral("Scene of p1")), qPrintable(labels));
        QVERIFY2(labels.contains(QStringLiteral("1 / 8")), qPrintable(labels));
        QVERIFY2(labels.contains(QStringLiteral("Question of p1")), qPrintable(labels));
        QVERIFY(!labels.contains(QStringLiteral("The End")));

        // Line spacing: every block of the text is 150 % proportional.
        reader.showPage(QStringLiteral("p2"));
        const QTextDocument* document = reader.pageView()->document();
        QCOMPARE(document->blockCount(), 3);
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            QCOMPARE(block.blockFormat().lineHeightType(), int(QTextBlockFormat::ProportionalHeight));
            QCOMPARE(block.blockFormat().lineHeight(), 150.0);
        }
        // Large text: at least 1.5 × the default font.
        const QFont body = reader.pageView()->textView()->font();
        QVERIFY(QFontInfo(body).pixelSize() >= QFontInfo(reader.font()).pixelSize() * 1.4);

        reader.showPage(QStringLiteral("p4"));
        QVERIFY(labelsText(reader.pageView()).contains(QStringLiteral("The End")));
        QVERIFY(labelsText(reader.pageView()).contains(QStringLiteral("4 / 8")));
        QVERIFY(answerButton(reader, QStringLiteral("Left")) == nullptr);

        reader.showPage(QStringLiteral("b2"));
        const QString draftLabels = labelsText(reader.pageView());
        QVERIFY2(draftLabels.contains(QStringLiteral("Unfinished page — The connection dropped.")), qPrintable(draftLabels));
        QVERIFY2(draftLabels.contains(QStringLiteral("What happens next?")), qPrintable(draftLabels));
        QVERIFY2(draftLabels.contains(QStringLiteral("2 / 8")), qPrintable(draftLabels));
    }

    void positionUsesPathLengthWhenLonger()
    {
        Story story = makeStory();
        story.settings.pageCount = 3;
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.setStory(snapshot(story));
        QVERIFY(labelsText(reader.pageView()).contains(QStringLiteral("1 / 4")));
    }

    void nextPreviousAndKeysWalkThePath()
    {
        Story story = makeStory();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.resize(1000, 700);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        reader.setStory(snapshot(story));
        QPushButton* nextButton = nullptr;
        QPushButton* previousButton = nullptr;
        for (QPushButton* button : reader.findChildren<QPushButton*>()) {
            if (button->accessibleName() == QLatin1String("Next page"))
                nextButton = button;
            if (button->accessibleName() == QLatin1String("Previous page"))
                previousButton = button;
        }
        QVERIFY(nextButton && previousButton);
        QVERIFY(!previousButton->isEnabled());
        QTest::mouseClick(nextButton, Qt::LeftButton);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p2"));
        QTest::keyClick(&reader, Qt::Key_Right);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p3"));
        QTest::keyClick(reader.pageView()->textView(), Qt::Key_Right);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p4"));
        QVERIFY(!nextButton->isEnabled());
        QTest::keyClick(&reader, Qt::Key_Right); // the end of the path: nothing
        QCOMPARE(reader.currentPageId(), QStringLiteral("p4"));
        QTest::keyClick(&reader, Qt::Key_Left);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p3"));
        QTest::keyClick(&reader, Qt::Key_PageUp);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p2"));
        QTest::keyClick(reader.pageView()->textView(), Qt::Key_PageDown); // short text: at the end already
        QCOMPARE(reader.currentPageId(), QStringLiteral("p3"));
        QTest::mouseClick(previousButton, Qt::LeftButton);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p2"));

        // The wheel past the bottom of a short page turns it.
        QWidget* viewport = reader.pageView()->textView()->viewport();
        const QPointF at(viewport->width() / 2.0, viewport->height() / 2.0);
        QWheelEvent down(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &down);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p3"));
        // Within the cool-down the same flick turns no second page; after it, it does.
        QElapsedTimer sinceFlip;
        sinceFlip.start();
        QWheelEvent up(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &up);
        if (sinceFlip.elapsed() < PageView::FlipCooldownMs)
            QCOMPARE(reader.currentPageId(), QStringLiteral("p3"));
        QTest::qWait(int(PageView::FlipCooldownMs + 50));
        QWheelEvent again(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &again);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p2"));
    }

    void writeModeEmitsAnswers()
    {
        Story story = makeStory();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.resize(1000, 700);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        reader.setStory(snapshot(story));
        reader.showPage(QStringLiteral("p3"));
        QSignalSpy answers(&reader, &ReaderWidget::answerChosen);
        QPushButton* up = answerButton(reader, QStringLiteral("Up"));
        QVERIFY(up);
        QVERIFY(up->isEnabled()); // Write mode: every option can be chosen
        QTest::mouseClick(up, Qt::LeftButton);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.at(0).at(0).toString(), QStringLiteral("p3"));
        QCOMPARE(answers.at(0).at(1).toInt(), 2);
        QCOMPARE(answers.at(0).at(2).toString(), QString());
        QCOMPARE(reader.currentPageId(), QStringLiteral("p3")); // the app decides what comes next

        auto* own = reader.pageView()->findChild<QLineEdit*>();
        QVERIFY(own && own->isVisibleTo(reader.pageView()));
        own->setFocus();
        QTest::keyClicks(own, QStringLiteral("A  purple dragon"));
        QTest::keyClick(own, Qt::Key_Return);
        QCOMPARE(answers.size(), 2);
        QCOMPARE(answers.at(1).at(1).toInt(), -1);
        QCOMPARE(answers.at(1).at(2).toString(), QStringLiteral("A purple dragon"));
        QVERIFY(own->text().isEmpty());

        // Left/Right inside the own answer move its cursor, not the page.
        QTest::keyClicks(own, QStringLiteral("ab"));
        QTest::keyClick(own, Qt::Key_Left);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p3"));

        // Busy: answers disabled, nothing emitted.
        reader.setBusy(true);
        QVERIFY(!answerButton(reader, QStringLiteral("Up"))->isEnabled());
        QVERIFY(!own->isEnabled());
        QVERIFY(labelsText(reader.pageView()).contains(QStringLiteral("The storyteller is writing")));
        reader.setBusy(false);
        QVERIFY(answerButton(reader, QStringLiteral("Up"))->isEnabled());
        QVERIFY(!labelsText(reader.pageView()).contains(QStringLiteral("The storyteller is writing")));
    }

    void numberKeysChooseAnswers()
    {
        Story story = makeStory();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.resize(1000, 700);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        reader.setStory(snapshot(story));
        reader.showPage(QStringLiteral("p3"));
        reader.setFocus();
        QSignalSpy answers(&reader, &ReaderWidget::answerChosen);
        QTest::keyClick(&reader, Qt::Key_3);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.at(0).at(1).toInt(), 2); // "Up"
        QTest::keyClick(&reader, Qt::Key_1, Qt::KeypadModifier);
        QCOMPARE(answers.size(), 2);
        QCOMPARE(answers.at(1).at(1).toInt(), 0);
        QTest::keyClick(&reader, Qt::Key_7); // no seventh answer
        QCOMPARE(answers.size(), 2);
        // Busy: nothing; in the own-answer line the digits are text.
        reader.setBusy(true);
        QTest::keyClick(&reader, Qt::Key_2);
        QCOMPARE(answers.size(), 2);
        reader.setBusy(false);
        auto* own = reader.pageView()->findChild<QLineEdit*>();
        own->setFocus();
        QTest::keyClicks(own, QStringLiteral("12"));
        QCOMPARE(own->text(), QStringLiteral("12"));
        QCOMPARE(answers.size(), 2);
        // An ending has no question: the keys do nothing.
        reader.showPage(QStringLiteral("p4"));
        reader.setFocus();
        QTest::keyClick(&reader, Qt::Key_1);
        QCOMPARE(answers.size(), 2);
    }

    void readsAloudSentenceBySentence()
    {
        Story story = makeStory();
        story.pages[0].text = QStringLiteral("Once upon a time there was a fox. It had a lantern!");
        Storybook::Test::ScriptedSpeechEngine engine(30);
        ReaderWidget reader(ReaderWidget::Mode::Read);
        reader.setSpeechEngine(&engine);
        Storybook::Speech::SpeechSettings speech;
        speech.voice = QStringLiteral("anna");
        speech.rate = -0.3;
        reader.setSpeechSettings(speech);
        reader.resize(1000, 700);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        reader.setStory(snapshot(story));
        QVERIFY(reader.readAloudButton()->isVisible());
        QVERIFY(reader.readAloudButton()->isEnabled());

        QSignalSpy changed(&reader, &ReaderWidget::readingAloudChanged);
        QTest::mouseClick(reader.readAloudButton(), Qt::LeftButton);
        QVERIFY(reader.isReadingAloud());
        QCOMPARE(reader.readAloudButton()->text(), QStringLiteral("Stop reading"));
        QCOMPARE(engine.rate, -0.3);
        QCOMPARE(engine.voicesAsked, QStringList{QStringLiteral("anna")});
        // The first sentence is marked in the page text, then the second.
        QCOMPARE(reader.pageView()->highlight(), qMakePair(0, 33));
        QTRY_COMPARE_WITH_TIMEOUT(reader.pageView()->highlight(), qMakePair(34, 17), 2000);
        QCOMPARE(reader.pageView()->textView()->extraSelections().size(), 1);
        QCOMPARE(reader.pageView()->textView()->extraSelections().first().cursor.selectedText(), QStringLiteral("It had a lantern!"));
        // Then the question and the answers, unmarked; then it stops by itself on this page.
        QTRY_VERIFY_WITH_TIMEOUT(!reader.isReadingAloud(), 3000);
        QCOMPARE(engine.said, (QStringList{QStringLiteral("Once upon a time there was a fox."), QStringLiteral("It had a lantern!"),
                                           QStringLiteral("Question of p1"), QStringLiteral("Left"), QStringLiteral("Right"),
                                           QStringLiteral("Up")}));
        QCOMPARE(reader.currentPageId(), QStringLiteral("p1"));
        QCOMPARE(reader.pageView()->highlight().first, -1);
        QVERIFY(reader.pageView()->textView()->extraSelections().isEmpty());
        QCOMPARE(reader.readAloudButton()->text(), QStringLiteral("Read aloud"));
        QCOMPARE(changed.size(), 2);

        // F5 starts it; turning the page stops it at once.
        engine.said.clear();
        reader.setFocus();
        QTest::keyClick(&reader, Qt::Key_F5);
        QVERIFY(reader.isReadingAloud());
        QTest::keyClick(&reader, Qt::Key_Right);
        QVERIFY(!reader.isReadingAloud());
        QVERIFY(!engine.isSpeaking());
        QCOMPARE(engine.said.size(), 1);
        QCOMPARE(reader.pageView()->highlight().first, -1);

        // A problem (no voice for the story's language) is reported, nothing is read.
        QSignalSpy problems(&reader, &ReaderWidget::readAloudProblem);
        engine.missingLanguage = QStringLiteral("zh");
        story.settings.language = QStringLiteral("zh");
        reader.setStory(snapshot(story));
        reader.readAloud();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().first().toString(), QStringLiteral("no voice for zh"));
        QVERIFY(!reader.isReadingAloud());
        QVERIFY(!reader.readAloudButton()->isChecked());

        // The engine fails in the middle: reported, the mark goes.
        engine.missingLanguage.clear();
        engine.failAt(int(engine.said.size()));
        reader.readAloud();
        QVERIFY(problems.wait(2000));
        QVERIFY(!reader.isReadingAloud());
        QCOMPARE(reader.pageView()->highlight().first, -1);
    }

    void readToMeGoesOnPageAfterPage()
    {
        Story story = makeStory();
        story.settings.readToMe = true;
        Storybook::Test::ScriptedSpeechEngine engine(2);
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.setSpeechEngine(&engine);
        reader.resize(1000, 700);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        reader.setStory(snapshot(story));
        reader.showPage(QStringLiteral("p2"));
        QSignalSpy pages(&reader, &ReaderWidget::currentPageChanged);
        reader.readAloud();
        // p2 (two sentences), p3, then the ending p4: no questions in read-to-me, and it stops at the end.
        QTRY_COMPARE_WITH_TIMEOUT(reader.currentPageId(), QStringLiteral("p4"), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!reader.isReadingAloud(), 3000);
        QCOMPARE(engine.said, (QStringList{QStringLiteral("The fox went left."), QStringLiteral("It was dark."),
                                           QStringLiteral("A lantern glowed."), QStringLiteral("And they all slept.")}));
        QCOMPARE(pages.size(), 2);

        // The last page written so far: it waits for the next one, then goes on when it is complete.
        story.pages.last().ending = false;
        reader.setStory(snapshot(story));
        engine.said.clear();
        reader.setBusy(true); // the next page is being written
        reader.readAloud();
        QTRY_COMPARE_WITH_TIMEOUT(engine.said.size(), 1, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(!reader.isReadingAloud(), 2000);
        QVERIFY(reader.readAloudButton()->isChecked()); // still on: waiting for the page
        Page next = makePage(QStringLiteral("p5"), QStringLiteral("p4"), QStringLiteral("Morning came."), 0, QStringLiteral("Left"));
        next.state = Page::State::Streaming;
        story.pages.append(next);
        story.path.append(QStringLiteral("p5"));
        reader.setStory(snapshot(story));
        QCoreApplication::processEvents(); // whatever the new snapshot set off has run
        QCOMPARE(engine.said.size(), 1); // not while it is written
        QVERIFY(reader.readAloudButton()->isChecked());
        story.pages.last().state = Page::State::Complete;
        reader.setStory(snapshot(story));
        reader.setBusy(false);
        QTRY_COMPARE_WITH_TIMEOUT(engine.said.size(), 2, 2000);
        QCOMPARE(engine.said.last(), QStringLiteral("Morning came."));
        QCOMPARE(reader.currentPageId(), QStringLiteral("p5"));
        reader.stopReading();
        QVERIFY(!reader.readAloudButton()->isChecked());
    }

    void readModeFollowsWrittenBranchesOnly()
    {
        const Story story = makeStory();
        ReaderWidget reader(ReaderWidget::Mode::Read);
        reader.resize(1000, 700);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        reader.setStory(snapshot(story));
        QSignalSpy answers(&reader, &ReaderWidget::answerChosen);
        QSignalSpy followed(&reader, &ReaderWidget::branchFollowed);
        QVERIFY(!reader.pageView()->findChild<QLineEdit*>()->isVisibleTo(reader.pageView())); // no own answer in Read mode
        QPushButton* left = answerButton(reader, QStringLiteral("Left"));
        QPushButton* right = answerButton(reader, QStringLiteral("Right"));
        QPushButton* up = answerButton(reader, QStringLiteral("Up"));
        QVERIFY(left && right && up);
        QVERIFY(left->isEnabled() && left->isChecked()); // the path goes this way
        QVERIFY(right->isEnabled() && !right->isChecked());
        QVERIFY(!up->isEnabled()); // never written
        QTest::mouseClick(up, Qt::LeftButton);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p1"));

        QTest::mouseClick(right, Qt::LeftButton);
        QCOMPARE(reader.currentPageId(), QStringLiteral("b2"));
        QCOMPARE(followed.size(), 1);
        QCOMPARE(followed.at(0).at(0).toString(), QStringLiteral("b2"));
        QCOMPARE(answers.size(), 0);
        QCOMPARE(reader.navigationPath(), (QStringList{QStringLiteral("p1"), QStringLiteral("b2")}));
        QCOMPARE(story.path.size(), 4); // the story itself is untouched
        QTest::keyClick(&reader, Qt::Key_Right); // beyond the local path: nothing
        QCOMPARE(reader.currentPageId(), QStringLiteral("b2"));
        QTest::keyClick(&reader, Qt::Key_Left);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p1"));
        QVERIFY(answerButton(reader, QStringLiteral("Right"))->isChecked());

        // The branch written from the child's own words has its own button.
        QPushButton* own = answerButton(reader, QStringLiteral("“Fly away”"));
        QVERIFY(own && own->isEnabled());
        QTest::mouseClick(own, Qt::LeftButton);
        QCOMPARE(reader.currentPageId(), QStringLiteral("own"));
        QCOMPARE(followed.size(), 2);

        // A page without written children says so.
        QVERIFY(labelsText(reader.pageView()).contains(QStringLiteral("not been written yet")));
    }

    void streamingAppendsIncrementally()
    {
        Story story = makeStory();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.resize(800, 500);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        reader.setStory(snapshot(story));
        reader.showPage(QStringLiteral("p4"));

        Page streaming;
        streaming.id = QStringLiteral("p5");
        streaming.parentId = QStringLiteral("p4");
        streaming.state = Page::State::Streaming;
        story.addPage(streaming);
        reader.setBusy(true);
        reader.setStory(snapshot(story));
        QCOMPARE(reader.currentPageId(), QStringLiteral("p5")); // the last page was shown: follow the new one
        QVERIFY(!labelsText(reader.pageView()).contains(QStringLiteral("Unfinished page")));

        const QTextDocument* document = reader.pageView()->document();
        QString expected;
        for (int i = 0; i < 10000; ++i) {
            const QString piece = (i % 50 == 49) ? QStringLiteral("end.\n") : QStringLiteral("w%1 ").arg(i);
            expected += piece;
            reader.appendStreamingText(QStringLiteral("p5"), piece);
            if (i % 1000 == 0)
                QCoreApplication::processEvents();
        }
        reader.appendStreamingText(QStringLiteral("p1"), QStringLiteral("not shown")); // another page: ignored
        QCOMPARE(reader.pageView()->plainText(), expected);
        QTRY_COMPARE(document->toPlainText(), expected);
        QScrollBar* bar = reader.pageView()->pageScrollBar(); // the page scrolls as a whole
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum()); // stayed at the end while text arrived

        // Scrolled up by the reader: appends no longer pull the view down.
        bar->setValue(0);
        reader.appendStreamingText(QStringLiteral("p5"), QStringLiteral("more "));
        QCOMPARE(reader.pageView()->plainText(), expected + QStringLiteral("more "));
        QCOMPARE(bar->value(), 0);
    }

    void modelTextIsPlain()
    {
        Story story = makeStory();
        const QString evil = QStringLiteral("<b>bold</b><img src=\"http://x\"> & <a href=\"http://y\">link</a>");
        story.pages[0].text = evil;
        story.pages[0].scene = evil;
        story.pages[0].interaction->question = evil;
        story.pages[0].interaction->options[0] = evil;
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.resize(900, 700);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        reader.setStory(snapshot(story));
        QCOMPARE(reader.pageView()->plainText(), evil);
        (void)reader.grab(); // lay out and paint everything
        const Storybook::Widgets::PlainTextDocument* document = reader.pageView()->document();
        QCOMPARE(document->resourceRequests(), 0);
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it)
                QVERIFY(!it.fragment().charFormat().isImageFormat() && !it.fragment().charFormat().isAnchor());
        }
        for (const QLabel* label : reader.findChildren<QLabel*>())
            QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY(labelsText(reader.pageView()).contains(evil));
        QPushButton* option = answerButton(reader, evil);
        QVERIFY(option);
        // Numbered for the keyboard, the text as it is (no mnemonic eaten).
        QCOMPARE(option->text(), QStringLiteral("1   ") + QString(evil).replace(u'&', QStringLiteral("&&")));
    }

    void mapShowsTreePathAndActivates()
    {
        Story story = makeStory();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.resize(1000, 700);
        reader.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reader));
        reader.setStory(snapshot(story));
        StoryMapView* map = reader.mapView();
        // The first children continue the top level; the other answers branch off under p1.
        QCOMPARE(map->topLevelItemCount(), 4);
        QTreeWidgetItem* p1 = map->itemForPage(QStringLiteral("p1"));
        QCOMPARE(p1->childCount(), 2);
        QCOMPARE(map->topLevelItem(1), map->itemForPage(QStringLiteral("p2")));
        QCOMPARE(p1->child(0), map->itemForPage(QStringLiteral("b2")));
        QVERIFY(p1->text(0).startsWith(QStringLiteral("1. Once upon a time")));
        QVERIFY(p1->font(0).bold());
        QVERIFY(map->itemForPage(QStringLiteral("p4"))->font(0).bold());
        QVERIFY(map->itemForPage(QStringLiteral("p4"))->text(0).startsWith(QStringLiteral("4. ")));
        QTreeWidgetItem* b2 = map->itemForPage(QStringLiteral("b2"));
        QVERIFY(!b2->font(0).bold());
        QVERIFY(b2->text(0).contains(QStringLiteral("unfinished")));
        QVERIFY(p1->isSelected());

        QSignalSpy activated(map, &StoryMapView::pageActivated);
        QSignalSpy changed(&reader, &ReaderWidget::currentPageChanged);
        map->scrollToItem(b2);
        QTest::mouseClick(map->viewport(), Qt::LeftButton, Qt::NoModifier, map->visualItemRect(b2).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("b2"));
        QCOMPARE(reader.currentPageId(), QStringLiteral("b2"));
        QCOMPARE(changed.size(), 1);
        QVERIFY(b2->isSelected());
        QVERIFY(b2->font(0).bold()); // the branch being read
        QCOMPARE(story.path.size(), 4); // only shown: the story's path is unchanged

        // Keyboard: Enter on an item activates it.
        map->setFocus();
        map->setCurrentItem(map->itemForPage(QStringLiteral("p3")));
        QTest::keyClick(map, Qt::Key_Return);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p3"));
    }

    void storyChangedKeepsPageAndSplitterExists()
    {
        Story story = makeStory();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.setStory(snapshot(story));
        reader.showPage(QStringLiteral("p2"));
        story.pages[1].text = QStringLiteral("Changed text.");
        reader.setStory(snapshot(story));
        QCOMPARE(reader.currentPageId(), QStringLiteral("p2"));
        QCOMPARE(reader.pageView()->plainText(), QStringLiteral("Changed text."));
        story.pages.removeAt(1); // p2 gone
        story.path = {QStringLiteral("p1")};
        reader.setStory(snapshot(story));
        QVERIFY(story.page(reader.currentPageId()));
        QVERIFY(reader.splitter());
        QCOMPARE(reader.splitter()->count(), 2);

        // Remembered per story.
        Story other = makeStory();
        other.id = QStringLiteral("s2");
        reader.showPage(QStringLiteral("own"));
        reader.setStory(snapshot(other));
        QCOMPARE(reader.currentPageId(), QStringLiteral("p1"));
        reader.setStory(snapshot(story));
        QCOMPARE(reader.currentPageId(), QStringLiteral("own"));
        reader.setStory(nullptr);
        QCOMPARE(reader.currentPageId(), QString());
        QCOMPARE(reader.mapView()->topLevelItemCount(), 0);
    }

    // A paragraph that never ends is shown as several blocks (Qt lays a block out whole on every
    // append); the breaks never reach the page text, its positions or the read-aloud highlight.
    void longParagraphShownInBlocks()
    {
        using Storybook::Widgets::DisplayBreaks;
        PageView view;
        Page page;
        QVERIFY(showStreamingPage(view, page, QStringLiteral("long")));
        QString expected;
        for (int i = 0; i < 3000; ++i) {
            // English sentences, then Chinese ones, then a run with no break opportunity at all.
            const QString piece = i < 1500   ? QStringLiteral("The fox ran %1 miles. ").arg(i)
                                  : i < 2500 ? QStringLiteral("小狐狸跑了%1里。").arg(i)
                                             : QStringLiteral("🦊x");
            expected += piece;
            view.appendText(piece);
            if (i % 100 == 0)
                QCoreApplication::processEvents();
        }
        QCOMPARE(view.plainText(), expected);
        const QTextDocument* document = view.document();
        QVERIFY2(document->blockCount() > 10, qPrintable(QString::number(document->blockCount())));
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            QVERIFY(block.length() <= 3 * DisplayBreaks::LongBlock + 2);
            QVERIFY(!block.text().isEmpty() && !block.text().front().isLowSurrogate()); // no pair cut in half
        }

        // The finished page is shown the same way, and a highlight right after a break selects the sentence.
        page.state = Page::State::Complete;
        page.text = expected;
        view.setPage(&page, 1, 8, QStringLiteral("en"));
        QCOMPARE(view.plainText(), expected);
        const QString secondBlock = document->begin().next().text();
        const int start = int(expected.indexOf(secondBlock));
        QVERIFY(start >= DisplayBreaks::LongBlock);
        const int length = int(expected.indexOf(u'.', start) + 1 - start);
        view.setHighlight(start, length);
        QCOMPARE(view.textView()->extraSelections().size(), 1);
        QCOMPARE(view.textView()->extraSelections().first().cursor.selectedText(), expected.mid(start, length));
        // One that spans a break selects across it (Qt shows the block end as U+2029).
        view.setHighlight(start - 5, 10);
        QCOMPARE(view.textView()->extraSelections().first().cursor.selectedText().remove(QChar::ParagraphSeparator),
                 expected.mid(start - 5, 10));
    }

    void manySmallAppendsStaySmooth()
    {
        PageView view;
        Page page;
        QVERIFY(showStreamingPage(view, page, QStringLiteral("x")));
        QElapsedTimer timer;
        timer.start();
        qsizetype length = 0;
        for (int i = 0; i < 100000; ++i) {
            const QString piece = (i % 40 == 39) ? QStringLiteral("\n") : QStringLiteral("ab ");
            length += piece.size();
            view.appendText(piece);
            if (i % 500 == 0)
                QCoreApplication::processEvents();
        }
        QCOMPARE(view.plainText().size(), length);
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        qInfo() << "100000 appends took" << timer.elapsed() << "ms";
    }
};

QTEST_MAIN(TestReaderWidget)
#include "tst_readerwidget.moc"
