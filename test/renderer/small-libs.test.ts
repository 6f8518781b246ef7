import { describe, expect, it } from 'vitest';
import { inReadingOrder, stepFinding } from '../../renderer/src/lib/findingNav.js';
import { flattenPastedText } from '../../renderer/src/lib/paste.js';
import { SerialQueue } from '../../renderer/src/lib/queue.js';
import { bytesToBase64, isPageFile, planBatches } from '../../renderer/src/lib/uploads.js';

describe('next / previous finding', () => {
  const ordered = inReadingOrder([
    { id: 30, blockIndex: 2, start: 0 },
    { id: 10, blockIndex: 0, start: 5 },
    { id: 20, blockIndex: 0, start: 9 },
  ]);

  it('orders findings by block, then offset', () => {
    expect(ordered.map((f) => f.id)).toEqual([10, 20, 30]);
  });

  it('steps from the finding under review, wrapping around', () => {
    expect(stepFinding(ordered, 20, null, 1)).toBe(30);
    expect(stepFinding(ordered, 30, null, 1)).toBe(10);
    expect(stepFinding(ordered, 10, null, -1)).toBe(30);
  });

  it('starts from the caret when no finding is under review', () => {
    expect(stepFinding(ordered, null, { blockIndex: 0, offset: 6 }, 1)).toBe(20);
    expect(stepFinding(ordered, null, { blockIndex: 0, offset: 6 }, -1)).toBe(10);
    expect(stepFinding(ordered, null, { blockIndex: 5, offset: 0 }, 1)).toBe(10);
    expect(stepFinding(ordered, null, null, -1)).toBe(30);
    expect(stepFinding([], null, null, 1)).toBeNull();
  });
});

describe('pasting into a block', () => {
  it('joins lines: nothing between Chinese characters, a space elsewhere', () => {
    expect(flattenPastedText('本报讯\n记者报道')).toBe('本报讯记者报道');
    expect(flattenPastedText('OCR text\r\nwrapped')).toBe('OCR text wrapped');
    expect(flattenPastedText('中文\n\nEnglish')).toBe('中文 English');
    expect(flattenPastedText('\n开头和结尾\n')).toBe('开头和结尾');
  });
});

describe('the save queue', () => {
  it('runs tasks one at a time in order, and goes on after a failure', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const slow = (name: string, ms: number) => () => new Promise<string>((r) => setTimeout(() => (log.push(name), r(name)), ms));
    const a = queue.run(slow('a', 20));
    const b = queue.run(() => Promise.reject(new Error('b failed')));
    const c = queue.run(slow('c', 1));
    expect(queue.busy).toBe(true);
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b failed');
    await expect(c).resolves.toBe('c');
    await queue.idle();
    expect(queue.busy).toBe(false);
    expect(log).toEqual(['a', 'c']);
  });
});

describe('uploads', () => {
  it('knows page files', () => {
    expect(isPageFile('a/b/page.TXT')).toBe(true);
    expect(isPageFile('notes.md')).toBe(true);
    expect(isPageFile('scan.pdf')).toBe(false);
  });

  it('batches by size and count, a large file alone', () => {
    const files = [10, 10, 50, 10, 10, 10].map((size, i) => ({ name: `${i}`, size }));
    expect(planBatches(files, 30, 10).map((b) => b.map((f) => f.name))).toEqual([['0', '1'], ['2'], ['3', '4', '5']]);
    expect(planBatches(files, 1000, 2).map((b) => b.length)).toEqual([2, 2, 2]);
    expect(planBatches([], 10, 10)).toEqual([]);
  });

  it('encodes bytes as base64, in chunks', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new TextEncoder().encode('清稿'))).toBe(Buffer.from('清稿').toString('base64'));
  });
});
