import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockClass } from '../../segment/types.js';
import type { TextContext, TextFinding } from '../types.js';
import { detectDupAdjacent } from './dup-adjacent.js';

const body: TextContext = { cls: 'body', script: 'unknown' };

/** Findings an editor is shown by default. */
const SURE = 0.5;

function run(text: string, context: TextContext = body): TextFinding[] {
  return detectDupAdjacent(text, context);
}

function sure(text: string): TextFinding[] {
  return run(text).filter((f) => f.confidence >= SURE);
}

function fixed(text: string, findings: TextFinding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, f.start) + (f.replacements[0] ?? '') + out.slice(f.end);
  }
  return out;
}

describe('dup_adjacent: doubled words', () => {
  it('flags a doubled two-character word and deletes the second copy', () => {
    const text = '“促产促销”专项行动中，“促产促销促产促销”活动开展以来成效明显。';
    const f = run(text);
    expect(f).toHaveLength(1);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe('促产促销');
    expect(f[0]!.start).toBe(text.indexOf('促产促销促产促销') + 4);
    expect(f[0]!.replacements).toEqual(['']);
    expect(f[0]!.kind).toBe('dup_adjacent');
    expect(f[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(f[0]!.message.zh).toContain('重复');
    expect(f[0]!.message.en).toContain('Doubled');
  });

  it('flags doubled place names (simplified and traditional)', () => {
    expect(fixed('在东城区东城区幸福小区，居民生活便利。', run('在东城区东城区幸福小区，居民生活便利。'))).toBe(
      '在东城区幸福小区，居民生活便利。',
    );
    expect(fixed('南港鎮南港鎮政府組織開展活動。', run('南港鎮南港鎮政府組織開展活動。'))).toBe('南港鎮政府組織開展活動。');
  });

  it('gives verb reduplication (研究研究) a low confidence', () => {
    const f = run('这件事我们要好好研究研究再决定。');
    expect(f).toHaveLength(1);
    expect(f[0]!.confidence).toBeLessThan(SURE);
    expect(run('大家一起讨论讨论方案。')[0]!.confidence).toBeLessThan(SURE);
  });

  it('does not flag 一X一X progression', () => {
    expect(run('他一步一步走向成功，一点一点积累经验。')).toEqual([]);
  });
});

describe('dup_adjacent: doubled characters', () => {
  it('flags a doubled character where the single form makes the word (simplified)', () => {
    const a = '驻村干部吃住住在村里，组织排查返乡人员。';
    expect(fixed(a, sure(a))).toBe('驻村干部吃住在村里，组织排查返乡人员。');
    const b = '全省率先开展设备更新新补贴工作。';
    expect(fixed(b, sure(b))).toBe('全省率先开展设备更新补贴工作。');
    expect(sure(b)[0]!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('flags a doubled character (traditional)', () => {
    const a = '幹部吃住住在村裡，帶頭值守。';
    expect(fixed(a, sure(a))).toBe('幹部吃住在村裡，帶頭值守。');
    const b = '開展設備更新新補貼工作。';
    expect(fixed(b, sure(b))).toBe('開展設備更新補貼工作。');
  });

  it('flags doubled function words and a doubled measure word after a numeral', () => {
    expect(fixed('这是我的的书包。', sure('这是我的的书包。'))).toBe('这是我的书包。');
    expect(fixed('我们在在家里办公。', sure('我们在在家里办公。'))).toBe('我们在家里办公。');
    expect(fixed('这件件事情办得好。', sure('这件件事情办得好。'))).toBe('这件事情办得好。');
    expect(fixed('他们们都来了，大家很高兴。', sure('他们们都来了，大家很高兴。'))).toBe('他们都来了，大家很高兴。');
  });

  it('flags a doubled character right after 一XX reduplication (一座座新新建)', () => {
    const text = '开发区里，一座座新新建厂房拔地而起。';
    expect(fixed(text, sure(text))).toBe('开发区里，一座座新建厂房拔地而起。');
    // BBAA proper stays: 吃吃喝喝 has no 一 before it.
    expect(run('日子不在于吃吃喝喝。')).toEqual([]);
  });

  it('flags a unit noun doubled before a word that is not its member or organ (个班|班级, 院|院子)', () => {
    const text = '共开设二十八个班班级，报名学员一千余人。';
    expect(fixed(text, sure(text))).toBe('共开设二十八个班级，报名学员一千余人。');
    const yard = '村委会院院子里摆开一张长桌。';
    expect(fixed(yard, sure(yard))).toBe('村委会院子里摆开一张长桌。');
    // After 个 even a member word is suspect, though 每个村|村民 is not unheard of: weakly.
    const [weak] = run('每个村村民都参与了评议。');
    expect(weak?.confidence).toBeLessThan(0.6);
  });

  it('leaves tentative and vivid reduplication of verbs and adjectives alone', () => {
    for (const s of ['周末想在家陪陪孩子。', '到公园走走，聊聊天。']) expect(run(s), s).toEqual([]);
  });

  it('flags a verb doubled before its complement even without a word before it', () => {
    const text = '她住住在那里已经十年了。';
    expect(fixed(text, sure(text))).toBe('她住在那里已经十年了。');
  });

  it('does not flag reduplication: dictionary words, AABB, 一XX, ABB/AAB, classifiers', () => {
    const sentences = [
      '一项项具体而微的利民举措接连而至，一个个改变呈现，一座座新楼拔地而起。',
      '网格员把家家户户的情况摸得清清楚楚，用点点滴滴的小治理形成大气象。',
      '全市轰轰烈烈地开展行动，如同涓涓细流汇入滔滔江河。',
      '天刚蒙蒙亮，她端着热腾腾的饺子，还有热气腾腾的汤。',
      '你去看看，试试这个办法，常常天天这样做。',
      '人人都受益，事事有人管，处处有典型，时时刻刻严格要求自己。',
      '不在于吃吃喝喝，平平安安才是最重要的。',
      '层层压实责任，步步推进工作，谢谢大家。',
      '两声“爸爸”让他泪流满面，妈妈望着星星。',
      '天色渐渐暗下来，他默默地、悄悄地走了，大家纷纷匆匆赶来。',
      '全面振兴久久为功，村民连连称赞。',
      '这的的确确是一件好事，任务件件落实，年年有余。',
      '每年投入1000余万元，新增2,000个岗位。',
    ];
    for (const s of sentences) expect(run(s), s).toEqual([]);
  });

  it('does not flag reduplication in traditional script', () => {
    for (const s of ['一項項具體而微的利民舉措，一個個可感可觸的生活改變一一呈現。', '處處有人巡，事事有人管，全面振興久久為功。']) {
      expect(run(s), s).toEqual([]);
    }
  });

  it('takes the numeral of a weekday for a day, not a count: the character after it can be doubled', () => {
    const text = '每逢周五放放学和周日返校，公交车都会加开班次。';
    expect(run(text).map((f) => text.slice(f.start, f.end))).toEqual(['放']);
    expect(run('每逢星期五放放学，家长都来接孩子。').map((f) => f.start)).toEqual([6]);
    // After a count the first copy is a measure word: 7站|站长.
    expect(run('他是采油作业三区7站站长。')).toEqual([]);
  });

  it('does not flag two words that merely meet', () => {
    for (const s of [
      '明确重点点位和督查内容。',
      '如何让防疫疫情的声音传达到每户群众。',
      '有了康健健身、儿童活动等功能。',
      '主要体现在工作作风不实等方面。',
      '大石桥市营商环境建设局局长介绍情况。',
      '社会工作部部长告诉记者。',
      '他是采油作业三区7站站长。',
      '八道河村村干部在村口守卡点。',
      '村民兵连连长韩桥德坚守卡点。',
      '安装到面包车车顶上。',
      '为了了解情况，他现在在家办公。',
      '这是他们具体体现，切实实现协调调拨。',
      '成功完成1例例外科手术。',
      '某某银行行长出席会议。',
      '初二三班班长代表发言。',
      '县交通运输局农村公路股股长介绍情况。',
      '村民在用石磨磨豆浆。',
    ]) {
      expect(sure(s), s).toEqual([]);
    }
  });

  it('leaves numerals in written numbers, V着V着, rarer reduplicated words and office names after a place level alone', () => {
    for (const s of [
      '那是二〇〇二年，电台做了一档方言节目。',
      '她在旁边看，看着看着就会了。',
      '上了年紀犯糊塗，理著理著就要起身。',
      '摊位一字排开，油锅滋滋作响。',
      '只能靠女儿用毛巾擦擦身子。',
      '还顺便帮老人量量血压、打扫屋子。',
      '类似的服务点，市市场监管局每年都检查。',
      '梅湾市市场监管局派人到场。',
      '嶺門村村史館裡陳列的老物件。',
      '縣消防救援大隊大隊長柯志強說。',
      '是一個個觀測站一分鐘一分鐘攢下來的數據。',
      '柴油机一开突突突直冒黑烟。',
      '十多年来，每天天不亮，她就出门了。',
      '看见田里的鱼扑腾扑腾地跳。',
      '心里那个慌哟，扑通扑通直跳。',
      '一脚踩下去嘎吱嘎吱响。',
    ]) {
      expect(run(s), s).toEqual([]);
    }
    // 一X一X with a measure is progression; a prize named with 一 doubled is a slip.
    expect(sure('获得高中组一等奖一等奖。')).toHaveLength(1);
    // A doubled verb whose pair is no word before a word it opens is still a slip.
    expect(sure('遵循原则，保保留了古桥的风貌。')).toHaveLength(1);
  });

  it('leaves a word ending in 在, 的 or 了 followed by the same character opening a phrase, whatever the confidence', () => {
    for (const s of ['以前要去镇上，现在在村里就能做。', '為了了解情況，現在在家辦公。']) expect(run(s), s).toEqual([]);
  });

  it('judges a character doubled right after punctuation: a slip unless the pair is a word', () => {
    const text = '遵循“最小干预”原则，保保留了古桥的历史风貌。';
    expect(sure(text).map((f) => text.slice(f.start, f.end))).toEqual(['保']);
    expect(fixed(text, sure(text))).toBe('遵循“最小干预”原则，保留了古桥的历史风貌。');
    for (const s of ['周密部署安排,层层压实责任。', '春天到了，青青的麦苗长势喜人。']) expect(sure(s), s).toEqual([]);
  });

  it('does not judge a doubled character cut off by a line break', () => {
    // "饮用\n水水源地": the word before the first copy is on the previous line.
    expect(run('集中式饮用\n水水源地水质达标率达100%。')).toEqual([]);
  });

  it('lets interjections repeat, and trims other triples', () => {
    expect(run('哈哈哈，太好了！')).toEqual([]);
    const f = run('他说说说个不停。');
    expect(f.length).toBeGreaterThan(0);
  });
});

// --- The five sample pages -------------------------------------------------------------------

const SEEDS = join(process.cwd(), 'seeds');

function classOf(line: string): BlockClass {
  const t = line.trim();
  if (/^#{1,6}\s/u.test(t)) return /时讯|時訊|图说|圖說|SHIXUN|TUSHUO/u.test(t) ? 'section' : 'headline';
  if (/^[\p{Script=Han}·]{2,8}\s*[A-Z]{2,}$/u.test(t)) return 'section';
  if (/(?:摄|攝|提供)$/u.test(t) && t.length <= 30) return 'credit';
  if (/[记記]者/u.test(t) && t.length <= 30 && !/[，。,]/u.test(t)) return 'byline';
  if (/^本[报報][讯訊]/u.test(t)) return 'brief_opener';
  if (t.length <= 48 && !/[。，,；;]/u.test(t)) return 'headline';
  return 'body';
}

describe('dup_adjacent on the sample pages', () => {
  const hits: { page: string; line: string; finding: TextFinding }[] = [];
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const page = file.slice(0, 3);
    for (const line of readFileSync(join(SEEDS, file), 'utf8').split('\n')) {
      for (const finding of run(line, { cls: classOf(line), script: 'unknown' })) hits.push({ page, line, finding });
    }
  }
  const shown = hits.map((h) => {
    const { start, end } = h.finding;
    return `${h.page} ${h.line.slice(start - 2, start)}[${h.line.slice(start, end)}]${h.line.slice(end, end + 2)}`;
  });

  it('finds the four known doublings, each with the extra copy as its span', () => {
    expect(shown).toContain('000 更新[新]补贴');
    expect(shown).toContain('001 双促[双促]”专');
    expect(shown).toContain('001 市区[西市区]天元');
    expect(shown).toContain('003 吃住[住]在村');
    for (const h of hits) expect(h.finding.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('flags nothing else: reduplication and words that meet are left alone', () => {
    expect(shown).toHaveLength(4);
  });
});
