import type { TFunction } from 'i18next';
import { ApiCallError } from './client.js';

/*
 * How a failed call is told to the editor. Refusals come with the server's own message (it names
 * the article or block and what to do); transport and internal failures get a sentence of ours
 * around the technical message.
 */

export function describeError(t: TFunction, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiCallError) {
    switch (error.code) {
      case 'transport':
        return t('error.transport', { message });
      case 'refused':
        return t('error.refused', { message });
      case 'invalid_input':
        return t('error.invalid', { message });
      default:
        return t('error.internal', { message });
    }
  }
  return t('error.internal', { message });
}

/** True when the server refused because the article (or block) no longer exists. */
export function isGone(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'refused' && /^No (article|block) \d+/.test(error.message);
}

/** True for "Nothing to undo/redo" refusals, which are not errors to the editor. */
export function isNothingTo(error: unknown, action: 'undo' | 'redo'): boolean {
  return error instanceof ApiCallError && error.code === 'refused' && error.message.startsWith(`Nothing to ${action}`);
}

/** True when the method is not served by this connection (an older server). */
export function isUnknownMethod(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'unknown_method';
}
