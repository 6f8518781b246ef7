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
import { decodePage } from './decode.js';
import { collectPageFiles } from './files.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface ImportOptions {
  allowReplacement?: boolean;
  maxBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
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
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Stores one decoded page with its segmentation, all or nothing. */
function storePage(db: Db, file: string, bytes: Buffer, options: ImportOptions): ImportOutcome {
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
      name: path.basename(file),
      path: path.resolve(file),
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
    analyzeArticles(db, articleIds);
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
  candidates.forEach((candidate, i) => {
    options.onProgress?.({ done: i, total: candidates.length, file: candidate.file });
    if (candidate.problem) {
      outcomes.push({ file: candidate.file, status: 'rejected', reason: candidate.problem });
      return;
    }
    try {
      outcomes.push(importOne(db, candidate.file, options));
    } catch (err) {
      // The file's transaction rolled back; report it and go on with the others.
      outcomes.push({ file: candidate.file, status: 'rejected', reason: `could not be stored (${(err as Error).message})` });
    }
  });
  options.onProgress?.({ done: candidates.length, total: candidates.length, file: '' });
  return {
    outcomes,
    imported: outcomes.filter((o) => o.status === 'imported').length,
    duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
    rejected: outcomes.filter((o) => o.status === 'rejected').length,
  };
}
