import type { ApiProgress } from '../app/api/contract.js';
import { ApiError, dispatch } from '../app/api/handlers.js';
import type { Library } from '../app/library.js';
import type { JobRunner } from '../app/jobs/runner.js';
import { API_CHANNEL, PROGRESS_CHANNEL, type ApiErrorCode, type ApiReply } from './bridge.js';

/*
 * The IPC face of the API contract. Electron is injected (as `handle`, shaped like
 * ipcMain.handle), so this module runs, and is tested, without Electron.
 * There is no per-method code here: a method added to the contract is served as soon as its
 * handler exists in app/api/handlers.ts.
 */

/** The part of an Electron WebContents this module uses. */
export interface IpcSender {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** The part of Electron's IpcMainInvokeEvent this module uses. */
export interface IpcInvokeEvent {
  readonly sender: IpcSender;
  readonly senderFrame: { readonly url: string } | null;
}

export type IpcInvokeListener = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<ApiReply>;

/** ipcMain.handle, or a test's stand-in. */
export type HandleFunction = (channel: string, listener: IpcInvokeListener) => void;

export interface ApiIpcOptions {
  handle: HandleFunction;
  /**
   * The library every call works on: a fixed one, or a getter read on each call (the desktop app
   * can switch libraries, and a handler must never keep serving a closed one).
   */
  library: Library | (() => Library);
  /** Refuses calls from frames that are not our renderer (e.g. anything navigated elsewhere). */
  isTrustedSender?: (event: IpcInvokeEvent) => boolean;
  /** Told about failures that are bugs rather than refusals; the caller only sees the message. */
  onInternalError?: (method: string, error: unknown) => void;
  /**
   * Runs startJob's jobs (worker threads with their own connection). Pass one made with the
   * library's nativeBinding when there is one; otherwise the library's default runner is used.
   * A getter is read on each call, like `library`'s.
   */
  jobs?: JobRunner | (() => JobRunner | undefined);
}

// Keeps the reply's code list in step with ApiError's: a new code there is a type error here.
const toReplyCode = (code: ApiError['code']): ApiErrorCode => code;

function failure(code: ApiErrorCode, message: string): ApiReply {
  return { ok: false, error: { code, message } };
}

/** Registers the single API handler: `invoke(API_CHANNEL, method, input)` → ApiReply. */
export function registerApiIpc(options: ApiIpcOptions): void {
  const { handle, library, jobs, isTrustedSender, onInternalError } = options;
  const currentLibrary = typeof library === 'function' ? library : () => library;
  const currentJobs = typeof jobs === 'function' ? jobs : () => jobs;

  handle(API_CHANNEL, async (event, method, input) => {
    if (isTrustedSender && !isTrustedSender(event)) {
      return failure('forbidden', `This window (${event.senderFrame?.url ?? 'unknown'}) may not call the Qinggao API.`);
    }
    if (typeof method !== 'string') {
      return failure('unknown_method', `The API method name must be a string, not ${method === null ? 'null' : typeof method}.`);
    }
    const sendProgress = (progress: ApiProgress): void => {
      if (!event.sender.isDestroyed()) event.sender.send(PROGRESS_CHANNEL, progress);
    };
    try {
      // dispatch validates the method name and the input against the contract's schemas.
      const result = await dispatch(method, input, { library: currentLibrary(), jobs: currentJobs(), onProgress: sendProgress });
      return { ok: true, result };
    } catch (err) {
      if (err instanceof ApiError) return failure(toReplyCode(err.code), err.message);
      onInternalError?.(method, err);
      const message = err instanceof Error ? err.message : String(err);
      return failure('internal', `${method} failed: ${message}`);
    }
  });
}
