import type { ApiClient, ApiMethod } from '../../../app/api/contract.js';
import type { ApiErrorCode, ApiReply } from '../../../main/bridge.js';

/*
 * The renderer's one API client. It knows nothing of Electron or HTTP: every call goes through a
 * Transport. Only TYPES come from app/, so no domain code reaches the bundle, and a method added
 * to the contract is on the client (and typed) without touching this file.
 */

/** Carries one call to wherever the API is served and resolves with its result. */
export type Transport = (method: ApiMethod, input: unknown) => Promise<unknown>;

/** A refused or failed call, with the code the server gave (or 'transport' if it never got there). */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorCode | 'transport',
    message: string,
    readonly method?: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** Turns a reply envelope (shared by IPC and HTTP) into its result, or throws its error. */
export function unwrapReply(method: string, reply: ApiReply): unknown {
  if (reply.ok) return reply.result;
  throw new ApiCallError(reply.error.code, reply.error.message, method);
}

/*
 * Names that code asks of any object without meaning to call the API: `then` (await and
 * Promise.resolve look for it), `toJSON`, React's `$$typeof`. The client has no such methods.
 */
const NOT_API_METHODS = new Set(['then', 'catch', 'finally', 'toJSON', 'constructor', '$$typeof']);

export function createApiClient(transport: Transport): ApiClient {
  const methods = new Map<string, (input: unknown) => Promise<unknown>>();
  return new Proxy(Object.create(null) as ApiClient, {
    get(_target, property) {
      if (typeof property !== 'string' || NOT_API_METHODS.has(property)) return undefined;
      let method = methods.get(property);
      if (!method) {
        // The server checks the name against the contract; an unknown one comes back as 'unknown_method'.
        method = (input: unknown) => transport(property as ApiMethod, input);
        methods.set(property, method);
      }
      return method;
    },
  });
}
