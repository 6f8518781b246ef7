import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { isLiveArticle } from '../store/articles.js';
import { LibraryError } from '../store/errors.js';
import { applyChanges, invertChanges, readState, type RowChange, type RowState } from './changes.js';
import { listRevisions, recordRevision, type Revision } from './log.js';

/*
 * Restore brings an article back to the state it had just after one of its revisions, as ONE new
 * revision, so the restore itself is undoable (undo brings back the latest state) and the log keeps
 * everything.
 *
 * Every revision of the article written after the chosen one is reverted, newest first, each
 * against the rows exactly as that revision left them. All of them, undos and redos included, not
 * only those "in effect": the log is a sequence of literal row changes, and walking it back step by
 * step is what is always consistent. (Reverting only the revisions in effect double-reverts a
 * redo chain: edit → undo → redo leaves the edit and the redo in effect, and reverting both
 * would take the edit back twice.)
 *
 * A finding's review state is also moved by analysis, outside any revision (an open finding is
 * retired when its text changes). A finding no longer in the state a revision left it in is left
 * as it is rather than refusing the whole restore: the text and structure come back exactly, and
 * the analysis that follows the restore settles which findings are open.
 */


function stateKey(change: RowChange): string {
  return `${change.table}:${change.id}`;
}

function sameState(a: RowState | null, b: RowState | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/**
 * Folds a sequence of applied change sets into one: per row, its state before the first and after
 * the last. Rows that end where they started are left out. The result can be applied (and
 * inverted) by applyChanges in one step, as undo does.
 */
export function collapseChanges(steps: readonly (readonly RowChange[])[]): RowChange[] {
  const byRow = new Map<string, RowChange>();
  for (const step of steps) {
    for (const change of step) {
      const key = stateKey(change);
      const seen = byRow.get(key);
      byRow.set(key, seen ? { ...seen, after: change.after } : { ...change });
    }
  }
  return [...byRow.values()].filter((c) => !sameState(c.before, c.after));
}

export function restoreRevision(db: Db, articleId: number, revisionId: number): Revision {
  return writeTransaction(db, () => {
    if (!isLiveArticle(db, articleId)) throw new LibraryError(`No article ${articleId} in this library.`);
    const revisions = listRevisions(db, articleId);
    if (!revisions.some((r) => r.id === revisionId)) {
      throw new LibraryError(`Revision ${revisionId} is not in the history of article ${articleId}.`);
    }
    const later = revisions.filter((r) => r.id > revisionId).sort((a, b) => b.id - a.id);
    if (later.length === 0) {
      throw new LibraryError(`Article ${articleId} is already as revision ${revisionId} left it; nothing to restore.`);
    }
    const steps: RowChange[][] = [];
    for (const revision of later) {
      const inverse = invertChanges(revision.changes).filter(
        (c) => c.table !== 'finding' || sameState(readState(db, c.table, c.id), c.before),
      );
      applyChanges(db, inverse, (c) =>
        `Cannot restore: ${c.table} ${c.id} was changed by a revision of another article since revision ${revision.id}; undo that one first.`,
      );
      steps.push(inverse);
    }
    const changes = collapseChanges(steps);
    if (changes.length === 0) {
      throw new LibraryError(`Article ${articleId} is already as revision ${revisionId} left it; nothing to restore.`);
    }
    return recordRevision(db, {
      kind: 'restore',
      summary: `Restore article ${articleId} to revision ${revisionId}`,
      changes,
    });
  });
}
