import type { ApiClient, ApiProgress } from '../../../app/api/contract.js';
import type { QinggaoBridge } from '../../../main/bridge.js';
import { createApiClient } from './client.js';
import { createElectronMenuCommands, createElectronProgress, createElectronTransport, type MenuCommandSubscription } from './electron.js';
import { createHttpTransport, takeAccessToken, type PageHistory, type PageLocation, type TokenStorage } from './http.js';

/*
 * The one place that picks the transport: the desktop app's preload bridge when the page has one,
 * otherwise HTTP to the `qinggao serve` that served the page. Everything above it holds an
 * ApiClient and never learns which.
 */

export interface ApiConnection {
  api: ApiClient;
  /**
   * Progress pushed for this window's long calls (over IPC, including its jobs). Over HTTP nothing
   * is pushed: poll jobStatus, which works on both transports. Returns the unsubscribe.
   */
  subscribeProgress: (listener: (progress: ApiProgress) => void) => () => void;
  /**
   * The desktop application menu's commands (File → Import…, Export…); null in a browser, which
   * has no application menu of ours.
   */
  subscribeMenuCommands: MenuCommandSubscription | null;
  transport: 'electron' | 'http';
  /** False when no call can succeed: neither a desktop bridge nor an access token. */
  connected: boolean;
}

/** What connectApi uses of the page; `window` is one. */
export interface PageHost {
  readonly qinggao?: QinggaoBridge | undefined;
  readonly location: PageLocation;
  readonly sessionStorage: TokenStorage;
  readonly history: PageHistory;
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

/** The application menu's commands when the page has the desktop bridge, else null. */
export function menuCommandsOf(page: Pick<PageHost, 'qinggao'>): MenuCommandSubscription | null {
  return page.qinggao ? createElectronMenuCommands(() => page.qinggao) : null;
}

export function connectApi(page: PageHost): ApiConnection {
  if (page.qinggao) {
    const getBridge = () => page.qinggao;
    return {
      api: createApiClient(createElectronTransport(getBridge)),
      subscribeProgress: createElectronProgress(getBridge),
      subscribeMenuCommands: menuCommandsOf(page),
      transport: 'electron',
      connected: true,
    };
  }
  const token = takeAccessToken(page.location, page.sessionStorage, page.history);
  return {
    // Called through page, not detached: a browser's fetch throws when called without its window.
    api: createApiClient(createHttpTransport({ getToken: () => token, fetch: (input, init) => page.fetch(String(input), init) })),
    subscribeProgress: () => () => {},
    subscribeMenuCommands: null,
    transport: 'http',
    connected: token !== null,
  };
}
