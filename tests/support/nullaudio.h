#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace Storybook::Test {

/*!
 * A PulseAudio server of the test's own with a null sink ("storybook_null", the default sink): audio
 * played into it is consumed at the real rate and never heard, so playback runs headless and its
 * positions are real. Optionally a sine source ("storybook_sine", the default source): a microphone
 * that always hears a tone (for recording tests).
 *
 *     pulseaudio -n --daemonize=no --exit-idle-time=-1 --disallow-exit --use-pid-file=no -F /dev/null
 *                --load="module-null-sink sink_name=storybook_null"
 *                --load="module-native-protocol-unix socket=DIR/native auth-anonymous=1"
 *                [--load="module-sine-source source_name=storybook_sine frequency=440"]
 *
 * with HOME and XDG_RUNTIME_DIR in a temporary folder (isolatedEnvironment). start() returns once
 * `pactl -s unix:DIR/native info` answers (bounded, ≤ 10 s) and, unless told otherwise, sets
 * PULSE_SERVER for this process (qputenv) so that Qt Multimedia in the test plays into it; stop()
 * (also the destructor) ends the server by PID (SIGTERM, bounded wait, SIGKILL) and restores the
 * previous PULSE_SERVER.
 */
class NullAudioServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NullAudioServer)

public:
    struct Options
    {
        bool sineSource = false;    //!< also load module-sine-source as the default source
        int sineFrequency = 440;    //!< Hz
        bool setEnvironment = true; //!< set PULSE_SERVER for this process while running
    };

    explicit NullAudioServer(QObject* parent = nullptr);
    ~NullAudioServer() override;

    //! pulseaudio and pactl are installed.
    [[nodiscard]] static bool available();

    bool start() { return start(Options{}); }
    bool start(const Options& options);
    void stop();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] qint64 pid() const;
    //! "unix:/path/to/native", the value for PULSE_SERVER.
    [[nodiscard]] QString serverAddress() const;
    //! `base` with PULSE_SERVER set to this server (for a child process).
    [[nodiscard]] QProcessEnvironment environment(QProcessEnvironment base) const;
    [[nodiscard]] static QString sinkName() { return QStringLiteral("storybook_null"); }
    [[nodiscard]] static QString sineSourceName() { return QStringLiteral("storybook_sine"); }
    //! Runs `pactl -s ADDRESS args…` (≤ 5 s); its standard output, or nullopt-like empty + false.
    bool pactl(const QStringList& arguments, QString* output = nullptr) const;
    [[nodiscard]] QString errorString() const { return m_error; }
    //! The server's log (for a failure message).
    [[nodiscard]] QString log() const;

private:
    std::unique_ptr<QTemporaryDir> m_root;
    QProcess* m_server = nullptr;
    QString m_socket;
    QString m_error;
    bool m_envSet = false;
    bool m_hadPulseServer = false;
    QByteArray m_previousPulseServer;
};

} // namespace Storybook::Test
