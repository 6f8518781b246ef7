import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { analyzeArticles } from '../findings/library/analysis.js';

export interface AnalyzeReport {
  /** Live articles analysed. */
  articles: number;
  /** Live articles in the library when the analysis began. */
  total: number;
  /** Set when shouldStop ended the analysis early: how many articles were not analysed. */
  cancelled?: { notAttempted: number };
}

export interface AnalyzeLibraryOptions {
  /** Roughly how many articles one transaction analyses; whole pages are never split. */
  batchSize?: number;
  onProgress?: (progress: { done: number; total: number; detail: string }) => void;
  /** Asked before each batch; true ends the analysis there (finished batches stay stored). */
  shouldStop?: () => boolean;
}

const DEFAULT_BATCH_SIZE = 40;

/**
 * Runs the findings analysis again over every live article, page by page, in short write
 * transactions so that an editor's own changes (another connection) are never kept waiting long.
 */
export function analyzeLibrary(db: Db, options: AnalyzeLibraryOptions = {}): AnalyzeReport {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const rows = db
    .prepare(`SELECT a.id, a.source_id AS sourceId, s.name FROM articles a JOIN sources s ON s.id = a.source_id
              WHERE a.retired = 0 ORDER BY a.source_id, a.ordinal`)
    .all() as { id: number; sourceId: number; name: string }[];
  const total = rows.length;

  // Whole pages per batch: a page's articles are context for each other's structural findings.
  const batches: { ids: number[]; names: string[] }[] = [];
  let current: { ids: number[]; names: string[] } | null = null;
  let lastSource: number | null = null;
  for (const row of rows) {
    if (row.sourceId !== lastSource) {
      if (!current || current.ids.length >= batchSize) {
        current = { ids: [], names: [] };
        batches.push(current);
      }
      current.names.push(row.name);
      lastSource = row.sourceId;
    }
    current!.ids.push(row.id);
  }

  let done = 0;
  for (const batch of batches) {
    if (options.shouldStop?.()) {
      options.onProgress?.({ done, total, detail: '' });
      return { articles: done, total, cancelled: { notAttempted: total - done } };
    }
    options.onProgress?.({ done, total, detail: batch.names.join(', ') });
    writeTransaction(db, () => analyzeArticles(db, batch.ids));
    done += batch.ids.length;
  }
  options.onProgress?.({ done, total, detail: '' });
  return { articles: done, total };
}
