import { describe, expect, it } from 'vitest';
import type { EditionSummary } from '../../app/export/edition-store.js';
import { EXPORT_FORMATS } from '../../app/export/formats/format-names.js';
import { DEFAULT_EDITION_OPTIONS, NOTE_CHOICES, SCRIPT_CHOICES } from '../../app/export/options.js';
import {
  DEFAULT_OPTIONS,
  FORMATS,
  NOTES,
  SCRIPTS,
  baseName,
  changedOptions,
  createEditionInput,
  exportInput,
  failureKind,
  folderOut,
  formProblems,
  initialForm,
  isoDate,
  progressOf,
  suggestName,
  type ExportForm,
} from '../../renderer/src/export/exportPlan.js';
import { exportEn } from '../../renderer/src/export/i18n/en.js';
import { exportZhCN } from '../../renderer/src/export/i18n/zh-CN.js';

function edition(id: number, name: string): EditionSummary {
  return { id, name, title: name, date: '2024-01-01', articleCount: 3, createdAt: '', updatedAt: '' };
}

const form = (patch: Partial<ExportForm> = {}): ExportForm => ({ ...initialForm('2024-05-06', []), out: '/tmp/out', ...patch });

describe('export dialog: lists kept in step with the server', () => {
  it('has every format, script and note choice the contract has, and the same default options', () => {
    expect([...FORMATS]).toEqual([...EXPORT_FORMATS]);
    expect([...SCRIPTS]).toEqual([...SCRIPT_CHOICES]);
    expect([...NOTES]).toEqual([...NOTE_CHOICES]);
    expect(DEFAULT_OPTIONS).toEqual(DEFAULT_EDITION_OPTIONS);
  });
});

describe('export dialog: the form', () => {
  it('suggests a name no edition has', () => {
    expect(suggestName('2024-05-06', [])).toBe('2024-05-06');
    expect(suggestName('2024-05-06', ['2024-05-06', '2024-05-06-2'])).toBe('2024-05-06-3');
    expect(initialForm('2024-05-06', [edition(1, '2024-05-06')]).name).toBe('2024-05-06-2');
    expect(isoDate(new Date(2024, 0, 9))).toBe('2024-01-09');
  });

  it('starts from the remembered format and folder, ignoring a format it does not know', () => {
    expect(initialForm('2024-05-06', [], { format: 'epub', out: '/x' })).toMatchObject({ format: 'epub', out: '/x' });
    expect(initialForm('2024-05-06', [], { format: 'pdf', out: null })).toMatchObject({ format: 'txt', out: '' });
  });

  it('says what is missing or wrong', () => {
    expect(formProblems(form(), [], 0)).toEqual([]);
    expect(formProblems(form({ name: ' ', out: '' }), [], 0)).toEqual(['nameMissing', 'outMissing']);
    expect(formProblems(form({ name: 'Spring' }), [edition(1, 'spring')], 0)).toEqual(['nameTaken']);
    expect(formProblems(form({ date: '6 May' }), [], 0)).toEqual(['dateInvalid']);
    expect(formProblems(form({ articles: 'campaign' }), [], 0)).toEqual(['campaignMissing']);
    expect(formProblems(form({ articles: 'shown' }), [], 0)).toEqual(['shownEmpty']);
    expect(formProblems(form({ perArticle: true, format: 'docx' }), [], 0)).toEqual(['perArticleFormat']);
    expect(formProblems(form({ perArticle: true, format: 'md' }), [], 0)).toEqual([]);
    expect(formProblems(form({ mode: 'existing', editionId: 9 }), [edition(1, 'a')], 0)).toEqual(['editionMissing']);
    // An existing edition's name is not checked (it is not being made).
    expect(formProblems(form({ mode: 'existing', editionId: 1, name: '' }), [edition(1, 'a')], 0)).toEqual([]);
  });
});

describe('export dialog: API inputs', () => {
  it('makes an edition of all, the shown list or a campaign, with its options', () => {
    expect(createEditionInput(form({ name: ' Spring ', title: '', date: '2024-05-06' }), [3, 1])).toEqual({
      name: 'Spring',
      date: '2024-05-06',
      options: DEFAULT_OPTIONS,
      articles: { all: true },
    });
    expect(createEditionInput(form({ articles: 'shown', title: ' T ' }), [3, 1])).toMatchObject({ title: 'T', articles: { articleIds: [3, 1] } });
    expect(createEditionInput(form({ articles: 'campaign', campaignId: 4 }), [])).toMatchObject({ articles: { campaign: 4 } });
    const approved = createEditionInput(form({ options: { ...DEFAULT_OPTIONS, approvedOnly: true, script: 'hk' } }), []);
    expect(approved.options).toMatchObject({ approvedOnly: true, script: 'hk' });
  });

  it('updates only the options that changed', () => {
    expect(changedOptions(DEFAULT_OPTIONS, { ...DEFAULT_OPTIONS })).toEqual({});
    expect(changedOptions(DEFAULT_OPTIONS, { ...DEFAULT_OPTIONS, script: 'tw', credits: false })).toEqual({ script: 'tw', credits: false });
  });

  it('always gives the server a folder, per article only for txt and md, force only when asked', () => {
    expect(folderOut(' /tmp/out ')).toBe('/tmp/out/');
    expect(folderOut('/tmp/out/')).toBe('/tmp/out/');
    expect(folderOut('C:\\Users\\ed\\out')).toBe('C:\\Users\\ed\\out\\');
    expect(folderOut('C:/Users/ed/out')).toBe('C:/Users/ed/out/');
    expect(folderOut('')).toBe('');
    expect(exportInput(7, form({ format: 'txt' }), false)).toEqual({ edition: 7, format: 'txt', out: '/tmp/out/' });
    expect(exportInput(7, form({ format: 'md', perArticle: true }), true)).toEqual({
      edition: 7,
      format: 'md',
      out: '/tmp/out/',
      perArticle: true,
      force: true,
    });
    expect(exportInput(7, form({ format: 'epub', perArticle: true }), false)).not.toHaveProperty('perArticle');
  });
});

describe('export dialog: outcomes', () => {
  it('tells files in the way from other failures', () => {
    expect(failureKind('refused', '/tmp/out/a.txt exists already; use --force (or force: true) to overwrite it.')).toBe('exists');
    expect(failureKind('refused', '3 files exist already (e.g. /x); use --force (or force: true) to overwrite them.')).toBe('exists');
    expect(failureKind('refused', 'Edition "x" has no articles to export.')).toBe('refused');
    expect(failureKind('invalid_input', 'format: bad')).toBe('invalid');
    expect(failureKind('transport', 'down')).toBe('transport');
    expect(failureKind('internal', 'boom')).toBe('internal');
  });

  it('fills the progress bar, indeterminate without a total', () => {
    expect(progressOf(null)).toEqual({ value: undefined, max: undefined, percent: null });
    expect(progressOf({ done: 0, total: 0 })).toEqual({ value: undefined, max: undefined, percent: null });
    expect(progressOf({ done: 3, total: 4 })).toEqual({ value: 3, max: 4, percent: 75 });
    expect(progressOf({ done: 9, total: 4 })).toMatchObject({ value: 4, percent: 100 });
  });

  it('shows files by name', () => {
    expect(baseName('/a/b/c.txt')).toBe('c.txt');
    expect(baseName('C:\\a\\c.md')).toBe('c.md');
  });
});

describe('export dialog: strings', () => {
  const leaves = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)));
  const at = (o: object, key: string) => key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], o) as string;
  const holes = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

  it('zh-CN and en have the same keys, none empty, the same placeholders', () => {
    expect(leaves(exportEn).sort()).toEqual(leaves(exportZhCN).sort());
    for (const key of leaves(exportZhCN)) {
      expect(at(exportZhCN, key).trim(), key).not.toBe('');
      expect(at(exportEn, key).trim(), key).not.toBe('');
      expect(holes(at(exportEn, key)), key).toEqual(holes(at(exportZhCN, key)));
    }
  });

  it('has a label for every format, script and note choice', () => {
    for (const f of FORMATS) expect(exportZhCN.format.names[f]).toBeTruthy();
    for (const s of SCRIPTS) expect(exportZhCN.options.scripts[s]).toBeTruthy();
    for (const n of NOTES) expect(exportZhCN.options.noteChoices[n]).toBeTruthy();
  });
});
