#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace Storybook::Test {

/*!
 * A speech-dispatcher of the test's own that really speaks, into a null audio sink: its espeak-ng
 * module (Debian package speech-dispatcher-espeak-ng) synthesises every text, and the audio goes
 * to libao's "null" driver (`AudioOutputMethod "libao"`, `default_driver=null` in the server's own
 * throw-away HOME/.libao), so it works on a machine with no sound device and never makes a sound.
 *
 *     speech-dispatcher -s -t 0 -c unix_socket -S SOCKET -C CONFIG -m MODULES -L LOGS   (isolated HOME)
 *
 * start() returns once the socket exists (≤ 10 s). A client uses it through the environment variable
 * SPEECHD_ADDRESS=address() (libspeechd reads it when it connects; Qt TextToSpeech's "speechd"
 * engine does so when it is created). stop() (also the destructor) ends the server by PID (SIGTERM,
 * bounded wait, SIGKILL); the server ends its module.
 */
class NullAudioSpeechDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NullAudioSpeechDispatcher)

public:
    explicit NullAudioSpeechDispatcher(QObject* parent = nullptr);
    ~NullAudioSpeechDispatcher() override;

    //! speech-dispatcher and its espeak-ng module are installed.
    [[nodiscard]] static bool available();

    bool start();
    void stop();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] qint64 pid() const;
    //! "unix_socket:/path/to/socket", for SPEECHD_ADDRESS.
    [[nodiscard]] QByteArray address() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    //! The server's log (for a failure message).
    [[nodiscard]] QString log() const;

private:
    std::unique_ptr<QTemporaryDir> m_root;
    QProcess* m_server = nullptr;
    QString m_socket;
    QString m_error;
};

} // namespace Storybook::Test
