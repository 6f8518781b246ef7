import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listArticles } from '../../app/store/articles.js';
import { createEdition, updateEdition } from '../../app/export/edition-store.js';
import { exportEdition } from '../../app/export/export.js';
import { EXPORT_FORMATS } from '../../app/export/formats/index.js';
import type { EditionOptionsPatch } from '../../app/export/options.js';
import { makeTempDir } from '../helpers.js';
import { openEditedLibrary, type EditedLibrary } from './fixture.js';
import { findTool, normalizedLines, requireTool, runTool, skipWithoutTool, toolTitle } from './helpers.js';

const pandoc = findTool('pandoc');
const epubcheck = findTool('epubcheck');

afterEach(() => {
  vi.useRealTimers();
});

/** Variants an edition can take: as the editors left it, and converted with everything switched on. */
const VARIANTS: Record<string, EditionOptionsPatch> = {
  'as in the text': {},
  'traditional (Taiwan), full-width punctuation, notes, no captions or credits': {
    script: 'tw', normalizePunctuation: true, notes: 'all', captions: false, credits: false,
  },
};

function editionOf(f: EditedLibrary, name: string, options: EditionOptionsPatch): string {
  createEdition(f.lib.db, { name, title: '营口日报·清稿 <样本> & “测试”', date: '2021-08-04', articleIds: listArticles(f.lib.db).map((a) => a.id), options });
  return name;
}

describe.each(Object.entries(VARIANTS))('an edition exported %s', (variant, options) => {
  it(toolTitle('reads back in pandoc (HTML, Markdown, DOCX) as exactly the TXT export', pandoc, 'pandoc'), { skip: skipWithoutTool(pandoc), timeout: 120_000 }, () => {
    const tool = requireTool(pandoc, 'pandoc');
    const f = openEditedLibrary();
    const edition = editionOf(f, variant, options);
    const dir = makeTempDir();
    const txt = exportEdition(f.lib.db, { edition, format: 'txt', out: dir }).files[0]!;
    const expected = normalizedLines(fs.readFileSync(txt, 'utf8'));
    expect(expected.length).toBeGreaterThan(100);
    for (const [format, reader] of [['html', 'html'], ['md', 'markdown'], ['docx', 'docx']] as const) {
      const file = exportEdition(f.lib.db, { edition, format, out: dir }).files[0]!;
      const plain = runTool(tool, ['-f', reader, '-t', 'plain', '--wrap=none', file]);
      expect(plain.status, plain.stderr).toBe(0);
      expect(normalizedLines(plain.stdout), `${format} read by pandoc`).toEqual(expected);
    }
  });

  it(toolTitle('passes epubcheck with no errors or warnings', epubcheck, 'epubcheck'), { skip: skipWithoutTool(epubcheck), timeout: 120_000 }, () => {
    const tool = requireTool(epubcheck, 'epubcheck');
    const f = openEditedLibrary();
    const edition = editionOf(f, variant, options);
    const file = exportEdition(f.lib.db, { edition, format: 'epub', out: makeTempDir() }).files[0]!;
    const check = runTool(tool, [file]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout + check.stderr).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
  });
});

describe('exports', () => {
  it('are byte-identical when the same edition is exported again, later', () => {
    const f = openEditedLibrary();
    const edition = editionOf(f, 'again', VARIANTS['traditional (Taiwan), full-width punctuation, notes, no captions or credits']!);
    const first = makeTempDir();
    const second = makeTempDir();
    for (const format of EXPORT_FORMATS) exportEdition(f.lib.db, { edition, format, out: first });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    for (const format of EXPORT_FORMATS) exportEdition(f.lib.db, { edition, format, out: second });
    vi.useRealTimers();
    const names = fs.readdirSync(first).sort();
    expect(names).toEqual(EXPORT_FORMATS.map((ext) => `again.${ext}`).sort());
    for (const name of names) {
      expect(fs.readFileSync(path.join(second, name)).equals(fs.readFileSync(path.join(first, name))), name).toBe(true);
    }
    // The fixed timestamps the formats carry are the edition's date.
    const epub = unzipSync(fs.readFileSync(path.join(first, 'again.epub')));
    expect(new TextDecoder().decode(epub['EPUB/package.opf'])).toContain('<meta property="dcterms:modified">2021-08-04T00:00:00Z</meta>');
    const docx = unzipSync(fs.readFileSync(path.join(first, 'again.docx')));
    expect(new TextDecoder().decode(docx['docProps/core.xml'])).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2021-08-04T00:00:00Z</dcterms:modified>');
  });

  it('put the EPUB mimetype first and stored, with no extra field', () => {
    const f = openEditedLibrary();
    const file = exportEdition(f.lib.db, { edition: editionOf(f, 'e', {}), format: 'epub', out: makeTempDir() }).files[0]!;
    const bytes = fs.readFileSync(file);
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8)).toBe(0); // stored
    const nameLength = bytes.readUInt16LE(26);
    const extraLength = bytes.readUInt16LE(28);
    expect(extraLength).toBe(0);
    expect(bytes.subarray(30, 30 + nameLength).toString()).toBe('mimetype');
    expect(bytes.subarray(30 + nameLength, 30 + nameLength + 20).toString()).toBe('application/epub+zip');
  });

  it('escape the text in HTML and keep a table of contents linking to every article', () => {
    const f = openEditedLibrary();
    const edition = editionOf(f, 'h', {});
    const html = fs.readFileSync(exportEdition(f.lib.db, { edition, format: 'html', out: makeTempDir() }).files[0]!, 'utf8');
    expect(html).toContain('<title>营口日报·清稿 &lt;样本&gt; &amp; “测试”</title>');
    expect(html).not.toMatch(/<样本>/);
    const links = [...html.matchAll(/<a href="#(article-\d+)">/g)].map((m) => m[1]);
    const targets = [...html.matchAll(/<article id="(article-\d+)">/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(20);
    expect(links).toEqual(targets);
  });

  it('leave out captions and credits, and articles not approved, when the edition says so', () => {
    const f = openEditedLibrary();
    const edition = editionOf(f, 'opts', {});
    const dir = makeTempDir();
    const read = () => JSON.parse(fs.readFileSync(exportEdition(f.lib.db, { edition, format: 'json', out: dir, force: true }).files[0]!, 'utf8'));
    const kinds = (doc: { articles: { paragraphs: { kind: string }[] }[] }) => new Set(doc.articles.flatMap((a) => a.paragraphs.map((p) => p.kind)));
    expect([...kinds(read())]).toEqual(expect.arrayContaining(['caption', 'credit']));
    updateEdition(f.lib.db, edition, { options: { captions: false, credits: false } });
    const without = read();
    expect([...kinds(without)]).not.toContain('caption');
    expect([...kinds(without)]).not.toContain('credit');
    expect(without.articles.flatMap((a: { blocks: { omittedBecause: string | null }[] }) => a.blocks.map((b) => b.omittedBecause))).toEqual(expect.arrayContaining(['caption', 'credit']));
    updateEdition(f.lib.db, edition, { options: { approvedOnly: true } });
    const approved = read();
    expect(approved.articles.map((a: { id: number }) => a.id)).toEqual([f.approved]);
    expect(approved.skipped.filter((s: { reason: string }) => s.reason === 'not_approved').length).toBeGreaterThan(20);
  });

  it('write one TXT file per article, numbered in edition order and named by a sanitised heading', () => {
    const f = openEditedLibrary();
    const db = f.lib.db;
    const ids = listArticles(db).map((a) => a.id).slice(0, 4).reverse();
    createEdition(db, { name: 'per', articleIds: ids });
    const dir = path.join(makeTempDir(), 'articles');
    const report = exportEdition(db, { edition: 'per', format: 'txt', out: dir, perArticle: true });
    expect(report.files.map((p) => path.basename(p))).toEqual(fs.readdirSync(dir).sort());
    expect(report.files.map((p) => path.basename(p).slice(0, 4))).toEqual(['001-', '002-', '003-', '004-']);
    for (const file of report.files) expect(path.dirname(file)).toBe(dir);
    const json = JSON.parse(fs.readFileSync(exportEdition(db, { edition: 'per', format: 'json', out: makeTempDir() }).files[0]!, 'utf8'));
    const first = json.articles[0];
    expect(fs.readFileSync(report.files[0]!, 'utf8')).toBe(`${[first.heading, ...first.paragraphs.map((p: { text: string }) => p.text)].join('\n\n')}\n`);
    expect(() => exportEdition(db, { edition: 'per', format: 'txt', out: dir, perArticle: true })).toThrow(/4 files exist already/);
    expect(() => exportEdition(db, { edition: 'per', format: 'html', out: dir, perArticle: true })).toThrow(/txt and md/);
  });

  it('report progress article by article, and write nothing when cancelled', () => {
    const f = openEditedLibrary();
    const edition = editionOf(f, 'p', {});
    const dir = makeTempDir();
    const seen: { done: number; total: number }[] = [];
    const report = exportEdition(f.lib.db, { edition, format: 'epub', out: dir }, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual(expect.objectContaining({ done: seen[0]!.total, detail: 'done' }));
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(report.cancelled).toBe(false);
    let asked = 0;
    const cancelled = exportEdition(f.lib.db, { edition, format: 'docx', out: dir }, { shouldStop: () => ++asked > 3 });
    expect(cancelled).toMatchObject({ cancelled: true, files: [] });
    expect(fs.readdirSync(dir)).toEqual(['p.epub']);
  });

  it('refuse an empty edition, and a target that exists, before writing', () => {
    const f = openEditedLibrary();
    createEdition(f.lib.db, { name: 'empty' });
    expect(() => exportEdition(f.lib.db, { edition: 'empty', format: 'txt', out: makeTempDir() })).toThrow(/no articles to export/);
    const edition = editionOf(f, 'x', {});
    const file = path.join(makeTempDir(), 'mine.txt');
    fs.writeFileSync(file, 'keep me');
    expect(() => exportEdition(f.lib.db, { edition, format: 'txt', out: file })).toThrow(/exists already; use --force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    exportEdition(f.lib.db, { edition, format: 'txt', out: file, force: true });
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^营口日报/);
  });
});
