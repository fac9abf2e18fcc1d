#include "clipdecoder.h"

#include <QAudioBuffer>
#include <QAudioDecoder>
#include <QBuffer>
#include <QTimer>
#include <QtEndian>

namespace Storybook::Speech {

namespace {

constexpr int kSampleRate = 24000;

// The PCM data of a WAV file that is 16-bit mono at kSampleRate, else nullopt (another layout goes
// through the decoder, which converts it).
std::optional<QByteArray> wavPcm(const QByteArray& bytes)
{
    if (bytes.size() < 12 || !bytes.startsWith("RIFF") || bytes.mid(8, 4) != "WAVE")
        return std::nullopt;
    qsizetype at = 12;
    bool formatOk = false;
    while (at + 8 <= bytes.size()) {
        const QByteArray id = bytes.mid(at, 4);
        const quint32 size = qFromLittleEndian<quint32>(bytes.constData() + at + 4);
        const qsizetype body = at + 8;
        if (id == "fmt ") {
            if (size < 16 || body + 16 > bytes.size())
                return std::nullopt;
            const char* f = bytes.constData() + body;
            formatOk = qFromLittleEndian<quint16>(f) == 1 && qFromLittleEndian<quint16>(f + 2) == 1
                && qFromLittleEndian<quint32>(f + 4) == kSampleRate && qFromLittleEndian<quint16>(f + 14) == 16;
        } else if (id == "data") {
            if (!formatOk)
                return std::nullopt;
            // Streamed WAV may say 0 or 0xFFFFFFFF: the data runs to the end of the file then.
            qsizetype length = (size == 0 || size == 0xFFFFFFFFu) ? bytes.size() - body : qsizetype(size);
            length = qMin(length, bytes.size() - body) & ~qsizetype(1);
            return bytes.mid(body, length);
        }
        at = body + qsizetype(size) + (size & 1);
    }
    return std::nullopt;
}

} // namespace

ClipDecoder::ClipDecoder(QObject* parent)
    : QObject(parent)
{
}

ClipDecoder::~ClipDecoder()
{
    stop();
}

QAudioFormat ClipDecoder::pcmFormat()
{
    QAudioFormat format;
    format.setSampleRate(kSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

std::optional<QByteArray> ClipDecoder::directPcm(const QByteArray& bytes, const QString& mimeType)
{
    if (mimeType == QLatin1String("audio/pcm") || mimeType == QLatin1String("audio/L16"))
        return bytes.left(bytes.size() & ~qsizetype(1));
    return wavPcm(bytes); // whatever the mime type says: the bytes decide
}

void ClipDecoder::start(const QByteArray& bytes, const QString& mimeType)
{
    stop();
    m_busy = true;
    if (std::optional<QByteArray> pcm = directPcm(bytes, mimeType)) {
        m_pcm = *pcm;
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (m_busy && generation == m_generation)
                finish();
        });
        return;
    }
    m_bytes = bytes;
    m_pcm.clear();
    m_buffer = std::make_unique<QBuffer>(&m_bytes);
    m_buffer->open(QIODevice::ReadOnly);
    m_decoder = std::make_unique<QAudioDecoder>();
    m_decoder->setAudioFormat(pcmFormat());
    connect(m_decoder.get(), &QAudioDecoder::bufferReady, this, [this] {
        while (m_decoder && m_decoder->bufferAvailable()) {
            const QAudioBuffer buffer = m_decoder->read();
            if (buffer.format() == pcmFormat())
                m_pcm.append(buffer.constData<char>(), buffer.byteCount());
        }
    });
    connect(m_decoder.get(), &QAudioDecoder::finished, this, [this] {
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (m_busy && generation == m_generation)
                finish();
        });
    });
    connect(m_decoder.get(), qOverload<QAudioDecoder::Error>(&QAudioDecoder::error), this, [this](QAudioDecoder::Error) {
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (!m_busy || generation != m_generation)
                return;
            stop();
            Q_EMIT failed(tr("A sound kept in the story could not be read."));
        });
    });
    m_decoder->setSourceDevice(m_buffer.get());
    m_decoder->start();
}

void ClipDecoder::finish()
{
    if (m_decoder)
        m_decoder->stop();
    const QByteArray pcm = m_pcm;
    stop();
    if (pcm.isEmpty()) {
        Q_EMIT failed(tr("A sound kept in the story could not be read."));
        return;
    }
    Q_EMIT decoded(pcm);
}

void ClipDecoder::stop()
{
    m_busy = false;
    ++m_generation;
    if (m_decoder) {
        m_decoder->disconnect(this);
        m_decoder->stop();
        m_decoder.reset();
    }
    m_buffer.reset();
    m_bytes.clear();
    m_pcm.clear();
}

} // namespace Storybook::Speech
