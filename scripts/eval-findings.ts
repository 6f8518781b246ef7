/*
 * eval-findings: measures the OCR-defect detectors against labelled pages.
 *
 *   tsx scripts/eval-findings.ts [--kind K] [--only K,K] [--max N] [--group samples|own] [--no-clean] [--no-checker] [--json FILE]
 *
 * Pages:
 * - samples: seeds/*.txt, labelled by hand in test/fixtures/findings/samples/<seed>.json
 *   (text + context, resolved to offsets; see scripts/eval/labels.ts);
 * - own pages: test/fixtures/findings/injected/<name>.txt with <name>.labels.json, made from the
 *   clean originals in test/fixtures/findings/clean/ by scripts/inject-defects.ts (two of them are
 *   clean controls with no labels).
 * Each group is given to the checker as one corpus (checkTexts(pages)), so a fragment copied from
 * another page of the group can be found.
 *
 * Prints, per group and in total, precision and recall per defect kind with TP/FN/FP counts and how
 * many found labels got the expected fix; then the character error rate of the raw injected pages
 * and of cleanTexts' output against the clean originals; then the misses and false alarms per kind
 * (the first --max of each, all of them for --kind K). Matching rules: scripts/eval/match.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFECT_KINDS, type CheckFinding, type DefectKind, type PageText } from '../app/findings/types.js';
import { cer, type CerResult } from './eval/cer.js';
import {
  LabelError,
  readJson,
  resolveOffsetLabels,
  resolveSampleLabels,
  type InjectedLabelFile,
  type ResolvedLabel,
  type SampleLabelFile,
} from './eval/labels.js';
import { addScores, f1, precision, recall, scorePage, totalOf, type EvalPage, type FalseAlarm, type KindScore, type Miss, type PageScore } from './eval/match.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository root, whether run from scripts/ (tsx) or dist/scripts/ (compiled). */
const REPO_ROOT = fs.existsSync(path.join(HERE, '..', 'package.json')) ? path.resolve(HERE, '..') : path.resolve(HERE, '..', '..');
const SAMPLES_DIR = path.join(REPO_ROOT, 'test/fixtures/findings/samples');
const INJECTED_DIR = path.join(REPO_ROOT, 'test/fixtures/findings/injected');

export interface Checker {
  checkTexts(pages: PageText[], options?: { only?: DefectKind[] }): CheckFinding[];
  cleanTexts(pages: PageText[]): string[];
}

export interface OwnPage extends EvalPage {
  /** The clean original (the CER reference). */
  original: string;
  control: boolean;
}

const rel = (p: string): string => path.relative(REPO_ROOT, p).split(path.sep).join('/');

export function loadSamplePages(dir = SAMPLES_DIR): EvalPage[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = readJson<SampleLabelFile>(path.join(dir, f));
      const pagePath = path.join(REPO_ROOT, file.page);
      const text = fs.readFileSync(pagePath, 'utf8');
      return { file: rel(pagePath), group: 'samples', text, labels: resolveSampleLabels(text, file, rel(path.join(dir, f))) };
    });
}

export function loadOwnPages(dir = INJECTED_DIR): OwnPage[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.labels.json'))
    .sort()
    .map((f) => {
      const file = readJson<InjectedLabelFile>(path.join(dir, f));
      const pagePath = path.resolve(dir, file.page);
      const text = fs.readFileSync(pagePath, 'utf8');
      const original = fs.readFileSync(path.resolve(dir, file.original), 'utf8');
      const labels = resolveOffsetLabels(text, file, rel(path.join(dir, f)));
      return { file: rel(pagePath), group: 'own', text, labels, original, control: labels.length === 0 && text === original };
    });
}

/** The checker, or null (with the reason) while app/findings/check.ts does not exist yet. */
export async function loadChecker(base = new URL('../app/findings/check.js', import.meta.url)): Promise<{ checker: Checker | null; note: string }> {
  const candidates = [fileURLToPath(base), fileURLToPath(base).replace(/\.js$/, '.ts')];
  if (!candidates.some((p) => fs.existsSync(p))) {
    return { checker: null, note: `NOTE: ${rel(candidates[1]!)} does not exist yet: evaluating an empty finding list, and the raw pages as the cleaned ones.` };
  }
  const specifier = base.href; // a variable, so the type checker does not need the module to exist
  const mod = (await import(specifier)) as Partial<Checker>;
  if (typeof mod.checkTexts !== 'function' || typeof mod.cleanTexts !== 'function') {
    throw new Error(`${rel(candidates[1]!)} does not export checkTexts and cleanTexts`);
  }
  return { checker: { checkTexts: mod.checkTexts, cleanTexts: mod.cleanTexts }, note: `checker: ${rel(candidates[1]!)}` };
}

// ---------------------------------------------------------------------------------------------
// Formatting

const pct = (x: number | null): string => (x === null ? '     -' : `${(x * 100).toFixed(1)}%`.padStart(6));

function scoreRow(name: string, s: KindScore): string {
  const fix = s.fixChecked === 0 ? '     -' : `${s.fixRight}/${s.fixChecked}`.padStart(6);
  return [
    name.padEnd(22),
    String(s.labels).padStart(6),
    String(s.tp).padStart(5),
    String(s.fn).padStart(5),
    String(s.findings).padStart(9),
    String(s.fp).padStart(5),
    String(s.ignored).padStart(4),
    pct(precision(s)).padStart(8),
    pct(recall(s)).padStart(8),
    pct(f1(s)).padStart(8),
    fix.padStart(8),
  ].join('');
}

export function scoreTable(title: string, perKind: Map<string, KindScore>): string {
  const header = [
    'kind'.padEnd(22),
    'labels'.padStart(6),
    'TP'.padStart(5),
    'FN'.padStart(5),
    'findings'.padStart(9),
    'FP'.padStart(5),
    'ign'.padStart(4),
    'P'.padStart(8),
    'R'.padStart(8),
    'F1'.padStart(8),
    'fix ok'.padStart(8),
  ].join('');
  const kinds = [...DEFECT_KINDS, ...[...perKind.keys()].filter((k) => !(DEFECT_KINDS as readonly string[]).includes(k)).sort()];
  const rows = kinds.map((k) => scoreRow(k, perKind.get(k) ?? totalOf(new Map())));
  // The mean over the kinds that have labels (recall) or findings (precision), so the hundreds of
  // halfwidth commas do not drown the rest.
  const mean = (xs: (number | null)[]): number | null => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
  };
  const scores = kinds.map((k) => perKind.get(k)).filter((x): x is KindScore => x !== undefined);
  const mp = mean(scores.map(precision));
  const mr = mean(scores.map(recall));
  const macro = `${'mean over kinds'.padEnd(22)}${' '.repeat(34)}${pct(mp).padStart(8)}${pct(mr).padStart(8)}${pct(mp === null || mr === null || mp + mr === 0 ? null : (2 * mp * mr) / (mp + mr)).padStart(8)}`;
  return [`== ${title} ==`, header, ...rows, '-'.repeat(header.length), scoreRow('all kinds', totalOf(perKind)), macro].join('\n');
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function clip(s: string, max = 40): string {
  const j = JSON.stringify(s);
  return j.length > max + 2 ? `${JSON.stringify(s.slice(0, max / 2))}…${JSON.stringify(s.slice(-max / 2))}` : j;
}

function around(text: string, start: number, end: number): string {
  const a = text.slice(Math.max(0, start - 8), start).replace(/\n/g, '⏎');
  const b = text.slice(end, end + 8).replace(/\n/g, '⏎');
  return `…${a}[${text.slice(start, end).replace(/\n/g, '⏎').slice(0, 30)}]${b}…`;
}

function describeMiss(m: Miss): string {
  const l: ResolvedLabel = m.label;
  const fix = l.fix === null ? '' : ` fix ${clip(l.fix, 20)}`;
  const note = l.note ? ` (${l.note})` : '';
  return `  ${m.page.file}:${lineOf(m.page.text, l.start)} [${l.start},${l.end}) ${clip(l.text)}${fix}  ${around(m.page.text, l.start, l.end)}${note}`;
}

function describeAlarm(a: FalseAlarm): string {
  const f = a.finding;
  const fix = f.fix === null ? '' : ` fix ${clip(f.fix, 20)}`;
  return `  ${a.page.file}:${lineOf(a.page.text, f.start)} [${f.start},${f.end}) ${clip(a.page.text.slice(f.start, f.end))}${fix} conf ${f.confidence.toFixed(2)}  ${around(a.page.text, f.start, f.end)}  — ${f.message}`;
}

// ---------------------------------------------------------------------------------------------

interface Options {
  kind: string | null;
  only: DefectKind[] | null;
  max: number;
  group: 'samples' | 'own' | null;
  clean: boolean;
  json: string | null;
  /** Evaluate an empty finding list (the harness and the raw CER alone). */
  noChecker: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { kind: null, only: null, max: 10, group: null, clean: true, json: null, noChecker: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const kindOf = (k: string): DefectKind => {
      if (!(DEFECT_KINDS as readonly string[]).includes(k)) throw new Error(`unknown kind ${k} (kinds: ${DEFECT_KINDS.join(', ')})`);
      return k as DefectKind;
    };
    try {
      if (a === '--kind') o.kind = kindOf(value());
      else if (a === '--only') o.only = value().split(',').map(kindOf);
      else if (a === '--max') o.max = Number.parseInt(value(), 10);
      else if (a === '--group') {
        const g = value();
        if (g !== 'samples' && g !== 'own') throw new Error('--group is samples or own');
        o.group = g;
      } else if (a === '--no-clean') o.clean = false;
      else if (a === '--no-checker') o.noChecker = true;
      else if (a === '--json') o.json = value();
      else if (a === '-h' || a === '--help') return 'help';
      else throw new Error(`unknown argument ${a}`);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!Number.isFinite(o.max) || o.max < 0) return '--max needs a number';
  return o;
}

const USAGE = 'usage: tsx scripts/eval-findings.ts [--kind K] [--only K,K] [--max N] [--group samples|own] [--no-clean] [--no-checker] [--json FILE]';

function runGroup(checker: Checker | null, pages: readonly EvalPage[], only: DefectKind[] | null): { scores: PageScore[]; findings: CheckFinding[][]; ms: number } {
  const t0 = performance.now();
  const input: PageText[] = pages.map((p) => ({ file: p.file, text: p.text }));
  const all = checker && pages.length > 0 ? checker.checkTexts(input, only ? { only } : {}) : [];
  const ms = performance.now() - t0;
  const byFile = new Map<string, CheckFinding[]>(pages.map((p) => [p.file, []]));
  for (const f of all) {
    const list = byFile.get(f.file);
    if (!list) throw new Error(`the checker returned a finding for an unknown file ${f.file}`);
    list.push(f);
  }
  const findings = pages.map((p) => byFile.get(p.file)!);
  return { scores: pages.map((p, i) => scorePage(p, findings[i]!)), findings, ms };
}

function merge(scores: readonly PageScore[]): Map<string, KindScore> {
  const m = new Map<string, KindScore>();
  for (const s of scores) addScores(m, s.perKind);
  return m;
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof opts === 'string') {
    console.error(`${opts}\n${USAGE}`);
    return 2;
  }

  let samples: EvalPage[];
  let own: OwnPage[];
  try {
    samples = opts.group === 'own' ? [] : loadSamplePages();
    own = opts.group === 'samples' ? [] : loadOwnPages();
  } catch (e) {
    if (e instanceof LabelError) {
      console.error(`label error:\n${e.message}`);
      return 1;
    }
    throw e;
  }

  const { checker, note } = opts.noChecker ? { checker: null, note: 'NOTE: --no-checker: evaluating an empty finding list, and the raw pages as the cleaned ones.' } : await loadChecker();
  console.log('Qinggao findings evaluation');
  console.log(note);
  const count = (pages: readonly EvalPage[], optional: boolean): number => pages.reduce((n, p) => n + p.labels.filter((l) => l.optional === optional).length, 0);
  console.log(
    `pages: ${samples.length} samples (${count(samples, false)} labels, ${count(samples, true)} optional); ` +
      `${own.length} own pages (${count(own, false)} labels; ${own.filter((p) => p.control).length} clean controls)`,
  );
  if (opts.only) console.log(`detectors: only ${opts.only.join(', ')}`);

  const s = runGroup(checker, samples, opts.only);
  const o = runGroup(checker, own, opts.only);
  if (checker) console.log(`check: samples ${s.ms.toFixed(0)} ms, own pages ${o.ms.toFixed(0)} ms`);
  const sampleScores = merge(s.scores);
  const ownScores = merge(o.scores);
  const total = merge([...s.scores, ...o.scores]);

  console.log('');
  console.log('labels/TP/FN count labels; findings/FP/ign count findings (ign: on optional labels only); P = hits/(hits+FP), R = TP/(TP+FN);');
  console.log('fix ok: found labels whose expected fix some matching finding reproduces.');
  console.log('');
  if (samples.length > 0) console.log(`${scoreTable(`samples (${samples.length} pages)`, sampleScores)}\n`);
  if (own.length > 0) console.log(`${scoreTable(`own pages (${own.length} pages)`, ownScores)}\n`);
  if (samples.length > 0 && own.length > 0) console.log(`${scoreTable('total', total)}\n`);

  // CER on own pages.
  const cerRows: { file: string; control: boolean; raw: CerResult; cleaned: CerResult | null }[] = [];
  if (own.length > 0) {
    let cleaned: string[] | null = null;
    if (opts.clean) {
      const t0 = performance.now();
      cleaned = checker ? checker.cleanTexts(own.map((p) => ({ file: p.file, text: p.text }))) : own.map((p) => p.text);
      if (checker) console.log(`clean: ${(performance.now() - t0).toFixed(0)} ms`);
      if (cleaned.length !== own.length) throw new Error(`cleanTexts returned ${cleaned.length} texts for ${own.length} pages`);
    }
    own.forEach((p, i) => cerRows.push({ file: p.file, control: p.control, raw: cer(p.text, p.original), cleaned: cleaned ? cer(cleaned[i]!, p.original) : null }));
    const header = `${'page'.padEnd(44)}${'ref'.padStart(6)}${'raw'.padStart(6)}${'raw CER'.padStart(9)}${'clean'.padStart(7)}${'clean CER'.padStart(11)}${'reduction'.padStart(11)}`;
    const line = (name: string, ref: number, raw: number, cl: number | null): string => {
      const red = cl === null || raw === 0 ? '-' : `${(((raw - cl) / raw) * 100).toFixed(1)}%`;
      return `${name.padEnd(44)}${String(ref).padStart(6)}${String(raw).padStart(6)}${pct(raw / ref).padStart(9)}${(cl === null ? '-' : String(cl)).padStart(7)}${(cl === null ? '-' : pct(cl / ref)).padStart(11)}${red.padStart(11)}`;
    };
    console.log('== character error rate against the clean originals (own pages) ==');
    console.log('edit distance in UTF-16 code units / reference length; only runs of blank lines normalised (both sides)');
    console.log(header);
    for (const r of cerRows) console.log(line(path.basename(r.file) + (r.control ? ' (control)' : ''), r.raw.referenceLength, r.raw.distance, r.cleaned?.distance ?? null));
    const sum = (rows: typeof cerRows, f: (r: (typeof cerRows)[number]) => number): number => rows.reduce((n, r) => n + f(r), 0);
    const ref = sum(cerRows, (r) => r.raw.referenceLength);
    const raw = sum(cerRows, (r) => r.raw.distance);
    const cl = opts.clean ? sum(cerRows, (r) => r.cleaned!.distance) : null;
    console.log('-'.repeat(header.length));
    console.log(line('all own pages', ref, raw, cl));
    const controls = cerRows.filter((r) => r.control);
    if (controls.length > 0 && opts.clean) {
      console.log(`clean controls: ${sum(controls, (r) => r.cleaned!.distance)} characters changed by clean on pages that needed no change`);
    }
    console.log('');
  }

  // Misses and false alarms.
  const allScores = [...s.scores, ...o.scores];
  const misses = allScores.flatMap((x) => x.misses);
  const alarms = allScores.flatMap((x) => x.falseAlarms);
  const wrongFixes = allScores.flatMap((x) => x.wrongFixes);
  const kinds = opts.kind ? [opts.kind] : [...DEFECT_KINDS, ...new Set(alarms.map((a) => a.finding.type).filter((k) => !(DEFECT_KINDS as readonly string[]).includes(k)))];
  const cap = opts.kind ? Number.POSITIVE_INFINITY : opts.max;
  console.log(opts.kind ? `== misses, false alarms and wrong fixes: ${opts.kind} (all) ==` : `== misses, false alarms and wrong fixes (first ${opts.max} of each; --kind K for all) ==`);
  for (const k of kinds) {
    const km = misses.filter((m) => m.label.type === k);
    const ka = alarms.filter((a) => a.finding.type === k);
    const kw = wrongFixes.filter((w) => w.label.type === k);
    if (km.length + ka.length + kw.length === 0) continue;
    console.log(`-- ${k}: ${km.length} missed, ${ka.length} false alarms, ${kw.length} wrong fixes`);
    if (km.length > 0) console.log(' missed:');
    for (const m of km.slice(0, cap)) console.log(describeMiss(m));
    if (ka.length > 0) console.log(' false alarms:');
    for (const a of ka.slice(0, cap)) console.log(describeAlarm(a));
    if (kw.length > 0) console.log(' wrong fixes:');
    for (const w of kw.slice(0, cap)) {
      const got = w.findings.map((f) => (f.fix === null ? 'null' : clip(f.fix, 20))).join(' / ');
      console.log(`${describeMiss({ page: w.page, label: w.label })}  got ${got}`);
    }
  }

  if (opts.json) {
    const obj = (m: Map<string, KindScore>): Record<string, KindScore & { precision: number | null; recall: number | null }> =>
      Object.fromEntries([...m].map(([k, v]) => [k, { ...v, precision: precision(v), recall: recall(v) }]));
    const out = {
      checker: checker !== null,
      samples: obj(sampleScores),
      own: obj(ownScores),
      total: obj(total),
      cer: cerRows.map((r) => ({ file: r.file, control: r.control, reference: r.raw.referenceLength, raw: r.raw.distance, cleaned: r.cleaned?.distance ?? null })),
    };
    fs.writeFileSync(opts.json, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\nwrote ${opts.json}`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exitCode = 1;
    },
  );
}
