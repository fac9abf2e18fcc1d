#pragma once

#include <QString>

class QSettings;

namespace Storybook::Speech {

// How pages are read aloud (QSettings group "speech"; shared by the app and the viewer).
struct SpeechSettings
{
    QString voice;     // preferred voice name; "" = the default voice of the story's language
    double rate = 0.0; // -1.0 slow … 0 normal … 1.0 fast

    [[nodiscard]] static SpeechSettings load(const QSettings& settings);
    void save(QSettings& settings) const;
    friend bool operator==(const SpeechSettings&, const SpeechSettings&) = default;
};

} // namespace Storybook::Speech
