import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { SourceSummary } from '../../app/store/sources.js';
import type { ImportReport } from '../../app/import/importer.js';
import { startServer, type QinggaoServer, type ServerOptions } from '../../app/server/server.js';
import type { HttpErrorCode, HttpReply } from '../../app/server/api.js';
import { CONTENT_SECURITY_POLICY } from '../../app/server/security.js';
import { CONTENT_SECURITY_POLICY as ELECTRON_POLICY } from '../../main/security.js';
import type { ApiErrorCode, ApiReply } from '../../main/bridge.js';
import { ApiCallError, createApiClient } from '../../renderer/src/api/client.js';
import { createHttpTransport } from '../../renderer/src/api/http.js';
import { makeTempDir, openTempLibrary, REPO_ROOT, SEED_FILES, SEEDS_DIR } from '../helpers.js';
import { rawRequest } from './helpers.js';

const servers: QinggaoServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A renderer build stand-in: an index page, an asset, a folder, and a link pointing out of it. */
function makeRendererDir(): string {
  const dir = makeTempDir();
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>清稿</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("清稿");');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.css'), 'body { color: black; }');
  fs.writeFileSync(path.join(dir, '.env'), 'SECRET=1');
  fs.symlinkSync(path.join(REPO_ROOT, 'package.json'), path.join(dir, 'assets', 'escape.json'));
  return dir;
}

async function startTestServer(options: Partial<ServerOptions> = {}) {
  const library = options.library ?? openTempLibrary();
  const server = await startServer({ rendererDir: makeRendererDir(), ...options, library });
  servers.push(server);
  return { server, library };
}

/** A call as the renderer makes it: POST, JSON, the token. */
function call(server: QinggaoServer, method: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers },
    body: JSON.stringify(input),
  });
}

async function failure(response: Response): Promise<{ code: string; message: string }> {
  const reply = (await response.json()) as HttpReply;
  if (reply.ok) throw new Error('expected a failure');
  return reply.error;
}

function expectSecurityHeaders(headers: Headers | Record<string, unknown>): void {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : (headers[name.toLowerCase()] as string | undefined));
  expect(get('Content-Security-Policy')).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  expect(get('X-Content-Type-Options')).toBe('nosniff');
  expect(get('Referrer-Policy')).toBe('no-referrer');
  expect(get('X-Frame-Options')).toBe('DENY');
  const names = headers instanceof Headers ? [...headers.keys()] : Object.keys(headers);
  expect(names.filter((n) => n.toLowerCase().startsWith('access-control-'))).toEqual([]);
}

describe('qinggao serve: the HTTP server', () => {
  it('listens on 127.0.0.1 only, and its address carries a fresh random token in the fragment', async () => {
    const { server } = await startTestServer();
    const { server: other } = await startTestServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(other.token).not.toBe(server.token);
    expect(other.port).not.toBe(server.port);
  });

  it('answers a call with the IPC envelope: a round trip through the contract', async () => {
    const { server } = await startTestServer();
    const imported = await call(server, 'importPaths', { paths: [SEED_FILES[0]!, SEED_FILES[1]!] });
    expect(imported.status).toBe(200);
    expect(imported.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const reply = (await imported.json()) as ApiReply;
    expect(reply.ok).toBe(true);
    expect((reply as { result: ImportReport }).result).toMatchObject({ imported: 2, rejected: 0 });

    const listed = (await (await call(server, 'listSources', {})).json()) as { ok: true; result: SourceSummary[] };
    expect(listed.result.map((s) => s.name)).toEqual([path.basename(SEED_FILES[0]!), path.basename(SEED_FILES[1]!)]);
    // An empty body is an empty input.
    const empty = await fetch(`${server.origin}/api/listSources`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    });
    expect(empty.status).toBe(200);
  });

  it('refuses API calls without the token, or with another one, with 401', async () => {
    const { server } = await startTestServer();
    const wrongs: Record<string, string>[] = [
      {},
      { Authorization: '' },
      { Authorization: `Bearer ${server.token.slice(0, -1)}x` },
      { Authorization: 'Bearer short' },
      { Authorization: `Basic ${server.token}` },
      { Authorization: `Bearer ${server.token} extra` },
    ];
    for (const headers of wrongs) {
      const response = await fetch(`${server.origin}/api/listSources`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{}',
      });
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="qinggao"');
      expect(await failure(response)).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/access token/) });
    }
    // Before anything else: even a wrong verb or an unknown method only learns that it lacks the token.
    expect((await rawRequest(server.port, { path: '/api/nothingHere' })).status).toBe(401);
    expect((await call(server, 'listSources', {}, { Authorization: `bearer ${server.token}` })).status).toBe(200);
  });

  it('refuses requests addressed to another host (DNS rebinding) or from another origin with 403, token or not', async () => {
    const { server } = await startTestServer();
    const auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1', `127.0.0.1.nip.io:${server.port}`]) {
      const api = await rawRequest(server.port, { method: 'POST', path: '/api/listSources', headers: { ...auth, Host: host }, body: '{}' });
      expect(api.status, host).toBe(403);
      expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(api.body).not.toContain('sha256');
      const page = await rawRequest(server.port, { path: '/', headers: { Host: host } });
      expect(page.status, host).toBe(403);
      expect(page.body).not.toContain('清稿');
      expectSecurityHeaders(page.headers);
    }
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, `[::1]:${server.port}`]) {
      const ok = await rawRequest(server.port, { method: 'POST', path: '/api/listSources', headers: { ...auth, Host: host }, body: '{}' });
      expect(ok.status, host).toBe(200);
    }
    for (const origin of ['http://evil.example', `http://evil.example:${server.port}`, 'null', `https://127.0.0.1:${server.port}`]) {
      const response = await call(server, 'listSources', {}, { Origin: origin });
      expect(response.status, origin).toBe(403);
    }
    expect((await call(server, 'listSources', {}, { Origin: server.origin })).status).toBe(200);
  });

  it('never sends CORS headers, not even to a preflight or a request with an Origin', async () => {
    const { server } = await startTestServer();
    const preflight = await fetch(`${server.origin}/api/listSources`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(403);
    expectSecurityHeaders(preflight.headers);
    const sameOrigin = await call(server, 'listSources', {}, { Origin: server.origin });
    expect(sameOrigin.status).toBe(200);
    expectSecurityHeaders(sameOrigin.headers);
    const preflightSameOrigin = await rawRequest(server.port, {
      method: 'OPTIONS',
      path: '/api/listSources',
      headers: { Origin: server.origin, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflightSameOrigin.status).toBe(401);
    expectSecurityHeaders(preflightSameOrigin.headers);
  });

  it('says what is wrong with a call: invalid input, unknown method, refused action, wrong verb, body', async () => {
    const { server } = await startTestServer({ maxBodyBytes: 4096 });

    const invalid = await call(server, 'getArticle', { id: 'twelve' });
    expect(invalid.status).toBe(400);
    const invalidError = await failure(invalid);
    expect(invalidError.code).toBe('invalid_input');
    expect(invalidError.message).toMatch(/^Invalid input for getArticle: .*\n?.*id/s);

    const unknown = await call(server, 'dropTables', {});
    expect(unknown.status).toBe(400);
    expect(await failure(unknown)).toEqual({ code: 'unknown_method', message: 'Unknown API method "dropTables".' });
    expect((await call(server, '__proto__', {})).status).toBe(400);

    const refused = await call(server, 'getArticle', { id: 424242 });
    expect(refused.status).toBe(409);
    expect(await failure(refused)).toEqual({ code: 'refused', message: 'No article 424242 in this library.' });

    const get = await fetch(`${server.origin}/api/listSources`, { headers: { Authorization: `Bearer ${server.token}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');

    const text = await fetch(`${server.origin}/api/listSources`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);

    const notJson = await fetch(`${server.origin}/api/listSources`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: '{"oops": ',
    });
    expect(notJson.status).toBe(400);
    expect((await failure(notJson)).message).toMatch(/not valid JSON/);

    const big = await call(server, 'importPaths', { paths: ['x'.repeat(10_000)] });
    expect(big.status).toBe(413);
    expect((await failure(big)).message).toMatch(/larger than the limit/);
    // A body that does not declare its length is measured as it arrives.
    const chunked = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/importPaths',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: JSON.stringify({ paths: ['y'.repeat(10_000)] }),
    });
    expect(chunked.status).toBe(413);
  });

  it('serves the built renderer: index.html for /, files with their types, no listing, nothing outside', async () => {
    const { server } = await startTestServer();
    const index = await fetch(`${server.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('清稿');
    expectSecurityHeaders(index.headers);

    const js = await fetch(`${server.origin}/assets/index-abc123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain('清稿');
    expect((await fetch(`${server.origin}/assets/index-abc123.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const head = await fetch(`${server.origin}/index.html`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);

    for (const p of ['/assets', '/assets/', '/missing.js', '/.env']) {
      const response = await rawRequest(server.port, { path: p });
      expect(response.status, p).toBe(404);
      expect(response.body).not.toMatch(/index-abc123|SECRET/);
      expectSecurityHeaders(response.headers);
    }
    const traversals = [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2F..%2F..%2Fpackage.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/assets/escape.json',
      '/%00index.html',
      '/%E0%A4%A',
    ];
    for (const p of traversals) {
      const response = await rawRequest(server.port, { path: p });
      expect([403, 404], p).toContain(response.status);
      expect(response.body, p).not.toContain('"qinggao"');
    }
    expect((await rawRequest(server.port, { path: '/assets/escape.json' })).status).toBe(403);
    expect((await rawRequest(server.port, { path: '/index.html', method: 'POST' })).status).toBe(405);
  });

  it('answers 503 for pages when the renderer is not built, and serves the API all the same', async () => {
    const { server } = await startTestServer({ rendererDir: null });
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toMatch(/npm run build:renderer/);
    expect((await call(server, 'listSources', {})).status).toBe(200);
  });

  it('serves the renderer\'s own client through its HTTP transport', async () => {
    const { server } = await startTestServer();
    const api = createApiClient(createHttpTransport({ baseUrl: server.origin, getToken: () => server.token }));
    await api.importPaths({ paths: [SEEDS_DIR] });
    const articles = await api.listArticles({});
    expect(articles.length).toBeGreaterThan(15);
    const article = await api.getArticle({ id: articles[0]!.id });
    expect(article.blocks.length).toBeGreaterThan(0);
    await expect(api.getArticle({ id: 999_999 })).rejects.toMatchObject({ name: 'ApiCallError', code: 'refused', method: 'getArticle' });
    await expect(api.getArticle({ id: -1 })).rejects.toMatchObject({ code: 'invalid_input' });

    const anonymous = createApiClient(createHttpTransport({ baseUrl: server.origin, getToken: () => 'not-the-token' }));
    await expect(anonymous.listSources({})).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/access token/) });
    const tokenless = createApiClient(createHttpTransport({ baseUrl: server.origin, getToken: () => null }));
    await expect(tokenless.listSources({})).rejects.toBeInstanceOf(ApiCallError);

    await server.close();
    await expect(api.listSources({})).rejects.toMatchObject({ code: 'transport', message: expect.stringMatching(/Cannot reach/) });
  });

  it('sends the renderer\'s Content-Security-Policy, the same as the desktop app\'s and index.html\'s', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(ELECTRON_POLICY);
    const html = fs.readFileSync(path.join(REPO_ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    // Every code an HTTP reply carries is one the renderer's client knows.
    expectTypeOf<HttpErrorCode>().toExtend<ApiErrorCode>();
  });
});
