import os from 'node:os';
import type { Db } from './database.js';
import { writeTransaction } from './database.js';

export function getSetting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  writeTransaction(db, () => {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  });
}

/** The name revisions are signed with: the "author" setting, else the login name. */
export function currentAuthor(db: Db): string {
  const configured = getSetting(db, 'author');
  if (configured) return configured;
  try {
    return os.userInfo().username || 'editor';
  } catch {
    return 'editor';
  }
}
