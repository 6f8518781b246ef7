import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTexts, cleanTexts } from '../../app/findings/check.js';
import { DEFECT_KINDS, type CheckFinding } from '../../app/findings/types.js';
import { makeTempDir, runCli, SEED_FILES } from '../helpers.js';

const FEATURE = [
  '新区建设按下快进键',
  '本报记者 赵 林',
  '今年以来,新区推出一系列便民举',
  '新建成的社区文化广场。',
  '本报记者 赵林 摄',
  '措，受到居民普遍欢迎。全区 42 个社区完成改造，累计投入资金1.2亿元。',
  '据介绍，新区还将推进推进老旧小区改造，让群众住得更舒心。',
  '',
].join('\n\n');

const BRIEF = [
  '港区时讯',
  '物流园区扩建',
  '本报讯 记者孙红报道 累计投入资金1.2亿元，完成改造项目36个，惠及居民8000余户。',
  '',
].join('\n\n');

describe('the stateless checker', () => {
  it('reports findings with offsets into the text as given', () => {
    const findings = checkTexts([{ file: 'a.txt', text: FEATURE }]);
    for (const f of findings) {
      expect(DEFECT_KINDS).toContain(f.type);
      expect(f.start).toBeLessThanOrEqual(f.end);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.message).toMatch(/ \/ /);
    }
    const of = (type: string) => findings.filter((f) => f.type === type);
    const comma = of('halfwidth_punct')[0]!;
    expect(FEATURE.slice(comma.start, comma.end)).toBe(',');
    expect(comma.fix).toBe('，');
    expect(FEATURE.slice(of('stray_space')[0]!.start, of('stray_space')[0]!.end)).toBe(' ');
    const broken = of('broken_paragraph')[0]!;
    expect(FEATURE.slice(broken.start, broken.end)).toContain('新建成的社区文化广场。');
    expect(of('interleaved_caption')).toHaveLength(1);
  });

  it('filters by kind', () => {
    const findings = checkTexts([{ file: 'a.txt', text: FEATURE }], { only: ['stray_space'] });
    expect(new Set(findings.map((f) => f.type))).toEqual(new Set(['stray_space']));
  });

  it('treats the pages given together as one corpus for spliced duplicates', () => {
    const spliced = '港区新闻\n\n仓储中心启用\n\n本报讯 新建的仓储中心昨天启用，累计投入资金1.2亿元，完成改造项目36个，惠及居民8000余户……\n';
    expect(checkTexts([{ file: 'b.txt', text: spliced }], { only: ['dup_fragment'] })).toEqual([]);
    const together = checkTexts([{ file: 'a.txt', text: BRIEF }, { file: 'b.txt', text: spliced }], { only: ['dup_fragment'] });
    expect(together).toHaveLength(1);
    expect(together[0]!.file).toBe('b.txt');
    expect(spliced.slice(together[0]!.start, together[0]!.end)).toBe('累计投入资金1.2亿元，完成改造项目36个，惠及居民8000余户');
    expect(together[0]!.fix).toBe('');
  });

  it('finds a clause fragment from another page wedged into a clause, but not a phrase restated on its own page', () => {
    const source = '社区新闻\n\n编织工坊开张\n\n本报讯 工坊采用“订单加农户”方式，妇女们也可以把竹料领回家编织。产品销往十多个省份。\n';
    const wedged = '港区新闻\n\n集装箱运量增长\n\n本报讯 经过改造，每个标准箱的物流成本可节省约可以把竹料领回家编织八百元。\n';
    const found = checkTexts([{ file: 'a.txt', text: source }, { file: 'b.txt', text: wedged }], { only: ['dup_fragment'] });
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toBe('b.txt');
    expect(wedged.slice(found[0]!.start, found[0]!.end)).toBe('可以把竹料领回家编织');
    // The same wedge within one page is how a lead and its body restate each other: left alone.
    const onePage = source.trimEnd() + '\n\n' + wedged.split('\n\n').slice(1).join('\n\n');
    expect(checkTexts([{ file: 'c.txt', text: onePage }], { only: ['dup_fragment'] })).toEqual([]);
    // A quoted name repeated across pages is a set phrase.
    const named = '港区新闻\n\n集装箱运量增长\n\n本报讯 今年港区推广采用“订单加农户”方式经营的物流合作社。\n';
    expect(checkTexts([{ file: 'a.txt', text: source }, { file: 'd.txt', text: named }], { only: ['dup_fragment'] })).toEqual([]);
  });

  it('finds a fragment from another page wedged into a clause even when it spans one comma', () => {
    const source = '健康新闻\n\n中医进社区\n\n本报讯 不少腰腿疼痛的老年人，针灸加推拿，一个疗程下来不少人明显好转。\n';
    const wedged = '教育新闻\n\n课后服务\n\n本报讯 县教育局采取教师自愿针灸加推拿，一个疗程报名、学校统筹安排的办法。\n';
    const found = checkTexts([{ file: 'a.txt', text: source }, { file: 'b.txt', text: wedged }], { only: ['dup_fragment'] });
    expect(found.map((f) => [f.file, wedged.slice(f.start, f.end)])).toEqual([['b.txt', '针灸加推拿，一个疗程']]);
  });

  it('takes a whole sentence standing alone as the copy of one cut out of a longer sentence', () => {
    const page = [
      '油茶产业',
      '本报讯 今年全县新种油茶两万亩，油茶种植总面积突破十万亩。加工企业也增加到五家。',
      '村里办起了油茶技术培训班，农户们的管护水平有了提高。面积突破十万亩。',
      '',
    ].join('\n\n');
    const found = checkTexts([{ file: 'a.txt', text: page }], { only: ['dup_fragment'] });
    expect(found.map((f) => [page.slice(f.start, f.end), page.lastIndexOf('面积突破十万亩。') === f.start])).toEqual([['面积突破十万亩。', true]]);
  });

  it('does not take a chance pair of characters for a word the copy had cut', () => {
    // Taking the first copy out would leave 三|讲台, which the segmenter may read as 三讲: no evidence.
    const page = [
      '职工课堂',
      '本报讯 周六上午，职工服务中心三楼的教室里坐满了人。讲台上，电工老师正在讲解安全用电。',
      '学员们说，课程安排在周末，自己才能安心听课。楼的教室里坐满了人。',
      '',
    ].join('\n\n');
    const found = checkTexts([{ file: 'a.txt', text: page }], { only: ['dup_fragment'] });
    expect(found.map((f) => f.start)).toEqual([page.lastIndexOf('楼的教室里坐满了人。')]);
  });

  it('takes the copy whose article never speaks of its words for the splice, not the one a chance pair at the other\'s edge points to', () => {
    const source = '文化新闻\n\n社区书屋\n\n本报讯 社区书屋开放以来，孩子们放学后常来读绘本。周末，孩子们在书屋里安安静静地读完绘本，家长们第一次发现孩子这么爱读书。不少家长说，书屋里的绘本让孩子们多了一个好去处，这样的发现让人高兴。\n';
    // 大|地 reads as 大地 across the splice's first edge: a chance pair, not a word cut out of this text.
    const spliced = '农业新闻\n\n草莓上市\n\n本报讯 十二月初，镇上的草莓大地读完绘本，家长们第一次发现棚里一片忙碌，果农们忙着采摘装箱，价格比去年高出两成。\n';
    const found = checkTexts([{ file: 'a.txt', text: source }, { file: 'b.txt', text: spliced }], { only: ['dup_fragment'] });
    expect(found.map((f) => [f.file, spliced.slice(f.start, f.end)])).toEqual([['b.txt', '地读完绘本，家长们第一次发现']]);
    // Spliced the same way into an article on reading, it shows nothing that says which copy is the splice.
    const onTopic = '教育新闻\n\n亲子阅读\n\n本报讯 幼儿园每周开展亲子阅读，家长们陪孩子读绘本。镇上的阅读角大地读完绘本，家长们第一次发现棚里一片安静，这一次家长们都说好。\n';
    expect(checkTexts([{ file: 'a.txt', text: source }, { file: 'c.txt', text: onTopic }], { only: ['dup_fragment'] })).toEqual([]);
  });

  it('takes a short run wedged into a clause of an article that never speaks of its words for a splice from another page', () => {
    const source = '农业新闻\n\n马铃薯成了致富薯\n\n本报讯 近年来，县里引导农户扩大马铃薯种植，建设贮藏窖和加工厂，把马铃薯做成了全县农民增收的主导产业。今年全县马铃薯种植面积达到三万亩，加工厂年加工鲜薯两万吨。\n';
    const wedged = '城市新闻\n\n早餐摊有了新去处\n\n本报讯 老街口的早餐摊开了二十年，附近的居民每天早上都要来买加工厂，把马铃薯一碗豆花、两根油条。如今摊位搬进了便民市场，环境干净了，生意也更好了。\n';
    const found = checkTexts([{ file: 'a.txt', text: source }, { file: 'b.txt', text: wedged }], { only: ['dup_fragment'] });
    expect(found.map((f) => [f.file, wedged.slice(f.start, f.end)])).toEqual([['b.txt', '加工厂，把马铃薯']]);
    // On one page a short phrase met again in another article is left alone.
    const onePage = source + '\n' + wedged.split('\n\n').slice(1).join('\n\n');
    expect(checkTexts([{ file: 'c.txt', text: onePage }], { only: ['dup_fragment'] })).toEqual([]);
  });

  it('on equal evidence, takes the copy off its article\'s topic for the splice', () => {
    // 多|个 across the splice's end edge speaks for it being the source; its topic speaks against.
    const source = '动物园新闻\n\n饲养员的心得\n\n本报讯 饲养员老周照顾大熊猫已有十年。他说，动物不会说话，我们就得多看多琢磨。每天早上，我们先看它们吃得怎么样，它们不会叫苦，说话做事都得轻一点。\n';
    const spliced = '乡村新闻\n\n山塘修好了\n\n本报讯 起初，有村民嫌修山塘花钱多，说花几十万元挖不会说话，我们就得多看多个洞，能顶啥用？今年夏天大旱，山塘蓄的水浇灌了八百亩稻田，村民这才服气。\n';
    const found = checkTexts([{ file: 'a.txt', text: source }, { file: 'b.txt', text: spliced }], { only: ['dup_fragment'] });
    expect(found.map((f) => [f.file, spliced.slice(f.start, f.end)])).toEqual([['b.txt', '不会说话，我们就得多看多']]);
  });

  it('takes a run whose removal rejoins a count (六百多[…]册) for the splice', () => {
    const source = '农业新闻\n\n果树管护到户\n\n本报讯 每棵果树都挂上了编号牌，写明了所属农户和管护责任人，村民们管护更用心了。\n';
    const spliced = '教育新闻\n\n图书室添新书\n\n本报讯 今年，乡中心小学图书室新增少儿科普读物六百多了所属农户和管护责册，孩子们课间常来借阅。\n';
    const found = checkTexts([{ file: 'a.txt', text: source }, { file: 'b.txt', text: spliced }], { only: ['dup_fragment'] });
    expect(found.map((f) => [f.file, spliced.slice(f.start, f.end)])).toEqual([['b.txt', '了所属农户和管护责']]);
  });

  it('takes no topic for evidence when the two copies differ in script: an office\'s name is written anew on each page', () => {
    const a = '旅游新闻\n\n古镇游人多\n\n本报讯 国庆期间，古镇接待游客八万人次。市文化和旅游局有关负责人介绍，文化和旅游融合让古镇更有看头，旅游收入同比增长两成。\n';
    const b = '城市新聞\n\n書房開到家門口\n\n本報訊 新建的城市書房很有講究。縣文化和旅遊局有關負責人表示，書房由志願者管理，週末還有讀書會。\n';
    expect(checkTexts([{ file: 'a.txt', text: a }, { file: 'b.txt', text: b }], { only: ['dup_fragment'] })).toEqual([]);
  });

  it('leaves the shortest runs two pages share by chance, though one stands wedged in a clause', () => {
    const a = '卫生新闻\n\n远程会诊\n\n本报讯 今年以来，县人民医院的远程会诊中心已接诊四百多人次。\n';
    const b = '乡镇新闻\n\n心电诊断\n\n本报讯 各乡镇卫生院做的心电图实时传到县人民医院的远程诊断平台。\n';
    expect(checkTexts([{ file: 'a.txt', text: a }, { file: 'b.txt', text: b }], { only: ['dup_fragment'] })).toEqual([]);
  });

  it('leaves a term or a date two pages share by chance, wherever it stands', () => {
    const a = '健康新闻\n\n胸痛中心\n\n本报讯 胸痛中心今年救治急性心肌梗死患者，平均救治时间缩短到一小时。\n';
    const b = '乡镇新闻\n\n远程心电\n\n本报讯 各乡镇卫生院发现并及时转诊急性心肌梗死患者九人，挽救了生命。\n';
    expect(checkTexts([{ file: 'a.txt', text: a }, { file: 'b.txt', text: b }], { only: ['dup_fragment'] })).toEqual([]);
  });

  it('leaves a set phrase met in the other script on another page: it was written there anew', () => {
    const simplified = '社区新闻\n\n创建工作\n\n本报讯 各社区坚持把群众的需要，对美好生活的向往，作为工作的出发点。\n';
    const traditional = '城市新聞\n\n創建文明城市\n\n本報訊 全市上下把人民群眾對美好生活的向往作為創建工作的出發點。\n';
    expect(checkTexts([{ file: 'a.txt', text: simplified }, { file: 'b.txt', text: traditional }], { only: ['dup_fragment'] })).toEqual([]);
  });

  it('cleans a page: text fixes, the cut paragraph joined, the caption moved out of the running text', () => {
    const [clean] = cleanTexts([{ file: 'a.txt', text: FEATURE }]);
    expect(clean).toContain('今年以来，新区推出一系列便民举措，受到居民普遍欢迎。全区42个社区完成改造');
    expect(clean).toContain('新区还将推进老旧小区改造');
    expect(clean!.indexOf('新建成的社区文化广场。')).toBeGreaterThan(clean!.indexOf('让群众住得更舒心'));
    expect(clean).toContain('本报记者 赵 林');
  });

  it('leaves a clean page exactly as it was', () => {
    const page = '秋粮喜获丰收\n\n本报记者 钱 进\n\n今年全县粮食总产量达到52万吨，创历史新高。\n\n农民们说：“今年的收成真好。”\n';
    expect(cleanTexts([{ file: 'c.txt', text: page }])).toEqual([page]);
  });
});

describe('qinggao check and clean', () => {
  it('prints findings as JSON with the file as given, and a readable report with line and column', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'page.txt');
    fs.writeFileSync(file, FEATURE);
    const json = runCli(['check', file, '--json']);
    expect(json.code).toBe(0);
    const findings = JSON.parse(json.stdout) as CheckFinding[];
    expect(findings.length).toBeGreaterThan(3);
    expect(Object.keys(findings[0]!).sort()).toEqual(['confidence', 'end', 'file', 'fix', 'message', 'start', 'type']);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set([file]));

    const human = runCli(['check', file, '--only', 'halfwidth_punct']);
    expect(human.stdout).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:5  halfwidth_punct`));
    expect(runCli(['check', file, '--only', 'typo']).code).toBe(2);
  });

  it('checks a folder of sample pages, and cleans them into another folder without overwriting', () => {
    const out = path.join(makeTempDir(), 'clean');
    const folder = path.dirname(SEED_FILES[0]!);
    const check = runCli(['check', folder, '--json']);
    expect(check.code).toBe(0);
    const findings = JSON.parse(check.stdout) as CheckFinding[];
    expect(new Set(findings.map((f) => path.basename(f.file)))).toEqual(new Set(SEED_FILES.map((f) => path.basename(f))));

    const first = runCli(['clean', folder, '--out', out]);
    expect(first.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(SEED_FILES.map((f) => path.basename(f)).sort());
    const page002 = fs.readFileSync(path.join(out, path.basename(SEED_FILES[2]!)), 'utf8');
    expect(page002).not.toMatch(/[\u4e00-\u9fff],[\u4e00-\u9fff]/);
    expect(runCli(['clean', folder, '--out', out]).code).toBe(1);
    expect(runCli(['clean', folder, '--out', out, '--force']).code).toBe(0);
  });
});
