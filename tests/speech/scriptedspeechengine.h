#pragma once

#include "speechengine.h"

#include <QStringList>
#include <QTimer>

namespace Storybook::Test {

// A speech engine for tests: "speaks" each text in `msPerText` milliseconds on a timer (so the event
// loop runs between sentences, as with a real engine), records what it was asked to say, and can be
// told to fail on the Nth text or to have no voice for a language.
class ScriptedSpeechEngine final : public Speech::SpeechEngine
{
public:
    explicit ScriptedSpeechEngine(int msPerText = 5, QObject* parent = nullptr)
        : SpeechEngine(parent)
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(msPerText);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_failAt >= 0 && said.size() - 1 == m_failAt)
                Q_EMIT failed(QStringLiteral("scripted failure"));
            else
                Q_EMIT spoken();
        });
    }

    QStringList said;         // every text passed to say()
    QStringList languages;    // every language passed to prepare()
    QStringList voicesAsked;  // every voice name passed to prepare()
    double rate = 0.0;
    int stops = 0;
    QString problemText;      // problem() while not empty
    QString missingLanguage;  // prepare() of this language reports a problem

    void failAt(int index) { m_failAt = index; }
    [[nodiscard]] bool isSpeaking() const { return m_timer.isActive(); }

    QString problem() const override { return problemText; }
    QList<Speech::Voice> voices() const override
    {
        return {{QStringLiteral("anna"), QLocale(QStringLiteral("en_US"))},
                {QStringLiteral("xiaoyan"), QLocale(QStringLiteral("zh_CN"))}};
    }
    QString prepare(const QString& language, const QString& voiceName) override
    {
        languages.append(language);
        voicesAsked.append(voiceName);
        return language == missingLanguage ? QStringLiteral("no voice for ") + language : QString();
    }
    void setRate(double value) override { rate = value; }
    void say(const QString& text) override
    {
        said.append(text);
        m_timer.start();
    }
    void stop() override
    {
        ++stops;
        m_timer.stop();
    }

private:
    QTimer m_timer;
    int m_failAt = -1;
};

} // namespace Storybook::Test
