#pragma once

#include <QJsonArray>
#include <QString>

namespace Storybook::Story {

// A small list kept on this computer only (child profiles, the family cast): one JSON file
// {"format": <name>, "version": 1, "items": [...]} written with AtomicFile. Reading is tolerant: a
// missing file is an empty list; a damaged one is an empty list too, and before the next write replaces
// it, it is kept beside as "<file>.damaged" so nothing a parent entered is lost without a trace. Never
// logs the items (they are a family's private details).
class LocalStore final
{
public:
    LocalStore(QString path, QString format);

    // The items, and why the file could not be read (empty when it could, or when it does not exist).
    [[nodiscard]] QJsonArray read(QString* problem);
    // Empty, or why the file could not be written.
    [[nodiscard]] QString write(const QJsonArray& items);
    [[nodiscard]] const QString& path() const { return m_path; }

private:
    QString m_path;
    QString m_format;
    bool m_damaged = false;
};

} // namespace Storybook::Story
