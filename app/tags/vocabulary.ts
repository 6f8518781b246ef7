import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { nowIso } from '../store/clock.js';

/*
 * Tag vocabularies are trees of tags: a root tag is a vocabulary (Campaign, Place, Person, Topic,
 * Section), and a tag is named by its path, "Place/营口/鲅鱼圈区". Creating a tag is not a revision
 * (the vocabulary is the desk's shared list, like a setting); renaming, moving and merging are
 * (rename-merge.ts), and so is every assignment (assign.ts, spans.ts).
 */

export interface Tag {
  id: number;
  parentId: number | null;
  name: string;
  /** The names from the vocabulary down to this tag. */
  path: string[];
  /** The path as one string, segments joined with "/". */
  pathText: string;
  /** Keyword rules: an article containing one of these is offered this tag (suggest/rules.ts). */
  keywords: string[];
  createdAt: string;
}

export interface TagRow {
  id: number;
  parent_id: number | null;
  name: string;
  retired: number;
  merged_into: number | null;
  keywords: string;
  created_at: string;
}

/** A tag as the API takes it: an id, or a path ("Place/营口", also "Place › 营口"). */
export type TagRef = number | string;

export const PATH_SEPARATOR = '/';

/** Splits a path into tag names: "/" or "›" separate, space around names is ignored. */
export function parseTagPath(text: string): string[] {
  const segments = text.normalize('NFC').split(/[/›]/).map((s) => s.trim());
  if (segments.length === 0 || segments.some((s) => s.length === 0)) {
    throw new LibraryError(`"${text}" is not a tag path (names separated by "/", e.g. Place/营口).`);
  }
  return segments;
}

export function formatTagPath(path: readonly string[]): string {
  return path.join(PATH_SEPARATOR);
}

export function tagRow(db: Db, id: number): TagRow | undefined {
  return db.prepare('SELECT * FROM tags WHERE id = ?').get(id) as TagRow | undefined;
}

function childId(db: Db, parentId: number | null, name: string): number | undefined {
  return db
    .prepare('SELECT id FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ? AND retired = 0')
    .pluck()
    .get(parentId ?? 0, name) as number | undefined;
}

/** The live tag at a path, if there is one. */
export function findTagByPath(db: Db, path: readonly string[]): number | undefined {
  let id: number | null = null;
  for (const name of path) {
    const next = childId(db, id, name);
    if (next === undefined) return undefined;
    id = next;
  }
  return id ?? undefined;
}

/** The tag at a path, creating whatever part of the path does not exist yet. */
export function ensureTagPath(db: Db, path: readonly string[]): number {
  return writeTransaction(db, () => {
    let id: number | null = null;
    const now = nowIso();
    for (const name of path) {
      const next: number | undefined = childId(db, id, name);
      id = next ?? Number(db.prepare('INSERT INTO tags (parent_id, name, created_at) VALUES (?, ?, ?)').run(id, name, now).lastInsertRowid);
    }
    return id!;
  });
}

/** Follows merges: a tag merged into another stands for the one it was merged into. */
export function liveTagId(db: Db, id: number): number | undefined {
  const seen = new Set<number>();
  let row = tagRow(db, id);
  while (row && row.retired === 1 && row.merged_into !== null && !seen.has(row.id)) {
    seen.add(row.id);
    row = tagRow(db, row.merged_into);
  }
  return row && row.retired === 0 ? row.id : undefined;
}

/**
 * The live tag a reference names. A path that does not exist is created when `create` is set
 * (tagging with a new tag creates it on first use), refused otherwise.
 */
export function resolveTagRef(db: Db, ref: TagRef, options: { create?: boolean } = {}): number {
  if (typeof ref === 'number') {
    const id = liveTagId(db, ref);
    if (id === undefined) throw new LibraryError(`No tag ${ref} in this library.`);
    return id;
  }
  const path = parseTagPath(ref);
  const found = findTagByPath(db, path);
  if (found !== undefined) return found;
  if (options.create) return ensureTagPath(db, path);
  throw new LibraryError(`No tag "${formatTagPath(path)}" in this library.`);
}

/** The live tag a reference names, if it exists; never creates one, never throws for a new path. */
export function findTagRef(db: Db, ref: TagRef): number | undefined {
  if (typeof ref === 'number') return liveTagId(db, ref);
  try {
    return findTagByPath(db, parseTagPath(ref));
  } catch {
    return undefined; // not a path at all: no tag has it
  }
}

export function tagPath(db: Db, id: number): string[] {
  const path: string[] = [];
  const seen = new Set<number>();
  let row = tagRow(db, id);
  while (row && !seen.has(row.id)) {
    seen.add(row.id);
    path.unshift(row.name);
    row = row.parent_id === null ? undefined : tagRow(db, row.parent_id);
  }
  return path;
}

/** A tag and all live tags below it: what a filter or a campaign on this tag covers. */
export function subtreeIds(db: Db, id: number): number[] {
  return db
    .prepare(`WITH RECURSIVE sub(id) AS (
                SELECT ? UNION SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id WHERE t.retired = 0)
              SELECT id FROM sub`)
    .pluck()
    .all(id) as number[];
}

function toTag(row: TagRow, path: string[]): Tag {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    path,
    pathText: formatTagPath(path),
    keywords: JSON.parse(row.keywords) as string[],
    createdAt: row.created_at,
  };
}

export function getTag(db: Db, id: number): Tag {
  const row = tagRow(db, id);
  if (!row || row.retired === 1) throw new LibraryError(`No tag ${id} in this library.`);
  return toTag(row, tagPath(db, id));
}

/** Creates a tag (and any missing tags above it); refused when it exists already. */
export function createTag(db: Db, pathText: string): Tag {
  const path = parseTagPath(pathText);
  return writeTransaction(db, () => {
    if (findTagByPath(db, path) !== undefined) throw new LibraryError(`Tag "${formatTagPath(path)}" exists already.`);
    return getTag(db, ensureTagPath(db, path));
  });
}

/** Sets a tag's keyword rules (not a revision: rules only make suggestions, never tag). */
export function setTagKeywords(db: Db, id: number, keywords: readonly string[]): Tag {
  const cleaned = [...new Set(keywords.map((k) => k.normalize('NFC').trim()).filter((k) => k.length > 0))];
  return writeTransaction(db, () => {
    const live = getTag(db, id);
    db.prepare('UPDATE tags SET keywords = ? WHERE id = ?').run(JSON.stringify(cleaned), live.id);
    return getTag(db, live.id);
  });
}

export interface TagInfo extends Tag {
  depth: number;
  /** Live articles carrying this very tag, on the article or on a span of its text. */
  articles: number;
  /** Live span tags with this tag. */
  spans: number;
  /** Live articles carrying this tag or any tag below it. */
  subtreeArticles: number;
}

/** Every live tag, vocabularies first and each tree depth-first, names in order, with counts. */
export function listTags(db: Db): TagInfo[] {
  const rows = db.prepare('SELECT * FROM tags WHERE retired = 0').all() as TagRow[];
  const direct = new Map<number, number>();
  for (const r of db
    .prepare(`SELECT tag_id, count(DISTINCT article_id) AS n FROM (${TAGGED_ARTICLES_SQL}) GROUP BY tag_id`)
    .all() as { tag_id: number; n: number }[]) direct.set(r.tag_id, r.n);
  const spans = new Map<number, number>();
  for (const r of db
    .prepare(`SELECT st.tag_id, count(*) AS n FROM span_tags st JOIN anchors an ON an.id = st.anchor_id
              JOIN articles a ON a.id = an.article_id WHERE st.removed = 0 AND a.retired = 0 GROUP BY st.tag_id`)
    .all() as { tag_id: number; n: number }[]) spans.set(r.tag_id, r.n);
  const subtree = new Map<number, number>();
  for (const r of db
    .prepare(`WITH RECURSIVE anc(tag_id, ancestor) AS (
                SELECT id, id FROM tags WHERE retired = 0
                UNION ALL
                SELECT anc.tag_id, t.parent_id FROM anc JOIN tags t ON t.id = anc.ancestor WHERE t.parent_id IS NOT NULL)
              SELECT anc.ancestor AS tag_id, count(DISTINCT tagged.article_id) AS n
              FROM (${TAGGED_ARTICLES_SQL}) tagged JOIN anc ON anc.tag_id = tagged.tag_id GROUP BY anc.ancestor`)
    .all() as { tag_id: number; n: number }[]) subtree.set(r.tag_id, r.n);

  const children = new Map<number | null, TagRow[]>();
  for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
  const out: TagInfo[] = [];
  const walk = (parent: number | null, path: string[]) => {
    const kids = (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    for (const r of kids) {
      const p = [...path, r.name];
      out.push({
        ...toTag(r, p),
        depth: path.length,
        articles: direct.get(r.id) ?? 0,
        spans: spans.get(r.id) ?? 0,
        subtreeArticles: subtree.get(r.id) ?? 0,
      });
      walk(r.id, p);
    }
  };
  walk(null, []);
  return out;
}

/** (tag_id, article_id) for every live tag on a live article, on the article or on a span. */
export const TAGGED_ARTICLES_SQL = `
  SELECT at.tag_id, at.article_id FROM article_tags at JOIN articles a ON a.id = at.article_id
  WHERE at.removed = 0 AND a.retired = 0
  UNION
  SELECT st.tag_id, an.article_id FROM span_tags st JOIN anchors an ON an.id = st.anchor_id
  JOIN articles a ON a.id = an.article_id WHERE st.removed = 0 AND a.retired = 0`;

/**
 * SQL true when the article whose id is the SQL expression `id` carries one of the tags in the
 * JSON array bound to the (two) parameters, on the article or on a span of its text.
 */
export function carriesTagSql(id: string): string {
  return `${id} IN (
    SELECT article_id FROM article_tags WHERE removed = 0 AND tag_id IN (SELECT value FROM json_each(?))
    UNION ALL
    SELECT an.article_id FROM span_tags st JOIN anchors an ON an.id = st.anchor_id
    WHERE st.removed = 0 AND st.tag_id IN (SELECT value FROM json_each(?)))`;
}
