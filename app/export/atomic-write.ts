import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LibraryError } from '../store/errors.js';

/*
 * Export files are written whole or not at all: into a temporary file beside the target, flushed,
 * then moved into place in one step, so a reader (or a crash) never sees half an edition. Without
 * `overwrite`, an existing file is never replaced: the temporary file is hard-linked to the target
 * name, which fails if the name is taken even when another process took it a moment ago.
 */

export class OutputExistsError extends LibraryError {
  constructor(readonly files: readonly string[]) {
    super(
      files.length === 1
        ? `${files[0]} exists already; use --force (or force: true) to overwrite it.`
        : `${files.length} files exist already (e.g. ${files[0]}); use --force (or force: true) to overwrite them.`,
    );
    this.name = 'OutputExistsError';
  }
}

/** Refuses before anything is written when a target exists and may not be overwritten. */
export function checkTargets(files: readonly string[], overwrite: boolean): void {
  for (const file of files) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) throw new LibraryError(`${file} is a folder; give a file name to export to.`);
  }
  if (overwrite) return;
  const existing = files.filter((f) => fs.existsSync(f));
  if (existing.length > 0) throw new OutputExistsError(existing);
}

/** Errors meaning the file system cannot hard-link (FAT, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);

export function writeFileAtomic(file: string, data: string | Uint8Array, overwrite: boolean): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (overwrite) {
      fs.renameSync(temp, file);
      return;
    }
    try {
      fs.linkSync(temp, file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') throw new OutputExistsError([file]);
      if (!NO_LINKS.has(code)) throw err;
      // No hard links here: check, then rename (a race with another writer is possible only here).
      if (fs.existsSync(file)) throw new OutputExistsError([file]);
      fs.renameSync(temp, file);
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
