// Sentence splitting, the narrator's sequencing (with a scripted engine) and the system engine
// (Qt TextToSpeech) as this machine has it.
#include "narrator.h"
#include "scriptedspeechengine.h"
#include "sentencesplitter.h"
#include "speechengine.h"
#include "speechdispatcher.h"
#include "speechsettings.h"

#include "requiretool.h"

#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Storybook::Speech::Narrator;
using Storybook::Speech::Sentence;
using Storybook::Speech::splitSentences;
using Storybook::Test::NullAudioSpeechDispatcher;
using Storybook::Test::ScriptedSpeechEngine;

namespace {

QStringList texts(const QString& text, int maxLength = 300)
{
    QStringList out;
    for (const Sentence& sentence : splitSentences(text, maxLength))
        out.append(text.mid(sentence.start, sentence.length));
    return out;
}

} // namespace

class TestSpeech final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsSentences_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("blank") << QStringLiteral("  \n  ") << QStringList();
        QTest::newRow("one") << QStringLiteral("Once upon a time.") << QStringList{QStringLiteral("Once upon a time.")};
        QTest::newRow("no end") << QStringLiteral("  A fox  ") << QStringList{QStringLiteral("A fox")};
        QTest::newRow("three") << QStringLiteral("A fox ran. Did it stop? No!")
                               << QStringList{QStringLiteral("A fox ran."), QStringLiteral("Did it stop?"), QStringLiteral("No!")};
        QTest::newRow("quotes") << QStringLiteral("\"Hello!\" said Mia. \"Come.\"")
                                << QStringList{QStringLiteral("\"Hello!\""), QStringLiteral("said Mia."), QStringLiteral("\"Come.\"")};
        QTest::newRow("ellipsis") << QStringLiteral("Wait... Then it came. Oh… yes")
                                  << QStringList{QStringLiteral("Wait..."), QStringLiteral("Then it came."), QStringLiteral("Oh…"), QStringLiteral("yes")};
        QTest::newRow("decimal") << QStringLiteral("It was 3.5 metres long. Big.")
                                 << QStringList{QStringLiteral("It was 3.5 metres long."), QStringLiteral("Big.")};
        QTest::newRow("abbreviation") << QStringLiteral("Mr. fox and e.g. owls came. Then")
                                      << QStringList{QStringLiteral("Mr. fox and e.g. owls came."), QStringLiteral("Then")};
        QTest::newRow("paragraphs") << QStringLiteral("First line\n\nSecond line.\nThird")
                                    << QStringList{QStringLiteral("First line"), QStringLiteral("Second line."), QStringLiteral("Third")};
        QTest::newRow("chinese") << QStringLiteral("从前有一只小狐狸。它找到了一盏灯！你猜灯里有什么？")
                                 << QStringList{QStringLiteral("从前有一只小狐狸。"), QStringLiteral("它找到了一盏灯！"),
                                                QStringLiteral("你猜灯里有什么？")};
        QTest::newRow("chinese quotes") << QStringLiteral("“你好！”小狐狸说。")
                                        << QStringList{QStringLiteral("“你好！”"), QStringLiteral("小狐狸说。")};
        QTest::newRow("mixed") << QStringLiteral("Mia说：“Hello.”然后走了。")
                               << QStringList{QStringLiteral("Mia说：“Hello.”然后走了。")};
    }

    void splitsSentences()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(texts(text), expected);
        // Offsets point into the text, in order, without overlap.
        int previousEnd = 0;
        for (const Sentence& sentence : splitSentences(text)) {
            QVERIFY(sentence.start >= previousEnd);
            QVERIFY(sentence.length > 0);
            previousEnd = sentence.start + sentence.length;
            QVERIFY(previousEnd <= text.size());
        }
    }

    void cutsLongSentences()
    {
        const QString word = QStringLiteral("lantern, ");
        QString text;
        for (int i = 0; i < 100; ++i)
            text += word;
        text += QStringLiteral("end.");
        const QStringList parts = texts(text, 60);
        QVERIFY(parts.size() >= 900 / 60);
        for (const QString& part : parts) {
            QVERIFY2(part.size() <= 60, qPrintable(part));
            QVERIFY(!part.startsWith(u' ') && !part.endsWith(u' '));
        }
        QCOMPARE(parts.join(u' ').remove(u' '), QString(text).remove(u' '));
        // No blanks at all (Chinese without punctuation): cut at the limit, never inside a surrogate pair.
        QString emoji;
        for (int i = 0; i < 40; ++i)
            emoji += QStringLiteral("狐🦊");
        for (const QString& part : texts(emoji, 31)) {
            QVERIFY(!part.isEmpty());
            QVERIFY(!part.front().isLowSurrogate());
            QVERIFY(!part.back().isHighSurrogate());
        }
    }

    void partsForPage()
    {
        const QString text = QStringLiteral("A fox ran. It stopped.");
        const QList<Narrator::Part> parts =
            Narrator::partsForPage(text, QStringLiteral("Where now?"), {QStringLiteral("Left"), QStringLiteral("Right")});
        QCOMPARE(parts.size(), 5);
        QCOMPARE(parts.at(0).text, QStringLiteral("A fox ran."));
        QCOMPARE(parts.at(1).start, 11);
        QCOMPARE(parts.at(1).length, 11);
        QCOMPARE(parts.at(2).text, QStringLiteral("Where now?"));
        QCOMPARE(parts.at(2).start, -1);
        QCOMPARE(parts.at(4).text, QStringLiteral("Right"));
    }

    void narratorReadsInOrder()
    {
        ScriptedSpeechEngine engine;
        Narrator narrator(&engine);
        narrator.setVoice(QStringLiteral("xiaoyan"));
        narrator.setRate(0.4);
        QSignalSpy started(&narrator, &Narrator::partStarted);
        QSignalSpy finished(&narrator, &Narrator::finished);
        QSignalSpy reading(&narrator, &Narrator::readingChanged);
        const QString text = QStringLiteral("从前有一只小狐狸。它找到了一盏灯！");
        QCOMPARE(narrator.read(Narrator::partsForPage(text, QStringLiteral("然后呢？")), QStringLiteral("zh")), QString());
        QVERIFY(narrator.isReading());
        QVERIFY(finished.wait(2000));
        QCOMPARE(engine.said, (QStringList{QStringLiteral("从前有一只小狐狸。"), QStringLiteral("它找到了一盏灯！"), QStringLiteral("然后呢？")}));
        QCOMPARE(engine.languages, QStringList{QStringLiteral("zh")});
        QCOMPARE(engine.voicesAsked, QStringList{QStringLiteral("xiaoyan")});
        QCOMPARE(engine.rate, 0.4);
        QCOMPARE(started.size(), 3);
        QCOMPARE(started.at(1).at(1).toInt(), 9);
        QCOMPARE(started.at(1).at(2).toInt(), 8);
        QCOMPARE(started.at(2).at(1).toInt(), -1);
        QCOMPARE(reading.size(), 2);
        QVERIFY(!narrator.isReading());
    }

    void narratorStopsAndFails()
    {
        ScriptedSpeechEngine engine(20);
        Narrator narrator(&engine);
        QSignalSpy finished(&narrator, &Narrator::finished);
        QSignalSpy failed(&narrator, &Narrator::failed);
        const QList<Narrator::Part> parts = Narrator::partsForPage(QStringLiteral("One. Two. Three. Four."));

        // Stop in the middle: nothing more is said, no finished().
        QSignalSpy started(&narrator, &Narrator::partStarted);
        QVERIFY(narrator.read(parts, QStringLiteral("en")).isEmpty());
        QCOMPARE(started.size(), 1);      // the first sentence, at once
        QVERIFY(started.wait(2000));      // the second one
        QCOMPARE(started.size(), 2);
        QCOMPARE(engine.said.size(), 2);
        narrator.stop();
        QVERIFY(!narrator.isReading());
        QVERIFY(!engine.isSpeaking()); // nothing pending in the engine: no spoken() can come
        // Everything queued so far runs (a narrator that went on would say the next part now).
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(!engine.isSpeaking());
        QCOMPARE(engine.said.size(), 2);
        QCOMPARE(finished.size(), 0);

        // The engine fails on the second sentence: failed() with its words, reading over.
        engine.said.clear();
        engine.failAt(1);
        QVERIFY(narrator.read(parts, QStringLiteral("en")).isEmpty());
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.first().first().toString(), QStringLiteral("scripted failure"));
        QCOMPARE(engine.said.size(), 2);
        QVERIFY(!narrator.isReading());
        QCOMPARE(finished.size(), 0);

        // No voice for the language, or no engine at all: a problem at once, nothing said.
        engine.said.clear();
        engine.missingLanguage = QStringLiteral("zh");
        QCOMPARE(narrator.read(parts, QStringLiteral("zh")), QStringLiteral("no voice for zh"));
        QVERIFY(engine.said.isEmpty());
        engine.problemText = QStringLiteral("no engine");
        QCOMPARE(narrator.read(parts, QStringLiteral("en")), QStringLiteral("no engine"));
        QVERIFY(!narrator.isReading());

        // Reading again while reading restarts from the top.
        engine.problemText.clear();
        engine.failAt(-1);
        QVERIFY(narrator.read(parts, QStringLiteral("en")).isEmpty());
        QVERIFY(narrator.read(parts.mid(2), QStringLiteral("en")).isEmpty());
        QVERIFY(finished.wait(2000));
        QCOMPARE(engine.said.last(), QStringLiteral("Four."));
    }

    void engineDestroyedWhileReading()
    {
        auto* engine = new ScriptedSpeechEngine(50);
        Narrator narrator(engine);
        QVERIFY(narrator.read(Narrator::partsForPage(QStringLiteral("One. Two.")), QStringLiteral("en")).isEmpty());
        delete engine;
        QVERIFY(!narrator.isReading());
        QVERIFY(!narrator.problem().isEmpty());
        QVERIFY(!narrator.read(Narrator::partsForPage(QStringLiteral("One.")), QStringLiteral("en")).isEmpty());
    }

    void settingsRoundTripAndBounds()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Storybook::Speech::SpeechSettings in;
        in.voice = QStringLiteral("slt");
        in.rate = 0.3;
        in.save(settings);
        QCOMPARE(Storybook::Speech::SpeechSettings::load(settings), in);
        settings.setValue(QStringLiteral("speech/rate"), QStringLiteral("fast"));
        QCOMPARE(Storybook::Speech::SpeechSettings::load(settings).rate, 0.0);
        settings.setValue(QStringLiteral("speech/rate"), 40);
        QCOMPARE(Storybook::Speech::SpeechSettings::load(settings).rate, 1.0);
        settings.setValue(QStringLiteral("speech/rate"), QStringLiteral("nan"));
        QCOMPARE(Storybook::Speech::SpeechSettings::load(settings).rate, 0.0);
    }

    // The platform engine really speaking: a speech-dispatcher of the test's own (espeak-ng into
    // libao's null sink, so no sound device is needed and nothing is heard), reached through
    // SPEECHD_ADDRESS. A missing engine or server skips here and fails under CI.
    void systemEngineSpeaks()
    {
        STORYBOOK_REQUIRE(Storybook::Speech::systemSpeechBuiltIn(), "Qt TextToSpeech in this build (qt6-speech-dev)");
        STORYBOOK_REQUIRE_TOOL(NullAudioSpeechDispatcher::available(),
                               "speech-dispatcher with its espeak-ng module (speech-dispatcher-espeak-ng)");
        NullAudioSpeechDispatcher server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QByteArray previousAddress = qgetenv("SPEECHD_ADDRESS");
        qputenv("SPEECHD_ADDRESS", server.address());
        const auto restore = qScopeGuard([&] {
            if (previousAddress.isEmpty())
                qunsetenv("SPEECHD_ADDRESS");
            else
                qputenv("SPEECHD_ADDRESS", previousAddress);
        });

        auto engine = Storybook::Speech::createSystemEngine();
        QVERIFY2(engine->problem().isEmpty(), qPrintable(engine->problem() + u'\n' + server.log()));
        const QList<Storybook::Speech::Voice> voices = engine->voices();
        QVERIFY(!voices.isEmpty());
        for (const auto& voice : voices)
            QVERIFY(!voice.name.isEmpty());
        // A language without any voice here is reported before anything is said.
        QString missing;
        for (const QString& language : {QStringLiteral("sw"), QStringLiteral("zu"), QStringLiteral("mi"), QStringLiteral("xh")}) {
            const bool has = std::any_of(voices.begin(), voices.end(), [&](const auto& voice) {
                return voice.locale.language() == QLocale(language).language();
            });
            if (!has) {
                missing = language;
                break;
            }
        }
        if (!missing.isEmpty())
            QVERIFY(!engine->prepare(missing, {}).isEmpty());
        QCOMPARE(engine->prepare(QStringLiteral("en"), {}), QString());

        QSignalSpy started(engine.get(), &Storybook::Speech::SpeechEngine::started);
        QSignalSpy spoken(engine.get(), &Storybook::Speech::SpeechEngine::spoken);
        QSignalSpy failed(engine.get(), &Storybook::Speech::SpeechEngine::failed);
        qsizetype startedBeforeSpoken = -1; // how many started() had come when spoken() came
        connect(engine.get(), &Storybook::Speech::SpeechEngine::spoken, this,
                [&] { startedBeforeSpoken = started.size(); });
        engine->setRate(1.0);
        for (const QString& text : {QStringLiteral("Hi."), QStringLiteral("Once upon a time, a fox found a lantern.")}) {
            started.clear();
            spoken.clear();
            engine->say(text);
            QTRY_VERIFY_WITH_TIMEOUT(spoken.size() + failed.size() > 0, 20000);
            if (!failed.isEmpty())
                QFAIL(qPrintable(failed.first().first().toString() + u'\n' + server.log()));
            QCOMPARE(startedBeforeSpoken, 1); // it began to speak, then it had spoken
            QCOMPARE(spoken.size(), 1);
        }

        // Stopped in the middle: the engine is ready again and says nothing about the stopped text.
        started.clear();
        spoken.clear();
        engine->say(QStringLiteral("This sentence is long enough to be stopped before its end, and it goes on and on."));
        QVERIFY(started.wait(20000));
        engine->stop();
        started.clear();
        engine->say(QStringLiteral("Again."));
        QTRY_VERIFY_WITH_TIMEOUT(spoken.size() + failed.size() > 0, 20000);
        QVERIFY(failed.isEmpty());
        // The end of the new text, not the stop's late Ready taken for it.
        QCOMPARE(startedBeforeSpoken, 1);
        QCOMPARE(spoken.size(), 1);
        engine.reset();
        server.stop();
        QVERIFY(!server.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestSpeech)
#include "tst_speech.moc"
