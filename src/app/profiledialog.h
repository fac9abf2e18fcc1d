#pragma once

#include "profiles.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace Storybook::App {

// "Add a child…": a small form for a child profile (name, age, pronouns, reading level, favourite things,
// friends and siblings). The profile stays on this computer (Story::ProfileStore).
class ProfileDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ProfileDialog(QWidget* parent = nullptr);

    void setProfile(const Story::ChildProfile& profile);
    // The profile as entered (the id of setProfile()'s, else none).
    [[nodiscard]] Story::ChildProfile profile() const;

private:
    QString m_id;
    QLineEdit* m_name = nullptr;
    QSpinBox* m_age = nullptr;
    QComboBox* m_pronouns = nullptr;
    QComboBox* m_level = nullptr;
    QLineEdit* m_animals = nullptr;
    QLineEdit* m_colours = nullptr;
    QLineEdit* m_toys = nullptr;
    QLineEdit* m_friends = nullptr;
};

} // namespace Storybook::App
