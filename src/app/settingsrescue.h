#pragma once

#include <QString>

namespace Storybook::App::SettingsRescue {

// The app's settings file (QSettings, INI) could not be parsed: QSettings would rewrite it with only
// the keys it understood the next time the app saves its window state, and what it could not read
// would be gone. Before that happens, the file is copied next to itself as "<name>.unreadable"
// (".unreadable-2", … when that exists). Returns the copy's path, or an empty string when the file
// is readable or missing, or when the copy failed (`problem` says why).
[[nodiscard]] QString keepUnreadableCopy(QString* problem = nullptr);

} // namespace Storybook::App::SettingsRescue
