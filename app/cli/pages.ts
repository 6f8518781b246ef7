import fs from 'node:fs';
import path from 'node:path';
import { collectPageFiles } from '../import/files.js';
import { decodePage } from '../import/decode.js';
import { DEFAULT_MAX_BYTES } from '../import/importer.js';
import type { PageText } from '../findings/types.js';

export interface LoadedPage extends PageText {
  /** Where the page goes under an output folder: relative to the folder it was found in. */
  relative: string;
}

export interface LoadResult {
  pages: LoadedPage[];
  rejected: { file: string; reason: string }[];
}

/** Reads and decodes the pages named on the command line (files or folders), as import would. */
export function loadPages(paths: readonly string[]): LoadResult {
  const pages: LoadedPage[] = [];
  const rejected: LoadResult['rejected'] = [];
  for (const given of paths) {
    const isDir = fs.existsSync(given) && fs.statSync(given).isDirectory();
    for (const candidate of collectPageFiles([given])) {
      if (candidate.problem) {
        rejected.push({ file: candidate.file, reason: candidate.problem });
        continue;
      }
      const size = fs.statSync(candidate.file).size;
      if (size > DEFAULT_MAX_BYTES) {
        rejected.push({ file: candidate.file, reason: `file too large (${size} bytes)` });
        continue;
      }
      const decoded = decodePage(fs.readFileSync(candidate.file));
      if (!decoded.ok) {
        rejected.push({ file: candidate.file, reason: decoded.reason });
        continue;
      }
      const relative = isDir ? path.relative(given, candidate.file) : path.basename(candidate.file);
      pages.push({ file: candidate.file, text: decoded.text, relative });
    }
  }
  return { pages, rejected };
}
