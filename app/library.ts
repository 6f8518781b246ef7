import fs from 'node:fs';
import { openDatabase, type Db } from './store/database.js';
import { importPaths, type ImportReport } from './import/importer.js';
import { defaultLibraryPath, seedsDir } from './paths.js';

export interface Library {
  readonly file: string;
  readonly db: Db;
  /** Set when this open created the default library and filled it with the sample pages. */
  readonly seeded: ImportReport | null;
  close(): void;
}

export interface OpenLibraryOptions {
  /** A library file chosen by the editor; such a library starts empty. */
  file?: string;
  /** Where the default library lives (Electron's userData in the desktop app). */
  dataDir?: string;
  /** Sample pages for a new default library; defaults to the package's seeds/. */
  seeds?: string;
  /** See OpenOptions.nativeBinding. */
  nativeBinding?: string;
}

export function openLibrary(options: OpenLibraryOptions = {}): Library {
  const isDefault = options.file === undefined;
  const file = options.file ?? defaultLibraryPath(options.dataDir);
  const isNew = !fs.existsSync(file);
  const db = openDatabase(file, { nativeBinding: options.nativeBinding });
  let seeded: ImportReport | null = null;
  if (isDefault && isNew) {
    const seeds = options.seeds ?? seedsDir();
    if (fs.existsSync(seeds)) seeded = importPaths(db, [seeds]);
  }
  return { file, db, seeded, close: () => db.close() };
}
