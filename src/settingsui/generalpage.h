#pragma once

#include "speechsettings.h"

#include <QWidget>

#include <memory>

namespace Ui {
class GeneralPage;
}

namespace Storybook::Speech {
class SpeechEngine;
}

namespace Storybook::SettingsUi {

// Settings → General: the interface language and reading aloud (voice, speed, "Listen"). The speech
// engine, which may take a moment to start, is made when the page is first shown.
class GeneralPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralPage)

public:
    GeneralPage(const QString& language, const Speech::SpeechSettings& speech, QWidget* parent = nullptr);
    ~GeneralPage() override;

    [[nodiscard]] QString language() const; // "" = the system's, "en", "zh_CN"
    [[nodiscard]] Speech::SpeechSettings speech() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fillVoices();
    void updateSpeedLabel();
    void tryVoice();
    void showSpeechProblem(const QString& problem);

    std::unique_ptr<Ui::GeneralPage> m_ui;
    std::unique_ptr<Speech::SpeechEngine> m_speechEngine;
};

} // namespace Storybook::SettingsUi
