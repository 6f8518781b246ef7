import { describe, expect, it } from 'vitest';
import { diffCost, diffText, sideOf } from '../../renderer/src/lib/diff.js';

/** Deterministic pseudo-random texts from a small alphabet (many coincidental matches). */
function randomText(seed: number, length: number, alphabet = '天地玄黄宇宙洪荒ab，。'): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

describe('diffText', () => {
  it('marks a replaced character between equal runs', () => {
    expect(diffText('本报讯记者王钢报道', '本报讯记者王刚报道')).toEqual([
      { op: 'equal', text: '本报讯记者王' },
      { op: 'delete', text: '钢' },
      { op: 'insert', text: '刚' },
      { op: 'equal', text: '报道' },
    ]);
  });

  it('handles insertions, deletions, empty sides and equal texts', () => {
    expect(diffText('', '')).toEqual([]);
    expect(diffText('abc', 'abc')).toEqual([{ op: 'equal', text: 'abc' }]);
    expect(diffText('', '新')).toEqual([{ op: 'insert', text: '新' }]);
    expect(diffText('旧', '')).toEqual([{ op: 'delete', text: '旧' }]);
    expect(diffText('稿件 整理', '稿件整理')).toEqual([
      { op: 'equal', text: '稿件' },
      { op: 'delete', text: ' ' },
      { op: 'equal', text: '整理' },
    ]);
  });

  it('finds a minimal script (the classic Myers example: ABCABBA → CBABAC costs 5)', () => {
    const parts = diffText('ABCABBA', 'CBABAC');
    expect(diffCost(parts)).toBe(5);
    expect(sideOf(parts, 'before')).toBe('ABCABBA');
    expect(sideOf(parts, 'after')).toBe('CBABAC');
  });

  it('always reproduces both sides, on many random pairs', () => {
    for (let seed = 1; seed < 200; seed++) {
      const a = randomText(seed, seed % 40);
      const b = randomText(seed * 7 + 3, (seed * 3) % 45);
      const parts = diffText(a, b);
      expect(sideOf(parts, 'before')).toBe(a);
      expect(sideOf(parts, 'after')).toBe(b);
      // Runs are maximal: no two neighbours share an op.
      for (let i = 1; i < parts.length; i++) expect(parts[i]!.op).not.toBe(parts[i - 1]!.op);
      expect(diffCost(parts)).toBeLessThanOrEqual([...a].length + [...b].length);
    }
  });

  it('never splits a character outside the BMP', () => {
    const parts = diffText('𠮷野家', '𠮶野家');
    expect(parts).toEqual([
      { op: 'delete', text: '𠮷' },
      { op: 'insert', text: '𠮶' },
      { op: 'equal', text: '野家' },
    ]);
  });

  it('gives up on a minimal answer past maxCost, still reproducing both sides', () => {
    const a = randomText(11, 3000);
    const b = randomText(12, 3000);
    const parts = diffText(`头${a}尾`, `头${b}尾`, { maxCost: 50 });
    expect(parts).toEqual([
      { op: 'equal', text: '头' },
      { op: 'delete', text: a },
      { op: 'insert', text: b },
      { op: 'equal', text: '尾' },
    ]);
  });

  it('can fold one-character equal runs between changes for readability', () => {
    const parts = diffText('abcde', 'xbyde', { mergeShortEqual: 1 });
    expect(parts).toEqual([
      { op: 'delete', text: 'abc' },
      { op: 'insert', text: 'xby' },
      { op: 'equal', text: 'de' },
    ]);
  });

  it('is fast on a 5,000-character block with scattered edits', () => {
    const a = randomText(5, 5000);
    const chars = [...a];
    for (let i = 0; i < chars.length; i += 97) chars[i] = '错';
    const b = chars.join('');
    const started = performance.now();
    const parts = diffText(a, b);
    expect(performance.now() - started).toBeLessThan(500);
    expect(sideOf(parts, 'after')).toBe(b);
  });
});
