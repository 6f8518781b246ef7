import { describe, expect, it } from 'vitest';
import { K, W, fingerprintsOf, normalise } from './fingerprint.js';
import { CorpusIndex, MAX_POSTINGS, type CorpusBlock, type SharedRun } from './index.js';
import { seededRandom } from '../../../scripts/random.js';

const MIN = 8;

function blockOf(key: string, text: string, page = key): CorpusBlock {
  return { key, order: 0, page, text, cls: 'body' };
}

function indexOf(blocks: readonly CorpusBlock[]): CorpusIndex {
  const index = new CorpusIndex();
  for (const b of blocks) index.add(b);
  return index;
}

/** A run as text on both sides, with the other block's key. */
function describeRun(self: CorpusBlock, run: SharedRun) {
  return { other: run.other.key, here: self.text.slice(run.start, run.end), there: run.other.text.slice(run.otherStart, run.otherEnd), length: run.length };
}

/** Characters no test phrase uses, so filler never extends a shared run. */
function filler(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(0x4e00 + 0x3000 + Math.floor(random() * 0x1000));
  return out;
}

/**
 * Every maximal run of at least `min` normalised characters `self` shares with another block,
 * found by comparing every pair of positions: what the index must find without comparing pairs.
 */
function bruteForceRuns(self: CorpusBlock, blocks: readonly CorpusBlock[], min: number): string[] {
  const x = normalise(self.text);
  const found: string[] = [];
  for (const other of blocks) {
    if (other.key === self.key) continue;
    const y = normalise(other.text);
    for (let p = 0; p < x.length; p++) {
      for (let q = 0; q < y.length; q++) {
        if (p > 0 && q > 0 && x.units[p - 1] === y.units[q - 1]) continue; // not where a run starts
        let n = 0;
        while (p + n < x.length && q + n < y.length && x.units[p + n] === y.units[q + n]) n++;
        if (n >= min) found.push(`${other.key}:${p}:${q}:${n}`);
      }
    }
  }
  return found.sort();
}

describe('the duplicate index', () => {
  it('finds a shared run and gives its place in both original texts, white space and full-width forms aside', () => {
    const a = blockOf('a', '据新华社报道，今天市政府召开新闻发布会，宣布三项新措施。');
    const b = blockOf('b', '会上通报：今天 市政府召开新闻发布会, 宣布三项新措施。');
    const runs = indexOf([a, b]).sharedRuns('b', MIN).map((r) => describeRun(b, r));
    expect(runs).toEqual([{ other: 'a', here: '今天 市政府召开新闻发布会, 宣布三项新措施。', there: '今天市政府召开新闻发布会，宣布三项新措施。', length: 21 }]);
  });

  it('finds every shared run of K + W - 1 characters or more that comparing every pair finds', () => {
    const random = seededRandom(11);
    const phrases = Array.from({ length: 12 }, () => filler(random, 8 + Math.floor(random() * 10)));
    // Short phrases from a small alphabet, with spaces, so runs start and end anywhere.
    const blocks = Array.from({ length: 30 }, (_, i) => {
      let text = '';
      while (text.length < 120) {
        text += random() < 0.3 ? phrases[Math.floor(random() * phrases.length)]! : '甲乙丙丁戊'[Math.floor(random() * 5)]!;
        if (random() < 0.05) text += ' ';
      }
      return blockOf(`b${i}`, text);
    });
    expect(K + W - 1).toBe(MIN);
    const index = indexOf(blocks);
    let total = 0;
    for (const block of blocks) {
      const norm = normalise(block.text);
      const found = index.sharedRuns(block.key, MIN).map((r) => {
        const other = normalise(r.other.text);
        const at = (offsets: Uint16Array | Uint32Array | null, offset: number) => (offsets ? offsets.indexOf(offset) : offset);
        return `${r.other.key}:${at(norm.offsets, r.start)}:${at(other.offsets, r.otherStart)}:${r.length}`;
      });
      expect(found.length).toBe(new Set(found).size);
      expect(found.sort()).toEqual(bruteForceRuns(block, blocks, MIN));
      total += found.length;
    }
    expect(total).toBeGreaterThan(100);
  });

  it(`drops a fingerprint held more than ${MAX_POSTINGS} times: a phrase that common is boilerplate`, () => {
    const random = seededRandom(5);
    const slogan = '坚持以人民为中心的发展思想';
    const page = (holders: number) => Array.from({ length: holders }, (_, i) => blockOf(`s${i}`, filler(random, 12) + slogan + filler(random, 12)));
    const held = indexOf(page(MAX_POSTINGS)).sharedRuns('s0', MIN);
    expect(held).toHaveLength(MAX_POSTINGS - 1);
    expect(held.every((r) => r.length === slogan.length)).toBe(true);
    expect(indexOf(page(MAX_POSTINGS + 1)).sharedRuns('s0', MIN)).toEqual([]);
  });

  it('keeps the order in which the other blocks were added', () => {
    const phrase = '全市新建口袋公园十二处';
    const blocks = ['c', 'a', 'd', 'b'].map((k) => blockOf(k, `${k}${k}：${phrase}`));
    expect(indexOf(blocks).sharedRuns('b', MIN).map((r) => r.other.key)).toEqual(['c', 'a', 'd']);
  });

  it('forgets a removed block, takes a block added again as new, and indexes blocks added after it was asked', () => {
    const phrase = '背街小巷面貌焕然一新';
    const index = indexOf([blockOf('a', `甲：${phrase}`), blockOf('b', `乙：${phrase}`)]);
    expect(index.sharedRuns('a', MIN).map((r) => r.other.key)).toEqual(['b']);
    index.add(blockOf('c', `丙：${phrase}`));
    expect(index.sharedRuns('a', MIN).map((r) => r.other.key)).toEqual(['b', 'c']);
    index.remove('b');
    expect(index.size).toBe(2);
    expect(index.sharedRuns('a', MIN).map((r) => r.other.key)).toEqual(['c']);
    expect(index.sharedRuns('b', MIN)).toEqual([]);
    index.add(blockOf('c', '丙：另起一段毫不相干的文字'));
    expect(index.sharedRuns('a', MIN)).toEqual([]);
    index.add(blockOf('b', `乙：${phrase}`));
    expect(index.sharedRuns('a', MIN).map((r) => r.other.key)).toEqual(['b']);
  });

  it('maps offsets in blocks longer than 16 bits can count', () => {
    const random = seededRandom(9);
    const phrase = '港口集装箱吞吐量再创新高';
    const long = blockOf('long', `${filler(random, 70_000)} ${phrase}`);
    const short = blockOf('short', `据统计，${phrase}。`);
    const [run] = indexOf([short, long]).sharedRuns('short', MIN);
    expect(run && describeRun(short, run)).toEqual({ other: 'long', here: phrase, there: phrase, length: phrase.length });
    expect(run!.otherStart).toBe(70_001);
  });

  it('fingerprints a text as normalised: white space, full-width forms and the script do not change them', () => {
    expect(fingerprintsOf('今天 市政府召开新闻发布会, 宣布')).toEqual(fingerprintsOf('今天市政府召开新闻发布会，宣布'));
    expect(fingerprintsOf('這裡過去是當地沙化最嚴重的草場之一')).toEqual(fingerprintsOf('这里过去是当地沙化最严重的草场之一'));
  });

  it('finds a run copied across scripts, and gives each side in its own characters', () => {
    const a = blockOf('a', '園區所在的塔拉灘過去是當地沙化最嚴重的草場之一。');
    const b = blockOf('b', '队员们依次登船，这里过去是当地沙化最严重的草场之一。');
    const [run, ...rest] = indexOf([a, b]).sharedRuns('b', MIN);
    expect(rest).toEqual([]);
    expect(describeRun(b, run!)).toEqual({ other: 'a', here: '过去是当地沙化最严重的草场之一。', there: '過去是當地沙化最嚴重的草場之一。', length: 16 });
  });
});
