import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckFinding, DefectKind } from '../../app/findings/types.js';
import { cer, editDistance, normalizeBlankLines } from '../../scripts/eval/cer.js';
import {
  LabelError,
  chooseContext,
  readJson,
  resolveLabel,
  resolveOffsetLabels,
  resolveSampleLabels,
  type InjectedLabelFile,
  type ResolvedLabel,
  type SampleLabelFile,
} from '../../scripts/eval/labels.js';
import { findingMatchesLabel, scorePage, spansOverlap, type EvalPage } from '../../scripts/eval/match.js';
import { DEFAULT_GROUPS, cerTable, loadChecker, loadInjectedPages, loadSamplePages, main } from '../../scripts/eval-findings.js';
import {
  CLEAN_DIR,
  CONTROL_PAGES,
  INJECTED_DIR,
  SETS,
  injectAll,
  injectSet,
  readCleanPages,
  renderFiles,
  staleFiles,
  writeInjected,
} from '../../scripts/inject-defects.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLES_DIR = path.join(REPO_ROOT, 'test/fixtures/findings/samples');

const tempDirs: string[] = [];
afterEach(() => {
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'qinggao-eval-'));
  tempDirs.push(d);
  return d;
}

function finding(type: DefectKind, start: number, end: number, fix: string | null = null): CheckFinding {
  return { file: 'p.txt', type, start, end, message: '', confidence: 0.9, fix };
}

function label(type: DefectKind, start: number, end: number, extra: Partial<ResolvedLabel> = {}): ResolvedLabel {
  return { type, start, end, text: '', fix: null, optional: false, alts: [], ...extra };
}

describe('label resolution', () => {
  const page = '今年是开局之年，营口市创建文明城市。营口市提出目标。\n\n吃住住在村里。';

  it('resolves text inside a unique context to offsets', () => {
    const l = resolveLabel(page, { type: 'mixed_script', text: '开局', context: '今年是开局之年', fix: '開局' });
    expect(page.slice(l.start, l.end)).toBe('开局');
    expect(l.start).toBe(3);
    // The second of two identical characters, picked by a context that starts at it.
    const dup = resolveLabel(page, { type: 'dup_adjacent', text: '住', context: '住在村里', fix: '' });
    expect(dup.start).toBe(page.indexOf('住在'));
    const gap = resolveLabel(page, { type: 'broken_paragraph', text: '\n\n', context: '目标。\n\n吃住', fix: '' });
    expect(page.slice(gap.start, gap.end)).toBe('\n\n');
  });

  it('fails, never guesses, when a label does not resolve', () => {
    const bad = (text: string, context: string): (() => unknown) => () => resolveLabel(page, { type: 'char_error', text, context, fix: null });
    expect(bad('开局', '今年不是开局之年')).toThrow(LabelError); // context not in the page
    expect(bad('营口市', '营口市')).toThrow(/ambiguous/); // context twice in the page
    expect(bad('住', '吃住住在')).toThrow(/occurs 2 times/); // text twice in the context
    expect(bad('文明', '今年是开局')).toThrow(/does not contain/);
    expect(bad('', '今年是开局')).toThrow(LabelError);
    expect(() => resolveLabel(page, { type: 'no_such_kind' as DefectKind, text: '开局', context: '今年是开局之年', fix: null })).toThrow(/unknown defect kind/);
    // A file with one bad label fails as a whole, naming it.
    const file: SampleLabelFile = {
      page: 'x',
      labels: [
        { type: 'mixed_script', text: '开局', context: '今年是开局之年', fix: '開局' },
        { type: 'mixed_script', text: '闭幕', context: '今年是闭幕之年', fix: null },
      ],
    };
    expect(() => resolveSampleLabels(page, file)).toThrow(/label 1 \(mixed_script "闭幕"\)/);
  });

  it('rejects an offset label whose span no longer holds its text', () => {
    const file: InjectedLabelFile = { page: 'p.txt', original: 'o.txt', seed: 1, labels: [{ type: 'dup_adjacent', start: 20, end: 21, text: '住', fix: '' }] };
    expect(() => resolveOffsetLabels(page, file)).toThrow(/holds/);
    const ok: InjectedLabelFile = { ...file, labels: [{ type: 'dup_adjacent', start: page.indexOf('住在'), end: page.indexOf('住在') + 1, text: '住', fix: '' }] };
    expect(resolveOffsetLabels(page, ok)).toHaveLength(1);
  });

  it('chooses contexts that resolve back to the same span', () => {
    const text = '2021年以来,盘锦全市上下,围绕争创目标,周密部署安排,层层压实责任,狠抓落实。在测评中,盘锦获得第一名,狠抓落实,取得成效。';
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== ',') continue;
      const context = chooseContext(text, i, i + 1);
      expect(resolveLabel(text, { type: 'halfwidth_punct', text: ',', context, fix: '，' }).start).toBe(i);
    }
  });

  it('resolves every committed sample label file', () => {
    const files = fs.readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(5);
    for (const f of files) {
      const file = readJson<SampleLabelFile>(path.join(SAMPLES_DIR, f));
      const text = fs.readFileSync(path.join(REPO_ROOT, file.page), 'utf8');
      const labels = resolveSampleLabels(text, file, f);
      expect(labels.length).toBeGreaterThan(5);
      for (const l of labels) expect(text.slice(l.start, l.end)).toBe(l.text);
    }
  });
});

describe('matching', () => {
  it('needs the same kind and overlapping spans, a zero-length span counting one character wide', () => {
    expect(spansOverlap({ start: 0, end: 2 }, { start: 1, end: 3 })).toBe(true);
    expect(spansOverlap({ start: 0, end: 2 }, { start: 2, end: 4 })).toBe(false);
    expect(spansOverlap({ start: 2, end: 2 }, { start: 2, end: 3 })).toBe(true);
    expect(spansOverlap({ start: 2, end: 2 }, { start: 1, end: 2 })).toBe(false);
    expect(spansOverlap({ start: 2, end: 2 }, { start: 2, end: 2 })).toBe(true);
    expect(findingMatchesLabel(finding('stray_space', 3, 4), label('stray_space', 3, 4))).toBe(true);
    expect(findingMatchesLabel(finding('char_error', 3, 4), label('stray_space', 3, 4))).toBe(false);
    const withAlt = label('misordered_paragraph', 10, 20, { alts: [{ type: 'broken_paragraph', start: 5, end: 10 }] });
    expect(findingMatchesLabel(finding('broken_paragraph', 6, 8), withAlt)).toBe(true);
    expect(findingMatchesLabel(finding('broken_paragraph', 12, 14), withAlt)).toBe(false);
  });

  it('counts labels for recall, findings for precision, and ignores findings on optional labels only', () => {
    const text = '吃住住在村里，全市 284 个村屯,共同努力。';
    const page: EvalPage = {
      file: 'p.txt',
      group: 'own',
      text,
      labels: [
        label('dup_adjacent', 2, 3, { fix: '' }),
        label('stray_space', 9, 10, { fix: '' }),
        label('stray_space', 13, 14, { fix: '' }),
        label('halfwidth_punct', 18, 19, { fix: '，' }),
        label('char_error', 0, 1, { optional: true }),
      ],
    };
    const findings = [
      finding('dup_adjacent', 2, 3, ''), // hit, right fix
      finding('dup_adjacent', 1, 2, ''), // the first copy: no overlap with the label, a false alarm
      finding('stray_space', 9, 14, '284'), // one finding covering both spaces: finds both labels
      finding('char_error', 0, 1, '喝'), // on an optional label: ignored
      finding('mixed_script', 5, 6, 'x'), // nothing there: false alarm
    ];
    const s = scorePage(page, findings);
    const k = (kind: DefectKind) => s.perKind.get(kind)!;
    expect(k('dup_adjacent')).toMatchObject({ labels: 1, tp: 1, fn: 0, findings: 2, hits: 1, fp: 1, fixChecked: 1, fixRight: 1 });
    expect(k('stray_space')).toMatchObject({ labels: 2, tp: 2, fn: 0, findings: 1, hits: 1, fp: 0, fixChecked: 2, fixRight: 2 });
    expect(k('halfwidth_punct')).toMatchObject({ labels: 1, tp: 0, fn: 1, findings: 0 });
    expect(k('char_error')).toMatchObject({ labels: 0, findings: 1, ignored: 1, fp: 0 });
    expect(k('mixed_script')).toMatchObject({ fp: 1 });
    expect(s.misses.map((m) => m.label.type)).toEqual(['halfwidth_punct']);
    expect(s.falseAlarms.map((a) => a.finding.type).sort()).toEqual(['dup_adjacent', 'mixed_script']);
  });

  it('judges fixes by the text they produce, run fixed in pieces or spaces taken into a Latin word', () => {
    const text = '要让群众感到柔性 and 温情，答覆迅速。';
    const a = text.indexOf(' and ');
    const page: EvalPage = {
      file: 'p.txt',
      group: 'own',
      text,
      labels: [
        label('stray_space', a, a + 1, { fix: '', alts: [{ type: 'latin_leak', start: a, end: a + 1 }] }),
        label('latin_leak', a + 1, a + 4, { fix: '和' }),
        label('stray_space', a + 4, a + 5, { fix: '', alts: [{ type: 'latin_leak', start: a + 4, end: a + 5 }] }),
        label('mixed_script', text.indexOf('答覆'), text.indexOf('答覆') + 2, { fix: '答复' }),
      ],
    };
    const m = text.indexOf('答覆');
    const good = scorePage(page, [finding('latin_leak', a, a + 5, '和'), finding('mixed_script', m + 1, m + 2, '复')]);
    expect(good.perKind.get('latin_leak')).toMatchObject({ tp: 1, fixChecked: 1, fixRight: 1 });
    expect(good.perKind.get('stray_space')).toMatchObject({ tp: 2, fp: 0, fixChecked: 0 });
    // 答 is the same in both scripts, so a finding on 覆 alone gives the labelled result.
    expect(good.perKind.get('mixed_script')).toMatchObject({ tp: 1, fixRight: 1 });
    const bad = scorePage(page, [finding('latin_leak', a + 1, a + 4, 'with'), finding('mixed_script', m, m + 2, null)]);
    expect(bad.perKind.get('latin_leak')).toMatchObject({ tp: 1, fixChecked: 1, fixRight: 0 });
    expect(bad.perKind.get('stray_space')).toMatchObject({ tp: 0, fn: 2 });
    expect(bad.perKind.get('mixed_script')).toMatchObject({ tp: 1, fixChecked: 1, fixRight: 0 });
  });
});

describe('character error rate', () => {
  function naive(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[b.length]!;
  }

  it('computes the Levenshtein distance on known cases', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('营口市', '营口县')).toBe(1);
    expect(editDistance('双促双促专项', '双促专项')).toBe(2);
    expect(editDistance('全市 284 个', '全市284个')).toBe(2);
    expect(editDistance('abcdef', 'fedcba')).toBe(naive('abcdef', 'fedcba'));
  });

  it('agrees with the full dynamic programme on random strings, large distances included', () => {
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const word = (n: number, alphabet: string): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let t = 0; t < 60; t++) {
      const a = word(Math.floor(rand() * 300), 'ab营口，');
      let b: string;
      if (t % 2 === 0) b = word(Math.floor(rand() * 300), 'ab营口，');
      else {
        b = a; // a few edits of a
        for (let e = 0; e < 5; e++) {
          const p = Math.floor(rand() * (b.length + 1));
          b = rand() < 0.5 ? b.slice(0, p) + 'x' + b.slice(p) : b.slice(0, p) + b.slice(p + 1);
        }
      }
      expect(editDistance(a, b)).toBe(naive(a, b));
    }
  });

  it('normalises only runs of blank lines, and divides by the reference length', () => {
    expect(normalizeBlankLines('\n\n甲\n\n\n\n乙\n  \n丙\n单行\n\n')).toBe('甲\n\n乙\n\n丙\n单行\n');
    expect(normalizeBlankLines('a  b\n')).toBe('a  b\n');
    expect(cer('甲\n\n\n\n乙', '甲\n\n乙\n')).toEqual({ distance: 0, referenceLength: 5, cer: 0 });
    expect(cer('甲乙丁', '甲乙丙').cer).toBeCloseTo(1 / 4);
    expect(cer('甲\n乙', '甲\n\n乙').distance).toBe(1);
  });
});

describe('inject-defects', () => {
  it('is deterministic and matches the committed pages and labels', () => {
    const a = tempDir();
    const b = tempDir();
    writeInjected(a, injectAll());
    writeInjected(b, injectAll());
    const listing = (d: string): string[] => fs.readdirSync(d).sort();
    expect(listing(a)).toEqual(listing(b));
    for (const f of listing(a)) expect(fs.readFileSync(path.join(a, f), 'utf8')).toBe(fs.readFileSync(path.join(b, f), 'utf8'));
    // The committed files are what the script generates (run `tsx scripts/inject-defects.ts` after a change).
    const files = renderFiles(injectAll());
    expect([...files.keys()].sort()).toEqual(listing(INJECTED_DIR));
    for (const [f, content] of files) expect(content, f).toBe(fs.readFileSync(path.join(INJECTED_DIR, f), 'utf8'));
  }, 60_000);

  it('keeps the held-out set apart: its own directories and seed, its committed files current', () => {
    expect(SETS.own).toMatchObject({ cleanDir: CLEAN_DIR, injectedDir: INJECTED_DIR });
    expect(SETS.heldout).toMatchObject({
      cleanDir: path.join(REPO_ROOT, 'test/fixtures/findings/heldout/clean'),
      injectedDir: path.join(REPO_ROOT, 'test/fixtures/findings/heldout/injected'),
    });
    expect(SETS.heldout.seed).not.toBe(SETS.own.seed);
    // injectAll() without arguments is the own set, as before.
    expect(renderFiles(injectSet(SETS.own))).toEqual(renderFiles(injectAll()));
    for (const set of Object.values(SETS)) expect(staleFiles(set), set.name).toEqual([]);
    const held = injectSet(SETS.heldout);
    expect(held.map((p) => p.name)).toEqual([...readCleanPages(SETS.heldout.cleanDir).keys()]);
    expect(held.length).toBeGreaterThanOrEqual(4);
    for (const p of held) expect(p.labels.seed).toBe(SETS.heldout.seed);
  }, 60_000);

  it('keeps the final held-out set apart: its own directories and seed, two pages per script, its committed files current', () => {
    for (const set of Object.values(SETS).filter((x) => x.name !== 'own')) {
      expect(set.cleanDir).toBe(path.join(REPO_ROOT, 'test/fixtures/findings', set.name, 'clean'));
      expect(set.injectedDir).toBe(path.join(REPO_ROOT, 'test/fixtures/findings', set.name, 'injected'));
    }
    expect(new Set(Object.values(SETS).map((s) => s.seed)).size).toBe(Object.values(SETS).length);
    expect(new Set(Object.values(SETS).flatMap((s) => [s.cleanDir, s.injectedDir])).size).toBe(2 * Object.values(SETS).length);
    const final = injectSet(SETS.final);
    const names = [...readCleanPages(SETS.final.cleanDir).keys()];
    expect(final.map((p) => p.name)).toEqual(names);
    expect(names.filter((n) => n.endsWith('_simp'))).toHaveLength(2);
    expect(names.filter((n) => n.endsWith('_trad'))).toHaveLength(2);
    expect(names.filter((n) => n.includes('_md_')).map((n) => n.replace(/^.*_/, '')).sort()).toEqual(['simp', 'trad']);
    for (const p of final) expect(p.labels.seed).toBe(SETS.final.seed);
    expect(staleFiles(SETS.final, final)).toEqual([]);
  }, 60_000);

  // The held-out originals must be new text: no run of 12 characters (banners and Markdown markup
  // included) in common with the pages the rules were tuned on: for the held-out set the own clean
  // pages and the sample pages; for the final set those and the held-out originals as well.
  const N = 12;
  const seedPages = (): string[] => fs.readdirSync(path.join(REPO_ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(REPO_ROOT, 'seeds', f), 'utf8'));
  function sharedRuns(pages: ReadonlyMap<string, string>, tuned: readonly string[]): Map<string, string[]> {
    const runs = new Set<string>();
    for (const t of tuned) for (let i = 0; i + N <= t.length; i++) runs.add(t.slice(i, i + N));
    return new Map([...pages].map(([name, text]) => {
      const shared: string[] = [];
      for (let i = 0; i + N <= text.length; i++) if (!text.slice(i, i + N).includes('\n') && runs.has(text.slice(i, i + N))) shared.push(text.slice(i, i + N));
      return [name, shared];
    }));
  }

  it('writes held-out pages that share no long run with the pages the rules were tuned on', () => {
    const shared = sharedRuns(readCleanPages(SETS.heldout.cleanDir), [...readCleanPages(CLEAN_DIR).values(), ...seedPages()]);
    expect(shared.size).toBeGreaterThanOrEqual(4);
    for (const [name, runs] of shared) expect(runs, name).toEqual([]);
  });

  it('writes final held-out pages that share no long run with the own, held-out or sample pages, nor with one another', () => {
    const final = readCleanPages(SETS.final.cleanDir);
    const tuned = Object.values(SETS).filter((x) => x.name !== 'final').flatMap((x) => [...readCleanPages(x.cleanDir).values()]);
    const shared = sharedRuns(final, [...tuned, ...seedPages()]);
    expect(shared.size).toBe(4);
    for (const [name, runs] of shared) expect(runs, name).toEqual([]);
    for (const [name, text] of final) {
      const others = [...final].filter(([n]) => n !== name).map(([, t]) => t);
      expect(sharedRuns(new Map([[name, text]]), others).get(name), name).toEqual([]);
    }
  });

  for (const set of [SETS.heldout, SETS.heldout2, SETS.heldout3, SETS.heldout4, SETS.heldout5, SETS.heldout6, SETS.heldout7, SETS.heldout8, SETS.heldout9, SETS.final]) {
    it(`copies cross-page fragments of the ${set.name} set from pages of that set only`, () => {
      const clean = readCleanPages(set.cleanDir);
      let copies = 0;
      for (const p of injectSet(set)) {
        for (const l of p.labels.labels.filter((x) => x.type === 'dup_fragment' && x.note === 'copied from another page')) {
          copies++;
          const sources = [...clean].filter(([n, t]) => n !== p.name && t.includes(l.text)).map(([n]) => n);
          expect(sources.length, `${p.name}: ${l.text}`).toBeGreaterThan(0);
        }
      }
      expect(copies).toBeGreaterThanOrEqual(4);
    }, 60_000);
  }

  for (const set of Object.values(SETS)) {
    it(`labels every injected defect of the ${set.name} set with the exact span text, and leaves the controls clean`, () => {
      const dir = set.injectedDir;
      const labelFiles = fs.readdirSync(dir).filter((f) => f.endsWith('.labels.json'));
      expect(labelFiles.length).toBeGreaterThanOrEqual(set.name === 'own' ? 8 : 4);
      const kinds = new Map<string, number>();
      for (const f of labelFiles) {
        const file = readJson<InjectedLabelFile>(path.join(dir, f));
        const text = fs.readFileSync(path.join(dir, file.page), 'utf8');
        const original = fs.readFileSync(path.join(dir, file.original), 'utf8');
        const name = f.replace('.labels.json', '');
        expect(path.resolve(dir, file.original)).toBe(path.join(set.cleanDir, `${name}.txt`));
        for (const l of file.labels) {
          expect(text.slice(l.start, l.end), `${f} ${l.type} at ${l.start}`).toBe(l.text);
          kinds.set(l.type, (kinds.get(l.type) ?? 0) + 1);
          if (l.type === 'stray_space') expect(l.text).toMatch(/^ +$/);
          if (l.type === 'halfwidth_punct') expect(l.text).toMatch(/^[,:;()!?]$/);
          if (l.type === 'latin_leak') expect(l.text).toMatch(/^[a-z]+$/);
          if (l.type === 'dup_adjacent') expect(text.slice(l.start - l.text.length, l.start)).toBe(l.text);
          if (l.type === 'dup_fragment') expect(l.text.length).toBeGreaterThanOrEqual(8);
        }
        expect(() => resolveOffsetLabels(text, file, f)).not.toThrow();
        if (CONTROL_PAGES.has(name)) {
          expect(file.labels).toEqual([]);
          expect(text).toBe(original);
        } else {
          expect(file.labels.length).toBeGreaterThan(10);
          expect(text).not.toBe(original);
          // Undoing every label that has a string fix leaves only the moved blocks to account for:
          // what remains of the difference to the original is at most the moved text with the
          // blank line that set it apart, twice.
          let undone = text;
          for (const l of [...file.labels].filter((x) => x.fix !== null).sort((x, y) => y.start - x.start)) {
            undone = undone.slice(0, l.start) + l.fix + undone.slice(l.end);
          }
          const moved = file.labels.filter((x) => x.fix === null).reduce((n, x) => n + 2 * (x.end - x.start + 2), 0);
          expect(editDistance(normalizeBlankLines(undone), normalizeBlankLines(original)), f).toBeLessThanOrEqual(moved);
          expect(cer(text, original).distance).toBeGreaterThan(cer(undone, original).distance);
        }
      }
      for (const k of ['dup_fragment', 'dup_adjacent', 'broken_paragraph', 'interleaved_caption', 'misordered_paragraph', 'mixed_script', 'halfwidth_punct', 'stray_space', 'latin_leak', 'char_error']) {
        expect(kinds.get(k) ?? 0, k).toBeGreaterThanOrEqual(set.name === 'own' ? 5 : 4);
      }
    }, 60_000);
  }
});

describe('eval-findings', () => {
  it('loads every labelled page, and falls back to no checker while check.ts does not exist', async () => {
    const samples = loadSamplePages();
    const own = loadInjectedPages('own');
    expect(samples.map((p) => p.file)).toEqual(fs.readdirSync(path.join(REPO_ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => `seeds/${f}`));
    expect(own.length).toBeGreaterThanOrEqual(8);
    expect(own.filter((p) => p.control)).toHaveLength(2);
    expect(own.every((p) => p.group === 'own')).toBe(true);
    for (const set of Object.values(SETS).filter((x) => x.name !== 'own')) {
      const pages = loadInjectedPages(set.name);
      expect(pages.map((p) => path.basename(p.file)), set.name).toEqual([...readCleanPages(set.cleanDir).keys()].map((n) => `${n}.txt`));
      expect(pages.every((p) => p.group === set.name && p.file.startsWith(`test/fixtures/findings/${set.name}/injected/`) && !p.control && p.labels.length > 10), set.name).toBe(true);
    }
    const missing = await loadChecker(new URL('../app/findings/no-such-checker.js', pathToFileURL(path.join(REPO_ROOT, 'scripts', 'x.ts'))));
    expect(missing.checker).toBeNull();
    expect(missing.note).toMatch(/does not exist yet/);
  });

  it('runs end to end without a checker: every label a miss, the raw pages as the cleaned ones', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      expect(await main(['--no-checker', '--max', '1'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const out = lines.join('\n');
    expect(out).toMatch(/== samples \(5 pages\) ==/);
    expect(out).toMatch(/== own pages \(8 pages\) ==/);
    expect(out).toMatch(/^halfwidth_punct\s+\d+\s+0\s+\d+/m);
    expect(out).toMatch(/^all own pages .* 0\.0%$/m); // cleaned = raw: no reduction
    expect(out).toMatch(/-- dup_fragment: \d+ missed, 0 false alarms/);
    // The held-out pages: a table and a CER section of their own, and part of the total.
    expect(out).toMatch(/== held-out pages \(4 pages, written after the rules were tuned on the own pages, since used for tuning\) ==/);
    expect(out).toMatch(/== character error rate against the clean originals \(held-out pages\) ==/);
    expect(out).toMatch(/^all held-out pages .* 0\.0%$/m);
    const labelsOf = (title: RegExp): number => Number(new RegExp(`${title.source}[^]*?\\nall kinds\\s+(\\d+)`).exec(out)?.[1]);
    expect(labelsOf(/== held-out pages /)).toBeGreaterThan(50);
    expect(out).toMatch(/== second held-out pages \(4 pages, written after the rules were tuned on the held-out pages, since used for tuning\) ==/);
    expect(out).toMatch(/== third held-out pages \(4 pages, written after the rules were tuned on the second held-out pages, since used for tuning\) ==/);
    expect(labelsOf(/== total \(samples \+ own pages \+ held-out pages \+ second held-out pages \+ third held-out pages \+ fourth held-out pages \+ fifth held-out pages \+ sixth held-out pages \+ seventh held-out pages \+ eighth held-out pages \+ ninth held-out pages\) ==/)).toBe(
      labelsOf(/== samples /) + labelsOf(/== own pages /) + labelsOf(/== held-out pages /) + labelsOf(/== second held-out pages /) +
        labelsOf(/== third held-out pages /) + labelsOf(/== fourth held-out pages /) + labelsOf(/== fifth held-out pages /) +
        labelsOf(/== sixth held-out pages /) + labelsOf(/== seventh held-out pages /) +
        labelsOf(/== eighth held-out pages /) + labelsOf(/== ninth held-out pages /),
    );
    // The final held-out pages are left out unless asked for: no table, no CER, no misses, not in the total.
    expect(DEFAULT_GROUPS).not.toContain('final');
    expect(out).not.toMatch(/final/i);
  });

  for (const flag of [['--group', 'final'], ['--final']]) {
    it(`evaluates the final held-out pages only when asked for, with ${flag.join(' ')}`, async () => {
      const lines: string[] = [];
      const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
      const json = path.join(tempDir(), 'eval.json');
      try {
        expect(await main(['--no-checker', ...flag, '--max', '0', '--json', json])).toBe(0);
      } finally {
        spy.mockRestore();
      }
      const out = lines.join('\n');
      expect(out).toMatch(/^pages: 4 final held-out pages \(\d+ labels; 0 clean controls\)$/m);
      expect(out).toMatch(/== final held-out pages \(4 pages, written after the rules were tuned on the ninth held-out pages; evaluate once, at the end\) ==/);
      expect(out).toMatch(/== character error rate against the clean originals \(final held-out pages\) ==/);
      expect(out).toMatch(/^all final held-out pages .* 0\.0%$/m);
      expect(out).not.toMatch(/== (samples|own pages|held-out pages|total)/);
      const written = readJson<Record<string, unknown>>(json);
      expect(written.groups).toEqual(['final']);
      expect(written.final).toBeDefined();
    });
  }

  it('leaves the final group out of the default JSON, and takes one group at a time', async () => {
    const spy = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const json = path.join(tempDir(), 'eval.json');
    try {
      expect(await main(['--no-checker', '--group', 'own', '--max', '0', '--no-clean', '--json', json])).toBe(0);
      expect(await main(['--no-checker', '--group', 'own', '--final'])).toBe(2);
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
    const written = readJson<Record<string, unknown>>(json);
    expect(written.groups).toEqual(['own']);
    expect(written).not.toHaveProperty('final');
  });

  it('evaluates one group with --group', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      expect(await main(['--no-checker', '--group', 'heldout', '--max', '0'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const out = lines.join('\n');
    expect(out).toMatch(/== held-out pages \(4 pages, written after the rules were tuned on the own pages, since used for tuning\) ==/);
    expect(out).not.toMatch(/== (samples|own pages|total)/);
    expect(out).not.toMatch(/final/i);
    expect(out).not.toMatch(/\(own pages\) ==/);
  });

  it('prints a CER table per group with the group total', () => {
    const row = (file: string, raw: number, cleaned: number | null, control = false) => ({
      group: 'heldout' as const,
      file,
      control,
      raw: { distance: raw, referenceLength: 100, cer: raw / 100 },
      cleaned: cleaned === null ? null : { distance: cleaned, referenceLength: 100, cer: cleaned / 100 },
    });
    const table = cerTable('heldout', [row('a/p1.txt', 10, 4), row('a/p2.txt', 0, 1, true)]);
    expect(table).toMatch(/^== character error rate against the clean originals \(held-out pages\) ==$/m);
    expect(table).toMatch(/^p1\.txt\s+100\s+10\s+10\.0%\s+4\s+4\.0%\s+60\.0%$/m);
    expect(table).toMatch(/^p2\.txt \(control\)\s+100\s+0\s+0\.0%\s+1\s+1\.0%\s+-$/m);
    expect(table).toMatch(/^all held-out pages\s+200\s+10\s+5\.0%\s+5\s+2\.5%\s+50\.0%$/m);
    expect(table).toMatch(/^clean controls: 1 characters changed/m);
    expect(cerTable('heldout', [row('a/p1.txt', 10, null)])).toMatch(/^all held-out pages\s+100\s+10\s+10\.0%\s+-\s+-\s+-$/m);
  });
});
