import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compareVersions, MIN_SQLITE_VERSION, openDatabase, writeTransaction } from './database.js';
import { MIGRATIONS, SCHEMA_VERSION, schemaVersion } from './migrations.js';
import { LibraryError } from './errors.js';
import { getSetting, setSetting } from './settings.js';
import { makeTempDir, REPO_ROOT } from '../../test/helpers.js';

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('opening a library database', () => {
  it('creates the full schema in an empty file, in WAL mode with foreign keys on', () => {
    const file = path.join(makeTempDir(), 'new.db');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['sources', 'articles', 'blocks', 'revisions', 'settings']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('runs with a SQLite at least as new as the WAL-safe minimum', () => {
    const db = openDatabase(':memory:');
    const { v } = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    expect(compareVersions(v, MIN_SQLITE_VERSION)).toBeGreaterThanOrEqual(0);
    db.close();
  });

  it('compares dotted versions numerically', () => {
    expect(compareVersions('3.51.3', '3.51.3')).toBe(0);
    expect(compareVersions('3.9.0', '3.51.3')).toBeLessThan(0);
    expect(compareVersions('3.52', '3.51.3')).toBeGreaterThan(0);
  });

  it.each(MIGRATIONS.map((m) => m.version - 1))('migrates a library from schema version %i to the current one', (from) => {
    const file = path.join(makeTempDir(), 'old.db');
    openDatabase(file, { targetVersion: from }).close();
    const old = new Database(file);
    expect(old.pragma('user_version', { simple: true })).toBe(from);
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('refuses a library written by a newer version, without touching it', () => {
    const file = path.join(makeTempDir(), 'future.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(LibraryError);
    expect(() => openDatabase(file)).toThrow(/newer version of Qinggao/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    after.close();
  });

  it('refuses a file that is not a library with a clear message', async () => {
    const file = path.join(makeTempDir(), 'notes.db');
    (await import('node:fs')).writeFileSync(file, 'these are not the droids'.repeat(200));
    expect(() => openDatabase(file)).toThrow(/is not a Qinggao library/);
  });

  it('keeps imported sources and the revision log immutable', () => {
    const db = openDatabase(':memory:');
    db.prepare(`INSERT INTO sources (name, path, sha256, encoding, byte_size, imported_at, text)
                VALUES ('p.txt', '/p.txt', 'abc', 'utf-8', 3, 'now', 'abc')`).run();
    expect(() => db.prepare("UPDATE sources SET text = 'changed'").run()).toThrow(/immutable/);
    db.prepare(`INSERT INTO revisions (created_at, author, kind, summary, changes) VALUES ('now', 'me', 'text', 's', '[]')`).run();
    expect(() => db.prepare("UPDATE revisions SET summary = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM revisions').run()).toThrow(/append-only/);
    db.close();
  });
});

/** A child process that increments a counter in the library n times, each a read-modify-write. */
function incrementInChild(file: string, times: number): Promise<{ code: number | null; stderr: string }> {
  const script = `
    const { openDatabase, writeTransaction } = await import(${JSON.stringify(path.join(REPO_ROOT, 'dist/app/store/database.js'))});
    const db = openDatabase(process.argv[1]);
    const read = db.prepare("SELECT value FROM settings WHERE key = 'counter'");
    const write = db.prepare("INSERT INTO settings (key, value) VALUES ('counter', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    for (let i = 0; i < ${times}; i++) {
      writeTransaction(db, () => {
        const n = Number(read.get()?.value ?? 0);
        write.run(String(n + 1));
      });
      if (i % 50 === 0) db.pragma('wal_checkpoint(PASSIVE)');
    }
    db.close();
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('two processes writing one library', () => {
  it('loses no update and never surfaces SQLITE_BUSY', async () => {
    const file = path.join(makeTempDir(), 'shared.db');
    openDatabase(file).close();
    const results = await Promise.all([incrementInChild(file, 300), incrementInChild(file, 300), incrementInChild(file, 300)]);
    for (const r of results) expect(r).toEqual({ code: 0, stderr: '' });
    const db = openDatabase(file);
    expect(getSetting(db, 'counter')).toBe('900');
    db.close();
  });

  it('nests a write transaction inside another without a second BEGIN', () => {
    const db = openDatabase(':memory:');
    writeTransaction(db, () => {
      setSetting(db, 'a', '1');
      writeTransaction(db, () => setSetting(db, 'b', '2'));
    });
    expect([getSetting(db, 'a'), getSetting(db, 'b')]).toEqual(['1', '2']);
    db.close();
  });
});
