#include "storyexporter.h"

#include "exportcommon.h"

#include <QRegularExpression>

namespace Storybook::Story {

using namespace ExportCommon;

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
figure.picture { margin: 0 0 1.25rem; }
figure.picture img { display: block; width: 100%; height: auto; max-height: 80vh; object-fit: contain;
  border-radius: 0.9rem; background: var(--tint); }
.cover figure.picture { margin: 1.5rem auto 1.25rem; max-width: 32rem; }
@media (max-width: 32rem) {
  main { padding: 1rem 0.6rem 2rem; }
  .page { padding: 1.2rem 1.1rem; border-radius: 1rem; }
  .page figure.picture { margin: -0.2rem -0.35rem 1rem; }
  figure.picture img { border-radius: 0.7rem; }
}
@media print {
  body { background: #fff; color: #000; }
  .page { box-shadow: none; break-inside: avoid; }
  figure.picture img { max-height: 60vh; }
}
)css";

// The picture as a data: URI of its stored bytes, or "" when it cannot be exported. The MIME type is
// the one read from the bytes (a fixed set), so nothing from the story's JSON reaches the attribute.
QString figure(const Story& story, const std::optional<Picture>& picture, const QString& alt)
{
    const std::optional<ExportPicture> loaded = loadPicture(story, picture);
    if (!loaded)
        return {};
    return QStringLiteral("<figure class=\"picture\"><img src=\"data:") % loaded->mimeType % QStringLiteral(";base64,")
        % QString::fromLatin1(loaded->bytes.toBase64()) % QStringLiteral("\" alt=\"") % h(alt)
        % QStringLiteral("\" width=\"") % QString::number(loaded->image.width()) % QStringLiteral("\" height=\"")
        % QString::number(loaded->image.height()) % QStringLiteral("\" decoding=\"async\"></figure>\n");
}

QString htmlChoice(const StoryWords& words, const Choice& choice, bool allBranches)
{
    QString item = choice.chosen ? QStringLiteral("<li class=\"chosen\">") : QStringLiteral("<li>");
    item += h(choiceText(words, choice));
    if (choice.chosen)
        item += QStringLiteral(" <span class=\"mark\">✓ ") % h(words.chosenMark()) % QStringLiteral("</span>");
    if (allBranches && !choice.target.isEmpty())
        item += QStringLiteral(" <span class=\"mark\">→ <a href=\"#") % anchor(choice.target) % QStringLiteral("\">")
            % h(pageHeading(words, choice.target)) % QStringLiteral("</a></span>");
    return item % QStringLiteral("</li>\n");
}
} // namespace

QByteArray exportHtml(const Story& story, const ExportOptions& options)
{
    const StoryWords words = StoryWords::of(story);
    const QString title = titleOf(story);
    QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"") % h(htmlLang(story))
        % QStringLiteral("\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                         "img-src data:; style-src 'unsafe-inline'\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         "<meta name=\"referrer\" content=\"no-referrer\">\n"
                         "<meta name=\"generator\" content=\"Interactive Storybook\">\n<title>")
        % h(title) % QStringLiteral("</title>\n<style>") % QLatin1String(HtmlStyle)
        % QStringLiteral("</style>\n</head>\n<body>\n<main>\n<header class=\"cover\">\n<h1>") % h(title)
        % QStringLiteral("</h1>\n") % figure(story, story.characterSheet, characterSheetAlt(story))
        % QStringLiteral("<p class=\"meta\">") % h(metaLine(story)) % QStringLiteral("</p>\n</header>\n");
    for (const Entry& entry : entries(story, options.allBranches)) {
        const Page& page = *entry.page;
        out += QStringLiteral("<section class=\"page\" id=\"") % anchor(entry.label) % QStringLiteral("\">\n");
        if (entry.branchStart)
            out += QStringLiteral("<p class=\"branch\">") % h(branchLead(words, entry)) % QStringLiteral("</p>\n");
        out += QStringLiteral("<h2>") % h(pageHeading(words, entry.label)) % QStringLiteral("</h2>\n");
        if (page.isDraft())
            out += QStringLiteral("<p class=\"draft\">") % h(draftText(words, page)) % QStringLiteral("</p>\n");
        // The picture, with the scene as its alternative text; without one, the scene as a line.
        if (const QString picture = figure(story, page.picture, pictureAlt(words, entry)); !picture.isEmpty())
            out += picture;
        else if (const QString caption = sceneCaption(words, page); !caption.isEmpty())
            out += QStringLiteral("<p class=\"scene\"><em>") % h(caption) % QStringLiteral("</em></p>\n");
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
            out += QStringLiteral("<p>") % h(questionText(words, *page.interaction)) % QStringLiteral("</p>\n");
            if (!entry.choices.isEmpty()) {
                out += QStringLiteral("<ul>\n");
                for (const Choice& choice : std::as_const(entry.choices))
                    out += htmlChoice(words, choice, options.allBranches);
                out += QStringLiteral("</ul>\n");
            }
            out += QStringLiteral("</div>\n");
        }
        if (page.ending)
            out += QStringLiteral("<p class=\"the-end\">") % h(words.theEnd()) % QStringLiteral("</p>\n");
        out += QStringLiteral("</section>\n");
    }
    out += QStringLiteral("<footer>") % h(words.madeWith())
        % QStringLiteral("</footer>\n</main>\n</body>\n</html>\n");
    return out.toUtf8();
}

} // namespace Storybook::Story
