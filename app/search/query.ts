import { bigramsOf, tokenize, type Token } from './fold.js';

/*
 * A query is one or more terms, all of which must occur: words separated by white space, or a
 * "quoted phrase". Each term is folded as the index is (fold.ts) and becomes an FTS5 phrase: of
 * its single token in search_chars, or of its bigrams in search_bigrams. The editor never writes
 * FTS5 syntax, so nothing typed can break the query.
 */

export interface QueryTerm {
  /** The term as typed. */
  text: string;
  tokens: Token[];
}

export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const m of query.normalize('NFC').matchAll(pattern)) {
    const text = (m[1] ?? m[2] ?? '').trim();
    const tokens = tokenize(text);
    if (tokens.length > 0) terms.push({ text, tokens });
  }
  return terms;
}

/** An FTS5 phrase of folded tokens (never holds a quote: quotes are separators when folding). */
function phrase(tokens: readonly string[]): string {
  return `"${tokens.join(' ')}"`;
}

export type IndexTable = 'search_chars' | 'search_bigrams';

export interface MatchPlan {
  /** The table that ranks the results, and its MATCH expression. */
  table: IndexTable;
  match: string;
  /** One-token terms when the ranking table is search_bigrams: they must also match in search_chars. */
  charsFilter: string | null;
}

/** How the terms are looked up; null when the query has no terms (a search by filters only). */
export function planMatch(terms: readonly QueryTerm[]): MatchPlan | null {
  if (terms.length === 0) return null;
  const single = terms.filter((t) => t.tokens.length === 1).map((t) => phrase([t.tokens[0]!.text]));
  const multi = terms.filter((t) => t.tokens.length > 1).map((t) => phrase(bigramsOf(t.tokens)));
  if (multi.length === 0) return { table: 'search_chars', match: single.join(' AND '), charsFilter: null };
  return { table: 'search_bigrams', match: multi.join(' AND '), charsFilter: single.length ? single.join(' AND ') : null };
}
