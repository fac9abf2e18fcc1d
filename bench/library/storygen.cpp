#include "storygen.h"

#include <QCryptographicHash>
#include <QStringList>

#include <random>

namespace Storybook::Bench {
using namespace Qt::StringLiterals;

namespace {
// The planting rule. Word pools below never contain the planted words (the benchmark checks that
// every generated story matches the rule exactly, so a pool change that breaks it is caught).
bool isChinese(int i) { return i % 5 == 1 || i % 5 == 3; }            // 40 %
bool hasCommon(int i) { return !isChinese(i) && i % 3 != 0; }          // "lantern", 40 %
bool hasRare(int i) { return i % 100 == 42; }                           // "quillberry", 1 %
bool hasChineseWord(int i) { return isChinese(i) && i % 2 == 0; }      // "彩虹", 20 %
bool hasBoth(int i) { return hasCommon(i) && hasRare(i); }
bool hasNothing(int) { return false; }

const QStringList& enNames()
{
    static const QStringList v{u"Pip"_s, u"Luna"_s, u"Milo"_s, u"Hazel"_s, u"Oscar"_s, u"Tilly"_s,
                               u"Bruno"_s, u"Poppy"_s, u"Jasper"_s, u"Willow"_s, u"Otto"_s, u"Maple"_s,
                               u"Rosie"_s, u"Finn"_s, u"Clover"_s, u"Benny"_s};
    return v;
}
const QStringList& enAnimals()
{
    static const QStringList v{u"fox"_s, u"owl"_s, u"rabbit"_s, u"bear"_s, u"hedgehog"_s, u"mouse"_s,
                               u"otter"_s, u"badger"_s, u"duck"_s, u"turtle"_s, u"squirrel"_s, u"frog"_s};
    return v;
}
const QStringList& enPlaces()
{
    static const QStringList v{u"by the river"_s, u"in the meadow"_s, u"under the old oak"_s, u"on the hill"_s,
                               u"near the pond"_s, u"in the garden"_s, u"at the edge of the village"_s,
                               u"behind the bakery"_s, u"across the little bridge"_s, u"in the tall grass"_s};
    return v;
}
const QStringList& enThings()
{
    static const QStringList v{u"a red kite"_s, u"a silver key"_s, u"a tiny boat"_s, u"a folded map"_s,
                               u"a basket of apples"_s, u"a music box"_s, u"a paper star"_s, u"a blue pebble"_s,
                               u"a striped umbrella"_s, u"a wooden whistle"_s};
    return v;
}
// {N} name, {M} second name, {A} animal, {P} place, {T} thing.
const QStringList& enSentences()
{
    static const QStringList v{
        u"{N} the {A} walked {P}, humming a little song about breakfast."_s,
        u"\"Look!\" said {N}. \"I found {T}, and it was lying right here all along!\""_s,
        u"The wind whispered through the grass, and the clouds drifted slowly across the sky."_s,
        u"{N} took a deep breath and counted to three, just like Grandma had taught."_s,
        u"Nobody knew where {T} had come from, but everyone wanted to see it."_s,
        u"{M} giggled and pointed {P}, where something small was wiggling."_s,
        u"It was getting late, and the sun was painting the sky orange and pink."_s,
        u"\"We can do this together,\" said {N}, holding {M}'s paw very tightly."_s,
        u"Step by step, they followed the winding path {P}."_s,
        u"Suddenly, there was a soft splash {P}, and then a tiny voice said hello."_s,
        u"{M} the {A} had never seen anything like it before."_s,
        u"They sat down on a mossy stone to think, and {N} shared a sandwich."_s,
        u"\"Maybe it belongs to someone who is missing it,\" said {M} thoughtfully."_s,
        u"The birds stopped singing for a moment, as if they were listening too."_s,
        u"{N} felt a little bit scared, but also a little bit brave."_s,
        u"Far away, a bell rang three times, and the ducks on the pond looked up."_s,
        u"When they reached the top, they could see the whole valley below them."_s,
        u"{N} wrapped {T} carefully in a soft green leaf."_s,
    };
    return v;
}
const QStringList& enEndings()
{
    static const QStringList v{
        u"And from that day on, {N} and {M} were the very best of friends. The end."_s,
        u"That night, {N} fell asleep smiling, dreaming of the next adventure. The end."_s,
        u"Everyone cheered, and the {A} danced all the way home. The end."_s,
    };
    return v;
}
const QStringList& zhNames()
{
    static const QStringList v{u"豆豆"_s, u"阿龟"_s, u"小米"_s, u"花花"_s, u"乐乐"_s, u"圆圆"_s,
                               u"星星"_s, u"果果"_s, u"朵朵"_s, u"壮壮"_s, u"甜甜"_s, u"毛毛"_s};
    return v;
}
const QStringList& zhAnimals()
{
    static const QStringList v{u"小兔子"_s, u"小狐狸"_s, u"小熊"_s, u"小松鼠"_s, u"小鸭子"_s,
                               u"小刺猬"_s, u"小老鼠"_s, u"小青蛙"_s, u"小乌龟"_s};
    return v;
}
const QStringList& zhPlaces()
{
    static const QStringList v{u"小河边"_s, u"大树下"_s, u"山坡上"_s, u"花园里"_s, u"池塘旁"_s,
                               u"村子口"_s, u"面包店后面"_s, u"小木桥上"_s, u"高高的草丛里"_s};
    return v;
}
const QStringList& zhThings()
{
    static const QStringList v{u"一只红风筝"_s, u"一把银钥匙"_s, u"一条小木船"_s, u"一张旧地图"_s,
                               u"一篮苹果"_s, u"一个音乐盒"_s, u"一颗纸星星"_s, u"一块蓝石头"_s,
                               u"一把条纹伞"_s, u"一只木哨子"_s};
    return v;
}
const QStringList& zhSentences()
{
    static const QStringList v{
        u"{N}是一只{A}，每天早上都要去{P}散散步，哼着一首关于早饭的歌。"_s,
        u"“快看！”{N}说，“我找到了{T}，它一直就躺在这里！”"_s,
        u"风轻轻地吹过草地，白云慢慢地飘过天空。"_s,
        u"{N}深深地吸了一口气，像奶奶教的那样，数到了三。"_s,
        u"谁也不知道{T}是从哪里来的，可是大家都想看一看。"_s,
        u"{M}咯咯地笑了，指着{P}，那里有个小东西在动来动去。"_s,
        u"天色渐渐暗了，太阳把天空染成了橙色和粉色。"_s,
        u"“我们一起来吧！”{N}紧紧拉着{M}的手说。"_s,
        u"他们一步一步地沿着弯弯的小路，走到了{P}。"_s,
        u"忽然，{P}传来扑通一声，接着有个细细的声音说：“你好！”"_s,
        u"{M}从来没有见过这样的东西。"_s,
        u"他们坐在长满青苔的石头上想办法，{N}把三明治分给了大家。"_s,
        u"“也许它的主人正在找它呢。”{M}想了想说。"_s,
        u"小鸟们停下了歌声，好像也在认真地听。"_s,
        u"{N}有一点点害怕，可是也有一点点勇敢。"_s,
        u"远处的钟声响了三下，池塘里的小鸭子都抬起了头。"_s,
        u"{N}用一片软软的绿叶子，把{T}小心地包了起来。"_s,
    };
    return v;
}
const QStringList& zhEndings()
{
    static const QStringList v{
        u"从那天起，{N}和{M}成了最好的朋友。故事讲完啦。"_s,
        u"那天晚上，{N}笑着睡着了，梦见了下一次冒险。故事讲完啦。"_s,
        u"大家都欢呼起来，{A}一路跳着舞回了家。故事讲完啦。"_s,
    };
    return v;
}

class Writer
{
public:
    Writer(int index, quint32 seed)
        : m_rng(seed * 2654435761u + quint32(index) * 40503u + 17u)
        , m_zh(isChinese(index))
    {
        m_name = pick(m_zh ? zhNames() : enNames());
        do
            m_friend = pick(m_zh ? zhNames() : enNames());
        while (m_friend == m_name);
        m_animal = pick(m_zh ? zhAnimals() : enAnimals());
        m_thing = pick(m_zh ? zhThings() : enThings());
    }

    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }
    const QString& pick(const QStringList& list) { return list.at(between(0, int(list.size()) - 1)); }

    QString fill(QString text)
    {
        const QStringList& places = m_zh ? zhPlaces() : enPlaces();
        return text.replace(u"{N}"_s, m_name)
            .replace(u"{M}"_s, m_friend)
            .replace(u"{A}"_s, m_animal)
            .replace(u"{T}"_s, m_thing)
            .replace(u"{P}"_s, pick(places));
    }

    // One page of 3-6 sentences in two paragraphs: about the length of the sample stories' pages.
    QString pageText()
    {
        const int count = between(3, 6);
        QString text;
        for (int s = 0; s < count; ++s) {
            if (s > 0)
                text += s == count / 2 + 1 ? u"\n\n"_s : (m_zh ? QString() : u" "_s);
            text += fill(pick(m_zh ? zhSentences() : enSentences()));
        }
        return text;
    }
    QString ending() { return fill(pick(m_zh ? zhEndings() : enEndings())); }
    QString scene()
    {
        return m_zh ? fill(u"{N}和{M}在{P}，旁边放着{T}。"_s) : fill(u"{N} the {A} and {M} {P}, next to {T}."_s);
    }

    Story::Interaction interaction()
    {
        Story::Interaction i;
        const int kind = between(0, 3);
        i.kind = Story::Interaction::Kind(kind);
        if (m_zh) {
            static const QStringList q{u"{N}接下来该做什么呢？"_s, u"你猜{T}是从哪里来的？"_s,
                                       u"我们给这只{A}取个什么名字呢？"_s, u"你觉得{N}现在心里是什么感觉？"_s};
            i.question = fill(q.at(kind));
            i.options = {fill(u"去{P}看看"_s), fill(u"请{M}来帮忙"_s), u"安静地听一听"_s};
        } else {
            static const QStringList q{u"What should {N} do next?"_s, u"Where do you think {T} came from?"_s,
                                       u"What should we call the little {A}?"_s, u"How do you think {N} feels now?"_s};
            i.question = fill(q.at(kind));
            i.options = {fill(u"Go and look {P}"_s), fill(u"Ask {M} for help"_s), u"Wait and listen quietly"_s};
        }
        if (between(0, 2) == 0)
            i.options.removeLast();
        return i;
    }

    [[nodiscard]] bool zh() const { return m_zh; }
    [[nodiscard]] const QString& name() const { return m_name; }
    [[nodiscard]] const QString& friendName() const { return m_friend; }
    [[nodiscard]] const QString& animal() const { return m_animal; }
    [[nodiscard]] const QString& thing() const { return m_thing; }

private:
    std::mt19937 m_rng;
    bool m_zh;
    QString m_name, m_friend, m_animal, m_thing;
};

QString idFor(int index, quint32 seed)
{
    // Looks like Story::newId() (12 hex digits) but is reproducible.
    const QByteArray key = QByteArray::number(seed) + '/' + QByteArray::number(index);
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(12));
}

void plant(Story::Story& story, Writer& w, int pageIndex, const QString& sentence)
{
    Story::Page& p = story.pages[pageIndex];
    p.text += (w.zh() ? QString() : u" "_s) + sentence;
}
} // namespace

const QList<PlantedQuery>& plantedQueries()
{
    static const QList<PlantedQuery> queries{
        {u"common"_s, u"lantern"_s, &hasCommon},
        {u"rare"_s, u"quillberry"_s, &hasRare},
        {u"chinese"_s, u"彩虹"_s, &hasChineseWord},
        {u"two-words"_s, u"Lantern QUILLBERRY"_s, &hasBoth},
        {u"no-hit"_s, u"xylobrontic"_s, &hasNothing},
    };
    return queries;
}

int expectedHits(const PlantedQuery& query, int storyCount)
{
    int hits = 0;
    for (int i = 0; i < storyCount; ++i)
        hits += query.contains(i) ? 1 : 0;
    return hits;
}

Story::Story generateStory(int index, quint32 seed)
{
    Writer w(index, seed);
    Story::Story story;
    story.id = idFor(index, seed);
    story.settings.language = w.zh() ? u"zh"_s : u"en"_s;
    static const QStringList ages{u"3-5"_s, u"6-8"_s, u"9-12"_s};
    static const QStringList styles{u"gentle"_s, u"funny, rhyming"_s, u"adventurous"_s, u"calm, for bedtime"_s};
    story.settings.ageBand = w.pick(ages);
    story.settings.style = w.pick(styles);
    story.settings.model = u"bench-model"_s;
    if (w.zh()) {
        story.title = w.name() + u"和"_s + w.thing().mid(1);
        story.settings.idea = u"一只"_s + w.animal().mid(1) + u"找到了"_s + w.thing();
        story.cast.append({w.name(), w.fill(u"一只戴着黄围巾的{A}"_s), {}});
        story.cast.append({w.friendName(), u"一只背着小书包的好朋友"_s, {}});
    } else {
        QString thing = w.thing().mid(2);
        thing[0] = thing[0].toUpper();
        story.title = w.name() + u" and the "_s + thing;
        story.settings.idea = u"a little "_s + w.animal() + u" who finds "_s + w.thing();
        story.cast.append({w.name(), w.fill(u"a small {A} with a yellow scarf"_s), {}});
        story.cast.append({w.friendName(), u"a cheerful friend with a tiny backpack"_s, {}});
    }
    const int length = w.between(4, 12);
    story.settings.pageCount = length;
    const bool finished = w.between(0, 4) != 0; // 80 % end with an ending page
    const QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC).addSecs(qint64(index) * 3607);
    story.created = start;

    QString parent;
    QString lastAnswer;
    int lastAnswerIndex = -1;
    QList<int> mainPages;
    for (int n = 0; n < length; ++n) {
        Story::Page p;
        p.id = u"p"_s + QString::number(n + 1);
        p.parentId = parent;
        p.answer = lastAnswer;
        p.answerIndex = lastAnswerIndex;
        p.created = start.addSecs(n * 40);
        p.scene = w.scene();
        p.text = w.pageText();
        const bool last = n == length - 1;
        if (last && finished) {
            p.text += (w.zh() ? QString() : u" "_s) + w.ending();
            p.ending = true;
        } else {
            p.interaction = w.interaction();
            lastAnswerIndex = w.between(0, int(p.interaction->options.size()) - 1);
            lastAnswer = p.interaction->options.at(lastAnswerIndex);
        }
        parent = story.addPage(p).id;
        mainPages.append(int(story.pages.size()) - 1);
    }
    // About a third of the stories were read along another answer once: a side branch of 1-2 pages.
    if (length > 2 && w.between(0, 2) == 0) {
        const int from = w.between(0, length - 2);
        const Story::Page& fork = story.pages.at(mainPages.at(from));
        const Story::Page& taken = story.pages.at(mainPages.at(from + 1));
        const int other = (taken.answerIndex + 1) % int(fork.interaction->options.size());
        Story::Page b;
        b.id = u"b"_s + QString::number(from + 1);
        b.parentId = fork.id;
        b.answer = fork.interaction->options.at(other);
        b.answerIndex = other;
        b.created = start.addSecs(3000);
        b.scene = w.scene();
        b.text = w.pageText();
        b.interaction = w.interaction();
        const QString branchId = story.addPage(b).id;
        if (w.between(0, 1) == 0) {
            Story::Page c;
            c.id = u"c"_s + QString::number(from + 1);
            c.parentId = branchId;
            c.answer = story.pages.last().interaction->options.first();
            c.answerIndex = 0;
            c.created = start.addSecs(3100);
            c.scene = w.scene();
            c.text = w.pageText() + (w.zh() ? QString() : u" "_s) + w.ending();
            c.ending = true;
            story.addPage(c);
        }
        story.goTo(story.pages.at(mainPages.last()).id); // back on the main path
    }

    // The planted words, on a page chosen at random (the rule decides which stories get them).
    const auto anyPage = [&] { return w.between(0, int(story.pages.size()) - 1); };
    if (hasCommon(index))
        plant(story, w, anyPage(), w.fill(u"{N} held up a little lantern, and its warm light made everyone smile."_s));
    if (hasRare(index)) {
        plant(story, w, anyPage(),
              w.zh() ? u"他们一起吃了甜甜的 quillberry 果酱。"_s : u"They shared a sweet quillberry pie."_s);
    }
    if (hasChineseWord(index))
        plant(story, w, anyPage(), u"雨停了，天边出现了一道彩虹。"_s);
    story.modified = start.addSecs(3600);
    return story;
}

} // namespace Storybook::Bench
