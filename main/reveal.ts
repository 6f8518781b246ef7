import fs from 'node:fs';
import path from 'node:path';
import type { IpcInvokeEvent } from './ipc.js';

/**
 * Shows an exported file or folder in the system's file manager. The renderer may only name a
 * path that exists and is absolute; anything else is refused, so the channel cannot be used to
 * open arbitrary programs or URLs.
 */
export function registerReveal(options: {
  handle: (channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<boolean>) => void;
  isTrustedSender: (event: IpcInvokeEvent) => boolean;
  reveal: (target: string) => void;
}): void {
  options.handle('qinggao:reveal', async (event, target) => {
    if (!options.isTrustedSender(event)) return false;
    if (typeof target !== 'string' || !path.isAbsolute(target) || !fs.existsSync(target)) return false;
    options.reveal(path.normalize(target));
    return true;
  });
}
