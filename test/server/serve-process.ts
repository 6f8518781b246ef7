import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.js';

/** A `qinggao serve` running as its own process, the real CLI (bin/qinggao.js), as an editor starts it. */
export interface ServeProcess {
  /** The first line it printed: the address with the token in its fragment. */
  url: string;
  origin: string;
  port: number;
  token: string;
  child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Sends the signal and resolves with the exit code (or the signal's name if it was killed). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export function startServeProcess(args: string[], timeoutMs = 30_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'qinggao.js'), 'serve', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`qinggao serve printed no address within ${timeoutMs} ms. stderr:\n${stderr}`));
    }, timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`qinggao serve ${why}. stdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    child.once('error', (err) => fail(`could not start (${err.message})`));
    void exited.then((code) => fail(`exited (${code}) before printing its address`));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      const url = stdout.slice(0, newline).trim();
      const parsed = new URL(url);
      resolve({
        url,
        origin: parsed.origin,
        port: Number(parsed.port),
        token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
        child,
        stderr: () => stderr,
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
  });
}
