import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { API_CHANNEL, PROGRESS_CHANNEL } from '../../main/bridge.js';

const preloadFile = fileURLToPath(new URL('../../main/preload.cts', import.meta.url));

/**
 * Compiles main/preload.cts as the build does (a .cts under NodeNext → CommonJS) and runs it the
 * way Electron runs a sandboxed preload: wrapped in a function whose `require` knows 'electron'
 * only. The fake electron records what the preload exposes and sends.
 */
function runPreloadInFakeSandbox() {
  const { outputText } = ts.transpileModule(fs.readFileSync(preloadFile, 'utf8'), {
    fileName: 'preload.cts',
    compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2023 },
  });
  const required: string[] = [];
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, result: 'answer' });
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
    },
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`A sandboxed preload cannot require "${name}".`);
  };
  const wrapped = vm.runInNewContext(
    `(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {\n${outputText}\n})`,
    { Promise, TypeError },
  ) as (...args: unknown[]) => void;
  const module = { exports: {} };
  wrapped(sandboxRequire, {}, undefined, {}, undefined, undefined, module.exports, module);
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l(...args));
  return { required, exposed, invoked, listeners, emit };
}

describe('main/preload.cts', () => {
  it('requires nothing but electron and exposes exactly one object with two functions', () => {
    const { required, exposed } = runPreloadInFakeSandbox();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['qinggao']);
    const bridge = exposed.get('qinggao') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onProgress', 'revealPath']);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('forwards call(method, input) to the API channel and returns the reply', async () => {
    const { exposed, invoked } = runPreloadInFakeSandbox();
    const bridge = exposed.get('qinggao') as { call: (m: unknown, i: unknown) => Promise<unknown> };
    await expect(bridge.call('listArticles', { sourceId: 2 })).resolves.toEqual({ ok: true, result: 'answer' });
    expect(invoked).toEqual([[API_CHANNEL, 'listArticles', { sourceId: 2 }]]);
    await expect(bridge.call(7, {})).rejects.toThrow(/must be a string/);
    expect(invoked).toHaveLength(1);
  });

  it('delivers progress without the IPC event, and unsubscribes', () => {
    const { exposed, listeners, emit } = runPreloadInFakeSandbox();
    const bridge = exposed.get('qinggao') as { onProgress: (cb: (p: unknown) => void) => () => void };
    const received: unknown[] = [];
    const unsubscribe = bridge.onProgress((p) => received.push(p));
    expect([...listeners.keys()]).toEqual([PROGRESS_CHANNEL]);
    const progress = { method: 'importPaths', done: 1, total: 2, detail: 'a.txt' };
    emit(PROGRESS_CHANNEL, { sender: 'the IpcRendererEvent, which must not leak' }, progress);
    expect(received).toEqual([progress]);
    unsubscribe();
    emit(PROGRESS_CHANNEL, {}, progress);
    expect(received).toHaveLength(1);
    expect(listeners.get(PROGRESS_CHANNEL)?.size).toBe(0);
  });
});
