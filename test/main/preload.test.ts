import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { API_CHANNEL, MAX_MENU_IMPORT_PATHS, MAX_MENU_PATH_LENGTH, MENU_CHANNEL, PROGRESS_CHANNEL } from '../../main/bridge.js';

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
  it('requires nothing but electron and exposes exactly one object of functions', () => {
    const { required, exposed } = runPreloadInFakeSandbox();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['qinggao']);
    const bridge = exposed.get('qinggao') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onMenuCommand', 'onProgress', 'revealPath']);
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

  it('delivers well-formed menu commands only, as fresh copies without the IPC event, and unsubscribes', () => {
    const { exposed, listeners, emit } = runPreloadInFakeSandbox();
    const bridge = exposed.get('qinggao') as { onMenuCommand: (cb: (c: unknown) => void) => () => void };
    const received: unknown[] = [];
    const unsubscribe = bridge.onMenuCommand((command) => received.push(command));
    expect([...listeners.keys()]).toEqual([MENU_CHANNEL]);
    const event = { sender: 'the IpcRendererEvent, which must not leak' };

    const paths = ['/home/editor/版面/1950-01-01.txt', '/home/editor/版面/1950-01'];
    const sentImport = { command: 'import', paths, extra: 'dropped' };
    emit(MENU_CHANNEL, event, { command: 'export', paths: ['ignored'] });
    emit(MENU_CHANNEL, event, sentImport);
    expect(received).toEqual([{ command: 'export' }, { command: 'import', paths }]);
    expect((received[1] as { paths: string[] }).paths).not.toBe(paths); // a copy: later changes do not reach the page

    const malformed: unknown[] = [
      undefined,
      null,
      'export',
      { command: 'quit' },
      { command: 'import' },
      { command: 'import', paths: [] },
      { command: 'import', paths: 'one.txt' },
      { command: 'import', paths: ['a.txt', 7] },
      { command: 'import', paths: [''] },
      { command: 'import', paths: ['a\0.txt'] },
      { command: 'import', paths: ['x'.repeat(MAX_MENU_PATH_LENGTH + 1)] },
      { command: 'import', paths: Array.from({ length: MAX_MENU_IMPORT_PATHS + 1 }, (_, i) => `/p/${i}.txt`) },
    ];
    for (const value of malformed) emit(MENU_CHANNEL, event, value);
    expect(received).toHaveLength(2);

    unsubscribe();
    emit(MENU_CHANNEL, event, { command: 'export' });
    expect(received).toHaveLength(2);
    expect(listeners.get(MENU_CHANNEL)?.size).toBe(0);
    expect(() => bridge.onMenuCommand('not a function' as never)).toThrow(/must be a function/);
  });
});
