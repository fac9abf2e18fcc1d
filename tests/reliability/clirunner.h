#pragma once

// Runs storybook-cli as a black box while this process's event loop keeps turning (the fake
// server and the proxies' peers live here). Shared by the reliability tests.
#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace Storybook::Test {

struct CliRun
{
    int exitCode = -1; // -1: crashed, killed after the time limit, or never started
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
};

// The environment of a hermetic CLI run: no proxy variables, HOME and the XDG folders under `home`,
// English messages, UTF-8.
QProcessEnvironment hermeticEnvironment(const QString& home);

// Starts `program` with `arguments`, waits at most `timeoutMs` (then kills it by its PID) and
// collects its exit code and output.
CliRun runProgram(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment,
                  int timeoutMs = 30000);

} // namespace Storybook::Test
