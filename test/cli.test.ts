import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconvEncode, makeTempDir, runCli, SEED_FILES, SEEDS_DIR } from './helpers.js';

interface ListedArticle {
  id: number;
  headline: string | null;
  section: string | null;
  reporters: string[];
  blockCount: number;
}

function listJson(lib: string): { sources: { name: string }[]; articles: ListedArticle[] } {
  const result = runCli(['list', '--json', '--library', lib]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('the qinggao CLI', () => {
  it('prints help, and exits 2 on an unknown command or option', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout + help.stderr).toMatch(/qinggao import PATH/);
    expect(runCli(['frobnicate']).code).toBe(2);
    const badOption = runCli(['list', '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/--colour/);
  });

  it('imports the sample pages, lists their articles, and imports nothing the second time', () => {
    const lib = path.join(makeTempDir(), 'lib.db');
    const first = runCli(['import', SEEDS_DIR, '--library', lib]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/5 imported, 0 already in the library, 0 rejected/);
    expect(first.stdout).toMatch(/\[1\/5\] imported .*000_.*\.txt \(utf-8, \d+ articles\)/);

    const { sources, articles } = listJson(lib);
    expect(sources).toHaveLength(5);
    expect(articles.length).toBeGreaterThan(15);
    for (const a of articles) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'headline', 'section', 'reporters']));
    }
    expect(articles.filter((a) => a.headline).length).toBeGreaterThan(articles.length * 0.8);
    expect(articles.filter((a) => a.section).length).toBeGreaterThan(5);
    expect(articles.filter((a) => a.reporters.length > 0).length).toBeGreaterThan(10);

    // --library before the command word works as well as after.
    const again = runCli(['--library', lib, 'import', SEEDS_DIR]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 imported, 5 already in the library/);
    expect(listJson(lib).articles).toEqual(articles);
  });

  it('rejects binary, empty and truncated UTF-16 files with exit 1, naming each, and leaves the library unchanged', () => {
    const dir = makeTempDir();
    const lib = path.join(dir, 'lib.db');
    runCli(['import', SEED_FILES[0]!, '--library', lib]);
    const before = listJson(lib);

    const binary = path.join(dir, 'photo.txt');
    fs.writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const truncated = path.join(dir, 'cut.txt');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconvEncode('本报讯 记者报道', 'UTF-16LE')]);
    fs.writeFileSync(truncated, utf16.subarray(0, utf16.length - 1));

    for (const file of [binary, empty, truncated]) {
      const result = runCli(['import', file, '--library', lib]);
      expect(result.code).toBe(1);
      const errors = result.stderr.trim().split('\n');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(file);
    }
    const all = runCli(['import', binary, empty, truncated, SEED_FILES[2]!, '--library', lib]);
    expect(all.code).toBe(1);
    expect(all.stderr).toMatch(/photo\.txt: binary content/);
    expect(all.stderr).toMatch(/empty\.txt: empty file/);
    expect(all.stderr).toMatch(/cut\.txt: truncated UTF-16LE/);
    expect(listJson(lib).sources).toHaveLength(before.sources.length + 1);
  });

  it('shows an article, splits it and undoes the split', () => {
    const lib = path.join(makeTempDir(), 'lib.db');
    runCli(['import', SEED_FILES[3]!, '--library', lib]);
    const { articles } = listJson(lib);
    const target = articles.find((a) => a.blockCount >= 3)!;
    const shown = runCli(['show', String(target.id), '--library', lib, '--json']);
    expect(shown.code).toBe(0);
    const article = JSON.parse(shown.stdout) as { blocks: { id: number; cls: string; text: string }[] };
    const human = runCli(['show', String(target.id), '--library', lib]);
    expect(human.stdout).toContain(`#${article.blocks[0]!.id} [${article.blocks[0]!.cls}]`);

    const split = runCli(['split', String(target.id), String(article.blocks[2]!.id), '--library', lib]);
    expect(split.code).toBe(0);
    expect(listJson(lib).articles).toHaveLength(articles.length + 1);
    const undo = runCli(['undo', String(target.id), '--library', lib]);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toMatch(/^Undo: Split article/);
    expect(listJson(lib).articles).toEqual(articles);
    expect(runCli(['undo', String(target.id), '--library', lib]).code).toBe(1);
  });

  it('exits 1 with a message for an article that does not exist, and 2 for a malformed id', () => {
    const lib = path.join(makeTempDir(), 'lib.db');
    const missing = runCli(['show', '424242', '--library', lib]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No article 424242/);
    expect(runCli(['show', 'abc', '--library', lib]).code).toBe(2);
  });

  it('creates the default library in the per-user data folder with the sample pages on first use', () => {
    const home = makeTempDir();
    const env = { XDG_CONFIG_HOME: path.join(home, 'config'), HOME: home };
    const first = runCli(['list', '--json'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Created the library .*Qinggao\/library\.db with 5 sample pages/);
    expect(fs.existsSync(path.join(home, 'config', 'Qinggao', 'library.db'))).toBe(true);
    expect(JSON.parse(first.stdout).sources).toHaveLength(5);
    const second = runCli(['list', '--json'], env);
    expect(second.stderr).toBe('');
    expect(JSON.parse(second.stdout).sources).toHaveLength(5);
  });

  it('starts a library named with --library empty', () => {
    const lib = path.join(makeTempDir(), 'fresh.db');
    expect(listJson(lib)).toEqual({ sources: [], articles: [] });
  });
});
