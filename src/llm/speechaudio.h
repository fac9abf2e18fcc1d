#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace Storybook::Llm {

// The audio formats of OpenAI's /audio/speech ("response_format"). Every one but raw PCM is read from
// the bytes' signature, never from a Content-Type: mp3 (an ID3 tag or an MPEG audio frame sync),
// opus (an Ogg page holding OpusHead), wav (RIFF/WAVE), flac (fLaC), aac (an ADTS frame sync).
// Pcm has no signature: it is what was asked for, signed 16-bit little-endian mono samples at
// 24 kHz, as OpenAI sends it (PcmSampleRate).
enum class AudioFormat { Unknown, Mp3, Opus, Wav, Pcm, Flac, Aac };

inline constexpr int PcmSampleRate = 24000;

[[nodiscard]] AudioFormat sniffAudioFormat(QByteArrayView bytes);
[[nodiscard]] QString audioFormatName(AudioFormat format);             // "mp3", ... as the API names it; empty for Unknown
[[nodiscard]] AudioFormat audioFormatFromName(const QString& name);    // Unknown for anything else
[[nodiscard]] QString audioMimeTypeOf(AudioFormat format);             // "audio/mpeg", ...
[[nodiscard]] QString audioFileExtensionOf(AudioFormat format);        // "mp3", "opus", "wav", "pcm", "flac", "aac"

// Whether a WAV file is whole: RIFF/WAVE with a "fmt " chunk and a "data" chunk whose length fits the
// bytes. A streamed WAV's unknown lengths (0 or 0xFFFFFFFF, as OpenAI sends them) count as "to the end".
// Other formats are checked only by their signature. `why` says what is wrong, in English.
[[nodiscard]] bool isIntactAudio(QByteArrayView bytes, AudioFormat format, QString* why = nullptr);

// Several WAV files of the same sample format as one: one header, the samples of each in order.
// Nothing when a part is not an intact WAV or the parts' formats differ.
[[nodiscard]] std::optional<QByteArray> joinWav(const QList<QByteArray>& parts);

// Whether parts in this format play as one file when their bytes are simply concatenated: mp3 (MPEG
// frames are independent), aac (ADTS frames are too) and pcm. Opus and flac are not (each part is its
// own stream with its own headers); wav needs joinWav().
[[nodiscard]] bool concatenates(AudioFormat format);

} // namespace Storybook::Llm
