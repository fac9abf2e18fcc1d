#pragma once

#include "story.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QComboBox;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QLineEdit;

namespace Storybook::App {

// Where a story starts: the idea, the age band, language, length, style, and whether the child
// chooses on every page or the story is read to them. Sensible defaults, so one click works.
class IdeaPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit IdeaPanel(QWidget* parent = nullptr);

    [[nodiscard]] Story::StorySettings settings() const;
    void setSettings(const Story::StorySettings& settings);
    // Whether new stories are illustrated, and in which art style, until the user changes it here.
    void setPictureDefaults(bool pictures, const QString& artStyle);
    void setBusy(bool busy);
    // The keyboard focus in the idea field.
    void focusIdea();

protected:
    void changeEvent(QEvent* event) override;

Q_SIGNALS:
    void generateRequested();
    void stopRequested();

private:
    void retranslate();

    QLabel* m_ideaLabel = nullptr;
    QLabel* m_ageLabel = nullptr;
    QLabel* m_languageLabel = nullptr;
    QLabel* m_pagesLabel = nullptr;
    QLabel* m_styleLabel = nullptr;
    QLabel* m_artStyleLabel = nullptr;
    QPlainTextEdit* m_idea = nullptr;
    QComboBox* m_age = nullptr;
    QComboBox* m_language = nullptr;
    QSpinBox* m_pages = nullptr;
    QLineEdit* m_style = nullptr;
    QCheckBox* m_pictures = nullptr;
    QComboBox* m_artStyle = nullptr;
    QRadioButton* m_interactive = nullptr;
    QRadioButton* m_readToMe = nullptr;
    QPushButton* m_generate = nullptr;
    QPushButton* m_stop = nullptr;
};

} // namespace Storybook::App
