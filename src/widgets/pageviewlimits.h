#pragma once

#include <QtGlobal>

// Limits shared by pageview.cpp and pageviewtext.cpp (the two halves of PageView).
namespace Storybook::Widgets::PageLimits {

inline constexpr int FlushIntervalMs = 16;
// Inserting and laying out text costs about 0.4 µs a character here: a turn of the event loop takes
// at most this much of it, so neither a fast stream's backlog nor opening a very long page holds
// the window (the rest follows in the next turns).
inline constexpr qsizetype InsertCharsPerTurn = 8192;
inline constexpr int WheelFlipThreshold = 120; // one notch past the end turns the page

} // namespace Storybook::Widgets::PageLimits
