import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import type { ChangeRecorder } from '../revisions/changes.js';
import type { Revision } from '../revisions/log.js';
import { giveArticleTag } from './assign.js';
import { reviseTags } from './revise.js';
import { formatTagPath, parseTagPath, resolveTagRef, subtreeIds, tagPath, tagRow, type TagRef } from './vocabulary.js';

/*
 * Renaming, moving and merging tags are revisions. Assignments point at tag ids, so a rename or a
 * move keeps every assignment as it is; the revision is linked to the articles carrying the tag
 * (or one below it) so that `undo` on any of them takes the rename back. A merge moves the
 * source's assignments, span tags and child tags to the target and retires the source, recording
 * where it went (merged_into), so references to it (saved searches, campaigns, keyword rules)
 * follow to the target.
 */

function requireLive(db: Db, id: number): void {
  const row = tagRow(db, id);
  if (!row || row.retired === 1) throw new LibraryError(`No tag ${id} in this library.`);
}

function siblingNamed(db: Db, parentId: number | null, name: string): number | undefined {
  return db
    .prepare('SELECT id FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ? AND retired = 0')
    .pluck()
    .get(parentId ?? 0, name) as number | undefined;
}

/**
 * Renames a tag, moves it under another parent (null: makes it a vocabulary of its own), or both.
 * A name already taken among the new siblings is refused: that is a merge.
 */
export function renameTag(db: Db, id: number, change: { name?: string; parent?: TagRef | null }): Revision {
  return writeTransaction(db, () => {
    requireLive(db, id);
    const row = tagRow(db, id)!;
    const oldPath = formatTagPath(tagPath(db, id));
    let name = row.name;
    if (change.name !== undefined) {
      const parsed = parseTagPath(change.name);
      if (parsed.length !== 1) throw new LibraryError(`A tag name cannot contain "/" or "›" ("${change.name}").`);
      name = parsed[0]!;
    }
    let parentId = row.parent_id;
    if (change.parent !== undefined) {
      parentId = change.parent === null ? null : resolveTagRef(db, change.parent, { create: true });
      if (parentId !== null && subtreeIds(db, id).includes(parentId)) {
        throw new LibraryError(`Cannot move tag ${oldPath} under itself.`);
      }
    }
    const clash = siblingNamed(db, parentId, name);
    if (clash !== undefined && clash !== id) {
      throw new LibraryError(`Tag "${formatTagPath(tagPath(db, clash))}" exists already; merge the tags instead.`);
    }
    return reviseTags(db, 'tag_rename', () => `Rename tag ${oldPath} → ${formatTagPath(tagPath(db, id))}`, (rec) => {
      rec.update('tag', id, { name, parent_id: parentId });
    });
  });
}

/** Moves everything of `source` onto `target`, child tags merged by name, and retires `source`. */
function mergeInto(db: Db, rec: ChangeRecorder, source: number, target: number): void {
  const assigned = db
    .prepare('SELECT id, article_id FROM article_tags WHERE tag_id = ? AND removed = 0')
    .all(source) as { id: number; article_id: number }[];
  for (const a of assigned) {
    rec.update('article_tag', a.id, { removed: 1 });
    giveArticleTag(db, rec, a.article_id, target);
  }
  const spans = db.prepare('SELECT id FROM span_tags WHERE tag_id = ? AND removed = 0').pluck().all(source) as number[];
  for (const span of spans) rec.update('span_tag', span, { tag_id: target });
  const children = db
    .prepare('SELECT id, name FROM tags WHERE parent_id = ? AND retired = 0')
    .all(source) as { id: number; name: string }[];
  for (const child of children) {
    const same = siblingNamed(db, target, child.name);
    if (same !== undefined) mergeInto(db, rec, child.id, same);
    else rec.update('tag', child.id, { parent_id: target });
  }
  rec.update('tag', source, { retired: 1, merged_into: target });
}

/** Merges one tag into another: every assignment is kept, on the target. */
export function mergeTags(db: Db, sourceId: number, targetId: number): Revision {
  return writeTransaction(db, () => {
    requireLive(db, sourceId);
    requireLive(db, targetId);
    if (sourceId === targetId) throw new LibraryError('Cannot merge a tag into itself.');
    const from = formatTagPath(tagPath(db, sourceId));
    const to = formatTagPath(tagPath(db, targetId));
    if (subtreeIds(db, sourceId).includes(targetId)) throw new LibraryError(`Cannot merge ${from} into ${to}, a tag below it.`);
    return reviseTags(db, 'tag_merge', () => `Merge tag ${from} into ${to}`, (rec) => mergeInto(db, rec, sourceId, targetId));
  });
}
