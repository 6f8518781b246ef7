import type { Db } from './database.js';

export interface SourceRow {
  id: number;
  name: string;
  path: string;
  sha256: string;
  encoding: string;
  byte_size: number;
  replacement_count: number;
  imported_at: string;
}

export interface SourceSummary extends SourceRow {
  articles: number;
}

export interface NewSource {
  name: string;
  path: string;
  sha256: string;
  encoding: string;
  byteSize: number;
  replacementCount: number;
  importedAt: string;
  text: string;
}

const SOURCE_COLUMNS = 'id, name, path, sha256, encoding, byte_size, replacement_count, imported_at';

export function findSourceByHash(db: Db, sha256: string): SourceRow | undefined {
  return db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE sha256 = ?`).get(sha256) as SourceRow | undefined;
}

export function insertSource(db: Db, s: NewSource): number {
  const info = db
    .prepare(`INSERT INTO sources (name, path, sha256, encoding, byte_size, replacement_count, imported_at, text)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(s.name, s.path, s.sha256, s.encoding, s.byteSize, s.replacementCount, s.importedAt, s.text);
  return Number(info.lastInsertRowid);
}

export function listSources(db: Db): SourceSummary[] {
  return db
    .prepare(`SELECT ${SOURCE_COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')},
                (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.retired = 0) AS articles
              FROM sources s ORDER BY s.id`)
    .all() as SourceSummary[];
}

export function getSourceText(db: Db, id: number): string | undefined {
  const row = db.prepare('SELECT text FROM sources WHERE id = ?').get(id) as { text: string } | undefined;
  return row?.text;
}
