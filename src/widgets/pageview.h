#pragma once

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
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTextEdit;
class QTimer;
class QVBoxLayout;

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

// One page of a story, laid out like a picture book: the picture large (beside the text when the
// page is wide, above it when it is tall or narrow; no picture area on a page without one), the
// position, the text in a large serif font with generous line spacing, the scene line (pages without
// a picture), a marker for unfinished pages, "The End" on endings, and the question with big answer
// buttons. Everything from the story is shown as plain text.
class PageView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageView)

public:
    // After the wheel turned a page, it turns no other for this long (one flick is one page).
    static constexpr qint64 FlipCooldownMs = 450;

    // One answer button: an option of the page's question, or (Read mode) a branch written from
    // the child's own answer.
    struct Answer
    {
        QString label;
        int optionIndex = -1;   // -1: an answer in the child's own words, emitted as `ownAnswer`
        QString ownAnswer;
        bool enabled = true;
        bool followed = false; // the branch the reading path takes
    };

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
    // ("en", "zh", ...) for the choice of fonts. Keeps the scroll position when the same page is shown again.
    void setPage(const Story::Page* page, int position, int total, const QString& language);
    // The picture of the page shown by setPage (call after it; another page clears the picture).
    void setPicture(const PictureSource& source);
    [[nodiscard]] PictureView* pictureView() const { return m_picture; }
    [[nodiscard]] BookLayout bookLayout() const;

    // The buttons under the question; `ownAnswerAllowed` shows the "My own answer…" line.
    void setAnswers(const QList<Answer>& answers, bool ownAnswerAllowed);
    // A line under the answers (e.g. "This part has not been written yet."); empty hides it.
    void setAnswerHint(const QString& hint);

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

    // Chooses the answer button `number` (1-based) as a click would; false when there is none.
    bool chooseAnswer(int number);

    [[nodiscard]] QString pageId() const { return m_pageId; }
    [[nodiscard]] QString plainText(); // flushes first
    [[nodiscard]] PlainTextDocument* document() const { return m_document; }
    [[nodiscard]] QTextEdit* textView() const { return m_text; }

Q_SIGNALS:
    void answerChosen(int optionIndex, const QString& ownAnswer);
    // The wheel (or PageUp/PageDown) went on past the top or the bottom of the text.
    void previousRequested();
    void nextRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void updateBookLayout();
    void applyPalette();
    void applyFonts();
    void updateTextMargins();
    void updateAnswerControls();
    void submitOwnAnswer();
    void handleWheel(int dy);
    void insertSome();
    void insertPending(qsizetype limit);
    [[nodiscard]] bool atEnd() const;
    [[nodiscard]] bool atStart() const;

    PlainTextDocument* m_document = nullptr;
    QBoxLayout* m_book = nullptr; // picture and text: side by side or one above the other
    PictureView* m_picture = nullptr;
    QWidget* m_textSide = nullptr;
    QString m_sceneText;
    QTextEdit* m_text = nullptr;
    QLabel* m_position = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_draft = nullptr;
    QLabel* m_scene = nullptr;
    QLabel* m_theEnd = nullptr;
    QWidget* m_questionBox = nullptr;
    QLabel* m_question = nullptr;
    QVBoxLayout* m_answerLayout = nullptr;
    QList<QPushButton*> m_answerButtons;
    QList<Answer> m_answers;
    QWidget* m_ownRow = nullptr;
    QLineEdit* m_ownAnswer = nullptr;
    QPushButton* m_ownButton = nullptr;
    QLabel* m_hint = nullptr;
    QTimer* m_flushTimer = nullptr;

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
    bool m_stickToEnd = true;
    QWidget* m_column = nullptr;
    int m_wheelOverscroll = 0;
    int m_highlightStart = -1;
    int m_highlightLength = 0;
    qint64 m_lastFlipMs = 0;
};

} // namespace Storybook::Widgets
