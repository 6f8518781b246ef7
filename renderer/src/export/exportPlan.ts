import type { ApiInput, JobStatus } from '../../../app/api/contract.js';
import type { EditionSummary } from '../../../app/export/edition-store.js';
import type { ExportFormat } from '../../../app/export/formats/format-names.js';
import type { EditionOptions, NoteChoice, ScriptChoice } from '../../../app/export/options.js';

/*
 * The export dialog's pure logic: what the form holds, what is wrong with it, and the API inputs it
 * turns into. The renderer may import only TYPES from app/, so the format and script lists are
 * repeated here; the checks below make a list that misses (or invents) a name a type error.
 */

export const FORMATS = ['txt', 'md', 'html', 'docx', 'epub', 'json', 'csv'] as const satisfies readonly ExportFormat[];
export const SCRIPTS = ['as-is', 'simplified', 'traditional', 'tw', 'hk', 'twp'] as const satisfies readonly ScriptChoice[];
export const NOTES = ['none', 'open', 'all'] as const satisfies readonly NoteChoice[];
/** The formats the server writes one file per article for. */
export const PER_ARTICLE_FORMATS: readonly ExportFormat[] = ['txt', 'md'];

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
const allFormats: Missing<ExportFormat, (typeof FORMATS)[number]> = true;
const allScripts: Missing<ScriptChoice, (typeof SCRIPTS)[number]> = true;
const allNotes: Missing<NoteChoice, (typeof NOTES)[number]> = true;
void [allFormats, allScripts, allNotes];

export const DEFAULT_OPTIONS: EditionOptions = {
  script: 'as-is',
  normalizePunctuation: false,
  captions: true,
  credits: true,
  notes: 'none',
  approvedOnly: false,
};

/** Which articles a new edition takes. */
export type ArticleChoice = 'all' | 'shown' | 'campaign';

export interface ExportForm {
  mode: 'new' | 'existing';
  /** The existing edition (mode 'existing'). */
  editionId: number | null;
  name: string;
  title: string;
  /** YYYY-MM-DD, or empty for today (the server's default). */
  date: string;
  articles: ArticleChoice;
  campaignId: number | null;
  options: EditionOptions;
  format: ExportFormat;
  perArticle: boolean;
  /** The folder to write into, on the machine the library is served from. */
  out: string;
}

export type FormProblem =
  | 'nameMissing'
  | 'nameTaken'
  | 'dateInvalid'
  | 'editionMissing'
  | 'campaignMissing'
  | 'shownEmpty'
  | 'outMissing'
  | 'perArticleFormat';

/** A date as the local calendar has it, YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A name no edition has yet: the date, then the date with -2, -3 … */
export function suggestName(date: string, taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.trim().toLowerCase()));
  if (!names.has(date.toLowerCase())) return date;
  for (let i = 2; ; i++) if (!names.has(`${date}-${i}`.toLowerCase())) return `${date}-${i}`;
}

export function initialForm(today: string, editions: readonly EditionSummary[], remembered?: { format?: string | null; out?: string | null }): ExportForm {
  const format = FORMATS.find((f) => f === remembered?.format) ?? 'txt';
  return {
    mode: 'new',
    editionId: editions[0]?.id ?? null,
    name: suggestName(today, editions.map((e) => e.name)),
    title: '',
    date: today,
    articles: 'all',
    campaignId: null,
    options: { ...DEFAULT_OPTIONS },
    format,
    perArticle: false,
    out: remembered?.out ?? '',
  };
}

/** What stops the export from starting, in the order the form shows its fields. */
export function formProblems(form: ExportForm, editions: readonly EditionSummary[], shownCount: number): FormProblem[] {
  const problems: FormProblem[] = [];
  if (form.mode === 'new') {
    const name = form.name.trim();
    if (name === '') problems.push('nameMissing');
    else if (editions.some((e) => e.name.trim().toLowerCase() === name.toLowerCase())) problems.push('nameTaken');
    if (form.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(form.date)) problems.push('dateInvalid');
    if (form.articles === 'campaign' && form.campaignId === null) problems.push('campaignMissing');
    if (form.articles === 'shown' && shownCount === 0) problems.push('shownEmpty');
  } else if (form.editionId === null || !editions.some((e) => e.id === form.editionId)) {
    problems.push('editionMissing');
  }
  if (form.out.trim() === '') problems.push('outMissing');
  if (form.perArticle && !PER_ARTICLE_FORMATS.includes(form.format)) problems.push('perArticleFormat');
  return problems;
}

/**
 * The folder as the server must get it: the export treats `out` as a file unless it is an existing
 * folder or ends in a separator, so a folder not made yet gets one.
 */
export function folderOut(out: string): string {
  const trimmed = out.trim();
  if (trimmed === '' || trimmed.endsWith('/') || trimmed.endsWith('\\')) return trimmed;
  // A Windows path written with backslashes only keeps to them.
  return trimmed.includes('\\') && !trimmed.includes('/') ? `${trimmed}\\` : `${trimmed}/`;
}

export function createEditionInput(form: ExportForm, shownIds: readonly number[]): ApiInput<'createEdition'> {
  const articles: ApiInput<'createEdition'>['articles'] =
    form.articles === 'shown'
      ? { articleIds: [...shownIds] }
      : form.articles === 'campaign' && form.campaignId !== null
        ? { campaign: form.campaignId }
        : { all: true };
  return {
    name: form.name.trim(),
    ...(form.title.trim() ? { title: form.title.trim() } : {}),
    ...(form.date ? { date: form.date } : {}),
    options: { ...form.options },
    articles,
  };
}

/** The options that differ from the edition's saved ones (empty: nothing to update). */
export function changedOptions(saved: EditionOptions, wanted: EditionOptions): Partial<EditionOptions> {
  const patch: Partial<EditionOptions> = {};
  for (const key of Object.keys(wanted) as (keyof EditionOptions)[]) {
    if (saved[key] !== wanted[key]) (patch as Record<string, unknown>)[key] = wanted[key];
  }
  return patch;
}

export function exportInput(editionId: number, form: ExportForm, force: boolean): ApiInput<'exportEdition'> {
  const perArticle = form.perArticle && PER_ARTICLE_FORMATS.includes(form.format);
  return {
    edition: editionId,
    format: form.format,
    out: folderOut(form.out),
    ...(perArticle ? { perArticle: true } : {}),
    ...(force ? { force: true } : {}),
  };
}

/** How a failed export is shown: files in the way can be replaced; the rest is a message. */
export type FailureKind = 'exists' | 'refused' | 'invalid' | 'internal' | 'transport';

/** The server refuses to overwrite with "… exists already; use --force …" (OutputExistsError). */
export function isExistsRefusal(code: string, message: string): boolean {
  return code === 'refused' && /exists? already/.test(message) && /force/.test(message);
}

export function failureKind(code: string, message: string): FailureKind {
  if (isExistsRefusal(code, message)) return 'exists';
  if (code === 'refused' || code === 'invalid_input' || code === 'transport') return code === 'invalid_input' ? 'invalid' : code;
  return 'internal';
}

/** The progress bar's value and maximum; an unknown total leaves the bar indeterminate. */
export function progressOf(status: Pick<JobStatus, 'done' | 'total'> | null): { value: number | undefined; max: number | undefined; percent: number | null } {
  if (!status || status.total <= 0) return { value: undefined, max: undefined, percent: null };
  const done = Math.min(Math.max(status.done, 0), status.total);
  return { value: done, max: status.total, percent: Math.round((done / status.total) * 100) };
}

/** A file's name without its folder (either separator). */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}
