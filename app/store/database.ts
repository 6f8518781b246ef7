import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LibraryError } from './errors.js';
import { migrate } from './migrations.js';

export type Db = Database.Database;

/**
 * Older SQLite builds can corrupt a WAL database when two processes write or checkpoint at the
 * same moment; the desktop app and the CLI may do exactly that on one library file.
 */
export const MIN_SQLITE_VERSION = '3.51.3';

/** How long a writer waits for another process's write lock before giving up. */
const BUSY_TIMEOUT_MS = 15_000;

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function assertSqliteVersion(db: Db): string {
  const { v } = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
  if (compareVersions(v, MIN_SQLITE_VERSION) < 0) {
    throw new LibraryError(
      `SQLite ${v} is too old: Qinggao needs ${MIN_SQLITE_VERSION} or later (reinstall better-sqlite3 12.8.0 or newer).`,
    );
  }
  return v;
}

export interface OpenOptions {
  /** Migrate up to this schema version only; used by migration tests. */
  targetVersion?: number;
  /**
   * A better-sqlite3 binary built for another runtime: the desktop app started from a checkout
   * runs on Electron's Node, whose ABI differs from the Node the CLI and tests use.
   */
  nativeBinding?: string;
}

/** Opens (creating if needed) a library database file and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new LibraryError(`Cannot open library ${file}: ${(err as Error).message}`);
  }
  try {
    assertSqliteVersion(db);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.targetVersion);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof LibraryError) throw err;
    const message = (err as Error).message;
    if (/file is not a database|malformed/i.test(message)) {
      throw new LibraryError(`${file} is not a Qinggao library (${message}).`);
    }
    throw err;
  }
}

/**
 * Runs fn in a write transaction begun IMMEDIATE, so the write lock is taken up front and
 * waits (busy_timeout) for another process instead of failing mid-way with SQLITE_BUSY.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  return db.transaction(fn).immediate();
}
