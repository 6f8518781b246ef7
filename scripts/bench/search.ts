import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, writeTransaction, type Db } from '../../app/store/database.js';
import { seedsDir } from '../../app/paths.js';
import { indexArticles } from '../../app/search/indexer.js';
import { searchArticles, type SearchSpec } from '../../app/search/search.js';
import { ensureTagPath } from '../../app/tags/vocabulary.js';
import { bulkTag } from '../../app/tags/assign.js';
import { undoArticle } from '../../app/revisions/undo.js';
import { seededRandom } from '../random.js';
import { sampleParagraphs } from './synthetic.js';
import { formatRow } from './measure.js';

/*
 * Search latency over a synthetic library of `articles` articles, made by reshuffling the sample
 * paragraphs: a headline and 3–12 paragraphs each, ten articles to a page. Rows are inserted
 * directly (the importer's segmentation and analysis are benchmarked elsewhere), then indexed by
 * the same indexArticles the importer and every revision call, in batches, timed.
 *
 * Queries are drawn at random positions of the sample text (all Han characters), so common
 * characters come up as often as they occur: a reshuffled corpus repeats its paragraphs, and a
 * two-character query typically matches a large share of all articles, harder than real pages.
 * Each query is timed end to end: count, bm25 ranking, loading the 20 hits and marking snippets.
 */

const ARTICLES_PER_PAGE = 10;
const QUERIES_PER_LENGTH = 40;
const INDEX_BATCH = 1000;

function insertSyntheticLibrary(db: Db, articles: number, paragraphs: readonly string[]): { ids: number[]; chars: number } {
  const random = seededRandom(7);
  const pick = () => paragraphs[Math.floor(random() * paragraphs.length)]!;
  const ids: number[] = [];
  let chars = 0;
  writeTransaction(db, () => {
    const now = new Date().toISOString();
    const insertSource = db.prepare(`INSERT INTO sources (name, path, sha256, encoding, byte_size, imported_at, text)
                                     VALUES (?, ?, ?, 'utf-8', ?, ?, ?)`);
    const insertArticle = db.prepare(`INSERT INTO articles (source_id, ordinal, headline, reporters, created_at)
                                      VALUES (?, ?, ?, '[]', ?)`);
    const insertBlock = db.prepare(`INSERT INTO blocks (article_id, ordinal, class, text, source_id, src_start, src_end, orig_class)
                                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (let page = 0; page * ARTICLES_PER_PAGE < articles; page++) {
      const count = Math.min(ARTICLES_PER_PAGE, articles - page * ARTICLES_PER_PAGE);
      const pageArticles = Array.from({ length: count }, () => {
        const headline = pick().slice(0, 8 + Math.floor(random() * 12));
        const body = Array.from({ length: 3 + Math.floor(random() * 10) }, pick);
        return [headline, ...body];
      });
      const text = pageArticles.map((blocks) => blocks.join('\n\n')).join('\n\n');
      const name = `page-${page}.txt`;
      const sourceId = Number(insertSource.run(name, `/synthetic/${name}`, `synthetic-${page}`, Buffer.byteLength(text), now, text).lastInsertRowid);
      let offset = 0;
      pageArticles.forEach((blocks, i) => {
        const articleId = Number(insertArticle.run(sourceId, i, blocks[0], now).lastInsertRowid);
        ids.push(articleId);
        blocks.forEach((block, j) => {
          const cls = j === 0 ? 'headline' : 'body';
          insertBlock.run(articleId, j, cls, block, sourceId, offset, offset + block.length, cls);
          offset += block.length + 2;
          chars += block.length;
        });
      });
    }
  });
  return { ids, chars };
}

/** Queries of `length` Han characters taken at random places of the sample text. */
function sampleQueries(paragraphs: readonly string[], length: number, count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  while (out.length < count) {
    const p = paragraphs[Math.floor(random() * paragraphs.length)]!;
    const at = Math.floor(random() * Math.max(1, p.length - length));
    const q = p.slice(at, at + length);
    if ([...q].length === length && /^\p{Script=Han}+$/u.test(q)) out.push(q);
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function timeQueries(db: Db, specs: readonly SearchSpec[]): { median: number; p95: number; hits: number; capped: number } {
  const times: number[] = [];
  const totals: number[] = [];
  let capped = 0;
  for (const spec of specs) {
    const start = performance.now();
    const result = searchArticles(db, spec, { limit: 20 });
    times.push(performance.now() - start);
    totals.push(result.total);
    if (result.ranking === 'bm25_newest') capped++;
  }
  times.sort((a, b) => a - b);
  totals.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), hits: percentile(totals, 50), capped };
}

export async function benchSearch(articles: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinggao-bench-search-'));
  try {
    const file = path.join(dir, 'lib.db');
    const db = openDatabase(file);
    const paragraphs = sampleParagraphs(seedsDir());
    const { ids, chars } = insertSyntheticLibrary(db, articles, paragraphs);

    const buildStart = performance.now();
    for (let i = 0; i < ids.length; i += INDEX_BATCH) {
      const batch = ids.slice(i, i + INDEX_BATCH);
      writeTransaction(db, () => indexArticles(db, batch));
    }
    const buildSeconds = (performance.now() - buildStart) / 1000;
    db.prepare("INSERT INTO settings (key, value) VALUES ('search_index_format', '1') ON CONFLICT(key) DO NOTHING").run();
    db.pragma('wal_checkpoint(TRUNCATE)');

    const rows = [
      formatRow(`search index build ${articles} articles`, {
        seconds: buildSeconds.toFixed(1),
        'articles/s': (articles / buildSeconds).toFixed(0),
        'M chars': (chars / 1e6).toFixed(1),
        'library MB': (fs.statSync(file).size / 1e6).toFixed(0),
      }),
    ];
    // Warm up: the folding tables and SQLite's page cache, as in a running desk.
    timeQueries(db, sampleQueries(paragraphs, 2, 5, 99).map((query) => ({ query })));
    for (const length of [1, 2, 4]) {
      const t = timeQueries(db, sampleQueries(paragraphs, length, QUERIES_PER_LENGTH, length).map((query) => ({ query })));
      rows.push(formatRow(`search ${length}-char query, ${articles} articles`, {
        'median ms': t.median.toFixed(1),
        'p95 ms': t.p95.toFixed(1),
        'median hits': String(t.hits),
        'rank-capped': `${t.capped}/${QUERIES_PER_LENGTH}`,
      }));
    }
    // A filtered search: a tag on one article in ten.
    const tagId = ensureTagPath(db, ['Bench', 'tagged']);
    writeTransaction(db, () => {
      db.prepare(`INSERT INTO article_tags (article_id, tag_id, created_at, author)
                  SELECT id, ?, '', 'bench' FROM articles WHERE id % 10 = 0`).run(tagId);
    });
    const filtered = timeQueries(db, sampleQueries(paragraphs, 2, QUERIES_PER_LENGTH, 5).map((query) => ({
      query, filters: { tags: ['Bench/tagged'] },
    })));
    rows.push(formatRow(`search 2-char + tag filter, ${articles} articles`, {
      'median ms': filtered.median.toFixed(1),
      'p95 ms': filtered.p95.toFixed(1),
      'median hits': String(filtered.hits),
    }));
    // Bulk tagging those articles with another tag: one revision, and one undo taking it back.
    let start = performance.now();
    const bulk = bulkTag(db, { filters: { tags: ['Bench/tagged'] } }, 'Bench/bulk');
    const tagSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    undoArticle(db, bulk.revision.articles[0]!);
    const undoSeconds = (performance.now() - start) / 1000;
    rows.push(formatRow(`bulk tag ${bulk.changed} articles, undo`, { 'tag s': tagSeconds.toFixed(2), 'undo s': undoSeconds.toFixed(2) }));
    db.close();
    return rows.join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
