import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptVerdict } from '../script/index.js';
import type { BlockClass } from '../../segment/types.js';
import type { ScriptVerdict } from '../types.js';
import { detectCharError } from './char-error.js';
import { confusableWith, confusionSize } from './lexicon/confusions.js';

const SEEDS = join(import.meta.dirname, '../../../seeds');
const seed = (prefix: string) => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return readFileSync(join(SEEDS, name), 'utf8');
};

const detect = (text: string, script: ScriptVerdict = 'simplified', cls: BlockClass = 'body') =>
  detectCharError(text, { cls, script });

/** [the flagged character, the suggested one] for each finding. */
const fixes = (text: string, script: ScriptVerdict = 'simplified') =>
  detect(text, script).map((f) => [text.slice(f.start, f.end), f.replacements[0]]);

describe('confusion set', () => {
  it('pairs look-alikes both ways, in both scripts', () => {
    expect(confusionSize()).toBeGreaterThan(400);
    expect(confusableWith('己').map((c) => c.char)).toEqual(expect.arrayContaining(['已', '巳']));
    expect(confusableWith('已').map((c) => c.char)).toContain('己');
    expect(confusableWith('感').map((c) => c.char)).toContain('惑');
    expect(confusableWith('问').find((c) => c.char === '间')?.level).toBe('near');
    expect(confusableWith('問').map((c) => c.char)).toContain('間');
    expect(confusableWith('錄').map((c) => c.char)).toContain('綠');
  });
});

describe('detectCharError on injected misreadings', () => {
  it.each([
    ['他己经离开了这座城市。', '己', '已'],
    ['认真解决群众反映的间题。', '间', '问'],
    ['加强末成年人思想道德建设。', '末', '未'],
    ['推进士地流转和规模经营。', '士', '土'],
    ['代表侯选人名单已经公布。', '侯', '候'],
    ['请拔打热线电话咨询。', '拔', '拨'],
    ['上级下达了命今。', '今', '令'],
    ['要管好自已的家人。', '已', '己'],
    ['景区对老人实行兔费参观。', '兔', '免'],
    ['依法折除违法建筑。', '折', '拆'],
    ['组织千部群众开展义务植树。', '千', '干'],
    ['双方展开激烈的辨论。', '辨', '辩'],
    ['这是一个很重要的问颗。', '颗', '题'],
    ['老人的身休越来越好了。', '休', '体'],
    ['确保各项工作落到实外。', '外', '处'],
  ])('%s', (text, wrong, right) => {
    const fs = detect(text);
    expect(fs).toHaveLength(1);
    const f = fs[0]!;
    expect(f.kind).toBe('char_error');
    expect(text.slice(f.start, f.end)).toBe(wrong);
    expect(f.replacements[0]).toBe(right);
    expect(f.confidence).toBeGreaterThanOrEqual(0.3);
    expect(f.confidence).toBeLessThanOrEqual(0.8);
    expect(f.message.zh).toContain(`“${wrong}”应为“${right}”`);
    expect(f.message.en).toContain(`“${wrong}” should be “${right}”`);
  });

  it('works in traditional text, and suggests the traditional form', () => {
    expect(fixes('他己經離開了這座城市。', 'traditional')).toEqual([['己', '已']]);
    expect(fixes('認真解決群眾反映的間題。', 'traditional')).toEqual([['間', '問']]);
    expect(fixes('抓繁整改，不斷推動工作。', 'traditional')).toEqual([['繁', '緊']]);
    expect(fixes('代表侯選人名單已經公布。', 'traditional')).toEqual([['侯', '候']]);
    const [f] = detect('抓繁整改，不斷推動工作。', 'traditional');
    expect(f!.message.zh).toBe('疑似错字：“繁”应为“緊”（抓緊）');
  });

  it('takes a common stand-alone character into a word with a function word beside it only on strong evidence', () => {
    // 夭 alone beside 三: 三天 reads far better than 三|夭; 能|办 reads as well as 能力 (below).
    expect(fixes('施工前三夭在小区张贴通知。')).toEqual([['夭', '天']]);
  });

  it('finds the misreading among clean text', () => {
    const text = '今年以来，全市上下齐心协力，加强末成年人思想道德建设，取得了明显成效。';
    expect(fixes(text)).toEqual([['末', '未']]);
  });
});

describe('detectCharError on clean text', () => {
  it.each([
    '市委书记张建国主持召开常委会议，研究部署下一阶段重点工作。',
    '今年以来，全市新开工项目一百二十个，总投资三百亿元。',
    '他说：“只要大家齐心协力，就没有办不成的事。”',
    '居民王大妈告诉记者，小区改造以后，出门方便多了。',
    '学校组织师生开展“入脑入心”主题教育活动。',
    '我们要一手抓防控，一手抓发展，两手都要硬。',
    '这项工作既要治标，也要治本，做到标本兼治。',
    '村民们有说有笑，有声有色地排练节目。',
    '未来五年，该市将建成十个现代农业产业园。',
    '近日，记者从市交通运输局了解到，新建公路即将通车。',
    '各级干部要深入基层，倾听群众呼声，解决群众困难。',
    '他已经在这个岗位上干了二十多年。',
    '能办的马上办，不能办的要说明理由。',
    '要把好事办好，把实事办实。',
    '老人今年八十八岁，身体依然硬朗。',
    '截至目前，已累计发放补贴资金五千余万元。',
    '他把自己的积蓄全部捐给了村里的小学。',
    '營口市推進經濟發展，這裡的環境越來越好。',
    '码头上排队检修的渔船有八十多艘，工人们每天忙到天黑。',
    '六十二岁的监督员谭贵生干了一辈子泥瓦活。',
    '提供場地、創業培訓和貸款貼息等服務。',
  ])('%s', (text) => {
    expect(detect(text, scriptVerdict(text).verdict)).toEqual([]);
  });

  it('skips bylines and photo credits (names)', () => {
    expect(detect('他己经离开了这座城市。', 'simplified', 'byline')).toEqual([]);
    expect(detect('他己经离开了这座城市。', 'simplified', 'credit')).toEqual([]);
  });

  it('ignores text without Chinese characters', () => {
    expect(detect('SHIXUN 2021 PM2.5')).toEqual([]);
    expect(detect('')).toEqual([]);
  });
});

describe('detectCharError on the sample pages', () => {
  it('flags few places, mostly real misreadings', () => {
    const found: string[] = [];
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = seed(prefix);
      const verdict = scriptVerdict(text).verdict;
      for (const p of text.split(/\n+/)) {
        const script = verdict === 'mixed' ? scriptVerdict(p).verdict : verdict;
        for (const f of detect(p, script)) {
          found.push(`${prefix}:${p.slice(f.start - 2, f.start)}[${p.slice(f.start, f.end)}→${f.replacements[0]}]${p.slice(f.end, f.end + 2)}`);
        }
      }
    }
    // Real OCR misreadings, as judged by reading the pages: 解感 (解惑), 点几 (点儿), 抓繁 (抓紧).
    const real = ['003:医解[感→惑]渠道', '003:我点[几→儿]辣椒', '004:，抓[繁→紧]整改'];
    for (const r of real) expect(found).toContain(r);
    expect(found.length).toBeLessThanOrEqual(5);
    const precision = found.filter((f) => real.includes(f)).length / found.length;
    expect(precision).toBeGreaterThanOrEqual(0.7);
  });
});
