import type { Db } from '../../store/database.js';
import { fingerprintBuffer, fingerprintsOf, normalBuffer, normalise, normaliseInto, winnowInto, type Offsets } from '../corpus/fingerprint.js';
import { MAX_POSTINGS, RunFinder, type CorpusBlock, type SharedRun } from '../corpus/index.js';

/*
 * The library's corpus for spliced duplicates: every live block's winnowing fingerprints are kept
 * in the fingerprints table, refreshed when a block is analysed. Finding what a block shares asks
 * the table for its fingerprints' other holders and compares only with those blocks.
 */

export function refreshFingerprints(db: Db, blockId: number, text: string): void {
  db.prepare('DELETE FROM fingerprints WHERE block_id = ?').run(blockId);
  const insert = db.prepare('INSERT INTO fingerprints (hash, block_id, pos) VALUES (?, ?, ?)');
  const { hashes, positions, count } = fingerprintsOf(text);
  for (let f = 0; f < count; f++) insert.run(hashes[f]!, blockId, positions[f]!);
}

interface HolderRow {
  id: number;
  text: string;
  class: string;
  source_id: number;
}

interface Holder {
  /** A small number for the run finder, in the order holders were first met. */
  local: number;
  block: CorpusBlock;
  /** Where its normalised units stand in its text (null: no white space). */
  offsets: Offsets | null;
}

export function blockCorpusEntry(id: number, text: string, cls: string, sourceId: number): CorpusBlock {
  // Block ids grow in page order at import, so they order copies as the pages were printed.
  return { key: String(id), order: id, page: String(sourceId), text, cls };
}

/**
 * The runs the given blocks share with any other live block of the library: each fingerprint's
 * holders (and where in them it sits) come from the table, so only those blocks are read, and
 * each hit is grown into a run in place. A fingerprint with more than MAX_POSTINGS rows is a
 * stop-fingerprint, as in the in-memory index (corpus/index.ts).
 */
export function sharedRunsInLibrary(db: Db, blocks: readonly CorpusBlock[], minLength: number): Map<string, SharedRun[]> {
  // Rows come in the order they were written (the hash index keeps rowid order), and one more
  // than the cap tells a stop-fingerprint without counting all its holders.
  const holders = db.prepare(`SELECT block_id AS id, pos FROM fingerprints WHERE hash = ? LIMIT ${MAX_POSTINGS + 1}`);
  const load = db.prepare(`SELECT b.id, b.text, b.class, a.source_id FROM blocks b JOIN articles a ON a.id = b.article_id
                           WHERE b.id = ? AND b.retired = 0 AND a.retired = 0`);
  const cache = new Map<number, Holder | null>();
  const holder = (id: number): Holder | null => {
    if (!cache.has(id)) {
      const row = load.get(id) as HolderRow | undefined;
      const block = row ? blockCorpusEntry(row.id, row.text, row.class, row.source_id) : null;
      cache.set(id, block ? { local: cache.size, block, offsets: normalise(block.text).offsets } : null);
    }
    return cache.get(id)!;
  };
  const finder = new RunFinder();
  const normal = normalBuffer();
  const fingerprints = fingerprintBuffer();
  const result = new Map<string, SharedRun[]>();
  for (const block of blocks) {
    const self = normaliseInto(block.text, normal);
    finder.begin(self, minLength);
    const { hashes, positions, count } = winnowInto(self, fingerprints);
    for (let f = 0; f < count; f++) {
      const rows = holders.all(hashes[f]!) as { id: number; pos: number }[];
      if (rows.length > MAX_POSTINGS) continue;
      for (const row of rows) {
        if (String(row.id) === block.key) continue;
        const other = holder(row.id);
        if (other) finder.hit(other.local, other.block, other.block.text, other.offsets, positions[f]!, row.pos);
      }
    }
    result.set(block.key, finder.finish());
  }
  return result;
}
