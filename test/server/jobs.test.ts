import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient, JobStatus } from '../../app/api/contract.js';
import type { ImportReport } from '../../app/import/importer.js';
import type { AnalyzeReport } from '../../app/jobs/analyze-library.js';
import { startServer, type QinggaoServer } from '../../app/server/server.js';
import { createApiClient } from '../../renderer/src/api/client.js';
import { createHttpTransport } from '../../renderer/src/api/http.js';
import { makeTempDir, openTempLibrary, SEED_FILES, SEEDS_DIR } from '../helpers.js';
import { waitFor, writeDistinctPages } from './helpers.js';

const servers: QinggaoServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A served library and the renderer's client for it, over real HTTP. */
async function serveTempLibrary(): Promise<{ api: ApiClient; server: QinggaoServer; library: ReturnType<typeof openTempLibrary> }> {
  const library = openTempLibrary();
  const server = await startServer({ library, rendererDir: null });
  servers.push(server);
  const api = createApiClient(createHttpTransport({ baseUrl: server.origin, getToken: () => server.token }));
  return { api, server, library };
}

/** Polls jobStatus as the renderer does, keeping every status seen, until the job ends. */
async function pollToEnd(api: ApiClient, jobId: string, seen: JobStatus[] = []): Promise<JobStatus> {
  return waitFor(async () => {
    const status = await api.jobStatus({ jobId });
    seen.push(status);
    return status.state === 'running' ? undefined : status;
  }, 60_000, 10);
}

const toUpload = (file: string, name = path.basename(file)) => ({ name, base64: fs.readFileSync(file).toString('base64') });

describe('jobs over HTTP: long work off the serving thread, polled, cancellable', () => {
  it('imports the five sample pages as a job, with progress to poll, and the server answers meanwhile', async () => {
    const { api } = await serveTempLibrary();
    const { jobId } = await api.startJob({ method: 'importPaths', input: { paths: [SEEDS_DIR] } });
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    // The serving thread is free while the worker imports.
    await expect(api.listSources({})).resolves.toBeInstanceOf(Array);

    const seen: JobStatus[] = [];
    const end = await pollToEnd(api, jobId, seen);
    expect(end).toMatchObject({ jobId, method: 'importPaths', state: 'done', done: 5, total: 5 });
    expect((end.result as ImportReport)).toMatchObject({ imported: 5, duplicates: 0, rejected: 0 });
    const dones = seen.map((s) => s.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(seen.filter((s) => s.state === 'running').every((s) => s.total === 0 || s.total === 5)).toBe(true);
    expect((await api.listSources({})).map((s) => s.name)).toEqual(SEED_FILES.map((f) => path.basename(f)));
    expect((await api.listArticles({})).length).toBeGreaterThan(15);
  });

  it('cancels an import between files: what finished stays, whole, and the status says how many', async () => {
    const { api, library } = await serveTempLibrary();
    const dir = path.join(makeTempDir(), 'pages');
    const files = writeDistinctPages(dir, 60);
    const { jobId } = await api.startJob({ method: 'importPaths', input: { paths: [dir] } });
    await waitFor(async () => ((await api.jobStatus({ jobId })).done >= 2 ? true : undefined), 60_000, 5);
    const asked = await api.cancelJob({ jobId });
    expect(asked.jobId).toBe(jobId);

    const end = await pollToEnd(api, jobId);
    expect(end.state).toBe('cancelled');
    const report = end.result as ImportReport;
    expect(report.imported).toBeGreaterThanOrEqual(2);
    expect(report.imported).toBeLessThan(files.length);
    expect(report.cancelled).toEqual({ notAttempted: files.length - report.imported });

    const sources = await api.listSources({});
    expect(sources.map((s) => s.name)).toEqual(files.slice(0, report.imported).map((f) => path.basename(f)));
    for (const outcome of report.outcomes) {
      if (outcome.status !== 'imported') throw new Error(`unexpected ${outcome.status}`);
      expect(sources.find((s) => s.id === outcome.sourceId)?.articles).toBe(outcome.articles);
    }
    // No half-written file: every article of the library belongs to a reported source.
    const orphans = library.db.prepare('SELECT count(*) AS n FROM articles WHERE source_id NOT IN (SELECT id FROM sources)').get() as { n: number };
    expect(orphans.n).toBe(0);
  });

  it('refuses a job whose input is wrong before it starts, with the method\'s own message', async () => {
    const { api, server } = await serveTempLibrary();
    await expect(api.startJob({ method: 'importPaths', input: { paths: [] } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^Invalid input for importPaths: .*paths/s),
    });
    await expect(api.startJob({ method: 'listSources' as 'importPaths', input: {} })).rejects.toMatchObject({ code: 'invalid_input' });
    const response = await fetch(`${server.origin}/api/jobStatus`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ jobId: 'no-such-job' }),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/No job no-such-job/) } });
  });

  it('imports uploaded files under their own names, and rejects a bad one clearly without stopping the rest', async () => {
    const { api } = await serveTempLibrary();
    const binary = { name: 'scan.txt', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).toString('base64') };
    const report = await api.importUploads({
      files: [toUpload(SEED_FILES[0]!, '第一版.txt'), binary, { name: 'cover.png', base64: binary.base64 }],
    });
    expect(report).toMatchObject({ imported: 1, rejected: 2 });
    const lines = report.outcomes.map((o) => (o.status === 'rejected' ? `${o.file}: ${o.reason}` : `${o.file}: ${o.status}`));
    expect(lines).toEqual(['第一版.txt: imported', expect.stringMatching(/^scan\.txt: binary content/), expect.stringMatching(/^cover\.png: not a page file/)]);
    expect((await api.listSources({})).map((s) => s.name)).toEqual(['第一版.txt']);

    await expect(api.importUploads({ files: [{ name: 'x.txt', base64: 'not base64!' }] })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/base64/),
    });
  });

  it('runs uploads and a whole-library analysis as jobs too', async () => {
    const { api } = await serveTempLibrary();
    const upload = await api.startJob({
      method: 'importUploads',
      input: { files: SEED_FILES.map((f) => toUpload(f, `dropped/${path.basename(f)}`)) },
    });
    const imported = await pollToEnd(api, upload.jobId);
    expect(imported).toMatchObject({ state: 'done', result: { imported: 5 } });
    expect((imported.result as ImportReport).outcomes.map((o) => o.file)).toEqual(SEED_FILES.map((f) => `dropped/${path.basename(f)}`));

    const articles = await api.listArticles({});
    const analysis = await api.startJob({ method: 'analyzeLibrary', input: {} });
    const analysed = await pollToEnd(api, analysis.jobId);
    expect(analysed).toMatchObject({ state: 'done', done: articles.length, total: articles.length });
    expect(analysed.result as AnalyzeReport).toEqual({ articles: articles.length, total: articles.length });

    const accept = await api.startJob({ method: 'acceptFindings', input: { ids: [987_654] } });
    expect(await pollToEnd(api, accept.jobId)).toMatchObject({ state: 'failed', error: { code: 'refused' } });
  });
});
