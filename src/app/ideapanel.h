#pragma once

#include "familycast.h"
#include "profiles.h"
#include "story.h"

#include <memory>

#include <QWidget>

class QCheckBox;
class QLabel;
class QComboBox;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QLineEdit;
class QListWidget;
class QAction;

namespace Storybook::App {

// Where a story starts: the idea, the age band, language, length, style, and whether the child
// chooses on every page or the story is read to them. Sensible defaults, so one click works.
// Also the child as the hero (a profile; "Add a child…"), characters from the family cast (checkable)
// and typed ones, a lesson and the reading level. Profiles and the family cast are read from the files
// beside the library (setFamilyFolder()).
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
    // Reads the child profiles and the family cast kept beside the library folder `libraryFolder`.
    void setFamilyFolder(const QString& libraryFolder);
    [[nodiscard]] const Story::ProfileStore* profiles() const { return m_profiles.get(); }
    [[nodiscard]] const Story::FamilyCast* familyCast() const { return m_familyCast.get(); }
    // Adds `profile` to the profiles and makes it the hero. Empty, or why it could not be saved.
    QString addProfile(Story::ChildProfile profile);
    // Saves cast member `name` of `story` (with its character sheet) to the family cast. Empty, or why not.
    QString saveToFamilyCast(const Story::Story& story, const QString& name);
    // "Save a character to the family cast…" (for the Story menu): asks which member of `story`'s cast.
    void askSaveToFamilyCast(const Story::Story& story);
    // That menu item (owned here, its text kept in the interface's language).
    [[nodiscard]] QAction* saveToFamilyCastAction() const { return m_saveToCast; }

protected:
    void changeEvent(QEvent* event) override;

Q_SIGNALS:
    void generateRequested();
    void stopRequested();

private:
    void retranslate();
    void fillHeroes(const QString& selectId);
    void fillFamilyCast(const QStringList& checkedNames);
    void addChild();
    void showFamilyProblem(const QString& problem);

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

    QLabel* m_heroLabel = nullptr;
    QLabel* m_levelLabel = nullptr;
    QLabel* m_lessonLabel = nullptr;
    QLabel* m_castLabel = nullptr;
    QLabel* m_charactersLabel = nullptr;
    QLabel* m_familyProblem = nullptr;
    QComboBox* m_hero = nullptr;
    QPushButton* m_addChild = nullptr;
    QComboBox* m_level = nullptr;
    QLineEdit* m_lesson = nullptr;
    QListWidget* m_cast = nullptr;
    QAction* m_saveToCast = nullptr;
    QLineEdit* m_characters = nullptr;
    std::unique_ptr<Story::ProfileStore> m_profiles;
    std::unique_ptr<Story::FamilyCast> m_familyCast;
};

} // namespace Storybook::App
