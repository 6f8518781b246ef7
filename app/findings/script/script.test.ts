import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  convertScript,
  countScript,
  dominantScript,
  isDistinctlySimplified,
  isDistinctlyTraditional,
  scriptVerdict,
  simplifiedAlternatives,
  toSimplified,
  toTraditional,
  traditionalAlternatives,
  traditionalLocaleOf,
} from './index.js';
import { isHan, lexicon, segment } from './lexicon.js';

const SEEDS = join(import.meta.dirname, '../../../seeds');
const seed = (prefix: string) => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return readFileSync(join(SEEDS, name), 'utf8');
};

describe('distinctive characters', () => {
  it('counts simplified-only characters as simplified', () => {
    for (const c of '发营这经济头') expect(isDistinctlySimplified(c), c).toBe(true);
  });

  it('counts traditional-only characters as traditional, regional forms included', () => {
    for (const c of '發營這經濟頭裡綫衞爲') expect(isDistinctlyTraditional(c), c).toBe(true);
  });

  it('does not count characters both scripts use', () => {
    // Shared characters, and one-to-many ones valid in both scripts.
    for (const c of '口市的人后干里面台着著乾吃么') {
      expect(isDistinctlySimplified(c), c).toBe(false);
      expect(isDistinctlyTraditional(c), c).toBe(false);
    }
  });
});

describe('scriptVerdict', () => {
  it('tells simplified and traditional sentences apart', () => {
    expect(scriptVerdict('营口市推进经济发展，这里的环境越来越好。').verdict).toBe('simplified');
    expect(scriptVerdict('營口市推進經濟發展，這裡的環境越來越好。').verdict).toBe('traditional');
  });

  it('calls a text with both scripts in force mixed', () => {
    const v = scriptVerdict('營口市推進經濟發展，这里的环境越来越好。');
    expect(v.verdict).toBe('mixed');
    expect(v.simplified).toBeGreaterThanOrEqual(3);
    expect(v.traditional).toBeGreaterThanOrEqual(3);
  });

  it('is unknown when too few characters tell', () => {
    expect(scriptVerdict('').verdict).toBe('unknown');
    expect(scriptVerdict('人口 2021 年').verdict).toBe('unknown');
    expect(scriptVerdict('大家好，我是王刚。').verdict).toBe('unknown');
  });

  it('lets a stray character of the other script pass in a long text', () => {
    const v = scriptVerdict('营口市推进经济发展，这里的环境越来越好，营商环境持续优化，發展动能不断增强。');
    expect(v.verdict).toBe('simplified');
    expect(v.traditional).toBe(1);
  });

  it('gives the sample pages their verdicts', () => {
    const p0 = scriptVerdict(seed('000'));
    expect(['mixed', 'traditional']).toContain(p0.verdict);
    expect(p0.traditional).toBeGreaterThan(p0.simplified);
    expect(p0.simplified).toBeGreaterThan(300);
    for (const prefix of ['001', '002', '003', '004']) {
      const v = scriptVerdict(seed(prefix));
      expect(v.verdict, prefix).toBe('simplified');
      expect(v.traditional, prefix).toBe(0);
      expect(v.simplified, prefix).toBeGreaterThan(1000);
    }
  });

  it('finds the simplified briefs at the end of page 000', () => {
    const paragraphs = seed('000').split(/\n+/).filter((p) => countScript(p).simplified + countScript(p).traditional >= 3);
    const last = paragraphs.slice(-2).map((p) => scriptVerdict(p).verdict);
    expect(last).toEqual(['simplified', 'simplified']);
    const verdicts = paragraphs.map((p) => scriptVerdict(p).verdict);
    // Simplified runs spliced into traditional paragraphs.
    expect(verdicts.filter((v) => v === 'mixed').length).toBeGreaterThanOrEqual(3);
    expect(verdicts.filter((v) => v === 'traditional').length).toBeGreaterThan(20);
  });
});

describe('dominantScript', () => {
  it('returns the majority side', () => {
    expect(dominantScript('營口市推進經濟发展')).toBe('traditional');
    expect(dominantScript('营口市推进经济發展')).toBe('simplified');
    expect(dominantScript('人口')).toBe('unknown');
    expect(dominantScript('发發')).toBe('unknown');
  });
});

describe('conversion', () => {
  it('converts phrase-aware in both directions', () => {
    expect(toTraditional('头发')).toBe('頭髮');
    expect(toTraditional('发展')).toBe('發展');
    expect(toTraditional('干部')).toBe('幹部');
    expect(toTraditional('干净')).toBe('乾淨');
    expect(toTraditional('皇后')).toBe('皇后');
    expect(toTraditional('以后')).toBe('以後');
    expect(toSimplified('頭髮後面的幹部')).toBe('头发后面的干部');
    expect(toSimplified('乾隆年間')).toBe('乾隆年间');
  });

  it('reads regional traditional forms when simplifying', () => {
    expect(toSimplified('這裡的綫路很衞生')).toBe('这里的线路很卫生');
    expect(toSimplified('這裏的線路很衛生')).toBe('这里的线路很卫生');
  });

  it('leaves simplified text alone when simplifying, traditional when converting to traditional', () => {
    const s = '营口市推进经济发展，著名作家在这里吃面。';
    expect(toSimplified(s)).toBe(s);
    const t = '營口市推進經濟發展，頭髮後面。';
    expect(toTraditional(t)).toBe(t);
  });

  it('round-trips news text', () => {
    for (const prefix of ['001', '003']) {
      const text = seed(prefix).slice(0, 3000);
      for (const target of ['traditional', 'tw', 'hk'] as const) {
        const there = convertScript(text, target);
        expect(scriptVerdict(there).verdict, `${prefix} ${target}`).toBe('traditional');
        const back = toSimplified(there);
        // Round trips are exact but for a handful of one-to-many characters.
        let diff = 0;
        for (let i = 0; i < text.length; i++) if (back[i] !== text[i]) diff++;
        expect(back.length).toBe(text.length);
        expect(diff, `${prefix} ${target}`).toBeLessThanOrEqual(3);
      }
    }
    const t = seed('000').slice(0, 2000);
    const s = toSimplified(t);
    expect(scriptVerdict(s).verdict).toBe('simplified');
    expect(toSimplified(convertScript(s, 'tw'))).toBe(s);
  });

  it('converts to the regional forms', () => {
    expect(convertScript('这里的线路很卫生', 'traditional')).toBe('這裏的線路很衛生');
    expect(convertScript('这里的线路很卫生', 'tw')).toBe('這裡的線路很衛生');
    expect(convertScript('这里的线路很卫生', 'hk')).toBe('這裏的線路很衞生');
    expect(convertScript('自行车', 'twp')).toBe('腳踏車');
    expect(convertScript('這裡的線路', 'simplified')).toBe('这里的线路');
  });

  it('guesses which regional forms a traditional text follows', () => {
    expect(traditionalLocaleOf('這裡的發展，為了大家')).toBe('tw');
    expect(traditionalLocaleOf('這裏的綫路很衞生')).toBe('hk');
    expect(traditionalLocaleOf('爲了這裏')).toBe('t');
    expect(traditionalLocaleOf('营口')).toBe('tw');
  });
});

describe('one-to-many alternatives', () => {
  it('lists every traditional form of a simplified character', () => {
    expect(traditionalAlternatives('后')).toEqual(['後', '后']);
    expect(traditionalAlternatives('发')).toEqual(['發', '髮']);
    expect(traditionalAlternatives('干')).toEqual(['幹', '乾', '干']);
    expect(traditionalAlternatives('里')).toEqual(expect.arrayContaining(['裡', '裏', '里']));
    expect(traditionalAlternatives('面')).toEqual(expect.arrayContaining(['面', '麵']));
    expect(traditionalAlternatives('系')).toEqual(expect.arrayContaining(['系', '係', '繫']));
  });

  it('gives one form for a one-to-one character', () => {
    expect(traditionalAlternatives('营')).toEqual(['營']);
    expect(traditionalAlternatives('的')).toEqual(['的']);
    expect(simplifiedAlternatives('營')).toEqual(['营']);
  });

  it('lists the simplified forms of a traditional character', () => {
    expect(simplifiedAlternatives('乾')).toEqual(['干', '乾']);
    expect(simplifiedAlternatives('後')).toEqual(['后']);
    expect(simplifiedAlternatives('裡')).toEqual(['里']);
  });
});

describe('lexicon', () => {
  it('segments by word frequencies', () => {
    const s = '就医解惑渠道';
    expect(segment(s).words.map((w) => s.slice(w.start, w.end))).toEqual(['就医', '解惑', '渠道']);
    expect(lexicon().freq('解惑')).toBeGreaterThan(0);
    expect(lexicon().freq('解感')).toBe(0);
    expect(segment('就医解惑渠道').score).toBeGreaterThan(segment('就医解感渠道').score);
    expect(isHan('营')).toBe(true);
    expect(isHan('1')).toBe(false);
  });
});
