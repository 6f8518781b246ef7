import type { Db } from '../store/database.js';
import { LibraryError } from '../store/errors.js';

/** A campaign's row: its vocabulary (a tag and the tags below it) and its scope (a saved search). */
export interface CampaignRow {
  id: number;
  name: string;
  tag_id: number;
  search_id: number;
  created_at: string;
}

export function campaignRow(db: Db, id: number): CampaignRow {
  const row = db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
  if (!row) throw new LibraryError(`No campaign ${id} in this library.`);
  return row;
}

export function campaignRows(db: Db): CampaignRow[] {
  return db.prepare('SELECT * FROM campaigns ORDER BY id').all() as CampaignRow[];
}
