#include "narrator.h"

#include "sentencesplitter.h"
#include "speechengine.h"

namespace Storybook::Speech {

Narrator::Narrator(SpeechEngine* engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
{
    if (!engine)
        return;
    connect(engine, &SpeechEngine::spoken, this, [this] {
        if (isReading())
            next();
    });
    connect(engine, &SpeechEngine::failed, this, [this](const QString& problem) {
        if (!isReading())
            return;
        m_parts.clear();
        setIndex(-1);
        Q_EMIT failed(problem);
    });
    connect(engine, &QObject::destroyed, this, [this] {
        m_parts.clear();
        setIndex(-1);
    });
}

Narrator::~Narrator()
{
    if (m_engine && isReading())
        m_engine->stop();
}

QList<Narrator::Part> Narrator::partsForPage(const QString& text, const QString& question, const QStringList& answers)
{
    QList<Part> parts;
    for (const Sentence& sentence : splitSentences(text))
        parts.append({text.mid(sentence.start, sentence.length), sentence.start, sentence.length});
    for (const QString& extra : QStringList{question} + answers) {
        for (const Sentence& sentence : splitSentences(extra))
            parts.append({extra.mid(sentence.start, sentence.length), -1, 0});
    }
    return parts;
}

QString Narrator::problem() const
{
    return m_engine ? m_engine->problem() : tr("Reading aloud is not available.");
}

void Narrator::setRate(double rate)
{
    if (m_engine)
        m_engine->setRate(rate);
}

QString Narrator::read(const QList<Part>& parts, const QString& language)
{
    stop();
    if (!m_engine)
        return problem();
    if (QString problem = m_engine->problem(); !problem.isEmpty())
        return problem;
    if (QString problem = m_engine->prepare(language, m_voice); !problem.isEmpty())
        return problem;
    m_parts = parts;
    if (m_parts.isEmpty()) {
        Q_EMIT finished();
        return {};
    }
    setIndex(0);
    Q_EMIT partStarted(0, m_parts.first().start, m_parts.first().length);
    m_engine->say(m_parts.first().text);
    return {};
}

void Narrator::stop()
{
    if (!isReading())
        return;
    m_parts.clear();
    setIndex(-1);
    if (m_engine)
        m_engine->stop();
}

void Narrator::next()
{
    const int index = m_index + 1;
    if (index >= m_parts.size()) {
        m_parts.clear();
        setIndex(-1);
        Q_EMIT finished();
        return;
    }
    setIndex(index);
    const Part& part = m_parts.at(index);
    Q_EMIT partStarted(index, part.start, part.length);
    if (m_engine && m_index == index) // a slot may have stopped us
        m_engine->say(part.text);
}

void Narrator::setIndex(int index)
{
    const bool was = isReading();
    m_index = index;
    if (was != isReading())
        Q_EMIT readingChanged(isReading());
}

} // namespace Storybook::Speech
