#include "answercards.h"

#include "readingtheme.h"
#include "storywords.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QStyleOptionButton>
#include <QVBoxLayout>

namespace Storybook::Widgets {

using Kind = Story::Interaction::Kind;

namespace {

constexpr int MaxNumbered = 9; // the number keys 1–9
constexpr int OwnAnswerMaxLength = 300;

QLabel* plainLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    return label;
}

QFont withSize(QFont font, int pixels)
{
    font.setPixelSize(qMax(8, pixels));
    return font;
}

int pixelSize(const QFont& font)
{
    return font.pixelSize() > 0 ? font.pixelSize() : qRound(font.pointSizeF() * 4 / 3);
}

} // namespace

AnswerCard::AnswerCard(int number, const QString& label, const QString& tag, QWidget* parent)
    : QPushButton(parent)
    , m_number(number)
    , m_label(label)
    , m_tag(tag)
{
    // QAbstractButton reads '&' as a mnemonic: story text must never make a shortcut.
    const QString escaped = QString(label).replace(u'&', QLatin1String("&&"));
    setText(number > 0 ? QString::number(number) + QStringLiteral("   ") + escaped : escaped);
    setAccessibleName(label);
    setCheckable(true);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QString AnswerCard::shownText() const
{
    return m_tag.isEmpty() ? m_label : m_tag + u' ' + m_label;
}

int AnswerCard::badgeSize() const
{
    return qRound(fontMetrics().height() * 1.5);
}

int AnswerCard::padding() const
{
    return qMax(8, fontMetrics().height() / 2);
}

int AnswerCard::heightForWidth(int width) const
{
    const int textWidth = qMax(40, width - 3 * padding() - badgeSize());
    const QRect bounds = fontMetrics().boundingRect(QRect(0, 0, textWidth, 100000), Qt::TextWordWrap, shownText());
    return qMax(bounds.height(), badgeSize()) + 2 * padding();
}

QSize AnswerCard::sizeHint() const
{
    const int width = qMin(fontMetrics().horizontalAdvance(shownText()), fontMetrics().height() * 20) + 3 * padding() + badgeSize();
    return {width, heightForWidth(width)};
}

QSize AnswerCard::minimumSizeHint() const
{
    const int width = badgeSize() + 3 * padding() + fontMetrics().height() * 4;
    return {width, badgeSize() + 2 * padding()};
}

void AnswerCard::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    const ReadingTheme theme = ReadingTheme::fromPalette(palette());
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal radius = fontMetrics().height() * 0.6;
    const bool hot = isChecked() || isDown() || underMouse();
    const QRectF face = QRectF(rect()).adjusted(3, 3, -3, -3);

    painter.setPen(QPen(isEnabled() ? theme.accent : theme.muted, isChecked() ? 3 : 1.5));
    painter.setBrush(hot && isEnabled() ? theme.cardHover : theme.card);
    painter.drawRoundedRect(face, radius, radius);
    if (hasFocus()) {
        painter.setPen(QPen(theme.focus, 3));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5), radius + 2, radius + 2);
    }

    const int pad = padding();
    const int badge = badgeSize();
    const QRectF badgeRect(face.left() + pad, face.center().y() - badge / 2.0, badge, badge);
    if (m_number > 0) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(isEnabled() ? theme.accent : theme.muted);
        painter.drawEllipse(badgeRect);
        QFont number = font();
        number.setBold(true);
        painter.setFont(number);
        painter.setPen(theme.onAccent);
        painter.drawText(badgeRect, Qt::AlignCenter, QString::number(m_number));
    }
    painter.setFont(font());
    painter.setPen(isEnabled() ? theme.text : theme.muted);
    const QRectF textRect(badgeRect.right() + pad, face.top() + pad - 3, face.right() - badgeRect.right() - 2 * pad,
                          face.height() - 2 * pad + 6);
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, shownText());
}

AnswerPanel::AnswerPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(10);

    m_question = plainLabel(this);
    m_question->setObjectName(QStringLiteral("questionLabel"));
    m_question->setAccessibleName(tr("Question"));
    layout->addWidget(m_question);

    // The own answer first among the fields (tests and tools find the first line edit).
    m_ownRow = new QWidget(this);
    auto* ownLayout = new QHBoxLayout(m_ownRow);
    ownLayout->setContentsMargins(0, 4, 0, 0);
    m_ownAnswer = new QLineEdit(m_ownRow);
    m_ownAnswer->setObjectName(QStringLiteral("ownAnswerField"));
    m_ownAnswer->setPlaceholderText(tr("My own answer…"));
    m_ownAnswer->setAccessibleName(tr("My own answer"));
    m_ownAnswer->setAccessibleDescription(tr("Type an answer of your own and press Enter"));
    m_ownAnswer->setMaxLength(OwnAnswerMaxLength);
    m_ownAnswer->setClearButtonEnabled(true);
    ownLayout->addWidget(m_ownAnswer, 1);
    m_ownButton = new QPushButton(tr("Answer"), m_ownRow);
    m_ownButton->setAccessibleName(tr("Send my own answer"));
    m_ownButton->setAccessibleDescription(tr("The story goes on with your own answer"));
    ownLayout->addWidget(m_ownButton);
    connect(m_ownAnswer, &QLineEdit::textChanged, this, &AnswerPanel::updateControls);
    connect(m_ownAnswer, &QLineEdit::returnPressed, this, [this] { submit(m_ownAnswer->text()); });
    connect(m_ownButton, &QPushButton::clicked, this, [this] { submit(m_ownAnswer->text()); });

    m_nameRow = new QWidget(this);
    auto* nameLayout = new QHBoxLayout(m_nameRow);
    nameLayout->setContentsMargins(0, 0, 0, 0);
    m_nameField = new QLineEdit(m_nameRow);
    m_nameField->setObjectName(QStringLiteral("nameField"));
    m_nameField->setPlaceholderText(tr("Type a name…"));
    m_nameField->setAccessibleName(tr("A name"));
    m_nameField->setAccessibleDescription(tr("Type the name you give and press Enter"));
    m_nameField->setMaxLength(OwnAnswerMaxLength);
    nameLayout->addWidget(m_nameField, 1);
    m_nameButton = new QPushButton(tr("That's the name"), m_nameRow);
    m_nameButton->setAccessibleName(tr("Give this name"));
    m_nameButton->setAccessibleDescription(tr("The story goes on with the name you typed"));
    nameLayout->addWidget(m_nameButton);
    connect(m_nameField, &QLineEdit::textChanged, this, &AnswerPanel::updateControls);
    connect(m_nameField, &QLineEdit::returnPressed, this, [this] { submit(m_nameField->text()); });
    connect(m_nameButton, &QPushButton::clicked, this, [this] { submit(m_nameField->text()); });

    m_describeRow = new QWidget(this);
    auto* describeLayout = new QVBoxLayout(m_describeRow);
    describeLayout->setContentsMargins(0, 0, 0, 0);
    m_describeField = new QPlainTextEdit(m_describeRow);
    m_describeField->setObjectName(QStringLiteral("describeField"));
    m_describeField->setPlaceholderText(tr("Tell it in your own words…"));
    m_describeField->setAccessibleName(tr("Your words"));
    m_describeField->setAccessibleDescription(tr("Describe it in your own words; the storyteller weaves them into the next page"));
    m_describeField->setTabChangesFocus(true);
    describeLayout->addWidget(m_describeField);
    m_describeButton = new QPushButton(tr("Tell the storyteller"), m_describeRow);
    m_describeButton->setAccessibleName(tr("Send your words"));
    m_describeButton->setAccessibleDescription(tr("The story goes on with what you wrote"));
    describeLayout->addWidget(m_describeButton, 0, Qt::AlignRight);
    connect(m_describeField, &QPlainTextEdit::textChanged, this, &AnswerPanel::updateControls);
    connect(m_describeButton, &QPushButton::clicked, this, [this] { submit(m_describeField->toPlainText()); });

    m_suggestions = plainLabel(this);
    m_suggestions->setObjectName(QStringLiteral("suggestionsLabel"));

    m_cardLayout = new QVBoxLayout;
    m_cardLayout->setSpacing(10);

    m_hint = plainLabel(this);
    m_hint->hide();

    // On screen: question, (name or describe field), (suggestions), cards, own answer, hint.
    layout->addWidget(m_nameRow);
    layout->addWidget(m_describeRow);
    layout->addWidget(m_suggestions);
    layout->addLayout(m_cardLayout);
    layout->addWidget(m_ownRow);
    layout->addWidget(m_hint);
    updateFields();
}

void AnswerPanel::setBodyFont(const QFont& body)
{
    m_body = body;
    const int px = pixelSize(body);
    QFont question = withSize(body, qRound(px * 1.05));
    question.setWeight(QFont::DemiBold);
    m_question->setFont(question);
    const QFont answer = withSize(body, qRound(px * (m_kind == Kind::Describe ? 0.8 : 0.95)));
    for (AnswerCard* card : std::as_const(m_cards))
        card->setFont(answer);
    const QFont field = withSize(body, qRound(px * 0.9));
    for (QWidget* widget : std::initializer_list<QWidget*>{m_ownAnswer, m_ownButton, m_nameField, m_nameButton, m_describeField, m_describeButton})
        widget->setFont(field);
    m_describeField->setFixedHeight(QFontMetrics(field).lineSpacing() * 3 + 16);
    m_suggestions->setFont(withSize(body, qRound(px * 0.75)));
    m_hint->setFont(withSize(body, qRound(px * 0.75)));
}

void AnswerPanel::setQuestion(Kind kind, const QString& question, const QString& storyLanguage)
{
    m_kind = kind;
    m_language = storyLanguage;
    QString header = question.trimmed();
    if (header.isEmpty()) {
        switch (kind) {
        case Kind::Guess:
            header = storyWords(storyLanguage, QT_TRANSLATE_NOOP("Storybook::StoryWords", "What do you guess?"));
            break;
        case Kind::Name:
            header = storyWords(storyLanguage, QT_TRANSLATE_NOOP("Storybook::StoryWords", "What should the name be?"));
            break;
        case Kind::Describe:
            header = storyWords(storyLanguage, QT_TRANSLATE_NOOP("Storybook::StoryWords", "What does it look like?"));
            break;
        case Kind::Choose:
            header = storyWords(storyLanguage, QT_TRANSLATE_NOOP("Storybook::StoryWords", "What happens next?"));
            break;
        }
    }
    m_question->setText(header);
    m_suggestions->setText(kind == Kind::Name ? storyWords(storyLanguage, QT_TRANSLATE_NOOP("Storybook::StoryWords", "Or pick a name:"))
                                              : storyWords(storyLanguage, QT_TRANSLATE_NOOP("Storybook::StoryWords", "Some ideas:")));
    if (!m_body.family().isEmpty())
        setBodyFont(m_body);
}

void AnswerPanel::setAnswers(const QList<AnswerChoice>& answers, bool ownAnswerAllowed)
{
    qDeleteAll(m_cards);
    m_cards.clear();
    m_answers = answers;
    m_ownAllowed = ownAnswerAllowed;
    const QString tag = m_kind == Kind::Guess ? storyWords(m_language, QT_TRANSLATE_NOOP("Storybook::StoryWords", "Guess:")) : QString();
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const AnswerChoice& answer = answers.at(i);
        auto* card = new AnswerCard(i < MaxNumbered ? int(i) + 1 : 0, answer.label, tag, this);
        card->setChecked(answer.followed);
        if (answer.followed)
            card->setToolTip(tr("The story goes this way"));
        else if (i < MaxNumbered)
            card->setToolTip(tr("Press %1 to choose this answer").arg(i + 1));
        card->setAccessibleDescription(i < MaxNumbered ? tr("Answer %1; press %1 to choose it").arg(i + 1) : tr("An answer"));
        connect(card, &QPushButton::clicked, this, [this, card, i] {
            if (i >= m_answers.size())
                return;
            card->setChecked(m_answers.at(i).followed);
            const AnswerChoice& chosen = m_answers.at(i);
            Q_EMIT answerChosen(chosen.optionIndex, chosen.optionIndex < 0 ? chosen.ownAnswer : QString());
        });
        m_cardLayout->addWidget(card);
        card->show(); // at once, not on the next event loop pass
        m_cards.append(card);
    }
    if (!m_body.family().isEmpty())
        setBodyFont(m_body);
    updateFields();
    updateControls();
    Q_EMIT answersChanged();
}

QList<QWidget*> AnswerPanel::tabOrder() const
{
    QList<QWidget*> order;
    if (!m_nameRow->isHidden())
        order << m_nameField << m_nameButton;
    if (!m_describeRow->isHidden())
        order << m_describeField << m_describeButton;
    for (AnswerCard* card : m_cards)
        order << card;
    if (!m_ownRow->isHidden())
        order << m_ownAnswer << m_ownButton;
    return order;
}

void AnswerPanel::updateFields()
{
    const bool name = m_ownAllowed && m_kind == Kind::Name;
    const bool describe = m_ownAllowed && m_kind == Kind::Describe;
    m_nameRow->setVisible(name);
    m_describeRow->setVisible(describe);
    m_suggestions->setVisible((name || describe) && !m_cards.isEmpty());
    m_ownRow->setVisible(m_ownAllowed && !name && !describe);
}

void AnswerPanel::setHint(const QString& hint)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

void AnswerPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateControls();
}

void AnswerPanel::updateControls()
{
    for (qsizetype i = 0; i < m_cards.size() && i < m_answers.size(); ++i)
        m_cards.at(i)->setEnabled(m_answers.at(i).enabled && !m_busy);
    m_ownAnswer->setEnabled(!m_busy);
    m_ownButton->setEnabled(!m_busy && !m_ownAnswer->text().trimmed().isEmpty());
    m_nameField->setEnabled(!m_busy);
    m_nameButton->setEnabled(!m_busy && !m_nameField->text().trimmed().isEmpty());
    m_describeField->setEnabled(!m_busy);
    m_describeButton->setEnabled(!m_busy && !m_describeField->toPlainText().trimmed().isEmpty());
}

bool AnswerPanel::chooseAnswer(int number)
{
    const int index = number - 1;
    if (index < 0 || index >= m_cards.size() || index >= MaxNumbered || isHidden())
        return false;
    AnswerCard* card = m_cards.at(index);
    if (!card->isEnabled())
        return false;
    card->click();
    return true;
}

bool AnswerPanel::isTyping() const
{
    return m_ownAnswer->hasFocus() || m_nameField->hasFocus() || m_describeField->hasFocus();
}

void AnswerPanel::submit(const QString& text)
{
    const QString answer = text.simplified();
    if (m_busy || answer.isEmpty() || !m_ownAllowed)
        return;
    m_ownAnswer->clear();
    m_nameField->clear();
    m_describeField->clear();
    Q_EMIT answerChosen(-1, answer);
}

} // namespace Storybook::Widgets
