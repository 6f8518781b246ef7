import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { nowIso } from '../store/clock.js';
import { getArticle, type ArticleListItem } from '../store/articles.js';
import { countMatching, matchingArticleIds, type SearchSpec } from '../search/search.js';
import { getSavedSearch, saveSearch, specOf, type SavedSearch } from '../search/saved.js';
import type { SearchFilters } from '../search/filters.js';
import { campaignRow, campaignRows, type CampaignRow } from './campaign-store.js';
import { formatTagPath, liveTagId, resolveTagRef, tagPath, type TagRef } from './vocabulary.js';

/*
 * A tagging campaign is a named effort: a vocabulary (a tag and the tags below it, e.g.
 * Campaign/创建全国文明城市), a scope (a saved search), and progress: how many articles in scope
 * carry a tag of the vocabulary. Editors work through its queue, the untagged articles in scope in
 * page order, article by article.
 */

export interface CampaignProgress {
  inScope: number;
  tagged: number;
}

export interface Campaign {
  id: number;
  name: string;
  /** The vocabulary; null if its tag was retired without a successor. */
  tag: { id: number; pathText: string } | null;
  scope: SavedSearch;
  createdAt: string;
  progress: CampaignProgress;
}

function withTag(spec: SearchSpec, key: 'tags' | 'excludeTags', tagId: number): SearchSpec {
  const filters: SearchFilters = { ...spec.filters };
  filters[key] = [...(filters[key] ?? []), tagId];
  return { ...spec, filters };
}

function toCampaign(db: Db, row: CampaignRow): Campaign {
  const tagId = liveTagId(db, row.tag_id);
  const scope = getSavedSearch(db, row.search_id);
  const spec = specOf(scope);
  return {
    id: row.id,
    name: row.name,
    tag: tagId === undefined ? null : { id: tagId, pathText: formatTagPath(tagPath(db, tagId)) },
    scope,
    createdAt: row.created_at,
    progress: {
      inScope: countMatching(db, spec),
      tagged: tagId === undefined ? 0 : countMatching(db, withTag(spec, 'tags', tagId)),
    },
  };
}

export function getCampaign(db: Db, id: number): Campaign {
  return toCampaign(db, campaignRow(db, id));
}

export function listCampaigns(db: Db): Campaign[] {
  return campaignRows(db).map((row) => toCampaign(db, row));
}

/**
 * Starts a campaign on a vocabulary (created if new) over a scope: a saved search, or a query
 * and filters saved now under the campaign's name.
 */
export function createCampaign(
  db: Db,
  input: { name: string; tag: TagRef; searchId?: number; search?: SearchSpec },
): Campaign {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new LibraryError('A campaign needs a name.');
  if ((input.searchId === undefined) === (input.search === undefined)) {
    throw new LibraryError('A campaign needs a scope: a saved search, or a query and filters.');
  }
  return writeTransaction(db, () => {
    if (db.prepare('SELECT 1 FROM campaigns WHERE name = ?').get(name)) throw new LibraryError(`A campaign named "${name}" exists already.`);
    const tagId = resolveTagRef(db, input.tag, { create: true });
    const searchId = input.searchId !== undefined
      ? getSavedSearch(db, input.searchId).id
      : saveSearch(db, { name: `Campaign: ${name}`, query: input.search!.query, filters: input.search!.filters }).id;
    const info = db
      .prepare('INSERT INTO campaigns (name, tag_id, search_id, created_at) VALUES (?, ?, ?, ?)')
      .run(name, tagId, searchId, nowIso());
    return getCampaign(db, Number(info.lastInsertRowid));
  });
}

export interface CampaignQueueItem {
  campaign: Campaign;
  /** The next untagged article in scope, or null when every article in scope is tagged. */
  article: ArticleListItem | null;
  /** Untagged articles in scope, this one included. */
  remaining: number;
}

/**
 * The next article in scope without a tag of the campaign's vocabulary, in page order: the first
 * one, or the first after `after` (wrapping round, so articles skipped come back at the end).
 */
export function nextInCampaign(db: Db, id: number, after?: number): CampaignQueueItem {
  const campaign = getCampaign(db, id);
  if (!campaign.tag) return { campaign, article: null, remaining: 0 };
  const spec = specOf(campaign.scope);
  const untagged = matchingArticleIds(db, withTag(spec, 'excludeTags', campaign.tag.id));
  let nextId = untagged[0];
  if (after !== undefined && untagged.length > 0) {
    const order = matchingArticleIds(db, spec);
    const position = new Map(order.map((articleId, i) => [articleId, i]));
    const from = position.get(after);
    if (from !== undefined) nextId = untagged.find((articleId) => position.get(articleId)! > from) ?? untagged[0];
  }
  const detail = nextId === undefined ? undefined : getArticle(db, nextId);
  let article: ArticleListItem | null = null;
  if (detail) {
    const { blocks: _blocks, ...item } = detail;
    article = item;
  }
  return { campaign, article, remaining: untagged.length };
}
