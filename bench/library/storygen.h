#pragma once
// Deterministic generator of realistic stories for the library benchmark: mixed Chinese and
// English, 4-12 pages along the reading path, sentences of the sample stories' lengths, about a
// third with a side branch. A few words are planted by a fixed rule, so the expected number of
// search hits is known for any library size (see plantedQueries()).

#include "story.h"

#include <QList>
#include <QString>

namespace Storybook::Bench {

struct PlantedQuery
{
    QString label; // "common", "rare", "zh", "two-words", "no-hit"
    QString query; // what is passed to Library::search
    // Whether story `index` contains the query (by the planting rule).
    bool (*contains)(int index);
};

[[nodiscard]] const QList<PlantedQuery>& plantedQueries();
[[nodiscard]] int expectedHits(const PlantedQuery& query, int storyCount);

// Story number `index` of a library generated with `seed`: the same every time.
[[nodiscard]] Story::Story generateStory(int index, quint32 seed);

} // namespace Storybook::Bench
