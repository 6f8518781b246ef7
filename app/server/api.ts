import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, dispatch, type HandlerContext } from '../api/handlers.js';
import { hasValidToken } from './security.js';

/*
 * `POST /api/<method>` with a JSON body: the contract's dispatch behind the token. The reply is the
 * same envelope IPC uses, `{ ok: true, result } | { ok: false, error: { code, message } }`, and the
 * HTTP status says the same thing for tools that only look at it:
 *
 *   200  ok
 *   400  invalid_input (the input fails the method's schema, or the body is not JSON),
 *        unknown_method
 *   401  forbidden: no token, or not this run's token (with WWW-Authenticate: Bearer)
 *   403  forbidden: the Host or Origin is not this server (see security.ts)
 *   405  invalid_input: not POST (with Allow: POST)
 *   409  refused: the library refused the action as it stands (no such article, nothing to undo…)
 *   413  invalid_input: the body is larger than the limit
 *   415  invalid_input: the body is not declared as application/json
 *   500  internal: a bug; the message names the method and the error
 */

/** The codes an HTTP reply can carry: ApiError's, plus what the server itself refuses or fails with. */
export type HttpErrorCode = ApiError['code'] | 'forbidden' | 'internal';

export type HttpReply = { ok: true; result: unknown } | { ok: false; error: { code: HttpErrorCode; message: string } };

/** The status an error code gets when nothing more specific applies. */
export const HTTP_STATUS: Readonly<Record<HttpErrorCode, number>> = {
  invalid_input: 400,
  unknown_method: 400,
  forbidden: 403,
  refused: 409,
  internal: 500,
};

/** Uploads go through the API as base64 JSON, so the limit leaves room for a batch of full pages. */
export const DEFAULT_MAX_BODY_BYTES = 128 * 1024 * 1024;

export interface ApiRouteOptions {
  token: string;
  context: HandlerContext;
  maxBodyBytes: number;
  onInternalError?: (method: string, error: unknown) => void;
}

export function sendReply(res: ServerResponse, status: number, reply: HttpReply): void {
  const body = JSON.stringify(reply);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendFailure(res: ServerResponse, status: number, code: HttpErrorCode, message: string): void {
  sendReply(res, status, { ok: false, error: { code, message } });
}

/** The body as text, or null (after answering 413) when it is larger than the limit. */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<string | null> {
  const tooLarge = () => {
    res.setHeader('Connection', 'close');
    sendFailure(res, 413, 'invalid_input', `The request body is larger than the limit of ${Math.round(limit / 1024 / 1024)} MB.`);
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    tooLarge();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return; // drained, not kept
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        tooLarge();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, method: string, options: ApiRouteOptions): Promise<void> {
  if (!hasValidToken(req, options.token)) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="qinggao"');
    sendFailure(res, 401, 'forbidden', 'This request has no valid access token: open the address `qinggao serve` printed, which carries it.');
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendFailure(res, 405, 'invalid_input', `API methods are called with POST, not ${req.method}.`);
    return;
  }
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    sendFailure(res, 415, 'invalid_input', 'The request body must be JSON, sent as Content-Type: application/json.');
    return;
  }
  const text = await readBody(req, res, options.maxBodyBytes);
  if (text === null) return;
  let input: unknown;
  try {
    input = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (err) {
    sendFailure(res, 400, 'invalid_input', `The request body is not valid JSON (${(err as Error).message}).`);
    return;
  }
  try {
    const result = await dispatch(method, input, options.context);
    sendReply(res, 200, { ok: true, result });
  } catch (err) {
    if (err instanceof ApiError) {
      sendFailure(res, HTTP_STATUS[err.code], err.code, err.message);
      return;
    }
    options.onInternalError?.(method, err);
    sendFailure(res, 500, 'internal', `${method} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
