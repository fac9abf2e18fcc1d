#include "story.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <vector>

#include "storyfile.h"

namespace Storybook::Story {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::Story::Story)
};

constexpr int MaxPages = 10000;

// Known keys are read into fields; everything else is kept in `extra` and written back.
QJsonObject unknownFields(const QJsonObject& object, std::initializer_list<const char*> known)
{
    QJsonObject extra = object;
    for (const char* key : known)
        extra.remove(QLatin1String(key));
    return extra;
}

QJsonObject withExtra(QJsonObject object, const QJsonObject& extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!object.contains(it.key()))
            object.insert(it.key(), it.value());
    }
    return object;
}

QString dateText(const QDateTime& date)
{
    return date.isValid() ? date.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseDate(const QJsonValue& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QJsonObject withPicture(QJsonObject object, const std::optional<Picture>& picture, const char* key = "picture")
{
    if (picture)
        object.insert(QLatin1String(key), picture->toJson());
    return object;
}

QJsonObject withNarration(QJsonObject object, const std::optional<Narration>& narration,
                          const std::optional<Narration>& recording)
{
    if (narration)
        object.insert(QLatin1String("narration"), narration->toJson());
    if (recording)
        object.insert(QLatin1String("recording"), recording->toJson());
    return object;
}

PageVersion currentVersion(const Page& page)
{
    PageVersion v;
    v.number = page.version;
    v.text = page.text;
    v.scene = page.scene;
    v.interaction = page.interaction;
    v.ending = page.ending;
    v.rawText = page.rawText;
    v.picture = page.picture;
    v.narration = page.narration;
    v.recording = page.recording;
    v.editedByHand = page.editedByHand;
    v.replaced = QDateTime::currentDateTimeUtc();
    return v;
}

QJsonObject interactionJson(const Interaction& interaction)
{
    QJsonObject json{{QLatin1String("kind"), Interaction::kindName(interaction.kind)},
                     {QLatin1String("question"), interaction.question},
                     {QLatin1String("options"), QJsonArray::fromStringList(interaction.options)}};
    if (!interaction.about.isEmpty())
        json.insert(QLatin1String("about"), interaction.about);
    if (!interaction.solution.isEmpty())
        json.insert(QLatin1String("solution"), interaction.solution);
    return withExtra(json, interaction.extra);
}

std::optional<Interaction> interactionFromJson(const QJsonValue& value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject io = value.toObject();
    Interaction interaction;
    interaction.kind = Interaction::kindFromName(io.value(QLatin1String("kind")).toString());
    interaction.question = io.value(QLatin1String("question")).toString();
    for (const QJsonValue& v : io.value(QLatin1String("options")).toArray())
        interaction.options.append(v.toString());
    interaction.about = io.value(QLatin1String("about")).toString();
    interaction.solution = io.value(QLatin1String("solution")).toString();
    interaction.extra = unknownFields(io, {"kind", "question", "options", "about", "solution"});
    return interaction;
}

QJsonObject versionJson(const PageVersion& v)
{
    QJsonObject o{{QLatin1String("number"), v.number},
                  {QLatin1String("text"), v.text},
                  {QLatin1String("scene"), v.scene},
                  {QLatin1String("end"), v.ending},
                  {QLatin1String("replaced"), dateText(v.replaced)}};
    if (v.interaction)
        o.insert(QLatin1String("interaction"), interactionJson(*v.interaction));
    if (!v.rawText.isEmpty())
        o.insert(QLatin1String("raw"), v.rawText);
    if (v.editedByHand)
        o.insert(QLatin1String("edited"), true);
    return withExtra(withNarration(withPicture(o, v.picture), v.narration, v.recording), v.extra);
}

PageVersion versionFromJson(const QJsonObject& o)
{
    PageVersion v;
    v.number = std::max(0, o.value(QLatin1String("number")).toInt(0));
    v.text = o.value(QLatin1String("text")).toString();
    v.scene = o.value(QLatin1String("scene")).toString();
    v.ending = o.value(QLatin1String("end")).toBool();
    v.interaction = interactionFromJson(o.value(QLatin1String("interaction")));
    v.rawText = o.value(QLatin1String("raw")).toString();
    v.editedByHand = o.value(QLatin1String("edited")).toBool();
    v.replaced = parseDate(o.value(QLatin1String("replaced")));
    v.picture = Picture::fromJson(o.value(QLatin1String("picture")));
    v.narration = Narration::fromJson(o.value(QLatin1String("narration")));
    v.recording = Narration::fromJson(o.value(QLatin1String("recording")));
    v.extra = unknownFields(o, {"number", "text", "scene", "end", "interaction", "raw", "edited", "replaced", "picture",
                                "narration", "recording"});
    return v;
}
} // namespace

QJsonObject Picture::toJson() const
{
    return withExtra({{QLatin1String("entry"), entry},
                      {QLatin1String("mime"), mimeType},
                      {QLatin1String("prompt"), prompt},
                      {QLatin1String("model"), model},
                      {QLatin1String("created"), dateText(created)}},
                     extra);
}

std::optional<Picture> Picture::fromJson(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    Picture picture;
    picture.entry = o.value(QLatin1String("entry")).toString();
    if (picture.entry.isEmpty() || !StoryFile::isSafeEntryName(picture.entry))
        return std::nullopt;
    picture.mimeType = o.value(QLatin1String("mime")).toString();
    picture.prompt = o.value(QLatin1String("prompt")).toString();
    picture.model = o.value(QLatin1String("model")).toString();
    picture.created = parseDate(o.value(QLatin1String("created")));
    picture.extra = unknownFields(o, {"entry", "mime", "prompt", "model", "created"});
    return picture;
}

QString Interaction::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Choose:
        return QStringLiteral("choose");
    case Kind::Guess:
        return QStringLiteral("guess");
    case Kind::Name:
        return QStringLiteral("name");
    case Kind::Describe:
        return QStringLiteral("describe");
    }
    return QStringLiteral("choose");
}

Interaction::Kind Interaction::kindFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("guess"))
        return Kind::Guess;
    if (n == QLatin1String("name"))
        return Kind::Name;
    if (n == QLatin1String("describe"))
        return Kind::Describe;
    return Kind::Choose;
}

QString Page::stateName(State state)
{
    switch (state) {
    case State::Complete:
        return QStringLiteral("complete");
    case State::Draft:
        return QStringLiteral("draft");
    case State::Streaming:
        return QStringLiteral("streaming");
    }
    return QStringLiteral("complete");
}

Page::State Page::stateFromName(const QString& name)
{
    if (name == QLatin1String("draft"))
        return State::Draft;
    // A page saved while streaming was interrupted by a crash or a kill: it is a draft now.
    if (name == QLatin1String("streaming"))
        return State::Draft;
    return State::Complete;
}

QString Story::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(13).remove(u'-');
}

const Page* Story::page(const QString& id) const
{
    const auto it = std::find_if(pages.cbegin(), pages.cend(), [&id](const Page& p) { return p.id == id; });
    return it == pages.cend() ? nullptr : &*it;
}

Page* Story::page(const QString& id)
{
    const auto it = std::find_if(pages.begin(), pages.end(), [&id](const Page& p) { return p.id == id; });
    return it == pages.end() ? nullptr : &*it;
}

const Page* Story::firstPage() const
{
    const auto it = std::find_if(pages.cbegin(), pages.cend(), [](const Page& p) { return p.parentId.isEmpty(); });
    return it == pages.cend() ? nullptr : &*it;
}

QList<const Page*> Story::children(const QString& id) const
{
    const Page* parent = page(id);
    return parent ? childrenOfVersion(id, parent->version) : QList<const Page*>();
}

QList<const Page*> Story::childrenOfVersion(const QString& id, int number) const
{
    QList<const Page*> out;
    for (const Page& p : pages) {
        if (p.parentId == id && p.parentVersion == number && !id.isEmpty())
            out.append(&p);
    }
    return out;
}

QList<const Page*> Story::pathPages() const
{
    QList<const Page*> out;
    for (const QString& id : path) {
        if (const Page* p = page(id))
            out.append(p);
    }
    return out;
}

QList<const Page*> Story::branchTo(const QString& id) const
{
    QList<const Page*> out;
    const Page* p = page(id);
    // Bounded: a corrupt file with a parent cycle cannot loop forever.
    for (int guard = 0; p && guard < MaxPages; ++guard) {
        out.prepend(p);
        p = p->parentId.isEmpty() ? nullptr : page(p->parentId);
    }
    return out;
}

int Story::depth(const QString& id) const
{
    return int(branchTo(id).size());
}

Page& Story::addPage(Page p)
{
    if (p.id.isEmpty())
        p.id = newId();
    if (!p.created.isValid())
        p.created = QDateTime::currentDateTimeUtc();
    pages.append(std::move(p));
    Page& added = pages.last();
    goTo(added.id);
    modified = QDateTime::currentDateTimeUtc();
    return added;
}

void Story::goTo(const QString& id)
{
    if (path.contains(id))
        return; // already on the reading path: the branch below it stays as it is
    path.clear();
    for (const Page* p : branchTo(id))
        path.append(p->id);
    // Continue along the branch already written below this page (the first child each time).
    for (int guard = 0; guard < MaxPages && !path.isEmpty(); ++guard) {
        const QList<const Page*> next = children(path.last());
        if (next.isEmpty())
            break;
        path.append(next.first()->id);
    }
}

bool Story::setPageText(const QString& id, const QString& text)
{
    Page* p = page(id);
    if (!p)
        return false;
    if (p->text == text)
        return true;
    if (!p->text.isEmpty())
        p->previousVersions.append(currentVersion(*p));
    p->text = text;
    p->editedByHand = true;
    if (p->state == Page::State::Draft && !text.trimmed().isEmpty()) {
        p->state = Page::State::Complete; // written by hand, it is no longer unfinished
        p->note.clear();
        p->noteCode.clear();
    }
    modified = QDateTime::currentDateTimeUtc();
    return true;
}

bool Story::setEnding(const QString& id, bool ending)
{
    Page* p = page(id);
    if (!p)
        return false;
    p->ending = ending;
    if (ending)
        p->interaction.reset();
    modified = QDateTime::currentDateTimeUtc();
    return true;
}

bool Story::replacePageVersion(const QString& id, const Page& replacement)
{
    Page* p = page(id);
    if (!p)
        return false;
    PageVersion next = currentVersion(replacement);
    next.number = p->version;
    for (const PageVersion& v : std::as_const(p->previousVersions))
        next.number = std::max(next.number, v.number);
    ++next.number; // a new question: no branch belongs to it yet
    next.editedByHand = false;
    becomeVersion(id, next);
    return true;
}

bool Story::restoreVersion(const QString& id, qsizetype index)
{
    Page* p = page(id);
    if (!p || index < 0 || index >= p->previousVersions.size())
        return false;
    becomeVersion(id, p->previousVersions.takeAt(index));
    return true;
}

void Story::becomeVersion(const QString& id, const PageVersion& version)
{
    Page* p = page(id);
    if (!p->text.isEmpty() || p->interaction)
        p->previousVersions.append(currentVersion(*p));
    p->version = version.number;
    p->text = version.text;
    p->scene = version.scene;
    p->interaction = version.interaction;
    p->ending = version.ending;
    p->rawText = version.rawText;
    p->picture = version.picture;
    p->narration = version.narration;
    p->recording = version.recording;
    p->editedByHand = version.editedByHand;
    p->state = Page::State::Complete;
    p->note.clear();
    p->noteCode.clear();
    endPathAt(id);
    modified = QDateTime::currentDateTimeUtc();
}

void Story::endPathAt(const QString& id)
{
    path.clear();
    for (const Page* p : branchTo(id))
        path.append(p->id);
    // Bounded like goTo: on along the first branch below the page.
    for (int guard = 0; guard < MaxPages && !path.isEmpty(); ++guard) {
        const QList<const Page*> next = children(path.last());
        if (next.isEmpty() || path.contains(next.first()->id))
            break;
        path.append(next.first()->id);
    }
}

void Story::dropUnreferencedAssets()
{
    QSet<QString> used;
    const auto use = [&used](const std::optional<Picture>& picture) {
        if (picture)
            used.insert(picture->entry);
    };
    const auto useVoice = [&used](const std::optional<Narration>& narration) {
        if (narration) {
            for (const NarrationClip& clip : narration->clips)
                used.insert(clip.entry);
        }
    };
    use(characterSheet);
    for (const Page& p : std::as_const(pages)) {
        use(p.picture);
        useVoice(p.narration);
        useVoice(p.recording);
        for (const PageVersion& v : p.previousVersions) {
            use(v.picture);
            useVoice(v.narration);
            useVoice(v.recording);
        }
    }
    const auto ours = [](const QString& entry) {
        return entry.startsWith(QLatin1String("pictures/")) || entry.startsWith(QLatin1String(NarrationEntryPrefix));
    };
    for (auto it = assets.begin(); it != assets.end();) {
        if (ours(it.key()) && !used.contains(it.key()))
            it = assets.erase(it);
        else
            ++it;
    }
}

bool Story::hasParentCycle() const
{
    // Each page's parents are followed until the first page; a walk longer than the number of pages
    // has passed a page twice. Linear overall: a page known to reach the first page ends other walks.
    QHash<QString, qsizetype> index;
    index.reserve(pages.size());
    for (qsizetype i = 0; i < pages.size(); ++i)
        index.insert(pages.at(i).id, i);
    enum : char { Unknown, Walking, Rooted };
    std::vector<char> state(size_t(pages.size()), Unknown);
    for (qsizetype start = 0; start < pages.size(); ++start) {
        std::vector<qsizetype> walk;
        qsizetype at = start;
        while (at >= 0 && state[size_t(at)] == Unknown) {
            state[size_t(at)] = Walking;
            walk.push_back(at);
            const QString& parent = pages.at(at).parentId;
            at = parent.isEmpty() ? -1 : index.value(parent, -1);
        }
        if (at >= 0 && state[size_t(at)] == Walking)
            return true;
        for (qsizetype i : walk)
            state[size_t(i)] = Rooted;
    }
    return false;
}

bool Story::isFinished() const
{
    const QList<const Page*> onPath = pathPages();
    return !onPath.isEmpty() && onPath.last()->ending && !onPath.last()->isDraft();
}

QString Story::plainText() const
{
    // Appended piece by piece: `text += u'\n' + part` would copy every part (a long page, too) once more.
    QString text = title;
    const auto add = [&text](const QString& part) {
        text += u'\n';
        text += part;
    };
    add(settings.idea);
    for (const Page& p : pages) {
        add(p.text);
        if (p.interaction) {
            add(p.interaction->question);
            add(p.interaction->options.join(u'\n'));
        }
    }
    return text;
}

QJsonObject Story::toJson() const
{
    QJsonObject settingsJson = withExtra(
        {{QLatin1String("idea"), settings.idea},
         {QLatin1String("age_band"), settings.ageBand},
         {QLatin1String("language"), settings.language},
         {QLatin1String("page_count"), settings.pageCount},
         {QLatin1String("style"), settings.style},
         {QLatin1String("characters"), settings.characters},
         {QLatin1String("moral"), settings.moral},
         {QLatin1String("read_to_me"), settings.readToMe},
         {QLatin1String("pictures"), settings.pictures},
         {QLatin1String("art_style"), settings.artStyle},
         {QLatin1String("model"), settings.model}},
        settings.extra);
    if (!settings.hero.isEmpty())
        settingsJson.insert(QLatin1String("hero"), QJsonObject{{QLatin1String("profile_id"), settings.hero.profileId},
            {QLatin1String("name"), settings.hero.name}, {QLatin1String("age"), settings.hero.age},
            {QLatin1String("pronouns"), settings.hero.pronouns},
            {QLatin1String("favourites"), QJsonArray::fromStringList(settings.hero.favourites)},
            {QLatin1String("friends"), QJsonArray::fromStringList(settings.hero.friends)}});
    if (!settings.readingLevel.isEmpty())
        settingsJson.insert(QLatin1String("reading_level"), settings.readingLevel);
    if (!settings.chosenCast.isEmpty()) {
        QJsonArray chosen;
        for (const CastMember& member : settings.chosenCast)
            chosen.append(withExtra({{QLatin1String("name"), member.name}, {QLatin1String("look"), member.look}}, member.extra));
        settingsJson.insert(QLatin1String("chosen_cast"), chosen);
    }
    QJsonArray castJson;
    for (const CastMember& member : cast)
        castJson.append(withExtra({{QLatin1String("name"), member.name}, {QLatin1String("look"), member.look}}, member.extra));
    QJsonArray pagesJson;
    for (const Page& p : pages) {
        QJsonObject pageJson{{QLatin1String("id"), p.id},
                             {QLatin1String("text"), p.text},
                             {QLatin1String("scene"), p.scene},
                             {QLatin1String("end"), p.ending},
                             {QLatin1String("state"), Page::stateName(p.state)},
                             {QLatin1String("created"), dateText(p.created)}};
        if (!p.parentId.isEmpty()) {
            pageJson.insert(QLatin1String("parent"), p.parentId);
            pageJson.insert(QLatin1String("parent_version"), p.parentVersion);
            pageJson.insert(QLatin1String("answer"), p.answer);
            pageJson.insert(QLatin1String("answer_index"), p.answerIndex);
        }
        if (p.version != 0)
            pageJson.insert(QLatin1String("version"), p.version);
        if (p.interaction)
            pageJson.insert(QLatin1String("interaction"), interactionJson(*p.interaction));
        pageJson = withNarration(withPicture(pageJson, p.picture), p.narration, p.recording);
        if (!p.noteCode.isEmpty())
            pageJson.insert(QLatin1String("note_code"), p.noteCode);
        if (!p.note.isEmpty())
            pageJson.insert(QLatin1String("note"), p.note);
        if (!p.rawText.isEmpty())
            pageJson.insert(QLatin1String("raw"), p.rawText);
        if (!p.previousVersions.isEmpty()) {
            QJsonArray versions;
            for (const PageVersion& v : p.previousVersions)
                versions.append(versionJson(v));
            pageJson.insert(QLatin1String("earlier_versions"), versions);
        }
        if (p.editedByHand)
            pageJson.insert(QLatin1String("edited"), true);
        pagesJson.append(withExtra(pageJson, p.extra));
    }
    QJsonObject storyJson{{QLatin1String("format"), QLatin1String(FormatName)},
                      {QLatin1String("version"), std::max(formatVersion, FormatVersion)},
                      {QLatin1String("id"), id},
                      {QLatin1String("title"), title},
                      {QLatin1String("title_by_hand"), titleByHand},
                      {QLatin1String("settings"), settingsJson},
                      {QLatin1String("cast"), castJson},
                      {QLatin1String("pages"), pagesJson},
                      {QLatin1String("path"), QJsonArray::fromStringList(path)},
                      {QLatin1String("created"), dateText(created)},
                      {QLatin1String("modified"), dateText(modified)}};
    return withExtra(withPicture(storyJson, characterSheet, "character_sheet"), extra);
}

std::optional<Story> Story::fromJson(const QJsonObject& json, QString* whyNot)
{
    const auto fail = [whyNot](const QString& reason) {
        if (whyNot)
            *whyNot = reason;
        return std::nullopt;
    };
    if (json.value(QLatin1String("format")).toString() != QLatin1String(FormatName))
        return fail(Tr::tr("This is not an Interactive Storybook story file."));
    const int version = json.value(QLatin1String("version")).toInt(0);
    if (version < 1)
        return fail(Tr::tr("The story file has no valid format version."));
    // Newer versions are read as far as we understand them; their extra fields are kept.
    Story story;
    story.id = json.value(QLatin1String("id")).toString();
    if (story.id.isEmpty())
        return fail(Tr::tr("The story file has no id."));
    story.title = json.value(QLatin1String("title")).toString();
    story.titleByHand = json.value(QLatin1String("title_by_hand")).toBool();
    const QJsonObject s = json.value(QLatin1String("settings")).toObject();
    story.settings.idea = s.value(QLatin1String("idea")).toString();
    story.settings.ageBand = s.value(QLatin1String("age_band")).toString(story.settings.ageBand);
    story.settings.language = s.value(QLatin1String("language")).toString(story.settings.language);
    story.settings.pageCount = std::clamp(s.value(QLatin1String("page_count")).toInt(story.settings.pageCount), 1, 100);
    story.settings.style = s.value(QLatin1String("style")).toString();
    story.settings.characters = s.value(QLatin1String("characters")).toString();
    story.settings.moral = s.value(QLatin1String("moral")).toString();
    story.settings.readToMe = s.value(QLatin1String("read_to_me")).toBool();
    story.settings.pictures = s.value(QLatin1String("pictures")).toBool();
    story.settings.artStyle = s.value(QLatin1String("art_style")).toString();
    story.settings.model = s.value(QLatin1String("model")).toString();
    const QJsonObject hero = s.value(QLatin1String("hero")).toObject();
    const auto strings = [](const QJsonValue& v) {
        QStringList out;
        for (const QJsonValue& item : v.toArray())
            if (item.isString())
                out.append(item.toString());
        return out;
    };
    story.settings.hero = {hero.value(QLatin1String("profile_id")).toString(), hero.value(QLatin1String("name")).toString(),
                           hero.value(QLatin1String("age")).toString(), hero.value(QLatin1String("pronouns")).toString(),
                           strings(hero.value(QLatin1String("favourites"))), strings(hero.value(QLatin1String("friends")))};
    story.settings.readingLevel = s.value(QLatin1String("reading_level")).toString();
    for (const QJsonValue& value : s.value(QLatin1String("chosen_cast")).toArray()) {
        const QJsonObject c = value.toObject();
        if (!c.value(QLatin1String("name")).toString().trimmed().isEmpty())
            story.settings.chosenCast.append({c.value(QLatin1String("name")).toString(), c.value(QLatin1String("look")).toString(),
                                              unknownFields(c, {"name", "look"})});
    }
    story.settings.extra = unknownFields(s, {"idea", "age_band", "language", "page_count", "style", "characters",
                                             "moral", "read_to_me", "pictures", "art_style", "model", "hero",
                                             "reading_level", "chosen_cast"});
    for (const QJsonValue& value : json.value(QLatin1String("cast")).toArray()) {
        const QJsonObject c = value.toObject();
        story.cast.append({c.value(QLatin1String("name")).toString(), c.value(QLatin1String("look")).toString(),
                           unknownFields(c, {"name", "look"})});
    }
    const QJsonArray pagesJson = json.value(QLatin1String("pages")).toArray();
    if (pagesJson.size() > MaxPages)
        return fail(Tr::tr("The story file has too many pages."));
    for (const QJsonValue& value : pagesJson) {
        const QJsonObject o = value.toObject();
        Page p;
        p.id = o.value(QLatin1String("id")).toString();
        if (p.id.isEmpty() || story.page(p.id))
            return fail(Tr::tr("The story file has a page without an id, or two pages with the same id."));
        p.parentId = o.value(QLatin1String("parent")).toString();
        p.version = std::max(0, o.value(QLatin1String("version")).toInt(0));
        // -1 until the parent is known: a file without it (format 1) answers the parent's current version.
        p.parentVersion = o.value(QLatin1String("parent_version")).toInt(-1);
        p.answer = o.value(QLatin1String("answer")).toString();
        p.answerIndex = o.value(QLatin1String("answer_index")).toInt(-1);
        p.text = o.value(QLatin1String("text")).toString();
        p.scene = o.value(QLatin1String("scene")).toString();
        p.ending = o.value(QLatin1String("end")).toBool();
        p.state = Page::stateFromName(o.value(QLatin1String("state")).toString());
        p.noteCode = o.value(QLatin1String("note_code")).toString();
        p.note = o.value(QLatin1String("note")).toString();
        p.rawText = o.value(QLatin1String("raw")).toString();
        // Format 1 kept earlier texts only; they are read as versions with the same question.
        for (const QJsonValue& v : o.value(QLatin1String("previous_versions")).toArray()) {
            PageVersion earlier;
            earlier.number = p.version;
            earlier.text = v.toString();
            p.previousVersions.append(earlier);
        }
        for (const QJsonValue& v : o.value(QLatin1String("earlier_versions")).toArray())
            p.previousVersions.append(versionFromJson(v.toObject()));
        p.editedByHand = o.value(QLatin1String("edited")).toBool();
        p.created = parseDate(o.value(QLatin1String("created")));
        p.interaction = interactionFromJson(o.value(QLatin1String("interaction")));
        p.picture = Picture::fromJson(o.value(QLatin1String("picture")));
        p.narration = Narration::fromJson(o.value(QLatin1String("narration")));
        p.recording = Narration::fromJson(o.value(QLatin1String("recording")));
        p.extra = unknownFields(o, {"id", "parent", "parent_version", "version", "answer", "answer_index", "text",
                                    "scene", "end", "state", "note_code", "note", "raw", "previous_versions", "earlier_versions",
                                    "edited", "created", "interaction", "picture", "narration", "recording"});
        story.pages.append(std::move(p));
    }
    for (Page& p : story.pages) {
        if (p.parentId.isEmpty())
            continue;
        const Page* parent = story.page(p.parentId);
        if (!parent)
            return fail(Tr::tr("The story file has a page whose parent is missing."));
        if (p.parentVersion < 0)
            p.parentVersion = parent->version;
    }
    if (story.hasParentCycle())
        return fail(Tr::tr("The story file is damaged: its pages lead back to themselves in a circle."));
    for (const QJsonValue& v : json.value(QLatin1String("path")).toArray()) {
        if (story.page(v.toString()))
            story.path.append(v.toString());
    }
    if (story.path.isEmpty() && story.firstPage())
        story.goTo(story.firstPage()->id);
    story.created = parseDate(json.value(QLatin1String("created")));
    story.modified = parseDate(json.value(QLatin1String("modified")));
    story.characterSheet = Picture::fromJson(json.value(QLatin1String("character_sheet")));
    story.extra = unknownFields(json, {"format", "version", "id", "title", "title_by_hand", "settings", "cast",
                                       "character_sheet", "pages", "path", "created", "modified"});
    story.formatVersion = version;
    return story;
}

QByteArray Story::toFileData() const
{
    return StoryFile::encode(*this);
}

std::optional<Story> Story::fromFileData(const QByteArray& data, QString* whyNot)
{
    return StoryFile::decode(data, StoryFile::Parts::Everything, whyNot);
}

QByteArray Story::toJsonData() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

std::optional<Story> Story::fromJsonData(const QByteArray& data, QString* whyNot)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (!doc.isObject()) {
        if (whyNot)
            *whyNot = Tr::tr("The file is not valid JSON (%1 at byte %2).").arg(error.errorString()).arg(error.offset);
        return std::nullopt;
    }
    return fromJson(doc.object(), whyNot);
}

} // namespace Storybook::Story
