import crypto from 'node:crypto';
import type { Db } from '../../store/database.js';
import { nowIso } from '../../store/clock.js';
import type { DocBlock, DocEdit, DocFinding, DocFix } from '../model.js';
import type { Bilingual, DefectKind } from '../types.js';

export const FINDING_STATES = ['open', 'accepted', 'rejected', 'retired'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** A fix as stored: the same edits, naming blocks by id instead of by index. */
export type StoredFix = DocFix;

export interface Finding {
  id: number;
  articleId: number;
  sourceId: number;
  kind: DefectKind;
  blockId: number;
  start: number;
  endBlockId: number;
  end: number;
  flagged: string;
  message: Bilingual;
  confidence: number;
  fixes: StoredFix[];
  state: FindingState;
  detectedAt: string;
}

interface FindingRow {
  id: number;
  article_id: number;
  source_id: number;
  kind: DefectKind;
  block_id: number;
  start_offset: number;
  end_block_id: number;
  end_offset: number;
  flagged: string;
  message_zh: string;
  message_en: string;
  confidence: number;
  fixes: string;
  state: FindingState;
  detected_at: string;
}

function toFinding(row: FindingRow): Finding {
  return {
    id: row.id,
    articleId: row.article_id,
    sourceId: row.source_id,
    kind: row.kind,
    blockId: row.block_id,
    start: row.start_offset,
    endBlockId: row.end_block_id,
    end: row.end_offset,
    flagged: row.flagged,
    message: { zh: row.message_zh, en: row.message_en },
    confidence: row.confidence,
    fixes: JSON.parse(row.fixes) as StoredFix[],
    state: row.state,
    detectedAt: row.detected_at,
  };
}

/** The text a finding covers, across blocks when it spans several. */
export function flaggedText(doc: readonly DocBlock[], f: DocFinding): string {
  if (f.start.block === f.end.block) return doc[f.start.block]!.text.slice(f.start.offset, f.end.offset);
  const parts = [doc[f.start.block]!.text.slice(f.start.offset)];
  for (let b = f.start.block + 1; b < f.end.block; b++) parts.push(doc[b]!.text);
  parts.push(doc[f.end.block]!.text.slice(0, f.end.offset));
  return parts.join('\n');
}

function toStoredEdit(edit: DocEdit, ids: readonly number[]): DocEdit {
  switch (edit.op) {
    case 'replace':
      return { ...edit, block: ids[edit.block]! };
    case 'join':
      return { ...edit, block: ids[edit.block]!, next: ids[edit.next]! };
    case 'move':
      return 'before' in edit
        ? { op: 'move', block: ids[edit.block]!, before: ids[edit.before]! }
        : { op: 'move', block: ids[edit.block]!, toEndOfArticle: edit.toEndOfArticle };
  }
}

/**
 * What makes a finding the same finding after the text around it changed: its kind, the blocks it
 * lies in, the flagged text with a little context, and what it suggests. Offsets are left out, so
 * an edit elsewhere in the block does not turn a rejected finding into a new one.
 */
function fingerprintOf(doc: readonly DocBlock[], ids: readonly number[], f: DocFinding, flagged: string): string {
  const before = doc[f.start.block]!.text.slice(Math.max(0, f.start.offset - 4), f.start.offset);
  const after = doc[f.end.block]!.text.slice(f.end.offset, f.end.offset + 4);
  const fix = f.fixes[0]?.edits.map((e) => (e.op === 'replace' ? e.text : e.op)).join('|') ?? '';
  const key = JSON.stringify([f.kind, ids[f.start.block], ids[f.end.block], before, flagged, after, fix]);
  return crypto.createHash('sha1').update(key).digest('hex');
}

/**
 * Stores one article's findings from a fresh analysis. A finding seen before keeps its row (and a
 * rejected or accepted one its state); an open one no longer found is retired; one found again
 * after being retired opens again.
 */
export function storeArticleFindings(
  db: Db,
  articleId: number,
  sourceId: number,
  doc: readonly DocBlock[],
  ids: readonly number[],
  findings: readonly DocFinding[],
): void {
  const now = nowIso();
  const seen = new Set<number>();
  const find = db.prepare('SELECT id, state FROM findings WHERE article_id = ? AND fingerprint = ?');
  const insert = db.prepare(`
    INSERT INTO findings (article_id, source_id, block_id, start_offset, end_block_id, end_offset, kind, fingerprint,
                          flagged, message_zh, message_en, confidence, fixes, state, detected_at)
    VALUES (@article_id, @source_id, @block_id, @start_offset, @end_block_id, @end_offset, @kind, @fingerprint,
            @flagged, @message_zh, @message_en, @confidence, @fixes, 'open', @detected_at)`);
  const refresh = db.prepare(`
    UPDATE findings SET block_id = @block_id, start_offset = @start_offset, end_block_id = @end_block_id,
      end_offset = @end_offset, source_id = @source_id, message_zh = @message_zh, message_en = @message_en,
      confidence = @confidence, fixes = @fixes,
      state = CASE WHEN state = 'retired' THEN 'open' ELSE state END
    WHERE id = @id`);
  for (const f of findings) {
    const flagged = flaggedText(doc, f);
    const fingerprint = fingerprintOf(doc, ids, f, flagged);
    const row = {
      article_id: articleId,
      source_id: sourceId,
      block_id: ids[f.start.block]!,
      start_offset: f.start.offset,
      end_block_id: ids[f.end.block]!,
      end_offset: f.end.offset,
      kind: f.kind,
      fingerprint,
      flagged,
      message_zh: f.message.zh,
      message_en: f.message.en,
      confidence: f.confidence,
      fixes: JSON.stringify(f.fixes.map((fix) => ({ label: fix.label, edits: fix.edits.map((e) => toStoredEdit(e, ids)) }))),
      detected_at: now,
    };
    const existing = find.get(articleId, fingerprint) as { id: number; state: FindingState } | undefined;
    if (existing) {
      refresh.run({ ...row, id: existing.id });
      seen.add(existing.id);
    } else {
      seen.add(Number(insert.run(row).lastInsertRowid));
    }
  }
  const open = db.prepare("SELECT id FROM findings WHERE article_id = ? AND state = 'open'").all(articleId) as { id: number }[];
  const retire = db.prepare("UPDATE findings SET state = 'retired' WHERE id = ?");
  for (const { id } of open) if (!seen.has(id)) retire.run(id);
}

export function retireArticleFindings(db: Db, articleId: number): void {
  db.prepare("UPDATE findings SET state = 'retired' WHERE article_id = ? AND state = 'open'").run(articleId);
}

export interface FindingFilter {
  articleId?: number;
  sourceId?: number;
  kinds?: readonly DefectKind[];
  minConfidence?: number;
  states?: readonly FindingState[];
  ids?: readonly number[];
  limit?: number;
  offset?: number;
}

function whereClause(filter: FindingFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const states = filter.states ?? ['open'];
  where.push(`f.state IN (${states.map(() => '?').join(', ')})`);
  params.push(...states);
  if (filter.articleId !== undefined) {
    where.push('f.article_id = ?');
    params.push(filter.articleId);
  }
  if (filter.sourceId !== undefined) {
    where.push('f.source_id = ?');
    params.push(filter.sourceId);
  }
  if (filter.kinds?.length) {
    where.push(`f.kind IN (${filter.kinds.map(() => '?').join(', ')})`);
    params.push(...filter.kinds);
  }
  if (filter.minConfidence !== undefined) {
    where.push('f.confidence >= ?');
    params.push(filter.minConfidence);
  }
  if (filter.ids?.length) {
    where.push(`f.id IN (${filter.ids.map(() => '?').join(', ')})`);
    params.push(...filter.ids);
  }
  where.push('a.retired = 0');
  return { sql: where.join(' AND '), params };
}

/** Findings in reading order (page, article, block, offset), for review with next/previous. */
export function listFindings(db: Db, filter: FindingFilter = {}): Finding[] {
  const { sql, params } = whereClause(filter);
  const page = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))} OFFSET ${Math.max(0, Math.floor(filter.offset ?? 0))}` : '';
  const rows = db
    .prepare(`SELECT f.* FROM findings f JOIN articles a ON a.id = f.article_id
              JOIN blocks b ON b.id = f.block_id
              WHERE ${sql} ORDER BY f.source_id, a.ordinal, b.ordinal, f.start_offset, f.id${page}`)
    .all(...params) as FindingRow[];
  return rows.map(toFinding);
}

export function getFinding(db: Db, id: number): Finding | undefined {
  const row = db.prepare('SELECT * FROM findings WHERE id = ?').get(id) as FindingRow | undefined;
  return row && toFinding(row);
}

export interface FindingCounts {
  total: number;
  byKind: Partial<Record<DefectKind, number>>;
  byPage: { sourceId: number; name: string; total: number; byKind: Partial<Record<DefectKind, number>> }[];
}

/** Open findings counted by kind and by page, library-wide. */
export function countFindings(db: Db): FindingCounts {
  const rows = db
    .prepare(`SELECT f.source_id, s.name, f.kind, count(*) AS n
              FROM findings f JOIN articles a ON a.id = f.article_id JOIN sources s ON s.id = f.source_id
              WHERE f.state = 'open' AND a.retired = 0
              GROUP BY f.source_id, f.kind ORDER BY f.source_id, f.kind`)
    .all() as { source_id: number; name: string; kind: DefectKind; n: number }[];
  const counts: FindingCounts = { total: 0, byKind: {}, byPage: [] };
  for (const r of rows) {
    counts.total += r.n;
    counts.byKind[r.kind] = (counts.byKind[r.kind] ?? 0) + r.n;
    let page = counts.byPage.at(-1);
    if (!page || page.sourceId !== r.source_id) {
      page = { sourceId: r.source_id, name: r.name, total: 0, byKind: {} };
      counts.byPage.push(page);
    }
    page.total += r.n;
    page.byKind[r.kind] = r.n;
  }
  return counts;
}

/** Open findings of each live article, by kind; articles without any are left out. */
export type ArticleFindingCounts = Record<number, Partial<Record<DefectKind, number>>>;

/** Open findings counted per article and kind, library-wide, in one GROUP BY (the library table's column). */
export function countFindingsByArticle(db: Db): ArticleFindingCounts {
  const rows = db
    .prepare(`SELECT f.article_id, f.kind, count(*) AS n
              FROM findings f JOIN articles a ON a.id = f.article_id
              WHERE f.state = 'open' AND a.retired = 0
              GROUP BY f.article_id, f.kind`)
    .all() as { article_id: number; kind: DefectKind; n: number }[];
  const counts: ArticleFindingCounts = {};
  for (const r of rows) (counts[r.article_id] ??= {})[r.kind] = r.n;
  return counts;
}
