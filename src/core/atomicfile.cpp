#include "atomicfile.h"

#include <QSaveFile>

namespace Storybook::AtomicFile {

QString write(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    // Unbuffered: a failing write is reported by write() itself, with the system's reason.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return file.errorString();
    // A short write (the disk or the file size limit ran out halfway) is followed by one that fails
    // outright and says why; each turn writes something or ends the loop.
    for (qint64 written = 0; written < data.size();) {
        const qint64 n = file.write(data.constData() + written, data.size() - written);
        if (n <= 0) {
            const QString why = file.errorString();
            file.cancelWriting();
            return why;
        }
        written += n;
    }
    if (!file.flush()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return why;
    }
    if (!file.commit())
        return file.errorString();
    return {};
}

} // namespace Storybook::AtomicFile
