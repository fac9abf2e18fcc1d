#include "speechsettings.h"

#include <QSettings>

#include <cmath>

namespace Storybook::Speech {

SpeechSettings SpeechSettings::load(const QSettings& settings)
{
    SpeechSettings out;
    out.voice = settings.value(QStringLiteral("speech/voice")).toString().left(200);
    bool ok = false;
    const double rate = settings.value(QStringLiteral("speech/rate"), 0.0).toDouble(&ok);
    out.rate = ok && std::isfinite(rate) ? qBound(-1.0, rate, 1.0) : 0.0;
    return out;
}

void SpeechSettings::save(QSettings& settings) const
{
    settings.setValue(QStringLiteral("speech/voice"), voice);
    settings.setValue(QStringLiteral("speech/rate"), rate);
}

} // namespace Storybook::Speech
