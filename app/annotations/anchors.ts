import type { Db } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { nowIso } from '../store/clock.js';
import { isLiveArticle } from '../store/articles.js';

/*
 * An anchor is a range of an article's current text: from an offset in one block to an offset in
 * the same or a later block of the same article (UTF-16 offsets into the blocks' current text,
 * as findings use). Comments and span tags hang on anchors. Besides the offsets an anchor keeps
 * its quote and a little text either side, to find it again when the offsets alone cannot
 * (reanchor.ts); a detached anchor keeps the last place it had.
 */

export const CONTEXT_CHARS = 24;

export interface AnchorRow {
  id: number;
  article_id: number;
  block_id: number;
  start_offset: number;
  end_block_id: number;
  end_offset: number;
  quote: string;
  prefix: string;
  suffix: string;
  detached: number;
  updated_at: string;
}

/** An anchor as the API gives it. */
export interface Anchor {
  id: number;
  articleId: number;
  blockId: number;
  start: number;
  endBlockId: number;
  end: number;
  /** The text the range covers now (when detached: the text it covered when last attached). */
  quote: string;
  /** The text is gone: blockId/start/endBlockId/end are where it last was. */
  detached: boolean;
}

export function toAnchor(row: AnchorRow): Anchor {
  return {
    id: row.id,
    articleId: row.article_id,
    blockId: row.block_id,
    start: row.start_offset,
    endBlockId: row.end_block_id,
    end: row.end_offset,
    quote: row.quote,
    detached: row.detached === 1,
  };
}

export interface LiveBlock {
  id: number;
  article_id: number;
  ordinal: number;
  text: string;
}

export function liveBlock(db: Db, id: number): LiveBlock | undefined {
  return db
    .prepare('SELECT id, article_id, ordinal, text FROM blocks WHERE id = ? AND retired = 0')
    .get(id) as LiveBlock | undefined;
}

export function articleBlocks(db: Db, articleId: number): LiveBlock[] {
  return db
    .prepare('SELECT id, article_id, ordinal, text FROM blocks WHERE article_id = ? AND retired = 0 ORDER BY ordinal')
    .all(articleId) as LiveBlock[];
}

export interface Range {
  blockId: number;
  start: number;
  endBlockId: number;
  end: number;
}

export interface ResolvedRange extends Range {
  articleId: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * Checks a range against the article's live blocks and reads its quote and context. Blocks in
 * between are joined with "\n", as a finding's flagged text is.
 */
export function resolveRange(db: Db, range: Range): ResolvedRange {
  const first = liveBlock(db, range.blockId);
  if (!first || !isLiveArticle(db, first.article_id)) throw new LibraryError(`No block ${range.blockId} in this library.`);
  const blocks = articleBlocks(db, first.article_id);
  const i = blocks.findIndex((b) => b.id === range.blockId);
  const j = blocks.findIndex((b) => b.id === range.endBlockId);
  if (j === -1) throw new LibraryError(`Block ${range.endBlockId} is not in article ${first.article_id} with block ${range.blockId}.`);
  const inside = (n: number, b: LiveBlock) => Number.isInteger(n) && n >= 0 && n <= b.text.length;
  if (!inside(range.start, blocks[i]!) || !inside(range.end, blocks[j]!)) {
    throw new LibraryError('The range lies outside the text of its blocks.');
  }
  if (j < i || (i === j && range.end <= range.start)) throw new LibraryError('The range is empty or runs backwards.');
  const quote = i === j
    ? blocks[i]!.text.slice(range.start, range.end)
    : [blocks[i]!.text.slice(range.start), ...blocks.slice(i + 1, j).map((b) => b.text), blocks[j]!.text.slice(0, range.end)].join('\n');
  return {
    ...range,
    articleId: first.article_id,
    quote,
    prefix: blocks[i]!.text.slice(Math.max(0, range.start - CONTEXT_CHARS), range.start),
    suffix: blocks[j]!.text.slice(range.end, range.end + CONTEXT_CHARS),
  };
}

export function insertAnchor(db: Db, range: Range): number {
  const r = resolveRange(db, range);
  const info = db
    .prepare(`INSERT INTO anchors (article_id, block_id, start_offset, end_block_id, end_offset, quote, prefix, suffix, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.articleId, r.blockId, r.start, r.endBlockId, r.end, r.quote, r.prefix, r.suffix, nowIso());
  return Number(info.lastInsertRowid);
}

export function anchorRow(db: Db, id: number): AnchorRow | undefined {
  return db.prepare('SELECT * FROM anchors WHERE id = ?').get(id) as AnchorRow | undefined;
}
