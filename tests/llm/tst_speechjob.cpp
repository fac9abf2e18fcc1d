// Speech through the network core (issue 16): every format the fake server makes for real, the
// failures a speech provider has, long input split at sentence ends into several requests, the same
// proxies as every other request, and the key kept out of every message.
#include "clienttesthelpers.h"
#include "connectionsettings.h"
#include "diagnostics.h"
#include "fakeopenaiserver.h"
#include "fakespeech.h"
#include "proxylauncher.h"
#include "requiretool.h"
#include "speechjob.h"
#include "voicesettings.h"
#include "speechtext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>

using namespace Storybook;
using namespace Storybook::Test;
using Kind = Llm::LlmError::Kind;
using Format = Llm::AudioFormat;
using ProxyKind = ProxyLauncher::Kind;

namespace {
const QString Text = QStringLiteral("Once upon a time, a small fox found a lantern.");

struct SpeechOutcome
{
    Llm::LlmError error;
    Llm::SpeechResult result;
    Llm::RequestInfo info;
    QList<int> partsSeen;
    bool finished = false;
};

SpeechOutcome runSpeech(Llm::LlmClient& client, const Llm::SpeechRequest& request, int timeoutMs = 30000)
{
    SpeechOutcome outcome;
    Llm::SpeechJob* job = client.speech(request);
    QObject::connect(job, &Llm::SpeechJob::partFinished, job, [&outcome](int index, int) { outcome.partsSeen.append(index); });
    QObject::connect(job, &Llm::RequestJob::finished, job, [&outcome, job] {
        outcome.error = job->error();
        outcome.result = job->result();
        outcome.info = job->info();
        outcome.finished = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.finished, timeoutMs); }();
    return outcome;
}

Llm::SpeechRequest request(Format format = Format::Wav, const QString& input = Text)
{
    Llm::SpeechRequest r;
    r.input = input;
    r.model = QStringLiteral("gpt-4o-mini-tts");
    r.voice = QStringLiteral("alloy");
    r.format = format;
    return r;
}

// The samples of a 24 kHz mono 16-bit WAV or PCM, in ms.
qint64 pcmMs(qsizetype bytes)
{
    return qint64(bytes) / 2 * 1000 / Llm::PcmSampleRate;
}

QList<RecordedRequest> speechRequests(const FakeOpenAiServer& server)
{
    QList<RecordedRequest> found;
    for (const RecordedRequest& r : server.requests()) {
        if (r.path.contains("/audio/speech"))
            found.append(r);
    }
    return found;
}

// A story text of `sentences` sentences, alternating English and Chinese, with quotes.
QString longText(int sentences)
{
    QString text;
    for (int i = 0; i < sentences; ++i) {
        text += i % 3 == 0   ? QStringLiteral("The fox said, “Look at the lantern number %1!” ").arg(i)
                : i % 3 == 1 ? QStringLiteral("小狐狸提着第%1盏灯笼走进了森林。").arg(i)
                             : QStringLiteral("Was it magic? Nobody knew. ");
    }
    return text;
}
} // namespace

class TestSpeechJob final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
    }

    void init()
    {
        failOnLifecycleWarnings();
        m_server->clearRequests();
        m_server->resetCounters();
        m_server->setDefaultScenario(QStringLiteral("ok"));
        m_server->setSpeechEncoder(findTool(QStringLiteral("ffmpeg")));
    }

    void splitter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QStringList>("parts");
        QTest::newRow("short") << "Hello there. Bye." << 100 << QStringList{QStringLiteral("Hello there. Bye.")};
        QTest::newRow("empty") << "  \n " << 100 << QStringList{};
        QTest::newRow("english sentences") << "One two. Three four! Five six? Seven." << 20
                                           << QStringList{QStringLiteral("One two. Three four!"), QStringLiteral("Five six? Seven.")};
        QTest::newRow("a decimal is no sentence end") << "Pi is 3.14 today. Yes it is." << 18
                                                      << QStringList{QStringLiteral("Pi is 3.14 today."), QStringLiteral("Yes it is.")};
        QTest::newRow("closing quote stays with its sentence")
            << "He said “Go home!” Then he left. The end." << 20
            << QStringList{QStringLiteral("He said “Go home!”"), QStringLiteral("Then he left."), QStringLiteral("The end.")};
        QTest::newRow("ascii quotes") << "She asked \"Why?\" and smiled. Ok." << 16
                                      << QStringList{QStringLiteral("She asked \"Why?\""), QStringLiteral("and smiled. Ok.")};
        QTest::newRow("chinese") << "从前有一只狐狸。它找到了灯笼！灯笼会发光吗？会的。" << 16
                                 << QStringList{QStringLiteral("从前有一只狐狸。它找到了灯笼！"), QStringLiteral("灯笼会发光吗？会的。")};
        QTest::newRow("chinese quotes") << "狐狸说：“我们走吧！”兔子点点头。" << 12
                                        << QStringList{QStringLiteral("狐狸说：“我们走吧！”"), QStringLiteral("兔子点点头。")};
        QTest::newRow("chinese ellipsis ends a sentence") << "他想了想……然后笑了。好的。" << 10
                                                          << QStringList{QStringLiteral("他想了想……"), QStringLiteral("然后笑了。好的。")};
        QTest::newRow("long sentence: at a clause mark") << "一二三四五，六七八九十一二三。" << 9
                                                         << QStringList{QStringLiteral("一二三四五，"), QStringLiteral("六七八九十一二三。")};
        QTest::newRow("long sentence: at a space") << "alpha beta gamma delta epsilon." << 12
                                                   << QStringList{QStringLiteral("alpha beta"), QStringLiteral("gamma delta"),
                                                                  QStringLiteral("epsilon.")};
        QTest::newRow("no mark, no space: at the limit") << "一二三四五六七八九十" << 4
                                                         << QStringList{QStringLiteral("一二三四"), QStringLiteral("五六七八"),
                                                                        QStringLiteral("九十")};
        QTest::newRow("a surrogate pair is never cut") << QStringLiteral("ab🦊cd") << 3
                                                       << QStringList{QStringLiteral("ab"), QStringLiteral("🦊c"), QStringLiteral("d")};
    }
    void splitter()
    {
        QFETCH(QString, text);
        QFETCH(int, limit);
        QFETCH(QStringList, parts);
        QCOMPARE(Llm::splitSpeechText(text, limit), parts);
    }

    void splitterKeepsEveryWordAndSentence()
    {
        const QString text = longText(400); // ~10,000 characters
        QVERIFY(text.size() > 2 * Llm::MaxSpeechInput);
        const QStringList parts = Llm::splitSpeechText(text);
        QVERIFY(parts.size() >= 3);
        QString joined;
        for (const QString& part : parts) {
            QVERIFY(part.size() <= Llm::MaxSpeechInput);
            // Each part ends where a sentence ends.
            QVERIFY2(part.endsWith(u'。') || part.endsWith(QStringLiteral("!”")) || part.endsWith(u'.') || part.endsWith(u'?'),
                     qPrintable(part.right(20)));
            joined += part;
        }
        QString spaceless = text;
        spaceless.remove(u' ');
        joined.remove(u' ');
        QCOMPARE(joined, spaceless);
    }

    void sniffAudio()
    {
        const QByteArray samples = FakeSpeech::pcm(100);
        QCOMPARE(Llm::sniffAudioFormat(FakeSpeech::wav(samples)), Format::Wav);
        QCOMPARE(Llm::sniffAudioFormat("ID3\x04\x00\x00\x00\x00\x00\x00"), Format::Mp3);
        QCOMPARE(Llm::sniffAudioFormat(QByteArray::fromHex("fffb9064")), Format::Mp3);
        QCOMPARE(Llm::sniffAudioFormat(QByteArray::fromHex("fff15080")), Format::Aac);
        QCOMPARE(Llm::sniffAudioFormat(QByteArray(QByteArray("OggS") + QByteArray(24, 0) + "OpusHead")), Format::Opus);
        QCOMPARE(Llm::sniffAudioFormat(QByteArray(QByteArray("OggS") + QByteArray(24, 0) + "\x01vorbis")), Format::Unknown);
        QCOMPARE(Llm::sniffAudioFormat("fLaC\0\0\0\x22"), Format::Flac);
        QCOMPARE(Llm::sniffAudioFormat("RIFF\x10\0\0\0garbage!"), Format::Unknown);
        QCOMPARE(Llm::sniffAudioFormat("{\"error\":1}"), Format::Unknown);
        QVERIFY(Llm::isIntactAudio(FakeSpeech::wav(samples), Format::Wav));
        QString why;
        QVERIFY(!Llm::isIntactAudio(FakeSpeech::wav(samples).left(30), Format::Wav, &why));
        QVERIFY(!why.isEmpty());
        for (Format f : {Format::Mp3, Format::Opus, Format::Wav, Format::Pcm, Format::Flac, Format::Aac})
            QCOMPARE(Llm::audioFormatFromName(Llm::audioFormatName(f)), f);
    }

    void joinWav()
    {
        const QByteArray a = FakeSpeech::pcm(100);
        const QByteArray b = FakeSpeech::pcm(250, true);
        const auto joined = Llm::joinWav({FakeSpeech::wav(a), FakeSpeech::wav(b)});
        QVERIFY(joined.has_value());
        QCOMPARE(*joined, FakeSpeech::wav(a + b));
        QVERIFY(!Llm::joinWav({FakeSpeech::wav(a), QByteArray("RIFFjunk")}).has_value());
        QVERIFY(Llm::concatenates(Format::Mp3) && Llm::concatenates(Format::Pcm) && !Llm::concatenates(Format::Opus));
    }

    void requestBody()
    {
        Llm::SpeechRequest r = request(Format::Opus);
        QJsonObject body = QJsonDocument::fromJson(Llm::SpeechJob::requestBody(r, r.model, Text)).object();
        QCOMPARE(body.value(QLatin1String("response_format")).toString(), QStringLiteral("opus"));
        QCOMPARE(body.value(QLatin1String("voice")).toString(), QStringLiteral("alloy"));
        QCOMPARE(body.value(QLatin1String("input")).toString(), Text);
        QVERIFY(!body.contains(QLatin1String("instructions")));
        QVERIFY(!body.contains(QLatin1String("speed")));
        r.instructions = QStringLiteral("A warm, calm bedtime voice.");
        r.speed = 0.9;
        body = QJsonDocument::fromJson(Llm::SpeechJob::requestBody(r, r.model, Text)).object();
        QCOMPARE(body.value(QLatin1String("instructions")).toString(), r.instructions);
        QCOMPARE(body.value(QLatin1String("speed")).toDouble(), 0.9);
    }

    void formats_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("encoded"); // made by ffmpeg
        QTest::newRow("wav") << int(Format::Wav) << false;
        QTest::newRow("pcm") << int(Format::Pcm) << false;
        QTest::newRow("mp3") << int(Format::Mp3) << true;
        QTest::newRow("opus") << int(Format::Opus) << true;
        QTest::newRow("aac") << int(Format::Aac) << true;
        QTest::newRow("flac") << int(Format::Flac) << true;
    }
    void formats()
    {
        QFETCH(int, format);
        QFETCH(bool, encoded);
        if (encoded)
            STORYBOOK_REQUIRE_TOOL(!findTool(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg");
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        const SpeechOutcome outcome = runSpeech(client, request(Format(format)));
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message + u' ' + outcome.error.detail));
        QCOMPARE(outcome.result.format, Format(format));
        QCOMPARE(outcome.result.parts.size(), 1);
        QCOMPARE(outcome.result.parts.constFirst().text, Text);
        const QByteArray& bytes = outcome.result.parts.constFirst().bytes;
        const QByteArray samples = FakeSpeech::pcm(qint64(Text.size()) * FakeSpeech::MsPerCharacter);
        if (Format(format) == Format::Pcm)
            QCOMPARE(bytes, samples); // kept as sent
        else if (Format(format) == Format::Wav)
            QCOMPARE(bytes, FakeSpeech::wav(samples));
        else
            QCOMPARE(Llm::sniffAudioFormat(bytes), Format(format));
        QCOMPARE(speechRequests(*m_server).size(), 1);
        const QJsonObject sent = QJsonDocument::fromJson(speechRequests(*m_server).constFirst().body).object();
        QCOMPARE(sent.value(QLatin1String("response_format")).toString(), Llm::audioFormatName(Format(format)));
        QCOMPARE(speechRequests(*m_server).constFirst().header("Authorization"), "Bearer " + TestApiKey.toUtf8());
    }

    void silenceHasTheLengthOfTheText()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("speech-silence"))));
        const SpeechOutcome outcome = runSpeech(client, request(Format::Pcm));
        QVERIFY(!outcome.error.isError());
        const QByteArray& bytes = outcome.result.parts.constFirst().bytes;
        QCOMPARE(pcmMs(bytes.size()), qint64(Text.size()) * FakeSpeech::MsPerCharacter);
        QCOMPARE(bytes.count('\0'), bytes.size());
    }

    void withoutAnEncoderCompressedFormatsAreRefused()
    {
        m_server->setSpeechEncoder(QString());
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        const SpeechOutcome outcome = runSpeech(client, request(Format::Mp3));
        QCOMPARE(outcome.error.kind, Kind::HttpError);
        QCOMPARE(outcome.error.httpStatus, 400);
        QVERIFY2(outcome.error.hint.contains(QLatin1String("mp3")), qPrintable(outcome.error.hint));
    }

    void aServerThatSendsAnotherFormatIsBelieved()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("speech-wrong-format"))));
        const SpeechOutcome outcome = runSpeech(client, request(Format::Pcm));
        QVERIFY(!outcome.error.isError());
        QCOMPARE(outcome.result.format, Format::Wav);
    }

    void longInputIsSpokenInParts()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        const QString text = longText(400);
        const QStringList expected = Llm::splitSpeechText(text);
        const SpeechOutcome outcome = runSpeech(client, request(Format::Wav, text), 60000);
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message));
        QCOMPARE(outcome.result.parts.size(), expected.size());
        QCOMPARE(outcome.partsSeen.size(), expected.size());
        const QList<RecordedRequest> sent = speechRequests(*m_server);
        QCOMPARE(sent.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(outcome.result.parts.at(i).text, expected.at(i));
            QCOMPARE(QJsonDocument::fromJson(sent.at(i).body).object().value(QLatin1String("input")).toString(), expected.at(i));
            QCOMPARE(outcome.result.parts.at(i).bytes,
                     FakeSpeech::wav(FakeSpeech::pcm(qint64(expected.at(i).size()) * FakeSpeech::MsPerCharacter)));
        }
    }

    void aFailingPartFailsTheJob()
    {
        // The first part is spoken; the server refuses the second: the job fails with that error, once.
        auto settings = directSettings(m_server->baseUrl());
        settings.retries = 0;
        Llm::LlmClient client(settings);
        QObject::connect(m_server, &FakeOpenAiServer::requestReceived, &client,
                         [this] { m_server->setDefaultScenario(QStringLiteral("status:400")); });
        const SpeechOutcome outcome = runSpeech(client, request(Format::Wav, longText(400)), 60000);
        QCOMPARE(outcome.error.kind, Kind::HttpError);
        QCOMPARE(speechRequests(*m_server).size(), 2);
        QCOMPARE(outcome.result.parts.size(), 1); // what was spoken before the failure is kept
        QCOMPARE(outcome.partsSeen, QList<int>{0});
    }

    void failures_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<QString>("hintWord");
        QTest::newRow("400") << "status:400" << int(Kind::HttpError) << 1 << "speech";
        QTest::newRow("401") << "status:401" << int(Kind::Unauthorized) << 1 << "STORYBOOK_SPEECH_API_KEY";
        QTest::newRow("429 with Retry-After") << "status:429:1" << int(Kind::RateLimited) << 2 << "minute";
        QTest::newRow("out of credit") << "speech-no-credit" << int(Kind::OutOfCredit) << 1 << "credit";
        QTest::newRow("500 is not spoken twice") << "status:500" << int(Kind::ServerError) << 1 << "";
        QTest::newRow("503 is retried") << "status:503" << int(Kind::ServerError) << 2 << "";
        QTest::newRow("corrupt file") << "speech-corrupt" << int(Kind::MalformedResponse) << 1 << "";
        QTest::newRow("JSON instead of audio") << "speech-json" << int(Kind::MalformedResponse) << 1 << "";
        QTest::newRow("web page instead of audio") << "html" << int(Kind::MalformedResponse) << 1 << "";
    }
    void failures()
    {
        QFETCH(QString, scenario);
        QFETCH(int, kind);
        QFETCH(int, attempts);
        QFETCH(QString, hintWord);
        auto settings = directSettings(m_server->baseUrl(scenario));
        settings.retries = 1;
        Llm::LlmClient client(settings);
        const SpeechOutcome outcome = runSpeech(client, request());
        QCOMPARE(int(outcome.error.kind), kind);
        QCOMPARE(outcome.info.attempts, attempts);
        QVERIFY(!outcome.error.message.isEmpty());
        QVERIFY(!outcome.error.hint.isEmpty());
        QVERIFY2(outcome.error.hint.contains(hintWord), qPrintable(outcome.error.hint));
        QVERIFY(outcome.result.parts.isEmpty());
        if (scenario == QLatin1String("speech-json"))
            QVERIFY2(outcome.error.message.contains(QLatin1String("JSON instead of audio")), qPrintable(outcome.error.message));
        if (scenario == QLatin1String("html"))
            QVERIFY2(outcome.error.message.contains(QLatin1String("web page")), qPrintable(outcome.error.message));
        if (scenario == QLatin1String("speech-corrupt"))
            QVERIFY2(outcome.error.message.contains(QLatin1String("damaged")), qPrintable(outcome.error.message));
    }

    void theProvidersOwnRefusalsAreExplained_data()
    {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("hintWord");
        QTest::newRow("unknown voice") << "grandma" << 20 << "grandma";
        QTest::newRow("siliconflow voice is accepted") << "FunAudioLLM/CosyVoice2-0.5B:alex" << 20 << "";
    }
    void theProvidersOwnRefusalsAreExplained()
    {
        QFETCH(QString, voice);
        QFETCH(int, length);
        QFETCH(QString, hintWord);
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        Llm::SpeechRequest r = request(Format::Wav, Text.left(length));
        r.voice = voice;
        const SpeechOutcome outcome = runSpeech(client, r);
        if (hintWord.isEmpty()) {
            QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message));
        } else {
            QCOMPARE(outcome.error.kind, Kind::HttpError);
            QVERIFY2(outcome.error.hint.contains(hintWord), qPrintable(outcome.error.hint));
        }
    }

    void wrongRequestsAreRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("voice");
        QTest::addColumn<double>("speed");
        QTest::newRow("no text") << "  " << "alloy" << 1.0;
        QTest::newRow("no voice") << "Hi." << "" << 1.0;
        QTest::newRow("too fast") << "Hi." << "alloy" << 5.0;
    }
    void wrongRequestsAreRefusedBeforeSending()
    {
        QFETCH(QString, input);
        QFETCH(QString, voice);
        QFETCH(double, speed);
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        Llm::SpeechRequest r = request(Format::Wav, input);
        r.voice = voice;
        r.speed = speed;
        const SpeechOutcome outcome = runSpeech(client, r);
        QCOMPARE(outcome.error.kind, Kind::InvalidOption);
        QVERIFY(speechRequests(*m_server).isEmpty());
    }

    void timeouts()
    {
        {
            Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("stall"))));
            Llm::SpeechRequest r = request();
            r.idleTimeout = std::chrono::milliseconds(300);
            QCOMPARE(runSpeech(client, r).error.kind, Kind::IdleTimeout);
        }
        {
            Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("speech-slow:3000"))));
            Llm::SpeechRequest r = request();
            r.idleTimeout = std::chrono::seconds(10);
            r.totalTimeout = std::chrono::milliseconds(500);
            QCOMPARE(runSpeech(client, r).error.kind, Kind::TotalTimeout);
        }
        {
            // Slower than the client's idle limit, within the request's own.
            auto settings = directSettings(m_server->baseUrl(QStringLiteral("speech-slow:800")));
            settings.idleTimeout = std::chrono::milliseconds(300);
            Llm::LlmClient client(settings);
            Llm::SpeechRequest r = request();
            r.idleTimeout = std::chrono::seconds(5);
            QVERIFY(!runSpeech(client, r).error.isError());
        }
    }

    void cancelStopsEveryPart()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("speech-slow:10000"))));
        Llm::SpeechJob* job = client.speech(request(Format::Wav, longText(400)));
        bool finished = false;
        Kind kind = Kind::None;
        QObject::connect(job, &Llm::RequestJob::finished, job, [&] {
            finished = true;
            kind = job->error().kind;
        });
        QTRY_COMPARE_WITH_TIMEOUT(speechRequests(*m_server).size(), 1, 5000);
        job->cancel();
        QVERIFY(finished);
        QCOMPARE(kind, Kind::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(client.runningJobs(), 0, 5000);
    }

    void speechSettings()
    {
        const auto defaults = Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Speech);
        QCOMPARE(defaults.model, QStringLiteral("gpt-4o-mini-tts"));
        QCOMPARE(defaults.idleTimeout, std::chrono::milliseconds(60000));
        QCOMPARE(defaults.totalTimeout, std::chrono::milliseconds(180000));
        QTemporaryDir dir;
        QSettings file(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Llm::ConnectionSettings text = Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Text);
        text.model = QStringLiteral("deepseek-chat");
        text.save(file);
        Llm::ConnectionSettings speech = defaults;
        speech.baseUrl = QUrl(QStringLiteral("https://api.siliconflow.cn/v1"));
        speech.model = QStringLiteral("FunAudioLLM/CosyVoice2-0.5B");
        speech.save(file, Llm::ConnectionSettings::Role::Speech);
        Llm::VoiceSettings voice;
        voice.voice = QStringLiteral("FunAudioLLM/CosyVoice2-0.5B:anna");
        voice.speed = 0.85;
        voice.instructions = QStringLiteral("A warm, calm bedtime voice.");
        voice.format = Format::Opus;
        voice.save(file);
        QCOMPARE(Llm::ConnectionSettings::load(file).model, QStringLiteral("deepseek-chat"));
        const auto readSpeech = Llm::ConnectionSettings::load(file, Llm::ConnectionSettings::Role::Speech);
        QCOMPARE(readSpeech.model, speech.model);
        QCOMPARE(readSpeech.baseUrl, speech.baseUrl);
        QCOMPARE(file.value(QStringLiteral("speech/model")).toString(), speech.model);
        const auto readVoice = Llm::VoiceSettings::load(file);
        QCOMPARE(readVoice.voice, voice.voice);
        QCOMPARE(readVoice.speed, 0.85);
        QCOMPARE(readVoice.instructions, voice.instructions);
        QCOMPARE(readVoice.format, Format::Opus);
        file.setValue(QStringLiteral("speech/speed"), 9);
        QCOMPARE(Llm::VoiceSettings::load(file).speed, 1.0);
        QVERIFY(!file.allKeys().join(u' ').contains(QLatin1String("apiKey")));
    }

    void diagnosticsVoiceCheck_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("kind");
        QTest::newRow("speaks") << "ok" << true << int(Kind::None);
        QTest::newRow("401") << "status:401" << false << int(Kind::Unauthorized);
        QTest::newRow("JSON instead of audio") << "speech-json" << false << int(Kind::MalformedResponse);
    }
    void diagnosticsVoiceCheck()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, ok);
        QFETCH(int, kind);
        Llm::LlmClient client(directSettings(m_server->baseUrl(scenario)));
        Llm::Diagnostics diagnostics(&client, nullptr, Llm::Diagnostics::Check::Voice);
        Llm::VoiceSettings voice;
        voice.voice = QStringLiteral("nova");
        voice.format = Format::Wav;
        diagnostics.setVoice(voice);
        QSignalSpy finished(&diagnostics, &Llm::Diagnostics::finished);
        diagnostics.start();
        QVERIFY(finished.wait(20000));
        const Llm::DiagnosticsReport report = diagnostics.report();
        QCOMPARE(report.ok, ok);
        QCOMPARE(report.stages.constLast().name, QStringLiteral("voice"));
        Kind failedKind = Kind::None;
        for (const Llm::DiagnosticStage& stage : report.stages) {
            if (stage.status == Llm::DiagnosticStage::Status::Failed) {
                failedKind = stage.error.kind;
                break;
            }
        }
        QCOMPARE(int(failedKind), kind);
        for (const RecordedRequest& r : m_server->requests())
            QVERIFY(!r.path.contains("/chat/completions")); // the check never chats
        const Llm::DiagnosticStage& last = report.stages.constLast();
        if (last.status == Llm::DiagnosticStage::Status::Skipped) {
            QVERIFY(speechRequests(*m_server).isEmpty()); // an earlier stage failed (a 401 for /models too)
            return;
        }
        const QList<RecordedRequest> sent = speechRequests(*m_server);
        QCOMPARE(sent.size(), 1); // the check speaks once, through the client
        QCOMPARE(QJsonDocument::fromJson(sent.constFirst().body).object().value(QLatin1String("voice")).toString(), QStringLiteral("nova"));
        if (ok) {
            QVERIFY2(last.detail.contains(QLatin1String("nova")) && last.detail.contains(QLatin1String("wav")), qPrintable(last.detail));
            QVERIFY(report.verdict.contains(QLatin1String("speech provider")));
        }
    }

    void keyNeverInMessages()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("echo-key"))));
        const SpeechOutcome outcome = runSpeech(client, request());
        QCOMPARE(outcome.error.kind, Kind::Unauthorized);
        for (const QString& text : {outcome.error.message, outcome.error.hint, outcome.error.detail})
            QVERIFY2(!text.contains(QLatin1String("SECRETKEY")), qPrintable(text));
    }

    void throughRealProxies_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("socks5") << int(ProxyKind::Socks5);
        QTest::newRow("http") << int(ProxyKind::Http);
    }
    void throughRealProxies()
    {
        QFETCH(int, kind);
        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyKind(kind)), ProxyLauncher::toolName(ProxyKind(kind)));
        ProxyLauncher proxy;
        QVERIFY2(proxy.start(ProxyKind(kind)), qPrintable(proxy.errorString()));
        Llm::ConnectionSettings s = directSettings(m_server->baseUrl());
        s.proxy.mode = ProxyKind(kind) == ProxyKind::Http ? Llm::ProxySettings::Mode::Http : Llm::ProxySettings::Mode::Socks5;
        s.proxy.host = QStringLiteral("127.0.0.1");
        s.proxy.port = proxy.port();
        s.proxy.bypass.clear(); // the fake server is on loopback: proxy it anyway
        Llm::LlmClient client(s);
        const QString text = longText(400); // several parts, each through the proxy
        const SpeechOutcome outcome = runSpeech(client, request(Format::Wav, text), 60000);
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message + u' ' + outcome.error.detail + u'\n' + proxy.log()));
        QCOMPARE(outcome.result.parts.size(), Llm::splitSpeechText(text).size());
        QVERIFY(speechRequests(*m_server).size() > 1);
        for (const RecordedRequest& r : m_server->requests())
            QCOMPARE(r.peer, QHostAddress(QStringLiteral("127.0.0.2")));
    }
};

QTEST_MAIN(TestSpeechJob)
#include "tst_speechjob.moc"
