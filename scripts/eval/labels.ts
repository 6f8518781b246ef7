import fs from 'node:fs';
import { DEFECT_KINDS, type DefectKind } from '../../app/findings/types.js';

/*
 * Labelled defects, as the evaluation reads them.
 *
 * Sample pages (seeds/*.txt) are labelled by hand in test/fixtures/findings/samples/<seed>.json.
 * Each label names the flagged text and a stretch of text around it (`context`) that makes the
 * spot unique: `context` must occur exactly once in the page, and `text` exactly once inside
 * `context`. The label's span is where `text` lies inside that one occurrence of `context`.
 * Anything else (not found, found twice) is an error, never a guess.
 *
 * Injected pages (test/fixtures/findings/injected/<name>.labels.json) carry offsets directly, with
 * the flagged text alongside so a stale file is caught.
 *
 * Two extensions to the plain label, both for pages where a careful editor could go either way:
 * - `optional: true`: the label is neither required (not a false negative when missed) nor a false
 *   alarm when flagged (a finding on it is simply not counted).
 * - `alts`: other (kind, span) pairs that also count as finding this defect, e.g. a continuation
 *   two body paragraphs further on, which a detector may call either misordered_paragraph (the
 *   moved block) or broken_paragraph (the gap). A finding matching an alt is not a false alarm.
 */

export interface AltSpec {
  type: DefectKind;
  text: string;
  context: string;
}

export interface LabelSpec {
  type: DefectKind;
  text: string;
  context: string;
  /** The expected replacement for the flagged text, or null (flag only, or a structural fix). */
  fix: string | null;
  note?: string;
  optional?: boolean;
  alts?: AltSpec[];
}

export interface SampleLabelFile {
  /** Path of the page, relative to the repository root. */
  page: string;
  notes?: string[];
  labels: LabelSpec[];
}

export interface OffsetLabel {
  type: DefectKind;
  start: number;
  end: number;
  /** page.slice(start, end), for checking. */
  text: string;
  fix: string | null;
  note?: string;
  /** Other (kind, span) pairs that also count as finding this defect. */
  alts?: ResolvedAlt[];
}

export interface InjectedLabelFile {
  /** The injected page, relative to the repository root. */
  page: string;
  /** The clean original it was made from (the CER reference), relative to the repository root. */
  original: string;
  seed: number;
  labels: OffsetLabel[];
}

export interface Span {
  start: number;
  end: number;
}

export interface ResolvedAlt extends Span {
  type: DefectKind;
}

export interface ResolvedLabel extends Span {
  type: DefectKind;
  text: string;
  fix: string | null;
  optional: boolean;
  note?: string;
  alts: ResolvedAlt[];
}

export class LabelError extends Error {
  override name = 'LabelError';
}

/** Every start offset of `needle` in `hay`, overlapping occurrences included. */
export function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function show(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

function checkKind(type: string, where: string): DefectKind {
  if (!(DEFECT_KINDS as readonly string[]).includes(type)) throw new LabelError(`${where}: unknown defect kind ${show(type)}`);
  return type as DefectKind;
}

/** Resolves text-in-context to offsets, or throws a LabelError saying what is wrong. */
export function resolveSpan(page: string, text: string, context: string, where: string): Span {
  if (typeof text !== 'string' || text.length === 0) throw new LabelError(`${where}: empty text`);
  if (typeof context !== 'string') throw new LabelError(`${where}: no context`);
  const inner = occurrences(context, text);
  if (inner.length === 0) throw new LabelError(`${where}: context ${show(context)} does not contain text ${show(text)}`);
  if (inner.length > 1) throw new LabelError(`${where}: text ${show(text)} occurs ${inner.length} times in context ${show(context)}`);
  const outer = occurrences(page, context);
  if (outer.length === 0) throw new LabelError(`${where}: context ${show(context)} not found in the page`);
  if (outer.length > 1) throw new LabelError(`${where}: context ${show(context)} is ambiguous (${outer.length} places in the page)`);
  const start = outer[0]! + inner[0]!;
  return { start, end: start + text.length };
}

export function resolveLabel(page: string, spec: LabelSpec, where = 'label'): ResolvedLabel {
  const type = checkKind(spec.type, where);
  const span = resolveSpan(page, spec.text, spec.context, where);
  if (spec.fix !== null && typeof spec.fix !== 'string') throw new LabelError(`${where}: fix must be a string or null`);
  const alts = (spec.alts ?? []).map((alt, i) => {
    const altWhere = `${where} alt ${i}`;
    return { type: checkKind(alt.type, altWhere), ...resolveSpan(page, alt.text, alt.context, altWhere) };
  });
  const label: ResolvedLabel = { type, ...span, text: spec.text, fix: spec.fix, optional: spec.optional === true, alts };
  if (spec.note !== undefined) label.note = spec.note;
  return label;
}

function describe(spec: { type?: unknown; text?: unknown }, i: number): string {
  return `label ${i} (${String(spec.type)} ${show(String(spec.text))})`;
}

/** Resolves every label of a sample page; collects all errors and throws them together. */
export function resolveSampleLabels(page: string, file: SampleLabelFile, name = file.page): ResolvedLabel[] {
  const errors: string[] = [];
  const out: ResolvedLabel[] = [];
  file.labels.forEach((spec, i) => {
    try {
      out.push(resolveLabel(page, spec, `${name}: ${describe(spec, i)}`));
    } catch (e) {
      if (e instanceof LabelError) errors.push(e.message);
      else throw e;
    }
  });
  if (errors.length > 0) throw new LabelError(errors.join('\n'));
  return out;
}

/** Checks offset labels against their page; throws when a span's text is not what the file says. */
export function resolveOffsetLabels(page: string, file: InjectedLabelFile, name = file.page): ResolvedLabel[] {
  const errors: string[] = [];
  const out: ResolvedLabel[] = [];
  file.labels.forEach((l, i) => {
    const where = `${name}: ${describe(l, i)}`;
    try {
      const type = checkKind(l.type, where);
      if (!Number.isInteger(l.start) || !Number.isInteger(l.end) || l.start < 0 || l.end < l.start || l.end > page.length) {
        throw new LabelError(`${where}: bad span [${l.start}, ${l.end})`);
      }
      const actual = page.slice(l.start, l.end);
      if (actual !== l.text) throw new LabelError(`${where}: span [${l.start}, ${l.end}) holds ${show(actual)}, not ${show(l.text)}`);
      const alts = (l.alts ?? []).map((a, n) => {
        const altType = checkKind(a.type, `${where} alt ${n}`);
        if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end < a.start || a.end > page.length) {
          throw new LabelError(`${where} alt ${n}: bad span [${a.start}, ${a.end})`);
        }
        return { type: altType, start: a.start, end: a.end };
      });
      const label: ResolvedLabel = { type, start: l.start, end: l.end, text: l.text, fix: l.fix, optional: false, alts };
      if (l.note !== undefined) label.note = l.note;
      out.push(label);
    } catch (e) {
      if (e instanceof LabelError) errors.push(e.message);
      else throw e;
    }
  });
  if (errors.length > 0) throw new LabelError(errors.join('\n'));
  return out;
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/**
 * The shortest context around [start, end) that is unique in the page, contains the span's text
 * exactly once and is at least `min` characters long. Used when writing labels, never when reading
 * them. Prefers a context within the span's line(s), and one centred on the span; shorter than
 * `min` only when no longer context can be unique.
 */
export function chooseContext(page: string, start: number, end: number, min = 6): string {
  const text = page.slice(start, end);
  const occ = occurrences(page, text);
  // The context may not contain another whole occurrence of the text.
  const prev = occ.filter((o) => o < start).pop();
  const next = occ.find((o) => o > start);
  const lo = prev === undefined ? 0 : prev + 1;
  const hi = next === undefined ? page.length : next + text.length - 1;
  const lineLo = Math.max(lo, page.lastIndexOf('\n', start - 1) + 1);
  const nl = page.indexOf('\n', end);
  const lineHi = Math.min(hi, nl === -1 ? page.length : nl);
  const attempt = (l: number, h: number, least = min): string | null => {
    for (let size = Math.max(least, text.length); size <= h - l; size++) {
      const extra = size - text.length;
      const candidates: number[] = [];
      for (let a = Math.max(l, end - size); a <= Math.min(start, h - size); a++) candidates.push(a);
      const centre = start - Math.floor(extra / 2);
      candidates.sort((x, y) => Math.abs(x - centre) - Math.abs(y - centre) || x - y);
      for (const a of candidates) {
        const ctx = page.slice(a, a + size);
        if (occurrences(ctx, text).length === 1 && occurrences(page, ctx).length === 1) return ctx;
      }
    }
    return null;
  };
  // Shorter than `min` only where nothing longer can be unique (next to the end of the page).
  const found = (lineLo <= start && end <= lineHi ? attempt(lineLo, lineHi) : null) ?? attempt(lo, hi) ?? attempt(lo, hi, 1);
  if (found === null) throw new LabelError(`no unique context for ${show(text)} at ${start}`);
  return found;
}
