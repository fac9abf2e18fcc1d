#include "storyexporter.h"

#include "popplertools.h"
#include "requiretool.h"

#include <QFile>
#include <QFontDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Storybook::Story;

namespace {

Page makePage(const QString& id, const QString& parentId, const QString& text, const QString& scene = {})
{
    Page page;
    page.id = id;
    page.parentId = parentId;
    page.text = text;
    page.scene = scene;
    return page;
}

Interaction choose(const QString& question, const QStringList& options,
                   Interaction::Kind kind = Interaction::Kind::Choose)
{
    Interaction interaction;
    interaction.kind = kind;
    interaction.question = question;
    interaction.options = options;
    return interaction;
}

// p1 → (Follow the owl) p2a → (own answer "Sparkly Bob") p3, the end   ← the reading path
//    → (Go home)        p2b, the end
Story englishStory()
{
    Story story;
    story.id = QStringLiteral("en1");
    story.title = QStringLiteral("Pip and the Lantern");
    story.settings.idea = QStringLiteral("a fox who finds a lantern");
    story.settings.ageBand = QStringLiteral("6-8");
    story.settings.language = QStringLiteral("en");

    Page p1 = makePage(QStringLiteral("p1"), {},
                       QStringLiteral("Pip found a lantern in the woods.\n\nIt glowed softly,\nlike a tiny moon."),
                       QStringLiteral("A small fox holding a glowing lantern among tall trees"));
    p1.interaction = choose(QStringLiteral("Where should Pip go?"),
                            {QStringLiteral("Follow the owl"), QStringLiteral("Go home")});
    story.addPage(p1);

    Page p2a = makePage(QStringLiteral("p2a"), QStringLiteral("p1"),
                        QStringLiteral("Pip followed the owl to a hill of stars."),
                        QStringLiteral("An owl and a fox on a starry hill"));
    p2a.answer = QStringLiteral("Follow the owl");
    p2a.answerIndex = 0;
    p2a.interaction = choose(QStringLiteral("What should Pip call the brightest star?"),
                             {QStringLiteral("Twinkle"), QStringLiteral("Glow")}, Interaction::Kind::Name);
    story.addPage(p2a);

    Page p2b = makePage(QStringLiteral("p2b"), QStringLiteral("p1"),
                        QStringLiteral("Pip went home and had warm soup by the fire."));
    p2b.answer = QStringLiteral("Go home");
    p2b.answerIndex = 1;
    p2b.ending = true;
    story.addPage(p2b);

    Page p3 = makePage(QStringLiteral("p3"), QStringLiteral("p2a"),
                       QStringLiteral("The star was called Sparkly Bob, and it winked at Pip all the way home."),
                       QStringLiteral("A star winking over a sleepy fox"));
    p3.answer = QStringLiteral("Sparkly Bob");
    p3.answerIndex = -1;
    p3.ending = true;
    story.addPage(p3);

    story.goTo(QStringLiteral("p3"));
    return story;
}

Story chineseStory()
{
    Story story;
    story.id = QStringLiteral("zh1");
    story.title = QStringLiteral("小兔子的月亮船 🌙");
    story.settings.idea = QStringLiteral("一只想去月亮上的小兔子");
    story.settings.ageBand = QStringLiteral("3-5");
    story.settings.language = QStringLiteral("zh");

    Page p1 = makePage(QStringLiteral("z1"), {}, QStringLiteral("小兔子坐上了月亮船。🐰\n\n星星在轻轻地唱歌。"),
                       QStringLiteral("月亮船在夜空中慢慢飘"));
    p1.interaction
        = choose(QStringLiteral("小兔子应该去哪里？"), { QStringLiteral("去星星家"), QStringLiteral("回家睡觉") });
    story.addPage(p1);

    Page p2 = makePage(QStringLiteral("z2"), QStringLiteral("z1"), QStringLiteral("小兔子回家睡觉了。晚安！🌟"),
                       QStringLiteral("小兔子躺在床上"));
    p2.answer = QStringLiteral("回家睡觉");
    p2.answerIndex = 1;
    p2.ending = true;
    story.addPage(p2);
    return story;
}

Story hostileStory()
{
    Story story;
    story.id = QStringLiteral("evil");
    story.title = QStringLiteral("<script>alert(1)</script> & friends");
    story.settings.idea = QStringLiteral("<img src=http://x/i.png>");
    story.settings.language = QStringLiteral("en\" onload=\"x");

    Page p1 = makePage(QStringLiteral("e1"), {},
                       QStringLiteral("<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n"
                                      "Read [link](http://x) and **bold** and _this_ and `code`.\n"
                                      "# not a heading\n1. not a list\n- not a bullet\nVisit www.example.com or "
                                      "<http://y> or me@example.com &amp; ![img](http://z.png)"),
                       QStringLiteral("<b>scene</b> [s](http://s)"));
    p1.interaction = choose(QStringLiteral("[q](javascript:alert(3))?"),
                            {QStringLiteral("<i>opt</i>"), QStringLiteral("`code` <style>body{}</style>")});
    story.addPage(p1);

    Page p2
        = makePage(QStringLiteral("e2"), QStringLiteral("e1"), QStringLiteral("<iframe src=\"http://evil\"></iframe>"));
    p2.answer = QStringLiteral("<svg onload=alert(4)>");
    p2.answerIndex = -1;
    story.addPage(p2);
    return story;
}

Story draftStory()
{
    Story story = englishStory();
    Page* p3 = story.page(QStringLiteral("p3"));
    p3->state = Page::State::Draft;
    p3->note = QStringLiteral("The connection was lost.");
    p3->ending = false;
    return story;
}

QString md(const Story& story, bool all = false)
{
    return QString::fromUtf8(exportMarkdown(story, ExportOptions{all}));
}

QString html(const Story& story, bool all = false)
{
    return QString::fromUtf8(exportHtml(story, ExportOptions{all}));
}

QString pdfText(const QString& pdftotext, const QString& file)
{
    return PopplerTools::text(pdftotext, file);
}

int pdfPages(const QString& pdfinfo, const QString& file)
{
    return PopplerTools::pages(pdfinfo, file);
}

} // namespace

class TestStoryExporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatNames()
    {
        QCOMPARE(exportFormatFromName(QStringLiteral("md")), ExportFormat::Markdown);
        QCOMPARE(exportFormatFromName(QStringLiteral("Markdown")), ExportFormat::Markdown);
        QCOMPARE(exportFormatFromName(QStringLiteral(".md")), ExportFormat::Markdown);
        QCOMPARE(exportFormatFromName(QStringLiteral("HTML")), ExportFormat::Html);
        QCOMPARE(exportFormatFromName(QStringLiteral("htm")), ExportFormat::Html);
        QCOMPARE(exportFormatFromName(QStringLiteral(" pdf ")), ExportFormat::Pdf);
        QVERIFY(!exportFormatFromName(QStringLiteral("docx")));
        QVERIFY(!exportFormatFromName(QString()));
        QCOMPARE(exportFormatSuffix(ExportFormat::Markdown), QStringLiteral("md"));
        QCOMPARE(exportFormatSuffix(ExportFormat::Html), QStringLiteral("html"));
        QCOMPARE(exportFormatSuffix(ExportFormat::Pdf), QStringLiteral("pdf"));
    }

    void markdownCurrentPath()
    {
        const QString out = md(englishStory());
        QVERIFY(out.startsWith(QStringLiteral("# Pip and the Lantern\n")));
        QVERIFY(out.contains(QStringLiteral("*Idea: a fox who finds a lantern · Ages 6-8 · English*")));
        QVERIFY(out.contains(QStringLiteral("## Page 1\n")));
        QVERIFY(out.contains(QStringLiteral("## Page 3\n")));
        QVERIFY(!out.contains(QStringLiteral("## Page 4")));
        QVERIFY(out.contains(QStringLiteral("*Picture: A small fox holding a glowing lantern among tall trees*")));
        // Paragraphs on blank lines, line breaks kept inside a paragraph.
        QVERIFY(out.contains(
            QStringLiteral("Pip found a lantern in the woods.\n\nIt glowed softly,  \nlike a tiny moon.\n")));
        QVERIFY(out.contains(QStringLiteral("**Where should Pip go?**")));
        QVERIFY(out.contains(QStringLiteral("- ✓ **Follow the owl** *(chosen)*\n")));
        QVERIFY(out.contains(QStringLiteral("- Go home\n")));
        QVERIFY(out.contains(QStringLiteral("- Twinkle\n")));
        QVERIFY(out.contains(QStringLiteral("- ✓ **Own answer: “Sparkly Bob”** *(chosen)*\n")));
        QVERIFY(out.endsWith(QStringLiteral("**The End**\n")));
        QCOMPARE(out.count(QStringLiteral("The End")), 1);
        QVERIFY(!out.contains(QStringLiteral("warm soup"))); // the other branch
        QVERIFY(!out.contains(QStringLiteral("If you chose")));
    }

    void markdownAllBranches()
    {
        const QString out = md(englishStory(), true);
        QVERIFY(out.contains(QStringLiteral("warm soup")));
        QVERIFY(out.contains(QStringLiteral("Sparkly Bob, and it winked")));
        const qsizetype page1 = out.indexOf(QStringLiteral("## Page 1\n"));
        const qsizetype page2a = out.indexOf(QStringLiteral("## Page 2a\n"));
        const qsizetype page3a = out.indexOf(QStringLiteral("## Page 3a\n"));
        const qsizetype page2b = out.indexOf(QStringLiteral("## Page 2b\n"));
        QVERIFY(page1 >= 0 && page1 < page2a && page2a < page3a && page3a < page2b); // depth-first
        QVERIFY(out.contains(QStringLiteral("*If you chose “Follow the owl”:*\n\n## Page 2a")));
        QVERIFY(out.contains(QStringLiteral("*If you chose “Go home”:*\n\n## Page 2b")));
        QVERIFY(!out.contains(QStringLiteral("*If you chose “Sparkly Bob”:*"))); // no branch there: only one way on
        QVERIFY(out.contains(QStringLiteral("- Follow the owl → Page 2a\n")));
        QVERIFY(out.contains(QStringLiteral("- Go home → Page 2b\n")));
        QVERIFY(out.contains(QStringLiteral("- Own answer: “Sparkly Bob” → Page 3a\n")));
        QCOMPARE(out.count(QStringLiteral("**The End**")), 2);
    }

    void markdownEscapesModelText()
    {
        const QString out = md(hostileStory(), true);
        // Nothing unescaped that could become HTML, a link, emphasis or code.
        static const QRegularExpression unescaped(QStringLiteral("(?<!\\\\)(<|\\]\\(|://|`)"));
        QVERIFY2(!unescaped.match(out).hasMatch(), qPrintable(unescaped.match(out).captured()));
        QVERIFY(out.contains(QStringLiteral("# \\<script\\>alert(1)\\</script\\> \\& friends\n")));
        QVERIFY(out.contains(QStringLiteral("\\<img src=x onerror=alert(2)\\>")));
        QVERIFY(out.contains(
            QStringLiteral("Read \\[link\\](http\\://x) and \\*\\*bold\\*\\* and \\_this\\_ and \\`code\\`.")));
        QVERIFY(out.contains(QStringLiteral("\n\\# not a heading  \n")));
        QVERIFY(out.contains(QStringLiteral("\n1\\. not a list  \n")));
        QVERIFY(out.contains(QStringLiteral("\n\\- not a bullet  \n")));
        QVERIFY(out.contains(QStringLiteral("www\\.example.com")));
        QVERIFY(out.contains(QStringLiteral("me\\@example.com \\&amp; !\\[img\\]")));
        QVERIFY(out.contains(QStringLiteral("*Picture: \\<b\\>scene\\</b\\> \\[s\\](http\\://s)*")));
        QVERIFY(out.contains(QStringLiteral("**\\[q\\](javascript:alert(3))?**")));
        QVERIFY(out.contains(QStringLiteral("- \\<i\\>opt\\</i\\>\n")));
        QVERIFY(out.contains(QStringLiteral("Own answer: “\\<svg onload=alert(4)\\>”")));
    }

    void htmlIsSelfContainedAndEscaped()
    {
        const QString out = html(hostileStory(), true);
        QVERIFY(out.startsWith(QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">")));
        QVERIFY(out.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(
            out.contains(QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")));
        QVERIFY(
            out.contains(QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                        "img-src data:; style-src 'unsafe-inline'\">")));
        QVERIFY(out.indexOf(QStringLiteral("Content-Security-Policy")) < out.indexOf(QStringLiteral("<title>")));
        QVERIFY(out.contains(QStringLiteral("prefers-color-scheme: dark")));
        QVERIFY(out.contains(QStringLiteral("Noto Serif CJK SC")));

        QVERIFY(!out.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!out.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
        QVERIFY(!out.contains(QStringLiteral("<svg"), Qt::CaseInsensitive));
        QVERIFY(!out.contains(QStringLiteral("<iframe"), Qt::CaseInsensitive));
        QVERIFY(!out.contains(QStringLiteral("<i>")));
        QVERIFY(!out.contains(QStringLiteral("<b>")));
        QCOMPARE(out.count(QStringLiteral("<style")), 1);
        QVERIFY(out.contains(QStringLiteral("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends</h1>")));
        QVERIFY(out.contains(QStringLiteral("&lt;img src=x onerror=alert(2)&gt;")));
        QVERIFY(out.contains(QStringLiteral("&lt;iframe src=&quot;http://evil&quot;&gt;&lt;/iframe&gt;")));
        QVERIFY(out.contains(QStringLiteral("&lt;svg onload=alert(4)&gt;")));

        // Only our own tags, no URLs, no resources: every tag is from a fixed set, every link a fragment.
        static const QRegularExpression tag(QStringLiteral("<([a-zA-Z][a-zA-Z0-9]*)"));
        const QSet<QString> allowed{QStringLiteral("html"), QStringLiteral("head"),   QStringLiteral("meta"),
                                    QStringLiteral("title"), QStringLiteral("style"), QStringLiteral("body"),
                                    QStringLiteral("main"),  QStringLiteral("header"), QStringLiteral("h1"),
                                    QStringLiteral("h2"),    QStringLiteral("p"),     QStringLiteral("section"),
                                    QStringLiteral("div"),   QStringLiteral("ul"),    QStringLiteral("li"),
                                    QStringLiteral("span"),  QStringLiteral("a"),     QStringLiteral("em"),
                                    QStringLiteral("br"),    QStringLiteral("footer")};
        for (auto it = tag.globalMatch(out); it.hasNext();) {
            const QString name = it.next().captured(1).toLower();
            QVERIFY2(allowed.contains(name), qPrintable(name));
        }
        static const QRegularExpression attributes(
            QStringLiteral("\\b(src|href|action|srcset|xlink:href)\\s*=\\s*\"([^\"]*)\""));
        for (auto it = attributes.globalMatch(out); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            QCOMPARE(m.captured(1), QStringLiteral("href"));
            QVERIFY2(m.captured(2).startsWith(QStringLiteral("#page-")), qPrintable(m.captured(2)));
        }
        QVERIFY(!out.contains(QStringLiteral("url("), Qt::CaseInsensitive));
        QVERIFY(!out.contains(QStringLiteral("@import"), Qt::CaseInsensitive));
        static const QRegularExpression handler(QStringLiteral("<[^>]*\\son[a-z]+\\s*="),
                                                QRegularExpression::CaseInsensitiveOption);
        QVERIFY(!handler.match(out).hasMatch());
    }

    void htmlPathAndBranches()
    {
        const QString path = html(englishStory());
        QVERIFY(path.contains(QStringLiteral("<h2>Page 3</h2>")));
        QVERIFY(path.contains(
            QStringLiteral("<p class=\"scene\"><em>Picture: An owl and a fox on a starry hill</em></p>")));
        QVERIFY(path.contains(QStringLiteral(
            "<p>Pip found a lantern in the woods.</p>\n<p>It glowed softly,<br>\nlike a tiny moon.</p>")));
        QVERIFY(path.contains(
            QStringLiteral("<li class=\"chosen\">Follow the owl <span class=\"mark\">✓ (chosen)</span></li>")));
        QVERIFY(path.contains(QStringLiteral("<li>Go home</li>")));
        QVERIFY(path.contains(QStringLiteral("<li class=\"chosen\">Own answer: “Sparkly Bob”")));
        QVERIFY(path.contains(QStringLiteral("<p class=\"the-end\">The End</p>")));
        QVERIFY(!path.contains(QStringLiteral("warm soup")));

        const QString all = html(englishStory(), true);
        QVERIFY(all.contains(QStringLiteral("warm soup")));
        QVERIFY(all.contains(QStringLiteral("<section class=\"page\" id=\"page-2b\">\n<p class=\"branch\">If you chose "
                                            "“Go home”:</p>\n<h2>Page 2b</h2>")));
        QVERIFY(all.contains(
            QStringLiteral("<li>Go home <span class=\"mark\">→ <a href=\"#page-2b\">Page 2b</a></span></li>")));
        QCOMPARE(all.count(QStringLiteral("class=\"the-end\"")), 2);
    }

    void chineseAndEmoji()
    {
        const Story story = chineseStory();
        const QString h = html(story);
        QVERIFY(h.contains(QStringLiteral("<html lang=\"zh-Hans\">")));
        QVERIFY(h.contains(QStringLiteral("<title>小兔子的月亮船 🌙</title>")));
        QVERIFY(h.contains(QStringLiteral("<p>小兔子坐上了月亮船。🐰</p>")));
        QVERIFY(h.contains(QStringLiteral("<li class=\"chosen\">回家睡觉 ")));
        const QByteArray m = exportMarkdown(story);
        QVERIFY(m.contains("小兔子回家睡觉了。晚安！🌟"));
        QVERIFY(m.contains("# 小兔子的月亮船 🌙\n"));
        // The story's words are the story's language under an English interface (no translator here).
        QCOMPARE(QCoreApplication::translate("Storybook::StoryWords", "The End"), QStringLiteral("The End"));
        const QString mt = QString::fromUtf8(m);
        QVERIFY2(mt.contains(QStringLiteral("中文")), qPrintable(mt));
        QVERIFY(mt.contains(QStringLiteral("## 第 1 页\n")));
        QVERIFY(mt.contains(QStringLiteral("**完**")));
        QVERIFY(mt.contains(QStringLiteral("（已选）")));
        QVERIFY(mt.contains(QStringLiteral("适合 3-5 岁")));
        QVERIFY(!mt.contains(QStringLiteral("Page 1")));
        QVERIFY(!mt.contains(QStringLiteral("The End")));
        QVERIFY(!mt.contains(QStringLiteral("Chinese")));
        QVERIFY(h.contains(QStringLiteral("<h2>第 2 页</h2>")));
        QVERIFY(h.contains(QStringLiteral("<p class=\"the-end\">完</p>")));
        QVERIFY(h.contains(QStringLiteral("<footer>由互动绘本制作</footer>")));
    }

    void englishStoryUnderAChineseInterface()
    {
        QTranslator chinese;
        QVERIFY(chinese.load(QStringLiteral(":/i18n/storybook_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&chinese));
        const auto removeTranslator = qScopeGuard([&chinese] { QCoreApplication::removeTranslator(&chinese); });
        QCOMPARE(QCoreApplication::translate("Storybook::StoryWords", "The End"), QStringLiteral("完"));
        const QString m = md(englishStory());
        QVERIFY2(m.contains(QStringLiteral("## Page 1\n")), qPrintable(m));
        QVERIFY(m.contains(QStringLiteral("**The End**")));
        QVERIFY(m.contains(QStringLiteral("English")));
        QVERIFY(!m.contains(QStringLiteral("完")));
        QVERIFY(!m.contains(QStringLiteral("第 1 页")));
    }

    void aQuestionWithoutWordsGetsTheKindsQuestion()
    {
        Story story = chineseStory();
        story.page(QStringLiteral("z1"))->interaction->question.clear();
        QVERIFY(md(story).contains(QStringLiteral("**接下来会发生什么呢？**")));
        Story english = englishStory();
        english.page(QStringLiteral("p1"))->interaction->question.clear();
        english.page(QStringLiteral("p1"))->interaction->kind = Interaction::Kind::Guess;
        QVERIFY(md(english).contains(QStringLiteral("**What do you guess?**")));
    }

    void draftsAreMarked()
    {
        const Story story = draftStory();
        const QString m = md(story);
        QVERIFY(m.contains(QStringLiteral("## Page 3\n\n> **Unfinished page: The connection was lost.**")));
        QVERIFY(!m.contains(QStringLiteral("The End")));
        const QString h = html(story);
        QVERIFY(h.contains(QStringLiteral("<p class=\"draft\">Unfinished page: The connection was lost.</p>")));

        Story bare = englishStory();
        bare.page(QStringLiteral("p1"))->state = Page::State::Streaming;
        QVERIFY(md(bare).contains(QStringLiteral("## Page 1\n\n> **Unfinished page**")));
    }

    void draftReasonsAreCodesInTheStorysLanguage()
    {
        Story story = draftStory();
        Page* p3 = story.page(QStringLiteral("p3"));
        Story::setDraftReason(*p3, QStringLiteral("network:dns"));
        QVERIFY(md(story).contains(QStringLiteral(
            "> **Unfinished page: The story writer could not be reached over the network.**")));

        Story chinese = chineseStory();
        Page* z2 = chinese.page(QStringLiteral("z2"));
        Story::setDraftReason(*z2, QStringLiteral("length"));
        z2->ending = false;
        const QString m = md(chinese);
        QVERIFY2(m.contains(QStringLiteral("> **未完成的页面：")), qPrintable(m));
        QVERIFY(!m.contains(QStringLiteral("length limit")));
        QVERIFY(m.contains(QStringLiteral("回答长度的上限")));
    }

    void emptyStory()
    {
        Story story;
        QVERIFY(md(story).startsWith(QStringLiteral("# Untitled story\n")));
        QVERIFY(html(story).contains(QStringLiteral("<h1>Untitled story</h1>")));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("empty.pdf"));
        QCOMPARE(exportPdf(story, file), QString());
        QVERIFY(QFile::exists(file));
    }

    void exportToFileWritesEachFormat()
    {
        QTemporaryDir dir;
        const Story story = englishStory();
        for (const ExportFormat format : {ExportFormat::Markdown, ExportFormat::Html, ExportFormat::Pdf}) {
            const QString file = dir.filePath(QStringLiteral("story.") + exportFormatSuffix(format));
            QCOMPARE(exportToFile(story, format, file), QString());
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.size() > 100);
        }
        QVERIFY(!exportToFile(story, ExportFormat::Html, dir.filePath(QStringLiteral("missing/dir/x.html"))).isEmpty());
        const QString why = exportPdf(story, dir.filePath(QStringLiteral("missing/dir/x.pdf")));
        QVERIFY(!why.isEmpty());
        QVERIFY(why.contains(QStringLiteral("x.pdf")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing/dir/x.pdf"))));
    }

    void pdfStructure()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("pip.pdf"));
        QCOMPARE(exportPdf(englishStory(), file), QString());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        QVERIFY(data.startsWith("%PDF-"));
        QVERIFY(data.trimmed().endsWith("%%EOF"));

        REQUIRE_POPPLER(pdfinfo, "pdfinfo");
        QCOMPARE(pdfPages(pdfinfo, file), int(englishStory().pathPages().size()) + 1);

        const QString allFile = dir.filePath(QStringLiteral("pip-all.pdf"));
        QCOMPARE(exportPdf(englishStory(), allFile, ExportOptions{true}), QString());
        QCOMPARE(pdfPages(pdfinfo, allFile), int(englishStory().pages.size()) + 1);
    }

    void pdfText()
    {
        REQUIRE_POPPLER(pdftotext, "pdftotext");
        QTemporaryDir dir;
        const QString en = dir.filePath(QStringLiteral("en.pdf"));
        QCOMPARE(exportPdf(englishStory(), en), QString());
        const QString enText = ::pdfText(pdftotext, en);
        QVERIFY2(enText.contains(QStringLiteral("Pip and the Lantern")), qPrintable(enText));
        QVERIFY(enText.contains(QStringLiteral("Pip found a lantern in the woods.")));
        QVERIFY(enText.contains(QStringLiteral("Picture: A small fox")));
        QVERIFY(enText.contains(QStringLiteral("Page 3")));
        QVERIFY(enText.contains(QStringLiteral("Follow the owl (chosen)")));
        QVERIFY(enText.contains(QStringLiteral("The End")));
        QVERIFY(!enText.contains(QStringLiteral("warm soup")));

        const QString zh = dir.filePath(QStringLiteral("zh.pdf"));
        QCOMPARE(exportPdf(chineseStory(), zh), QString());
        const QString zhText = ::pdfText(pdftotext, zh);
        QVERIFY2(zhText.contains(QStringLiteral("小兔子的月亮船")), qPrintable(zhText));
        QVERIFY(zhText.contains(QStringLiteral("小兔子坐上了月亮船。")));
        QVERIFY(zhText.contains(QStringLiteral("星星在轻轻地唱歌。")));
        QVERIFY(zhText.contains(QStringLiteral("小兔子应该去哪里？")));
        QVERIFY(zhText.contains(QStringLiteral("小兔子回家睡觉了。晚安！")));
        // The story's words, not the interface's (pdftotext drops the spaces between Chinese characters).
        QVERIFY2(QString(zhText).remove(u' ').contains(QStringLiteral("第1页")), qPrintable(zhText));
        QVERIFY(zhText.contains(QStringLiteral("完")));

        // Model text is text in the PDF too, never markup.
        const QString evil = dir.filePath(QStringLiteral("evil.pdf"));
        QCOMPARE(exportPdf(hostileStory(), evil), QString());
        const QString evilText = ::pdfText(pdftotext, evil);
        QVERIFY2(evilText.contains(QStringLiteral("<script>alert(1)</script>")), qPrintable(evilText));
        QVERIFY(evilText.contains(QStringLiteral("<img src=x onerror=alert(2)>")));
        QVERIFY(evilText.contains(QStringLiteral("<i>opt</i>")));
    }

    void pdfEmbedsCjkFont()
    {
        REQUIRE_POPPLER(pdffonts, "pdffonts");
        // A machine without a CJK font (Noto / Source Han) cannot embed one: a skip here, a failure on CI.
        const QStringList chineseFamilies = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
        STORYBOOK_REQUIRE(std::any_of(chineseFamilies.cbegin(), chineseFamilies.cend(),
                                      [](const QString& family) { return family.contains(QLatin1String("CJK")); }),
                          "a CJK font (fonts-noto-cjk)");
        QTemporaryDir dir;
        const QString zh = dir.filePath(QStringLiteral("zh.pdf"));
        QCOMPARE(exportPdf(chineseStory(), zh), QString());
        const QStringList lines = PopplerTools::run(pdffonts, {zh}).split(u'\n');
        const auto cjk = std::find_if(lines.cbegin(), lines.cend(),
                                      [](const QString& l) { return l.contains(QStringLiteral("CJK")); });
        QVERIFY2(cjk != lines.cend(), qPrintable(lines.join(u'\n'))); // the font is there, so it must be used
        // name type encoding emb sub uni object ID
        QVERIFY2(cjk->simplified().split(u' ').contains(QStringLiteral("yes")), qPrintable(*cjk));
    }

    void longPageContinuesInsteadOfCutting()
    {
        REQUIRE_POPPLER(pdftotext, "pdftotext");
        Story story;
        story.title = QStringLiteral("Long");
        QString text;
        for (int i = 0; i < 60; ++i)
            text += QStringLiteral("This is sentence number %1 of a very long page that keeps going.\n\n").arg(i);
        text += QStringLiteral("And this is the very last sentence.");
        story.addPage(makePage(QStringLiteral("l1"), {}, text));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("long.pdf"));
        QCOMPARE(exportPdf(story, file), QString());
        const QString out = ::pdfText(pdftotext, file);
        QVERIFY(out.contains(QStringLiteral("sentence number 0 ")));
        QVERIFY(out.contains(QStringLiteral("sentence number 59 ")));
        QVERIFY(out.contains(QStringLiteral("And this is the very last sentence.")));
    }
};

QTEST_MAIN(TestStoryExporter)
#include "tst_storyexporter.moc"
