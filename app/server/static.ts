import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * The built renderer (dist/renderer), served read-only: files only, `/` is index.html, no directory
 * listing, nothing outside the folder (no `..`, no symbolic link leading out, no hidden files).
 */

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; file: string; size: number }
  | { kind: 'forbidden' }
  | { kind: 'not_found' };

/** The file a URL path names inside root (a real path), or why there is none. */
export function resolveStaticPath(root: string, urlPath: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'forbidden' };
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'not_found' };
  const wanted = path.join(root, ...(segments.length === 0 ? ['index.html'] : segments));
  let real: string;
  try {
    real = fs.realpathSync(wanted);
  } catch {
    return { kind: 'not_found' };
  }
  if (real !== root && !real.startsWith(root + path.sep)) return { kind: 'forbidden' };
  const stat = fs.statSync(real);
  if (!stat.isFile()) return { kind: 'not_found' };
  return { kind: 'file', file: real, size: stat.size };
}

/** Answers GET/HEAD for a static file; errors are short plain-text pages. */
export function serveStatic(req: IncomingMessage, res: ServerResponse, root: string | null, urlPath: string): void {
  const plain = (status: number, text: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : `${text}\n`);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    plain(405, 'Method not allowed.');
    return;
  }
  if (!root) {
    plain(503, 'The editor is not built: run `npm run build:renderer` in the Qinggao folder. The API at /api/ works.');
    return;
  }
  const found = resolveStaticPath(root, urlPath);
  if (found.kind === 'forbidden') return plain(403, 'Forbidden.');
  if (found.kind === 'not_found') return plain(404, 'Not found.');
  res.writeHead(200, { 'Content-Type': contentTypeOf(found.file), 'Content-Length': found.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
