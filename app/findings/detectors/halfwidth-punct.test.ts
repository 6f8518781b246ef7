import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockClass } from '../../segment/types.js';
import type { TextContext, TextFinding } from '../types.js';
import { detectHalfwidthPunct } from './halfwidth-punct.js';

const body: TextContext = { cls: 'body', script: 'unknown' };

function run(text: string, context: TextContext = body): TextFinding[] {
  return detectHalfwidthPunct(text, context);
}

/** Applies every finding's first replacement. */
function fixed(text: string, findings: TextFinding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, f.start) + (f.replacements[0] ?? '') + out.slice(f.end);
  }
  return out;
}

describe('halfwidth_punct: flags ASCII punctuation in Chinese text', () => {
  it('converts commas, semicolons and exclamation marks between Chinese (simplified)', () => {
    const text = '全市上下统一思想,狠抓落实;大家齐心协力!';
    const f = run(text);
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual([',', ';', '!']);
    expect(fixed(text, f)).toBe('全市上下统一思想，狠抓落实；大家齐心协力！');
    for (const x of f) {
      expect(x.kind).toBe('halfwidth_punct');
      expect(x.end - x.start).toBe(1);
      expect(x.confidence).toBeGreaterThanOrEqual(0.9);
      expect(x.message.zh).toContain('半角');
      expect(x.message.en).toContain('Half-width');
    }
  });

  it('converts colon and question mark (traditional)', () => {
    const text = '市長表示:這項工作何時完成?我們拭目以待';
    expect(fixed(text, run(text))).toBe('市長表示：這項工作何時完成？我們拭目以待');
  });

  it('converts marks next to quotes and at the line end', () => {
    const text = '他喊道:“大家保护好自己!”随后离开,';
    expect(fixed(text, run(text))).toBe('他喊道：“大家保护好自己！”随后离开，');
  });

  it('converts a comma between a number and Chinese, and after a percentage', () => {
    const text = '产量达到100,其中复工率为80%,1516人签约';
    expect(fixed(text, run(text))).toBe('产量达到100，其中复工率为80%，1516人签约');
  });

  it('converts parentheses in pairs when content or surroundings are Chinese', () => {
    expect(fixed('各县(市)区', run('各县(市)区'))).toBe('各县（市）区');
    expect(fixed('《测评体系(2021年版)》', run('《测评体系(2021年版)》'))).toBe('《测评体系（2021年版）》');
    expect(fixed('國內生產總值(GDP)增長', run('國內生產總值(GDP)增長'))).toBe('國內生產總值（GDP）增長');
    expect(fixed('面向拟入(返）人员', run('面向拟入(返）人员'))).toBe('面向拟入（返）人员');
  });

  it('reports offsets into a multi-line block', () => {
    const text = '第一段,说明情况\n第二段;继续说明';
    const f = run(text);
    expect(f.map((x) => x.start)).toEqual([3, text.indexOf(';')]);
  });

  it('converts a run of marks character by character', () => {
    const text = '真的吗?!太好了';
    const f = run(text);
    expect(f).toHaveLength(2);
    expect(fixed(text, f)).toBe('真的吗？！太好了');
  });
});

describe('halfwidth_punct: leaves numbers, Latin text and URLs alone', () => {
  it('does not touch thousands separators, times, ratios or decimals', () => {
    for (const text of ['投资2,000万元建设', '会议于12:30开始', '男女比例为1:2左右', '增长0.5个百分点', '共1,000,000人次']) {
      expect(run(text), text).toEqual([]);
    }
  });

  it('does not touch English sentences and Latin tokens', () => {
    for (const text of [
      'Hello, world! How are you?',
      'The 3rd China Panjin Rural Revitalization Industry Expo (2021)',
      '启动“5G+工业互联网”项目',
      '全市PM2.5平均浓度改善11.9%',
      'Connect to Wi-Fi (wireless) first',
    ]) {
      expect(run(text), text).toEqual([]);
    }
  });

  it('does not touch URLs, e-mail addresses or Markdown link targets', () => {
    expect(run('详见https://www.example.com/a?b=1,c=2:3，欢迎访问')).toEqual([]);
    expect(run('联系邮箱info@example.com，欢迎来信')).toEqual([]);
    const md = '详见[公告](http://example.org/x(1))全文';
    expect(run(md)).toEqual([]);
  });

  it('does not flag full-width punctuation', () => {
    expect(run('全市上下，统一思想；狠抓落实！（完）')).toEqual([]);
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

function seedHits(): { hits: Hit[]; pages: Map<string, string[]> } {
  const hits: Hit[] = [];
  const pages = new Map<string, string[]>();
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const page = file.slice(0, 3);
    const lines = readFileSync(join(SEEDS, file), 'utf8').split('\n');
    pages.set(page, lines);
    for (const line of lines) {
      for (const finding of run(line, { cls: classOf(line), script: 'unknown' })) hits.push({ page, line, finding });
    }
  }
  return { hits, pages };
}

describe('halfwidth_punct on the sample pages', () => {
  const { hits, pages } = seedHits();

  it('catches every ASCII , ; ( ) ! ? : on page 002 and nothing inside numbers', () => {
    let marks = 0;
    for (const line of pages.get('002')!) marks += (line.match(/[,:;()!?]/gu) ?? []).length;
    const on002 = hits.filter((h) => h.page === '002');
    expect(marks).toBeGreaterThan(200);
    expect(on002).toHaveLength(marks);
    for (const h of on002) {
      const ch = h.line.slice(h.finding.start, h.finding.end);
      expect(ch).toMatch(/^[,:;()!?]$/u);
      expect(h.finding.replacements[0]).toMatch(/^[，：；（）！？]$/u);
    }
    // A known sentence: "2021年以来,盘锦全市上下…" keeps 2021年 and fixes the comma.
    const lead = on002.filter((h) => h.line.startsWith('2021年以来,盘锦全市上下'));
    expect(lead.length).toBeGreaterThan(5);
    expect(lead[0]!.finding.start).toBe('2021年以来'.length);
    expect(on002.some((h) => h.line.includes('(2021年版)') && h.line[h.finding.start] === '(')).toBe(true);
  });

  it('catches the ASCII marks on page 003, including colons and question marks', () => {
    const on003 = hits.filter((h) => h.page === '003');
    let marks = 0;
    for (const line of pages.get('003')!) marks += (line.match(/[,:;()!?]/gu) ?? []).length;
    expect(on003).toHaveLength(marks);
    expect(on003.some((h) => h.line.includes('承诺:疫情期间') && h.line[h.finding.start] === ':')).toBe(true);
    expect(on003.some((h) => h.line.includes('80%,1516人'))).toBe(true);
  });

  it('flags nothing on the pages typeset with full-width punctuation (000, 001, 004)', () => {
    expect(hits.filter((h) => ['000', '001', '004'].includes(h.page))).toEqual([]);
  });

  it('never flags a character inside a number', () => {
    for (const h of hits) {
      const before = h.line[h.finding.start - 1] ?? '';
      const after = h.line[h.finding.end] ?? '';
      const ch = h.line[h.finding.start];
      if (ch === ',' && /\d/u.test(before) && /^\d{3}(?!\d)/u.test(h.line.slice(h.finding.end))) {
        throw new Error(`thousands separator flagged: ${h.line}`);
      }
      if (ch === ':') expect(/\d/u.test(before) && /\d/u.test(after)).toBe(false);
    }
  });
});
