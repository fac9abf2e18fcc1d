#include "logsink.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <atomic>
#include <cstdio>

namespace Storybook {

Q_LOGGING_CATEGORY(lcApp, "storybook.app", QtInfoMsg)

namespace {
std::atomic<LogSink*> g_sink{nullptr};

const char* typeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}
} // namespace

LogSink::LogSink(Options options)
    : m_options(std::move(options))
{
    if (!m_options.filePath.isEmpty()) {
        QDir().mkpath(QFileInfo(m_options.filePath).absolutePath());
        m_file.setFileName(m_options.filePath);
        if (!m_file.open(QIODevice::Append | QIODevice::Text))
            std::fprintf(stderr, "warning: cannot open the log file %s: %s\n", qPrintable(m_options.filePath),
                         qPrintable(m_file.errorString()));
    }
    g_sink.store(this);
    m_previous = qInstallMessageHandler(&LogSink::handler);
}

LogSink::~LogSink()
{
    qInstallMessageHandler(m_previous);
    g_sink.store(nullptr);
}

void LogSink::addSecret(const QString& secret)
{
    QMutexLocker lock(&m_mutex);
    m_redactor.addSecret(secret);
}

QString LogSink::defaultFilePath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return base.isEmpty() ? QString() : base + QStringLiteral("/logs/storybook.log");
}

QString LogSink::tail(const QString& filePath, qint64 maxBytes)
{
    // The newest lines may have just been rotated into <file>.1: read across the two.
    QByteArray data;
    for (const QString& path : QStringList{filePath, filePath + QStringLiteral(".1")}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const qint64 wanted = maxBytes - data.size();
        if (file.size() > wanted)
            file.seek(file.size() - wanted);
        data.prepend(file.readAll());
        if (data.size() >= maxBytes)
            break;
    }
    if (data.size() >= maxBytes) {
        // Start at a whole line, so no UTF-8 sequence is cut.
        const qsizetype newline = data.indexOf('\n');
        if (newline >= 0)
            data.remove(0, newline + 1);
    }
    return QString::fromUtf8(data);
}

void LogSink::handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (LogSink* sink = g_sink.load())
        sink->write(type, context, message);
}

void LogSink::write(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    QMutexLocker lock(&m_mutex);
    const QString clean = m_redactor.redact(message);
    const QByteArray category = context.category ? QByteArray(context.category) : QByteArray("default");
    if (m_options.toStderr) {
        const QByteArray line = category + ": " + clean.toUtf8() + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    }
    if (m_file.isOpen()) {
        const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' '
                                + typeName(type) + ' ' + category + ": " + clean.toUtf8() + '\n';
        m_file.write(line);
        m_file.flush();
        rotateIfNeeded();
    }
}

void LogSink::rotateIfNeeded()
{
    if (m_file.size() < m_options.maxFileBytes)
        return;
    m_file.close();
    const QString base = m_options.filePath;
    QFile::remove(base + u'.' + QString::number(m_options.keepFiles));
    for (int i = m_options.keepFiles - 1; i >= 1; --i)
        QFile::rename(base + u'.' + QString::number(i), base + u'.' + QString::number(i + 1));
    QFile::rename(base, base + QStringLiteral(".1"));
    m_file.setFileName(base);
    (void)m_file.open(QIODevice::Append | QIODevice::Text);
}

} // namespace Storybook
