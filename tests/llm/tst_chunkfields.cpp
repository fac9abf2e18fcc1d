// The chat job's direct reader of streamed chunks (chunkfields.h) against the QJsonDocument reading:
// the usual shapes are read directly with the same fields; everything unusual is left to QJsonDocument.
#include "chunkfields.h"

#include <QJsonDocument>
#include <QTest>

using Storybook::Llm::ChunkFields;
using Storybook::Llm::ChunkFieldsUtf8;
using Storybook::Llm::chunkFieldsOf;
using Storybook::Llm::readChunkFields;

namespace {

std::optional<ChunkFields> readDirectly(const QByteArray& json)
{
    ChunkFieldsUtf8 fields;
    if (!readChunkFields(json, &fields))
        return std::nullopt;
    return fields.decoded();
}

} // namespace

class TestChunkFields final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("direct"); // read without QJsonDocument
        QTest::addColumn<QString>("content");
        // The JSON is written with ' for " (no test text has an apostrophe).
        const auto row = [](const char* name, const char* json, bool direct, const QString& content) {
            QTest::newRow(name) << QByteArray(json).replace('\'', '"') << direct << content;
        };
        row("openai-delta",
            "{'id':'c1','object':'chat.completion.chunk','created':1,'model':'gpt','choices':[{'index':0,'delta':{'content':' upon'},'finish_reason':null}]}",
            true, QStringLiteral(" upon"));
        row("role-only", "{'choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}", true, QString());
        row("escapes", "{'choices':[{'delta':{'content':'a\\'b\\\\c\\/d\\n\\t\\u00e9\\u4e2d'}}]}", true,
            QStringLiteral("a\"b\\c/d\n\t\u00e9\u4e2d"));
        row("raw-utf8", "{\"choices\":[{\"delta\":{\"content\":\"小狐狸 🦊\"}}]}", true, QStringLiteral("小狐狸 🦊"));
        row("reasoning", "{'choices':[{'delta':{'reasoning_content':'hmm','content':null}}]}", true, QString());
        row("finish-and-usage", "{'choices':[{'delta':{},'finish_reason':'stop'}],'usage':{'total_tokens':52}}", true, QString());
        row("empty-delta-uses-message", "{'choices':[{'delta':{},'message':{'content':'whole'}}]}", true, QStringLiteral("whole"));
        row("legacy-text", "{'choices':[{'text':'old','index':0}]}", true, QStringLiteral("old"));
        row("text-null", "{'choices':[{'text':null}]}", true, QString());
        row("no-choices", "{'model':'m'}", true, QString());
        row("choices-not-array", "{'choices':{'delta':{'content':'x'}}}", true, QString());
        row("choice-not-object", "{'choices':['x',{'delta':{'content':'y'}}]}", true, QString());
        row("second-choice-ignored", "{'choices':[{'delta':{'content':'a'}},{'delta':{'content':'b'}}]}", true, QStringLiteral("a"));
        row("numbers-and-literals", "{'x':[0,-1,2.5,1e5,-3E-2,true,false,null,{}],'choices':[{'delta':{'content':'n'}}]}", true,
            QStringLiteral("n"));
        row("spaces", " {\r\n \"choices\" : [ { \"delta\" : { \"content\" : \"s\" } } ] } ", true, QStringLiteral("s"));
        // Left to QJsonDocument.
        row("content-array", "{'choices':[{'delta':{'content':[{'type':'text','text':'a'},{'text':'b'}]}}]}", false, QStringLiteral("ab"));
        row("error-member", "{'error':{'message':'boom'}}", false, QString());
        row("surrogate-escape", "{'choices':[{'delta':{'content':'\\ud83e\\udd8a'}}]}", false, QStringLiteral("\U0001F98A"));
        row("duplicate-content", "{'choices':[{'delta':{'content':'a','content':'b'}}]}", false, QStringLiteral("b")); // Qt keeps the last
        row("trailing-garbage", "{'choices':[]} x", false, QString());
        row("leading-zero", "{'n':01,'choices':[]}", false, QString());
        row("long-number", "{'n':123456789012345678901234,'choices':[]}", false, QString());
        row("big-exponent", "{'n':1e999,'choices':[]}", false, QString());
        row("control-character", "{\"choices\":[{\"delta\":{\"content\":\"a\tb\"}}]}", false, QStringLiteral("a\tb")); // Qt accepts it
        row("not-an-object", "['choices']", false, QString());
        row("truncated", "{'choices':[{'delta':{'content':'a", false, QString());
        row("invalid-utf8", "{'choices':[{'delta':{'content':'a\xff'}}]}", false, QStringLiteral("a\uFFFD"));
        row("utf8-surrogate", "{'choices':[{'delta':{'content':'\xed\xa0\x80'}}]}", false, QStringLiteral("\uFFFD\uFFFD\uFFFD"));
        row("too-deep", "{'a':[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],'choices':[]}", false, QString());
    }

    void matchesQJsonDocument()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, direct);
        QFETCH(QString, content);
        const std::optional<ChunkFields> fast = readDirectly(json);
        QCOMPARE(fast.has_value(), direct);
        // As the chat job reads a text it could not read directly: decoded first (invalid UTF-8
        // becomes U+FFFD), then parsed.
        const QJsonDocument document = QJsonDocument::fromJson(fast ? json : QString::fromUtf8(json).toUtf8());
        if (fast) {
            QVERIFY(document.isObject());
            QCOMPARE(fast->content, content);
            QVERIFY(*fast == chunkFieldsOf(document.object()));
        } else if (document.isObject() && !document.object().contains(QStringLiteral("error"))) {
            QCOMPARE(chunkFieldsOf(document.object()).content, content); // what the job reads instead
        }
    }

    void fieldsOfAFullChunk()
    {
        const auto fields = readDirectly(
            QByteArray("{'model':'deepseek-reasoner','choices':[{'delta':{'reasoning':'r','reasoning_content':'rc','content':'c'},'finish_reason':'length'}]}")
                .replace('\'', '"'));
        QVERIFY(fields);
        QCOMPARE(fields->model, QStringLiteral("deepseek-reasoner"));
        QCOMPARE(fields->reasoning, QStringLiteral("rc")); // reasoning_content wins
        QCOMPARE(fields->content, QStringLiteral("c"));
        QCOMPARE(fields->finishReason, QStringLiteral("length"));
    }
};

QTEST_APPLESS_MAIN(TestChunkFields)
#include "tst_chunkfields.moc"
