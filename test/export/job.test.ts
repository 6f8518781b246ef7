import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiProgress, JobStatus } from '../../app/api/contract.js';
import { dispatch } from '../../app/api/handlers.js';
import { JobRunner } from '../../app/jobs/runner.js';
import { listArticles } from '../../app/store/articles.js';
import { createEdition } from '../../app/export/edition-store.js';
import type { ExportReport } from '../../app/export/export.js';
import { makeTempDir } from '../helpers.js';
import { waitFor } from '../server/helpers.js';
import { openSeededLibrary } from './helpers.js';

const runners: JobRunner[] = [];

afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close();
});

describe('exportEdition as a job', () => {
  it('runs in a worker thread with progress, for the export dialog, and reports where the files are', async () => {
    const lib = openSeededLibrary();
    createEdition(lib.db, { name: 'Job', date: '2021-08-04', articleIds: listArticles(lib.db).map((a) => a.id) });
    const runner = new JobRunner({ file: lib.file });
    runners.push(runner);
    const out = makeTempDir();
    const pushed: ApiProgress[] = [];
    const { jobId } = dispatch('startJob', { method: 'exportEdition', input: { edition: 'Job', format: 'epub', out } }, {
      library: lib, jobs: runner, onProgress: (p) => pushed.push(p),
    }) as { jobId: string };
    const end = await waitFor(() => {
      const s = runner.status(jobId);
      return s.state === 'running' ? undefined : s;
    }, 60_000) as JobStatus;
    expect(end).toMatchObject({ state: 'done', method: 'exportEdition' });
    const report = end.result as ExportReport;
    expect(report).toMatchObject({ directory: out, files: [path.join(out, 'Job.epub')], cancelled: false });
    expect(fs.existsSync(report.files[0]!)).toBe(true);
    expect(pushed.length).toBeGreaterThan(10);
    expect(pushed.every((p) => p.method === 'exportEdition' && p.total === pushed[0]!.total)).toBe(true);
  });

  it('is refused at once when its input is invalid', () => {
    const lib = openSeededLibrary();
    expect(() => dispatch('startJob', { method: 'exportEdition', input: { edition: 'x', format: 'pdf', out: '/tmp' } }, { library: lib }))
      .toThrow(/Invalid input for exportEdition/);
  });
});
