#pragma once

#include <QByteArray>
#include <QString>

namespace Storybook::AtomicFile {

// Replaces the file at `path` with `data` through QSaveFile: the old file stays in place until the new
// one is complete. The write buffer is flushed and checked before commit(): Qt 6.4's commit() misses
// an error in that last flush (QTBUG-75077) and would put a truncated file in place of the old one on
// a full disk. Returns an empty string, or why the file could not be written (QFileDevice's words).
[[nodiscard]] QString write(const QString& path, const QByteArray& data);

} // namespace Storybook::AtomicFile
