import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockClass } from '../../segment/types.js';
import type { TextContext, TextFinding } from '../types.js';
import { detectLatinLeak } from './latin-leak.js';

const body: TextContext = { cls: 'body', script: 'unknown' };

function run(text: string, context: TextContext = body): TextFinding[] {
  return detectLatinLeak(text, context);
}

function fixed(text: string, findings: TextFinding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, f.start) + (f.replacements[0] ?? text.slice(f.start, f.end)) + out.slice(f.end);
  }
  return out;
}

describe('latin_leak: flags English words inside Chinese sentences', () => {
  it('replaces a function word and absorbs the spaces around it', () => {
    const text = '执法要让群众感到一些柔性 and 温情在里面。';
    const f = run(text);
    expect(f).toHaveLength(1);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe(' and ');
    expect(f[0]!.replacements).toEqual(['和']);
    expect(f[0]!.kind).toBe('latin_leak');
    expect(f[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(f[0]!.message.zh).toContain('and');
    expect(f[0]!.message.en).toContain('English');
    expect(fixed(text, f)).toBe('执法要让群众感到一些柔性和温情在里面。');
  });

  it('replaces a frequent noun before full-width punctuation', () => {
    const text = '全县近千名志愿者开展宣传 work，成效明显。';
    const f = run(text);
    expect(f).toHaveLength(1);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe(' work');
    expect(fixed(text, f)).toBe('全县近千名志愿者开展宣传工作，成效明显。');
  });

  it('deletes "the" and glued words too', () => {
    expect(fixed('这是the关键所在。', run('这是the关键所在。'))).toBe('这是关键所在。');
    expect(fixed('这是 the 关键所在。', run('这是 the 关键所在。'))).toBe('这是关键所在。');
    expect(fixed('城市with乡村共同发展', run('城市with乡村共同发展'))).toBe('城市与乡村共同发展');
  });

  it('knows plurals of the words it knows, and a word next to the figure counting the Chinese', () => {
    const text = '港区附近的residents也反映，学校目前有 students31名。';
    expect(fixed(text, run(text))).toBe('港区附近的居民也反映，学校目前有学生31名。');
    const seniors = '附近几个村的seniors早早就到了。';
    expect(fixed(seniors, run(seniors))).toBe('附近几个村的老人早早就到了。');
    const trad = '常逸凡是 volunteers 之一。';
    expect(fixed(trad, run(trad, { cls: 'body', script: 'traditional' }))).toBe('常逸凡是志願者之一。');
  });

  it('suggests traditional Chinese in traditional text', () => {
    const text = '積極推動 development 進程，政府 and 企業攜手。';
    expect(fixed(text, run(text))).toBe('積極推動發展進程，政府和企業攜手。');
    const given = run('城市 with 鄉村', { cls: 'body', script: 'traditional' });
    expect(given[0]!.replacements).toEqual(['與']);
  });

  it('flags an unknown English word without a fix, with lower confidence', () => {
    const text = '大家 hurry 一起来参加活动。';
    const f = run(text);
    expect(f).toHaveLength(1);
    expect(f[0]!.replacements).toEqual([]);
    expect(f[0]!.confidence).toBeLessThan(0.9);
  });

  it('flags a function word between an alphanumeric token and Chinese with low confidence', () => {
    const f = run('推进5G and 宽带网络建设。');
    expect(f).toHaveLength(1);
    expect(f[0]!.replacements).toEqual(['和']);
    expect(f[0]!.confidence).toBeLessThan(0.7);
  });
});

describe('latin_leak: leaves normal Latin tokens alone', () => {
  it('does not flag acronyms, alphanumerics, single letters, units and loanwords', () => {
    for (const text of [
      '全市PM2.5平均濃度改善11.9%。',
      '啟動“5G+工業互聯網”項目庫計劃。',
      '制成了MV推出，浸潤全城。',
      '不断健全“指尖大洼”APP 功能。',
      '涵盖养老门户网站、e卡通等16个子系统。',
      '今年GDP增长6.5%，CPU国产化率提高。',
      '全域覆盖Wi-Fi 网络，市民免费上网。',
      '每隔 5 km 设置一个站点，重10kg。',
      '他每天拍摄vlog记录生活，设计了新logo。',
      '他購買了iPhone手機。',
    ]) {
      expect(run(text), text).toEqual([]);
    }
  });

  it('does not flag romanised banners, capitalised names, English lines and phrases', () => {
    expect(run('港城时讯 SHIXUN', { cls: 'section', script: 'unknown' })).toEqual([]);
    expect(run('图说 tushuo', { cls: 'section', script: 'unknown' })).toEqual([]);
    expect(run('港城時訊 SHIXUN')).toEqual([]);
    expect(run('The 3rd China Panjin Rural Revitalization Industry Expo')).toEqual([]);
    expect(run('第三届中国·盘锦乡村振兴产业博览会 The 3rd China Panjin Rural Revitalization Industry Expo')).toEqual([]);
    expect(run('来自 Panjin 的客人参观了展会。')).toEqual([]);
    expect(run('他说，Made in China 已经成为历史，这是新的起点。')).toEqual([]);
  });

  it('does not flag quoted terms, URLs and e-mail addresses', () => {
    expect(run('系统进入“smart”模式，运行稳定。')).toEqual([]);
    expect(run('详见 www.example.com/news/index 了解更多。')).toEqual([]);
    expect(run('来信请寄 editor@example.com 邮箱。')).toEqual([]);
  });

  it('does not flag names in bylines and credits, and only sure function words in adverts', () => {
    expect(run('本报记者 Li Ming', { cls: 'byline', script: 'unknown' })).toEqual([]);
    expect(run('欢迎参观 welcome 展区', { cls: 'other', script: 'unknown' })).toEqual([]);
    const advert = run('产业 and 农业', { cls: 'other', script: 'unknown' });
    expect(advert).toHaveLength(1);
    expect(advert[0]!.confidence).toBeLessThan(0.8);
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

describe('latin_leak on the sample pages', () => {
  const hits: { page: string; line: string; finding: TextFinding }[] = [];
  const bodyHits: typeof hits = [];
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const page = file.slice(0, 3);
    for (const line of readFileSync(join(SEEDS, file), 'utf8').split('\n')) {
      for (const finding of run(line, { cls: classOf(line), script: 'unknown' })) hits.push({ page, line, finding });
      for (const finding of run(line, body)) bodyHits.push({ page, line, finding });
    }
  }

  it('finds exactly the two leaks on page 004, with their fixes', () => {
    const found = hits.map((h) => [h.page, h.line.slice(h.finding.start, h.finding.end), h.finding.replacements[0]]);
    expect(found).toEqual([
      ['004', ' and ', '和'],
      ['004', ' work', '工作'],
    ]);
  });

  it('flags nothing else even with every line taken as body (PM2.5, MV, 5G+, APP, e卡通, SHIXUN, the Expo line)', () => {
    expect(bodyHits.map((h) => h.line.slice(h.finding.start, h.finding.end))).toEqual([' and ', ' work']);
  });
});
