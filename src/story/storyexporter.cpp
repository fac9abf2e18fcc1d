#include "storyexporter.h"

#include "atomicfile.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFont>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPen>
#include <QRawFont>
#include <QRegularExpression>
#include <QSet>
#include <QTextDocument>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

namespace Storybook::Story {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Story::StoryExporter)
};

constexpr qsizetype MaxEntries = 10000; // a corrupt tree cannot make the export run away

// -------------------------------------------------------------------------------------------------
// What is exported, independent of the format.

// One answer under a page's question.
struct Choice
{
    QString text;
    bool own = false;    // the child's own answer, not one of the suggested options
    bool chosen = false; // current path: the answer taken
    QString target;      // all branches: the label of the page it leads to ("" = not written)
};

// One story page as exported.
struct Entry
{
    const Page* page = nullptr;
    QString label;            // "3"; with all branches "3a", "5ab"
    bool branchStart = false; // all branches: one of several pages after the same page
    QString ledBy;            // the answer that led to this branch (may be empty)
    QList<Choice> choices;    // only when the page has an interaction
};

// Model text as plain text: no control characters, one kind of newline.
QString clean(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == u'\r') {
            out += u'\n';
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
        } else if (c == 0x2028) {
            out += u'\n';
        } else if (c == 0x2029) {
            out += QStringLiteral("\n\n");
        } else if (c == u'\t') {
            out += u' ';
        } else if (c == u'\n' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))) {
            out += QChar(c);
        }
    }
    return out;
}

// A single line (titles, questions, answers, scenes).
QString line(const QString& text)
{
    return clean(text).simplified();
}

// Paragraphs split on blank lines; each paragraph is a list of lines (single newlines kept as line breaks).
QList<QStringList> paragraphs(const QString& text)
{
    QList<QStringList> out;
    QStringList current;
    for (const QString& raw : clean(text).split(u'\n')) {
        const QString l = raw.simplified();
        if (l.isEmpty()) {
            if (!current.isEmpty())
                out.append(current);
            current.clear();
        } else {
            current.append(l);
        }
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

QString titleOf(const Story& story)
{
    const QString title = line(story.title);
    return title.isEmpty() ? Tr::tr("Untitled story") : title;
}

bool isChinese(const Story& story)
{
    return story.settings.language.trimmed().toLower().startsWith(QLatin1String("zh"));
}

QString languageName(const QString& code)
{
    const QString c = code.trimmed().toLower();
    if (c.startsWith(QLatin1String("zh")))
        return Tr::tr("Chinese");
    if (c.isEmpty() || c.startsWith(QLatin1String("en")))
        return Tr::tr("English");
    return line(code);
}

// "Idea: … · Ages 6-8 · English"
QString metaLine(const Story& story)
{
    QStringList parts;
    if (const QString idea = line(story.settings.idea); !idea.isEmpty())
        parts.append(Tr::tr("Idea: %1").arg(idea));
    if (const QString ages = line(story.settings.ageBand); !ages.isEmpty())
        //: %1 is an age band such as 6-8
        parts.append(Tr::tr("Ages %1").arg(ages));
    parts.append(languageName(story.settings.language));
    return parts.join(QStringLiteral(" · "));
}

QString pageHeading(const QString& label)
{
    //: %1 is the page's position: a number, with a letter per branch taken in "all branches" exports (3a)
    return Tr::tr("Page %1").arg(label);
}

QString branchLead(const Entry& entry)
{
    return entry.ledBy.isEmpty() ? Tr::tr("Another way the story goes:")
                                 : Tr::tr("If you chose “%1”:").arg(entry.ledBy);
}

QString choiceText(const Choice& choice)
{
    return choice.own ? Tr::tr("Own answer: “%1”").arg(choice.text) : choice.text;
}

QString draftText(const Page& page)
{
    const QString note = line(page.note);
    return note.isEmpty() ? Tr::tr("Unfinished page") : Tr::tr("Unfinished page: %1").arg(note);
}

bool validOption(const Page& parent, int index)
{
    return parent.interaction && index >= 0 && index < parent.interaction->options.size();
}

// The current reading path, with the answer taken after each page.
QList<Entry> pathEntries(const Story& story)
{
    const QList<const Page*> pages = story.pathPages();
    QList<Entry> out;
    for (qsizetype i = 0; i < pages.size() && i < MaxEntries; ++i) {
        const Page& page = *pages.at(i);
        const Page* next = i + 1 < pages.size() && pages.at(i + 1)->parentId == page.id ? pages.at(i + 1) : nullptr;
        Entry entry{&page, QString::number(i + 1), false, {}, {}};
        if (page.interaction) {
            const QStringList& options = page.interaction->options;
            for (qsizetype k = 0; k < options.size(); ++k)
                entry.choices.append({line(options.at(k)), false, next && next->answerIndex == k, {}});
            if (next && !validOption(page, next->answerIndex) && !line(next->answer).isEmpty())
                entry.choices.append({line(next->answer), true, true, {}});
        }
        out.append(entry);
    }
    return out;
}

// 0 → "a", 25 → "z", 26 → "aa"
QString branchLetters(qsizetype index)
{
    QString s;
    for (qsizetype n = index + 1; n > 0; n = (n - 1) / 26)
        s.prepend(QChar(char16_t(u'a' + (n - 1) % 26)));
    return s;
}

// The whole tree, depth-first from the first page; the children of a page in option order.
QList<Entry> treeEntries(const Story& story)
{
    QList<Entry> out;
    const Page* first = story.firstPage();
    if (!first)
        return out;
    struct Pending
    {
        const Page* page;
        int depth;
        QString letters;
        bool branchStart;
    };
    QList<Pending> stack{{first, 1, {}, false}};
    QSet<QString> seen;
    while (!stack.isEmpty() && out.size() < MaxEntries) {
        const Pending item = stack.takeLast();
        const Page& page = *item.page;
        if (seen.contains(page.id))
            continue;
        seen.insert(page.id);

        QList<const Page*> kids = story.children(page.id);
        kids.removeIf([&seen](const Page* p) { return seen.contains(p->id); });
        const auto rank = [&page](const Page* p) {
            return validOption(page, p->answerIndex) ? p->answerIndex : std::numeric_limits<int>::max();
        };
        std::stable_sort(kids.begin(), kids.end(), [&rank](const Page* a, const Page* b) { return rank(a) < rank(b); });

        Entry entry{&page, QString::number(item.depth) + item.letters, item.branchStart,
                    item.branchStart ? line(page.answer) : QString(), {}};
        QList<Pending> next;
        for (qsizetype i = 0; i < kids.size(); ++i)
            next.append({kids.at(i), item.depth + 1, item.letters + (kids.size() > 1 ? branchLetters(i) : QString()),
                         kids.size() > 1});
        if (page.interaction) {
            const QStringList& options = page.interaction->options;
            for (qsizetype k = 0; k < options.size(); ++k) {
                Choice choice{line(options.at(k)), false, false, {}};
                const auto it = std::find_if(next.cbegin(), next.cend(),
                                             [k](const Pending& p) { return p.page->answerIndex == k; });
                if (it != next.cend())
                    choice.target = QString::number(it->depth) + it->letters;
                entry.choices.append(choice);
            }
            for (const Pending& p : std::as_const(next)) {
                if (!validOption(page, p.page->answerIndex) && !line(p.page->answer).isEmpty())
                    entry.choices.append({line(p.page->answer), true, false, QString::number(p.depth) + p.letters});
            }
        }
        out.append(entry);
        for (auto it = next.crbegin(); it != next.crend(); ++it)
            stack.append(*it);
    }
    return out;
}

QList<Entry> entries(const Story& story, const ExportOptions& options)
{
    return options.allBranches ? treeEntries(story) : pathEntries(story);
}

// -------------------------------------------------------------------------------------------------
// Markdown

// Escapes text so it stays text: no emphasis, links, autolinks, HTML, code, headings or lists.
QString md(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
        case u'`':
        case u'*':
        case u'_':
        case u'[':
        case u']':
        case u'<':
        case u'>':
        case u'~':
        case u'|':
        case u'&':
        case u'@':
            out += u'\\';
            break;
        default:
            break;
        }
        out += c;
    }
    // Block syntax at the start of a line: headings, lists, setext underlines, ordered lists.
    static const QRegularExpression blockStart(QStringLiteral("^(?:[#+=\\-]|\\d+[.)])"));
    if (const QRegularExpressionMatch m = blockStart.match(out); m.hasMatch())
        out.insert(m.capturedEnd() - 1, u'\\');
    // GFM autolinks ("http://…", "www.…") would turn plain text into links.
    static const QRegularExpression www(QStringLiteral("\\b(www)\\."), QRegularExpression::CaseInsensitiveOption);
    out.replace(QStringLiteral("://"), QStringLiteral("\\://"));
    out.replace(www, QStringLiteral("\\1\\.")); // gives www\. (QString::replace knows only \1-style captures)
    return out;
}

QString markdownChoice(const Choice& choice, bool allBranches)
{
    QString item = QStringLiteral("- ");
    if (choice.chosen)
        item += QStringLiteral("✓ **") % md(choiceText(choice)) % QStringLiteral("** *") % md(Tr::tr("(chosen)"))
                % u'*';
    else
        item += md(choiceText(choice));
    if (allBranches && !choice.target.isEmpty())
        item += QStringLiteral(" → ") % md(pageHeading(choice.target));
    return item % u'\n';
}
} // namespace

QByteArray exportMarkdown(const Story& story, const ExportOptions& options)
{
    QString out = QStringLiteral("# ") % md(titleOf(story)) % QStringLiteral("\n\n*") % md(metaLine(story))
                  % QStringLiteral("*\n\n");
    for (const Entry& entry : entries(story, options)) {
        const Page& page = *entry.page;
        out += QStringLiteral("---\n\n");
        if (entry.branchStart)
            out += u'*' % md(branchLead(entry)) % QStringLiteral("*\n\n");
        out += QStringLiteral("## ") % md(pageHeading(entry.label)) % QStringLiteral("\n\n");
        if (page.isDraft())
            out += QStringLiteral("> **") % md(draftText(page)) % QStringLiteral("**\n\n");
        if (const QString scene = line(page.scene); !scene.isEmpty())
            out += u'*' % md(Tr::tr("Picture: %1").arg(scene)) % QStringLiteral("*\n\n");
        for (const QStringList& paragraph : paragraphs(page.text)) {
            QStringList lines;
            for (const QString& l : paragraph)
                lines.append(md(l));
            out += lines.join(QStringLiteral("  \n")) % QStringLiteral("\n\n");
        }
        if (page.interaction) {
            if (const QString question = line(page.interaction->question); !question.isEmpty())
                out += QStringLiteral("**") % md(question) % QStringLiteral("**\n\n");
            for (const Choice& choice : std::as_const(entry.choices))
                out += markdownChoice(choice, options.allBranches);
            out += u'\n';
        }
        if (page.ending)
            out += QStringLiteral("**") % md(Tr::tr("The End")) % QStringLiteral("**\n\n");
    }
    while (out.endsWith(QStringLiteral("\n\n")))
        out.chop(1);
    return out.toUtf8();
}

// -------------------------------------------------------------------------------------------------
// HTML

namespace {
QString h(const QString& text)
{
    return text.toHtmlEscaped();
}

// A BCP 47 tag for the story language; Chinese stories are Simplified Chinese.
QString htmlLang(const Story& story)
{
    if (isChinese(story))
        return QStringLiteral("zh-Hans");
    static const QRegularExpression tag(QStringLiteral("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"));
    const QString code = story.settings.language.trimmed();
    return tag.match(code).hasMatch() ? code : QStringLiteral("en");
}

// Anchors come from our own labels (digits and letters), never from model text.
QString anchor(const QString& label)
{
    return QStringLiteral("page-") % label;
}

constexpr auto HtmlStyle = R"css(
:root { color-scheme: light dark; --paper: #f8f3e9; --card: #fffdf8; --ink: #35302a; --muted: #8a7f70;
  --accent: #5f8f6e; --line: #e9e0cf; --tint: #f4eee2; --warn-bg: #fbecd0; --warn: #7a5300; }
@media (prefers-color-scheme: dark) {
  :root { --paper: #1b1916; --card: #25221e; --ink: #ece5d8; --muted: #a99f8f; --accent: #94c3a1;
    --line: #3a342c; --tint: #2f2b25; --warn-bg: #4a3a1c; --warn: #f3d79b; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font-family: "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Noto Serif", "Noto Serif CJK SC",
    "Source Han Serif SC", "Songti SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei",
    "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", serif;
  font-size: clamp(1.125rem, 1rem + 0.6vw, 1.375rem); line-height: 1.65; }
body:lang(zh) { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "Noto Sans CJK SC",
    "PingFang SC", "Microsoft YaHei", "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", serif;
  line-height: 1.9; letter-spacing: 0.02em; }
main { max-width: 40rem; margin: 0 auto; padding: 2.5rem 1rem 3rem; }
.cover { text-align: center; padding: 2.5rem 0.5rem 1.5rem; }
h1 { font-size: 2.1em; line-height: 1.25; margin: 0 0 0.75rem; font-weight: 600; }
.meta { color: var(--muted); font-size: 0.78em; margin: 0; }
.page { background: var(--card); border: 1px solid var(--line); border-radius: 1.25rem; padding: 1.75rem 2rem;
  margin: 1.5rem 0; box-shadow: 0 1px 4px rgba(60, 40, 10, 0.06); }
.page h2 { font-size: 0.8em; letter-spacing: 0.06em; color: var(--accent); margin: 0 0 0.8rem; font-weight: 600; }
.branch { color: var(--muted); font-style: italic; font-size: 0.9em; margin: 0 0 0.6rem; }
.draft { display: inline-block; background: var(--warn-bg); color: var(--warn); border-radius: 0.5rem;
  padding: 0.1rem 0.7rem; font-size: 0.8em; margin: 0 0 0.8rem; }
.scene { color: var(--muted); font-size: 0.85em; margin: 0 0 1.1rem; padding-left: 0.8rem;
  border-left: 3px solid var(--line); }
.text p { margin: 0 0 0.9em; }
.question { background: var(--tint); border-radius: 0.9rem; padding: 1rem 1.25rem; margin: 1.25rem 0 0; }
.question p { margin: 0 0 0.4rem; font-weight: 600; }
.question ul { margin: 0; padding-left: 1.3rem; }
.question li { margin: 0.2rem 0; }
.question li.chosen { font-weight: 600; }
.mark { color: var(--accent); font-size: 0.85em; font-weight: normal; white-space: nowrap; }
.mark a { color: inherit; }
.the-end { text-align: center; font-size: 1.3em; font-style: italic; letter-spacing: 0.04em; margin: 1.75rem 0 0.25rem; }
footer { text-align: center; color: var(--muted); font-size: 0.7em; margin-top: 2.5rem; }
@media (max-width: 32rem) {
  main { padding: 1rem 0.6rem 2rem; }
  .page { padding: 1.2rem 1.1rem; border-radius: 1rem; }
}
@media print {
  body { background: #fff; color: #000; }
  .page { box-shadow: none; break-inside: avoid; }
}
)css";

QString htmlChoice(const Choice& choice, bool allBranches)
{
    QString item = choice.chosen ? QStringLiteral("<li class=\"chosen\">") : QStringLiteral("<li>");
    item += h(choiceText(choice));
    if (choice.chosen)
        item += QStringLiteral(" <span class=\"mark\">✓ ") % h(Tr::tr("(chosen)")) % QStringLiteral("</span>");
    if (allBranches && !choice.target.isEmpty())
        item += QStringLiteral(" <span class=\"mark\">→ <a href=\"#") % anchor(choice.target) % QStringLiteral("\">")
                % h(pageHeading(choice.target)) % QStringLiteral("</a></span>");
    return item % QStringLiteral("</li>\n");
}
} // namespace

QByteArray exportHtml(const Story& story, const ExportOptions& options)
{
    const QString title = titleOf(story);
    QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"") % h(htmlLang(story))
        % QStringLiteral("\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                         "style-src 'unsafe-inline'\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         "<meta name=\"referrer\" content=\"no-referrer\">\n"
                         "<meta name=\"generator\" content=\"Interactive Storybook\">\n<title>")
        % h(title) % QStringLiteral("</title>\n<style>") % QLatin1String(HtmlStyle)
        % QStringLiteral("</style>\n</head>\n<body>\n<main>\n<header class=\"cover\">\n<h1>") % h(title)
        % QStringLiteral("</h1>\n<p class=\"meta\">") % h(metaLine(story)) % QStringLiteral("</p>\n</header>\n");
    for (const Entry& entry : entries(story, options)) {
        const Page& page = *entry.page;
        out += QStringLiteral("<section class=\"page\" id=\"") % anchor(entry.label) % QStringLiteral("\">\n");
        if (entry.branchStart)
            out += QStringLiteral("<p class=\"branch\">") % h(branchLead(entry)) % QStringLiteral("</p>\n");
        out += QStringLiteral("<h2>") % h(pageHeading(entry.label)) % QStringLiteral("</h2>\n");
        if (page.isDraft())
            out += QStringLiteral("<p class=\"draft\">") % h(draftText(page)) % QStringLiteral("</p>\n");
        if (const QString scene = line(page.scene); !scene.isEmpty())
            out += QStringLiteral("<p class=\"scene\"><em>") % h(Tr::tr("Picture: %1").arg(scene))
                   % QStringLiteral("</em></p>\n");
        out += QStringLiteral("<div class=\"text\">\n");
        for (const QStringList& paragraph : paragraphs(page.text)) {
            QStringList lines;
            for (const QString& l : paragraph)
                lines.append(h(l));
            out += QStringLiteral("<p>") % lines.join(QStringLiteral("<br>\n")) % QStringLiteral("</p>\n");
        }
        out += QStringLiteral("</div>\n");
        if (page.interaction) {
            out += QStringLiteral("<div class=\"question\">\n");
            if (const QString question = line(page.interaction->question); !question.isEmpty())
                out += QStringLiteral("<p>") % h(question) % QStringLiteral("</p>\n");
            if (!entry.choices.isEmpty()) {
                out += QStringLiteral("<ul>\n");
                for (const Choice& choice : std::as_const(entry.choices))
                    out += htmlChoice(choice, options.allBranches);
                out += QStringLiteral("</ul>\n");
            }
            out += QStringLiteral("</div>\n");
        }
        if (page.ending)
            out += QStringLiteral("<p class=\"the-end\">") % h(Tr::tr("The End")) % QStringLiteral("</p>\n");
        out += QStringLiteral("</section>\n");
    }
    out += QStringLiteral("<footer>") % h(Tr::tr("Made with Interactive Storybook"))
           % QStringLiteral("</footer>\n</main>\n</body>\n</html>\n");
    return out.toUtf8();
}

// -------------------------------------------------------------------------------------------------
// PDF

namespace {
// Layout units are CSS pixels (96 per inch); the painter is scaled to the writer's resolution.
constexpr qreal CssDpi = 96.0;
constexpr qreal Mm = CssDpi / 25.4;
constexpr qreal FrameInset = 8 * Mm;   // the soft frame around each page
constexpr qreal MarginX = 20 * Mm;     // text margins
constexpr qreal MarginTop = 14 * Mm;
constexpr qreal MarginBottom = 18 * Mm; // room for the footer
// Text shrinks step by step until a page fits one sheet; below the last step it continues on the next.
constexpr std::array<qreal, 7> FitScales{1.0, 0.9, 0.82, 0.75, 0.68, 0.62, 0.56};

const QColor Ink(0x35, 0x30, 0x2a);
const QColor Muted(0x8a, 0x7f, 0x70);
const QColor FrameColor(0xe4, 0xd9, 0xc5);

QFont bookFont()
{
    // Latin fonts first even for Chinese stories: with Noto CJK first, Qt's PDF writer loses the
    // digits of Latin text from the extractable text. CJK and emoji fonts are the fallbacks.
    QFont font;
    font.setFamilies({QStringLiteral("Noto Serif"), QStringLiteral("DejaVu Serif"), QStringLiteral("Georgia"),
                      QStringLiteral("Times New Roman"), QStringLiteral("DejaVu Sans"),
                      QStringLiteral("Noto Serif CJK SC"), QStringLiteral("Source Han Serif SC"),
                      QStringLiteral("Songti SC"), QStringLiteral("SimSun"), QStringLiteral("Noto Sans CJK SC"),
                      QStringLiteral("Source Han Sans SC"), QStringLiteral("PingFang SC"),
                      QStringLiteral("Microsoft YaHei"), QStringLiteral("Noto Color Emoji"),
                      QStringLiteral("Apple Color Emoji"), QStringLiteral("Segoe UI Emoji")});
    font.setStyleHint(QFont::Serif);
    font.setPixelSize(20);
    return font;
}

QString px(qreal size, qreal scale)
{
    return QString::number(qRound(size * scale)) % QStringLiteral("px");
}

QString pdfParagraph(const QString& html, const QString& style, const QString& align = QString())
{
    return QStringLiteral("<p") % (align.isEmpty() ? QString() : QStringLiteral(" align=\"") % align % u'"')
           % QStringLiteral(" style=\"") % style % QStringLiteral("\">") % html % QStringLiteral("</p>");
}

// Rich text for QTextDocument, one story page at a time; all model text is escaped.
class PdfHtml final
{
public:
    explicit PdfHtml(const QFont& font)
        : m_metrics(font)
    {
    }

    [[nodiscard]] QString title(const Story& story) const
    {
        return QStringLiteral("<html><body>")
            % pdfParagraph(esc(titleOf(story)), QStringLiteral("font-size:38px;font-weight:600;line-height:130%;"),
                           QStringLiteral("center"))
            % pdfParagraph(QStringLiteral("·  ·  ·"), QStringLiteral("color:#c9b99c;font-size:22px;margin:14px 0;"),
                           QStringLiteral("center"))
            % pdfParagraph(esc(metaLine(story)), QStringLiteral("color:#8a7f70;font-size:14px;line-height:140%;"),
                           QStringLiteral("center"))
            % QStringLiteral("</body></html>");
    }

    // `s` scales every size, to make a long page fit its sheet.
    [[nodiscard]] QString page(const Entry& entry, bool allBranches, qreal s) const
    {
        const Page& page = *entry.page;
        const QString muted = QStringLiteral("color:#8a7f70;");
        const QString accent = QStringLiteral("color:#5f8f6e;");
        QString html = QStringLiteral("<html><body>");
        if (entry.branchStart)
            html += pdfParagraph(esc(branchLead(entry)),
                                 muted % QStringLiteral("font-style:italic;margin-bottom:4px;font-size:") % px(13, s));
        html += pdfParagraph(esc(pageHeading(entry.label)),
                             accent % QStringLiteral("font-weight:600;margin-bottom:6px;font-size:") % px(13, s));
        if (page.isDraft())
            html += pdfParagraph(esc(draftText(page)),
                                 QStringLiteral("color:#7a5300;background-color:#fbecd0;margin-bottom:8px;font-size:")
                                     % px(13, s));
        if (const QString scene = line(page.scene); !scene.isEmpty())
            html += pdfParagraph(esc(Tr::tr("Picture: %1").arg(scene)),
                                 muted % QStringLiteral("font-style:italic;margin-bottom:") % px(16, s)
                                     % QStringLiteral(";font-size:") % px(14, s));
        for (const QStringList& paragraph : paragraphs(page.text)) {
            QStringList lines;
            for (const QString& l : paragraph)
                lines.append(esc(l));
            html += pdfParagraph(lines.join(QStringLiteral("<br>")), QStringLiteral("line-height:150%;margin-bottom:")
                                                                         % px(14, s) % QStringLiteral(";font-size:")
                                                                         % px(24, s));
        }
        if (page.interaction) {
            QString box;
            if (const QString question = line(page.interaction->question); !question.isEmpty())
                box += pdfParagraph(esc(question),
                                    QStringLiteral("font-weight:600;margin-top:0px;margin-bottom:") % px(6, s)
                                        % QStringLiteral(";font-size:") % px(18, s));
            for (const Choice& choice : std::as_const(entry.choices)) {
                QString item = esc(choiceText(choice));
                if (choice.chosen)
                    item = QStringLiteral("<b>✓ ") % item % QStringLiteral("</b> <span style=\"") % accent
                           % QStringLiteral("\">") % esc(Tr::tr("(chosen)")) % QStringLiteral("</span>");
                else
                    item = QStringLiteral("•  ") % item;
                if (allBranches && !choice.target.isEmpty())
                    item += QStringLiteral(" <span style=\"") % accent % QStringLiteral("\">→ ")
                            % esc(pageHeading(choice.target)) % QStringLiteral("</span>");
                box += pdfParagraph(item, QStringLiteral("margin-left:6px;margin-top:") % px(3, s)
                                           % QStringLiteral(";margin-bottom:") % px(3, s)
                                           % QStringLiteral(";font-size:") % px(17, s));
            }
            html += QStringLiteral("<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"")
                    % QString::number(qRound(12 * s)) % QStringLiteral("\" bgcolor=\"#f4eee2\" style=\"margin-top:")
                    % px(10, s) % QStringLiteral(";\"><tr><td>") % box % QStringLiteral("</td></tr></table>");
        }
        if (page.ending)
            html += pdfParagraph(esc(Tr::tr("The End")),
                                 QStringLiteral("font-style:italic;margin-top:") % px(22, s)
                                     % QStringLiteral(";font-size:") % px(26, s),
                                 QStringLiteral("center"));
        return html % QStringLiteral("</body></html>");
    }

    [[nodiscard]] QString esc(const QString& text) const
    {
        return printable(text).toHtmlEscaped();
    }

    // Without symbols no installed font can draw (emoji without an emoji font would be boxes).
    [[nodiscard]] QString printable(const QString& text) const
    {
        QString out;
        out.reserve(text.size());
        for (const char32_t c : QStringView(text).toUcs4()) {
            const auto category = QChar::category(c);
            const bool symbol = category == QChar::Symbol_Other || category == QChar::Symbol_Modifier
                                || category == QChar::Mark_NonSpacing || c == 0x200d || (c >= 0xfe00 && c <= 0xfe0f);
            if (!symbol || m_metrics.inFontUcs4(c))
                out += QStringView(QChar::fromUcs4(c));
        }
        return out;
    }

private:
    QFontMetricsF m_metrics;
};

class PdfBook final
{
public:
    PdfBook(QPdfWriter& writer, QPainter& painter, const QFont& font, const QString& footer)
        : m_writer(writer)
        , m_painter(painter)
        , m_font(font)
        , m_footer(footer)
    {
        const QRectF full = writer.pageLayout().fullRectPixels(writer.resolution());
        m_size = QSizeF(full.width() * CssDpi / writer.resolution(), full.height() * CssDpi / writer.resolution());
        m_painter.scale(writer.resolution() / CssDpi, writer.resolution() / CssDpi);
        m_painter.setRenderHint(QPainter::Antialiasing);
    }

    void titlePage(const QString& html)
    {
        drawFrame(false);
        drawDocument({html}, true);
    }

    // `versions`: the page at each text size, largest first.
    void storyPage(const QStringList& versions)
    {
        m_writer.newPage();
        drawFrame(true);
        drawDocument(versions, false);
    }

private:
    [[nodiscard]] QRectF contentRect() const
    {
        return QRectF(MarginX, MarginTop, m_size.width() - 2 * MarginX, m_size.height() - MarginTop - MarginBottom);
    }

    void setUp(QTextDocument& doc, const QString& html) const
    {
        doc.setUndoRedoEnabled(false);
        doc.setDefaultFont(m_font);
        doc.setDocumentMargin(0);
        doc.setUseDesignMetrics(true);
        doc.setHtml(html);
        doc.setTextWidth(contentRect().width());
    }

    void drawFrame(bool footer)
    {
        m_painter.save();
        m_painter.setPen(QPen(FrameColor, 1.2));
        m_painter.setBrush(Qt::NoBrush);
        const QRectF frame(FrameInset, FrameInset, m_size.width() - 2 * FrameInset, m_size.height() - 2 * FrameInset);
        m_painter.drawRoundedRect(frame, 14, 14);
        if (footer) {
            QFont font = m_font;
            font.setPixelSize(10);
            m_painter.setFont(font);
            m_painter.setPen(Muted);
            const QRectF band(MarginX, frame.bottom() - 9 * Mm, m_size.width() - 2 * MarginX, 6 * Mm);
            const QString text = QFontMetricsF(font).elidedText(m_footer, Qt::ElideRight, band.width());
            m_painter.drawText(band, Qt::AlignCenter | Qt::TextSingleLine, text);
        }
        m_painter.restore();
    }

    void drawDocument(const QStringList& versions, bool centered)
    {
        const QRectF area = contentRect();
        for (qsizetype i = 0; i < versions.size(); ++i) {
            QTextDocument doc;
            setUp(doc, versions.at(i));
            const qreal height = doc.size().height();
            if (height <= area.height()) {
                const qreal y = area.top() + (area.height() - height) * (centered ? 0.5 : 0.42);
                draw(doc, QPointF(area.left(), y), QRectF(0, 0, area.width(), height));
                return;
            }
            if (i + 1 < versions.size())
                continue;
            // Still too long at the smallest size: let the document paginate onto more sheets.
            doc.setPageSize(area.size());
            for (int sheet = 0; sheet < doc.pageCount(); ++sheet) {
                if (sheet > 0) {
                    m_writer.newPage();
                    drawFrame(true);
                }
                draw(doc, QPointF(area.left(), area.top() - sheet * area.height()),
                     QRectF(0, sheet * area.height(), area.width(), area.height()));
            }
        }
    }

    void draw(const QTextDocument& doc, QPointF origin, const QRectF& clip)
    {
        m_painter.save();
        m_painter.translate(origin);
        m_painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, Ink);
        context.clip = clip;
        doc.documentLayout()->draw(&m_painter, context);
        m_painter.restore();
    }

    QPdfWriter& m_writer;
    QPainter& m_painter;
    QFont m_font;
    QString m_footer;
    QSizeF m_size;
};

// Qt's PDF writer maps each embedded glyph back to the lowest code point that uses it. CJK fonts
// share glyphs between the Kangxi and CJK radicals (U+2E80–U+2FDF) and common ideographs (⼩ and 小,
// ⽉ and 月), and between tab and space, so text copied or extracted from the PDF came out wrong.
// These are the code points to write instead, found from the installed CJK fonts themselves.
QHash<char32_t, char32_t> sharedGlyphFixes(const QFont& font)
{
    QHash<char32_t, char32_t> fixes{{0x09, 0x20}};
    QString radicals;
    for (char16_t c = 0x2e80; c <= 0x2fdf; ++c)
        radicals += QChar(c);
    QString ideographs;
    for (char16_t c = 0x4e00; c <= 0x9fff; ++c)
        ideographs += QChar(c);
    for (const QString& family : font.families()) {
        const QRawFont raw = QRawFont::fromFont(QFont(family), QFontDatabase::SimplifiedChinese);
        if (!raw.isValid() || raw.familyName() != family)
            continue;
        const QList<quint32> radicalGlyphs = raw.glyphIndexesForString(radicals);
        const QList<quint32> ideographGlyphs = raw.glyphIndexesForString(ideographs);
        QHash<quint32, char32_t> ideographOf;
        for (qsizetype i = ideographGlyphs.size() - 1; i >= 0; --i) {
            if (ideographGlyphs.at(i) != 0)
                ideographOf.insert(ideographGlyphs.at(i), char32_t(0x4e00 + i));
        }
        for (qsizetype i = 0; i < radicalGlyphs.size(); ++i) {
            if (const char32_t ideograph = ideographOf.value(radicalGlyphs.at(i), 0); ideograph && radicalGlyphs.at(i))
                fixes.insert(char32_t(0x2e80 + i), ideograph);
        }
    }
    return fixes;
}

QByteArray hex4(char32_t u)
{
    return QByteArray::number(uint(u), 16).toUpper().rightJustified(4, '0');
}

// Rewrites the destinations of one ToUnicode CMap ("<a> <b> <c>" ranges and "<a> <b> [<u> …]" arrays).
QByteArray fixToUnicodeMap(const QByteArray& cmap, const QHash<char32_t, char32_t>& fixes)
{
    static const QRegularExpression linear(QStringLiteral("^<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>$"));
    static const QRegularExpression array(QStringLiteral("^(<[0-9A-F]{4}> <[0-9A-F]{4}> )\\[(.*)\\]\\s*$"));
    static const QRegularExpression code(QStringLiteral("<([0-9A-F]{4})>"));
    QList<QByteArray> lines = cmap.split('\n');
    for (QByteArray& l : lines) {
        const QString text = QString::fromLatin1(l);
        if (const QRegularExpressionMatch m = linear.match(text); m.hasMatch()) {
            const uint first = m.captured(1).toUInt(nullptr, 16);
            const uint last = m.captured(2).toUInt(nullptr, 16);
            const uint to = m.captured(3).toUInt(nullptr, 16);
            QList<QByteArray> codes;
            bool changed = false;
            for (uint g = first; g <= last && g - first < 0x100; ++g) {
                const char32_t u = to + (g - first);
                const char32_t fixed = fixes.value(u, u);
                changed = changed || fixed != u;
                codes.append('<' + hex4(fixed) + '>');
            }
            if (changed)
                l = '<' + m.captured(1).toLatin1() + "> <" + m.captured(2).toLatin1() + "> [" + codes.join(' ') + ']';
        } else if (const QRegularExpressionMatch a = array.match(text); a.hasMatch()) {
            QByteArray body = a.captured(2).toLatin1();
            for (auto it = code.globalMatch(a.captured(2)); it.hasNext();) {
                const QRegularExpressionMatch c = it.next();
                const char32_t u = c.captured(1).toUInt(nullptr, 16);
                body.replace(c.capturedStart(1), 4, hex4(fixes.value(u, u))); // same length: offsets hold
            }
            l = a.captured(1).toLatin1() + '[' + body + ']';
        }
    }
    return lines.join('\n');
}

// Applies fixToUnicodeMap to every ToUnicode stream of a PDF written by QPdfWriter and moves the
// cross-reference offsets along. Anything unexpected leaves the PDF as it was.
QByteArray fixExtractableText(const QByteArray& pdf, const QHash<char32_t, char32_t>& fixes)
{
    struct Edit
    {
        qsizetype at;
        qsizetype length;
        QByteArray bytes;
    };
    QList<Edit> edits;
    const QByteArray mapStart = "/CIDInit /ProcSet findresource begin";
    const QByteArray dictClose = " >>\nstream\n";
    for (qsizetype at = pdf.indexOf(mapStart); at >= 0; at = pdf.indexOf(mapStart, at + 1)) {
        const qsizetype dict = pdf.lastIndexOf("<< /Length ", at);
        const qsizetype dictEnd = dict < 0 ? -1 : pdf.indexOf(dictClose, dict);
        if (dictEnd < 0 || dictEnd + dictClose.size() != at)
            return pdf;
        bool ok = false;
        const qsizetype length = pdf.mid(dict + 11, dictEnd - dict - 11).toLongLong(&ok);
        if (!ok || at + length > pdf.size())
            return pdf;
        const QByteArray cmap = pdf.mid(at, length);
        const QByteArray fixed = fixToUnicodeMap(cmap, fixes);
        if (fixed != cmap)
            edits.append({dict, at + length - dict,
                          "<< /Length " + QByteArray::number(fixed.size()) + dictClose + fixed});
    }
    if (edits.isEmpty())
        return pdf;

    // The classic table Qt writes: "startxref\n<offset>", "xref\n0 <n>\n", n entries of 20 bytes.
    const qsizetype startxref = pdf.lastIndexOf("startxref\n");
    if (startxref < 0)
        return pdf;
    const qsizetype numberStart = startxref + 10;
    qsizetype numberEnd = numberStart;
    while (numberEnd < pdf.size() && std::isdigit(static_cast<unsigned char>(pdf.at(numberEnd))))
        ++numberEnd;
    bool ok = false;
    const qsizetype xref = pdf.mid(numberStart, numberEnd - numberStart).toLongLong(&ok);
    static const QRegularExpression xrefHeader(QStringLiteral("^xref\\n0 (\\d+)\\s*\\n"));
    const QRegularExpressionMatch header = xrefHeader.match(QString::fromLatin1(pdf.mid(xref, 32)));
    if (!ok || !header.hasMatch() || xref < edits.last().at + edits.last().length)
        return pdf;
    const qsizetype entries = header.captured(1).toLongLong();
    const qsizetype firstEntry = xref + header.capturedLength();
    if (firstEntry + entries * 20 > startxref)
        return pdf;

    const auto moved = [&edits](qsizetype offset) {
        qsizetype delta = 0;
        for (const Edit& edit : edits) {
            if (edit.at < offset)
                delta += edit.bytes.size() - edit.length;
        }
        return offset + delta;
    };
    QByteArray out = pdf;
    for (qsizetype i = 0; i < entries; ++i) {
        const qsizetype entry = firstEntry + i * 20;
        if (pdf.at(entry + 17) != 'n')
            continue;
        const qsizetype offset = pdf.mid(entry, 10).toLongLong(&ok);
        if (!ok)
            return pdf;
        out.replace(entry, 10, QByteArray::number(moved(offset)).rightJustified(10, '0'));
    }
    out.replace(numberStart, numberEnd - numberStart, QByteArray::number(moved(xref)));
    for (auto it = edits.crbegin(); it != edits.crend(); ++it)
        out.replace(it->at, it->length, it->bytes);
    return out;
}

QString cannotWrite(const QString& filePath, const QString& reason)
{
    return Tr::tr("Could not write “%1”: %2").arg(QDir::toNativeSeparators(filePath), reason);
}
} // namespace

QString exportPdf(const Story& story, const QString& filePath, const ExportOptions& options)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Tr::tr("PDF export is not available without the graphical application.");
    const QFont font = bookFont();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setTitle(titleOf(story));
        writer.setCreator(QStringLiteral("Interactive Storybook"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A5), QPageLayout::Landscape, QMarginsF()));
        QPainter painter;
        if (!painter.begin(&writer))
            return cannotWrite(filePath, Tr::tr("the PDF could not be started."));
        const PdfHtml html(font);
        PdfBook book(writer, painter, font, html.printable(titleOf(story)));
        book.titlePage(html.title(story));
        for (const Entry& entry : entries(story, options)) {
            QStringList versions;
            for (const qreal scale : FitScales)
                versions.append(html.page(entry, options.allBranches, scale));
            book.storyPage(versions);
        }
        if (!painter.end())
            return cannotWrite(filePath, Tr::tr("the PDF could not be finished."));
    }
    const QByteArray data = fixExtractableText(buffer.data(), sharedGlyphFixes(font));
    if (const QString why = AtomicFile::write(filePath, data); !why.isEmpty())
        return cannotWrite(filePath, why);
    return {};
}

QString exportToFile(const Story& story, ExportFormat format, const QString& filePath, const ExportOptions& options)
{
    if (format == ExportFormat::Pdf)
        return exportPdf(story, filePath, options);
    const QByteArray data = format == ExportFormat::Html ? exportHtml(story, options) : exportMarkdown(story, options);
    if (const QString why = AtomicFile::write(filePath, data); !why.isEmpty())
        return cannotWrite(filePath, why);
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString& name)
{
    QString n = name.trimmed().toLower();
    if (n.startsWith(u'.'))
        n.remove(0, 1);
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        return ExportFormat::Markdown;
    if (n == QLatin1String("html") || n == QLatin1String("htm"))
        return ExportFormat::Html;
    if (n == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    return std::nullopt;
}

QString exportFormatSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return QStringLiteral("md");
}

} // namespace Storybook::Story
