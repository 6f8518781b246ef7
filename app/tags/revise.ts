import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { ChangeRecorder } from '../revisions/changes.js';
import { recordRevision, type Revision, type RevisionKind } from '../revisions/log.js';

/*
 * Every change to tag assignments and to the vocabulary's shape is one revision, written as the
 * editing operations write theirs: rows changed through a ChangeRecorder in one write
 * transaction, then the revision that describes (and can undo) exactly that. A bulk action over
 * many articles is one revision, linked to each of them.
 */
export function reviseTags(db: Db, kind: RevisionKind, summary: () => string, body: (rec: ChangeRecorder) => void): Revision {
  return writeTransaction(db, () => {
    const rec = new ChangeRecorder(db);
    body(rec);
    const changes = rec.result();
    if (changes.length === 0) throw new LibraryError('Nothing changed.');
    return recordRevision(db, { kind, summary: summary(), changes });
  });
}
