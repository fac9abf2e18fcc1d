// The reading view as a child and a parent meet it (issue 18): the page fills its area, zoom, the
// window-wide key API, answer cards of the four kinds, "You chose", endings in the story's language,
// drafts, the palette.
#include "pageview.h"
#include "readerwidget.h"
#include "storymapview.h"

#include "answercards.h"
#include "readingtheme.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>
#include <QtMath>

using Storybook::Story::Interaction;
using Storybook::Story::Page;
using Storybook::Story::Story;
using Storybook::Widgets::AnswerCard;
using Storybook::Widgets::PageView;
using Storybook::Widgets::ReaderWidget;

namespace {

Page makePage(const QString& id, const QString& parent, const QString& text, int answerIndex = -1, const QString& answer = {},
              Interaction::Kind kind = Interaction::Kind::Choose)
{
    Page page;
    page.id = id;
    page.parentId = parent;
    page.text = text;
    page.answerIndex = answerIndex;
    page.answer = answer;
    Interaction interaction;
    interaction.kind = kind;
    interaction.question = QStringLiteral("Question of ") + id;
    interaction.options = {QStringLiteral("take the lantern home"), QStringLiteral("Right"), QStringLiteral("Up")};
    page.interaction = interaction;
    return page;
}

//   p1 ── p2 (option 0) ── p3 (ending);  p1 ── d2 (option 1, draft)
Story makeStory(const QString& language = QStringLiteral("en"))
{
    Story story;
    story.id = QStringLiteral("s1");
    story.title = QStringLiteral("Test story");
    story.settings.language = language;
    story.settings.pageCount = 3;
    story.pages.append(makePage(QStringLiteral("p1"), {}, QStringLiteral("Once upon a time there was a fox.")));
    story.pages.append(makePage(QStringLiteral("p2"), QStringLiteral("p1"), QStringLiteral("The fox took the lantern."), 0,
                                QStringLiteral("take the lantern home")));
    Page draft = makePage(QStringLiteral("d2"), QStringLiteral("p1"), QStringLiteral("The fox went"), 1, QStringLiteral("Right"));
    draft.state = Page::State::Draft;
    draft.interaction.reset();
    story.pages.append(draft);
    Page end = makePage(QStringLiteral("p3"), QStringLiteral("p2"), QStringLiteral("And they all slept."), 1, QStringLiteral("Right"));
    end.ending = true;
    end.interaction.reset();
    story.pages.append(end);
    story.path = {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3")};
    return story;
}

std::shared_ptr<const Story> snapshot(const Story& story)
{
    return std::make_shared<const Story>(story);
}

bool showReader(ReaderWidget& reader, const Story& story, QSize size = QSize(1024, 600))
{
    reader.resize(size);
    reader.show();
    if (!QTest::qWaitForWindowExposed(&reader))
        return false;
    reader.setStory(snapshot(story));
    return true;
}

QString visibleLabels(const QWidget* widget)
{
    QStringList texts;
    for (const QLabel* label : widget->findChildren<QLabel*>()) {
        if (label->isVisibleTo(widget))
            texts.append(label->text());
    }
    return texts.join(u'\n');
}

// The widget Tab goes to from `widget`.
QWidget* nextTabStop(QWidget* widget)
{
    QWidget* next = widget->nextInFocusChain();
    for (int guard = 0; guard < 1000 && next != widget; ++guard, next = next->nextInFocusChain()) {
        if ((next->focusPolicy() & Qt::TabFocus) && next->isVisible() && next->isEnabled())
            return next;
    }
    return nullptr;
}

QString longText()
{
    QString text;
    for (int i = 0; i < 60; ++i)
        text += QStringLiteral("The fox walked through the quiet wood and listened to the owls. ");
    return text;
}

} // namespace

class TestReadingView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zoomApiClampsStepsAndSignals()
    {
        ReaderWidget reader(ReaderWidget::Mode::Write);
        QVERIFY(showReader(reader, makeStory()));
        QSignalSpy zoom(&reader, &ReaderWidget::zoomChanged);
        QCOMPARE(reader.zoomPercent(), 100);
        const qreal before = reader.pageView()->textView()->font().pixelSize() > 0
                                 ? reader.pageView()->textView()->font().pixelSize()
                                 : reader.pageView()->textView()->font().pointSizeF();
        reader.zoomIn();
        QCOMPARE(reader.zoomPercent(), 110);
        QCOMPARE(zoom.size(), 1);
        QCOMPARE(zoom.at(0).at(0).toInt(), 110);
        const qreal after = reader.pageView()->textView()->font().pixelSize() > 0
                                ? reader.pageView()->textView()->font().pixelSize()
                                : reader.pageView()->textView()->font().pointSizeF();
        QVERIFY2(after > before, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
        reader.setZoomPercent(75);
        reader.zoomIn();
        QCOMPARE(reader.zoomPercent(), 80);
        reader.zoomOut();
        QCOMPARE(reader.zoomPercent(), 70);
        reader.setZoomPercent(1000);
        QCOMPARE(reader.zoomPercent(), 250);
        reader.zoomIn();
        QCOMPARE(reader.zoomPercent(), 250);
        reader.setZoomPercent(10);
        QCOMPARE(reader.zoomPercent(), 50);
        reader.zoomOut();
        QCOMPARE(reader.zoomPercent(), 50);
        const qsizetype emitted = zoom.size();
        reader.setZoomPercent(50); // no change: no signal
        QCOMPARE(zoom.size(), emitted);
        reader.resetZoom();
        QCOMPARE(reader.zoomPercent(), 100);
        QCOMPARE(zoom.constLast().at(0).toInt(), 100);
        // Ctrl+plus / minus / 0 inside the widget.
        reader.focusStory();
        QTest::keyClick(&reader, Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(reader.zoomPercent(), 110);
        QTest::keyClick(&reader, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(reader.zoomPercent(), 100);
    }

    void windowKeysApi()
    {
        ReaderWidget reader(ReaderWidget::Mode::Write);
        QVERIFY(showReader(reader, makeStory()));
        QSignalSpy answers(&reader, &ReaderWidget::answerChosen);
        reader.chooseAnswerNumber(2);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.at(0).at(0).toString(), QStringLiteral("p1"));
        QCOMPARE(answers.at(0).at(1).toInt(), 1);
        reader.chooseAnswerNumber(4); // no fourth answer
        reader.chooseAnswerNumber(0);
        QCOMPARE(answers.size(), 1);
        reader.setBusy(true);
        reader.chooseAnswerNumber(1); // busy: ignored
        QCOMPARE(answers.size(), 1);
        reader.setBusy(false);

        reader.showLast();
        QCOMPARE(reader.currentPageId(), QStringLiteral("p3"));
        reader.chooseAnswerNumber(1); // an ending has no answers
        QCOMPARE(answers.size(), 1);
        reader.showFirst();
        QCOMPARE(reader.currentPageId(), QStringLiteral("p1"));
        reader.focusStory();
        QTRY_VERIFY(reader.pageView()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p3"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p1"));

        QVERIFY(!reader.isTypingOwnAnswer());
        auto* own = reader.pageView()->findChild<QLineEdit*>(QStringLiteral("ownAnswerField"));
        QVERIFY(own && own->isVisibleTo(&reader));
        own->setFocus();
        QTRY_VERIFY(own->hasFocus());
        QVERIFY(reader.isTypingOwnAnswer());
        QTest::keyClick(own, Qt::Key_1); // typed, not chosen
        QCOMPARE(own->text(), QStringLiteral("1"));
        QCOMPARE(answers.size(), 1);
        reader.focusStory();
        QTRY_VERIFY(!reader.isTypingOwnAnswer());

        QSignalSpy map(&reader, &ReaderWidget::mapVisibilityChanged);
        QVERIFY(reader.isMapVisible());
        reader.setMapVisible(false);
        QVERIFY(!reader.isMapVisible());
        QVERIFY(!reader.mapView()->isVisible());
        QCOMPARE(map.size(), 1);
        QCOMPARE(map.at(0).at(0).toBool(), false);
        reader.setMapVisible(false);
        QCOMPARE(map.size(), 1);
        reader.setMapVisible(true);
        QVERIFY(reader.isMapVisible());
        QCOMPARE(map.size(), 2);
    }

    void draftOffersFinishThisPage()
    {
        ReaderWidget reader(ReaderWidget::Mode::Write);
        QVERIFY(showReader(reader, makeStory()));
        reader.showPage(QStringLiteral("d2"));
        auto* finish = reader.pageView()->findChild<QPushButton*>(QStringLiteral("finishDraftButton"));
        QVERIFY(finish);
        QTRY_VERIFY(finish->isVisible());
        QSignalSpy spy(&reader, &ReaderWidget::finishDraftRequested);
        QTest::mouseClick(finish, Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("d2"));
        reader.showPage(QStringLiteral("p2")); // a complete page: no such button
        QVERIFY(!finish->isVisible());

        ReaderWidget viewer(ReaderWidget::Mode::Read); // the viewer never writes
        QVERIFY(showReader(viewer, makeStory()));
        viewer.showPage(QStringLiteral("d2"));
        QVERIFY(!viewer.pageView()->findChild<QPushButton*>(QStringLiteral("finishDraftButton"))->isVisible());
    }

    // The page area is most of the widget at 1024×600, the text never scrolls in a box of its own,
    // and a long page scrolls as a whole (text, question and answers in one area).
    void pageFillsItsArea()
    {
        Story story = makeStory();
        story.pages[0].text = longText();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        QVERIFY(showReader(reader, story, QSize(1024, 600)));
        PageView* page = reader.pageView();
        page->flush();
        QScrollArea* area = page->scrollArea();
        QTRY_VERIFY(area->viewport()->height() >= reader.height() * 75 / 100);
        QTextEdit* text = page->textView();
        QTRY_COMPARE(text->verticalScrollBar()->maximum(), 0); // no inner scrolling
        QTRY_VERIFY(text->height() >= qCeil(page->document()->size().height()));
        QTRY_VERIFY(page->pageScrollBar()->maximum() > 0); // the page scrolls instead
        QVERIFY(area->widget()->isAncestorOf(text));
        QVERIFY(area->widget()->isAncestorOf(page->answerPanel()));
        // The visible text area: the part of the text inside the page's viewport.
        const QRect textInViewport(text->mapTo(area->viewport(), QPoint(0, 0)), text->size());
        const QRect visible = textInViewport.intersected(area->viewport()->rect());
        QVERIFY2(visible.height() >= reader.height() / 2, qPrintable(QString::number(visible.height())));
        // Space scrolls the page; at its end it turns it.
        page->focusPage();
        const int before = page->pageScrollBar()->value();
        QTest::keyClick(text, Qt::Key_Space);
        QVERIFY(page->pageScrollBar()->value() > before);
        QCOMPARE(reader.currentPageId(), QStringLiteral("p1"));
    }

    void typeScalesWithTheWindow()
    {
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.setMapVisible(false);
        QVERIFY(showReader(reader, makeStory(), QSize(1920, 1080)));
        QTRY_VERIFY2(reader.pageView()->bodyPixelSize() >= 28, qPrintable(QStringLiteral("%1 px in %2×%3").arg(reader.pageView()->bodyPixelSize()).arg(reader.pageView()->scrollArea()->viewport()->width()).arg(reader.pageView()->scrollArea()->viewport()->height())));
        QVERIFY(reader.pageView()->bodyPixelSize() <= 40);
        QCOMPARE(reader.pageView()->textView()->font().pixelSize(), reader.pageView()->bodyPixelSize());
        reader.resize(1024, 600);
        QTRY_VERIFY(reader.pageView()->bodyPixelSize() < 28);
        QVERIFY(reader.pageView()->bodyPixelSize() >= 18);
        const int small = reader.pageView()->bodyPixelSize();
        reader.setZoomPercent(200);
        QCOMPARE(reader.pageView()->bodyPixelSize(), small * 2);
    }

    void answersAreNumberedCards()
    {
        ReaderWidget reader(ReaderWidget::Mode::Write);
        QVERIFY(showReader(reader, makeStory()));
        const QList<AnswerCard*> cards = reader.pageView()->answerPanel()->cards();
        QCOMPARE(cards.size(), 3);
        for (int i = 0; i < cards.size(); ++i) {
            QCOMPARE(cards.at(i)->number(), i + 1);
            QVERIFY(cards.at(i)->isVisible());
            QVERIFY(!cards.at(i)->accessibleName().isEmpty());
            QVERIFY(!cards.at(i)->accessibleDescription().isEmpty());
            QVERIFY(cards.at(i)->height() >= reader.pageView()->bodyPixelSize() * 2); // large
            QVERIFY(cards.at(i)->tag().isEmpty());
        }
        QCOMPARE(cards.at(0)->label(), QStringLiteral("take the lantern home"));
        QVERIFY(visibleLabels(reader.pageView()).contains(QStringLiteral("Question of p1")));
        // Tab order follows the screen: the text, the cards in order, the own answer.
        reader.focusStory();
        QWidget* text = reader.pageView()->textView();
        QCOMPARE(nextTabStop(text), cards.at(0));
        QCOMPARE(nextTabStop(cards.at(0)), cards.at(1));
        QCOMPARE(nextTabStop(cards.at(2)), reader.pageView()->findChild<QLineEdit*>(QStringLiteral("ownAnswerField")));
    }

    void fourKindsLookDifferent()
    {
        Story story = makeStory();
        ReaderWidget reader(ReaderWidget::Mode::Write);
        QVERIFY(showReader(reader, story));
        auto* own = reader.pageView()->findChild<QLineEdit*>(QStringLiteral("ownAnswerField"));
        auto* name = reader.pageView()->findChild<QLineEdit*>(QStringLiteral("nameField"));
        auto* describe = reader.pageView()->findChild<QPlainTextEdit*>(QStringLiteral("describeField"));
        QVERIFY(own && name && describe);
        // choose: cards and the own answer
        QVERIFY(own->isVisible() && !name->isVisible() && !describe->isVisible());

        story.pages[0].interaction->kind = Interaction::Kind::Guess;
        reader.setStory(snapshot(story));
        QCOMPARE(reader.pageView()->answerPanel()->cards().first()->tag(), QStringLiteral("Guess:"));
        QVERIFY(own->isVisible());

        story.pages[0].interaction->kind = Interaction::Kind::Name;
        reader.setStory(snapshot(story));
        QVERIFY(name->isVisible() && !own->isVisible() && !describe->isVisible());
        QVERIFY(name->mapTo(&reader, QPoint()).y() < reader.pageView()->answerPanel()->cards().first()->mapTo(&reader, QPoint()).y());
        QSignalSpy answers(&reader, &ReaderWidget::answerChosen);
        name->setFocus();
        QTRY_VERIFY(reader.isTypingOwnAnswer());
        QTest::keyClicks(name, QStringLiteral("Pip"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.at(0).at(1).toInt(), -1);
        QCOMPARE(answers.at(0).at(2).toString(), QStringLiteral("Pip"));
        reader.chooseAnswerNumber(2); // the suggestions are cards too
        QCOMPARE(answers.size(), 2);
        QCOMPARE(answers.at(1).at(1).toInt(), 1);

        story.pages[0].interaction->kind = Interaction::Kind::Describe;
        reader.setStory(snapshot(story));
        QVERIFY(describe->isVisible() && !own->isVisible() && !name->isVisible());
        QVERIFY(describe->height() > own->sizeHint().height() * 2); // a large field
        QVERIFY(describe->mapTo(&reader, QPoint()).y() < reader.pageView()->answerPanel()->cards().first()->mapTo(&reader, QPoint()).y());
        // The suggestions are secondary: smaller than the field's words? at least not larger than a choose card's.
        QVERIFY(reader.pageView()->answerPanel()->cards().first()->font().pixelSize() < reader.pageView()->bodyPixelSize());
        describe->setFocus();
        QTRY_VERIFY(reader.isTypingOwnAnswer());
        QTest::keyClicks(describe, QStringLiteral("big and green"));
        auto* send = reader.pageView()->findChild<QPushButton*>();
        Q_UNUSED(send)
        for (QPushButton* button : reader.pageView()->findChildren<QPushButton*>()) {
            if (button->accessibleName() == QLatin1String("Send your words"))
                QTest::mouseClick(button, Qt::LeftButton);
        }
        QCOMPARE(answers.size(), 3);
        QCOMPARE(answers.at(2).at(2).toString(), QStringLiteral("big and green"));
    }

    void arrivalShowsTheChildsChoice()
    {
        Story story = makeStory();
        ReaderWidget reader(ReaderWidget::Mode::Read);
        QVERIFY(showReader(reader, story));
        QVERIFY(!visibleLabels(reader.pageView()).contains(QStringLiteral("You chose")));
        reader.showPage(QStringLiteral("p2"));
        QVERIFY(visibleLabels(reader.pageView()).contains(QStringLiteral("You chose: take the lantern home")));
        story.pages[0].interaction->kind = Interaction::Kind::Guess;
        reader.setStory(snapshot(story));
        QVERIFY(visibleLabels(reader.pageView()).contains(QStringLiteral("You guessed: take the lantern home")));
        story.pages[0].interaction->kind = Interaction::Kind::Name;
        reader.setStory(snapshot(story));
        QVERIFY(visibleLabels(reader.pageView()).contains(QStringLiteral("You named them: take the lantern home")));
        reader.showPage(QStringLiteral("p1"));
        QVERIFY(!visibleLabels(reader.pageView()).contains(QStringLiteral("You ")));
    }

    // Story-facing words follow the story's language: a Chinese story under the English interface.
    void storyWordsFollowTheStory()
    {
        ReaderWidget reader(ReaderWidget::Mode::Read);
        Story story = makeStory(QStringLiteral("zh"));
        story.pages[0].interaction->question.clear();
        QVERIFY(showReader(reader, story));
        const QString first = visibleLabels(reader.pageView());
        QVERIFY2(first.contains(QStringLiteral("接下来会发生什么")), qPrintable(first));
        reader.showPage(QStringLiteral("p2"));
        QVERIFY(visibleLabels(reader.pageView()).contains(QStringLiteral("你选了：take the lantern home")));
        reader.showLast();
        const QString labels = visibleLabels(reader.pageView());
        QVERIFY2(labels.contains(QStringLiteral("完")), qPrintable(labels));
        QVERIFY(!labels.contains(QStringLiteral("The End")));

        reader.setStory(snapshot(makeStory(QStringLiteral("en"))));
        reader.showLast();
        QVERIFY(visibleLabels(reader.pageView()).contains(QStringLiteral("The End")));
    }

    void writingStateIsFriendlyAndAnimated()
    {
        Story story = makeStory();
        Page streaming = makePage(QStringLiteral("p4"), QStringLiteral("p3"), QString());
        streaming.state = Page::State::Streaming;
        streaming.interaction.reset();
        story.pages[3].ending = false;
        story.addPage(streaming);
        ReaderWidget reader(ReaderWidget::Mode::Write);
        QVERIFY(showReader(reader, story));
        reader.setBusy(true);
        reader.showPage(QStringLiteral("p4"));
        auto* writing = reader.pageView()->findChild<QLabel*>(QStringLiteral("writingLabel"));
        QVERIFY(writing);
        QTRY_VERIFY(writing->isVisible());
        QVERIFY(writing->text().startsWith(QStringLiteral("The storyteller is writing")));
        const QString before = writing->text();
        QTRY_VERIFY_WITH_TIMEOUT(writing->text() != before, 3000); // the dots move
        reader.setBusy(false);
        QVERIFY(!writing->isVisible());
    }

    void darkPaletteKeepsContrast_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void darkPaletteKeepsContrast()
    {
        QFETCH(bool, dark);
        QPalette palette = QApplication::palette();
        if (dark) {
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            palette.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2a));
            palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
            palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
            palette.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
            palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
        }
        ReaderWidget reader(ReaderWidget::Mode::Write);
        reader.setPalette(palette);
        QVERIFY(showReader(reader, makeStory()));
        QTextEdit* text = reader.pageView()->textView();
        const QColor paper = text->palette().color(QPalette::Base);
        const QColor ink = text->palette().color(QPalette::Text);
        QVERIFY(Storybook::Widgets::contrastRatio(paper, ink) >= 4.5);
        QCOMPARE(paper.lightnessF() < 0.5, dark);
        // What is painted: the page's background is the paper.
        const QImage shot = reader.pageView()->grab().toImage();
        const QPoint corner = reader.pageView()->scrollArea()->viewport()->mapTo(reader.pageView(), QPoint(4, 4));
        QCOMPARE(QColor(shot.pixel(corner)).rgb(), paper.rgb());
        // The cards' text on their face.
        const auto theme = Storybook::Widgets::ReadingTheme::fromPalette(reader.pageView()->answerPanel()->cards().first()->palette());
        QVERIFY(Storybook::Widgets::contrastRatio(theme.card, theme.text) >= 4.5);
        QVERIFY(Storybook::Widgets::contrastRatio(theme.accent, theme.onAccent) >= 3.0);
    }

    // A new page names itself for screen readers ("Page 2 of 3"); the cards carry name and description.
    void pageAndCardsAreNamedForScreenReaders()
    {
        ReaderWidget reader(ReaderWidget::Mode::Write);
        QVERIFY(showReader(reader, makeStory()));
        reader.showPage(QStringLiteral("p2"));
        QCOMPARE(reader.pageView()->textView()->accessibleName(), QStringLiteral("Page 2 of 3"));
        for (AnswerCard* card : reader.pageView()->answerPanel()->cards()) {
            QCOMPARE(card->accessibleName(), card->label());
            QVERIFY(card->accessibleDescription().contains(QString::number(card->number())));
        }
        for (QPushButton* button : reader.findChildren<QPushButton*>())
            QVERIFY2(!button->accessibleName().isEmpty() || !button->text().isEmpty(), qPrintable(button->objectName()));
    }

    // The reading fonts for young readers when installed (scripts/deps installs them).
    void readingFontFollowsTheStorysScript()
    {
        const QStringList installed = QFontDatabase::families();
        ReaderWidget reader(ReaderWidget::Mode::Read);
        QVERIFY(showReader(reader, makeStory(QStringLiteral("zh"))));
        const QStringList zh = reader.pageView()->textView()->font().families();
        if (installed.contains(QStringLiteral("LXGW WenKai")))
            QCOMPARE(zh.value(0), QStringLiteral("LXGW WenKai"));
        reader.setStory(snapshot(makeStory(QStringLiteral("en"))));
        const QStringList en = reader.pageView()->textView()->font().families();
        if (installed.contains(QStringLiteral("Andika")))
            QCOMPARE(en.value(0), QStringLiteral("Andika"));
        QVERIFY(zh != en || (!installed.contains(QStringLiteral("Andika")) && !installed.contains(QStringLiteral("LXGW WenKai"))));
    }
};

QTEST_MAIN(TestReadingView)
#include "tst_readingview.moc"
