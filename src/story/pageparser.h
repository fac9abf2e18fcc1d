#pragma once

#include "story.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Storybook::Story {

// One page as the model answered it, after a tolerant parse.
struct ParsedPage
{
    static constexpr qsizetype MaxCast = 12;

    QString title; // empty unless given
    QString text; // the page text, trimmed (never empty when usable)
    QString scene;
    // The question at the end of the page. The prompts ask for 3-4 suggestions; "choose"/"guess" keep 2-4 options
    // (trimmed, no empties or duplicates, the first 4 when more came; 2 are accepted as they are — a fair
    // question, not worth making the child wait for another answer — with a note in problems; fewer than 2 drop the
    // interaction); "name"/"describe" 0-4 options and a non-empty question. A "choose" question may be empty: the
    // UI shows a generic one. "about" (also "character", "who": the cast name a name question is about) and
    // "solution" (also "correct_answer", "right_answer", "correct": a guess's answer) are read as single lines.
    std::optional<Interaction> interaction;
    // The characters the model introduced ("cast": [{"name", "look"}], usually on the first page only), read from
    // the same repaired object as the page fields: names and looks trimmed, members without a name dropped, a
    // name given twice (ignoring case) kept once (the first), at most MaxCast. Unknown member fields go to extra.
    // Empty when the answer has no cast or no usable object.
    QList<CastMember> cast;
    bool end = false;
    bool structured = false; // a JSON object (possibly repaired) with the page text was found
    bool usable = false; // text is non-empty
    QStringList problems; // short English notes for the log ("trailing comma repaired", ...)
};

// Reads the model's answer for one page: {"title", "cast", "text", "scene", "interaction", "end"}, however sloppily
// written. Incremental: feed the streamed deltas as they arrive, show streamingText(), call finish() at the end.
// An answer with no usable object becomes prose; one that is HTML becomes the text a reader of it would see
// (script, style and head content never). Every step costs time linear in the delta; finish() is linear in
// everything fed (the HTML fallback included). No QGuiApplication is needed (QCoreApplication or none at all).
class PageParser final
{
public:
    PageParser();
    ~PageParser();
    PageParser(const PageParser& other);
    PageParser& operator=(const PageParser& other);
    PageParser(PageParser&& other) noexcept;
    PageParser& operator=(PageParser&& other) noexcept;

    void feed(const QString& delta);

    // The decoded value of the page's "text" field so far (trimmed; grows, never shrinks; an incomplete escape or
    // half a surrogate pair is held back). Empty until the text starts. When the answer is clearly not JSON (no '{'
    // within the first 200 non-space characters), the raw answer so far, without a leading code fence.
    [[nodiscard]] QString streamingText() const;
    // True once streamingText() shows the raw answer (no '{' came in time). It stays true; if an object turns up
    // later after all, finish() still reads it, so only then may the final text differ from what was streamed.
    [[nodiscard]] bool streamingIsRaw() const;
    // The page title, once its string is complete and the object has a "text" key.
    [[nodiscard]] QString streamingTitle() const;
    // The final tolerant parse of everything fed; equal to parse(raw()).
    [[nodiscard]] ParsedPage finish() const;
    [[nodiscard]] static ParsedPage parse(const QString& whole);
    [[nodiscard]] const QString& raw() const { return m_raw; }

private:
    class Scanner;

    QString m_raw;
    std::unique_ptr<Scanner> m_scanner; // null only in a moved-from parser
};

} // namespace Storybook::Story
