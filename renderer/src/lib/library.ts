import type { ArticleListItem, ArticleStatus } from '../../../app/store/articles.js';
import type { DefectKind } from '../../../app/findings/types.js';

/*
 * The library table's filtering and sorting, as plain functions over the article list so they
 * are tested without a browser. They are written for 100,000 articles: one pass to filter, a sort
 * on precomputed keys, no per-row allocation beyond what the result needs.
 */

export type KindCounts = Partial<Record<DefectKind, number>>;
export type FindingCountsByArticle = Readonly<Record<number, KindCounts | undefined>>;

export type SortKey = 'page' | 'section' | 'headline' | 'reporters' | 'status' | 'findings';
export type SortDirection = 'asc' | 'desc';

export interface LibrarySort {
  key: SortKey;
  direction: SortDirection;
}

/** 'any' = no filter on findings; 'some' / 'none' = with or without open findings; else one kind. */
export type FindingsFilter = 'any' | 'some' | 'none' | DefectKind;

export interface LibraryFilter {
  sourceId: number | null;
  status: ArticleStatus | 'any';
  findings: FindingsFilter;
  /** Matched against headline, section, reporters, page name and "#id". */
  query: string;
}

export const DEFAULT_FILTER: LibraryFilter = { sourceId: null, status: 'any', findings: 'any', query: '' };
export const DEFAULT_SORT: LibrarySort = { key: 'page', direction: 'asc' };

const STATUS_ORDER: Record<ArticleStatus, number> = { raw: 0, in_review: 1, clean: 2, approved: 3 };

export function totalFindings(counts: KindCounts | undefined): number {
  if (!counts) return 0;
  let total = 0;
  for (const n of Object.values(counts)) total += n ?? 0;
  return total;
}

/** The lower-cased text a query is matched against, built once per article list. */
export function searchText(article: ArticleListItem): string {
  return [
    `#${article.id}`,
    article.headline ?? '',
    article.section ?? '',
    article.sourceName,
    article.reporters.join(' '),
    article.subheads.join(' '),
  ]
    .join('\u0001')
    .toLowerCase();
}

export function filterArticles(
  articles: readonly ArticleListItem[],
  counts: FindingCountsByArticle,
  filter: LibraryFilter,
  haystackOf: (article: ArticleListItem) => string = searchText,
): ArticleListItem[] {
  const terms = filter.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const out: ArticleListItem[] = [];
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    if (filter.sourceId !== null && a.sourceId !== filter.sourceId) continue;
    if (filter.status !== 'any' && a.status !== filter.status) continue;
    if (filter.findings !== 'any') {
      const c = counts[a.id];
      if (filter.findings === 'some' && totalFindings(c) === 0) continue;
      if (filter.findings === 'none' && totalFindings(c) > 0) continue;
      if (filter.findings !== 'some' && filter.findings !== 'none' && !(c?.[filter.findings] ?? 0)) continue;
    }
    if (terms.length > 0) {
      const text = haystackOf(a);
      if (!terms.every((t) => text.includes(t))) continue;
    }
    out.push(a);
  }
  return out;
}

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/**
 * Sorts a copy; ties (and the 'page' key) fall back to page order, which is the list's own order.
 * Sort the whole list once and filter the result: filtering keeps the order, so typing a query
 * never sorts again.
 */
export function sortArticles(
  articles: readonly ArticleListItem[],
  counts: FindingCountsByArticle,
  sort: LibrarySort,
): ArticleListItem[] {
  // The incoming list is in page order (source, ordinal): its index is the page-order key.
  const indexed = articles.map((article, index) => ({ article, index }));
  const sign = sort.direction === 'asc' ? 1 : -1;
  if (sort.key === 'page') {
    if (sign === 1) return articles.slice();
    return indexed.reverse().map((e) => e.article);
  }
  let compare: (a: ArticleListItem, b: ArticleListItem) => number;
  switch (sort.key) {
    case 'status':
      compare = (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
      break;
    case 'findings':
      compare = (a, b) => totalFindings(counts[a.id]) - totalFindings(counts[b.id]);
      break;
    default: {
      // Text keys: sort keys computed once; empty values always last, whatever the direction.
      const keyOf = (a: ArticleListItem) =>
        sort.key === 'section' ? a.section ?? '' : sort.key === 'headline' ? a.headline ?? '' : a.reporters.join('、');
      const keys = new Map(articles.map((a) => [a.id, keyOf(a)]));
      return indexed
        .sort((x, y) => {
          const kx = keys.get(x.article.id)!;
          const ky = keys.get(y.article.id)!;
          if (kx === '' || ky === '') return kx === ky ? x.index - y.index : kx === '' ? 1 : -1;
          return sign * collator.compare(kx, ky) || x.index - y.index;
        })
        .map((e) => e.article);
    }
  }
  return indexed.sort((x, y) => sign * compare(x.article, y.article) || x.index - y.index).map((e) => e.article);
}

/** The article before and after one in a list (the library's current order), or null at the ends. */
export function neighboursIn(ids: readonly number[], indexOf: ReadonlyMap<number, number>, id: number) {
  const at = indexOf.get(id);
  if (at === undefined) return { previous: null, next: null };
  return { previous: ids[at - 1] ?? null, next: ids[at + 1] ?? null };
}
