import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach } from 'vitest';
import { openLibrary, type Library } from '../app/library.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');
export const SEED_FILES = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(SEEDS_DIR, f));

const tempDirs: string[] = [];
const openLibraries: Library[] = [];

afterEach(() => {
  for (const lib of openLibraries.splice(0)) lib.close();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder removed after the test. */
export function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinggao-test-'));
  tempDirs.push(dir);
  return dir;
}

/** A real library file in a temp folder, closed after the test. */
export function openTempLibrary(): Library {
  const lib = openLibrary({ file: path.join(makeTempDir(), 'lib.db') });
  openLibraries.push(lib);
  return lib;
}


export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `qinggao` CLI (bin/qinggao.js) as a separate process, as an editor would. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'qinggao.js'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Converts UTF-8 text with the system's iconv, the way an archive would hand us legacy files. */
export function iconvEncode(text: string, to: string): Buffer {
  const result = spawnSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text });
  if (result.status !== 0) throw new Error(`iconv to ${to} failed: ${result.stderr.toString()}`);
  return result.stdout;
}

/** Counts the rows of every table, to show an operation left the library unchanged. */
export function tableCounts(lib: Library): Record<string, number> {
  const tables = lib.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (lib.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
}
