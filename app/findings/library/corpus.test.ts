import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../store/database.js';
import { importPaths } from '../../import/importer.js';
import { fingerprintsOf } from '../corpus/fingerprint.js';
import { CorpusIndex, MAX_POSTINGS, type SharedRun } from '../corpus/index.js';
import { blockCorpusEntry, sharedRunsInLibrary } from './corpus.js';
import { makeTempDir, openTempLibrary } from '../../../test/helpers.js';
import { openLibrary } from '../../library.js';
import { SCHEMA_VERSION, schemaVersion } from '../../store/migrations.js';

const SOURCE = [
  '港城新区 焕发活力',
  '本报记者 周 明',
  '今年以来，港城新区新建口袋公园十二处，修缮背街小巷三十八条，市民休闲有了好去处。',
  '区里还将推进老旧小区改造，让群众住得更舒心。',
  '',
].join('\n\n');

const SPLICED = [
  '渔港码头 今日开港',
  '本报记者 李 华',
  '渔港码头今天正式开港，首批渔船满载而归，修缮背街小巷三十八条，码头工人忙着卸货。',
  '',
].join('\n\n');

function importPages(db: Db, pages: readonly string[]): void {
  const dir = makeTempDir();
  pages.forEach((text, i) => fs.writeFileSync(path.join(dir, `page-${i}.txt`), text));
  importPaths(db, [dir]);
}

interface LiveBlock {
  id: number;
  text: string;
  class: string;
  source_id: number;
}

function liveBlocks(db: Db) {
  const rows = db.prepare(`SELECT b.id, b.text, b.class, a.source_id FROM blocks b JOIN articles a ON a.id = b.article_id
                           WHERE b.retired = 0 AND a.retired = 0 ORDER BY b.id`).all() as LiveBlock[];
  return rows.map((r) => blockCorpusEntry(r.id, r.text, r.class, r.source_id));
}

const described = (runs: readonly SharedRun[]) =>
  runs.map((r) => `${r.other.key} ${r.start}-${r.end} ${r.otherStart}-${r.otherEnd} ${r.length}`).sort();

describe("the library's duplicate corpus", () => {
  it('stores each live block’s fingerprints as the in-memory index computes them', () => {
    const lib = openTempLibrary();
    importPages(lib.db, [SOURCE, SPLICED]);
    for (const block of liveBlocks(lib.db)) {
      const rows = lib.db.prepare('SELECT hash, pos FROM fingerprints WHERE block_id = ? ORDER BY rowid').all(Number(block.key)) as { hash: number; pos: number }[];
      const { hashes, positions } = fingerprintsOf(block.text);
      expect(rows).toEqual([...hashes].map((hash, i) => ({ hash, pos: positions[i]! })));
    }
  });

  it('computes the fingerprints of a library written before they folded the scripts again, and finds a run copied across scripts', () => {
    const file = path.join(makeTempDir(), 'lib.db');
    const traditional = ['港城新區 煥發活力', '本報記者 周 明', '今年以來，港城新區新建口袋公園十二處，修繕背街小巷三十八條，市民休閒有了好去處。', ''].join('\n\n');
    const lib = openLibrary({ file });
    importPages(lib.db, [traditional, SPLICED]);
    // What a library of schema 4 held: fingerprints of the text without the script folded.
    const stale = lib.db.prepare('SELECT block_id, hash FROM fingerprints').all() as { block_id: number; hash: number }[];
    lib.db.prepare('UPDATE fingerprints SET hash = hash + 1').run();
    lib.db.pragma('user_version = 4');
    lib.close();

    const reopened = openLibrary({ file });
    try {
      expect(schemaVersion(reopened.db)).toBe(SCHEMA_VERSION);
      const blocks = liveBlocks(reopened.db);
      for (const block of blocks) {
        const rows = reopened.db.prepare('SELECT hash, pos FROM fingerprints WHERE block_id = ? ORDER BY rowid').all(Number(block.key)) as { hash: number; pos: number }[];
        const { hashes, positions } = fingerprintsOf(block.text);
        expect(rows).toEqual([...hashes].map((hash, i) => ({ hash, pos: positions[i]! })));
      }
      expect(new Set((reopened.db.prepare('SELECT DISTINCT block_id FROM fingerprints').all() as { block_id: number }[]).map((r) => r.block_id)))
        .toEqual(new Set(stale.map((r) => r.block_id)));
      const spliced = blocks.find((b) => b.text.startsWith('渔港码头今天'))!;
      const runs = sharedRunsInLibrary(reopened.db, [spliced], 8).get(spliced.key) ?? [];
      expect(runs.map((r) => spliced.text.slice(r.start, r.end))).toEqual(['，修缮背街小巷三十八条，']);
    } finally {
      reopened.close();
    }
  });

  it('finds the same shared runs as the in-memory index over the same blocks', () => {
    const lib = openTempLibrary();
    importPages(lib.db, [SOURCE, SPLICED]);
    const blocks = liveBlocks(lib.db);
    const index = new CorpusIndex();
    for (const b of blocks) index.add(b);
    const inLibrary = sharedRunsInLibrary(lib.db, blocks, 8);
    let runs = 0;
    for (const b of blocks) {
      expect(described(inLibrary.get(b.key)!)).toEqual(described(index.sharedRuns(b.key, 8)));
      runs += inLibrary.get(b.key)!.length;
    }
    expect(runs).toBeGreaterThanOrEqual(2);
    const spliced = blocks.find((b) => b.text.startsWith('渔港码头今天'))!;
    expect(inLibrary.get(spliced.key)!.map((r) => spliced.text.slice(r.start, r.end))).toEqual(['，修缮背街小巷三十八条，']);
  });

  it(`drops a fingerprint held by more than ${MAX_POSTINGS} blocks, as the in-memory index does`, () => {
    const slogan = '坚持以人民为中心的发展思想';
    const page = (holders: number) =>
      // Each opening is its own (characters no other block has), so only the slogan is shared.
      Array.from({ length: holders }, (_, i) => `${String.fromCharCode(0x8000 + 2 * i, 0x8001 + 2 * i)}意见：${slogan}。`).join('\n\n') + '\n';
    for (const holders of [MAX_POSTINGS, MAX_POSTINGS + 1]) {
      const lib = openTempLibrary();
      importPages(lib.db, [page(holders)]);
      const blocks = liveBlocks(lib.db).filter((b) => b.text.includes(slogan));
      expect(blocks).toHaveLength(holders);
      const index = new CorpusIndex();
      for (const b of liveBlocks(lib.db)) index.add(b);
      const runs = sharedRunsInLibrary(lib.db, blocks, 8).get(blocks[0]!.key)!;
      expect(described(runs)).toEqual(described(index.sharedRuns(blocks[0]!.key, 8)));
      expect(runs.length > 0).toBe(holders <= MAX_POSTINGS);
    }
  });
});
