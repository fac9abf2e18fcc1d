#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace Storybook::I18n {

// Installs the app's translation (compiled into the binary) and Qt's own for the language chosen:
// STORYBOOK_LANGUAGE (e.g. zh_CN or en) if set, else the system's UI languages.
// Returns the language installed ("en" when none matched).
QString install(QCoreApplication& app, const QString& language = {});

// The language install() installed last ("en" before any install()).
QString current();

// The languages that ship, as locale names.
QStringList available();

// Words a story shows to its reader ("The End", "Page %1", "What happens next?") in the STORY's
// language, whatever the interface's language is: translated through the same compiled translation
// the app installs, loaded once per language and kept (thread-safe; needs no QGuiApplication, not
// even a QCoreApplication). storyLanguage is a locale name: "zh", "zh_CN", "en"; a language that
// ships no translation gets the English source. Mark the strings with
// QT_TRANSLATE_NOOP("Storybook::StoryWords", "...") (QT_TRANSLATE_NOOP3 with a disambiguation,
// QT_TRANSLATE_N_NOOP for a count) so lupdate collects them. With n >= 0 the plural form for n is
// chosen and "%n" replaced by n ("%Ln" by n written the story language's way).
QString storyText(const QString& storyLanguage, const char* context, const char* sourceText,
                  const char* disambiguation = nullptr, int n = -1);

} // namespace Storybook::I18n
