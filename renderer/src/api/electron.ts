import type { ApiProgress } from '../../../app/api/contract.js';
import type { MenuCommand, QinggaoBridge } from '../../../main/bridge.js';
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

/** Subscribes to the application menu's commands; returns the unsubscribe. */
export type MenuCommandSubscription = (listener: (command: MenuCommand) => void) => () => void;

/**
 * True for a command the window knows. The preload already drops anything else; checking again
 * here keeps a bridge from elsewhere (an older preload, a test) from reaching the UI unchecked.
 */
export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { command, paths } = value as { command?: unknown; paths?: unknown };
  if (command === 'export') return true;
  return (
    command === 'import' &&
    Array.isArray(paths) &&
    paths.length > 0 &&
    paths.every((p) => typeof p === 'string' && p.length > 0 && !p.includes('\0'))
  );
}

/**
 * The desktop menu's commands, through the bridge; a bridge without menu commands (or no bridge:
 * the page is served by `qinggao serve`) gives a subscription that never calls its listener.
 */
export function createElectronMenuCommands(getBridge: BridgeGetter): MenuCommandSubscription {
  return (listener) => {
    const bridge = getBridge();
    if (typeof bridge?.onMenuCommand !== 'function') return () => {};
    return bridge.onMenuCommand((command) => {
      if (isMenuCommand(command)) listener(command);
    });
  };
}
