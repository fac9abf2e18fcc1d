#include "narration.h"

#include "storyfile.h"

#include <QJsonArray>
#include <QUuid>

namespace Storybook::Story {

namespace {
QString dateText(const QDateTime& date)
{
    return date.isValid() ? date.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject withExtra(QJsonObject object, const QJsonObject& extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!object.contains(it.key()))
            object.insert(it.key(), it.value());
    }
    return object;
}

QJsonObject without(QJsonObject object, std::initializer_list<const char*> known)
{
    for (const char* key : known)
        object.remove(QLatin1String(key));
    return object;
}
} // namespace

QJsonObject NarrationClip::toJson() const
{
    QJsonObject json{{QLatin1String("text"), text},
                     {QLatin1String("entry"), entry},
                     {QLatin1String("mime"), mimeType}};
    if (durationMs > 0)
        json.insert(QLatin1String("duration_ms"), double(durationMs));
    return withExtra(json, extra);
}

std::optional<NarrationClip> NarrationClip::fromJson(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    NarrationClip clip;
    clip.entry = o.value(QLatin1String("entry")).toString();
    if (clip.entry.isEmpty() || !StoryFile::isSafeEntryName(clip.entry))
        return std::nullopt;
    clip.text = o.value(QLatin1String("text")).toString().trimmed();
    clip.mimeType = o.value(QLatin1String("mime")).toString();
    clip.durationMs = std::max<qint64>(0, qint64(o.value(QLatin1String("duration_ms")).toDouble(0)));
    clip.extra = without(o, {"text", "entry", "mime", "duration_ms"});
    return clip;
}

QString newNarrationEntry(const QString& pageId, const QString& extension)
{
    const QString random = QUuid::createUuid().toString(QUuid::Id128).left(10);
    QString page;
    for (const QChar c : pageId) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            page.append(c);
    }
    return QStringLiteral("%1%2-%3.%4")
        .arg(QLatin1String(NarrationEntryPrefix), page.left(32), random,
             extension.isEmpty() ? QStringLiteral("bin") : extension);
}

const NarrationClip* Narration::clipFor(const QString& text) const
{
    const QString wanted = text.trimmed();
    for (const NarrationClip& clip : clips) {
        if (clip.text == wanted)
            return &clip;
    }
    return nullptr;
}

qint64 Narration::durationMs() const
{
    qint64 sum = 0;
    for (const NarrationClip& clip : clips) {
        if (clip.durationMs <= 0)
            return 0;
        sum += clip.durationMs;
    }
    return sum;
}

QString Narration::sourceName(Source source)
{
    return source == Source::Recorded ? QStringLiteral("recorded") : QStringLiteral("synthesised");
}

Narration::Source Narration::sourceFromName(const QString& name)
{
    return name == QLatin1String("recorded") ? Source::Recorded : Source::Synthesised;
}

QJsonObject Narration::toJson() const
{
    QJsonArray clipsJson;
    for (const NarrationClip& clip : clips)
        clipsJson.append(clip.toJson());
    QJsonObject json{{QLatin1String("source"), sourceName(source)},
                     {QLatin1String("voice"), voice},
                     {QLatin1String("created"), dateText(created)},
                     {QLatin1String("clips"), clipsJson}};
    if (!model.isEmpty())
        json.insert(QLatin1String("model"), model);
    return withExtra(json, extra);
}

std::optional<Narration> Narration::fromJson(const QJsonValue& value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    Narration narration;
    narration.source = sourceFromName(o.value(QLatin1String("source")).toString());
    narration.voice = o.value(QLatin1String("voice")).toString();
    narration.model = o.value(QLatin1String("model")).toString();
    narration.created = QDateTime::fromString(o.value(QLatin1String("created")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue& v : o.value(QLatin1String("clips")).toArray()) {
        if (auto clip = NarrationClip::fromJson(v))
            narration.clips.append(std::move(*clip));
    }
    narration.extra = without(o, {"source", "voice", "model", "created", "clips"});
    return narration;
}

} // namespace Storybook::Story
