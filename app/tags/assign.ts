import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { nowIso } from '../store/clock.js';
import { currentAuthor } from '../store/settings.js';
import { isLiveArticle } from '../store/articles.js';
import type { ChangeRecorder } from '../revisions/changes.js';
import type { Revision } from '../revisions/log.js';
import { matchingArticleIds, type SearchSpec } from '../search/search.js';
import { findTagRef, formatTagPath, parseTagPath, resolveTagRef, tagPath, type TagRef } from './vocabulary.js';
import { reviseTags } from './revise.js';

/*
 * Tags on whole articles. There is one article_tags row per (article, tag) pair ever given:
 * untagging sets `removed`, tagging again clears it (ChangeRecorder.revive), so undo and redo move
 * a single row between present and absent, and a later change to the same pair is a conflict
 * undo can see.
 */

export interface ArticleTag {
  tagId: number;
  path: string[];
  pathText: string;
  /** When and by whom the article was first given the tag. */
  createdAt: string;
  author: string;
}

function pairRow(db: Db, articleId: number, tagId: number): { id: number; removed: number } | undefined {
  return db.prepare('SELECT id, removed FROM article_tags WHERE article_id = ? AND tag_id = ?').get(articleId, tagId) as
    | { id: number; removed: number }
    | undefined;
}

/** Gives the tag to the article; false when it carries it already. */
export function giveArticleTag(db: Db, rec: ChangeRecorder, articleId: number, tagId: number): boolean {
  const row = pairRow(db, articleId, tagId);
  if (row && row.removed === 0) return false;
  if (row) rec.revive('article_tag', row.id);
  else {
    const info = db
      .prepare('INSERT INTO article_tags (article_id, tag_id, created_at, author) VALUES (?, ?, ?, ?)')
      .run(articleId, tagId, nowIso(), currentAuthor(db));
    rec.created('article_tag', Number(info.lastInsertRowid));
  }
  return true;
}

/** Takes the tag off the article; false when it does not carry it. */
export function takeArticleTag(db: Db, rec: ChangeRecorder, articleId: number, tagId: number): boolean {
  const row = pairRow(db, articleId, tagId);
  if (!row || row.removed === 1) return false;
  rec.update('article_tag', row.id, { removed: 1 });
  return true;
}

function requireArticle(db: Db, id: number): void {
  if (!isLiveArticle(db, id)) throw new LibraryError(`No article ${id} in this library.`);
}

/** Tags an article; a tag path that does not exist yet is created. */
export function tagArticle(db: Db, articleId: number, ref: TagRef): Revision {
  requireArticle(db, articleId);
  return writeTransaction(db, () => {
    const tagId = resolveTagRef(db, ref, { create: true });
    const name = formatTagPath(tagPath(db, tagId));
    return reviseTags(db, 'tag', () => `Tag article ${articleId}: ${name}`, (rec) => {
      if (!giveArticleTag(db, rec, articleId, tagId)) throw new LibraryError(`Article ${articleId} is tagged ${name} already.`);
    });
  });
}

export function untagArticle(db: Db, articleId: number, ref: TagRef): Revision {
  requireArticle(db, articleId);
  return writeTransaction(db, () => {
    const tagId = resolveTagRef(db, ref);
    const name = formatTagPath(tagPath(db, tagId));
    return reviseTags(db, 'untag', () => `Untag article ${articleId}: ${name}`, (rec) => {
      if (!takeArticleTag(db, rec, articleId, tagId)) throw new LibraryError(`Article ${articleId} is not tagged ${name}.`);
    });
  });
}

/** The tags given to an article as a whole (span tags: spans.ts). */
export function listArticleTags(db: Db, articleId: number): ArticleTag[] {
  const rows = db
    .prepare(`SELECT at.tag_id, at.created_at, at.author FROM article_tags at JOIN tags t ON t.id = at.tag_id
              WHERE at.article_id = ? AND at.removed = 0 ORDER BY at.id`)
    .all(articleId) as { tag_id: number; created_at: string; author: string }[];
  return rows.map((r) => {
    const path = tagPath(db, r.tag_id);
    return { tagId: r.tag_id, path, pathText: formatTagPath(path), createdAt: r.created_at, author: r.author };
  });
}

export interface BulkTagPreview {
  tag: string;
  /** Articles the search matches. */
  matched: number;
  /** Of those, articles the action would change (not tagged yet / tagged). */
  willChange: number;
}

export function previewBulkTag(db: Db, spec: SearchSpec, ref: TagRef, untag = false): BulkTagPreview {
  const ids = matchingArticleIds(db, spec);
  const tagId = untag || typeof ref === 'number' ? resolveTagRef(db, ref) : findTagRef(db, ref);
  const name = tagId === undefined ? formatTagPath(parseTagPath(String(ref))) : formatTagPath(tagPath(db, tagId));
  const carrying = tagId === undefined
    ? 0
    : (db.prepare(`SELECT count(*) FROM article_tags WHERE tag_id = ? AND removed = 0
                   AND article_id IN (SELECT value FROM json_each(?))`).pluck().get(tagId, JSON.stringify(ids)) as number);
  return { tag: name, matched: ids.length, willChange: untag ? carrying : ids.length - carrying };
}

export interface BulkTagResult {
  revision: Revision;
  matched: number;
  changed: number;
}

/** Tags (or untags) every article a search matches, as ONE revision: one undo takes it all back. */
export function bulkTag(db: Db, spec: SearchSpec, ref: TagRef, untag = false): BulkTagResult {
  return writeTransaction(db, () => {
    const ids = matchingArticleIds(db, spec);
    if (ids.length === 0) throw new LibraryError('The search matches no articles.');
    const tagId = resolveTagRef(db, ref, { create: !untag });
    const name = formatTagPath(tagPath(db, tagId));
    let changed = 0;
    const revision = reviseTags(
      db,
      untag ? 'untag' : 'tag',
      () => `${untag ? 'Untag' : 'Tag'} ${changed} article${changed === 1 ? '' : 's'}: ${name}`,
      (rec) => {
        for (const articleId of ids) {
          if (untag ? takeArticleTag(db, rec, articleId, tagId) : giveArticleTag(db, rec, articleId, tagId)) changed++;
        }
      },
    );
    return { revision, matched: ids.length, changed };
  });
}
