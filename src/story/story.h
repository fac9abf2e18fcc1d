#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "narration.h"

namespace Storybook::Story {

struct CastMember
{
    QString name;
    QString look; // kept consistent across pages
    QJsonObject extra;
};

// The child a story is about (a ChildProfile of profiles.h, as the prompt needs it): kept in the story so
// its first page can be written again. Empty profileId and name: no hero.
struct StoryHero
{
    QString profileId;
    QString name;
    QString age;           // "5", or empty
    QString pronouns;      // "she", "he", "they", "她", "他", or empty
    QStringList favourites; // favourite animals, colours, toys
    QStringList friends;    // friends' and siblings' names

    [[nodiscard]] bool isEmpty() const { return profileId.isEmpty() && name.trimmed().isEmpty(); }
};

// What the story was made from.
struct StorySettings
{
    QString idea;
    QString ageBand = QStringLiteral("6-8"); // "3-5", "6-8", "9-12"
    QString language = QStringLiteral("en"); // "en", "zh"
    int pageCount = 8;                        // the target number of pages along one branch
    QString style;                            // tone/style, e.g. "funny, rhyming"
    QString characters;                       // optional characters the user asked for
    QString moral;                            // optional lesson
    StoryHero hero;                           // the child as the hero (optional)
    QString readingLevel;                     // ReadingLevel id; empty: from the hero's age, else the age band
    QList<CastMember> chosenCast;             // characters picked for the story (family cast, typed), in its cast
    bool readToMe = false;                    // keep going along the first choice
    bool pictures = false;                    // paint a picture for every page
    QString artStyle;                         // e.g. "watercolour", "paper-cut" (resources/art-styles)
    QString model;                            // the model that wrote it (informative)
    QJsonObject extra;                        // unknown fields, kept on save
};

// A picture kept inside the story file exactly as the provider sent it (never re-encoded). Its bytes
// are Story::assets[entry]; the story's JSON holds only this description.
struct Picture
{
    QString entry;    // the asset's name inside the story file, e.g. "pictures/3f2a1b.png"
    QString mimeType; // "image/png", "image/jpeg", "image/webp"
    QString prompt;   // what it was painted from
    QString model;    // the model that painted it (informative)
    QDateTime created;
    QJsonObject extra;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Picture> fromJson(const QJsonValue& value); // nullopt: none or no entry
};

// The question at the end of a page, for the child.
struct Interaction
{
    enum class Kind { Choose, Guess, Name, Describe };

    Kind kind = Kind::Choose;
    QString question;
    QStringList options; // 3-4 suggested answers asked for (2 accepted); the child may also give their own
    QJsonObject extra;
    // Name (and describe): the cast name of the character the question is about ("the puppy" for one
    // not named yet). A name the child gives renames that cast member (Story::nameCharacter).
    QString about = {};
    // Guess: the right answer, chosen when the question was asked and never shown with it; the next
    // page reveals whether the child's guess was right. Empty: the next page decides.
    QString solution = {};

    [[nodiscard]] static QString kindName(Kind kind);
    [[nodiscard]] static Kind kindFromName(const QString& name); // unknown → Choose
};

// An earlier version of a page: what the child saw (text, question, answers) before "Write this page
// again", or the text before an edit by hand. `number` names the question the version asked: pages
// written below a page belong to one of its version numbers (Page::parentVersion), so the branches
// of an earlier version come back with it when it is restored. An edit by hand keeps the number
// (the question, and so its branches, stay); writing the page again gives a new one.
struct PageVersion
{
    int number = 0;
    QString text;
    QString scene;
    std::optional<Interaction> interaction;
    bool ending = false;
    QString rawText;
    std::optional<Picture> picture; // the version's own picture (its entry stays in Story::assets)
    std::optional<Narration> narration; // the version read aloud (entries stay in Story::assets)
    std::optional<Narration> recording;
    bool editedByHand = false;
    QDateTime replaced; // when it stopped being the current version
    QJsonObject extra;
};

struct Page
{
    enum class State {
        Complete,  // finished normally
        Draft,     // generation failed or was cancelled: what arrived is kept, marked, retryable
        Streaming, // being written right now (saved like this by autosave; a crash leaves it a draft)
    };

    QString id;
    QString parentId;     // empty for the first page
    QString answer;       // the answer to the parent's interaction that led here
    int answerIndex = -1; // index into the parent's options, -1 for the child's own answer
    QString text;
    QString scene; // a short scene description, for an illustration or its alt text
    std::optional<Picture> picture;
    // The page read aloud: by a speech provider, and by a person ("Record this page"). Clips match the
    // page's words (Narration::clipFor), so an edit by hand silences only the sentences it changed.
    std::optional<Narration> narration; // synthesised
    std::optional<Narration> recording; // recorded by a parent; preferred over `narration`
    std::optional<Interaction> interaction;
    bool ending = false;
    State state = State::Complete;
    // For drafts: why it stopped, as a code put into words when shown (Story::draftReasonText): "stopped",
    // "app-closed", "length", "content-filter", "unusable", or "<category>:<kind>" of a network-layer error
    // ("network:dns", "timeout:idle-timeout", "api:rate-limited"). `note` is the English sentence for the
    // code, saved beside it for older apps; a file from before codes has only a note (already a human
    // message, shown as it is), as has a code this version does not know.
    QString noteCode;
    QString note;
    QString rawText;    // the model's raw answer when it could not be parsed into a page
    int version = 0;        // the number of the current version (see PageVersion)
    int parentVersion = 0;  // the parent's version whose question this page answers
    QList<PageVersion> previousVersions; // replaced by "regenerate" or an edit by hand, oldest first
    bool editedByHand = false;
    QDateTime created;
    QJsonObject extra;

    [[nodiscard]] bool isDraft() const { return state != State::Complete; }
    // The narration to play: the recording when there is one, else the synthesised one, else null.
    [[nodiscard]] const Narration* preferredNarration() const
    {
        return recording ? &*recording : narration ? &*narration : nullptr;
    }
    [[nodiscard]] static QString stateName(State state);
    [[nodiscard]] static State stateFromName(const QString& name);
};

// A story: a tree of pages (each page names its parent) and the reading path through it.
class Story final
{
public:
    static constexpr auto FormatName = "interactive-storybook";
    // 2: earlier versions of a page are objects with their question, and pages name the version of
    // their parent they answer (a version 1 file is read as if every page answered the current one).
    static constexpr int FormatVersion = 2;

    QString id;
    QString title;
    bool titleByHand = false; // set by the user: a page written again never replaces it
    StorySettings settings;
    QList<CastMember> cast;
    std::optional<Picture> characterSheet; // one picture of the whole cast, the reference for every page
    QList<Page> pages;  // in creation order
    QStringList path;   // page ids from the first page along the current branch
    QDateTime created;
    QDateTime modified;
    QJsonObject extra;  // unknown top-level fields, kept on save
    int formatVersion = FormatVersion; // a newer file keeps its version number when saved
    // The bytes of pictures and sounds by entry name (StoryFile), as sent; unknown entries of a newer
    // app are kept here too. Empty when the story was read for listing only.
    QHash<QString, QByteArray> assets;

    [[nodiscard]] static QString newId();

    [[nodiscard]] const Page* page(const QString& id) const;
    [[nodiscard]] Page* page(const QString& id);
    [[nodiscard]] const Page* firstPage() const;
    // The pages written below the current version of `id` (the branches of its question).
    [[nodiscard]] QList<const Page*> children(const QString& id) const;
    // The pages written below an earlier version `number` of `id`.
    [[nodiscard]] QList<const Page*> childrenOfVersion(const QString& id, int number) const;
    // The pages along the current reading path, first page first.
    [[nodiscard]] QList<const Page*> pathPages() const;
    // The pages from the first one to `id`, following parents.
    [[nodiscard]] QList<const Page*> branchTo(const QString& id) const;
    // 1-based position of a page on its branch.
    [[nodiscard]] int depth(const QString& id) const;

    // Adds a page (assigning an id if it has none) and makes it the end of the reading path.
    Page& addPage(Page page);
    // Makes the reading path go through `id`: unchanged when it already does, else the branch to
    // `id` and on along the first child written below it.
    void goTo(const QString& id);
    // Edits by hand: the page text (the old text is kept as a previous version) and whether the page
    // ends the story (an ending has no question). Return false when there is no such page.
    bool setPageText(const QString& id, const QString& text);
    bool setEnding(const QString& id, bool ending);
    // A page written again: the current version (with its question and branches) becomes an earlier
    // version, and `replacement` (text, scene, question, ending, raw answer) the current one, with a
    // new number and so no branches of its own; the reading path ends at the page.
    bool replacePageVersion(const QString& id, const Page& replacement);
    // Makes earlier version `index` (into previousVersions) current again; the current one is kept
    // as an earlier version, and the branches of the restored one come back. The reading path goes
    // through the page and on along its branches.
    bool restoreVersion(const QString& id, qsizetype index);
    [[nodiscard]] bool isFinished() const; // the path ends on a complete ending page
    static constexpr qsizetype MaxCast = 12;
    // The child named a character: the cast member called `about` (ignoring case; or one named so
    // earlier by the child) is called `name` from now on, its look kept. Without such a member (a
    // character not named yet, "the puppy"), one is added with `about` as its look. False when
    // `name` is empty or the cast is full (MaxCast).
    bool nameCharacter(const QString& about, const QString& name);
    // Why draft `page` stopped, in the interface's language (tr() at the time of the call): the words of
    // its noteCode, else its free-text note; empty when it gives no reason.
    [[nodiscard]] static QString draftReasonText(const Page& page);
    // The same in a story's language (the exports): I18n::storyText with the same translations.
    [[nodiscard]] static QString draftReasonText(const Page& page, const QString& storyLanguage);
    // Marks `page` a draft that stopped for `code` (see Page::noteCode), with its English note.
    static void setDraftReason(Page& page, const QString& code);
    // Removes the picture and narration assets ("pictures/…", "narration/…") that no page, earlier
    // version or character sheet names any more; other assets (a newer app's) stay.
    void dropUnreferencedAssets();
    // True when following parents from some page comes back to it (a damaged or crafted file).
    [[nodiscard]] bool hasParentCycle() const;
    [[nodiscard]] QString plainText() const; // title + every page's text, for search

    [[nodiscard]] QJsonObject toJson() const;
    // Reads a story; on failure returns nullopt and a translated reason.
    [[nodiscard]] static std::optional<Story> fromJson(const QJsonObject& json, QString* whyNot);
    // The whole file (StoryFile::encode/decode: plain JSON, or a container when there are assets).
    [[nodiscard]] QByteArray toFileData() const;
    [[nodiscard]] static std::optional<Story> fromFileData(const QByteArray& data, QString* whyNot);
    // The story's JSON alone (what a text-only file holds, and a container's first entry).
    [[nodiscard]] QByteArray toJsonData() const;
    [[nodiscard]] static std::optional<Story> fromJsonData(const QByteArray& data, QString* whyNot);

private:
    // The reading path: to `id`, then on along the first branch below it.
    void endPathAt(const QString& id);
    // Page `id` (which exists) shows `version`; its current one is kept as an earlier version.
    void becomeVersion(const QString& id, const PageVersion& version);
};

} // namespace Storybook::Story
