import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptVerdict } from '../script/index.js';
import type { ScriptVerdict, TextFinding } from '../types.js';
import { detectMixedScript } from './mixed-script.js';

const SEEDS = join(import.meta.dirname, '../../../seeds');
const seed = (prefix: string) => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return readFileSync(join(SEEDS, name), 'utf8');
};
const paragraphs = (text: string) => text.split(/\n+/).filter((p) => p.trim() !== '');

const detect = (text: string, script: ScriptVerdict) => detectMixedScript(text, { cls: 'body', script });
const flagged = (text: string, fs: TextFinding[]) => fs.map((f) => [text.slice(f.start, f.end), f.replacements[0]]);

describe('detectMixedScript in traditional text', () => {
  it('flags a simplified run with its traditional form', () => {
    const text = '營口市今年的经济發展很快。';
    const fs = detect(text, 'traditional');
    expect(flagged(text, fs)).toEqual([['经济', '經濟']]);
    expect(fs[0]!.kind).toBe('mixed_script');
    expect(fs[0]!.message).toEqual({ zh: '繁简混排：应为繁体“經濟”', en: 'Mixed script: traditional form is “經濟”' });
    expect(fs[0]!.confidence).toBeGreaterThan(0.9);
  });

  it('converts phrase-aware, with the context around the run', () => {
    const text = '這裡的發展很快，他的头发很長。';
    expect(flagged(text, detect(text, 'traditional'))).toEqual([['头发', '頭髮']]);
    const later = '這裡的發展很快，后来大家都很滿意。';
    expect(flagged(later, detect(later, 'traditional'))).toEqual([['后来', '後來']]);
  });

  it('keeps shared characters inside a run and the span tight to the changed ones', () => {
    const text = '他們到遼寧鞍山參觀，又到辽宁营口。';
    const fs = detect(text, 'traditional');
    // 口 is the same in both scripts: the span ends on 营.
    expect(flagged(text, fs)).toEqual([['辽宁营', '遼寧營']]);
    const run = '營口市提出：为了大家的环境，努力進入全國前列。';
    expect(flagged(run, detect(run, 'traditional'))).toEqual([['为了大家的环', '為了大家的環']]);
  });

  it('ends a run at a traditional character', () => {
    const text = '开局之年，也是营口市创建第七屆全國文明城市起步之年。';
    expect(flagged(text, detect(text, 'traditional'))).toEqual([['开局之年，也是营口市创', '開局之年，也是營口市創']]);
  });

  it('offers the other readings of a one-to-many character and lowers the confidence', () => {
    const text = '這個項目並結合實際，并分別進行登記。';
    const [f] = detect(text, 'traditional');
    expect(text.slice(f!.start, f!.end)).toBe('并');
    expect(f!.replacements).toEqual(expect.arrayContaining(['並', '併']));
    expect(f!.replacements.length).toBeGreaterThan(1);
    expect(f!.confidence).toBeLessThan(0.9);
  });

  it('flags a shared character only where a dictionary phrase decides it', () => {
    const text = '這裡的發展很快，干部群眾都很滿意。';
    const fs = detect(text, 'traditional');
    expect(flagged(text, fs)).toEqual([['干', '幹']]);
    expect(fs[0]!.confidence).toBeLessThan(0.8);
    // 皇后 keeps 后; 里 on its own is not decided.
    expect(detect('這是皇后的宮殿。', 'traditional')).toEqual([]);
    // A phrase straddling two words (更加注重: the phrase 加注) is not trusted.
    expect(detect('營口更加注重城市文化。', 'traditional')).toEqual([]);
    // Nor one cutting into the word beside it for a character that mostly keeps its form (馆长|胡),
    // though it is for one that seldom does (数年|后 → 後); nor 一哄 inside 哄一哄.
    expect(detect('縣圖書館館長胡曉萍介紹，書房由志願者管理。', 'traditional')).toEqual([]);
    expect(flagged('中小學生在數年后將成為社會的中堅。', detect('中小學生在數年后將成為社會的中堅。', 'traditional'))).toEqual([['后', '後']]);
    expect(detect('老人上了年紀，他就停下來，哄一哄再接著理。', 'traditional')).toEqual([]);
  });

  it('lets no phrase alone change a character that keeps its form in nearly all phrases, where regional standards differ', () => {
    // OpenCC's tables give 傢俱, 閤眼, 地方誌; Taiwan writes 家具, 合眼, 地方志.
    for (const text of ['他原本在城裡的家具廠上班。', '嚇得她一晚上沒敢合眼。', '他翻了好幾本地方志，又去請教專家。']) {
      expect(detect(text, 'traditional'), text).toEqual([]);
    }
    // 只 changes often enough (一隻) for a phrase to decide it.
    expect(flagged('院子裡養了一只貓。', detect('院子裡養了一只貓。', 'traditional'))).toEqual([['只', '隻']]);
  });

  it('does not flag clean traditional text, whatever its regional forms', () => {
    for (const text of [
      '營口市推進經濟發展，這裡的環境越來越好。',
      '這裏的綫路很衞生，爲了大家。',
      '記者日前從營口市發改委了解到，營口新能源產業正在加速推進。',
      '今年以來，營口清理亂堆亂放1.41萬處。',
    ]) {
      const fs = detect(text, 'traditional');
      // Only phrase-decided shared characters may come up (了解 → 瞭解), never at high confidence.
      expect(fs.every((f) => f.confidence <= 0.7), text).toBe(true);
      expect(fs.every((f) => f.end - f.start === 1), text).toBe(true);
    }
    expect(detect('營口市推進經濟發展，這裡的環境越來越好。', 'traditional')).toEqual([]);
    expect(detect('這裏的綫路很衞生，爲了大家。', 'traditional')).toEqual([]);
  });
});

describe('detectMixedScript in simplified text', () => {
  it('flags a traditional run with its simplified form', () => {
    const text = '营口市今年的經濟发展很快。';
    const fs = detect(text, 'simplified');
    expect(flagged(text, fs)).toEqual([['經濟', '经济']]);
    expect(fs[0]!.message).toEqual({ zh: '繁简混排：应为简体“经济”', en: 'Mixed script: simplified form is “经济”' });
    const later = '这里的发展很快，後來大家都很满意。';
    expect(flagged(later, detect(later, 'simplified'))).toEqual([['後來', '后来']]);
  });

  it('flags a traditional character that a single OpenCC phrase happens to keep (計 in 不可貲計, 麼 in 幺麼小丑), across a comma', () => {
    const text = '食堂、运动场等改造內容，計划年内全部完工。';
    expect(flagged(text, detect(text, 'simplified'))).toEqual([['內容，計', '内容，计']]);
    const what = '梯田修好了，種什麼、怎麼卖，是村民们最关心的。';
    expect(flagged(what, detect(what, 'simplified'))).toEqual([['種什麼、怎麼', '种什么、怎么']]);
    // Characters that many phrases keep are simplified too: 乾隆.
    expect(detect('乾隆年间修建的古桥至今完好。', 'simplified')).toEqual([]);
  });

  it('does not flag clean simplified text', () => {
    for (const text of [
      '营口市推进经济发展，这里的环境越来越好。',
      '著名作家在乾隆年间的故事里吃面。',
      '他的头发后面有一根白发。',
    ]) {
      expect(detect(text, 'simplified'), text).toEqual([]);
    }
  });
});

describe('detectMixedScript context', () => {
  it('uses the block\'s own majority script when the context is mixed or unknown', () => {
    const trad = '營口市推進經濟發展，这里的環境越來越好。';
    expect(flagged(trad, detect(trad, 'mixed'))).toEqual([['这里', '這裡']]);
    const simp = '营口市推进经济发展，這里的环境越来越好。';
    expect(flagged(simp, detect(simp, 'unknown'))).toEqual([['這', '这']]);
  });

  it('flags nothing when the script cannot be told', () => {
    expect(detect('人口 2021 年', 'unknown')).toEqual([]);
    expect(detect('发發', 'mixed')).toEqual([]);
    expect(detect('', 'traditional')).toEqual([]);
  });

  it('never flags a character identical in both scripts', () => {
    const text = seed('000');
    for (const p of paragraphs(text)) {
      for (const f of detect(p, 'traditional')) {
        const span = p.slice(f.start, f.end);
        const fix = f.replacements[0]!;
        expect(span.length).toBe(fix.length);
        expect(span[0]).not.toBe(fix[0]);
        expect(span.at(-1)).not.toBe(fix.at(-1));
      }
    }
  });
});

describe('detectMixedScript on the sample pages', () => {
  it('flags the simplified runs of page 000 and nothing in the simplified pages', () => {
    const text = seed('000');
    const page = scriptVerdict(text).verdict;
    let asTraditional = 0;
    let highConfidence = 0;
    let asPage = 0;
    for (const p of paragraphs(text)) {
      const fs = detect(p, 'traditional');
      asTraditional += fs.length;
      highConfidence += fs.filter((f) => f.confidence >= 0.9).length;
      asPage += detect(p, page).length;
    }
    expect(asTraditional).toBeGreaterThan(40);
    expect(highConfidence).toBeGreaterThan(25);
    // With the page's 'mixed' verdict, the wholly simplified briefs are left alone.
    expect(asPage).toBeLessThan(asTraditional);
    expect(asPage).toBeGreaterThan(30);

    for (const prefix of ['001', '002', '003', '004']) {
      const t = seed(prefix);
      const v = scriptVerdict(t).verdict;
      const n = paragraphs(t).reduce((sum, p) => sum + detect(p, v).length, 0);
      expect(n, prefix).toBe(0);
    }
  });
});
