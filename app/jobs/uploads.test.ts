import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSources } from '../store/sources.js';
import { makeTempDir, openTempLibrary, SEED_FILES } from '../../test/helpers.js';
import { importUploads, planUpload, type UploadedFile } from './uploads.js';

const upload = (name: string, bytes: Buffer | string): UploadedFile => ({ name, base64: Buffer.from(bytes).toString('base64') });

const savedTmpdir = process.env['TMPDIR'];

afterEach(() => {
  if (savedTmpdir === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = savedTmpdir;
});

describe('importUploads: files given as contents, as a browser gives them', () => {
  it('imports them under the uploaded names, with the same rejections as any import, and leaves no temporary copy', () => {
    const lib = openTempLibrary();
    // A temporary folder of this test's own, to see that the copies are removed (os.tmpdir() reads TMPDIR).
    const tmp = makeTempDir();
    process.env['TMPDIR'] = tmp;
    const report = importUploads(lib.db, [
      upload('早报.txt', fs.readFileSync(SEED_FILES[0]!)),
      upload('photo.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])),
      upload('notes.pdf', '%PDF-1.7'),
      upload('empty.md', ''),
    ]);
    expect(report).toMatchObject({ imported: 1, duplicates: 0, rejected: 3 });
    expect(report.outcomes.map((o) => [o.file, o.status])).toEqual([
      ['早报.txt', 'imported'],
      ['photo.txt', 'rejected'],
      ['notes.pdf', 'rejected'],
      ['empty.md', 'rejected'],
    ]);
    const reasons = report.outcomes.map((o) => (o.status === 'rejected' ? o.reason : ''));
    expect(reasons[1]).toMatch(/binary content/);
    expect(reasons[2]).toMatch(/not a page file/);
    expect(reasons[3]).toMatch(/empty file/);
    expect(listSources(lib.db).map((s) => [s.name, s.path])).toEqual([['早报.txt', '早报.txt']]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('follows folder rules for files dropped in a folder: hidden files and non-pages are skipped, same names kept apart', () => {
    const lib = openTempLibrary();
    const report = importUploads(lib.db, [
      upload('第一版/a.txt', fs.readFileSync(SEED_FILES[1]!)),
      upload('第二版/a.txt', fs.readFileSync(SEED_FILES[2]!)),
      upload('第二版/.DS_Store', 'junk'),
      upload('第二版/scan.jpg', Buffer.from([0xff, 0xd8])),
      upload('../escape.txt', fs.readFileSync(SEED_FILES[3]!)),
    ]);
    expect(report.outcomes.map((o) => [o.file, o.status])).toEqual([
      ['../escape.txt', 'rejected'],
      ['第一版/a.txt', 'imported'],
      ['第二版/a.txt', 'imported'],
    ]);
    expect(listSources(lib.db).map((s) => s.path)).toEqual(['第一版/a.txt', '第二版/a.txt']);
  });

  it('plans names: folders with forward or back slashes, nothing outside', () => {
    expect(planUpload('a.txt')).toEqual({ kind: 'write', name: 'a.txt', base: 'a.txt' });
    expect(planUpload('dir\\sub\\b.md')).toEqual({ kind: 'write', name: 'dir/sub/b.md', base: 'b.md' });
    expect(planUpload('./dir//c.txt')).toEqual({ kind: 'write', name: 'dir/c.txt', base: 'c.txt' });
    expect(planUpload('photo.jpg')).toMatchObject({ kind: 'write' }); // chosen alone: the importer rejects it
    expect(planUpload('dir/photo.jpg')).toEqual({ kind: 'skip' });
    expect(planUpload('dir/.hidden/d.txt')).toEqual({ kind: 'skip' });
    for (const bad of ['..', 'a/../../b.txt', '/', 'nul\0.txt']) expect(planUpload(bad)).toMatchObject({ kind: 'reject' });
  });

  it('stops between files when asked, keeping what it imported', () => {
    const lib = openTempLibrary();
    let asked = 0;
    const report = importUploads(lib.db, SEED_FILES.map((f) => upload(path.basename(f), fs.readFileSync(f))), {
      shouldStop: () => ++asked > 2,
    });
    expect(report).toMatchObject({ imported: 2, cancelled: { notAttempted: 3 } });
    expect(listSources(lib.db)).toHaveLength(2);
  });
});
