#pragma once

#include "story.h"

#include <QList>
#include <QPushButton>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QVBoxLayout;

namespace Storybook::Widgets {

// One answer the child can give: an option of the page's question, or (Read mode) a branch written
// from the child's own words.
struct AnswerChoice
{
    QString label;
    int optionIndex = -1; // -1: an answer in the child's own words, emitted as `ownAnswer`
    QString ownAnswer;
    bool enabled = true;
    bool followed = false; // the branch the reading path takes
};

// A large answer card: its number (the key that chooses it) in a round badge, then the answer,
// wrapped over as many lines as it needs. Painted from the reading theme; a focus ring when focused.
// text() is "N   label" (with '&' doubled), the accessible name the answer itself.
class AnswerCard final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnswerCard)

public:
    AnswerCard(int number, const QString& label, const QString& tag, QWidget* parent = nullptr);

    [[nodiscard]] int number() const { return m_number; }
    [[nodiscard]] QString label() const { return m_label; }
    [[nodiscard]] QString tag() const { return m_tag; } // "Guess:" on a guess's cards, else empty

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;
    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    [[nodiscard]] QString shownText() const;
    [[nodiscard]] int badgeSize() const;
    [[nodiscard]] int padding() const;

    int m_number;
    QString m_label;
    QString m_tag;
};

// The question under a page and the ways to answer it, by kind:
//   choose   – the question ("What happens next?"), cards, then "My own answer…";
//   guess    – cards marked "Guess:", then the own answer;
//   name     – a name field first ("Type a name…"), the suggestions as cards under it;
//   describe – a large text field first, the suggestions as smaller ideas under it.
// Story-facing words follow the story's language. Emits answerChosen like the page view.
class AnswerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnswerPanel)

public:
    explicit AnswerPanel(QWidget* parent = nullptr);

    // The question (empty: the kind's default in the story's language).
    void setQuestion(Story::Interaction::Kind kind, const QString& question, const QString& storyLanguage);
    void setAnswers(const QList<AnswerChoice>& answers, bool ownAnswerAllowed);
    void setHint(const QString& hint);
    void setBusy(bool busy);
    // The body font (pixel size set) the panel sizes its own fonts from.
    void setBodyFont(const QFont& body);
    // Chooses card `number` (1-based) as a click would; false when there is none or it is disabled.
    bool chooseAnswer(int number);
    // An answer field (own answer, name, description) has the keyboard focus.
    [[nodiscard]] bool isTyping() const;
    [[nodiscard]] Story::Interaction::Kind kind() const { return m_kind; }
    [[nodiscard]] QList<AnswerCard*> cards() const { return m_cards; }
    // The widgets in the order Tab visits them (fields, cards, own answer).
    [[nodiscard]] QList<QWidget*> tabOrder() const;

Q_SIGNALS:
    void answerChosen(int optionIndex, const QString& ownAnswer);
    // The question and its cards changed (for screen readers).
    void answersChanged();

private:
    void updateControls();
    void updateFields();
    void submit(const QString& text);

    Story::Interaction::Kind m_kind = Story::Interaction::Kind::Choose;
    QString m_language;
    bool m_busy = false;
    bool m_ownAllowed = false;
    QFont m_body;
    QList<AnswerChoice> m_answers;
    QList<AnswerCard*> m_cards;

    QLabel* m_question = nullptr;
    QWidget* m_nameRow = nullptr;
    QLineEdit* m_nameField = nullptr;
    QPushButton* m_nameButton = nullptr;
    QWidget* m_describeRow = nullptr;
    QPlainTextEdit* m_describeField = nullptr;
    QPushButton* m_describeButton = nullptr;
    QLabel* m_suggestions = nullptr;
    QVBoxLayout* m_cardLayout = nullptr;
    QWidget* m_ownRow = nullptr;
    QLineEdit* m_ownAnswer = nullptr;
    QPushButton* m_ownButton = nullptr;
    QLabel* m_hint = nullptr;
};

} // namespace Storybook::Widgets
