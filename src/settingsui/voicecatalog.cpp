#include "voicecatalog.h"

namespace Storybook::SettingsUi {

namespace {

QString normalized(const QUrl& url)
{
    return url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments).toString().toLower();
}

SpeechPreset preset(const char* id, const QString& name, const QString& brand, const char* url, const char* model,
                    bool local = false)
{
    return {QString::fromLatin1(id), name, QUrl(QString::fromLatin1(url)), QString::fromLatin1(model), local, brand};
}

CatalogVoice voice(const QString& id, const QString& description = {}, QStringList languages = {})
{
    return {id, description, std::move(languages)};
}

const QStringList English{QStringLiteral("en")};
const QStringList Chinese{QStringLiteral("zh")};

} // namespace

QString CatalogVoice::label() const
{
    const QString name = id.section(u':', -1);
    return description.isEmpty() ? name : VoiceCatalog::tr("%1 — %2", "voice name — description").arg(name, description);
}

QList<SpeechPreset> VoiceCatalog::presets()
{
    return {
        SpeechPreset{QStringLiteral("none"), tr("None: the system voice reads"), QUrl(), QString(), true, QString()},
        preset("openai-mini-tts", QStringLiteral("OpenAI (gpt-4o-mini-tts)"), QStringLiteral("OpenAI"),
               "https://api.openai.com/v1", "gpt-4o-mini-tts"),
        preset("openai-tts-1", QStringLiteral("OpenAI (tts-1)"), QStringLiteral("OpenAI"), "https://api.openai.com/v1", "tts-1"),
        preset("siliconflow", tr("SiliconFlow (CosyVoice2, good Chinese)"), tr("SiliconFlow"),
               "https://api.siliconflow.cn/v1", "FunAudioLLM/CosyVoice2-0.5B"),
        preset("kokoro", tr("Kokoro-FastAPI (on this computer)"), QStringLiteral("Kokoro-FastAPI"), "http://localhost:8880/v1",
               "kokoro", true),
        preset("openedai", tr("openedai-speech (on this computer)"), QStringLiteral("openedai-speech"),
               "http://localhost:8000/v1", "tts-1", true),
        preset("localai", tr("LocalAI (on this computer)"), QStringLiteral("LocalAI"), "http://localhost:8080/v1", "tts-1", true),
        SpeechPreset{QStringLiteral("custom"), tr("Custom"), QUrl(), QString(), false, QString()},
    };
}

int VoiceCatalog::presetIndexFor(const QUrl& baseUrl, const QString& model)
{
    const QList<SpeechPreset> all = presets();
    const QString wanted = normalized(baseUrl);
    int byUrl = -1;
    for (int i = 0; i < all.size(); ++i) {
        if (all[i].baseUrl.isEmpty() || normalized(all[i].baseUrl) != wanted)
            continue;
        if (all[i].model == model)
            return i;
        if (byUrl < 0)
            byUrl = i;
    }
    return byUrl >= 0 ? byUrl : int(all.size()) - 1;
}

int VoiceCatalog::presetIndex(const QString& id)
{
    const QList<SpeechPreset> all = presets();
    for (int i = 0; i < all.size(); ++i) {
        if (all[i].id == id)
            return i;
    }
    return -1;
}

QList<CatalogVoice> VoiceCatalog::voices(const QString& model)
{
    const QString lower = model.toLower();
    if (lower.contains(QLatin1String("cosyvoice"))) {
        // SiliconFlow's system voices speak Chinese and English; the voice is "<model>:<name>".
        const QStringList both{QStringLiteral("zh"), QStringLiteral("en")};
        const auto cosy = [&](const char* name, const QString& description) {
            return voice(model + u':' + QString::fromLatin1(name), description, both);
        };
        return {cosy("alex", tr("steady man")),    cosy("anna", tr("calm woman")),
                cosy("bella", tr("lively woman")), cosy("benjamin", tr("deep man")),
                cosy("charles", tr("warm man")),   cosy("claire", tr("gentle woman")),
                cosy("david", tr("cheerful man")), cosy("diana", tr("sweet woman"))};
    }
    if (lower.contains(QLatin1String("kokoro"))) {
        // Kokoro's names: language and sex first (a = American English, b = British English,
        // z = Mandarin Chinese; f/m), then the name.
        return {voice(QStringLiteral("af_heart"), tr("woman, American English"), English),
                voice(QStringLiteral("af_bella"), tr("woman, American English"), English),
                voice(QStringLiteral("af_nicole"), tr("woman, American English"), English),
                voice(QStringLiteral("am_michael"), tr("man, American English"), English),
                voice(QStringLiteral("am_adam"), tr("man, American English"), English),
                voice(QStringLiteral("bf_emma"), tr("woman, British English"), English),
                voice(QStringLiteral("bm_george"), tr("man, British English"), English),
                voice(QStringLiteral("zf_xiaobei"), tr("woman, Chinese"), Chinese),
                voice(QStringLiteral("zf_xiaoni"), tr("woman, Chinese"), Chinese),
                voice(QStringLiteral("zf_xiaoxiao"), tr("woman, Chinese"), Chinese),
                voice(QStringLiteral("zf_xiaoyi"), tr("woman, Chinese"), Chinese),
                voice(QStringLiteral("zm_yunjian"), tr("man, Chinese"), Chinese),
                voice(QStringLiteral("zm_yunxi"), tr("man, Chinese"), Chinese),
                voice(QStringLiteral("zm_yunyang"), tr("man, Chinese"), Chinese)};
    }
    // OpenAI's voices read every language the model knows.
    QList<CatalogVoice> openAi;
    const bool classic = lower == QLatin1String("tts-1") || lower == QLatin1String("tts-1-hd");
    for (const char* name : {"alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse"}) {
        const QString id = QString::fromLatin1(name);
        if (classic && (id == QLatin1String("ballad") || id == QLatin1String("verse")))
            continue; // gpt-4o-mini-tts only
        openAi.append(voice(id));
    }
    return openAi;
}

QList<CatalogVoice> VoiceCatalog::voices(const QString& model, const QString& language)
{
    QList<CatalogVoice> out;
    for (const CatalogVoice& v : voices(model)) {
        if (v.speaks(language))
            out.append(v);
    }
    return out;
}

bool VoiceCatalog::isCatalogued(const QString& voice)
{
    // A CosyVoice voice is "<model>:<name>" for whichever CosyVoice model.
    const QString model = voice.contains(u':') ? voice.section(u':', 0, -2) : QStringLiteral("gpt-4o-mini-tts");
    for (const QString& family : {model, QStringLiteral("kokoro")}) {
        for (const CatalogVoice& listed : voices(family)) {
            if (listed.id == voice)
                return true;
        }
    }
    return false;
}

bool VoiceCatalog::takesStyle(const QString& model)
{
    return model.trimmed().toLower().startsWith(QLatin1String("gpt-4o-mini-tts"));
}

} // namespace Storybook::SettingsUi
