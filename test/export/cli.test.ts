import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../app/export/formats/index.js';
import { makeTempDir, runCli, SEEDS_DIR } from '../helpers.js';

function importedLibrary(): string {
  const lib = path.join(makeTempDir(), 'lib.db');
  expect(runCli(['import', SEEDS_DIR, '--library', lib]).code).toBe(0);
  return lib;
}

describe('qinggao edition and qinggao export', () => {
  it('create an edition of every article and export it in each format, never over a file without --force', () => {
    const lib = importedLibrary();
    const created = runCli(['edition', 'create', 'Test', '--all', '--date', '2021-08-04', '--library', lib]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Edition "Test" \(#1\): Test · 2021-08-04 · \d+ articles/);
    const out = makeTempDir();
    for (const format of EXPORT_FORMATS) {
      const r = runCli(['export', 'Test', '--format', format, '--out', out, '--library', lib]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`as ${format}: `);
    }
    expect(fs.readdirSync(out).sort()).toEqual(EXPORT_FORMATS.map((f) => `Test.${f}`).sort());
    const txt = path.join(out, 'Test.txt');
    const before = fs.readFileSync(txt);
    expect(before.toString('utf8')).toMatch(/^Test\n\n2021-08-04\n\n目录\n\n/);

    const again = runCli(['export', 'Test', '--format', 'txt', '--out', out, '--script', 'traditional', '--library', lib]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Test\.txt exists already; use --force/);
    expect(fs.readFileSync(txt).equals(before)).toBe(true);

    const forced = runCli(['export', 'Test', '--format', 'txt', '--out', txt, '--script', 'traditional', '--force', '--json', '--library', lib]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ format: 'txt', files: [txt], directory: out, cancelled: false });
    expect(fs.readFileSync(txt, 'utf8')).toMatch(/^Test\n\n2021-08-04\n\n目錄\n\n/);
  });

  it('choose articles by search, add, remove, reorder and show them, and sanitise the file name', () => {
    const lib = importedLibrary();
    const made = JSON.parse(runCli(['edition', 'create', '营口/日报: 8月?', '--search', '营口', '--script', 'simplified', '--punctuation', '--no-captions', '--notes', 'open', '--json', '--library', lib]).stdout);
    expect(made.options).toMatchObject({ script: 'simplified', normalizePunctuation: true, captions: false, credits: true, notes: 'open' });
    const ids = made.articles.map((a: { id: number }) => a.id);
    expect(ids.length).toBeGreaterThan(3);
    const removed = runCli(['edition', 'remove', '营口/日报: 8月?', String(ids[0]), '--library', lib]);
    expect(removed.stdout).toMatch(/^1 article removed; .* has \d+ now\.$/m);
    const added = runCli(['edition', 'add', '营口/日报: 8月?', String(ids[0]), String(ids[1]), '--at', '1', '--library', lib]);
    expect(added.stdout).toMatch(/^1 article added \(1 already in it: \d+\)/);
    const order = [...ids].reverse();
    expect(runCli(['edition', 'set', String(made.id), '--order', order.join(','), '--title', '营口日报', '--library', lib]).code).toBe(0);
    const shown = JSON.parse(runCli(['edition', 'show', '营口/日报: 8月?', '--json', '--library', lib]).stdout);
    expect(shown.articles.map((a: { id: number }) => a.id)).toEqual(order);
    expect(shown.title).toBe('营口日报');
    expect(runCli(['edition', 'list', '--library', lib]).stdout).toMatch(/#1 {2}营口\/日报: 8月\? {2}营口日报 {2}\d{4}-\d{2}-\d{2} {2}\d+ articles/);

    const out = makeTempDir();
    const r = runCli(['export', '营口/日报: 8月?', '--format', 'md', '--out', `${out}/`, '--library', lib]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['营口_日报_ 8月_.md']);
  });

  it('refuse bad usage with exit 2 and unknown editions with exit 1', () => {
    const lib = importedLibrary();
    expect(runCli(['edition', 'create', 'X', '--all', '--search', '营口', '--library', lib]).code).toBe(2);
    expect(runCli(['edition', 'frobnicate', '--library', lib]).code).toBe(2);
    expect(runCli(['edition', 'create', 'X', '--script', 'klingon', '--library', lib]).code).toBe(2);
    expect(runCli(['edition', 'create', 'X', '--date', '2021-02-30', '--library', lib]).code).toBe(1);
    expect(runCli(['export', 'Nope', '--format', 'txt', '--out', makeTempDir(), '--library', lib]).code).toBe(1);
    expect(runCli(['export', 'Nope', '--format', 'pdf', '--out', makeTempDir(), '--library', lib]).code).toBe(2);
    expect(runCli(['export', 'Nope', '--format', 'txt', '--library', lib]).code).toBe(2);
  });
});
