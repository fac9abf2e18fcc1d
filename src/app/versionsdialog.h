#pragma once

#include "story.h"

#include <QDialog>

#include <memory>

class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Storybook::App {

// "Earlier versions…": the versions of one page that "Write this page again" or an edit by hand
// replaced, each with its text, question, answers and how many pages were written below it. The
// one chosen can be restored (chosenVersion() after exec() returned Accepted).
class VersionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionsDialog)

public:
    VersionsDialog(std::shared_ptr<const Story::Story> story, const QString& pageId, QWidget* parent = nullptr);
    ~VersionsDialog() override;

    // Index into the page's previousVersions, or -1.
    [[nodiscard]] qsizetype chosenVersion() const;
    [[nodiscard]] QListWidget* list() const { return m_list; }

    // What a version shows: its text, then its question and answers (plain text, never markup).
    [[nodiscard]] static QString describe(const Story::PageVersion& version, qsizetype branches);

private:
    void showVersion(int row);

    std::shared_ptr<const Story::Story> m_story;
    QString m_pageId;
    QListWidget* m_list = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QPushButton* m_restore = nullptr;
};

} // namespace Storybook::App
