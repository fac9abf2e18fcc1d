#include "pausesplitter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace Storybook::Speech {

namespace {

struct Run
{
    qint64 first = 0; // window index
    qint64 count = 0; // windows
};

} // namespace

PauseSplit splitByPauses(std::span<const qint16> samples, const PcmFormat& format, int partCount,
                         const PauseRules& rules)
{
    PauseSplit out;
    const int channels = std::max(1, format.channels);
    const qint64 frames = qint64(samples.size()) / channels;
    const qint64 window = std::max<qint64>(1, format.framesForMs(rules.windowMs));
    const qint64 windows = frames / window + (frames % window ? 1 : 0);
    if (partCount < 1 || windows == 0) {
        out.problem = PauseSplit::Problem::Silent;
        return out;
    }

    std::vector<double> rms(size_t(windows), 0.0);
    for (qint64 w = 0; w < windows; ++w) {
        const qint64 begin = w * window;
        const qint64 end = std::min(frames, begin + window);
        double sum = 0;
        for (qint64 f = begin; f < end; ++f) {
            for (int c = 0; c < channels; ++c) {
                const double v = samples[size_t(f * channels + c)];
                sum += v * v;
            }
        }
        rms[size_t(w)] = std::sqrt(sum / double((end - begin) * channels));
    }

    // The loudness: a high percentile of the windows, so one click does not set it.
    std::vector<double> sorted = rms;
    const size_t at = std::min(sorted.size() - 1, size_t(double(sorted.size()) * 0.9));
    std::nth_element(sorted.begin(), sorted.begin() + qsizetype(at), sorted.end());
    const double loudness = sorted[at];
    if (loudness < rules.silenceFloor) {
        out.problem = PauseSplit::Problem::Silent;
        return out;
    }
    const double threshold = std::max(loudness * rules.silenceRatio, double(rules.silenceFloor));

    qint64 firstSound = -1;
    qint64 lastSound = -1;
    for (qint64 w = 0; w < windows; ++w) {
        if (rms[size_t(w)] >= threshold) {
            if (firstSound < 0)
                firstSound = w;
            lastSound = w;
        }
    }

    // Runs of silent windows between the first and the last sound.
    const qint64 minimumWindows = std::max<qint64>(1, (format.framesForMs(rules.minimumPauseMs) + window - 1) / window);
    std::vector<Run> pauses;
    for (qint64 w = firstSound + 1; w < lastSound; ++w) {
        if (rms[size_t(w)] >= threshold)
            continue;
        Run run{w, 0};
        while (w < lastSound && rms[size_t(w)] < threshold) {
            ++run.count;
            ++w;
        }
        if (run.count >= minimumWindows)
            pauses.push_back(run);
    }
    out.pausesFound = int(pauses.size());
    if (qsizetype(pauses.size()) < partCount - 1) {
        out.problem = PauseSplit::Problem::TooFewPauses;
        return out;
    }

    // The longest pauses (the earlier one first among equals), back in reading order.
    std::stable_sort(pauses.begin(), pauses.end(), [](const Run& a, const Run& b) { return a.count > b.count; });
    pauses.resize(size_t(partCount - 1));
    std::sort(pauses.begin(), pauses.end(), [](const Run& a, const Run& b) { return a.first < b.first; });

    const qint64 keep = format.framesForMs(rules.keepMs);
    qint64 begin = std::max<qint64>(0, firstSound * window - keep);
    for (const Run& pause : pauses) {
        const qint64 silenceBegin = pause.first * window;
        const qint64 silenceEnd = (pause.first + pause.count) * window;
        const qint64 margin = std::min(keep, (silenceEnd - silenceBegin) / 2);
        out.pieces.append({begin, silenceBegin + margin});
        begin = silenceEnd - margin;
    }
    out.pieces.append({begin, std::min(frames, (lastSound + 1) * window + keep)});
    return out;
}

} // namespace Storybook::Speech
