import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { nowIso } from '../store/clock.js';
import { resolveTagRef } from '../tags/vocabulary.js';
import type { SearchFilters } from './filters.js';
import type { SearchSpec } from './search.js';

/*
 * A saved search is a named query and filters; it can be a campaign's scope. Tags in its filters
 * are stored by id, so renaming a tag keeps the search (and a merged tag's id is followed to the
 * tag it was merged into when the search runs).
 */

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  filters: SearchFilters;
  createdAt: string;
  updatedAt: string;
}

interface SavedRow {
  id: number;
  name: string;
  query: string;
  filters: string;
  created_at: string;
  updated_at: string;
}

function toSaved(row: SavedRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    filters: JSON.parse(row.filters) as SearchFilters,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Filters with their tags named by id; unknown tags are refused now rather than when it runs. */
function normaliseFilters(db: Db, filters: SearchFilters = {}): SearchFilters {
  const out: SearchFilters = { ...filters };
  if (filters.tags) out.tags = filters.tags.map((t) => resolveTagRef(db, t));
  if (filters.excludeTags) out.excludeTags = filters.excludeTags.map((t) => resolveTagRef(db, t));
  for (const key of Object.keys(out) as (keyof SearchFilters)[]) if (out[key] === undefined) delete out[key];
  return out;
}

export function getSavedSearch(db: Db, id: number): SavedSearch {
  const row = db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(id) as SavedRow | undefined;
  if (!row) throw new LibraryError(`No saved search ${id} in this library.`);
  return toSaved(row);
}

export function listSavedSearches(db: Db): SavedSearch[] {
  return (db.prepare('SELECT * FROM saved_searches ORDER BY name').all() as SavedRow[]).map(toSaved);
}

export function specOf(saved: SavedSearch): SearchSpec {
  return { query: saved.query, filters: saved.filters };
}

/** Saves a search under a new name, or (given its id) changes a saved one. */
export function saveSearch(db: Db, input: { id?: number; name: string; query?: string; filters?: SearchFilters }): SavedSearch {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new LibraryError('A saved search needs a name.');
  return writeTransaction(db, () => {
    const clash = db.prepare('SELECT id FROM saved_searches WHERE name = ?').pluck().get(name) as number | undefined;
    if (clash !== undefined && clash !== input.id) throw new LibraryError(`A saved search named "${name}" exists already.`);
    const filters = JSON.stringify(normaliseFilters(db, input.filters));
    const query = (input.query ?? '').trim();
    const now = nowIso();
    if (input.id !== undefined) {
      getSavedSearch(db, input.id);
      db.prepare('UPDATE saved_searches SET name = ?, query = ?, filters = ?, updated_at = ? WHERE id = ?')
        .run(name, query, filters, now, input.id);
      return getSavedSearch(db, input.id);
    }
    const info = db
      .prepare('INSERT INTO saved_searches (name, query, filters, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, query, filters, now, now);
    return getSavedSearch(db, Number(info.lastInsertRowid));
  });
}

/** Deletes a saved search; refused while a campaign uses it as its scope. */
export function deleteSavedSearch(db: Db, id: number): void {
  writeTransaction(db, () => {
    getSavedSearch(db, id);
    const campaign = db.prepare('SELECT name FROM campaigns WHERE search_id = ?').pluck().get(id) as string | undefined;
    if (campaign !== undefined) throw new LibraryError(`Saved search ${id} is the scope of campaign "${campaign}".`);
    db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id);
  });
}
