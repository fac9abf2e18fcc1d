#pragma once

#include <QList>

#include <span>

namespace Storybook::Speech {

// Raw audio as the recorder keeps it: signed 16-bit little-endian samples, `channels` interleaved.
struct PcmFormat
{
    int sampleRate = 48000;
    int channels = 1;

    [[nodiscard]] qint64 framesForMs(qint64 ms) const { return ms * sampleRate / 1000; }
    [[nodiscard]] qint64 msForFrames(qint64 frames) const { return sampleRate > 0 ? frames * 1000 / sampleRate : 0; }
    friend bool operator==(const PcmFormat&, const PcmFormat&) = default;
};

// How splitByPauses() tells sound from silence. The defaults suit a person reading aloud.
struct PauseRules
{
    int windowMs = 20;            // the energy (RMS) is measured in windows this long
    double silenceRatio = 0.1;    // a window is silent below this part of the loudness (-20 dB)
    int silenceFloor = 60;        // ... and always below this RMS (of 32767): a quiet room
    int minimumPauseMs = 250;     // shorter gaps are breaths inside a sentence, not sentence ends
    int keepMs = 120;             // silence kept at each cut (at most half the pause)
};

// A piece of the recording, in frames: [begin, end).
struct AudioPiece
{
    qint64 begin = 0;
    qint64 end = 0;
    friend bool operator==(const AudioPiece&, const AudioPiece&) = default;
};

struct PauseSplit
{
    enum class Problem {
        None,
        Silent,       // nothing louder than a quiet room was recorded
        TooFewPauses, // fewer clear pauses than cuts needed: record sentence by sentence instead
    };
    Problem problem = Problem::None;
    QList<AudioPiece> pieces; // partCount pieces in order (empty when there is a problem)
    int pausesFound = 0;      // clear pauses between sounds (leading and trailing silence not counted)
};

// Cuts a recording of a whole page read in one go into `partCount` pieces, one per sentence, at the
// longest pauses: the energy is measured in short windows, a window is silent below a threshold
// relative to the loudness of the recording (its 90th-percentile window), and a pause is a run of
// silent windows at least `minimumPauseMs` long between two sounds. The partCount - 1 longest pauses
// become the cuts; each piece keeps a little silence on both sides, and the silence before the first
// sound and after the last one is trimmed to the same margin. Cut positions are exact to one window.
[[nodiscard]] PauseSplit splitByPauses(std::span<const qint16> samples, const PcmFormat& format, int partCount,
                                       const PauseRules& rules = {});

} // namespace Storybook::Speech
