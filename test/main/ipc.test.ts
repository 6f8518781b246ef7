import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiProgress } from '../../app/api/contract.js';
import { openLibrary, type Library } from '../../app/library.js';
import type { ArticleDetail, ArticleListItem } from '../../app/store/articles.js';
import type { ImportReport } from '../../app/import/importer.js';
import type { SourceSummary } from '../../app/store/sources.js';
import { API_CHANNEL, PROGRESS_CHANNEL, type ApiReply } from '../../main/bridge.js';
import { registerApiIpc, type ApiIpcOptions, type IpcInvokeEvent, type IpcInvokeListener } from '../../main/ipc.js';
import { createApiClient } from '../../renderer/src/api/client.js';
import { createElectronTransport } from '../../renderer/src/api/electron.js';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const seedPage = path.join(seedsDir, fs.readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort()[0]!);
const RENDERER_URL = 'file:///opt/qinggao/dist/renderer/index.html';

/** A stand-in for a BrowserWindow's webContents: records what main sends it. */
function createFakeWindow(url = RENDERER_URL) {
  const sent: { channel: string; payload: unknown }[] = [];
  let destroyed = false;
  const event: IpcInvokeEvent = {
    sender: {
      send: (channel, ...args) => sent.push({ channel, payload: args[0] }),
      isDestroyed: () => destroyed,
    },
    senderFrame: { url },
  };
  return { event, sent, destroy: () => (destroyed = true) };
}

/** Registers the API on a fake ipcMain.handle and returns the one listener it got. */
function registerOnFakeIpc(options: Omit<ApiIpcOptions, 'handle'>) {
  const registered = new Map<string, IpcInvokeListener>();
  registerApiIpc({
    ...options,
    handle: (channel, listener) => {
      if (registered.has(channel)) throw new Error(`Second handler for ${channel}`);
      registered.set(channel, listener);
    },
  });
  return registered;
}

function expectFailure(reply: ApiReply, code: string): string {
  expect(reply.ok).toBe(false);
  if (reply.ok) throw new Error('unreachable');
  expect(reply.error.code).toBe(code);
  return reply.error.message;
}

function resultOf<T>(reply: ApiReply): T {
  if (!reply.ok) throw new Error(`Expected success, got ${reply.error.code}: ${reply.error.message}`);
  return reply.result as T;
}

describe('main/ipc: the API over IPC', () => {
  let dir: string;
  let library: Library;
  let invoke: IpcInvokeListener;
  let registered: Map<string, IpcInvokeListener>;
  const onInternalError = vi.fn();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinggao-ipc-'));
    library = openLibrary({ file: path.join(dir, 'lib.db') });
    onInternalError.mockReset();
    registered = registerOnFakeIpc({
      library,
      isTrustedSender: (event) => event.senderFrame?.url === RENDERER_URL,
      onInternalError,
    });
    invoke = registered.get(API_CHANNEL)!;
  });

  afterEach(() => {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers exactly one handler, on the API channel', () => {
    expect([...registered.keys()]).toEqual([API_CHANNEL]);
    expect(API_CHANNEL.startsWith('qinggao:')).toBe(true);
    expect(PROGRESS_CHANNEL.startsWith('qinggao:')).toBe(true);
  });

  it('refuses a method the contract does not declare, naming it', async () => {
    const { event } = createFakeWindow();
    const message = expectFailure(await invoke(event, 'dropAllTables', {}), 'unknown_method');
    expect(message).toContain('"dropAllTables"');
    // Names inherited from Object.prototype are not methods either.
    expectFailure(await invoke(event, 'constructor', {}), 'unknown_method');
    expectFailure(await invoke(event, '__proto__', {}), 'unknown_method');
  });

  it('refuses a method name that is not a string', async () => {
    const { event } = createFakeWindow();
    const message = expectFailure(await invoke(event, 42, {}), 'unknown_method');
    expect(message).toMatch(/must be a string/);
  });

  it('refuses invalid input with a readable message naming the method and the field', async () => {
    const { event } = createFakeWindow();
    const emptyPaths = expectFailure(await invoke(event, 'importPaths', { paths: [] }), 'invalid_input');
    expect(emptyPaths).toContain('importPaths');
    expect(emptyPaths).toContain('paths');
    expect(emptyPaths).not.toMatch(/\n\s+at /); // a message, not a stack trace

    const badId = expectFailure(await invoke(event, 'getArticle', { id: 'seven' }), 'invalid_input');
    expect(badId).toContain('getArticle');
    expect(badId).toContain('id');

    expectFailure(await invoke(event, 'getArticle', { id: -3 }), 'invalid_input');
    expectFailure(await invoke(event, 'listArticles', 'everything'), 'invalid_input');
  });

  it('imports a seed page and lists its sources and articles', async () => {
    const { event } = createFakeWindow();
    const report = resultOf<ImportReport>(await invoke(event, 'importPaths', { paths: [seedPage] }));
    expect(report).toMatchObject({ imported: 1, duplicates: 0, rejected: 0 });

    const sources = resultOf<SourceSummary[]>(await invoke(event, 'listSources', {}));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.name).toBe(path.basename(seedPage));
    expect(sources[0]!.articles).toBeGreaterThan(0);

    const articles = resultOf<ArticleListItem[]>(await invoke(event, 'listArticles', {}));
    expect(articles).toHaveLength(sources[0]!.articles);
    for (const article of articles) {
      expect(article.sourceName).toBe(path.basename(seedPage));
      expect(article.blockCount).toBeGreaterThan(0);
      expect(Array.isArray(article.reporters)).toBe(true);
    }
    expect(resultOf<ArticleListItem[]>(await invoke(event, 'listArticles', { sourceId: sources[0]!.id }))).toEqual(articles);

    const detail = resultOf<ArticleDetail>(await invoke(event, 'getArticle', { id: articles[0]!.id }));
    expect(detail.blocks).toHaveLength(articles[0]!.blockCount);
    expect(detail.blocks[0]).toHaveProperty('cls');

    // What crosses IPC must survive Electron's structured clone.
    expect(structuredClone(detail)).toEqual(detail);
  });

  it('sends import progress to the calling window only, on the progress channel', async () => {
    const caller = createFakeWindow();
    const bystander = createFakeWindow();
    resultOf(await invoke(caller.event, 'importPaths', { paths: [seedPage] }));

    expect(bystander.sent).toEqual([]);
    expect(caller.sent.length).toBeGreaterThanOrEqual(2);
    expect(caller.sent.every((m) => m.channel === PROGRESS_CHANNEL)).toBe(true);
    const progress = caller.sent.map((m) => m.payload as ApiProgress);
    expect(progress[0]).toEqual({ method: 'importPaths', done: 0, total: 1, detail: seedPage });
    expect(progress.at(-1)).toMatchObject({ method: 'importPaths', done: 1, total: 1 });
  });

  it('sends no progress to a window that has closed meanwhile', async () => {
    const window = createFakeWindow();
    window.destroy();
    resultOf(await invoke(window.event, 'importPaths', { paths: [seedPage] }));
    expect(window.sent).toEqual([]);
  });

  it('reports a refused action as "refused" with the library\'s message', async () => {
    const { event } = createFakeWindow();
    const message = expectFailure(await invoke(event, 'getArticle', { id: 999_999 }), 'refused');
    expect(message).toContain('999999');
  });

  it('refuses calls from a frame that is not the renderer, before touching the library', async () => {
    const intruder = createFakeWindow('https://example.com/');
    const message = expectFailure(await invoke(intruder.event, 'importPaths', { paths: [seedPage] }), 'forbidden');
    expect(message).toContain('https://example.com/');
    expect(resultOf<SourceSummary[]>(await invoke(createFakeWindow().event, 'listSources', {}))).toEqual([]);
  });

  it('returns an unexpected failure as "internal" instead of throwing across IPC', async () => {
    const { event } = createFakeWindow();
    library.db.close();
    const message = expectFailure(await invoke(event, 'listSources', {}), 'internal');
    expect(message).toMatch(/^listSources failed: /);
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('serves the renderer client end to end through a preload-shaped bridge', async () => {
    const { event } = createFakeWindow();
    const bridge = {
      call: (method: string, input: unknown) => invoke(event, method, input),
      onProgress: () => () => {},
      revealPath: async () => false,
    };
    const api = createApiClient(createElectronTransport(() => bridge));
    const report = await api.importPaths({ paths: [seedPage] });
    expect(report.imported).toBe(1);
    const articles = await api.listArticles({});
    expect(articles.length).toBeGreaterThan(0);
    await expect(api.getArticle({ id: 999_999 })).rejects.toMatchObject({ name: 'ApiCallError', code: 'refused' });
  });
});
