import type { QinggaoBridge } from '../../main/bridge.js';

declare global {
  interface Window {
    /** Set by the Electron preload (main/preload.cts); absent when the page is opened elsewhere. */
    readonly qinggao?: QinggaoBridge;
  }
}
