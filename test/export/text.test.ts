import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffHunks } from '../../app/export/text-diff.js';
import { cleanParagraph, normalizeWhitespace } from '../../app/export/text-pipeline.js';
import { normalizePunctuation } from '../../app/export/punctuation.js';
import { sanitizeFileName } from '../../app/export/file-names.js';
import { escapeMarkdown } from '../../app/export/formats/markdown.js';
import { checkTargets, OutputExistsError, writeFileAtomic } from '../../app/export/atomic-write.js';
import { makeTempDir } from '../helpers.js';

/** Applies hunks (offsets into `before`) to check they rebuild `after`. */
function applyHunks(before: string, hunks: ReturnType<typeof diffHunks>): string {
  let out = '';
  let at = 0;
  for (const h of hunks) {
    expect(before.slice(h.offset, h.offset + h.before.length)).toBe(h.before);
    out += before.slice(at, h.offset) + h.after;
    at = h.offset + h.before.length;
  }
  return out + before.slice(at);
}

describe('diffHunks', () => {
  it('finds each separate change with its offset into the old text', () => {
    const before = '营口市,创建文明城市。2021年,全市开展“创城”活动';
    const after = '营口市，创建全国文明城市。2021年，全市开展“创城”活动';
    const hunks = diffHunks(before, after);
    expect(hunks).toEqual([
      { offset: 3, before: ',', after: '，' },
      { offset: 6, before: '', after: '全国' },
      { offset: 16, before: ',', after: '，' },
    ]);
    expect(applyHunks(before, hunks)).toBe(after);
    expect(diffHunks('同', '同')).toEqual([]);
  });

  it('never splits a character outside the BMP', () => {
    const hunks = diffHunks('甲𠀀乙', '甲𠀁乙');
    expect(hunks).toEqual([{ offset: 1, before: '𠀀', after: '𠀁' }]);
  });

  it('reports a rewrite too large to align as one hunk that still rebuilds the text', () => {
    const before = 'a'.repeat(300) + 'b'.repeat(300);
    const after = 'c'.repeat(300) + 'd'.repeat(300);
    expect(diffHunks(before, after)).toHaveLength(1);
    const random = (seed: number) => Array.from({ length: 200 }, (_, i) => '甲乙丙丁'[(i * seed) % 4]).join('');
    expect(applyHunks(random(3), diffHunks(random(3), random(7)))).toBe(random(7));
  });
});

describe('the text pipeline', () => {
  it('joins line breaks inside a paragraph (no space between Chinese), trims, and drops characters XML refuses', () => {
    expect(normalizeWhitespace('  营口\n 市区 \r\nis in\nLiaoning\u0007\u000B ')).toBe('营口市区is in Liaoning');
    expect(normalizeWhitespace('\u3000\u3000正文\uFEFF')).toBe('正文');
    expect(normalizeWhitespace('孤\uD800字')).toBe('孤字');
  });

  it('normalises punctuation as the halfwidth_punct detector judges it, keeping numbers, times, URLs and rejected marks', () => {
    const text = '全市上下,围绕2,000户(共12:30分)开展工作!详见 https://a.cn/x?a=1,b 结束';
    const { text: out, changes } = normalizePunctuation(text, 'body');
    expect(out).toBe('全市上下，围绕2,000户（共12:30分）开展工作！详见 https://a.cn/x?a=1,b 结束');
    expect(changes.map((c) => c.before).join('')).toBe(',()!');
    const kept = normalizePunctuation(text, 'body', new Set([4]));
    expect(kept.text.startsWith('全市上下,围绕')).toBe(true);
  });

  it('converts the script with OpenCC and records each step', () => {
    const r = cleanParagraph(' 營口市頭髮,發展 ', { cls: 'body', options: { script: 'simplified', normalizePunctuation: true } });
    expect(r.text).toBe('营口市头发，发展');
    expect(r.steps.map((s) => s.step)).toEqual(['punctuation', 'whitespace', 'whitespace', 'script']);
    const tw = cleanParagraph('营口市里面', { cls: 'body', options: { script: 'tw', normalizePunctuation: false } });
    expect(tw.text).toBe('營口市裡面');
    const asIs = cleanParagraph('營口,营口', { cls: 'body', options: { script: 'as-is', normalizePunctuation: false } });
    expect(asIs).toEqual({ text: '營口,营口', steps: [] });
  });
});

describe('file names', () => {
  it('keep Chinese names and drop what a file system refuses or could be tricked by', () => {
    expect(sanitizeFileName('营口日报 2021/08/04: “创城”?', 'x')).toBe('营口日报 2021_08_04_ “创城”_');
    expect(sanitizeFileName('../../etc/passwd', 'x')).toBe('_.._etc_passwd');
    expect(sanitizeFileName('..', 'fallback')).toBe('fallback');
    expect(sanitizeFileName('  . ', 'fallback')).toBe('fallback');
    expect(sanitizeFileName('CON', 'x')).toBe('_CON');
    expect(sanitizeFileName('lpt1.txt', 'x')).toBe('_lpt1.txt');
    expect(sanitizeFileName('evil\u202Etxt.exe', 'x')).toBe('eviltxt.exe');
    expect(sanitizeFileName('a\u0000b\nc', 'x')).toBe('a_b_c');
    const long = sanitizeFileName('长'.repeat(200), 'x');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(150);
    expect(long).toBe('长'.repeat(50));
  });
});

describe('Markdown escaping', () => {
  it('escapes whatever Markdown could read as markup, and nothing a reader would miss', () => {
    expect(escapeMarkdown('1. 第一')).toBe('1\\. 第一');
    expect(escapeMarkdown('- 项目 -- 完')).toBe('\\- 项目 \\-\\- 完');
    expect(escapeMarkdown('2021-08-04 12:30 3.5%')).toBe('2021-08-04 12:30 3.5%');
    expect(escapeMarkdown('# *a* _b_ [c](d) <e> `f` "g" \'h\' ... $i$ @j ~k~ ^l^ |m| &amp; \\n'))
      .toBe('\\# \\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` \\"g\\" \\\'h\\\' \\.\\.\\. \\$i\\$ \\@j \\~k\\~ \\^l\\^ \\|m\\| \\&amp; \\\\n');
    expect(escapeMarkdown('，‘神经末梢’')).toBe('，&#x2018;神经末梢’');
  });
});

describe('atomic writes', () => {
  it('write through a temporary file, refuse to replace a file without overwrite, and leave no temporary file', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'sub', 'a.txt');
    writeFileAtomic(file, '一', false);
    expect(fs.readFileSync(file, 'utf8')).toBe('一');
    expect(() => writeFileAtomic(file, '二', false)).toThrow(OutputExistsError);
    expect(() => checkTargets([file], false)).toThrow(/exists already; use --force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('一');
    writeFileAtomic(file, new Uint8Array([0xe4, 0xb8, 0x89]), true);
    expect(fs.readFileSync(file, 'utf8')).toBe('三');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.txt']);
    expect(() => checkTargets([dir], true)).toThrow(/is a folder/);
  });

  it('removes its temporary file when the move into place fails', () => {
    const dir = makeTempDir();
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'x');
    expect(() => writeFileAtomic(target, 'new', true)).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken']);
    expect(fs.readdirSync(target)).toEqual(['inside.txt']);
  });
});
