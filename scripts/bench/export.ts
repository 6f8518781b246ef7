import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../app/store/database.js';
import { importPaths } from '../../app/import/importer.js';
import { getArticle, listArticles, type ArticleListItem } from '../../app/store/articles.js';
import { seedsDir } from '../../app/paths.js';
import { createEdition } from '../../app/export/edition-store.js';
import { exportEdition } from '../../app/export/export.js';
import type { ExportFormat } from '../../app/export/formats/index.js';
import type { EditionOptionsPatch } from '../../app/export/options.js';
import { sampleParagraphs, writeSyntheticPages } from './synthetic.js';
import { formatRow, measurePeak } from './measure.js';

/*
 * Export time for an edition of `articles` articles in one format. The library is built by
 * importing synthetic pages (reshuffled sample paragraphs, about 24 articles a page; no defect
 * analysis, which is benchmarked elsewhere), and the edition takes its first `articles` articles
 * with text to print (a synthetic page can yield an "article" of nothing but a section banner).
 * Timed twice: as in the text, and converted to traditional script with punctuation normalised
 * (the text pipeline's heavier path).
 */

const PAGES_PER_BATCH = 20;

/** Has a block an edition prints (not only a column banner or an advert). */
function hasText(db: Parameters<typeof getArticle>[0], a: ArticleListItem): boolean {
  return getArticle(db, a.id)!.blocks.some((b) => b.cls !== 'section' && b.cls !== 'other' && b.text.trim() !== '');
}

const VARIANTS: [string, EditionOptionsPatch][] = [
  ['as-is', {}],
  ['traditional+punct', { script: 'traditional', normalizePunctuation: true }],
];

export async function benchExport(articles: number, format: ExportFormat): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinggao-bench-export-'));
  try {
    const db = openDatabase(path.join(dir, 'lib.db'));
    const paragraphs = sampleParagraphs(seedsDir());
    let printable: number[] = [];
    for (let batch = 0; printable.length < articles; batch++) {
      const pages = path.join(dir, `pages-${batch}`);
      writeSyntheticPages(pages, PAGES_PER_BATCH, paragraphs, 1000 + batch);
      importPaths(db, [pages], { analyze: false });
      printable = listArticles(db).filter((a) => hasText(db, a)).map((a) => a.id);
    }
    const ids = printable.slice(0, articles);
    const rows: string[] = [];
    for (const [name, options] of VARIANTS) {
      createEdition(db, { name, date: '2021-08-04', articleIds: ids, options });
      const out = path.join(dir, `out-${name}`);
      const { seconds, peakRssMiB, result } = await measurePeak(() => exportEdition(db, { edition: name, format, out: `${out}/` }));
      if (result.articles !== articles) throw new Error(`expected ${articles} articles exported, got ${result.articles}`);
      rows.push(formatRow(`export ${articles} ${format} ${name}`, {
        seconds: seconds.toFixed(2),
        'articles/s': (articles / seconds).toFixed(0),
        'output MB': (result.bytes / 1e6).toFixed(1),
        'peak RSS MiB': peakRssMiB.toFixed(0),
      }));
    }
    db.close();
    return rows.join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
