import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, runCli, SEEDS_DIR } from '../helpers.js';
import { startServeProcess, type ServeProcess } from './serve-process.js';

const running: ServeProcess[] = [];

afterEach(async () => {
  for (const serve of running.splice(0)) await serve.stop('SIGKILL');
});

describe('qinggao serve (the CLI command)', () => {
  it('prints the address first, serves the library, and on SIGTERM or SIGINT closes it cleanly and exits 0', async () => {
    const lib = path.join(makeTempDir(), 'lib.db');
    expect(runCli(['import', SEEDS_DIR, '--library', lib]).code).toBe(0);

    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const serve = await startServeProcess(['--library', lib, '--port', '0']);
      running.push(serve);
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);

      const response = await fetch(`${serve.origin}/api/listSources`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${serve.token}` },
        body: '{}',
      });
      expect(response.status).toBe(200);
      const reply = (await response.json()) as { ok: true; result: unknown[] };
      expect(reply.result).toHaveLength(5);
      expect((await fetch(`${serve.origin}/api/listSources`, { method: 'POST', body: '{}' })).status).toBe(401);

      expect(await serve.stop(signal)).toBe(0);
      expect(serve.stderr()).toMatch(/Serving .*lib\.db/);
      expect(serve.stderr()).toMatch(new RegExp(`Stopping \\(${signal}\\)`));
      // Closed cleanly: the last connection checkpointed the write-ahead log and removed it.
      expect(fs.existsSync(`${lib}-wal`)).toBe(false);
    }
  });

  it('refuses a bad port as a usage error, and a port in use with a clear message', async () => {
    const lib = path.join(makeTempDir(), 'lib.db');
    const bad = runCli(['serve', '--port', 'eighty', '--library', lib]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port must be a whole number/);
    expect(runCli(['serve', '--port', '70000', '--library', lib]).code).toBe(2);
    expect(runCli(['serve', 'extra', '--library', lib]).code).toBe(2);

    const first = await startServeProcess(['--library', lib]);
    running.push(first);
    const second = runCli(['serve', '--port', String(first.port), '--library', lib]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+ \(the port is in use\)/);
    expect(second.stdout).toBe('');
  });
});
