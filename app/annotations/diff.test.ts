import { describe, expect, it } from 'vitest';
import { diffHunks, mapOffset } from './diff.js';

/** Maps a range [start, end) of `a` into `b`. */
function mapRange(a: string, b: string, start: number, end: number): string {
  const hunks = diffHunks(a, b);
  return b.slice(mapOffset(hunks, start, 'start'), mapOffset(hunks, end, 'end'));
}

describe('mapping offsets through an edit', () => {
  it('moves a range with the text inserted or deleted before it', () => {
    expect(mapRange('营口港口', '辽宁营口港口', 2, 4)).toBe('港口');
    expect(mapRange('辽宁营口港口', '营口港口', 4, 6)).toBe('港口');
  });

  it('does not grow over text typed right before or after it', () => {
    expect(mapRange('今天营口天晴', '今天在营口市天晴', 2, 4)).toBe('营口');
  });

  it('keeps a character replaced inside it (an OCR fix)', () => {
    expect(mapRange('今天營口天晴', '今天营口天晴', 2, 4)).toBe('营口');
    expect(mapRange('今天營口天晴', '今天营口天晴', 2, 3)).toBe('营');
  });

  it('shrinks with text deleted inside it, and collapses when all of it is deleted', () => {
    expect(mapRange('甲乙丙丁戊', '甲乙丁戊', 1, 4)).toBe('乙丁');
    const hunks = diffHunks('甲乙丙丁戊', '甲戊');
    expect(mapOffset(hunks, 1, 'start')).toBe(mapOffset(hunks, 4, 'end'));
  });

  it('follows several separate changes in one edit', () => {
    const a = '今年以来,清河区新建口袋公园12处,市民休闲有了好去处。';
    const b = '今年以来，清河区新建口袋公园12处，市民休闲有了好去处。';
    const at = a.indexOf('口袋公园');
    expect(mapRange(a, b, at, at + 4)).toBe('口袋公园');
    expect(diffHunks(a, b)).toHaveLength(2);
  });

  it('treats a complete rewrite as one change', () => {
    const a = '一'.repeat(1500);
    const b = '二'.repeat(1500);
    expect(diffHunks(a, b)).toEqual([{ aStart: 0, aEnd: 1500, bStart: 0, bEnd: 1500 }]);
  });
});
