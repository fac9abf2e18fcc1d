#pragma once

#include "fakespeech.h"
#include "story.h"

// A story whose pages can be given narration for the widget tests: clips are real WAV tones (24 kHz
// mono, 300 ms each unless told), stored as assets the way the story layer keeps them.
namespace Storybook::Test {

inline Story::Narration narrationOf(Story::Story& story, const QString& pageId, const QStringList& texts,
                                    Story::Narration::Source source, const QString& voice, int ms = 300)
{
    Story::Narration narration;
    narration.source = source;
    narration.voice = voice;
    for (const QString& text : texts) {
        Story::NarrationClip clip;
        clip.text = text;
        clip.entry = Story::newNarrationEntry(pageId, QStringLiteral("wav"));
        clip.mimeType = QStringLiteral("audio/wav");
        clip.durationMs = ms;
        story.assets.insert(clip.entry, FakeSpeech::wav(FakeSpeech::pcm(ms)));
        narration.clips.append(clip);
    }
    return narration;
}

//   n1 "The fox woke up. She looked for the moon." (a question with two answers) ── n2 (ending)
inline Story::Story narratedStory()
{
    Story::Story story;
    story.id = QStringLiteral("narrated");
    story.title = QStringLiteral("The Fox and the Moon");
    story.settings.pageCount = 2;
    Story::Page first;
    first.id = QStringLiteral("n1");
    first.text = QStringLiteral("The fox woke up. She looked for the moon.");
    Story::Interaction interaction;
    interaction.question = QStringLiteral("Where is the moon?");
    interaction.options = {QStringLiteral("Behind a cloud."), QStringLiteral("In the pond.")};
    first.interaction = interaction;
    Story::Page end;
    end.id = QStringLiteral("n2");
    end.parentId = first.id;
    end.answerIndex = 0;
    end.answer = interaction.options.first();
    end.text = QStringLiteral("The moon came out. Goodnight.");
    end.ending = true;
    story.pages = {first, end};
    story.path = {first.id, end.id};
    return story;
}

inline const QStringList& firstPageSentences()
{
    static const QStringList sentences{QStringLiteral("The fox woke up."), QStringLiteral("She looked for the moon.")};
    return sentences;
}

} // namespace Storybook::Test
