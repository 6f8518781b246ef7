import type { Db } from '../../store/database.js';
import { normalise, winnow } from '../corpus/fingerprint.js';
import { collectRuns, entryOf, type CorpusBlock, type Entry, type Hit, type SharedRun } from '../corpus/index.js';

/*
 * The library's corpus for spliced duplicates: every live block's winnowing fingerprints are kept
 * in the fingerprints table, refreshed when a block is analysed. Finding what a block shares asks
 * the table for its fingerprints' other holders and compares only with those blocks.
 */

/** A fingerprint held by more blocks than this is boilerplate (a slogan, a formula). */
const MAX_HOLDERS = 40;

export function refreshFingerprints(db: Db, blockId: number, text: string): void {
  db.prepare('DELETE FROM fingerprints WHERE block_id = ?').run(blockId);
  const insert = db.prepare('INSERT INTO fingerprints (hash, block_id, pos) VALUES (?, ?, ?)');
  for (const fp of winnow(normalise(text).text)) insert.run(fp.hash, blockId, fp.pos);
}

interface HolderRow {
  id: number;
  text: string;
  class: string;
  source_id: number;
}

export function blockCorpusEntry(id: number, text: string, cls: string, sourceId: number): CorpusBlock {
  // Block ids grow in page order at import, so they order copies as the pages were printed.
  return { key: String(id), order: id, page: String(sourceId), text, cls };
}

/**
 * The runs the given blocks share with any other live block of the library: each fingerprint's
 * holders (and where in them it sits) come from the table, so only those blocks are read, and
 * each hit is grown into a run in place.
 */
export function sharedRunsInLibrary(db: Db, blocks: readonly CorpusBlock[], minLength: number): Map<string, SharedRun[]> {
  // One more than the cap tells a boilerplate fingerprint without counting all its holders.
  const holders = db.prepare(`SELECT block_id AS id, pos FROM fingerprints WHERE hash = ? LIMIT ${MAX_HOLDERS + 1}`);
  const load = db.prepare(`SELECT b.id, b.text, b.class, a.source_id FROM blocks b JOIN articles a ON a.id = b.article_id
                           WHERE b.id = ? AND b.retired = 0 AND a.retired = 0`);
  const cache = new Map<number, Entry | null>();
  const holder = (id: number): Entry | null => {
    if (!cache.has(id)) {
      const row = load.get(id) as HolderRow | undefined;
      cache.set(id, row ? entryOf(blockCorpusEntry(row.id, row.text, row.class, row.source_id)) : null);
    }
    return cache.get(id)!;
  };
  const result = new Map<string, SharedRun[]>();
  for (const block of blocks) {
    const self = entryOf(block);
    const hits: Hit[] = [];
    for (const fp of winnow(self.norm.text)) {
      const rows = holders.all(fp.hash) as { id: number; pos: number }[];
      if (rows.length > MAX_HOLDERS) continue;
      for (const row of rows) {
        if (String(row.id) === block.key) continue;
        const other = holder(row.id);
        if (other) hits.push({ other, pos: fp.pos, otherPos: row.pos });
      }
    }
    result.set(block.key, collectRuns(self, hits, minLength));
  }
  return result;
}
