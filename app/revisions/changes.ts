import type { Db } from '../store/database.js';
import { ConflictError } from '../store/errors.js';

/*
 * A revision stores, for every row it touched, the row's tracked columns before and after. That is
 * enough to show the change and to undo it (apply the "before" states), and undoing an undo redoes
 * it. Articles are never deleted: an article that did not exist before a change (split) has a null
 * "before" state, and applying null retires it.
 */

export type TrackedTable = 'article' | 'block' | 'finding';

const TRACKED_COLUMNS: Record<TrackedTable, readonly string[]> = {
  article: ['ordinal', 'section', 'status', 'retired'],
  block: ['article_id', 'ordinal', 'class', 'text', 'retired'],
  /** A finding's review state: accepting or rejecting it is part of a revision. */
  finding: ['state'],
};

const TABLE_NAME: Record<TrackedTable, string> = { article: 'articles', block: 'blocks', finding: 'findings' };

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
  if (table === 'article' && row['retired'] === 1) return null;
  return row;
}

function sameState(a: RowState | null, b: RowState | null): boolean {
  if (a === null || b === null) return a === b;
  return Object.keys(a).every((k) => a[k] === b[k]);
}

function writeState(db: Db, table: TrackedTable, id: number, state: RowState | null): void {
  if (state === null) {
    if (table !== 'article') throw new Error('blocks are never removed by a revision');
    db.prepare('UPDATE articles SET retired = 1 WHERE id = ?').run(id);
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
  for (const change of changes) writeState(db, change.table, change.id, change.after);
}

export function invertChanges(changes: readonly RowChange[]): RowChange[] {
  return [...changes].reverse().map((c) => ({ table: c.table, id: c.id, before: c.after, after: c.before }));
}

/** Articles a set of changes concerns: the articles changed and those blocks left or joined. */
export function touchedArticles(changes: readonly RowChange[], findingArticle: (id: number) => number): number[] {
  const ids = new Set<number>();
  for (const c of changes) {
    if (c.table === 'article') ids.add(c.id);
    else if (c.table === 'finding') ids.add(findingArticle(c.id));
    else {
      for (const state of [c.before, c.after]) {
        if (state && typeof state['article_id'] === 'number') ids.add(state['article_id']);
      }
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

  result(): RowChange[] {
    return [...this.changes.values()].filter((c) => !sameState(c.before, c.after));
  }
}
