import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../app/api/contract.js';
import { importPaths } from '../../app/import/importer.js';
import { JobRunner } from '../../app/jobs/runner.js';
import { openLibrary, type Library } from '../../app/library.js';
import type { SourceSummary } from '../../app/store/sources.js';
import { API_CHANNEL, type ApiReply } from '../../main/bridge.js';
import { registerApiIpc, type IpcInvokeEvent, type IpcInvokeListener } from '../../main/ipc.js';
import { checkLibraryFile, openChosenLibrary } from '../../main/library-file.js';
import { LibrarySession, type LibrarySessionOptions } from '../../main/library-session.js';
import { makeTempDir, SEED_FILES, SEEDS_DIR } from '../helpers.js';

const sessions: LibrarySession[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

/** A library file in `dir` holding the given seed pages, closed again (as on disk between runs). */
function makeLibraryFile(dir: string, name: string, pages: string[]): string {
  const file = path.join(dir, name);
  const library = openLibrary({ file });
  if (pages.length > 0) importPaths(library.db, pages);
  library.close();
  return file;
}

function startSession(file: string, options: Partial<LibrarySessionOptions> = {}) {
  const session = new LibrarySession(openChosenLibrary(file), { open: (f) => openChosenLibrary(f), ...options });
  sessions.push(session);
  return session;
}

/** The API served over a fake ipcMain the way main.ts serves it: reading the session on each call. */
function serveOverIpc(session: LibrarySession) {
  let listener: IpcInvokeListener | undefined;
  registerApiIpc({
    handle: (channel, l) => {
      expect(channel).toBe(API_CHANNEL);
      listener = l;
    },
    library: () => session.library,
    jobs: () => session.jobs,
  });
  const event: IpcInvokeEvent = { sender: { send: () => {}, isDestroyed: () => false }, senderFrame: { url: 'file:///renderer/index.html' } };
  return async <T>(method: string, input: unknown): Promise<T> => {
    const reply: ApiReply = await listener!(event, method, input);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result as T;
  };
}

const sourceNames = (sources: SourceSummary[]) => sources.map((s) => s.name).sort();

describe('switching libraries', () => {
  it('re-points the API: a call after the switch reads the new library, and the old one is closed', async () => {
    const dir = makeTempDir();
    const first = makeLibraryFile(dir, 'first.db', [SEED_FILES[0]!]);
    const second = makeLibraryFile(dir, 'second.db', [SEED_FILES[1]!, SEED_FILES[2]!]);
    const session = startSession(first);
    const call = serveOverIpc(session);
    const old: Library = session.library;

    expect(sourceNames(await call('listSources', {}))).toEqual([path.basename(SEED_FILES[0]!)]);
    const result = await session.switchTo(second);
    expect(result).toEqual({ ok: true, file: second, changed: true });
    expect(sourceNames(await call('listSources', {}))).toEqual([SEED_FILES[1]!, SEED_FILES[2]!].map((f) => path.basename(f)).sort());
    expect(session.library.file).toBe(second);
    expect(old.db.open).toBe(false);

    // A write after the switch lands in the new library only.
    await call('importPaths', { paths: [SEED_FILES[3]!] });
    expect(sourceNames(await call('listSources', {}))).toHaveLength(3);
    const reopened = openLibrary({ file: first });
    expect((reopened.db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n).toBe(1);
    reopened.close();
  });

  it('keeps the current library open and served when the chosen file cannot be opened', async () => {
    const dir = makeTempDir();
    const first = makeLibraryFile(dir, 'first.db', [SEED_FILES[0]!]);
    const notALibrary = path.join(dir, 'notes.db');
    fs.writeFileSync(notALibrary, '这不是稿库，只是一段文字。\n'.repeat(20));
    const before = fs.readFileSync(notALibrary);
    let hooks = 0;
    const session = startSession(first, { beforeSwitch: () => void hooks++, afterSwitch: () => void hooks++ });
    const call = serveOverIpc(session);

    const result = await session.switchTo(notALibrary);
    expect(result).toMatchObject({ ok: false, file: notALibrary, message: expect.stringContaining('not a Qinggao library') });
    expect(hooks).toBe(0); // the window was never let go
    expect(session.library.file).toBe(first);
    expect(session.library.db.open).toBe(true);
    expect(sourceNames(await call('listSources', {}))).toEqual([path.basename(SEED_FILES[0]!)]);
    expect(fs.readFileSync(notALibrary)).toEqual(before);

    // A folder is refused the same way.
    expect(await session.switchTo(dir)).toMatchObject({ ok: false, message: expect.stringContaining('not a file') });
    expect(session.library.file).toBe(first);
  });

  it("refuses another program's SQLite database and leaves it untouched", async () => {
    const dir = makeTempDir();
    const first = makeLibraryFile(dir, 'first.db', []);
    const foreign = path.join(dir, 'places.db');
    const db = new Database(foreign);
    db.exec("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.com/')");
    db.close();
    const before = fs.readFileSync(foreign);

    const session = startSession(first);
    expect(checkLibraryFile(foreign)).toMatchObject({ ok: false, reason: expect.stringContaining('another program') });
    expect(await session.switchTo(foreign)).toMatchObject({ ok: false, message: expect.stringContaining('another program') });
    expect(fs.readFileSync(foreign)).toEqual(before);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('places'))).toEqual(['places.db']); // no -wal, no -journal
    expect(session.library.file).toBe(first);
  });

  it('opens an empty file or a new path as a new, empty library', async () => {
    const dir = makeTempDir();
    const session = startSession(makeLibraryFile(dir, 'first.db', [SEED_FILES[0]!]));
    const call = serveOverIpc(session);
    const empty = path.join(dir, 'empty.db');
    fs.writeFileSync(empty, '');
    expect(await session.switchTo(empty)).toMatchObject({ ok: true, changed: true });
    expect(await call('listSources', {})).toEqual([]);
    const fresh = path.join(dir, 'sub', 'fresh.db');
    expect(await session.switchTo(fresh)).toMatchObject({ ok: true, file: fresh });
    expect(fs.existsSync(fresh)).toBe(true);
    expect(await call('listSources', {})).toEqual([]);
  });

  it('lets the window go before the old library closes, and loads it again after', async () => {
    const dir = makeTempDir();
    const first = makeLibraryFile(dir, 'first.db', []);
    const second = makeLibraryFile(dir, 'second.db', []);
    const steps: string[] = [];
    let old: Library | undefined;
    const session = startSession(first, {
      beforeSwitch: async () => {
        // The page's last saves still reach the old library here.
        steps.push(`before: serving ${path.basename(session.library.file)}, old open ${old!.db.open}`);
      },
      afterSwitch: (library) => steps.push(`after: ${path.basename(library.file)}, old open ${old!.db.open}`),
    });
    old = session.library;
    await session.switchTo(second);
    expect(steps).toEqual(['before: serving first.db, old open true', 'after: second.db, old open false']);
  });

  it('does nothing for the library already open, and refuses a second switch while one runs', async () => {
    const dir = makeTempDir();
    const first = makeLibraryFile(dir, 'first.db', []);
    const second = makeLibraryFile(dir, 'second.db', []);
    const third = makeLibraryFile(dir, 'third.db', []);
    let release: () => void = () => {};
    let switches = 0;
    const session = startSession(first, {
      beforeSwitch: () => {
        switches++;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const current = session.library;
    expect(await session.switchTo(path.join(dir, '.', 'first.db'))).toEqual({ ok: true, file: first, changed: false });
    expect(session.library).toBe(current);
    expect(switches).toBe(0);

    const pending = session.switchTo(second);
    expect(session.switching).toBe(true);
    expect(await session.switchTo(third)).toMatchObject({ ok: false, message: expect.stringContaining('Another library') });
    release();
    expect(await pending).toMatchObject({ ok: true, file: second });
    expect(session.switching).toBe(false);
    expect(session.library.file).toBe(second);
  });

  it("stops the old library's jobs, and serves jobs of the new one with a new runner", async () => {
    const dir = makeTempDir();
    const first = makeLibraryFile(dir, 'first.db', []);
    const second = makeLibraryFile(dir, 'second.db', []);
    const session = startSession(first, { createJobs: (library) => new JobRunner({ file: library.file }) });
    const call = serveOverIpc(session);
    const oldRunner = session.jobs!;

    const { jobId } = await call<{ jobId: string }>('startJob', { method: 'importPaths', input: { paths: [SEEDS_DIR] } });
    expect(await session.switchTo(second)).toMatchObject({ ok: true });
    // The old job ended (done, or cancelled at its next file) before its library closed.
    expect(['done', 'cancelled']).toContain(oldRunner.status(jobId).state);
    expect(() => oldRunner.start('analyzeLibrary', {})).toThrow(/closing/);
    expect(session.jobs).not.toBe(oldRunner);
    // The new runner knows nothing of the old job, and runs jobs on the new library.
    await expect(call('jobStatus', { jobId })).rejects.toMatchObject({ code: 'refused' });
    const next = await call<{ jobId: string }>('startJob', { method: 'importPaths', input: { paths: [SEED_FILES[0]!] } });
    let status: JobStatus;
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await call<JobStatus>('jobStatus', next);
    } while (status.state === 'running');
    expect(status).toMatchObject({ state: 'done', result: { imported: 1 } });
    expect(sourceNames(await call('listSources', {}))).toEqual([path.basename(SEED_FILES[0]!)]);
  });

  it('closes the library and its jobs on close, and switches no more', async () => {
    const dir = makeTempDir();
    const session = new LibrarySession(openChosenLibrary(makeLibraryFile(dir, 'first.db', [])), {
      open: (f) => openChosenLibrary(f),
      createJobs: (library) => new JobRunner({ file: library.file }),
    });
    const library = session.library;
    await session.close();
    expect(library.db.open).toBe(false);
    expect(() => session.jobs!.start('analyzeLibrary', {})).toThrow(/closing/);
    expect(await session.switchTo(makeLibraryFile(dir, 'second.db', []))).toMatchObject({ ok: false, message: expect.stringContaining('closing') });
    await session.close(); // twice is fine
  });
});
