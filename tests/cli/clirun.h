#pragma once

// Runs storybook-cli as a child process while the test's own event loop (and with it the fake server
// living in the test process) keeps turning.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <functional>

namespace Storybook::Test {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The system environment without proxy variables, with a private HOME and XDG folders under `home`,
// English messages and `apiKey` as STORYBOOK_API_KEY.
inline QProcessEnvironment cliEnvironment(const QString& home, const QString& apiKey)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& name : env.keys()) {
        if (name.endsWith(QLatin1String("_proxy"), Qt::CaseInsensitive) || name.startsWith(QLatin1String("STORYBOOK_")))
            env.remove(name);
    }
    env.insert(QStringLiteral("STORYBOOK_API_KEY"), apiKey);
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

// whileRunning: called once the process has started (to send it a signal, say).
inline CliRun runCli(const QString& program, const QStringList& arguments, const QProcessEnvironment& env, int timeoutMs = 60000,
                     const std::function<void(QProcess&)>& whileRunning = {})
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    CliRun result;
    if (!process.waitForStarted(10000))
        return result;
    if (whileRunning)
        whileRunning(process);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, timeoutMs); }();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace Storybook::Test
