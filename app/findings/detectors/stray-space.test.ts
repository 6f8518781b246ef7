import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockClass } from '../../segment/types.js';
import type { TextContext, TextFinding } from '../types.js';
import { detectStraySpace } from './stray-space.js';

const body: TextContext = { cls: 'body', script: 'unknown' };

function run(text: string, context: TextContext = body): TextFinding[] {
  return detectStraySpace(text, context);
}

function fixed(text: string, findings: TextFinding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, f.start) + (f.replacements[0] ?? '') + out.slice(f.end);
  }
  return out;
}

describe('stray_space: flags spaces inside Chinese text', () => {
  it('removes spaces around numbers in a sentence (simplified)', () => {
    const text = '每天都在全市 284 个村屯发生，连续多年将 75% 以上的财政支出用于民生。';
    const f = run(text);
    expect(f).toHaveLength(4);
    expect(fixed(text, f)).toBe('每天都在全市284个村屯发生，连续多年将75%以上的财政支出用于民生。');
    for (const x of f) {
      expect(x.kind).toBe('stray_space');
      expect(x.replacements).toEqual(['']);
      expect(x.confidence).toBeGreaterThanOrEqual(0.85);
      expect(x.message.zh).toContain('空格');
      expect(x.message.en).toContain('space');
    }
  });

  it('removes spaces around numbers (traditional) and a one-sided one', () => {
    const text = '全縣 22 個社區網格員參與，新建“四好農村路”707 公里。';
    expect(fixed(text, run(text))).toBe('全縣22個社區網格員參與，新建“四好農村路”707公里。');
  });

  it('removes spaces between Chinese characters and next to full-width punctuation', () => {
    const text = '营口市 委书记表示， 要加快 发展。';
    expect(fixed(text, run(text))).toBe('营口市委书记表示，要加快发展。');
  });

  it('removes ideographic spaces, NBSP and runs of spaces', () => {
    const text = '今年\u3000以来，全市\u00A0上下  齐心协力。';
    const f = run(text);
    expect(f).toHaveLength(3);
    expect(fixed(text, f)).toBe('今年以来，全市上下齐心协力。');
    expect(f[2]!.end - f[2]!.start).toBe(2);
  });

  it('flags web-style spacing around an acronym with lower confidence', () => {
    const text = '不断健全“指尖大洼”APP 功能，做到有求必应。';
    const f = run(text);
    expect(f).toHaveLength(1);
    expect(f[0]!.confidence).toBeLessThan(0.85);
  });

  it('reports offsets into a multi-line block', () => {
    const text = '本报记者 王 刚\r\n全市 284 个村屯。';
    const f = run(text);
    expect(f.map((x) => text.slice(x.start - 2, x.end + 3))).toEqual(['全市 284', '84 个村屯']);
  });

  it('flags a space after a formula-like number with lower confidence', () => {
    const f = run('推行“1+1 双联双带”机制，成效明显。');
    expect(f).toHaveLength(1);
    expect(f[0]!.confidence).toBeLessThan(0.7);
  });
});

describe('stray_space: keeps typographic spaces', () => {
  it('keeps spaced names in bylines and credits, in any class', () => {
    for (const text of ['本报记者 王 刚', '林 松 摄', '卜冠男 苑津玮 文 毕鹏懿 摄', '袁英 本报记者 刘立彬', '本報特約記者 張繼馳 攝', '于沫 王馨羽 本报记者 徐鑫']) {
      expect(run(text), text).toEqual([]);
      expect(run(text, { cls: 'byline', script: 'unknown' }), text).toEqual([]);
      expect(run(text, { cls: 'credit', script: 'unknown' }), text).toEqual([]);
    }
  });

  it('keeps a byline or credit run into the end of a paragraph or caption', () => {
    expect(run('情景式党课让现场干警深受感动，纷纷表示要发挥先锋作用。马健 本报记者 徐鑫')).toEqual([]);
    expect(run('服务更高效，社区工作人员正在为居民服务。 本报记者 徐鑫 摄')).toEqual([]);
    expect(run('志愿者在景区做公益服务，游客纷纷点赞。（本报记者 王刚 摄）')).toEqual([]);
  });

  it('keeps the phrase separator of titles', () => {
    expect(run('增进民生福祉 建设幸福家园', { cls: 'headline', script: 'unknown' })).toEqual([]);
    expect(run('全域展开 全员参与 全面提升', { cls: 'subhead', script: 'unknown' })).toEqual([]);
    expect(run('港城時訊 SHIXUN', { cls: 'section', script: 'unknown' })).toEqual([]);
    // Title-shaped lines keep their spaces even when the block was classed as body.
    expect(run('鎂都製衣免費加工 1萬件隔離衣')).toEqual([]);
    expect(run('### 启用“营口健康码” 数字防疫系统')).toEqual([]);
  });

  it('keeps the brief-opener formula and lead labels', () => {
    expect(run('本报讯 记者王刚报道 兴隆台区在争创工作中，想方设法解决问题。')).toEqual([]);
    expect(run('本報訊 12月15日，在營口的智慧養老服務平臺上，記者看到。')).toEqual([]);
    expect(run('本报讯（记者 王刚）全市上下齐心协力，推进工作。')).toEqual([]);
    expect(run('**核心提示** “环境是水，企业是鱼。”日前，当地引发热议。')).toEqual([]);
  });

  it('keeps spaces in Latin text, Markdown breaks, indentation and quoted slogans', () => {
    expect(run('The 3rd China Panjin Rural Revitalization Industry Expo')).toEqual([]);
    expect(run('未来，健康码将发挥积极作用。  ')).toEqual([]);
    expect(run('\u3000\u3000今年以来，全市上下齐心协力。')).toEqual([]);
    expect(run('常态化开展“情暖盘锦 志愿有我”主题活动。')).toEqual([]);
    // Quoted speech is no slogan: a space inside it is stray.
    const speech = '他说：“这些材料是替代不了的，一点都马 虎不得。”';
    expect(run(speech).map((f) => [f.start, f.end])).toEqual([[speech.indexOf(' '), speech.indexOf(' ') + 1]]);
    expect(run('他说，Made in China 已经成为历史。')).toEqual([]);
  });

  it('leaves spaces around an English word to latin_leak', () => {
    expect(run('要让群众感到一些柔性 and 温情在里面。')).toEqual([]);
    expect(run('全县开展争创宣传 work，效果明显。')).toEqual([]);
  });

  it('flags nothing in adverts', () => {
    expect(run('2021年9月20日-25日 中国·盘锦乡村振兴产业园展示中心', { cls: 'other', script: 'unknown' })).toEqual([]);
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

interface Hit {
  page: string;
  line: string;
  finding: TextFinding;
}

function seedHits(classify: boolean): Hit[] {
  const hits: Hit[] = [];
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const page = file.slice(0, 3);
    for (const line of readFileSync(join(SEEDS, file), 'utf8').split('\n')) {
      const cls = classify ? classOf(line) : 'body';
      for (const finding of run(line, { cls, script: 'unknown' })) hits.push({ page, line, finding });
    }
  }
  return hits;
}

/** The finding's span with three characters of context: "全市[ ]284". */
function shown(h: Hit): string {
  const { start, end } = h.finding;
  return `${h.line.slice(Math.max(0, start - 3), start)}[${h.line.slice(start, end)}]${h.line.slice(end, end + 3)}`;
}

/** Is there a finding right between `before` and `after` on the page? */
function flaggedBetween(hits: Hit[], page: string, before: string, after: string): boolean {
  return hits.some(
    (h) =>
      h.page === page &&
      h.line.slice(0, h.finding.start).endsWith(before) &&
      h.line.slice(h.finding.end).startsWith(after),
  );
}

describe('stray_space on the sample pages', () => {
  const hits = seedHits(true);

  it('flags the spaces around numbers on page 004', () => {
    expect(flaggedBetween(hits, '004', '每天都在全市', '284 个村屯')).toBe(true);
    expect(flaggedBetween(hits, '004', '全市 284', '个村屯')).toBe(true);
    expect(flaggedBetween(hits, '004', '《盘锦市', '2022 年')).toBe(true);
    expect(flaggedBetween(hits, '004', '“四好农村路”707', '公里')).toBe(true);
    expect(flaggedBetween(hits, '004', '自', '7 月初以来')).toBe(true);
    expect(hits.filter((h) => h.page === '004').length).toBeGreaterThan(50);
  });

  it('keeps bylines, credits, titles, formulas and the English banner', () => {
    const flaggedLines = new Set(hits.map((h) => h.line));
    for (const line of [
      '本报记者 王 刚',
      '林 松 摄',
      '潘 浩 摄',
      '全域展开 全员参与 全面提升',
      '袁英 本报记者 刘立彬',
      '卜冠男 苑津玮 文 毕鹏懿 摄',
      '增進民生福祉 建設幸福家園 營口以創城為抓手提升品質與活力',
      '港城時訊 SHIXUN',
      'The 3rd China Panjin Rural Revitalization Industry Expo',
    ]) {
      expect(flaggedLines.has(line), line).toBe(false);
    }
    for (const h of hits) {
      const shownHit = shown(h);
      expect(shownHit).not.toMatch(/本[报報][讯訊]\[/u);
      expect(shownHit).not.toMatch(/报道\[/u);
      expect(h.line).not.toMatch(/^(?:\*\*核心提示|#)/u);
    }
    expect(flaggedBetween(hits, '004', '柔性', 'and 温情')).toBe(false); // latin_leak's
    expect(flaggedBetween(hits, '004', '情暖盘锦', '志愿有我')).toBe(false); // a quoted slogan
    expect(flaggedBetween(hits, '004', '本报记者 王', '刚')).toBe(false);
  });

  it('flags only the spaced numbers on 004 and the "1+1 " formula on 001, even with every line taken as body', () => {
    const all = seedHits(false);
    const pages = new Map<string, number>();
    for (const h of all) pages.set(h.page, (pages.get(h.page) ?? 0) + 1);
    expect(pages.get('000') ?? 0).toBe(0);
    expect(pages.get('002') ?? 0).toBe(0);
    expect(pages.get('003') ?? 0).toBe(0);
    const on001 = all.filter((h) => h.page === '001');
    expect(on001.map(shown)).toEqual(['1+1[ ]双联双']);
    for (const h of all.filter((x) => x.page === '004')) {
      const around = h.line.slice(h.finding.start - 1, h.finding.end + 1);
      expect(around).toMatch(/\d|[%A-Z]/u);
    }
  });
});
