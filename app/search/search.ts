import type { Db } from '../store/database.js';
import type { ArticleListItem } from '../store/articles.js';
import { ensureSearchIndex } from './indexer.js';
import { filterConditions, type SearchFilters } from './filters.js';
import { parseQuery, planMatch, type QueryTerm } from './query.js';
import { highlightArticle, type Snippet } from './highlight.js';
import { loadHitArticles } from './hits.js';

/*
 * Searching: full text over the articles' current text (indexer.ts), narrowed by filters
 * (filters.ts), ranked by bm25, with snippets marked in the real text (highlight.ts).
 *
 * bm25 is computed by FTS5 for every matching row before the best can be picked, at about a
 * microsecond a row. A query as broad as one common character (市) matches nearly every article,
 * so ranking is bounded: when more than RANK_CAP articles match, the RANK_CAP most recently
 * imported of them (highest ids) are ranked, and the result says so. The count is always exact,
 * and listing every match (bulk tagging, a campaign's scope) is never bounded.
 */

export const RANK_CAP = 20_000;

export interface SearchSpec {
  query?: string;
  filters?: SearchFilters;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Rank at most this many matches (tests set it low). */
  rankCap?: number;
  /** Snippets per hit. */
  snippets?: number;
}

export interface SearchHit {
  article: ArticleListItem;
  /** bm25 relevance, higher is better; null for a search by filters only. */
  score: number | null;
  /** Occurrences of the terms in the article's current text. */
  matches: number;
  snippets: Snippet[];
}

export interface SearchResult {
  query: string;
  /** The terms as folded and searched, e.g. 營口 → 营口. */
  terms: string[];
  /** Every article that matches (exact). */
  total: number;
  /**
   * 'bm25': all matches ranked; 'bm25_newest': more than rankedWithin matched and the newest
   * rankedWithin were ranked; 'page_order': no query terms, articles in page order.
   */
  ranking: 'bm25' | 'bm25_newest' | 'page_order';
  rankedWithin: number;
  /** The page of hits asked for (limit, offset); paging reaches as far as rankedWithin. */
  hits: SearchHit[];
}

interface Candidates {
  /** FROM … WHERE … selecting the live matching articles. */
  from: string;
  params: unknown[];
  /** The ranking table (null without query terms). */
  table: string | null;
  /** The article id in `from`. */
  id: string;
}

/**
 * The matching articles. Only live articles are in the full-text index (indexArticles removes an
 * article when it is retired), so a search reads the index alone unless a filter needs the
 * articles row: joining every match to its row costs as much as ranking it.
 */
function candidates(db: Db, terms: readonly QueryTerm[], filters: SearchFilters | undefined, needArticles: boolean): Candidates {
  const plan = planMatch(terms);
  if (!plan) {
    const f = filterConditions(db, filters, 'a.id');
    return {
      from: `FROM articles a WHERE ${['a.retired = 0', ...f.map((c) => c.sql)].join(' AND ')}`,
      params: f.flatMap((c) => c.params),
      table: null,
      id: 'a.id',
    };
  }
  const joined = needArticles || filterConditions(db, filters).some((c) => c.needsArticle);
  // Unary + keeps SQLite from handing `rowid IN (…)` to FTS5 as a rowid constraint: FTS5 would
  // then run the MATCH (and bm25 its statistics) once per article of the filter.
  const id = joined ? 'a.id' : `+${plan.table}.rowid`;
  const f = filterConditions(db, filters, id);
  const conditions = [`${plan.table} MATCH ?`, ...f.map((c) => c.sql)];
  const params: unknown[] = [plan.match, ...f.flatMap((c) => c.params)];
  if (plan.charsFilter) {
    conditions.push(`${id} IN (SELECT rowid FROM search_chars WHERE search_chars MATCH ?)`);
    params.push(plan.charsFilter);
  }
  const from = joined ? `FROM ${plan.table} JOIN articles a ON a.id = ${plan.table}.rowid` : `FROM ${plan.table}`;
  return { from: `${from} WHERE ${conditions.join(' AND ')}`, params, table: plan.table, id };
}

/** Whether a query has no terms to search (empty, or only punctuation when it is not empty). */
function termsOf(spec: SearchSpec): { terms: QueryTerm[]; nothingToFind: boolean } {
  const query = spec.query ?? '';
  const terms = parseQuery(query);
  return { terms, nothingToFind: terms.length === 0 && query.trim().length > 0 };
}

export function searchArticles(db: Db, spec: SearchSpec, options: SearchOptions = {}): SearchResult {
  ensureSearchIndex(db);
  const limit = Math.max(0, Math.min(options.limit ?? 20, 500));
  const offset = Math.max(0, options.offset ?? 0);
  const cap = options.rankCap ?? RANK_CAP;
  const { terms, nothingToFind } = termsOf(spec);
  const result: SearchResult = {
    query: spec.query ?? '',
    terms: terms.map((t) => t.tokens.map((k) => k.text).join('')),
    total: 0,
    ranking: terms.length ? 'bm25' : 'page_order',
    rankedWithin: 0,
    hits: [],
  };
  if (nothingToFind) return result;
  const c = candidates(db, terms, spec.filters, false);
  result.total = db.prepare(`SELECT count(*) ${c.from}`).pluck().get(...c.params) as number;
  let rows: { id: number; rank: number | null }[];
  if (c.table === null) {
    rows = db
      .prepare(`SELECT a.id, NULL AS rank ${c.from} ORDER BY a.source_id, a.ordinal, a.id LIMIT ? OFFSET ?`)
      .all(...c.params, limit, offset) as typeof rows;
    result.rankedWithin = result.total;
  } else {
    let floor = 0;
    if (result.total > cap) {
      floor = db
        .prepare(`SELECT ${c.id} ${c.from} ORDER BY ${c.table}.rowid DESC LIMIT 1 OFFSET ?`)
        .pluck()
        .get(...c.params, cap - 1) as number;
      result.ranking = 'bm25_newest';
    }
    result.rankedWithin = Math.min(result.total, cap);
    rows = db
      .prepare(`SELECT ${c.id} AS id, bm25(${c.table}) AS rank ${c.from} AND ${c.table}.rowid >= ?
                ORDER BY bm25(${c.table}), ${c.id} DESC LIMIT ? OFFSET ?`)
      .all(...c.params, floor, limit, offset) as typeof rows;
  }
  const articles = loadHitArticles(db, rows.map((r) => r.id));
  for (const row of rows) {
    const article = articles.get(row.id);
    if (!article) continue;
    const { matches, snippets } = highlightArticle(article.blocks, terms, options.snippets ?? 2);
    result.hits.push({ article: article.item, score: row.rank === null ? null : -row.rank, matches, snippets });
  }
  return result;
}

/** Every article a search matches (no ranking, no limit), in page order: for bulk actions and scopes. */
export function matchingArticleIds(db: Db, spec: SearchSpec): number[] {
  ensureSearchIndex(db);
  const { terms, nothingToFind } = termsOf(spec);
  if (nothingToFind) return [];
  const c = candidates(db, terms, spec.filters, true);
  return db.prepare(`SELECT a.id ${c.from} ORDER BY a.source_id, a.ordinal, a.id`).pluck().all(...c.params) as number[];
}

/** How many articles a search matches (campaign progress). */
export function countMatching(db: Db, spec: SearchSpec): number {
  ensureSearchIndex(db);
  const { terms, nothingToFind } = termsOf(spec);
  if (nothingToFind) return 0;
  const c = candidates(db, terms, spec.filters, false);
  return db.prepare(`SELECT count(*) ${c.from}`).pluck().get(...c.params) as number;
}

/** The query plan of a search's ranked statement (for tests and for looking into a slow search). */
export function searchPlan(db: Db, spec: SearchSpec): string[] {
  const c = candidates(db, parseQuery(spec.query ?? ''), spec.filters, false);
  const order = c.table ? `ORDER BY bm25(${c.table})` : 'ORDER BY a.source_id, a.ordinal';
  return (db.prepare(`EXPLAIN QUERY PLAN SELECT ${c.id} ${c.from} ${order} LIMIT 20`).all(...c.params) as { detail: string }[])
    .map((r) => r.detail);
}
