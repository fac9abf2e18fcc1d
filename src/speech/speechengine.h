#pragma once

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>

#include <memory>

namespace Storybook::Speech {

// A voice a speech engine offers.
struct Voice
{
    QString name;
    QLocale locale;
};

// Speaks one piece of text at a time. The narrator drives it; the system engine wraps Qt
// TextToSpeech, tests drive a scripted one.
class SpeechEngine : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpeechEngine)

public:
    using QObject::QObject;
    ~SpeechEngine() override = default;

    // Empty when the engine can speak; else a translated sentence saying why not and what to do.
    [[nodiscard]] virtual QString problem() const = 0;
    // Every voice of every language the engine has.
    [[nodiscard]] virtual QList<Voice> voices() const = 0;
    // Prepares for text in `language` ("en", "zh", "zh_CN"...), preferring the voice named
    // `voiceName` when it speaks that language. Returns a translated problem (e.g. no voice for the
    // language) or an empty string.
    [[nodiscard]] virtual QString prepare(const QString& language, const QString& voiceName) = 0;
    // -1.0 (slow) … 0.0 (normal) … 1.0 (fast).
    virtual void setRate(double rate) = 0;
    // Speaks `text`; started() may follow when the engine begins to speak it (an engine that knows),
    // then spoken() when it has been said, or failed() when it cannot be.
    virtual void say(const QString& text) = 0;
    // Stops at once; no spoken() follows.
    virtual void stop() = 0;

Q_SIGNALS:
    void started();
    void spoken();
    void failed(const QString& problem);
};

// The platform's speech (Qt TextToSpeech) when this build has it, else an engine whose problem()
// says that reading aloud is not part of this build.
[[nodiscard]] std::unique_ptr<SpeechEngine> createSystemEngine(QObject* parent = nullptr);
// True when this build was made with Qt TextToSpeech.
[[nodiscard]] bool systemSpeechBuiltIn();

} // namespace Storybook::Speech
