import { describe, expect, it } from 'vitest';
import type { DocBlock } from '../model.js';
import { detectBrokenParagraphs } from './broken-paragraph.js';
import { detectInterleavedCaptions } from './interleaved-caption.js';
import { clearTopic, detectMisorderedParagraphs } from './misordered-paragraph.js';
import { countsAcross, endsSentence, opensSentence, startsBound, startsWithLoneCharacter, wordSpansJunction } from './junction.js';

const body = (text: string, article = 0): DocBlock => ({ cls: 'body', text, article });
const caption = (text: string, article = 0): DocBlock => ({ cls: 'caption', text, article });
const credit = (text: string, article = 0): DocBlock => ({ cls: 'credit', text, article });
const headline = (text: string, article = 0): DocBlock => ({ cls: 'headline', text, article });

describe('sentence junctions', () => {
  it('knows sentence ends, including closing quotes and ellipses', () => {
    expect(endsSentence('他说：“我们会继续努力。”')).toBe(true);
    expect(endsSentence('成果显著……')).toBe(true);
    expect(endsSentence('全市新建公园')).toBe(false);
    expect(endsSentence('主要包括，')).toBe(false);
  });

  it('reads a word across a cut in either script', () => {
    expect(wordSpansJunction('群众关心的民生舉', '措接连出台')).toBe('举措');
    expect(wordSpansJunction('推进基础设施建设和交', '通网络完善')).toMatch(/^交通/);
    expect(wordSpansJunction('今年全市完成改造。', '通过努力')).toBeNull();
    // The same character on both sides is a doubling, not a word cut in two.
    expect(wordSpansJunction('專家會診不用出縣', '縣人民醫院的遠程')).toBeNull();
  });

  it('knows a block cannot open with a lone character cut off by punctuation, unless it is an answer, a pronoun or a numbering', () => {
    expect(startsWithLoneCharacter('期。在石门乡，果农们一早就钻进果园')).toBe(true);
    expect(startsWithLoneCharacter('草、早熟禾等耐寒草种')).toBe(true);
    expect(startsWithLoneCharacter('座，恢復淺灘和蘆葦地。')).toBe(true);
    expect(startsWithLoneCharacter('是，我们一定办好。')).toBe(false);
    expect(startsWithLoneCharacter('他，一个普通的护林员。')).toBe(false);
    expect(startsWithLoneCharacter('一、加强组织领导')).toBe(false);
    expect(startsWithLoneCharacter('今年，全县新建公园')).toBe(false);
    expect(startsWithLoneCharacter('“好，就这么办。”')).toBe(false);
  });

  it('reads a count across a junction: a number, then its measure word or a larger unit', () => {
    expect(countsAcross('新增科普读物六百多', '册，孩子们常来借阅')).toBe(true);
    expect(countsAcross('共运送旅客三十七', '萬人次')).toBe(true);
    expect(countsAcross('建成了一百多', '座，恢复浅滩')).toBe(true);
    expect(countsAcross('新增科普读物很多', '册子')).toBe(false);
    expect(countsAcross('共运送旅客三十七', '人次')).toBe(false);
    // A measure word's character opening a word of its own counts nothing (九|招收).
    expect(countsAcross('有固定职工九', '招收临时工一百多人')).toBe(false);
  });

  it('knows a block opening with a directional complement finishes a verb left at a cut', () => {
    expect(startsBound('下来的几种老花样，她都画成了图样。')).toBe(true);
    expect(startsBound('起来的合作社已有三十多家。')).toBe(true);
    expect(startsBound('下午，合作社召开了社员大会。')).toBe(false);
    expect(startsBound('来自全县的三十多家合作社参加了展销。')).toBe(false);
  });

  it('recognises a block that opens a sentence of its own', () => {
    expect(opensSentence('同时，全市加大投入')).toBe(true);
    expect(opensSentence('“我们很满意。”')).toBe(true);
    expect(opensSentence('5月20日，记者来到')).toBe(true);
    expect(opensSentence('更可貴的是，慢火車沒有停在原地')).toBe(true);
    expect(opensSentence('值得一提的是，全市新建公园')).toBe(true);
    expect(opensSentence('二、調整期間，該路段禁止通行。')).toBe(true);
    expect(opensSentence('路灯都换成了节能灯')).toBe(false);
    // A subject with a time of its own opens one too.
    expect(opensSentence('聂长春今年五十二岁，在教学点已经教了三十年书。')).toBe(true);
    expect(opensSentence('剧团里最年轻的演员覃思雨今年二十三岁。')).toBe(true);
    expect(opensSentence('操场上的国旗在风里哗哗作响。')).toBe(false);
    expect(opensSentence('收成比去年好多了。')).toBe(false);
    // 在 opens a sentence with a place or time set off by a comma, not with the rest of a clause.
    expect(opensSentence('在县委的领导下，全县新修道路120公里。')).toBe(true);
    expect(opensSentence('在這次活動中，志願者們表現出色。')).toBe(true);
    expect(opensSentence('在一旁掐着秒表计时。')).toBe(false);
    expect(opensSentence('在人群里钻来钻去，一曲唱罢，掌声响起。')).toBe(false);
  });
});

describe('broken paragraphs', () => {
  it('joins a paragraph cut inside a word, across a caption and credit', () => {
    const doc = [headline('新城建设加速'), body('区里推出一系列便民举'), caption('新建成的社区广场。'), credit('本报记者 李华 摄'), body('措，受到居民欢迎。')];
    const [f, ...rest] = detectBrokenParagraphs(doc);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'broken_paragraph', start: { block: 1, offset: 10 }, end: { block: 4, offset: 0 } });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(f!.fixes[0]!.edits).toEqual([{ op: 'join', block: 1, next: 4, cls: 'body' }]);
  });

  it('joins a paragraph cut after a comma', () => {
    const [f] = detectBrokenParagraphs([body('今年以来，全区新建公园12处，'), body('新增绿地面积3万平方米。')]);
    expect(f?.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('joins a short line of a name to the block that opens with what that person said (韦春林|介绍，…)', () => {
    const subhead = (text: string): DocBlock => ({ cls: 'subhead', text, article: 0 });
    const found = detectBrokenParagraphs([body('乡里的快递点多了起来。'), subhead('石垭乡乡长韦春林'), body('介绍，前年乡里开始推行邮政助农模式。')]);
    expect(found.map((f) => [f.start.block, f.end.block])).toEqual([[1, 2]]);
    expect(detectBrokenParagraphs([body('乡里的快递点多了起来。'), subhead('邮政助农'), body('前年乡里开始推行邮政助农模式。')])).toEqual([]);
  });

  it('leaves a numbered list after a colon, and a comma cross-head among the body paragraphs, alone', () => {
    expect(detectBrokenParagraphs([body('现将有关事项通告如下：'), body('一、缴费标准。每人每年380元。'), body('二、缴费时间。截至12月31日。')])).toEqual([]);
    expect(detectBrokenParagraphs([body('有关事项如下：'), body('（一）报名时间。')])).toEqual([]);
    expect(detectBrokenParagraphs([body('学校今年重点推进以下几项工作：'), body('- 新增两个订单班。')])).toEqual([]);
    expect(detectBrokenParagraphs([body('今年全市修复渠道四百多公里。'), body('渠通了，田活了'), body('七月下旬的一个清晨，记者来到红星渠。')])).toEqual([]);
    // A colon before running text still reads on.
    expect(detectBrokenParagraphs([body('村支书告诉记者：'), body('收成比去年好多了。')])).toHaveLength(1);
  });

  it('leaves complete paragraphs, headings and other articles alone', () => {
    expect(detectBrokenParagraphs([body('今年新建公园12处。'), body('明年还将继续。')])).toEqual([]);
    expect(detectBrokenParagraphs([body('全区新建公园12处'), headline('秋粮喜获丰收', 1)])).toEqual([]);
    expect(detectBrokenParagraphs([body('区里推出一系列便民举', 0), body('措，受到欢迎。', 1)])).toEqual([]);
    expect(detectBrokenParagraphs([body('各街道积极行动'), body('同时，区里加大投入。')])).toEqual([]);
  });
});

describe('interleaved captions', () => {
  it('flags captions and credits between running-text paragraphs and moves them to the end of the article', () => {
    const doc = [headline('标题'), body('第一段。'), caption('图为新建成的广场。'), credit('王明 摄'), body('第二段。'), headline('下一篇', 1), body('正文。', 1)];
    const [f, ...rest] = detectInterleavedCaptions(doc);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ start: { block: 2, offset: 0 }, end: { block: 3, offset: 4 } });
    expect(f!.fixes[0]!.edits).toEqual([
      { op: 'move', block: 2, toEndOfArticle: 0 },
      { op: 'move', block: 3, toEndOfArticle: 0 },
    ]);
  });

  it('leaves a photo inside a cut paragraph that ends the article: the join takes it to the end', () => {
    const last = [headline('标题'), body('第一段。'), body('旺季时，一个月能有'), caption('图为笋市。'), credit('王明 摄'), body('两万多元收入。'), headline('下一篇', 1)];
    expect(detectInterleavedCaptions(last)).toEqual([]);
    const more = [...last.slice(0, 6), body('第三段。'), headline('下一篇', 1)];
    expect(detectInterleavedCaptions(more)).toHaveLength(1);
  });

  it('leaves a photo at the top or the end of an article where it is', () => {
    expect(detectInterleavedCaptions([caption('图为广场。'), credit('王明 摄'), headline('标题'), body('正文。')])).toEqual([]);
    expect(detectInterleavedCaptions([headline('标题'), body('正文。'), caption('图为广场。'), credit('王明 摄')])).toEqual([]);
  });
});

describe('misordered paragraphs', () => {
  it('finds the continuation of a cut sentence standing in another article', () => {
    const doc = [
      headline('新城建设加速'), body('区里推出一系列便民举'), body('下一步，区里还将继续推进。'),
      headline('秋粮丰收', 1), body('今年全县粮食喜获丰收。', 1), body('措，受到居民欢迎。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'misordered_paragraph', start: { block: 5, offset: 0 } });
    expect(found[0]!.fixes[0]!.edits).toEqual([{ op: 'move', block: 5, before: 2 }]);
  });

  it('finds by topic the continuation of an article that ends on a word needing more', () => {
    const doc = [
      headline('林场防火不松劲'),
      body('进入防火期，北岭林场每天组织巡护队员上山巡查。林场管护面积达8万亩。'),
      body('场长说，宁可多走十里路，也不放过一个隐患。截至'),
      headline('社区课堂受欢迎', 1),
      body('每天下午，社区活动室里坐满了放学的孩子。', 1),
      body('目前，北岭林场已连续二十年未发生森林火灾。', 1),
      body('社区课堂开办一年来，已累计服务学生五千余人次。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: { block: 5, offset: 0 } });
    expect(found[0]!.fixes[0]!.edits).toEqual([{ op: 'move', block: 5, toEndOfArticle: 0 }]);
    // A paragraph about its own article stays, however the other article ends.
    const own = doc.map((b, i) => (i === 5 ? body('目前，社区课堂已有志愿者三十名，孩子们很喜欢。', 1) : b));
    expect(detectMisorderedParagraphs(own)).toEqual([]);
  });

  it('moves a block to a cut with a successor only on a clear topic, and never a block opening with reported speech', () => {
    const doc = [
      headline('庭院经济让农家增收'),
      body('东岭镇引导农户利用房前屋后的空闲地，发展庭院种植、庭院养殖和'),
      body('镇里成立了合作社，统一提供种苗、技术和销售渠道。'),
      headline('秋粮喜获丰收', 1),
      body('今年全县粮食总产量达到52万吨，创历史新高。', 1),
      body('庭院编织等庭院经济项目，今年已有800多户参与，户均增收4000余元。', 1),
      body('种粮大户们说，今年的补贴让种粮更有奔头。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: { block: 5, offset: 0 } });
    expect(found[0]!.fixes[0]!.edits).toEqual([{ op: 'move', block: 5, before: 2 }]);
    const reported = doc.map((b, i) => (i === 5 ? body('合作社负责人介绍，庭院编织等庭院经济项目今年已有800多户参与。', 1) : b));
    expect(detectMisorderedParagraphs(reported)).toEqual([]);
  });

  it('moves a block by topic to a paragraph that breaks off without a sentence end, whatever word it was cut after', () => {
    const doc = [
      headline('山村小学来了新老师'),
      body('今年秋季，大岭小学迎来了两名新教师，分别教英语和科学。校长说，过去学校的英语课'),
      headline('水产市场设立快检室', 1),
      body('本报讯 全市最大的水产批发市场日前设立快检室，检测结果在市场大屏上实时公示。', 1),
      body('只能由语文老师兼着上，这回学校的孩子们总算有了专职的英语老师。', 1),
      body('快检室配备了四名检测人员，每批水产的检测时间不超过三十分钟。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: { block: 4, offset: 0 } });
    expect(found[0]!.fixes[0]!.edits).toEqual([{ op: 'move', block: 4, toEndOfArticle: 0 }]);
    expect(found[0]!.message.en).toMatch(/breaks off/);
    // A lead's label standing on its own line is no paragraph cut short.
    const label = [headline('标题'), { cls: 'lead' as const, text: '核心提示', article: 0 }, body('今年全市新建公园十二处。'), ...doc.slice(2)];
    expect(detectMisorderedParagraphs(label)).toEqual([]);
  });

  it('sends a block to a cut left open where the two read on as a phrase the page holds elsewhere', () => {
    const brief = (text: string, article: number): DocBlock => ({ cls: 'brief_opener', text, article });
    const doc = [
      headline('长汀至西川城际轻轨开工'),
      brief('本报讯 12月18日，长汀至西川城际', 0),
      headline('冬季送温暖', 1),
      body('全市开展冬季送温暖活动，走访困难群众三千余户。', 1),
      body('轻轨开工。线路全长六十公里，设车站九座，建成后两地通勤只需半小时。', 1),
      body('志愿者们还为老人们送去了棉衣和米面。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: { block: 4, offset: 0 } });
    expect(found[0]!.fixes[0]!.edits).toEqual([{ op: 'move', block: 4, toEndOfArticle: 0 }]);
    expect(found[0]!.message.en).toMatch(/“长汀至西川城际轻轨开工”, as elsewhere on the page/);
    // A block about its own article stays, though the phrase read across the cut recurs.
    const own = doc.map((b, i) => (i === 4 ? body('轻轨开工的工地上，送温暖活动的志愿者走访困难群众，为老人们送去棉衣和米面。', 1) : b));
    expect(detectMisorderedParagraphs(own)).toEqual([]);
  });

  it('takes a weaker word across a cut where the block is more about the cut\'s article than its own', () => {
    const doc = [
      headline('恒温大棚育出早春苗'),
      body('东坪镇育苗基地今年新建了八座恒温大棚，蔬菜种苗从播种到出苗全程在恒'),
      body('基地负责人说，大棚育苗比露地提前了一个月。'),
      headline('老街修缮完工', 1),
      body('历时半年，城南老街修缮工程日前完工，青石板路重新铺好。', 1),
      body('温大棚里完成，种苗长得齐、病害少，每株成本还降了一毛钱。', 1),
      body('老街的店铺陆续开张，街坊们又能在这里喝早茶了。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: { block: 5, offset: 0 }, confidence: 0.7 });
    expect(found[0]!.fixes[0]!.edits).toEqual([{ op: 'move', block: 5, before: 2 }]);
    // The same junction in a block about its own article is a chance pair.
    const own = doc.map((b, i) => (i === 5 ? body('温大棚改成的茶馆在老街开张，修缮完工的老街青石板路重新铺好，街坊们又能在老街喝早茶了。', 1) : b));
    expect(detectMisorderedParagraphs(own)).toEqual([]);
    // A block that speaks of its own article too moves on this evidence, but not from the head
    // of its article's text, where a sentence opens.
    const mixed = body('温大棚里完成，种苗长得齐、病害少，老街的菜摊也卖上了新鲜蔬菜。', 1);
    expect(detectMisorderedParagraphs([...doc.slice(0, 5), mixed, doc[6]!]).map((f) => f.start.block)).toEqual([5]);
    expect(detectMisorderedParagraphs([...doc.slice(0, 4), mixed, doc[4]!, doc[6]!])).toEqual([]);
  });

  it('continues an article that breaks off at its end with the block that fits its topic better than its own, unless that block opens a sentence', () => {
    const brief = (text: string, article: number): DocBlock => ({ cls: 'brief_opener', text, article });
    const doc = [
      headline('城西体育公园建成开放'),
      brief('本报讯 10月26日，长汀县', 0),
      headline('秋粮收购开秤', 1),
      body('今年全县秋粮收购工作日前启动，收购价格保持稳定，农户卖粮更方便了。', 1),
      body('城西体育公园建成开放，公园设有健身步道，附近农户卖粮后也常来散步。', 1),
      body('粮食部门提醒农户，把粮食晒干扬净后再出售，收购点周末照常开放。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found.map((f) => [f.start.block, f.fixes[0]!.edits])).toEqual([[4, [{ op: 'move', block: 4, toEndOfArticle: 0 }]]]);
    const opening = doc.map((b, i) => (i === 4 ? body('目前，城西体育公园建成开放，公园设有健身步道，附近农户卖粮后也常来散步。', 1) : b));
    expect(detectMisorderedParagraphs(opening)).toEqual([]);
  });

  it('sends a block opening with 以前 or 以来 to a cut that leaves a year bare', () => {
    const doc = [
      headline('老厂房换了新设备'),
      body('厂长告诉记者，2019年'),
      body('改造期间，工厂坚持边生产边改造，老客户的订单都按时交付。'),
      headline('社区食堂开张', 1),
      body('社区食堂昨天开张，老人们吃上了热乎饭。', 1),
      body('以前，工厂的主打产品是小型旋耕机，利润薄，订单也不稳定。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found.map((f) => [f.start.block, f.fixes[0]!.edits])).toEqual([[5, [{ op: 'move', block: 5, before: 2 }]]]);
    expect(found[0]!.message.en).toMatch(/“2019年以前” spans the cut/);
    // Without a bare year at a cut, 以前 opens a sentence like any other word.
    const dated = doc.map((b, i) => (i === 1 ? body('厂长告诉记者，工厂2019年开始改造。') : b));
    expect(detectMisorderedParagraphs(dated)).toEqual([]);
  });

  it('continues a cut left at an auxiliary (还将) only with a block that opens with a verb', () => {
    const doc = [
      headline('乡镇图书分馆成了文化客厅'),
      body('分馆开放以来，办证读者有一千多人，图书馆的流动服务也越来越受欢迎。据了解，县图书馆今年还将'),
      headline('蜜橘迎来采摘季', 1),
      body('眼下正是蜜橘采摘季，果园里一片忙碌。', 1),
      body('推出流动图书车，每月开进偏远山村，为老人和孩子送书上门，图书馆还将增加借阅点。', 1),
      body('果农们说，今年的蜜橘个头大、甜度高。', 1),
    ];
    expect(detectMisorderedParagraphs(doc).map((f) => [f.start.block, f.fixes[0]!.edits])).toEqual([[4, [{ op: 'move', block: 4, toEndOfArticle: 0 }]]]);
    const named = doc.map((b, i) => (i === 4 ? body('檀溪镇图书馆的流动图书车每月开进偏远山村，为老人和孩子送书上门。', 1) : b));
    expect(detectMisorderedParagraphs(named)).toEqual([]);
  });

  it('sends a block opening with a figure to a cut that leaves a measure bare (面积|约300亩), but not one opening with a date', () => {
    const doc = [
      headline('河水变清了'),
      body('县里利用废弃的砖窑取土坑，建成了一处面积'),
      body('河水变清后，消失多年的白鹭又回来了。'),
      headline('新建幼儿园开园', 1),
      body('柳坞村幼儿园日前开园，孩子们在家门口就能上学。', 1),
      body('约300亩的人工湿地，种植芦苇、菖蒲等水生植物，对处理后的尾水再做一次净化。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found.map((f) => [f.start.block, f.fixes[0]!.edits])).toEqual([[5, [{ op: 'move', block: 5, before: 2 }]]]);
    expect(found[0]!.message.en).toMatch(/“面积约300” spans the cut/);
    const dated = doc.map((b, i) => (i === 5 ? body('2021年，县里在河边建了人工湿地，种植芦苇、菖蒲等水生植物。', 1) : b));
    expect(detectMisorderedParagraphs(dated)).toEqual([]);
  });

  it('takes a topic as clear on a wide margin, or on half of it when the block is hardly about its own article', () => {
    expect(clearTopic(0.12, 0.04)).toBe(true);
    expect(clearTopic(0.06, 0.01)).toBe(true); // 0.07 there against 0.01 here
    expect(clearTopic(0.06, 0.03)).toBe(false); // 0.09 there against 0.03 here: not four times
    expect(clearTopic(0.04, 0)).toBe(false);
  });

  it('sends a block closing a quotation it never opened to the cut that left one open', () => {
    const doc = [
      headline('驿站送清凉'),
      body('环卫工贺大姐说：“以前中午热得没处躲，只能找块树荫坐一坐。现在走几百米'),
      body('市总工会有关负责人介绍，全市已建成驿站120个。'),
      headline('夏粮收购开秤', 1),
      body('今年全县小麦收购价格保持稳定。', 1),
      body('就有一个驿站，喝口水、洗把脸，下午干活也有劲了。”贺大姐说。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: { block: 5, offset: 0 } });
    expect(found[0]!.fixes[0]!.edits).toEqual([{ op: 'move', block: 5, before: 2 }]);
    // A quotation running over paragraphs reopens with “ at each: nothing to move.
    const long = doc.map((b, i) => (i === 5 ? body('“就有一个驿站，喝口水、洗把脸。”贺大姐说。', 1) : b));
    expect(detectMisorderedParagraphs(long)).toEqual([]);
  });

  it('sends a block opening with a lone character to the cut it completes, by topic when no junction reads better', () => {
    const doc = [
      headline('枇杷丰收'),
      body('五月，全县两万多亩枇杷陆续成熟，果农们'),
      body('今年枇杷价格稳定，果农收入可观。'),
      headline('湿地修复见成效', 1),
      body('近年来，县里陆续拆除湖边的养殖大棚一百多', 1),
      body('保护站的工作人员每天巡湖，记录候鸟的种类和数量。', 1),
      headline('社区课堂', 2),
      body('每天下午，社区活动室里坐满了放学的孩子。', 2),
      body('座，恢复了湖边的浅滩和芦苇地，来湖边觅食栖息的候鸟越来越多。', 2),
      body('社区课堂开办一年来，已累计服务学生五千余人次。', 2),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: { block: 8, offset: 0 } });
    expect(found[0]!.fixes[0]!.edits).toEqual([{ op: 'move', block: 8, before: 5 }]);
    // A block opening with an answer is a sentence of its own.
    const answer = doc.map((b, i) => (i === 8 ? body('是，湖边的候鸟越来越多了。', 2) : b));
    expect(detectMisorderedParagraphs(answer)).toEqual([]);
  });

  it('moves a lone first character only where it completes a word or a count, or fits the topic plainly', () => {
    const doc = [
      headline('湿地修复见成效'),
      body('近年来，县里陆续拆除湖边的养殖大棚一百多'),
      body('保护站的工作人员每天巡湖，记录候鸟的种类和数量。'),
      headline('远程心电', 1),
      body('本报讯 县人民医院远程心电诊断中心近日投入使用。', 1),
      body('座，恢复了浅滩和芦苇地，来觅食栖息的鸟越来越多。', 1),
    ];
    // 一百多 + 座: a number waiting for its measure word.
    expect(detectMisorderedParagraphs(doc).map((f) => f.start.block)).toEqual([5]);
    // 过去 read as 去: a paragraph that lost its first character goes nowhere by that alone.
    const lost = doc.map((b, i) => (i === 5 ? body('去，乡镇卫生院缺少能看懂心电图的医生，耽误了抢救。', 1) : b));
    expect(detectMisorderedParagraphs(lost)).toEqual([]);
  });

  it('finds a continuation whose first word makes a set compound with the cut (毛细|血管)', () => {
    const doc = [
      headline('老街换新颜'),
      body('这些小巷平时并不显眼，却像毛细'),
      body('街道办事处负责人说，改造将在年底完成。'),
      headline('公交线路调整', 1),
      body('本报讯 下月起，二路公交车延长至高铁站。', 1),
      body('血管一样维系着一座城市的正常运转，影响的是千家万户。', 1),
    ];
    const found = detectMisorderedParagraphs(doc);
    expect(found.map((f) => [f.start.block, f.fixes[0]!.edits[0]])).toEqual([[5, { op: 'move', block: 5, before: 2 }]]);
    expect(found[0]!.message.zh).toContain('毛细血管');
  });

  it('does not take a photo between the parts of a cut paragraph for the block the continuation comes from', () => {
    const doc = [
      headline('龙舟训练'), body('放学后，队员们换好救生衣，抬'), caption('龙舟队在河上训练。'), credit('本报记者 王明 摄'), body('着龙舟走向码头。'),
      headline('社区课堂', 1), body('每天下午，社区活动室里坐满了放学的', 1), body('社区课堂开办一年来，已累计服务学生五千余人次。', 1),
    ];
    expect(detectMisorderedParagraphs(doc)).toEqual([]);
    expect(detectBrokenParagraphs(doc).map((f) => f.end.block)).toContain(4);
  });

  it('leaves a continuation that already follows its cut', () => {
    expect(detectMisorderedParagraphs([body('区里推出一系列便民举'), body('措，受到居民欢迎。')])).toEqual([]);
  });
});
