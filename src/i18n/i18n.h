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

} // namespace Storybook::I18n
