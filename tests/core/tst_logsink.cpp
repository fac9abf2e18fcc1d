#include "logsink.h"

#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

Q_LOGGING_CATEGORY(lcTestLog, "storybook.test.log", QtInfoMsg)

using Storybook::LogSink;

class TestLogSink final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotatesAndRedacts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("logs/storybook.log"));
        {
            LogSink::Options options;
            options.filePath = path;
            options.maxFileBytes = 400;
            options.keepFiles = 2;
            options.toStderr = false;
            LogSink sink(options);
            sink.addSecret(QStringLiteral("sk-log-SECRET-123456"));
            for (int i = 0; i < 60; ++i)
                qCInfo(lcTestLog) << "line" << i << "key sk-log-SECRET-123456 and Authorization: Bearer abc.def";
        }
        QVERIFY(QFile::exists(path));
        QVERIFY(QFile::exists(path + QStringLiteral(".1")));
        QVERIFY(QFile::exists(path + QStringLiteral(".2")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
        for (const QString& file : QDir(dir.filePath(QStringLiteral("logs"))).entryList(QDir::Files)) {
            QFile f(dir.filePath(QStringLiteral("logs/") + file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY(f.size() <= 400 + 200);
            QVERIFY(!bytes.contains("SECRET"));
            QVERIFY(!bytes.contains("abc.def"));
            QVERIFY(bytes.isEmpty() || bytes.contains("storybook.test.log"));
        }
        const QString tail = LogSink::tail(path, 150);
        QVERIFY(tail.contains(QLatin1String("line 59")));
        QVERIFY(!tail.contains(QLatin1String("line 0 ")));
    }

    void restoresPreviousHandler()
    {
        static int seen = 0;
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) { ++seen; });
        {
            LogSink::Options options;
            options.toStderr = false;
            LogSink sink(options);
            qCInfo(lcTestLog) << "to the sink";
        }
        qCInfo(lcTestLog) << "to the previous handler";
        qInstallMessageHandler(previous);
        QCOMPARE(seen, 1);
    }
};

QTEST_GUILESS_MAIN(TestLogSink)
#include "tst_logsink.moc"
