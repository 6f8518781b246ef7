import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RECENT_LIBRARIES_FILE_NAME, RecentLibraries } from '../../main/recent.js';
import { makeTempDir } from '../helpers.js';

/** A folder with `count` library files (plain files are enough: the list only checks they exist). */
function setUp(count: number) {
  const dir = makeTempDir();
  const libraries = Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `lib-${i}.db`);
    fs.writeFileSync(file, '');
    return file;
  });
  const file = path.join(dir, RECENT_LIBRARIES_FILE_NAME);
  return { dir, libraries, file };
}

const stored = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('recent libraries', () => {
  it('lists the most recently opened first, each once, and keeps the list across restarts', () => {
    const { libraries: [a, b, c], file } = setUp(3);
    const recent = new RecentLibraries({ file });
    expect(recent.list()).toEqual([]);
    recent.add(a!);
    recent.add(b!);
    recent.add(c!);
    expect(recent.add(a!)).toEqual([a, c, b]);
    expect(stored(file)).toEqual({ libraries: [a, c, b] });
    expect(new RecentLibraries({ file }).list()).toEqual([a, c, b]);
  });

  it('stores absolute paths, so the same file named two ways is one entry', () => {
    const { dir, libraries: [a], file } = setUp(1);
    const recent = new RecentLibraries({ file });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      recent.add(path.basename(a!));
    } finally {
      process.chdir(cwd);
    }
    recent.add(path.join(dir, '.', path.basename(a!)));
    expect(recent.list()).toEqual([a]);
  });

  it('treats paths differing in case as one file on Windows', () => {
    const { file } = setUp(0);
    const recent = new RecentLibraries({ file, platform: 'win32', exists: () => true });
    recent.add('/Users/Editor/Lib.db');
    expect(recent.add('/users/editor/lib.db')).toEqual(['/users/editor/lib.db']);
  });

  it('keeps at most ten, dropping the oldest', () => {
    const { libraries, file } = setUp(12);
    const recent = new RecentLibraries({ file });
    for (const library of libraries) recent.add(library);
    expect(recent.list()).toEqual(libraries.slice(2).reverse());
    expect(new RecentLibraries({ file, max: 3 }).list()).toEqual(libraries.slice(9).reverse());
  });

  it('drops libraries whose file has gone, for good', () => {
    const { libraries: [a, b, c], file } = setUp(3);
    const recent = new RecentLibraries({ file });
    for (const library of [a!, b!, c!]) recent.add(library);
    fs.rmSync(b!);
    expect(recent.list()).toEqual([c, a]);
    expect(stored(file)).toEqual({ libraries: [c, a] });
    fs.writeFileSync(b!, ''); // back again: it was dropped, so it stays dropped until opened
    expect(recent.list()).toEqual([c, a]);
  });

  it('removes one library and clears them all', () => {
    const { libraries: [a, b], file } = setUp(2);
    const recent = new RecentLibraries({ file });
    recent.add(a!);
    recent.add(b!);
    expect(recent.remove(a!)).toEqual([b]);
    recent.clear();
    expect(recent.list()).toEqual([]);
    expect(stored(file)).toEqual({ libraries: [] });
  });

  it('reads a corrupt, truncated or strange file as an empty list, then writes a good one', () => {
    const { libraries: [a, b], file } = setUp(2);
    for (const content of ['{"libraries": ["/x', 'not json at all', 'null', '42', '{"libraries": "nope"}', '\u0000\u0001binary']) {
      fs.writeFileSync(file, content);
      const recent = new RecentLibraries({ file });
      expect(recent.list(), content).toEqual([]);
      expect(recent.add(a!)).toEqual([a]);
      expect(stored(file)).toEqual({ libraries: [a] });
    }
    // Unusable entries are skipped, usable ones kept in order without duplicates.
    fs.writeFileSync(file, JSON.stringify({ libraries: [7, 'relative.db', b, null, a, b, '', { path: a }] }));
    expect(new RecentLibraries({ file }).list()).toEqual([b, a]);
    // A plain array (hand-written) is read too.
    fs.writeFileSync(file, JSON.stringify([a]));
    expect(new RecentLibraries({ file }).list()).toEqual([a]);
  });

  it('reads an unreadable file as empty, and reports a failed write instead of throwing', () => {
    const { dir, libraries: [a] } = setUp(1);
    // The list's "file" is a folder: it can be neither read nor replaced.
    const folder = path.join(dir, 'recent-is-a-folder');
    fs.mkdirSync(folder);
    const onError = vi.fn();
    const recent = new RecentLibraries({ file: folder, onError });
    expect(recent.list()).toEqual([]);
    expect(recent.add(a!)).toEqual([a]); // kept for this run
    expect(onError).toHaveBeenCalledOnce();
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
