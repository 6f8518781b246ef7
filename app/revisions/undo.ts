import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { applyChanges, invertChanges, type RowChange } from './changes.js';
import { listRevisions, recordRevision, type Revision } from './log.js';

/*
 * Undo and redo are revisions themselves: an undo reverts an original revision, a redo reverts an
 * undo. A revision is in effect unless a revision in effect reverts it, so the whole history stays
 * in the log and the current state is always what the log says.
 */

function inEffect(revisions: Revision[]): Map<number, boolean> {
  const effective = new Map<number, boolean>();
  const newestFirst = [...revisions].sort((a, b) => b.id - a.id);
  for (const r of newestFirst) {
    const revertedBy = newestFirst.filter((u) => u.reverts === r.id);
    effective.set(r.id, !revertedBy.some((u) => effective.get(u.id)));
  }
  return effective;
}

const isOriginal = (r: Revision) => r.kind !== 'undo' && r.kind !== 'redo';

function describeConflict(action: string) {
  return (c: RowChange) =>
    `Cannot ${action}: ${c.table} ${c.id} was changed by a later revision; undo that one first.`;
}

export function undoArticle(db: Db, articleId: number): Revision {
  return writeTransaction(db, () => {
    const revisions = listRevisions(db, articleId);
    const effective = inEffect(revisions);
    const target = [...revisions].reverse().find((r) => isOriginal(r) && effective.get(r.id));
    if (!target) throw new LibraryError(`Nothing to undo in article ${articleId}.`);
    const changes = invertChanges(target.changes);
    applyChanges(db, changes, describeConflict('undo'));
    return recordRevision(db, { kind: 'undo', summary: `Undo: ${target.summary}`, changes, reverts: target.id });
  });
}

export function redoArticle(db: Db, articleId: number): Revision {
  return writeTransaction(db, () => {
    const revisions = listRevisions(db, articleId);
    const effective = inEffect(revisions);
    const newestFirst = [...revisions].reverse();
    // The newest undo still in effect, unless an edit made since then closed the redo path.
    const target = newestFirst.find((r) => (r.kind === 'undo' || isOriginal(r)) && effective.get(r.id));
    if (!target || target.kind !== 'undo') {
      throw new LibraryError(`Nothing to redo in article ${articleId}.`);
    }
    const changes = invertChanges(target.changes);
    applyChanges(db, changes, describeConflict('redo'));
    const summary = target.summary.replace(/^Undo: /, '');
    return recordRevision(db, { kind: 'redo', summary: `Redo: ${summary}`, changes, reverts: target.id });
  });
}
