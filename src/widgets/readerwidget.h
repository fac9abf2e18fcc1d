#pragma once

#include "speechsettings.h"
#include "story.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QSplitter;

namespace Storybook::Media {
class PictureCache;
}

namespace Storybook::Speech {
class SpeechEngine;
} // namespace Storybook::Speech

namespace Storybook::Widgets {

class PageView;
class ReadAloud;
class StoryMapView;

// A story to read: the page (left/centre) and the story map (right) in a splitter, with Previous/Next
// buttons, Left/Right and PageUp/PageDown keys and the mouse wheel past the top/bottom of the text
// moving along the reading path. The story is not owned and never modified.
class ReaderWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderWidget)

public:
    enum class Mode {
        Write, // the app: answers are emitted (answerChosen) for the app to write the next page
        Read,  // the viewer: answers only follow branches that are already written
    };

    explicit ReaderWidget(Mode mode, QWidget* parent = nullptr);
    ~ReaderWidget() override;

    [[nodiscard]] Mode mode() const { return m_mode; }

    // Shows a story: an immutable snapshot, shared with whoever made it (nullptr clears). A story
    // with another id shows the page remembered for it, else its first page. The same story again
    // (a newer snapshot) refreshes the map and the shown page: kept when it still exists; when a page
    // was appended to the path while the last page was shown, the new one is shown.
    void setStory(std::shared_ptr<const Story::Story> story);
    [[nodiscard]] const std::shared_ptr<const Story::Story>& story() const { return m_story; }
    // Only shows the page (the story's path is not changed); emits currentPageChanged.
    void showPage(const QString& pageId);
    [[nodiscard]] QString currentPageId() const { return m_currentId; }
    // The path Previous/Next walk: the story's path, or (Read mode, after following another branch,
    // or when the shown page is off the path) the branch through the shown page.
    [[nodiscard]] QStringList navigationPath() const { return m_path; }

    void showPrevious();
    void showNext();
    [[nodiscard]] bool canGoPrevious() const;
    [[nodiscard]] bool canGoNext() const;

    // A page is being written (or written again): until endStreaming() it shows only the streamed
    // text, from its first character, whatever text (an earlier version) the story has for it.
    void beginStreaming(const QString& pageId);
    // Streamed text for that page; appended incrementally when the page is shown.
    void appendStreamingText(const QString& pageId, const QString& text);
    // The page is done, failed or stopped: it shows what the story now has (the new version, or
    // the earlier one again).
    void endStreaming();
    [[nodiscard]] QString streamingPageId() const { return m_streamingPageId; }
    // While a page is written: answer controls disabled, a subtle "Writing…" indicator.
    void setBusy(bool busy);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    // Pictures. A picture is being painted for `pageId` (true) or no longer is (false: it arrived,
    // failed or was stopped). While a page has no picture yet and one is being painted, the page
    // shows a calm placeholder (the scene line and an indeterminate progress bar); a picture being
    // painted again keeps the old one shown with a thin progress bar. The picture itself comes with
    // a newer snapshot (setStory) whose page names it and whose assets hold its bytes: it is shown as
    // soon as it has been decoded, whether or not this was called with false yet. Forgotten when
    // another story is shown.
    void setPicturePending(const QString& pageId, bool painting);
    [[nodiscard]] bool isPicturePending(const QString& pageId) const { return m_paintingPages.contains(pageId); }
    // The cache that decodes the page's picture and the map's thumbnails (for tests and benches).
    [[nodiscard]] Media::PictureCache* pictureCache() const { return m_pictures.get(); }

    // Reading aloud: the page text sentence by sentence (the sentence highlighted), then the question
    // and its answers. Stories told in read-to-me mode go on page after page. Going to another page
    // stops it. The voice is the page's narration kept in the story (a recording first) when it has
    // every sentence, else (with a voice provider: narrationWanted) what arrives, else the system
    // voice; ReadAloud chooses, and a line under the button says which and why.
    void setSpeechSettings(const Speech::SpeechSettings& settings);
    // Not owned; for tests (the default is the system's engine, made on first use).
    void setSpeechEngine(Speech::SpeechEngine* engine);
    // The app has a voice provider that can make narration (the viewer never sets it).
    void setVoiceProviderAvailable(bool available);
    [[nodiscard]] bool speechAvailable() const;
    [[nodiscard]] ReadAloud* readAloudController() const { return m_reading; }
    void readAloud();
    void stopReading();
    void toggleReadAloud();
    [[nodiscard]] bool isReadingAloud() const;
    [[nodiscard]] QPushButton* readAloudButton() const { return m_readAloud; }

    // Window-wide keys (the main window forwards them whatever widget has focus).
    // Chooses answer `number` (1-based) of the shown page as a click would; ignored when the page
    // has no such answer (or it cannot be chosen) or while a page is being written.
    void chooseAnswerNumber(int number);
    void showFirst(); // the first page of the navigation path
    void showLast();  // its last page
    // Puts the keyboard focus on the page, so the reading keys work.
    void focusStory();
    // True while the child types an answer (the own-answer, name or describe field has focus): the
    // window leaves digits and arrows to the field then.
    [[nodiscard]] bool isTypingOwnAnswer() const;

    // The story map beside the page (shown by default).
    void setMapVisible(bool visible);
    [[nodiscard]] bool isMapVisible() const;

    // Zoom on top of the size the page type takes from the widget's size: 50–250 %, steps of 10
    // for zoomIn/zoomOut. Not persisted here (the main window keeps it).
    static constexpr int MinimumZoom = 50;
    static constexpr int MaximumZoom = 250;
    static constexpr int ZoomStep = 10;
    [[nodiscard]] int zoomPercent() const { return m_zoom; }
    void setZoomPercent(int percent);
    void zoomIn();
    void zoomOut();
    void resetZoom();

    [[nodiscard]] QSplitter* splitter() const { return m_splitter; }
    [[nodiscard]] PageView* pageView() const { return m_pageView; }
    [[nodiscard]] StoryMapView* mapView() const { return m_map; }

Q_SIGNALS:
    // Write mode: optionIndex into the page's options, or -1 with ownAnswer for the child's own words.
    void answerChosen(const QString& pageId, int optionIndex, const QString& ownAnswer);
    void currentPageChanged(const QString& pageId);
    // Read mode: an answer with a written branch was chosen; the widget shows that page.
    void branchFollowed(const QString& pageId);
    // Reading aloud could not start or stopped on an error; `problem` is translated.
    void readAloudProblem(const QString& problem);
    void readingAloudChanged(bool reading);
    // Reading aloud page `pageId`, which has no complete narration, and a voice provider is
    // available: the app may synthesise its narration (the newer snapshot's clips then play).
    void narrationWanted(const QString& pageId);
    void zoomChanged(int percent);
    void mapVisibilityChanged(bool visible);
    // Write mode: the draft page `pageId` should be finished ("Finish this page").
    void finishDraftRequested(const QString& pageId);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyTheme();
    void retranslate();
    void showStory(std::shared_ptr<const Story::Story> story);
    void refreshStory(std::shared_ptr<const Story::Story> story);
    void render();
    void updateAnswers(const Story::Page& page);
    void updatePicture(const Story::Page* page);
    void updateNavigation();
    void onAnswer(int optionIndex, const QString& ownAnswer);
    void setCurrent(const QString& pageId);
    [[nodiscard]] QStringList branchThrough(const QString& pageId) const;
    [[nodiscard]] QStringList pathFor(const QString& pageId) const;
    void onReadingFinished();
    void continueReadingIfWaiting();
    void updateReadAloudButton();

    Mode m_mode;
    std::shared_ptr<const Story::Story> m_story;
    QString m_streamingPageId; // the page being written: shown from m_streamingText
    QString m_streamingText;
    QString m_currentId;
    QStringList m_path;
    QHash<QString, QString> m_remembered; // story id → page last shown
    bool m_busy = false;
    int m_zoom = 100;
    QSet<QString> m_paintingPages; // of the shown story
    // Shared by the page and the map (they outlive nothing: they die with this widget).
    std::shared_ptr<Media::PictureCache> m_pictures;

    QSplitter* m_splitter = nullptr;
    QWidget* m_pageSide = nullptr; // the navigation bar under the page
    PageView* m_pageView = nullptr;
    StoryMapView* m_map = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_readAloud = nullptr;
    QLabel* m_voiceLine = nullptr; // which voice reads, and why

    ReadAloud* m_reading = nullptr; // child: the voices and the choice between them
    QString m_readingPageId; // the page being read aloud
    QPair<int, int> m_highlight{-1, 0};
    bool m_waitingToContinue = false; // read-to-me: the next page is still being written
};

} // namespace Storybook::Widgets
