#pragma once
// Picture bytes for the picture benchmarks: real PNG/JPEG images with the size a provider sends
// (a painting's soft shapes plus fine grain, so they compress as badly as real pictures do), and
// a cheap way to make the bytes of one picture distinct without encoding it again.

#include <QByteArray>
#include <QtGlobal>

namespace Storybook::Bench {

// A width×height picture in `format` ("png" or "jpeg"), about targetBytes long (the grain is
// tuned by bisection until the encoded size is within ~10 %); the same for the same seed.
[[nodiscard]] QByteArray makePicture(int width, int height, const char* format, quint32 seed, qint64 targetBytes);

// The same picture with distinct bytes: a PNG gets a tEXt chunk after IHDR, a JPEG a COM segment
// after SOI, both carrying `tag`. Decoders show the same pixels.
[[nodiscard]] QByteArray tagPicture(const QByteArray& bytes, quint32 tag);

// A field of /proc/self/status in kB ("VmRSS", "VmHWM"), or -1.
[[nodiscard]] qint64 statusKb(const char* field);

} // namespace Storybook::Bench
