import type { Db } from '../../store/database.js';
import { writeTransaction } from '../../store/database.js';
import { LibraryError } from '../../store/errors.js';
import { ChangeRecorder } from '../../revisions/changes.js';
import { recordRevision, type Revision } from '../../revisions/log.js';
import { applyFixes } from '../apply.js';
import type { DocBlock, DocEdit, DocFix } from '../model.js';
import { getFinding, listFindings, type Finding, type FindingFilter } from './findings-store.js';

interface PageBlockRow {
  id: number;
  article_id: number;
  ordinal: number;
  class: DocBlock['cls'];
  text: string;
}

function loadPage(db: Db, sourceId: number) {
  const rows = db
    .prepare(`SELECT b.id, b.article_id, b.ordinal, b.class, b.text FROM blocks b JOIN articles a ON a.id = b.article_id
              WHERE a.source_id = ? AND a.retired = 0 AND b.retired = 0 ORDER BY a.ordinal, b.ordinal`)
    .all(sourceId) as PageBlockRow[];
  return { rows, doc: rows.map((r): DocBlock => ({ cls: r.class, text: r.text, article: r.article_id })) };
}

/** A stored fix (block ids) as a fix on the loaded page (block indices), or null when stale. */
function localFix(finding: Finding, fix: DocFix, indexOf: Map<number, number>, doc: readonly DocBlock[]): DocFix | null {
  const at = (id: number) => indexOf.get(id);
  const edits: DocEdit[] = [];
  for (const e of fix.edits) {
    const block = at(e.block);
    if (block === undefined) return null;
    if (e.op === 'replace') {
      // The text must still be what was flagged; otherwise the finding is stale.
      if (finding.blockId === finding.endBlockId && doc[block]!.text.slice(e.start, e.end) !== finding.flagged) return null;
      edits.push({ ...e, block });
    } else if (e.op === 'join') {
      const next = at(e.next);
      if (next === undefined) return null;
      edits.push({ ...e, block, next });
    } else if ('before' in e) {
      const before = at(e.before);
      if (before === undefined) return null;
      edits.push({ op: 'move', block, before });
    } else {
      edits.push({ op: 'move', block, toEndOfArticle: e.toEndOfArticle });
    }
  }
  return { label: fix.label, edits };
}

/** Writes one page's fixed blocks back through the recorder, as the smallest set of row changes. */
function writeBack(rec: ChangeRecorder, rows: readonly PageBlockRow[], fixed: ReturnType<typeof applyFixes>['blocks']): void {
  const kept = new Set(fixed.map((b) => b.origin));
  rows.forEach((row, i) => {
    if (!kept.has(i)) rec.update('block', row.id, { retired: 1 });
  });
  const sequence = (article: number, blocks: readonly { article: number; id: number }[]) =>
    blocks.filter((b) => b.article === article).map((b) => b.id).join(',');
  const before = rows.map((r) => ({ article: r.article_id, id: r.id }));
  const after = fixed.map((b) => ({ article: b.article, id: rows[b.origin]!.id }));
  const articles = new Set([...before, ...after].map((b) => b.article));
  const reordered = new Set([...articles].filter((a) => sequence(a, before) !== sequence(a, after)));
  const position = new Map<number, number>();
  for (const b of fixed) {
    const row = rows[b.origin]!;
    const patch: Record<string, string | number> = {};
    if (b.text !== row.text) patch['text'] = b.text;
    if (b.cls !== row.class) patch['class'] = b.cls;
    if (b.article !== row.article_id) patch['article_id'] = b.article;
    if (reordered.has(b.article)) {
      const k = position.get(b.article) ?? 0;
      position.set(b.article, k + 1);
      if (row.ordinal !== k) patch['ordinal'] = k;
    }
    if (Object.keys(patch).length > 0) rec.update('block', row.id, patch);
  }
}

export interface AcceptPreview {
  findings: number;
  articles: number;
  byKind: Record<string, number>;
}

/** What accepting the findings a filter selects would touch, before doing it. */
export function previewAccept(db: Db, filter: FindingFilter): AcceptPreview {
  const findings = listFindings(db, { ...filter, states: ['open'], limit: undefined });
  const byKind: Record<string, number> = {};
  for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  return { findings: findings.length, articles: new Set(findings.map((f) => f.articleId)).size, byKind };
}

export interface AcceptResult {
  revision: Revision;
  accepted: number;
  skipped: number;
}

/**
 * Accepts findings, each with its chosen fix (the suggested one unless told), as ONE revision:
 * one undo takes the whole batch back. Fixes clashing with a more confident one, or whose text
 * changed since analysis, are skipped and counted.
 */
export function acceptFindings(db: Db, filter: FindingFilter, fixChoice: ReadonlyMap<number, number> = new Map()): AcceptResult {
  return writeTransaction(db, () => {
    const selected = listFindings(db, { ...filter, states: ['open'], limit: undefined })
      .filter((f) => f.fixes.length > 0)
      .sort((a, b) => b.confidence - a.confidence);
    if (selected.length === 0) throw new LibraryError('No open findings with a fix match.');
    const rec = new ChangeRecorder(db);
    let accepted = 0;
    const bySource = new Map<number, Finding[]>();
    for (const f of selected) bySource.set(f.sourceId, [...(bySource.get(f.sourceId) ?? []), f]);
    for (const [sourceId, findings] of bySource) {
      const { rows, doc } = loadPage(db, sourceId);
      const indexOf = new Map(rows.map((r, i) => [r.id, i]));
      const candidates: { finding: Finding; fix: DocFix }[] = [];
      for (const finding of findings) {
        const choice = finding.fixes[fixChoice.get(finding.id) ?? 0];
        const fix = choice && localFix(finding, choice, indexOf, doc);
        if (fix) candidates.push({ finding, fix });
      }
      const result = applyFixes(doc, candidates.map((c) => c.fix));
      writeBack(rec, rows, result.blocks);
      for (const k of result.taken) {
        rec.update('finding', candidates[k]!.finding.id, { state: 'accepted' });
        accepted++;
      }
    }
    if (accepted === 0) throw new LibraryError('None of the selected fixes applies any more; analyse the articles again.');
    const first = selected[0]!;
    const summary = accepted === 1
      ? `Accept ${first.kind}: “${first.flagged.slice(0, 20)}”`
      : `Accept ${accepted} findings`;
    const revision = recordRevision(db, { kind: 'fix', summary, changes: rec.result() });
    return { revision, accepted, skipped: selected.length - accepted };
  });
}

export function acceptFinding(db: Db, id: number, fixIndex = 0): AcceptResult {
  const finding = getFinding(db, id);
  if (!finding) throw new LibraryError(`No finding ${id} in this library.`);
  if (finding.state !== 'open') throw new LibraryError(`Finding ${id} is ${finding.state}, not open.`);
  if (!finding.fixes[fixIndex]) throw new LibraryError(`Finding ${id} has no fix ${fixIndex + 1}.`);
  return acceptFindings(db, { ids: [id] }, new Map([[id, fixIndex]]));
}

/** Rejects a finding as a revision (undoable); it stays rejected when its article is analysed again. */
export function rejectFinding(db: Db, id: number): Revision {
  return writeTransaction(db, () => {
    const finding = getFinding(db, id);
    if (!finding) throw new LibraryError(`No finding ${id} in this library.`);
    if (finding.state !== 'open') throw new LibraryError(`Finding ${id} is ${finding.state}, not open.`);
    const rec = new ChangeRecorder(db);
    rec.update('finding', id, { state: 'rejected' });
    return recordRevision(db, { kind: 'reject', summary: `Reject ${finding.kind}: “${finding.flagged.slice(0, 20)}”`, changes: rec.result() });
  });
}
