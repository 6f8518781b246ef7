/*
 * The preload: runs sandboxed, so it is CommonJS and may require nothing but 'electron'.
 * It exposes exactly one object, window.qinggao, that forwards to the API's channels;
 * ipcRenderer itself never reaches the page. The channel names and limits repeat
 * main/bridge.ts's, checked by their types.
 */
import electron = require('electron');
import type {
  ApiChannel,
  ApiReply,
  MaxMenuImportPaths,
  MaxMenuPathLength,
  MenuChannel,
  MenuCommand,
  ProgressChannel,
  QinggaoBridge,
  RevealChannel,
} from './bridge.js';
import type { ApiProgress } from '../app/api/contract.js';

const API_CHANNEL: ApiChannel = 'qinggao:api';
const PROGRESS_CHANNEL: ProgressChannel = 'qinggao:progress';
const REVEAL_CHANNEL: RevealChannel = 'qinggao:reveal';
const MENU_CHANNEL: MenuChannel = 'qinggao:menu';
const MAX_MENU_IMPORT_PATHS: MaxMenuImportPaths = 10_000;
const MAX_MENU_PATH_LENGTH: MaxMenuPathLength = 4096;

/** A fresh, well-formed copy of a menu command, or null: nothing else reaches the page. */
function toMenuCommand(value: unknown): MenuCommand | null {
  if (typeof value !== 'object' || value === null) return null;
  const { command, paths } = value as { command?: unknown; paths?: unknown };
  if (command === 'export') return { command: 'export' };
  if (command !== 'import' || !Array.isArray(paths) || paths.length === 0 || paths.length > MAX_MENU_IMPORT_PATHS) return null;
  const usable = paths.every(
    (p): p is string => typeof p === 'string' && p.length > 0 && p.length <= MAX_MENU_PATH_LENGTH && !p.includes('\0'),
  );
  return usable ? { command: 'import', paths: [...(paths as string[])] } : null;
}

const bridge: QinggaoBridge = {
  call(method, input) {
    if (typeof method !== 'string') return Promise.reject(new TypeError('qinggao.call: the method name must be a string.'));
    return electron.ipcRenderer.invoke(API_CHANNEL, method, input) as Promise<ApiReply>;
  },
  onProgress(listener) {
    if (typeof listener !== 'function') throw new TypeError('qinggao.onProgress: the listener must be a function.');
    const forward = (_event: electron.IpcRendererEvent, progress: ApiProgress): void => listener(progress);
    electron.ipcRenderer.on(PROGRESS_CHANNEL, forward);
    return () => {
      electron.ipcRenderer.removeListener(PROGRESS_CHANNEL, forward);
    };
  },
  revealPath(target) {
    if (typeof target !== 'string') return Promise.reject(new TypeError('qinggao.revealPath: the path must be a string.'));
    return electron.ipcRenderer.invoke(REVEAL_CHANNEL, target) as Promise<boolean>;
  },
  onMenuCommand(listener) {
    if (typeof listener !== 'function') throw new TypeError('qinggao.onMenuCommand: the listener must be a function.');
    const forward = (_event: electron.IpcRendererEvent, value: unknown): void => {
      const command = toMenuCommand(value);
      if (command) listener(command);
    };
    electron.ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      electron.ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
};

electron.contextBridge.exposeInMainWorld('qinggao', bridge);
