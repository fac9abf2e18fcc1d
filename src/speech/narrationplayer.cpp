#include "narrationplayer.h"

#include "clipdecoder.h"

#include <QAudioDevice>
#include <QAudioSink>
#include <QIODevice>
#include <QMediaDevices>
#include <QTimer>

#include <cstring>

namespace Storybook::Speech {

namespace {

constexpr int kPollMs = 5;
constexpr int kBytesPerSecond = 24000 * 2; // ClipDecoder::pcmFormat()
constexpr qint64 kSilenceChunk = kBytesPerSecond / 50; // 20 ms of silence at a time when starved

qint64 bytesToUs(qint64 bytes)
{
    return bytes * 1000000 / kBytesPerSecond;
}

} // namespace

// The stream the sink pulls: every decoded clip one after the other, and silence where the next
// clip was not there in time (recorded, so clip positions stay true). Past the end of the last clip
// (input finished) it gives silence that is not part of the timeline, until the player stops.
class PcmTimeline final : public QIODevice
{
public:
    PcmTimeline() { open(QIODevice::ReadOnly); }

    // Appends a clip's PCM; returns where it starts (bytes).
    qint64 appendClip(const QByteArray& pcm)
    {
        const qint64 start = m_data.size();
        m_data.append(pcm);
        return start;
    }
    void setEnded(bool ended) { m_ended = ended; }
    [[nodiscard]] qint64 size() const override { return m_data.size(); }
    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] qint64 bytesAvailable() const override { return kSilenceChunk + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        maxSize &= ~qint64(1);
        if (maxSize <= 0)
            return 0;
        const qint64 left = m_data.size() - m_read;
        if (left > 0) {
            const qint64 n = qMin(left, maxSize);
            std::memcpy(data, m_data.constData() + m_read, size_t(n));
            m_read += n;
            return n;
        }
        // Starved: silence. Part of the timeline while more is to come (the next clip starts after it).
        const qint64 n = qMin(maxSize, kSilenceChunk);
        std::memset(data, 0, size_t(n));
        if (!m_ended) {
            m_data.append(QByteArray(n, '\0'));
            m_read += n;
        }
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
    bool m_ended = false;
};

NarrationPlayer::NarrationPlayer(QObject* parent)
    : QObject(parent)
    , m_decoder(std::make_unique<ClipDecoder>())
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(kPollMs);
    m_poll->setTimerType(Qt::PreciseTimer);
    connect(m_poll, &QTimer::timeout, this, &NarrationPlayer::poll);
    connect(m_decoder.get(), &ClipDecoder::decoded, this, &NarrationPlayer::onDecoded);
    connect(m_decoder.get(), &ClipDecoder::failed, this, &NarrationPlayer::fail);
}

NarrationPlayer::~NarrationPlayer()
{
    m_poll->stop();
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
    }
    m_sink.reset();
    m_timeline.reset();
    m_decoder->disconnect(this);
    m_decoder->stop();
}

QString NarrationPlayer::problem()
{
    if (QMediaDevices::audioOutputs().isEmpty())
        return tr("No audio device was found, so the narration kept in the story cannot be played.");
    return {};
}

QString NarrationPlayer::play(const QList<Clip>& clips, bool more)
{
    stop();
    if (QString why = problem(); !why.isEmpty())
        return why;
    m_clips = clips;
    m_inputOpen = more;
    m_timeline = std::make_unique<PcmTimeline>();
    m_placements.clear();
    if (m_clips.isEmpty() && !m_inputOpen) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
        return {};
    }
    setPlaying(true);
    decodeNext();
    return {};
}

void NarrationPlayer::append(const Clip& clip)
{
    if (!m_playing || !m_inputOpen)
        return;
    m_clips.append(clip);
    if (!m_decoder->isBusy())
        decodeNext();
}

void NarrationPlayer::finishInput()
{
    m_inputOpen = false;
    if (m_playing && m_decodedCount == m_clips.size() && m_timeline)
        m_timeline->setEnded(true);
    if (m_playing && !m_sink && m_decodedCount == m_clips.size()) {
        // Nothing was ever given, or nothing to hear: done.
        stop();
        Q_EMIT finished();
    }
}

void NarrationPlayer::stop()
{
    m_poll->stop();
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
        m_sink.reset();
    }
    m_decoder->stop();
    m_timeline.reset();
    m_clips.clear();
    m_decodedCount = 0;
    m_inputOpen = false;
    m_current = -1;
    setPlaying(false);
}

qint64 NarrationPlayer::positionUs() const
{
    return m_sink ? m_sink->processedUSecs() : 0;
}

QList<NarrationPlayer::Placement> NarrationPlayer::placements() const
{
    return m_placements;
}

void NarrationPlayer::decodeNext()
{
    if (m_decodedCount < m_clips.size()) {
        const Clip& clip = m_clips.at(m_decodedCount);
        m_decoder->start(clip.bytes, clip.mimeType);
    }
}

void NarrationPlayer::onDecoded(const QByteArray& pcm)
{
    if (!m_playing || !m_timeline)
        return;
    const qint64 start = m_timeline->appendClip(pcm);
    m_placements.append({bytesToUs(start), bytesToUs(pcm.size())});
    ++m_decodedCount;
    if (!m_inputOpen && m_decodedCount == m_clips.size())
        m_timeline->setEnded(true);
    if (!m_sink)
        startSink();
    decodeNext();
}

void NarrationPlayer::startSink()
{
    m_sink = std::make_unique<QAudioSink>(QMediaDevices::defaultAudioOutput(), ClipDecoder::pcmFormat());
    connect(m_sink.get(), &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::StoppedState && m_sink && m_sink->error() != QAudio::NoError && m_playing)
            fail(tr("The sound device stopped playing the narration."));
    });
    m_sink->start(m_timeline.get());
    if (m_sink->error() != QAudio::NoError) {
        fail(tr("The sound device could not play the narration."));
        return;
    }
    m_poll->start();
}

void NarrationPlayer::poll()
{
    if (!m_playing || !m_sink)
        return;
    const qint64 position = positionUs();
    int current = m_current;
    while (current + 1 < m_placements.size() && position > m_placements.at(current + 1).startUs)
        ++current;
    while (m_current < current) {
        ++m_current;
        Q_EMIT clipStarted(m_current);
        if (!m_playing) // a slot stopped us
            return;
    }
    if (!m_inputOpen && m_decodedCount == m_clips.size() && !m_placements.isEmpty()) {
        const Placement& last = m_placements.last();
        if (position >= last.startUs + last.durationUs) {
            stop();
            Q_EMIT finished();
        }
    }
}

void NarrationPlayer::fail(const QString& problem)
{
    if (!m_playing)
        return;
    stop();
    Q_EMIT failed(problem);
}

void NarrationPlayer::setPlaying(bool playing)
{
    if (m_playing == playing)
        return;
    m_playing = playing;
    Q_EMIT playingChanged(playing);
}

} // namespace Storybook::Speech
