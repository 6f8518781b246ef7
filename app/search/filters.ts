import type { Db } from '../store/database.js';
import type { ArticleStatus } from '../store/articles.js';
import type { DefectKind } from '../findings/types.js';
import { carriesTagSql, liveTagId, resolveTagRef, subtreeIds, type TagRef } from '../tags/vocabulary.js';
import { campaignRow } from '../tags/campaign-store.js';

/*
 * Filters narrow a search (or make one on their own, without a query). All of them must hold.
 * They are SQL conditions on an article, always parameterised.
 */

export interface SearchFilters {
  /** Articles carrying each of these tags (or a tag below it), on the article or on a span. */
  tags?: readonly TagRef[];
  /** Articles carrying none of these tags (nor any below them). */
  excludeTags?: readonly TagRef[];
  /** Articles tagged in this campaign's vocabulary. */
  campaign?: number;
  statuses?: readonly ArticleStatus[];
  section?: string;
  /** A reporter named in the article's byline. */
  reporter?: string;
  /** The source page. */
  sourceId?: number;
  /** Articles with at least one open finding of one of these kinds. */
  findingKinds?: readonly DefectKind[];
}

/** One condition: SQL with its parameters, and whether it reads the articles row `a` or only the id. */
export interface FilterCondition {
  sql: string;
  params: unknown[];
  needsArticle: boolean;
}

function tagCondition(db: Db, id: string, ref: TagRef, negate: boolean): FilterCondition {
  const ids = JSON.stringify(subtreeIds(db, resolveTagRef(db, ref)));
  return { sql: `${negate ? 'NOT ' : ''}${carriesTagSql(id)}`, params: [ids, ids], needsArticle: false };
}

/**
 * The filters as conditions on an article: `id` is the SQL for its id (the full-text index's rowid
 * needs no join for the conditions that only test the id: tags, campaign, findings); the others
 * read the articles row aliased `a`. Unknown tags are refused by name. Live articles only: the
 * caller adds a.retired = 0 unless it reads the full-text index, which holds live articles only.
 */
export function filterConditions(db: Db, filters: SearchFilters = {}, id = 'a.id'): FilterCondition[] {
  const out: FilterCondition[] = [];
  const onArticle = (sql: string, ...params: unknown[]) => out.push({ sql, params, needsArticle: true });
  for (const ref of filters.tags ?? []) out.push(tagCondition(db, id, ref, false));
  for (const ref of filters.excludeTags ?? []) out.push(tagCondition(db, id, ref, true));
  if (filters.campaign !== undefined) {
    const tag = liveTagId(db, campaignRow(db, filters.campaign).tag_id);
    // A campaign whose vocabulary is gone has nothing tagged in it.
    out.push(tag === undefined ? { sql: '0', params: [], needsArticle: false } : tagCondition(db, id, tag, false));
  }
  if (filters.findingKinds?.length) {
    out.push({
      sql: `EXISTS (SELECT 1 FROM findings f WHERE f.article_id = ${id} AND f.state = 'open'
              AND f.kind IN (SELECT value FROM json_each(?)))`,
      params: [JSON.stringify(filters.findingKinds)],
      needsArticle: false,
    });
  }
  if (filters.statuses?.length) onArticle('a.status IN (SELECT value FROM json_each(?))', JSON.stringify(filters.statuses));
  if (filters.section !== undefined) onArticle('a.section = ?', filters.section);
  if (filters.reporter !== undefined) onArticle('EXISTS (SELECT 1 FROM json_each(a.reporters) r WHERE r.value = ?)', filters.reporter);
  if (filters.sourceId !== undefined) onArticle('a.source_id = ?', filters.sourceId);
  return out;
}

