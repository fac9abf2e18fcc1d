#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Storybook::Llm {

// What picture bytes are, read from their signature, never from a file name or a Content-Type
// (providers and CDNs send application/octet-stream, or image/png for a JPEG). No pixels are decoded
// here (the llm layer links no QtGui): intact() checks the container's structure, which catches a
// truncated download, an HTML page and random bytes; the media layer decodes.
enum class ImageFormat { Unknown, Png, Jpeg, Webp };

[[nodiscard]] ImageFormat sniffImageFormat(QByteArrayView bytes);
[[nodiscard]] QString mimeTypeOf(ImageFormat format);      // "image/png", empty for Unknown
[[nodiscard]] QString fileExtensionOf(ImageFormat format); // "png", "jpg", "webp", empty for Unknown

// Whether the bytes are a whole picture of that format: PNG from its signature through IHDR to IEND
// with every chunk length in range; JPEG from SOI to an EOI at the end (trailing padding allowed);
// WebP with a RIFF size that matches and a VP8/VP8L/VP8X chunk. `why` says what is wrong, in English,
// for logs and error details.
[[nodiscard]] bool isIntactImage(QByteArrayView bytes, ImageFormat format, QString* why = nullptr);

} // namespace Storybook::Llm
