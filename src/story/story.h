#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Storybook::Story {

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
    bool readToMe = false;                    // keep going along the first choice
    QString model;                            // the model that wrote it (informative)
    QJsonObject extra;                        // unknown fields, kept on save
};

struct CastMember
{
    QString name;
    QString look; // kept consistent across pages
    QJsonObject extra;
};

// The question at the end of a page, for the child.
struct Interaction
{
    enum class Kind { Choose, Guess, Name, Describe };

    Kind kind = Kind::Choose;
    QString question;
    QStringList options; // 2-4 suggested answers; the child may also give their own
    QJsonObject extra;

    [[nodiscard]] static QString kindName(Kind kind);
    [[nodiscard]] static Kind kindFromName(const QString& name); // unknown → Choose
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
    std::optional<Interaction> interaction;
    bool ending = false;
    State state = State::Complete;
    QString note;       // for drafts: why it stopped (already a human message)
    QString rawText;    // the model's raw answer when it could not be parsed into a page
    QList<QString> previousVersions; // texts replaced by "regenerate", newest last
    bool editedByHand = false;
    QDateTime created;
    QJsonObject extra;

    [[nodiscard]] bool isDraft() const { return state != State::Complete; }
    [[nodiscard]] static QString stateName(State state);
    [[nodiscard]] static State stateFromName(const QString& name);
};

// A story: a tree of pages (each page names its parent) and the reading path through it.
class Story final
{
public:
    static constexpr auto FormatName = "interactive-storybook";
    static constexpr int FormatVersion = 1;

    QString id;
    QString title;
    StorySettings settings;
    QList<CastMember> cast;
    QList<Page> pages;  // in creation order
    QStringList path;   // page ids from the first page along the current branch
    QDateTime created;
    QDateTime modified;
    QJsonObject extra;  // unknown top-level fields, kept on save
    int formatVersion = FormatVersion; // a newer file keeps its version number when saved

    [[nodiscard]] static QString newId();

    [[nodiscard]] const Page* page(const QString& id) const;
    [[nodiscard]] Page* page(const QString& id);
    [[nodiscard]] const Page* firstPage() const;
    [[nodiscard]] QList<const Page*> children(const QString& id) const;
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
    [[nodiscard]] bool isFinished() const; // the path ends on a complete ending page
    [[nodiscard]] QString plainText() const; // title + every page's text, for search

    [[nodiscard]] QJsonObject toJson() const;
    // Reads a story; on failure returns nullopt and a translated reason.
    [[nodiscard]] static std::optional<Story> fromJson(const QJsonObject& json, QString* whyNot);
    [[nodiscard]] QByteArray toFileData() const;
    [[nodiscard]] static std::optional<Story> fromFileData(const QByteArray& data, QString* whyNot);
};

} // namespace Storybook::Story
