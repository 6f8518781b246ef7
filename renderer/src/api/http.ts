import type { ApiReply } from '../../../main/bridge.js';
import { ApiCallError, unwrapReply, type Transport } from './client.js';

/*
 * The HTTP transport, for the renderer served by `qinggao serve`: each call is
 * `POST /api/<method>` with a JSON body and this run's token as `Authorization: Bearer …`; the
 * answer is the same envelope IPC gives. The browser APIs it needs are passed in (main.tsx hands
 * over window's), which keeps this module free of DOM globals and lets tests hand it stand-ins.
 */

/** Where the page keeps the token for the tab's life (sessionStorage). */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface PageLocation {
  readonly hash: string;
  readonly pathname: string;
  readonly search: string;
}

export interface PageHistory {
  replaceState(data: unknown, unused: string, url?: string | URL | null): void;
}

export const TOKEN_STORAGE_KEY = 'qinggao.token';

/**
 * This run's access token. The address `qinggao serve` prints carries it in the fragment
 * (`#token=…`), which the browser never sends to the server; it is moved to sessionStorage and the
 * fragment cleared, so it does not linger in the address bar, in bookmarks or in screenshots.
 * A reload finds it in sessionStorage.
 */
export function takeAccessToken(location: PageLocation, storage: TokenStorage, history: PageHistory): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return fromHash;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}

export interface HttpTransportOptions {
  /** The server's origin; '' (the default) calls the page's own. */
  baseUrl?: string;
  /** Read on every call, so a token set later is used. */
  getToken: () => string | null;
  fetch?: typeof fetch;
}

function isReply(value: unknown): value is ApiReply {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'result' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null;
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const baseUrl = options.baseUrl ?? '';
  return async (method, input) => {
    const token = options.getToken();
    if (!token) {
      throw new ApiCallError('forbidden', 'This page has no access token: open the address `qinggao serve` printed, which carries it.', method);
    }
    const doFetch = options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
      });
    } catch (err) {
      throw new ApiCallError('transport', `Cannot reach the Qinggao server (${err instanceof Error ? err.message : String(err)}); is \`qinggao serve\` still running?`, method);
    }
    let reply: unknown;
    try {
      reply = await response.json();
    } catch {
      reply = undefined;
    }
    if (!isReply(reply)) {
      throw new ApiCallError('transport', `The server answered ${method} with HTTP ${response.status} and no Qinggao reply.`, method);
    }
    return unwrapReply(method, reply);
  };
}
