import type { Revision } from '../../../app/revisions/log.js';
import type { RowChange, RowState } from '../../../app/revisions/changes.js';

/*
 * What the history shows of a revision: per row it touched, the fields that changed, named the
 * way an editor thinks of them (text, class, status, moved to another article, created, merged).
 */

export type FieldName = 'text' | 'class' | 'status' | 'article' | 'position' | 'section' | 'removed' | 'findingState';

export interface FieldChange {
  field: FieldName;
  before: string | number | null;
  after: string | number | null;
}

export interface RowChangeView {
  table: RowChange['table'];
  id: number;
  /** created: a new row (a split's new article); retired: an article merged away; changed: fields below. */
  kind: 'created' | 'retired' | 'changed';
  fields: FieldChange[];
}

const FIELD_OF_COLUMN: Record<string, FieldName> = {
  text: 'text',
  class: 'class',
  status: 'status',
  article_id: 'article',
  ordinal: 'position',
  section: 'section',
  retired: 'removed',
  state: 'findingState',
};

/** Column order in which fields are listed: the ones an editor cares about first. */
const FIELD_ORDER: FieldName[] = ['text', 'class', 'status', 'findingState', 'article', 'section', 'removed', 'position'];

function value(state: RowState | null, column: string): string | number | null {
  return state?.[column] ?? null;
}

export function describeChange(change: RowChange): RowChangeView {
  if (change.before === null) return { table: change.table, id: change.id, kind: 'created', fields: [] };
  if (change.after === null) return { table: change.table, id: change.id, kind: 'retired', fields: [] };
  const columns = new Set([...Object.keys(change.before), ...Object.keys(change.after)]);
  const fields: FieldChange[] = [];
  for (const column of columns) {
    const before = value(change.before, column);
    const after = value(change.after, column);
    if (before === after) continue;
    const field = FIELD_OF_COLUMN[column];
    if (!field) continue;
    fields.push({ field, before, after });
  }
  // A block moved to another article gets a new position there too; the move says it all.
  const moved = fields.some((f) => f.field === 'article');
  const shown = moved ? fields.filter((f) => f.field !== 'position') : fields;
  shown.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  return { table: change.table, id: change.id, kind: 'changed', fields: shown };
}

export function describeRevision(revision: Pick<Revision, 'changes'>): RowChangeView[] {
  return revision.changes.map(describeChange).filter((v) => v.kind !== 'changed' || v.fields.length > 0);
}

/**
 * Which revisions are in effect, as app/revisions/undo.ts decides it: a revision is in effect
 * unless a revision in effect reverts it. The history greys out the others.
 */
export function revisionsInEffect(revisions: readonly Pick<Revision, 'id' | 'reverts'>[]): Map<number, boolean> {
  const effective = new Map<number, boolean>();
  const revertedBy = new Map<number, number[]>();
  for (const r of revisions) {
    if (r.reverts !== null) revertedBy.set(r.reverts, [...(revertedBy.get(r.reverts) ?? []), r.id]);
  }
  const newestFirst = [...revisions].sort((a, b) => b.id - a.id);
  for (const r of newestFirst) {
    effective.set(r.id, !(revertedBy.get(r.id) ?? []).some((u) => effective.get(u)));
  }
  return effective;
}

/**
 * What kind of change a revision's row changes amount to, told from the changes themselves: an
 * undo or redo revision is named by what it took back or brought back ("Undone: text edit").
 */
export type ChangeKind = 'split' | 'merge' | 'move' | 'fix' | 'reject' | 'status' | 'class' | 'text' | 'other';

export function inferChangeKind(revision: Pick<Revision, 'changes'>): ChangeKind {
  const views = describeRevision(revision);
  const fields = new Set(views.flatMap((v) => v.fields.map((f) => f.field)));
  const states = new Set(
    views.flatMap((v) => v.fields.filter((f) => f.field === 'findingState').flatMap((f) => [f.before, f.after])),
  );
  const articleRows = views.filter((v) => v.table === 'article');
  if (articleRows.some((v) => v.kind === 'created' || v.kind === 'retired')) {
    // A split creates an article (and its undo retires it); a merge retires one (and its undo brings it back).
    const blocksMoved = fields.has('article');
    return blocksMoved && articleRows.some((v) => v.kind === 'created') ? 'split' : blocksMoved ? 'merge' : 'other';
  }
  if (states.has('accepted')) return 'fix';
  if (states.has('rejected')) return 'reject';
  if (fields.has('article')) return 'move';
  if (fields.has('status')) return 'status';
  if (fields.has('class')) return 'class';
  if (fields.has('text') || fields.has('removed')) return 'text';
  return 'other';
}
