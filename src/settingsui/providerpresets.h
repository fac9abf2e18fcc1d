#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace Storybook::SettingsUi {

// A well-known OpenAI-compatible service: picking it fills in the base URL and a default model.
struct ProviderPreset
{
    QString id;      // stable: "openai", "deepseek", ..., "custom"
    QString name;    // shown in the combo box (brand names stay untranslated)
    QUrl baseUrl;    // empty for "custom"
    QString model;   // a sensible default model
    bool local = false; // runs on this computer: no API key needed
};

class ProviderPresets final
{
    Q_DECLARE_TR_FUNCTIONS(Storybook::SettingsUi::ProviderPresets)

public:
    // The known services, then "Custom" last.
    [[nodiscard]] static QList<ProviderPreset> all();
    // The index in all() whose base URL matches (ignoring a trailing slash and case of the host),
    // else the index of "Custom".
    [[nodiscard]] static int indexFor(const QUrl& baseUrl);
    // Services that paint pictures through /images/generations and /images/edits, then "Custom".
    [[nodiscard]] static QList<ProviderPreset> pictureProviders();
    [[nodiscard]] static int pictureIndexFor(const QUrl& baseUrl);
};

} // namespace Storybook::SettingsUi
