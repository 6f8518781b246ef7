import type { Db } from '../store/database.js';
import { getRevision, type Revision } from '../revisions/log.js';
import type { RowChange, RowState } from '../revisions/changes.js';
import { getFinding, type Finding } from '../findings/library/findings-store.js';
import type { Bilingual, DefectKind } from '../findings/types.js';
import { diffHunks } from './text-diff.js';

/*
 * Provenance: how each paragraph of an edition came to differ from the OCR text. Two kinds of
 * change lead from one to the other:
 *
 * - the editors' revisions (the revision log): text edits, accepted findings' fixes, class
 *   changes, blocks moved between articles or removed. A fix names the finding it came from and
 *   the revision says who accepted it and when;
 * - what the export itself does (text-pipeline.ts): punctuation, whitespace, script; and the
 *   blocks an edition leaves out (captions, credits, section banners, adverts).
 *
 * Only revisions in effect count. An undo and what it undid cancel out, and a redo brings its
 * revision back: going from newest to oldest, a revision that reverts another (undo, redo) cancels
 * it unless itself cancelled, and is bookkeeping, not a change of its own. What is left, applied in
 * order, leads from the OCR text to the current text.
 */

export type ChangeSource = 'revision' | 'punctuation' | 'whitespace' | 'script' | 'omitted';
/** text: a span of text; class: the block's class; article: moved from another article; presence: the block left (or joined) the text. */
export type ChangeField = 'text' | 'class' | 'article' | 'presence';

export interface RevisionRef {
  id: number;
  kind: string;
  summary: string;
  /** Who made the change (for a fix: who accepted the finding). */
  author: string;
  createdAt: string;
}

export interface FindingRef {
  id: number;
  kind: DefectKind;
  flagged: string;
  confidence: number;
  message: Bilingual;
}

export interface Change {
  articleId: number;
  blockId: number;
  source: ChangeSource;
  field: ChangeField;
  /** For text: UTF-16 offset into the text as the change found it; null for the other fields. */
  offset: number | null;
  before: string;
  after: string;
  revision: RevisionRef | null;
  finding: FindingRef | null;
}

function revisionIdsOf(db: Db, articleIds: readonly number[]): number[] {
  // One query for the whole edition. Calling listRevisions article by article would parse a
  // library-wide bulk revision (one accept of thousands of findings) once per article.
  return db
    .prepare(`SELECT DISTINCT revision_id FROM revision_articles
              WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY revision_id`)
    .pluck()
    .all(JSON.stringify(articleIds)) as number[];
}

function articleOf(state: RowState | null): number | undefined {
  const id = state?.['article_id'];
  return typeof id === 'number' ? id : undefined;
}

/** Revisions in effect: not undone (or redone after an undo), without the undos and redos themselves. */
export function effectiveRevisions(revisions: readonly Revision[]): Revision[] {
  const ordered = [...revisions].sort((a, b) => a.id - b.id);
  const cancelled = new Set<number>();
  for (let i = ordered.length - 1; i >= 0; i--) {
    const r = ordered[i]!;
    if (!cancelled.has(r.id) && r.reverts !== null) cancelled.add(r.reverts);
  }
  return ordered.filter((r) => r.reverts === null && !cancelled.has(r.id));
}

function findingRef(f: Finding): FindingRef {
  return { id: f.id, kind: f.kind, flagged: f.flagged, confidence: f.confidence, message: f.message };
}

/** The accepted finding a change to `blockId` at `offset` most likely came from. */
function pickFinding(accepted: readonly Finding[], blockId: number, offset: number | null): Finding | undefined {
  const onBlock = accepted.filter((f) => f.blockId === blockId || f.endBlockId === blockId);
  if (onBlock.length === 0) return accepted.length === 1 ? accepted[0] : undefined;
  if (offset === null) return onBlock[0];
  const covering = onBlock.find((f) => f.blockId === blockId && f.start <= offset && offset <= f.end);
  if (covering) return covering;
  return [...onBlock].sort((a, b) => Math.abs(a.start - offset) - Math.abs(b.start - offset))[0];
}

function textOf(state: RowState | null): string {
  const text = state?.['text'];
  return typeof text === 'string' ? text : '';
}

function isPresent(state: RowState | null): boolean {
  return state !== null && state['retired'] !== 1;
}

/** The rows one block change of a revision gives. */
function rowsOfBlockChange(change: RowChange, articleId: number, revision: RevisionRef, accepted: readonly Finding[]): Change[] {
  const { before, after } = change;
  const base = { articleId, blockId: change.id, source: 'revision' as const, revision };
  const finding = (offset: number | null) => {
    const f = pickFinding(accepted, change.id, offset);
    return f ? findingRef(f) : null;
  };
  if (isPresent(before) !== isPresent(after)) {
    return [{ ...base, field: 'presence', offset: null, before: isPresent(before) ? textOf(before) : '', after: isPresent(after) ? textOf(after) : '', finding: finding(null) }];
  }
  if (!before || !after) return [];
  const rows: Change[] = [];
  const movedFrom = articleOf(before);
  const movedTo = articleOf(after);
  if (movedFrom !== movedTo) {
    rows.push({ ...base, field: 'article', offset: null, before: String(movedFrom ?? ''), after: String(movedTo ?? ''), finding: finding(null) });
  }
  if (before['class'] !== after['class']) {
    rows.push({ ...base, field: 'class', offset: null, before: String(before['class'] ?? ''), after: String(after['class'] ?? ''), finding: finding(null) });
  }
  for (const h of diffHunks(textOf(before), textOf(after))) {
    rows.push({ ...base, field: 'text', offset: h.offset, before: h.before, after: h.after, finding: finding(h.offset) });
  }
  return rows;
}

/**
 * The editors' changes to the blocks of some articles, oldest first, by article. `liveBlocks` maps
 * each block now in those articles to its article; a block removed from one of them (joined into
 * another block, say) is reported under the article it left.
 */
export function revisionChangesByArticle(
  db: Db,
  articleIds: readonly number[],
  liveBlocks: ReadonlyMap<number, number>,
): Map<number, Change[]> {
  const inEdition = new Set(articleIds);
  const relevant = (c: RowChange) =>
    c.table === 'block' && (liveBlocks.has(c.id) || [c.before, c.after].some((s) => inEdition.has(articleOf(s) ?? -1)));

  // A block moved in from another article kept its earlier history there: follow it.
  const revisions = new Map<number, Revision>();
  const fetched = new Set<number>();
  let pending = [...inEdition];
  while (pending.length > 0) {
    for (const a of pending) fetched.add(a);
    for (const id of revisionIdsOf(db, pending)) {
      if (revisions.has(id)) continue;
      const revision = getRevision(db, id);
      if (revision) revisions.set(id, revision);
    }
    const next = new Set<number>();
    for (const r of revisions.values()) {
      for (const c of r.changes) {
        if (!relevant(c)) continue;
        for (const a of [articleOf(c.before), articleOf(c.after)]) if (a !== undefined && !fetched.has(a)) next.add(a);
      }
    }
    pending = [...next];
  }

  const out = new Map<number, Change[]>(articleIds.map((id) => [id, []]));
  const findings = new Map<number, Finding | undefined>();
  for (const r of effectiveRevisions([...revisions.values()])) {
    const changes = r.changes.filter(relevant);
    if (changes.length === 0) continue;
    const accepted = r.changes
      .filter((c) => c.table === 'finding' && c.after?.['state'] === 'accepted')
      .map((c) => {
        if (!findings.has(c.id)) findings.set(c.id, getFinding(db, c.id));
        return findings.get(c.id);
      })
      .filter((f): f is Finding => f !== undefined);
    const ref: RevisionRef = { id: r.id, kind: r.kind, summary: r.summary, author: r.author, createdAt: r.createdAt };
    for (const c of changes) {
      const live = liveBlocks.get(c.id);
      const articleId = live ?? [articleOf(c.after), articleOf(c.before)].find((a) => a !== undefined && inEdition.has(a));
      if (articleId === undefined) continue;
      out.get(articleId)!.push(...rowsOfBlockChange(c, articleId, ref, accepted));
    }
  }
  return out;
}
