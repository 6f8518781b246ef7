/*
 * eval-findings: measures the OCR-defect detectors against labelled pages.
 *
 *   tsx scripts/eval-findings.ts [--kind K] [--only K,K] [--max N] [--group samples|own|heldout|heldout2|…|heldout9|final] [--final] [--no-clean] [--no-checker] [--json FILE]
 *
 * Pages, in twelve groups:
 * - samples: seeds/*.txt, labelled by hand in test/fixtures/findings/samples/<seed>.json
 *   (text + context, resolved to offsets; see scripts/eval/labels.ts);
 * - own pages: test/fixtures/findings/injected/<name>.txt with <name>.labels.json, made from the
 *   clean originals in test/fixtures/findings/clean/ by scripts/inject-defects.ts (two of them are
 *   clean controls with no labels). The detectors were tuned while looking at these and the samples;
 * - held-out pages: test/fixtures/findings/heldout/injected/, made the same way (own seed) from
 *   test/fixtures/findings/heldout/clean/, pages written after the rules were tuned on the own
 *   pages. They have since been used to improve the detectors, so they are no longer held out;
 * - second held-out pages: test/fixtures/findings/heldout2/injected/, made the same way (own seed)
 *   from test/fixtures/findings/heldout2/clean/, pages written after the rules were tuned on the
 *   held-out pages and evaluated once blind; since used to improve the detectors as well;
 * - third held-out pages: test/fixtures/findings/heldout3/injected/ from heldout3/clean/, the same
 *   again: written after the rules were tuned on the second held-out pages, evaluated once blind,
 *   since used for development;
 * - fourth to ninth held-out pages: heldout4/ … heldout9/, the same again (each tuned on after
 *   one blind evaluation);
 * - final held-out pages: test/fixtures/findings/final/injected/, made the same way (own seed) from
 *   test/fixtures/findings/final/clean/, pages written after the rules were tuned on the ninth
 *   held-out pages, to be evaluated once at the end. This group is evaluated ONLY when asked for
 *   (--group final, or --final): it is not in the default output nor in the default total, so that
 *   nobody improving a detector sees its misses and false alarms by accident.
 * Each group is given to the checker as one corpus (checkTexts(pages)), so a fragment copied from
 * another page of the group can be found.
 *
 * Prints, per group and in total, precision and recall per defect kind with TP/FN/FP counts and how
 * many found labels got the expected fix; then, per injected group, the character error rate of the
 * raw injected pages and of cleanTexts' output against the clean originals; then the misses and
 * false alarms per kind over all groups (the first --max of each, all of them for --kind K).
 * Matching rules: scripts/eval/match.ts.
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
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/findings');

/** The groups of pages, in the order they are printed. */
export const GROUPS = ['samples', 'own', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9', 'final'] as const;
export type Group = (typeof GROUPS)[number];
/** The groups of injected pages: every group but the samples. */
export type InjectedGroup = Exclude<Group, 'samples'>;
/** Where each group's injected pages and labels are: own pages in injected/, the others in <group>/injected/. */
const INJECTED_DIRS: Readonly<Record<InjectedGroup, string>> = Object.fromEntries(
  GROUPS.filter((g): g is InjectedGroup => g !== 'samples').map((g) => [g, path.join(FIXTURES, g === 'own' ? 'injected' : `${g}/injected`)]),
) as Record<InjectedGroup, string>;
/**
 * The groups evaluated without --group: every group but the final held-out pages, which are
 * evaluated only when asked for by name (--group final, or --final).
 */
export const DEFAULT_GROUPS: readonly Group[] = GROUPS.filter((g) => g !== 'final');
/** The held-out sets in the order they were written; each was the final set of its round. */
const HELD_OUT: readonly Group[] = ['heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9'];
const ORDINALS = ['', 'second ', 'third ', 'fourth ', 'fifth ', 'sixth ', 'seventh ', 'eighth ', 'ninth '];
export const GROUP_TITLES: Readonly<Record<Group, string>> = {
  samples: 'samples',
  own: 'own pages',
  ...Object.fromEntries(HELD_OUT.map((g, n) => [g, `${ORDINALS[n]}held-out pages`])),
  final: 'final held-out pages',
} as Record<Group, string>;
/** What the CER total row of an injected group is called. */
const CER_TOTAL: Readonly<Record<Group, string>> = Object.fromEntries(GROUPS.map((g) => [g, `all ${GROUP_TITLES[g]}`])) as Record<Group, string>;
/** How a group's score table is introduced, after its page count. */
const TABLE_NOTE: Readonly<Partial<Record<Group, string>>> = {
  ...Object.fromEntries(HELD_OUT.map((g, n) => [g, `written after the rules were tuned on the ${n === 0 ? 'own pages' : GROUP_TITLES[HELD_OUT[n - 1]!]}, since used for tuning`])),
  final: `written after the rules were tuned on the ${GROUP_TITLES[HELD_OUT.at(-1)!]}; evaluate once, at the end`,
};

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

/** Injected pages with their labels and clean originals: a group's, from its own directory or another. */
export function loadInjectedPages(group: InjectedGroup, dir = INJECTED_DIRS[group]): OwnPage[] {
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
      return { file: rel(pagePath), group, text, labels, original, control: labels.length === 0 && text === original };
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
  /** null: DEFAULT_GROUPS. */
  group: Group | null;
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
      else if (a === '--group' || a === '--final') {
        const g = a === '--final' ? 'final' : value();
        if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`--group is ${GROUPS.join(', ')}`);
        if (o.group !== null && o.group !== g) throw new Error(`one group at a time (--group ${o.group} and ${a === '--final' ? '--final' : `--group ${g}`})`);
        o.group = g as Group;
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

const USAGE = [
  'usage: tsx scripts/eval-findings.ts [--kind K] [--only K,K] [--max N] [--group samples|own|heldout|heldout2|…|heldout9|final] [--final] [--no-clean] [--no-checker] [--json FILE]',
  `  without --group: ${DEFAULT_GROUPS.join(', ')} and their total; the final held-out pages only with --group final (or --final)`,
].join('\n');

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

export interface CerRow {
  group: Group;
  file: string;
  control: boolean;
  raw: CerResult;
  /** null with --no-clean. */
  cleaned: CerResult | null;
}

/** The CER table of one group: a row per page and the group's total (distances summed). */
export function cerTable(group: Group, rows: readonly CerRow[]): string {
  const header = `${'page'.padEnd(44)}${'ref'.padStart(6)}${'raw'.padStart(6)}${'raw CER'.padStart(9)}${'clean'.padStart(7)}${'clean CER'.padStart(11)}${'reduction'.padStart(11)}`;
  const line = (name: string, ref: number, raw: number, cl: number | null): string => {
    const red = cl === null || raw === 0 ? '-' : `${(((raw - cl) / raw) * 100).toFixed(1)}%`;
    return `${name.padEnd(44)}${String(ref).padStart(6)}${String(raw).padStart(6)}${pct(raw / ref).padStart(9)}${(cl === null ? '-' : String(cl)).padStart(7)}${(cl === null ? '-' : pct(cl / ref)).padStart(11)}${red.padStart(11)}`;
  };
  const sum = (rs: readonly CerRow[], f: (r: CerRow) => number): number => rs.reduce((n, r) => n + f(r), 0);
  const cleanedAll = rows.every((r) => r.cleaned !== null);
  const out = [
    `== character error rate against the clean originals (${GROUP_TITLES[group]}) ==`,
    'edit distance in UTF-16 code units / reference length; only runs of blank lines normalised (both sides)',
    header,
    ...rows.map((r) => line(path.basename(r.file) + (r.control ? ' (control)' : ''), r.raw.referenceLength, r.raw.distance, r.cleaned?.distance ?? null)),
    '-'.repeat(header.length),
    line(CER_TOTAL[group], sum(rows, (r) => r.raw.referenceLength), sum(rows, (r) => r.raw.distance), cleanedAll ? sum(rows, (r) => r.cleaned!.distance) : null),
  ];
  const controls = rows.filter((r) => r.control);
  if (controls.length > 0 && cleanedAll) {
    out.push(`clean controls: ${sum(controls, (r) => r.cleaned!.distance)} characters changed by clean on pages that needed no change`);
  }
  return out.join('\n');
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

  let samples: EvalPage[] = [];
  const injectedPages: Record<Group, OwnPage[]> = Object.fromEntries(GROUPS.map((g) => [g, []])) as unknown as Record<Group, OwnPage[]>;
  const selected: readonly Group[] = opts.group === null ? DEFAULT_GROUPS : [opts.group];
  try {
    if (selected.includes('samples')) samples = loadSamplePages();
    for (const g of selected) if (g !== 'samples') injectedPages[g] = loadInjectedPages(g);
  } catch (e) {
    if (e instanceof LabelError) {
      console.error(`label error:\n${e.message}`);
      return 1;
    }
    throw e;
  }
  const pages: Record<Group, readonly EvalPage[]> = { ...injectedPages, samples };
  const injected = (g: Group): OwnPage[] => injectedPages[g];
  const present = GROUPS.filter((g) => pages[g].length > 0);

  const { checker, note } = opts.noChecker ? { checker: null, note: 'NOTE: --no-checker: evaluating an empty finding list, and the raw pages as the cleaned ones.' } : await loadChecker();
  console.log('Qinggao findings evaluation');
  console.log(note);
  const count = (ps: readonly EvalPage[], optional: boolean): number => ps.reduce((n, p) => n + p.labels.filter((l) => l.optional === optional).length, 0);
  const controls = (g: Group): number => injected(g).filter((p) => p.control).length;
  const pageCount = (g: Group): string =>
    g === 'samples'
      ? `${pages.samples.length} samples (${count(pages.samples, false)} labels, ${count(pages.samples, true)} optional)`
      : `${pages[g].length} ${GROUP_TITLES[g]} (${count(pages[g], false)} labels; ${controls(g)} clean controls)`;
  console.log(`pages: ${selected.map(pageCount).join('; ')}`);
  if (selected.includes('final')) {
    console.log('NOTE: the final held-out pages are for one evaluation at the end: do not tune a detector on what follows.');
  }
  if (opts.only) console.log(`detectors: only ${opts.only.join(', ')}`);

  const runs = new Map(GROUPS.map((g) => [g, runGroup(checker, pages[g], opts.only)] as const));
  const run = (g: Group): ReturnType<typeof runGroup> => runs.get(g)!;
  if (checker) console.log(`check: ${present.map((g) => `${GROUP_TITLES[g]} ${run(g).ms.toFixed(0)} ms`).join(', ')}`);
  const groupScores = new Map(GROUPS.map((g) => [g, merge(run(g).scores)] as const));
  const allScores = GROUPS.flatMap((g) => run(g).scores);
  const total = merge(allScores);

  console.log('');
  console.log('labels/TP/FN count labels; findings/FP/ign count findings (ign: on optional labels only); P = hits/(hits+FP), R = TP/(TP+FN);');
  console.log('fix ok: found labels whose expected fix some matching finding reproduces.');
  console.log('');
  const tableTitle = (g: Group): string => `${GROUP_TITLES[g]} (${pages[g].length} pages${TABLE_NOTE[g] ? `, ${TABLE_NOTE[g]}` : ''})`;
  for (const g of present) console.log(`${scoreTable(tableTitle(g), groupScores.get(g)!)}\n`);
  if (present.length > 1) console.log(`${scoreTable(`total (${present.map((g) => GROUP_TITLES[g]).join(' + ')})`, total)}\n`);

  // CER per injected group, each group cleaned as one corpus (as it was checked).
  const cerRows: CerRow[] = [];
  for (const g of present) {
    const ps = injected(g);
    if (ps.length === 0) continue;
    let cleaned: string[] | null = null;
    if (opts.clean) {
      const t0 = performance.now();
      cleaned = checker ? checker.cleanTexts(ps.map((p) => ({ file: p.file, text: p.text }))) : ps.map((p) => p.text);
      if (checker) console.log(`clean (${GROUP_TITLES[g]}): ${(performance.now() - t0).toFixed(0)} ms`);
      if (cleaned.length !== ps.length) throw new Error(`cleanTexts returned ${cleaned.length} texts for ${ps.length} pages`);
    }
    const rows = ps.map((p, i): CerRow => ({ group: g, file: p.file, control: p.control, raw: cer(p.text, p.original), cleaned: cleaned ? cer(cleaned[i]!, p.original) : null }));
    cerRows.push(...rows);
    console.log(cerTable(g, rows));
    console.log('');
  }

  // Misses and false alarms.
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
      groups: selected,
      samples: obj(groupScores.get('samples')!),
      own: obj(groupScores.get('own')!),
      heldout: obj(groupScores.get('heldout')!),
      heldout2: obj(groupScores.get('heldout2')!),
      heldout3: obj(groupScores.get('heldout3')!),
      heldout4: obj(groupScores.get('heldout4')!),
      heldout5: obj(groupScores.get('heldout5')!),
      // Only when asked for, like the rest of the final group's figures.
      ...(selected.includes('final') ? { final: obj(groupScores.get('final')!) } : {}),
      total: obj(total),
      cer: cerRows.map((r) => ({ group: r.group, file: r.file, control: r.control, reference: r.raw.referenceLength, raw: r.raw.distance, cleaned: r.cleaned?.distance ?? null })),
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
