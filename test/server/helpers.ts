import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SEED_FILES } from '../helpers.js';

/**
 * Writes `count` page files, each a sample page with a line of its own appended, so that no two are
 * the same bytes (identical bytes would import once). Returns the folder's files, sorted.
 */
export function writeDistinctPages(dir: string, count: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const seed = fs.readFileSync(SEED_FILES[i % SEED_FILES.length]!, 'utf8');
    const file = path.join(dir, `page-${String(i).padStart(4, '0')}.txt`);
    fs.writeFileSync(file, `${seed}\n\n本报讯 第${i}号补充稿件，供测试使用。\n`);
    files.push(file);
  }
  return files;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request exactly as given: any Host header, any path (fetch would normalise `..`
 * and forbids setting Host), any method.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, setHost: !options.headers?.['Host'] },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Polls until `check` gives a value other than undefined, or fails after the timeout. */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
