/*
 * The preload: runs sandboxed, so it is CommonJS and may require nothing but 'electron'.
 * It exposes exactly one object, window.qinggao, that forwards to the API's two channels;
 * ipcRenderer itself never reaches the page. The channel names repeat main/bridge.ts's,
 * checked by their types.
 */
import electron = require('electron');
import type { ApiChannel, ApiReply, ProgressChannel, QinggaoBridge, RevealChannel } from './bridge.js';
import type { ApiProgress } from '../app/api/contract.js';

const API_CHANNEL: ApiChannel = 'qinggao:api';
const PROGRESS_CHANNEL: ProgressChannel = 'qinggao:progress';
const REVEAL_CHANNEL: RevealChannel = 'qinggao:reveal';

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
};

electron.contextBridge.exposeInMainWorld('qinggao', bridge);
