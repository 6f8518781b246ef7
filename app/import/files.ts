import fs from 'node:fs';
import path from 'node:path';

export const PAGE_EXTENSIONS = ['.txt', '.md'] as const;

export function isPageFile(file: string): boolean {
  return (PAGE_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

export type Candidate = { file: string; problem?: string };

function walk(dir: string, out: Candidate[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && isPageFile(entry.name)) out.push({ file: full });
  }
}

/**
 * Expands the paths given to an import into the page files to read: folders recursively (only
 * .txt and .md files, hidden entries skipped), files as given. A path that cannot be a page comes
 * back with the problem that rules it out.
 */
export function collectPageFiles(paths: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      out.push({ file: p, problem: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) walk(p, out);
    else if (!isPageFile(p)) out.push({ file: p, problem: `not a page file (expected ${PAGE_EXTENSIONS.join(' or ')})` });
    else out.push({ file: p });
  }
  return out;
}
