import { describe, expect, it, vi } from 'vitest';
import { ApiCallError, createApiClient, unwrapReply, type Transport } from '../../renderer/src/api/client.js';
import { createElectronProgress, createElectronTransport } from '../../renderer/src/api/electron.js';

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
