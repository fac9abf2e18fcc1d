#pragma once

#include "speechaudio.h"

#include <QByteArrayView>

namespace Storybook::Generation {

// The length of a sound from its bytes, where that is cheap and exact:
// - wav: the "data" chunk's length over the "fmt " chunk's byte rate (a streamed WAV's unknown
//   length, 0 or 0xFFFFFFFF, counts the bytes to the end);
// - pcm: signed 16-bit mono at Llm::PcmSampleRate;
// - mp3: the sum of its MPEG audio frames read from their headers (an ID3v2 tag skipped, an Xing/Info
//   header frame not counted, bytes that are no frame skipped until the next frame sync).
// 0 means "not known": opus, flac, aac and anything unreadable.
[[nodiscard]] qint64 audioDurationMs(QByteArrayView bytes, Llm::AudioFormat format);

// The parts of it, for tests.
[[nodiscard]] qint64 wavDurationMs(QByteArrayView bytes);
[[nodiscard]] qint64 mp3DurationMs(QByteArrayView bytes);

} // namespace Storybook::Generation
