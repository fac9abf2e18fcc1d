#include "promptbuilder.h"

#include "readinglevel.h"

#include <algorithm>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringView>

namespace Storybook::Story {

namespace {
// What the parent typed (a style, characters, a lesson) as quoted data, on a line of its own.
QString optionalQuoted(const QString& label, const QString& value)
{
    return value.trimmed().isEmpty() ? QString() : label + PromptBuilder::quoted(value.trimmed()) + u'\n';
}

QString quotedList(const QStringList& items, QStringView separator)
{
    QStringList out;
    for (const QString& item : items) {
        if (!item.trimmed().isEmpty())
            out.append(PromptBuilder::quoted(item.trimmed()));
    }
    return out.join(separator);
}

QString levelTitle(const ReadingLevel& level, bool zh)
{
    switch (level.id()) {
    case ReadingLevel::Id::FirstWords:
        return zh ? QStringLiteral("初识字") : QStringLiteral("first words");
    case ReadingLevel::Id::EarlyReader:
        return zh ? QStringLiteral("刚开始自己读") : QStringLiteral("early reader");
    case ReadingLevel::Id::Developing:
        return zh ? QStringLiteral("正在进步的读者") : QStringLiteral("developing reader");
    case ReadingLevel::Id::Confident:
        return zh ? QStringLiteral("熟练的读者") : QStringLiteral("confident reader");
    }
    return {};
}

QString answerTemplateName(Interaction::Kind kind)
{
    switch (kind) {
    case Interaction::Kind::Choose:
        break;
    case Interaction::Kind::Guess:
        return QStringLiteral("answer_guess");
    case Interaction::Kind::Name:
        return QStringLiteral("answer_name");
    case Interaction::Kind::Describe:
        return QStringLiteral("answer_describe");
    }
    return QStringLiteral("answer_choose");
}
} // namespace

QString PromptBuilder::quoted(const QString& text)
{
    // A JSON string: the child's words can neither end the quotation (a quote or a backslash is escaped) nor
    // start a line of their own (a newline is \n), so whatever they say stays inside the data.
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    QString out = QString::fromUtf8(json.sliced(1, json.size() - 2));
    out.replace(QChar(0x2028), QLatin1String("\\u2028"));
    out.replace(QChar(0x2029), QLatin1String("\\u2029"));
    return out;
}

PromptBuilder::PromptBuilder(int storyTokenBudget)
    : m_budget(storyTokenBudget)
{
}

int PromptBuilder::estimateTokens(const QString& text)
{
    int cjk = 0;
    for (const QChar c : text) {
        if (c.unicode() >= 0x2E80)
            ++cjk;
    }
    return cjk + int(text.size() - cjk) / 4 + 1;
}

QString PromptBuilder::languageOf(const StorySettings& settings)
{
    return settings.language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
}

QString PromptBuilder::load(const QString& name, const QString& language)
{
    QFile file(QStringLiteral(":/prompts/%1_%2.txt").arg(name, language));
    if (!file.open(QIODevice::ReadOnly))
        file.setFileName(QStringLiteral(":/prompts/%1_en.txt").arg(name));
    if (!file.isOpen() && !file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString PromptBuilder::fill(const QString& text, const QList<QPair<QString, QString>>& values)
{
    // One pass over the template: a value is copied as it is and never scanned again, so text the user or the
    // child typed ("{{answer}}", "{{moral}}", ...) reaches the model exactly as typed. A placeholder without a
    // value stays as written.
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    while (from < text.size()) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), from);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break;
        const QStringView key = QStringView(text).sliced(open + 2, close - open - 2);
        const auto it = std::find_if(values.cbegin(), values.cend(), [key](const auto& v) { return v.first == key; });
        if (it == values.cend()) {
            // Not a placeholder we fill: keep "{{" and read on right after it.
            out += QStringView(text).sliced(from, open + 2 - from);
            from = open + 2;
            continue;
        }
        out += QStringView(text).sliced(from, open - from);
        out += it->second;
        from = close + 2;
    }
    out += QStringView(text).sliced(from);
    return out.trimmed();
}

QString PromptBuilder::systemPrompt(const StorySettings& settings)
{
    const QString lang = languageOf(settings);
    const bool zh = lang == QLatin1String("zh");
    const ReadingLevel level = ReadingLevel::of(settings);
    const QString sentences = level.minSentences() == level.maxSentences()
        ? QString::number(level.maxSentences())
        : QStringLiteral("%1-%2").arg(level.minSentences()).arg(level.maxSentences());
    QString paragraphs;
    if (level.id() == ReadingLevel::Id::Confident)
        paragraphs = zh ? QStringLiteral("，分成两到三段") : QStringLiteral(", in two or three paragraphs");
    const QString repeat = level.repetition()
        ? (zh ? QStringLiteral("每页重复一句简单的话，让孩子能跟着读。") : QStringLiteral("Repeat a simple phrase on every page so the child can join in."))
        : (zh ? QStringLiteral("不必为了重复而重复。") : QStringLiteral("No repetition for its own sake."));
    const QString explain = level.explainsNewWords()
        ? (zh ? QStringLiteral("遇到新词或不常见的词，在用到它的那句话里顺便解释。") : QStringLiteral("Explain a new or unusual word in the sentence that uses it."))
        : (zh ? QStringLiteral("只用孩子已经认识的简单的词，不用生词。") : QStringLiteral("Use only simple words the child already knows; no new words."));
    const QString levelRule = fill(load(QStringLiteral("level"), lang),
                                   {{QStringLiteral("level"), levelTitle(level, zh)},
                                    {QStringLiteral("min"), QString::number(level.minLength(lang))},
                                    {QStringLiteral("max"), QString::number(level.maxLength(lang))},
                                    {QStringLiteral("sentences"), sentences},
                                    {QStringLiteral("paragraphs"), paragraphs},
                                    {QStringLiteral("repeat"), repeat},
                                    {QStringLiteral("explain"), explain}});
    return fill(load(QStringLiteral("system"), lang),
                {{QStringLiteral("age"), settings.ageBand}, {QStringLiteral("level"), levelRule}});
}

QString PromptBuilder::heroBlock(const StoryHero& hero, const QString& lang, bool full)
{
    if (hero.name.trimmed().isEmpty())
        return {};
    const bool zh = lang == QLatin1String("zh");
    if (!full) {
        QString line = (zh ? QStringLiteral("主人公是听故事的孩子 ") : QStringLiteral("The hero is the child ")) + quoted(hero.name.trimmed());
        if (!hero.pronouns.trimmed().isEmpty())
            line += QStringLiteral(" (") + quoted(hero.pronouns.trimmed()) + u')';
        return line + (zh ? QStringLiteral("。\n") : QStringLiteral(".\n"));
    }
    const QString sep = zh ? QStringLiteral("；") : QStringLiteral("; ");
    QString details;
    const auto add = [&](const QString& label, const QString& values) {
        if (!values.isEmpty())
            details += sep + label + values;
    };
    add(zh ? QStringLiteral("年龄 ") : QStringLiteral("age "), hero.age.trimmed().isEmpty() ? QString() : quoted(hero.age.trimmed()));
    add(zh ? QStringLiteral("人称 ") : QStringLiteral("pronouns "), hero.pronouns.trimmed().isEmpty() ? QString() : quoted(hero.pronouns.trimmed()));
    add(zh ? QStringLiteral("喜欢的东西 ") : QStringLiteral("favourite things "), quotedList(hero.favourites, zh ? u"、" : u", "));
    add(zh ? QStringLiteral("朋友和家人 ") : QStringLiteral("friends and family "), quotedList(hero.friends, zh ? u"、" : u", "));
    return fill(load(QStringLiteral("hero"), lang), {{QStringLiteral("name"), quoted(hero.name.trimmed())},
                                                     {QStringLiteral("details"), details}}) + u'\n';
}

QString PromptBuilder::chosenCastLine(const StorySettings& settings, const QString& lang)
{
    const bool zh = lang == QLatin1String("zh");
    QStringList members;
    for (const CastMember& member : settings.chosenCast) {
        if (member.name.trimmed().isEmpty())
            continue;
        QString entry = quoted(member.name.trimmed());
        if (!member.look.trimmed().isEmpty())
            entry += QStringLiteral(" (") + quoted(member.look.trimmed()) + u')';
        members.append(entry);
    }
    if (members.isEmpty())
        return {};
    return (zh ? QStringLiteral("请让这些角色出现，名字和样子保持不变（引用的数据）：")
               : QStringLiteral("Bring in these characters, keeping their names and looks exactly (quoted data): "))
        + members.join(zh ? QStringLiteral("；") : QStringLiteral("; ")) + u'\n';
}

Prompt PromptBuilder::shorterAgain(const Prompt& prompt, const StorySettings& settings, int length)
{
    const QString lang = languageOf(settings);
    const ReadingLevel level = ReadingLevel::of(settings);
    Prompt again = prompt;
    again.levelRetry = true;
    again.user += u'\n'
        + (lang == QLatin1String("zh")
               ? QStringLiteral("你上次写的这一页太长了（%1 个字）。请重写这一页，每页不超过 %2 个字，句子简短。")
               : QStringLiteral("Your last answer for this page was far too long (%1 words). Write the page again with "
                                "at most %2 words, in short sentences."))
              .arg(length)
              .arg(level.maxLength(lang));
    return again;
}

Prompt PromptBuilder::gentlerAgain(const Prompt& prompt, const StorySettings& settings)
{
    Prompt again = prompt;
    again.gentleRetry = true;
    again.user += u'\n' + fill(load(QStringLiteral("gentle"), languageOf(settings)), {});
    return again;
}

Prompt PromptBuilder::firstPage(const StorySettings& settings) const
{
    const QString lang = languageOf(settings);
    const bool zh = lang == QLatin1String("zh");
    Prompt prompt;
    prompt.system = systemPrompt(settings);
    prompt.lastPage = settings.pageCount <= 1;
    QString user = fill(load(QStringLiteral("first"), lang),
                        {{QStringLiteral("pages"), QString::number(settings.pageCount)},
                         {QStringLiteral("idea"), quoted(settings.idea.trimmed())},
                         {QStringLiteral("style"), optionalQuoted(zh ? QStringLiteral("风格：") : QStringLiteral("Style: "), settings.style)},
                         {QStringLiteral("hero"), heroBlock(settings.hero, lang, true)},
                         {QStringLiteral("characters"), optionalQuoted(zh ? QStringLiteral("角色：") : QStringLiteral("Characters: "), settings.characters)},
                         {QStringLiteral("cast"), chosenCastLine(settings, lang)},
                         {QStringLiteral("moral"), optionalQuoted(zh ? QStringLiteral("寓意（故事要温和地体现它）：") : QStringLiteral("Lesson (show it gently through the story): "), settings.moral)}});
    if (prompt.lastPage)
        user += u'\n' + fill(load(QStringLiteral("last"), lang), {});
    prompt.user = user;
    return prompt;
}

QString PromptBuilder::storySoFar(const Story& story, const QString& parentId) const
{
    const QList<const Page*> branch = story.branchTo(parentId);
    const bool zh = languageOf(story.settings) == QLatin1String("zh");
    QStringList lines;
    for (int i = 0; i < branch.size(); ++i) {
        const Page* page = branch.at(i);
        QString line = (zh ? QStringLiteral("第 %1 页：") : QStringLiteral("Page %1: ")).arg(i + 1) + page->text.simplified();
        if (i + 1 < branch.size() && !branch.at(i + 1)->answer.isEmpty())
            line += (zh ? QStringLiteral("（孩子的回答：%1）") : QStringLiteral(" (The child answered: %1)"))
                        .arg(quoted(branch.at(i + 1)->answer));
        lines.append(line);
    }
    // Trim to the budget: keep the first page and as many of the latest pages as fit.
    int total = 0;
    for (const QString& line : std::as_const(lines))
        total += estimateTokens(line);
    int dropped = 0;
    while (total > m_budget && lines.size() > 2) {
        total -= estimateTokens(lines.at(1));
        lines.removeAt(1);
        ++dropped;
    }
    if (dropped > 0)
        lines.insert(1, zh ? QStringLiteral("……（中间省略 %1 页）……").arg(dropped)
                           : QStringLiteral("… (%1 earlier page(s) left out) …").arg(dropped));
    return lines.join(u'\n');
}

Prompt PromptBuilder::nextPage(const Story& story, const QString& parentId, const QString& answer) const
{
    const QString lang = languageOf(story.settings);
    const Page* parent = story.page(parentId);
    Prompt prompt;
    prompt.system = systemPrompt(story.settings);
    prompt.pageNumber = story.depth(parentId) + 1;
    const int left = story.settings.pageCount - prompt.pageNumber;
    prompt.lastPage = left <= 0;
    QStringList cast;
    for (const CastMember& member : story.cast)
        cast.append(member.look.isEmpty() ? quoted(member.name) : quoted(member.name) + QStringLiteral(" (") + quoted(member.look) + u')');
    const QString remaining = prompt.lastPage
                                  ? fill(load(QStringLiteral("last"), lang), {})
                                  : fill(load(QStringLiteral("remaining"), lang), {{QStringLiteral("left"), QString::number(left)}});
    prompt.user = fill(load(QStringLiteral("next"), lang),
                       {{QStringLiteral("title"), quoted(story.title)},
                        {QStringLiteral("sofar"), storySoFar(story, parentId)},
                        {QStringLiteral("cast"), cast.isEmpty() ? (story.settings.characters.trimmed().isEmpty() ? QStringLiteral("-") : quoted(story.settings.characters.trimmed())) : cast.join(QStringLiteral("; "))},
                        {QStringLiteral("hero"), heroBlock(story.settings.hero, lang, false)},
                        {QStringLiteral("kinds"), kindsSoFar(story, parentId)},
                        {QStringLiteral("answer"), answerBlock(lang, parent ? parent->interaction : std::nullopt, answer)},
                        {QStringLiteral("number"), QString::number(prompt.pageNumber)},
                        {QStringLiteral("pages"), QString::number(std::max(story.settings.pageCount, prompt.pageNumber))},
                        {QStringLiteral("remaining"), remaining}});
    return prompt;
}

} // namespace Storybook::Story

namespace Storybook::Story {

QString PromptBuilder::kindsSoFar(const Story& story, const QString& parentId)
{
    QStringList kinds;
    for (const Page* page : story.branchTo(parentId)) {
        if (page->interaction)
            kinds.append(Interaction::kindName(page->interaction->kind));
    }
    return kinds.isEmpty() ? QStringLiteral("-") : kinds.join(QStringLiteral(", "));
}

QString PromptBuilder::answerBlock(const QString& lang, const std::optional<Interaction>& asked, const QString& answer)
{
    const bool zh = lang == QLatin1String("zh");
    const Interaction interaction = asked.value_or(Interaction{});
    QString solution;
    if (interaction.kind == Interaction::Kind::Guess) {
        solution = interaction.solution.trimmed().isEmpty()
            ? fill(load(QStringLiteral("solution_open"), lang), {})
            : fill(load(QStringLiteral("solution_known"), lang),
                   {{QStringLiteral("solution"), quoted(interaction.solution.trimmed())}});
    }
    const QString about = interaction.about.trimmed().isEmpty()
        ? (zh ? QStringLiteral("问题里说的那个角色") : QStringLiteral("the character the question was about"))
        : quoted(interaction.about.trimmed());
    return fill(load(answerTemplateName(interaction.kind), lang),
                {{QStringLiteral("question"), quoted(interaction.question)},
                 {QStringLiteral("words"), quoted(answer)},
                 {QStringLiteral("about"), about},
                 {QStringLiteral("solution"), solution}});
}

} // namespace Storybook::Story
