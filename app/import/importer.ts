import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { nowIso } from '../store/clock.js';
import { findSourceByHash, insertSource } from '../store/sources.js';
import { refreshArticleSummary } from '../store/articles.js';
import { segmentPage } from '../segment/index.js';
import { analyzeArticles, recordSourceScript } from '../findings/library/analysis.js';
import { indexArticles } from '../search/indexer.js';
import { decodePage } from './decode.js';
import { collectPageFiles } from './files.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface ImportOptions {
  /**
   * Look for defects as each page is stored (the default). A very large batch can leave that to a
   * library-wide analysis afterwards.
   */
  analyze?: boolean;
  allowReplacement?: boolean;
  maxBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Asked before each file; true ends the import there (the files done so far stay imported). */
  shouldStop?: () => boolean;
  /**
   * Where a file came from, as outcomes report it and as its source's name and path are stored:
   * for uploads, the name the editor's browser gave rather than the temporary copy. Default: the file.
   */
  origin?: (file: string) => string;
}

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

export type ImportOutcome =
  | { file: string; status: 'imported'; sourceId: number; encoding: string; articles: number; replacements: number }
  | { file: string; status: 'duplicate'; sourceId: number; existingName: string }
  | { file: string; status: 'rejected'; reason: string };

export interface ImportReport {
  outcomes: ImportOutcome[];
  imported: number;
  duplicates: number;
  rejected: number;
  /** Set when shouldStop ended the import early: how many files were never attempted. */
  cancelled?: { notAttempted: number };
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Stores one decoded page with its segmentation, all or nothing. */
function storePage(db: Db, file: string, bytes: Buffer, options: ImportOptions): ImportOutcome {
  const origin = options.origin?.(file);
  const decoded = decodePage(bytes, { allowReplacement: options.allowReplacement });
  if (!decoded.ok) return { file, status: 'rejected', reason: decoded.reason };
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const page = segmentPage(decoded.text);

  return writeTransaction(db, () => {
    // Checked inside the write lock, so two importers of the same bytes cannot both store them.
    const existing = findSourceByHash(db, sha256);
    if (existing) return { file, status: 'duplicate', sourceId: existing.id, existingName: existing.name };

    const importedAt = nowIso();
    const sourceId = insertSource(db, {
      name: path.basename(origin ?? file),
      path: origin ?? path.resolve(file),
      sha256,
      encoding: decoded.encoding,
      byteSize: bytes.length,
      replacementCount: decoded.replacements,
      importedAt,
      text: decoded.text,
    });
    const insertArticle = db.prepare(
      'INSERT INTO articles (source_id, ordinal, section, created_at) VALUES (?, ?, ?, ?)',
    );
    const insertBlock = db.prepare(
      `INSERT INTO blocks (article_id, ordinal, class, text, source_id, src_start, src_end, orig_class)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const articleIds = page.articles.map((article, i) => {
      const articleId = Number(insertArticle.run(sourceId, i, article.section, importedAt).lastInsertRowid);
      article.blocks.forEach((blockIndex, j) => {
        const b = page.blocks[blockIndex]!;
        insertBlock.run(articleId, j, b.cls, b.text, sourceId, b.start, b.end, b.cls);
      });
      refreshArticleSummary(db, articleId);
      return articleId;
    });
    recordSourceScript(db, sourceId, decoded.text);
    if (options.analyze !== false) analyzeArticles(db, articleIds);
    // Full-text search always, even when analysis is left for later: it is cheap, and a page
    // that cannot be found would look lost.
    indexArticles(db, articleIds);
    return {
      file,
      status: 'imported',
      sourceId,
      encoding: decoded.encoding,
      articles: page.articles.length,
      replacements: decoded.replacements,
    };
  });
}

function importOne(db: Db, file: string, options: ImportOptions): ImportOutcome {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) {
      return { file, status: 'rejected', reason: `file too large (${formatMiB(size)}; the limit is ${formatMiB(maxBytes)})` };
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { file, status: 'rejected', reason: `cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  return storePage(db, file, bytes, options);
}

/**
 * Imports page files and folders of them. Each file is its own transaction: a rejected or failed
 * file leaves nothing behind, and the other files still import.
 */
export function importPaths(db: Db, paths: readonly string[], options: ImportOptions = {}): ImportReport {
  const candidates = collectPageFiles(paths);
  const outcomes: ImportOutcome[] = [];
  const named = (file: string) => options.origin?.(file) ?? file;
  let stoppedAt: number | null = null;
  for (const [i, candidate] of candidates.entries()) {
    if (options.shouldStop?.()) {
      stoppedAt = i;
      break;
    }
    options.onProgress?.({ done: i, total: candidates.length, file: named(candidate.file) });
    if (candidate.problem) {
      outcomes.push({ file: named(candidate.file), status: 'rejected', reason: candidate.problem });
      continue;
    }
    try {
      const outcome = importOne(db, candidate.file, options);
      outcomes.push({ ...outcome, file: named(candidate.file) });
    } catch (err) {
      // The file's transaction rolled back; report it and go on with the others.
      outcomes.push({ file: named(candidate.file), status: 'rejected', reason: `could not be stored (${(err as Error).message})` });
    }
  }
  const done = stoppedAt ?? candidates.length;
  options.onProgress?.({ done, total: candidates.length, file: '' });
  return {
    outcomes,
    imported: outcomes.filter((o) => o.status === 'imported').length,
    duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
    rejected: outcomes.filter((o) => o.status === 'rejected').length,
    ...(stoppedAt === null ? {} : { cancelled: { notAttempted: candidates.length - stoppedAt } }),
  };
}
