#pragma once

#include "story.h"

namespace Storybook::Test {

// A small story with a branch: page 1 → (answer A) page 2a → (A) page 3 ending; page 1 → (B) page 2b.
// Bytes that a test can recognise again: `size` bytes derived from `seed`.
inline QByteArray knownBytes(int seed, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 x = 2463534242u + quint32(seed);
    for (qsizetype i = 0; i < size; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes[i] = char(x & 0xff);
    }
    return bytes;
}

inline Story::Story sampleStory(const QString& language = QStringLiteral("en"))
{
    Story::Story story;
    story.id = Story::Story::newId();
    story.title = language == QLatin1String("zh") ? QStringLiteral("小狐狸和灯笼") : QStringLiteral("The Fox and the Lantern");
    story.settings.idea = QStringLiteral("a fox who finds a lantern");
    story.settings.language = language;
    story.settings.pageCount = 3;
    story.cast.append({QStringLiteral("Pip"), QStringLiteral("a small fox with a blue scarf"), {}});
    Story::Page first;
    first.text = QStringLiteral("Pip found a lantern.");
    first.scene = QStringLiteral("A fox and a lantern.");
    first.interaction = Story::Interaction{Story::Interaction::Kind::Choose, QStringLiteral("Where next?"),
                                           {QStringLiteral("Follow the owl"), QStringLiteral("Cross the bridge")}, {}};
    const QString firstId = story.addPage(first).id;
    Story::Page b;
    b.parentId = firstId;
    b.answer = QStringLiteral("Cross the bridge");
    b.answerIndex = 1;
    b.text = QStringLiteral("Pip crossed the bridge.");
    b.interaction = Story::Interaction{Story::Interaction::Kind::Guess, QStringLiteral("What is under it?"),
                                       {QStringLiteral("A troll"), QStringLiteral("A fish")}, {}};
    story.addPage(b);
    Story::Page a;
    a.parentId = firstId;
    a.answer = QStringLiteral("Follow the owl");
    a.answerIndex = 0;
    a.text = QStringLiteral("Pip followed the owl.");
    a.interaction = Story::Interaction{Story::Interaction::Kind::Name, QStringLiteral("What is the owl called?"),
                                       {QStringLiteral("Hoot"), QStringLiteral("Luna")}, {}};
    const QString aId = story.addPage(a).id;
    Story::Page end;
    end.parentId = aId;
    end.answer = QStringLiteral("Luna");
    end.answerIndex = 1;
    end.text = QStringLiteral("Luna and Pip lit up the night. Everyone went home.");
    end.ending = true;
    story.addPage(end);
    return story;
}

} // namespace Storybook::Test
