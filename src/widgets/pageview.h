#pragma once

#include "answercards.h"
#include "displaybreaks.h"
#include "story.h"

#include <QList>
#include <QString>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextDocument>
#include <QWidget>

#include <memory>

class QBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QScrollBar;
class QTextEdit;
class QTimer;

namespace Storybook::Media {
class PictureCache;
}

namespace Storybook::Widgets {

class PictureView;

// The document behind the page text. It never loads anything: every resource request (an image, a
// style sheet) is refused and counted, so a test can prove that model text cannot reach out.
class PlainTextDocument final : public QTextDocument
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlainTextDocument)

public:
    explicit PlainTextDocument(QObject* parent = nullptr);
    [[nodiscard]] int resourceRequests() const { return m_resourceRequests; }

protected:
    QVariant loadResource(int type, const QUrl& name) override;

private:
    int m_resourceRequests = 0;
};

// One page of a story, laid out like a picture book, in ONE scroll area: the picture large (beside
// the text when the page is wide, above it when it is tall or narrow; no picture area on a page
// without one), "You chose: …" on a page reached by an answer, the text in large type that grows
// with the page's area (times the zoom), the scene line (pages without a picture), a marker and
// "Finish this page" for unfinished pages, a friendly "The storyteller is writing…" while a page is
// written, "The End" on endings, and the question with its answer cards (AnswerPanel). The text
// itself never scrolls inside a box of its own: a long page scrolls as a whole. Everything from the
// story is shown as plain text; the words around it follow the story's language.
class PageView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageView)

public:
    // After the wheel turned a page, it turns no other for this long (one flick is one page).
    static constexpr qint64 FlipCooldownMs = 450;

    using Answer = AnswerChoice;

    // Where the picture of a page comes from.
    struct PictureSource
    {
        QString storyId;
        QString entry;    // the picture's asset entry (empty: the page has none)
        QByteArray bytes; // its bytes as stored (empty: none, or lost)
        bool painting = false; // a picture is being painted for the page
    };

    // How the page is laid out now.
    enum class BookLayout {
        TextOnly,      // no picture area
        PictureBeside, // a wide page: the picture left, the text right
        PictureAbove,  // a tall or narrow page: the picture above the text
    };

    explicit PageView(QWidget* parent = nullptr); // with a picture cache of its own
    explicit PageView(std::shared_ptr<Media::PictureCache> pictures, QWidget* parent = nullptr);
    ~PageView() override;

    // Shows `page` (nullptr: an empty page) at `position` of `total`, in the story's language
    // ("en", "zh", ...) for the fonts and the words around the story. Keeps the scroll position
    // when the same page is shown again.
    void setPage(const Story::Page* page, int position, int total, const QString& language);
    // The answer that led to the page shown (call after setPage): "You chose: …" at its top, worded
    // for the kind of the question it answered; empty hides the line.
    void setArrival(Story::Interaction::Kind kind, const QString& answer);
    // The picture of the page shown by setPage (call after it; another page clears the picture).
    void setPicture(const PictureSource& source);
    [[nodiscard]] PictureView* pictureView() const { return m_picture; }
    [[nodiscard]] BookLayout bookLayout() const;

    // The cards under the question; `ownAnswerAllowed` shows the field for the child's own words.
    void setAnswers(const QList<Answer>& answers, bool ownAnswerAllowed);
    // A line under the answers (e.g. "This part has not been written yet."); empty hides it.
    void setAnswerHint(const QString& hint);
    [[nodiscard]] AnswerPanel* answerPanel() const { return m_answers; }

    // Appends streamed text at the end (coalesced: the document takes it at most about every 16 ms,
    // a bounded amount per event-loop turn, or all at once on flush()); keeps the view at the end
    // when it was there.
    void appendText(const QString& text);
    void flush();
    // Text given to the view is still waiting to be inserted into the document.
    [[nodiscard]] bool isCatchingUp() const { return !m_pending.isEmpty(); }

    void setBusy(bool busy);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    // Marks the part of the page text being read aloud (start/length in the page text) and scrolls
    // it into view; a negative start clears the mark. Showing another page clears it too.
    void setHighlight(int start, int length);
    [[nodiscard]] QPair<int, int> highlight() const { return {m_highlightStart, m_highlightLength}; }

    // Chooses the answer card `number` (1-based) as a click would; false when there is none.
    bool chooseAnswer(int number);
    // The keyboard focus on the page (its text), so the reading keys work.
    void focusPage();
    // An answer field (own answer, name, description) has the keyboard focus.
    [[nodiscard]] bool isTypingAnswer() const;
    // Type size: the size the page takes from its area, times this (percent).
    void setZoomPercent(int percent);
    [[nodiscard]] int zoomPercent() const { return m_zoom; }
    // The story's reading level's text size (Story::ReadingLevel::textScale(): bigger for the youngest), on top of
    // the area and the zoom.
    void setTextScale(double scale);
    // The story text's size in pixels now (area and zoom).
    [[nodiscard]] int bodyPixelSize() const { return m_bodyPx; }
    // A draft page offers "Finish this page" (Write mode) when this is on.
    void setFinishDraftOffered(bool offered);

    [[nodiscard]] QString pageId() const { return m_pageId; }
    [[nodiscard]] QString plainText(); // flushes first
    [[nodiscard]] PlainTextDocument* document() const { return m_document; }
    [[nodiscard]] QTextEdit* textView() const { return m_text; }
    // The page's one scroll area (picture, text, question and answers).
    [[nodiscard]] QScrollArea* scrollArea() const { return m_scroll; }
    [[nodiscard]] QScrollBar* pageScrollBar() const;

Q_SIGNALS:
    void answerChosen(int optionIndex, const QString& ownAnswer);
    // The wheel (or PageUp/PageDown/Space) went on past the top or the bottom of the page.
    void previousRequested();
    void nextRequested();
    void finishDraftRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void buildColumn();
    void retranslate();
    void updateBookLayout();
    void applyPalette();
    void applyFonts();
    void updateFontSize();
    void updateWriting();
    void updateTabOrder();
    void announce(QWidget* widget);
    void handleWheel(int dy);
    bool handleKey(int key);
    void insertSome();
    void insertPending(qsizetype limit);
    [[nodiscard]] bool atEnd() const;
    [[nodiscard]] bool atStart() const;

    PlainTextDocument* m_document = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_content = nullptr;
    QBoxLayout* m_book = nullptr; // picture and text: side by side or one above the other
    PictureView* m_picture = nullptr;
    QWidget* m_textSide = nullptr;
    QWidget* m_column = nullptr;
    QString m_sceneText;
    QTextEdit* m_text = nullptr;
    QLabel* m_position = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_arrival = nullptr;
    QLabel* m_draft = nullptr;
    QPushButton* m_finishDraft = nullptr;
    QLabel* m_scene = nullptr;
    QLabel* m_writing = nullptr;
    QLabel* m_theEnd = nullptr;
    AnswerPanel* m_answers = nullptr;
    QTimer* m_flushTimer = nullptr;
    QTimer* m_writingTimer = nullptr;

    QString m_pageId;
    QString m_language;
    QString m_shown;   // the page text in the document
    QString m_pending; // text still to insert
    DisplayBreaks m_breaks;
    QTextBlockFormat m_blockFormat;
    QTextCharFormat m_charFormat;
    bool m_busy = false;
    bool m_streaming = false;
    bool m_draftPage = false;
    bool m_asks = false;
    bool m_stickToEnd = true;
    bool m_finishOffered = false;
    int m_zoom = 100;
    double m_textScale = 1.0;
    int m_areaPx = 0;  // the text size the area gives, before the zoom
    int m_bodyPx = 0;
    int m_writingDots = 0;
    int m_wheelOverscroll = 0;
    int m_highlightStart = -1;
    int m_highlightLength = 0;
    qint64 m_lastFlipMs = 0;
};

} // namespace Storybook::Widgets
