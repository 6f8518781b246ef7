import type Database from 'better-sqlite3';
import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { bigramsOf, tokenize } from './fold.js';

/*
 * The full-text index holds each live article's CURRENT text (its live blocks), folded and
 * tokenised (fold.ts), in two contentless FTS5 tables keyed by article id:
 *   search_chars    every token: one-token queries (港, 5G) look here;
 *   search_bigrams  every pair of neighbouring tokens within a block: a query of n ≥ 2 tokens is a
 *                   phrase of its n − 1 bigrams, whose posting lists are far shorter than those of
 *                   single characters (营口 is one bigram token, not the phrase 营 + 口).
 * Bigrams never join the last token of one block to the first of the next, so no match spans two
 * paragraphs. indexArticles runs wherever summaries and findings are refreshed (recordRevision,
 * the importer), inside the same transaction, so the index is never out of step with the text.
 */

/** The format of the indexed text; a library indexed in another format is rebuilt on first search. */
export const SEARCH_INDEX_FORMAT = '1';
const FORMAT_KEY = 'search_index_format';

type Statement = Database.Statement;

interface Statements {
  blocks: Statement;
  deleteChars: Statement;
  deleteBigrams: Statement;
  insertChars: Statement;
  insertBigrams: Statement;
}

const prepared = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      blocks: db.prepare(`
        SELECT b.article_id, b.text FROM blocks b JOIN articles a ON a.id = b.article_id
        WHERE a.id IN (SELECT value FROM json_each(?)) AND a.retired = 0 AND b.retired = 0
        ORDER BY b.article_id, b.ordinal`),
      deleteChars: db.prepare('DELETE FROM search_chars WHERE rowid = ?'),
      deleteBigrams: db.prepare('DELETE FROM search_bigrams WHERE rowid = ?'),
      insertChars: db.prepare('INSERT INTO search_chars (rowid, tokens) VALUES (?, ?)'),
      insertBigrams: db.prepare('INSERT INTO search_bigrams (rowid, tokens) VALUES (?, ?)'),
    };
    prepared.set(db, s);
  }
  return s;
}

/** The two token streams of an article's blocks, as stored. */
export function indexedText(blockTexts: readonly string[]): { chars: string; bigrams: string } {
  const chars: string[] = [];
  const bigrams: string[] = [];
  for (const text of blockTexts) {
    const tokens = tokenize(text);
    for (const t of tokens) chars.push(t.text);
    for (const b of bigramsOf(tokens)) bigrams.push(b);
  }
  return { chars: chars.join(' '), bigrams: bigrams.join(' ') };
}

/**
 * Brings the index in step with these articles' current text: a retired (merged-away) article
 * leaves the index. Call inside the transaction that changed them.
 */
export function indexArticles(db: Db, articleIds: readonly number[]): void {
  if (articleIds.length === 0) return;
  const s = statements(db);
  const texts = new Map<number, string[]>();
  const rows = s.blocks.all(JSON.stringify(articleIds)) as { article_id: number; text: string }[];
  for (const row of rows) {
    let list = texts.get(row.article_id);
    if (!list) texts.set(row.article_id, (list = []));
    list.push(row.text);
  }
  for (const id of new Set(articleIds)) {
    s.deleteChars.run(id);
    s.deleteBigrams.run(id);
    const blocks = texts.get(id);
    if (!blocks) continue;
    const { chars, bigrams } = indexedText(blocks);
    s.insertChars.run(id, chars);
    s.insertBigrams.run(id, bigrams);
  }
}

/** Indexes every live article afresh, in batches (the whole library in one transaction). */
export function rebuildSearchIndex(db: Db, batchSize = 500): void {
  writeTransaction(db, () => {
    db.exec(`INSERT INTO search_chars (search_chars) VALUES ('delete-all');
             INSERT INTO search_bigrams (search_bigrams) VALUES ('delete-all');`);
    const ids = (db.prepare('SELECT id FROM articles WHERE retired = 0 ORDER BY id').pluck().all() as number[]);
    for (let i = 0; i < ids.length; i += batchSize) indexArticles(db, ids.slice(i, i + batchSize));
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(FORMAT_KEY, SEARCH_INDEX_FORMAT);
  });
}

function indexFormat(db: Db): string | undefined {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(FORMAT_KEY) as string | undefined);
}

/**
 * A library from before the index (schema 2), or indexed in an older format, is indexed on
 * first use; the format is checked again inside the write lock, so two processes do it once.
 */
export function ensureSearchIndex(db: Db): void {
  if (indexFormat(db) === SEARCH_INDEX_FORMAT) return;
  writeTransaction(db, () => {
    if (indexFormat(db) !== SEARCH_INDEX_FORMAT) rebuildSearchIndex(db);
  });
}
