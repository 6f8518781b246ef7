import fs from 'node:fs';
import path from 'node:path';

/*
 * The libraries opened lately, for File → Recent: most recent first, each once, at most `max`,
 * kept as JSON in the user's data folder (recent-libraries.json). The list is a convenience, never
 * a reason to fail: an unreadable or corrupt file is an empty list, a failed write is reported
 * (onError) and forgotten, and a library whose file has gone is dropped when the list is read.
 */

export const RECENT_LIBRARIES_FILE_NAME = 'recent-libraries.json';
export const DEFAULT_MAX_RECENT = 10;

export interface RecentLibrariesOptions {
  /** The JSON file, e.g. path.join(app.getPath('userData'), RECENT_LIBRARIES_FILE_NAME). */
  file: string;
  max?: number;
  /** Whether a library file is still there; fs.existsSync unless a test says otherwise. */
  exists?: (file: string) => boolean;
  /** Told when the list cannot be written (the desktop app logs it). */
  onError?: (error: unknown) => void;
  /** Decides whether paths differing only in case are one file (Windows). */
  platform?: NodeJS.Platform;
}

interface RecentFile {
  libraries: string[];
}

export class RecentLibraries {
  readonly #file: string;
  readonly #max: number;
  readonly #exists: (file: string) => boolean;
  readonly #onError: (error: unknown) => void;
  readonly #platform: NodeJS.Platform;
  #entries: string[] | null = null;

  constructor(options: RecentLibrariesOptions) {
    this.#file = options.file;
    this.#max = Math.max(1, options.max ?? DEFAULT_MAX_RECENT);
    this.#exists = options.exists ?? ((file) => fs.existsSync(file));
    this.#onError = options.onError ?? (() => {});
    this.#platform = options.platform ?? process.platform;
  }

  /** The libraries that still exist, most recent first; the ones gone are dropped for good. */
  list(): string[] {
    const entries = this.#load();
    const present = entries.filter((file) => this.#exists(file));
    if (present.length !== entries.length) this.#save(present);
    return [...present];
  }

  /** Puts a library first (moving it up when it is already listed). */
  add(file: string): string[] {
    const absolute = path.resolve(file);
    const rest = this.#load().filter((entry) => !this.#same(entry, absolute));
    this.#save([absolute, ...rest].slice(0, this.#max));
    return this.list();
  }

  remove(file: string): string[] {
    const absolute = path.resolve(file);
    this.#save(this.#load().filter((entry) => !this.#same(entry, absolute)));
    return this.list();
  }

  clear(): void {
    this.#save([]);
  }

  #same(a: string, b: string): boolean {
    return this.#platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
  }

  #load(): string[] {
    if (this.#entries === null) this.#entries = this.#read();
    return this.#entries;
  }

  /** Whatever usable entries the file has, in order, without duplicates and within the cap. */
  #read(): string[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(this.#file, 'utf8'));
    } catch {
      return []; // missing, unreadable or not JSON
    }
    const raw = Array.isArray(parsed) ? parsed : (parsed as Partial<RecentFile> | null)?.libraries;
    if (!Array.isArray(raw)) return [];
    const entries: string[] = [];
    for (const entry of raw) {
      if (typeof entry !== 'string' || entry.length === 0 || entry.includes('\0') || !path.isAbsolute(entry)) continue;
      if (!entries.some((seen) => this.#same(seen, entry))) entries.push(entry);
    }
    return entries.slice(0, this.#max);
  }

  #save(entries: string[]): void {
    this.#entries = entries;
    const content: RecentFile = { libraries: entries };
    const temporary = `${this.#file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.#file), { recursive: true });
      fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
      fs.renameSync(temporary, this.#file);
    } catch (err) {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing more can be done; the next save writes it again.
      }
      this.#onError(err);
    }
  }
}
