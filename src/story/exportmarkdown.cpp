#include "storyexporter.h"

#include "atomicfile.h"
#include "exportcommon.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>

namespace Storybook::Story {

using namespace ExportCommon;

namespace {
Q_LOGGING_CATEGORY(lcExportMarkdown, "storybook.story.export", QtInfoMsg)

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

QString markdownChoice(const StoryWords& words, const Choice& choice, bool allBranches)
{
    QString item = QStringLiteral("- ");
    if (choice.chosen)
        item
            += QStringLiteral("✓ **") % md(choiceText(words, choice)) % QStringLiteral("** *") % md(words.chosenMark()) % u'*';
    else
        item += md(choiceText(words, choice));
    if (allBranches && !choice.target.isEmpty())
        item += QStringLiteral(" → ") % md(pageHeading(words, choice.target));
    return item % u'\n';
}

// The pictures written beside the Markdown file, and the links to them.
class MarkdownPictures final
{
public:
    MarkdownPictures(const Story& story, const QString& folderName)
        : m_story(story)
        , m_folderName(folderName)
    { }

    // "![alt](story_files/page-3.png)\n\n" for a picture that can be exported, else "". `name` is
    // ours ("page-3", "characters"), never an entry name: nothing from the story decides where a
    // file goes.
    [[nodiscard]] QString link(const std::optional<Picture>& picture, const QString& name, const QString& alt)
    {
        if (m_folderName.isEmpty())
            return {};
        const std::optional<ExportPicture> loaded = loadPicture(m_story, picture);
        if (!loaded)
            return {};
        const QString fileName = name % u'.' % loaded->suffix;
        m_files.append({ m_folderName % u'/' % fileName, loaded->bytes });
        // A URL: the folder is percent-encoded (spaces, brackets, non-ASCII names); the file name is ours.
        const QString target = QString::fromLatin1(QUrl::toPercentEncoding(m_folderName)) % u'/' % fileName;
        return QStringLiteral("![") % md(alt) % QStringLiteral("](") % target % QStringLiteral(")\n\n");
    }

    [[nodiscard]] QList<ExportedFile> files() const { return m_files; }

private:
    const Story& m_story;
    QString m_folderName;
    QList<ExportedFile> m_files;
};

MarkdownExport markdown(const Story& story, const QString& folderName, const ExportOptions& options)
{
    const StoryWords words = StoryWords::of(story);
    MarkdownPictures pictures(story, folderName);
    QString out = QStringLiteral("# ") % md(titleOf(story)) % QStringLiteral("\n\n*") % md(metaLine(story))
        % QStringLiteral("*\n\n");
    out += pictures.link(story.characterSheet, QStringLiteral("characters"), characterSheetAlt(story));
    for (const Entry& entry : entries(story, options.allBranches)) {
        const Page& page = *entry.page;
        out += QStringLiteral("---\n\n");
        if (entry.branchStart)
            out += u'*' % md(branchLead(words, entry)) % QStringLiteral("*\n\n");
        out += QStringLiteral("## ") % md(pageHeading(words, entry.label)) % QStringLiteral("\n\n");
        if (page.isDraft())
            out += QStringLiteral("> **") % md(draftText(words, page)) % QStringLiteral("**\n\n");
        // The picture, with the scene as its alternative text; without one, the scene as a line.
        if (const QString image = pictures.link(page.picture, QStringLiteral("page-") % entry.label, pictureAlt(words, entry));
            !image.isEmpty())
            out += image;
        else if (const QString caption = sceneCaption(words, page); !caption.isEmpty())
            out += u'*' % md(caption) % QStringLiteral("*\n\n");
        for (const QStringList& paragraph : paragraphs(page.text)) {
            QStringList lines;
            for (const QString& l : paragraph)
                lines.append(md(l));
            out += lines.join(QStringLiteral("  \n")) % QStringLiteral("\n\n");
        }
        if (page.interaction) {
            out += QStringLiteral("**") % md(questionText(words, *page.interaction)) % QStringLiteral("**\n\n");
            for (const Choice& choice : std::as_const(entry.choices))
                out += markdownChoice(words, choice, options.allBranches);
            out += u'\n';
        }
        if (page.ending)
            out += QStringLiteral("**") % md(words.theEnd()) % QStringLiteral("**\n\n");
    }
    while (out.endsWith(QStringLiteral("\n\n")))
        out.chop(1);
    return { out.toUtf8(), pictures.files() };
}
} // namespace

QByteArray exportMarkdown(const Story& story, const ExportOptions& options)
{
    return markdown(story, QString(), options).text;
}

MarkdownExport exportMarkdownWithPictures(const Story& story, const QString& folderName, const ExportOptions& options)
{
    return markdown(story, folderName, options);
}

QString markdownPictureFolder(const QString& markdownFilePath)
{
    return QFileInfo(markdownFilePath).completeBaseName() % QStringLiteral("_files");
}

QString ExportCommon::writeMarkdown(const Story& story, const QString& filePath, const ExportOptions& options)
{
    const QString folderName = markdownPictureFolder(filePath);
    const MarkdownExport result = markdown(story, folderName, options);
    // The pictures first: the Markdown file never links a picture that is not there yet.
    if (!result.files.isEmpty()) {
        const QDir base = QFileInfo(filePath).absoluteDir();
        const QString folder = QDir::cleanPath(base.absoluteFilePath(folderName));
        if (!base.mkpath(folderName))
            return cannotWrite(folder, Tr::tr("the folder for the pictures could not be made."));
        for (const ExportedFile& file : result.files) {
            const QString target = QDir::cleanPath(base.absoluteFilePath(file.relativePath));
            if (!target.startsWith(folder % u'/')) { // cannot happen with our names; never write elsewhere
                qCWarning(lcExportMarkdown)
                    << "a picture would leave the pictures folder, left out:" << file.relativePath;
                continue;
            }
            if (const QString why = AtomicFile::write(target, file.data); !why.isEmpty())
                return cannotWrite(target, why);
        }
    }
    if (const QString why = AtomicFile::write(filePath, result.text); !why.isEmpty())
        return cannotWrite(filePath, why);
    return {};
}

} // namespace Storybook::Story
