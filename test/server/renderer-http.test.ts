import { describe, expect, it, vi } from 'vitest';
import type { QinggaoBridge } from '../../main/bridge.js';
import { connectApi, type PageHost } from '../../renderer/src/api/connect.js';
import { createApiClient } from '../../renderer/src/api/client.js';
import { createHttpTransport, takeAccessToken, TOKEN_STORAGE_KEY } from '../../renderer/src/api/http.js';

/** A page as connectApi sees it: address, sessionStorage, history and fetch, all stand-ins. */
function fakePage(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const location = { hash, pathname: '/', search: '' };
  const replaced: string[] = [];
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify({ ok: true, result: [] })));
  const page: PageHost & { qinggao?: QinggaoBridge } = {
    location,
    sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    history: {
      replaceState: (_data, _unused, url) => {
        replaced.push(String(url));
        location.hash = '';
      },
    },
    fetch,
  };
  return { page, storage, replaced, fetch };
}

describe('the renderer\'s HTTP transport', () => {
  it('takes the token from the address fragment into sessionStorage and clears the fragment', () => {
    const { page, storage, replaced } = fakePage('#token=abc_DEF-123');
    expect(takeAccessToken(page.location, page.sessionStorage, page.history)).toBe('abc_DEF-123');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc_DEF-123');
    expect(replaced).toEqual(['/']);
    // A reload has no fragment any more, and finds the token where it was put.
    expect(takeAccessToken(page.location, page.sessionStorage, page.history)).toBe('abc_DEF-123');
    expect(replaced).toEqual(['/']);
  });

  it('prefers a fresh token in the address to an old one in storage, and has none when neither is there', () => {
    const fresh = fakePage('#token=new', { [TOKEN_STORAGE_KEY]: 'old' });
    expect(takeAccessToken(fresh.page.location, fresh.page.sessionStorage, fresh.page.history)).toBe('new');
    const none = fakePage('');
    expect(takeAccessToken(none.page.location, none.page.sessionStorage, none.page.history)).toBeNull();
    expect(none.replaced).toEqual([]);
  });

  it('posts JSON with the bearer token to /api/<method> on the page\'s own origin, without credentials', async () => {
    const { page, fetch } = fakePage('#token=t0k3n');
    const connection = connectApi(page);
    expect(connection).toMatchObject({ transport: 'http', connected: true });
    await expect(connection.api.listArticles({ sourceId: 2 })).resolves.toEqual([]);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/listArticles');
    expect(init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t0k3n' },
      body: '{"sourceId":2}',
      credentials: 'omit',
    });
    expect(connection.subscribeProgress(() => {})).toBeTypeOf('function');
  });

  it('uses the desktop bridge when the page has one, and says when it has neither bridge nor token', async () => {
    const bridge: QinggaoBridge = { call: vi.fn(async () => ({ ok: true as const, result: 'via ipc' })), onProgress: () => () => {}, revealPath: async () => false };
    const desktop = fakePage('');
    desktop.page.qinggao = bridge;
    const connection = connectApi(desktop.page);
    expect(connection).toMatchObject({ transport: 'electron', connected: true });
    await expect(connection.api.listSources({})).resolves.toBe('via ipc');
    expect(desktop.fetch).not.toHaveBeenCalled();

    const lost = connectApi(fakePage('').page);
    expect(lost).toMatchObject({ transport: 'http', connected: false });
    await expect(lost.api.listSources({})).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/qinggao serve/) });
  });

  it('turns answers that are not Qinggao replies into transport errors', async () => {
    const api = createApiClient(createHttpTransport({
      getToken: () => 't',
      fetch: async () => new Response('<html>proxy error</html>', { status: 502 }),
    }));
    await expect(api.listSources({})).rejects.toMatchObject({ code: 'transport', message: expect.stringMatching(/HTTP 502/) });
  });
});
