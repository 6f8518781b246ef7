import type { ApiMethod, ApiProgress } from '../app/api/contract.js';

/*
 * The wire between the main process, the preload and the renderer, declared once.
 * Every IPC channel starts with the "qinggao:" prefix; the main process answers on API_CHANNEL only
 * and refuses any method name the contract does not declare.
 *
 * The sandboxed preload cannot require local files, so it repeats the channel names as literals
 * typed with ApiChannel / ProgressChannel: a mismatch is a type error, not a silent bug.
 * The renderer may import TYPES from this file (never values): it is part of its contract.
 */

export const CHANNEL_PREFIX = 'qinggao:';
export const API_CHANNEL = 'qinggao:api';
export const PROGRESS_CHANNEL = 'qinggao:progress';
/** Shows an exported file or folder in the file manager (desktop only). */
export const REVEAL_CHANNEL = 'qinggao:reveal';

export type ApiChannel = typeof API_CHANNEL;
export type ProgressChannel = typeof PROGRESS_CHANNEL;
export type RevealChannel = typeof REVEAL_CHANNEL;
/** Commands from the application menu to the window (main → renderer only). */
export const MENU_CHANNEL = 'qinggao:menu';
export type MenuChannel = typeof MENU_CHANNEL;

/** The most paths one menu import hands the window; more are refused on the way in. */
export const MAX_MENU_IMPORT_PATHS = 10_000;
/** The longest path a menu command may carry (as the API's exportEdition `out`). */
export const MAX_MENU_PATH_LENGTH = 4096;
export type MaxMenuImportPaths = typeof MAX_MENU_IMPORT_PATHS;
export type MaxMenuPathLength = typeof MAX_MENU_PATH_LENGTH;

/**
 * What the application menu asks of the window: open the export dialog, or import the files and
 * folders the editor chose in the native dialog (the window runs it as an importPaths job, with
 * progress and cancel, like any import). The preload and the renderer both drop anything else.
 */
export type MenuCommand = { command: 'export' } | { command: 'import'; paths: string[] };

/** ApiError's codes, plus what the IPC layer itself can refuse or fail with. */
export type ApiErrorCode = 'unknown_method' | 'invalid_input' | 'refused' | 'forbidden' | 'internal';

export interface ApiErrorPayload {
  code: ApiErrorCode;
  message: string;
}

/**
 * What a call answers over IPC (and, later, over HTTP). Errors travel as values because Electron
 * reduces an error thrown across IPC to a prefixed message string and drops its fields.
 */
export type ApiReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorPayload };

/** The one object the preload exposes as `window.qinggao`. */
export interface QinggaoBridge {
  call(method: ApiMethod, input: unknown): Promise<ApiReply>;
  /** Subscribes to progress of long calls made by this window; returns the unsubscribe. */
  onProgress(listener: (progress: ApiProgress) => void): () => void;
  /** Shows an absolute path that exists in the file manager; false when refused. */
  revealPath(target: string): Promise<boolean>;
  /**
   * Subscribes to the application menu's commands (only well-formed ones arrive); returns the
   * unsubscribe. Optional: a page given a bridge without it (an older preload, a test) has no menu.
   */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
}
