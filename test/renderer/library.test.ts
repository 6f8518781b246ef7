import { describe, expect, it } from 'vitest';
import type { ArticleListItem } from '../../app/store/articles.js';
import {
  DEFAULT_FILTER,
  filterArticles,
  neighboursIn,
  searchText,
  sortArticles,
  totalFindings,
  type FindingCountsByArticle,
} from '../../renderer/src/lib/library.js';

function article(id: number, over: Partial<ArticleListItem> = {}): ArticleListItem {
  return {
    id,
    sourceId: 1,
    sourceName: 'page-1.txt',
    ordinal: id,
    section: null,
    status: 'raw',
    headline: `标题${id}`,
    subheads: [],
    reporters: [],
    blockCount: 3,
    ...over,
  };
}

const articles = [
  article(1, { headline: '港城新闻', reporters: ['王刚'], status: 'clean', section: '港城时讯' }),
  article(2, { headline: null, status: 'raw' }),
  article(3, { headline: '春耕生产', reporters: ['刘立彬'], status: 'in_review', sourceId: 2, sourceName: 'page-2.txt' }),
  article(4, { headline: '阿里巴巴', status: 'approved', sourceId: 2, sourceName: 'page-2.txt' }),
];
const counts: FindingCountsByArticle = { 1: { char_error: 2 }, 3: { stray_space: 1, mixed_script: 4 } };

describe('library filtering', () => {
  it('filters by page, status, findings and a query over headline, reporters and #id', () => {
    expect(filterArticles(articles, counts, DEFAULT_FILTER)).toEqual(articles);
    expect(filterArticles(articles, counts, { ...DEFAULT_FILTER, sourceId: 2 }).map((a) => a.id)).toEqual([3, 4]);
    expect(filterArticles(articles, counts, { ...DEFAULT_FILTER, status: 'in_review' }).map((a) => a.id)).toEqual([3]);
    expect(filterArticles(articles, counts, { ...DEFAULT_FILTER, findings: 'some' }).map((a) => a.id)).toEqual([1, 3]);
    expect(filterArticles(articles, counts, { ...DEFAULT_FILTER, findings: 'none' }).map((a) => a.id)).toEqual([2, 4]);
    expect(filterArticles(articles, counts, { ...DEFAULT_FILTER, findings: 'mixed_script' }).map((a) => a.id)).toEqual([3]);
    expect(filterArticles(articles, counts, { ...DEFAULT_FILTER, query: '王刚' }).map((a) => a.id)).toEqual([1]);
    expect(filterArticles(articles, counts, { ...DEFAULT_FILTER, query: '#4' }).map((a) => a.id)).toEqual([4]);
    expect(filterArticles(articles, counts, { ...DEFAULT_FILTER, query: '港城 新闻' }).map((a) => a.id)).toEqual([1]);
    expect(filterArticles(articles, counts, { ...DEFAULT_FILTER, query: 'PAGE-2' }).map((a) => a.id)).toEqual([3, 4]);
  });

  it('builds one lower-cased search text per article', () => {
    expect(searchText(articles[0]!)).toContain('#1');
    expect(searchText(articles[0]!)).toContain('王刚');
  });

  it('counts findings over kinds', () => {
    expect(totalFindings(counts[3])).toBe(5);
    expect(totalFindings(undefined)).toBe(0);
  });
});

describe('library sorting', () => {
  it('keeps page order for "page", and reverses it for descending', () => {
    expect(sortArticles(articles, counts, { key: 'page', direction: 'asc' }).map((a) => a.id)).toEqual([1, 2, 3, 4]);
    expect(sortArticles(articles, counts, { key: 'page', direction: 'desc' }).map((a) => a.id)).toEqual([4, 3, 2, 1]);
  });

  it('sorts by status in workflow order and by findings total, ties in page order', () => {
    expect(sortArticles(articles, counts, { key: 'status', direction: 'asc' }).map((a) => a.id)).toEqual([2, 3, 1, 4]);
    expect(sortArticles(articles, counts, { key: 'findings', direction: 'desc' }).map((a) => a.id)).toEqual([3, 1, 2, 4]);
  });

  it('sorts text in Chinese collation order with empty values last either way', () => {
    const asc = sortArticles(articles, counts, { key: 'headline', direction: 'asc' }).map((a) => a.id);
    const desc = sortArticles(articles, counts, { key: 'headline', direction: 'desc' }).map((a) => a.id);
    expect(asc.at(-1)).toBe(2);
    expect(desc.at(-1)).toBe(2);
    expect(asc.slice(0, 3)).toEqual([...desc.slice(0, 3)].reverse());
  });

  it('does not mutate its input, and filtering a sorted list keeps its order', () => {
    const copy = [...articles];
    const sorted = sortArticles(articles, counts, { key: 'headline', direction: 'asc' });
    expect(articles).toEqual(copy);
    const filtered = filterArticles(sorted, counts, { ...DEFAULT_FILTER, findings: 'some' });
    expect(filtered.map((a) => a.id)).toEqual(sorted.filter((a) => a.id === 1 || a.id === 3).map((a) => a.id));
  });

  it('stays fast at 100,000 articles', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => article(i + 1, { headline: `第${(i * 7919) % 100_000}号稿件`, status: (['raw', 'clean'] as const)[i % 2] }));
    const started = performance.now();
    const filtered = filterArticles(many, {}, { ...DEFAULT_FILTER, status: 'clean', query: '稿件' });
    sortArticles(many, {}, { key: 'status', direction: 'desc' });
    expect(filtered).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('next and previous article', () => {
  it('gives the neighbours in the current order, null at the ends', () => {
    const ids = [5, 9, 2];
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    expect(neighboursIn(ids, indexOf, 9)).toEqual({ previous: 5, next: 2 });
    expect(neighboursIn(ids, indexOf, 5)).toEqual({ previous: null, next: 9 });
    expect(neighboursIn(ids, indexOf, 7)).toEqual({ previous: null, next: null });
  });
});
