import type { Db } from '../store/database.js';
import { ConflictError } from '../store/errors.js';

/*
 * A revision stores, for every row it touched, the row's tracked columns before and after. That is
 * enough to show the change and to undo it (apply the "before" states), and undoing an undo redoes
 * it. Articles are never deleted: an article that did not exist before a change (split) has a null
 * "before" state, and applying null retires it.
 */

export type TrackedTable = 'article' | 'block' | 'finding' | 'tag' | 'article_tag' | 'span_tag';

const TRACKED_COLUMNS: Record<TrackedTable, readonly string[]> = {
  article: ['ordinal', 'section', 'status', 'retired'],
  block: ['article_id', 'ordinal', 'class', 'text', 'retired'],
  /** A finding's review state: accepting or rejecting it is part of a revision. */
  finding: ['state'],
  /** A tag's name and place in its vocabulary: renames, moves and merges are revisions. */
  tag: ['parent_id', 'name', 'retired', 'merged_into'],
  /** Whether an article carries a tag (app/tags). */
  article_tag: ['article_id', 'tag_id', 'removed'],
  /** A tag on a text span. Where the span lies follows the text (app/annotations), untracked. */
  span_tag: ['tag_id', 'removed'],
};

const TABLE_NAME: Record<TrackedTable, string> = {
  article: 'articles', block: 'blocks', finding: 'findings',
  tag: 'tags', article_tag: 'article_tags', span_tag: 'span_tags',
};

/**
 * Rows that are never deleted but can be absent: a row with this flag set reads as null, and
 * applying null sets the flag (an article retired, a tag taken off an article).
 */
const ABSENT_FLAG: Partial<Record<TrackedTable, string>> = {
  article: 'retired', article_tag: 'removed', span_tag: 'removed',
};

export type RowState = Record<string, string | number | null>;

export interface RowChange {
  table: TrackedTable;
  id: number;
  before: RowState | null;
  after: RowState | null;
}

export function readState(db: Db, table: TrackedTable, id: number): RowState | null {
  const cols = TRACKED_COLUMNS[table].join(', ');
  const row = db.prepare(`SELECT ${cols} FROM ${TABLE_NAME[table]} WHERE id = ?`).get(id) as RowState | undefined;
  if (!row) return null;
  const flag = ABSENT_FLAG[table];
  if (flag !== undefined && row[flag] === 1) return null;
  return row;
}

function sameState(a: RowState | null, b: RowState | null): boolean {
  if (a === null || b === null) return a === b;
  return Object.keys(a).every((k) => a[k] === b[k]);
}

function writeState(db: Db, table: TrackedTable, id: number, state: RowState | null): void {
  if (state === null) {
    const flag = ABSENT_FLAG[table];
    if (flag === undefined) throw new Error(`${TABLE_NAME[table]} are never removed by a revision`);
    db.prepare(`UPDATE ${TABLE_NAME[table]} SET ${flag} = 1 WHERE id = ?`).run(id);
    return;
  }
  const cols = TRACKED_COLUMNS[table];
  const assignments = cols.map((c) => `${c} = @${c}`).join(', ');
  const params: RowState = { id };
  for (const c of cols) params[c] = state[c] ?? null;
  db.prepare(`UPDATE ${TABLE_NAME[table]} SET ${assignments} WHERE id = @id`).run(params);
}

/** Applies changes after checking each row still is what the change expects to find. */
export function applyChanges(db: Db, changes: readonly RowChange[], describeConflict: (c: RowChange) => string): void {
  for (const change of changes) {
    if (!sameState(readState(db, change.table, change.id), change.before)) {
      throw new ConflictError(describeConflict(change));
    }
  }
  for (const change of changes) {
    try {
      writeState(db, change.table, change.id, change.after);
    } catch (err) {
      // A unique tag name or (article, tag) pair taken again since: the row is in the way, as a
      // changed row would be.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new ConflictError(describeConflict(change));
      throw err;
    }
  }
}

export function invertChanges(changes: readonly RowChange[]): RowChange[] {
  return [...changes].reverse().map((c) => ({ table: c.table, id: c.id, before: c.after, after: c.before }));
}

/**
 * Articles a set of changes concerns: the articles changed and those blocks left or joined, the
 * articles tagged or untagged. Rows that do not name their article (a span tag, a tag renamed)
 * are looked up with rowArticles (app/tags/revision-rows.ts).
 */
export function touchedArticles(
  changes: readonly RowChange[],
  findingArticle: (id: number) => number,
  rowArticles?: (table: TrackedTable, id: number) => readonly number[],
): number[] {
  const ids = new Set<number>();
  for (const c of changes) {
    if (c.table === 'article') ids.add(c.id);
    else if (c.table === 'finding') ids.add(findingArticle(c.id));
    else if (c.table === 'block' || c.table === 'article_tag') {
      for (const state of [c.before, c.after]) {
        if (state && typeof state['article_id'] === 'number') ids.add(state['article_id']);
      }
    } else {
      for (const articleId of rowArticles?.(c.table, c.id) ?? []) ids.add(articleId);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/**
 * Collects the row changes of one editing operation while it mutates the database, so the
 * operation is written once, as plain updates, and its revision falls out of it.
 */
export class ChangeRecorder {
  private readonly changes = new Map<string, RowChange>();

  constructor(private readonly db: Db) {}

  update(table: TrackedTable, id: number, patch: RowState): void {
    const key = `${table}:${id}`;
    const current = readState(this.db, table, id);
    if (current === null) throw new Error(`${table} ${id} does not exist`);
    const existing = this.changes.get(key);
    writeState(this.db, table, id, { ...current, ...patch });
    // Read back rather than trust the patch: a retired article reads as null, as undo expects.
    const after = readState(this.db, table, id);
    this.changes.set(key, { table, id, before: existing ? existing.before : current, after });
  }

  /** Records that an article row was created (inserted by the caller) by this operation. */
  created(table: TrackedTable, id: number): void {
    this.changes.set(`${table}:${id}`, { table, id, before: null, after: readState(this.db, table, id) });
  }

  /** Brings back a row that reads as absent (a tag given to an article again). */
  revive(table: TrackedTable, id: number): void {
    const flag = ABSENT_FLAG[table];
    if (flag === undefined) throw new Error(`${TABLE_NAME[table]} rows are never absent`);
    const key = `${table}:${id}`;
    const existing = this.changes.get(key);
    const current = readState(this.db, table, id);
    this.db.prepare(`UPDATE ${TABLE_NAME[table]} SET ${flag} = 0 WHERE id = ?`).run(id);
    this.changes.set(key, { table, id, before: existing ? existing.before : current, after: readState(this.db, table, id) });
  }

  result(): RowChange[] {
    return [...this.changes.values()].filter((c) => !sameState(c.before, c.after));
  }
}
