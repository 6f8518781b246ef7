import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../app/store/database.js';
import { importPaths } from '../../app/import/importer.js';
import { seedsDir } from '../../app/paths.js';
import { sampleParagraphs, writeSyntheticPages } from './synthetic.js';
import { formatRow, measurePeak } from './measure.js';

/**
 * Import throughput and peak memory for a synthetic corpus of `pages` pages: decoding, hashing,
 * segmentation and storage, and with `analyze` also the defect analysis done on import.
 */
export async function benchImport(pages: number, analyze = false): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinggao-bench-import-'));
  try {
    const bytes = writeSyntheticPages(path.join(dir, 'pages'), pages, sampleParagraphs(seedsDir()));
    const db = openDatabase(path.join(dir, 'lib.db'));
    const { seconds, peakRssMiB, result } = await measurePeak(() => importPaths(db, [path.join(dir, 'pages')], { analyze }));
    db.close();
    if (result.imported !== pages) throw new Error(`expected ${pages} imported, got ${result.imported}`);
    return formatRow(`import ${pages} pages${analyze ? ' + findings' : ''}`, {
      'pages/s': (pages / seconds).toFixed(1),
      'MB/s': (bytes / 1e6 / seconds).toFixed(2),
      seconds: seconds.toFixed(2),
      'corpus MB': (bytes / 1e6).toFixed(1),
      'peak RSS MiB': peakRssMiB.toFixed(0),
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
