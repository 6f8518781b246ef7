import type { Db } from '../store/database.js';
import { listArticles } from '../store/articles.js';
import type { SearchSpec } from '../search/search.js';
import { articlesMatchingSearch, articlesOfCampaign } from './peers.js';
import {
  addToEdition, createEdition, type EditionChange, type EditionRef, type Edition, type NewEdition,
} from './edition-store.js';

/*
 * Which articles go into an edition: chosen by hand (ids, in the order given), every live article,
 * the articles a search matches, or a campaign's articles (the last three in page order).
 */

export type EditionSelection =
  | { articleIds: readonly number[] }
  | { all: true }
  | { search: SearchSpec }
  | { campaign: number | string };

export function selectArticles(db: Db, selection: EditionSelection): number[] {
  if ('articleIds' in selection) return [...selection.articleIds];
  if ('all' in selection) return listArticles(db).map((a) => a.id);
  if ('search' in selection) return articlesMatchingSearch(db, selection.search);
  return articlesOfCampaign(db, selection.campaign);
}

/** Creates an edition with the selected articles (none when no selection is given). */
export function createEditionFrom(db: Db, input: Omit<NewEdition, 'articleIds'> & { articles?: EditionSelection }): Edition {
  const { articles, ...rest } = input;
  return createEdition(db, { ...rest, articleIds: articles ? selectArticles(db, articles) : [] });
}

export function addSelectionToEdition(db: Db, ref: EditionRef, selection: EditionSelection, at?: number): EditionChange {
  return addToEdition(db, ref, selectArticles(db, selection), at);
}
