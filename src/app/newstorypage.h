#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Storybook::App {

class IdeaPanel;

// Where a story is made: its own page beside the reading view (Story → New story), holding the
// idea form. What the parent types here stays while other stories are opened and read.
class NewStoryPage final : public QWidget
{
    Q_OBJECT

public:
    explicit NewStoryPage(QWidget* parent = nullptr);

    [[nodiscard]] IdeaPanel* ideaPanel() const { return m_idea; }
    // "Back to the story": shown when there is a story to go back to.
    void setCanGoBack(bool canGoBack);
    void focusIdea();

Q_SIGNALS:
    void backRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_heading = nullptr;
    QLabel* m_hint = nullptr;
    IdeaPanel* m_idea = nullptr;
    QPushButton* m_back = nullptr;
};

} // namespace Storybook::App
