import type { Db } from '../store/database.js';
import { nowIso } from '../store/clock.js';
import { currentAuthor } from '../store/settings.js';
import { refreshArticleSummary } from '../store/articles.js';
import { analyzeArticles } from '../findings/library/analysis.js';
import { indexArticles } from '../search/indexer.js';
import { reanchorAfterChanges } from '../annotations/reanchor.js';
import { articlesOfTagRow } from '../tags/revision-rows.js';
import { type RowChange, type TrackedTable, touchedArticles } from './changes.js';

export const REVISION_KINDS = [
  'text', 'class', 'split', 'merge', 'move', 'status', 'fix', 'reject', 'restore', 'undo', 'redo',
  // Tags (app/tags): on articles, on spans, and the vocabulary's renames and merges.
  'tag', 'untag', 'span_tag', 'span_untag', 'tag_rename', 'tag_merge',
] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

export interface Revision {
  id: number;
  createdAt: string;
  author: string;
  kind: RevisionKind;
  summary: string;
  reverts: number | null;
  changes: RowChange[];
  articles: number[];
}

interface RevisionRow {
  id: number;
  created_at: string;
  author: string;
  kind: RevisionKind;
  summary: string;
  reverts: number | null;
  changes: string;
}

export interface NewRevision {
  kind: RevisionKind;
  summary: string;
  changes: RowChange[];
  reverts?: number;
}

function articleOfFinding(db: Db, id: number): number {
  return (db.prepare('SELECT article_id FROM findings WHERE id = ?').get(id) as { article_id: number }).article_id;
}

/**
 * Tables whose changes alter an article's text or structure. Only these refresh what derives from
 * the text; a tag given or a tag renamed changes none of it (and a bulk tag over thousands of
 * articles must not analyse them all again).
 */
const CONTENT_TABLES: ReadonlySet<TrackedTable> = new Set(['article', 'block', 'finding']);

/**
 * Appends a revision for changes already applied, and refreshes what derives from them: the
 * articles' headlines and reporters, their findings, the anchors of comments and span tags, and
 * the full-text index.
 */
export function recordRevision(db: Db, rev: NewRevision): Revision {
  const articles = touchedArticles(rev.changes, (id) => articleOfFinding(db, id), (table, id) => articlesOfTagRow(db, table, id));
  const content = touchedArticles(rev.changes.filter((c) => CONTENT_TABLES.has(c.table)), (id) => articleOfFinding(db, id));
  const createdAt = nowIso();
  const author = currentAuthor(db);
  const info = db
    .prepare('INSERT INTO revisions (created_at, author, kind, summary, reverts, changes) VALUES (?, ?, ?, ?, ?, ?)')
    .run(createdAt, author, rev.kind, rev.summary, rev.reverts ?? null, JSON.stringify(rev.changes));
  const id = Number(info.lastInsertRowid);
  const link = db.prepare('INSERT INTO revision_articles (article_id, revision_id) VALUES (?, ?)');
  for (const articleId of articles) link.run(articleId, id);
  for (const articleId of content) refreshArticleSummary(db, articleId);
  analyzeArticles(db, content);
  reanchorAfterChanges(db, rev.changes, content);
  indexArticles(db, content);
  return { id, createdAt, author, kind: rev.kind, summary: rev.summary, reverts: rev.reverts ?? null, changes: rev.changes, articles };
}

function toRevision(row: RevisionRow, articles: number[]): Revision {
  return {
    id: row.id,
    createdAt: row.created_at,
    author: row.author,
    kind: row.kind,
    summary: row.summary,
    reverts: row.reverts,
    changes: JSON.parse(row.changes) as RowChange[],
    articles,
  };
}

function articlesOf(db: Db, revisionId: number): number[] {
  return (db.prepare('SELECT article_id FROM revision_articles WHERE revision_id = ? ORDER BY article_id').all(revisionId) as { article_id: number }[])
    .map((r) => r.article_id);
}

export function getRevision(db: Db, id: number): Revision | undefined {
  const row = db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as RevisionRow | undefined;
  return row && toRevision(row, articlesOf(db, id));
}

/** Every revision that touched an article, oldest first. */
export function listRevisions(db: Db, articleId: number): Revision[] {
  const rows = db
    .prepare(`SELECT r.* FROM revisions r JOIN revision_articles ra ON ra.revision_id = r.id
              WHERE ra.article_id = ? ORDER BY r.id`)
    .all(articleId) as RevisionRow[];
  return rows.map((row) => toRevision(row, articlesOf(db, row.id)));
}
