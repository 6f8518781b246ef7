import { describe, expect, it } from 'vitest';
import { applyFixes } from './apply.js';
import type { DocBlock, DocFix } from './model.js';

const doc: DocBlock[] = [
  { cls: 'headline', text: '标题', article: 0 },
  { cls: 'body', text: '区里推出便民举', article: 0 },
  { cls: 'caption', text: '图为广场。', article: 0 },
  { cls: 'body', text: '措,受到欢迎。', article: 0 },
  { cls: 'body', text: '第三段。', article: 0 },
  { cls: 'headline', text: '下一篇', article: 1 },
];

const fix = (edits: DocFix['edits']): DocFix => ({ label: { zh: '', en: '' }, edits });

describe('applying fixes to a document', () => {
  it('applies replacements right to left, then joins and moves', () => {
    const result = applyFixes(doc, [
      fix([{ op: 'replace', block: 3, start: 1, end: 2, text: '，' }]),
      fix([{ op: 'join', block: 1, next: 3, cls: 'body' }]),
      fix([{ op: 'move', block: 2, toEndOfArticle: 0 }]),
    ]);
    expect(result.taken).toEqual([0, 1, 2]);
    expect(result.blocks.map((b) => b.text)).toEqual(['标题', '区里推出便民举措，受到欢迎。', '第三段。', '图为广场。', '下一篇']);
    expect(result.blocks.map((b) => b.origin)).toEqual([0, 1, 4, 2, 5]);
  });

  it('skips a fix that clashes with an earlier one, whole', () => {
    const result = applyFixes(doc, [
      fix([{ op: 'replace', block: 1, start: 0, end: 2, text: '区内' }]),
      fix([{ op: 'replace', block: 1, start: 1, end: 3, text: 'X' }, { op: 'replace', block: 4, start: 0, end: 1, text: '首' }]),
    ]);
    expect(result.taken).toEqual([0]);
    expect(result.blocks[1]!.text).toBe('区内推出便民举');
    expect(result.blocks[4]!.text).toBe('第三段。');
  });

  it('moves a block before another one', () => {
    const result = applyFixes(doc, [fix([{ op: 'move', block: 4, before: 1 }])]);
    expect(result.blocks.map((b) => b.origin)).toEqual([0, 4, 1, 2, 3, 5]);
  });
});
