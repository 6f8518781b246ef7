import { describe, expect, it } from 'vitest';
import { findEdit, mapOffset, mapRange } from '../../renderer/src/lib/offsets.js';

describe('carrying finding offsets across an unsaved edit', () => {
  it('keeps ranges before the edit and shifts ranges after it', () => {
    const edit = findEdit('甲乙丙丁戊己', '甲乙X丙丁戊己');
    expect(edit).toEqual({ prefix: 2, oldTail: 2, delta: 1 });
    expect(mapRange(0, 2, edit)).toEqual([0, 2]); // ends exactly where the insertion is: does not grow
    expect(mapRange(2, 4, edit)).toEqual([3, 5]);
    expect(mapRange(4, 6, edit)).toEqual([5, 7]);
  });

  it('drops ranges the edit touched', () => {
    const edit = findEdit('甲乙丙丁戊己', '甲乙丁戊己'); // 丙 deleted
    expect(edit).toEqual({ prefix: 2, oldTail: 3, delta: -1 });
    expect(mapRange(1, 3, edit)).toBeNull();
    expect(mapRange(2, 3, edit)).toBeNull();
    expect(mapRange(3, 5, edit)).toEqual([2, 4]);
    expect(mapOffset(2, edit)).toBe(2);
    expect(mapOffset(3, edit)).toBe(2);
  });

  it('changes nothing when the text did not change', () => {
    expect(findEdit('abc', 'abc')).toBeNull();
    expect(mapRange(1, 2, null)).toEqual([1, 2]);
    expect(mapOffset(5, null)).toBe(5);
  });

  it('handles edits at either end and repeated characters', () => {
    expect(findEdit('aaa', 'aaaa')).toEqual({ prefix: 3, oldTail: 3, delta: 1 });
    expect(findEdit('abc', 'xbc')).toEqual({ prefix: 0, oldTail: 1, delta: 0 });
    expect(findEdit('abc', '')).toEqual({ prefix: 0, oldTail: 3, delta: -3 });
    expect(mapRange(1, 2, findEdit('abc', 'xbc'))).toEqual([1, 2]);
  });
});
