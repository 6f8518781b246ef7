import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiProgress, JobStatus } from '../api/contract.js';
import type { ImportReport } from '../import/importer.js';
import { listSources } from '../store/sources.js';
import { listArticles } from '../store/articles.js';
import { makeTempDir, openTempLibrary, SEED_FILES, SEEDS_DIR } from '../../test/helpers.js';
import { waitFor, writeDistinctPages } from '../../test/server/helpers.js';
import { JobRunner } from './runner.js';

const runners: JobRunner[] = [];

afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close();
});

function makeRunner(file: string, options: { maxRunning?: number; keepFinished?: number } = {}): JobRunner {
  const runner = new JobRunner({ file, ...options });
  runners.push(runner);
  return runner;
}

/** Polls a job until it ends, recording every status seen on the way. */
async function waitForEnd(runner: JobRunner, jobId: string): Promise<{ end: JobStatus; seen: JobStatus[] }> {
  const seen: JobStatus[] = [];
  const end = await waitFor(() => {
    const status = runner.status(jobId);
    seen.push(status);
    return status.state === 'running' ? undefined : status;
  }, 60_000, 5);
  return { end, seen };
}

describe('JobRunner: long methods in a worker thread', () => {
  it('imports in a worker with its own connection, reporting progress, and the result is the import report', async () => {
    const lib = openTempLibrary();
    const runner = makeRunner(lib.file);
    const pushed: ApiProgress[] = [];
    const { jobId } = runner.start('importPaths', { paths: [SEEDS_DIR] }, (p) => pushed.push(p));
    expect(runner.status(jobId)).toMatchObject({ jobId, method: 'importPaths', state: 'running' });

    const { end } = await waitForEnd(runner, jobId);
    expect(end).toMatchObject({ state: 'done', done: 5, total: 5, detail: '' });
    const report = end.result as ImportReport;
    expect(report).toMatchObject({ imported: 5, duplicates: 0, rejected: 0 });
    expect(report.cancelled).toBeUndefined();

    expect(pushed.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pushed.every((p) => p.method === 'importPaths' && p.total === 5)).toBe(true);
    expect(pushed[0]!.detail).toBe(SEED_FILES[0]);
    // The caller's own connection sees what the worker wrote.
    expect(listSources(lib.db)).toHaveLength(5);
  });

  it('stops a cancelled import between files: the files done stay imported, whole, and the result says how many', async () => {
    const lib = openTempLibrary();
    const dir = makeTempDir();
    const files = writeDistinctPages(path.join(dir, 'pages'), 60);
    const runner = makeRunner(lib.file);
    const { jobId } = runner.start('importPaths', { paths: [path.join(dir, 'pages')] });

    await waitFor(() => (runner.status(jobId).done >= 3 ? true : undefined), 60_000, 2);
    const asked = runner.cancel(jobId);
    expect(asked.state).toBe('running');
    const { end } = await waitForEnd(runner, jobId);

    expect(end.state).toBe('cancelled');
    const report = end.result as ImportReport;
    expect(report.imported).toBeGreaterThanOrEqual(3);
    expect(report.imported).toBeLessThan(files.length);
    expect(report.cancelled?.notAttempted).toBe(files.length - report.outcomes.length);
    expect(report.outcomes.map((o) => o.file)).toEqual(files.slice(0, report.outcomes.length));

    // Exactly the reported files are in the library, each with all of its articles.
    const sources = listSources(lib.db);
    expect(sources.map((s) => s.name)).toEqual(report.outcomes.map((o) => path.basename(o.file)));
    for (const outcome of report.outcomes) {
      if (outcome.status !== 'imported') throw new Error(`unexpected ${outcome.status}`);
      expect(listArticles(lib.db, { sourceId: outcome.sourceId })).toHaveLength(outcome.articles);
    }

    // Cancelling a finished job changes nothing.
    expect(runner.cancel(jobId)).toEqual(end);
  });

  it('a job cancelled before its worker began does nothing', async () => {
    const lib = openTempLibrary();
    const runner = makeRunner(lib.file);
    const { jobId } = runner.start('importPaths', { paths: [SEEDS_DIR] });
    runner.cancel(jobId);
    const { end } = await waitForEnd(runner, jobId);
    // Either the worker saw the request before starting, or between files: never all five.
    expect(end.state).toBe('cancelled');
    expect(listSources(lib.db).length).toBeLessThan(5);
  });

  it('reports a refusal inside the job as a failed job with the refusal', async () => {
    const lib = openTempLibrary();
    const runner = makeRunner(lib.file);
    const { jobId } = runner.start('acceptFindings', { articleId: 999_999 });
    const { end } = await waitForEnd(runner, jobId);
    expect(end).toMatchObject({ state: 'failed', error: { code: 'refused', message: expect.stringMatching(/No open findings/) } });
  });

  it('fails clearly when the worker cannot open the library', async () => {
    const dir = makeTempDir();
    const notALibrary = path.join(dir, 'notes.db');
    fs.writeFileSync(notALibrary, 'this is not a database, just some text that is long enough to have a header'.repeat(20));
    const runner = makeRunner(notALibrary);
    const { jobId } = runner.start('analyzeLibrary', {});
    const { end } = await waitForEnd(runner, jobId);
    expect(end.state).toBe('failed');
    expect(end.error?.message).toMatch(/not a Qinggao library|not a database/);
  });

  it('refuses unknown jobs and more jobs than it may run at once', async () => {
    const lib = openTempLibrary();
    const runner = makeRunner(lib.file, { maxRunning: 1 });
    expect(() => runner.status('nope')).toThrow(/No job nope/);
    expect(() => runner.cancel('nope')).toThrow(/No job nope/);
    const { jobId } = runner.start('analyzeLibrary', {});
    expect(() => runner.start('analyzeLibrary', {})).toThrow(/1 jobs are already running/);
    await waitForEnd(runner, jobId);
    const second = runner.start('analyzeLibrary', {});
    expect((await waitForEnd(runner, second.jobId)).end.state).toBe('done');
  });

  it('forgets the oldest finished jobs beyond its limit', async () => {
    const lib = openTempLibrary();
    const runner = makeRunner(lib.file, { keepFinished: 1 });
    const first = runner.start('analyzeLibrary', {});
    await waitForEnd(runner, first.jobId);
    const second = runner.start('analyzeLibrary', {});
    await waitForEnd(runner, second.jobId);
    expect(() => runner.status(first.jobId)).toThrow(/No job/);
    expect(runner.status(second.jobId).state).toBe('done');
  });

  it('close() stops running jobs, waits for their workers, and starts no more', async () => {
    const lib = openTempLibrary();
    const dir = makeTempDir();
    writeDistinctPages(dir, 60);
    const runner = makeRunner(lib.file);
    const { jobId } = runner.start('importPaths', { paths: [dir] });
    await waitFor(() => (runner.status(jobId).done >= 1 ? true : undefined), 60_000, 2);
    await runner.close();
    const end = runner.status(jobId);
    expect(end.state).toBe('cancelled');
    expect(listSources(lib.db).length).toBe((end.result as ImportReport).imported);
    expect(() => runner.start('analyzeLibrary', {})).toThrow(/closing/);
  });
});
