import type { Db } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { matchingArticleIds, type SearchSpec } from '../search/search.js';
import { campaignRows } from '../tags/campaign-store.js';
import { listArticleTags } from '../tags/assign.js';
import { listSpanTags } from '../tags/spans.js';
import { listComments } from '../annotations/comments.js';

/*
 * The one module of app/export that reaches into tags, annotations and search (features still
 * being built). Everything else in app/export speaks the small shapes below, which are also what
 * the JSON export publishes (docs/schema/edition.schema.json), so a change over there is adjusted
 * here and nowhere else.
 */

/** Every article a search matches, in page order. */
export function articlesMatchingSearch(db: Db, spec: SearchSpec): number[] {
  return matchingArticleIds(db, spec);
}

/**
 * A campaign's articles: those tagged in its vocabulary (what the campaign has collected), in
 * page order. Named by id or by name.
 */
export function articlesOfCampaign(db: Db, ref: number | string): number[] {
  const rows = campaignRows(db);
  const row = typeof ref === 'number' ? rows.find((r) => r.id === ref) : rows.find((r) => r.name === ref.normalize('NFC').trim());
  if (!row) throw new LibraryError(`No campaign ${typeof ref === 'number' ? ref : `"${ref}"`} in this library.`);
  return matchingArticleIds(db, { filters: { campaign: row.id } });
}

/** A range of an article's current text: UTF-16 offsets into its blocks' current text. */
export interface TextAnchor {
  blockId: number;
  start: number;
  endBlockId: number;
  end: number;
  /** The text the range covers (when detached: the text it covered last). */
  quote: string;
  /** Its text was deleted; the place is where it last was. */
  detached: boolean;
}

export interface ExportTag {
  tagId: number;
  path: string;
  createdAt: string;
  author: string;
}

export interface ExportSpanTag extends ExportTag {
  id: number;
  anchor: TextAnchor;
}

export interface ExportCommentEntry {
  kind: 'reply' | 'resolve' | 'reopen';
  author: string;
  body: string;
  createdAt: string;
}

export interface ExportComment {
  id: number;
  author: string;
  body: string;
  createdAt: string;
  state: 'open' | 'resolved';
  /** The text as it read when the comment was written. */
  quotedText: string;
  anchor: TextAnchor;
  entries: ExportCommentEntry[];
}

export interface ArticleAnnotations {
  tags: ExportTag[];
  spanTags: ExportSpanTag[];
  comments: ExportComment[];
}

function toAnchor(a: { blockId: number; start: number; endBlockId: number; end: number; quote: string; detached: boolean }): TextAnchor {
  return { blockId: a.blockId, start: a.start, endBlockId: a.endBlockId, end: a.end, quote: a.quote, detached: a.detached };
}

/** Most comments an article can have in an export (the comments list's own ceiling). */
const MAX_COMMENTS = 10_000;

/** An article's tags, span tags and comments (open and resolved), in reading order. */
export function readArticleAnnotations(db: Db, articleId: number): ArticleAnnotations {
  const tags = listArticleTags(db, articleId).map((t) => ({ tagId: t.tagId, path: t.pathText, createdAt: t.createdAt, author: t.author }));
  const spanTags = listSpanTags(db, articleId).map((s) => ({
    id: s.id,
    tagId: s.tagId,
    path: s.pathText,
    createdAt: s.createdAt,
    author: s.author,
    anchor: toAnchor(s.anchor),
  }));
  const comments = listComments(db, { articleId, state: 'all', limit: MAX_COMMENTS }).map((c) => ({
    id: c.id,
    author: c.author,
    body: c.body,
    createdAt: c.createdAt,
    state: c.state,
    quotedText: c.quotedText,
    anchor: toAnchor(c.anchor),
    entries: c.entries.map((e) => ({ kind: e.kind, author: e.author, body: e.body, createdAt: e.createdAt })),
  }));
  return { tags, spanTags, comments };
}
