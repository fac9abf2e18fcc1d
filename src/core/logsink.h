#pragma once

#include "redactor.h"

#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QString>

namespace Storybook {

Q_DECLARE_LOGGING_CATEGORY(lcApp)

// The process-wide log destination: a message handler that redacts every message, writes it to
// stderr (as Qt would) and to a size-rotated log file. Qt's message handler is global by nature;
// this object owns it for its lifetime and restores the previous handler when destroyed.
class LogSink final
{
public:
    struct Options
    {
        QString filePath;                  // empty: no file
        qint64 maxFileBytes = 1024 * 1024; // rotate past this size
        int keepFiles = 3;                 // storybook.log.1 .. .N
        bool toStderr = true;
    };

    explicit LogSink(Options options);
    ~LogSink();
    Q_DISABLE_COPY_MOVE(LogSink)

    // Secrets added here are masked in everything written from now on.
    void addSecret(const QString& secret);
    [[nodiscard]] QString filePath() const { return m_options.filePath; }

    // The default log file: <app data>/logs/storybook.log
    [[nodiscard]] static QString defaultFilePath();
    // The last maxBytes of the current log file, for the diagnostics view.
    [[nodiscard]] static QString tail(const QString& filePath, qint64 maxBytes = 64 * 1024);

private:
    static void handler(QtMsgType type, const QMessageLogContext& context, const QString& message);
    void write(QtMsgType type, const QMessageLogContext& context, const QString& message);
    void rotateIfNeeded();

    Options m_options;
    Redactor m_redactor;
    QFile m_file;
    QMutex m_mutex;
    QtMessageHandler m_previous = nullptr;
};

} // namespace Storybook
