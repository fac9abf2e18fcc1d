#include "voicesample.h"

#include "llmclient.h"
#include "speechjob.h"

#include <QAudioOutput>
#include <QDir>
#include <QLoggingCategory>
#include <QMediaPlayer>
#include <QTemporaryFile>
#include <QtEndian>

namespace Storybook::SettingsUi {

namespace {
Q_LOGGING_CATEGORY(lcSample, "storybook.settingsui.voicesample", QtInfoMsg)

void appendLe32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendLe16(QByteArray& out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}
} // namespace

VoiceSample::VoiceSample(QObject* parent)
    : QObject(parent)
{
}

VoiceSample::~VoiceSample()
{
    cancel();
}

QByteArray VoiceSample::wavOfPcm(const QByteArray& pcm, int sampleRate)
{
    const quint32 dataBytes = quint32(pcm.size() & ~qsizetype(1));
    QByteArray out;
    out.reserve(44 + dataBytes);
    out.append("RIFF", 4);
    appendLe32(out, 36 + dataBytes);
    out.append("WAVEfmt ", 8);
    appendLe32(out, 16);
    appendLe16(out, 1); // PCM
    appendLe16(out, 1); // mono
    appendLe32(out, quint32(sampleRate));
    appendLe32(out, quint32(sampleRate) * 2);
    appendLe16(out, 2);
    appendLe16(out, 16);
    out.append("data", 4);
    appendLe32(out, dataBytes);
    out.append(pcm.constData(), dataBytes);
    return out;
}

void VoiceSample::play(const Llm::ConnectionSettings& provider, const Llm::VoiceSettings& voice, const QString& text)
{
    cancel();
    m_audio.clear();
    m_playedMs = 0;
    m_client = new Llm::LlmClient(provider, this);
    Llm::SpeechRequest request;
    request.input = text;
    request.voice = voice.voice;
    request.speed = voice.speed;
    request.instructions = voice.instructions;
    request.format = voice.format;
    m_job = m_client->speech(request);
    m_state = State::Speaking;
    Llm::SpeechJob* job = m_job;
    connect(job, &Llm::RequestJob::finished, this, [this, job] {
        if (job != m_job)
            return;
        m_job = nullptr;
        if (job->error().isError()) {
            const Llm::LlmError& error = job->error();
            end(error.hint.isEmpty() ? error.message : error.message + u'\n' + error.hint);
            return;
        }
        for (const Llm::SpeechPart& part : job->result().parts)
            m_audio += part.bytes;
        m_format = job->result().format;
        Q_EMIT spoken(m_audio.size());
        startPlayback();
    });
}

void VoiceSample::startPlayback()
{
    QByteArray bytes = m_audio;
    Llm::AudioFormat format = m_format;
    if (format == Llm::AudioFormat::Pcm) {
        bytes = wavOfPcm(bytes, Llm::PcmSampleRate);
        format = Llm::AudioFormat::Wav;
    }
    // A file, not a QBuffer: every Qt 6.4 media backend plays a file, not every one a stream.
    m_file = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/storybook-sample-XXXXXX.")
                                              + Llm::audioFileExtensionOf(format));
    if (!m_file->open() || m_file->write(bytes) != bytes.size() || !m_file->flush()) {
        end(tr("The sample could not be kept in a temporary file for playing: %1").arg(m_file->errorString()));
        return;
    }
    m_file->close();
    m_output = std::make_unique<QAudioOutput>();
    m_player = std::make_unique<QMediaPlayer>();
    m_player->setAudioOutput(m_output.get());
    connect(m_player.get(), &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        if (state == QMediaPlayer::PlayingState && m_state == State::Speaking) {
            m_state = State::Playing;
            Q_EMIT playing();
        }
    });
    connect(m_player.get(), &QMediaPlayer::positionChanged, this,
            [this](qint64 position) { m_playedMs = qMax(m_playedMs, position); });
    connect(m_player.get(), &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::EndOfMedia) {
            m_playedMs = qMax(m_playedMs, qMax(m_player->position(), m_player->duration()));
            end(QString());
        }
        else if (status == QMediaPlayer::InvalidMedia)
            end(tr("The sample arrived (%1) but could not be played: %2")
                    .arg(Llm::audioFormatName(m_format), m_player->errorString()));
    });
    connect(m_player.get(), &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& message) {
        end(tr("The sample arrived (%1) but could not be played: %2").arg(Llm::audioFormatName(m_format), message));
    });
    m_player->setSource(QUrl::fromLocalFile(m_file->fileName()));
    m_player->play();
}

void VoiceSample::end(const QString& problem)
{
    if (m_state == State::Idle)
        return;
    if (!problem.isEmpty())
        qCInfo(lcSample).noquote() << "sample failed:" << problem;
    m_state = State::Idle;
    // The player may be the sender: it is stopped here and freed later.
    if (m_player)
        m_player->stop();
    Q_EMIT finished(problem);
}

void VoiceSample::stopPlayer()
{
    if (m_player) {
        disconnect(m_player.get(), nullptr, this, nullptr);
        m_player->stop();
        m_player->setSource(QUrl());
    }
    m_player.reset();
    m_output.reset();
    m_file.reset();
}

void VoiceSample::cancel()
{
    m_state = State::Idle;
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        m_job = nullptr;
    }
    delete m_client; // ends whatever it still runs
    stopPlayer();
}

} // namespace Storybook::SettingsUi
