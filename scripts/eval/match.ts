import { DEFECT_KINDS, type CheckFinding } from '../../app/findings/types.js';
import type { ResolvedLabel, Span } from './labels.js';

/*
 * Matching findings to labels.
 *
 * A finding matches a label when it is of the label's kind and the spans overlap, a zero-length
 * span counting as one character wide ([s, s) is taken as [s, s + 1)). A label's `alts` are other
 * (kind, span) pairs that count the same way.
 *
 * - A label is found (TP) when at least one finding matches it; otherwise it is missed (FN).
 *   Recall = TP / (TP + FN), over required labels only.
 * - A finding is a false alarm (FP) when it matches no label at all. A finding that matches only
 *   optional labels is ignored (counted neither way). Otherwise it is a hit.
 *   Precision = hits / (hits + FP), over findings.
 * So several findings on one label are all hits but the label counts once, and one long finding
 * covering several labels finds all of them.
 * - Fix: for a found label with a string fix, the fix is right when the matching findings of the
 *   label's own kind, applied together, give the same text as the labels they cover (see
 *   fixReproduced).
 */

export function spansOverlap(a: Span, b: Span): boolean {
  const aEnd = a.end > a.start ? a.end : a.start + 1;
  const bEnd = b.end > b.start ? b.end : b.start + 1;
  return a.start < bEnd && b.start < aEnd;
}

export function findingMatchesLabel(f: CheckFinding, l: ResolvedLabel): boolean {
  if (f.type === l.type && spansOverlap(f, l)) return true;
  return l.alts.some((a) => f.type === a.type && spansOverlap(f, a));
}

/** The text of [lo, hi) with the given replacements applied (non-overlapping ones, left to right). */
function applyWithin(text: string, lo: number, hi: number, edits: readonly { start: number; end: number; fix: string }[]): string {
  let out = '';
  let at = lo;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (e.start < at) continue; // overlaps an edit already applied
    out += text.slice(at, e.start) + e.fix;
    at = e.end;
  }
  return out + text.slice(at, hi);
}

/**
 * Whether the findings reproduce the label's fix: the findings of the label's kind that overlap it,
 * applied together, give the same text as the labels of that kind (or accepting that kind as an
 * alternative) they overlap, applied together
 * (over the union of all their spans). So a run fixed in pieces, or one finding fixing two labelled
 * runs at once, counts as right. Returns null when it cannot be judged (the label was found only
 * through an alternative, or an involved label has no string fix).
 */
export function fixReproduced(text: string, label: ResolvedLabel, labels: readonly ResolvedLabel[], findings: readonly CheckFinding[]): boolean | null {
  if (typeof label.fix !== 'string') return null;
  const own = findings.filter((f) => f.type === label.type && spansOverlap(f, label));
  if (own.length === 0) return null;
  if (own.some((f) => typeof f.fix !== 'string')) return false;
  // The labels these findings also cover: of the same kind, or accepting this kind as an
  // alternative (the spaces around a Latin word, which a latin_leak finding may take in).
  const sameKind = (l: ResolvedLabel): boolean => l.type === label.type || l.alts.some((a) => a.type === label.type);
  const cluster = labels.filter((l) => l === label || (sameKind(l) && own.some((f) => spansOverlap(f, l))));
  if (cluster.some((l) => typeof l.fix !== 'string')) return null;
  const lo = Math.min(...own.map((f) => f.start), ...cluster.map((l) => l.start));
  const hi = Math.max(...own.map((f) => f.end), ...cluster.map((l) => l.end));
  const viaFindings = applyWithin(text, lo, hi, own.map((f) => ({ start: f.start, end: f.end, fix: f.fix as string })));
  const viaLabels = applyWithin(text, lo, hi, cluster.map((l) => ({ start: l.start, end: l.end, fix: l.fix as string })));
  return viaFindings === viaLabels;
}

export interface EvalPage {
  /** As given to the checker and printed in reports. */
  file: string;
  group: string;
  text: string;
  labels: ResolvedLabel[];
}

export interface KindScore {
  /** Required labels. */
  labels: number;
  tp: number;
  fn: number;
  /** Findings of this kind, all of them. */
  findings: number;
  hits: number;
  fp: number;
  ignored: number;
  /** Found labels with a string fix, and how many of those got the right fix. */
  fixChecked: number;
  fixRight: number;
}

export interface Miss {
  page: EvalPage;
  label: ResolvedLabel;
}

export interface FalseAlarm {
  page: EvalPage;
  finding: CheckFinding;
}

export interface PageScore {
  perKind: Map<string, KindScore>;
  misses: Miss[];
  falseAlarms: FalseAlarm[];
  wrongFixes: { page: EvalPage; label: ResolvedLabel; findings: CheckFinding[] }[];
}

export function emptyScore(): KindScore {
  return { labels: 0, tp: 0, fn: 0, findings: 0, hits: 0, fp: 0, ignored: 0, fixChecked: 0, fixRight: 0 };
}

function kindScore(map: Map<string, KindScore>, kind: string): KindScore {
  let s = map.get(kind);
  if (!s) {
    s = emptyScore();
    map.set(kind, s);
  }
  return s;
}

export function scorePage(page: EvalPage, findings: readonly CheckFinding[]): PageScore {
  const perKind = new Map<string, KindScore>();
  for (const k of DEFECT_KINDS) perKind.set(k, emptyScore());
  const misses: Miss[] = [];
  const falseAlarms: FalseAlarm[] = [];
  const wrongFixes: PageScore['wrongFixes'] = [];
  for (const label of page.labels) {
    if (label.optional) continue;
    const s = kindScore(perKind, label.type);
    s.labels++;
    const matching = findings.filter((f) => findingMatchesLabel(f, label));
    if (matching.length === 0) {
      s.fn++;
      misses.push({ page, label });
      continue;
    }
    s.tp++;
    const right = fixReproduced(page.text, label, page.labels, matching);
    if (right !== null) {
      s.fixChecked++;
      if (right) s.fixRight++;
      else wrongFixes.push({ page, label, findings: matching.filter((f) => f.type === label.type) });
    }
  }
  for (const f of findings) {
    const s = kindScore(perKind, f.type);
    s.findings++;
    const matched = page.labels.filter((l) => findingMatchesLabel(f, l));
    if (matched.length === 0) {
      s.fp++;
      falseAlarms.push({ page, finding: f });
    } else if (matched.every((l) => l.optional)) s.ignored++;
    else s.hits++;
  }
  return { perKind, misses, falseAlarms, wrongFixes };
}

export function addScores(into: Map<string, KindScore>, from: Map<string, KindScore>): void {
  for (const [k, s] of from) {
    const t = kindScore(into, k);
    for (const key of Object.keys(s) as (keyof KindScore)[]) t[key] += s[key];
  }
}

export function precision(s: KindScore): number | null {
  return s.hits + s.fp === 0 ? null : s.hits / (s.hits + s.fp);
}

export function recall(s: KindScore): number | null {
  return s.tp + s.fn === 0 ? null : s.tp / (s.tp + s.fn);
}

export function f1(s: KindScore): number | null {
  const p = precision(s);
  const r = recall(s);
  if (p === null || r === null || p + r === 0) return null;
  return (2 * p * r) / (p + r);
}

export function totalOf(map: Map<string, KindScore>): KindScore {
  const t = emptyScore();
  for (const s of map.values()) for (const key of Object.keys(s) as (keyof KindScore)[]) t[key] += s[key];
  return t;
}
