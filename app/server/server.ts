import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Library } from '../library.js';
import { packageRoot } from '../paths.js';
import { JobRunner } from '../jobs/runner.js';
import { DEFAULT_MAX_BODY_BYTES, handleApiRequest, sendFailure } from './api.js';
import { allowedHosts, applySecurityHeaders, checkHostAndOrigin, createToken } from './security.js';
import { serveStatic } from './static.js';

/*
 * `qinggao serve`: the built renderer and the API contract over HTTP, on 127.0.0.1 only, for
 * editors who work in a browser and for end-to-end tests. Routes:
 *   POST /api/<method>   the API (api.ts: token, statuses, reply envelope)
 *   GET  /, /<file>      the built renderer (static.ts), no token needed: it holds no data
 * The printed address carries the token in its fragment (`#token=…`), which browsers never send,
 * so it stays out of request lines and logs; the page moves it to sessionStorage.
 */

export interface ServerOptions {
  library: Library;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer; defaults to the package's dist/renderer. null serves the API alone. */
  rendererDir?: string | null;
  /** Runs startJob's jobs; by default the server makes one for the library file and closes it with itself. */
  jobs?: JobRunner;
  maxBodyBytes?: number;
  /** Told about failures that are bugs rather than refusals; the caller only sees the message. */
  onInternalError?: (method: string, error: unknown) => void;
}

export interface QinggaoServer {
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** The address to open: the origin with this run's token in the fragment. */
  readonly url: string;
  readonly token: string;
  /** Stops listening, drops open connections, stops the jobs it owns (waiting for them to end). */
  close(): Promise<void>;
}

export function defaultRendererDir(): string | null {
  const dir = path.join(packageRoot(), 'dist', 'renderer');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null;
}

export const LOOPBACK = '127.0.0.1';

export async function startServer(options: ServerOptions): Promise<QinggaoServer> {
  const token = createToken();
  const rendererDir = options.rendererDir === undefined ? defaultRendererDir() : options.rendererDir;
  const root = rendererDir === null ? null : fs.realpathSync(rendererDir);
  const ownsJobs = options.jobs === undefined;
  const jobs = options.jobs ?? new JobRunner({ file: options.library.file });
  let hosts: ReadonlySet<string> = new Set();

  const server = http.createServer((req, res) => {
    applySecurityHeaders(res);
    const refusal = checkHostAndOrigin(req, hosts);
    if (refusal) {
      sendFailure(res, 403, 'forbidden', refusal);
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      handleApiRequest(req, res, pathname.slice('/api/'.length), {
        token,
        context: { library: options.library, jobs },
        maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        onInternalError: options.onInternalError,
      }).catch((err: unknown) => {
        options.onInternalError?.(pathname, err);
        if (!res.headersSent) sendFailure(res, 500, 'internal', 'The request failed.');
        else res.destroy();
      });
      return;
    }
    serveStatic(req, res, root, pathname);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: LOOPBACK }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  hosts = allowedHosts(port);
  const origin = `http://${LOOPBACK}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    port,
    origin,
    url: `${origin}/#token=${token}`,
    token,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        if (ownsJobs) await jobs.close();
      })();
      return closing;
    },
  };
}
