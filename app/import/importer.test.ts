import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths, type ImportProgress } from './importer.js';
import { listSources, getSourceText } from '../store/sources.js';
import { listArticles } from '../store/articles.js';
import { iconvEncode, makeTempDir, openTempLibrary, SEED_FILES, SEEDS_DIR, tableCounts } from '../../test/helpers.js';

/** The lines of a page that the Big5 character set can hold (Big5 has no simplified forms). */
function big5Subset(text: string): string {
  return text.split('\n').filter((line) => {
    try {
      iconvEncode(line, 'BIG5');
      return true;
    } catch {
      return false;
    }
  }).join('\n');
}

describe('importing pages', () => {
  it('imports a folder of pages into sources, articles and blocks, reporting progress', () => {
    const lib = openTempLibrary();
    const progress: ImportProgress[] = [];
    const report = importPaths(lib.db, [SEEDS_DIR], { onProgress: (p) => progress.push(p) });
    expect(report).toMatchObject({ imported: SEED_FILES.length, duplicates: 0, rejected: 0 });
    expect(progress.map((p) => p.done)).toEqual([...SEED_FILES.keys(), SEED_FILES.length]);
    expect(progress[0]).toMatchObject({ total: SEED_FILES.length, file: SEED_FILES[0] });

    const sources = listSources(lib.db);
    expect(sources.map((s) => s.name)).toEqual(SEED_FILES.map((f) => path.basename(f)));
    for (const source of sources) {
      const bytes = fs.readFileSync(path.join(SEEDS_DIR, source.name));
      expect(source.byte_size).toBe(bytes.length);
      expect(source.encoding).toBe('utf-8');
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(getSourceText(lib.db, source.id)).toBe(bytes.toString('utf8'));
      expect(source.articles).toBeGreaterThan(1);
    }
    expect(listArticles(lib.db).length).toBe(sources.reduce((n, s) => n + s.articles, 0));
  });

  it('keeps every block pointing at its exact span of the original text', () => {
    const lib = openTempLibrary();
    importPaths(lib.db, SEED_FILES);
    const mismatches = lib.db.prepare(`
      SELECT count(*) AS n FROM blocks b JOIN sources s ON s.id = b.source_id
      WHERE substr(s.text, b.src_start + 1, b.src_end - b.src_start) <> b.text`).get() as { n: number };
    expect(mismatches.n).toBe(0);
  });

  it('treats identical bytes imported again as a no-op that says so', () => {
    const lib = openTempLibrary();
    importPaths(lib.db, [SEEDS_DIR]);
    const before = tableCounts(lib);
    const again = importPaths(lib.db, [SEEDS_DIR]);
    expect(again).toMatchObject({ imported: 0, duplicates: SEED_FILES.length, rejected: 0 });
    expect(again.outcomes[0]).toMatchObject({ status: 'duplicate', existingName: path.basename(SEED_FILES[0]!) });
    expect(tableCounts(lib)).toEqual(before);
  });

  it('imports GB18030 and Big5 copies of a page to the same text as the UTF-8 original', () => {
    const dir = makeTempDir();
    const original = fs.readFileSync(SEED_FILES[0]!, 'utf8');
    const traditional = big5Subset(original);
    expect(traditional.length).toBeGreaterThan(1000);
    fs.writeFileSync(path.join(dir, 'gb.txt'), iconvEncode(original, 'GB18030'));
    fs.writeFileSync(path.join(dir, 'big5-source.txt'), traditional);
    fs.writeFileSync(path.join(dir, 'big5.txt'), iconvEncode(traditional, 'BIG5'));

    const lib = openTempLibrary();
    const report = importPaths(lib.db, [path.join(dir, 'gb.txt'), path.join(dir, 'big5.txt'), path.join(dir, 'big5-source.txt')]);
    expect(report.outcomes.map((o) => o.status === 'imported' && o.encoding)).toEqual(['gb18030', 'big5', 'utf-8']);
    const [gb, big5, big5Source] = listSources(lib.db).map((s) => getSourceText(lib.db, s.id));
    expect(gb).toBe(original);
    expect(big5).toBe(big5Source);
  });

  it('rejects bad files with a reason, stores nothing of them, and still imports the rest', () => {
    const dir = makeTempDir();
    fs.copyFileSync(SEED_FILES[1]!, path.join(dir, 'a-good.txt'));
    fs.writeFileSync(path.join(dir, 'b-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0, 0, 0, 0x21, 0]));
    fs.writeFileSync(path.join(dir, 'c-empty.md'), '');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconvEncode('营口港城时讯', 'UTF-16LE')]);
    fs.writeFileSync(path.join(dir, 'd-truncated.txt'), utf16.subarray(0, utf16.length - 1));
    fs.writeFileSync(path.join(dir, 'e-big.txt'), 'x'.repeat(2048));
    fs.writeFileSync(path.join(dir, 'ignored.pdf'), 'not a page');

    const lib = openTempLibrary();
    const report = importPaths(lib.db, [dir], { maxBytes: 1024 * 1024 });
    const byName = Object.fromEntries(report.outcomes.map((o) => [path.basename(o.file), o]));
    expect(Object.keys(byName).sort()).toEqual(['a-good.txt', 'b-binary.txt', 'c-empty.md', 'd-truncated.txt', 'e-big.txt']);
    expect(byName['a-good.txt']).toMatchObject({ status: 'imported' });
    expect(byName['b-binary.txt']).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/binary/) });
    expect(byName['c-empty.md']).toMatchObject({ status: 'rejected', reason: 'empty file' });
    expect(byName['d-truncated.txt']).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/truncated/) });
    expect(listSources(lib.db)).toHaveLength(2);

    const small = importPaths(lib.db, [path.join(dir, 'e-big.txt')], { maxBytes: 1000 });
    expect(small.outcomes[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/too large/) });
    expect(listSources(lib.db)).toHaveLength(2);
  });

  it('names a missing path and a file that is not a page', () => {
    const lib = openTempLibrary();
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'scan.pdf'), '%PDF-1.4');
    const report = importPaths(lib.db, [path.join(dir, 'nope.txt'), path.join(dir, 'scan.pdf')]);
    expect(report.outcomes).toEqual([
      { file: path.join(dir, 'nope.txt'), status: 'rejected', reason: 'no such file or folder' },
      { file: path.join(dir, 'scan.pdf'), status: 'rejected', reason: 'not a page file (expected .txt or .md)' },
    ]);
  });
});
