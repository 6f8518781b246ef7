import { describe, expect, it } from 'vitest';
import { importPaths } from '../import/importer.js';
import { listArticles } from '../store/articles.js';
import { openTempLibrary, SEEDS_DIR } from '../../test/helpers.js';
import { analyzeLibrary } from './analyze-library.js';

function findingRows(db: ReturnType<typeof openTempLibrary>['db']) {
  return db.prepare('SELECT article_id, kind, block_id, start_offset, end_offset, state FROM findings ORDER BY id').all();
}

describe('analyzeLibrary', () => {
  it('analyses every live article again, in batches of whole pages, reporting progress', () => {
    const lib = openTempLibrary();
    importPaths(lib.db, [SEEDS_DIR]);
    const articles = listArticles(lib.db, {});
    const before = findingRows(lib.db);

    const progress: { done: number; total: number; detail: string }[] = [];
    const report = analyzeLibrary(lib.db, { batchSize: 1, onProgress: (p) => progress.push(p) });
    expect(report).toEqual({ articles: articles.length, total: articles.length });
    // batchSize 1 still keeps each page whole: one batch per page, named by it.
    expect(progress.map((p) => p.detail)).toEqual([...new Set(articles.map((a) => a.sourceName)), '']);
    expect(progress.at(-1)).toMatchObject({ done: articles.length, total: articles.length });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    // Analysing unchanged articles again finds the same things.
    expect(findingRows(lib.db)).toEqual(before);
  });

  it('stops between batches when asked', () => {
    const lib = openTempLibrary();
    importPaths(lib.db, [SEEDS_DIR]);
    let batches = 0;
    const report = analyzeLibrary(lib.db, { batchSize: 1, shouldStop: () => ++batches > 2 });
    expect(report.articles).toBeGreaterThan(0);
    expect(report.cancelled?.notAttempted).toBe(report.total - report.articles);
    expect(report.cancelled!.notAttempted).toBeGreaterThan(0);
  });

  it('has nothing to do in an empty library', () => {
    const lib = openTempLibrary();
    expect(analyzeLibrary(lib.db)).toEqual({ articles: 0, total: 0 });
  });
});
