// Why a draft page stopped: stored as a code (Page::noteCode), put into words when shown, in the
// interface's language (tr()) or, for an export, in the story's language (I18n::storyText).
// Also the child's naming of a character (Story::nameCharacter).
#include "story.h"

#include "i18n.h"

#include <QCoreApplication>

#include <algorithm>

namespace Storybook::Story {

namespace {

constexpr auto Context = "Storybook::Story::DraftReason";

struct Reason
{
    const char* code; // a whole code, or "<category>:" for every kind of that category
    const char* text;
};

// The specific codes first: a code is matched whole, then by its category ("network:" for "network:dns").
constexpr Reason Reasons[] = {
    {"stopped", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "Writing was stopped before the page was finished.")},
    {"app-closed", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The app was closed while this page was being written.")},
    {"length", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The model stopped before the page was finished: it reached its length limit.")},
    {"content-filter", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The provider's safety filter stopped this page before it was finished.")},
    {"moderation", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The provider's moderation flagged this page, also when it was written again more gently.")},
    {"unusable", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The model sent nothing that could be used as a page.")},
    {"api:unauthorized", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The story writer did not accept the key.")},
    {"api:rate-limited", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The story writer was busy (too many requests).")},
    {"api:out-of-credit", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The story writer's account has no credit left.")},
    {"api:content-refused", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The provider's safety system refused to write this page.")},
    {"api:model-not-found", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The story writer does not know the model chosen in the settings.")},
    {"network:connection-reset", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The connection to the story writer was cut off before the page was finished.")},
    {"cancelled:", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "Writing was stopped before the page was finished.")},
    {"network:", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The story writer could not be reached over the network.")},
    {"proxy:", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The proxy did not let the request through to the story writer.")},
    {"timeout:", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The story writer took too long to answer.")},
    {"api:", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The story writer could not write this page (its service answered with an error).")},
    {"configuration:", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The story writer's settings are not complete.")},
    {"bad-response:", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "The story writer's answer could not be read.")},
    {"internal:", QT_TRANSLATE_NOOP("Storybook::Story::DraftReason", "Something went wrong in the app while this page was being written.")},
};

const Reason* reasonFor(const QString& code)
{
    if (code.isEmpty())
        return nullptr;
    for (const Reason& reason : Reasons) {
        if (code == QLatin1String(reason.code))
            return &reason;
    }
    const qsizetype colon = code.indexOf(u':');
    if (colon <= 0)
        return nullptr;
    const QStringView category = QStringView(code).first(colon + 1);
    for (const Reason& reason : Reasons) {
        if (category == QLatin1String(reason.code))
            return &reason;
    }
    return nullptr;
}

} // namespace

QString Story::draftReasonText(const Page& page)
{
    if (const Reason* reason = reasonFor(page.noteCode))
        return QCoreApplication::translate(Context, reason->text);
    return page.note.trimmed();
}

QString Story::draftReasonText(const Page& page, const QString& storyLanguage)
{
    if (const Reason* reason = reasonFor(page.noteCode))
        return I18n::storyText(storyLanguage, Context, reason->text);
    return page.note.trimmed();
}

void Story::setDraftReason(Page& page, const QString& code)
{
    page.state = Page::State::Draft;
    page.noteCode = code;
    const Reason* reason = reasonFor(code);
    page.note = reason ? QString::fromUtf8(reason->text) : QString();
}

bool Story::nameCharacter(const QString& about, const QString& name)
{
    const QString newName = name.simplified();
    const QString who = about.simplified();
    if (newName.isEmpty())
        return false;
    static const QLatin1String NamedFrom("named_from"); // the name the question used, kept in the member's extra
    const auto matches = [&who](const CastMember& member) {
        return !who.isEmpty()
            && (member.name.compare(who, Qt::CaseInsensitive) == 0
                || member.extra.value(NamedFrom).toString().compare(who, Qt::CaseInsensitive) == 0);
    };
    auto it = std::find_if(cast.begin(), cast.end(), matches);
    if (it == cast.end()) {
        if (cast.size() >= MaxCast)
            return false;
        CastMember added;
        added.name = newName;
        added.look = who;
        if (!who.isEmpty())
            added.extra.insert(NamedFrom, who);
        cast.append(added);
    } else {
        if (!it->extra.contains(NamedFrom))
            it->extra.insert(NamedFrom, it->name);
        it->name = newName;
    }
    modified = QDateTime::currentDateTimeUtc();
    return true;
}

} // namespace Storybook::Story
