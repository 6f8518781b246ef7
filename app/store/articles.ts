import type { Db } from './database.js';
import type { BlockClass } from '../segment/types.js';
import { summarizeArticle } from '../segment/index.js';

export const ARTICLE_STATUSES = ['raw', 'in_review', 'clean', 'approved'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface ArticleListItem {
  id: number;
  sourceId: number;
  sourceName: string;
  ordinal: number;
  section: string | null;
  status: ArticleStatus;
  headline: string | null;
  subheads: string[];
  reporters: string[];
  blockCount: number;
}

export interface Block {
  id: number;
  articleId: number;
  ordinal: number;
  cls: BlockClass;
  text: string;
  /** The block as OCR gave it, before any revision. */
  originalText: string;
  originalClass: BlockClass;
  sourceId: number;
  srcStart: number;
  srcEnd: number;
}

export interface ArticleDetail extends ArticleListItem {
  blocks: Block[];
}

interface ArticleRow {
  id: number;
  source_id: number;
  source_name: string;
  ordinal: number;
  section: string | null;
  status: ArticleStatus;
  headline: string | null;
  subheads: string;
  reporters: string;
  block_count: number;
}

const ARTICLE_SELECT = `
  SELECT a.id, a.source_id, s.name AS source_name, a.ordinal, a.section, a.status, a.headline,
         a.subheads, a.reporters,
         (SELECT count(*) FROM blocks b WHERE b.article_id = a.id AND b.retired = 0) AS block_count
  FROM articles a JOIN sources s ON s.id = a.source_id`;

function toListItem(row: ArticleRow): ArticleListItem {
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    ordinal: row.ordinal,
    section: row.section,
    status: row.status,
    headline: row.headline,
    subheads: JSON.parse(row.subheads) as string[],
    reporters: JSON.parse(row.reporters) as string[],
    blockCount: row.block_count,
  };
}

export interface ArticleFilter {
  sourceId?: number;
}

/** Live (not merged-away) articles in page order: by source, then position on the page. */
export function listArticles(db: Db, filter: ArticleFilter = {}): ArticleListItem[] {
  const where = ['a.retired = 0'];
  const params: unknown[] = [];
  if (filter.sourceId !== undefined) {
    where.push('a.source_id = ?');
    params.push(filter.sourceId);
  }
  const rows = db
    .prepare(`${ARTICLE_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.source_id, a.ordinal`)
    .all(...params) as ArticleRow[];
  return rows.map(toListItem);
}

export function isLiveArticle(db: Db, id: number): boolean {
  const row = db.prepare('SELECT retired FROM articles WHERE id = ?').get(id) as { retired: number } | undefined;
  return row !== undefined && row.retired === 0;
}

interface BlockRow {
  id: number;
  article_id: number;
  ordinal: number;
  class: BlockClass;
  text: string;
  orig_class: BlockClass;
  source_id: number;
  src_start: number;
  src_end: number;
}

const BLOCK_SELECT = `
  SELECT b.id, b.article_id, b.ordinal, b.class, b.text, b.orig_class, b.source_id, b.src_start, b.src_end
  FROM blocks b`;

/**
 * Each block's original OCR text, sliced from its source in JavaScript: the offsets are UTF-16
 * offsets into the decoded page, which SQLite's substr (counting characters, and scanning from
 * the start of the page for every block) would neither honour for characters beyond the BMP nor
 * do quickly for a long article.
 */
function toBlocks(db: Db, rows: readonly BlockRow[]): Block[] {
  const sources = new Map<number, string>();
  const sourceText = db.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  return rows.map((row) => {
    let text = sources.get(row.source_id);
    if (text === undefined) {
      text = (sourceText.get(row.source_id) as string | undefined) ?? '';
      sources.set(row.source_id, text);
    }
    return {
      id: row.id,
      articleId: row.article_id,
      ordinal: row.ordinal,
      cls: row.class,
      text: row.text,
      originalText: text.slice(row.src_start, row.src_end),
      originalClass: row.orig_class,
      sourceId: row.source_id,
      srcStart: row.src_start,
      srcEnd: row.src_end,
    };
  });
}

export function getBlocks(db: Db, articleId: number): Block[] {
  const rows = db.prepare(`${BLOCK_SELECT} WHERE b.article_id = ? AND b.retired = 0 ORDER BY b.ordinal`).all(articleId) as BlockRow[];
  return toBlocks(db, rows);
}

export function getBlock(db: Db, blockId: number): Block | undefined {
  const row = db.prepare(`${BLOCK_SELECT} WHERE b.id = ? AND b.retired = 0`).get(blockId) as BlockRow | undefined;
  return row && toBlocks(db, [row])[0];
}

export function getArticle(db: Db, id: number): ArticleDetail | undefined {
  const row = db.prepare(`${ARTICLE_SELECT} WHERE a.id = ? AND a.retired = 0`).get(id) as ArticleRow | undefined;
  if (!row) return undefined;
  return { ...toListItem(row), blocks: getBlocks(db, id) };
}

/** Headline, subheads and reporters are derived from the blocks; kept on the row for listing. */
export function refreshArticleSummary(db: Db, articleId: number): void {
  const blocks = getBlocks(db, articleId);
  const summary = summarizeArticle(blocks.map((b) => ({ cls: b.cls, text: b.text })));
  db.prepare('UPDATE articles SET headline = ?, subheads = ?, reporters = ? WHERE id = ?').run(
    summary.headline,
    JSON.stringify(summary.subheads),
    JSON.stringify(summary.reporters),
    articleId,
  );
}
