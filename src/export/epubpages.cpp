#include "epubpages.h"

#include "epubaudio.h"
#include "sentencesplitter.h"

#include <QBuffer>
#include <QLoggingCategory>

namespace Storybook::Export {

namespace {
Q_LOGGING_CATEGORY(lcEpub, "storybook.export.epub", QtInfoMsg)

using namespace Story::ExportCommon;

// XML text and attribute values: & < > " escaped; clean() has removed the control characters XML forbids.
QString x(const QString& text)
{
    return text.toHtmlEscaped();
}

QString pageFile(const QString& label)
{
    return QStringLiteral("page-") % label % QStringLiteral(".xhtml");
}

constexpr auto Css = R"css(@charset "UTF-8";
html, body { margin: 0; padding: 0; }
body { font-family: serif; font-size: 1.35em; line-height: 1.6; }
body:lang(zh) { line-height: 1.9; }
.page { padding: 0.5em 1em; }
figure.picture { margin: 0 0 0.8em; text-align: center; }
figure.picture img { max-width: 100%; max-height: 60vh; }
h1 { font-size: 1.6em; text-align: center; margin: 0.6em 0; }
h2 { font-size: 0.7em; font-weight: normal; color: #5f8f6e; margin: 0 0 0.5em; }
.branch, .scene, .back { font-size: 0.8em; font-style: italic; color: #6b6257; }
.draft { font-size: 0.75em; color: #7a5300; }
.text p { margin: 0 0 0.7em; }
.question { margin-top: 1em; padding: 0.6em 0.9em; background-color: #f4eee2; border-radius: 0.6em; }
.question p { font-weight: bold; margin: 0 0 0.3em; }
.question ul { margin: 0; padding-left: 1.2em; }
.question li.chosen { font-weight: bold; }
.mark { font-size: 0.8em; font-weight: normal; color: #5f8f6e; }
.the-end { text-align: center; font-size: 1.3em; font-style: italic; margin-top: 1.2em; }
.cover { text-align: center; }
.cover figure.picture img { max-height: 75vh; }
.-epub-media-overlay-active { background-color: #fde9a8; color: #2b2620; border-radius: 0.2em; }
)css";
} // namespace

EpubPages::EpubPages(const Story::Story& story, bool allBranches)
    : m_story(story)
    , m_allBranches(allBranches)
    , m_words(Story::StoryWords::of(story))
    , m_language(isChinese(story) ? QStringLiteral("zh-CN") : QStringLiteral("en"))
{
}

QString EpubPages::title() const
{
    return line(titleOf(m_story));
}

void EpubPages::addFile(const QString& href, const QByteArray& data, const QString& mediaType, bool compress)
{
    ManifestItem item;
    item.id = QStringLiteral("f") % QString::number(m_manifest.size() + 1);
    item.href = href;
    item.mediaType = mediaType;
    m_manifest.append(item);
    m_files.append({href, data, compress});
}

QString EpubPages::head(const QString& title) const
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                          "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"")
        % m_language % QStringLiteral("\" lang=\"") % m_language % QStringLiteral("\" dir=\"ltr\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>")
        % x(title) % QStringLiteral("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n");
}

void EpubPages::build()
{
    m_entries = entries(m_story, m_allBranches);
    for (const Entry& entry : std::as_const(m_entries))
        m_labelOf.insert(entry.page->id, entry.label);
    addFile(QStringLiteral("style.css"), QByteArray(Css), QStringLiteral("text/css"));
    addCover();
    addNav();
    for (const Entry& entry : std::as_const(m_entries))
        addPage(entry);
}

// The picture as a file of the book: its stored bytes when a reading system must show them (PNG, JPEG,
// GIF), else (WebP, not an EPUB 3.2 core type) the decoded picture as PNG. "" when it cannot be exported.
QString EpubPages::picture(const std::optional<Story::Picture>& picture, const QString& name, const QString& alt, bool cover)
{
    const std::optional<ExportPicture> loaded = loadPicture(m_story, picture);
    if (!loaded)
        return {};
    QString href = m_pictureFor.value(loaded->entry);
    if (href.isEmpty()) {
        QByteArray bytes = loaded->bytes;
        QString suffix = loaded->suffix;
        QString type = loaded->mimeType;
        if (type == QLatin1String("image/webp")) {
            bytes.clear();
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            if (!loaded->image.save(&buffer, "PNG"))
                return {};
            suffix = QStringLiteral("png");
            type = QStringLiteral("image/png");
        }
        href = QStringLiteral("images/") % name % u'.' % suffix;
        addFile(href, bytes, type, false);
        m_pictureFor.insert(loaded->entry, href);
    }
    if (cover && m_coverImage.isEmpty()) {
        m_coverImage = href;
        for (ManifestItem& item : m_manifest) {
            if (item.href == href)
                item.properties = QStringLiteral("cover-image");
        }
    }
    return QStringLiteral("<figure class=\"picture\"><img src=\"") % href % QStringLiteral("\" alt=\"") % x(alt)
        % QStringLiteral("\"/></figure>\n");
}

void EpubPages::addCover()
{
    QString figure = picture(m_story.characterSheet, QStringLiteral("cover"), characterSheetAlt(m_story), true);
    if (figure.isEmpty()) {
        for (const Entry& entry : std::as_const(m_entries)) {
            figure = picture(entry.page->picture, QStringLiteral("page-") % entry.label, pictureAlt(m_words, entry), true);
            if (!figure.isEmpty())
                break;
        }
    }
    const QString xhtml = head(title()) % QStringLiteral("<body>\n<section class=\"cover\" epub:type=\"cover\">\n<h1>")
        % x(title()) % QStringLiteral("</h1>\n") % figure % QStringLiteral("<p class=\"scene\">") % x(metaLine(m_story))
        % QStringLiteral("</p>\n</section>\n</body>\n</html>\n");
    addFile(QStringLiteral("cover.xhtml"), xhtml.toUtf8(), QStringLiteral("application/xhtml+xml"));
    m_manifest.last().inSpine = true;
}

void EpubPages::addNav()
{
    const QString contents = m_words.text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "Contents"));
    QString xhtml = head(contents) % QStringLiteral("<body>\n<nav epub:type=\"toc\" id=\"toc\">\n<h1>") % x(contents)
        % QStringLiteral("</h1>\n<ol>\n<li><a href=\"cover.xhtml\">") % x(title()) % QStringLiteral("</a></li>\n");
    for (const Entry& entry : std::as_const(m_entries)) {
        QString text = pageHeading(m_words, entry.label);
        if (entry.branchStart && !entry.ledBy.isEmpty())
            text += QStringLiteral(" · ") % line(entry.ledBy);
        xhtml += QStringLiteral("<li><a href=\"") % pageFile(entry.label) % QStringLiteral("\">") % x(text)
            % QStringLiteral("</a></li>\n");
    }
    xhtml += QStringLiteral("</ol>\n</nav>\n</body>\n</html>\n");
    addFile(QStringLiteral("nav.xhtml"), xhtml.toUtf8(), QStringLiteral("application/xhtml+xml"));
    m_manifest.last().properties = QStringLiteral("nav");
}

// The clip that speaks `sentence`, as a file of the book, when an overlay can use it.
std::optional<EpubPages::Par> EpubPages::parFor(const QString& sentence, const QString& id, const Story::Narration* narration)
{
    if (!narration)
        return std::nullopt;
    const Story::NarrationClip* clip = narration->clipFor(sentence);
    if (!clip || !m_story.assets.contains(clip->entry))
        return std::nullopt;
    const std::optional<QString> suffix = EpubAudio::coreSuffix(clip->mimeType);
    if (!suffix) {
        qCInfo(lcEpub) << "a clip of type" << clip->mimeType << "is no EPUB core audio type: its sentence has no overlay";
        return std::nullopt;
    }
    const QByteArray& bytes = m_story.assets[clip->entry];
    qint64 duration = clip->durationMs;
    if (duration <= 0)
        duration = EpubAudio::mp3DurationMs(bytes).value_or(0);
    if (duration <= 0) {
        qCInfo(lcEpub) << "a clip's length is not known and its bytes hold no MP3 frames: its sentence has no overlay";
        return std::nullopt;
    }
    QString href = m_audioFor.value(clip->entry);
    if (href.isEmpty()) {
        href = QStringLiteral("audio/clip-") % QString::number(m_audioFor.size() + 1) % u'.' % *suffix;
        addFile(href, bytes, QStringLiteral("audio/mpeg"), false);
        m_audioFor.insert(clip->entry, href);
    }
    return Par{id, href, duration};
}

// The text as one <span> per sentence (ids idPrefix1, idPrefix2 …), in paragraphs (<p>) when asked,
// the sentence split the narration was made with (Speech::splitSentences).
QString EpubPages::sentences(const QString& raw, const QString& idPrefix, QList<Par>* pars,
                             const Story::Narration* narration, bool paragraphs)
{
    const QString text = clean(raw);
    QString out = paragraphs ? QStringLiteral("<p>") : QString();
    int end = 0;
    int n = 0;
    for (const Speech::Sentence& sentence : Speech::splitSentences(text)) {
        const QString gap = text.mid(end, sentence.start - end);
        if (n > 0) {
            if (paragraphs && gap.count(u'\n') >= 2)
                out += QStringLiteral("</p>\n<p>");
            else if (paragraphs && gap.contains(u'\n'))
                out += QStringLiteral("<br/>\n");
            else
                out += x(gap); // as written: a blank between English sentences, nothing between Chinese ones
        }
        const QString words = text.mid(sentence.start, sentence.length);
        const QString id = idPrefix % QString::number(++n);
        out += QStringLiteral("<span id=\"") % id % QStringLiteral("\">") % x(words) % QStringLiteral("</span>");
        if (const std::optional<Par> par = parFor(words, id, narration))
            pars->append(*par);
        end = sentence.start + sentence.length;
    }
    if (paragraphs)
        out += QStringLiteral("</p>\n");
    return out;
}

void EpubPages::addPage(const Entry& entry)
{
    const Story::Page& page = *entry.page;
    const QString file = pageFile(entry.label);
    const QString idBase = QStringLiteral("p") % entry.label;
    const Story::Narration* narration = page.preferredNarration();
    QList<Par> pars;
    const QString heading = pageHeading(m_words, entry.label);
    QString body = QStringLiteral("<body>\n<section class=\"page\" epub:type=\"chapter\" id=\"") % idBase
        % QStringLiteral("\">\n");
    if (m_allBranches && m_labelOf.contains(page.parentId))
        body += QStringLiteral("<p class=\"back\"><a href=\"") % pageFile(m_labelOf.value(page.parentId))
            % QStringLiteral("\">← ") % x(pageHeading(m_words, m_labelOf.value(page.parentId))) % QStringLiteral("</a></p>\n");
    if (entry.branchStart)
        body += QStringLiteral("<p class=\"branch\">") % x(branchLead(m_words, entry)) % QStringLiteral("</p>\n");
    const QString figure = picture(page.picture, QStringLiteral("page-") % entry.label, pictureAlt(m_words, entry), false);
    body += figure;
    body += QStringLiteral("<h2>") % x(heading) % QStringLiteral("</h2>\n");
    if (page.isDraft())
        body += QStringLiteral("<p class=\"draft\">") % x(draftText(m_words, page)) % QStringLiteral("</p>\n");
    if (figure.isEmpty()) {
        if (const QString caption = sceneCaption(m_words, page); !caption.isEmpty())
            body += QStringLiteral("<p class=\"scene\">") % x(caption) % QStringLiteral("</p>\n");
    }
    body += QStringLiteral("<div class=\"text\">\n") % sentences(page.text, idBase % u's', &pars, narration, true)
        % QStringLiteral("</div>\n");
    if (page.interaction) {
        body += QStringLiteral("<div class=\"question\">\n<p>")
            % sentences(questionText(m_words, *page.interaction), idBase % u'q', &pars, narration, false)
            % QStringLiteral("</p>\n");
        if (!entry.choices.isEmpty()) {
            body += QStringLiteral("<ul>\n");
            int n = 0;
            for (const Choice& choice : entry.choices) {
                ++n;
                QString item = choice.own ? x(choiceText(m_words, choice))
                                          : sentences(choice.text, idBase % u'a' % QString::number(n) % u's', &pars,
                                                      narration, false);
                if (m_allBranches && !choice.target.isEmpty())
                    item = QStringLiteral("<a href=\"") % pageFile(choice.target) % QStringLiteral("\">") % item
                        % QStringLiteral("</a>");
                if (choice.chosen)
                    item += QStringLiteral(" <span class=\"mark\">✓ ")
                        % x(m_words.text(QT_TRANSLATE_NOOP("Storybook::StoryWords", "You chose")))
                        % QStringLiteral("</span>");
                body += (choice.chosen ? QStringLiteral("<li class=\"chosen\">") : QStringLiteral("<li>")) % item
                    % QStringLiteral("</li>\n");
            }
            body += QStringLiteral("</ul>\n");
        }
        body += QStringLiteral("</div>\n");
    }
    if (page.ending)
        body += QStringLiteral("<p class=\"the-end\">") % x(m_words.theEnd()) % QStringLiteral("</p>\n");
    body += QStringLiteral("</section>\n</body>\n</html>\n");

    QString overlayId;
    qint64 total = 0;
    if (!pars.isEmpty()) {
        QString smil = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<smil xmlns=\"http://www.w3.org/ns/SMIL\" xmlns:epub=\"http://www.idpf.org/2007/ops\" version=\"3.0\">\n"
                                      "<body>\n<seq id=\"seq1\" epub:textref=\"")
            % file % u'#' % idBase % QStringLiteral("\" epub:type=\"chapter\">\n");
        int n = 0;
        for (const Par& par : std::as_const(pars)) {
            smil += QStringLiteral("<par id=\"par") % QString::number(++n) % QStringLiteral("\"><text src=\"") % file % u'#'
                % par.textId % QStringLiteral("\"/><audio src=\"") % par.audio
                % QStringLiteral("\" clipBegin=\"0:00:00.000\" clipEnd=\"") % EpubAudio::clockValue(par.durationMs)
                % QStringLiteral("\"/></par>\n");
            total += par.durationMs;
        }
        smil += QStringLiteral("</seq>\n</body>\n</smil>\n");
        addFile(QStringLiteral("page-") % entry.label % QStringLiteral(".smil"), smil.toUtf8(),
                QStringLiteral("application/smil+xml"));
        m_manifest.last().durationMs = total;
        overlayId = m_manifest.last().id;
    } else if (narration) {
        qCInfo(lcEpub) << "page" << entry.label << "is narrated, but no clip can go into the book: no overlay";
    }
    const QString xhtml = head(heading) % body;
    addFile(file, xhtml.toUtf8(), QStringLiteral("application/xhtml+xml"));
    m_manifest.last().inSpine = true;
    m_manifest.last().overlay = overlayId;
}

} // namespace Storybook::Export
