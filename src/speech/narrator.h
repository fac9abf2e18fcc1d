#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Storybook::Speech {

class SpeechEngine;

// Reads a page aloud one sentence at a time through a speech engine and says which part of the
// page text is being read, so the view can highlight it.
class Narrator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Narrator)

public:
    // One piece to read: a sentence of the page text (start/length in that text), or words that are
    // not in it (the question, an answer), with start -1.
    struct Part
    {
        QString text;
        int start = -1;
        int length = 0;
    };

    // The engine is not owned and must outlive the narrator or be destroyed first (then the
    // narrator stops).
    explicit Narrator(SpeechEngine* engine, QObject* parent = nullptr);
    ~Narrator() override;

    // What to read for a page: its text sentence by sentence, then the question and the answers.
    [[nodiscard]] static QList<Part> partsForPage(const QString& text, const QString& question = {},
                                                  const QStringList& answers = {});

    [[nodiscard]] QString problem() const;
    void setVoice(const QString& name) { m_voice = name; }
    void setRate(double rate);

    // Starts reading (stopping whatever was being read). Returns a translated problem, or an empty
    // string when reading started.
    QString read(const QList<Part>& parts, const QString& language);
    void stop();
    [[nodiscard]] bool isReading() const { return m_index >= 0; }
    [[nodiscard]] int currentPart() const { return m_index; }

Q_SIGNALS:
    // The part `index` of what read() was given is being read now.
    void partStarted(int index, int start, int length);
    // Everything was read (not emitted after stop() or a failure).
    void finished();
    // Reading stopped by itself because the engine failed; `problem` is translated.
    void failed(const QString& problem);
    void readingChanged(bool reading);

private:
    void next();
    void setIndex(int index);

    QPointer<SpeechEngine> m_engine;
    QList<Part> m_parts;
    QString m_voice;
    int m_index = -1;
};

} // namespace Storybook::Speech
