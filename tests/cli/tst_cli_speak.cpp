// storybook-cli speak and diagnose --voice end to end (issue 16): the real binary against the fake
// server, each format written as the provider sent it, long text spoken in parts and written as one
// file where the format allows it, the speech key, and the exit codes of the failures.
#include "clirun.h"
#include "fakeopenaiserver.h"
#include "fakespeech.h"
#include "requiretool.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Storybook::Test;

namespace {
const QString TextKey = QStringLiteral("sk-text-SECRETKEY-1111");
const QString SpeechKey = QStringLiteral("sk-speech-SECRETKEY-2222");
const QString Text = QStringLiteral("Once upon a time, a small fox found a lantern.");

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A story text of `sentences` sentences, English and Chinese.
QString longText(int sentences)
{
    QString text;
    for (int i = 0; i < sentences; ++i)
        text += i % 2 == 0 ? QStringLiteral("The fox lit lantern number %1. ").arg(i) : QStringLiteral("小狐狸走进了森林。");
    return text;
}
} // namespace

class TestCliSpeak final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;
    QTemporaryDir m_home;

    QProcessEnvironment environment(bool speechKey = true) const
    {
        QProcessEnvironment env = cliEnvironment(m_home.path(), TextKey);
        if (speechKey)
            env.insert(QStringLiteral("STORYBOOK_SPEECH_API_KEY"), SpeechKey);
        return env;
    }

    QStringList connection(const QString& scenario = QStringLiteral("ok")) const
    {
        return {QStringLiteral("--base-url"), m_server->baseUrl(scenario).toString(), QStringLiteral("--model"),
                QStringLiteral("gpt-4o-mini-tts"), QStringLiteral("--proxy"), QStringLiteral("none")};
    }

    CliRun run(const QStringList& arguments, bool speechKey = true)
    {
        return runCli(QStringLiteral(STORYBOOK_CLI_PATH), arguments, environment(speechKey));
    }

    QList<RecordedRequest> speechRequests() const
    {
        QList<RecordedRequest> found;
        for (const RecordedRequest& r : m_server->requests()) {
            if (r.path.contains("/audio/speech"))
                found.append(r);
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
    }

    void init() { m_server->clearRequests(); }

    void speakWritesTheProvidersBytes_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("written");
        QTest::newRow("wav") << "wav" << "fox.wav" << "fox.wav";
        QTest::newRow("pcm, no extension") << "pcm" << "fox" << "fox.pcm";
        QTest::newRow("mp3 named .wav") << "mp3" << "fox.wav" << "fox.mp3";
        QTest::newRow("opus") << "opus" << "fox.opus" << "fox.opus";
    }
    void speakWritesTheProvidersBytes()
    {
        QFETCH(QString, format);
        QFETCH(QString, requested);
        QFETCH(QString, written);
        if (format == QLatin1String("mp3") || format == QLatin1String("opus"))
            STORYBOOK_REQUIRE_TOOL(!findTool(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg");
        QTemporaryDir dir;
        const CliRun r = run(QStringList{QStringLiteral("speak"), Text, QStringLiteral("--output"), dir.filePath(requested),
                                         QStringLiteral("--format"), format, QStringLiteral("--voice"), QStringLiteral("coral"),
                                         QStringLiteral("--speed"), QStringLiteral("0.9"), QStringLiteral("--instructions"),
                                         QStringLiteral("A warm, calm bedtime voice.")}
                             + connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out.trimmed()), dir.filePath(written));
        const QByteArray bytes = readAll(dir.filePath(written));
        const QByteArray samples = FakeSpeech::pcm(qint64(Text.size()) * FakeSpeech::MsPerCharacter);
        if (format == QLatin1String("wav"))
            QCOMPARE(bytes, FakeSpeech::wav(samples));
        else if (format == QLatin1String("pcm"))
            QCOMPARE(bytes, samples);
        else
            QVERIFY(bytes.size() > 100);
        QCOMPARE(r.err.contains("instead of"), requested != written);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
        QCOMPARE(speechRequests().size(), 1);
        const RecordedRequest sent = speechRequests().constFirst();
        const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
        QCOMPARE(body.value(QLatin1String("voice")).toString(), QStringLiteral("coral"));
        QCOMPARE(body.value(QLatin1String("response_format")).toString(), format);
        QCOMPARE(body.value(QLatin1String("speed")).toDouble(), 0.9);
        QCOMPARE(body.value(QLatin1String("instructions")).toString(), QStringLiteral("A warm, calm bedtime voice."));
        QCOMPARE(sent.header("Authorization"), "Bearer " + SpeechKey.toUtf8()); // the speech key, not the text key
        QVERIFY(!r.err.contains("SECRETKEY") && !r.out.contains("SECRETKEY"));
    }

    void withoutItsOwnKeyTheTextKeyGoesToTheSameHostOnly()
    {
        QTemporaryDir dir;
        const CliRun r = run(QStringList{QStringLiteral("speak"), Text, QStringLiteral("--output"), dir.filePath(QStringLiteral("a.wav")),
                                         QStringLiteral("--format"), QStringLiteral("wav")}
                                 + connection(),
                             false);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(speechRequests().constFirst().header("Authorization"), "Bearer " + TextKey.toUtf8());
    }

    void longTextIsOneWavFile()
    {
        QTemporaryDir dir;
        const QString text = longText(300); // ~7,500 characters: two or more parts
        const CliRun r = run(QStringList{QStringLiteral("speak"), text, QStringLiteral("--output"), dir.filePath(QStringLiteral("long.wav")),
                                         QStringLiteral("--format"), QStringLiteral("wav")}
                             + connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<RecordedRequest> sent = speechRequests();
        QVERIFY(sent.size() >= 2);
        QVERIFY2(r.err.contains("split at sentence ends"), r.err.constData());
        QByteArray samples;
        for (const RecordedRequest& request : sent) {
            const QString part = QJsonDocument::fromJson(request.body).object().value(QLatin1String("input")).toString();
            QVERIFY(part.size() <= FakeSpeech::MaxInput);
            samples += FakeSpeech::pcm(qint64(part.size()) * FakeSpeech::MsPerCharacter);
        }
        QCOMPARE(readAll(dir.filePath(QStringLiteral("long.wav"))), FakeSpeech::wav(samples)); // one header over all parts
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void longTextInOpusIsNumberedFiles()
    {
        STORYBOOK_REQUIRE_TOOL(!findTool(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg");
        QTemporaryDir dir;
        const CliRun r = run(QStringList{QStringLiteral("speak"), longText(300), QStringLiteral("--output"),
                                         dir.filePath(QStringLiteral("long.opus")), QStringLiteral("--format"), QStringLiteral("opus")}
                             + connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qsizetype parts = speechRequests().size();
        QVERIFY(parts >= 2);
        QVERIFY(r.err.contains("numbered files"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), parts);
        for (qsizetype i = 1; i <= parts; ++i)
            QVERIFY(readAll(dir.filePath(QStringLiteral("long-%1.opus").arg(i))).startsWith("OggS"));
        QCOMPARE(r.out.trimmed().split('\n').size(), parts);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("400 unknown voice") << "ok" << QStringList{QStringLiteral("--voice"), QStringLiteral("grandma")} << 5 << "api"
                                           << "grandma";
        QTest::newRow("401") << "status:401" << QStringList() << 5 << "api" << "STORYBOOK_SPEECH_API_KEY";
        QTest::newRow("429") << "status:429" << QStringList{QStringLiteral("--retries"), QStringLiteral("0")} << 5 << "api" << "HTTP 429";
        QTest::newRow("no credit") << "speech-no-credit" << QStringList() << 5 << "api" << "credit";
        QTest::newRow("corrupt") << "speech-corrupt" << QStringList() << 7 << "bad-response" << "damaged";
        QTest::newRow("JSON") << "speech-json" << QStringList() << 7 << "bad-response" << "JSON instead of audio";
        QTest::newRow("stall") << "stall" << QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("0.5")} << 6 << "timeout"
                               << "0.5 seconds";
        QTest::newRow("bad format") << "ok" << QStringList{QStringLiteral("--format"), QStringLiteral("ogg")} << 2 << "usage" << "ogg";
        QTest::newRow("bad speed") << "ok" << QStringList{QStringLiteral("--speed"), QStringLiteral("9")} << 2 << "configuration"
                                   << "0.25";
        QTest::newRow("no output") << "ok" << QStringList{QStringLiteral("--output")} << 2 << "usage" << "output";
    }
    void exitCodes()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        QFETCH(QString, category);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("out.wav"));
        QStringList arguments{QStringLiteral("speak"), Text};
        if (!extra.contains(QStringLiteral("--output")))
            arguments += {QStringLiteral("--output"), output};
        else
            extra.removeAll(QStringLiteral("--output"));
        if (!extra.contains(QStringLiteral("--format")))
            arguments += {QStringLiteral("--format"), QStringLiteral("wav")};
        const CliRun r = run(extra + arguments + connection(scenario));
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(r.exitCode == code, qPrintable(QStringLiteral("exit %1, stderr: %2").arg(r.exitCode).arg(err)));
        QVERIFY2(err.startsWith(QStringLiteral("error: %1: ").arg(category)), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("\nhint: ")), qPrintable(err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QVERIFY(!r.err.contains("SECRETKEY") && !r.out.contains("SECRETKEY"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0); // nothing written on a failure
    }

    void diagnoseVoice()
    {
        const CliRun r = run(QStringList{QStringLiteral("diagnose"), QStringLiteral("--voice"), QStringLiteral("--json")} + connection());
        QVERIFY2(r.exitCode == 0, r.out.constData());
        const QJsonArray stages = QJsonDocument::fromJson(r.out).object().value(QLatin1String("stages")).toArray();
        QCOMPARE(stages.last().toObject().value(QLatin1String("name")).toString(), QStringLiteral("voice"));
        QCOMPARE(stages.last().toObject().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QVERIFY(stages.last().toObject().value(QLatin1String("detail")).toString().contains(QLatin1String("alloy")));
        int speech = 0;
        int chats = 0;
        for (const RecordedRequest& request : m_server->requests()) {
            speech += request.path.contains("/audio/speech") ? 1 : 0;
            chats += request.path.contains("/chat/completions") ? 1 : 0;
        }
        QCOMPARE(speech, 1);
        QCOMPARE(chats, 0);

        const CliRun refused = run(QStringList{QStringLiteral("diagnose"), QStringLiteral("--voice")} + connection(QStringLiteral("speech-no-credit")));
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.out.contains("credit"), refused.out.constData());
    }

    void helpNamesSpeak()
    {
        const CliRun r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char* word : {"speak TEXT --output FILE", "--voice", "--speed", "--instructions", "STORYBOOK_SPEECH_API_KEY", "diagnose [--json] [--picture | --voice]"})
            QVERIFY2(r.out.contains(word), word);
    }
};

QTEST_GUILESS_MAIN(TestCliSpeak)
#include "tst_cli_speak.moc"
