import type { ApiProgress } from '../../../app/api/contract.js';
import type { QinggaoBridge } from '../../../main/bridge.js';
import { ApiCallError, unwrapReply, type Transport } from './client.js';

/*
 * The Electron transport: calls go through the preload's window.qinggao bridge. The bridge is
 * passed in as a getter (main.tsx gives `() => window.qinggao`), which keeps this module free of
 * DOM globals and lets tests hand it a stand-in.
 */

export type BridgeGetter = () => QinggaoBridge | undefined;

export function createElectronTransport(getBridge: BridgeGetter): Transport {
  return async (method, input) => {
    const bridge = getBridge();
    if (!bridge) throw new ApiCallError('transport', 'The Qinggao desktop bridge is not available in this window.', method);
    return unwrapReply(method, await bridge.call(method, input));
  };
}

/** Subscribes to progress of this window's long calls; returns the unsubscribe. */
export function createElectronProgress(getBridge: BridgeGetter) {
  return (listener: (progress: ApiProgress) => void): (() => void) => getBridge()?.onProgress(listener) ?? (() => {});
}
