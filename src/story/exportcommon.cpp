#include "exportcommon.h"

#include "storyfile.h"

#include <QBuffer>
#include <QDir>
#include <QImageReader>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <limits>

namespace Storybook::Story::ExportCommon {

namespace {
Q_LOGGING_CATEGORY(lcExport, "storybook.story.export", QtInfoMsg)

constexpr qsizetype MaxEntries = 10000; // a corrupt tree cannot make the export run away
} // namespace

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

QString line(const QString& text)
{
    return clean(text).simplified();
}

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
    return title.isEmpty() ? StoryWords::of(story).untitledStory() : title;
}

bool isChinese(const Story& story)
{
    return story.settings.language.trimmed().toLower().startsWith(QLatin1String("zh"));
}

QString metaLine(const Story& story)
{
    const StoryWords words = StoryWords::of(story);
    QStringList parts;
    if (const QString idea = line(story.settings.idea); !idea.isEmpty())
        parts.append(words.idea(idea));
    if (const QString ages = line(story.settings.ageBand); !ages.isEmpty())
        parts.append(words.ages(ages));
    parts.append(line(words.languageName(story.settings.language)));
    return parts.join(QStringLiteral(" · "));
}

QString pageHeading(const StoryWords& words, const QString& label)
{
    return words.page(label);
}

QString branchLead(const StoryWords& words, const Entry& entry)
{
    return entry.ledBy.isEmpty() ? words.anotherWay() : words.ifYouChose(entry.ledBy);
}

QString choiceText(const StoryWords& words, const Choice& choice)
{
    return choice.own ? words.ownAnswer(choice.text) : choice.text;
}

QString draftText(const StoryWords& words, const Page& page)
{
    return words.unfinishedPage(line(Story::draftReasonText(page, words.language())));
}

QString questionText(const StoryWords& words, const Interaction& interaction)
{
    const QString question = line(interaction.question);
    return question.isEmpty() ? words.defaultQuestion(interaction.kind) : question;
}

namespace {
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
        Entry entry { &page, QString::number(i + 1), false, {}, {} };
        if (page.interaction) {
            const QStringList& options = page.interaction->options;
            for (qsizetype k = 0; k < options.size(); ++k)
                entry.choices.append({ line(options.at(k)), false, next && next->answerIndex == k, {} });
            if (next && !validOption(page, next->answerIndex) && !line(next->answer).isEmpty())
                entry.choices.append({ line(next->answer), true, true, {} });
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
    QList<Pending> stack { { first, 1, {}, false } };
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

        Entry entry { &page,
                      QString::number(item.depth) + item.letters,
                      item.branchStart,
                      item.branchStart ? line(page.answer) : QString(),
                      {} };
        QList<Pending> next;
        for (qsizetype i = 0; i < kids.size(); ++i)
            next.append({ kids.at(i), item.depth + 1, item.letters + (kids.size() > 1 ? branchLetters(i) : QString()),
                          kids.size() > 1 });
        if (page.interaction) {
            const QStringList& options = page.interaction->options;
            for (qsizetype k = 0; k < options.size(); ++k) {
                Choice choice { line(options.at(k)), false, false, {} };
                const auto it = std::find_if(next.cbegin(), next.cend(),
                                             [k](const Pending& p) { return p.page->answerIndex == k; });
                if (it != next.cend())
                    choice.target = QString::number(it->depth) + it->letters;
                entry.choices.append(choice);
            }
            for (const Pending& p : std::as_const(next)) {
                if (!validOption(page, p.page->answerIndex) && !line(p.page->answer).isEmpty())
                    entry.choices.append({ line(p.page->answer), true, false, QString::number(p.depth) + p.letters });
            }
        }
        out.append(entry);
        for (auto it = next.crbegin(); it != next.crend(); ++it)
            stack.append(*it);
    }
    return out;
}

} // namespace

QList<Entry> entries(const Story& story, bool allBranches)
{
    return allBranches ? treeEntries(story) : pathEntries(story);
}

QString sceneCaption(const StoryWords& words, const Page& page)
{
    const QString scene = line(page.scene);
    return scene.isEmpty() ? QString() : words.pictureCaption(scene);
}

QString pictureAlt(const StoryWords& words, const Entry& entry)
{
    const QString scene = line(entry.page->scene);
    return scene.isEmpty() ? words.pictureOfPage(entry.label) : scene;
}

QString characterSheetAlt(const Story& story)
{
    QStringList names;
    for (const CastMember& member : story.cast) {
        if (const QString name = line(member.name); !name.isEmpty())
            names.append(name);
    }
    const StoryWords words = StoryWords::of(story);
    return names.isEmpty() ? words.charactersOfStory() : words.characters(names.join(QStringLiteral(", ")));
}

QString cannotWrite(const QString& filePath, const QString& reason)
{
    return Tr::tr("Could not write “%1”: %2").arg(QDir::toNativeSeparators(filePath), reason);
}

namespace {
struct ImageType
{
    const char* format; // QImageReader's name
    const char* mimeType;
    const char* suffix;
};

// The type the bytes themselves say (their signature); the story's JSON may be wrong or crafted.
std::optional<ImageType> sniff(const QByteArray& bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return ImageType { "png", "image/png", "png" };
    if (bytes.startsWith("\xff\xd8\xff"))
        return ImageType { "jpeg", "image/jpeg", "jpg" };
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return ImageType { "webp", "image/webp", "webp" };
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return ImageType { "gif", "image/gif", "gif" };
    return std::nullopt;
}
} // namespace

std::optional<ExportPicture> loadPicture(const Story& story, const std::optional<Picture>& picture)
{
    if (!picture)
        return std::nullopt;
    if (!StoryFile::isSafeEntryName(picture->entry)) {
        qCWarning(lcExport) << "story" << story.id << ": a picture with an unsafe entry name is left out";
        return std::nullopt;
    }
    const auto bytes = story.assets.constFind(picture->entry);
    if (bytes == story.assets.cend() || bytes->isEmpty()) {
        qCWarning(lcExport) << "story" << story.id << ": picture" << picture->entry << "has no bytes, left out";
        return std::nullopt;
    }
    const std::optional<ImageType> type = sniff(*bytes);
    if (!type) {
        qCWarning(lcExport) << "story" << story.id << ": picture" << picture->entry
                            << "is no PNG, JPEG, WebP or GIF, left out";
        return std::nullopt;
    }
    QBuffer buffer;
    buffer.setData(*bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, type->format); // the type read from the bytes: no other decoder is tried
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull()) {
        qCWarning(lcExport) << "story" << story.id << ": picture" << picture->entry
                            << "cannot be decoded, left out:" << reader.errorString();
        return std::nullopt;
    }
    return ExportPicture { picture->entry, *bytes, QString::fromLatin1(type->mimeType),
                           QString::fromLatin1(type->suffix), std::move(image) };
}

bool hasPictures(const Story& story, const QList<Entry>& entries)
{
    const auto held
        = [&story](const std::optional<Picture>& picture) { return picture && story.assets.contains(picture->entry); };
    return held(story.characterSheet)
        || std::any_of(entries.cbegin(), entries.cend(), [&held](const Entry& e) { return held(e.page->picture); });
}

} // namespace Storybook::Story::ExportCommon
