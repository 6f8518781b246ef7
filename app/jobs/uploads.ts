import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../store/database.js';
import { importPaths, type ImportOptions, type ImportOutcome, type ImportReport } from '../import/importer.js';
import { isPageFile } from '../import/files.js';

/** A file as a browser gives it (file input, drag and drop): its name, with folders if dropped in one, and its bytes. */
export interface UploadedFile {
  name: string;
  base64: string;
}

type UploadPlan =
  | { kind: 'write'; name: string; base: string }
  | { kind: 'reject'; name: string; reason: string }
  | { kind: 'skip' };

/**
 * What to do with one uploaded name, by the rules a folder import follows: a file inside a dropped
 * folder is skipped when hidden or not a page (as a folder walk skips it); a file chosen by itself
 * goes to the importer, which rejects it with a reason when it is not a page.
 */
export function planUpload(rawName: string): UploadPlan {
  const name = rawName.replaceAll('\\', '/');
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  const base = segments.at(-1);
  if (!base || segments.includes('..') || name.includes('\0')) {
    return { kind: 'reject', name: rawName, reason: 'not a usable file name' };
  }
  const display = segments.join('/');
  if (segments.length > 1 && (segments.some((s) => s.startsWith('.')) || !isPageFile(base))) return { kind: 'skip' };
  return { kind: 'write', name: display, base };
}

/**
 * Imports files given as contents rather than paths: each is written to a private temporary folder
 * and imported from there with the same rules as any import. Outcomes, progress and the stored
 * sources carry the uploaded names, never the temporary copies.
 */
export function importUploads(db: Db, files: readonly UploadedFile[], options: ImportOptions = {}): ImportReport {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinggao-upload-'));
  try {
    const unusable: ImportOutcome[] = [];
    const origins = new Map<string, string>();
    files.forEach((file, i) => {
      const plan = planUpload(file.name);
      if (plan.kind === 'reject') unusable.push({ file: plan.name, status: 'rejected', reason: plan.reason });
      if (plan.kind !== 'write') return;
      // One folder per file: two uploads may share a name (a.txt from two dropped folders).
      const copy = path.join(dir, String(i), plan.base);
      fs.mkdirSync(path.dirname(copy));
      fs.writeFileSync(copy, Buffer.from(file.base64, 'base64'));
      origins.set(copy, plan.name);
    });
    const report = origins.size > 0
      ? importPaths(db, [...origins.keys()], { ...options, origin: (file) => origins.get(file) ?? file })
      : { outcomes: [], imported: 0, duplicates: 0, rejected: 0 };
    return { ...report, outcomes: [...unusable, ...report.outcomes], rejected: report.rejected + unusable.length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
