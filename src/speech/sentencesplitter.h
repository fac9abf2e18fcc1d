#pragma once

#include <QList>
#include <QString>

namespace Storybook::Speech {

// A sentence of a text: where it starts and how long it is, in UTF-16 code units of that text.
struct Sentence
{
    int start = 0;
    int length = 0;
    friend bool operator==(const Sentence&, const Sentence&) = default;
};

// Splits prose into sentences for reading aloud one at a time: after . ! ? … and the CJK 。！？；
// (with closing quotes and brackets kept on the sentence), and at line breaks. Leading and trailing
// blanks are left out; decimal numbers ("3.5") and abbreviations followed by a lower-case letter
// stay whole. Sentences longer than `maxLength` are cut after a comma or a blank near the limit, so
// no single piece keeps a speech engine busy for minutes.
[[nodiscard]] QList<Sentence> splitSentences(const QString& text, int maxLength = 300);

} // namespace Storybook::Speech
