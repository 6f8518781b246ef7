import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openLibrary, type Library } from '../app/library.js';

/*
 * Opening a library the editor picked in a dialog. Opening brings a file's schema up to date, which
 * writes to it, so a file is looked at first (read-only) and refused unless it is a Qinggao library
 * or an empty database: picking another program's SQLite file by mistake must leave it untouched.
 */

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Tables every Qinggao library has had since its first migration. */
const LIBRARY_TABLES = ['sources', 'articles', 'blocks', 'revisions'];

export type LibraryFileCheck = { ok: true; exists: boolean } | { ok: false; reason: string };

export interface LibraryFileOptions {
  /** See OpenOptions.nativeBinding: the desktop app started from a checkout needs Electron's build. */
  nativeBinding?: string;
}

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    return header.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether `file` may be opened as a library: missing (it will be created), empty, or a library. */
export function checkLibraryFile(file: string, options: LibraryFileOptions = {}): LibraryFileCheck {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, exists: false };
    return { ok: false, reason: `Cannot read ${file}: ${(err as Error).message}` };
  }
  if (!stat.isFile()) return { ok: false, reason: `${file} is not a file.` };
  if (stat.size === 0) return { ok: true, exists: true };

  let header: Buffer;
  try {
    header = readHeader(file);
  } catch (err) {
    return { ok: false, reason: `Cannot read ${file}: ${(err as Error).message}` };
  }
  if (!header.equals(SQLITE_HEADER)) return { ok: false, reason: `${file} is not a Qinggao library (it is not an SQLite database).` };

  let tables: string[];
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    try {
      tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name);
    } finally {
      db.close();
    }
  } catch (err) {
    return { ok: false, reason: `${file} cannot be read as a Qinggao library (${(err as Error).message}).` };
  }
  if (tables.length === 0 || LIBRARY_TABLES.every((table) => tables.includes(table))) return { ok: true, exists: true };
  return { ok: false, reason: `${file} is an SQLite database of another program, not a Qinggao library; it was left as it is.` };
}

/** Opens a library file the editor chose, after checking it (see above); throws with a readable message. */
export function openChosenLibrary(file: string, options: LibraryFileOptions = {}): Library {
  const check = checkLibraryFile(file, options);
  if (!check.ok) throw new Error(check.reason);
  return openLibrary({ file, nativeBinding: options.nativeBinding });
}
