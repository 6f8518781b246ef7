import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { editionArticleIds, getEditionHeader, type EditionRef } from './edition-store.js';
import { assembleEdition, type SkippedArticle } from './assemble.js';
import { FORMATS, type ExportFormat } from './formats/index.js';
import { sanitizeFileName } from './file-names.js';
import { checkTargets, writeFileAtomic } from './atomic-write.js';
import type { ScriptChoice } from './options.js';

/*
 * Exporting an edition: gather it (assemble.ts) with its saved options, render it in one format,
 * write the file(s) atomically. Reading is all done before the first byte is written, and nothing
 * is written when the export is cancelled or a target exists (without force).
 */

export interface ExportRequest {
  edition: EditionRef;
  format: ExportFormat;
  /**
   * Where to write: a file, or a folder (existing, or ending in a separator) to write the edition
   * into under its name; with perArticle, the folder for the articles' files.
   */
  out: string;
  /** One file per article (txt, md), named by position and heading. */
  perArticle?: boolean;
  /** Overrides the edition's script for this export. */
  script?: ScriptChoice;
  /** Replace files that exist. */
  force?: boolean;
}

export interface ExportReport {
  edition: { id: number; name: string };
  format: ExportFormat;
  /** Absolute paths, in edition order. */
  files: string[];
  /** The folder the files are in (to open when done). */
  directory: string;
  /** Articles exported. */
  articles: number;
  skipped: SkippedArticle[];
  /** Changes from the OCR text listed (json, csv), else null. */
  changes: number | null;
  bytes: number;
  /** Stopped on request before anything was written. */
  cancelled: boolean;
}

export interface ExportHooks {
  onProgress?: (progress: { done: number; total: number; detail: string }) => void;
  shouldStop?: () => boolean;
}

function endsWithSeparator(p: string): boolean {
  return p.endsWith('/') || p.endsWith(path.sep);
}

/** The single file an edition is written to. */
function editionTarget(out: string, name: string, extension: string): string {
  const resolved = path.resolve(out);
  const isFolder = endsWithSeparator(out) || fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory() === true;
  return isFolder ? path.join(resolved, `${sanitizeFileName(name, 'edition')}.${extension}`) : resolved;
}

export function exportEdition(db: Db, request: ExportRequest, hooks: ExportHooks = {}): ExportReport {
  const renderer = FORMATS[request.format];
  const header = getEditionHeader(db, request.edition);
  if (request.perArticle && !renderer.article) {
    throw new LibraryError(`One file per article is offered for txt and md, not ${request.format}.`);
  }
  const force = request.force === true;
  const single = request.perArticle ? null : editionTarget(request.out, header.name, renderer.extension);
  // Refuse at once rather than after gathering a large edition.
  if (single) checkTargets([single], force);

  const options = { ...header.options, ...(request.script ? { script: request.script } : {}) };
  // Progress: one step per article, and one for writing.
  let total = 1;
  const report = (done: number, detail: string) => hooks.onProgress?.({ done, total, detail });
  const gather = () => {
    const ids = editionArticleIds(db, header.id);
    total = ids.length + 1;
    return assembleEdition(db, header, ids, options, renderer.needs, {
      shouldStop: hooks.shouldStop,
      onArticle: (done, _total, detail) => report(done, detail),
    });
  };
  // One read transaction: the edition is read from one state of the library, even while the
  // desk (another connection) goes on writing.
  const content = db.inTransaction ? gather() : db.transaction(gather).deferred();
  const base = {
    edition: { id: header.id, name: header.name },
    format: request.format,
    directory: single ? path.dirname(single) : path.resolve(request.out),
  };
  if (!content || hooks.shouldStop?.()) {
    return { ...base, files: [], articles: 0, skipped: [], changes: null, bytes: 0, cancelled: true };
  }
  if (content.articles.length === 0) {
    const why = content.skipped.length ? ` (${content.skipped.length} skipped: ${[...new Set(content.skipped.map((s) => s.reason))].join(', ')})` : '';
    throw new LibraryError(`Edition "${header.name}" has no articles to export${why}.`);
  }

  let outputs: { file: string; data: string | Uint8Array }[];
  if (single) {
    outputs = [{ file: single, data: renderer.edition(content) }];
  } else {
    const dir = path.resolve(request.out);
    const width = Math.max(3, String(content.articles.length).length);
    outputs = content.articles.map((a) => ({
      file: path.join(dir, `${String(a.number).padStart(width, '0')}-${sanitizeFileName(a.heading, `article-${a.id}`)}.${renderer.extension}`),
      data: renderer.article!(content, a),
    }));
  }
  checkTargets(outputs.map((o) => o.file), force);
  report(total - 1, `writing ${outputs.length === 1 ? path.basename(outputs[0]!.file) : `${outputs.length} files`}`);
  let bytes = 0;
  for (const o of outputs) {
    writeFileAtomic(o.file, o.data, force);
    bytes += typeof o.data === 'string' ? Buffer.byteLength(o.data, 'utf8') : o.data.length;
  }
  report(total, 'done');
  const changes = renderer.needs.provenance ? content.articles.reduce((n, a) => n + (a.changes?.length ?? 0), 0) : null;
  return {
    ...base,
    files: outputs.map((o) => o.file),
    articles: content.articles.length,
    skipped: content.skipped,
    changes,
    bytes,
    cancelled: false,
  };
}
