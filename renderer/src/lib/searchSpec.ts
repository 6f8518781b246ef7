import type { ApiInput } from '../../../app/api/contract.js';
import type { DefectKind } from '../../../app/findings/types.js';
import type { SavedSearch } from '../../../app/search/saved.js';
import type { ArticleStatus } from '../../../app/store/articles.js';

/*
 * The search panel's form, and the search spec the API takes (what search, saveSearch, bulkTag
 * and a campaign's scope share). Empty fields are left out, so a form with nothing filled in is
 * the empty spec, and a saved search comes back into the form as it was saved.
 */

export type SearchSpecInput = NonNullable<ApiInput<'bulkTag'>['search']>;

export interface SearchForm {
  query: string;
  /** A tag id, or a typed path; '' for none. */
  tag: string;
  campaign: number | null;
  status: ArticleStatus | '';
  section: string;
  reporter: string;
  sourceId: number | null;
  findingKind: DefectKind | '';
}

export const EMPTY_SEARCH_FORM: SearchForm = {
  query: '',
  tag: '',
  campaign: null,
  status: '',
  section: '',
  reporter: '',
  sourceId: null,
  findingKind: '',
};

function tagRefOf(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function specOfForm(form: SearchForm): SearchSpecInput {
  const filters: NonNullable<SearchSpecInput['filters']> = {};
  const tag = tagRefOf(form.tag);
  if (tag !== null) filters.tags = [tag];
  if (form.campaign !== null) filters.campaign = form.campaign;
  if (form.status !== '') filters.statuses = [form.status];
  if (form.section.trim() !== '') filters.section = form.section.trim();
  if (form.reporter.trim() !== '') filters.reporter = form.reporter.trim();
  if (form.sourceId !== null) filters.sourceId = form.sourceId;
  if (form.findingKind !== '') filters.findingKinds = [form.findingKind];
  const spec: SearchSpecInput = {};
  const query = form.query.trim();
  if (query !== '') spec.query = query;
  if (Object.keys(filters).length > 0) spec.filters = filters;
  return spec;
}

/** Whether the form asks for anything (an empty spec would match every article). */
export function isEmptySpec(spec: SearchSpecInput): boolean {
  return (spec.query ?? '') === '' && Object.keys(spec.filters ?? {}).length === 0;
}

/** A saved search back in the form (filters the form cannot show are dropped). */
export function formOfSaved(saved: Pick<SavedSearch, 'query' | 'filters'>): SearchForm {
  const f = saved.filters;
  const tag = f.tags?.[0];
  return {
    query: saved.query,
    tag: tag === undefined ? '' : String(tag),
    campaign: f.campaign ?? null,
    status: f.statuses?.[0] ?? '',
    section: f.section ?? '',
    reporter: f.reporter ?? '',
    sourceId: f.sourceId ?? null,
    findingKind: f.findingKinds?.[0] ?? '',
  };
}
