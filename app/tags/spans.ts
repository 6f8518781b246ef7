import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { nowIso } from '../store/clock.js';
import { currentAuthor } from '../store/settings.js';
import type { Revision } from '../revisions/log.js';
import type { ChangeRecorder } from '../revisions/changes.js';
import { anchorRow, articleBlocks, insertAnchor, toAnchor, type Anchor } from '../annotations/anchors.js';
import { matchingArticleIds } from '../search/search.js';
import { findTagRef, formatTagPath, resolveTagRef, tagPath, type TagRef } from './vocabulary.js';
import { reviseTags } from './revise.js';

/*
 * Tags on a span of text (a name, a place) within one block. The span is an anchor
 * (app/annotations), so it follows edits around it; the span tag row itself is what revisions
 * track (given, taken off, moved to another tag by a merge).
 */

export interface SpanTag {
  id: number;
  tagId: number;
  pathText: string;
  anchor: Anchor;
  createdAt: string;
  author: string;
}

interface SpanRow {
  id: number;
  anchor_id: number;
  tag_id: number;
  created_at: string;
  author: string;
}

function toSpanTag(db: Db, row: SpanRow): SpanTag {
  return {
    id: row.id,
    tagId: row.tag_id,
    pathText: formatTagPath(tagPath(db, row.tag_id)),
    anchor: toAnchor(anchorRow(db, row.anchor_id)!),
    createdAt: row.created_at,
    author: row.author,
  };
}

/** Live span tags of an article, in reading order; detached ones (their text deleted) last. */
export function listSpanTags(db: Db, articleId: number): SpanTag[] {
  const rows = db
    .prepare(`SELECT st.* FROM span_tags st JOIN anchors an ON an.id = st.anchor_id JOIN blocks b ON b.id = an.block_id
              WHERE an.article_id = ? AND st.removed = 0 ORDER BY an.detached, b.ordinal, an.start_offset, st.id`)
    .all(articleId) as SpanRow[];
  return rows.map((r) => toSpanTag(db, r));
}

export interface SpanPlace {
  blockId: number;
  start: number;
  end: number;
}

/** Whether this exact span (attached) carries the tag already. */
function spanTagged(db: Db, place: SpanPlace, tagId: number): boolean {
  return db
    .prepare(`SELECT 1 FROM span_tags st JOIN anchors an ON an.id = st.anchor_id
              WHERE st.tag_id = ? AND st.removed = 0 AND an.detached = 0
                AND an.block_id = ? AND an.end_block_id = ? AND an.start_offset = ? AND an.end_offset = ?`)
    .get(tagId, place.blockId, place.blockId, place.start, place.end) !== undefined;
}

function giveSpanTag(db: Db, rec: ChangeRecorder, place: SpanPlace, tagId: number): void {
  const anchorId = insertAnchor(db, { blockId: place.blockId, start: place.start, endBlockId: place.blockId, end: place.end });
  const info = db
    .prepare('INSERT INTO span_tags (anchor_id, tag_id, created_at, author) VALUES (?, ?, ?, ?)')
    .run(anchorId, tagId, nowIso(), currentAuthor(db));
  rec.created('span_tag', Number(info.lastInsertRowid));
}

/** Tags a span of one block's current text; a new tag path is created. */
export function tagSpan(db: Db, place: SpanPlace, ref: TagRef): Revision {
  return writeTransaction(db, () => {
    const tagId = resolveTagRef(db, ref, { create: true });
    const name = formatTagPath(tagPath(db, tagId));
    if (spanTagged(db, place, tagId)) throw new LibraryError(`That span is tagged ${name} already.`);
    let quote = '';
    return reviseTags(db, 'span_tag', () => `Tag “${quote.slice(0, 20)}” in block ${place.blockId}: ${name}`, (rec) => {
      giveSpanTag(db, rec, place, tagId);
      const block = db.prepare('SELECT text FROM blocks WHERE id = ?').pluck().get(place.blockId) as string;
      quote = block.slice(place.start, place.end);
    });
  });
}

export function untagSpan(db: Db, spanTagId: number): Revision {
  return writeTransaction(db, () => {
    const row = db.prepare('SELECT * FROM span_tags WHERE id = ? AND removed = 0').get(spanTagId) as SpanRow | undefined;
    if (!row) throw new LibraryError(`No span tag ${spanTagId} in this library.`);
    const span = toSpanTag(db, row);
    return reviseTags(db, 'span_untag', () => `Untag “${span.anchor.quote.slice(0, 20)}”: ${span.pathText}`, (rec) => {
      rec.update('span_tag', spanTagId, { removed: 1 });
    });
  });
}

export interface SpanOccurrence extends SpanPlace {
  articleId: number;
  /** A little text either side, for the preview. */
  before: string;
  after: string;
  /** The span carries the tag already (it would be left as it is). */
  tagged: boolean;
}

export interface SpanOccurrencesPreview {
  text: string;
  occurrences: SpanOccurrence[];
  articles: number;
  /** Occurrences that would be tagged (not tagged already). */
  toTag: number;
}

/**
 * Every occurrence of exactly this text in one article, or in the whole library (candidate
 * articles come from the full-text index, then each block is searched for the exact string).
 */
export function findSpanOccurrences(db: Db, text: string, ref: TagRef | undefined, articleId?: number): SpanOccurrencesPreview {
  if (!text) throw new LibraryError('Nothing to look for: the text is empty.');
  // A new tag: nothing carries it yet.
  const tagId = ref === undefined ? undefined : findTagRef(db, ref);
  const articles = articleId !== undefined ? [articleId] : matchingArticleIds(db, { query: `"${text.replace(/"/g, ' ')}"` });
  const occurrences: SpanOccurrence[] = [];
  for (const id of articles) {
    for (const block of articleBlocks(db, id)) {
      for (let at = block.text.indexOf(text); at !== -1; at = block.text.indexOf(text, at + text.length)) {
        const place = { blockId: block.id, start: at, end: at + text.length };
        occurrences.push({
          ...place,
          articleId: id,
          before: block.text.slice(Math.max(0, at - 12), at),
          after: block.text.slice(at + text.length, at + text.length + 12),
          tagged: tagId !== undefined && spanTagged(db, place, tagId),
        });
      }
    }
  }
  return {
    text,
    occurrences,
    articles: new Set(occurrences.map((o) => o.articleId)).size,
    toTag: occurrences.filter((o) => !o.tagged).length,
  };
}

export interface SpanTagAllResult {
  revision: Revision;
  tagged: number;
  /** Chosen occurrences that no longer hold the text, or carry the tag already. */
  skipped: number;
}

/**
 * Tags every occurrence the preview showed (or only the chosen ones) as ONE revision. Each is
 * checked again: a span whose text changed since the preview is skipped.
 */
export function tagSpanOccurrences(
  db: Db,
  text: string,
  ref: TagRef,
  options: { articleId?: number; only?: readonly SpanPlace[] } = {},
): SpanTagAllResult {
  return writeTransaction(db, () => {
    const places: SpanPlace[] = options.only
      ? [...options.only]
      : findSpanOccurrences(db, text, ref, options.articleId).occurrences.filter((o) => !o.tagged);
    const tagId = resolveTagRef(db, ref, { create: true });
    const name = formatTagPath(tagPath(db, tagId));
    let tagged = 0;
    const revision = reviseTags(db, 'span_tag', () => `Tag ${tagged} × “${text.slice(0, 20)}”: ${name}`, (rec) => {
      for (const p of places) {
        const current = db.prepare('SELECT text FROM blocks WHERE id = ? AND retired = 0').pluck().get(p.blockId) as string | undefined;
        if (current === undefined || current.slice(p.start, p.end) !== text || p.end - p.start !== text.length) continue;
        if (spanTagged(db, p, tagId)) continue;
        giveSpanTag(db, rec, p, tagId);
        tagged++;
      }
    });
    return { revision, tagged, skipped: places.length - tagged };
  });
}
