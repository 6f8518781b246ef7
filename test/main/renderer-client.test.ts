import { describe, expect, it, vi } from 'vitest';
import { ApiCallError, createApiClient, unwrapReply, type Transport } from '../../renderer/src/api/client.js';
import type { MenuCommand, QinggaoBridge } from '../../main/bridge.js';
import { connectApi, menuCommandsOf, type PageHost } from '../../renderer/src/api/connect.js';
import { createElectronMenuCommands, createElectronProgress, createElectronTransport, isMenuCommand } from '../../renderer/src/api/electron.js';

describe('renderer API client', () => {
  it('sends each call through the transport as (method, input) and resolves with its result', async () => {
    const transport = vi.fn<Transport>(async (method) => `${method} done`);
    const api = createApiClient(transport);
    await expect(api.listArticles({ sourceId: 3 })).resolves.toBe('listArticles done');
    await expect(api.undo({ articleId: 9 })).resolves.toBe('undo done');
    expect(transport.mock.calls).toEqual([
      ['listArticles', { sourceId: 3 }],
      ['undo', { articleId: 9 }],
    ]);
  });

  it('gives the same function for a method every time (stable for React dependencies)', () => {
    const api = createApiClient(async () => null);
    expect(api.getArticle).toBe(api.getArticle);
  });

  it('is not mistaken for a promise, and has no symbol members', async () => {
    const transport = vi.fn<Transport>(async () => null);
    const api = createApiClient(transport);
    expect(await Promise.resolve(api)).toBe(api);
    expect((api as unknown as Record<symbol, unknown>)[Symbol.iterator]).toBeUndefined();
    expect(transport).not.toHaveBeenCalled();
  });

  it('turns an error reply into an ApiCallError with its code', () => {
    expect(unwrapReply('listSources', { ok: true, result: [1] })).toEqual([1]);
    const error = (() => {
      try {
        unwrapReply('getArticle', { ok: false, error: { code: 'refused', message: 'No article 4 in this library.' } });
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'refused', message: 'No article 4 in this library.', method: 'getArticle' });
  });

  it('fails clearly when the page has no desktop bridge', async () => {
    const api = createApiClient(createElectronTransport(() => undefined));
    await expect(api.listSources({})).rejects.toMatchObject({ name: 'ApiCallError', code: 'transport' });
    const unsubscribe = createElectronProgress(() => undefined)(() => {});
    expect(unsubscribe).toBeTypeOf('function');
  });
});

/** A desktop bridge whose menu channel the test drives: `send` is what main's webContents.send would deliver. */
function bridgeWithMenu() {
  const listeners = new Set<(command: MenuCommand) => void>();
  const bridge: QinggaoBridge = {
    call: async () => ({ ok: true, result: null }),
    onProgress: () => () => {},
    revealPath: async () => false,
    onMenuCommand: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  // Cast: the test also sends what a well-behaved preload never would.
  const send = (value: unknown) => listeners.forEach((listener) => listener(value as MenuCommand));
  return { bridge, listeners, send };
}

describe('the desktop menu commands in the renderer', () => {
  it('knows the two commands and nothing else', () => {
    expect(isMenuCommand({ command: 'export' })).toBe(true);
    expect(isMenuCommand({ command: 'import', paths: ['/a/b.txt'] })).toBe(true);
    for (const value of [null, 'export', { command: 'import', paths: [] }, { command: 'import', paths: [1] }, { command: 'import', paths: [''] }, { command: 'delete' }]) {
      expect(isMenuCommand(value), JSON.stringify(value)).toBe(false);
    }
  });

  it('passes the commands the bridge delivers, drops malformed ones, and unsubscribes', () => {
    const { bridge, listeners, send } = bridgeWithMenu();
    const received: MenuCommand[] = [];
    const unsubscribe = createElectronMenuCommands(() => bridge)((command) => received.push(command));
    send({ command: 'export' });
    send({ command: 'import', paths: ['/pages/1.txt', '/pages/more'] });
    send({ command: 'import', paths: 'not a list' });
    send({ command: 'format-disk' });
    expect(received).toEqual([{ command: 'export' }, { command: 'import', paths: ['/pages/1.txt', '/pages/more'] }]);
    unsubscribe();
    expect(listeners.size).toBe(0);
  });

  it('subscribes to nothing without a bridge, or with a bridge that has no menu', () => {
    const listener = vi.fn();
    expect(createElectronMenuCommands(() => undefined)(listener)).toBeTypeOf('function');
    const { onMenuCommand: _dropped, ...older } = bridgeWithMenu().bridge;
    expect(createElectronMenuCommands(() => older)(listener)).toBeTypeOf('function');
    expect(listener).not.toHaveBeenCalled();
  });

  it('is part of the desktop connection only: a browser page has no application menu', () => {
    const page = (qinggao?: QinggaoBridge): PageHost => ({
      qinggao,
      location: { hash: '', pathname: '/', search: '' },
      sessionStorage: { getItem: () => null, setItem: () => {} },
      history: { replaceState: () => {} },
      fetch: async () => new Response('{}'),
    });
    const { bridge, send } = bridgeWithMenu();
    const desktop = connectApi(page(bridge));
    const received: MenuCommand[] = [];
    desktop.subscribeMenuCommands!((command) => received.push(command));
    send({ command: 'export' });
    expect(received).toEqual([{ command: 'export' }]);
    expect(connectApi(page()).subscribeMenuCommands).toBeNull();
    expect(menuCommandsOf(page())).toBeNull();
    expect(menuCommandsOf(page(bridge))).toBeTypeOf('function');
  });
});
