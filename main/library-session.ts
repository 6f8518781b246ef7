import fs from 'node:fs';
import path from 'node:path';
import type { Library } from '../app/library.js';
import type { JobRunner } from '../app/jobs/runner.js';

/*
 * The library the desktop app serves, and switching it (File → Open library…, New library…,
 * Recent). Whoever serves the API reads `library` and `jobs` on every call, so nothing keeps a
 * closed library. A switch opens the new library first, so a file that cannot be opened changes
 * nothing; then the window lets go of the old one (beforeSwitch), the old library's jobs stop at
 * their next safe point, and only then is the old library closed.
 */

export interface LibrarySessionOptions {
  /** Opens a library file the editor chose; throws, with a message the editor can read, when it cannot. */
  open: (file: string) => Library;
  /** The job runner for a library just opened (the desktop app passes its nativeBinding). */
  createJobs?: (library: Library) => JobRunner;
  /**
   * Runs once the new library is open and before the old one closes: the desktop app unloads its
   * window here, so the page's last saves reach the library they were meant for.
   */
  beforeSwitch?: () => Promise<void> | void;
  /** Runs once the new library is served: the desktop app loads its window again. */
  afterSwitch?: (library: Library) => void;
  /** Decides whether paths differing only in case are one file (Windows). */
  platform?: NodeJS.Platform;
}

export type SwitchResult =
  | { ok: true; file: string; changed: boolean }
  | { ok: false; file: string; message: string };

interface Current {
  library: Library;
  jobs: JobRunner | undefined;
}

export class LibrarySession {
  readonly #options: LibrarySessionOptions;
  #current: Current;
  #switching: Promise<SwitchResult> | null = null;
  #closing: Promise<void> | null = null;

  constructor(initial: Library, options: LibrarySessionOptions) {
    this.#options = options;
    this.#current = { library: initial, jobs: options.createJobs?.(initial) };
  }

  get library(): Library {
    return this.#current.library;
  }

  get jobs(): JobRunner | undefined {
    return this.#current.jobs;
  }

  /** True while a switch is under way (a second one is refused meanwhile). */
  get switching(): boolean {
    return this.#switching !== null;
  }

  /** Serves `file` from now on; on failure the current library stays open and served. */
  async switchTo(file: string): Promise<SwitchResult> {
    const absolute = path.resolve(file);
    if (this.#closing) return { ok: false, file: absolute, message: 'The application is closing.' };
    if (this.#switching) return { ok: false, file: absolute, message: 'Another library is being opened; try again in a moment.' };
    if (this.#isCurrent(absolute)) return { ok: true, file: absolute, changed: false };
    this.#switching = this.#switch(absolute);
    try {
      return await this.#switching;
    } finally {
      this.#switching = null;
    }
  }

  /** Stops the jobs and closes the library (waiting for a switch under way first). */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#switching?.catch(() => undefined);
      const { library, jobs } = this.#current;
      try {
        await jobs?.close();
      } finally {
        library.close();
      }
    })();
    return this.#closing;
  }

  async #switch(file: string): Promise<SwitchResult> {
    let next: Current;
    try {
      const library = this.#options.open(file);
      try {
        next = { library, jobs: this.#options.createJobs?.(library) };
      } catch (err) {
        library.close();
        throw err;
      }
    } catch (err) {
      return { ok: false, file, message: err instanceof Error ? err.message : String(err) };
    }

    const previous = this.#current;
    try {
      await this.#options.beforeSwitch?.();
    } catch {
      // The window is loaded again after the switch, whatever became of it meanwhile.
    }
    try {
      await previous.jobs?.close();
    } catch {
      // close() waits for the workers or terminates them; the old library closes either way.
    }
    this.#current = next;
    previous.library.close();
    this.#options.afterSwitch?.(next.library);
    return { ok: true, file: next.library.file, changed: true };
  }

  #isCurrent(file: string): boolean {
    const key = (p: string): string => {
      let resolved = path.resolve(p);
      try {
        resolved = fs.realpathSync(resolved);
      } catch {
        // Not there (yet): compare as written.
      }
      return (this.#options.platform ?? process.platform) === 'win32' ? resolved.toLowerCase() : resolved;
    };
    return key(file) === key(this.#current.library.file);
  }
}
