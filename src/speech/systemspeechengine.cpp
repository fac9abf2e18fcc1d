// The platform's speech engine through Qt TextToSpeech (optional at build time).
#include "speechengine.h"

#include <QLoggingCategory>

#include <algorithm>
#include <utility>

#ifdef STORYBOOK_HAVE_TEXTTOSPEECH
#include <QTextToSpeech>
#include <QVoice>
#endif

namespace Storybook::Speech {

namespace {

#ifdef STORYBOOK_HAVE_TEXTTOSPEECH

Q_LOGGING_CATEGORY(lcSpeech, "storybook.speech", QtInfoMsg)

QString languageName(const QString& language)
{
    const QLocale locale(language);
    const QString name = locale.language() == QLocale::C ? language : locale.nativeLanguageName();
    return name;
}

class SystemSpeechEngine final : public SpeechEngine
{
    Q_OBJECT

public:
    explicit SystemSpeechEngine(QObject* parent)
        : SpeechEngine(parent)
    {
        // The first engine that starts wins, speech-dispatcher first on Linux (the system's voices and
        // sound output; Qt lists its engines in no particular order).
        QStringList engines = QTextToSpeech::availableEngines();
        std::stable_partition(engines.begin(), engines.end(),
                              [](const QString& engine) { return engine == QLatin1String("speechd"); });
        QStringList tried;
        for (const QString& engine : std::as_const(engines)) {
            auto* speech = new QTextToSpeech(engine, this);
            if (speech->state() != QTextToSpeech::Error) {
                m_speech = speech;
                break;
            }
            tried.append(engine + QStringLiteral(": ") + speech->errorString());
            delete speech;
        }
        if (!m_speech) {
            m_problem = QTextToSpeech::availableEngines().isEmpty()
                            ? tr("No speech engine is installed. Install speech-dispatcher (or another text-to-speech "
                                 "engine for your system) to have pages read aloud.")
                            : tr("The speech engine did not start (%1). Check that speech-dispatcher is running.")
                                  .arg(tried.join(QStringLiteral("; ")));
            qCInfo(lcSpeech) << "no usable speech engine:" << tried;
            return;
        }
        qCInfo(lcSpeech) << "speech engine" << m_speech->engine();
        connect(m_speech, &QTextToSpeech::stateChanged, this, &SystemSpeechEngine::onStateChanged);
    }

    QString problem() const override { return m_problem; }

    QList<Voice> voices() const override
    {
        QList<Voice> out;
        if (!m_speech)
            return out;
        const QLocale current = m_speech->locale();
        for (const QLocale& locale : m_speech->availableLocales()) {
            m_speech->setLocale(locale);
            for (const QVoice& voice : m_speech->availableVoices())
                out.append({voice.name(), voice.locale()});
        }
        m_speech->setLocale(current);
        return out;
    }

    QString prepare(const QString& language, const QString& voiceName) override
    {
        if (!m_speech)
            return m_problem;
        const QLocale wanted(language);
        const QLocale* match = nullptr;
        const QList<QLocale> locales = m_speech->availableLocales();
        for (const QLocale& locale : locales) {
            if (locale.language() == wanted.language()
                && (!match || (locale.territory() == wanted.territory() && match->territory() != wanted.territory())))
                match = &locale;
        }
        if (!match)
            return tr("There is no voice for %1 on this computer. Install one for your speech engine (for example "
                      "espeak-ng or a %1 voice for speech-dispatcher).")
                .arg(languageName(language));
        if (m_speech->locale() != *match)
            m_speech->setLocale(*match);
        const QList<QVoice> voices = m_speech->availableVoices();
        for (const QVoice& voice : voices) {
            if (!voiceName.isEmpty() && voice.name() == voiceName) {
                m_speech->setVoice(voice);
                return {};
            }
        }
        return {}; // the language's default voice
    }

    void setRate(double rate) override
    {
        if (m_speech)
            m_speech->setRate(qBound(-1.0, rate, 1.0));
    }

    void say(const QString& text) override
    {
        if (!m_speech) {
            Q_EMIT failed(m_problem);
            return;
        }
        m_saying = true;
        m_speaking = false;
        m_speech->say(text);
    }

    void stop() override
    {
        m_saying = false;
        m_speaking = false;
        if (m_speech)
            m_speech->stop();
    }

private:
    void onStateChanged(QTextToSpeech::State state)
    {
        if (!m_saying)
            return;
        switch (state) {
        case QTextToSpeech::Speaking:
            if (!std::exchange(m_speaking, true))
                Q_EMIT started();
            break;
        case QTextToSpeech::Ready:
            // Only after this text began: the Ready that a stop() causes may arrive after the next
            // say(), and is not the end of the next text.
            if (!m_speaking)
                break;
            m_saying = false;
            m_speaking = false;
            Q_EMIT spoken();
            break;
        case QTextToSpeech::Error: {
            m_saying = false;
            m_speaking = false;
            const QString reason = m_speech->errorString();
            qCWarning(lcSpeech) << "speech failed:" << reason;
            Q_EMIT failed(tr("The page could not be read aloud: %1. Check the sound output of this computer.")
                              .arg(reason.isEmpty() ? tr("the speech engine failed") : reason));
            break;
        }
        default:
            break;
        }
    }

    QTextToSpeech* m_speech = nullptr;
    QString m_problem;
    bool m_saying = false;   // between say() and its end
    bool m_speaking = false; // the engine has begun the text of the last say()
};

#else

// What a build without Qt TextToSpeech has: an explanation.
class MissingSpeechEngine final : public SpeechEngine
{
    Q_OBJECT

public:
    using SpeechEngine::SpeechEngine;
    QString problem() const override
    {
        return tr("This copy of Interactive Storybook was built without text-to-speech, so it cannot read aloud.");
    }
    QList<Voice> voices() const override { return {}; }
    QString prepare(const QString&, const QString&) override { return problem(); }
    void setRate(double) override {}
    void say(const QString&) override { Q_EMIT failed(problem()); }
    void stop() override {}
};

#endif

} // namespace

std::unique_ptr<SpeechEngine> createSystemEngine(QObject* parent)
{
#ifdef STORYBOOK_HAVE_TEXTTOSPEECH
    return std::make_unique<SystemSpeechEngine>(parent);
#else
    return std::make_unique<MissingSpeechEngine>(parent);
#endif
}

bool systemSpeechBuiltIn()
{
#ifdef STORYBOOK_HAVE_TEXTTOSPEECH
    return true;
#else
    return false;
#endif
}

} // namespace Storybook::Speech

#include "systemspeechengine.moc"
