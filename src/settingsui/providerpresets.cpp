#include "providerpresets.h"

namespace Storybook::SettingsUi {

namespace {

QString normalized(const QUrl& url)
{
    QString text = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments).toString();
    return text.toLower();
}

ProviderPreset preset(const char* id, const QString& name, const char* url, const char* model, bool local = false)
{
    return {QString::fromLatin1(id), name, QUrl(QString::fromLatin1(url)), QString::fromLatin1(model), local};
}

} // namespace

QList<ProviderPreset> ProviderPresets::all()
{
    return {
        preset("openai", QStringLiteral("OpenAI"), "https://api.openai.com/v1", "gpt-4o-mini"),
        preset("deepseek", QStringLiteral("DeepSeek"), "https://api.deepseek.com/v1", "deepseek-chat"),
        preset("dashscope", tr("Qwen / DashScope (Alibaba Cloud)"), "https://dashscope.aliyuncs.com/compatible-mode/v1",
               "qwen-plus"),
        preset("moonshot", tr("Moonshot (Kimi)"), "https://api.moonshot.cn/v1", "moonshot-v1-8k"),
        preset("zhipu", tr("Zhipu GLM"), "https://open.bigmodel.cn/api/paas/v4", "glm-4-flash"),
        preset("siliconflow", tr("SiliconFlow"), "https://api.siliconflow.cn/v1", "Qwen/Qwen2.5-7B-Instruct"),
        preset("openrouter", QStringLiteral("OpenRouter"), "https://openrouter.ai/api/v1", "openai/gpt-4o-mini"),
        preset("ollama", tr("Ollama (on this computer)"), "http://127.0.0.1:11434/v1", "llama3.2", true),
        preset("lmstudio", tr("LM Studio (on this computer)"), "http://127.0.0.1:1234/v1", "local-model", true),
        preset("llamacpp", tr("llama.cpp server (on this computer)"), "http://127.0.0.1:8080/v1", "local", true),
        ProviderPreset{QStringLiteral("custom"), tr("Custom"), QUrl(), QString(), false},
    };
}

QList<ProviderPreset> ProviderPresets::pictureProviders()
{
    return {
        preset("openai", QStringLiteral("OpenAI (gpt-image-1)"), "https://api.openai.com/v1", "gpt-image-1"),
        preset("siliconflow", tr("SiliconFlow (Kolors, Qwen-Image, FLUX)"), "https://api.siliconflow.cn/v1", "Kwai-Kolors/Kolors"),
        preset("zhipu", tr("Zhipu CogView (CogView-3-Flash is free)"), "https://open.bigmodel.cn/api/paas/v4", "cogview-3-flash"),
        preset("local", tr("LocalAI or stable-diffusion.cpp (on this computer)"), "http://127.0.0.1:8080/v1", "stablediffusion", true),
        ProviderPreset{QStringLiteral("custom"), tr("Custom"), QUrl(), QString(), false},
    };
}

int ProviderPresets::pictureIndexFor(const QUrl& baseUrl)
{
    const QList<ProviderPreset> presets = pictureProviders();
    const QString wanted = normalized(baseUrl);
    for (int i = 0; i < presets.size(); ++i) {
        if (!presets[i].baseUrl.isEmpty() && normalized(presets[i].baseUrl) == wanted)
            return i;
    }
    return int(presets.size()) - 1;
}

int ProviderPresets::indexFor(const QUrl& baseUrl)
{
    const QList<ProviderPreset> presets = all();
    const QString wanted = normalized(baseUrl);
    for (int i = 0; i < presets.size(); ++i) {
        if (!presets[i].baseUrl.isEmpty() && normalized(presets[i].baseUrl) == wanted)
            return i;
    }
    return int(presets.size()) - 1;
}

} // namespace Storybook::SettingsUi
