import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { nowIso } from '../store/clock.js';
import { currentAuthor } from '../store/settings.js';
import { insertAnchor, toAnchor, type Anchor, type AnchorRow, type Range } from './anchors.js';

/*
 * Comments on a range of an article's text, with replies, resolved and reopened.
 *
 * Comments are not revisions. A revision is a change to the text and its structure that undo
 * takes back; a comment is a conversation about the text. Undoing an edit must not delete the
 * comment written since, and undoing "resolve" is simply "reopen". So a comment and its entries
 * (replies, resolve, reopen: each with author and time) are appended and never deleted; only the
 * thread's state changes. Its anchor follows the text (reanchor.ts) and is shown as detached when
 * its text is deleted, never dropped.
 */

export type CommentState = 'open' | 'resolved';

export interface CommentEntry {
  id: number;
  kind: 'reply' | 'resolve' | 'reopen';
  author: string;
  body: string;
  createdAt: string;
}

export interface Comment {
  id: number;
  author: string;
  body: string;
  createdAt: string;
  state: CommentState;
  /** The text as it read when the comment was written. */
  quotedText: string;
  anchor: Anchor;
  /** The article the comment is in now, for a library-wide list. */
  article: { id: number; headline: string | null; sourceId: number; sourceName: string; live: boolean };
  /** Replies and resolve/reopen events, oldest first. */
  entries: CommentEntry[];
}

interface CommentRow {
  id: number;
  anchor_id: number;
  author: string;
  body: string;
  quote: string;
  created_at: string;
  state: CommentState;
}

type ListedRow = CommentRow & { [K in keyof AnchorRow as `an_${K}`]: AnchorRow[K] } & {
  headline: string | null;
  source_id: number;
  source_name: string;
  article_retired: number;
};

const SELECT = `
  SELECT c.*, an.id AS an_id, an.article_id AS an_article_id, an.block_id AS an_block_id,
         an.start_offset AS an_start_offset, an.end_block_id AS an_end_block_id, an.end_offset AS an_end_offset,
         an.quote AS an_quote, an.prefix AS an_prefix, an.suffix AS an_suffix, an.detached AS an_detached,
         an.updated_at AS an_updated_at, a.headline, a.source_id, s.name AS source_name, a.retired AS article_retired
  FROM comments c JOIN anchors an ON an.id = c.anchor_id JOIN articles a ON a.id = an.article_id
  JOIN sources s ON s.id = a.source_id JOIN blocks b ON b.id = an.block_id`;

function toComment(row: ListedRow, entries: CommentEntry[]): Comment {
  const anchor: AnchorRow = {
    id: row.an_id,
    article_id: row.an_article_id,
    block_id: row.an_block_id,
    start_offset: row.an_start_offset,
    end_block_id: row.an_end_block_id,
    end_offset: row.an_end_offset,
    quote: row.an_quote,
    prefix: row.an_prefix,
    suffix: row.an_suffix,
    detached: row.an_detached,
    updated_at: row.an_updated_at,
  };
  return {
    id: row.id,
    author: row.author,
    body: row.body,
    createdAt: row.created_at,
    state: row.state,
    quotedText: row.quote,
    anchor: toAnchor(anchor),
    article: {
      id: row.an_article_id,
      headline: row.headline,
      sourceId: row.source_id,
      sourceName: row.source_name,
      live: row.article_retired === 0,
    },
    entries,
  };
}

function entriesOf(db: Db, ids: readonly number[]): Map<number, CommentEntry[]> {
  const out = new Map<number, CommentEntry[]>();
  const rows = db
    .prepare(`SELECT id, comment_id, kind, author, body, created_at FROM comment_entries
              WHERE comment_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify(ids)) as { id: number; comment_id: number; kind: CommentEntry['kind']; author: string; body: string; created_at: string }[];
  for (const r of rows) {
    const list = out.get(r.comment_id) ?? [];
    list.push({ id: r.id, kind: r.kind, author: r.author, body: r.body, createdAt: r.created_at });
    out.set(r.comment_id, list);
  }
  return out;
}

export function getComment(db: Db, id: number): Comment {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ListedRow | undefined;
  if (!row) throw new LibraryError(`No comment ${id} in this library.`);
  return toComment(row, entriesOf(db, [id]).get(id) ?? []);
}

function cleanBody(body: string): string {
  const text = body.normalize('NFC').trim();
  if (!text) throw new LibraryError('A comment cannot be empty.');
  return text;
}

/** Comments on a range of text; the author is the library's author setting (or the login name). */
export function addComment(db: Db, range: Range, body: string): Comment {
  const text = cleanBody(body);
  return writeTransaction(db, () => {
    const anchorId = insertAnchor(db, range);
    const quote = (db.prepare('SELECT quote FROM anchors WHERE id = ?').pluck().get(anchorId) as string);
    const info = db
      .prepare('INSERT INTO comments (anchor_id, author, body, quote, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(anchorId, currentAuthor(db), text, quote, nowIso());
    return getComment(db, Number(info.lastInsertRowid));
  });
}

function appendEntry(db: Db, id: number, kind: CommentEntry['kind'], body: string): void {
  db.prepare('INSERT INTO comment_entries (comment_id, kind, author, body, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, kind, currentAuthor(db), body, nowIso());
}

export function replyToComment(db: Db, id: number, body: string): Comment {
  const text = cleanBody(body);
  return writeTransaction(db, () => {
    getComment(db, id);
    appendEntry(db, id, 'reply', text);
    return getComment(db, id);
  });
}

function setState(db: Db, id: number, state: CommentState, note: string | undefined): Comment {
  return writeTransaction(db, () => {
    const comment = getComment(db, id);
    if (comment.state === state) throw new LibraryError(`Comment ${id} is ${state} already.`);
    db.prepare('UPDATE comments SET state = ? WHERE id = ?').run(state, id);
    appendEntry(db, id, state === 'resolved' ? 'resolve' : 'reopen', note?.normalize('NFC').trim() ?? '');
    return getComment(db, id);
  });
}

export function resolveComment(db: Db, id: number, note?: string): Comment {
  return setState(db, id, 'resolved', note);
}

export function reopenComment(db: Db, id: number, note?: string): Comment {
  return setState(db, id, 'open', note);
}

export interface CommentFilter {
  /** Default 'open'. */
  state?: CommentState | 'all';
  articleId?: number;
  sourceId?: number;
  author?: string;
  /** Only detached (true) or only attached (false) comments. */
  detached?: boolean;
  /** Words in the comment or its replies. */
  text?: string;
  limit?: number;
  offset?: number;
}

/** Comments library-wide, in reading order (page, article, block, offset), each with its article and place. */
export function listComments(db: Db, filter: CommentFilter = {}): Comment[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const state = filter.state ?? 'open';
  if (state !== 'all') {
    where.push('c.state = ?');
    params.push(state);
  }
  if (filter.articleId !== undefined) {
    where.push('an.article_id = ?');
    params.push(filter.articleId);
  }
  if (filter.sourceId !== undefined) {
    where.push('a.source_id = ?');
    params.push(filter.sourceId);
  }
  if (filter.author !== undefined) {
    where.push('c.author = ?');
    params.push(filter.author);
  }
  if (filter.detached !== undefined) {
    where.push('an.detached = ?');
    params.push(filter.detached ? 1 : 0);
  }
  if (filter.text) {
    where.push(`(instr(c.body, ?) > 0 OR EXISTS (SELECT 1 FROM comment_entries e WHERE e.comment_id = c.id AND instr(e.body, ?) > 0))`);
    params.push(filter.text, filter.text);
  }
  const limit = Math.max(0, Math.min(filter.limit ?? 500, 10_000));
  const rows = db
    .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
              ORDER BY a.source_id, a.ordinal, b.ordinal, an.start_offset, c.id LIMIT ? OFFSET ?`)
    .all(...params, limit, Math.max(0, filter.offset ?? 0)) as ListedRow[];
  const entries = entriesOf(db, rows.map((r) => r.id));
  return rows.map((r) => toComment(r, entries.get(r.id) ?? []));
}
