#include "pageparser.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QTest>

using Storybook::Story::CastMember;
using Storybook::Story::Interaction;
using Storybook::Story::PageParser;
using Storybook::Story::ParsedPage;

namespace {

// A stable, comparable rendering of a parsed page.
QString dump(const ParsedPage& page)
{
    QJsonObject o { { QStringLiteral("title"), page.title },
                    { QStringLiteral("text"), page.text },
                    { QStringLiteral("scene"), page.scene },
                    { QStringLiteral("end"), page.end },
                    { QStringLiteral("structured"), page.structured },
                    { QStringLiteral("usable"), page.usable },
                    { QStringLiteral("problems"), QJsonArray::fromStringList(page.problems) } };
    QJsonArray cast;
    for (const CastMember& member : page.cast)
        cast.append(QJsonArray { member.name, member.look, member.extra });
    o.insert(QStringLiteral("cast"), cast);
    if (page.interaction) {
        o.insert(QStringLiteral("interaction"),
                 QJsonObject { { QStringLiteral("kind"), Interaction::kindName(page.interaction->kind) },
                               { QStringLiteral("question"), page.interaction->question },
                               { QStringLiteral("options"), QJsonArray::fromStringList(page.interaction->options) },
                               { QStringLiteral("extra"), page.interaction->extra } });
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool hasLoneSurrogate(const QString& s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= s.size() || !s.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

// Feeds `chunks` one by one, checking the streaming text after each: it never shrinks, never shows half a
// surrogate pair, and (when `prefixOf` is given) is always a prefix of the final text.
ParsedPage feedChunks(const QStringList& chunks, const QString* prefixOf, QString* failure)
{
    PageParser parser;
    QString previous;
    for (const QString& chunk : chunks) {
        parser.feed(chunk);
        const QString now = parser.streamingText();
        if (!now.startsWith(previous) && failure->isEmpty())
            *failure = QStringLiteral("streaming text shrank or changed: \"%1\" then \"%2\"").arg(previous, now);
        if (hasLoneSurrogate(now) && failure->isEmpty())
            *failure = QStringLiteral("streaming text shows half a surrogate pair: \"%1\"").arg(now);
        if (prefixOf && !prefixOf->startsWith(now) && failure->isEmpty())
            *failure = QStringLiteral("streaming text \"%1\" is not a prefix of the final text").arg(now);
        previous = now;
    }
    return parser.finish();
}

QStringList randomChunks(const QString& text, QRandomGenerator& random, int maxChunk)
{
    QStringList chunks;
    qsizetype from = 0;
    while (from < text.size()) {
        const qsizetype size = random.bounded(1, maxChunk + 1);
        chunks.append(text.mid(from, size));
        from += size;
    }
    return chunks;
}

QString readUtf8(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestPageParser final : public QObject
{
    Q_OBJECT

private:
    static QString corpusDir() { return QFINDTESTDATA("corpus/pageparser"); }

    static void addCorpusRows()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QJsonObject>("expected");
        const QDir dir(corpusDir());
        const QStringList names = dir.entryList({ QStringLiteral("*.txt") }, QDir::Files, QDir::Name);
        for (const QString& name : names) {
            const QString base = QFileInfo(name).completeBaseName();
            QFile expectation(dir.filePath(base + QStringLiteral(".expected.json")));
            QJsonObject expected;
            if (expectation.open(QIODevice::ReadOnly))
                expected = QJsonDocument::fromJson(expectation.readAll()).object();
            QTest::newRow(qPrintable(base)) << readUtf8(dir.filePath(name)) << expected;
        }
    }

    // What ParsedPage::cast promises.
    static void checkCast(const QList<CastMember>& cast)
    {
        QVERIFY(cast.size() <= ParsedPage::MaxCast);
        for (qsizetype i = 0; i < cast.size(); ++i) {
            const CastMember& member = cast.at(i);
            QVERIFY(!member.name.isEmpty());
            QCOMPARE(member.name, member.name.trimmed());
            QCOMPARE(member.look, member.look.trimmed());
            for (qsizetype j = 0; j < i; ++j)
                QVERIFY(member.name.compare(cast.at(j).name, Qt::CaseInsensitive) != 0);
        }
    }

    static QStringList castLines(const ParsedPage& page)
    {
        QStringList lines;
        for (const CastMember& member : page.cast)
            lines.append(member.name + QStringLiteral(": ") + member.look);
        return lines;
    }

private Q_SLOTS:
    void corpusIsThere()
    {
        QVERIFY2(!corpusDir().isEmpty(), "corpus/pageparser not found next to the test source");
        const QDir dir(corpusDir());
        const QStringList texts = dir.entryList({ QStringLiteral("*.txt") }, QDir::Files);
        QVERIFY(texts.size() >= 25);
        for (const QString& name : texts) {
            const QString base = QFileInfo(name).completeBaseName();
            QVERIFY2(QFile::exists(dir.filePath(base + QStringLiteral(".expected.json"))), qPrintable(name));
        }
    }

    // The whole answer parsed at once gives what the expectation file says.
    void corpus_data() { addCorpusRows(); }
    void corpus()
    {
        QFETCH(QString, raw);
        QFETCH(QJsonObject, expected);
        QVERIFY2(!expected.isEmpty(), "missing or invalid expectation file");
        const ParsedPage page = PageParser::parse(raw);
        const QByteArray got = dump(page).toUtf8();

        QVERIFY2(expected.contains(QStringLiteral("text")), "expectations need a text");
        QCOMPARE(page.text, expected.value(QStringLiteral("text")).toString());
        QCOMPARE(page.structured, expected.value(QStringLiteral("structured")).toBool());
        QCOMPARE(page.usable, expected.value(QStringLiteral("usable")).toBool());
        QCOMPARE(page.usable, !page.text.isEmpty());
        if (expected.contains(QStringLiteral("title")))
            QCOMPARE(page.title, expected.value(QStringLiteral("title")).toString());
        if (expected.contains(QStringLiteral("scene")))
            QCOMPARE(page.scene, expected.value(QStringLiteral("scene")).toString());
        if (expected.contains(QStringLiteral("end")))
            QCOMPARE(page.end, expected.value(QStringLiteral("end")).toBool());
        const QJsonValue kind = expected.value(QStringLiteral("kind"));
        if (kind.isString()) {
            QVERIFY2(page.interaction.has_value(), got.constData());
            QCOMPARE(Interaction::kindName(page.interaction->kind), kind.toString());
            QCOMPARE(page.interaction->options.size(), expected.value(QStringLiteral("options")).toInt());
            if (expected.contains(QStringLiteral("question")))
                QCOMPARE(page.interaction->question, expected.value(QStringLiteral("question")).toString());
        } else {
            QVERIFY2(!page.interaction.has_value(), got.constData());
        }
        if (expected.contains(QStringLiteral("cast"))) {
            QStringList names;
            for (const CastMember& member : page.cast)
                names.append(member.name + QStringLiteral(": ") + member.look);
            QStringList expectedNames;
            for (const QJsonValue& name : expected.value(QStringLiteral("cast")).toArray())
                expectedNames.append(name.toString());
            QCOMPARE(names, expectedNames);
        }
        for (const QJsonValue& problem : expected.value(QStringLiteral("problems")).toArray())
            QVERIFY2(page.problems.contains(problem.toString()), got.constData());
        if (expected.value(QStringLiteral("noProblems")).toBool())
            QVERIFY2(page.problems.isEmpty(), got.constData());

        // Invariants every page keeps.
        if (page.end)
            QVERIFY(!page.interaction);
        if (page.interaction) {
            const Interaction& i = *page.interaction;
            QVERIFY(i.options.size() <= 4);
            if (i.kind == Interaction::Kind::Choose || i.kind == Interaction::Kind::Guess)
                QVERIFY(i.options.size() >= 2);
            else
                QVERIFY(!i.question.isEmpty());
            for (const QString& option : i.options) {
                QVERIFY(!option.isEmpty());
                QCOMPARE(option, option.trimmed());
            }
        }
        QCOMPARE(page.text, page.text.trimmed());
        checkCast(page.cast);
    }

    // Fed one UTF-16 unit at a time: the streaming text only grows, is a prefix of the final text, and finish()
    // equals the whole parse.
    void streamingUnitByUnit_data() { addCorpusRows(); }
    void streamingUnitByUnit()
    {
        QFETCH(QString, raw);
        QFETCH(QJsonObject, expected);
        const ParsedPage whole = PageParser::parse(raw);
        QStringList units;
        for (const QChar c : raw)
            units.append(QString(c));
        const bool checkPrefix = whole.structured && expected.value(QStringLiteral("streamingPrefix")).toBool(true);
        QString failure;
        const ParsedPage streamed = feedChunks(units, checkPrefix ? &whole.text : nullptr, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(dump(streamed), dump(whole));

        // At the end of a structured page the streamed text is the whole text.
        PageParser parser;
        parser.feed(raw);
        if (whole.structured && !whole.text.isEmpty() && parser.streamingText() != whole.text) {
            // Only pages whose text key was not a plain string at the top (arrays, unwrapped pages) may differ.
            QVERIFY2(parser.streamingText().isEmpty(), qPrintable(parser.streamingText()));
        }
        if (whole.structured && !whole.title.isEmpty() && !parser.streamingTitle().isEmpty())
            QCOMPARE(parser.streamingTitle(), whole.title);
        QCOMPARE(parser.raw(), raw);
    }

    // Split in two at every offset (short answers), or in random chunks (long ones): finish() never changes.
    void splits_data() { addCorpusRows(); }
    void splits()
    {
        QFETCH(QString, raw);
        const ParsedPage whole = PageParser::parse(raw);
        const QString expected = dump(whole);
        if (raw.size() <= 4000) {
            for (qsizetype cut = 1; cut < raw.size(); ++cut) {
                PageParser parser;
                parser.feed(raw.left(cut));
                parser.feed(raw.mid(cut));
                QCOMPARE(dump(parser.finish()), expected);
            }
        }
        QRandomGenerator random(1234);
        for (int run = 0; run < 30; ++run) {
            QString failure;
            const ParsedPage page = feedChunks(randomChunks(raw, random, run < 15 ? 8 : 64),
                                               whole.structured ? &whole.text : nullptr, &failure);
            if (!whole.structured)
                failure.clear(); // prose streaming is not a prefix of the cleaned text
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            QCOMPARE(dump(page), expected);
        }
    }

    void streamingHoldsBackIncompleteEscapes()
    {
        PageParser parser;
        parser.feed(QStringLiteral("{\"title\": \"The Fox\", \"te"));
        QCOMPARE(parser.streamingText(), QString());
        QCOMPARE(parser.streamingTitle(), QString()); // no "text" key yet
        parser.feed(QStringLiteral("xt\": \"A \\\"fox"));
        QCOMPARE(parser.streamingText(), QStringLiteral("A \"fox"));
        QCOMPARE(parser.streamingTitle(), QStringLiteral("The Fox"));
        parser.feed(QStringLiteral("\\"));
        QCOMPARE(parser.streamingText(), QStringLiteral("A \"fox"));
        parser.feed(QStringLiteral("\" \\u00"));
        QCOMPARE(parser.streamingText(), QStringLiteral("A \"fox\""));
        parser.feed(QStringLiteral("e9 \\ud83e"));
        QCOMPARE(parser.streamingText(), QStringLiteral("A \"fox\" \u00e9"));
        parser.feed(QStringLiteral("\\udd8a!\\n"));
        QCOMPARE(parser.streamingText(), QStringLiteral("A \"fox\" \u00e9 \U0001F98A!")); // trailing newline held
        parser.feed(QStringLiteral("Next\\tline"));
        QCOMPARE(parser.streamingText(), QStringLiteral("A \"fox\" \u00e9 \U0001F98A!\nNext\tline"));
        parser.feed(QStringLiteral("\", \"end\": true}"));
        const ParsedPage page = parser.finish();
        QCOMPARE(page.text, parser.streamingText());
        QCOMPARE(page.title, QStringLiteral("The Fox"));
        QVERIFY(page.end);
        QVERIFY(page.problems.isEmpty());
    }

    // Escapes and surrogate pairs split at every pair of offsets.
    void escapesSplitEverywhere()
    {
        const QString raw = QStringLiteral("{\"text\": \"a\\\"b\\\\c\\nd\\u00e9\\ud83e\\udd8a\U0001F41D\\/e\\\\\", "
                                           "\"end\": false}");
        const QString expected = QStringLiteral("a\"b\\c\nd\u00e9\U0001F98A\U0001F41D/e\\");
        QCOMPARE(PageParser::parse(raw).text, expected);
        for (qsizetype first = 1; first < raw.size(); ++first) {
            for (qsizetype second = first + 1; second < raw.size(); ++second) {
                QString failure;
                const ParsedPage page = feedChunks({ raw.left(first), raw.mid(first, second - first), raw.mid(second) },
                                                   &expected, &failure);
                QVERIFY2(failure.isEmpty(), qPrintable(failure));
                QCOMPARE(page.text, expected);
            }
        }
    }

    void loneSurrogatesReplaced()
    {
        const ParsedPage page = PageParser::parse(QStringLiteral("{\"text\": \"a\\ud800b\\udc00c\"}"));
        QCOMPARE(page.text, QStringLiteral("a\uFFFDb\uFFFDc"));
        QVERIFY(page.problems.contains(QStringLiteral("invalid surrogate replaced")));
    }

    void proseStreaming()
    {
        const QString prose = QStringLiteral(
            "Once upon a time there was a tiny snail called Sam who wanted to see the top of the garden wall. "
            "Every day he climbed a little higher, and every night the rain washed him back down again. "
            "But Sam never gave up, and one sunny morning he finally reached the top.");
        PageParser parser;
        parser.feed(QStringLiteral("```json\n"));
        parser.feed(prose.left(60));
        QCOMPARE(parser.streamingText(), QString()); // not decided yet: could still be chatter before a '{'
        parser.feed(prose.mid(60));
        QCOMPARE(parser.streamingText(), prose);
        parser.feed(QStringLiteral("\n```"));
        const ParsedPage page = parser.finish();
        QVERIFY(!page.structured);
        QVERIFY(page.usable);
        QCOMPARE(page.text, prose);
    }

    // More than 200 characters before any '{': the raw answer streams; an object that comes after all is still
    // the page at the end (its question is not lost), and the stream said it was raw.
    void lateObjectAfterLongChatter()
    {
        const QString chatter = QString(250, u'\uFFFD');
        const QString raw = chatter + QStringLiteral("{\"text\": \"Pip smiled.\", \"interaction\": {\"kind\": \"choose\", "
                                                     "\"question\": \"Left or right?\", \"options\": [\"Left\", \"Right\"]}}");
        PageParser parser;
        QString previous;
        for (const QChar c : raw) {
            parser.feed(QString(c));
            QVERIFY(parser.streamingText().startsWith(previous));
            previous = parser.streamingText();
        }
        QVERIFY(parser.streamingIsRaw());
        QVERIFY(previous.startsWith(chatter));
        const ParsedPage page = parser.finish();
        QVERIFY(page.structured);
        QCOMPARE(page.text, QStringLiteral("Pip smiled."));
        QVERIFY(page.interaction.has_value());
        PageParser prompt;
        prompt.feed(QStringLiteral("{\"text\": \"Pip"));
        QVERIFY(!prompt.streamingIsRaw());
    }

    // A raw (prose) answer fed one UTF-16 unit at a time never shows the first half of an emoji alone.
    void proseStreamingHoldsBackHalfASurrogatePair()
    {
        const QString prose = QString(210, u'a') + QStringLiteral(" kittens ");
        const QString cat = QStringLiteral("\U0001F431");
        PageParser parser;
        parser.feed(prose);
        QVERIFY(parser.streamingIsRaw());
        parser.feed(cat.left(1));
        QCOMPARE(parser.streamingText(), prose.trimmed());
        parser.feed(cat.mid(1));
        QCOMPARE(parser.streamingText(), prose + cat);
    }

    void endVariants_data()
    {
        QTest::addColumn<QString>("end");
        QTest::addColumn<bool>("expected");
        QTest::newRow("true") << QStringLiteral("true") << true;
        QTest::newRow("false") << QStringLiteral("false") << false;
        QTest::newRow("True") << QStringLiteral("True") << true;
        QTest::newRow("string-true") << QStringLiteral("\"true\"") << true;
        QTest::newRow("string-yes") << QStringLiteral("\"Yes\"") << true;
        QTest::newRow("string-no") << QStringLiteral("\"no\"") << false;
        QTest::newRow("one") << QStringLiteral("1") << true;
        QTest::newRow("zero") << QStringLiteral("0") << false;
        QTest::newRow("null") << QStringLiteral("null") << false;
        QTest::newRow("missing-value") << QString() << false;
    }
    void endVariants()
    {
        QFETCH(QString, end);
        QFETCH(bool, expected);
        const ParsedPage page = PageParser::parse(
            QStringLiteral("{\"text\": \"x\", \"interaction\": {\"kind\": \"choose\", \"question\": \"q\", "
                           "\"options\": [\"a\", \"b\"]}, \"end\": ")
            + end + u'}');
        QCOMPARE(page.end, expected);
        QCOMPARE(page.interaction.has_value(), !expected);
        if (expected)
            QVERIFY(page.problems.contains(QStringLiteral("interaction dropped on ending page")));
    }

    void interactionRules_data()
    {
        QTest::addColumn<QString>("interaction");
        QTest::addColumn<QString>("kind"); // empty: none
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("question");
        QTest::newRow("choose") << QStringLiteral("{\"kind\":\"choose\",\"question\":\"Q?\",\"options\":[\"a\",\"b\"]}")
                                << QStringLiteral("choose") << QStringList { QStringLiteral("a"), QStringLiteral("b") }
                                << QStringLiteral("Q?");
        QTest::newRow("choose-one-option")
            << QStringLiteral("{\"kind\":\"choose\",\"question\":\"Q?\",\"options\":[\"a\"]}") << QString()
            << QStringList() << QString();
        QTest::newRow("guess-dupes") << QStringLiteral(
            "{\"kind\":\"guess\",\"question\":\"Q?\",\"options\":[\"a\",\" A \",\"\"]}")
                                     << QString() << QStringList() << QString();
        QTest::newRow("name-no-options") << QStringLiteral("{\"kind\":\"name\",\"question\":\" Name it? \"}")
                                         << QStringLiteral("name") << QStringList() << QStringLiteral("Name it?");
        QTest::newRow("name-empty-question")
            << QStringLiteral("{\"kind\":\"name\",\"question\":\"  \",\"options\":[\"a\",\"b\"]}") << QString()
            << QStringList() << QString();
        QTest::newRow("describe-one") << QStringLiteral(
            "{\"kind\":\"describe\",\"question\":\"How?\",\"options\":[\"Big\"]}")
                                      << QStringLiteral("describe") << QStringList { QStringLiteral("Big") }
                                      << QStringLiteral("How?");
        QTest::newRow("unknown-kind") << QStringLiteral(
            "{\"kind\":\"vote\",\"question\":\"Q?\",\"options\":[\"a\",\"b\"]}")
                                      << QStringLiteral("choose")
                                      << QStringList { QStringLiteral("a"), QStringLiteral("b") }
                                      << QStringLiteral("Q?");
        QTest::newRow("no-kind-question-only")
            << QStringLiteral("{\"question\":\"What colour?\"}") << QStringLiteral("describe") << QStringList()
            << QStringLiteral("What colour?");
        QTest::newRow("choices-key-and-type")
            << QStringLiteral(
                   "{\"type\":\"choice\",\"prompt\":\"P\",\"choices\":[{\"label\":\"x\"},{\"text\":\"y\"},7]}")
            << QStringLiteral("choose") << QStringList { QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("7") }
            << QStringLiteral("P");
        QTest::newRow("five-options") << QStringLiteral(
            "{\"kind\":\"choose\",\"question\":\"Q\",\"options\":[\"1\",\"2\",\"3\",\"4\",\"5\"]}")
                                      << QStringLiteral("choose")
                                      << QStringList { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                                       QStringLiteral("4") }
                                      << QStringLiteral("Q");
        QTest::newRow("empty-object") << QStringLiteral("{}") << QString() << QStringList() << QString();
        QTest::newRow("null") << QStringLiteral("null") << QString() << QStringList() << QString();
        QTest::newRow("number") << QStringLiteral("42") << QString() << QStringList() << QString();
        QTest::newRow("array") << QStringLiteral("[\"left\", \"right\"]") << QStringLiteral("choose")
                               << QStringList { QStringLiteral("left"), QStringLiteral("right") } << QString();
    }
    void interactionRules()
    {
        QFETCH(QString, interaction);
        QFETCH(QString, kind);
        QFETCH(QStringList, options);
        QFETCH(QString, question);
        const ParsedPage page
            = PageParser::parse(QStringLiteral("{\"text\": \"x\", \"interaction\": ") + interaction + u'}');
        QVERIFY(page.structured);
        if (kind.isEmpty()) {
            QVERIFY2(!page.interaction, qPrintable(dump(page)));
            return;
        }
        QVERIFY2(page.interaction, qPrintable(dump(page)));
        QCOMPARE(Interaction::kindName(page.interaction->kind), kind);
        QCOMPARE(page.interaction->options, options);
        QCOMPARE(page.interaction->question, question);
    }

    // The prompts ask for three or four suggestions: two are kept with a note, one drops the question, more than
    // four keep the first four; three and four pass without a note.
    void suggestionsAreHeldToThreeOrFour_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("given");
        QTest::addColumn<int>("kept"); // -1: no interaction
        QTest::addColumn<bool>("noted");
        for (const char* kind : {"choose", "guess"}) {
            const QString k = QString::fromLatin1(kind);
            QTest::addRow("%s-1", kind) << k << 1 << -1 << true;
            QTest::addRow("%s-2", kind) << k << 2 << 2 << true;
            QTest::addRow("%s-3", kind) << k << 3 << 3 << false;
            QTest::addRow("%s-4", kind) << k << 4 << 4 << false;
            QTest::addRow("%s-6", kind) << k << 6 << 4 << true;
        }
        QTest::addRow("name-2") << QStringLiteral("name") << 2 << 2 << false;
        QTest::addRow("describe-0") << QStringLiteral("describe") << 0 << 0 << false;
        QTest::addRow("describe-5") << QStringLiteral("describe") << 5 << 4 << true;
    }
    void suggestionsAreHeldToThreeOrFour()
    {
        QFETCH(QString, kind);
        QFETCH(int, given);
        QFETCH(int, kept);
        QFETCH(bool, noted);
        QStringList options;
        for (int i = 1; i <= given; ++i)
            options.append(QStringLiteral("\"option %1\"").arg(i));
        const ParsedPage page = PageParser::parse(
            QStringLiteral("{\"text\": \"x\", \"interaction\": {\"kind\": \"%1\", \"question\": \"Q?\", \"about\": "
                           "\"the owl\", \"options\": [%2]}}")
                .arg(kind, options.join(u',')));
        if (kept < 0) {
            QVERIFY2(!page.interaction, qPrintable(dump(page)));
            return;
        }
        QVERIFY2(page.interaction, qPrintable(dump(page)));
        QCOMPARE(page.interaction->options.size(), kept);
        if (kept > 0)
            QCOMPARE(page.interaction->options.first(), QStringLiteral("option 1"));
        const bool hasNote = std::any_of(page.problems.cbegin(), page.problems.cend(), [](const QString& p) {
            return p.contains(QLatin1String("options"));
        });
        QVERIFY2(hasNote == noted, qPrintable(page.problems.join(QStringLiteral("; "))));
    }

    void kindsAboutAndSolutionAreRead()
    {
        const ParsedPage name = PageParser::parse(QStringLiteral(
            "{\"text\": \"x\", \"interaction\": {\"kind\": \"name\", \"question\": \"What is the owl called?\", "
            "\"About\": \"  the   owl \", \"options\": [\"Hoot\", \"Luna\", \"Pip\"]}}"));
        QVERIFY2(name.interaction, qPrintable(dump(name)));
        QCOMPARE(name.interaction->kind, Interaction::Kind::Name);
        QCOMPARE(name.interaction->about, QStringLiteral("the owl"));
        QVERIFY(name.interaction->extra.isEmpty()); // "about" is not an unknown field

        const ParsedPage guess = PageParser::parse(QStringLiteral(
            "{\"text\": \"x\", \"interaction\": {\"kind\": \"guess\", \"question\": \"Who knocks?\", "
            "\"solution\": \"the owl\", \"options\": [\"a bear\", \"the owl\", \"the wind\"]}}"));
        QVERIFY2(guess.interaction, qPrintable(dump(guess)));
        QCOMPARE(guess.interaction->kind, Interaction::Kind::Guess);
        QCOMPARE(guess.interaction->solution, QStringLiteral("the owl"));
        QVERIFY(guess.interaction->extra.isEmpty());

        const ParsedPage other = PageParser::parse(QStringLiteral(
            "{\"text\": \"x\", \"interaction\": {\"kind\": \"guess\", \"question\": \"Who?\", "
            "\"correct_answer\": \"a fox\", \"options\": [\"a fox\", \"a cat\", \"a dog\"]}}"));
        QVERIFY(other.interaction);
        QCOMPARE(other.interaction->solution, QStringLiteral("a fox"));

        const ParsedPage describe = PageParser::parse(QStringLiteral(
            "{\"text\": \"x\", \"interaction\": {\"kind\": \"describe\", \"question\": \"What colour is the door?\", "
            "\"options\": [\"red\", \"blue\", \"gold\"]}}"));
        QVERIFY(describe.interaction);
        QCOMPARE(describe.interaction->kind, Interaction::Kind::Describe);
        QVERIFY(describe.interaction->about.isEmpty());

        // A name question that does not say whom it names is kept, with a note.
        const ParsedPage bare = PageParser::parse(QStringLiteral(
            "{\"text\": \"x\", \"interaction\": {\"kind\": \"name\", \"question\": \"Name it?\", \"about\": 7}}"));
        QVERIFY(bare.interaction);
        QVERIFY(bare.interaction->about.isEmpty());
        QVERIFY(bare.problems.contains(QStringLiteral("name question without \"about\"")));
    }

    void unknownInteractionFieldsKept()
    {
        const ParsedPage page = PageParser::parse(QStringLiteral(
            "{\"text\": \"x\", \"interaction\": {\"kind\": \"choose\", \"question\": \"Q\", \"options\": [\"a\", "
            "\"b\"], \"hint\": \"look up\"}}"));
        QVERIFY(page.interaction);
        QCOMPARE(page.interaction->extra.value(QStringLiteral("hint")).toString(), QStringLiteral("look up"));
    }

    void firstObjectWithTextWins()
    {
        const ParsedPage page = PageParser::parse(
            QStringLiteral("{\"text\": \"first\", \"end\": true} {\"text\": \"second\", \"end\": false}"));
        QCOMPARE(page.text, QStringLiteral("first"));
        QVERIFY(page.end);
    }

    void duplicateTextKeyKeepsTheFirst()
    {
        const QString raw = QStringLiteral("{\"text\": \"one\", \"text\": \"two\"}");
        PageParser parser;
        parser.feed(raw);
        QCOMPARE(parser.streamingText(), QStringLiteral("one"));
        QCOMPARE(parser.finish().text, QStringLiteral("one"));
    }

    void deepNestingKeepsTheText()
    {
        QString raw = QStringLiteral("{\"text\": \"deep\", \"x\": ");
        raw += QString(5000, u'[');
        const ParsedPage page = PageParser::parse(raw);
        QVERIFY(page.structured);
        QCOMPARE(page.text, QStringLiteral("deep"));
    }

    // The cast comes from the same repaired object as the page: answers a strict JSON read (what the generator
    // did with the text between the first '{' and the last '}') cannot read give the cast all the same.
    void castFromSloppyJson_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QStringList>("cast");
        const QStringList pipAndOwl { QStringLiteral("Pip: a small red fox with a blue scarf"),
                                      QStringLiteral("Hoot: a sleepy grey owl") };
        QTest::newRow("trailing-commas")
            << QStringLiteral("{\"title\": \"Pip\", \"cast\": [{\"name\": \"Pip\", \"look\": \"a small red fox with a "
                              "blue scarf\",}, {\"name\": \"Hoot\", \"look\": \"a sleepy grey owl\"},], \"text\": "
                              "\"Pip woke up.\", \"end\": false,}")
            << pipAndOwl;
        QTest::newRow("unquoted-keys")
            << QStringLiteral("{title: \"Pip\", cast: [{name: \"Pip\", look: \"a small red fox with a blue scarf\"}, "
                              "{name: \"Hoot\", look: \"a sleepy grey owl\"}], text: \"Pip woke up.\"}")
            << pipAndOwl;
        QTest::newRow("single-quotes")
            << QStringLiteral("{'title': 'Pip', 'cast': [{'name': 'Pip', 'look': 'a small red fox with a blue "
                              "scarf'}, {'name': 'Hoot', 'look': 'a sleepy grey owl'}], 'text': 'Pip woke up.'}")
            << pipAndOwl;
        QTest::newRow("chatter-after-fence")
            << QStringLiteral("Here is the first page:\n```json\n{\"cast\": [{\"name\": \"Pip\", \"look\": \"a small "
                              "red fox with a blue scarf\"}, {\"name\": \"Hoot\", \"look\": \"a sleepy grey owl\"}], "
                              "\"text\": \"Pip woke up.\"}\n```\nI hope you like it {happy face}!")
            << pipAndOwl;
        QTest::newRow("missing-commas-and-comments")
            << QStringLiteral("{\n  \"cast\": [\n    {\"name\": \"Pip\" \"look\": \"a small red fox with a blue "
                              "scarf\"} // the hero\n    {\"name\": \"Hoot\", \"look\": \"a sleepy grey owl\"}\n  ]\n"
                              "  \"text\": \"Pip woke up.\"\n}")
            << pipAndOwl;
        QTest::newRow("truncated")
            << QStringLiteral("{\"text\": \"Pip woke up.\", \"cast\": [{\"name\": \"Pip\", \"look\": \"a small red "
                              "fox with a blue scarf\"}, {\"name\": \"Hoot\", \"look\": \"a sleepy grey owl")
            << pipAndOwl;
        QTest::newRow("python-literals-unquoted-values")
            << QStringLiteral("{\"cast\": [{\"name\": Pip, \"look\": \"a small red fox with a blue scarf\", "
                              "\"hero\": True}, {\"name\": \"Hoot\", \"look\": \"a sleepy grey owl\", \"hero\": None}"
                              "], \"text\": \"Pip woke up.\"}")
            << pipAndOwl;
    }
    void castFromSloppyJson()
    {
        QFETCH(QString, raw);
        QFETCH(QStringList, cast);
        // What a strict read makes of it: nothing (here, as in the generator, the text from the first '{' to the
        // last '}').
        const qsizetype open = raw.indexOf(u'{');
        const qsizetype close = raw.lastIndexOf(u'}');
        QJsonParseError error {};
        const QJsonDocument strict = QJsonDocument::fromJson(raw.mid(open, close - open + 1).toUtf8(), &error);
        QVERIFY2(error.error != QJsonParseError::NoError && !strict.isObject(), qPrintable(raw));

        const ParsedPage page = PageParser::parse(raw);
        QVERIFY2(page.structured, qPrintable(dump(page)));
        QCOMPARE(page.text, QStringLiteral("Pip woke up."));
        QCOMPARE(castLines(page), cast);
        checkCast(page.cast);
        // Streamed in pieces, the same cast.
        PageParser parser;
        for (const QChar c : raw)
            parser.feed(QString(c));
        QCOMPARE(dump(parser.finish()), dump(page));
    }

    void castRules_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QStringList>("cast");
        QTest::addColumn<QStringList>("problems");
        QTest::newRow("none") << QStringLiteral("{\"text\": \"t\"}") << QStringList() << QStringList();
        QTest::newRow("null") << QStringLiteral("{\"text\": \"t\", \"cast\": null}") << QStringList() << QStringList();
        QTest::newRow("trimmed")
            << QStringLiteral("{\"text\": \"t\", \"cast\": [{\"name\": \"  Pip \\n\", \"look\": \"\\t a fox  \"}]}")
            << QStringList { QStringLiteral("Pip: a fox") } << QStringList();
        QTest::newRow("no-look") << QStringLiteral("{\"text\": \"t\", \"cast\": [{\"name\": \"Pip\"}]}")
                                 << QStringList { QStringLiteral("Pip: ") } << QStringList();
        QTest::newRow("empty-names-dropped")
            << QStringLiteral("{\"text\": \"t\", \"cast\": [{\"name\": \" \", \"look\": \"x\"}, {\"look\": \"y\"}, "
                              "{\"name\": 7}, \"\", 3, null, {\"name\": \"Pip\", \"look\": \"a fox\"}]}")
            << QStringList { QStringLiteral("Pip: a fox") }
            << QStringList { QStringLiteral("cast members without a name dropped") };
        QTest::newRow("duplicates-dropped")
            << QStringLiteral("{\"text\": \"t\", \"cast\": [{\"name\": \"Pip\", \"look\": \"a fox\"}, {\"name\": "
                              "\" pip \", \"look\": \"a cat\"}, {\"name\": \"Hoot\"}, {\"name\": \"PIP\"}]}")
            << QStringList { QStringLiteral("Pip: a fox"), QStringLiteral("Hoot: ") }
            << QStringList { QStringLiteral("duplicate cast members dropped") };
        QString many = QStringLiteral("{\"text\": \"t\", \"cast\": [");
        QStringList twelve;
        for (int i = 1; i <= 15; ++i) {
            many += QStringLiteral("{\"name\": \"C%1\", \"look\": \"L%1\"},").arg(i);
            if (i <= 12)
                twelve.append(QStringLiteral("C%1: L%1").arg(i));
        }
        many += QStringLiteral("]}");
        QTest::newRow("at-most-12") << many << twelve
                                    << QStringList { QStringLiteral("more than 12 cast members: kept 12"),
                                                     QStringLiteral("trailing comma repaired") };
        QTest::newRow("plain-names")
            << QStringLiteral("{\"text\": \"t\", \"cast\": [\"Pip\", \"Hoot\"]}")
            << QStringList { QStringLiteral("Pip: "), QStringLiteral("Hoot: ") } << QStringList();
        QTest::newRow("object-of-looks")
            << QStringLiteral("{\"text\": \"t\", \"cast\": {\"Pip\": \"a fox\", \"Hoot\": \"an owl\"}}")
            << QStringList { QStringLiteral("Hoot: an owl"), QStringLiteral("Pip: a fox") }
            << QStringList { QStringLiteral("cast given as an object") };
        QTest::newRow("other-key-names")
            << QStringLiteral("{\"text\": \"t\", \"Characters\": [{\"Name\": \"Pip\", \"appearance\": \"a fox\"}]}")
            << QStringList { QStringLiteral("Pip: a fox") } << QStringList { QStringLiteral("keys in unexpected case") };
        QTest::newRow("unexpected-type")
            << QStringLiteral("{\"text\": \"t\", \"cast\": \"Pip the fox\"}") << QStringList()
            << QStringList { QStringLiteral("cast has an unexpected type") };
        QTest::newRow("unwrapped-page-cast-beside")
            << QStringLiteral("{\"cast\": [{\"name\": \"Pip\", \"look\": \"a fox\"}], \"page\": {\"text\": \"t\"}}")
            << QStringList { QStringLiteral("Pip: a fox") } << QStringList { QStringLiteral("page object unwrapped") };
        QTest::newRow("prose-has-none")
            << QStringLiteral("Pip the fox (cast: Pip) woke up.") << QStringList() << QStringList();
        QTest::newRow("nested-cast-is-not-the-page-cast")
            << QStringLiteral("{\"text\": \"t\", \"scene\": {\"cast\": [{\"name\": \"Pip\"}]}}") << QStringList()
            << QStringList();
    }
    void castRules()
    {
        QFETCH(QString, raw);
        QFETCH(QStringList, cast);
        QFETCH(QStringList, problems);
        const ParsedPage page = PageParser::parse(raw);
        QVERIFY2(page.usable, qPrintable(dump(page)));
        QCOMPARE(castLines(page), cast);
        checkCast(page.cast);
        for (const QString& problem : std::as_const(problems))
            QVERIFY2(page.problems.contains(problem), qPrintable(dump(page)));
    }

    void castKeepsUnknownFields()
    {
        const ParsedPage page = PageParser::parse(
            QStringLiteral("{text: 't', cast: [{name: 'Pip', look: 'a fox', age: 5, voice: 'squeaky',}]}"));
        QCOMPARE(page.cast.size(), 1);
        QCOMPARE(page.cast.first().extra,
                 (QJsonObject { { QStringLiteral("age"), 5 }, { QStringLiteral("voice"), QStringLiteral("squeaky") } }));
    }

    // An answer in HTML becomes what a reader of it sees: no script or style, entities decoded, blocks as
    // paragraphs.
    void htmlFallback_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::newRow("script-and-style")
            << QStringLiteral("<html><head><title>Page</title><style>p { color: red; } .x:before { content: "
                              "'styled'; }</style><script>var secret = \"scripted\"; if (a < b) { "
                              "document.write('<p>written</p>'); }</script></head><body><p>Pip woke up.</p>"
                              "<SCRIPT type=\"module\">alert('SHOUTED')</SCRIPT><Style media=x>b{}</STYLE >"
                              "<p>The moon was out.</p></body></html>")
            << QStringLiteral("Pip woke up.\n\nThe moon was out.");
        QTest::newRow("unterminated-script")
            << QStringLiteral("<p>Pip woke up.</p><script>let page = '<p>not shown</p>';")
            << QStringLiteral("Pip woke up.");
        QTest::newRow("script-end-look-alike")
            << QStringLiteral("<p>One.</p><script>x = '</scripts>'; y = 'hidden';</script ><p>Two.</p>")
            << QStringLiteral("One.\n\nTwo.");
        QTest::newRow("entities")
            << QStringLiteral("<p>Caf&eacute;&nbsp;time &mdash; &#x4E2D;&#25991; &amp; &lt;tea&gt; &quot;hot&quot; "
                              "&hellip; &#233;t&eacute; &copy; &euro;5 &apos;ok&apos; &#x1F98A;</p>")
            << QStringLiteral("Café time — 中文 & <tea> \"hot\" … été © €5 'ok' 🦊");
        QTest::newRow("blocks-become-paragraphs")
            << QStringLiteral("<h1>The Lantern</h1>\n<div>Pip found a lantern.</div><p>It hummed.<br>It glowed.</p>"
                              "<ul><li>Carry it home</li><li>Ask the owl</li></ul><blockquote>Hush.</blockquote>")
            << QStringLiteral("The Lantern\n\nPip found a lantern.\n\nIt hummed.\nIt glowed.\n\nCarry it home\n\n"
                              "Ask the owl\n\nHush.");
        QTest::newRow("white-space-collapsed")
            << QStringLiteral("<p>Pip   woke\n   up.\n</p>\n\n\n<p>\n  Then\tshe <b>ran</b>.</p>")
            << QStringLiteral("Pip woke up.\n\nThen she ran.");
        QTest::newRow("pre-keeps-its-lines")
            << QStringLiteral("<p>A poem:</p><pre>Twinkle,  twinkle\n  little star</pre><p>End.</p>")
            << QStringLiteral("A poem:\n\nTwinkle,  twinkle\nlittle star\n\nEnd.");
        QTest::newRow("monospace-inline")
            << QStringLiteral("<p>Say <code>hello</code>, <tt>Pip</tt>, <kbd>Enter</kbd> and <samp>ok</samp>.</p>")
            << QStringLiteral("Say hello, Pip, Enter and ok.");
        QTest::newRow("comments-doctype-and-hidden")
            << QStringLiteral("<!DOCTYPE html><!-- a <p>comment</p> --><p>Shown.</p><template><p>Not "
                              "shown.</p></template><img src=\"pip.png\" alt=\"a fox\"><?xml x?>")
            << QStringLiteral("Shown.");
        QTest::newRow("attributes-with-brackets")
            << QStringLiteral("<p title=\"a > b\" data-x='<p>'>Pip <a href=\"https://x.test/?a=1&b=2\">ran</a>.</p>")
            << QStringLiteral("Pip ran.");
        QTest::newRow("table-cells")
            << QStringLiteral("<table><tr><th>Name</th><td>Pip</td></tr><tr><td>Look</td><td>fox</td></tr></table>")
            << QStringLiteral("Name\n\nPip\n\nLook\n\nfox");
        QTest::newRow("stray-less-than")
            << QStringLiteral("<p>1 < 2 and 3 <4 </p>") << QStringLiteral("1 < 2 and 3 <4");
        QTest::newRow("error-page")
            << QStringLiteral("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad "
                              "Gateway</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>")
            << QStringLiteral("502 Bad Gateway\n\nnginx");
        QTest::newRow("bad-numeric-entities")
            << QStringLiteral("<p>a&#0;b&#xD800;c&#1;d&#x110000;e</p>") << QStringLiteral("ab\uFFFDcd\uFFFD\uFFFDe");
    }
    void htmlFallback()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        const ParsedPage page = PageParser::parse(html);
        QVERIFY(!page.structured);
        QVERIFY2(page.problems.contains(QStringLiteral("markup stripped")), qPrintable(dump(page)));
        QCOMPARE(page.text, text);
        for (const QLatin1String hidden : { QLatin1String("secret"), QLatin1String("scripted"),
                                            QLatin1String("styled"), QLatin1String("color"), QLatin1String("written"),
                                            QLatin1String("SHOUTED"), QLatin1String("hidden"),
                                            QLatin1String("not shown"), QLatin1String("Not shown") })
            QVERIFY2(!page.text.contains(hidden), qPrintable(page.text));
    }

    // The story library is used without a QGuiApplication (the CLI, these tests, the fuzz target). Qt's HTML
    // import crashes there on the elements it gives the fixed-pitch system font; the parser never lets it see them.
    void htmlWithoutAGuiApplication()
    {
        QVERIFY(QCoreApplication::instance());
        QVERIFY(!qobject_cast<QGuiApplication*>(QCoreApplication::instance()));
        const ParsedPage page = PageParser::parse(
            QStringLiteral("<pre>one</pre><code>two</code><tt>three</tt><kbd>four</kbd><samp>five</samp>"
                           "<p style=\"font-family: monospace\">six</p><font face=\"Courier\">seven</font>"));
        QCOMPARE(page.text, QStringLiteral("one\n\ntwothreefourfive\n\nsix\n\nseven"));
    }

    void copyAndMove()
    {
        PageParser parser;
        parser.feed(QStringLiteral("{\"text\": \"Hello"));
        PageParser copy = parser;
        copy.feed(QStringLiteral(" there\"}"));
        QCOMPARE(parser.streamingText(), QStringLiteral("Hello"));
        QCOMPARE(copy.streamingText(), QStringLiteral("Hello there"));
        QCOMPARE(parser.finish().text, QStringLiteral("Hello"));
        QCOMPARE(parser.finish().text, QStringLiteral("Hello")); // finish() does not consume anything
        PageParser moved = std::move(copy);
        QCOMPARE(moved.finish().text, QStringLiteral("Hello there"));
        QCOMPARE(moved.raw(), QStringLiteral("{\"text\": \"Hello there\"}"));
        copy = parser; // a moved-from parser can be assigned again
        QCOMPARE(copy.streamingText(), QStringLiteral("Hello"));
    }

    // Garbage of 1 MB parses in linear time by construction (no rescans, no backtracking); here it must simply
    // come back, whole and in chunks, with the streaming text never shrinking.
    void megabyteOfGarbage_data()
    {
        QTest::addColumn<QString>("garbage");
        constexpr int Size = 1 << 20;
        QRandomGenerator random(42);
        QByteArray bytes(Size, '\0');
        for (char& b : bytes)
            b = char(random.bounded(256));
        QTest::newRow("random-bytes-utf8") << QString::fromUtf8(bytes);
        QTest::newRow("random-bytes-latin1") << QString::fromLatin1(bytes);
        const char alphabet[] = "{}[]\"'\\:,/*`<> \nabtu0e";
        QString brackets(Size, u' ');
        for (QChar& c : brackets)
            c = QLatin1Char(alphabet[random.bounded(int(sizeof alphabet - 1))]);
        QTest::newRow("random-json-punctuation") << brackets;
        QTest::newRow("open-braces") << QString(Size, u'{');
        QTest::newRow("open-brackets") << QStringLiteral("{") + QString(Size, u'[');
        QTest::newRow("close-braces") << QString(Size, u'}');
        QTest::newRow("quotes") << QStringLiteral("{") + QString(Size, u'"');
        QTest::newRow("single-quotes") << QStringLiteral("{") + QString(Size, u'\'');
        QTest::newRow("backslashes-in-text") << QStringLiteral("{\"text\": \"") + QString(Size, u'\\');
        QTest::newRow("quote-then-spaces") << QStringLiteral("{\"text\": \"a\"") + QString(Size, u' ') + u'x';
        QTest::newRow("less-than") << QString(Size, u'<');
        QTest::newRow("commas") << QStringLiteral("{\"text\": \"a\"") + QString(Size, u',');
        QTest::newRow("colons") << QStringLiteral("{") + QString(Size, u':');
        QTest::newRow("text-keys") << QStringLiteral("\"text\":").repeated(Size / 7);
        QTest::newRow("mismatched") << QStringLiteral("{[}").repeated(Size / 3);
        // The HTML fallback stays linear (Qt's HTML import is not, on deep nesting, unmatched end tags, style
        // rules or tables: a quadratic step here takes minutes or gigabytes). A quarter of the size: Qt spends
        // microseconds on every block.
        constexpr int HtmlSize = Size / 4;
        QTest::newRow("html-nested-divs") << QStringLiteral("<div>").repeated(HtmlSize / 5);
        QTest::newRow("html-nested-then-unmatched") << QStringLiteral("<div><b>").repeated(HtmlSize / 16)
                + QStringLiteral("</span>").repeated(HtmlSize / 14);
        QTest::newRow("html-style-rules") << QStringLiteral("<style>")
                + QStringLiteral("p{color:red}").repeated(HtmlSize / 24) + QStringLiteral("</style>")
                + QStringLiteral("<p>x").repeated(HtmlSize / 8);
        QTest::newRow("html-table-grid") << QStringLiteral("<table><tr>") + QStringLiteral("<td>").repeated(HtmlSize / 8)
                + QStringLiteral("<tr>").repeated(HtmlSize / 8);
        QTest::newRow("html-lists") << QStringLiteral("<ul><li>").repeated(HtmlSize / 8);
        QTest::newRow("html-attributes")
            << QStringLiteral("<p style=\"font-size:20pt;color:red\" class=a>x</p>").repeated(HtmlSize / 48);
        QTest::newRow("html-unclosed-comment") << QStringLiteral("<p>x<!--") + QString(Size, u'-');
        QTest::newRow("html-unclosed-script") << QStringLiteral("<p>x<script>") + QString(Size, u'<');
        QTest::newRow("html-entities") << QStringLiteral("<p>") + QStringLiteral("&eacute;&#x4E2D;&").repeated(Size / 18);
        QTest::newRow("long-text") << QStringLiteral("{\"text\": \"") + QStringLiteral("abc ").repeated(Size / 4)
                + QStringLiteral("\"}");
    }
    void megabyteOfGarbage()
    {
        QFETCH(QString, garbage);
        const ParsedPage whole = PageParser::parse(garbage);
        QCOMPARE(whole.usable, !whole.text.isEmpty());
        PageParser parser;
        QRandomGenerator random(7);
        QString previous;
        qsizetype from = 0;
        while (from < garbage.size()) {
            const qsizetype size = random.bounded(1, 32 * 1024);
            parser.feed(garbage.mid(from, size));
            from += size;
            const QString now = parser.streamingText();
            QVERIFY(now.startsWith(previous));
            previous = now;
        }
        QCOMPARE(dump(parser.finish()), dump(whole));
    }
};

QTEST_GUILESS_MAIN(TestPageParser)
#include "tst_pageparser.moc"
