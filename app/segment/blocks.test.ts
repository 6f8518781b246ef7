import { describe, expect, it } from 'vitest';
import { gapFlags, splitBlocks } from './blocks.js';
import { lineContent } from './markdown.js';
import { segmentPage } from './index.js';

describe('lineContent (Markdown markers)', () => {
  it('strips heading hashes and reports the level', () => {
    expect(lineContent('# 标题')).toEqual({ start: 2, end: 4, headingLevel: 1 });
    expect(lineContent('## 小标题')).toMatchObject({ headingLevel: 2 });
    expect(lineContent('### 简讯标题')).toMatchObject({ headingLevel: 3 });
    expect(lineContent('#### 更深')).toMatchObject({ headingLevel: 3 });
  });

  it('strips a ■ bullet, alone or after the hashes', () => {
    const line = '## ■ 港城时讯 SHIXUN';
    const c = lineContent(line);
    expect(line.slice(c.start, c.end)).toBe('港城时讯 SHIXUN');
    expect(c.headingLevel).toBe(2);
    const bare = '■ 意见难统一';
    const b = lineContent(bare);
    expect(bare.slice(b.start, b.end)).toBe('意见难统一');
    expect(b.headingLevel).toBe(0);
  });

  it('needs whitespace after the hashes, as Markdown does', () => {
    expect(lineContent('#话题#讨论')).toEqual({ start: 0, end: 6, headingLevel: 0 });
  });

  it('trims ASCII, full-width and CR whitespace', () => {
    const line = '\u3000\u3000正文段落。  \r';
    const c = lineContent(line);
    expect(line.slice(c.start, c.end)).toBe('正文段落。');
  });

  it('leaves an empty range for blank or marker-only lines', () => {
    const c = lineContent('##   ');
    expect(c.end).toBe(c.start);
  });
});

describe('splitBlocks', () => {
  it('makes one block per non-empty line with offsets into the page', () => {
    const page = '\n\n标题一行\n\n正文第一段。\n正文第二段。\n';
    const blocks = splitBlocks(page);
    expect(blocks.map((b) => b.text)).toEqual(['标题一行', '正文第一段。', '正文第二段。']);
    for (const b of blocks) expect(page.slice(b.start, b.end)).toBe(b.text);
    expect(blocks.map((b) => b.blankBefore)).toEqual([2, 1, 0]);
  });

  it('keeps offsets into the original text with CRLF line endings', () => {
    const page = '# 标题\r\n\r\n本报记者 王 刚\r\n\r\n正文。  \r\n';
    const blocks = splitBlocks(page);
    expect(blocks.map((b) => b.text)).toEqual(['标题', '本报记者 王 刚', '正文。']);
    for (const b of blocks) {
      expect(page.slice(b.start, b.end)).toBe(b.text);
      expect(b.text).not.toMatch(/\r/);
    }
    expect(blocks[0]!.headingLevel).toBe(1);
  });

  it('counts surrogate-pair text correctly in UTF-16 offsets', () => {
    const page = '𠀀𠀁标题\n正文。';
    const blocks = splitBlocks(page);
    expect(page.slice(blocks[0]!.start, blocks[0]!.end)).toBe('𠀀𠀁标题');
    expect(blocks[1]!.start).toBe(page.indexOf('正文'));
  });

  it('handles empty and whitespace-only pages', () => {
    expect(splitBlocks('')).toEqual([]);
    expect(splitBlocks(' \r\n\u3000\n')).toEqual([]);
  });
});

describe('gapFlags', () => {
  it('flags an image hole: more blank lines than the usual paragraph spacing', () => {
    const page = 'A段。\n\nB段。\n\nC段。\n\n\n\nD段。\n\nE段。';
    expect(gapFlags(splitBlocks(page))).toEqual([false, false, false, true, false]);
  });

  it('uses the page spacing: in a page without blank lines two blank lines are a hole', () => {
    const page = 'A段。\nB段。\nC段。\n\n\nD段。';
    expect(gapFlags(splitBlocks(page))).toEqual([false, false, false, true]);
  });
});

describe('segmentPage offsets', () => {
  it('always satisfies text === page.slice(start, end), Markdown and CRLF included', () => {
    const page = '\r\n# ■ 标题一\r\n\r\n## ——副题\r\n本報記者 張 三\r\n\r\n正文。\r\n### 簡訊\r\n本報訊 正文。';
    const { blocks } = segmentPage(page);
    expect(blocks).toHaveLength(6);
    for (const b of blocks) expect(page.slice(b.start, b.end)).toBe(b.text);
  });
});
