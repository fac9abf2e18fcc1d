#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QAudioSink;
class QTimer;

namespace Storybook::Speech {

class ClipDecoder;
class PcmTimeline;

// Plays stored narration: a page's clips (encoded bytes from memory, as kept in the story) back to
// back as one continuous PCM stream into one QAudioSink, and says which clip is playing from the
// sink's playback position (processedUSecs), not from timers.
//
// Every clip is decoded to PCM first (ClipDecoder), in order: the first one at once, so sound starts
// as soon as it is ready; the next ones while the earlier ones play, appended to the stream without
// a gap. When the stream runs dry before the next clip is there (a clip still being decoded, or not
// given yet: append() while input is open), silence is played and the next clip starts after it;
// clipStarted() still comes from the position. finishInput() says no clip follows: finished() comes
// when the last one has been heard.
//
// Safe to destroy at any moment (the sink is stopped and deleted before the stream it reads).
class NarrationPlayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NarrationPlayer)

public:
    struct Clip
    {
        QByteArray bytes;
        QString mimeType;
    };
    // Where a clip sits in the stream that was played (microseconds from its start).
    struct Placement
    {
        qint64 startUs = 0;
        qint64 durationUs = 0;
    };

    explicit NarrationPlayer(QObject* parent = nullptr);
    ~NarrationPlayer() override;

    // Empty when sound can be played; else a translated sentence (no audio device).
    [[nodiscard]] static QString problem();

    // Plays `clips` in order (whatever was playing stops). With `more` true, input stays open:
    // append() adds clips and finishInput() closes it. Returns a translated problem, or empty.
    QString play(const QList<Clip>& clips, bool more = false);
    void append(const Clip& clip);
    void finishInput();
    void stop();

    [[nodiscard]] bool isPlaying() const { return m_playing; }
    [[nodiscard]] int clipCount() const { return int(m_clips.size()); }
    // The clip being heard now (from the playback position), -1 before the first.
    [[nodiscard]] int currentClip() const { return m_current; }
    // The sink's playback position in the stream (µs), 0 before sound started.
    [[nodiscard]] qint64 positionUs() const;
    // Where each clip decoded so far sits in the stream.
    [[nodiscard]] QList<Placement> placements() const;

Q_SIGNALS:
    // The playback position passed the start of clip `index` (the first sound: index 0).
    void clipStarted(int index);
    // Every clip was heard (after finishInput(); not after stop() or a failure).
    void finished();
    // Playing stopped on an error; `problem` is translated (e.g. no audio device).
    void failed(const QString& problem);
    void playingChanged(bool playing);

private:
    void decodeNext();
    void onDecoded(const QByteArray& pcm);
    void startSink();
    void poll();
    void fail(const QString& problem);
    void setPlaying(bool playing);

    QList<Clip> m_clips;
    QList<Placement> m_placements;
    int m_decodedCount = 0;
    bool m_inputOpen = false;
    bool m_playing = false;
    int m_current = -1;
    std::unique_ptr<ClipDecoder> m_decoder;
    std::unique_ptr<PcmTimeline> m_timeline;
    std::unique_ptr<QAudioSink> m_sink; // destroyed before m_timeline (declared after it)
    QTimer* m_poll = nullptr;
};

} // namespace Storybook::Speech
